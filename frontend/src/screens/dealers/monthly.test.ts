import { describe, expect, it } from 'vitest';
import { monthlyActuals } from './monthly';

const deal = (closedAt: string | null, minor: number, currency = 'EUR') => ({ closedAt, amount: { minor, currency } });

describe('monthlyActuals', () => {
  it('sums WON deals by closing month and accumulates them', () => {
    const bars = monthlyActuals(
      [deal('2026-01-15T10:00:00Z', 100), deal('2026-01-31T23:59:59Z', 50), deal('2026-03-01T00:00:00Z', 25)],
      2026,
      'EUR',
      1200,
    );
    expect(bars.map((b) => b.actual).slice(0, 4)).toEqual([150, 0, 25, 0]);
    expect(bars[11].cumulative).toBe(175);
    expect(bars.map((b) => b.pace).slice(0, 3)).toEqual([100, 200, 300]);
    expect(bars[11].pace).toBe(1200);
  });

  it('leaves out other years, other currencies and deals without a closing time', () => {
    const bars = monthlyActuals(
      [deal('2025-12-31T23:00:00Z', 100), deal('2026-02-01T00:00:00Z', 70, 'BGN'), deal(null, 5)],
      2026,
      'EUR',
      0,
    );
    expect(bars.every((b) => b.actual === 0 && b.cumulative === 0)).toBe(true);
  });
});
