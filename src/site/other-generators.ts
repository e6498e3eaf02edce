/**
 * Site generators feedwright has no preset for, but whose config says where the pages are and what
 * the site is called: MkDocs (`mkdocs.yml`), VitePress (`.vitepress/config.*`) and Nuxt with Nuxt
 * Content (`nuxt.config.*` naming `@nuxt/content`, its pages in `content/`). `init` names
 * them, takes their values, and writes `"permalinks"` for the pages where the generator's rule is
 * a plain path (MkDocs: `docs/a/b.md` → `/a/b/`; VitePress: `/a/b.html`, or `/a/b` with
 * `cleanUrls`). Their configs are read as text and data, never run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import slugify from 'slugify';
import { parse as parseYaml } from 'yaml';
import { readSmallText } from '../util/fs.js';
import { asRecord } from '../util/record.js';
import { shallowestOption } from './code-text.js';
import { sortedEntries } from './entries.js';

export interface OtherGenerator {
  /** "MkDocs", "VitePress", "Nuxt". */
  name: string;
  /** The file that told, relative to the root ('/'-separated). */
  file: string;
  /** The folder its pages are written in, relative to the root ('' = the root). */
  contentDir: string;
  title?: string;
  description?: string;
  link?: string;
  author?: string;
  /** The file the author was read from when it is not `file` (Quarto's `posts/_metadata.yml`), '/'-separated. */
  authorFile?: string;
  language?: string;
  /** The permalink pattern of the pages in `articles` (relative to the root), when the generator's rule is a plain path; undefined otherwise. */
  permalinks: (articles: string) => string | undefined;
  /** Why there is no pattern for these articles, when that is known (MkDocs Material's blog plugin). */
  unlinked?: (articles: string) => string | undefined;
  /** The folder its config names for posts (MkDocs Material's blog plugin: `<docs>/<blog_dir>/posts`), relative to the root. */
  postsDir?: string;
  /**
   * The template language its Markdown pages are run through, if any: MkDocs only with the macros
   * plugin (Jinja2); VitePress's Markdown is a Vue template (`{{ expr }}` is evaluated), and Nuxt
   * Content's MDC binds `{{ $doc.x }}`. Without one (`undefined`: plain MkDocs), `{{…}}` and `{%…%}`
   * are text the site publishes as written, in TeX math and code samples too.
   */
  templateEngine: 'jinja' | 'vue' | 'mdc' | 'pandoc' | undefined;
  /** Its pages in formats feedwright does not read (Quarto's `.qmd`, `.ipynb`, `.Rmd`), counted by extension in `contentDir`, when there are any. */
  unread?: Record<string, number>;
  /** The path the site is served below (VitePress's `base`, without slashes), when its config names one but no host to put it on. */
  basePath?: string;
  /** The generator titles a page without a front matter title by its first level-1 heading, wherever it is in the page (MkDocs, VitePress, Nuxt Content). */
  titleFromFirstHeading: boolean;
}

const MAX_CONFIG_CHARS = 256 * 1024;

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** An absolute http(s) URL with a trailing slash, or undefined. */
function siteUrl(v: string | undefined): string | undefined {
  if (!v) return undefined;
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    if (!u.pathname.endsWith('/')) u.pathname = `${u.pathname}/`;
    return u.href;
  } catch {
    return undefined;
  }
}

/** `articles` below `dir` ('' when they are the same folder), or undefined when they are outside it. */
function below(dir: string, articles: string): string | undefined {
  const rel = path.posix.relative(dir || '.', articles || '.');
  return rel.startsWith('..') ? undefined : rel;
}

/** A path pattern: `/<rel>/:path<end>` (no doubled slashes when `rel` is empty). */
function pattern(rel: string, end: string): string {
  return `/${rel ? `${rel}/` : ''}:path${end}`;
}

/**
 * The first of `names` in `dir` that exists, and its YAML as a mapping (its first MAX_CONFIG_CHARS;
 * tags it does not know, such as MkDocs' Python ones `!!python/name:…` and `!ENV`, read as data,
 * their values unused): `data` undefined when it does not read or is no mapping.
 */
