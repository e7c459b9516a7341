import { describe, expect, it } from 'vitest';
import { lineAmount, maxSafeMinor, parseMajor, parseQuantity } from './money';

const minor = (text: string, digits = 2) => {
  const r = parseMajor(text, digits);
  return r.ok ? r.minor : r.error;
};

describe('parseMajor', () => {
  it('reads plain and decimal amounts into exact minor units', () => {
    expect(minor('4200')).toBe(420000n);
    expect(minor('4200.5')).toBe(420050n);
    expect(minor('4200,05')).toBe(420005n);
    expect(minor('0.1')).toBe(10n);
    expect(minor('.5')).toBe(50n);
    // 0.29 × 100 is 28.999999999999996 in floating point; here it is 29.
    expect(minor('0.29')).toBe(29n);
    expect(minor('1.005', 3)).toBe(1005n);
  });

  it('understands thousands separators of English and Russian writing', () => {
    expect(minor('1,234.56')).toBe(123456n);
    expect(minor('1.234,56')).toBe(123456n);
    expect(minor('1 234,56')).toBe(123456n);
    expect(minor('1\u00a0234\u00a0567,8')).toBe(123456780n);
    expect(minor("1'234.50")).toBe(123450n);
    expect(minor('1,234,567')).toBe(123456700n);
    expect(minor('1,234')).toBe(123400n);
  });

  it('keeps currencies without minor units whole', () => {
    expect(minor('1500', 0)).toBe(1500n);
    expect(minor('1500.0', 0)).toBe(1500n);
    expect(minor('1500.5', 0)).toBe('precision');
  });

  it('refuses what is not an amount', () => {
    expect(minor('')).toBe('empty');
    expect(minor('  ')).toBe('empty');
    expect(minor('-5')).toBe('negative');
    expect(minor('12.345')).toBe('precision');
    expect(minor('1e5')).toBe('format');
    expect(minor('12,34,56')).toBe('format');
    expect(minor('1.2.3')).toBe('format');
    expect(minor('1,23.45')).toBe('format');
    expect(minor('.')).toBe('format');
    expect(minor('abc')).toBe('format');
  });

  it('refuses amounts a JSON number cannot carry exactly', () => {
    expect(minor('90071992547409.91')).toBe(9007199254740991n);
    expect(minor('90071992547409.92')).toBe('tooLarge');
  });
});

describe('parseQuantity and lineAmount', () => {
  it('accepts whole positive numbers only', () => {
    expect(parseQuantity('12')).toBe(12);
    expect(parseQuantity(' 7 ')).toBe(7);
    expect(parseQuantity('1.5')).toBeNull();
    expect(parseQuantity('-1')).toBeNull();
    expect(parseQuantity('')).toBeNull();
  });

  it('multiplies exactly and stops at the safe integer limit', () => {
    expect(lineAmount(3, 33333n)).toBe(99999n);
    expect(lineAmount(1000, 123456789n)).toBe(123456789000n);
    expect(lineAmount(2, maxSafeMinor)).toBeNull();
  });
});
