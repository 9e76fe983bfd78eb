// Numbers read straight from a worksheet's text, for the worksheet scanner (sheet-row-scanner.ts).
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A plain decimal such as 3, -0.125 or 45472.17126157407 without allocating; NaN for anything else (exponents,
 * more than 2^53 in its digits). Exact digits ÷ an exact power of ten rounds once, so it equals Number(text).
 */
export function decimalAt(xml: string, start: number, end: number): number {
  let i = start;
  const negative = xml.charCodeAt(i) === 45;
  if (negative) i += 1;
  if (i === end) return Number.NaN;
  let n = 0;
  let scale = -1;
  for (; i < end; i += 1) {
    const c = xml.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      if (scale >= 0) scale += 1;
    } else if (c === 46 && scale === -1) {
      scale = 0;
    } else {
      return Number.NaN;
    }
  }
  if (n > Number.MAX_SAFE_INTEGER || scale > 22 || (scale !== -1 && end - start === 1 + (negative ? 1 : 0))) return Number.NaN;
  const value = scale > 0 ? n / POWERS_OF_TEN[scale]! : n;
  return negative ? -value : value;
}

export function digitsAt(xml: string, at: number): number {
  let n = 0;
  for (let i = at; ; i += 1) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return n;
    n = n * 10 + d;
  }
}
