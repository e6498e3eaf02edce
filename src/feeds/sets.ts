import { createHash } from 'node:crypto';
import type { FeedwrightConfig } from '../config/schema.js';
import type { Article } from '../model.js';
import { languageTag } from '../util/text.js';
import { type FeedData, feedUpdated } from './model.js';

/** The three formats every feed set is written in. */
export const FORMATS = ['rss', 'atom', 'json'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** Media types, for autodiscovery links and OPML. */
export const MEDIA_TYPES: Readonly<Record<OutputFormat, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

export const FORMAT_NAMES: Readonly<Record<OutputFormat, string>> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** File name of the browser stylesheet, at the top of the output folder. */
export const STYLESHEET_FILE = 'feed.xsl';

/**
 * One logical feed written in the three formats:
 * - main: the whole site (with `archive`, only the newest items; older ones are on archive pages);
 * - archive: one stable RFC 5005 archive page of the main feed;
 * - language: the articles in one language other than the main feed's (config `feeds.languages`);
 * - tag / author: the site's articles with one tag, or by one author (config `feeds`).
 */
export interface FeedSet {
  kind: 'main' | 'archive' | 'language' | 'tag' | 'author';
  /** The tag or author name as written in the articles; the page number for archives; the language tag; '' for main. */
  name: string;
  title: string;
  /** Folder inside the output folder: '' or a path ending in '/'. */
  dir: string;
  /** Paths inside the output folder, with forward slashes. */
  files: Record<OutputFormat, string>;
  /** Absolute URLs where the files are published (their rel="self"). */
  urls: Record<OutputFormat, string>;
  /** What each writer renders. */
  data: Record<OutputFormat, FeedData>;
}

/**
 * Every feed set a config asks for, in a stable order: main, archive pages (oldest first),
 * languages, tags, authors (each by slug). `articles` must be newest first (as `loadArticles`
 * returns them). With `feeds.languages`, the main feed, its archive pages and the tag and author
 * feeds hold the main language's articles (and those that name no language), and each other
 * language has a feed of its own.
 */
export function planFeedSets(config: FeedwrightConfig, articles: readonly Article[], generator: FeedData['generator']): FeedSet[] {
  const byLanguage = config.feeds.languages ? splitByLanguage(config, articles) : undefined;
  if (byLanguage) articles = byLanguage.main;
  const make = (kind: FeedSet['kind'], name: string, dir: string, title: string, description: string, items: readonly Article[], own?: { language: string; homeUrl: string }): FeedSet => {
    const files = { rss: dir + config.files.rss, atom: dir + config.files.atom, json: dir + config.files.json };
    const urls = { rss: feedFileUrl(config, files.rss), atom: feedFileUrl(config, files.atom), json: feedFileUrl(config, files.json) };
    const base: Omit<FeedData, 'selfUrl'> = {
      title,
      description,
      homeUrl: own?.homeUrl ?? config.link,
      alternates: urls,
      language: own?.language ?? config.language,
      author: config.author,
      updated: feedUpdated(items),
      items,
      generator,
      hubs: kind === 'archive' ? [] : config.hubs,
      links: [],
    };
    if (config.stylesheet) base.stylesheet = stylesheetHref(dir);
    return { kind, name, title, dir, files, urls, data: { rss: { ...base, selfUrl: urls.rss }, atom: { ...base, selfUrl: urls.atom }, json: { ...base, selfUrl: urls.json } } };
  };

  const { current, pages } = paginate(articles, config.limit, config.archive);
  const main = make('main', '', '', config.title, config.description, current);
  const sets: FeedSet[] = [main];

  // RFC 5005 section 4: archive pages link to each other (prev/next-archive) and to the current
  // feed; the current feed links to the newest archive page. Each page keeps the main feed's
  // atom:id: it is the same feed, split into documents.
  const archives = pages.map((items, i) => make('archive', String(i + 1), `${ARCHIVE_DIR}${i + 1}/`, config.title, config.description, items));
  for (const [i, page] of archives.entries()) {
    for (const f of FORMATS) {
      const links: { rel: string; href: string }[] = [{ rel: 'current', href: main.urls[f] }];
      const prev = archives[i - 1];
      const next = archives[i + 1];
      if (prev) links.push({ rel: 'prev-archive', href: prev.urls[f] });
      if (next) links.push({ rel: 'next-archive', href: next.urls[f] });
      page.data[f] = { ...page.data[f], links, archive: true, feedId: main.urls[f] };
    }
  }
  const newest = archives.at(-1);
  if (newest) for (const f of FORMATS) main.data[f] = { ...main.data[f], links: [{ rel: 'prev-archive', href: newest.urls[f] }] };
  sets.push(...archives);

  const limited = (items: readonly Article[]): readonly Article[] => (config.limit > 0 ? items.slice(0, config.limit) : items);
  for (const group of byLanguage?.others ?? []) {
    const own = { language: group.language, homeUrl: group.homeUrl };
    sets.push(make('language', group.language, `${LANGUAGE_DIR}${group.slug}/`, group.title, config.description, limited(group.items), own));
  }
  if (config.feeds.tags) {
    for (const group of groupBy(articles, (a) => a.tags.value)) {
      sets.push(make('tag', group.name, `tags/${group.slug}/`, `${config.title} — ${group.name}`, `Articles tagged “${group.name}” on ${config.title}.`, limited(group.items)));
    }
  }
  if (config.feeds.authors) {
    for (const group of groupBy(articles, (a) => a.authors.value.map((p) => p.name))) {
      sets.push(make('author', group.name, `authors/${group.slug}/`, `${config.title} — ${group.name}`, `Articles by ${group.name} on ${config.title}.`, limited(group.items)));
    }
  }
  return sets;
}

/** Feeds of the other languages live in `languages/<tag>/` (`languages/fr/rss.xml`). */
export const LANGUAGE_DIR = 'languages/';

interface LanguageGroup {
  /** The language tag as the articles give it (the first spelling met, newest article first). */
  language: string;
  slug: string;
  title: string;
  homeUrl: string;
  items: Article[];
}

/**
 * The main feed's articles and one group per other language. The main language is that of the
 * language content folder the articles are in (Hugo `languages.<l>.contentDir`), else the site's
 * default content language (Hugo, Zola), else the config's `language`; an article belongs to it when
 * it names no language, the same tag, or the same primary language where one side gives no region
 * ("en" and "en-US"). Tags are compared case-insensitively. Undefined when every article is in
 * the main language: nothing to split.
 */
function splitByLanguage(config: FeedwrightConfig, articles: readonly Article[]): { main: Article[]; others: LanguageGroup[] } | undefined {
  const site = config.siteInfo;
  // Articles from one language's own content folder (Hugo languages.<l>.contentDir) are in that language.
  const mainTag = (site?.contentLanguage ?? site?.defaultLanguage ?? config.language).toLowerCase();
  const isMain = (tag: string): boolean => {
    const t = tag.toLowerCase();
    if (t === mainTag) return true;
    const [p, q] = [t.split('-')[0], mainTag.split('-')[0]];
    return p === q && (!t.includes('-') || !mainTag.includes('-'));
  };
  const main: Article[] = [];
  const groups = new Map<string, LanguageGroup>();
  for (const article of articles) {
    const tag = article.lang?.value;
    if (tag === undefined || isMain(tag)) {
      main.push(article);
      continue;
    }
    const key = tag.toLowerCase();
    let group = groups.get(key);
    if (!group) {
      const channel = site?.languageChannels?.[tag] ?? site?.languageChannels?.[key];
      const inSubfolder = site?.languages.includes(tag) === true;
      const base = site?.baseUrl ?? config.link;
      group = {
        language: (channel?.code ? languageTag(channel.code) : undefined) ?? tag,
        slug: feedSlug(key),
        title: channel?.title ?? config.title,
        homeUrl: inSubfolder ? new URL(`${encodeURIComponent(tag)}/`, base).href : config.link,
        items: [],
      };
      groups.set(key, group);
    }
    group.items.push(article);
  }
  if (groups.size === 0) return undefined;
  return { main, others: [...groups.keys()].sort().map((k) => groups.get(k) as LanguageGroup) };
}

/** Archive pages live in `archive/<n>/`, numbered from the oldest so a page never changes number. */
export const ARCHIVE_DIR = 'archive/';

/**
 * Split newest-first `articles` into the current feed and full archive pages (oldest page first,
 * each page newest first). Pages are cut from the oldest article, so a new article never moves
 * an old one to another page; the newest, partial page (1 to `limit` articles) is the current
 * feed. Every article is in exactly one document.
 */
export function paginate(articles: readonly Article[], limit: number, archive: boolean): { current: Article[]; pages: Article[][] } {
  if (limit <= 0) return { current: [...articles], pages: [] };
  if (!archive || articles.length <= limit) return { current: articles.slice(0, limit), pages: [] };
  const oldestFirst = [...articles].reverse();
  const pageCount = Math.ceil(articles.length / limit) - 1;
  const pages: Article[][] = [];
  for (let p = 0; p < pageCount; p++) pages.push(oldestFirst.slice(p * limit, (p + 1) * limit).reverse());
  return { current: oldestFirst.slice(pageCount * limit).reverse(), pages };
}

/** The absolute URL of a file in the output folder (each path segment percent-encoded as needed). */
export function feedFileUrl(config: FeedwrightConfig, file: string): string {
  return new URL(file.split('/').map(encodeURIComponent).join('/'), config.feedUrl).href;
}

/**
 * The stylesheet's href from a feed in `dir`: relative (`../../feed.xsl` from `tags/x/`), so it
 * is same-origin wherever the folder is served (browsers apply XSLT only from the same origin).
 */
export function stylesheetHref(dir: string): string {
  return '../'.repeat(dir.split('/').length - 1) + STYLESHEET_FILE;
}

interface Group {
  slug: string;
  name: string;
  items: Article[];
}

/**
 * Group articles by each of their keys (tags, author names). Names that differ only in case,
 * Unicode form or spacing are one feed ("JavaScript", "javascript"), named by the newest
 * article's spelling. Distinct names whose slugs collide ("C", "C++") get distinct folders: in
 * name order, the first keeps the plain slug and the others add a short hash of their name.
 * Sorted by slug.
 */
function groupBy(articles: readonly Article[], keys: (a: Article) => readonly string[]): Group[] {
  const groups = new Map<string, { name: string; items: Article[] }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const raw of keys(article)) {
      const name = raw.trim();
      const key = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const group = groups.get(key) ?? { name, items: [] };
      group.items.push(article);
      groups.set(key, group);
    }
  }
  const taken = new Set<string>();
  const out: Group[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key) as { name: string; items: Article[] };
    let slug = feedSlug(group.name);
    if (taken.has(slug)) slug = `${slug}-${shortHash(key)}`;
    taken.add(slug);
    out.push({ slug, name: group.name, items: group.items });
  }
  return out.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 8);
}

/**
 * A folder name for a tag or author: lowercase letters and digits of any script joined by '-',
 * accents dropped from Latin letters ("Café" -> "cafe"). Names with no letter or digit at all
 * ("+++", "🙂") get a short hash, so two such names never share a folder.
 */
export function feedSlug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/([A-Za-z])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const short = Array.from(s).slice(0, 60).join('').replace(/-+$/, '');
  return short || `x-${shortHash(name)}`;
}
