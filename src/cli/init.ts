import { spawnSync } from 'node:child_process';
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { acceptedValues, resolveConfig } from '../config/load.js';
import { INIT_PLACEHOLDERS } from '../config/placeholders.js';
import type { CONFIG_KEYS } from '../config/schema.js';
import { formatJson } from '../config/types.js';
import { EXIT } from '../errors.js';
import { FIELD_KEYS } from '../meta/fields.js';
import { languageScriptMismatch } from '../meta/script.js';
import { docusaurusBlogFolder } from '../site/docusaurus.js';
import { type OtherGenerator, otherGenerator } from '../site/other-generators.js';
import { pelicanSite } from '../site/pelican.js';
import { BRIDGETOWN_CONFIGS, CONTENT_FOLDERS, contentlayerFolder, detectSite, eleventyConfigText, gatsbySite, hexoPostsFolder, hugoLanguageContentDirs, POST_FOLDER_NAMES, POST_FOLDERS, siteMarker } from '../site/detect.js';
import { eleventyCollectionFolders } from '../site/eleventy-site.js';
import { sortedEntries } from '../site/entries.js';
import { isMultilingual } from '../site/permalink.js';
import type { Preset } from '../site/model.js';
import type { SourceKind } from '../model.js';
import { SOURCE_EXTENSIONS } from '../sources/files.js';
import { readTextHead } from '../util/fs.js';
import { indefiniteArticle } from '../util/text.js';
import { pagesSite } from './init-html.js';
import type { Io, Output } from './output.js';

/**
 * JSON has no comments: the config names its JSON schema instead (shipped in the package's
 * assets/, generated from src/config/schema.ts), which gives editors a description of every key,
 * completion and checking. Every opt-in feature is written out with its default (taken from the
 * schema), so the file shows what exists.
 */
const OWN_VALUES: Partial<Record<ConfigKey, unknown>> = {
  $schema: './node_modules/feedwright/assets/config.schema.json',
  title: INIT_PLACEHOLDERS.title,
  description: INIT_PLACEHOLDERS.description,
  link: INIT_PLACEHOLDERS.link,
  language: undefined,
  author: { ...INIT_PLACEHOLDERS.author },
  timezone: undefined,
  limit: undefined,
  articles: undefined,
  out: undefined,
  feeds: undefined,
  archive: undefined,
  hubs: undefined,
  stylesheet: undefined,
  index: undefined,
};

