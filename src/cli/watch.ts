import { watch as chokidarWatch } from 'chokidar';
import { build, resolvePaths, type BuildOptions } from '../build.js';
import { FeedwrightError } from '../errors.js';
import { type Output, printBuildSummary, printDiagnostics } from './output.js';

/** Quiet period after the last file event before rebuilding (editors write files in bursts). */
const DEBOUNCE_MS = 50;

/**
 * `build --watch`: build once, then rebuild on every add/change/delete/rename in the articles
 * folder (and the config file), debounced. Errors are printed and the watcher keeps going.
 * Resolves when the process receives SIGINT/SIGTERM.
 */
export async function watch(options: BuildOptions, out: Output, values: Record<string, unknown>): Promise<number> {
  const paths = resolvePaths(options);
  const run = async (): Promise<void> => {
    const started = performance.now();
    try {
      const result = await build(options);
      if (!values.quiet) printDiagnostics(out, result.diagnostics);
      printBuildSummary(out, result, (performance.now() - started) / 1000, values.quiet === true);
    } catch (error) {
      if (error instanceof FeedwrightError) out.stderr(`${out.red('error')} ${error.code} ${error.message}\n`);
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
    }, DEBOUNCE_MS);
  };
  watcher.on('all', schedule);
  out.stderr(`watching ${paths.display(paths.articlesDir)} for changes (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await watcher.close();
  await running;
  return 0;
}
