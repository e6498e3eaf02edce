/**
 * The cheap per-item check (src/feeds/compose-check.ts `checkItemQuickly`: the article's values,
 * `valueConcern`) stands in for the full validator on items our writers render from an Article;
 * the rendered text is not scanned in the build. That is sound only if the writers never emit what
 * the validator rejects and an item whose values pass is one the full validator finds nothing in:
 * these properties hold them to that on generated articles whose every field (the body too) mixes
 * ordinary values with the ones the types cannot rule out (relative and non-ASCII URLs, dates
 * beyond four-digit years, odd offsets, empty tags, titles that look like HTML, control
 * characters, lone surrogates, CR, `]]>`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkItem, checkItemQuickly, valueConcern } from '../../src/feeds/compose-check.js';
import { WRITERS } from '../../src/feeds/writers.js';
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
/** A body: mostly HTML as the readers make it, sometimes any string and the pieces escaping must handle. */
const html = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('', '<p>Body &amp; <a href="https://example.com/">link</a></p>', '<p>]]> &lt;x&gt;</p>', '<pre><code>a &lt; b\n\tc</code></pre>\n<p>"quoted"</p>'),
  },
  { weight: 1, arbitrary: text },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.constantFrom(
          '<p>',
          '</p>',
          ']]>',
          '&',
          '&amp;',
          'amp;',
          'lt;',
          '&#1;',
          '<',
          '>',
          '"',
          '\\',
          '\r\n',
          '\r',
          '\n',
          '\t',
          '\u0001',
          '\u001F',
          '\u2028',
          '\uD800',
          '\uDC00',
          '\uD83D\uDE00',
          '\uFFFE',
          '\uFFFF',
          'x',
        ),
        { maxLength: 12 },
      )
      .map((a) => a.join('')),
  },
);

/**
 * What no correct writer ever emits in an item of its format, whatever the article: in XML, a
 * character XML 1.0 forbids, a lone surrogate, `]]>` (XML 1.0 2.4), an `&` that does not start one
 * of the references the writers write (src/feeds/xml.ts: &amp; &lt; &gt; and the hex references of
 * & < > " tab LF), or a `<` that starts no tag (text and attribute values escape every `<` and
 * `>`); in JSON, a raw control character (JSON.stringify escapes them; indentation is spaces and
 * LF) or a lone surrogate (U+FFFE and U+FFFF are legal JSON, and content_html is the body as it is). The build scanned every item for these until r16 (docs/BENCHMARKS.md,
 * r16-items); the property below holds the writers to it instead.
 */
const XML_NEVER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\]\]>|&(?!(?:amp|lt|gt|#x26|#x3C|#x3E|#x22|#x9|#xA);)|<(?![/A-Za-z])|<[^<>]*</;
const JSON_NEVER = /[\u0000-\u0009\u000B-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const neverEmitted = (format: string, item: string): string | undefined => (format === 'json' ? JSON_NEVER : XML_NEVER).exec(item)?.[0];

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
    body: html,
    bodyText: fc.oneof(text, html),
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

describe('the writers and the cheap item check', () => {
  it('never emit what the validator rejects, and pass only items the full validator finds nothing in', () => {
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
          // Whatever the article (its values doubted or not, any body), nothing a correct writer never emits.
          expect(neverEmitted(format, rendered), format).toBeUndefined();
          if (!clean) continue;
          // Values that pass: the item is one the full validator finds nothing in, whatever its body.
          expect(checkItem(writer, a, rendered), format).toEqual([]);
          expect(checkItemQuickly(writer, a, rendered)).toEqual([]);
        }
        if (clean) passed++;
      }),
      { numRuns: 1000 },
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

  it('hold a writer to the scan only if the scan sees what a writer bug would emit', () => {
    expect(neverEmitted('rss', '  <item>\n    <title>A &#x26; B &amp; C</title>\n  </item>\n')).toBeUndefined();
    for (const bad of ['<title>a\u0001</title>', '<title>a & b</title>', '<title>a < b</title>', '<title>]]></title>', '<title>\uD800</title>', '<title>&#1;</title>'])
      expect(neverEmitted('atom', bad), bad).toBeDefined();
    expect(neverEmitted('json', '\n    {\n      "title": "a\\u0001"\n    }')).toBeUndefined();
    expect(neverEmitted('json', '\n    {\n      "title": "a\u0001"\n    }')).toBeDefined();
    expect(neverEmitted('json', '{"title": "a\tb"}')).toBeDefined();
  });

  it('give items the full validator finds nothing in whatever the body (of any string), when the values pass', () => {
    // The body is not among the values looked at (valueConcern): bodies with every character the
    // escaping must handle, under clean values, give items the full validator finds nothing in.
    const ok = fc.sample(
      article.filter((a) => valueConcern(a) === undefined),
      { numRuns: 1, seed: 7 },
    )[0] as Article;
    fc.assert(
      fc.property(html, fc.oneof(text, html), (contentHtml, contentText) => {
        const a: Article = { ...ok, contentHtml, contentText };
        expect(valueConcern(a)).toBeUndefined();
        for (const [format, writer] of Object.entries(WRITERS)) {
          const rendered = writer.item(a);
          expect(neverEmitted(format, rendered), format).toBeUndefined();
          expect(checkItem(writer, a, rendered), format).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });
});
