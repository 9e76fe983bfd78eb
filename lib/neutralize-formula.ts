// One rule for every spreadsheet-facing output (CSV, the committee workbook): text that a spreadsheet would
// execute when opened or re-entered (= + - @, or a leading tab/CR) gets a leading ', as OWASP advises.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
