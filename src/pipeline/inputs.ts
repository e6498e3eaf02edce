import { lstatSync, type Stats } from 'node:fs';
import path from 'node:path';
import { CACHE_FORMAT, cacheFiles, hashText } from '../cache/articles.js';
import { diagnostic } from '../diagnostics.js';
import { findTemplateLines } from '../extract/text/template.js';
import { type GitDates as GitHistory, readGitDates } from '../meta/git.js';
import type { Diagnostic } from '../model.js';
import picomatch from 'picomatch';
import { collectionMatcher } from '../site/astro-collections.js';
import type { SiteInfo } from '../site/model.js';
import { type ListOptions, listSources, SOURCE_EXTENSIONS, type SourceFile } from '../sources/files.js';
import { CODE_ID } from '../version.js';
import type { BuildPaths } from './paths.js';

/*
 * The inputs of the article pipeline (src/pipeline/article.ts) that depend on the whole folder:
 * which files are articles, their git dates and the site template. The build (load.ts) and
 * `explain` (src/explain.ts) both take them from here, so an article is explained with exactly
 * the inputs the build reads it with. Decoding is `readSource` (src/sources/files.ts) for both.
 */

/** Git dates by path relative to the articles folder. */
export type GitDates = ReadonlyMap<string, { first: Date; last: Date }>;

/** The articles folder, listed. */
export interface ArticleListing {
  /** Every source file, in the stable listing order. */
  all: SourceFile[];
  /** The files to read: those the site's generator makes a page of. */
  files: SourceFile[];
  /** The others, with why (a page bundle's resource, a text file): never read. */
  notContent: Map<SourceFile, string>;
  /** The listing's problems, the files left out (META_NOT_A_POST) and data files that are code. */
  diagnostics: Diagnostic[];
}

/** Step 1: list the articles folder (sorted, stable) and set apart the files that are no articles. */
export async function listArticles(paths: BuildPaths): Promise<ArticleListing> {
  return (await listWithLinks(paths)).listing;
}

async function listWithLinks(paths: BuildPaths): Promise<{ listing: ArticleListing; links: number }> {
  const { config } = paths.loaded;
  const listed = await listSources(paths.articlesDir, paths.display, { followExternalLinks: config.followExternalLinks, ...siteListing(config.siteInfo) });
  const diagnostics = [...listed.diagnostics];
  // Files the site's generator makes no page of (page bundle resources, text files) are not read.
  const notContent = notSiteContent(listed.files, config.siteInfo);
  for (const [f, why] of notContent) diagnostics.push(diagnostic('META_NOT_A_POST', { file: f.displayPath }, { what: why, by: 'site' }));
  for (const file of config.siteInfo?.codeData ?? []) {
    // Not run: a permalink or date it sets is unknown here, and links may be wrong without a word.
    diagnostics.push(diagnostic('SITE_DATA_CODE', { file }, {}));
  }
  const files = notContent.size > 0 ? listed.files.filter((f) => !notContent.has(f)) : listed.files;
  return { listing: { all: listed.files, files, notContent, diagnostics }, links: listed.links };
}

/**
 * What the listing needs of the site, from the detection the build already made (src/pipeline/paths.ts,
 * src/site/detect.ts), so that it is not looked for again: the site of a preset's generator renders
 * what the preset's rules say (notSiteContent), under no rule of a generator without a preset
 * (src/site/rendered.ts), and a Hugo site's default content language is the one its config states
 * (`defaultContentLanguage`, "en" when unset), which decides its `x.md` and `x.en.md` pairs; no other
 * preset's site has such pairs. Without a preset's site, the listing looks from the folder up for a
 * generator without a preset, and for a Hugo config only where such a pair is.
 */
function siteListing(site: SiteInfo | undefined): Pick<ListOptions, 'renderRule' | 'hugoDefaultLanguage'> {
  if (site === undefined) return {};
  return { renderRule: null, hugoDefaultLanguage: site.preset === 'hugo' ? (site.defaultLanguage ?? 'en') : null };
}

/**
 * A watch session's listing, kept between its builds (src/cli/watch.ts): the watcher reports the
 * paths it saw change (`touch`), and the next build stats only those, when each is an article
 * file the last listing had, reached without a link, and still a regular file; the others keep
 * their stamps. Anything else lists the whole folder again: a path the listing does not have (a
 * new, deleted or renamed file, a folder, an editor's temporary file), an event without a name or
 * from the config's folder (`invalidate`), a folder with symbolic links in it (a change behind a
 * link is reported under the target's path, not the link's), another config or articles folder,
 * and the first build after the memo is made (changes before the watcher was in place are unseen).
 * Listing 10k files costs ~10k lstat calls (~45 ms quiet, ~120 ms loaded) on every save otherwise.
 */
