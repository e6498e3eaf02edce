import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { type BuildResult, build } from '../../src/build.js';
import type { FeedData } from '../../src/feeds/model.js';
import type { Article } from '../../src/model.js';

export { article, makeSite, writeArticles } from '../cli/helpers.js';

/** A fixed build clock (articles are dated 2024). */
export const NOW = new Date('2026-01-01T00:00:00Z');

export function buildSite(dir: string): Promise<BuildResult> {
  return build({ cwd: dir, now: NOW });
}

export function readOut(dir: string, name: string): string {
  return readFileSync(path.join(dir, 'dist', name), 'utf8');
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'atom:link', 'link', 'category', 'author', 'outline'].includes(name),
});

export function parseXml(text: string): Record<string, unknown> {
  return parser.parse(text) as Record<string, unknown>;
}

/** A feed read back in any format: its links by rel, its item ids and titles, whether it is an archive page. */
export interface ReadFeed {
  title: string;
  links: Record<string, string>;
  ids: string[];
  titles: string[];
  archive: boolean;
  stylesheet: string | undefined;
}

type Node = Record<string, unknown>;
const arr = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node]);
const text = (v: unknown): string => (typeof v === 'object' && v !== null ? String((v as Node)['#text'] ?? '') : String(v ?? ''));

export function readFeed(format: 'rss' | 'atom' | 'json', content: string): ReadFeed {
  const stylesheet = /<\?xml-stylesheet type="text\/xsl" href="([^"]+)"\?>/.exec(content)?.[1];
  if (format === 'json') {
    const f = JSON.parse(content) as { title: string; feed_url: string; next_url?: string; items: { id: string; title: string }[] };
    const links: Record<string, string> = { self: f.feed_url };
    if (f.next_url) links['prev-archive'] = f.next_url;
    return { title: f.title, links, ids: f.items.map((i) => i.id), titles: f.items.map((i) => i.title), archive: false, stylesheet };
  }
  const doc = parseXml(content);
  if (format === 'rss') {
    const channel = (doc.rss as Node).channel as Node;
    const links = Object.fromEntries(arr(channel['atom:link']).map((l) => [String(l['@rel']), String(l['@href'])]));
    const items = arr(channel.item);
    return { title: text(channel.title), links, ids: items.map((i) => text(i.guid)), titles: items.map((i) => text(i.title)), archive: 'fh:archive' in channel, stylesheet };
  }
  const feed = doc.feed as Node;
  const links = Object.fromEntries(arr(feed.link).map((l) => [String(l['@rel']), String(l['@href'])]));
  const entries = arr(feed.entry);
  return { title: text(feed.title), links, ids: entries.map((e) => text(e.id)), titles: entries.map((e) => text(e.title)), archive: 'fh:archive' in feed, stylesheet };
}

/** A feed's data as the writers take it: a fixed site, clock and generator, with these items and `over`. */
export function feedOf(items: Article[], over: Partial<FeedData> = {}): FeedData {
  return {
    title: 'Site',
    description: 'A site',
    homeUrl: 'https://example.com/',
    selfUrl: 'https://example.com/feed',
    alternates: {},
    language: 'en',
    author: { name: 'Site Author' },
    updated: new Date('2024-03-01T00:00:00Z'),
    items,
    generator: { name: 'feedwright', version: '1', uri: 'https://example.com/' },
    hubs: [],
    links: [],
    ...over,
  };
}
