import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomWriter } from '../../src/feeds/atom.js';
import { jsonWriter } from '../../src/feeds/json.js';
import { type FeedData, type FeedWriter, renderFeed } from '../../src/feeds/model.js';
import { rssWriter } from '../../src/feeds/rss.js';
import type { Article, Diagnostic } from '../../src/model.js';
import { countNewlines } from '../../src/util/text.js';
import { checkItem, checkItemIds, checkSkeleton, endColumn, placeItemDiagnostics } from '../../src/feeds/compose-check.js';
import { checkFeed } from '../../src/validate/index.js';
import { feedOf } from './helpers.js';

/*
 * The build validates a feed as its skeleton plus each item alone (src/feeds/compose-check.ts), so an
 * unchanged item is never validated twice. These tests hold that to the whole-document result:
 * same codes, same severities, same lines, on valid feeds and on feeds with defects injected
 * into items (as a writer bug would put them there).
 */

const d = (iso: string) => ({ value: new Date(iso), from: 'front-matter' as const });

function article(i: number, over: Partial<Article> = {}): Article {
  return {
    id: { value: `tag:example.com,2024:${i}`, from: 'derived' },
    slug: { value: `a-${i}`, from: 'derived' },
    title: { value: `Title ${i} <&> “quoted”`, from: 'front-matter' },
    link: { value: `https://example.com/a-${i}/`, from: 'derived' },
    authors: { value: [{ name: `Author ${i}`, email: `a${i}@example.com` }], from: 'front-matter' },
    published: d(`2024-01-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`),
    updated: d(`2024-02-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`),
    tags: { value: i % 2 ? ['x', 'y & z'] : [], from: 'front-matter' },
    summary: { value: `Summary ${i}.`, from: 'derived' },
    contentHtml: `<p>Body ${i} with <a href="https://example.com/">a link</a> &amp; more.</p>\n<pre>code\n  block</pre>`,
    contentText: `Body ${i}`,
    relPath: `a-${i}.md`,
    displayPath: `articles/a-${i}.md`,
    kind: 'markdown',
    dropped: [],
    ...over,
  };
}

/** A writer whose items go through `damage` (index -> text -> text), as a buggy writer would. */
function damaged(writer: FeedWriter, damage: (text: string, article: Article) => string): FeedWriter {
  return { ...writer, item: (a) => damage(writer.item(a), a) };
}

/** Validate as the build does: skeleton, items alone (placed), ids across items. */
function composed(writer: FeedWriter, feed: FeedData, format: string): Diagnostic[] {
  const head = writer.head(feed);
  const texts = feed.items.map((a) => writer.item(a));
  let itemNewlines = 0;
  for (const [i, t] of texts.entries()) itemNewlines += countNewlines(t) + (i > 0 ? countNewlines(writer.separator) : 0);
  const out = checkSkeleton('f', writer, feed, itemNewlines);
  let line = countNewlines(head) + 1;
  const starts: number[] = [];
  for (const [i, t] of texts.entries()) {
    starts.push(line);
    out.push(...placeItemDiagnostics(checkItem(writer, feed.items[i] as Article, t), 'f', line, i === 0 ? endColumn(head) : 1, i));
    line += countNewlines(t);
  }
  out.push(...checkItemIds('f', format, feed.items.map((a) => a.id.value), starts));
  return out;
}

const summary = (ds: readonly Diagnostic[]) => ds.map((x) => `${x.line} ${x.severity} ${x.code}`).sort();

const WRITERS: Array<[string, FeedWriter]> = [
  ['rss', rssWriter],
  ['atom', atomWriter],
  ['json', jsonWriter],
];

