import { createHash } from 'node:crypto';
import { docusaurusFileName } from './docusaurus.js';
import { renderEleventyPermalink } from './eleventy-permalink.js';
import { pelicanLink } from './pelican.js';
import { nuxtPath } from './other-generators.js';
import type { SiteInfo } from './model.js';

/*
 * Item links as each generator writes them. One function per generator turns an article (its
 * path inside the generator's content root, its front matter with folder data applied, its date
 * and title) into a site path, and says which rule made it, for `explain`.
 *
 * The rules are each generator's documented ones:
 * - Jekyll: posts in `_posts/` under `permalink` (named styles date/pretty/ordinal/weekdate/none,
 *   or a pattern; default "date"), folders above `_posts` are categories; collections with
 *   `output: true` under their own permalink (default `/:collection/:path:output_ext`).
 * - Hugo: `/<section path>/<slug or file name>/`, or `permalinks.<section>`; `url` front matter
 *   wins; paths lower-cased and sanitised (spaces to hyphens); uglyURLs gives `x.html`.
 * - Hexo: posts in `source/_posts/` under `permalink` (default `:year/:month/:day/:title/`), `:title`
 *   being the file's path under `_posts` without extension (as `new_post_name` reads it), `:category`
 *   the last category's path; front matter `permalink` wins; a `?` ends the path Hexo writes.
 * - Zola: `/<section path>/<slug>/`, a `YYYY-MM-DD-` or `YYYY-MM-DD_` file-name prefix is the
 *   date, `slug` and `path` front matter win; paths slugified (slugify.paths "on").
 * - Eleventy: the input-relative path (`blog/x.md` -> `/blog/x/`, `x/index.md` and `x/x.md` ->
 *   `/x/`), or `permalink` from front matter or a directory data file.
 * - Astro: a content collection `src/content/<c>/` -> `/<c>/<id>/`, the id being the slugified
 *   path (github-slugger per segment, `/index` dropped) or `slug`; Starlight's `docs` collection
 *   is served from the root, `/<id>/`.
 * - Next.js: the site's own dynamic route whose last fixed segment is the articles folder's name
 *   (`app/blog/posts/[slug]/page.tsx` for posts/ -> `/blog/posts/<slug>`), else `/<folder>/<slug>`
 *   (`_posts` -> `/posts/`), as the blog starter and tailwind-nextjs-starter-blog route them;
 *   override with `permalinks`.
 * - Docusaurus: `/<routeBasePath>/<slug>`, the slug being front matter `slug` or the path below the
 *   blog folder, whose `YYYY-MM-DD` becomes `/YYYY/MM/DD/` (src/site/docusaurus.ts); files and
 *   folders named `_x` are partials, not posts.
 */

export interface LinkInput {
  /** The article's path inside the generator's content root ('/'-separated). */
  contentPath: string;
  /** Front matter, with folder data (Eleventy directory data, Hugo cascade) under it. */
  fm: Record<string, unknown>;
  /** The file itself has no front matter (folder data may still give `fm` keys); unknown when absent. */
  noOwnFrontMatter?: boolean;
  /** The publication date (for :year etc.). */
  date: Date;
  /** The date as written in front matter, if it was (its own Y-M-D is what Hugo and Zola use). */
  dateText?: string;
  title: string;
  /** The zone a date without an offset was read in. */
  timezone: string;
  /** Categories as the generator reads them (Jekyll: folders above _posts, then front matter). */
  categories: string[];
}

export type LinkResult =
  | {
      path: string;
      rule: string;
      /** A permalink template the page's data could not render (a filter the site defines): the path is the generator's default. */
      unrendered?: string;
    }
  | { skip: string };

/** Tokens in patterns: `:name`. Longest first, so `:slugorfilename` is not read as `:slug`. */
const TOKEN = /:([a-z_]+)/g;

/** Jekyll's named permalink styles (docs: Permalinks, "Built-in formats"). */
export const JEKYLL_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** The site path of one article, or why it has no page. */
export function siteLink(site: SiteInfo, input: LinkInput, userPatterns: Record<string, string>): LinkResult {
  switch (site.preset) {
    case 'jekyll':
      return jekyllLink(site, input, userPatterns);
    case 'hexo':
      return hexoLink(site, input, userPatterns);
    case 'hugo':
      return hugoLink(site, input, userPatterns);
    case 'zola':
      return zolaLink(site, input, userPatterns);
    case 'eleventy':
      return eleventyLink(site, input, userPatterns);
    case 'astro':
      return astroLink(site, input, userPatterns);
    case 'nextjs':
      return nextLink(site, input, userPatterns);
    case 'docusaurus':
      return docusaurusLink(site, input, userPatterns);
    case 'pelican': {
      const own = userPattern(userPatterns, split(input.contentPath).dirs[0] ?? '', input.contentPath);
      if (own) return { path: plainLink(input, own, str(input.fm.slug) ?? split(input.contentPath).stem).path, rule: `config permalinks ${own}` };
      return pelicanLink(site, input, dateParts(input.date, input.dateText, input.timezone));
    }
  }
}

/**
 * A pattern from the user's config for this article, if there is one: keyed by a folder name on
 * its path (the deepest first, so "posts" matches content/posts/x.md), or '*' for any.
 */
function userPattern(userPatterns: Record<string, string>, section: string, contentPath?: string): string | undefined {
  const dirs = contentPath ? contentPath.split('/').slice(0, -1).reverse() : [];
  for (const d of dirs) if (userPatterns[d] !== undefined) return userPatterns[d];
  return userPatterns[section] ?? userPatterns['*'];
}

// --- generic pieces -------------------------------------------------------------------------

