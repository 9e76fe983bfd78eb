// Cell text as an XML parser gives it: line ends, entities, then Excel's _xHHHH_ escapes, in that order.
import { describe, expect, it } from 'vitest';
import { decodeXmlText } from '../sources/xlsx/decode-xml-text.ts';

describe('decodeXmlText', () => {
  it('returns plain text as it is', () => {
    expect(decodeXmlText('売上が減った_特になし')).toBe('売上が減った_特になし');
  });

  it('normalises CR LF and a lone CR to LF, and decodes the named and numeric entities', () => {
    expect(decodeXmlText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    expect(decodeXmlText('&quot;特になし&quot; &amp; &lt;&gt;&apos;')).toBe(`"特になし" & <>'`);
    expect(decodeXmlText('&#20870;&#x5186;&#X5186;')).toBe('円円円');
  });

  it('leaves what is not an entity as written', () => {
    expect(decodeXmlText('&AMP; &ampx; &#; &#x; &#12a; & ;')).toBe('&AMP; &ampx; &#; &#x; &#12a; & ;');
    expect(decodeXmlText('&#1114112;&#x110000;')).toBe('&#1114112;&#x110000;');
    expect(decodeXmlText('&amp;lt;')).toBe('&lt;');
  });

  it('keeps a CR written as an entity, and undoes _xHHHH_ after the entities (not in attributes)', () => {
    expect(decodeXmlText('a&#13;b')).toBe('a\rb');
    expect(decodeXmlText('&#95;x0041_ _x005F_x0041_')).toBe('A _x0041_');
    expect(decodeXmlText('_x0041_', false)).toBe('_x0041_');
  });
});
