// The byte-level CSV scanner: RFC 4180 quoting, line numbers as an editor shows them, UTF-8 and CP932 alike.
import { describe, expect, it } from 'vitest';
import { ByteInterner } from '../lib/byte-interner.ts';
import { encodeCp932 } from '../lib/encode-cp932.ts';
import { readCsvRows, scanCsv } from '../lib/scan-csv.ts';

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
      const interner = new ByteInterner(bytes, 4, { ascendingFastPath });
      const keys = [0, 3, 6, 9, 12, 15, 18].map((at) => interner.intern(at, at + 2));
      expect(keys).toEqual([0, 1, 1, 2, 0, 3, 2]);
      expect(interner.size).toBe(4);
    }
  });

  it('grows past its first table without losing keys', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `id${(i * 7919) % 5000}`).join('\n');
    const bytes = Buffer.from(`${text}\n${text}\n`);
    const interner = new ByteInterner(bytes, 16);
    const keys: number[] = [];
    scanCsv(bytes, 0, 1, (r) => void keys.push(interner.intern(r.start[0]!, r.end[0]!)));
    expect(interner.size).toBe(5000);
    expect(keys.slice(5000)).toEqual(keys.slice(0, 5000));
  });
});
