import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { htmlToText } from '../clean/html-text.js';
import { fatal } from '../errors.js';
import { isValidTimeZone } from '../config/schema.js';
import { decodeEntities } from '../util/html.js';
import { isFolder, readSmallText } from '../util/fs.js';
import { isInside } from '../util/path.js';
import { readAuthorsMap } from './authors-map.js';
import { asRecord } from '../util/record.js';
import { countNewlines } from '../util/text.js';
import { splitFrontMatter } from '../sources/front-matter.js';
import { eleventyDateFilters, eleventyFeedMetadata, eleventyLayouts, eleventyShortcodes, layoutLayers } from './eleventy-site.js';
import { readJsModuleData } from '../sources/js-front-matter.js';
import type { MathSyntax } from '../sources/math.js';
import type { SiteShortcode } from '../sources/templates.js';
import { nestingAt, objectAt, optionMatches, shallowestOption } from './code-text.js';
import { sortedEntries } from './entries.js';
import { astroContentConfig, astroPostsGlob, astroSchemaDefaultAuthor, astroSchemaKeys } from './astro-collections.js';
import { DOCUSAURUS_CONFIGS, DOCUSAURUS_KEYS, docusaurusSite } from './docusaurus.js';
import { readEleventyComputedModule } from './eleventy-computed.js';
import { PELICAN_CONFIGS, pelicanSite } from './pelican.js';
import { hexoPostTargets } from './hexo-links.js';
import { hugoShortcodes } from './hugo-shortcodes.js';
import { zolaShortcodes } from './zola-shortcodes.js';
import { foldersCodeReads, moduleFile } from './module-paths.js';
import type { Preset, SiteInfo } from './model.js';

/*
 * Find the site the articles belong to and read its generator's configuration where that is data
 * (Jekyll `_config.yml`, Hugo `hugo.toml|yaml|json` / `config.*`, Zola `config.toml`); for
 * generators whose configuration is code (Eleventy, Astro, Next.js) the generator is recognised
 * from package.json and its documented defaults apply, with the few settings written as plain
 * literals (`site: "https://..."`, `input: "src"`) read from the config file's text.
 */

/** How far up from the articles folder a site root is looked for (a repository root stops it earlier). */
const MAX_LEVELS = 8;

const HUGO_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config/_default/hugo.toml', 'config/_default/hugo.yaml', 'config/_default/config.toml', 'config/_default/config.yaml'];

interface Marker {
  preset: Exclude<Preset, 'none'>;
  file: string;
  data?: Record<string, unknown>;
}

/** The generator a folder's files name, if any, and the file that tells. */
export function siteMarker(dir: string): { preset: Exclude<Preset, 'none'>; file: string } | undefined {
  const m = markerIn(dir);
  return m && { preset: m.preset, file: m.file };
}

const GATSBY_CONFIGS = ['gatsby-config.js', 'gatsby-config.mjs', 'gatsby-config.ts'];

/**
 * A Gatsby site (no preset of feedwright's: its pages are made by its own gatsby-node.js): the
 * `siteMetadata` literals of its gatsby-config (`title`, `description`, `siteUrl`, `author` as a
 * string or `{ name }`), and whether its posts' paths are `createFilePath`'s (gatsby-starter-blog:
 * the file's path under the posts' folder, `/<folder>/<name>/`), or the posts' own front matter `path` (`createPage({ path:
 * node.frontmatter.path })`, the other common gatsby-node). Read as text, never run. Undefined without a gatsby-config.
 */
