import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { findTemplateLines } from './clean/text/index.js';
import { loadConfig, type LoadedConfig } from './config/load.js';
import type { FeedwrightConfig } from './config/schema.js';
import { compareDiagnostics, diag } from './diagnostics.js';
import { type FeedData, compareArticles, feedUpdated } from './feeds/model.js';
import { renderAtom } from './feeds/atom.js';
import { renderJson } from './feeds/json.js';
import { renderRss } from './feeds/rss.js';
import { readGitDates } from './meta/git.js';
import { resolveArticle } from './meta/resolve.js';
import type { Article, Diagnostic } from './model.js';
import { acquireLock, commitFiles, discardFiles, renderToTemp, type RenderedFile, type WriteSummary } from './output/write.js';
import { listSources, readSource, type SourceFile } from './sources/files.js';
import { readDocument, type ReadContext } from './sources/read.js';
import { checkFeed } from './validate/index.js';
import { FeedwrightError } from './errors.js';
import { HOMEPAGE, VERSION } from './version.js';

/** Options for {@link build}. Paths are resolved against `cwd`. */
export interface BuildOptions {
  /** Working directory (default: process.cwd()). */
  cwd?: string;
  /** Config file; default `feedwright.config.json` in `cwd` if it exists, else built-in defaults. */
  configFile?: string;
  /** Override the config: articles folder. */
  articles?: string;
  /** Override the config: output folder. */
  out?: string;
  /** Use this config object instead of reading a file (library use). */
  config?: FeedwrightConfig;
  /** The build's clock, used only to hold back future-dated articles. Default: now. */
  now?: Date;
  /** Render and validate, but write nothing. */
  dryRun?: boolean;
}

export interface BuildResult {
  /** Articles in the feeds, newest first. */
  articles: Article[];
  /** Every diagnostic, sorted by file and line. */
  diagnostics: Diagnostic[];
  files: WriteSummary[];
  counts: { sources: number; published: number; drafts: number; held: number; failed: number };
}

export interface LoadedArticles {
  articles: Article[];
  diagnostics: Diagnostic[];
  counts: BuildResult['counts'];
}

/** Paths resolved from the options and the config. */
export interface BuildPaths {
  loaded: LoadedConfig;
  articlesDir: string;
  outDir: string;
  display: (abs: string) => string;
}

export function resolvePaths(options: BuildOptions): BuildPaths {
  const cwd = options.cwd ?? process.cwd();
  const loaded: LoadedConfig = options.config
    ? { config: options.config, file: undefined, root: cwd }
    : loadConfig(cwd, options.configFile);
  const articlesDir = options.articles ? path.resolve(cwd, options.articles) : path.resolve(loaded.root, loaded.config.articles);
  const outDir = options.out ? path.resolve(cwd, options.out) : path.resolve(loaded.root, loaded.config.out);
  const display = (abs: string): string => {
    const r = path.relative(cwd, abs);
    return r === '' ? '.' : r.startsWith('..') ? abs : r.split(path.sep).join('/');
  };
  return { loaded, articlesDir, outDir, display };
}

/**
 * Read, clean and resolve every article (the first half of a build; `explain` uses it too).
 *
 * 1. list the sources (stable order) and, at the same time, read git dates with one `git log`;
 * 2. read and decode every file; a bad file becomes a diagnostic, the rest go on;
 * 3. learn the folder's site template from the text sources (lines recurring in many files);
 * 4. parse each source by kind (front matter, Markdown / text cleaning / HTML extraction);
 * 5. resolve metadata by precedence, with provenance;
 * 6. drop duplicates of an id or slug (reported on both files), sort newest first.
 */
