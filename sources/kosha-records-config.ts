// Layout of the 産業振興公社 record exports (config/<city>/sources/kosha.yaml): one entry per kind of record,
// naming the header of each column. A measure counts records of one kind under a filter on these columns.
import { z } from 'zod';

const header = z.string().min(1);
const columnKey = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, '列のキーは英小文字で始まる英数字（camelCase）で書いてください');

export const koshaRecordTypeSchema = z.strictObject({
  labelJa: z.string().min(1),
  /** Header of the record id column (duplicates are counted once). */
  id: header,
  /** Header of the date column (和暦・西暦の文字、Excelの日付・シリアル値). */
  date: header,
  /** Text columns a measure may filter on: key → header. */
  columns: z.record(columnKey, header).default({}),
  /** Number columns a measure may sum (countColumn): key → header. */
  counts: z.record(columnKey, header).default({}),
  /** Label of the title row giving the export's date range (e.g. 抽出期間); tells whether a fiscal year is complete. */
  period: z.string().min(1).optional(),
});
export type KoshaRecordType = z.infer<typeof koshaRecordTypeSchema>;

export const koshaRecordsConfigSchema = z.strictObject({
  /** Encodings accepted for CSV exports; each file is checked over its whole length. */
  encodings: z
    .array(z.enum(['utf-8', 'cp932']))
    .min(1)
    .default(['utf-8', 'cp932']),
  /** How many rows from the top are searched for the header row (title rows may come first). */
  headerSearchRows: z.number().int().min(1).max(200).default(30),
  recordTypes: z.record(columnKey, koshaRecordTypeSchema),
});
export type KoshaRecordsConfig = z.infer<typeof koshaRecordsConfigSchema>;