export class ListingMemo {
  private last: { listing: ArticleListing; context: string; byPath: Map<string, number> } | undefined;
  private readonly touched = new Set<string>();
  private whole = true;
  /** Builds that listed the whole folder, and builds that statted only what was touched (tests). */
  readonly counts = { whole: 0, touched: 0 };

  /** A path the watcher saw change, relative to the articles folder (either separator). */
  touch(relPath: string): void {
    this.touched.add(relPath.split(path.sep).join('/'));
  }

  /** A change the watcher cannot name: the next build lists the whole folder. */
  invalidate(): void {
    this.whole = true;
  }

  async list(paths: BuildPaths): Promise<ArticleListing> {
    const context = JSON.stringify([paths.articlesDir, paths.display(paths.articlesDir), paths.loaded.config]);
    // Taken now: a change seen while this build lists is for the next one.
    const touched = [...this.touched];
    this.touched.clear();
    const whole = this.whole;
    this.whole = false;
    const last = this.last;
    const kept = !whole && last !== undefined && last.context === context ? restat(last.listing, last.byPath, touched) : undefined;
    if (kept) {
      this.counts.touched++;
      this.last = { ...last, listing: kept } as typeof last;
      return kept;
    }
    this.counts.whole++;
    this.last = undefined;
    const { listing, links } = await listWithLinks(paths);
    if (links === 0) this.last = { listing, context, byPath: new Map(listing.all.map((f, i) => [f.relPath, i])) };
    return listing;
  }
}

/** `listing` with the stamps of `touched` taken again, or undefined when one of them is not simply an article file that changed. */
function restat(listing: ArticleListing, byPath: ReadonlyMap<string, number>, touched: readonly string[]): ArticleListing | undefined {
  const changed = new Map<SourceFile, SourceFile>();
  for (const rel of touched) {
    const i = byPath.get(rel);
    const old = i === undefined ? undefined : listing.all[i];
    if (old === undefined || listing.notContent.has(old)) return undefined;
    let s: Stats;
    try {
      s = lstatSync(old.abs);
    } catch {
      return undefined;
    }
    // lstat: a link put in the file's place is not a regular file here.
    if (!s.isFile()) return undefined;
    changed.set(old, { ...old, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino });
  }
  if (changed.size === 0) return listing;
  const swap = (f: SourceFile): SourceFile => changed.get(f) ?? f;
  const all = listing.all.map(swap);
  return { all, files: listing.files === listing.all ? all : listing.files.map(swap), notContent: listing.notContent, diagnostics: listing.diagnostics };
}

/** Step 1 and its git dates, read at the same time: what `loadArticles` starts from. */
export interface BuildInputs {
  listed: ArticleListing;
  git: Promise<GitHistory>;
  /** When the listing began (ms, this machine's clock): a stamp older than this, by the racy window, proves a file's text. */
  listedAt: number;
}

/** `memo`: a watch session's listing (ListingMemo), updated rather than listed again when it can be. */
export async function readInputs(paths: BuildPaths, memo?: ListingMemo): Promise<BuildInputs> {
  const listedAt = Date.now();
  const git = readArticleGit(paths);
  // Not awaited here: git runs while the files are listed and read.
  git.catch(() => undefined);
  const listed = memo ? await memo.list(paths) : await listArticles(paths);
  return { listed, git, listedAt };
}

/**
 * A digest of everything a build's result depends on besides the clock, without reading a single
 * article: feedwright's code (CODE_ID) and cache format, the whole config, the folders and how they are
 * shown, the listing (every source's kind, paths and stamp: size, mtime, ctime, inode) and its
 * diagnostics, and the git dates. Equal digests, with every stamp older than the racy window
 * (src/cache/last-build.ts), mean the same texts under the same paths, read the same way.
 * Undefined when a stamp is incomplete (no ctime or inode: such a file is always read).
 */