function split(contentPath: string): { dirs: string[]; file: string; stem: string; ext: string } {
  const parts = contentPath.split('/').filter(Boolean);
  const file = parts.pop() ?? '';
  const dot = file.lastIndexOf('.');
  return { dirs: parts, file, stem: dot > 0 ? file.slice(0, dot) : file, ext: dot > 0 ? file.slice(dot) : '' };
}

/** Y, M, D, ... of the date: as written in front matter when it starts with YYYY-MM-DD, else in `zone`. */
function dateParts(date: Date, dateText: string | undefined, zone: string): Record<string, string> {
  const literal = dateText ? /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(dateText.trim()) : null;
  let y: number;
  let mo: number;
  let d: number;
  let h = 0;
  let mi = 0;
  let s = 0;
  if (literal) {
    [y, mo, d] = [Number(literal[1]), Number(literal[2]), Number(literal[3])];
    [h, mi, s] = [Number(literal[4] ?? 0), Number(literal[5] ?? 0), Number(literal[6] ?? 0)];
  } else {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' })
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    );
    [y, mo, d, h, mi, s] = [Number(parts.year), Number(parts.month), Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)];
  }
  const utc = Date.UTC(y, mo - 1, d);
  const yday = Math.floor((utc - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
  const weekday = new Date(utc).getUTCDay();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  // ISO 8601 week number (Jekyll's :week).
  const thursday = new Date(utc + (3 - ((weekday + 6) % 7)) * 86_400_000);
  const week = Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return {
    year: String(y),
    short_year: pad(y % 100),
    month: pad(mo),
    i_month: String(mo),
    short_month: (monthNames[mo - 1] ?? '').slice(0, 3),
    long_month: monthNames[mo - 1] ?? '',
    monthname: (monthNames[mo - 1] ?? '').toLowerCase(),
    day: pad(d),
    i_day: String(d),
    y_day: pad(yday, 3),
    yearday: String(yday),
    week: pad(week),
    short_day: (dayNames[weekday] ?? '').slice(0, 3),
    long_day: dayNames[weekday] ?? '',
    weekday: String(weekday),
    weekdayname: (dayNames[weekday] ?? '').toLowerCase(),
    hour: pad(h),
    minute: pad(mi),
    second: pad(s),
  };
}

/** Replace `:token`s from `values`; a token with no value is left as written (and reported). */
export function expandPattern(pattern: string, values: Record<string, string | undefined>): { path: string; unknown: string[] } {
  const unknown: string[] = [];
  const names = Object.keys(values).sort((a, b) => b.length - a.length);
  const path = pattern.replace(TOKEN, (whole, name: string) => {
    // `:titlefoo` is `:title` + "foo" only when no longer token matches: take the longest known prefix.
    const hit = names.find((n) => name.startsWith(n) && values[n] !== undefined);
    if (!hit) {
      unknown.push(whole);
      return whole;
    }
    return (values[hit] as string) + name.slice(hit.length);
  });
  return { path: normalisePath(path), unknown };
}

/** One leading slash, no doubled slashes (empty tokens such as no :categories leave `//`). */
function normalisePath(p: string): string {
  const s = `/${p}`.replace(/\/{2,}/g, '/');
  return s.replace(/\/\.(?=\/|$)/g, '');
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

/** The common tokens every pattern may use, as feedwright's own preset-less permalinks do. */
function commonTokens(input: LinkInput, slug: string, filename: string, sections: string[], slugger: (s: string) => string): Record<string, string> {
  return {
    ...dateParts(input.date, input.dateText, input.timezone),
    title: slugger(input.title),
    slug,
    slugorfilename: str(input.fm.slug) ? slug : filename,
    filename,
    contentbasename: filename,
    section: sections[0] ?? '',
    sections: sections.join('/'),
    categories: input.categories.map(slugger).filter(Boolean).join('/'),
    category: slugger(input.categories[0] ?? ''),
  };
}

// --- slugifiers, each generator's own ----------------------------------------------------------

/** Jekyll's Utils.slugify: "default" keeps letters and digits, "pretty" also ._~!$&'()+,;=@. */
export function jekyllSlugify(s: string, mode: 'default' | 'pretty', cased = false): string {
  const re = mode === 'pretty' ? /[^\p{L}\p{N}._~!$&'()+,;=@]+/gu : /[^\p{L}\p{N}]+/gu;
  const out = s.replace(re, '-').replace(/^-+|-+$/g, '');
  return cased ? out : out.toLowerCase();
}

/** Hugo's urlize (paths.Sanitize + lower case): whitespace runs become "-", other punctuation goes. */
export function hugoUrlize(s: string, keepCase = false): string {
  let out = '';
  let pendingHyphen = false;
  // As Hugo's paths.Sanitize: a space beside a written hyphen adds none ("FOSDEM - Paris" is fosdem-paris).
  let wasHyphen = false;
  for (const ch of s) {
    if (/[\p{L}\p{N}\p{M}./\\_#+~@-]/u.test(ch)) {
      wasHyphen = ch === '-';
      if (pendingHyphen && !wasHyphen) out += '-';
      pendingHyphen = false;
      out += ch;
    } else if (out && !wasHyphen && /\s/u.test(ch)) pendingHyphen = true;
  }
  return keepCase ? out : out.toLowerCase();
}

/** Zola's slugify (the `slug` crate): ASCII, lower case, runs of anything else become one "-". */
export function zolaSlugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** github-slugger, which Astro uses for collection ids: lower case, punctuation removed, spaces to "-". */
export function githubSlug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

// --- Jekyll ----------------------------------------------------------------------------------

/** Jekyll's dated post name (its Document::DATE_FILENAME_MATCHER): `2024-03-05-name`, also `2017-4-20-name`. */
const JEKYLL_POST = /^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)$/;

/**
 * The date prefix of a Jekyll post's file name (without extension) as `YYYY-MM-DD`, and the name
 * after it. Jekyll takes one-digit months and days (`2017-4-20-tips`); a year of other than four
 * digits gives no date here (the name still loses its prefix, as Jekyll's does).
 */
export function jekyllDatedName(stem: string): { date: string | undefined; rest: string } | undefined {
  const m = JEKYLL_POST.exec(stem);
  if (!m) return undefined;
  const [, year, month, day, rest] = m as unknown as [string, string, string, string, string];
  return { date: year.length === 4 ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : undefined, rest };
}

function jekyllLink(site: SiteInfo, input: LinkInput, userPatterns: Record<string, string>): LinkResult {
  const { dirs, stem, ext } = split(input.contentPath);
  const outputExt = /^\.(md|markdown|mkdown|mkd|mkdn|html|htm|textile)$/i.test(ext) ? '.html' : ext;
  if (dirs.includes('_drafts')) return { skip: 'a Jekyll draft (_drafts/)' };
  const postsAt = dirs.indexOf('_posts');
  const collection = postsAt >= 0 ? 'posts' : dirs.map((d) => d.replace(/^_/, '')).find((d, i) => dirs[i]?.startsWith('_') && d in site.collections);
  const fmPermalink = str(input.fm.permalink);
  const section = collection ?? dirs[0] ?? '';
  const own = userPattern(userPatterns, section, input.contentPath);
  const dated = jekyllDatedName(stem);
  const slugPart = str(input.fm.slug) ?? (dated ? dated.rest : stem);
  const inCollection = collection ? dirs.slice(dirs.indexOf(collection === 'posts' ? '_posts' : `_${collection}`) + 1) : dirs;
  // Jekyll reads a date with an offset into the site's zone; one without is already in it.
  const ownZone = input.dateText !== undefined && !/(?:Z|[+-]\d{2}:?\d{2})\s*$/.test(input.dateText.trim());
  const values: Record<string, string> = {
    ...dateParts(input.date, ownZone ? input.dateText : undefined, site.timezone ?? 'UTC'),
    title: jekyllSlugify(slugPart, 'pretty', true),
    slug: jekyllSlugify(slugPart, 'default'),
    name: jekyllSlugify(stem, 'pretty'),
    categories: [...new Set(input.categories.map((c) => c.toLowerCase()))].join('/'),
    collection: collection ?? '',
    output_ext: outputExt,
    path: [...inCollection, stem].join('/'),
    basename: stem,
  };
  let pattern: string;
  let rule: string;
  if (fmPermalink) {
    pattern = JEKYLL_STYLES[fmPermalink] ?? fmPermalink;
    rule = `front matter permalink ${fmPermalink}`;
  } else if (own) {
    pattern = JEKYLL_STYLES[own] ?? own;
    rule = `config permalinks ${own}`;
  } else if (collection === 'posts') {
    const configured = site.collections.posts || site.permalinks['*'] || 'date';
    pattern = JEKYLL_STYLES[configured] ?? configured;
    rule = `jekyll permalink ${configured}`;
  } else if (collection) {
    pattern = site.collections[collection] || '/:collection/:path:output_ext';
    pattern = JEKYLL_STYLES[pattern] ?? pattern;
    rule = `jekyll collection ${collection} ${pattern}`;
  } else {
    // A page: its path; the site's style decides the ending ("pretty" and patterns ending in "/" give folders).
    const style = site.permalinks['*'] ?? 'date';
    const folder = (JEKYLL_STYLES[style] ?? style).endsWith('/');
    pattern = stem === 'index' ? `/${dirs.join('/')}/` : folder ? '/:path/' : '/:path:output_ext';
    values.path = [...dirs, stem].join('/');
    rule = 'jekyll page path';
  }
  // (Bridgetown publishes such a post, dated by its front matter.)
  if (collection === 'posts' && !dated && !fmPermalink && !site.bridgetown) return { skip: 'a Jekyll post without a YYYY-MM-DD- date in its file name (Jekyll does not publish it)' };
  return { path: jekyllUnescapePath(expandPattern(pattern, values).path), rule };
}

/**
 * The path of the page Jekyll writes for a URL: a permalink written with percent-escapes
 * (`/2010/10/20/%c9%b9o/`, common in posts imported from WordPress) is written to the unescaped
 * folder (`URL.unescape_path`), and that page is the URL's. The path is returned unescaped so the
 * link is encoded once; escapes that are not UTF-8 are left as written.
 */
function jekyllUnescapePath(sitePath: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(sitePath)) return sitePath;
  try {
    return decodeURIComponent(sitePath);
  } catch {
    return sitePath;
  }
}

// --- Hexo ------------------------------------------------------------------------------------

/**
 * hexo-util's slugize: Latin diacritics dropped, control characters removed, runs of white space
 * and ASCII punctuation made one "-", none at either end; `transform` 1 lower-cases, 2 upper-cases.
 * Letters of other scripts (Chinese, Japanese) stay as written.
 */
export function hexoSlugize(s: string, transform = 0): string {
  const out = s
    .normalize('NFD')
    .replace(/([A-Za-z])\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'<>,.?/]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return transform === 1 ? out.toLowerCase() : transform === 2 ? out.toUpperCase() : out;
}

/** What Hexo's post processor reads from a post's path under `_posts` (without extension) by `new_post_name`: its `:title`, and any date parts. */
export function hexoFileName(newPostName: string, rel: string): Record<string, string> {
  const rule = newPostName.replace(/\.[^./:]*$/, '');
  const segments: Record<string, string> = { year: '(\\d{4})', month: '(\\d{2})', day: '(\\d{2})', i_month: '(\\d{1,2})', i_day: '(\\d{1,2})', hash: '([0-9a-f]{12})' };
  const names: string[] = [];
  const source = rule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, name: string) => {
    names.push(name);
    return segments[name] ?? '(.+?)';
  });
  const m = new RegExp(`^${source}$`).exec(rel);
  if (!m) return { title: hexoSlugize(rel) };
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    out[name] = m[i + 1] as string;
  });
  return out.title === undefined ? { ...out, title: hexoSlugize(rel) } : out;
}