function yamlFile(dir: string, names: readonly string[]): { file: string; data: Record<string, unknown> | undefined } | undefined {
  const file = names.find((f) => existsSync(path.join(dir, f)));
  if (!file) return undefined;
  try {
    return { file, data: asRecord(parseYaml(readFileSync(path.join(dir, file), 'utf8').slice(0, MAX_CONFIG_CHARS), { uniqueKeys: false, logLevel: 'silent' })) };
  } catch {
    return { file, data: undefined };
  }
}

function mkdocs(root: string): OtherGenerator | undefined {
  const config = yamlFile(root, ['mkdocs.yml', 'mkdocs.yaml']);
  if (!config) return undefined;
  const { file } = config;
  const c = config.data ?? {};
  const docs = folder(text(c.docs_dir) ?? 'docs');
  const directoryUrls = c.use_directory_urls !== false;
  // Material for MkDocs' blog plugin: its posts (`<docs>/<blog_dir>/posts/`) are served at
  // `<blog_dir>/<post_url_format>`, by default `{date}/{slug}` (src/site/permalink.ts, `:mkdocs_slug`).
  const plugins = Array.isArray(c.plugins) ? c.plugins : Object.entries(asRecord(c.plugins) ?? {}).map(([name, options]) => ({ [name]: options }));
  const blog = plugins.map((p) => (typeof p === 'string' ? [p, undefined] : (Object.entries(asRecord(p) ?? {})[0] ?? ['', undefined]))).find(([name]) => name === 'blog' || name === 'material/blog');
  const options = asRecord(blog?.[1]) ?? {};
  const blogRel = folder(text(options.blog_dir) ?? 'blog');
  const blogDir = [docs, blogRel].filter(Boolean).join('/');
  const postDir = [docs, folder((text(options.post_dir) ?? '{blog}/posts').replace('{blog}', blogRel).replace(/^\/+/, ''))].filter(Boolean).join('/');
  const inBlog = (articles: string) => blog !== undefined && below(blogDir, articles) !== undefined;
  const blogPattern = blog === undefined ? undefined : materialPostPattern(blogRel, options, directoryUrls);
  const theme = asRecord(c.theme);
  // mkdocs-macros-plugin (`macros`) runs every page through Jinja2; without it MkDocs has no template language.
  const macros = plugins.some((p) => (typeof p === 'string' ? p : Object.keys(asRecord(p) ?? {})[0]) === 'macros');
  return {
    name: 'MkDocs',
    file,
    contentDir: docs,
    templateEngine: macros ? 'jinja' : undefined,
    titleFromFirstHeading: true,
    ...optional('title', text(c.site_name)),
    ...optional('description', text(c.site_description)),
    ...optional('link', siteUrl(text(c.site_url))),
    ...optional('author', text(c.site_author)),
    ...optional('language', text(theme?.language)),
    // A page's URL is its path below docs_dir: `a/b.md` → `a/b/` (use_directory_urls), else `a/b.html`.
    permalinks: (articles) => {
      if (inBlog(articles)) return below(postDir, articles) === undefined ? undefined : blogPattern;
      const rel = below(docs, articles);
      return rel === undefined ? undefined : pattern(rel, directoryUrls ? '/' : '.html');
    },
    unlinked: (articles) =>
      inBlog(articles)
        ? below(postDir, articles) === undefined
          ? `the blog plugin serves only the posts in ${postDir}/ at their dated URLs`
          : `the blog plugin's post_url_format or post_url_date_format is one feedwright does not read; set "permalinks" to match, such as "/blog/:year/:month/:day/:mkdocs_slug/"`
        : undefined,
    ...(blog ? { postsDir: postDir } : {}),
  };
}

/** A folder path as written in a config, without `./` and end slashes (`.` is the root, ''). */
function folder(p: string): string {
  return p.replace(/^\.\/|\/+$/g, '').replace(/^\.$/, '');
}

/** Babel's date pattern letters Material's `post_url_date_format` uses, as permalink tokens. */
const DATE_LETTERS: Record<string, string> = { yyyy: ':year', yy: ':short_year', MM: ':month', M: ':i_month', dd: ':day', d: ':i_day' };

