// A text file that decodes in neither encoding names the first line that is not in the file's encoding: a CP932
// export with UTF-8 lines appended by another tool from line 601 on names line 601, not a later line where the
// UTF-8 bytes stop passing for CP932 (kosha-csv-mixed-encoding, which named line 1206).
import { describe, expect, it } from 'vitest';
import { detectEncoding, detectStreamEncoding } from '../lib/decode-text.ts';
import { encodeCp932 } from '../lib/encode-cp932.ts';

const header = '相談番号,相談日,相談区分,相談者,内容\r\n';
const record = (i: number) => `R6-${String(i).padStart(5, '0')},2024/${(i % 12) + 1}/1,創業相談,世田谷 太郎,資金繰りと販路開拓についての相談（${i}回目）\r\n`;
const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => record(from + k)).join('');

/** Line 1 is the header: records 1..first-2 in `a`, then the rest in `b`, so `b` starts at line `first`. */
function mixed(first: number, total: number, a: (text: string) => Uint8Array, b: (text: string) => Uint8Array): Buffer {
  return Buffer.concat([a(header + lines(1, first - 2)), b(lines(first - 1, total - 1))]);
}

const cp932 = (text: string) => encodeCp932(text);
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** The file as a stream in small chunks, so lines are cut between pieces. */
const chunks = (bytes: Uint8Array, size: number) =>
  async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };

const both = async (bytes: Uint8Array) => {
  const whole = detectEncoding(bytes, ['utf-8', 'cp932']);
  const streamed = await Promise.all([7, 64, 4096].map((size) => detectStreamEncoding(chunks(bytes, size), ['utf-8', 'cp932'])));
  return [whole, ...streamed].map((d) => (d.ok ? 'ok' : `${d.code} ${d.line}`));
};

describe('the line named in a file that is neither UTF-8 nor CP932', () => {
  it('a CP932 file with UTF-8 lines from line 601 on: line 601', async () => {
    expect(await both(mixed(601, 1300, cp932, utf8))).toEqual(Array(4).fill('text-undecodable 601'));
  });

  it('a UTF-8 file with CP932 lines from line 40 on: line 40', async () => {
    expect(await both(mixed(40, 80, utf8, cp932))).toEqual(Array(4).fill('text-undecodable 40'));
  });

  it('a CP932 file with bytes of neither encoding on line 5: line 5', async () => {
    const bytes = Buffer.concat([cp932(header + lines(1, 3)), Buffer.from([0x52, 0x36, 0x2c, 0xff, 0xfe, 0x0d, 0x0a]), cp932(lines(5, 9))]);
    expect(await both(bytes)).toEqual(Array(4).fill('text-undecodable 5'));
  });

  it('a UTF-8 file with a BOM and CP932 lines from line 12 on: line 12', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), mixed(12, 30, utf8, cp932)]);
    expect(await both(bytes)).toEqual(Array(4).fill('text-undecodable 12'));
  });

  it('files in one encoding still read', async () => {
    expect(await both(cp932(header + lines(1, 200)))).toEqual(Array(4).fill('ok'));
    expect(await both(utf8(header + lines(1, 200)))).toEqual(Array(4).fill('ok'));
  });
});
