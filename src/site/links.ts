import { statSync } from 'node:fs';
import path from 'node:path';
import { parseDateValue } from '../meta/dates.js';
import { splitFrontMatter } from '../sources/front-matter.js';
import { zolaLinkKey } from '../sources/templates.js';
import { MAX_SOURCE_BYTES } from '../sources/files.js';
import { isInside } from '../util/path.js';
import { type JekyllSource, folderDataFor, mergeData } from './detect.js';
import { sortedEntries } from './entries.js';
import type { SiteInfo } from './model.js';
import { hugoUrlize, jekyllDatedName, siteLink, zolaSlugify } from './permalink.js';
import type { FileMemo } from './file-memo.js';
import { themeInclude } from './theme-includes.js';
import { readSmallText } from '../util/fs.js';

/*
 * Jekyll's `{% link path %}` and `{% post_url name %}` name another file of the site; the body
 * needs that file's URL before it is rendered. The articles are scanned for the tags first, and
 * each target named is resolved here, once per build, from its own front matter and the site's
 * permalink rules (src/site/permalink.ts), as Jekyll resolves it:
 * - `link`: the file at that path relative to the site's source folder (a post, a collection
 *   document, a page, or a static file, whose URL is its path);
 * - `post_url`: the post whose path matches `[dir/]YYYY-MM-DD-slug` (Jekyll's PostComparer), else,
 *   as Jekyll's deprecated fallback still does, any post with that date and slug.
 * Only the targets the articles name are resolved and kept (`TemplateSettings.links`, keyed
 * `link:<path>` and `post_url:<name>`), so the map, part of every cache key, changes only when a
 * named target moves. A target that resolves to nothing is absent: the tag is then named in a
 * CONTENT_LINK_UNRESOLVED warning (src/sources/templates.ts), where Jekyll stops the build.
 */

/** A `{% link … %}` or `{% post_url … %}` tag, with its target as written. */
const LINK_TAG = /\{%-?\s*(link|post_url)\s+([^%]*?)\s*-?%\}/g;

/** Markdown files are rendered through Liquid; only they can hold the tags. */
const MARKDOWN = /\.(md|markdown|mkdown|mkd|mkdn)$/i;

/** The key of a target in `TemplateSettings.links`. */
export function linkKey(tag: 'link' | 'post_url', target: string): string {
  return `${tag}:${target.trim()}`;
}

export interface LinkTargetOptions {
  site: SiteInfo;
  source: JekyllSource;
  /** The articles folder (absolute). */
  articlesDir: string;
  /** The base the item links are made against (ends with "/"); undefined: site paths. */
  base: string | undefined;
  /** The config's permalink patterns (they override the site's, as for the items). */
  userPatterns: Record<string, string>;
  /** The zone dates without an offset are read in (the site's, else the feed's). */
  timezone: string;
  /** The config's language: it decides a numeric date that reads either way (`06-03-2024`), as for the items. */
  language?: string;
}

