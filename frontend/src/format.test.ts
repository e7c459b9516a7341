import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, langForCountry, minorDigits, minorToDecimal } from './format';

// Intl separates groups with narrow/no-break spaces in some locales; compare
// with plain spaces so the assertions read naturally.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('minorToDecimal', () => {
  it('places the decimal point by the currency digits without floats', () => {
    expect(minorToDecimal(420000, 2)).toBe('4200.00');
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(-1999, 2)).toBe('-19.99');
    expect(minorToDecimal(1234, 0)).toBe('1234');
    // 2^53 - 1 minor units: a float division would lose the last digit.
    expect(minorToDecimal(9007199254740991, 2)).toBe('90071992547409.91');
  });
});

describe('formatMoney', () => {
  it('formats minor units in the currency of the amount', () => {
    expect(formatMoney({ minor: 420000, currency: 'EUR' }, 'en')).toBe('€4,200.00');
    expect(plain(formatMoney({ minor: 12345678, currency: 'RUB' }, 'ru'))).toBe('123 456,78 ₽');
    expect(plain(formatMoney({ minor: 12345678, currency: 'BGN' }, 'bg'))).toBe('123 456,78 лв.');
    expect(plain(formatMoney({ minor: 420000, currency: 'EUR' }, 'bg'))).toBe('4200,00 €');
    expect(formatMoney({ minor: 100, currency: 'CNY' }, 'en')).toBe('CN¥1.00');
  });

  it('uses the currency minor unit: yen have none', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(formatMoney({ minor: 1500, currency: 'JPY' }, 'en')).toBe('¥1,500');
  });

  it('keeps exact cents on amounts too large for a double', () => {
    expect(formatMoney({ minor: 9007199254740991, currency: 'EUR' }, 'en')).toBe('€90,071,992,547,409.91');
  });
});

describe('formatDate', () => {
  it('writes a day the way the UI language does', () => {
    expect(formatDate('2026-03-05', 'en')).toBe('03/05/2026');
    expect(plain(formatDate('2026-03-05', 'bg'))).toBe('05.03.2026 г.');
    expect(formatDate('2026-03-05', 'ru')).toBe('05.03.2026');
  });
});

describe('langForCountry', () => {
  it('tags names by the customer country so the right glyphs are used', () => {
    expect(langForCountry('BG')).toBe('bg');
    expect(langForCountry('cn')).toBe('zh-Hans');
    expect(langForCountry(null)).toBeUndefined();
  });
});
