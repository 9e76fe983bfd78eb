// Bench case: read every row of a wave with the streaming XLSX reader and sum a checksum (cells, numbers, text length),
// so no work can be skipped. Usage: node --import tsx scripts/bench/read-survey-wave.ts <file.xlsx> [sheet]
import { readXlsxRows } from '../../sources/xlsx/read-xlsx-rows.ts';

const [file, sheet] = process.argv.slice(2);
if (!file) throw new Error('usage: read-survey-wave.ts <file.xlsx> [sheet]');
let rows = 0;
let cells = 0;
let numberSum = 0;
let textLength = 0;
for await (const row of readXlsxRows(file, { sheet })) {
  rows += 1;
  for (const value of row.cells) {
    if (value === null) continue;
    cells += 1;
    if (typeof value === 'number') numberSum += value;
    else if (typeof value === 'string') textLength += value.length;
  }
}
process.stdout.write(`checksum rows=${rows} cells=${cells} numberSum=${numberSum.toFixed(4)} textLength=${textLength}\n`);