export async function loadArticles(paths: BuildPaths, now: Date): Promise<LoadedArticles> {
  const { config } = paths.loaded;
  const diagnostics: Diagnostic[] = [];
  const gitPromise = config.git ? readGitDates(paths.articlesDir, paths.display(paths.articlesDir)) : Promise.resolve({ dates: new Map(), diagnostics: [] });
  const listed = await listSources(paths.articlesDir, paths.display);
  diagnostics.push(...listed.diagnostics);

  const texts = await mapLimit(listed.files, 16, async (file) => ({ file, result: await readSource(file) }));
  const decoded: { file: SourceFile; text: string }[] = [];
  for (const { file, result } of texts) {
    if (result.ok) decoded.push({ file, text: result.text });
    else diagnostics.push(result.diagnostic);
  }

  const template = findTemplateLines(decoded.filter((d) => d.file.kind === 'text').map((d) => d.text));
  const readContext: ReadContext = {
    timezone: config.timezone,
    template,
    dropPatterns: config.clean.drop.map((p) => new RegExp(p, 'u')),
    keepPatterns: config.clean.keep.map((p) => new RegExp(p, 'u')),
    now,
  };
  const git = await gitPromise;
  diagnostics.push(...git.diagnostics);

  const counts = { sources: listed.files.length, published: 0, drafts: 0, held: 0, failed: listed.files.length - decoded.length };
  const articles: Article[] = [];
  for (const { file, text } of decoded) {
    const read = readDocument(file, text, readContext);
    diagnostics.push(...read.diagnostics);
    if (!read.ok) {
      counts.failed++;
      continue;
    }
    const resolved = resolveArticle(read.doc, file.mtimeMs, { config, git: git.dates, now });
    diagnostics.push(...resolved.diagnostics);
    if (resolved.status === 'ok') articles.push(resolved.article);
    else if (resolved.status === 'draft') counts.drafts++;
    else if (resolved.status === 'future') counts.held++;
    else counts.failed++;
  }

  articles.sort(compareArticles);
  const kept = dropDuplicates(articles, diagnostics);
  counts.failed += articles.length - kept.length;
  counts.published = kept.length;
  diagnostics.sort(compareDiagnostics);
  return { articles: kept, diagnostics, counts };
}

/** Keep the first (newest, then lowest id) article of each id and slug; report both files. */
function dropDuplicates(articles: Article[], diagnostics: Diagnostic[]): Article[] {
  const byId = new Map<string, Article>();
  const bySlug = new Map<string, Article>();
  const kept: Article[] = [];
  for (const a of articles) {
    const sameId = byId.get(a.id.value);
    const sameSlug = a.link.from === 'derived' ? bySlug.get(a.slug.value) : undefined;
    const other = sameId ?? sameSlug;
    if (other) {
      const code = sameId ? 'META_DUPLICATE_ID' : 'META_DUPLICATE_SLUG';
      const what = sameId ? `id "${a.id.value}"` : `slug "${a.slug.value}"`;
      diagnostics.push(diag(code, lineAt(a, sameId ? 'id' : 'slug'), `This article has the same ${what} as ${other.displayPath}; it is left out of the feeds.`, sameId ? 'Give one of them a different "id" (or slug).' : 'Give one of them a different "slug" in its front matter.'));
      diagnostics.push(diag(code, lineAt(other, sameId ? 'id' : 'slug'), `${a.displayPath} has the same ${what} as this article and was left out.`, 'Give one of them a different "slug" or "id".'));
      continue;
    }
    byId.set(a.id.value, a);
    bySlug.set(a.slug.value, a);
    kept.push(a);
  }
  return kept;
}

function lineAt(a: Article, field: 'id' | 'slug'): { file: string; line?: number } {
  const line = a[field].line;
  return line === undefined ? { file: a.displayPath } : { file: a.displayPath, line };
}