/** A Hexo post's categories as its front matter lists them: a list is one hierarchy (`[Diary, Games]`); a list inside it another. */
function hexoCategoryPaths(fm: Record<string, unknown>): string[][] {
  const given = fm.categories ?? fm.category;
  const list = Array.isArray(given) ? given : given === undefined || given === null ? [] : [given];
  const name = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const paths: string[][] = [];
  const flat: string[] = [];
  for (const item of list.slice(0, 100)) {
    if (Array.isArray(item)) paths.push(item.slice(0, 20).map(name).filter((x): x is string => x !== undefined));
    else {
      const n = name(item);
      if (n !== undefined) flat.push(n);
    }
  }
  if (flat.length > 0) paths.unshift(flat);
  return paths.filter((p) => p.length > 0);
}

function hexoLink(site: SiteInfo, input: LinkInput, userPatterns: Record<string, string>): LinkResult {
  const { dirs, stem, ext } = split(input.contentPath);
  if (dirs.includes('_drafts')) return { skip: 'a Hexo draft (_drafts/)' };
  const postsAt = dirs.indexOf('_posts');
  const settings = site.hexo;
  const fmPermalink = str(input.fm.permalink);
  // Hexo writes a page (`source/about/index.md`) at its own path, `.html` for its extension.
  if (postsAt < 0) {
    if (fmPermalink) return { path: normalisePath(fmPermalink), rule: 'front matter permalink' };
    const page = stem === 'index' ? `/${dirs.join('/')}/` : `/${[...dirs, stem].join('/')}${/^\.(md|markdown|html?)$/i.test(ext) ? '.html' : ext}`;
    return { path: normalisePath(page), rule: 'hexo page path' };
  }
  // With post_asset_folder, Hexo renders only files of new_post_name's extension: the others (an
  // HTML page beside a post's images) are its assets, copied as they are.
  const postExt = /\.[^./:]*$/.exec(settings?.newPostName ?? '')?.[0] ?? '.md';
  if (settings?.postAssetFolder && ext.toLowerCase() !== postExt.toLowerCase()) return { skip: `a file of a Hexo post's asset folder (post_asset_folder: only ${postExt} files are posts)` };
  const rel = [...dirs.slice(postsAt + 1), stem].join('/');
  const fromName = hexoFileName(settings?.newPostName ?? ':title.md', rel);
  const slug = fromName.title as string;
  let pattern: string;
  let rule: string;
  const own = userPattern(userPatterns, '_posts', input.contentPath);
  if (fmPermalink) {
    pattern = fmPermalink;
    rule = `front matter permalink ${fmPermalink}`;
  } else if (own) {
    pattern = own;
    rule = `config permalinks ${own}`;
  } else {
    pattern = site.permalinks['*'] ?? ':year/:month/:day/:title/';
    rule = `hexo permalink ${pattern}`;
  }
  let path: string;
  if (fmPermalink) path = fmPermalink;
  else {
    // Hexo reads a date with an offset into the site's zone; one without is in it already.
    const ownZone = input.dateText !== undefined && !/(?:Z|[+-]\d{2}:?\d{2})\s*$/.test(input.dateText.trim());
    const date = dateParts(input.date, ownZone ? input.dateText : undefined, site.timezone ?? input.timezone);
    const transform = settings?.filenameCase ?? 0;
    const categories = hexoCategoryPaths(input.fm);
    const last = categories[categories.length - 1];
    const category = last
      ? last.map((c) => hexoSlugize(settings?.categoryMap[c] ?? c, transform)).join('/')
      : (settings?.defaultCategory ?? 'uncategorized');
    const values: Record<string, string | undefined> = {};
    // Any front matter value is a token too (hexo-abbrlink's `:abbrlink`), then `permalink_defaults`.
    for (const [k, v] of Object.entries(settings?.permalinkDefaults ?? {})) values[k] = v;
    for (const [k, v] of Object.entries(input.fm)) if (typeof v === 'string' || typeof v === 'number') values[k] = String(v);
    // hexo-abbrlink (alg crc32) gives a post whose `abbrlink` is missing, empty or 0 the CRC-32 of its title
    // (lib/logic.js: `if (!abbrlink || abbrlink == '0' || config.force)`), and writes it into the post.
    if (settings?.abbrlink && (!values.abbrlink?.trim() || values.abbrlink.trim() === '0')) {
      const crc = crc32(Buffer.from(input.title, 'utf8'));
      values.abbrlink = settings.abbrlink.rep === 'hex' ? crc.toString(16) : String(crc);
    }
    for (const [k, v] of Object.entries(fromName)) values[k] = v;
    Object.assign(values, {
      title: slug,
      name: slug.split('/').pop() ?? slug,
      post_title: hexoSlugize(input.title, 1),
      year: date.year,
      month: date.month,
      day: date.day,
      hour: date.hour,
      minute: date.minute,
      second: date.second,
      i_month: date.i_month,
      i_day: date.i_day,
      hash: createHash('sha1').update(slug + String(Math.floor(input.date.getTime() / 1000))).digest('hex').slice(0, 12),
      category,
    });
    const missing: string[] = [];
    path = pattern.replace(/:(\w+)/g, (whole, name: string) => {
      const v = values[name];
      if (v === undefined) missing.push(whole);
      return v ?? whole;
    });
    // `:id` without an `id` in front matter is Hexo's own database id, which no file states.
    if (missing.length > 0) {
      const fallback = hexoLink(site, { ...input, fm: { ...input.fm, permalink: undefined } }, { '*': ':year/:month/:day/:title/' });
      if ('path' in fallback) return { path: fallback.path, rule: `${rule} (no ${missing.join(', ')}: hexo default :year/:month/:day/:title/)`, unrendered: pattern };
    }
  }
  // Hexo's router writes the page at the path up to a `?` (the rest is a query).
  path = path.replace(/\?.*$/, '');
  if (settings && !settings.trailingIndex) path = path.replace(/(^|\/)index\.html$/, '$1');
  if (settings && !settings.trailingHtml) path = path.replace(/\.html$/, '');
  return { path: `/${path.replace(/^\/+/, '')}`.replace(/\/{2,}/g, '/'), rule };
}

