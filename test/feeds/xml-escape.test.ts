/** The XML escapers of src/feeds/xml.ts on arbitrary strings: exactly one escape per special character. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xmlHtml } from '../../src/feeds/xml.js';
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
