// 全国地方公共団体コード: 5 digits (13112 世田谷区, as RESAS writes it) or 6 with a check digit (131121).
// Codes are compared as their 5-digit form; a 6-digit code must carry the right check digit.

/** The check digit of a 5-digit code: 11 minus (digits weighted 6,5,4,3,2) mod 11, last digit. */
export function municipalityCheckDigit(code5: string): number {
  let sum = 0;
  for (let i = 0; i < 5; i += 1) sum += Number(code5[i]) * (6 - i);
  return (11 - (sum % 11)) % 10;
}

/**
 * The 5-digit code of a cell value (13112, "131121", "１３１１２", a number that lost its leading zero), or null
 * when it is not a municipality code or its check digit is wrong.
 */
export function municipalityCode(value: unknown): string | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.normalize('NFKC').trim() : '';
  if (!/^\d{4,6}$/.test(text)) return null;
  if (text.length === 6) {
    const code5 = text.slice(0, 5);
    return municipalityCheckDigit(code5) === Number(text[5]) ? code5 : null;
  }
  return text.padStart(5, '0');
}
