import { formatRfc3339 } from '../meta/format.js';
import type { Article, Person } from '../model.js';
import { stripIllegalXmlChars } from '../util/text.js';
import { type FeedData, type FeedWriter, renderFeed } from './model.js';

/** JSON Feed 1.1 author object: name, url, avatar (an email becomes a mailto: url). */
interface JsonAuthor {
  name: string;
  url?: string;
}

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1), streamed item by item, pretty-printed for
 * review. Carries `authors` and also the deprecated `author` (one widely used client reads only
 * that), `language`, and `date_published` on every item.
 */
export const jsonWriter: FeedWriter = {
  head: renderHead,
  // Each item on its own lines, indented inside "items"; the separator ends the previous item's line.
  item: (item) => `\n    ${JSON.stringify(jsonItem(item), null, 2).replace(/\n/g, '\n    ')}`,
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

function jsonItem(item: Article): Record<string, unknown> {
  const out: Record<string, unknown> = {
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
  const authors = item.authors.value.map(jsonAuthor);
  out.authors = authors;
  if (authors[0]) out.author = authors[0];
  if (item.tags.value.length > 0) out.tags = item.tags.value.map(clean);
  if (item.lang) out.language = item.lang.value;
  return out;
}

function jsonAuthor(p: Person): JsonAuthor {
  const a: JsonAuthor = { name: clean(p.name) };
  const url = p.url ?? (p.email ? `mailto:${p.email}` : undefined);
  if (url) a.url = url;
  return a;
}

/** JSON can carry any Unicode, but readers choke on controls and lone surrogates; the XML feeds drop them too. */
function clean(s: string): string {
  return stripIllegalXmlChars(s);
}