/**
 * The permalink pattern of Material for MkDocs' blog posts (its plugin's `_format_path_for_post`):
 * `<blog_dir>/` + `post_url_format` (default `{date}/{slug}`) with `{date}` in
 * `post_url_date_format` (default `yyyy/MM/dd`), `{slug}` the post's `slug` or its title slugified,
 * `{file}` the file's name, `{categories}` its first category (`post_url_max_categories: 1`, the
 * default); undefined for a format feedwright cannot write as tokens.
 */
function materialPostPattern(blogRel: string, options: Record<string, unknown>, directoryUrls: boolean): string | undefined {
  const dateFormat = text(options.post_url_date_format) ?? 'yyyy/MM/dd';
  const dateParts = dateFormat.split(/(y+|M+|d+)/);
  if (dateParts.some((part, i) => (i % 2 === 1 ? DATE_LETTERS[part] === undefined : /[A-Za-z:]/.test(part)))) return undefined;
  const date = dateParts.map((part, i) => (i % 2 === 1 ? DATE_LETTERS[part] : part)).join('');
  const maxCategories = options.post_url_max_categories ?? 1;
  const fields: Record<string, string | undefined> = { date, slug: ':mkdocs_slug', file: ':filename', categories: maxCategories === 1 ? ':category' : undefined };
  const format = text(options.post_url_format) ?? '{date}/{slug}';
  let known = true;
  const path = format.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = fields[name];
    if (value === undefined) known = false;
    return value ?? '';
  });
  if (!known || /[{}]/.test(path)) return undefined;
  const inside = path.replace(/^\/+|\/+$/g, '');
  return `/${blogRel ? `${blogRel}/` : ''}${inside}${directoryUrls ? '/' : '.html'}`;
}

const VITEPRESS_CONFIGS = ['config.mts', 'config.ts', 'config.mjs', 'config.js'];