// --- Hugo ------------------------------------------------------------------------------------

/** The language whose own content folder (`SiteInfo.languageDirs`) holds the article, and its path inside that folder. */
function languageFolder(site: SiteInfo, contentPath: string): { contentPath: string; lang: string } | undefined {
  for (const [dir, lang] of Object.entries(site.languageDirs ?? {})) {
    if (contentPath.startsWith(`${dir}/`)) return { contentPath: contentPath.slice(dir.length + 1), lang };
  }
  return undefined;
}

function hugoLanguage(site: SiteInfo, stem: string): { stem: string; lang?: string } {
  const m = /^(.*)\.([a-z]{2,3}(?:-[a-z0-9]+)?)$/i.exec(stem);
  if (m && (site.languages.includes(m[2] as string) || m[2] === site.defaultLanguage)) return { stem: m[1] as string, lang: m[2] as string };
  return { stem };
}

/** True when the site's generator publishes pages in more than one language (Hugo, Zola, Astro's i18n routing). */
export function isMultilingual(site: SiteInfo): boolean {
  return (site.preset === 'hugo' || site.preset === 'zola' || site.preset === 'astro') && new Set([...site.languages, site.defaultLanguage ?? 'en']).size > 1;
}

/** Astro i18n: the locale folder an entry sits in inside its collection (`blog/fr/post.md` -> `fr`). */
function astroLocale(site: SiteInfo, dirs: readonly string[]): string | undefined {
  const folder = dirs[1];
  return folder !== undefined && site.preset === 'astro' && isMultilingual(site) && site.languages.includes(folder) ? folder : undefined;
}