/** An `{% include name %}` (or jekyll-include-cache's `include_cached`) with a literal file name. */
const INCLUDE_TAG = /\{%-?\s*include(?:_cached)?\s+([\w/.\-()+~#@]+)/g;

/** Bounds on the include files read for the articles: how many, and how large each may be. */
export const INCLUDE_LIMITS = { files: 100, bytes: 64 * 1024 } as const;

/**
 * What the articles' Liquid reads from the site: the URL of each `{% link %}` / `{% post_url %}`
 * target they name (unresolvable ones left out), and the text of each `{% include %}` file they
 * name, with the includes those files name in turn (keyed by the name as written). Only named
 * files are read, so editing a layout's include (head.html) does not touch every article's cache
 * key; an include the site does not have (a gem theme's) is absent and removed with a warning.
 */
export function jekyllTemplateTargets(options: LinkTargetOptions, memo?: FileMemo): { links: Record<string, string>; includes: Record<string, string> } {
  const named = new Map<string, { tag: 'link' | 'post_url'; target: string }>();
  const includeNames = new Set<string>();
  for (const file of walk(options.articlesDir, options.source.destination)) {
    if (!MARKDOWN.test(file)) continue;
    const tags = memo ? memo.get('tags', file, () => templateTags(readSmall(file))) : templateTags(readSmall(file));
    for (const [tag, target] of tags.links) named.set(linkKey(tag, target), { tag, target });
    for (const name of tags.includes) includeNames.add(name);
  }
  return { links: linkUrls(named, options, memo), includes: includeFiles(includeNames, options.source.includesDir, options.source.theme) };
}

/** The `{% link %}` / `{% post_url %}` targets and `{% include %}` names a post's text holds. */
function templateTags(text: string | undefined): { links: ['link' | 'post_url', string][]; includes: string[] } {
  const out: { links: ['link' | 'post_url', string][]; includes: string[] } = { links: [], includes: [] };
  if (text === undefined || !text.includes('{%')) return out;
  for (const m of text.matchAll(LINK_TAG)) {
    const target = (m[2] as string).trim();
    // A target made by Liquid ({% link {{ page.x }} %}) is known only when rendered.
    if (target && !target.includes('{')) out.links.push([m[1] as 'link' | 'post_url', target]);
  }
  for (const m of text.matchAll(INCLUDE_TAG)) out.includes.push(m[1] as string);
  return out;
}

/**
 * The named include files that exist inside `dir`, and those they include, within INCLUDE_LIMITS;
 * one the folder lacks is the site's theme's, when feedwright knows it (`themeInclude`).
 */
function includeFiles(names: Iterable<string>, dir: string, theme: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const queue = [...names].sort();
  const seen = new Set(queue);
  for (let i = 0; i < queue.length && Object.keys(out).length < INCLUDE_LIMITS.files; i++) {
    const name = queue[i] as string;
    // Jekyll refuses `..` and `//` in an include's name; so does this.
    if (/[./]{2}/.test(name)) continue;
    const abs = path.resolve(dir, name);
    if (!isInside(dir, abs)) continue;
    const text = isFile(abs) ? readSmall(abs, INCLUDE_LIMITS.bytes) : themeInclude(theme, name);
    if (text === undefined) continue;
    out[name] = text;
    for (const m of text.matchAll(INCLUDE_TAG)) {
      const inner = m[1] as string;
      if (!seen.has(inner)) {
        seen.add(inner);
        queue.push(inner);
      }
    }
  }
  return out;
}

/** The URLs of the named `{% link %}` / `{% post_url %}` targets. */
function linkUrls(named: ReadonlyMap<string, { tag: 'link' | 'post_url'; target: string }>, options: LinkTargetOptions, memo: FileMemo | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (named.size === 0) return out;
  let posts: string[] | undefined;
  for (const [key, { tag, target }] of [...named].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let rel: string | undefined;
    if (tag === 'link') rel = target.replace(/^\/+/, '');
    else {
      posts ??= walk(options.source.dir, options.source.destination)
        .map((f) => relSlash(options.source.dir, f))
        .filter((r) => /(^|\/)_posts\//.test(r))
        .sort();
      rel = findPost(posts, target);
    }
    const url = rel === undefined ? undefined : urlOf(rel, options, memo);
    if (url !== undefined) out[key] = url;
  }
  return out;
}

/**
 * Jekyll's PostComparer: `[dir/]YYYY-MM-DD-slug` matches `_posts/<dir>/<date>-<slug>.<ext>` or
 * `<dir>/_posts/<date>-<slug>.<ext>`; failing that, any post of that date and slug (the first
 * in Jekyll's order, by path here).
 */
export function findPost(posts: readonly string[], name: string): string | undefined {
  const m = /^(.+\/)*(\d+-\d+-\d+)-(.*)$/.exec(name.replace(/^\//, ''));
  if (!m) return undefined;
  const dir = m[1] ?? '';
  const base = `${m[2]}-${m[3]}`;
  const exact = posts.find((p) => {
    const dot = p.lastIndexOf('.');
    const stem = dot > p.lastIndexOf('/') ? p.slice(0, dot) : p;
    return stem === `_posts/${dir}${base}` || stem === `${dir}_posts/${base}`;
  });
  if (exact !== undefined) return exact;
  return posts.find((p) => p.replace(/^.*\//, '').replace(/\.[^.]+$/, '') === base);
}

/** The URL of the file at `rel` (relative to the source folder), as Jekyll writes it; undefined when it is no page. */
function urlOf(rel: string, options: LinkTargetOptions, memo: FileMemo | undefined): string | undefined {
  const abs = path.resolve(options.source.dir, rel);
  if (relSlash(options.source.dir, abs) === '' || isInside(options.source.destination, abs) || !isFile(abs)) return undefined;
  // Kept as null when the file is no page (JSON has no undefined).
  return (memo ? memo.get('url', abs, () => urlOfFile(abs, rel, options) ?? null) : urlOfFile(abs, rel, options)) ?? undefined;
}

/** {@link urlOf} from the file's text. */
function urlOfFile(abs: string, rel: string, options: LinkTargetOptions): string | undefined {
  const { source, site } = options;
  const text = readSmall(abs);
  if (text === undefined) return undefined;
  let sitePath: string;
  if (!/^(---|\+\+\+)[ \t]*\r?\n/.test(text)) {
    // A static file: copied as it is, its URL is its path (files in "_" folders are not copied).
    if (rel.split('/').some((part) => part.startsWith('_') || part.startsWith('.'))) return undefined;
    sitePath = `/${rel}`;
  } else {
    const fm = splitFrontMatter(text, rel);
    // Front matter feedwright refuses (a duplicate key, which Jekyll's reader lets the last one win)
    // is reported on that file when it is an article; its URL then comes from its path and the defaults.
    const own = fm.ok ? fm.data : {};
    if (own.published === false) return undefined;
    const layers = folderDataFor({ ...site, folderData: source.folderData }, rel);
    const data = layers.length > 0 ? mergeData([...layers, own]) : own;
    const fileDate = jekyllDatedName(rel.replace(/^.*\//, '').replace(/\.[^.]+$/, ''))?.date;
    const dateText = typeof data.date === 'string' ? data.date : data.date instanceof Date ? undefined : fileDate;
    const date = parseDateValue(data.date ?? fileDate, options.timezone, options.language) ?? parseDateValue(fileDate, options.timezone) ?? new Date(0);
    const made = siteLink(
      site,
      {
        contentPath: relSlash(source.collectionsDir, abs) || rel,
        fm: data,
        date,
        ...(dateText !== undefined ? { dateText } : {}),
        title: typeof data.title === 'string' ? data.title : '',
        timezone: options.timezone,
        categories: jekyllCategories(rel, data),
      },
      options.userPatterns,
    );
    if ('skip' in made) return undefined;
    sitePath = made.path;
  }
  if (!options.base) return sitePath;
  return new URL(encodeURI(sitePath.replace(/^\/+/, '')).replace(/[?#]/g, encodeURIComponent), options.base).href;
}

/** Jekyll's categories: the folders above `_posts`, then `categories` (split at spaces) and `category`. */
function jekyllCategories(rel: string, fm: Record<string, unknown>): string[] {
  const out: string[] = [];
  const dirs = rel.split('/').slice(0, -1);
  const at = dirs.indexOf('_posts');
  if (at > 0) out.push(...dirs.slice(0, at));
  for (const v of [fm.categories, fm.category]) {
    if (typeof v === 'string') out.push(...v.split(/\s+/).filter(Boolean));
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' || typeof x === 'number') out.push(String(x));
  }
  return [...new Set(out)];
}

/** Files under `dir` (absolute paths, sorted), skipping dot folders, node_modules, vendor and the output folder. */
function walk(dir: string, skip: string): string[] {
  const out: string[] = [];
  const visit = (d: string, depth: number): void => {
    if (depth > 16 || (skip !== '' && path.resolve(d) === path.resolve(skip))) return;
    for (const e of sortedEntries(d)) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'vendor') continue;
      const abs = path.join(d, e.name);
      if (e.isDirectory()) visit(abs, depth + 1);
      else if (e.isFile()) out.push(abs);
    }
  };
  visit(dir, 0);
  return out;
}

function readSmall(abs: string, limit: number = MAX_SOURCE_BYTES): string | undefined {
  return readSmallText(abs, limit);
}

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

function relSlash(from: string, to: string): string {
  const r = path.relative(from, to).split(path.sep).join('/');
  return r.startsWith('..') || path.isAbsolute(r) ? '' : r;
}

// --- Hugo ------------------------------------------------------------------------------------

/** `{{< ref "x" >}}`, `{{% relref path="x" %}}`: the target as written. */
const HUGO_REF = /\{\{[<%]\s*(?:ref|relref)\s+(?:path\s*=\s*)?(?:"([^"\n]+)"|`([^`\n]+)`|([^\s"`%>]+))/g;
/** `{{< param … >}}`: the site's params are then needed. */
const HUGO_PARAM = /\{\{[<%]\s*param\s/;

export interface HugoRefOptions {
  site: SiteInfo;
  /** The content folder (absolute). */
  contentDir: string;
  articlesDir: string;
  display: (abs: string) => string;
  base: string | undefined;
  userPatterns: Record<string, string>;
  timezone: string;
  language?: string;
}

/**
 * Hugo's `ref` and `relref` shortcodes name another page as Hugo's GetPage finds it: a path from
 * the content folder (`/blog/x`), else relative to the page's own folder, else from the content
 * folder; with or without `.md`, a bundle (`x/index.md`) or a section (`x/_index.md`); a bare
 * name that is unique in the site. Keyed `ref:<article display path>:<target>`, since a relative
 * target depends on the page. `usesParam`: some article has `{{< param >}}`.
 */
export function hugoRefTargets(options: HugoRefOptions): { links: Record<string, string>; usesParam: boolean } {
  const links: Record<string, string> = {};
  let usesParam = false;
  let all: string[] | undefined;
  for (const file of walk(options.articlesDir, '')) {
    if (!MARKDOWN.test(file)) continue;
    const text = readSmall(file);
    if (text === undefined || !text.includes('{{')) continue;
    if (!usesParam && HUGO_PARAM.test(text)) usesParam = true;
    for (const m of text.matchAll(HUGO_REF)) {
      const target = (m[1] ?? m[2] ?? m[3] ?? '').trim();
      const key = `ref:${options.display(file)}:${target}`;
      if (!target || key in links) continue;
      const hash = target.indexOf('#');
      const pathPart = hash < 0 ? target : target.slice(0, hash);
      const fragment = hash < 0 ? '' : target.slice(hash);
      let abs: string | undefined;
      if (pathPart === '') abs = file;
      else {
        all ??= walk(options.contentDir, '').filter((f) => MARKDOWN.test(f) || /\.html?$/i.test(f));
        abs = findHugoPage(all, options.contentDir, path.dirname(file), pathPart);
      }
      const url = abs === undefined ? undefined : hugoUrlOf(abs, options);
      if (url !== undefined) links[key] = url + fragment;
    }
  }
  return { links, usesParam };
}

function findHugoPage(all: readonly string[], contentDir: string, pageDir: string, target: string): string | undefined {
  const have = new Set(all);
  const bases = target.startsWith('/') ? [path.join(contentDir, target)] : [path.join(pageDir, target), path.join(contentDir, target)];
  for (const b of bases) {
    const p = b.replace(/\/+$/, '');
    for (const f of [p, `${p}.md`, `${p}.markdown`, `${p}.html`, path.join(p, 'index.md'), path.join(p, '_index.md')]) if (have.has(f)) return f;
  }
  if (target.includes('/')) return undefined;
  // A bare name: the one page of that name (a file, a bundle or a section); ambiguous is none, as Hugo fails then.
  const name = target.replace(/\.(md|markdown|html?)$/i, '');
  const found = all.filter((f) => {
    const stem = path.basename(f).replace(/\.[^.]+$/, '');
    return stem === 'index' || stem === '_index' ? path.basename(path.dirname(f)) === name : stem === name;
  });
  return found.length === 1 ? found[0] : undefined;
}

function hugoUrlOf(abs: string, options: HugoRefOptions): string | undefined {
  // A section: its folder, or its own url.
  return contentUrlOf(abs, options.contentDir, options, (dirs, data) =>
    typeof data.url === 'string' && data.url.trim() ? data.url.trim() : `/${dirs.map((d) => hugoUrlize(d, options.site.keepPathCase)).join('/')}/`,
  );
}

/** What {@link contentUrlOf} needs besides the file: the site, the base of item links, the config's patterns, the zone. */
interface ContentUrlOptions {
  site: SiteInfo;
  base: string | undefined;
  userPatterns: Record<string, string>;
  timezone: string;
  language?: string;
}

/**
 * The URL of a file of a content folder (Hugo's, Zola's): a section page (`_index.md`) at
 * `sectionPath(folders, front matter)`, any other page by the site's permalink rules.
 */
function contentUrlOf(abs: string, contentDir: string, options: ContentUrlOptions, sectionPath: (dirs: string[], data: Record<string, unknown>, file: string) => string): string | undefined {
  const { site } = options;
  const rel = relSlash(contentDir, abs);
  if (!rel) return undefined;
  const text = readSmall(abs);
  if (text === undefined) return undefined;
  const fm = splitFrontMatter(text, rel);
  const data = fm.ok ? fm.data : {};
  let sitePath: string;
  const dirs = rel.split('/').slice(0, -1);
  if (/^_index\./.test(path.basename(abs))) sitePath = sectionPath(dirs, data, path.basename(abs)).replace(/\/{2,}/g, '/');
  else {
    const dateValue = data.date ?? data.publishDate ?? data.pubDate;
    const dateText = typeof dateValue === 'string' ? dateValue : undefined;
    const made = siteLink(
      site,
      {
        contentPath: rel,
        fm: data,
        date: parseDateValue(dateValue, options.timezone, options.language) ?? new Date(0),
        ...(dateText !== undefined ? { dateText } : {}),
        title: typeof data.title === 'string' ? data.title : '',
        timezone: options.timezone,
        categories: [],
      },
      options.userPatterns,
    );
    if ('skip' in made) return undefined;
    sitePath = made.path;
  }
  if (!options.base) return sitePath;
  return new URL(encodeURI(sitePath.replace(/^\/+/, '')).replace(/[?#]/g, encodeURIComponent), options.base).href;
}

// --- Zola ------------------------------------------------------------------------------------

/**
 * Zola's internal links: a Markdown link to `@/blog/post.md` (with an optional `#anchor`) names a
 * file of the content folder, and Zola writes that page's URL in its place (its build stops on a
 * target that does not exist). The targets the articles name are resolved here, keyed
 * `zola:@/<path>` (the anchor is added where the link is rewritten, src/sources/markdown.ts).
 */
export const ZOLA_INTERNAL_LINK = /@\/([^\s()<>"'#?[\]]+?\.md)(?=[\s)>#?"']|$)/gm;

export interface ZolaLinkOptions extends ContentUrlOptions {
  /** The content folder (absolute). */
  contentDir: string;
  articlesDir: string;
}

/** The URL of each `@/…` target the articles name (unresolvable ones left out), and whether any is named. */
export function zolaLinkTargets(options: ZolaLinkOptions): { links: Record<string, string>; named: boolean } {
  const links: Record<string, string> = {};
  let named = false;
  for (const file of walk(options.articlesDir, '')) {
    if (!MARKDOWN.test(file)) continue;
    const text = readSmall(file);
    if (text === undefined || !text.includes('@/')) continue;
    for (const m of text.matchAll(ZOLA_INTERNAL_LINK)) {
      named = true;
      const target = m[1] as string;
      const key = zolaLinkKey(target);
      if (key in links) continue;
      const abs = path.join(options.contentDir, target);
      // Outside the content folder (`@/../x.md`) is nothing Zola links to.
      if (!relSlash(options.contentDir, abs) || !isFile(abs)) continue;
      const url = contentUrlOf(abs, options.contentDir, options, (dirs, _data, name) => {
        const lang = /^_index\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.md$/.exec(name)?.[1];
        const prefix = lang && lang !== options.site.defaultLanguage ? `/${lang}` : '';
        const slug = (d: string) => (options.site.slugifyPaths ? zolaSlugify(d) : d);
        return `${prefix}/${dirs.map(slug).join('/')}/`;
      });
      if (url !== undefined) links[key] = url;
    }
  }
  return { links, named };
}