function vitepress(root: string): OtherGenerator | undefined {
  // The config is in `.vitepress/` of the source folder: the root, docs/ (VitePress's `vitepress dev docs`),
  // or the folder the project's own scripts build (`"build": "vitepress build source"`).
  const named = /\bvitepress\s+(?:build|dev|preview)\s+(?:--?\S+\s+)*([\w][\w.-]*(?:\/[\w.-]+)*)\/?/.exec(readSmallText(path.join(root, 'package.json'), MAX_CONFIG_CHARS) ?? '')?.[1];
  for (const dir of ['', 'docs', 'src', ...(named && !['docs', 'src'].includes(named) && !named.includes('..') ? [named] : [])]) {
    const name = VITEPRESS_CONFIGS.find((f) => existsSync(path.join(root, dir, '.vitepress', f)));
    if (!name) continue;
    const file = [dir, '.vitepress', name].filter(Boolean).join('/');
    const config = readSmallText(path.join(root, file), MAX_CONFIG_CHARS) ?? '';
    const srcDir = (shallowestOption(config, 'srcDir') ?? '.').replace(/^\.\/?|\/+$/g, '');
    const contentDir = [dir, srcDir].filter(Boolean).join('/');
    const base = (shallowestOption(config, 'base') ?? '/').replace(/^\/+|\/+$/g, '');
    const hostname = siteUrl(shallowestOption(config, 'hostname'));
    const clean = /\bcleanUrls\s*:\s*true\b/.test(config);
    return {
      name: 'VitePress',
      file,
      contentDir,
      templateEngine: 'vue',
      titleFromFirstHeading: true,
      ...optional('title', shallowestOption(config, 'title')),
      ...optional('description', shallowestOption(config, 'description')),
      // Its sitemap's hostname, with the config's base.
      ...optional('link', hostname && base ? new URL(`${base}/`, hostname).href : hostname),
      // Without a hostname, the link the user sets must end in the base.
      ...(!hostname && base ? { basePath: base } : {}),
      ...optional('language', shallowestOption(config, 'lang')),
      // A page's URL is its path below the source folder: `a/b.md` → `a/b.html` (`a/b` with cleanUrls).
      permalinks: (articles) => {
        const rel = below(contentDir, articles);
        return rel === undefined ? undefined : pattern(rel, clean ? '' : '.html');
      },
    };
  }
  return undefined;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

const NUXT_CONFIGS = ['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs'];

/** The most files of a Nuxt site's `pages/` read for its routes. */
const MAX_NUXT_PAGES = 500;

/**
 * A Nuxt site with Nuxt Content: its Markdown pages are in `content/`, and a page route of the site
 * serves them. A catch-all route (`pages/[...slug].vue`, Nuxt 2's `pages/_.vue`) or a one-parameter
 * route in the posts folder's place (`pages/blog/[id].vue`, `pages/articles/_article.vue`) serves a
 * post at its content path: with Nuxt Content 2 and 3, the path as `generatePath` makes it (each
 * part without its `1.` number, `index` dropped, slugified in lower case: `:nuxt_path`); with Nuxt
 * Content 1, the file's path as written (`:path`). The app's `baseURL` (Nuxt 2: `router.base`) is
 * the link's folder; the site's address is its `site: { url }` (nuxt-site-config) or the sitemap's
 * `hostname`, when written as literals.
 */
function nuxt(root: string): OtherGenerator | undefined {
  const file = NUXT_CONFIGS.find((f) => existsSync(path.join(root, f)));
  if (!file) return undefined;
  const config = readSmallText(path.join(root, file), MAX_CONFIG_CHARS) ?? '';
  const pkg = readSmallText(path.join(root, 'package.json'), MAX_CONFIG_CHARS) ?? '';
  if (!/['"]@nuxt\/content['"]/.test(config) && !/"@nuxt\/content"\s*:/.test(pkg)) return undefined;
  // Nuxt Content 1 (`"@nuxt/content": "^1.5.0"`) keeps file names as written; 2 and 3 slugify them in lower case.
  const version = /"@nuxt\/content"\s*:\s*"[^"\d]*(\d+)/.exec(pkg)?.[1];
  const pathToken = version === '1' ? ':path' : ':nuxt_path';
  const base = folder((/\bapp\s*:\s*\{[^{}]*?\bbaseURL\s*:\s*['"]([^'"\n]*)['"]/.exec(config) ?? /\brouter\s*:\s*\{[^{}]*?\bbase\s*:\s*['"]([^'"\n]*)['"]/.exec(config))?.[1]?.replace(/^\/+/, '') ?? '');
  const siteAddress = /\bsite\s*:\s*\{[^{}]*?\burl\s*:\s*['"]([^'"\n]+)['"]/.exec(config)?.[1] ?? shallowestOption(config, 'hostname');
  const link = siteUrl(siteAddress);
  const routes = nuxtRoutes(path.join(root, 'pages'));
  return {
    name: 'Nuxt',
    file,
    contentDir: 'content',
    templateEngine: 'mdc',
    titleFromFirstHeading: true,
    ...optional('title', /\bhead\s*:\s*\{[^{}]*?\btitle\s*:\s*['"]([^'"\n]+)['"]/.exec(config)?.[1]),
    ...optional('link', link && base ? new URL(`${base}/`, link).href : link),
    permalinks: (articles) => {
      const rel = below('content', articles);
      if (rel === undefined) return undefined;
      // Served by a route: a catch-all whose folder holds the posts' folder, or a one-parameter route in its place.
      const served = routes.catchAll.some((dir) => below(dir, nuxtPath(rel)) !== undefined) || routes.oneParam.includes(nuxtPath(rel));
      if (!served) return undefined;
      // Below "link", which holds the app's baseURL (as VitePress's base).
      const prefix = version === '1' ? rel : nuxtPath(rel);
      return `/${prefix ? `${prefix}/` : ''}${pathToken}`;
    },
    unlinked: (articles) =>
      below('content', articles) === undefined
        ? 'Nuxt Content serves only the files in content/'
        : `no page route of the site's (pages/[...slug].vue, pages/${nuxtPath(below('content', articles) ?? '') || 'blog'}/[slug].vue) serves ${articles}/; set "itemBase" and "permalinks" to where the site serves the posts`,
  };
}

/**
 * The routes of a Nuxt site's `pages/` that can serve content pages: the folders holding a catch-all
 * (`[...slug].vue`, Nuxt 2's `_.vue`) and those holding a one-parameter page (`[slug].vue`,
 * `_slug.vue`), as paths below pages/ ('' = the root). Bounded: MAX_NUXT_PAGES files, four levels.
 */
function nuxtRoutes(pagesDir: string): { catchAll: string[]; oneParam: string[] } {
  const out = { catchAll: [] as string[], oneParam: [] as string[] };
  let seen = 0;
  const walk = (rel: string, depth: number): void => {
    for (const e of sortedEntries(path.join(pagesDir, rel))) {
      if (++seen > MAX_NUXT_PAGES) return;
      if (e.isDirectory()) {
        if (depth < 4 && !e.name.startsWith('.')) walk(rel ? `${rel}/${e.name}` : e.name, depth + 1);
      } else if (/^(?:\[\.\.\.\w+\]|_)\.vue$/.test(e.name)) out.catchAll.push(rel);
      else if (/^(?:\[\w+\]|_\w+)\.vue$/.test(e.name)) out.oneParam.push(rel);
    }
  };
  walk('', 0);
  return out;
}

/**
 * A path as Nuxt Content 2 and 3 make a page's path from its file's (`generatePath`): each part
 * without a leading number (`1.intro`: `intro`), `index` dropped, slugified in lower case as the
 * `slugify` package does.
 */
export function nuxtPath(file: string): string {
  return file
    .split('/')
    .map((part) => slugify(part.replace(/^\d+\./, '').replace(/^index$/, ''), { lower: true }))
    .filter(Boolean)
    .join('/');
}

/** Quarto's document formats. */
const QUARTO_FORMATS = /\.(qmd|ipynb|rmd)$/i;
/** Those feedwright does not read (a `.qmd` is Markdown: src/sources/files.ts). */
const QUARTO_UNREAD = /\.(ipynb|rmd)$/i;

/**
 * A Quarto website (`_quarto.yml` with `project: { type: website }`): its `website.title`,
 * `description` and `site-url`; its posts folder (`posts/`, the blog template's). Quarto renders
 * `posts/x/index.qmd` to `posts/x/index.html` (linked as `/posts/x/`) and `posts/y.md` to
 * `posts/y.html`. Its posts are mostly `.qmd` documents (Markdown, read as such) and `.ipynb`
 * notebooks, which feedwright does not read: `unread` counts those (and R Markdown's `.Rmd`).
 */
function quarto(root: string): OtherGenerator | undefined {
  const config = yamlFile(root, ['_quarto.yml', '_quarto.yaml']);
  if (!config) return undefined;
  const { file } = config;
  const c = config.data ?? {};
  const type = text(asRecord(c.project)?.type);
  if (type !== 'website' && type !== 'blog') return undefined;
  const site = asRecord(c.website) ?? {};
  const contentDir = existsSync(path.join(root, 'posts')) ? 'posts' : '';
  const files: string[] = [];
  const walk = (rel: string, depth: number): void => {
    for (const e of sortedEntries(path.join(root, rel))) {
      if (files.length >= MAX_NUXT_PAGES || e.name.startsWith('.') || e.name.startsWith('_') || e.name === 'node_modules') continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (depth < 4) walk(r, depth + 1);
      } else files.push(r);
    }
  };
  walk(contentDir, 0);
  const unread: Record<string, number> = {};
  for (const f of files) {
    const ext = QUARTO_UNREAD.exec(f)?.[1]?.toLowerCase();
    if (ext) unread[`.${ext}`] = (unread[`.${ext}`] ?? 0) + 1;
  }
  const allDocuments = files.filter((f) => QUARTO_FORMATS.test(f) || /\.(md|markdown)$/i.test(f));
  // A document in a post's folder beside its index (a part it includes, a note) is no post of its own.
  const postFolders = new Set(allDocuments.filter((f) => /(^|\/)index\.[^/]+$/.test(f)).map((f) => path.posix.dirname(f)));
  const documents = allDocuments.filter((f) => /(^|\/)index\.[^/]+$/.test(f) || !postFolders.has(path.posix.dirname(f)));
  const bundles = documents.filter((f) => /(^|\/)index\.[^/]+$/.test(f)).length;
  return {
    name: 'Quarto',
    file,
    contentDir,
    templateEngine: 'pandoc',
    titleFromFirstHeading: false,
    ...(Object.keys(unread).length > 0 ? { unread } : {}),
    ...optional('title', text(site.title)),
    ...optional('description', text(site.description)),
    ...optional('link', siteUrl(text(site['site-url']))),
    ...quartoAuthorOf(root, contentDir, c),
    // A folder's index page is served at its folder; any other page at its name with .html. Mixed: no one pattern.
    permalinks: (articles) => {
      // Pages are served at their path below the project's root.
      const rel = below('', articles);
      if (rel === undefined) return undefined;
      if (bundles === documents.length && bundles > 0) return pattern(rel, '/');
      // Folders and pages both: each at the .html Quarto writes it to (posts/x/index.html, posts/y.html), as Quarto's listings link them.
      return bundles === 0 ? pattern(rel, '.html') : `/${rel ? `${rel}/` : ''}:source_path.html`;
    },
  };
}

/**
 * The metadata Quarto gives every document of a folder: its `_metadata.yml` (quarto.org, Projects,
 * "Directory metadata"), or undefined.
 */
function quartoMetadata(root: string, dir: string): { file: string; data: Record<string, unknown> } | undefined {
  const metadata = yamlFile(path.join(root, dir), ['_metadata.yml', '_metadata.yaml']);
  return metadata?.data ? { file: dir ? `${dir}/${metadata.file}` : metadata.file, data: metadata.data } : undefined;
}

/** The author Quarto gives every post (quartoAuthor): the posts folder's `_metadata.yml`'s, else the project's, with the file it is in. */
function quartoAuthorOf(root: string, contentDir: string, project: Record<string, unknown>): { author?: string; authorFile?: string } {
  const metadata = quartoMetadata(root, contentDir);
  const own = quartoAuthor(metadata?.data.author);
  if (own && metadata) return { author: own, authorFile: metadata.file };
  const author = quartoAuthor(project.author);
  return author ? { author } : {};
}

/**
 * The one person a Quarto `author` names, as Quarto writes authors: a name, `{ name: "…" }`, or a
 * list of one of these; none for several people, nor for a name written in parts (`{ given, family }`).
 */
function quartoAuthor(value: unknown): string | undefined {
  const one = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  if (typeof one === 'string') return text(one);
  const name = asRecord(one)?.name;
  return typeof name === 'string' ? text(name) : undefined;
}

/** The generator without a preset whose config is in `root`, if any (MkDocs, VitePress, Nuxt, Quarto). */
export function otherGenerator(root: string): OtherGenerator | undefined {
  return mkdocs(root) ?? vitepress(root) ?? nuxt(root) ?? quarto(root);
}

/** The most folders `otherGeneratorAbove` looks in, from the articles folder up. */
const MAX_LEVELS_UP = 8;

/**
 * The generator without a preset whose site holds `articlesDir` (the folder itself or one above it,
 * up to the repository's root, a folder with `.git`), with its root: what a build reads when no
 * preset's site is found, to know that a MkDocs site's `{{ x }}` is text (`templateEngine`) and
 * that its pages are titled by their first `# heading` (`titleFromFirstHeading`).
 */
export function otherGeneratorAbove(articlesDir: string): { root: string; generator: OtherGenerator } | undefined {
  let dir = path.resolve(articlesDir);
  for (let i = 0; i < MAX_LEVELS_UP; i++) {
    const generator = otherGenerator(dir);
    if (generator) return { root: dir, generator };
    const parent = path.dirname(dir);
    if (parent === dir || existsSync(path.join(dir, '.git'))) return undefined;
    dir = parent;
  }
  return undefined;
}
