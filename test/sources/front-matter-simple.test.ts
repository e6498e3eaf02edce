/**
 * readSimpleYaml (src/sources/front-matter.ts) reads flat front matter without the yaml library;
 * whatever it reads must come out exactly as the yaml library's document reads it (values,
 * their types, key order, line numbers), and everything else it must leave to the library.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYamlDocument, readSimpleYaml, splitFrontMatter } from '../../src/sources/front-matter.js';

const NORMAL_KEYS = ['title', 'date', 'tags', 'a', '_x', 'b-c', 'x1', 'constructor', 'toString', 'y', 'no', 'Summary', 'k_2', 'z-'];
const ODD_KEYS = ['null', 'Null', 'True', 'false', 'TRUE', '__proto__', '~'];
const key = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...NORMAL_KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) });
const CHARS = [' ', ' ', 'a', 'Z', 'e', 'E', 'x', 'o', 'n', '0', '1', '7', '9', '.', '-', '+', '_', '#', ':', '"', "'", ',', '[', ']', '{', '}', '\\', '~', '!', '&', '*', '|', '>', '%', '@', '`', '?', '/', 'é', '\u00A0', '\u2028', '\u3000', '\t', '\uFEFF', '😀', '\u0085', '\u0007'];
const TRICKY = ['', '~', 'null', 'Null', 'NULL', 'true', 'True', 'FALSE', 'yes', 'no', '0', '00', '007', '-0', '+1', '-5', '12', '123456789012345', '1234567890123456', '0x1F', '0o17', '1e3', '.5', '5.', '1.0', '.inf', '-.Inf', '.nan', 'NaN', '2010-01-01T01:10:43Z', '2024-03-05 10:30:00 +0100', 'Tomás Ruiz', 'a: b', 'a:', 'a #b', 'a#b', '#c', '- a', '-a', '[a]', '{a}', '"q"', "'q'", "'it''s'", '"a\\"b"', '"a\\nb"', "'a'b'", '"a" # c', 'a  ', ' a', '\u00A0', 'https://x.example/a?b=c#d', '&a', '*a', '!t x', '|', '>', '@x', '`x`', '%x', '?x', 'a, b', 'x]'];

const WORDS = ['Tomás', 'Ruiz', 'post', 'a', 'B', '2024-01-02', '10', 'it’s', '"x"', "'y'", 'é', 'ü', '😀', 'e', '0', 'x.y', 'a/b', 'a-b', 'a_b', 'a\\b', 'a:b', 'a#b'];
const benign = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const scalar = fc.oneof(
  { weight: 4, arbitrary: benign },
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 1, arbitrary: benign.map((w) => `"${w}"`) },
  { weight: 1, arbitrary: benign.map((w) => `'${w}'`) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((c) => c.join('')) },
);
const spaces = fc.constantFrom('', ' ', '  ');
const flowList = fc.tuple(fc.array(fc.tuple(spaces, scalar, spaces).map(([a, b, c]) => a + b + c), { maxLength: 4 }), spaces, fc.constantFrom('', ',')).map(([members, s, trailing]) => `[${s}${members.join(',')}${trailing}]`);
const blockList = fc.tuple(fc.constantFrom('', '  ', '    '), fc.array(scalar, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([indent, items, blank]) => items.map((x) => `\n${indent}- ${x}`).join(blank ? '\n' : ''));
const entry = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(key, fc.constantFrom(': ', ':  ', ':'), scalar).map(([k, sep, v]) => `${k}${sep}${v}`) },
  { weight: 2, arbitrary: fc.tuple(key, flowList).map(([k, v]) => `${k}: ${v}`) },
  { weight: 2, arbitrary: fc.tuple(key, blockList).map(([k, v]) => `${k}:${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '', '# a comment', '  # indented comment', '   ', '  indented: x', '---', '- a', 'a b: c', 'k : v', '"q": v', '? k') },
);
const frontMatter = fc.array(entry, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));

const expectSame = (text: string): boolean => {
  const simple = readSimpleYaml(text, 2);
  if (simple !== undefined) expect(simple, JSON.stringify(text)).toEqual(parseYamlDocument(text, 'f.md', 2));
  return simple !== undefined;
};

describe('simple front matter read without the yaml library', () => {
  it('reads exactly what the yaml library reads, or leaves the text to it', () => {
    let read = 0;
    fc.assert(
      fc.property(frontMatter, (text) => {
        if (expectSame(text)) read++;
      }),
      { numRuns: 5000 },
    );
    // The property is not vacuous: a good share of the generated texts take the simple path.
    expect(read).toBeGreaterThan(300);
  });

  it('reads typical front matter (the benchmark corpus, Jekyll and Hugo posts) on the simple path', () => {
    const typical = [
      'title: "Estimate Harvest First New Community 1"\ndate: 2010-01-01T01:10:43Z\nauthor: Tomás Ruiz\ntags: [housing, culture]\nsummary: From opened agreed clear committee new under library said budget national percent.',
      "layout: post\ntitle:  'Welcome to Jekyll!'\ndate:   2015-11-10 15:32:14 -0300\ncategories: jekyll update\n",
      'title: My First Post\ndate: 2023-04-01\ndraft: false\nweight: 10\ntags:\n  - go\n  - hugo\n\n# a comment\nauthor: ""',
      'tags:\n- a\n- b\nsummary: ~',
    ];
    for (const text of typical) expect(expectSame(text), text).toBe(true);
    expect(readSimpleYaml(typical[2] as string, 2)).toEqual({
      data: { title: 'My First Post', date: '2023-04-01', draft: false, weight: 10, tags: ['go', 'hugo'], author: '' },
      lines: { title: 2, date: 3, draft: 4, weight: 5, tags: 6, author: 11 },
      diagnostics: [],
      ok: true,
    });
  });

  it('leaves anything else to the yaml library, whose diagnostics stay', () => {
    for (const text of ['a: b\na: c', 'a: &x 1\nb: *x', 'a: |\n  x', 'a:\n  b: c', 'a: "x\\ty"', 'a: 1.5', 'a: b # c', 'a: [1, [2]]', "a: 'x\n  y'"]) expect(readSimpleYaml(text, 2), text).toBeUndefined();
    const dup = splitFrontMatter('---\ntitle: a\ntitle: b\n---\nbody\n', 'f.md');
    expect(dup.diagnostics.map((d) => d.code)).toEqual(['FM_DUPLICATE_KEY']);
    expect(dup.data).toEqual({ title: 'b' });
  });

  it('reads a long run of spaces in linear time (a trailing-space pattern took ~90 ms of CPU on this)', () => {
    const text = `k: x${' '.repeat(15_000)}y`;
    const before = process.cpuUsage();
    const read = readSimpleYaml(text, 2);
    const used = process.cpuUsage(before);
    expect(read?.data).toEqual({ k: `x${' '.repeat(15_000)}y` });
    expect((used.user + used.system) / 1000).toBeLessThan(30);
  });
});