/**
 * The language a multilingual Hugo or Zola site files an article under: the name's language
 * (`index.fr.md`), else the language whose content folder holds it, else the site's default. An
 * Astro site with i18n routing: the locale folder inside the collection (`blog/fr/`), else the default.
 * Undefined for a site in one language (its feed's language is the article's).
 */
export function siteLanguage(site: SiteInfo, contentPath: string): { lang: string; rule: string } | undefined {
  if (!isMultilingual(site)) return undefined;
  if (site.preset === 'astro') {
    const locale = astroLocale(site, split(contentPath).dirs);
    return { lang: locale ?? site.defaultLanguage ?? 'en', rule: locale ? `astro: the collection's locale folder (${locale}/)` : 'astro: the default locale' };
  }
  const { lang } = hugoLanguage(site, split(contentPath).stem);
  if (lang) return { lang, rule: `${site.preset}: the file name's language (.${lang}.)` };
  const folder = site.contentLanguage ?? languageFolder(site, contentPath)?.lang;
  if (folder) return { lang: folder, rule: `${site.preset}: the language's content folder` };
  return { lang: site.defaultLanguage ?? 'en', rule: `${site.preset}: the default content language` };
}

function langPrefix(site: SiteInfo, lang: string | undefined): string {
  const l = lang ?? site.contentLanguage ?? site.defaultLanguage;
  if (!l) return '';
  if (l === site.defaultLanguage && !site.defaultLanguageInSubdir) return '';
  return `/${l}`;
}

