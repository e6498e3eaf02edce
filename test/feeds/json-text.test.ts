/**
 * The JSON Feed item is written by `jsonText` and `jsonString` (src/feeds/json.ts) instead of
 * `JSON.stringify(item, null, 2)` re-indented: the bytes must be JSON.stringify's, whatever the
 * strings (controls, quotes, backslashes, line feeds, surrogates paired or lone, U+2028) and
 * whatever the shape of strings, arrays and objects.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JsonText, jsonString, jsonText } from '../../src/feeds/json.js';
import { xmlHtml } from '../../src/feeds/xml.js';

const piece = fc.constantFrom(
  'a',
  'é',
  ' ',
  '\\',
  '"',
  '\n',
  '\r',
  '\t',
  '\b',
  '\f',
  '\u0000',
  '\u0001',
  '\u001F',
  '\u007F',
  '\u2028',
  '\u2029',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uD83D\uDE00',
  '\uFFFE',
  '\uFFFF',
  '<p class="x">',
  '</p>\n',
);
const string = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.array(piece, { maxLength: 16 }).map((a) => a.join('')),
);

const { value } = fc.letrec<{ value: JsonText }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    string,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(string, fc.option(tie('value'), { nil: undefined })), { maxLength: 5 }).map((entries) => {
      const o: Record<string, JsonText | undefined> = {};
      for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    }),
  ),
}));

describe('the JSON item writer', () => {
  it('escapes any string as JSON.stringify does', () => {
    fc.assert(
      fc.property(string, (s) => {
        expect(jsonString(s)).toBe(JSON.stringify(s));
      }),
      { numRuns: 2000 },
    );
    for (const s of ['', '\\"\n', 'a\tb', '\uD83D\uDE00', '\uD800x', 'x\uDC00', '\u2028']) expect(jsonString(s)).toBe(JSON.stringify(s));
  });

  it('escapes a body the XML writers escaped just before as JSON.stringify does (it is not scanned again)', () => {
    // xmlHtml remembers the last body (2 KB or more) and whether it held anything it strips: the
    // RSS and Atom items are written before the JSON one, and jsonString takes that answer.
    const body = fc.tuple(fc.array(piece, { maxLength: 8 }), fc.nat({ max: 3 })).map(([a, i]) => `${'<p>Text, "quoted" \\ and\tmore.</p>\n'.repeat(60 + i)}${a.join('')}`);
    fc.assert(
      fc.property(body, fc.boolean(), (s, escapedFirst) => {
        if (escapedFirst) xmlHtml(s);
        expect(jsonString(s)).toBe(JSON.stringify(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes any value of strings, arrays and objects as JSON.stringify with two spaces, each line after the first indented', () => {
    fc.assert(
      fc.property(value, fc.constantFrom('', '    ', '\t'), (v, indent) => {
        expect(jsonText(v, indent)).toBe((JSON.stringify(v, null, 2) ?? '').replace(/\n/g, `\n${indent}`));
      }),
      { numRuns: 1000 },
    );
    expect(jsonText({ a: [], b: {}, c: undefined, d: ['x', { e: 'y' }] }, '  ')).toBe(
      '{\n    "a": [],\n    "b": {},\n    "d": [\n      "x",\n      {\n        "e": "y"\n      }\n    ]\n  }',
    );
  });
});
