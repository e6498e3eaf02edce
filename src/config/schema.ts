import type { MappableField } from '../meta/fields.js';
import type { Person } from '../model.js';
import type { TemplateSettings } from '../sources/templates.js';
import type { Preset, SiteInfo } from '../site/model.js';

/** Where each metadata field may come from, in order of precedence. Data, not code (Hugo-style). */
export interface Precedence {
  title: Array<'front-matter' | 'found' | 'file-name'>;
  authors: Array<'front-matter' | 'found' | 'config-default'>;
  published: Array<'front-matter' | 'found' | 'git' | 'mtime'>;
  updated: Array<'front-matter' | 'found' | 'git' | 'published' | 'mtime'>;
}

/** The site configuration, after defaults are applied. See README for every key. */
export interface FeedwrightConfig {
  /** Feed title. */
  title: string;
  description: string;
  /** The site's absolute URL; item links default to `link` + slug. */
  link: string;
  /** BCP 47 language tag, e.g. `en` or `pt-BR`. */
  language: string;
  /** Default author for articles that name none. */
  author: Person;
  /** IANA time zone for dates written without an offset. */
  timezone: string;
  /** Encoding of text and HTML articles that are not UTF-8 and declare no charset (a WHATWG label). */
  fallbackEncoding: string;
  /** Items per feed; 0 = all. */
  limit: number;
  /** Folder of article sources, relative to the config file. */
  articles: string;
  /** Output folder, relative to the config file. */
  out: string;
  /** Absolute URL where `out` is published; self links are `feedUrl` + file name. Defaults to `link`. */
  feedUrl: string;
  /** Base for item links: `itemBase` + slug. Defaults to `link`. */
  itemBase: string;
  /** Characters of summary generated from the body when no summary is given. */
  summaryLength: number;
  /** Future-dated articles: 'hold' (default, reported as a note) or 'include'. */
  future: 'hold' | 'include';
  /** Read git history for dates (one `git log` for the whole folder). */
  git: boolean;
  /** Extra cleaning rules: a line matching a drop pattern is removed, a keep pattern always kept. */
  clean: { drop: string[]; keep: string[] };
  /** Precedence of metadata sources. */
  precedence: Precedence;
  /** Optional extras allowed in sanitised HTML. */
  allowIframes: boolean;
  /**
   * Read symbolic links in the articles folder whose real path is outside it (default false: such
   * a link is reported, SOURCE_LINK_OUTSIDE, and not read, so a link to /etc is never published).
   */
  followExternalLinks: boolean;
  /** Output file names. */
  files: { rss: string; atom: string; json: string };
  /** Opt-in extra feeds for part of the site: one set (RSS, Atom, JSON) per tag and/or per author. */
  feeds: { tags: boolean; authors: boolean };
  /** RFC 5005 archived feeds: the current feed holds `limit` items, older ones go to stable archive pages. */
  archive: boolean;
  /** WebSub hub URLs, announced with rel="hub" (and `hubs` in JSON Feed). */
  hubs: string[];
  /** Write an XSLT stylesheet and reference it from RSS and Atom, so browsers show a readable page. */
  stylesheet: boolean;
  /** Write feeds.opml and index.html (autodiscovery links) beside the feeds. */
  index: boolean;
  /** Cache folder for parsed articles (relative to the config file), or false to disable. */
  cache: string | false;
  /** Template code in Markdown bodies (Liquid/Nunjucks; see sources/templates.ts), set by a generator preset. Absent: removed with a warning. */
  templates?: TemplateSettings;
  /** Site generator whose link rules and keys apply: detected from the site folder ('auto'), or named. */
  preset: Preset | 'auto';
  /** The site's root folder (relative to the config file); default: found by walking up from `articles`. */
  site?: string;
  /** Permalink patterns by section (first folder), '*' for all others; they override the preset's. */
  permalinks: Record<string, string>;
  /** Item ids: 'slug' (tag: URI from host, date and file-name slug; the default, stable) or 'link' (the item's URL). */
  ids: 'slug' | 'link';
  /** The site's own front matter keys per field, read before the default keys. */
  keys: Partial<Record<MappableField, string[]>>;
  /** The detected site (generator, base URL, patterns); set by the build, not by the config file. */
  siteInfo?: SiteInfo;
}

/** The sources each field may name in `precedence` (its type above, as data for validation). */
export const PRECEDENCE_SOURCES: { readonly [F in keyof Precedence]: readonly Precedence[F][number][] } = {
  title: ['front-matter', 'found', 'file-name'],
  authors: ['front-matter', 'found', 'config-default'],
  published: ['front-matter', 'found', 'git', 'mtime'],
  updated: ['front-matter', 'found', 'git', 'published', 'mtime'],
};

export const DEFAULT_PRECEDENCE: Precedence = {
  title: ['front-matter', 'found'],
  authors: ['front-matter', 'found', 'config-default'],
  published: ['front-matter', 'found', 'git', 'mtime'],
  updated: ['front-matter', 'found', 'git', 'published'],
};

/** Default feed length: 50 is what most readers fetch in one poll and keeps feeds small. */
export const DEFAULT_LIMIT = 50;
