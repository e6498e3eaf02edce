import { watch as chokidarWatch } from 'chokidar';
import { type BuildOptions, build, createBuildSession, resolvePaths } from '../build.js';
import { printable } from '../diagnostics.js';
import { FeedwrightError } from '../errors.js';
import { formatChanges, type Output, printBuildSummary, printDiagnostics } from './output.js';

/** Quiet period after the last file event before rebuilding (editors write files in bursts). */
const DEBOUNCE_MS = 50;

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
      if (!values.quiet) printDiagnostics(out, result.diagnostics);
      if (!values.quiet) out.stderr(formatChanges(out, result.changes));
      printBuildSummary(out, result, (performance.now() - started) / 1000, values.quiet === true);
      control.onBuilt?.(performance.now() - started, true);
    } catch (error) {
      control.onBuilt?.(performance.now() - started, false);
      if (error instanceof FeedwrightError) out.stderr(`${out.red('error')} ${error.code} ${printable(error.message)}\n`);
      else out.stderr(`feedwright: internal error: ${(error as Error).stack}\n`);
    }
  };
  await run();
  const targets = [paths.articlesDir, ...(paths.loaded.file ? [paths.loaded.file] : [])];
  const watcher = chokidarWatch(targets, { ignoreInitial: true, ignored: (p) => /(^|[/\\])\./.test(p.slice(paths.articlesDir.length)) });
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
  watcher.on('all', schedule);
  // Changes are seen only once the initial scan is done; say "watching" only then.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
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
