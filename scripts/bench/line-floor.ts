// Bench floor for kosha-1m: what Node needs to read the file and split its lines (readFileSync as UTF-8, count
// \n), started as plain `node` like every case. Usage: node dist/scripts/bench/line-floor.js <file>
import { readFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: line-floor.ts <file>');
// In a function: module-level bindings would make the loop several times slower than a plain `node -e`.
function countLines(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}
process.stdout.write(`lines ${countLines(readFileSync(file, 'utf8'))}\n`);