export function gatsbySite(root: string): { file: string; title: string | undefined; description: string | undefined; link: string | undefined; language: string | undefined; author: string | undefined; filePaths: boolean; frontMatterPaths: boolean; sourceFolders: string[] } | undefined {
  const configs = GATSBY_CONFIGS.flatMap((name) => {
    const text = readText(path.join(root, name))?.slice(0, 256 * 1024);
    return text === undefined ? [] : [{ file: path.join(root, name), text }];
  });
  // A gatsby-config.js may only load the TypeScript one (`module.exports = require("./gatsby-config.ts")`):
  // the file that writes the siteMetadata is the site's.
  const config = configs.find((c) => /\bsiteMetadata\b/.test(c.text)) ?? configs[0];
  if (!config) return undefined;
  const { file, text } = config;
  // siteMetadata is an object inside the exported one (module.exports = { siteMetadata: { … } }), or
  // a constant of its own (`const siteMetadata: GatsbyConfig["siteMetadata"] = { … }`): its keys are
  // one bracket deep in it, the author's name two.
  // Or a name bound to another module's object (`siteMetadata: metaConfig`, `const metaConfig = require('./gatsby-meta-config')`).
  const bound = /\bsiteMetadata\s*:\s*([A-Za-z_$][\w$]*)\s*[,}\n]/.exec(text)?.[1];
  const metadata =
    namedObject(root, file, text, 'siteMetadata', 1)?.object ?? objectAt(text, /\bsiteMetadata\s*:\s*\{/.exec(text)) ?? (bound ? namedObject(root, file, text, bound, 2)?.object : undefined);
  const [from, depth] = metadata ? [metadata, 1] : [text, 2];
  const node = readText(path.join(root, 'gatsby-node.js')) ?? readText(path.join(root, 'gatsby-node.ts')) ?? '';
  return {
    file: path.basename(file),
    title: shallowOption(from, 'title', depth),
    description: shallowOption(from, 'description', depth),
    // Gatsby's pages are at the site's origin + its pathPrefix (a path in siteUrl is no part of them).
    link: gatsbyBase(shallowOption(from, 'siteUrl', depth), shallowOption(text, 'pathPrefix', 1)),
    language: shallowOption(from, 'lang', depth) ?? shallowOption(from, 'language', depth),
    author: shallowOption(from, 'author', depth) ?? shallowOption(from, 'name', depth + 1),
    filePaths: /\bcreateFilePath\s*\(/.test(node),
    frontMatterPaths: /\bpath\s*:\s*node\.frontmatter\.path\b/.test(node),
    sourceFolders: gatsbySourceFolders(text),
  };
}

/**
 * The folders gatsby-source-filesystem reads, as its options write them literally (`path:
 * `${__dirname}/content/blog``, `path: "./src/pages"`, `path: path.join(__dirname, "content", "blog")`),
 * relative to the site's root; in the order written. Read as text.
 */
function gatsbySourceFolders(config: string): string[] {
  const out: string[] = [];
  const plugin = /gatsby-source-filesystem/g;
  for (let m = plugin.exec(config); m && out.length < 20; m = plugin.exec(config)) {
    // The plugin's options follow its name, before the next plugin's.
    const rest = config.slice(m.index + m[0].length, m.index + m[0].length + 600);
    const end = rest.search(/\bresolve\s*:/);
    const window = end >= 0 ? rest.slice(0, end) : rest;
    const p = /\bpath\s*:\s*(?:`\$\{__dirname\}\/([^`$]+)`|["'`](?:\.\/)?([^"'`$]+)["'`]|path\.(?:join|resolve)\(\s*__dirname\s*,((?:\s*["'][^"']+["']\s*,?)+)\))/.exec(window);
    const folder = p?.[1] ?? p?.[2] ?? (p?.[3] ? [...p[3].matchAll(/["']([^"']+)["']/g)].map((x) => x[1]).join('/') : undefined);
    const clean = folder?.replace(/^\.?\/+|\/+$/g, '');
    if (clean && !clean.split('/').includes('..') && !out.includes(clean)) out.push(clean);
  }
  return out;
}

/** A Gatsby site's base URL: its siteUrl's origin, with the config's pathPrefix. */
function gatsbyBase(siteUrl: string | undefined, pathPrefix: string | undefined): string | undefined {
  try {
    return siteUrl ? baseUrl(new URL(siteUrl).origin, pathPrefix) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a generator keeps its posts, by its conventions and its starter templates, most specific
 * first: `feedwright init` offers the one of these that holds the most Markdown, else the largest
 * folder named like a posts folder (`POST_FOLDER_NAMES`, up to three levels down: Hugo's
 * `content/en/post`, a Jekyll site's `en/news/_posts`), else the generator's whole content folder.
 */
export const POST_FOLDERS: Readonly<Record<Exclude<Preset, 'none'>, readonly string[]>> = {
  jekyll: ['_posts', 'src/_posts', 'docs/_posts', 'site/_posts'],
  // (init reads `source_dir` first: `hexoPostsFolder`.)
  hexo: ['source/_posts'],
  hugo: ['content/posts', 'content/post', 'content/blog', 'content/news', 'content/articles'],
  zola: ['content/blog', 'content/posts', 'content/post'],
  eleventy: ['content/blog', 'src/posts', 'src/blog', 'posts', 'blog', 'content/posts', 'src/content/posts'],
  astro: ['src/content/blog', 'src/content/posts', 'src/content/post', 'src/data/blog', 'src/content/docs/blog'],
  // `app/blog/posts`: Vercel's portfolio starter kit (its `getBlogPosts` reads that folder).
  nextjs: ['_posts', 'posts', 'content/posts', 'content/blog', 'data/blog', 'src/content/blog', 'blog', 'app/blog/posts', 'src/app/blog/posts'],
  // (init reads the blog plugin's `path` first: `docusaurusSite`.)
  docusaurus: ['blog'],
  // (init reads PATH first: `pelicanSite`.)
  pelican: ['content'],
};

/** The names of folders that hold a site's posts. */
export const POST_FOLDER_NAMES: readonly string[] = ['_posts', 'posts', 'post', 'blog', 'blogs', 'news', 'articles'];

/** A generator's whole content folder: the last resort of `init`. */
export const CONTENT_FOLDERS: Readonly<Record<Exclude<Preset, 'none'>, string | undefined>> = {
  jekyll: undefined,
  // Hexo's source/ holds its pages too (about/, tags/): only _posts/ holds posts.
  hexo: undefined,
  hugo: 'content',
  zola: 'content',
  eleventy: undefined,
  astro: 'src/content',
  // A Next.js blog that loads its posts with next-mdx-remote keeps them in content/ (`content/x.mdx`).
  nextjs: 'content',
  // Docusaurus's docs/ are documentation pages, not posts.
  docusaurus: undefined,
  pelican: 'content',
};

/** Bridgetown's config files: a Jekyll fork, read by the Jekyll preset with Bridgetown's defaults. */
export const BRIDGETOWN_CONFIGS = ['bridgetown.config.yml', 'bridgetown.config.yaml'];

/**
 * Bridgetown's permalink styles for posts (its docs, "Permalinks"; `pretty` when none is set), its
 * `:slug` being Jekyll's `:title`, the file's name without its date, or the post's `slug`.
 */
const BRIDGETOWN_STYLES: Record<string, string> = {
  pretty: '/:categories/:year/:month/:day/:title/',
  pretty_ext: '/:categories/:year/:month/:day/:title:output_ext',
  simple: '/:categories/:title/',
  simple_ext: '/:categories/:title:output_ext',
};

/** The generator a folder's files name, if any. */
function markerIn(dir: string): Marker | undefined {
  for (const f of BRIDGETOWN_CONFIGS) if (existsSync(path.join(dir, f))) return { preset: 'jekyll', file: f };
  for (const f of ['_config.yml', '_config.yaml']) {
    if (!existsSync(path.join(dir, f))) continue;
    // Hexo keeps its configuration in a _config.yml too: its package.json names hexo, or the file has Hexo's own keys.
    if (packageDependencies(dir).has('hexo')) return { preset: 'hexo', file: `${f} and package.json (hexo)` };
    const data = readData(path.join(dir, f));
    if (data && isHexoConfig(data)) return { preset: 'hexo', file: f, data };
    return { preset: 'jekyll', file: f };
  }
  for (const f of HUGO_FILES) if (existsSync(path.join(dir, f))) return { preset: 'hugo', file: f };
  for (const f of ['config.toml', 'config.yaml', 'config.yml', 'config.json']) {
    const abs = path.join(dir, f);
    if (!existsSync(abs)) continue;
    const data = readData(abs);
    if (!data) continue;
    if ('base_url' in data) return { preset: 'zola', file: f, data };
    if (Object.keys(data).some((k) => k.toLowerCase() === 'baseurl')) return { preset: 'hugo', file: f, data };
  }
  for (const f of DOCUSAURUS_CONFIGS) if (existsSync(path.join(dir, f))) return { preset: 'docusaurus', file: f };
  for (const f of PELICAN_CONFIGS) if (existsSync(path.join(dir, f))) return { preset: 'pelican', file: f };
  if (existsSync(path.join(dir, 'package.json'))) {
    const deps = packageDependencies(dir);
    if (deps.has('astro')) return { preset: 'astro', file: 'package.json (astro)' };
    if (deps.has('next')) return { preset: 'nextjs', file: 'package.json (next)' };
    if (deps.has('@11ty/eleventy')) return { preset: 'eleventy', file: 'package.json (@11ty/eleventy)' };
  }
  // `.eleventyignore` is Eleventy's alone: it marks a site run with a config of another name
  // (`eleventy --config=config.js`) or by a global install, without a package.json.
  for (const f of ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', '.eleventyignore']) if (existsSync(path.join(dir, f))) return { preset: 'eleventy', file: f };
  // Jekyll runs without a _config.yml (GitHub Pages fills in its defaults): a Gemfile that names
  // Jekyll or the github-pages gem, or the _posts/ and _layouts/ folders only Jekyll reads.
  const gem = /^\s*gem\s+["'](jekyll|github-pages)["']/m.exec(readSmallText(path.join(dir, 'Gemfile'), 64 * 1024) ?? '')?.[1];
  if (gem) return { preset: 'jekyll', file: `Gemfile (${gem})` };
  if (isFolder(path.join(dir, '_posts')) && isFolder(path.join(dir, '_layouts'))) return { preset: 'jekyll', file: '_posts/ and _layouts/' };
  return undefined;
}

/**
 * A _config.yml of Hexo's, by keys Jekyll has no use for: `new_post_name` and `source_dir`,
 * `public_dir`, a `permalink` with Hexo's own tokens (`:i_month`, `:post_title`), or one written
 * without Jekyll's leading slash (`:year/:month/:day/:title/`) beside Hexo's `root`.
 */
function isHexoConfig(c: Record<string, unknown>): boolean {
  if (typeof c.new_post_name === 'string' || typeof c.source_dir === 'string' || typeof c.public_dir === 'string') return true;
  const permalink = asString(c.permalink);
  return permalink !== undefined && (/:(?:i_month|i_day|post_title|hash)\b/.test(permalink) || (permalink.startsWith(':') && typeof c.root === 'string'));
}

/** Where a Hexo site keeps its posts: `<source_dir>/_posts` (source/_posts by default). */
export function hexoPostsFolder(root: string): string {
  const c = readData(path.join(root, '_config.yml')) ?? readData(path.join(root, '_config.yaml')) ?? {};
  return `${(asString(c.source_dir) ?? 'source').replace(/^\.\/|\/+$/g, '')}/_posts`;
}

/**
 * The folder a Next.js site's Contentlayer reads its documents from: `makeSource({ contentDirPath })`
 * in `contentlayer.config.{ts,js,mjs}` (Contentlayer and its fork contentlayer2), "./" and a
 * trailing "/" dropped; undefined without such a config or a literal value.
 */
export function contentlayerFolder(root: string): string | undefined {
  const file = firstExisting(root, ['contentlayer.config.ts', 'contentlayer.config.js', 'contentlayer.config.mjs', 'contentlayer.config.mts']);
  const dir = file ? literalOption(readText(file), 'contentDirPath') : undefined;
  const rel = dir?.replace(/^\.\/+/, '').replace(/\/+$/, '');
  return rel && !rel.startsWith('/') && !rel.split('/').includes('..') ? rel : undefined;
}

function readData(abs: string): Record<string, unknown> | undefined {
  try {
    const text = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
    // A key given twice is the last one, as Jekyll's YAML reader (Psych) and Hugo's take it: themes'
    // _config.yml files often repeat one (`background:` left below an edited copy).
    const v: unknown = abs.endsWith('.toml') ? parseToml(text) : abs.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { uniqueKeys: false });
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function readText(abs: string): string | undefined {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

/** Hugo's own config file names at the site root, in Hugo's order: the first found is read. */
const HUGO_ROOT_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

/**
 * A Hugo site's configuration as Hugo loads it (config/allconfig/load.go): the root config file
 * (`hugo.*`, else `config.*`), then the configuration directory `config/_default/`, then
 * `config/production/` (the environment `hugo` builds for), each merged over what came before,
 * recursively (Hugo's `Set("", …)`), keys compared without case.
 */
function hugoConfig(root: string, rootData?: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  const rootFile = rootData ? undefined : firstExisting(root, HUGO_ROOT_FILES);
  const top = rootData ?? (rootFile ? readData(rootFile) : undefined);
  if (top) mergeDeepCi(merged, top);
  for (const env of ['_default', 'production']) hugoConfigDir(path.join(root, 'config', env), merged);
  return merged;
}

/**
 * A multilingual Hugo site's languages' own content folders (`languages.<l>.contentDir`), relative
 * to the root, '/'-separated, and the default language's (`defaultContentLanguage`, "en" when
 * unset): where `init` looks for the posts.
 */
export function hugoLanguageContentDirs(root: string): { defaultDir?: string; dirs: string[] } {
  const c = hugoConfig(root);
  const lang = asString(ci(c, 'defaultContentLanguage')) ?? 'en';
  const rel = (dir: string | undefined): string | undefined => {
    const r = dir && path.relative(root, path.resolve(root, dir)).split(path.sep).join('/');
    return r && !r.startsWith('..') ? r : undefined;
  };
  const languages = asRecord(ci(c, 'languages')) ?? {};
  const dirs = Object.values(languages).flatMap((v) => rel(asString(ci(asRecord(v), 'contentDir'))) ?? []);
  const defaultDir = rel(asString(ci(asRecord(ci(languages, lang)), 'contentDir')));
  return { ...(defaultDir ? { defaultDir } : {}), dirs };
}

/**
 * One folder of Hugo's configuration directory, merged into `merged`: `hugo.*` and `config.*`
 * at the top, any other `name.*` under `name` (unless `name` is its sole top-level key), and
 * `name.<lang>.*` under `languages.<lang>` (`menus`/`params` one level deeper, under their name);
 * sub-folders are read too.
 */
function hugoConfigDir(dir: string, merged: Record<string, unknown>): void {
  const files: string[] = [];
  const walk = (d: string, depth: number): void => {
    for (const e of sortedEntries(d)) {
      if (e.isDirectory() && depth < 4) walk(path.join(d, e.name), depth + 1);
      else if (e.isFile() && /\.(toml|ya?ml|json)$/.test(e.name)) files.push(path.join(d, e.name));
    }
  };
  walk(dir, 0);
  for (const f of files) {
    let data = readData(f);
    if (!data) continue;
    const [name = '', lang] = path.basename(f).replace(/\.(toml|ya?ml|json)$/, '').split('.');
    if (name === 'hugo' || name === 'config') {
      mergeDeepCi(merged, data);
      continue;
    }
    const keys = Object.keys(data);
    if (keys.length === 1 && (keys[0] as string).toLowerCase() === name.toLowerCase()) data = asRecord(data[keys[0] as string]) ?? data;
    const at = lang ? ['languages', lang, ...(name === 'menu' || name === 'menus' || name === 'params' ? [name] : [])] : [name];
    let wrapped: Record<string, unknown> = data;
    for (const k of [...at].reverse()) wrapped = { [k]: wrapped };
    mergeDeepCi(merged, wrapped);
  }
}

/** Merge `from` into `into`, recursively for tables; keys matched without case (Hugo's are case-insensitive). */
function mergeDeepCi(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) {
    const existing = Object.keys(into).find((x) => x.toLowerCase() === k.toLowerCase());
    const old = existing === undefined ? undefined : into[existing];
    const oldRec = asRecord(old);
    const newRec = asRecord(v);
    if (oldRec && newRec) {
      const copy = { ...oldRec };
      mergeDeepCi(copy, newRec);
      into[existing ?? k] = copy;
    } else into[existing ?? k] = v;
  }
}

function ci(o: Record<string, unknown> | undefined, key: string): unknown {
  if (!o) return undefined;
  const k = Object.keys(o).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : o[k];
}

function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** A base URL with a trailing slash, or undefined when it is not an absolute http(s) URL. */
function baseUrl(...parts: (string | undefined)[]): string | undefined {
  const [first, ...rest] = parts;
  if (!first) return undefined;
  try {
    const u = new URL(first);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const extra = rest.filter(Boolean).map((p) => (p as string).replace(/^\/+|\/+$/g, '')).filter(Boolean);
    const pathname = [u.pathname.replace(/\/+$/, ''), ...extra].join('/');
    u.pathname = `${pathname}/`;
    return u.href;
  } catch {
    return undefined;
  }
}

/**
 * A literal string option in a JS/TS config (`site: "https://..."`), the only part of code read.
 * With `topLevel`, only an option of the config object itself (the object given to
 * `defineConfig(`, or `export default` / `module.exports =` / `const nextConfig =`), when that
 * object can be found: an Astro config's `base` inside a sidebar entry is not the site's base.
 */
function literalOption(text: string | undefined, name: string, topLevel = false): string | undefined {
  if (!text) return undefined;
  const matches = optionMatches(text, name);
  if (!topLevel || matches.length === 0) return matches[0]?.value;
  const anchor = /(?:\bdefineConfig\s*\(\s*|\bexport\s+default\s+|\bmodule\.exports\s*=\s*|\b(?:const|let|var)\s+nextConfig(?:\s*:\s*[\w.]+)?\s*=\s*)\{/.exec(text);
  if (!anchor) return matches[0]?.value;
  const open = anchor.index + anchor[0].length - 1;
  const inside = (nestingAt(text, [open]).get(open) ?? 0) + 1;
  return matches.find((m) => m.index > open && m.depth === inside)?.value;
}


/**
 * A literal string option at most `maxDepth` brackets deep (1: a key of the file's top-level
 * object; 2: of an object inside it, as next-seo's `openGraph`), so an image's `url` in a list
 * is not the site's URL.
 */
function shallowOption(text: string | undefined, name: string, maxDepth: number): string | undefined {
  if (!text) return undefined;
  return optionMatches(text, name).find((m) => m.depth <= maxDepth)?.value;
}


/** `export const NAME = "text"` in a module's source: a plain string literal (no escapes, no `${}`), else undefined. */
function stringConstant(text: string | undefined, name: string): string | undefined {
  if (!text) return undefined;
  const m = new RegExp(String.raw`\bexport\s+const\s+${name}\s*(?::\s*string\s*)?=\s*(["'\`])((?:(?!\1)[^$\\\n])*)\1`).exec(text);
  return asString(m?.[2]?.trim());
}

function firstExisting(dir: string, names: string[]): string | undefined {
  return names.map((n) => path.join(dir, n)).find((f) => existsSync(f));
}

function relSlash(from: string, to: string): string {
  const r = path.relative(from, to).split(path.sep).join('/');
  return r.startsWith('..') ? '' : r;
}

export interface DetectOptions {
  /** The articles folder (absolute). */
  articlesDir: string;
  /** Where the config file is (absolute): `site` is relative to it. */
  configRoot: string;
  /** `preset` from the config. */
  preset: Preset | 'auto';
  /** `site` from the config or --site (relative to `configRoot`). */
  site?: string;
  display: (abs: string) => string;
}

/** Where a Jekyll site's files are: what `{% link %}` and `{% post_url %}` name (src/site/links.ts). */
export interface JekyllSource {
  /** The source folder (`source`, absolute): link paths are relative to it. */
  dir: string;
  /** The folder collections live in (`collections_dir`, absolute). */
  collectionsDir: string;
  /** The output folder (absolute), never a source. */
  destination: string;
  /** Front matter defaults by folder relative to `dir`, as `SiteInfo.folderData`. */
  folderData: Record<string, Record<string, unknown>>;
  /** The folder `{% include %}` reads (`includes_dir`, default `_includes`, absolute). */
  includesDir: string;
  /** The theme the config names (`theme`, else `remote_theme`): its gem's include files are not in the folder (src/site/theme-includes.ts). */
  theme?: string;
}

export interface DetectedSite {
  info: SiteInfo;
  rootAbs: string;
  /** Jekyll only. */
  jekyll?: JekyllSource;
  /** Hugo only: the content folder (absolute; the language's own one), the site's `params` and the shortcodes its templates let render. */
  hugo?: { contentDir: string; params: Record<string, unknown>; shortcodes?: Record<string, SiteShortcode> };
  /** A time zone the site's config names that is no IANA zone (`timezone: CN`): not used; dates are read in the feed's zone. */
  ignoredZone?: string;
  /**
   * The site's address written without a scheme (Zola's `base_url = "example.dev"`): the generator
   * writes its links so (`example.dev/blog/x/`), which browsers and feed readers read as relative
   * paths; feedwright takes no link from it. Its file (as shown), line and key, and the value.
   */
  schemelessUrl?: { file: string; line: number; key: string; value: string };
  /** Zola only: the content folder (absolute), which its internal links (`@/blog/x.md`) start from, and the shortcodes its templates let render. */
  zola?: { contentDir: string; shortcodes?: Record<string, SiteShortcode> };
  /** What the generator's config says about the site as a feed: defaults for keys feedwright's config leaves unset. */
  channel: SiteChannel;
}

/**
 * The site's name, description, URL, language and author as its generator's config states them
 * (the values a generator's own feed plugin reads: jekyll-feed's `site.title`, Hugo's `.Site.Title`
 * and `languageCode`, Eleventy's `_data/metadata.json`), as feedwright config keys, unchecked.
 */
export interface SiteChannel {
  /** The file they come from, as shown to the user ("_config.yml"). */
  from: string;
  values: { title?: string; description?: string; link?: string; language?: string; author?: unknown };
}

/** A person as a generator config writes one: a name, or a table with name/email/url (jekyll-feed's `uri`). */
function personValue(v: unknown): unknown {
  if (typeof v === 'string') return asString(v);
  const r = asRecord(v);
  const name = asString(r?.name);
  if (!r || !name) return undefined;
  const email = asString(r.email);
  const url = asString(r.url) ?? asString(r.uri);
  return { name, ...(email ? { email } : {}), ...(url ? { url } : {}) };
}

/** Only the keys with a value; a title or description written with HTML in it (Hugo sites do) as its text. */
function channelOf(from: string, values: { [K in keyof SiteChannel['values']]: SiteChannel['values'][K] | undefined }): SiteChannel {
  // A value with markup or character references (`Ottawa,&nbsp;Ontario`, `Tips &amp; tricks`) is
  // HTML to the templates that print it (Liquid prints it as it is): its text is the feed's.
  const text = (v: string | undefined): string | undefined => (v && (/<[a-z/!]/i.test(v) || /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i.test(v)) ? asString(htmlToText(v)) : v);
  const all = { ...values, title: text(values.title), description: text(values.description) };
  return { from, values: Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as SiteChannel['values'] };
}

/** The site, or undefined for none (no generator found, or preset "none"). */
export function detectSite(options: DetectOptions): DetectedSite | undefined {
  if (options.preset === 'none') return undefined;
  let root: string | undefined;
  let marker: Marker | undefined;
  if (options.site) {
    root = path.resolve(options.configRoot, options.site);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      throw fatal('CONFIG_INVALID', { file: options.display(root), problem: 'site-folder' });
    }
    marker = markerIn(root);
  } else {
    let dir = options.articlesDir;
    for (let i = 0; i < MAX_LEVELS; i++) {
      marker = markerIn(dir);
      if (marker && (options.preset === 'auto' || marker.preset === options.preset)) {
        root = dir;
        break;
      }
      marker = undefined;
      const parent = path.dirname(dir);
      if (parent === dir || existsSync(path.join(dir, '.git'))) break;
      dir = parent;
    }
  }
  const preset = options.preset === 'auto' ? marker?.preset : options.preset;
  if (!preset) return undefined;
  root ??= path.dirname(options.articlesDir);
  const detectedFrom = options.preset === 'auto' ? (marker?.file ?? 'config') : 'config';
  const info: SiteInfo = {
    preset,
    detectedFrom,
    root: options.display(root),
    contentPrefix: '',
    permalinks: {},
    uglyUrls: false,
    keepPathCase: false,
    languages: [],
    defaultLanguageInSubdir: false,
    collections: {},
    folderData: {},
    slugifyPaths: true,
    trailingSlash: true,
    output: '_site',
    codeData: [],
  };
  let contentRoot = root;
  let channel: SiteChannel = { from: options.display(root), values: {} };
  let jekyll: JekyllSource | undefined;
  let hugo: DetectedSite['hugo'];
  let zola: DetectedSite['zola'];
  let ignoredZone: string | undefined;
  let schemelessUrl: DetectedSite['schemelessUrl'];
  // A URL the site's config writes without a scheme (`base_url = "example.dev"`), found at its key's line.
  const noScheme = (file: string, key: string, value: string | undefined): void => {
    if (!value || schemelessUrl || !SCHEMELESS_URL.test(value.trim())) return;
    const text = readSmallText(file, 1 << 20) ?? '';
    const at = new RegExp(`^[ \\t]*["']?${key}["']?[ \\t]*[:=]`, 'm').exec(text);
    schemelessUrl = { file: options.display(file), line: at ? countNewlines(text.slice(0, at.index)) + 1 : 1, key, value: value.trim() };
  };
  // The site's package.json dependencies, read once when asked for.
  let deps: Set<string> | undefined;
  const dependencies = (): Set<string> => {
    deps ??= packageDependencies(root);
    return deps;
  };
  // The zone the site's config names, when it is one: Jekyll passes `timezone: CN` to the C
  // library, which reads an unknown name as UTC; feedwright's config would refuse it.
  const siteZone = (zone: string | undefined): void => {
    if (!zone) return;
    if (isValidTimeZone(zone)) info.timezone = zone;
    else ignoredZone = zone;
  };
  switch (preset) {
    case 'jekyll': {
      // Bridgetown (bridgetown.config.yml) keeps its source in src/, writes output/, and links posts by its own styles (pretty by default).
      const bridgetown = firstExisting(root, BRIDGETOWN_CONFIGS);
      const configFile = bridgetown ?? firstExisting(root, ['_config.yml', '_config.yaml']) ?? '';
      const c = readData(configFile) ?? {};
      const url = baseUrl(asString(c.url), asString(c.baseurl));
      if (!url && configFile) noScheme(configFile, 'url', asString(c.url));
      if (url) info.baseUrl = url;
      const permalink = bridgetown ? (BRIDGETOWN_STYLES[asString(c.permalink) ?? 'pretty'] ?? asString(c.permalink)) : asString(c.permalink);
      if (permalink) info.permalinks['*'] = permalink;
      if (bridgetown) info.bridgetown = true;
      siteZone(asString(c.timezone));
      for (const [name, v] of Object.entries(asRecord(c.collections) ?? {})) {
        const col = asRecord(v);
        if (name === 'posts' || col?.output === true) info.collections[name] = asString(col?.permalink) ?? '';
      }
      if (Array.isArray(c.collections)) for (const name of c.collections) if (typeof name === 'string') info.collections[name] = '';
      info.output = asString(c.destination) ?? (bridgetown ? 'output' : '_site');
      const keys = jekyllSiteKeys(root);
      if (keys.length > 0) info.frontMatterKeys = keys;
      const sourceDir = jekyllSource(root, asString(c.source) ?? (bridgetown ? 'src' : undefined), options.articlesDir);
      contentRoot = path.resolve(sourceDir, asString(c.collections_dir) ?? '.');
      info.folderData = jekyllDefaults(c.defaults, contentRoot, options.articlesDir);
      const theme = asString(c.theme) ?? asString(c.remote_theme);
      jekyll = {
        dir: sourceDir,
        collectionsDir: contentRoot,
        destination: path.resolve(root, info.output),
        folderData: jekyllDefaults(c.defaults, sourceDir, sourceDir),
        includesDir: path.resolve(sourceDir, asString(c.includes_dir) ?? '_includes'),
        ...(theme ? { theme } : {}),
      };
      // Jekyll renders every post's Markdown through Liquid with `site` bound to its configuration.
      info.templateVars = { site: { ...c, url: asString(c.url) ?? '', baseurl: asString(c.baseurl) ?? '' } };
      // kramdown, Jekyll's default Markdown engine, reads header ids and block and span IALs, and Markdown inside `<div markdown="1">`.
      if ((asString(c.markdown) ?? 'kramdown').toLowerCase() === 'kramdown') {
        info.markdownAttributes = { headings: true, blocks: true, spans: true, markdownInHtml: true };
        // kramdown's math: `$$…$$`, inline or as a block (its default math engine hands it to MathJax).
        info.math = { inlineDollar: false, brackets: false };
      }
      // Themes name the site's language `locale` (Minimal Mistakes: "en-US") and its author `owner`
      // (HPSTR, So Simple: `owner: { name }`) or `social: { name, email }` (Chirpy: "displayed as the
      // default author of the posts"), which their layouts show as every post's author. Minimal
      // Mistakes keeps the site owner's name in a top-level `name` (its footer and SEO data show
      // it) and leaves `author.name` empty in its starter config: the last resort. Without a
      // `title`, though, `name` is the site's name: jekyll-feed titles the feed `site.title |
      // default: site.name`, and so does jekyll-seo-tag the pages.
      // Bridgetown keeps the site's title in src/_data/site_metadata.yml (`site.metadata`), its starter's `title`, `tagline`, `email`.
      const dataDir = path.join(sourceDir, asString(c.data_dir) ?? '_data');
      const metadataFile = bridgetown ? firstExisting(dataDir, ['site_metadata.yml', 'site_metadata.yaml']) : undefined;
      const meta = metadataFile ? (readData(metadataFile) ?? {}) : {};
      // `_data/authors.yml` (key -> person): a post's `author: jane`, and the site's, name a key of it.
      const authorsFile = firstExisting(dataDir, ['authors.yml', 'authors.yaml', 'authors.json']);
      const authorsMap = authorsFile ? readAuthorsMap(readData(authorsFile), ['uri', 'url']) : {};
      if (Object.keys(authorsMap).length > 0) info.authorsMap = authorsMap;
      const mapped = (v: unknown): unknown => (typeof v === 'string' && Object.hasOwn(authorsMap, v.trim()) ? authorsMap[v.trim()] : v);
      const title = asString(c.title) ?? asString(meta.title);
      const own = {
        title: title ?? asString(c.name),
        description: asString(c.description) ?? asString(meta.description) ?? asString(meta.tagline),
        link: url,
        language: asString(c.lang) ?? localeTag(asString(c.locale)),
        author:
          personValue(mapped(c.author)) ??
          personValue(c.owner) ??
          personValue(c.social) ??
          (title ? personValue(c.name) : undefined) ??
          personValue(mapped(meta.author)),
      };
      // What the config leaves out, the site's own hand-written feed template may state literally.
      const feed = own.title && own.link && own.author ? undefined : feedTemplateHead(sourceDir);
      // Last, GitHub Pages' custom domain (the CNAME file it serves the site at, over HTTPS).
      const link = own.link ?? feed?.link ?? githubPagesDomain(sourceDir);
      if (!url && link) info.baseUrl = link;
      const taken = feed && ((!own.title && feed.title) || (!own.link && feed.link) || (!own.author && feed.author) || (!own.description && feed.description));
      const sources = [configFile, ...(metadataFile && (meta.title || meta.description || meta.tagline || meta.author) ? [metadataFile] : []), ...(taken ? [feed.file] : []), ...(link && !own.link && !feed?.link ? [path.join(sourceDir, 'CNAME')] : [])].filter(Boolean);
      channel = channelOf(sources.map(options.display).join(' and '), {
        ...own,
        title: own.title ?? feed?.title,
        description: own.description ?? feed?.description,
        link,
        author: own.author ?? feed?.author,
      });
      break;
    }
    case 'hexo': {
      const configFile = firstExisting(root, ['_config.yml', '_config.yaml']) ?? '';
      const c = marker?.data ?? readData(configFile) ?? {};
      const url = hexoBaseUrl(asString(c.url), asString(c.root));
      if (!url && configFile) noScheme(configFile, 'url', asString(c.url));
      if (url) info.baseUrl = url;
      info.permalinks['*'] = asString(c.permalink) ?? HEXO_PERMALINK;
      siteZone(asString(c.timezone));
      info.output = asString(c.public_dir) ?? 'public';
      const strings = (v: unknown): Record<string, string> =>
        Object.fromEntries(Object.entries(asRecord(v) ?? {}).flatMap(([k, x]) => (typeof x === 'string' || typeof x === 'number' ? [[k, String(x)]] : [])));
      const pretty = asRecord(c.pretty_urls);
      info.hexo = {
        newPostName: asString(c.new_post_name) ?? ':title.md',
        postAssetFolder: c.post_asset_folder === true,
        defaultCategory: c.default_category === undefined || c.default_category === null ? 'uncategorized' : String(c.default_category),
        categoryMap: strings(c.category_map),
        filenameCase: typeof c.filename_case === 'number' ? c.filename_case : 0,
        permalinkDefaults: strings(c.permalink_defaults),
        trailingIndex: pretty?.trailing_index !== false,
        trailingHtml: pretty?.trailing_html !== false,
      };
      // hexo-abbrlink fills an empty `abbrlink` at build time from the title (its crc16 is its own variant: only crc32 is made here).
      const abbrlink = asRecord(c.abbrlink);
      if (dependencies().has('hexo-abbrlink') && asString(abbrlink?.alg) === 'crc32') info.hexo.abbrlink = { rep: asString(abbrlink?.rep) === 'hex' ? 'hex' : 'dec' };
      info.frontMatterKeys = [...HEXO_KEYS];
      contentRoot = path.resolve(root, asString(c.source_dir) ?? 'source');
      // Hexo renders every post through its tag plugins (Nunjucks) before Markdown: `{% asset_img %}`,
      // `{% post_link %}`, Octopress's tags (src/sources/templates.ts renders what a feed can show).
      info.templateVars = {};
      const tags = hexoTags(c);
      // `{% post_link name %}` needs the named post's URL before any body is rendered.
      const targets = hexoPostTargets(info, path.join(contentRoot, '_posts'), info.timezone ?? 'UTC');
      if (Object.keys(targets).length > 0) for (const name of ['post_link', 'post_path']) tags[name] = { kind: 'hexo', tag: name as 'post_link' | 'post_path', targets };
      info.templateShortcodes = tags;
      // `language` may be a list (the first is the default) or "default" (none named).
      const lang = asString(Array.isArray(c.language) ? c.language[0] : c.language);
      channel = channelOf(options.display(configFile), {
        title: asString(c.title),
        description: asString(c.description) ?? asString(c.subtitle),
        link: url,
        language: lang && lang !== 'default' ? localeTag(lang) : undefined,
        author: personValue(c.author),
      });
      break;
    }
    case 'hugo': {
      const c = hugoConfig(root, marker?.data);
      const url = baseUrl(asString(ci(c, 'baseURL')));
      const hugoRoot = firstExisting(root, HUGO_ROOT_FILES);
      if (!url && hugoRoot) noScheme(hugoRoot, 'baseURL', asString(ci(c, 'baseURL')));
      if (url) info.baseUrl = url;
      const permalinks = asRecord(ci(c, 'permalinks')) ?? {};
      const page = asRecord(ci(permalinks, 'page'));
      for (const [section, pattern] of Object.entries({ ...permalinks, ...page })) if (typeof pattern === 'string') info.permalinks[section] = pattern;
      const ugly = ci(c, 'uglyURLs');
      info.uglyUrls = typeof ugly === 'boolean' ? ugly : Object.fromEntries(Object.entries(asRecord(ugly) ?? {}).filter(([, v]) => typeof v === 'boolean')) as Record<string, boolean>;
      info.keepPathCase = ci(c, 'disablePathToLower') === true;
      if (ci(c, 'removePathAccents') === true) info.removePathAccents = true;
      const lang = asString(ci(c, 'defaultContentLanguage'));
      info.defaultLanguage = lang ?? 'en';
      info.defaultLanguageInSubdir = ci(c, 'defaultContentLanguageInSubdir') === true;
      const languages = asRecord(ci(c, 'languages')) ?? {};
      info.languages = Object.keys(languages);
      const channels: NonNullable<SiteInfo['languageChannels']> = {};
      for (const [l, v] of Object.entries(languages)) {
        // Hugo 0.158 renamed languageCode to locale; sites write either.
        const code = asString(ci(asRecord(v), 'locale')) ?? asString(ci(asRecord(v), 'languageCode'));
        const title = asString(ci(asRecord(v), 'title'));
        if (code || title) channels[l] = { ...(code ? { code } : {}), ...(title ? { title } : {}) };
      }
      if (Object.keys(channels).length > 0) info.languageChannels = channels;
      siteZone(asString(ci(c, 'timeZone')));
      info.output = asString(ci(c, 'publishDir')) ?? 'public';
      const attributes = goldmarkAttributes(c);
      if (attributes) info.markdownAttributes = attributes;
      const math = goldmarkPassthrough(c);
      if (math) info.math = math;
      const theme = ci(c, 'theme');
      const themes = (Array.isArray(theme) ? theme : [theme]).filter((t): t is string => typeof t === 'string' && /^[\w.-]+$/.test(t));
      const keys = hugoSiteKeys(root, themes, asString(ci(c, 'themesDir')) ?? 'themes');
      const shortcodes = hugoShortcodes(root, themes, asString(ci(c, 'themesDir')) ?? 'themes');
      if (keys.length > 0) info.frontMatterKeys = keys;
      contentRoot = path.resolve(root, asString(ci(c, 'contentDir')) ?? 'content');
      // A multilingual site may give each language its own content folder (languages.<l>.contentDir):
      // the articles are then that language's pages, under /<l>/ unless it is the default one.
      for (const [l, v] of Object.entries(languages)) {
        const dir = asString(ci(asRecord(v), 'contentDir'));
        if (!dir) continue;
        const abs = path.resolve(root, dir);
        if (isInside(abs, options.articlesDir)) {
          contentRoot = abs;
          info.contentLanguage = l;
          break;
        }
      }
      // An articles folder that holds several languages' content folders (content/ with content/ja/
      // and content/en/): each article is filed under the language whose folder holds it.
      if (!info.contentLanguage) {
        const dirs: Record<string, string> = {};
        for (const [l, v] of Object.entries(languages)) {
          const dir = asString(ci(asRecord(v), 'contentDir'));
          const rel = dir ? relSlash(contentRoot, path.resolve(root, dir)) : '';
          if (rel) dirs[rel] = l;
        }
        if (Object.keys(dirs).length > 0) info.languageDirs = dirs;
      }
      // A language may set its own permalinks (languages.<l>.permalinks, Hugo's per-language config):
      // they replace the site's for that language's pages, which are the articles here.
      const sitePermalinks = { ...info.permalinks };
      const ownPermalinks = (l: string | undefined, into: Record<string, string>): boolean => {
        const own = asRecord(ci(asRecord(ci(languages, l ?? '')), 'permalinks'));
        if (!own) return false;
        const page = asRecord(ci(own, 'page'));
        for (const [section, pattern] of Object.entries({ ...own, ...page })) if (typeof pattern === 'string') into[section] = pattern;
        return true;
      };
      ownPermalinks(info.contentLanguage ?? info.defaultLanguage, info.permalinks);
      // An articles folder holding several languages' folders: each language's pages by its own permalinks.
      if (info.languageDirs) {
        const byLanguage: Record<string, Record<string, string>> = {};
        for (const l of Object.values(info.languageDirs)) {
          const patterns = { ...sitePermalinks };
          if (ownPermalinks(l, patterns)) byLanguage[l] = patterns;
        }
        if (Object.keys(byLanguage).length > 0) info.languagePermalinks = byLanguage;
      }
      info.folderData = hugoCascades(options.articlesDir);
      const params = asRecord(ci(c, 'params')) ?? {};
      hugo = { contentDir: contentRoot, params, ...(Object.keys(shortcodes).length > 0 ? { shortcodes } : {}) };
      // A multilingual site may set these per language (languages.<l>.title, .locale or .languageCode, .params).
      const own = asRecord(ci(languages, info.contentLanguage ?? info.defaultLanguage));
      const ownParams = asRecord(ci(own, 'params'));
      channel = channelOf(options.display(path.join(root, marker?.file ?? 'hugo.toml')), {
        title: asString(ci(own, 'title')) ?? asString(ci(c, 'title')),
        description: asString(ci(ownParams, 'description')) ?? asString(ci(params, 'description')) ?? asString(ci(c, 'description')),
        link: url,
        language: asString(ci(own, 'locale')) ?? asString(ci(own, 'languageCode')) ?? asString(ci(c, 'locale')) ?? asString(ci(c, 'languageCode')) ?? lang,
        author: personValue(ci(ownParams, 'author')) ?? personValue(ci(params, 'author')) ?? personValue(ci(c, 'author')),
      });
      break;
    }
    case 'zola': {
      const c = marker?.data ?? readData(path.join(root, 'config.toml')) ?? {};
      const url = baseUrl(asString(c.base_url));
      if (!url) noScheme(path.join(root, marker?.file ?? 'config.toml'), 'base_url', asString(c.base_url));
      if (url) info.baseUrl = url;
      info.defaultLanguage = asString(c.default_language) ?? 'en';
      info.languages = Object.keys(asRecord(c.languages) ?? {});
      info.slugifyPaths = asString(asRecord(c.slugify)?.paths) !== 'off' && asString(asRecord(c.slugify)?.paths) !== 'safe';
      info.output = asString(c.output_dir) ?? 'public';
      const ignored = Array.isArray(c.ignored_content) ? c.ignored_content.filter((g): g is string => typeof g === 'string' && g !== '') : [];
      if (ignored.length > 0) info.ignoredContent = { patterns: ignored, file: marker?.file ?? 'config.toml' };
      contentRoot = path.join(root, 'content');
      const shortcodes = zolaShortcodes(root, asString(c.theme));
      zola = { contentDir: contentRoot, ...(Object.keys(shortcodes).length > 0 ? { shortcodes } : {}) };
      // Zola reads a heading's `{#id}` (and classes) at its end.
      info.markdownAttributes = { headings: true, blocks: false, spans: false };
      // Without a `title`, the root section's (content/_index.md): Zola's own feed template
      // titles a section's feed by it, after the config's (`{{ config.title }} - {{ section.title }}`).
      const section = asString(c.title) ? undefined : zolaRootSection(contentRoot);
      channel = channelOf(options.display(path.join(root, marker?.file ?? 'config.toml')), {
        title: asString(c.title) ?? asString(section?.title) ?? templateTitle(root, ZOLA_BASE_TEMPLATES),
        description: asString(c.description) ?? asString(section?.description),
        link: url,
        language: asString(c.default_language),
        // Zola 0.19 reads a top-level `author`; themes (even, for one) keep it in `[extra]`.
        author: personValue(c.author) ?? personValue(asRecord(c.extra)?.author),
      });
      break;
    }
    case 'eleventy': {
      const cfgText = eleventyConfigText(root);
      // An input folder the config computes (`input: constants.CONTENT_FOLDER`) is the folder
      // above the posts that holds Eleventy's `_data` or `_includes` (both live in the input folder).
      const computedInput = cfgText !== undefined && /\binput\s*:/.test(cfgText);
      const input = shallowestOption(cfgText, 'input') ?? (computedInput ? eleventyInputAbove(root, options.articlesDir) : undefined) ?? '.';
      contentRoot = path.resolve(root, input);
      info.output = shallowestOption(cfgText, 'output') ?? '_site';
      // Global data (`_data/*.json`), read once: the site's URL and, below, the template variables.
      const dataDir = path.join(contentRoot, shallowestOption(cfgText, 'data') ?? '_data');
      const globals = eleventyGlobalData(dataDir);
      for (const name of ['metadata', 'site', 'siteConfig', 'meta']) {
        // `_data/metadata.json`, or (the base blog since v9) `_data/metadata.js` read as text.
        const file = globals[name] !== undefined ? path.join(dataDir, `${name}.json`) : firstExisting(dataDir, ['js', 'mjs', 'cjs'].map((ext) => `${name}.${ext}`));
        const data = globals[name] !== undefined ? asRecord(globals[name]) : file ? literalData(readText(file)) : undefined;
        const site = data ? eleventySite(data, cfgText, ['description']) : undefined;
        if (file && site && (site.url || site.values.title)) {
          if (site.url) info.baseUrl = site.url;
          channel = channelOf(options.display(file), site.values);
          break;
        }
      }
      // The site's own feed template's `metadata` (the base blog's feed.njk before metadata.json).
      const feedMeta = Object.keys(channel.values).length > 0 ? undefined : eleventyFeedMetadata(contentRoot);
      if (feedMeta) {
        const site = eleventySite(feedMeta.data, cfgText, ['subtitle', 'description']);
        if (site.url) info.baseUrl = site.url;
        channel = channelOf(options.display(feedMeta.file), site.values);
      }
      // Layouts (their front matter is data under the folders'), and date filters permalinks use.
      const layouts = eleventyLayouts(path.join(contentRoot, shallowestOption(cfgText, 'layouts') ?? shallowestOption(cfgText, 'includes') ?? '_includes'), cfgText);
      if (Object.keys(layouts).length > 0) info.layouts = layouts;
      const dateFilters = eleventyDateFilters(cfgText);
      if (Object.keys(dateFilters).length > 0) info.dateFilters = dateFilters;
      const folderData = eleventyDirectoryData(contentRoot, options.articlesDir);
      info.folderData = folderData.data;
      info.codeData = folderData.code.map((f) => options.display(f));
      // Eleventy runs Markdown through a template engine first (markdownTemplateEngine, "liquid" by
      // default; "njk" reads much the same for what a post uses); false turns that off. Its global
      // data files that are data (`_data/*.json`) are the variables by name; `.js` data is code.
      if (eleventyWithoutIndentedCode(root, cfgText)) info.noIndentedCode = true;
      if (!/\bmarkdownTemplateEngine\s*:\s*false\b/.test(cfgText ?? '')) {
        info.templateVars = globals;
        const shortcodes = eleventyShortcodes(cfgText, path.relative(root, contentRoot) || '.');
        if (Object.keys(shortcodes).length > 0) info.templateShortcodes = shortcodes;
      }
      break;
    }
    case 'astro': {
      const cfgFile = firstExisting(root, ['astro.config.mjs', 'astro.config.ts', 'astro.config.js', 'astro.config.mts']);
      const cfgText = readText(cfgFile ?? '');
      // `site: SITE.website` (AstroPaper): the value is read from the object the config imports, whose
      // other keys name the site too.
      const literalSite = literalOption(cfgText, 'site', true);
      const siteCode = literalSite ? undefined : astroSiteCode(root, cfgFile, cfgText);
      const url = baseUrl(literalSite ?? siteCode?.value, literalOption(cfgText, 'base', true));
      if (url) info.baseUrl = url;
      // Astro's blog template keeps the site's name in src/consts.ts (SITE_TITLE, SITE_DESCRIPTION),
      // which its rss.xml.js passes to @astrojs/rss: string constants, read as text, never run.
      const constsFile = firstExisting(path.join(root, 'src'), ['consts.ts', 'consts.js', 'consts.mjs']);
      const constsText = readText(constsFile ?? '');
      const named = { title: stringConstant(constsText, 'SITE_TITLE'), description: stringConstant(constsText, 'SITE_DESCRIPTION') };
      const from = options.display(cfgFile ?? path.join(root, 'astro.config.mjs'));
      // Without those constants: the literal title and description of the feed endpoint's own
      // `rss({ title: "…" })` call (src/pages/rss.xml.js), what its RSS feed says.
      const endpoint = astroFeedEndpoint(root);
      const rss = named.title || named.description ? undefined : astroRssCall(root, endpoint);
      // The config object a value came from: its other keys (lang, author, timezone) name the site too.
      const holder = siteCode?.holder ?? rss?.holder;
      const fromHolder = holder && !rss && !named.title ? { title: shallowOption(holder, 'title', 1), description: shallowOption(holder, 'description', 1) ?? shallowOption(holder, 'desc', 1) } : undefined;
      const found = rss ?? (fromHolder?.title ? { ...fromHolder, files: siteCode?.files.slice(-1) ?? [] } : { ...named, files: constsFile && (named.title || named.description) ? [constsFile] : [] });
      // The config's i18n object, read once: its locales route the posts (below), and its default
      // locale (`defaultLocale: locale`, a reference Retypeset resolves from its theme config) is
      // the feed's language when nothing above names one.
      const i18nParts = astroI18nParts(root, cfgFile, cfgText);
      const language =
        rss?.language ??
        (holder ? localeTag(shallowOption(holder, 'lang', 1) ?? shallowOption(holder, 'language', 1)) : undefined) ??
        localeTag(i18nParts?.defaultLocale) ??
        astroLayoutLanguage(root);
      const author = holder ? shallowOption(holder, 'author', 1) : undefined;
      const zone = holder ? shallowOption(holder, 'timezone', 1) : undefined;
      siteZone(zone);
      // AstroWind keeps the site's name, address and language, and the posts' permalink, in src/config.yaml.
      const wind = astroWindConfig(root);
      if (wind?.url && !url) info.baseUrl = wind.url;
      // Its file is named as a source when it gave the address or the name.
      const windNamed = wind && ((!url && wind.url) || (!found.title && wind.title));
      const sources = [...new Set([from, ...[...(siteCode?.files ?? []), ...found.files].map(options.display), ...(windNamed ? [options.display(wind.file)] : [])])];
      const windLanguage = language ?? wind?.language;
      const windAuthor = author ?? wind?.author;
      channel = channelOf(sources.join(' and '), {
        link: url ?? wind?.url,
        title: found.title ?? wind?.title,
        description: found.description ?? wind?.description,
        ...(windLanguage ? { language: windLanguage } : {}),
        ...(windAuthor ? { author: windAuthor } : {}),
      });
      info.trailingSlash = wind ? wind.trailingSlash : literalOption(cfgText, 'trailingSlash', true) !== 'never';
      info.output = literalOption(cfgText, 'outDir', true) ?? 'dist';
      contentRoot = path.join(root, 'src', 'content');
      // Starlight serves its `docs` collection from the site root: src/content/docs/blog/x.md is /blog/x/.
      if (dependencies().has('@astrojs/starlight')) info.permalinks.docs = '/:id/';
      // AstroWind serves its posts at its own permalink, whatever their collection's name and folder
      // (src/content/post/, or src/data/post/ through its content layer's glob loader).
      if (wind) {
        for (const e of sortedEntries(contentRoot)) if (e.isDirectory() && !e.name.startsWith('.')) info.permalinks[e.name] ??= wind.permalink;
        info.permalinks[path.basename(options.articlesDir)] ??= wind.permalink;
      }
      // The keys its collection schemas declare are the site's own, not typos.
      const contentConfig = astroContentConfig(root);
      const schemaKeys = astroSchemaKeys(contentConfig);
      if (schemaKeys.length > 0) info.frontMatterKeys = schemaKeys.map((k) => k.toLowerCase());
      // Nothing above names the author, but the collection schema gives every post one: what the
      // site's pages show for a post that names none, so the feed's author.
      const schemaAuthor = channel.values.author === undefined ? astroSchemaDefaultAuthor(contentConfig) : undefined;
      if (schemaAuthor && contentConfig) channel = { from: `${channel.from} and ${options.display(contentConfig.file)}`, values: { ...channel.values, author: schemaAuthor } };
      const glob = astroPostsGlob(contentConfig, root, options.articlesDir, options.display);
      if (glob) info.collectionGlob = glob;
      else if (contentConfig && /\bdefineCollection\s*\(/.test(contentConfig.text) && !/\bloader\s*:/.test(contentConfig.text)) info.legacyCollections = true;
      const routes = astroRoutes(root);
      if (routes) info.routes = routes;
      // A key a page's URL is made of is the site's own too.
      const slugKeys = Object.values(routes ?? {}).flatMap((r) => (r.slugKey ? [r.slugKey.toLowerCase()] : []));
      if (slugKeys.length > 0) info.frontMatterKeys = [...new Set([...(info.frontMatterKeys ?? []), ...slugKeys])].sort();
      const feedCollections = astroFeedCollections(endpoint);
      if (feedCollections) info.feedCollections = { names: feedCollections.names, file: options.display(feedCollections.file) };
      const i18n = astroI18n(i18nParts);
      if (i18n) {
        info.defaultLanguage = i18n.defaultLocale;
        info.languages = i18n.locales;
        info.defaultLanguageInSubdir = i18n.prefixDefaultLocale;
      } else if (Object.values(routes ?? {}).some((r) => r.langKey)) {
        // A route that puts posts of another `lang` under their locale needs only the default one.
        if (i18nParts?.defaultLocale) info.defaultLanguage = i18nParts.defaultLocale;
      }
      break;
    }
    case 'docusaurus': {
      const d = docusaurusSite(root);
      if (d?.link) info.baseUrl = d.link;
      // Docusaurus reads a date without a zone as UTC (blogUtils.ts: `new Date(`${date}Z`)`).
      info.timezone = 'UTC';
      info.trailingSlash = d?.trailingSlash ?? false;
      // `docusaurus build` writes `build/`.
      info.output = 'build';
      info.docusaurus = d?.settings ?? { routeBasePath: 'blog', authors: {}, tags: {} };
      info.frontMatterKeys = [...DOCUSAURUS_KEYS];
      // Admonitions (`:::note Title` … `:::`) are Docusaurus's own Markdown, and MDX its format.
      info.directives = true;
      contentRoot = d?.blogDir ?? path.join(root, 'blog');
      if (d) channel = channelOf(options.display(path.join(root, d.file)), { title: d.title, description: d.description, link: d.link, language: localeTag(d.language), author: undefined });
      break;
    }
    case 'pelican': {
      const p = pelicanSite(root);
      const url = baseUrl(p?.siteUrl);
      if (url) info.baseUrl = url;
      siteZone(p?.timezone);
      info.output = p?.output ?? 'output';
      info.trailingSlash = false;
      if (p) info.pelican = p.settings;
      // The metadata Pelican reads itself (its docs: "File metadata"), not typos.
      info.frontMatterKeys = ['category', 'modified', 'save_as', 'slug', 'status', 'summary', 'template', 'translation', 'url'];
      contentRoot = path.join(root, p?.contentDir ?? '');
      if (p) channel = channelOf(options.display(path.join(root, p.file)), { title: p.title, description: p.description, link: url, language: localeTag(p.language), author: p.author });
      break;
    }
    case 'nextjs': {
      const cfgText = readText(firstExisting(root, ['next.config.js', 'next.config.mjs', 'next.config.ts']) ?? '');
      info.trailingSlash = cfgText ? /\btrailingSlash\s*:\s*true\b/.test(cfgText) : false;
      const basePath = literalOption(cfgText, 'basePath', true);
      if (basePath) info.permalinks.basePath = basePath;
      info.output = literalOption(cfgText, 'distDir', true) ?? 'out';
      contentRoot = root;
      channel = nextChannel(root, options.display) ?? channel;
      const routes = nextRoutes(root);
      if (routes) info.routes = routes;
      break;
    }
  }
  // A JavaScript site's Markdown reads what the plugins its package.json names read (Jekyll's, Hugo's
  // and Zola's dialects come from their configs, above).
  if (preset === 'eleventy' || preset === 'astro' || preset === 'nextjs' || preset === 'docusaurus') markdownPlugins(info, dependencies());
  info.contentPrefix = relSlash(contentRoot, options.articlesDir);
  // Articles outside the content root (or a collection folder named by --articles): the folder's own name.
  if (!info.contentPrefix && path.resolve(contentRoot) !== path.resolve(options.articlesDir)) info.contentPrefix = path.basename(options.articlesDir);
  return { info, rootAbs: root, channel, ...(jekyll ? { jekyll } : {}), ...(hugo ? { hugo } : {}), ...(zola ? { zola } : {}), ...(ignoredZone ? { ignoredZone } : {}), ...(schemelessUrl ? { schemelessUrl } : {}) };
}

/** A host name with an optional port and path, written without `https://` (`example.dev`, `www.example.dev/blog`). */
const SCHEMELESS_URL = /^(?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:\/\S*)?$/i;

/** Hexo's default `permalink`. */
const HEXO_PERMALINK = ':year/:month/:day/:title/';

/** Front matter keys Hexo and its widespread themes (NexT, Butterfly, Fluid, Icarus) and plugins (hexo-abbrlink) read. */
const HEXO_KEYS = ['layout', 'permalink', 'published', 'comments', 'excerpt', 'disablenunjucks', 'lang', 'photos', 'photo', 'link', 'top', 'sticky', 'mathjax', 'katex', 'toc', 'abbrlink', 'id', 'keywords', 'cover', 'top_img', 'copyright', 'hide', 'index_img', 'banner_img', 'thumbnail', 'tag', 'category'];

/**
 * A Hexo site's base URL: `url`, in whose path the site's `root` already is when it is served
 * below a folder (`url: https://x.org/blog`, `root: /blog/`, as Hexo's docs ask); a `url` without
 * a path takes `root`'s.
 */
function hexoBaseUrl(url: string | undefined, root: string | undefined): string | undefined {
  const plain = baseUrl(url);
  if (!plain || !root) return plain;
  const rootPath = `/${root.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  return new URL(plain).pathname === '/' && rootPath !== '/' ? baseUrl(url, rootPath) : plain;
}

/**
 * Hexo's built-in tag plugins that a feed can show, as the site's own shortcodes for its
 * Liquid-rendered posts (src/sources/templates.ts): `{% youtube id %}` and `{% vimeo id %}` as links
 * to the video, `{% iframe url %}` and `{% link text url %}` as links, `{% asset_img %}`,
 * `{% asset_path %}` and `{% asset_link %}` from the post's asset folder, `{% post_link %}` and
 * `{% post_path %}` to another post, NexT's `{% note %}` box as a block quote.
 */
function hexoTags(c: Record<string, unknown>): Record<string, SiteShortcode> {
  // Pages ending in .html keep their assets in a folder of the page's name (`a/x.html` -> `a/x/`).
  const assets = /\.html?$/.test(asString(c.permalink) ?? HEXO_PERMALINK) ? 'beside' : 'inside';
  return {
    youtube: { kind: 'hexo', tag: 'youtube' },
    vimeo: { kind: 'hexo', tag: 'vimeo' },
    iframe: { kind: 'hexo', tag: 'iframe' },
    link: { kind: 'hexo', tag: 'link' },
    asset_img: { kind: 'hexo', tag: 'asset_img', assets },
    asset_image: { kind: 'hexo', tag: 'asset_img', assets },
    asset_path: { kind: 'hexo', tag: 'asset_path', assets },
    asset_link: { kind: 'hexo', tag: 'asset_link', assets },
    post_link: { kind: 'hexo', tag: 'post_link' },
    post_path: { kind: 'hexo', tag: 'post_path' },
    note: { kind: 'box' },
  };
}

/** A literal `<html lang="…">` (a language tag, not an expression) in a page's text; group 1 is the tag. */
const HTML_LANG = /<html\b[^>]*?\blang=["']([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)["']/;

/**
 * The language an Astro site's pages are written in, as its templates state it with a literal
 * `<html lang="zh-cmn-Hans">`: its layouts' (src/layouts/*.astro, in name order), else the one
 * most of its pages write (src/pages, two folders deep), when its config names none. 64 files of
 * 64 KB at most (a larger one is not read); a language written as an expression (`lang={lang}`) names nothing here.
 */
function astroLayoutLanguage(root: string): string | undefined {
  let budget = 64;
  const tagsIn = (dir: string, depth: number): string[] =>
    sortedEntries(dir).flatMap((e) => {
      if (budget <= 0) return [];
      if (e.isDirectory()) return depth > 0 && !e.name.startsWith('.') ? tagsIn(path.join(dir, e.name), depth - 1) : [];
      if (!e.isFile() || !e.name.endsWith('.astro')) return [];
      budget--;
      const tag = HTML_LANG.exec(readSmallText(path.join(dir, e.name), 64 * 1024) ?? '')?.[1];
      return tag ? [tag] : [];
    });
  const layout = tagsIn(path.join(root, 'src', 'layouts'), 0)[0];
  if (layout) return layout;
  const counts = new Map<string, number>();
  for (const tag of tagsIn(path.join(root, 'src', 'pages'), 2)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].reduce<[string, number] | undefined>((best, c) => (!best || c[1] > best[1] ? c : best), undefined)?.[0];
}

/**
 * A Next.js site's name and URL: Next.js has no site config, so its blogs keep them in a metadata
 * module of their own. Two shapes are common enough to read (as text, never run):
 * `data/siteMetadata.js` of the Tailwind Next.js starter and the Pliny library (`title`, `siteUrl`,
 * `description`, `language`/`locale`, `author`), and next-seo's `next-seo.config.js`
 * (`defaultTitle`/`openGraph.site_name`, `openGraph.url`, `openGraph.locale`). The first file
 * that names a title or URL is the channel's source.
 */
function nextChannel(root: string, display: (abs: string) => string): SiteChannel | undefined {
  const names = (base: string) => ['js', 'ts', 'mjs', 'cjs'].map((ext) => `${base}.${ext}`);
  const metadata = firstExisting(root, [...names('data/siteMetadata'), ...names('src/data/siteMetadata'), ...names('siteMetadata')]);
  const metaText = readText(metadata ?? '');
  if (metadata && metaText) {
    const link = baseUrl(shallowOption(metaText, 'siteUrl', 1));
    const title = shallowOption(metaText, 'title', 1);
    if (title || link) {
      return channelOf(display(metadata), {
        title,
        description: shallowOption(metaText, 'description', 1),
        link,
        language: localeTag(shallowOption(metaText, 'language', 1) ?? shallowOption(metaText, 'locale', 1)),
        author: asString(shallowOption(metaText, 'author', 1)),
      });
    }
  }
  const layout = nextLayoutChannel(root, display);
  if (layout) return layout;
  const seo = firstExisting(root, names('next-seo.config'));
  const seoText = readText(seo ?? '');
  const fromSeo = seo && seoText ? { title: shallowOption(seoText, 'defaultTitle', 2) ?? shallowOption(seoText, 'site_name', 2), description: shallowOption(seoText, 'description', 2), link: baseUrl(shallowOption(seoText, 'url', 2)), language: localeTag(shallowOption(seoText, 'locale', 2)) } : undefined;
  // The site's own feed code says what its feed is called and where the site is; next-seo fills in the rest.
  const feed = nextFeedCode(root);
  if (feed) {
    const defined = Object.fromEntries(Object.entries(feed.values).filter(([, v]) => v !== undefined));
    const files = [...new Set([...feed.files, ...(fromSeo && seo ? [seo] : [])])].map(display);
    return channelOf(files.join(' and '), { title: undefined, description: undefined, link: undefined, language: undefined, ...fromSeo, ...defined });
  }
  if (!seo || !fromSeo || (!fromSeo.title && !fromSeo.link)) return undefined;
  return channelOf(display(seo), fromSeo);
}

/**
 * A Next.js blog's own feed code: the literal options of its `new RSS({…})` (the `rss` package:
 * `title`, `description`, `site_url`, `language`) or `new Feed({…})` (the `feed` package: `title`,
 * `description`, `link`, `language`, `author.name`) call, each a literal or a reference into an
 * imported object (`site_url: site.url`, read by `codeValue`), never run. Looked for in the usual
 * code folders (lib, utils, scripts, app, pages; in src/ too), 3 levels deep, up to 300 files of
 * up to 200 KB; undefined when none names a title or site URL.
 */
function nextFeedCode(root: string): { values: { title?: string | undefined; description?: string | undefined; link?: string | undefined; language?: string | undefined; author?: string | undefined }; files: string[] } | undefined {
  let budget = 300;
  const files: string[] = [];
  const walk = (dir: string, depth: number): void => {
    for (const e of sortedEntries(dir)) {
      if (budget <= 0) return;
      const abs = path.join(dir, e.name);
      if (e.isDirectory() && depth < 3 && !e.name.startsWith('.') && e.name !== 'node_modules') walk(abs, depth + 1);
      else if (e.isFile() && /\.(?:[cm]?[jt]sx?)$/.test(e.name)) {
        budget -= 1;
        files.push(abs);
      }
    }
  };
  for (const dir of ['lib', 'utils', 'scripts', 'app', 'pages', 'src/lib', 'src/utils', 'src/app', 'src/pages']) walk(path.join(root, dir), 1);
  for (const file of files) {
    const text = statSync(file).size <= 200 * 1024 ? readText(file) : undefined;
    const call = text ? objectAt(text, /\bnew\s+(?:RSS|Feed)\s*\(\s*\{/.exec(text)) : undefined;
    if (!text || !call) continue;
    const read = new Set([file]);
    const value = (key: string): string | undefined => {
      const found = codeValue(root, file, text, writtenValue(call, key));
      for (const f of found?.files ?? []) read.add(f);
      return found?.value;
    };
    const author = objectAt(call, /\bauthor\s*:\s*\{/.exec(call));
    const values = {
      title: value('title'),
      description: value('description'),
      link: baseUrl(value('site_url') ?? value('link')),
      language: value('language'),
      author: author ? asString(shallowOption(author, 'name', 1)) : undefined,
    };
    if (values.title || values.link) return { values, files: [...read] };
  }
  return undefined;
}

/** A dynamic route segment: `[slug]`, `[...slug]`, `[[...slug]]`; group 1 is the parameter's name. */
const DYNAMIC_SEGMENT = /^\[{1,2}(?:\.\.\.)?([\w-]+)\]{1,2}$/;

/** A page route with one dynamic segment, last: its fixed segments, the page file, and the parameter's name. */
interface DynamicRoute {
  fixed: string[];
  file: string;
  param: string;
  /** Under a locale folder (`[lang]/`: every URL starts with the locale; `[...locale]/`: the default locale's may not). */
  locale?: 'required' | 'optional';
  /** Astro: the route writes the entry's path into its parameter (see idParamPrefix), and its front matter locale key, if any. */
  idParam?: boolean;
  langKey?: string;
}

/** A folder of a file-system router that puts the page's locale first in the URL (Astro's i18n recipe: `src/pages/[lang]/blog/[...slug].astro`). */
const LOCALE_FOLDER = /^\[(\.\.\.)?(?:lang|locale|language)\]$/i;

/**
 * The page routes of a file-system router whose last segment, and only that one, is dynamic:
 * a folder `[slug]` holding `page.tsx` (Next.js App Router; `index.*` for a pages router or
 * Astro) or a file `[slug].tsx`/`[...slug].astro` (pages router, Astro). Route groups `(name)`,
 * slots `@name` and `_private` folders are not in the URL. A bounded walk: 6 levels, 2,000 folders.
 */
function dynamicRoutes(root: string, dirs: readonly string[], folderPage: 'page' | 'index', extensions: readonly string[]): DynamicRoute[] {
  const routes: DynamicRoute[] = [];
  const ext = new RegExp(`\\.(?:${extensions.join('|')})$`);
  let budget = 2000;
  const walk = (dir: string, segments: string[], locale?: DynamicRoute['locale']) => {
    if (segments.length > 6 || budget-- <= 0) return;
    const entries = sortedEntries(dir);
    const fixed = segments.filter((seg) => !/^\(.*\)$|^@/.test(seg));
    if (fixed.some((seg) => DYNAMIC_SEGMENT.test(seg))) return;
    const route = (file: string, param: string): DynamicRoute => ({ fixed, file: path.relative(root, file).split(path.sep).join('/'), param, ...(locale ? { locale } : {}) });
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const localeFolder = e.isDirectory() && !locale ? LOCALE_FOLDER.exec(e.name) : null;
      const dynamic = DYNAMIC_SEGMENT.exec(e.isFile() ? e.name.replace(ext, '') : e.name);
      if (localeFolder) {
        walk(abs, segments, localeFolder[1] ? 'optional' : 'required');
      } else if (e.isDirectory() && dynamic) {
        const page = firstExisting(abs, extensions.map((x) => `${folderPage}.${x}`));
        if (page) routes.push(route(page, dynamic[1] as string));
      } else if (e.isDirectory() && !/^[_.]/.test(e.name) && e.name !== 'api' && e.name !== 'node_modules') {
        walk(abs, [...segments, e.name], locale);
      } else if (e.isFile() && dynamic && ext.test(e.name)) routes.push(route(abs, dynamic[1] as string));
    }
  };
  for (const dir of dirs) walk(path.join(root, dir), []);
  return routes;
}

/** Route parameters that list or page through posts (`[...page]`, `[tag]`), not one post's page. */
const LISTING_PARAMS = new Set(['page', 'tag', 'tags', 'category', 'categories', 'year', 'month', 'lang', 'locale', 'author']);

/**
 * Where a route is filed: by `key`; where two routes share a key, the shorter prefix wins
 * (`/posts` over `/en/posts`), then the first found.
 */
function routeTable(routes: readonly DynamicRoute[], keys: (route: DynamicRoute) => string[]): SiteInfo['routes'] {
  const table: NonNullable<SiteInfo['routes']> = {};
  for (const route of routes) {
    if (LISTING_PARAMS.has(route.param.toLowerCase())) continue;
    const prefix = `/${route.fixed.join('/')}`.replace(/\/$/, '');
    for (const key of keys(route)) {
      const known = table[key];
      if (!known || prefix.length < known.prefix.length) table[key] = { prefix, file: route.file, ...(route.locale ? { locale: route.locale } : {}), ...(route.langKey ? { langKey: route.langKey } : {}) };
    }
  }
  return Object.keys(table).length > 0 ? table : undefined;
}

/**
 * A Next.js site's post routes, keyed by the fixed segment before the dynamic one
 * (`app/blog/posts/[slug]/page.tsx` -> `posts`: `/blog/posts`), from `app/` and `pages/` (in `src/` too).
 */
function nextRoutes(root: string): SiteInfo['routes'] {
  const routes = [...dynamicRoutes(root, ['app', 'src/app'], 'page', ['tsx', 'jsx', 'ts', 'js', 'mdx']), ...dynamicRoutes(root, ['pages', 'src/pages'], 'index', ['tsx', 'jsx', 'ts', 'js', 'mdx'])];
  // The folder a route's code reads its posts from (`app/posts/[slug]/page.tsx` calling a loader
  // that reads `src/contents/blog`: `blog` is served at `/posts`) says more than the route's name.
  // A route named like the folder still wins, and a folder read by routes at different places
  // (one loader module for every section) names none.
  const named = routeTable(routes, (r) => (r.fixed.length > 0 ? [r.fixed[r.fixed.length - 1] as string] : []));
  const pages = routes.filter((r) => !LISTING_PARAMS.has(r.param.toLowerCase()));
  const reads = new Map(pages.map((r) => [r, foldersCodeReads(root, r.file).map((f) => path.posix.basename(f))]));
  const places = new Map<string, Set<string>>();
  for (const [r, keys] of reads) for (const key of keys) places.set(key, (places.get(key) ?? new Set()).add(r.fixed.join('/')));
  const read = routeTable(pages, (r) => (reads.get(r) ?? []).filter((key) => places.get(key)?.size === 1));
  return read || named ? { ...read, ...named } : undefined;
}

/**
 * AstroWind's site config, `src/config.yaml`, as its vendor integration reads it (a `site` map and
 * an `apps` map mark it): the site's address (`site.site` + `site.base`), name (`metadata.title.default`,
 * else `site.name`), description and language (`i18n.language`), whether its URLs end in "/"
 * (`site.trailingSlash`, false by default), and the posts' permalink (`apps.blog.post.permalink`,
 * `/blog/%slug%` by default; `%slug%`, `%id%`, `%category%` and the date's parts) as a pattern of
 * feedwright's tokens. Undefined for any other site.
 */
function astroWindConfig(root: string): { file: string; url: string | undefined; title: string | undefined; description: string | undefined; language: string | undefined; author: string | undefined; trailingSlash: boolean; permalink: string } | undefined {
  const file = path.join(root, 'src', 'config.yaml');
  const c = existsSync(file) ? readData(file) : undefined;
  const site = asRecord(c?.site);
  if (!c || !site || !asRecord(c.apps)) return undefined;
  const metadata = asRecord(c.metadata);
  const written = asString(asRecord(asRecord(asRecord(c.apps)?.blog)?.post)?.permalink) ?? '/blog/%slug%';
  const trailingSlash = site.trailingSlash === true;
  const tokens = written.replace(/%(slug|id|category|year|month|day|hour|minute|second)%/g, ':$1');
  const permalink = `/${tokens.split('/').filter(Boolean).join('/')}${trailingSlash ? '/' : ''}`;
  return {
    file,
    url: baseUrl(asString(site.site), asString(site.base)),
    title: asString(asRecord(metadata?.title)?.default) ?? asString(site.name),
    description: asString(metadata?.description),
    language: localeTag(asString(asRecord(c.i18n)?.language)),
    author: asString(metadata?.author),
    trailingSlash,
    permalink,
  };
}

/**
 * An Astro site's post routes, keyed by the content collection each page route reads
 * (`getCollection("blog")` or `CollectionEntry<"blog">` in `src/pages/posts/[...slug].astro` ->
 * `blog`: `/posts`): AstroPaper serves its `blog` collection at `/posts/<id>/`. Page files are read
 * up to 256 KB each.
 */
function astroRoutes(root: string): SiteInfo['routes'] {
  const found = dynamicRoutes(root, ['src/pages'], 'index', ['astro', 'md', 'mdx']);
  const texts = new Map(found.map((r) => [r.file, readText(path.join(root, r.file))?.slice(0, 256 * 1024) ?? '']));
  const collections = (r: DynamicRoute): string[] => [...new Set([...(texts.get(r.file) ?? '').matchAll(/\b(?:getCollection|getEntry|CollectionEntry\s*<)\s*\(?\s*["'`]([\w-]+)["'`]/g)].map((m) => m[1] as string))];
  // A catch-all route may write the post's path into its parameter (Retypeset's `[...posts_slug].astro`:
  // `params: { posts_slug: \`posts/${slug}/\` }`): the fixed text before the entry's id is part of
  // the URL, and such a route, not a listing route reading the same collection, serves the posts.
  const split = astroSplitIdRoutes(root);
  for (const r of split) texts.set(r.file, readText(path.join(root, r.file))?.slice(0, 256 * 1024) ?? '');
  const routes = [
    ...found.map((r): DynamicRoute => {
      const written = idParamPrefix(texts.get(r.file) ?? '', r.param);
      return written ? { ...r, fixed: [...r.fixed, ...written.segments], idParam: true, ...(written.langKey ? { langKey: written.langKey } : {}) } : r;
    }),
    ...split,
  ];
  const served = new Set(routes.flatMap((r) => (r.idParam ? collections(r) : [])));
  const table = routeTable(routes, (r) => collections(r).filter((c) => r.idParam || !served.has(c)));
  // A page whose URL takes a front matter key before the entry's id (`slug: post.data.abbrlink ||
  // post.id`, as blogs moved from Hexo keep their old links): that key names the page.
  for (const route of Object.values(table ?? {})) {
    const key = /\b[A-Za-z_$][\w$]*\.data\.([A-Za-z_$][\w$]*)\s*(?:\|\||\?\?)\s*[A-Za-z_$][\w$]*\.(?:id|slug)\b/.exec(texts.get(route.file) ?? '')?.[1];
    if (key) route.slugKey = key;
  }
  return table;
}

/**
 * Astro routes whose dynamic folder and dynamic file take an entry's id apart, one segment each
 * (`src/pages/[category]/[slug].astro` with `const category = entry.id.split("/")[0]`, `const slug =
 * entry.id.split("/")[1]` or `const [category, slug] = entry.id.split("/")`, and `params: { category,
 * slug }`): the page's path is the whole id (`diary/first` at `/diary/first`) after the route's fixed
 * segments. Read as text, never run; a route that makes its parameters any other way is not one.
 */
function astroSplitIdRoutes(root: string): DynamicRoute[] {
  const out: DynamicRoute[] = [];
  let budget = 500;
  const walk = (dir: string, fixed: string[]) => {
    if (fixed.length > 4 || budget-- <= 0) return;
    for (const e of sortedEntries(dir)) {
      if (!e.isDirectory() || /^[_.]/.test(e.name) || e.name === 'node_modules') continue;
      const folderParam = /^\[([\w-]+)\]$/.exec(e.name)?.[1];
      if (!folderParam) {
        walk(path.join(dir, e.name), [...fixed, e.name]);
        continue;
      }
      for (const f of sortedEntries(path.join(dir, e.name))) {
        const fileParam = f.isFile() ? /^\[([\w-]+)\]\.astro$/.exec(f.name)?.[1] : undefined;
        if (!fileParam) continue;
        const file = path.relative(root, path.join(dir, e.name, f.name)).split(path.sep).join('/');
        const text = readText(path.join(root, file))?.slice(0, 256 * 1024) ?? '';
        const at = splitIdVariables(text);
        const params = /\bparams\s*:\s*\{([^{}]*)\}/.exec(text)?.[1] ?? '';
        const variable = (param: string): string | undefined => {
          const m = new RegExp(`(?:^|[,\\s])${param}\\s*(?::\\s*([A-Za-z_$][\\w$]*))?\\s*(?:,|$)`).exec(params.trim());
          return m ? (m[1] ?? param) : undefined;
        };
        const [a, b] = [variable(folderParam), variable(fileParam)];
        if (a !== undefined && b !== undefined && at.get(a) === 0 && at.get(b) === 1) out.push({ fixed, file, param: fileParam, idParam: true });
      }
    }
  };
  walk(path.join(root, 'src/pages'), []);
  return out;
}

/** The variables a page sets to a segment of an entry's id: `x = entry.id.split("/")[0]`, or `[x, y] = entry.id.split("/")`. */
function splitIdVariables(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const split = String.raw`[A-Za-z_$][\w$.]*\.id\.split\(\s*["'\`]/["'\`]\s*\)`;
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*${split}\s*\[\s*(\d)\s*\]`, 'g'))) out.set(m[1] as string, Number(m[2]));
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:const|let|var)\s*\[\s*([A-Za-z_$][\w$]*)\s*,\s*([A-Za-z_$][\w$]*)\s*\]\s*=\s*${split}`, 'g'))) {
    out.set(m[1] as string, 0);
    out.set(m[2] as string, 1);
  }
  return out;
}

/**
 * The fixed path segments a catch-all route writes before an entry's id in its parameter
 * (`posts_slug: \`posts/${slug}/\`` with `const slug = post.data.abbrlink || post.id`, or
 * `\`notes/${entry.id}\``): ['posts'], or undefined when no value of the parameter is written so.
 */
function idParamPrefix(text: string, param: string): { segments: string[]; langKey?: string } | undefined {
  if (!text.includes('`')) return undefined;
  const idVars = new Set([...text.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*[^;\n]*?\.(?:id|slug)\b/g)].map((m) => m[1] as string));
  const isId = (expr: string): boolean => idVars.has(expr) || /^[A-Za-z_$][\w$]*\.(?:id|slug)$/.test(expr);
  const escaped = param.replace(/[^\w]/g, (c) => `\\${c}`);
  const values = [...text.matchAll(new RegExp(`\\b${escaped}\\s*:\\s*\`([^\`]*)\``, 'g'))].map((m) => m[1] as string);
  for (const value of values) {
    const at = /^([\w.~-]+(?:\/[\w.~-]+)*)\/\$\{\s*([^}]+?)\s*\}/.exec(value);
    if (!at || !isId(at[2] as string)) continue;
    const prefix = at[1] as string;
    // The same path after a locale (`${lang}/posts/${slug}/`), where the locale is the post's
    // front matter `lang` (`post.data.lang === lang`): that key puts a post in its locale's URL.
    const localized = values.some((v) => v.startsWith('${') && v.includes(`}/${prefix}/\${`));
    const langKey = localized ? /\b[A-Za-z_$][\w$]*\.data\.(lang|language|locale)\b/.exec(text)?.[1] : undefined;
    return { segments: prefix.split('/'), ...(langKey ? { langKey } : {}) };
  }
  return undefined;
}

/**
 * The App Router's own site metadata: `export const metadata = { metadataBase: new URL("…"),
 * title: "…" | { default: "…" }, description, authors: [{ name }] | creator }` in the root layout
 * (`app/layout.tsx`, `src/app/layout.tsx`), and its `<html lang="…">`. A value may also be a key of
 * a constant object imported from the site's own modules (`new URL(siteConfig.url)` with
 * `import { siteConfig } from '@/config/site'`), read there as a literal. Read as text, never run.
 */
function nextLayoutChannel(root: string, display: (abs: string) => string): SiteChannel | undefined {
  const file = firstExisting(root, ['app', 'src/app'].flatMap((dir) => ['tsx', 'jsx', 'ts', 'js'].map((ext) => `${dir}/layout.${ext}`)));
  const text = readText(file ?? '');
  const object = text ? objectAt(text, /\bexport\s+const\s+metadata\b[^=]*=\s*\{/.exec(text)) : undefined;
  if (!file || !text || !object) return undefined;
  const sources = new Set([file]);
  const value = (expr: string | undefined): string | undefined => {
    const found = codeValue(root, file, text, expr);
    for (const f of found?.files ?? []) sources.add(f);
    return found?.value;
  };
  const titleObject = objectAt(object, /\btitle\s*:\s*\{/.exec(object));
  // The root layout's title is the home page's: "Home - wuxinhua.com" names the site without its "Home".
  const title = value(titleObject ? writtenValue(titleObject, 'default') : writtenValue(object, 'title'))
    ?.replace(/^home\s*[-|–—·:]\s*(?=\S)/i, '')
    .replace(/(?<=\S)\s*[-|–—·:]\s*home$/i, '');
  // The site's URL: `metadataBase`, else the Open Graph `url` the home page declares.
  const openGraph = nestedObject(object, 'openGraph');
  const link = baseUrl(value(/\bmetadataBase\s*:\s*new\s+URL\(\s*([^)]+?)\s*\)/.exec(object)?.[1])) ?? baseUrl(value(openGraph ? writtenValue(openGraph, 'url') : undefined));
  if (!title && !link) return undefined;
  const authors = objectAt(object, /\bauthors\s*:\s*\[/.exec(object));
  const author = (authors ? shallowOption(authors, 'name', 2) : undefined) ?? value(writtenValue(object, 'creator'));
  const language = HTML_LANG.exec(text)?.[1];
  return channelOf([...sources].map(display).join(' and '), { title, description: value(writtenValue(object, 'description')), link, language, author: asString(author) });
}

/** A JS/TS string literal without escapes or interpolation, whole; group 1, 2 or 3 is its text. */
const STRING_LITERAL = /^(?:"([^"\\\n]*)"|'([^'\\\n]*)'|`([^`$\\]*)`)$/;

/** A value expression code-reading follows: a string literal or a member path (`SITE.website`, `config.site.url`). */
const VALUE_EXPRESSION = /"[^"\\\n]*"|'[^'\\\n]*'|`(?:[^`$\\]|\$\{\s*[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*\})*`|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?![\w$(.])/.source;

/** A template literal whose placeholders are names or member paths only: `${SITE_NAME} Blog`. */
const NAMED_TEMPLATE = /^`((?:[^`$\\]|\$\{\s*[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*\})*)`$/;

/** The expression written for `key` at the top level of an object literal's text (which starts with its `{`). */
function writtenValue(object: string, key: string): string | undefined {
  const matches = [...object.matchAll(new RegExp(String.raw`\b${key}\s*:\s*(${VALUE_EXPRESSION})`, 'g'))];
  const depths = nestingAt(object, matches.map((m) => m.index));
  return matches.find((m) => depths.get(m.index) === 1)?.[1];
}

/**
 * The object literal a name stands for in a module's text: `const NAME = {…}` (or `= defineX({…})`)
 * in it, a member path another local name gives (`const NAME = config.site`), or the object a
 * module it imports NAME from declares (`import { SITE } from "./src/config"`, `import
 * config from "@/config"`, which is that module's `export default {…}`, `export default
 * defineX({…})` or `export default name`).
 */
function namedObject(root: string, file: string, text: string, name: string, hops: number): { file: string; text: string; object: string } | undefined {
  if (hops <= 0) return undefined;
  const local = objectAt(text, new RegExp(String.raw`\b(?:const|let|var)\s+${name}\b[^=;]*=\s*(?:[\w$.]+\s*\(\s*)?\{`).exec(text));
  if (local) return { file, text, object: local };
  // `export const SITE = typedConfig.site` (with `const typedConfig = config as {…}`): the object
  // at that member path of the object the other name stands for.
  const member = localAlias(text, name);
  const aliased = member && member.split('.')[0] !== name ? objectRef(root, file, text, member, hops - 1) : undefined;
  if (aliased) return aliased;
  const imported = importedBinding(root, file, text, name);
  if (imported) return namedObject(root, imported.file, imported.text, imported.name, hops - 1);
  // A default import, or CommonJS's `const name = require('./x')` (module.exports = { … }).
  const spec =
    new RegExp(String.raw`\bimport\s+${name}\s*(?:,\s*\{[^}]*\}\s*)?\s+from\s*["']([^"']+)["']`).exec(text)?.[1] ??
    new RegExp(String.raw`\b(?:const|let|var)\s+${name}\s*=\s*require\(\s*["']([^"']+)["']\s*\)`).exec(text)?.[1];
  const target = spec ? moduleFile(root, file, spec) : undefined;
  const source = readText(target ?? '');
  if (!target || !source) return undefined;
  const object = objectAt(source, /\b(?:export\s+default|module\.exports\s*=)\s*(?:[\w$.]+\s*\(\s*)?\{/.exec(source));
  if (object) return { file: target, text: source, object };
  const alias = /\bexport\s+default\s+([A-Za-z_$][\w$]*)\s*;?\s*$/m.exec(source)?.[1];
  return alias ? namedObject(root, target, source, alias, hops - 1) : undefined;
}

/** The module a named import of `name` comes from (`import { A as name } from './x'`), its text, and the name it exports it under. */
function importedBinding(root: string, file: string, text: string, name: string): { file: string; text: string; name: string } | undefined {
  const named = /\bimport\s*(?:type\s+)?(?:[A-Za-z_$][\w$]*\s*,\s*)?\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;
  for (const m of text.matchAll(named)) {
    const binding = (m[1] as string).split(',').map((b) => b.trim().split(/\s+as\s+/)).find((b) => (b[1] ?? b[0]) === name);
    const target = binding ? moduleFile(root, file, m[2] as string) : undefined;
    const source = readText(target ?? '');
    if (target && source && binding) return { file: target, text: source, name: binding[0] as string };
  }
  return undefined;
}

/**
 * The string an expression in a site's code stands for, read as text and never run: a string
 * literal, or a member path (`SITE.website`, `siteConfig.url`, `config.site.url`) into object
 * literals of the file or of the site's modules it imports, through nested objects, other member
 * paths and spreads (`site: userConfig.site`, `{ ...userConfig.site }`), at most 4 references deep.
 * With it, the object literal that holds the value (whose other keys describe the same thing), and
 * the files read. Undefined for anything computed.
 */
function codeValue(root: string, file: string, text: string, expr: string | undefined, hops = 4): { value: string; holder?: string; files: string[] } | undefined {
  if (!expr || hops <= 0) return undefined;
  const literal = STRING_LITERAL.exec(expr.trim());
  if (literal) {
    const value = asString(literal[1] ?? literal[2] ?? literal[3]);
    return value ? { value, files: [file] } : undefined;
  }
  // `${CMS_NAME} Blog`: each placeholder read as a value of its own; all of them, or nothing.
  const template = NAMED_TEMPLATE.exec(expr.trim());
  if (template) {
    const files = new Set([file]);
    let ok = true;
    const value = (template[1] as string).replace(/\$\{\s*([^}\s]+)\s*\}/g, (_m, inner: string) => {
      const found = ok ? codeValue(root, file, text, inner, hops - 1) : undefined;
      if (!found) ok = false;
      for (const f of found?.files ?? []) files.add(f);
      return found?.value ?? '';
    });
    return ok && asString(value) ? { value: asString(value) as string, files: [...files] } : undefined;
  }
  const [name, ...keys] = expr.trim().split('.');
  if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
  if (keys.length === 0) {
    // A local name: `const siteUrl = SITE.url` or `const { url: siteUrl } = themeConfig.site`.
    const aliased = localAlias(text, name);
    if (aliased) return codeValue(root, file, text, aliased, hops - 1);
    // A constant another module exports (`import { SITE_TITLE } from '@/consts'`, where
    // `export const SITE_TITLE = 'blog'`): read there.
    const imported = importedBinding(root, file, text, name);
    const found = imported ? codeValue(root, imported.file, imported.text, imported.name, hops - 1) : undefined;
    return found ? { ...found, files: [...new Set([file, ...found.files])] } : undefined;
  }
  const start = namedObject(root, file, text, name, hops);
  if (!start) return undefined;
  return objectPath(root, start, start.object, keys, hops - 1, file === start.file ? [file] : [file, start.file]);
}

/** A member path (`themeConfig.site`) or string literal, as code writes one on the right of a declaration. */
const PATH_OR_STRING = String.raw`([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*|"[^"\n]*"|'[^'\n]*')`;

/**
 * What a local name of a module stands for, as a member path or string literal: `const siteUrl =
 * SITE.url` gives `SITE.url`; a destructuring `const { url: siteUrl, title } = themeConfig.site`
 * gives `themeConfig.site.url` for `siteUrl` (and `themeConfig.site.title` for `title`). Read as
 * text; undefined for anything else (a call, a computed value).
 */
function localAlias(text: string, name: string): string | undefined {
  const plain = new RegExp(String.raw`\b(?:const|let|var)\s+${name}\s*=\s*${PATH_OR_STRING}\s*(?:;|\n|$|(?:as|satisfies)\s)`).exec(text);
  if (plain) return plain[1];
  // The production value an environment variable overrides: `const siteUrl = process.env.SITE_URL ?? "https://x.example"`
  // (a development server's address, `|| "http://localhost:3000"`, is no site's).
  const fallback = new RegExp(String.raw`\b(?:const|let|var)\s+${name}\s*(?::\s*string\s*)?=\s*process\.env\.[A-Za-z_]\w*\s*(?:\|\||\?\?)\s*("[^"\\\n]+"|'[^'\\\n]+')\s*(?:;|\n|$)`).exec(text);
  if (fallback && !/^["']https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?:[:/]|["']$)/i.test(fallback[1] as string)) return fallback[1];
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:const|let|var)\s*\{([^{}]*)\}\s*=\s*${PATH_OR_STRING}`, 'g'))) {
    for (const binding of (m[1] as string).split(',')) {
      const [key, alias] = binding.split('=')[0]?.split(':').map((part) => part.trim()) ?? [];
      if (key && /^[A-Za-z_$][\w$]*$/.test(key) && (alias ?? key) === name && !(m[2] as string).startsWith('"') && !(m[2] as string).startsWith("'")) return `${m[2]}.${key}`;
    }
  }
  return undefined;
}

/** The object literal written as `key: {…}` at the top level of an object literal, if there is one. */
function nestedObject(object: string, key: string): string | undefined {
  const nested = [...object.matchAll(new RegExp(String.raw`\b${key}\s*:\s*\{`, 'g'))];
  const depths = nestingAt(object, nested.map((m) => m.index));
  return objectAt(object, nested.find((m) => depths.get(m.index) === 1) ?? null);
}

/** The value at `keys` inside an object literal of the module `at` (its file and text; see codeValue). */
function objectPath(root: string, at: { file: string; text: string }, object: string, keys: string[], hops: number, files: string[]): { value: string; holder?: string; files: string[] } | undefined {
  const [key, ...rest] = keys;
  if (!key || hops < 0) return undefined;
  const { file, text: source } = at;
  const written = writtenValue(object, key);
  if (written !== undefined) {
    if (rest.length === 0 && STRING_LITERAL.test(written)) {
      const value = asString(STRING_LITERAL.exec(written)?.slice(1).find((g) => g !== undefined));
      return value ? { value, holder: object, files } : undefined;
    }
    const found = codeValue(root, file, source, [written, ...rest].join('.'), hops);
    return found ? { ...found, files: [...new Set([...files, ...found.files])] } : undefined;
  }
  const inner = nestedObject(object, key);
  if (inner) return rest.length > 0 ? objectPath(root, at, inner, rest, hops, files) : undefined;
  // A key not written here may come with a spread of another object (`...userConfig.site`).
  const spreads = [...object.matchAll(/\.\.\.\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/g)];
  const spreadDepths = nestingAt(object, spreads.map((m) => m.index));
  for (const m of spreads.filter((sp) => spreadDepths.get(sp.index) === 1)) {
    const found = codeValue(root, file, source, `${m[1]}.${keys.join('.')}`, hops);
    if (found) return { ...found, files: [...new Set([...files, ...found.files])] };
  }
  return undefined;
}

/**
 * The Eleventy input folder (relative to the site root) as its layout shows it: the nearest
 * folder from the articles up to the root that holds `_data` or `_includes`; undefined for none.
 */
function eleventyInputAbove(root: string, articlesDir: string): string | undefined {
  for (let dir = path.resolve(articlesDir); isInside(root, dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '_data')) || existsSync(path.join(dir, '_includes'))) return path.relative(root, dir) || '.';
    if (dir === path.resolve(root)) break;
  }
  return undefined;
}

/**
 * What an Eleventy data object naming the site says (global `metadata`, a feed template's
 * `metadata`): the base of its page URLs, and the channel values, the description from the first
 * of `descriptionKeys` that holds one. Eleventy's page URLs are root-relative ("/blog/post/"): the
 * feed plugin and `htmlBaseUrl` resolve them against the site URL, so a path in that URL is not a
 * prefix; `pathPrefix` in the config is.
 */
function eleventySite(data: Record<string, unknown>, cfgText: string | undefined, descriptionKeys: readonly string[]): { url: string | undefined; values: Parameters<typeof channelOf>[1] } {
  const siteUrl = asString(SITE_URL_KEYS.map((k) => data[k]).find((v) => typeof v === 'string'));
  return {
    url: eleventyBase(siteUrl, shallowestOption(cfgText, 'pathPrefix')),
    values: {
      title: asString(data.title),
      description: descriptionKeys.map((k) => asString(data[k])).find((v) => v !== undefined),
      link: baseUrl(siteUrl),
      language: asString(data.language),
      author: personValue(data.author),
    },
  };
}

/** An Eleventy site's config file's text (the first of its names that exists), or undefined. */
export function eleventyConfigText(root: string): string | undefined {
  const file = firstExisting(root, ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', '.eleventy.js']);
  return file ? readText(file) : undefined;
}

/** The keys an Eleventy site's global data names its URL by: `url` in the base blog's metadata; `baseUrl`, `siteUrl` and the like elsewhere. */
const SITE_URL_KEYS = ['url', 'baseUrl', 'baseURL', 'siteUrl', 'siteURL', 'site_url', 'base_url'];

/**
 * The literal strings of a data file written as code (`export default { title: "…", author: {
 * name: "…" } }`, `module.exports = {…}`), read as text and never run: the keys of its top-level
 * object, and the `author` object's name, email and url. A value computed in code is not there.
 */
function literalData(text: string | undefined, depth = 0): Record<string, unknown> | undefined {
  if (!text) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of ['title', 'description', 'language', ...SITE_URL_KEYS, 'author']) {
    const value = shallowOption(text, key, 1) ?? (SITE_URL_KEYS.includes(key) ? envDefault(text, key) : undefined);
    if (value !== undefined) out[key] = value;
  }
  // Eleventy Excellent's `_data/meta.js` names them siteName, siteDescription, lang, authorName and authorEmail.
  for (const [key, alias] of [['title', 'siteName'], ['description', 'siteDescription'], ['language', 'lang']] as const) {
    if (out[key] === undefined) {
      const value = shallowOption(text, alias, 1);
      if (value !== undefined) out[key] = value;
    }
  }
  const authorName = out.author === undefined ? shallowOption(text, 'authorName', 1) : undefined;
  if (authorName !== undefined) {
    const email = shallowOption(text, 'authorEmail', 1);
    out.author = { name: authorName, ...(email !== undefined ? { email } : {}) };
  }
  // The site's values one object down (`module.exports = { site: { title, url } }`, Eleventy Bliss's siteConfig.js),
  // or in the object a data function returns (`module.exports = async function () { …; return { title, url } }`).
  if (out.title === undefined && !SITE_URL_KEYS.some((k) => out[k] !== undefined) && depth === 0) {
    const inner = literalData(nestedObject(text, 'site'), 1) ?? literalData(returnedObject(text), 1);
    if (inner) return inner;
  }
  if (out.author === undefined) {
    const open = /\bauthor\s*:\s*\{/.exec(text);
    const inner = open && (nestingAt(text, [open.index]).get(open.index) ?? 0) === 1 ? objectAt(text, open) : undefined;
    if (inner) {
      const person = Object.fromEntries(['name', 'email', 'url'].map((k) => [k, shallowOption(inner, k, 1)]).filter(([, v]) => v !== undefined));
      if (person.name) out.author = person;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The object literal a module's exported data function returns, read as text: the last `return {`
 * directly in the body of a function at the module's top level (Eleventy's `module.exports =
 * async function () { … return { title, url } }`). Undefined when there is none.
 */
function returnedObject(text: string): string | undefined {
  if (!/\bexport\s+default\s+(?:async\s+)?function\b|\bmodule\.exports\s*=\s*(?:async\s+)?(?:function\b|\([^()]*\)\s*=>)/.test(text)) return undefined;
  const returns = [...text.matchAll(/\breturn\s*\{/g)];
  const depths = nestingAt(text, returns.map((m) => m.index));
  const last = returns.filter((m) => depths.get(m.index) === 1).pop();
  return last ? objectAt(text, last) : undefined;
}

/**
 * `url: process.env.URL || "https://site.example/"` (a key of the top-level object): the literal a
 * build without that variable uses, which is the production URL the comment beside it usually names.
 */
function envDefault(text: string, key: string): string | undefined {
  const pattern = new RegExp(String.raw`\b${key}\s*:\s*process\.env\.[A-Za-z_]\w*\s*(?:\|\||\?\?)\s*(?:"([^"\\\n]+)"|'([^'\\\n]+)')`, 'g');
  const matches = [...text.matchAll(pattern)];
  const depths = nestingAt(text, matches.map((m) => m.index));
  const m = matches.find((x) => depths.get(x.index) === 1);
  const value = m ? (m[1] ?? m[2]) : undefined;
  // A development server's address (`process.env.URL || 'http://localhost:8080'`) is no site URL.
  return value !== undefined && /^https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?:[:/]|$)/i.test(value) ? undefined : value;
}

/** An Eleventy site's base for page URLs: the site URL's origin and the config's `pathPrefix`. */
function eleventyBase(siteUrl: string | undefined, pathPrefix: string | undefined): string | undefined {
  if (!siteUrl) return undefined;
  try {
    return baseUrl(new URL(siteUrl).origin, pathPrefix);
  } catch {
    return undefined;
  }
}

/**
 * The object literal an expression stands for: a local or imported name (`namedObject`) and a
 * member path into it (`siteConfig.i18n`), with the module it is written in. Read as text, at most
 * `hops` names deep; undefined for anything computed (or a string literal).
 */
function objectRef(root: string, file: string, text: string, expr: string, hops = 4): { file: string; text: string; object: string } | undefined {
  const [head, ...keys] = expr.trim().split('.');
  const base = head && /^[A-Za-z_$][\w$]*$/.test(head) ? namedObject(root, file, text, head, hops) : undefined;
  const object = base && keys.reduce<string | undefined>((inner, key) => (inner ? nestedObject(inner, key) : undefined), base.object);
  return base && object ? { ...base, object } : undefined;
}

/**
 * An Astro config's `i18n` object: its text and that of objects spread into it at its top level,
 * and its `defaultLocale`, written literally or as a reference into the site's modules
 * (`defaultLocale: locale` with `const locale = themeConfig.global.locale`).
 */
function astroI18nParts(root: string, cfgFile: string | undefined, cfgText: string | undefined): { parts: string[]; defaultLocale?: string } | undefined {
  const config = cfgText ? objectAt(cfgText, /(?:\bdefineConfig\s*\(\s*|\bexport\s+default\s+)\{/.exec(cfgText)) : undefined;
  const written = config ? nestedObject(config, 'i18n') : undefined;
  if (!cfgFile || !cfgText || !written) return undefined;
  // The keys written here, then those of objects spread into it at its top level.
  const spreads = [...written.matchAll(/\.\.\.\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/g)];
  const depths = nestingAt(written, spreads.map((m) => m.index));
  const parts = [written, ...spreads.filter((m) => depths.get(m.index) === 1).flatMap((m) => objectRef(root, cfgFile, cfgText, m[1] as string)?.object ?? [])];
  const defaultLocale = parts.map((part) => shallowOption(part, 'defaultLocale', 1)).find((v) => v !== undefined) ?? codeValue(root, cfgFile, cfgText, writtenValue(written, 'defaultLocale'))?.value;
  return { parts, ...(defaultLocale ? { defaultLocale } : {}) };
}

/**
 * An Astro config's i18n routing (`i18n: { locales, defaultLocale, routing: { prefixDefaultLocale } }`),
 * as astroI18nParts reads it from the config and the objects spread into it (`...siteConfig.i18n`):
 * the locales as URL segments (a locale object's `path`), the default one, and whether its pages are
 * under its own folder too (Astro's default: not). Undefined without one or with fewer than two locales.
 */
function astroI18n(found: ReturnType<typeof astroI18nParts>): { locales: string[]; defaultLocale: string; prefixDefaultLocale: boolean } | undefined {
  if (!found) return undefined;
  const { parts, defaultLocale } = found;
  const list = parts.map((part) => objectAt(part, /\blocales\s*:\s*\[/.exec(part))).find((v) => v !== undefined);
  if (!defaultLocale || !list) return undefined;
  const listDepths = (pattern: RegExp) => {
    const found = [...list.matchAll(pattern)];
    const at = nestingAt(list, found.map((m) => m.index));
    return found.filter((m) => at.get(m.index) === 1).map((m) => (m[1] ?? m[2]) as string);
  };
  // `["en", "zh-cn"]`, or `[{ path: "spanish", codes: ["es"] }]` whose path is the URL's segment.
  const locales = [...new Set([...listDepths(/"([\w-]+)"|'([\w-]+)'/g), ...[...list.matchAll(/\bpath\s*:\s*["']([\w-]+)["']/g)].map((m) => m[1] as string)])];
  if (locales.length < 2 || !locales.includes(defaultLocale)) return undefined;
  return { locales, defaultLocale, prefixDefaultLocale: parts.some((part) => /\bprefixDefaultLocale\s*:\s*true\b/.test(part)) };
}

/** An Astro config's `site` written as a reference (`site: SITE.website`), resolved by `codeValue`. */
function astroSiteCode(root: string, cfgFile: string | undefined, cfgText: string | undefined): ReturnType<typeof codeValue> {
  if (!cfgFile || !cfgText) return undefined;
  const object = objectAt(cfgText, /(?:\bdefineConfig\s*\(\s*|\bexport\s+default\s+)\{/.exec(cfgText));
  return object ? codeValue(root, cfgFile, cfgText, writtenValue(object, 'site')) : undefined;
}

/**
/**
 * An Astro site's feed endpoint: `src/pages/rss.xml.js` (`.ts`, `.mjs`; `feed.xml`, `atom.xml`,
 * `rss`, `feed`), at the top of the pages or in a locale folder (`[...locale]/feed.xml.ts`, one feed per locale).
 */
function astroFeedEndpoint(root: string): string | undefined {
  const pages = path.join(root, 'src', 'pages');
  const names = ['rss.xml', 'feed.xml', 'atom.xml', 'rss', 'feed'].flatMap((name) => ['js', 'ts', 'mjs'].map((ext) => `${name}.${ext}`));
  const localeDirs = sortedEntries(pages).filter((e) => e.isDirectory() && LOCALE_FOLDER.test(e.name));
  return firstExisting(pages, names) ?? localeDirs.map((e) => firstExisting(path.join(pages, e.name), names)).find((f) => f !== undefined);
}

/** The content collections an Astro site's feed endpoint reads (`getCollection("note")`), read as text; undefined when it names none. */
function astroFeedCollections(file: string | undefined): { names: string[]; file: string } | undefined {
  const text = readText(file ?? '')?.slice(0, 256 * 1024);
  const names = [...new Set([...(text ?? '').matchAll(/\bgetCollection\s*\(\s*["'`]([\w-]+)["'`]/g)].map((m) => m[1] as string))];
  return file && names.length > 0 ? { names, file } : undefined;
}

/**
 * The `title`, `description` and `<language>` (in `customData`) of the `rss({…})` call (or the
 * feed package's `new Feed({…})`) in an Astro site's feed endpoint (`src/pages/rss.xml.js`, `.ts`,
 * `.mjs`; `feed.xml`, `atom.xml`, `rss.js`; in a locale folder `[...locale]/` too): literals, or
 * references into the site's config (`title: SITE.title`) as `codeValue` resolves them; read as
 * text and never run. With the files read and the config object a reference led to; undefined
 * when there is none or it names neither.
 */
function astroRssCall(root: string, file: string | undefined): { files: string[]; title?: string; description?: string; language?: string; holder?: string } | undefined {
  const text = readText(file ?? '');
  // @astrojs/rss's `rss({…})`, or the feed package's `new Feed({…})`.
  const args = text ? objectAt(text, /\b(?:rss|new\s+Feed)\s*\(\s*\{/.exec(text)) : undefined;
  if (!file || !text || !args) return undefined;
  const files = [file];
  let holder: string | undefined;
  const option = (key: string) => {
    const literal = shallowOption(args, key, 1);
    if (literal !== undefined) return literal;
    const found = codeValue(root, file, text, writtenValue(args, key));
    if (found) files.push(...found.files);
    holder ??= found?.holder;
    return found?.value;
  };
  const title = option('title');
  const description = option('description');
  if (!title && !description) return undefined;
  const language = /<language>([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)<\/language>/.exec(args)?.[1];
  return { files: [...new Set(files)], ...(title ? { title } : {}), ...(description ? { description } : {}), ...(language ? { language } : {}), ...(holder ? { holder } : {}) };
}

/** A locale as sites write it for Open Graph (`en_AU`) as a language tag (`en-AU`). */
function localeTag(locale: string | undefined): string | undefined {
  return locale?.replace(/_/g, '-');
}

/** Folders under `dir` (relative, '/'-separated, '' for `dir`), skipping dot folders and node_modules. */
function foldersUnder(dir: string): string[] {
  const out: string[] = [''];
  const walk = (rel: string, depth: number) => {
    if (depth > 12) return;
    for (const e of sortedEntries(path.join(dir, rel))) {
      if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'node_modules') continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      out.push(r);
      walk(r, depth + 1);
    }
  };
  walk('', 0);
  return out;
}

/** Eleventy's global data: each `<data dir>/<name>.json` as the variable `name` (at most 100 files of 1 MB each). */
function eleventyGlobalData(dataDir: string): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  let names: string[];
  try {
    names = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort().slice(0, 100);
  } catch {
    return vars;
  }
  for (const f of names) {
    const abs = path.join(dataDir, f);
    try {
      if (statSync(abs).size > 1_000_000) continue;
      const value: unknown = JSON.parse(readFileSync(abs, 'utf8').replace(/^\uFEFF/, ''));
      vars[f.slice(0, -'.json'.length)] = value;
    } catch {
      // Not JSON: Eleventy would stop; the variable is simply not there (its tags render empty).
    }
  }
  return vars;
}

/**
 * Eleventy directory data files (`blog/blog.json`, `blog/blog.11tydata.json`) for the articles
 * folder and every folder above it up to the input folder, merged shallowly, deeper first wins
 * (the data cascade; `tags` lists are merged, as Eleventy's deep data merge does).
 */
function eleventyDirectoryData(inputDir: string, articlesDir: string): { data: Record<string, Record<string, unknown>>; code: string[] } {
  // Data modules that compute (code), in the folders under the articles folder (SITE_DATA_CODE).
  const code: string[] = [];
  const own = (abs: string, under: boolean): Record<string, unknown> | undefined => {
    const name = path.basename(abs);
    const file = firstExisting(abs, [`${name}.11tydata.json`, `${name}.json`]);
    const json = file ? readData(file) : undefined;
    // A data file written as a module of literals (`export default { tags: ["posts"] }`) is data too;
    // Eleventy gives it precedence over the JSON ones.
    const modules = eleventyModules(abs);
    if (under) code.push(...modules.code);
    return modules.data ? { ...json, ...modules.data } : json;
  };
  const out: Record<string, Record<string, unknown>> = {};
  // Folders above the articles folder apply to all of it ('').
  const above: Record<string, unknown>[] = [];
  const upTo = relSlash(inputDir, articlesDir);
  if (upTo) {
    let dir = path.dirname(articlesDir);
    while (dir.startsWith(inputDir) && dir !== inputDir) {
      const d = own(dir, false);
      if (d) above.unshift(d);
      dir = path.dirname(dir);
    }
  }
  for (const rel of foldersUnder(articlesDir)) {
    const d = own(rel ? path.join(articlesDir, rel) : articlesDir, true);
    if (d) out[rel] = d;
  }
  if (above.length > 0) out[''] = mergeData([...above, out[''] ?? {}]);
  return { data: out, code };
}

/**
 * Jekyll's front matter defaults (`defaults: [{ scope: { path }, values }]`) whose scope is a
 * plain folder: applied to the articles below it, as Jekyll applies them (a glob or a type-only
 * scope is left out; a scope path of '' applies to all).
 */
function jekyllDefaults(defaults: unknown, sourceDir: string, articlesDir: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  if (!Array.isArray(defaults)) return out;
  const articlesRel = relSlash(sourceDir, articlesDir);
  const articlesType = jekyllFolderType(articlesRel);
  for (const d of defaults) {
    const scope = asRecord(asRecord(d)?.scope);
    const values = asRecord(asRecord(d)?.values);
    const scopePath = typeof scope?.path === 'string' ? scope.path.replace(/^\/+|\/+$/g, '') : '';
    if (!values || /[*?[]/.test(scopePath)) continue;
    // The scope relative to the articles folder: above it (or '') applies to all, below it to that folder.
    let key: string | undefined;
    if (scopePath === '' || articlesRel === scopePath || articlesRel.startsWith(`${scopePath}/`)) key = '';
    else if (scopePath.startsWith(articlesRel ? `${articlesRel}/` : '')) key = articlesRel ? scopePath.slice(articlesRel.length + 1) : scopePath;
    if (key === undefined) continue;
    // A scope's `type` (a collection's label: posts, drafts, pages, or the site's own) applies its
    // values to that kind of document only: `type: tags` with `permalink: /tag/:slug` is no post's.
    const type = typeof scope?.type === 'string' ? (JEKYLL_LEGACY_TYPES[scope.type] ?? scope.type) : undefined;
    if (type !== undefined && articlesType !== undefined && type !== articlesType) continue;
    if (type !== undefined && articlesType === undefined) {
      // Articles above the collections' folders (the site root): the values go to the type's
      // folder (`_posts`, `_notes`); pages have none.
      if (type === 'pages') continue;
      key = key ? `${key}/_${type}` : `_${type}`;
    }
    out[key] = mergeData([out[key] ?? {}, values]);
  }
  return out;
}

/** Jekyll's old singular scope types, which it still reads as the plural collection labels. */
const JEKYLL_LEGACY_TYPES: Readonly<Record<string, string>> = { post: 'posts', page: 'pages', draft: 'drafts' };

/**
 * The kind of document every file in a folder (relative to the source) is: `posts` inside a
 * `_posts` folder, `drafts` in `_drafts`, a collection's label in its `_<label>` folder, `pages`
 * in a folder outside any `_` folder but not the source itself; undefined where files of several
 * kinds live below (the source root).
 */
function jekyllFolderType(rel: string): string | undefined {
  if (rel === '') return undefined;
  const segments = rel.split('/');
  if (segments.includes('_posts')) return 'posts';
  if (segments.includes('_drafts')) return 'drafts';
  const collection = segments.find((s) => s.startsWith('_'));
  return collection ? collection.slice(1) : 'pages';
}

/** The extensions of an Eleventy directory data file written as a JavaScript module. */
const ELEVENTY_MODULE_DATA = ['js', 'cjs', 'mjs'];

/** A data module larger than this is not read (real ones are a few lines). */
const MAX_MODULE_DATA_CHARS = 64 * 1024;

/**
 * A folder's Eleventy data modules (`blog/blog.11tydata.js`, `.cjs`, `.mjs`), each read once as
 * text and never run: the first that is an object of literals is data; those that compute
 * values (or are too large to read) are code, which feedwright does not run.
 */
function eleventyModules(folder: string): { data?: Record<string, unknown>; code: string[] } {
  const name = path.basename(folder);
  let data: Record<string, unknown> | undefined;
  const code: string[] = [];
  for (const ext of ELEVENTY_MODULE_DATA) {
    const file = path.join(folder, `${name}.11tydata.${ext}`);
    if (!existsSync(file)) continue;
    const text = readText(file);
    // A module of literals, or one whose only code is an eleventyComputed feedwright can read (src/site/eleventy-computed.ts).
    const literal = text !== undefined && text.length <= MAX_MODULE_DATA_CHARS ? (readJsModuleData(text) ?? readEleventyComputedModule(text)) : undefined;
    if (!literal) code.push(file);
    else data ??= literal;
  }
  return { ...(data ? { data } : {}), code };
}

/** A site's own feed templates at its source root, as Jekyll sites wrote them before jekyll-feed. */
const FEED_TEMPLATES = ['atom.xml', 'feed.xml', 'rss.xml', 'feed.atom', 'index.xml'];

/** The custom domain a GitHub Pages site's CNAME file names (one host name on its first line), as an https base URL. */
/**
 * A Jekyll site's source folder: its `source` (default the site's folder). A `source` that is not
 * there is one a build step makes before running Jekyll (`source: .tmp/src`, which a gulp task
 * copies `src/` to): the site's own source is then the nearest folder above the posts that holds
 * `_includes` or `_layouts`, as a source does, so its includes are found.
 */
function jekyllSource(root: string, source: string | undefined, articlesDir: string): string {
  const configured = path.resolve(root, source ?? '.');
  if (existsSync(configured) || !isInside(root, articlesDir)) return configured;
  for (let dir = articlesDir; isInside(root, dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '_includes')) || existsSync(path.join(dir, '_layouts'))) return dir;
    if (dir === root) break;
  }
  return configured;
}

function githubPagesDomain(sourceDir: string): string | undefined {
  const host = readSmallText(path.join(sourceDir, 'CNAME'), 1024)?.split(/\r?\n/)[0]?.trim();
  return host && /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(host) ? baseUrl(`https://${host.toLowerCase()}`) : undefined;
}

/**
 * The channel a site's own feed template states literally (`<title>Mark Hansen</title>`, `<link
 * href="http://site/"/>`, `<author><name>…</name>`, `<subtitle>`; RSS `<title>`, `<link>`,
 * `<description>`), read from its head: before the first entry or Liquid tag. Values holding
 * template code (`{{ site.title }}`) are the config's, not read here. Undefined: no such template.
 */
function feedTemplateHead(sourceDir: string): { file: string; title?: string; link?: string; author?: { name: string }; description?: string } | undefined {
  for (const name of FEED_TEMPLATES) {
    const file = path.join(sourceDir, name);
    const text = readText(file)?.slice(0, 16 * 1024);
    if (!text || !/<(?:feed|rss)\b/.test(text)) continue;
    const start = text.search(/<(?:feed|rss)\b/);
    const end = text.slice(start).search(/\{%|<entry\b|<item\b/);
    const head = text.slice(start, end < 0 ? undefined : start + end);
    const literal = (v: string | undefined): string | undefined => {
      const t = v?.trim();
      return t && !/[{}]/.test(t) ? decodeEntities(t) : undefined;
    };
    const absolute = (v: string | undefined): string | undefined => {
      const t = literal(v);
      return t && /^https?:\/\/[^\s/]+/i.test(t) ? baseUrl(t) : undefined;
    };
    const title = literal(/<title[^>]*>([^<]*)<\/title>/.exec(head)?.[1]);
    const link =
      absolute([...head.matchAll(/<link\b([^>]*)\/?>/g)].map((m) => m[1] as string).find((a) => !/\brel\s*=\s*["'](?!alternate)/.test(a))?.match(/\bhref\s*=\s*["']([^"']*)["']/)?.[1]) ??
      absolute(/<link>([^<]*)<\/link>/.exec(head)?.[1]);
    const name2 = literal(/<author>\s*<name>([^<]*)<\/name>/.exec(head)?.[1]);
    const description = literal(/<(?:subtitle|description)[^>]*>([^<]*)<\/(?:subtitle|description)>/.exec(head)?.[1]);
    if (!title && !link && !name2) continue;
    return { file, ...(title ? { title } : {}), ...(link ? { link } : {}), ...(name2 ? { author: { name: name2 } } : {}), ...(description ? { description } : {}) };
  }
  return undefined;
}

/**
 * The attribute lists Hugo's Goldmark reads, as `markup.goldmark.parser.attribute` configures it:
 * headings' (`title`, on by default) and blocks' (`block`, off by default). None when the site
 * renders Markdown with another handler.
 */
function goldmarkAttributes(c: Record<string, unknown>): SiteInfo['markdownAttributes'] {
  const markup = asRecord(ci(c, 'markup'));
  const handler = asString(ci(markup, 'defaultMarkdownHandler'))?.toLowerCase() ?? 'goldmark';
  if (handler !== 'goldmark') return undefined;
  const attribute = asRecord(ci(asRecord(ci(asRecord(ci(markup, 'goldmark')), 'parser')), 'attribute'));
  const headings = ci(attribute, 'title') !== false;
  const blocks = ci(attribute, 'block') === true;
  return headings || blocks ? { headings, blocks, spans: false } : undefined;
}

/**
 * The math Hugo's Goldmark passes through untouched (`markup.goldmark.extensions.passthrough`,
 * Hugo's documented way to write TeX): `$$` display math always, `$…$` and `\(…\)`/`\[…\]` when
 * its delimiters list them. Undefined when the extension is off.
 */
function goldmarkPassthrough(c: Record<string, unknown>): MathSyntax | undefined {
  const passthrough = asRecord(ci(asRecord(ci(asRecord(ci(asRecord(ci(c, 'markup')), 'goldmark')), 'extensions')), 'passthrough'));
  if (ci(passthrough, 'enable') !== true) return undefined;
  const delimiters = asRecord(ci(passthrough, 'delimiters'));
  const pairs = [ci(delimiters, 'inline'), ci(delimiters, 'block')].flatMap((list) => (Array.isArray(list) ? list : [])).map((pair) => (Array.isArray(pair) ? pair.join(' ') : ''));
  return { inlineDollar: pairs.includes('$ $'), brackets: pairs.includes('\\( \\)') || pairs.includes('\\[ \\]') };
}

/**
 * Packages that read generic directives (`:::note` … `:::`) in a JavaScript site's Markdown: the
 * remark plugin, or the syntax extension and mdast utility under it, which a site's own plugin
 * or another Markdown pipeline loads (an Astro theme's callouts), and markdown-it's.
 */
const DIRECTIVE_PACKAGES = ['remark-directive', 'micromark-extension-directive', 'mdast-util-directive', 'markdown-it-container'];

/** Packages that render TeX math in a JavaScript site's Markdown (remark/rehype, markdown-it). */
const MATH_PACKAGES = ['remark-math', 'rehype-katex', 'rehype-mathjax', 'markdown-it-katex', '@iktakahiro/markdown-it-katex', 'markdown-it-texmath', 'markdown-it-mathjax3', '@vscode/markdown-it-katex'];

/** The packages the package.json in `dir` lists among its dependencies and devDependencies (none without one). */
/**
 * Whether an Eleventy site's Markdown reads no indented code blocks: "Starting in Eleventy 2.0,
 * we've disabled the Indented Code Blocks feature by default" (11ty.dev, Markdown), in its own
 * markdown-it instance. A library of the site's own (`setLibrary("md", markdownIt(...))`) has them
 * unless the config disables them (`.disable("code")`); `.enable("code")` turns them back on.
 * The version is the one package.json asks for (a range's first number; none readable: current).
 */
function eleventyWithoutIndentedCode(root: string, cfgText: string | undefined): boolean {
  const text = cfgText ?? '';
  const named = (verb: string) => new RegExp(`\\.${verb}\\s*\\(\\s*(?:\\[[^\\]]{0,200})?["'\`]code["'\`]`).test(text);
  if (named('enable')) return false;
  if (named('disable')) return true;
  if (/\bsetLibrary\s*\(\s*["'`]md["'`]/.test(text)) return false;
  const pkg = readData(path.join(root, 'package.json'));
  const range = asString(asRecord(pkg?.dependencies)?.['@11ty/eleventy']) ?? asString(asRecord(pkg?.devDependencies)?.['@11ty/eleventy']);
  const major = range === undefined ? undefined : /\d+/.exec(range)?.[0];
  return major === undefined || Number(major) >= 2;
}

function packageDependencies(dir: string): Set<string> {
  const pkg = readData(path.join(dir, 'package.json'));
  return new Set([...Object.keys(asRecord(pkg?.dependencies) ?? {}), ...Object.keys(asRecord(pkg?.devDependencies) ?? {})]);
}

/**
 * What a JavaScript site's Markdown plugins read: remark-math and its kin `$$…$$` and `$…$`;
 * remark-directive and markdown-it-container `:::note` boxes; on Eleventy, markdown-it-attrs (the
 * usual plugin for `{.class}` there) attribute lists.
 */
function markdownPlugins(info: SiteInfo, deps: ReadonlySet<string>): void {
  if (info.preset === 'eleventy' && deps.has('markdown-it-attrs')) info.markdownAttributes = { headings: true, blocks: true, spans: true };
  if (MATH_PACKAGES.some((name) => deps.has(name))) info.math = { inlineDollar: true, brackets: false };
  if (DIRECTIVE_PACKAGES.some((name) => deps.has(name))) info.directives = true;
}

/** Files and bytes read for a Hugo site's own front matter keys (archetypes, layouts). */
const SITE_KEY_SCAN = { files: 400, bytes: 256 * 1024, depth: 6 };

/**
 * The front matter keys a Hugo site makes its own (lower-cased, as Hugo reads keys): those its
 * archetypes write into every new post (`archetypes/*.md`, the theme's too), and those its
 * layouts and the theme's read (`.Params.showToc`, `.Param "disableHLJS"`). They are the site's
 * vocabulary, not typos, so FM_UNKNOWN_KEY does not name them. A bounded scan (SITE_KEY_SCAN).
 */
function hugoSiteKeys(root: string, themes: readonly string[], themesDir: string): string[] {
  const keys = new Set<string>();
  const archetype = (text: string, name: string): void => {
    if (!/\.(md|markdown)$/i.test(name)) return;
    // The front matter's top-level keys, by line: an archetype's values are Go templates, no YAML.
    const fence = /^(---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*(?:\r?\n|$)/.exec(text);
    for (const m of fence?.[2]?.matchAll(/^["']?([A-Za-z_][\w-]*)["']?[ \t]*[:=]/gm) ?? []) keys.add((m[1] as string).toLowerCase());
  };
  const layout = (text: string, name: string): void => {
    if (!/\.(html|xml|json|txt)$/i.test(name)) return;
    for (const m of text.matchAll(/\.Params\.([A-Za-z_]\w*)|\.Param\s+"([A-Za-z_]\w*)"/g)) keys.add((m[1] ?? m[2] ?? '').toLowerCase());
  };
  const bases = [root, ...themes.map((t) => path.resolve(root, themesDir, t))];
  scanSiteFiles(
    bases.map((base) => path.join(base, 'archetypes')),
    archetype,
  );
  scanSiteFiles(
    bases.map((base) => path.join(base, 'layouts')),
    layout,
  );
  return [...keys].sort();
}

/**
 * The front matter keys a Jekyll site's own layouts and includes read (`page.banner`,
 * `{% if post.top %}` in a listing), lower-cased: the site's vocabulary, not typos, so FM_UNKNOWN_KEY does not
 * name them. A bounded scan (SITE_KEY_SCAN); a theme gem's files are not on disk here.
 */
function jekyllSiteKeys(root: string): string[] {
  const keys = new Set<string>();
  scanSiteFiles([path.join(root, '_layouts'), path.join(root, '_includes')], (text, name) => {
    if (!/\.(html|liquid|xml|json|md)$/i.test(name)) return;
    // `page.x` on a post's own page; `post.x` in the listings' `{% for post in site.posts %}`.
    for (const m of text.matchAll(/\b(?:page|post)\.([A-Za-z_]\w*)/g)) keys.add((m[1] as string).toLowerCase());
  });
  return [...keys].sort();
}

/** Each file under `dirs` (dot folders and node_modules skipped), read as text, within SITE_KEY_SCAN's bounds for the whole scan. */
function scanSiteFiles(dirs: readonly string[], read: (text: string, name: string) => void): void {
  let files = 0;
  const visit = (dir: string, depth: number): void => {
    if (depth > SITE_KEY_SCAN.depth || files >= SITE_KEY_SCAN.files) return;
    for (const e of sortedEntries(dir)) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) visit(abs, depth + 1);
      else if (e.isFile() && files < SITE_KEY_SCAN.files) {
        files++;
        try {
          if (statSync(abs).size <= SITE_KEY_SCAN.bytes) read(readFileSync(abs, 'utf8'), e.name);
        } catch {
          // Unreadable: not the site's vocabulary.
        }
      }
    }
  };
  for (const dir of dirs) visit(dir, 0);
}

/** The templates a Zola site's pages start from, where its `<title>` is written. */
const ZOLA_BASE_TEMPLATES = ['templates/base.html', 'templates/index.html'];

/**
 * The site's name as its base template writes it, when the config names none: the `<title>` of the
 * first of `templates` that has one, when it is literal text (`<title>{% block title %}Notes by
 * Ann{% endblock title %}</title>`: a block's default, which pages may replace); none when it holds
 * template code (`{{ page.title }} | …`). What a browser's tab shows for the home page.
 */
function templateTitle(root: string, templates: readonly string[]): string | undefined {
  for (const t of templates) {
    const html = readSmallText(path.join(root, t), 256 * 1024);
    const m = html === undefined ? null : /<title[^>]*>([\s\S]{0,400}?)<\/title>/i.exec(html);
    if (!m) continue;
    const text = (m[1] as string).replace(/\{%-?\s*(?:block\s+title|endblock(?:\s+title)?)\s*-?%\}/g, '').trim();
    if (text === '' || /[{}<>]/.test(text)) return undefined;
    return decodeEntities(text).replace(/\s+/g, ' ');
  }
  return undefined;
}

/** The front matter of Zola's root section, `content/_index.md`, if it has one that reads. */
function zolaRootSection(contentDir: string): Record<string, unknown> | undefined {
  const file = path.join(contentDir, '_index.md');
  const text = existsSync(file) ? readText(file) : undefined;
  return text ? splitFrontMatter(text, file).data : undefined;
}

/** Hugo's `cascade` front matter of `_index.md` files: applied to the pages below each. */
function hugoCascades(articlesDir: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const rel of foldersUnder(articlesDir)) {
    const file = firstExisting(rel ? path.join(articlesDir, rel) : articlesDir, ['_index.md', '_index.markdown', '_index.html']);
    if (!file) continue;
    const text = readText(file);
    if (!text) continue;
    const cascade = splitFrontMatter(text, file).data.cascade;
    // A cascade with a _target (or a list of them) applies by conditions feedwright does not evaluate.
    const c = asRecord(cascade);
    if (c && !('_target' in c) && !('target' in c)) out[rel] = c;
  }
  return out;
}

/** Data cascade, shallow: later wins, `tags` lists merged. */
export function mergeData(layers: readonly Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer)) {
      if (k === 'tags' && Array.isArray(out.tags) && Array.isArray(v)) out.tags = [...new Set([...(out.tags as unknown[]), ...v])];
      else out[k] = v;
    }
  }
  return out;
}

/**
 * The data folders apply to one article: '' first, then each folder down to its own. A `layout`
 * is not passed down: data given to a whole folder (Eleventy's `blog/blog.json` with
 * `"layout": "layouts/blog.njk"`, a Jekyll default, a Hugo cascade) names the layout of the posts
 * in it, so it can never mark one of them as a listing page; only a file's own layout can.
 * Under them all, on Eleventy, the front matter of the layout chain in effect (`ownLayout`, the
 * file's own `layout`, else the deepest folder's), as Eleventy's data cascade puts it.
 */
export function folderDataFor(site: SiteInfo, relPath: string, ownLayout?: unknown): Record<string, unknown>[] {
  const dirs = relPath.split('/').slice(0, -1);
  const layers: Record<string, unknown>[] = [];
  // Eleventy: the front matter of the layout in effect (the post's own, else its folders'), lowest.
  if (site.layouts) {
    const folders = ['', ...dirs.map((_, i) => dirs.slice(0, i + 1).join('/'))];
    const fromFolders = folders.map((f) => site.folderData[f]?.layout).findLast((l) => typeof l === 'string');
    const layout = typeof ownLayout === 'string' ? ownLayout : fromFolders;
    if (typeof layout === 'string') layers.push(...layoutLayers(site.layouts, layout.trim()));
  }
  const add = (d: Record<string, unknown> | undefined): void => {
    if (!d) return;
    if (!('layout' in d)) layers.push(d);
    else {
      const { layout: _layout, ...rest } = d;
      layers.push(rest);
    }
  };
  add(site.folderData['']);
  for (let i = 1; i <= dirs.length; i++) add(site.folderData[dirs.slice(0, i).join('/')]);
  return layers;
}
