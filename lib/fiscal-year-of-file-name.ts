// The fiscal year an inbox file's name states, whatever the family: what a rejected file was expected to feed when
// nothing in it could be read (pipelines/rejected-files.ts).
import { fiscalYearOf, parseFiscalYear } from './fiscal-year.ts';

// A month (せたがやPay月次報告_2024年06月.xlsx, 【せたがやPay】月次集計レポート_202503.xlsx) before a fiscal year
// (手入力_令和6年度.xlsx, 公社_相談記録_令和6年度.csv, R6_産業基礎調査_母集団.csv); 2020年版 (a RESAS release) is neither.
const YEAR_MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\d)|(?<!\d)(\d{4})(0[1-9]|1[0-2])(?!\d)/;
const FISCAL_YEAR = /(?:令和|平成)\s*(?:\d{1,2}|元)\s*年度|(?<![A-Za-z])[RH]\d{1,2}(?![\d年A-Za-z])|\d{4}\s*年度/;

/** 手入力_令和6年度.xlsx → 2024, …_202503.xlsx → 2024 (March is the fiscal year's last month); null when the name states none. */
export function fiscalYearOfFileName(file: string): number | null {
  const name = (file.split('/').at(-1) ?? file).normalize('NFKC');
  const month = YEAR_MONTH.exec(name);
  if (month) {
    const year = Number(month[1] ?? month[3]);
    const m = Number(month[2] ?? month[4]);
    if (m >= 1 && m <= 12) return fiscalYearOf(year, m);
  }
  const label = FISCAL_YEAR.exec(name);
  return label ? parseFiscalYear(label[0].replace(/\s+/g, '')) : null;
}
