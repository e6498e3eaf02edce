import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleEntry } from './cache/articles.js';
import type { FeedwrightConfig } from './config/schema.js';
import { FeedwrightError } from './errors.js';
import { asPreviousItems, type ChangeSummary, compareItems, readPreviousItems } from './feeds/changes.js';
import type { FeedData } from './feeds/model.js';
import { type OutputPlan, SET_FOLDERS, planOutput } from './feeds/plan.js';
import { ARCHIVE_DIR, FORMATS, type FeedSet, type OutputFormat } from './feeds/sets.js';
import type { Article, Diagnostic } from './model.js';
import { previousOutput, readOutputRecord, recordedItems, unchangedOutputs, writeOutputRecord } from './cache/outputs.js';
import type { ComposedRecord } from './feeds/compose.js';
import { acquireLock, commitFiles, discardFiles, renderToTemp, type RenderedFile, syncFiles, type WriteSummary } from './output/write.js';
import { type BuildCounts, type LoadedArticles, loadArticles } from './pipeline/load.js';
import { type BuildOptions as PathOptions, resolvePaths } from './pipeline/paths.js';
import type { ItemDiagnostic } from './validate/compose.js';
import { diag } from './diagnostics.js';
import { HOMEPAGE, VERSION } from './version.js';

export type { BuildPaths } from './pipeline/paths.js';
export type { ChangeSummary, ItemRef } from './feeds/changes.js';

/** Options for {@link build}. Paths are resolved against `cwd`. */
export interface BuildOptions extends PathOptions {
  /**
   * Called as articles are parsed, with how many are done out of how many; for progress bars.
   * The library itself never prints.
   */
  onProgress?: (done: number, total: number) => void;
  /**
   * For a process that builds again and again (`build --watch`): pass the same session to every
   * build, and the articles of the previous build are reused from memory rather than decoded from
   * the cache again. Results are the same with or without it.
   */
  session?: BuildSession;
}

/** What a long-running process keeps between builds (see `BuildOptions.session`). */
export interface BuildSession {
  /** The last build's cache entries, by key. */
  readonly articles: Map<string, ArticleEntry>;
}

export function createBuildSession(): BuildSession {
  return { articles: new Map() };
}

/** One generated feed file: which feed, which format, where it is published. */
export interface FeedRef {
  kind: FeedSet['kind'];
  /** The tag or author name; the page number for archive pages; '' for the main feed. */
  name: string;
  format: OutputFormat;
  /** Path inside the output folder. */
  file: string;
  url: string;
  title: string;
  items: number;
}
export { loadArticles, type LoadedArticles } from './pipeline/load.js';
export { resolvePaths } from './pipeline/paths.js';

export interface BuildResult {
  /** Articles in the feeds, newest first. */
  articles: Article[];
  /** Every diagnostic, sorted by file and line. */
  diagnostics: Diagnostic[];
  /** Every file of the output: written, or unchanged (same bytes, not rewritten). Empty on a dry run. */
  files: WriteSummary[];
  /** Stale feed files removed: feeds of tags, authors or archive pages that no longer exist. */
  removedFiles: string[];
  counts: BuildCounts;
  /** New, updated and removed items compared with the previous output's JSON feeds. */
  changes: ChangeSummary;
  /** Every generated feed (all formats, all feed sets) with its URL. */
  feeds: FeedRef[];
  /** The configuration the build used, after defaults. */
  config: FeedwrightConfig;
}

const GENERATOR: FeedData['generator'] = { name: 'feedwright', version: VERSION, uri: HOMEPAGE };

