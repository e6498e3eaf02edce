import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FeedwrightConfig } from './config/schema.js';
import { FeedwrightError } from './errors.js';
import { renderAtom } from './feeds/atom.js';
import { renderJson } from './feeds/json.js';
import { type FeedData, feedUpdated } from './feeds/model.js';
import { renderRss } from './feeds/rss.js';
import type { Article, Diagnostic } from './model.js';
import { acquireLock, commitFiles, discardFiles, renderToTemp, type RenderedFile, type WriteSummary } from './output/write.js';
import { type BuildCounts, type LoadedArticles, loadArticles } from './pipeline/load.js';
import { type BuildOptions, type BuildPaths, resolvePaths } from './pipeline/paths.js';
import { checkFeed } from './validate/index.js';
import { HOMEPAGE, VERSION } from './version.js';

export type { BuildOptions, BuildPaths } from './pipeline/paths.js';
export { loadArticles, type LoadedArticles } from './pipeline/load.js';
export { resolvePaths } from './pipeline/paths.js';

export interface BuildResult {
  /** Articles in the feeds, newest first. */
  articles: Article[];
  /** Every diagnostic, sorted by file and line. */
  diagnostics: Diagnostic[];
  files: WriteSummary[];
  counts: BuildCounts;
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