function hugoLink(site: SiteInfo, given: LinkInput, userPatterns: Record<string, string>): LinkResult {
  // In a language's own content folder, the page's path starts inside that folder.
  const folder = languageFolder(site, given.contentPath);
  const input = folder ? { ...given, contentPath: folder.contentPath } : given;
  const { dirs, stem: rawStem, ext } = split(input.contentPath);
  const named = hugoLanguage(site, rawStem);
  const stem = named.stem;
  const lang = named.lang ?? folder?.lang;
  if (stem === '_index') return { skip: 'a Hugo section page (_index)' };
  // Hugo copies an HTML content file without front matter as it is (a demo, an export), at its own path: no page.
  // Its own front matter decides: a section's cascade does not make such a file a page.
  if (/^\.html?$/i.test(ext) && (input.noOwnFrontMatter ?? Object.keys(input.fm).length === 0)) return { skip: 'a Hugo content HTML file without front matter (Hugo copies it as a file, not a page)' };
  const bundle = stem === 'index' && dirs.length > 0;
  const pageDirs = bundle ? dirs.slice(0, -1) : dirs;
  const filename = bundle ? (dirs[dirs.length - 1] as string) : stem;
  const keepCase = site.keepPathCase;
  // removePathAccents: Hugo drops the combining marks (NFD, then Unicode category Mn) from path parts.
  const urlize = (s: string) => hugoUrlize(site.removePathAccents ? s.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC') : s, keepCase);
  const section = dirs[0] ?? '';
  const fmSlug = str(input.fm.slug);
  const ugly = typeof site.uglyUrls === 'boolean' ? site.uglyUrls : site.uglyUrls[section] === true;
  const prefix = langPrefix(site, lang);
  const url = str(input.fm.url);
  // Hugo (resources/page/page_paths.go): a url with no dot in it is a folder, written as its
  // index.html and linked with a trailing slash (`2022/11/15/x` → `/2022/11/15/x/`); one with a dot is a file.
  if (url) return { path: prefix + normalisePath(url.includes('.') || url.endsWith('/') ? url : `${url}/`), rule: 'front matter url' };
  const own = userPattern(userPatterns, section, input.contentPath);
  // A language with permalinks of its own (in its own content folder) links its pages by them.
  const permalinks = (folder?.lang ? site.languagePermalinks?.[folder.lang] : undefined) ?? site.permalinks;
  const pattern = own ?? (section && dirs.length > 0 ? permalinks[section] : undefined) ?? (dirs.length > 0 ? undefined : permalinks['/']);
  if (pattern) {
    const slug = urlize(fmSlug ?? input.title);
    const values = commonTokens(input, slug, urlize(filename), pageDirs.map(urlize), urlize);
    values.slugorfilename = fmSlug ? urlize(fmSlug) : urlize(filename);
    values.slugorcontentbasename = values.slugorfilename;
    let path = expandPattern(sectionSlices(pattern, pageDirs.map(urlize)), values).path;
    if (ugly) path = path.endsWith('/') ? `${path.slice(0, -1)}.html` : `${path}.html`;
    // Pretty URLs: Hugo writes the page as <path>/index.html and links it with the slash, whether
    // or not the pattern ends with one (`posts/:slug` is /posts/x/); a pattern ending in an
    // extension (`/:slug.html`) is left as written.
    else if (!path.endsWith('/') && !/\.[A-Za-z0-9]+$/.test(path)) path = `${path}/`;
    // Hugo then makes the whole path a URL path as it makes a token one (its pattern's own text
    // too): lower case unless disablePathToLower, spaces to "-", other punctuation dropped, so a
    // stray character in the site's pattern (`"/blog/:title/`"`) is not in the link. The slash
    // above is added first, as Hugo adds it (`/x/`` is `/x//`).
    if (!own) path = urlize(path);
    return { path: prefix + path, rule: `${own ? 'config permalinks' : 'hugo permalinks'}.${section || '/'} ${pattern}` };
  }
  const last = urlize(fmSlug ?? filename);
  const base = [...pageDirs.map(urlize), last].filter(Boolean).join('/');
  return { path: prefix + (ugly ? `/${base}.html` : `/${base}/`), rule: `hugo default /:sections/${fmSlug ? ':slug' : ':filename'}/${ugly ? ' (uglyURLs)' : ''}` };
}

/**
 * Hugo's slices of the section path in a permalink pattern, written out: `:sections[last]`,
 * `:sections[0]`, `:sections[1:]`, `:sections[:last]` (a start and an end, either left out, `last`
 * the last index; an index past the end gives nothing), as hugolib's permalink expander cuts them.
 */
export function sectionSlices(pattern: string, sections: readonly string[]): string {
  return pattern.replace(/:sections\[([^\]]*)\]/g, (_whole, spec: string) => {
    const bound = (s: string, low: boolean): number => {
      const t = s.trim().toLowerCase();
      if (t === '') return low ? 0 : sections.length;
      if (t === 'last') return sections.length - 1;
      const n = Math.max(0, Number.parseInt(t, 10) || 0);
      return n >= sections.length ? (low ? -1 : sections.length) : n;
    };
    const parts = spec.split(':');
    if (parts.length === 1) {
      const i = bound(parts[0] as string, true);
      return i < 0 ? '' : (sections[i] ?? '');
    }
    const from = bound(parts[0] as string, true);
    const to = bound(parts[1] as string, false);
    return from < 0 || to < 0 ? '' : sections.slice(from, to).join('/');
  });
}

// --- Zola ------------------------------------------------------------------------------------

const ZOLA_DATED = /^(\d{4}-\d{2}-\d{2})(?:T[\d:]+(?:Z|[+-]\d{2}:?\d{2})?)?[_-](.+)$/;

function zolaLink(site: SiteInfo, input: LinkInput, userPatterns: Record<string, string>): LinkResult {
  const { dirs, stem: rawStem } = split(input.contentPath);
  const { stem, lang } = hugoLanguage(site, rawStem);
  if (stem === '_index') return { skip: 'a Zola section page (_index)' };
  const prefix = langPrefix(site, lang);
  const slugify = (s: string) => (site.slugifyPaths ? zolaSlugify(s) : s.trim().replace(/\s+/g, '-'));
  const path = str(input.fm.path);
  if (path) {
    const p = path.replace(/^\/+/, '');
    return { path: `${prefix}/${p}${p.endsWith('/') || p.endsWith('.html') ? '' : '/'}`.replace(/\/{2,}/g, '/'), rule: 'front matter path' };
  }
  const bundle = stem === 'index' && dirs.length > 0;
  const pageDirs = bundle ? dirs.slice(0, -1) : dirs;
  const name = bundle ? (dirs[dirs.length - 1] as string) : stem;
  const dated = ZOLA_DATED.exec(name);
  const slug = slugify(str(input.fm.slug) ?? (dated ? (dated[2] as string) : name));
  const section = dirs[0] ?? '';
  const own = userPattern(userPatterns, section, input.contentPath);
  if (own) {
    const values = commonTokens(input, slug, name, pageDirs, zolaSlugify);
    return { path: prefix + expandPattern(own, values).path, rule: `config permalinks ${own}` };
  }
  const parts = [...pageDirs.map(slugify), slug].filter(Boolean);
  return { path: `${prefix}/${parts.join('/')}/`, rule: `zola default /<section>/${str(input.fm.slug) ? ':slug' : ':filename'}/` };
}

// --- Eleventy --------------------------------------------------------------------------------