/**
 * Build the feeds: load the articles, render every planned file (RSS, Atom and JSON Feed for the
 * site, its archive pages, tags and authors; the stylesheet, OPML list and index page) to
 * temporary files, validate every feed, and only then replace the old files, all together.
 * Unchanged files are not rewritten. A validation failure is a bug in feedwright: nothing is
 * replaced and VALIDATION_FAILED is thrown.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const paths = resolvePaths(options);
  const { config } = paths.loaded;
  const now = options.now ?? new Date();
  const loaded = await loadArticles(paths, now, options.onProgress, options.session?.articles);
  if (!options.config && paths.loaded.file === undefined) {
    // Building with the defaults gives feeds that link to example.com: say so, once.
    loaded.diagnostics.unshift(diag('CONFIG_DEFAULTS', { file: 'feedwright.config.json' }, `No config file was found, so the feeds use the defaults (title "${config.title}", link ${config.link}).`, 'Run `feedwright init`, or write feedwright.config.json with at least "title" and "link".'));
  }
  if (options.verifyLinks) await checkLinks(options, paths, loaded);
  const plan = planOutput(config, loaded.articles, GENERATOR);
  const renders = plan.files;
  const feedNames = new Set(renders.filter((r) => (FORMATS as readonly string[]).includes(r.format)).map((r) => r.name));
  if (options.dryRun) {
    const { checkFeed } = await import('./validate/index.js');
    const validation = renders.filter((r) => feedNames.has(r.name)).flatMap((r) => checkFeed(r.name, [...r.chunks()].join('')));
    const changes = compareItems(await readPreviousItems(paths.outDir, config.files.json, ARCHIVE_DIR), plan.published);
    return finish(loaded, [], [], validation, plan, changes, config);
  }

  const release = await acquireLock(paths.outDir, paths.display(paths.outDir));
  const token = `${process.pid}-${Date.now().toString(36)}`;
  const rendered: RenderedFile[] = [];
  try {
    await removeStaleTemps(paths.outDir);
    // Same inputs and the files untouched since they were written: nothing to render (src/cache/outputs.ts).
    const record = readOutputRecord(paths);
    const same = await unchangedOutputs(paths, record, loaded.fingerprint, renders.map((r) => r.name));
    if (same) return finish(loaded, same.files, await removeStaleSets(paths.outDir, plan, config), same.validation, plan, { previous: true, added: [], updated: [], removed: [] }, config);
    // Read the previous items before anything is replaced: the change summary compares with them.
    const previous = await previousOutput(paths, record);
    const previousItems = recordedItems(record, previous, config.files.json) ?? (await readPreviousItems(paths.outDir, config.files.json, ARCHIVE_DIR));
    // The writers' validators (saxes, ajv) load only when something is rendered.
    const { ComposeMemo, composeFeed } = await import('./feeds/compose.js');
    const memo = new ComposeMemo(loaded.checkedItems);
    const keyOf = fragmentKeys(loaded.renderKeys);
    const composed = new Map<string, ComposedRecord>();
    const validatedByName = new Map<string, Diagnostic[]>();
    const itemDiagnostics = new Map<string, ItemDiagnostic[]>();
    const validation: Diagnostic[] = [];
    for (const r of renders) {
      if (!r.feed) {
        rendered.push(await renderToTemp(paths.outDir, r.name, r.chunks(), token));
        continue;
      }
      const label = paths.display(path.join(paths.outDir, r.name));
      const format = r.format as OutputFormat;
      const file = await composeFeed(paths.outDir, { name: r.name, label, format, writer: r.feed.writer, feed: r.feed.data, keyOf: (a) => keyOf(a, format) }, previous, memo, token);
      rendered.push(file);
      composed.set(r.name, file.record);
      for (const [hash, found] of file.itemDiagnostics) itemDiagnostics.set(hash, found);
      const found = file.diagnostics.map((d) => (d.severity === 'error' ? { ...d, code: `FEED_INVALID/${d.code}` } : d));
      validatedByName.set(r.name, found);
      validation.push(...found);
    }
    if (validation.some((d) => d.severity === 'error')) {
      await discardFiles(rendered);
      throw new FeedwrightError('VALIDATION_FAILED', `feedwright rendered a feed that fails its own validation; the old feeds were kept. This is a bug in feedwright: ${validation.find((d) => d.severity === 'error')?.message ?? ''}`, 'Please report it with the article that triggers it (`feedwright check` on the feed shows the details).');
    }
    await syncFiles(rendered);
    const files = await commitFiles(paths.outDir, rendered);
    await writeOutputRecord(paths, loaded.fingerprint, rendered, validatedByName, composed, itemDiagnostics, asPreviousItems(plan.published));
    const removed = await removeStaleSets(paths.outDir, plan, config);
    return finish(loaded, files, removed, validation, plan, compareItems(previousItems, plan.published), config);
  } catch (error) {
    await discardFiles(rendered);
    throw error;
  } finally {
    release();
  }
}

/**
 * An item's key in one format: its article's render key (src/pipeline/load.ts) and the format.
 * Articles without one (no cache, or read relative to the clock) are always rendered.
 */
