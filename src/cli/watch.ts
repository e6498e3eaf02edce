import { type FSWatcher, watch as fsWatch } from 'node:fs';
import path from 'node:path';
import { type BuildOptions, type BuildSession, build, createBuildSession, loadArticles, resolvePaths, warmSession } from '../build.js';
import { indexRecord } from '../cache/outputs.js';
import { printable } from '../diagnostics.js';
import { FeedwrightError } from '../errors.js';
import { ListingMemo, readInputs } from '../pipeline/inputs.js';
import { type Output, printBuildReport } from './output.js';

/**
 * Quiet period after the last file event before rebuilding: an editor's save is a burst of events
 * (write, or write a new file and rename it over the old one) a few milliseconds long, which
 * this folds into one build. Webpack 5 waits as long (`watchOptions.aggregateTimeout`, 20 ms).
 * It is waited for on every save: 50 ms was a sixth of a 10k-article save's ~0.3 s
 * (docs/BENCHMARKS.md, r16-watch). A build that starts inside a longer burst is followed by
 * another once the burst is over, which builds from what is on disk then.
 */
export const DEBOUNCE_MS = 20;

/** For tests and library use: stop without a signal, and a shorter or longer quiet period. */
export interface WatchControl {
  signal?: AbortSignal;
  debounceMs?: number;
  /** Called after every build (the first one too), with its wall time in ms. */
  onBuilt?: (ms: number, ok: boolean) => void;
}

/**
 * `build --watch`: build once, then rebuild on every add/change/delete/rename in the articles
 * folder (and the config file), debounced. Errors are printed and the watcher keeps going.
 * Resolves when the process receives SIGINT/SIGTERM.
 */
export async function watch(options: BuildOptions, out: Output, values: Record<string, unknown>, control: WatchControl = {}): Promise<number> {
  const paths = resolvePaths(options);
  const debounceMs = control.debounceMs ?? DEBOUNCE_MS;
  // Articles stay in memory between builds; the on-disk cache is still kept up to date.
  const session = createBuildSession();
  const run = async (): Promise<void> => {
    const started = performance.now();
    try {
      // Only the changed articles are parsed again (the others come from the session), only their
      // items are rendered, and a rebuild whose inputs did not change renders nothing.
      const result = await build({ ...options, session });
      printBuildReport(out, result, (performance.now() - started) / 1000, values.quiet === true);
      control.onBuilt?.(performance.now() - started, true);
    } catch (error) {
      control.onBuilt?.(performance.now() - started, false);
      if (error instanceof FeedwrightError) out.stderr(`${out.red('error')} ${error.code} ${printable(error.message)}\n`);
      else out.stderr(`feedwright: internal error: ${(error as Error).stack}\n`);
    }
  };
  await run();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  let pending = false;
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      if (pending) return;
      pending = true;
      running = running.then(async () => {
        pending = false;
        await run();
      });
    }, debounceMs);
  };
  // The listing is kept from here on, told what changed by the watcher (its first build lists the
  // whole folder: what changed before the watches were in place was not seen).
  const listing = new ListingMemo();
  const changed = (relPath: string | undefined): void => {
    if (relPath === undefined) listing.invalidate();
    else listing.touch(relPath);
    schedule();
  };
  const watcher = await watchSources(paths.articlesDir, paths.loaded.file, changed, (error) => {
    listing.invalidate();
    out.stderr(`${out.red('error')} watching: ${printable(error.message)}\n`);
  });
  session.listing = listing;
  await readySession(options, session, listing);
  // Changes are seen once the watches are in place (watchSources returns then): say "watching" only now.
  out.stderr(`watching ${printable(paths.display(paths.articlesDir))} for changes (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (control.signal?.aborted) stop();
    control.signal?.addEventListener('abort', stop, { once: true });
  });
  if (timer) clearTimeout(timer);
  await watcher.close();
  await running;
  return 0;
}

/**
 * Before "watching" is said (the watches are in place): make ready what the first save would
 * otherwise make while the user waits for it (10k articles, loaded machine: ~0.5 s of listing and
 * ~0.45 s of indexing the record, in a first save of ~5 s against ~1.6 s for the next ones).
 * - A first build that changed nothing kept no feed bytes: read them now (the first save then
 *   copies from memory).
 * - The output record the session holds is indexed (`indexRecord`), as a save leaves its own.
 * - The listing memo lists the folder now, so that the first save stats only what the watcher saw
 *   change since: a change made while it lists is told to the memo too, and stats again then.
 * - A first build that changed nothing loaded no article: the session's memory is empty, and the
 *   first save would serve every unchanged article from the cache's heads and hash every key
 *   again. They are loaded into it now, as a build would (the same cache, the same checks).
 * A save made meanwhile waits for this either way.
 */
export async function readySession(options: BuildOptions, session: BuildSession, listing: ListingMemo): Promise<void> {
  await warmSession(options, session).catch(() => undefined);
  if (session.outputs) indexRecord(session.outputs);
  const paths = resolvePaths(options);
  try {
    const inputs = await readInputs(paths, listing);
    if (session.articles.size === 0) await loadArticles(paths, options.now ?? new Date(), undefined, session.articles, inputs);
  } catch {
    // Only time is lost: the first save lists the folder, and loads the articles, itself.
    listing.invalidate();
    session.articles.clear();
  }
}

/** A running watch: `close` stops it. */
interface SourceWatch {
  close(): Promise<void>;
}

/**
 * Call `changed` on every change under `articlesDir` (files and folders whose names start with a
 * dot excepted), with the path relative to it, and on a change of the config file or one whose
 * path is not told, without. Node's own recursive `fs.watch` (inotify on Linux) is used:
 * it is in place as soon as it returns, and an event costs a few microseconds. chokidar, loaded
 * only when `fs.watch` cannot watch (too many watches for the system's limit, or a platform
 * without recursive watching), took ~5 s of CPU to scan 10k articles before the first event and
 * re-read the changed file's folder (1,000 lstat calls) on every save.
 */
async function watchSources(articlesDir: string, configFile: string | undefined, changed: (relPath?: string) => void, failed: (error: Error) => void): Promise<SourceWatch> {
  const watchers: FSWatcher[] = [];
  try {
    const sources = fsWatch(articlesDir, { recursive: true }, (_event, name) => {
      // A name that cannot be told (some platforms): rebuild, listing the whole folder.
      if (name === null) changed();
      else if (!/(^|[/\\])\./.test(String(name))) changed(String(name));
    });
    watchers.push(sources);
    if (configFile) {
      // The folder, not the file: an editor that saves by renaming a new file over it replaces the watched inode.
      const base = path.basename(configFile);
      watchers.push(
        fsWatch(path.dirname(configFile), (_event, name) => {
          if (name === null || String(name) === base) changed();
        }),
      );
    }
    for (const w of watchers) w.on('error', failed);
    return {
      close: async () => {
        for (const w of watchers) w.close();
      },
    };
  } catch {
    for (const w of watchers) w.close();
  }
  const { watch: chokidarWatch } = await import('chokidar');
  const targets = [articlesDir, ...(configFile ? [configFile] : [])];
  const watcher = chokidarWatch(targets, { ignoreInitial: true, ignored: (p) => /(^|[/\\])\./.test(p.slice(articlesDir.length)) });
  // Told as absolute paths, and not every kind of change is: the whole folder is listed each time.
  watcher.on('all', () => changed());
  watcher.on('error', (error) => failed(error as Error));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { close: () => watcher.close() };
}
