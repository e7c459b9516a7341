// Money typed by a person, in major units ("1 234,56"), turned into integer
// minor units exactly: the text is split into digits, never parsed as a float,
// so 0.1 + 0.2 problems cannot reach a price.

export type MoneyParse =
  | { ok: true; minor: bigint }
  | { ok: false; error: 'empty' | 'format' | 'precision' | 'negative' | 'tooLarge' };

// The largest integer a JSON number carries exactly in a browser; Int64
// values above it would be rounded on the way to the server.
export const maxSafeMinor = BigInt(Number.MAX_SAFE_INTEGER);

// parseMajor reads an amount in major units with up to `digits` decimals.
// Either "." or "," may be the decimal separator: with both present the last
// one is. A single "." is always decimal (12.345 EUR is refused, not read as
// twelve thousand); a single "," is decimal unless exactly three digits follow
// (1,234 is English for one thousand and more); repeated, either groups thousands.
// Spaces, no-break spaces and apostrophes group thousands too (1 234,50; 1'234.50).
export function parseMajor(text: string, digits: number): MoneyParse {
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return { ok: false, error: 'empty' };
  if (s.startsWith('-')) return { ok: false, error: 'negative' };
  if (s.startsWith('+')) s = s.slice(1);
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return { ok: false, error: 'format' };

  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart = s;
  let frac = '';
  let groupSep = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    groupSep = dec === '.' ? ',' : '.';
    const at = s.lastIndexOf(dec);
    intPart = s.slice(0, at);
    frac = s.slice(at + 1);
    if (frac.includes(groupSep) || intPart.includes(dec)) return { ok: false, error: 'format' };
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    const tail = parts[parts.length - 1];
    if (parts.length === 2 && (sep === '.' || tail.length !== 3 || digits >= 3)) {
      intPart = parts[0];
      frac = tail;
    } else {
      groupSep = sep;
    }
  }
  if (groupSep) {
    const groups = intPart.split(groupSep);
    // Thousands groups: a lead of 1–3 digits, then groups of exactly three.
    if (!/^[0-9]{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^[0-9]{3}$/.test(g))) {
      return { ok: false, error: 'format' };
    }
    intPart = groups.join('');
  }
  if (!/^[0-9]*$/.test(intPart) || !/^[0-9]*$/.test(frac)) return { ok: false, error: 'format' };
  if (intPart === '' && frac === '') return { ok: false, error: 'format' };
  // Trailing zeros past the currency's precision are harmless (12.500 EUR).
  const significant = frac.replace(/0+$/, '');
  if (significant.length > digits) return { ok: false, error: 'precision' };
  const minor = BigInt((intPart || '0') + frac.slice(0, digits).padEnd(digits, '0'));
  if (minor > maxSafeMinor) return { ok: false, error: 'tooLarge' };
  return { ok: true, minor };
}

// parseQuantity accepts a positive whole number of units and nothing else.
export function parseQuantity(text: string): number | null {
  const s = text.trim();
  if (!/^[0-9]{1,9}$/.test(s)) return null;
  return Number(s);
}

// lineAmount is quantity × unit price in minor units, exactly; null when the
// product is past what the server's Int64 can carry through JSON.
export function lineAmount(quantity: number, unitMinor: bigint): bigint | null {
  const v = BigInt(quantity) * unitMinor;
  return v > maxSafeMinor ? null : v;
}