function fragmentKeys(renderKeys: ReadonlyMap<Article, string>): (article: Article, format: OutputFormat) => string | undefined {
  return (article, format) => {
    const key = renderKeys.get(article);
    // 128 bits of the SHA-256 render key: as unique as the item hashes the record keeps.
    return key === undefined ? undefined : `${format}:${key.slice(0, 32)}`;
  };
}

function finish(loaded: LoadedArticles, files: WriteSummary[], removedFiles: string[], validation: Diagnostic[], plan: OutputPlan, changes: ChangeSummary, config: FeedwrightConfig): BuildResult {
  const feeds: FeedRef[] = plan.sets.flatMap((s) => FORMATS.map((format) => ({ kind: s.kind, name: s.name, format, file: s.files[format], url: s.urls[format], title: s.title, items: s.data[format].items.length })));
  return { articles: loaded.articles, diagnostics: [...loaded.diagnostics, ...validation], files, removedFiles, counts: loaded.counts, changes, feeds, config };
}

/**
 * Feeds of tags, authors and archive pages that are no longer generated (the last article with a
 * tag was deleted; `limit` changed): remove their three feed files, and the folder if it is then
 * empty. Only feedwright's own file names in its own folders are touched; anything else stays.
 */
async function removeStaleSets(outDir: string, plan: OutputPlan, config: FeedwrightConfig): Promise<string[]> {
  const planned = new Set(plan.sets.map((s) => s.dir));
  const removed: string[] = [];
  for (const folder of SET_FOLDERS) {
    const entries = await readdir(path.join(outDir, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const dir = `${folder}${entry.name}/`;
      if (!entry.isDirectory() || planned.has(dir)) continue;
      for (const f of FORMATS) {
        const file = dir + config.files[f];
        const existed = await rm(path.join(outDir, file)).then(() => true, () => false);
        if (existed) removed.push(file);
      }
      // Not empty (the user keeps other files there): leave the folder.
      await rmdir(path.join(outDir, dir)).catch(() => undefined);
    }
  }
  return removed;
}

/** Temporary files left by a build that was killed (SIGKILL cannot clean up after itself). */
async function removeStaleTemps(outDir: string): Promise<void> {
  const entries = await readdir(outDir, { recursive: true }).catch(() => [] as string[]);
  await Promise.all(entries.filter((e) => /(^|\/)\.[^/]+\.\d+-[a-z0-9]+\.tmp$/.test(e)).map((e) => rm(path.join(outDir, e), { force: true })));
}


/** --verify-links: every item link must be a page the site built (src/site/verify.ts). */
async function checkLinks(options: BuildOptions, paths: ReturnType<typeof resolvePaths>, loaded: LoadedArticles): Promise<void> {
  const { verifyLinks } = await import('./site/verify.js');
  const { config } = paths.loaded;
  const site = config.siteInfo;
  let outputDir: string;
  if (typeof options.verifyLinks === 'string') outputDir = path.resolve(options.cwd ?? process.cwd(), options.verifyLinks);
  else if (site && paths.siteRoot) outputDir = path.resolve(paths.siteRoot, site.output);
  else throw new FeedwrightError('USAGE', '--verify-links: no site generator was found, so its output folder is unknown.', 'Pass the folder the site was built into: --verify-links DIR.');
  const base = config.itemBase !== config.link ? config.itemBase : (site?.baseUrl ?? config.itemBase);
  const { diagnostics } = verifyLinks(loaded.articles, outputDir, base, paths.display);
  loaded.diagnostics.push(...diagnostics);
}
