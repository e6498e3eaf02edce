/**
 * Properties of whole builds (issue: valid for every input), on arbitrary strings in every field:
 *   1. all three outputs pass `checkFeed` with no error;
 *   2. parsing them back gives the titles, links, ids, dates and author names that went in
 *      (after the documented clean-up: XML-illegal characters removed, whitespace collapsed);
 *   3. the output does not depend on the order files are written in, and a rebuild is byte-identical.
 * Bounded: a few dozen builds. Shrunk counterexamples are kept in regressions.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cleanLine } from '../../src/meta/resolve.js';
import { checkFeed } from '../../src/validate/index.js';
import { buildProject, makeProject } from '../helpers/project.js';

/** Strings that stress serialisers: controls, surrogates, U+FFFE/FFFF, CDATA ends, entities, RTL, emoji. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(']]>', ']]>]]>', '&amp;', '&#0;', '<b>x</b>', '\u0001\u0002', '\uD800', '\uDC00x', '\uFFFE\uFFFF', 'מרחבא', '👩🏽‍💻', 'a'.repeat(2000), '&', '<', '"\'', '\r\n\t'),
  fc.array(fc.constantFrom(']]>', '&', '<', '\u0000', 'é', ' ', 'x', '\uD83D', '\uDE00'), { maxLength: 20 }).map((a) => a.join('')),
);

/**
 * What a front matter string becomes: written as YAML to a UTF-8 file (YAML escapes some
 * characters; raw lone surrogates become U+FFFD), read back, then cleaned as documented.
 */
function expected(s: string): string {
  const written = Buffer.from(stringify({ v: s }), 'utf8').toString('utf8');
  return cleanLine(String((parse(written) as { v: unknown }).v));
}

const article = fc.record({
  title: nasty,
  author: nasty,
  tag: nasty,
  summary: nasty,
  body: nasty,
  day: fc.integer({ min: 1, max: 28 }),
  kind: fc.constantFrom('md', 'txt'),
});

const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: true, parseTagValue: false, parseAttributeValue: false, isArray: (name) => ['item', 'entry', 'author', 'category'].includes(name) });

type ArticleInput = typeof article extends fc.Arbitrary<infer T> ? T : never;

function files(articles: ArticleInput[]): Record<string, string> {
  const out: Record<string, string> = {};
  articles.forEach((a, i) => {
    // The author as an object: a string would be read as the "Name <email> (url)" shorthand.
    const fm = stringify({ title: a.title, author: { name: a.author }, tags: [a.tag], summary: a.summary, date: `2024-01-${String(a.day).padStart(2, '0')}T10:00:00Z`, slug: `post-${i}` });
    out[`post-${i}.${a.kind}`] = `---\n${fm}---\n\n${a.body}\n`;
  });
  return out;
}

function outputs(dir: string): Record<string, string> {
  const dist = path.join(dir, 'dist');
  return Object.fromEntries(readdirSync(dist).filter((f) => !f.startsWith('.')).sort().map((f) => [f, readFileSync(path.join(dist, f), 'utf8')]));
}

describe('any input gives valid feeds that round-trip', () => {
  it('checks, round-trips and is reproducible', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 3 }), async (articles) => {
        const input = files(articles);
        const p = makeProject(input);
        const result = await buildProject(p.dir);
        const out = outputs(p.dir);

        // 1. valid
        for (const [name, text] of Object.entries(out)) {
          expect(checkFeed(name, text).filter((d) => d.severity === 'error'), name).toEqual([]);
        }

        // Every article is in the feeds, or named in an error diagnostic.
        const published = new Set((await result.articles()).map((a) => a.relPath));
        articles.forEach((a, i) => {
          const rel = `post-${i}.${a.kind}`;
          if (!published.has(rel)) expect(result.diagnostics.some((d) => d.severity === 'error' && d.file?.endsWith(rel))).toBe(true);
        });

        // 2. round trip
        const rss = parser.parse(out['rss.xml'] ?? '') as { rss: { channel: { item?: Record<string, unknown>[] } } };
        const atom = parser.parse(out['atom.xml'] ?? '') as { feed: { entry?: Record<string, unknown>[] } };
        const json = JSON.parse(out['feed.json'] ?? '') as { items: Record<string, unknown>[] };
        const text = (v: unknown): string => (typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)['#text'] ?? '') : String(v ?? ''));
        // An Atom text construct as a reader shows it: type="html" (a text that names an element,
        // written escaped) is decoded once more, as HTML.
        const atomText = (v: unknown): string =>
          typeof v === 'object' && v !== null && (v as Record<string, unknown>)['@_type'] === 'html'
            ? text(v).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
            : text(v);
        for (const a of (await result.articles())) {
          const i = Number(a.slug.value.replace('post-', ''));
          const src = articles[i];
          if (!src) throw new Error('unknown article');
          const rssItem = rss.rss.channel.item?.find((x) => text(x.guid) === a.id.value);
          const entry = atom.feed.entry?.find((x) => text(x.id) === a.id.value);
          const item = json.items.find((x) => x.id === a.id.value);
          if (!rssItem || !entry || !item) throw new Error(`item ${a.id.value} missing from a feed`);
          // Titles: front matter title when it survives cleaning, else what the text reader found.
          if (expected(src.title)) {
            expect(text(rssItem.title)).toBe(expected(src.title));
            expect(atomText(entry.title)).toBe(expected(src.title));
            expect(item.title).toBe(expected(src.title));
          }
          expect(text(rssItem.link)).toBe(a.link.value);
          expect((entry.link as Record<string, string>)['@_href']).toBe(a.link.value);
          expect(item.url).toBe(a.link.value);
          const date = `2024-01-${String(src.day).padStart(2, '0')}T10:00:00Z`;
          expect(item.date_published).toBe(date);
          expect(text(entry.published)).toBe(date);
          expect(new Date(text(rssItem.pubDate)).toISOString()).toBe(new Date(date).toISOString());
          const names = a.authors.value.map((p) => p.name);
          if (expected(src.author) && a.authors.from === 'front-matter') expect(names).toEqual([expected(src.author)]);
          expect((entry.author as Record<string, unknown>[]).map((x) => text(x.name))).toEqual(names);
          expect((item.authors as { name: string }[]).map((x) => x.name)).toEqual(names);
        }

        // 3. reproducible, and independent of the order files were created in
        const again = await buildProject(p.dir);
        expect(again.files.every((f) => f.status === 'unchanged')).toBe(true);
        const reversed = makeProject(Object.fromEntries(Object.entries(input).reverse()));
        await buildProject(reversed.dir);
        expect(outputs(reversed.dir)).toEqual(out);
      }),
      { numRuns: 25, interruptAfterTimeLimit: 60_000 },
    );
  });
});
