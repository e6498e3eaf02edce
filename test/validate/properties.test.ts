import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFeed, RULES } from '../../src/validate/index.js';
import { atom, atomEntry, jsonFeed, rss, rssItem } from './helpers.js';

const known = new Set(Object.keys(RULES));

/** Every diagnostic is complete: a catalogued code, a position inside the text, a sentence. */
function wellFormedDiagnostics(content: string): void {
  const lineCount = content.split(/\r\n|\r|\n/).length;
  for (const d of checkFeed('f', content)) {
    expect(known.has(d.code), d.code).toBe(true);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lineCount);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(10);
  }
}

describe('checkFeed never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => wellFormedDiagnostics(s)),
      { numRuns: 200 },
    );
  });

  it('on arbitrary text spliced into valid RSS, Atom and JSON Feed', () => {
    const templates = [
      (x: string) => rss(rssItem(`<description>${x}</description>`)),
      (x: string) => rss(rssItem('', `<title>${x}</title><guid>${x}</guid>`)),
      (x: string) => atom(atomEntry(`<summary>${x}</summary><category term="${x}"/>`)),
      (x: string) => jsonFeed(`,\n  "description": "${x}"`, `,\n  "url": "${x}"`),
      (x: string) => jsonFeed(x),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        fc.string({ unit: fc.constantFrom('&', '<', '>', ']', '"', '\\', ';', '#', 'x', '1', ':', '/', '\u0001', ' ', '{', ','), maxLength: 40 }),
        (template, x) => wellFormedDiagnostics(template(x)),
      ),
      { numRuns: 200 },
    );
  });

  it('on XML-ish and JSON-ish fragments', () => {
    const tokens = fc.constantFrom(
      '<rss version="2.0">', '</rss>', '<channel>', '</channel>', '<item>', '</item>', '<title>', '</title>',
      '<feed xmlns="http://www.w3.org/2005/Atom">', '</feed>', '<entry>', '</entry>', '<![CDATA[', ']]>',
      '&amp;', '&#1;', '&', 'x', '{', '}', '[', ']', '"items"', ':', ',', '"', '<a:b>', 'xmlns:a="u"',
    );
    fc.assert(
      fc.property(fc.array(tokens, { maxLength: 30 }), (parts) => wellFormedDiagnostics(parts.join(''))),
      { numRuns: 200 },
    );
  });
});
