// The fiscal years an inbox file's name states, whatever the family: what a rejected file was expected to feed when
// nothing in it could be read (pipelines/rejected-files.ts).
import { fiscalYearOf, parseFiscalYear } from './fiscal-year.ts';

// A month (せたがやPay月次報告_2024年06月.xlsx, 【せたがやPay】月次集計レポート_202503.xlsx) before a fiscal year
// (手入力_令和6年度.xlsx, 公社_相談記録_令和6年度.csv, R6_産業基礎調査_母集団.csv) or a span of them
// (公社_セミナー実施記録_令和5-6年度.xlsx); 2020年版 (a RESAS release) is none of these.
const YEAR_MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\d)|(?<!\d)(\d{4})(0[1-9]|1[0-2])(?!\d)/;
const ERA_SPAN = /(令和|平成)\s*(\d{1,2}|元)\s*[-~〜～]\s*(\d{1,2})\s*年度/;
const FISCAL_YEAR = /(?:令和|平成)\s*(?:\d{1,2}|元)\s*年度|(?<![A-Za-z])[RH]\d{1,2}(?![\d年A-Za-z])|\d{4}\s*年度/;

/** 手入力_令和6年度.xlsx → [2024], …_202503.xlsx → [2024] (March ends the fiscal year), 令和5-6年度 → [2023, 2024]; [] when the name states none. */
export function fiscalYearsOfFileName(file: string): number[] {
  const name = (file.split('/').at(-1) ?? file).normalize('NFKC');
  const month = YEAR_MONTH.exec(name);
  if (month) {
    const m = Number(month[2] ?? month[4]);
    if (m >= 1 && m <= 12) return [fiscalYearOf(Number(month[1] ?? month[3]), m)];
  }
  const span = ERA_SPAN.exec(name);
  if (span) {
    const from = parseFiscalYear(`${span[1]}${span[2]}年度`);
    const to = parseFiscalYear(`${span[1]}${span[3]}年度`);
    if (from !== null && to !== null && from <= to) return Array.from({ length: to - from + 1 }, (_, k) => from + k);
  }
  const label = FISCAL_YEAR.exec(name);
  const year = label ? parseFiscalYear(label[0].replace(/\s+/g, '')) : null;
  return year === null ? [] : [year];
}