export async function inputsDigest(paths: BuildPaths, inputs: BuildInputs): Promise<string | undefined> {
  const { listed } = inputs;
  const git = await inputs.git;
  const parts: string[] = [
    'feedwright-inputs-1',
    CACHE_FORMAT,
    CODE_ID,
    JSON.stringify(paths.loaded.config),
    paths.articlesDir,
    paths.outDir,
    paths.display(paths.articlesDir),
    paths.display(paths.outDir),
    JSON.stringify(listed.diagnostics),
    JSON.stringify(git.diagnostics),
  ];
  for (const f of listed.all) {
    if (f.ctimeMs === undefined || f.ino === undefined) return undefined;
    parts.push(`${f.kind}\0${f.relPath}\0${f.displayPath}\0${f.size}\0${f.mtimeMs}\0${f.ctimeMs}\0${f.ino}`);
  }
  for (const [rel, d] of [...git.dates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) parts.push(`git\0${rel}\0${d.first.getTime()}\0${d.last.getTime()}`);
  return hashText(parts.join('\n'));
}

/** Step 1, at the same time: git dates of every file, with one `git log` (none when the config turns git off). */
export function readArticleGit(paths: BuildPaths): Promise<GitHistory> {
  if (!paths.loaded.config.git) return Promise.resolve({ dates: new Map(), diagnostics: [] });
  // The history read at a commit is kept in the cache folder (meta/git.ts): a rebuild at the same HEAD runs no git log.
  return readGitDates(paths.articlesDir, paths.display(paths.articlesDir), cacheFiles(paths)?.git);
}

/**
 * A file named outside the listing (`explain` of a file outside the articles folder, or without
 * one): its kind by extension (text when unknown), its path relative to the articles folder, or
 * its name when outside it.
 */
export function unlistedFile(abs: string, displayPath: string, articlesDir: string): Omit<SourceFile, 'size' | 'mtimeMs'> {
  const kind = SOURCE_EXTENSIONS[path.extname(abs).toLowerCase()] ?? 'text';
  const rel = path.relative(articlesDir, abs).split(path.sep).join('/');
  return { kind, abs, relPath: rel.startsWith('..') ? path.basename(abs) : rel, displayPath };
}

/**
 * Step 3: the site template, the lines that recur across many of the folder's text sources
 * (src/extract/text/template.ts): learned from every decoded text article, before any is parsed.
 */
export function siteTemplate(decoded: Iterable<{ file: Pick<SourceFile, 'kind'>; text: string }>): ReadonlySet<string> {
  const texts: string[] = [];
  for (const d of decoded) if (d.file.kind === 'text') texts.push(d.text);
  return findTemplateLines(texts);
}

/**
 * Source files a site generator makes no page of: no generator makes pages of `.txt` files (nor
 * Zola of `.html` ones), and in Hugo and Zola the files beside and below a page bundle's
 * `index.md` are its resources. Without a generator every source is an article, as always.
 */
function notSiteContent(files: readonly SourceFile[], site: SiteInfo | undefined): Map<SourceFile, string> {
  const out = new Map<SourceFile, string>();
  const preset = site?.preset;
  if (preset === undefined) return out;
  // Astro: only the entries of the posts collection's glob loader are posts (not `about/`, not `_draft.md`).
  const glob = site?.collectionGlob;
  const inCollection = glob ? collectionMatcher(glob) : undefined;
  const bundles =
    preset === 'hugo' || preset === 'zola'
      ? new Set(files.filter((f) => /(^|\/)index\.(md|markdown|html?)$/.test(f.relPath)).map((f) => f.relPath.replace(/\/?index\.[^.]+$/, '')))
      : new Set<string>();
  // Astro, with the articles folder at the content root: only the collections the site's own feed reads.
  const feedCollections = preset === 'astro' && site?.contentPrefix === '' ? site.feedCollections : undefined;
  // Zola's ignored_content, matched below the content folder as Zola's globs are: a pattern
  // without a slash (`*.src.md`) against the file's name in any folder.
  const ignored = site?.ignoredContent;
  const byName = ignored?.patterns.filter((g) => !g.includes('/')) ?? [];
  const byPath = ignored?.patterns.filter((g) => g.includes('/')) ?? [];
  const matchers = [...(byName.length > 0 ? [picomatch(byName, { basename: true, dot: true })] : []), ...(byPath.length > 0 ? [picomatch(byPath, { dot: true })] : [])];
  const isIgnored = ignored ? (p: string) => matchers.some((m) => m(p)) : undefined;
  for (const f of files) {
    if (ignored && isIgnored?.(site.contentPrefix ? `${site.contentPrefix}/${f.relPath}` : f.relPath)) {
      out.set(f, `a file the site's ignored_content (${ignored.file}) leaves out`);
      continue;
    }
    if (glob && inCollection && !inCollection(f.relPath)) {
      out.set(f, `a file the "${glob.name}" collection's glob pattern leaves out (${glob.file})`);
      continue;
    }
    const collection = f.relPath.split('/')[0] as string;
    if (feedCollections && f.relPath.includes('/') && !feedCollections.names.includes(collection)) {
      out.set(f, `an entry of the "${collection}" collection, which the site's own feed (${feedCollections.file}) does not read`);
      continue;
    }
    if (f.kind === 'text' || (preset === 'zola' && f.kind === 'html')) {
      out.set(f, `a ${f.kind === 'text' ? 'text' : 'HTML'} file, which ${preset} does not make a page of`);
      continue;
    }
    const parts = f.relPath.split('/');
    for (let i = parts.length - 1; i >= 1; i--) {
      const dir = parts.slice(0, i).join('/');
      if (bundles.has(dir) && !(i === parts.length - 1 && /^index\./.test(parts[i] ?? ''))) {
        out.set(f, `a resource of the page bundle ${dir}/`);
        break;
      }
    }
  }
  return out;
}