function eleventyLink(site: SiteInfo, input: LinkInput, userPatterns: Record<string, string>): LinkResult {
  const { dirs, stem } = split(input.contentPath);
  if (input.fm.permalink === false) return { skip: 'an Eleventy template with "permalink: false" (no page)' };
  const folderNamed = dirs.length > 0 && (stem === 'index' || stem === dirs[dirs.length - 1]);
  const pathParts = folderNamed ? dirs : [...dirs, stem];
  // page.fileSlug: Eleventy's TemplateFileSlug drops a YYYY-MM-DD- date (its regex is not anchored).
  const fileSlug = folderNamed ? (dirs[dirs.length - 1] as string) : (/\d{4}-\d{2}-\d{2}-(.*)/.exec(stem)?.[1] ?? stem);
  const filePathStem = `/${[...dirs, stem].join('/')}`;
  const permalink = str(input.fm.permalink);
  if (permalink) {
    const page = { fileSlug, filePathStem, date: input.date };
    const rendered = permalink.includes('{') ? renderEleventyPermalink(permalink, input.fm, input.title, page, input.timezone, site.dateFilters) : permalink;
    if (rendered !== undefined) return { path: normalisePath(rendered.replace(/index\.html$/, '')), rule: `front matter permalink ${permalink}` };
  }
  const own = userPattern(userPatterns, dirs[0] ?? '', input.contentPath);
  if (own) {
    const values = commonTokens(input, jekyllSlugify(str(input.fm.slug) ?? fileSlug, 'default'), fileSlug, dirs, (s) => jekyllSlugify(s, 'default'));
    return { path: expandPattern(own, values).path, rule: `config permalinks ${own}` };
  }
  const fallback = { path: `/${pathParts.join('/')}/`.replace(/\/{2,}/g, '/'), rule: 'eleventy default /<input path>/' };
  return permalink ? { ...fallback, unrendered: permalink } : fallback;
}

// --- Astro -----------------------------------------------------------------------------------

function astroLink(site: SiteInfo, input: LinkInput, userPatterns: Record<string, string>): LinkResult {
  const { dirs, stem } = split(input.contentPath);
  const collection = dirs[0] ?? '';
  // Collections without loaders (Astro's legacy content collections; Astro 5 emulates them with the
  // glob pattern `**/[^_]*`) leave files and folders named `_x` out: a template or a partial.
  if (site.legacyCollections && [...dirs.slice(1), stem].some((part) => part.startsWith('_'))) return { skip: 'a file Astro leaves out of its collection (a file or folder named _x: a template or a partial)' };
  const route = site.routes?.[collection];
  // Astro's i18n recipe: `blog/fr/post.md` is served by `src/pages/[lang]/blog/[...slug].astro` at
  // /fr/blog/post/ (the locale leaves the id for the URL's first segment); under an optional
  // `[...locale]/` folder the default locale's pages have no segment unless prefixDefaultLocale.
  const locale = route?.locale ? astroLocale(site, dirs) : undefined;
  const inside = [...dirs.slice(locale ? 2 : 1), stem];
  const routeSlug = route?.slugKey ? str(input.fm[route.slugKey]) : undefined;
  // Retypeset: a post whose front matter `lang` is another locale than the default is served under it.
  const ownLang = route?.langKey && !locale ? str(input.fm[route.langKey]) : undefined;
  const localePrefix =
    locale && (route?.locale === 'required' || locale !== site.defaultLanguage || site.defaultLanguageInSubdir)
      ? `/${locale}`
      : ownLang && site.defaultLanguage && ownLang !== site.defaultLanguage
        ? `/${ownLang}`
        : '';
  const fmSlug = routeSlug ?? str(input.fm.slug);
  const id = fmSlug ?? inside.map(githubSlug).join('/').replace(/(^|\/)index$/, '');
  const own = userPattern(userPatterns, collection, input.contentPath);
  const slash = site.trailingSlash ? '/' : '';
  const preset = own ?? site.permalinks[collection];
  if (preset) {
    const values = commonTokens(input, id, stem, dirs, githubSlug);
    values.collection = collection;
    values.id = id;
    const made = expandPattern(preset, values).path;
    return { path: site.trailingSlash || made === '/' ? made : made.replace(/\/$/, ''), rule: own ? `config permalinks ${own}` : `astro site permalink ${preset} (${collection === 'docs' ? 'Starlight' : 'AstroWind src/config.yaml'})` };
  }
  // The site's own page route for the collection (AstroPaper: `blog` served at /posts/<id>/).
  if (route) return { path: `${localePrefix}${route.prefix}/${id}${slash}`.replace(/\/{2,}/g, '/'), rule: `astro route ${route.file}: ${route.locale ? `${localePrefix || '(default locale)'}` : ''}${route.prefix}/<${routeSlug ? route.slugKey : fmSlug ? 'slug' : 'id'}>${slash}` };
  return { path: `/${[collection, id].filter(Boolean).join('/')}${slash}`, rule: `astro content collection /${collection}/<${fmSlug ? 'slug' : 'id'}>${slash}` };
}

// --- Next.js ---------------------------------------------------------------------------------

