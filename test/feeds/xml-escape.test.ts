/** The XML escapers of src/feeds/xml.ts on arbitrary strings: exactly one escape per special character. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributes, element, xmlAttr, xmlHtml, xmlText } from '../../src/feeds/xml.js';
import { stripIllegalXmlChars } from '../../src/util/text.js';

const NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

describe('xmlHtml', () => {
  it('escapes &, < and > by name, once each, after removing what XML forbids', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('&', '<', '>', '&amp;', '&lt;', '<p>', '</a>', '"', '\r\n', '\u0001', '\uD800', 'x'), fc.string({ maxLength: 4 })), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const expected = [...stripIllegalXmlChars(s)].map((c) => NAMED[c] ?? c).join('');
        expect(xmlHtml(s)).toBe(expected);
      }),
      { numRuns: 500 },
    );
    expect(xmlHtml('<p>a & b</p>')).toBe('&lt;p&gt;a &amp; b&lt;/p&gt;');
  });

  it('gives each body its own escape when bodies alternate (the last one escaped is kept)', () => {
    const a = `<p>${'a & b '.repeat(400)}</p>`;
    const b = `<p>${'a < b '.repeat(400)}</p>`;
    expect(a.length).toBe(b.length);
    for (const s of [a, b, a, a, b, `${a}`]) expect(xmlHtml(s)).toBe(stripIllegalXmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(xmlHtml(`${b.slice(0, -1)}\u0001`)).toBe(`${xmlHtml(b.slice(0, -1))}`);
  });
});

const HEX: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;' };
const ATTR_HEX: Record<string, string> = { ...HEX, '"': '&#x22;', '\t': '&#x9;', '\n': '&#xA;' };
/** Strings mixing plain text with every character the text and attribute escapers look at. */
const mixed = fc
  .array(fc.oneof(fc.constantFrom('&', '<', '>', '"', '\t', '\n', '\r', '\r\n', '\u0001', '\u001F', '\uD800', '\uDC00', '\uD83D\uDE00', '\uFFFE', '\uFFFF', 'é', 'x y'), fc.string({ maxLength: 4 })), { maxLength: 10 })
  .map((a) => a.join(''));

describe('xmlText and xmlAttr', () => {
  // Both return a string with nothing to strip or escape as it is (src/feeds/xml.ts): the same
  // result as stripping and escaping it, on any string.
  it('strip what XML forbids, then escape each special character by hex reference', () => {
    fc.assert(
      fc.property(mixed, (s) => {
        expect(xmlText(s)).toBe([...stripIllegalXmlChars(s)].map((c) => HEX[c] ?? c).join(''));
        expect(xmlAttr(s)).toBe([...stripIllegalXmlChars(s)].map((c) => ATTR_HEX[c] ?? c).join(''));
      }),
      { numRuns: 1000 },
    );
    expect(xmlText('AT&T <b>')).toBe('AT&#x26;T &#x3C;b&#x3E;');
    expect(xmlAttr('a "b"\tc')).toBe('a &#x22;b&#x22;&#x9;c');
    expect(xmlText('plain \uD83D\uDE00 text')).toBe('plain \uD83D\uDE00 text');
  });

  it('write an element without attributes and with them alike', () => {
    expect(element('  ', 'title', 'a & b')).toBe('  <title>a &#x26; b</title>\n');
    expect(element('  ', 'guid', 'x', { isPermaLink: 'false' })).toBe('  <guid isPermaLink="false">x</guid>\n');
    expect(attributes({})).toBe('');
    expect(attributes({ a: undefined, b: '"' })).toBe(' b="&#x22;"');
  });
});