/** The config `init` writes: the values above, `undefined` ones as the schema's defaults, one key a line; `own` replaces or adds values (`null`: leave the key out). */
export function initConfig(own: Partial<Record<ConfigKey, unknown>> = {}): string {
  const defaults = resolveConfig({}) as unknown as Record<string, unknown>;
  const values: Record<string, unknown> = { ...OWN_VALUES, ...own };
  const lines = Object.entries(values)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => `  "${key}": ${formatJson(value === undefined ? defaults[key] : value, true)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

const GENERATOR_NAMES: Record<Exclude<Preset, 'none'>, string> = {
  jekyll: 'Jekyll',
  hexo: 'Hexo',
  hugo: 'Hugo',
  zola: 'Zola',
  eleventy: 'Eleventy',
  astro: 'Astro',
  nextjs: 'Next.js',
  docusaurus: 'Docusaurus',
  pelican: 'Pelican',
};

/** Markdown files under `dir`, counted up to `max` (a bounded walk: 4 levels, skipping dot folders). */
function countMarkdown(dir: string, max = 10_000): number {
  return articleFiles(dir, max).length;
}

/** How many article sources of any kind feedwright reads (Markdown, text, HTML) are under `dir`, up to `max`, by kind. */
function countSources(dir: string, max = 10_000): Record<SourceKind, number> {
  const out: Record<SourceKind, number> = { markdown: 0, text: 0, html: 0 };
  for (const file of articleFiles(dir, max, ALL_KINDS)) out[SOURCE_EXTENSIONS[path.extname(file).toLowerCase()] as SourceKind]++;
  return out;
}

const ALL_KINDS: ReadonlySet<SourceKind> = new Set(['markdown', 'text', 'html']);

/** reStructuredText files under `dir` (Pelican's other format, which feedwright does not read), counted as `countMarkdown` counts, up to `max`. */
function countRst(dir: string, max = 10_000): number {
  let n = 0;
  const walk = (d: string, depth: number): void => {
    for (const e of sortedEntries(d)) {
      if (n >= max || e.name.startsWith('.') || e.name === 'node_modules') continue;
      if (e.isDirectory()) {
        if (depth < 4) walk(path.join(d, e.name), depth + 1);
      } else if (/\.rst$/i.test(e.name)) n++;
    }
  };
  walk(dir, 0);
  return n;
}

/**
 * An HTML template of a front-end framework by its naming convention (Angular's `x.component.html`,
 * `x.template.html`, `x.tpl.html`, `x.partial.html`): part of an app, no saved page or post.
 */
const FRAMEWORK_TEMPLATE = /\.(?:component|template|tpl|partial)\.html?$/i;

/**
 * Up to `max` Markdown posts (or sources of the `kinds` given) under `dir` (`levels` deep: four
 * while looking for a posts folder, section pages left out), in name order.
 */
function articleFiles(dir: string, max: number, kinds: ReadonlySet<SourceKind> = MARKDOWN_ONLY, levels = 4): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number): void => {
    for (const e of sortedEntries(d)) {
      if (out.length >= max || e.name.startsWith('.') || e.name === 'node_modules') continue;
      if (e.isDirectory()) {
        if (depth < levels) walk(path.join(d, e.name), depth + 1);
      } else {
        const kind = SOURCE_EXTENSIONS[path.extname(e.name).toLowerCase()];
        if (kind && kinds.has(kind) && !/^_index\./.test(e.name) && !FRAMEWORK_TEMPLATE.test(e.name)) out.push(path.join(d, e.name));
      }
    }
  };
  walk(dir, 0);
  return out;
}

const MARKDOWN_ONLY: ReadonlySet<SourceKind> = new Set(['markdown']);
const HTML_ONLY: ReadonlySet<SourceKind> = new Set(['html']);

/**
 * Posts sampled, and bytes read from each, to tell whether a site's posts name their authors and
 * what they are written in: the last `files` by name of the first `scan` (dated names, Jekyll's
 * and most blogs', put the newest last: the posts the feed shows).
 */
const AUTHOR_SAMPLE = { files: 200, scan: 5000, bytes: 4096 };

/**
 * How deep the posts folder chosen is counted and sampled: the build reads every level, and posts
 * kept by date in folders (`entry/2014/02/28/233025.md`, as a blog imported from Hatena Blog keeps
 * them, below a language's folder) are five or six levels down, which the four levels of the search
 * for a posts folder did not reach (`init` counted and sampled 5 pages of a site of 200 posts).
 */
const POSTS_LEVELS = 12;

/** A front matter key that names the post's authors (YAML `author:`, TOML `author =`), at the start of a line. */
const AUTHOR_KEY = new RegExp(`^(?:${FIELD_KEYS.authors.join('|')})\\s*[:=]\\s*\\S`, 'm');

/** The start (AUTHOR_SAMPLE.bytes) of each post sampled (AUTHOR_SAMPLE), split at the end of its front matter. */
function postHeads(dir: string): Array<{ frontMatter: string; body: string }> {
  return articleFiles(dir, AUTHOR_SAMPLE.scan, MARKDOWN_ONLY, POSTS_LEVELS).slice(-AUTHOR_SAMPLE.files).map((file) => {
    // Unreadable: a post that names nobody and says nothing.
    const head = readTextHead(file, AUTHOR_SAMPLE.bytes) ?? '';
    const fence = /^(---|\+\+\+)\r?\n/.exec(head);
    if (!fence) return { frontMatter: '', body: head };
    const end = head.indexOf(`\n${fence[1]}`, fence[0].length);
    return { frontMatter: head.slice(0, end < 0 ? head.length : end), body: end < 0 ? '' : head.slice(head.indexOf('\n', end + 1) + 1) };
  });
}

/** How many of the first posts name their own authors in front matter. */
function postsWithAuthors(heads: ReadonlyArray<{ frontMatter: string }>): { named: number; checked: number } {
  return { named: heads.filter((h) => AUTHOR_KEY.test(h.frontMatter)).length, checked: heads.length };
}

/**
 * The links a Gatsby site's gatsby-node.js gives its posts: each post's front matter `path`
 * (`createPage({ path: node.frontmatter.path })`), which the config maps to the link; else
 * createFilePath's: the post's path under its source folder, as written, without the extension
 * or a closing `index` (`Diary/01/index.md` → `/Diary/01/`), which is `:path`.
 */
function gatsbyLinks(gatsby: { filePaths: boolean; frontMatterPaths: boolean }): Partial<Record<ConfigKey, unknown>> {
  if (gatsby.frontMatterPaths) return { keys: { link: ['path'] } };
  return gatsby.filePaths ? { permalinks: '/:path/' } : {};
}

/**
 * What of a post's head is written in its language, as the build's check reads titles and summaries
 * (META_LANGUAGE_SCRIPT): the front matter's title and the body without its code, which is Latin
 * whatever the language (a Chinese tech blog's first 4 KB are often mostly code).
 */
function proseOf(head: { frontMatter: string; body: string }): string {
  const title = /^title\s*[:=]\s*(.+)$/m.exec(head.frontMatter)?.[1] ?? '';
  const prose = head.body
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[ \t]*$|(?![\s\S]))/gm, '')
    .replace(/`[^`\n]*`/g, '')
    // What a reader does not read as words: link and image targets, bare URLs, HTML tags, template
    // tags, attribute lists (kramdown's `{:target="_blank"}`, `{#id .class}`).
    .replace(/\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)/g, ']')
    .replace(/<[^<>\n]*>|\{[{%][^\n]*?[}%]\}|\{[:#.][^{}\n]*\}|https?:\/\/\S+/g, '');
  return `${title}\n${prose.replace(/^\s+/, '')}`;
}

/**
 * The language most of the first posts are written in, by their writing system, when it is not
 * Latin (src/meta/script.ts: Han for "zh", Kana for "ja", Hangul for "ko", Cyrillic for "ru"…):
 * the feed's language for a site whose config names none, rather than "en".
 */
function postsLanguage(heads: ReadonlyArray<{ frontMatter: string; body: string }>): { language: string; script: string; count: number; checked: number } | undefined {
  const found = languageScriptMismatch('en', heads.map(proseOf));
  return found && { language: found.suggest, script: found.script, count: found.count, checked: found.total };
}

/**
 * The folder named like a posts folder (`POST_FOLDER_NAMES`) with the most Markdown, up to three
 * levels under `root` (dot folders, node_modules and build outputs skipped); ties go to the
 * shallower, then the first by name.
 */
function largestPostFolder(root: string, count: (dir: string) => number = countMarkdown): string | undefined {
  let best: { rel: string; n: number; depth: number } | undefined;
  const walk = (rel: string, depth: number): void => {
    for (const e of sortedEntries(path.join(root, rel))) {
      if (!e.isDirectory() || e.name.startsWith('.') || SKIPPED.has(e.name)) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (POST_FOLDER_NAMES.includes(e.name)) {
        const n = count(path.join(root, r));
        if (n > 0 && (!best || n > best.n || (n === best.n && depth < best.depth))) best = { rel: r, n, depth };
      } else if (depth < 2) walk(r, depth + 1);
    }
  };
  walk('', 0);
  // A posts folder whose posts all lie in one posts folder inside it (Vercel's starter: app/blog/posts/)
  // is that inner folder: the site's post loader reads it, and links are made from paths inside it.
  for (let inner = best && onlyPostsChild(root, best.rel, best.n, count); inner && best; inner = onlyPostsChild(root, best.rel, best.n, count)) best = { ...best, rel: inner };
  return best?.rel;
}

/** The one folder named like a posts folder directly in `rel` that holds all `n` of its posts, if there is one. */
function onlyPostsChild(root: string, rel: string, n: number, count: (dir: string) => number): string | undefined {
  const inner = sortedEntries(path.join(root, rel)).filter((e) => e.isDirectory() && POST_FOLDER_NAMES.includes(e.name));
  const only = inner.length === 1 ? `${rel}/${(inner[0] as { name: string }).name}` : undefined;
  return only && count(path.join(root, only)) === n ? only : undefined;
}

/**
 * The generator's conventional posts folder that holds the most posts (the first of the list on
 * a tie): a Hugo site with 85 posts in content/post/ and one stray post in content/posts/ has
 * its feed built from the 85.
 */
function conventionalPostFolder(root: string, folders: readonly string[]): string | undefined {
  let best: { rel: string; n: number } | undefined;
  for (const rel of folders) {
    const n = countMarkdown(path.join(root, rel));
    if (n > 0 && (!best || n > best.n)) best = { rel, n };
  }
  return best?.rel;
}

/**
 * A multilingual Hugo site whose languages keep their own content folders (`content/fr`,
 * `content/de`): the posts folder in the default language's folder (its main feed's), as `init`
 * looks for one in `content/`; without one there, undefined (the other rules decide).
 */
function hugoLanguagePosts(cwd: string): string | undefined {
  const { defaultDir } = hugoLanguageContentDirs(cwd);
  if (!defaultDir) return undefined;
  const conventional = conventionalPostFolder(cwd, POST_FOLDERS.hugo.map((f) => f.replace(/^content\//, `${defaultDir}/`)));
  if (conventional) return conventional;
  const named = largestPostFolder(path.join(cwd, defaultDir));
  return named ? `${defaultDir}/${named}` : undefined;
}

/**
 * What a folder says of its site (its saved pages' agreement, a Gatsby siteMetadata) as config
 * values: the title (with the description, or none: the feed then uses the title), link, language
 * and author it names.
 */
function siteValues(site: { title?: string | undefined; description?: string | undefined; link?: string | undefined; language?: string | undefined; author?: string | undefined }): Partial<Record<ConfigKey, unknown>> {
  return {
    ...(site.title ? { title: site.title, description: site.description ?? null } : {}),
    ...(site.link ? { link: site.link } : {}),
    ...(site.language ? { language: site.language } : {}),
    ...(site.author ? { author: { name: site.author } } : {}),
  };
}

/** The most folders below the current one that `init` checks for a site of their own. */
const MAX_NESTED_CHECKS = 50;

/**
 * A folder just below `cwd` that is a site with posts (the first in name order), for a project that
 * keeps its site in `website/`: one of a generator feedwright has a preset for, or one it names
 * without a preset (MkDocs, VitePress, Nuxt) whose pages folder holds articles.
 */
function nestedSite(cwd: string): { folder: string; generator: string; marker: string; articles: string } | undefined {
  let checked = 0;
  for (const e of sortedEntries(cwd)) {
    if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'node_modules' || SKIPPED.has(e.name)) continue;
    if (++checked > MAX_NESTED_CHECKS) break;
    const dir = path.join(cwd, e.name);
    if (siteMarker(dir)) {
      const setup = siteSetup(dir);
      if (setup) return { folder: e.name, generator: setup.generator, marker: setup.marker, articles: setup.articles };
      continue;
    }
    const other = otherGenerator(dir);
    const pages = other && ((other.postsDir ? pagesFolder(dir, { ...other, contentDir: other.postsDir }) : undefined) ?? pagesFolder(dir, other));
    if (other && pages) return { folder: e.name, generator: other.name, marker: other.file, articles: pages.articles };
  }
  return undefined;
}

/** A generator without a preset's pages folder, when it holds articles: what `init` then reads. */
function pagesFolder(cwd: string, other: OtherGenerator): { articles: string; posts: number; kinds: Record<SourceKind, number> } | undefined {
  const kinds = countSources(path.join(cwd, other.contentDir));
  return sourceTotal(kinds) > 0 ? { articles: other.contentDir || '.', posts: sourceTotal(kinds), kinds } : undefined;
}

/**
 * A Gatsby site's posts: the folder its gatsby-source-filesystem reads that holds the most Markdown
 * (`src/pages`, `content/blog`), before any folder named like a posts folder (its `static/` holds
 * robots.txt, which is no article).
 */
function gatsbySourceFolder(cwd: string): { articles: string; posts: number; kinds: Record<SourceKind, number> } | undefined {
  let best: { articles: string; posts: number; kinds: Record<SourceKind, number> } | undefined;
  for (const folder of gatsbySite(cwd)?.sourceFolders ?? []) {
    const markdown = countMarkdown(path.join(cwd, folder));
    if (markdown > 0 && markdown > (best?.posts ?? 0)) best = { articles: folder, posts: markdown, kinds: countSources(path.join(cwd, folder)) };
  }
  return best;
}

/** What init says of a generator without a preset: what it took from the config, and how items link. */
function otherSaid(other: OtherGenerator, articles: string, links: string | undefined, said: string[]): string {
  const taken = said.filter((s) => !s.startsWith('permalinks ')).map((s) => (other.authorFile && s.startsWith('author ') ? `${s} (from ${other.authorFile})` : s));
  const values = taken.length > 0 ? `the config takes its ${taken.join(', ')}` : 'its config names no title or link for the feed';
  const linked = links
    ? `items link where ${other.name} serves the pages ("permalinks": "${links}"${'link' in other ? '' : `, below "link", which its config does not name: set it${other.basePath ? ` to the address the site is served at, which ends in its base /${other.basePath}/ (https://<host>/${other.basePath}/)` : ''}`})`
    : `items link to "itemBase" + their slug: ${other.unlinked?.(articles) ?? `set "itemBase" and "permalinks" to where ${other.name} serves the posts`}`;
  const unread = other.unread && Object.entries(other.unread).map(([ext, n]) => `${filesCount(n)} ${ext}`);
  const unreadSaid = unread ? ` Its ${unread.join(' and ')} files are not read (feedwright reads Markdown, text and HTML posts only).` : '';
  return `From ${other.file}, ${values}; ${linked}.${unreadSaid}\n`;
}

/**
 * Outside a known site: a folder named like a posts folder that already holds articles of any kind
 * feedwright reads (Markdown, text, HTML pages; the most, as `largestPostFolder` picks), else a
 * `content/` folder that does (as Gatsby's starters keep posts), so `init` points the config at the
 * user's posts instead of writing a sample beside them.
 */
function existingPosts(cwd: string, savedPages: boolean): { articles: string; posts: number; kinds: Record<SourceKind, number> } | undefined {
  const articles = largestPostFolder(cwd, (dir) => sourceTotal(countSources(dir))) ?? (sourceTotal(countSources(path.join(cwd, 'content'), 1)) > 0 ? 'content' : undefined) ?? (savedPages ? mostPages(cwd)?.folder : undefined);
  if (!articles) return undefined;
  const kinds = countSources(path.join(cwd, articles));
  return { articles, posts: sourceTotal(kinds), kinds };
}

/**
 * The folder of saved pages, for a user who keeps them in a folder of any name (`saved/`,
 * `clippings/`): the folder, up to three levels down, holding the most HTML and text files, if it
 * holds at least two; a build output folder (`public/`, `_site/`, `dist/`...) is skipped. Markdown
 * alone does not count: a folder of Markdown outside a site is as likely a project's documentation,
 * which `init` names but does not read (`markdownElsewhere`). Only where no generator is found: a
 * site's posts are its Markdown (a VitePress site's few `.txt` samples, a Pelican theme's HTML
 * templates are none).
 */
function mostPages(cwd: string): { folder: string; files: number } | undefined {
  const pages = (dir: string) => {
    const kinds = countSources(dir);
    return kinds.html + kinds.text;
  };
  return [mostFiles(cwd, pages, SKIPPED_FOR_PAGES)].find((m) => m !== undefined && m.files >= 2);
}

/**
 * Articles `init` found but does not read, outside a known site and any posts folder, as one
 * sentence saying what to run: HTML or text pages in this folder itself (the articles need a folder
 * of their own, which the output folder is not inside), or a folder of Markdown (three files or
 * more, which could be posts or documentation).
 */
function strayArticles(cwd: string): string | undefined {
  const here = { markdown: 0, text: 0, html: 0 };
  for (const e of sortedEntries(cwd)) {
    const kind = e.isFile() ? SOURCE_EXTENSIONS[path.extname(e.name).toLowerCase()] : undefined;
    if (kind === 'html' || kind === 'text') here[kind]++;
  }
  if (here.html + here.text > 0) {
    return `This folder holds ${describeSources(here)} itself; feedwright reads articles from a folder of their own. If those are articles, move them into one (\`mkdir pages && mv ${[here.html ? '*.html' : '', here.text ? '*.txt' : ''].filter(Boolean).join(' ')} pages/\`) and run \`npx feedwright init --force --articles pages\`.`;
  }
  const markdown = markdownElsewhere(cwd, SKIPPED);
  return markdown && `The most Markdown files (${filesCount(markdown.files)}) are in ${markdown.folder}/. If those are the posts, run \`npx feedwright init --force --articles ${markdown.folder}\`.`;
}

/** The folder with the most Markdown files (`mostFiles`), when it holds three or more: a README or two is no posts folder. */
function markdownElsewhere(cwd: string, skip?: ReadonlySet<string>): { folder: string; files: number } | undefined {
  return [mostFiles(cwd, countMarkdown, skip)].find((m) => m !== undefined && m.files >= 3);
}

/** A count of files as init says it: "over 10,000" at the bound its counts stop at. */
function filesCount(n: number): string {
  return n >= 10_000 ? 'over 10,000' : String(n);
}

function sourceTotal(kinds: Record<SourceKind, number>): number {
  return kinds.markdown + kinds.text + kinds.html;
}

/** "12 Markdown files and 3 HTML pages": what a folder holds, by kind. */
function describeSources(kinds: Record<SourceKind, number>): string {
  const parts = [
    kinds.markdown ? `${filesCount(kinds.markdown)} Markdown file${kinds.markdown === 1 ? '' : 's'}` : '',
    kinds.html ? `${filesCount(kinds.html)} HTML page${kinds.html === 1 ? '' : 's'}` : '',
    kinds.text ? `${filesCount(kinds.text)} text file${kinds.text === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'no article');
}

/**
 * The folder, at most three levels down, that holds the most Markdown files (the deeper one when a
 * folder holds nothing besides one subfolder's: public/md over public), for a site whose posts are
 * in no folder `init` knows; only node_modules and dot folders are skipped (and, with `skip`, those
 * folders too). Undefined without any. `count` counts other sources instead (`mostPages`).
 */
export function mostFiles(cwd: string, count: (dir: string) => number = countMarkdown, skip?: ReadonlySet<string>): { folder: string; files: number } | undefined {
  let best: { folder: string; files: number } | undefined;
  const walk = (rel: string, depth: number): void => {
    for (const e of sortedEntries(path.join(cwd, rel))) {
      if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'node_modules' || skip?.has(e.name)) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      const files = count(path.join(cwd, r));
      if (files === 0) continue;
      if (!best || files > best.files || (files === best.files && r.startsWith(`${best.folder}/`))) best = { folder: r, files };
      if (depth < 2) walk(r, depth + 1);
    }
  };
  walk('', 0);
  return best;
}

const SKIPPED = new Set(['node_modules', '_site', 'public', 'dist', 'out', 'build', 'vendor', 'resources']);
/** Where a folder of saved pages is not: build outputs, and a site's or theme's templates (`themes/x/templates/*.html` are Jinja, not pages). */
const SKIPPED_FOR_PAGES = new Set([...SKIPPED, 'themes', 'templates', 'layouts', '_layouts', '_includes', 'partials']);

/** What `init` found in a site's folder: the generator, where its posts are, and its config's values. */
export interface SiteSetup {
  generator: string;
  /** The file that told the generator ("_config.yml"). */
  marker: string;
  /** The posts folder, relative, '/'-separated, and how many Markdown files it holds. */
  articles: string;
  posts: number;
  /** The config keys written from the site (`site`, `articles`, `out`, and what its config states). */
  own: Partial<Record<ConfigKey, unknown>>;
  /** Set when the feed's author is the site (its title): most posts name their own authors. */
  authorsInPosts?: { named: number; checked: number };
  /** A time zone the site's config names that is no IANA zone (left out of the config). */
  ignoredZone?: string;
  /** The site's address, written without a scheme in its config (`base_url = "example.dev"`): no link is taken from it. */
  schemelessUrl?: { file: string; line: number; key: string; value: string };
  /** The generator (Jekyll, Hexo) reads dates without an offset in the building machine's zone, and the site's config names none. */
  machineZone?: string;
  /** Set when the feed's author is the person who made most commits to the posts (git). */
  authorFromGit?: CommitAuthor;
  /** Set when the site names no language and most posts are written in a script of another: the language written, from how many of the posts checked. */
  languageFromPosts?: { language: string; script: string; count: number; checked: number };
}

/**
 * The site in `cwd`, when it is the root of a site generator's project with a posts folder (or
 * `chosen`, the folder the user named with `init --articles`): the config that builds its feeds (`site: "."`, the posts folder, the site's title, link,
 * description, language and author), or undefined for a folder that is no such site.
 */
export function siteSetup(cwd: string, chosen?: string): SiteSetup | undefined {
  const marker = siteMarker(cwd);
  if (!marker) return undefined;
  const content = CONTENT_FOLDERS[marker.preset];
  const articles =
    chosen ??
    (marker.preset === 'eleventy' ? conventionalPostFolder(cwd, eleventyCollectionFolders(eleventyConfigText(cwd))) : undefined) ??
    (marker.preset === 'hexo' ? conventionalPostFolder(cwd, [hexoPostsFolder(cwd)]) : undefined) ??
    (marker.preset === 'docusaurus' ? conventionalPostFolder(cwd, [docusaurusBlogFolder(cwd)]) : undefined) ??
    (marker.preset === 'pelican' ? conventionalPostFolder(cwd, [pelicanSite(cwd)?.contentDir || '.']) : undefined) ??
    (marker.preset === 'hugo' ? hugoLanguagePosts(cwd) : undefined) ??
    conventionalPostFolder(cwd, POST_FOLDERS[marker.preset]) ??
    // A Next.js site's Contentlayer names the folder its posts are in (`contentDirPath: 'articles'`).
    (marker.preset === 'nextjs' ? conventionalPostFolder(cwd, [contentlayerFolder(cwd)].filter((f): f is string => f !== undefined)) : undefined) ??
    largestPostFolder(cwd) ??
    (content && countMarkdown(path.join(cwd, content), 1) > 0 ? content : undefined);
  if (!articles) return undefined;
  const detected = detectSite({ articlesDir: path.join(cwd, articles), configRoot: cwd, preset: marker.preset, site: '.', display: (abs) => path.relative(cwd, abs) || '.' });
  // A value feedwright would not accept (a relative url) leaves the placeholder, for the user to fill in.
  const own: Partial<Record<ConfigKey, unknown>> = acceptedValues(detected?.channel.values ?? {});
  // No placeholder sentence in a real site's feed: without a description the feed uses its title.
  own.description ??= null;
  if (detected?.info.timezone) own.timezone = detected.info.timezone;
  own.articles = articles;
  // The feeds go beside the site, not into its generator's output folder (Astro's is dist/).
  own.out = detected?.info.output === 'dist' ? 'feeds' : 'dist';
  own.site = '.';
  // A multilingual site publishes one feed per language: written out, so the config shows it.
  if (detected && isMultilingual(detected.info)) own.feeds = { ...(resolveConfig({}).feeds as object), languages: true };
  // Jekyll and Hexo read a date without an offset in the zone of the machine that builds the site
  // when their config names none (Hexo's `timezone:` left empty). The feeds stay the same on every
  // machine: UTC, the zone of the build servers such sites are deployed from (GitHub Actions,
  // Netlify); init says so, for a site built on the author's own computer.
  const machineZone = (marker.preset === 'jekyll' || marker.preset === 'hexo') && !detected?.info.timezone && !detected?.ignoredZone ? (BRIDGETOWN_CONFIGS.includes(marker.file) ? 'Bridgetown' : GENERATOR_NAMES[marker.preset]) : undefined;
  // Bridgetown, a Jekyll fork, is read by the Jekyll preset: named as itself.
  const generator = BRIDGETOWN_CONFIGS.includes(marker.file) ? 'Bridgetown' : GENERATOR_NAMES[marker.preset];
  const setup: SiteSetup = { generator, marker: marker.file, articles, posts: articleFiles(path.join(cwd, articles), 10_000, MARKDOWN_ONLY, POSTS_LEVELS).length, own, ...(detected?.ignoredZone ? { ignoredZone: detected.ignoredZone } : {}), ...(detected?.schemelessUrl ? { schemelessUrl: detected.schemelessUrl } : {}), ...(machineZone ? { machineZone } : {}) };
  // The site's config names no author, but its posts name their own: the feed's author is then the
  // site itself (its title), which only the posts that name nobody fall back to; not a placeholder
  // person that would be published if the user never edits it.
  const heads = postHeads(path.join(cwd, articles));
  if (own.language === undefined) {
    const language = postsLanguage(heads);
    if (language) {
      own.language = language.language;
      setup.languageFromPosts = language;
    }
  }
  if (own.author === undefined && typeof own.title === 'string') {
    const sample = postsWithAuthors(heads);
    if (sample.checked > 0 && sample.named * 2 > sample.checked) {
      own.author = { name: own.title };
      setup.authorsInPosts = sample;
    }
  }
  // Nobody named anywhere: the one person who made most commits to the posts, as git records them
  // (the name only: an e-mail address in a public feed is the author's choice), rather than a
  // placeholder the build would publish.
  if (own.author === undefined) {
    const person = postsAuthor(cwd, articles);
    if (person) {
      own.author = { name: person.name };
      setup.authorFromGit = person;
    }
  }
  return setup;
}

/** The commits read, and the share of them one person must have made, to name the posts' author from git. */
const COMMIT_SAMPLE = { commits: 2_000, minCommits: 3, share: 0.8, timeoutMs: 5_000 };

export interface CommitAuthor {
  name: string;
  commits: number;
  total: number;
}

/** The key counted most often (the first by name among equals), with its count; undefined for none. */
function mostCounted(counts: ReadonlyMap<string, number>): [string, number] | undefined {
  let best: [string, number] | undefined;
  for (const [key, n] of counts) if (!best || n > best[1] || (n === best[1] && key < best[0])) best = [key, n];
  return best;
}

/**
 * The person who made at least COMMIT_SAMPLE.share of the last commits to `articles` (by e-mail
 * address, so one person under two spellings of their name counts once; named as they most often
 * sign), or undefined: no git, too few commits, several authors, or a bot. Bounded: the last
 * COMMIT_SAMPLE.commits commits, and a time limit.
 */
export function postsAuthor(cwd: string, articles: string): CommitAuthor | undefined {
  const r = spawnSync('git', ['log', '--no-merges', `-n${COMMIT_SAMPLE.commits}`, '--format=%aE%x09%aN', '--', articles], {
    cwd,
    encoding: 'utf8',
    timeout: COMMIT_SAMPLE.timeoutMs,
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (r.status !== 0 || typeof r.stdout !== 'string') return undefined;
  const byEmail = new Map<string, Map<string, number>>();
  let total = 0;
  for (const line of r.stdout.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    total++;
    const email = line.slice(0, tab).trim().toLowerCase();
    const name = line.slice(tab + 1).trim();
    const names = byEmail.get(email) ?? new Map<string, number>();
    names.set(name, (names.get(name) ?? 0) + 1);
    byEmail.set(email, names);
  }
  // One person under two addresses (their own and GitHub's no-reply one) signs both with the same name.
  const byName = new Map<string, number>();
  for (const names of byEmail.values()) {
    const [name] = mostCounted(names) as [string, number];
    byName.set(name, (byName.get(name) ?? 0) + [...names.values()].reduce((a, b) => a + b, 0));
  }
  const top = mostCounted(byName);
  const best = top ? { name: top[0], commits: top[1] } : undefined;
  if (!best || best.commits < COMMIT_SAMPLE.minCommits || best.commits < total * COMMIT_SAMPLE.share) return undefined;
  if (/\[bot\]|^(?:github|gitlab|netlify|dependabot|renovate)\b/i.test(best.name)) return undefined;
  return { name: best.name, commits: best.commits, total };
}

const ARTICLE = `---
title: Hello, world
date: 2024-01-01
tags: [welcome]
summary: The first article of this feed.
---

This is the first article. Write Markdown here; feedwright turns it into RSS, Atom and JSON Feed.

Run \`npx feedwright build\` and look in \`dist/\`.
`;

type ConfigKey = (typeof CONFIG_KEYS)[number];

/**
 * `feedwright init`: a config and a sample article, never overwriting without --force. In the
 * root of a site generator's project (Jekyll, Hexo, Hugo, Zola, Eleventy, Astro, Next.js, Docusaurus) with a posts
 * folder, the config builds that site's feeds instead, and no sample is written.
 */
export async function init(io: Io, out: Output, force: boolean, articles?: string): Promise<number> {
  const chosen = articles === undefined ? undefined : path.relative(io.cwd, path.resolve(io.cwd, articles)).split(path.sep).join('/');
  if (chosen !== undefined) {
    // The folder the user named must hold the posts: a typo would otherwise write a config that builds nothing.
    const files = chosen.startsWith('..') ? 0 : sourceTotal(countSources(path.join(io.cwd, chosen), 1));
    if (files === 0) {
      out.stderr(`feedwright init: ${chosen.startsWith('..') ? `${articles} is outside this folder` : `${chosen || '.'}/ holds no article (${Object.keys(SOURCE_EXTENSIONS).join(', ')})`}; nothing was written.\n  hint: name the folder that holds the posts, relative to this one (--articles content/posts).\n`);
      return EXIT.USAGE_OR_CONFIG;
    }
  }
  const site = siteSetup(io.cwd, chosen);
  // No site here, but one in a folder just below (a project's `website/` or `docusaurus/`, whose
  // config may read posts beside it, `path: '../blog'`): its config is the one to write, there.
  // (A generator without a preset whose config is found from here, VitePress's docs/.vitepress/, is this folder's.)
  const nested = site || chosen !== undefined || siteMarker(io.cwd) || otherGenerator(io.cwd) ? undefined : nestedSite(io.cwd);
  if (nested) {
    out.stderr(
      `This folder is no site, but ${nested.folder}/ is ${indefiniteArticle(nested.generator)} ${nested.generator} site (${nested.folder}/${nested.marker}) whose posts are in ${path.posix.join(nested.folder, nested.articles)}/: run \`npx feedwright init\` in ${nested.folder}/ (\`cd ${nested.folder}\`), so the feeds link where that site serves its posts and take its title, link and author. Nothing was written here.\n`,
    );
    return EXIT.OK;
  }
  const chosenKinds = site || chosen === undefined ? undefined : countSources(path.join(io.cwd, chosen));
  // A generator feedwright has no preset for, but whose config names its pages' folder (MkDocs, VitePress).
  const other = site ? undefined : otherGenerator(io.cwd);
  // The posts folder the generator's config names (MkDocs Material's blog plugin) comes first: a
  // larger folder elsewhere may be the site's built pages (MkDocs' site/blog/, committed).
  const posts = site
    ? undefined
    : chosenKinds && chosen !== undefined
      ? { articles: chosen, posts: sourceTotal(chosenKinds), kinds: chosenKinds }
      : ((other?.postsDir ? pagesFolder(io.cwd, { ...other, contentDir: other.postsDir }) : undefined) ?? gatsbySourceFolder(io.cwd) ?? existingPosts(io.cwd, !other && !siteMarker(io.cwd)) ?? (other ? pagesFolder(io.cwd, other) : undefined));
  // A site feedwright knows whose posts are in none of the folders it looks in: say so, and where the Markdown is.
  const marker = site || posts ? undefined : siteMarker(io.cwd);
  if (marker) {
    const elsewhere = markdownElsewhere(io.cwd);
    // Pelican's posts may all be reStructuredText, which feedwright does not read: say so, not just "no Markdown".
    const rstFolder = marker.preset === 'pelican' ? pelicanSite(io.cwd)?.contentDir || '.' : undefined;
    const rst = rstFolder === undefined ? 0 : countRst(path.join(io.cwd, rstFolder));
    const rstSaid = rst > 0 ? ` (${rstFolder}/ holds ${filesCount(rst)} reStructuredText file${rst === 1 ? '' : 's'}, .rst, which feedwright does not read: only Markdown, text and HTML posts)` : '';
    out.stderr(
      `This is ${indefiniteArticle(GENERATOR_NAMES[marker.preset])} ${GENERATOR_NAMES[marker.preset]} site (${marker.file}), but none of the folders it keeps posts in (${POST_FOLDERS[marker.preset].map((f) => `${f}/`).join(', ')}) holds Markdown${rstSaid}${elsewhere ? `; the most Markdown files (${filesCount(elsewhere.files)}) are in ${elsewhere.folder}/. If those are the posts, run \`npx feedwright init --articles ${elsewhere.folder}\`` : ''}. A sample article is written to start from.\n`,
    );
  }
  // Saved HTML pages say what their site is called, where it is, its language and author. (Not
  // HTML beside a generator's Markdown pages: Quarto's knitr caches, a template the posts show.)
  const pages = posts && posts.kinds.html > 0 && !(other && posts.kinds.markdown > 0) ? pagesSite(articleFiles(path.join(io.cwd, posts.articles), 40, HTML_ONLY)) : undefined;
  // A Gatsby site (no preset here): its siteMetadata names it, and gatsby-starter-blog's paths are /<name>/.
  const gatsby = posts && !pages ? gatsbySite(io.cwd) : undefined;
  const otherLinks = other && posts && !pages && !gatsby ? other.permalinks(posts.articles) : undefined;
  const folderValues: Partial<Record<ConfigKey, unknown>> = pages
    ? siteValues(pages)
    : gatsby
      ? { ...siteValues(gatsby), ...gatsbyLinks(gatsby) }
      : other && posts
        ? { ...siteValues(other), ...(otherLinks ? { permalinks: otherLinks } : {}) }
        : {};
  // Markdown posts whose site names no language: their writing system names it, as on a known site.
  const postsWritten = posts && !pages && folderValues.language === undefined ? postsLanguage(postHeads(path.join(io.cwd, posts.articles))) : undefined;
  if (postsWritten) folderValues.language = postsWritten.language;
  const files = site
    ? [{ name: 'feedwright.config.json', content: initConfig(site.own) }]
    : posts
      ? [{ name: 'feedwright.config.json', content: initConfig({ articles: posts.articles, ...folderValues }) }]
      : [
          { name: 'feedwright.config.json', content: initConfig() },
          { name: path.join('articles', 'hello-world.md'), content: ARTICLE },
        ];
  const existing: string[] = [];
  for (const f of files) {
    if (
      await access(path.join(io.cwd, f.name)).then(
        () => true,
        () => false,
      )
    )
      existing.push(f.name);
  }
  if (existing.length > 0 && !force) {
    out.stderr(`feedwright init: ${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written.\n  hint: use --force to overwrite.\n`);
    return EXIT.USAGE_OR_CONFIG;
  }
  if (site) {
    const plural = site.posts === 1 ? '' : 's';
    out.stderr(`This is ${indefiniteArticle(site.generator)} ${site.generator} site (${site.marker}): its posts are in ${site.articles}/ (${filesCount(site.posts)} Markdown file${plural}).\n`);
  } else if (posts) {
    out.stderr(
      `${other ? `${indefiniteArticle(other.name) === 'an' ? 'An' : 'A'} ${other.name} site (${other.file}) is no generator feedwright has a preset for (${Object.values(GENERATOR_NAMES).join(', ')})` : `No site generator feedwright knows (${Object.values(GENERATOR_NAMES).join(', ')}) was found here`}; ${posts.articles}/ holds ${describeSources(posts.kinds)}, so the config reads them ("articles": "${posts.articles}"), and no sample article is written.\n`,
    );
  } else await mkdir(path.join(io.cwd, 'articles'), { recursive: true });
  for (const f of files) {
    await writeFile(path.join(io.cwd, f.name), f.content);
    out.stderr(`wrote ${f.name}\n`);
  }
  if (posts) {
    // The language the posts' writing system names is said below, not as the site's own.
    const said = Object.entries(folderValues)
      .filter(([k, v]) => v !== null && !(k === 'language' && postsWritten))
      .map(([k, v]) => `${k} ${JSON.stringify(k === 'author' ? (v as { name: string }).name : v)}`);
    if (said.length > 0 && pages) out.stderr(`Most of the ${pages.checked} pages checked agree on the site's ${said.join(', ')} (og:site_name or their titles' common end, canonical URLs, <html lang>, meta author); the config uses them.\n`);
    // The language is what the extractor reads bylines and dates by: a guess it did not make is said.
    if (pages && folderValues.language === undefined) out.stderr(`The ${pages.checked} pages checked do not agree on a language (<html lang>, og:locale), so the config says "en": set "language" in feedwright.config.json if they are written in another.\n`);
    if (other && !gatsby && !pages && posts) out.stderr(otherSaid(other, posts.articles, otherLinks, said));
    if (gatsby && said.length > 0) out.stderr(`This is a Gatsby site (${gatsby.file}), which feedwright has no preset for: the config takes its siteMetadata${gatsby.frontMatterPaths ? ", and the posts' paths as its gatsby-node.js makes them (each post's front matter path, \"keys\": { \"link\": [\"path\"] })" : gatsby.filePaths ? ", and the posts' paths as its gatsby-node.js makes them (createFilePath: the post's path under its folder, \"permalinks\": \"/:path/\")" : ''}.\n`);
    if (postsWritten) out.stderr(`The feed's language is ${JSON.stringify(postsWritten.language)}: ${postsWritten.count} of the ${postsWritten.checked} posts checked are written in ${postsWritten.script} script. Change "language" in feedwright.config.json if the posts are in another language written so.\n`);
    const unsaid = (['title', 'link', 'author'] as const).filter((k) => !(k in folderValues));
    out.stderr(`Next: ${unsaid.length > 0 ? `edit feedwright.config.json (${unsaid.join(', ')}, and "itemBase": where the site serves the posts)` : 'check feedwright.config.json'}, then run \`npx feedwright build\`.\n`);
  }
  else if (!site) {
    // A generator whose pages are in formats feedwright does not read (Quarto's .qmd and .ipynb): say so first.
    const unread = other?.unread && Object.entries(other.unread).map(([ext, n]) => `${filesCount(n)} ${ext}`);
    if (other && unread) {
      out.stderr(
        `This is ${indefiniteArticle(other.name)} ${other.name} site (${other.file}), whose posts${other.contentDir ? ` in ${other.contentDir}/` : ''} are ${unread.join(' and ')} files: feedwright reads Markdown (.md), text and HTML posts only, so the config reads none of them, and a sample article is written.\n`,
      );
    }
    if (!marker && !unread) {
      const elsewhere = strayArticles(io.cwd);
      if (elsewhere) out.stderr(`${elsewhere}\n`);
    }
    out.stderr('Next: edit feedwright.config.json (title, description, link, author), then run `npx feedwright build`.\n');
  }
  else {
    if (site.authorsInPosts) {
      const { named, checked } = site.authorsInPosts;
      out.stderr(`The feed's author is the site (${JSON.stringify(site.own.title)}): ${named} of the ${checked} posts checked name their own authors, who are their items' authors.\n`);
    }
    if (site.machineZone) {
      out.stderr(`The site's config names no time zone: ${site.machineZone} then reads the posts' dates without an offset in the zone of the machine that builds the site. The feeds read them in UTC ("timezone": "UTC"), as a build server does (GitHub Actions, Netlify), so they are the same wherever they are built; if the site is built on a computer in another zone, set "timezone" in feedwright.config.json to that zone ("Asia/Shanghai").\n`);
    }
    if (site.ignoredZone) {
      out.stderr(`The site's config names the time zone ${JSON.stringify(site.ignoredZone)}, which is not an IANA time zone, so it is left out: dates without an offset are read in UTC (Jekyll reads an unknown zone as UTC too). Set "timezone" in feedwright.config.json if the posts' dates are another zone's ("Asia/Shanghai").\n`);
    }
    if (site.schemelessUrl) {
      const { file, line, key, value } = site.schemelessUrl;
      const address = `https://${value.replace(/^\/\//, '')}`;
      const assign = file.endsWith('.toml') ? `${key} = "${address}"` : `${key}: ${address}`;
      out.stderr(
        `${file}:${line}: ${key} "${value}" has no scheme, so ${site.generator} writes the site's links without one (${value.replace(/\/+$/, '')}/…), which browsers and feed readers take for paths on the page they are on. Write \`${assign}\` in ${file} (or http:// if the site is served so), and the same address as "link" in feedwright.config.json, which still holds the placeholder.\n`,
      );
    }
    if (site.languageFromPosts) {
      const { language, script, count, checked } = site.languageFromPosts;
      out.stderr(`The feed's language is ${JSON.stringify(language)}: ${count} of the ${checked} posts checked are written in ${script} script, and the site's config names no language. Change "language" in feedwright.config.json if the posts are in another language written so.\n`);
    }
    if (site.authorFromGit) {
      const { name, commits, total } = site.authorFromGit;
      out.stderr(`The feed's author is ${JSON.stringify(name)}, who made ${commits} of the last ${total} commits to ${site.articles}/ (git log): neither the site's config nor its posts name one. Change "author" in feedwright.config.json if that is not who writes the site.\n`);
    }
    const missing = (['title', 'link', 'author'] as const).filter((k) => !(k in site.own));
    const check = missing.length > 0 ? `set ${missing.join(', ')} in feedwright.config.json (the site's config does not say)` : 'check the title, link and author in feedwright.config.json';
    out.stderr(`Next: ${check}, then run \`npx feedwright build\`; the feeds go to ${String(site.own.out)}/.\n`);
  }
  return EXIT.OK;
}
