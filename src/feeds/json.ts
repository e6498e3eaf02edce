import { formatRfc3339 } from '../meta/format.js';
import type { Article, Person } from '../model.js';
import { stripIllegalXmlChars } from '../util/text.js';
import { type FeedData, type FeedWriter, renderFeed } from './model.js';
import { knownXmlLegal } from './xml.js';

/** JSON Feed 1.1 author object: name, url, avatar (an email becomes a mailto: url). */
type JsonAuthor = {
  name: string;
  url: string | undefined;
};

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1), streamed item by item, pretty-printed for
 * review. Carries `authors` and also the deprecated `author` (one widely used client reads only
 * that), `language`, and `date_published` on every item.
 */
export const jsonWriter: FeedWriter = {
  head: renderHead,
  // Each item on its own lines, indented inside "items"; the separator ends the previous item's line.
  item: (item) => `\n    ${jsonText(jsonItem(item), '    ')}`,
  separator: ',',
  tail: (feed) => (feed.items.length > 0 ? '\n  ]\n}\n' : ']\n}\n'),
};

export function renderJson(feed: FeedData): Generator<string> {
  return renderFeed(jsonWriter, feed);
}

function renderHead(feed: FeedData): string {
  const head: Record<string, unknown> = {
    version: 'https://jsonfeed.org/version/1.1',
    title: clean(feed.title),
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
  };
  if (feed.description) head.description = clean(feed.description);
  head.language = feed.language;
  const author = jsonAuthor(feed.author);
  head.authors = [author];
  head.author = author;
  if (feed.hubs.length > 0) head.hubs = feed.hubs.map((url) => ({ type: 'WebSub', url }));
  // JSON Feed pages towards older items with next_url: RFC 5005's prev-archive is the same direction.
  for (const link of feed.links) if (link.rel === 'next' || link.rel === 'prev-archive') head.next_url = link.href;
  const headText = JSON.stringify(head, null, 2);
  return `${headText.slice(0, -2)},\n  "items": [`;
}

/** An item as JSON Feed values, in the order written (exported for the tests). */
export function jsonItem(item: Article): Record<string, JsonText> {
  const out: Record<string, JsonText> = {
    id: item.id.value,
    url: item.link.value,
    title: clean(item.title.value),
  };
  // A link post: what it links to (JSON Feed 1.1: "especially useful for linkblogs").
  if (item.externalUrl) out.external_url = item.externalUrl.value;
  if (item.contentHtml) out.content_html = item.contentHtml;
  else out.content_text = clean(item.contentText);
  out.summary = clean(item.summary.value);
  if (item.image) out.image = item.image.value;
  out.date_published = formatRfc3339(item.published.value, item.published.offset);
  out.date_modified = formatRfc3339(item.updated.value, item.updated.offset);
  // Pushed into literals, not `map`: once TurboFan has optimised this function, `map` gives holey
  // arrays, another hidden class for jsonText's loop, which then deoptimised ("wrong map").
  const authors: JsonAuthor[] = [];
  for (const p of item.authors.value) authors.push(jsonAuthor(p));
  out.authors = authors;
  if (authors[0]) out.author = authors[0];
  if (item.tags.value.length > 0) {
    const tags: string[] = [];
    for (const tag of item.tags.value) tags.push(clean(tag));
    out.tags = tags;
  }
  if (item.lang) out.language = item.lang.value;
  return out;
}

/**
 * Made in one shape, `url` undefined when there is none (jsonText and JSON.stringify leave it out):
 * authors with and without a URL then share one hidden class in jsonText's loop over the keys.
 */
function jsonAuthor(p: Person): JsonAuthor {
  const url = p.url ?? (p.email ? `mailto:${p.email}` : undefined);
  return { name: clean(p.name), url: url ? url : undefined };
}

/** The values of a JSON Feed item: strings, arrays and objects of them (no numbers or booleans). */
export type JsonText = string | readonly JsonText[] | { readonly [key: string]: JsonText | undefined };

/**
 * `JSON.stringify(value, null, 2)` with every line after the first indented by `indent` as well,
 * byte for byte (keys in insertion order, undefined members left out, `[]` and `{}` when empty):
 * what the item writer did with a `replace(/\n/g, ...)` over the whole text. Written here to escape
 * strings with `jsonString` and to indent without a second pass over the body: the JSON item took
 * ~21 µs an article this way against ~11 (docs/BENCHMARKS.md, r16-items). A property test holds it
 * to JSON.stringify on any such value (test/feeds/json-text.test.ts).
 */
export function jsonText(value: JsonText, indent: string): string {
  if (typeof value === 'string') return jsonString(value);
  const inner = `${indent}  `;
  let out = '';
  if (isArray(value)) {
    for (const v of value) out += `${out === '' ? '' : ','}\n${inner}${jsonText(v, inner)}`;
    return out === '' ? '[]' : `[${out}\n${indent}]`;
  }
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v !== undefined) out += `${out === '' ? '' : ','}\n${inner}${jsonString(key)}: ${jsonText(v, inner)}`;
  }
  return out === '' ? '{}' : `{${out}\n${indent}}`;
}

/** Array.isArray, typed for readonly arrays. */
const isArray = Array.isArray as (value: unknown) => value is readonly unknown[];

/** What only JSON.stringify escapes here: a control character other than tab and LF, or any surrogate. */
const NOT_PLAIN_JSON = /[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF]/;

/**
 * `JSON.stringify(s)`, byte for byte. A string that needs only `\\`, `"`, line feeds and tabs
 * escaped (most bodies: HTML with attributes and a line feed per block) takes three or four
 * replacements, about twice as fast as JSON.stringify's escaping on Node 20 (~7 against ~15 µs for
 * a 5 KB body); any other control character or surrogate goes to JSON.stringify itself. A body
 * the XML writers found free of those (`knownXmlLegal`) is not scanned for them again.
 */
export function jsonString(s: string): string {
  if (!knownXmlLegal(s) && NOT_PLAIN_JSON.test(s)) return JSON.stringify(s);
  const escaped = s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return `"${s.includes('\t') ? escaped.replace(/\t/g, '\\t') : escaped}"`;
}

/** JSON can carry any Unicode, but readers choke on controls and lone surrogates; the XML feeds drop them too. */
function clean(s: string): string {
  return stripIllegalXmlChars(s);
}
