// Plan vs actual by month for the dealer detail's chart: WON deals closed in
// the year, summed per month in the plan's currency (integer minor units),
// with the cumulative total and the plan's straight-line pace.

export type MonthBar = { month: number; actual: number; cumulative: number; pace: number };

export function monthlyActuals(
  deals: { closedAt?: string | null; amount: { minor: number; currency: string } }[],
  year: number,
  currency: string,
  plannedMinor: number,
): MonthBar[] {
  const sums = new Array<number>(12).fill(0);
  for (const d of deals) {
    if (!d.closedAt || d.amount.currency !== currency) continue;
    const at = new Date(d.closedAt);
    if (at.getUTCFullYear() !== year) continue;
    sums[at.getUTCMonth()] += d.amount.minor;
  }
  let cumulative = 0;
  return sums.map((actual, i) => {
    cumulative += actual;
    // Integer pace: the plan spread evenly, rounded down to a minor unit.
    return { month: i + 1, actual, cumulative, pace: Math.floor((plannedMinor * (i + 1)) / 12) };
  });
}
