// A 公社 CSV export far larger than the reader's chunk (1 MB) is read as a stream: the memory the read takes stays
// well under the file's size (a whole-file buffer alone would be the file's size), and the counts are right.
// The 5 GB export of issue 9 is the same code path; this file is kept to 96 MB so the suite stays quick.
import { execFile } from 'node:child_process';
import { mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../config/load-catalog.ts';
import { readConfigFile } from '../config/read-config-file.ts';
import { readInboxFile } from '../sources/inbox-file.ts';
import { koshaFamily } from '../pipelines/kosha-family.ts';
import { koshaRecordsConfigSchema } from '../sources/kosha-records-config.ts';
import { repoRoot, setagayaConfig, tempDir } from './helpers.ts';

const MB = 1024 * 1024;
const RECORDS = 12_000;
// Each record carries an 8 KB 相談概要 that no measure reads: many bytes, few records.
const SUMMARY = 'あ'.repeat((8 * 1024) / 3);

/** The export, written from a buffer of encoded bytes: the 8 KB 相談概要 is encoded once, not once per record. */
async function writeExport(file: string): Promise<void> {
  const summary = Buffer.from(`"${SUMMARY}"\r\n`);
  const buffer = Buffer.alloc(MB);
  const handle = await open(file, 'w');
  try {
    let at = buffer.write('相談記録一覧\r\n抽出期間：2024/04/01～2025/03/31\r\n相談番号,相談日,相談区分,窓口,相談方法,相談概要\r\n');
    for (let i = 0; i < RECORDS; i += 1) {
      if (at + 256 + summary.length > buffer.length) {
        await handle.write(buffer, 0, at);
        at = 0;
      }
      const day = new Date(Date.UTC(2024, 3, 1) + (i % 365) * 86_400_000);
      const category = i % 3 === 0 ? '創業相談' : '経営相談';
      at += buffer.write(`K${String(i).padStart(6, '0')},${day.getUTCFullYear()}/${day.getUTCMonth() + 1}/${day.getUTCDate()},${category},世田谷,来所,`, at);
      at += summary.copy(buffer, at);
    }
    await handle.write(buffer, 0, at);
  } finally {
    await handle.close();
  }
}

describe('a large 公社 CSV export', () => {
  it('is read from the file in chunks, with memory far below its size, and counted', async () => {
    const dir = await tempDir('kosha-large');
    const file = path.join(dir, 'kosha', '相談記録_大.csv');
    await mkdir(path.dirname(file), { recursive: true });
    await writeExport(file);
    const size = (await stat(file)).size;
    expect(size).toBeGreaterThan(90 * MB);
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', 'tests/fixtures/read-kosha-export.js', setagayaConfig, file], {
      cwd: repoRoot,
      maxBuffer: 16 * MB,
    });
    const result = JSON.parse(stdout) as { growthBytes: number; issues: string[]; values: string[] };
    expect(result.issues).toEqual([]);
    expect(result.values).toContain(`business-consultations 2024 ${RECORDS - RECORDS / 3}`);
    expect(result.values).toContain(`startup-consultation-sessions 2024 ${RECORDS / 3}`);
    // Chunks (1 MB), the carried record and the interned values: 10–30 MB of RSS depending on when V8 collects
    // (27 MB seen under load), where a whole-file buffer alone is the file's 94 MB.
    expect(result.growthBytes).toBeLessThan(size / 2);
  }, 120_000);

  it('with no line break in its first 64 MB (a binary file saved as .csv) is refused, not held whole', async () => {
    const dir = await tempDir('kosha-no-lines');
    const file = path.join(dir, 'kosha', '相談記録_壊れ.csv');
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(file, 'w');
    await handle.truncate(80 * MB); // sparse: 80 MB of NUL bytes, valid UTF-8 with no line break
    await handle.close();
    const catalog = await loadCatalog(setagayaConfig);
    const config = await readConfigFile(path.join(setagayaConfig, 'sources', 'kosha.yaml'), koshaRecordsConfigSchema, []);
    const result = await koshaFamily.read([await readInboxFile(dir, file)], catalog, config);
    expect(result.issues.map((i) => [i.code, i.location.row])).toEqual([['kosha-record-too-long', 1]]);
    expect(result.observations).toEqual([]);
  }, 120_000);
});