/** The three feeds' data for a list of articles. */
export function feedData(config: FeedwrightConfig, items: readonly Article[]): { rss: FeedData; atom: FeedData; json: FeedData } {
  const url = (name: string): string => new URL(name, config.feedUrl).href;
  const alternates = { rss: url(config.files.rss), atom: url(config.files.atom), json: url(config.files.json) };
  const base: Omit<FeedData, 'selfUrl'> = {
    title: config.title,
    description: config.description,
    homeUrl: config.link,
    alternates,
    language: config.language,
    author: config.author,
    updated: feedUpdated(items),
    items,
    generator: { name: 'feedwright', version: VERSION, uri: HOMEPAGE },
    hubs: [],
    links: [],
  };
  return { rss: { ...base, selfUrl: alternates.rss }, atom: { ...base, selfUrl: alternates.atom }, json: { ...base, selfUrl: alternates.json } };
}

/**
 * Build the feeds: load the articles, render RSS, Atom and JSON Feed to temporary files, validate
 * them, and only then replace the old feeds (all three together). Unchanged files are not rewritten.
 * A validation failure is a bug in feedwright: nothing is replaced and VALIDATION_FAILED is thrown.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const paths = resolvePaths(options);
  const { config } = paths.loaded;
  const now = options.now ?? new Date();
  const loaded = await loadArticles(paths, now);
  const items = config.limit > 0 ? loaded.articles.slice(0, config.limit) : loaded.articles;
  const data = feedData(config, items);
  const renders = [
    { name: config.files.rss, chunks: () => renderRss(data.rss) },
    { name: config.files.atom, chunks: () => renderAtom(data.atom) },
    { name: config.files.json, chunks: () => renderJson(data.json) },
  ];
  if (options.dryRun) {
    const validation = renders.flatMap((r) => checkFeed(r.name, [...r.chunks()].join('')));
    return finish(loaded, [], validation);
  }

  const release = await acquireLock(paths.outDir, paths.display(paths.outDir));
  const token = `${process.pid}-${Date.now().toString(36)}`;
  const rendered: RenderedFile[] = [];
  try {
    await removeStaleTemps(paths.outDir);
    for (const r of renders) rendered.push(await renderToTemp(paths.outDir, r.name, r.chunks(), token));
    const validation = await validateRendered(rendered, paths);
    if (validation.some((d) => d.severity === 'error')) {
      await discardFiles(rendered);
      throw new FeedwrightError('VALIDATION_FAILED', `feedwright rendered a feed that fails its own validation; the old feeds were kept. This is a bug in feedwright: ${validation.find((d) => d.severity === 'error')?.message ?? ''}`, 'Please report it with the article that triggers it (`feedwright check` on the feed shows the details).');
    }
    const files = await commitFiles(paths.outDir, rendered);
    return finish(loaded, files, validation);
  } catch (error) {
    await discardFiles(rendered);
    throw error;
  } finally {
    release();
  }
}

async function validateRendered(rendered: readonly RenderedFile[], paths: BuildPaths): Promise<Diagnostic[]> {
  const { readFile } = await import('node:fs/promises');
  const out: Diagnostic[] = [];
  for (const f of rendered) {
    const content = await readFile(f.tmp, 'utf8');
    for (const d of checkFeed(paths.display(path.join(paths.outDir, f.name)), content)) {
      out.push(d.severity === 'error' ? { ...d, code: `FEED_INVALID/${d.code}` } : d);
    }
  }
  return out;
}

function finish(loaded: LoadedArticles, files: WriteSummary[], validation: Diagnostic[]): BuildResult {
  return { articles: loaded.articles, diagnostics: [...loaded.diagnostics, ...validation], files, counts: loaded.counts };
}

/** Temporary files left by a build that was killed (SIGKILL cannot clean up after itself). */
async function removeStaleTemps(outDir: string): Promise<void> {
  const entries = await readdir(outDir, { recursive: true }).catch(() => [] as string[]);
  await Promise.all(entries.filter((e) => /(^|\/)\.[^/]+\.\d+-[a-z0-9]+\.tmp$/.test(e)).map((e) => rm(path.join(outDir, e), { force: true })));
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return results;
}
