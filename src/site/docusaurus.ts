import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readSmallText } from '../util/fs.js';
import { asRecord } from '../util/record.js';
import { readAuthorsMap } from './authors-map.js';
import { objectAt, shallowestOption } from './code-text.js';
import type { SiteInfo } from './model.js';

/*
 * Docusaurus (docusaurus.io) keeps its blog in `blog/` (the blog plugin's `path`) and serves each
 * post at `<baseUrl><routeBasePath>/<slug>` (plugin-content-blog, blogUtils.ts): the slug is front
 * matter `slug`, else the post's path below the blog folder, whose `YYYY-MM-DD` (or `YYYY/MM/DD`)
 * part is also its date and becomes `/YYYY/MM/DD/` of the slug. Its config is JavaScript: only its
 * literal strings are read, never run.
 */

/** The config file names Docusaurus looks for, in its order. */
export const DOCUSAURUS_CONFIGS = ['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs', 'docusaurus.config.mts', 'docusaurus.config.cts'];

/** A config or data file larger than this is not read (a real one is a few KB). */
const MAX_FILE = 256 * 1024;

/** Front matter keys Docusaurus's blog plugin reads (its front matter schema), besides those feedwright reads. */
export const DOCUSAURUS_KEYS = [
  'slug',
  'authors',
  'author_url',
  'author_title',
  'author_image_url',
  'authorURL',
  'authorTitle',
  'authorImageURL',
  'unlisted',
  'hide_table_of_contents',
  'toc_min_heading_level',
  'toc_max_heading_level',
  'keywords',
  'image',
  'last_update',
  'sidebar_label',
  'title_meta',
  'sidebar_position',
  'pagination_prev',
  'pagination_next',
  'custom_edit_url',
];

export interface DocusaurusSite {
  /** The config file's name (`docusaurus.config.ts`). */
  file: string;
  /** `url` + `baseUrl`, when the config writes them as literals. */
  link: string | undefined;
  title: string | undefined;
  description: string | undefined;
  language: string | undefined;
  /** The blog folder (absolute): the plugin's `path`, `blog` by default. */
  blogDir: string;
  settings: NonNullable<SiteInfo['docusaurus']>;
  /** A `trailingSlash: true` in the config: Docusaurus then writes `/x/` links. */
  trailingSlash: boolean;
}

/**
 * The blog plugin's options object: `blog: {…}` in the classic preset's options, or the object
 * after `'@docusaurus/plugin-content-blog'` in a plugins list (the first, the main blog).
 */