function nextLink(site: SiteInfo, input: LinkInput, userPatterns: Record<string, string>): LinkResult {
  const { dirs, stem } = split(input.contentPath);
  // The articles folder is the last folder of the prefix; its name (without "_") is the route.
  const prefixParts = site.contentPrefix.split('/').filter(Boolean);
  const folder = (prefixParts[prefixParts.length - 1] ?? dirs[0] ?? 'posts').replace(/^_/, '');
  const inside = input.contentPath.split('/').slice(prefixParts.length).join('/').replace(/\.[^./]+$/, '').replace(/(^|\/)index$/, '');
  const slug = str(input.fm.slug) ?? inside;
  const own = userPattern(userPatterns, folder, input.contentPath);
  const slash = site.trailingSlash ? '/' : '';
  if (own) {
    const values = commonTokens(input, slug, stem, dirs, (s) => jekyllSlugify(s, 'default'));
    return { path: expandPattern(own, values).path, rule: `config permalinks ${own}` };
  }
  // Under the pages router (`pages/`, `src/pages/`), the file's path is its route (Next.js's file-system routing).
  const pagesAt = prefixParts[0] === 'pages' ? 0 : prefixParts[0] === 'src' && prefixParts[1] === 'pages' ? 1 : -1;
  if (pagesAt >= 0) {
    // (A front matter `slug` names nothing here: the router knows only the file.)
    const route = [...prefixParts.slice(pagesAt + 1), inside].filter(Boolean).join('/');
    return { path: `/${route}${slash}`, rule: `nextjs pages router /${prefixParts.slice(pagesAt + 1).join('/')}/<path>${slash}` };
  }
  // A README in the folder a post loader reads, with no front matter title or date, documents the
  // folder (how to write a post); blog loaders leave it out by name.
  if (/^readme$/i.test(stem) && input.fm.title === undefined && input.fm.date === undefined) return { skip: "the posts folder's README (no front matter title or date): notes on the folder, which blog loaders leave out" };
  // The site's own dynamic route named like the folder (`app/blog/posts/[slug]/page.tsx` for posts/).
  const route = site.routes?.[folder];
  if (route) return { path: `${route.prefix}/${slug}${slash}`, rule: `nextjs route ${route.file}: ${route.prefix}/<slug>${slash}` };
  // The articles folder is the whole content folder (`content/`), one folder per section inside it
  // (`content/projects/x.mdx`), each section served by its own route (`app/projects/[slug]/page.tsx`):
  // the section's route, the path below the section its slug.
  const section = inside.split('/');
  const sectionRoute = section.length > 1 ? site.routes?.[(section[0] as string).replace(/^_/, '')] : undefined;
  if (sectionRoute) {
    const below = str(input.fm.slug) ?? section.slice(1).join('/');
    return { path: `${sectionRoute.prefix}/${below}${slash}`, rule: `nextjs route ${sectionRoute.file}: ${sectionRoute.prefix}/<slug>${slash}` };
  }
  return { path: `/${folder}/${slug}${slash}`, rule: `nextjs /${folder}/<slug>${slash} (blog starter convention)` };
}

// --- Docusaurus ------------------------------------------------------------------------------

function docusaurusLink(site: SiteInfo, input: LinkInput, userPatterns: Record<string, string>): LinkResult {
  const { dirs, stem, ext } = split(input.contentPath);
  // The blog plugin's default `exclude`: `**/_*.{md,mdx}` and `**/_*/**` are partials an MDX post imports.
  if ([...dirs, stem].some((part) => part.startsWith('_'))) return { skip: 'a Docusaurus partial (a file or folder named _x, which an MDX post imports)' };
  if (!/^\.mdx?$/i.test(ext)) return { skip: `a ${ext || 'extension-less'} file in a Docusaurus blog folder (only .md and .mdx files are posts)` };
  // Docusaurus leaves an unlisted post out of its lists and feeds (it is still served to those who have its link).
  if (input.fm.unlisted === true) return { skip: 'a page Docusaurus serves but leaves out of its lists and feeds (unlisted: true)' };
  const settings = site.docusaurus;
  const base = settings?.routeBasePath ?? 'blog';
  const fromName = docusaurusFileName(input.contentPath);
  const fmSlug = str(input.fm.slug);
  const slug = fmSlug ?? fromName.slug;
  const slash = site.trailingSlash ? '/' : '';
  const own = userPattern(userPatterns, dirs[0] ?? '', input.contentPath);
  if (own) {
    const values = commonTokens(input, slug.replace(/^\/+/, ''), stem, dirs, (s) => jekyllSlugify(s, 'default'));
    return { path: expandPattern(own, values).path, rule: `config permalinks ${own}` };
  }
  const made = normalisePath(`${base}/${slug}`).replace(/\/+$/, '');
  return { path: `${made || '/'}${made ? slash : ''}`, rule: fmSlug ? `docusaurus /${base}/<front matter slug>${slash}` : `docusaurus /${base}/<path below the blog folder, its date as YYYY/MM/DD>${slash}` };
}

/** feedwright's own patterns without a generator (`"permalinks"` with preset none). */
export function plainLink(input: LinkInput, pattern: string, slug: string): { path: string; unknown: string[] } {
  const { dirs, stem } = split(input.contentPath);
  const bundle = (stem === 'index' || stem === '_index') && dirs.length > 0;
  const filename = bundle ? (dirs[dirs.length - 1] as string) : stem;
  // Soft hyphens (an extracted title keeps the page's) are no word break: "Wein\u00adberg" is "weinberg".
  const values = commonTokens(input, slug, filename, bundle ? dirs.slice(0, -1) : dirs, (s) => jekyllSlugify(s.replace(/\u00ad/g, ''), 'default'));
  values.path = (bundle ? dirs : [...dirs, stem]).join('/');
  // The file's path without its extension, `index` kept: Quarto writes posts/x/index.qmd to posts/x/index.html.
  values.source_path = [...dirs, stem].join('/');
  // Material for MkDocs' blog post slug: its `slug`, else the title as Python-Markdown's slugify writes it.
  values.mkdocs_slug = str(input.fm.slug) ?? pythonMarkdownSlugify(input.title);
  // Nuxt Content 2 and 3's page path: each part without its number, `index` dropped, slugified in lower case.
  if (pattern.includes(':nuxt_path')) values.nuxt_path = nuxtPath([...dirs, stem].join('/'));
  return expandPattern(pattern, values);
}

/** CRC-32 (the zlib polynomial), unsigned: what hexo-abbrlink's `crc32.str` gives for a title's UTF-8 bytes. */
let CRC_TABLE: Uint32Array | undefined;
export function crc32(bytes: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = (CRC_TABLE[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Python-Markdown's `toc.slugify` (MkDocs' and Material's blog plugin's default): the text
 * decomposed and cut to ASCII (`Über` is `uber`; letters of other scripts go), characters other than
 * word characters, spaces and hyphens removed, trimmed, lower case, runs of spaces and hyphens one "-".
 */
export function pythonMarkdownSlugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\P{ASCII}/gu, '')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '-');
}
