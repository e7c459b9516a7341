// Formatting of money, dates and times for display. Money arrives as integer
// minor units (schema: Money.minor) and is never turned into a float: the
// decimal string is built from the integer and handed to Intl as a string,
// which formats it exactly.

const fractionCache = new Map<string, number>();

// minorDigits is the number of minor-unit digits of an ISO 4217 currency
// (2 for EUR, 0 for JPY), as the browser's Intl data knows it.
export function minorDigits(currency: string): number {
  let d = fractionCache.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    fractionCache.set(currency, d);
  }
  return d;
}

// minorToDecimal turns 420000 (EUR) into "4200.00" without floating point.
export function minorToDecimal(minor: number | bigint, digits: number): string {
  const v = BigInt(minor);
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(digits + 1, '0');
  const whole = digits ? s.slice(0, s.length - digits) : s;
  const frac = digits ? '.' + s.slice(s.length - digits) : '';
  return (neg ? '-' : '') + whole + frac;
}

export function formatMoney(money: { minor: number; currency: string }, locale: string): string {
  const digits = minorDigits(money.currency);
  const dec = minorToDecimal(money.minor, digits);
  const nf = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl.NumberFormat accepts decimal strings and formats them exactly; the
  // cast is needed only because older lib typings declare number | bigint.
  return nf.format(dec as unknown as number);
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: iso.length === 10 ? 'UTC' : undefined }).format(d);
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

// langForCountry gives the lang attribute for a name from a customer's
// country, so the browser shapes Cyrillic, Han and Romanian text with the
// right fonts (Bulgarian and Russian Cyrillic differ in some glyphs).
export function langForCountry(country: string | null | undefined): string | undefined {
  switch (country?.toUpperCase()) {
    case 'BG':
      return 'bg';
    case 'RO':
      return 'ro';
    case 'RU':
      return 'ru';
    case 'CN':
      return 'zh-Hans';
    default:
      return undefined;
  }
}
