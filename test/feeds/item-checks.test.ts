/**
 * The cheap per-item checks (src/feeds/compose-check.ts `checkItemQuickly`) stand in for the full
 * validator on items our writers render from an Article. They are sound only if an item they
 * pass is one the full validator finds nothing in: these properties hold them to that on
 * generated articles whose every field mixes ordinary values with the ones the types cannot
 * rule out (relative and non-ASCII URLs, dates beyond four-digit years, odd offsets, empty tags,
 * titles that look like HTML, control characters).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkItem, checkItemQuickly, outputConcern, valueConcern } from '../../src/feeds/compose-check.js';
import { WRITERS } from '../../src/feeds/writers.js';
import { xmlHtml } from '../../src/feeds/xml.js';
import { withoutBody } from '../../src/pipeline/article.js';
import type { Article, Person } from '../../src/model.js';

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.'-]{0,20}$/);
const text = fc.oneof(
  { weight: 40, arbitrary: word },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', ' ', '\t', 'AT&T', '<b>x</b>', 'a <odd> thing', ']]>', '&amp;', '&#1;', '\u0001x', '\uD800', 'x\r\ny', '<!-- c -->', 'é ü', '👩🏽‍💻'),
  },
);
const url = fc.oneof(
  { weight: 8, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'https://example.com/a/',
      'https://example.com/caf%C3%A9?q=1#x',
      'https://example.com/café/',
      'https://example.com/a|b',
      'https://example.com/a b',
      'https://example.com/%zz',
      'http://[::1]/x',
      '/relative/',
      'example.com/x',
      'https://',
      'tag:example.com,2024:x',
      'mailto:a@example.com',
      'javascript:alert(1)',
      'urn:x',
      ' https://example.com/ ',
      'https://example.com/\u0001',
    ),
  },
);
const id = fc.oneof({ weight: 6, arbitrary: url }, { weight: 1, arbitrary: fc.constantFrom('tag:example.com,2024-01-01:post', 'post-1', '') });
const date = fc.oneof(
  { weight: 20, arbitrary: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.constantFrom(new Date('0999-12-31T23:00:00Z'), new Date('1000-01-01T00:30:00Z'), new Date('9999-12-31T23:30:00Z')) },
);
const offset = fc.option(fc.oneof(fc.integer({ min: -900, max: 900 }), fc.constantFrom(0, 60, -300, 330, 0.5, 1440)), { nil: undefined });
const email = fc.option(fc.constantFrom('a@example.com', 'first.last+x@mail.example.org', 'bad', 'a{b}@example.com', 'x@y', 'a b@example.com'), { nil: undefined });
const person = fc.record({ name: text, email, url: fc.option(url, { nil: undefined }) }).map((p) => {
  const out: Person = { name: p.name };
  if (p.email !== undefined) out.email = p.email;
  if (p.url !== undefined) out.url = p.url;
  return out;
});
const sourced = <T>(value: T) => ({ value, from: 'front-matter' as const });

const article: fc.Arbitrary<Article> = fc
  .record({
    id,
    sameIdAsLink: fc.boolean(),
    title: text,
    link: url,
    authors: fc.array(person, { maxLength: 2 }),
    published: date,
    publishedOffset: offset,
    // Mostly updated at or after published, as resolved articles are; sometimes any date.
    updated: fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 1e10 }).map((n) => ({ after: n })) }, { weight: 1, arbitrary: date }),
    updatedOffset: offset,
    tags: fc.array(fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u00a0', 'ok') }), { maxLength: 3 }),
    summary: text,
    body: fc.constantFrom('', '<p>Body &amp; <a href="https://example.com/">link</a></p>', '<p>]]> &lt;x&gt;</p>'),
    bodyText: text,
    image: fc.option(url, { nil: undefined }),
    lang: fc.option(fc.constantFrom('en', 'de-CH', 'fr', 'pt-BR', 'es', 'it', 'x\u0001', ''), { nil: undefined }),
  })
  .map((r) => {
    const updated = r.updated instanceof Date ? r.updated : new Date(r.published.getTime() + r.updated.after);
    const a: Article = {
      id: sourced(r.sameIdAsLink ? r.link : r.id),
      slug: sourced('post'),
      title: sourced(r.title),
      link: sourced(r.link),
      authors: sourced(r.authors),
      published: r.publishedOffset === undefined ? sourced(r.published) : { ...sourced(r.published), offset: r.publishedOffset },
      updated: r.updatedOffset === undefined ? sourced(updated) : { ...sourced(updated), offset: r.updatedOffset },
      tags: sourced(r.tags),
      summary: sourced(r.summary),
      contentHtml: r.body,
      contentText: r.bodyText,
      relPath: 'post.md',
      displayPath: 'articles/post.md',
      kind: 'markdown',
      dropped: [],
    };
    if (r.image !== undefined) a.image = sourced(r.image);
    if (r.lang !== undefined) a.lang = sourced(r.lang);
    return a;
  });

describe('the cheap item checks', () => {
  it('pass only items the full validator finds nothing in, so the quick result equals the full one', () => {
    let passed = 0;
    fc.assert(
      fc.property(article, (a) => {
        const clean = valueConcern(a) === undefined;
        for (const [format, writer] of Object.entries(WRITERS)) {
          let rendered: string;
          try {
            rendered = writer.item(a);
          } catch (error) {
            // A writer may refuse a value the types allow (an invalid date); that must be doubted first.
            expect(clean, `${format} threw ${String(error)}`).toBe(false);
            continue;
          }
          // Correct writers never emit what the output scan looks for, whatever the article.
          expect(outputConcern(format, rendered), format).toBeUndefined();
          if (!clean) continue;
          expect(checkItem(writer, a, rendered), format).toEqual([]);
          expect(checkItemQuickly(format, writer, a, rendered)).toEqual([]);
        }
        if (clean) passed++;
      }),
      { numRuns: 600 },
    );
    // The generator must reach both sides, or the property says nothing.
    expect(passed).toBeGreaterThan(30);
  });

  it('doubt each kind of value the types cannot rule out', () => {
    const base = fc.sample(article, { numRuns: 1, seed: 1 })[0] as Article;
    const ok: Article = {
      ...base,
      id: sourced('https://example.com/a/'),
      link: sourced('https://example.com/a/'),
      title: sourced('Title'),
      summary: sourced('Summary.'),
      tags: sourced(['x']),
      authors: sourced([{ name: 'A', email: 'a@example.com', url: 'https://example.com/' }]),
      published: sourced(new Date('2024-01-01T00:00:00Z')),
      updated: sourced(new Date('2024-01-02T00:00:00Z')),
    };
    delete ok.image;
    delete ok.lang;
    expect(valueConcern(ok)).toBeUndefined();
    const cases: Array<[string, Partial<Article>]> = [
      ['the title is empty', { title: sourced(' ') }],
      ['the title looks like HTML', { title: sourced('a <b>bold</b> move') }],
      ['the summary holds a control character or surrogate', { summary: sourced('a\u0001') }],
      ['the link is not a plain absolute URL', { link: sourced('/a/') }],
      ['the link is not a plain absolute URL', { link: sourced('https://example.com/café') }],
      ['the id is not an absolute IRI', { id: sourced('post-1') }],
      ['the published date is outside the years 1000-9999', { published: sourced(new Date('0999-01-01T00:00:00Z')) }],
      ['the updated date is outside the years 1000-9999', { updated: sourced(new Date(Number.NaN)) }],
      ['the published date is after the updated date', { published: sourced(new Date('2024-02-01T00:00:00Z')) }],
      ['a tag is empty', { tags: sourced(['x', ' ']) }],
      ['an author email is not an address', { authors: sourced([{ name: 'A', email: 'nope' }]) }],
      ['an author URL is not a plain absolute URL', { authors: sourced([{ name: 'A', url: 'example.com' }]) }],
    ];
    for (const [reason, over] of cases) expect(valueConcern({ ...ok, ...over }), reason).toBe(reason);
  });

  it('find in an XML item without its escaped body what they find in the whole item', () => {
    // The build scans an RSS or Atom item without its body (withoutBody, src/pipeline/article.ts):
    // the body is xmlHtml's, so whatever the article's HTML, and whatever a writer bug puts
    // around it, both scans must agree.
    const html = fc.oneof(
      text,
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.array(fc.constantFrom('<p>', '</p>', ']]>', '&', '&amp;', 'amp;', 'lt;', '&#1;', '<', '>', '\r\n', '\r', '\u0001', '\uD800', '\uDC00', '\uD83D\uDE00', '\uFFFE', 'x'), { maxLength: 12 }).map((a) => a.join('')),
    );
    // Writer bugs around the body: the characters the scan looks for, next to the body or anywhere.
    const bug = fc.constantFrom('', '\u0001', '&', '<', ']]', ']', '\uD800', '\uDC00', '<b', 'x');
    const found = (s: string | undefined) => s !== undefined;
    let shortened = 0;
    fc.assert(
      fc.property(article, html, bug, bug, (a0, contentHtml, left, right) => {
        const a = { ...a0, contentHtml };
        for (const format of ['rss', 'atom'] as const) {
          let item: string;
          try {
            item = WRITERS[format].item(a);
          } catch {
            continue; // an invalid date: the values are doubted first
          }
          expect(found(outputConcern(format, withoutBody(format, item, a))), format).toBe(false);
          const body = xmlHtml(contentHtml);
          const at = item.indexOf(body);
          if (body === '' || at < 0) continue;
          // The same item with a bug just before and just after its body (inside the content
          // element), and with one at its start and end (in the first and last element).
          const open = item.indexOf('>') + 1;
          const close = item.lastIndexOf('<');
          for (const broken of [
            `${item.slice(0, at)}${left}${body}${right}${item.slice(at + body.length)}`,
            `${item.slice(0, open)}${left}${item.slice(open, close)}${right}${item.slice(close)}`,
          ]) {
            const rest = withoutBody(format, broken, a);
            if (rest.length < broken.length) shortened++;
            expect(found(outputConcern(format, rest)), `${format} ${JSON.stringify([left, right])}`).toBe(found(outputConcern(format, broken)));
          }
        }
      }),
      { numRuns: 500 },
    );
    expect(shortened).toBeGreaterThan(100);
  });

  it('take the body out where the writers put it, last in the item, and else where it first occurs', () => {
    const a = { contentHtml: '<p>x</p>' } as Article;
    const body = '&lt;p&gt;x&lt;/p&gt;';
    const twice = `  <item>\n    <a>${body}</a>\n    <content:encoded>${body}</content:encoded>\n  </item>\n`;
    expect(withoutBody('rss', twice, a)).toBe(`  <item>\n    <a>${body}</a>\n    <content:encoded></content:encoded>\n  </item>\n`);
    const first = `  <item>\n    <a>${body}</a>\n    <b>y</b>\n  </item>\n`;
    expect(withoutBody('atom', first, a)).toBe('  <item>\n    <a></a>\n    <b>y</b>\n  </item>\n');
    expect(withoutBody('atom', `${body}</b>`, a)).toBe(`${body}</b>`);
    expect(withoutBody('json', twice, a)).toBe(twice);
  });

  it('scan rendered items for what no correct writer emits', () => {
    expect(outputConcern('rss', '  <item>\n    <title>A &#x26; B &amp; C</title>\n  </item>\n')).toBeUndefined();
    for (const bad of ['<title>a\u0001</title>', '<title>a & b</title>', '<title>a < b</title>', '<title>]]></title>', '<title>\uD800</title>', '<title>&#1;</title>'])
      expect(outputConcern('atom', bad), bad).toBeDefined();
    expect(outputConcern('json', '\n    {\n      "title": "a\\u0001"\n    }')).toBeUndefined();
    expect(outputConcern('json', '\n    {\n      "title": "a\u0001"\n    }')).toBeDefined();
    expect(outputConcern('json', '{"title": "a\tb"}')).toBeDefined();
  });
});