function blogOptions(text: string): string | undefined {
  const preset = objectAt(text, /\bblog\s*:\s*\{/.exec(text));
  if (preset) return preset;
  return objectAt(text, /["']@docusaurus\/plugin-content-blog["']\s*,\s*\{/.exec(text));
}

/** The blog plugin's options of a config that does not turn the blog off (`blog: false`). */
function enabledBlog(text: string): string | undefined {
  return /\bblog\s*:\s*false\b/.test(text) ? undefined : blogOptions(text);
}

/** The blog folder (absolute) the plugin's options name: `path`, `blog` by default. */
function blogDirOf(root: string, blog: string): string {
  return path.resolve(root, shallowestOption(blog, 'path') ?? 'blog');
}

/** A YAML or JSON data file of the blog folder (the authors map, the tags file), as a record. */
function dataFile(abs: string): Record<string, unknown> | undefined {
  const text = readSmallText(abs, MAX_FILE);
  if (text === undefined) return undefined;
  try {
    return asRecord(abs.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { uniqueKeys: false, maxAliasCount: 100 }));
  } catch {
    return undefined;
  }
}

/** lodash's `capitalize`, which Docusaurus's tags file applies to a key without a `label`. */
function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

/** Other config files beside the main one (`docusaurus.config-blog.js`), which `docusaurus build --config` names. */
const OTHER_CONFIG = /^docusaurus\.config[.-][\w.-]*\.[cm]?[jt]s$/;

/**
 * The config that builds the site's blog: the main one (Docusaurus's order), unless it sets no
 * blog options (or turns the blog off, `blog: false`) and another config beside it
 * (`docusaurus.config-blog.js`, built with `--config`) does; a site may build its docs and its
 * blog as two sites.
 */
function blogConfig(root: string): { file: string; text: string } | undefined {
  const main = DOCUSAURUS_CONFIGS.find((f) => existsSync(path.join(root, f)));
  if (!main) return undefined;
  const text = readSmallText(path.join(root, main), MAX_FILE) ?? '';
  if (enabledBlog(text)) return { file: main, text };
  let others: string[] = [];
  try {
    others = readdirSync(root)
      .filter((f) => OTHER_CONFIG.test(f) && !DOCUSAURUS_CONFIGS.includes(f))
      .sort();
  } catch {
    // An unreadable folder: the main config.
  }
  for (const f of others) {
    const other = readSmallText(path.join(root, f), MAX_FILE);
    if (other !== undefined && enabledBlog(other)) return { file: f, text: other };
  }
  return { file: main, text };
}

/** The Docusaurus site at `root`, or undefined when it has no config file. */
export function docusaurusSite(root: string): DocusaurusSite | undefined {
  const config = blogConfig(root);
  if (!config) return undefined;
  const { file, text } = config;
  const url = shallowestOption(text, 'url');
  const base = shallowestOption(text, 'baseUrl') ?? '/';
  const link = url && /^https?:\/\//i.test(url) ? `${url.replace(/\/+$/, '')}/${base.replace(/^\/+/, '')}`.replace(/\/*$/, '/') : undefined;
  const blog = blogOptions(text) ?? '';
  const blogDir = blogDirOf(root, blog);
  const routeBasePath = (shallowestOption(blog, 'routeBasePath') ?? 'blog').replace(/^\/+|\/+$/g, '');
  const authorsFile = shallowestOption(blog, 'authorsMapPath') ?? 'authors.yml';
  const authorsData = dataFile(path.join(blogDir, authorsFile)) ?? {};
  const authors = readAuthorsMap(authorsData);
  const tagsData = /\btags\s*:\s*(?:false|null)\b/.test(blog) ? {} : (dataFile(path.join(blogDir, shallowestOption(blog, 'tags') ?? 'tags.yml')) ?? {});
  const tags: Record<string, string> = {};
  for (const [key, entry] of Object.entries(tagsData)) {
    const label = asRecord(entry)?.label;
    tags[key] = typeof label === 'string' && label.trim() ? label.trim() : capitalize(key);
  }
  // The blog's own feed is named by `feedOptions`, else "<site title> Blog" (plugin-content-blog's feed.ts).
  const feed = objectAt(blog, /\bfeedOptions\s*:\s*\{/.exec(blog)) ?? '';
  const siteTitle = shallowestOption(text, 'title');
  const i18n = objectAt(text, /\bi18n\s*:\s*\{/.exec(text)) ?? '';
  return {
    file,
    link,
    title: shallowestOption(feed, 'title') ?? siteTitle,
    description: shallowestOption(feed, 'description') ?? shallowestOption(text, 'tagline'),
    language: shallowestOption(i18n, 'defaultLocale'),
    blogDir,
    settings: { routeBasePath, authors, tags },
    trailingSlash: /\btrailingSlash\s*:\s*true\b/.test(text),
  };
}

/** The blog folder of the Docusaurus site at `root`, relative to it ('/'-separated): the blog plugin's `path`, `blog` by default. */
export function docusaurusBlogFolder(root: string): string {
  // Only the config is read: the authors map and the tags file are the build's.
  const config = blogConfig(root);
  if (!config) return 'blog';
  return path.relative(root, blogDirOf(root, blogOptions(config.text) ?? '')).split(path.sep).join('/') || 'blog';
}

/**
 * Docusaurus's parseBlogFileName: the last `YYYY-MM-DD` (or `YYYY/MM/DD`) in the post's path below the blog
 * folder is its date, and the slug is `/YYYY/MM/DD/<folders before it><the rest>`; without one, the
 * slug is the path without its extension and `/index`.
 */
const DATE_PATH = /^(?<folder>.*)(?<date>\d{4}[-/]\d{1,2}[-/]\d{1,2})[-/]?(?<text>.*?)(?:\/index)?\.mdx?$/;

export function docusaurusFileName(rel: string): { date?: string; slug: string } {
  const m = DATE_PATH.exec(rel);
  if (m?.groups) {
    const { folder = '', date = '', text = '' } = m.groups;
    const [y, mo, d] = date.split(/[-/]/) as [string, string, string];
    return { date: `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`, slug: `/${date.replace(/-/g, '/')}/${folder}${text}` };
  }
  return { slug: `/${rel.replace(/(?:\/index)?\.mdx?$/, '')}` };
}

/** Front matter `tags` as Docusaurus reads them: a key of the tags file (its label), a label, or `{ label, permalink }`. */
export function docusaurusTags(v: unknown, labels: Readonly<Record<string, string>>): unknown {
  const one = (t: unknown): unknown => {
    if (typeof t === 'string') return Object.hasOwn(labels, t) ? labels[t] : t;
    const label = asRecord(t)?.label;
    return typeof label === 'string' ? label : t;
  };
  return Array.isArray(v) ? v.map(one) : one(v);
}
