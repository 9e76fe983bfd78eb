import { Decimal } from 'decimal.js';

// Local clone: the global Decimal config stays untouched for other modules.
// ROUND_DOWN for intermediate results: truncation never moves a value across a
// rounding midpoint, so the final half-up rounding decides exactly as if exact.
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_DOWN });

function toExact(value: number | string): Decimal {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${String(value)}`);
    // The shortest round-trip string is the decimal the user sees (1.005, not 1.00499999…).
    return new Exact(String(value));
  }
  const text = value.trim();
  let parsed: Decimal;
  try {
    parsed = new Exact(text);
  } catch {
    throw new RangeError(`not a decimal number: "${value}"`);
  }
  if (!parsed.isFinite()) throw new RangeError(`not a finite number: "${value}"`);
  return parsed;
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be an integer 0–20, got ${String(decimals)}`);
  }
}

function toNumber(rounded: Decimal): number {
  const result = rounded.toNumber();
  // -0 would print as "-0" in some writers; a rounded -0.001 is just 0.
  return result === 0 ? 0 : result;
}

/**
 * Rounds to `decimals` places, half away from zero, on the exact decimal value
 * (roundHalfUp(1.005, 2) === 1.01, roundHalfUp(-1.5, 0) === -2), as Excel's ROUND does.
 * Throws RangeError on a non-finite number, a non-numeric string or bad `decimals`.
 */
export function roundHalfUp(value: number | string, decimals: number): number {
  checkDecimals(decimals);
  if (typeof value === 'number' && Number.isFinite(value) && placesOf(String(value)) <= decimals) return value === 0 ? 0 : value;
  return toNumber(toExact(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP));
}

/**
 * Decimal places of a number's shortest round-trip string, or Infinity in exponent form. A value with no more places
 * than asked is its own rounding: most values printed (the dashboard's figures, the workbook's cells) were already
 * rounded to their decimals, and a decimal.js round trip for each was most of formatting them.
 */
function placesOf(text: string): number {
  if (text.includes('e')) return Number.POSITIVE_INFINITY;
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/**
 * numerator ÷ denominator × 100, rounded half away from zero to `decimals` places.
 * null when the denominator is 0 or either input is not finite.
 */
export function percentOf(numerator: number, denominator: number, decimals: number): number | null {
  checkDecimals(decimals);
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return null;
  const ratio = toExact(numerator).times(100).dividedBy(toExact(denominator));
  return toNumber(ratio.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP));
}
