import type { Article, Person } from '../model.js';

/** Everything a feed writer needs; writers read nothing else (no clock, no config, no files). */
export interface FeedData {
  title: string;
  description: string;
  /** The site's home page. */
  homeUrl: string;
  /** This feed's own URL (rel="self"). */
  selfUrl: string;
  /** URLs of the same feed in the other formats, for autodiscovery links. */
  alternates: { rss?: string; atom?: string; json?: string };
  language: string;
  author: Person;
  /** Newest item date; never the clock (see `feedUpdated`). */
  updated: Date;
  items: readonly Article[];
  generator: { name: string; version: string; uri: string };
  /** WebSub hubs (rel="hub"). */
  hubs: readonly string[];
  /** Extra feed-level links, e.g. RFC 5005 archive navigation. */
  links: readonly { rel: string; href: string }[];
  /** Path or URL of an XSLT stylesheet for browsers, referenced from RSS and Atom. */
  stylesheet?: string;
  /** An RFC 5005 archive document: marked with <fh:archive/> in RSS and Atom. */
  archive?: boolean;
  /** The feed's atom:id when it is not `selfUrl` (archive pages share the current feed's id). */
  feedId?: string;
}

/** RFC 5005 (Feed Paging and Archiving) namespace, for <fh:archive/>. */
export const FH_NAMESPACE = 'http://purl.org/syndication/history/1.0';

/**
 * The feed-level updated date is the newest item's `updated`: the same input always gives the same
 * bytes. An empty feed uses the Unix epoch rather than the clock.
 */
export function feedUpdated(items: readonly Article[]): Date {
  let max = 0;
  for (const item of items) max = Math.max(max, item.updated.value.getTime(), item.published.value.getTime());
  return new Date(max);
}

/** Newest first, then by id, so equal dates never reorder between builds. */
export function compareArticles(a: Article, b: Article): number {
  return b.published.value.getTime() - a.published.value.getTime() || (a.id.value < b.id.value ? -1 : a.id.value > b.id.value ? 1 : 0);
}

/**
 * A feed format split into its parts. A document is `head`, the items joined by `separator`, and
 * `tail`; an item's text depends on the article alone, never on the feed or its position, so the
 * build can reuse an unchanged item's bytes and its validation (src/feeds/compose.ts).
 */
export interface FeedWriter {
  head(feed: FeedData): string;
  item(article: Article): string;
  separator: string;
  tail(feed: FeedData): string;
}

/** The whole document, as chunks: the head, one chunk per item, the tail. */
export function* renderFeed(writer: FeedWriter, feed: FeedData): Generator<string> {
  yield writer.head(feed);
  let first = true;
  for (const item of feed.items) {
    yield first ? writer.item(item) : writer.separator + writer.item(item);
    first = false;
  }
  yield writer.tail(feed);
}