describe('validating a feed in parts gives the whole-document result', () => {
  for (const [format, writer] of WRITERS) {
    it(`${format}: valid feeds, empty, one item, many, archive pages`, () => {
      for (const feed of [feedOf([]), feedOf([article(1)]), feedOf([1, 2, 3, 4].map((i) => article(i))), feedOf([article(5)], { archive: true, links: [{ rel: 'current', href: 'https://example.com/feed' }] })]) {
        const whole = checkFeed('f', [...renderFeed(writer, feed)].join(''));
        expect(whole).toEqual([]);
        expect(composed(writer, feed, format)).toEqual([]);
      }
    });
  }

  // [format, defect, damage, same line too]: a broken structure is reported by the whole-document
  // parser where it notices (the next mismatched tag, in a later item); in parts, at the item's start.
  const defects: Array<[string, string, (text: string, a: Article) => string, boolean?]> = [
    ['rss', 'an unescaped ampersand', (t, a) => (a.slug.value === 'a-2' ? t.replace('Body 2', 'Body & 2') : t)],
    ['rss', 'a missing guid', (t, a) => (a.slug.value === 'a-3' ? t.replace(/ {4}<guid[^\n]*\n/, '') : t)],
    ['rss', 'a bad date', (t, a) => (a.slug.value === 'a-2' ? t.replace(/<pubDate>[^<]*/, '<pubDate>yesterday') : t)],
    ['rss', 'an unclosed element', (t, a) => (a.slug.value === 'a-3' ? t.replace('</item>', '') : t), false],
    ['atom', 'a bad updated date', (t, a) => (a.slug.value === 'a-3' ? t.replace(/<updated>[^<]*/, '<updated>2024-13-45') : t)],
    ['atom', 'a missing id', (t, a) => (a.slug.value === 'a-2' ? t.replace(/ {4}<id>[^\n]*\n/, '') : t)],
    ['json', 'a missing content', (t, a) => (a.slug.value === 'a-3' ? t.replace(/"content_html": "[^\n]*",\n\s*/, '') : t)],
    ['json', 'a relative url', (t, a) => (a.slug.value === 'a-2' ? t.replace('"url": "https://example.com/a-2/"', '"url": "/a-2/"') : t)],
  ];
  for (const [format, what, damage, sameLine = true] of defects) {
    it(`${format}: ${what} is found in the same place`, () => {
      const writer = damaged(WRITERS.find(([f]) => f === format)?.[1] as FeedWriter, damage);
      const feed = feedOf([1, 2, 3, 4].map((i) => article(i)));
      const whole = checkFeed('f', [...renderFeed(writer, feed)].join(''));
      expect(whole.length).toBeGreaterThan(0);
      const parts = composed(writer, feed, format);
      if (sameLine) expect(summary(parts)).toEqual(summary(whole));
      else expect(parts.map((x) => `${x.severity} ${x.code}`)).toEqual(whole.map((x) => `${x.severity} ${x.code}`));
    });
  }

  it('json: duplicate ids across items are found, though each item alone is valid', () => {
    const feed = feedOf([article(1), article(2, { id: { value: 'tag:example.com,2024:1', from: 'front-matter' } })]);
    const whole = checkFeed('f', [...renderFeed(jsonWriter, feed)].join(''));
    expect(whole.map((x) => x.code)).toEqual(['JSON_ITEM_ID_DUPLICATE']);
    const parts = composed(jsonWriter, feed, 'json');
    expect(parts.map((x) => [x.code, x.message])).toEqual(whole.map((x) => [x.code, x.message]));
  });

  it('any titles, summaries and bodies: the parts and the whole agree (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 4 }), fc.constantFrom(...WRITERS), (specs, [format, writer]) => {
        const items = specs.map(([title, short, body], i) => article(i, { title: { value: title, from: 'front-matter' }, summary: { value: short, from: 'derived' }, contentHtml: body }));
        const feed = feedOf(items);
        expect(summary(composed(writer, feed, format))).toEqual(summary(checkFeed('f', [...renderFeed(writer, feed)].join(''))));
      }),
      { numRuns: 150 },
    );
  });
});

