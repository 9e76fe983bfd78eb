// The manual-entry workbook's layout, shared by the template writer and the reader.
// The reader finds columns by their header text, so a user who inserts a column does not break it.

export const MANUAL_ENTRY_SHEET = '入力';
export const MANUAL_ENTRY_META_SHEET = '_meta';
export const MANUAL_ENTRY_FORMAT = 'lei-manual-entry/1';

export const manualEntryColumns = {
  measureId: '指標ID',
  name: '指標名',
  unit: '単位',
  owners: '担当課',
  fiscalYear: '年度',
  value: '値',
  comment: 'コメント',
  method: 'データの収集方法',
} as const;

export type ManualEntryColumn = keyof typeof manualEntryColumns;

/** Rows above the header: title and instructions. */
export const MANUAL_ENTRY_HEADER_ROW = 4;
