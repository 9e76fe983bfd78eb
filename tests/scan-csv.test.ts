// The byte-level CSV scanner: RFC 4180 quoting, line numbers as an editor shows them, UTF-8 and CP932 alike.
import { describe, expect, it } from 'vitest';
import { ByteInterner } from '../lib/byte-interner.ts';
import { encodeCp932 } from '../lib/encode-cp932.ts';
import { readCsvRows, scanCsv, scanCsvStream } from '../lib/scan-csv.ts';
import { detectEncoding, detectStreamEncoding } from '../lib/decode-text.ts';

const rows = (text: string | Buffer, encoding: 'utf-8' | 'cp932' = 'utf-8') => {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return readCsvRows(bytes, 0, encoding).rows.map((r) => [r.line, ...r.cells]);
};

describe('scanCsv', () => {
  it('splits plain records with CRLF, LF or a lone CR', () => {
    expect(rows('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      [1, 'a', 'b'],
      [2, 'c', 'd'],
      [3, 'e', 'f'],
      [4, 'g', 'h'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields, and numbers lines as an editor does', () => {
    expect(rows('id,note\r\n1,"a, b"\r\n2,"say ""hi"""\r\n3,"two\r\nlines"\r\n4,x\r\n')).toEqual([
      [1, 'id', 'note'],
      [2, '1', 'a, b'],
      [3, '2', 'say "hi"'],
      [4, '3', 'two\r\nlines'],
      [6, '4', 'x'],
    ]);
  });

  it('keeps empty fields, a trailing comma and blank lines', () => {
    expect(rows('a,,c,\r\n\r\n,\r\nlast,')).toEqual([
      [1, 'a', '', 'c', ''],
      [2, ''],
      [3, '', ''],
      [4, 'last', ''],
    ]);
  });

  it('reads CP932 bytes: no trail byte is taken for a comma or a quote (ソ and 表 end in 0x5C)', () => {
    expect(rows(encodeCp932('ソフト,"表,示"\r\n世田谷区,１３１１２\r\n'), 'cp932')).toEqual([
      [1, 'ソフト', '表,示'],
      [2, '世田谷区', '１３１１２'],
    ]);
  });

  it('reports a quote left open to the end of the file', () => {
    const { end } = readCsvRows(Buffer.from('a,b\r\n1,"open\r\n2,x\r\n'), 0, 'utf-8');
    expect(end.unterminatedQuoteLine).toBe(2);
  });

  it('with fieldsWanted, stops splitting after those fields but still honours quotes further on', () => {
    const bytes = Buffer.from('1,a,"x\r\ny",z\r\n2,b,plain,w\r\n3,c,"q,""r""",v\r\n');
    const seen: [number, number, string][] = [];
    scanCsv(bytes, 0, 1, (r) => void seen.push([r.line, r.count, bytes.subarray(r.start[1]!, r.end[1]!).toString()]), 2);
    expect(seen).toEqual([
      [1, 2, 'a'],
      [3, 2, 'b'],
      [4, 2, 'c'],
    ]);
  });
});

describe('ByteInterner', () => {
  it('gives equal bytes the same key, in order of first appearance, sorted or not', () => {
    const bytes = Buffer.from('A1 A2 A2 A3 A1 B9 A3');
    for (const ascendingFastPath of [false, true]) {
      const interner = new ByteInterner(4, { ascendingFastPath });
      const keys = [0, 3, 6, 9, 12, 15, 18].map((at) => interner.intern(bytes, at, at + 2));
      expect(keys).toEqual([0, 1, 1, 2, 0, 3, 2]);
      expect(interner.size).toBe(4);
      expect(Buffer.from(interner.bytesOf(3)).toString()).toBe('B9');
    }
  });

  it('grows past its first table without losing keys', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `id${(i * 7919) % 5000}`).join('\n');
    const bytes = Buffer.from(`${text}\n${text}\n`);
    const interner = new ByteInterner(16);
    const keys: number[] = [];
    scanCsv(bytes, 0, 1, (r) => void keys.push(interner.intern(bytes, r.start[0]!, r.end[0]!)));
    expect(interner.size).toBe(5000);
    expect(keys.slice(5000)).toEqual(keys.slice(0, 5000));
  });
});

/** The bytes as a stream of `size`-byte chunks. */
/** The bytes in chunks of one reused buffer, as InboxFile.readChunks gives them: a consumer must copy what it keeps. */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const buffer = new Uint8Array(size);
  for (let at = 0; at < bytes.length; at += size) {
    const piece = bytes.subarray(at, at + size);
    buffer.set(piece);
    yield buffer.subarray(0, piece.length);
    buffer.fill(0xff);
  }
}

describe('scanCsvStream', () => {
  const text =
    '\uFEFFタイトル\r\n番号,日付,"概要, 長い"\r\n1,2024/4/1,"1行目\r\n2行目"\r\n2,2024/4/2,"引用符""あり"""\n\n3,R6.4.3,\r4,2024-04-04,末尾\r\n5,"閉じていない';
  const bytes = Buffer.from(text, 'utf8');
  const whole = readCsvRows(bytes, 3, 'utf-8');

  it.each([1, 2, 3, 7, 64, 4096])('gives the same records, lines and open quote as one scan, in %i-byte chunks', async (size) => {
    const records: (string | number)[][] = [];
    const end = await scanCsvStream(chunked(bytes, size), 3, (record, chunk) => {
      const cells: (string | number)[] = [record.line];
      for (let i = 0; i < record.count; i += 1) cells.push(Buffer.from(chunk.subarray(record.start[i]!, record.end[i]!)).toString('utf8'));
      records.push(cells);
    });
    // The record's offsets point at the field's bytes as written, doubled quotes included.
    expect(records).toEqual(whole.rows.map((r) => [r.line, ...r.cells.map((c) => c.replaceAll('"', '""'))]));
    expect(end).toEqual({ line: whole.end.line, unterminatedQuoteLine: whole.end.unterminatedQuoteLine });
  });

  it('stops when asked, without reading on', async () => {
    let seen = 0;
    let read = 0;
    async function* counted() {
      for await (const chunk of chunked(bytes, 8)) {
        read += 1;
        yield chunk;
      }
    }
    await scanCsvStream(counted(), 3, () => (seen += 1) < 2);
    expect(seen).toBe(2);
    expect(read).toBeLessThan(Math.ceil(bytes.length / 8));
  });
});

describe('detectStreamEncoding', () => {
  const cases: [string, Buffer][] = [
    ['UTF-8', Buffer.from('番号,区分\n1,経営相談\n', 'utf8')],
    ['UTF-8 with a BOM', Buffer.from('\uFEFF番号,区分\n1,経営相談\n', 'utf8')],
    ['CP932', encodeCp932('番号,区分\n1,経営相談\n2,創業相談')],
    ['ASCII', Buffer.from('id,date\n1,2024/4/1\n')],
    ['bytes neither encoding reads, on line 3', Buffer.concat([Buffer.from('a\nb\n'), Buffer.from([0x82, 0xff, 0x0a]), Buffer.from('c\n')])],
    ['UTF-8 then CP932 lines', Buffer.concat([Buffer.from('経営\n', 'utf8'), encodeCp932('創業\n')])],
  ];
  it.each(cases)('agrees with detectEncoding over the whole file: %s', async (_, file) => {
    for (const accepted of [['utf-8', 'cp932'], ['utf-8'], ['cp932']] as const) {
      for (const size of [1, 5, 1024]) {
        expect(await detectStreamEncoding(() => chunked(file, size), accepted)).toEqual(detectEncoding(file, accepted));
      }
    }
  });
});
