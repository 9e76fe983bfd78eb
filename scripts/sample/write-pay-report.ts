// A せたがやPay monthly report workbook in one of the operator's two layouts (config/setagaya/sources/
// setagaya-pay.yaml): 2023年度様式 (labels with a unit column, month as text) and the 2024年10月 layout
// (new labels and order, month as a date cell, 継続率 as a fraction shown as a percentage).
import ExcelJS from 'exceljs';
import { deterministicZip } from '../../lib/deterministic-zip.ts';
import { formatFiscalYear, fiscalYearOf } from '../../lib/fiscal-year.ts';

export interface PayReportFigures {
  memberStores: number;
  cumulativePayers: number;
  /** 件 */
  paymentCount: number;
  /** 千円 */
  paymentAmount: number;
  /** 千円 */
  cumulativeAmount: number;
  /** % with one decimal (71.8) */
  continuationRate: number;
}

export interface PayReportSample {
  layout: 'v2023' | 'v2024-10';
  year: number;
  month: number;
  figures: PayReportFigures;
  storeClasses: { name: string; memberStores: number; paymentCount: number; paymentAmount: number }[];
  /** The fiscal year printed on the report; by default the month's own. */
  statedFiscalYear?: number;
}

export async function writePayReport(report: PayReportSample): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'せたがやPay 運営事業者';
  workbook.created = new Date(Date.UTC(report.year, report.month, 5));
  workbook.modified = workbook.created;
  const fy = report.statedFiscalYear ?? fiscalYearOf(report.year, report.month);
  const f = report.figures;
  if (report.layout === 'v2023') {
    const sheet = workbook.addWorksheet('月次報告');
    sheet.columns = [{ width: 22 }, { width: 16 }, { width: 16 }, { width: 16 }];
    sheet.addRows([
      ['せたがやPay 月次利用状況報告書'],
      ['報告年度', formatFiscalYear(fy)],
      ['対象月', `${report.year}年${report.month}月`],
      [],
      ['項目', '値', '単位'],
      ['加盟店舗数', f.memberStores, '店'],
      ['累計支払経験者数', f.cumulativePayers, '人'],
      ['決済回数', f.paymentCount, '件'],
      ['決済金額（千円）', f.paymentAmount, '千円'],
      ['累計支払額（千円）', f.cumulativeAmount, '千円'],
      ['継続率（%）', f.continuationRate, '%'],
      [],
      ['店舗区分', '加盟店舗数', '決済回数', '決済金額'],
      ...report.storeClasses.map((c) => [c.name, c.memberStores, c.paymentCount, c.paymentAmount]),
      ['合計', f.memberStores, f.paymentCount, f.paymentAmount],
      [],
      ['※継続率：前月に支払いのあった利用者のうち当月も支払いのあった利用者の割合'],
    ]);
    for (const r of [6, 7, 8, 9, 10]) sheet.getCell(`B${r}`).numFmt = '#,##0';
  } else {
    const sheet = workbook.addWorksheet('月次集計');
    sheet.columns = [{ width: 26 }, { width: 18 }, { width: 18 }, { width: 18 }];
    sheet.addRows([
      ['【せたがやPay】月次集計レポート'],
      [],
      ['年度', fy],
      ['集計対象月', new Date(Date.UTC(report.year, report.month - 1, 1))],
      [],
      ['■ 利用状況'],
      ['当月決済件数', f.paymentCount],
      ['当月決済額（千円）', f.paymentAmount],
      ['決済額（累計）（千円）', f.cumulativeAmount],
      [],
      ['■ 加盟店・利用者'],
      ['加盟店数', f.memberStores],
      ['支払経験者数（累計）', f.cumulativePayers],
      ['アプリ継続利用率', Number((f.continuationRate / 100).toFixed(4))],
      [],
      ['加盟店区分', '加盟店数', '当月決済件数', '当月決済額'],
      ...report.storeClasses.map((c) => [c.name, c.memberStores, c.paymentCount, c.paymentAmount]),
    ]);
    sheet.getCell('B4').numFmt = 'yyyy"年"m"月"';
    sheet.getCell('B14').numFmt = '0.0%';
    for (const r of [7, 8, 9, 12, 13]) sheet.getCell(`B${r}`).numFmt = '#,##0';
  }
  return deterministicZip(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
