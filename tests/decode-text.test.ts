// Encodings are detected over the whole file and checked against what the family accepts: a CP932 file is never
// read as UTF-8 (or the reverse) with replacement characters.
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../lib/decode-text.ts';
import { encodeCp932 } from '../lib/encode-cp932.ts';

const japanese = '地域経済循環図（生産）\r\n集計年,市区町村名,付加価値額【百万円】\r\n2018年,世田谷区,"4,494,612"\r\n①～③ ﾊﾝｶｸ 髙\r\n';

describe('detectEncoding / decodeText', () => {
  it('reads UTF-8 with and without a BOM, and CP932, to the same text', () => {
    const utf8 = Buffer.from(japanese, 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const cp932 = encodeCp932(japanese);
    expect([utf8, bom, cp932].map((b) => decodeText(b, ['utf-8', 'cp932']))).toEqual([
      { ok: true, text: japanese, encoding: 'utf-8' },
      { ok: true, text: japanese, encoding: 'utf-8' },
      { ok: true, text: japanese, encoding: 'cp932' },
    ]);
  });

  it('refuses a CP932 file where only UTF-8 is accepted, instead of decoding it with replacement characters', () => {
    const result = detectEncoding(encodeCp932(japanese), ['utf-8']);
    expect(result).toMatchObject({ ok: false, code: 'text-encoding-not-accepted' });
    expect(!result.ok && result.message).toContain('CP932（Shift_JIS）で保存されています');
  });

  it('refuses a UTF-8 file where only CP932 is accepted (it would decode as mojibake)', () => {
    expect(detectEncoding(Buffer.from(japanese, 'utf8'), ['cp932'])).toMatchObject({ ok: false, code: 'text-encoding-not-accepted' });
  });

  it('takes a pure-ASCII file as whichever encoding is accepted', () => {
    expect(detectEncoding(Buffer.from('a,b\r\n1,2\r\n'), ['cp932'])).toEqual({ ok: true, encoding: 'cp932', bomLength: 0 });
  });

  it('names the line of bytes that are neither UTF-8 nor CP932', () => {
    const broken = Buffer.concat([Buffer.from('集計年,値\r\n2018年,1\r\n', 'utf8'), Buffer.from([0x32, 0x30, 0xff, 0xfe, 0x0d, 0x0a])]);
    expect(detectEncoding(broken, ['utf-8', 'cp932'])).toMatchObject({ ok: false, code: 'text-undecodable', line: 3 });
  });
});

describe('encodeCp932', () => {
  it('round-trips through the platform decoder, half-width kana and NEC/IBM extensions included', () => {
    const text = 'ｾﾀｶﾞﾔ①Ⅲ㈱髙﨑～－';
    expect(new TextDecoder('shift_jis').decode(encodeCp932(text))).toBe(text);
  });

  it('refuses a character CP932 cannot hold, naming it (WAVE DASH from macOS text)', () => {
    expect(() => encodeCp932('1〜3')).toThrow(/U\+301C/);
  });
});
