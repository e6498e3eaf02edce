import { parentPort, threadId } from 'node:worker_threads';
import { articleContext, loadReaders, readersLoaded } from './article.js';
import { runBatch, type WorkerRun } from './parse-batch.js';
import { type BatchMessage, CODE_CACHE_HOOK, type ParseJob, SAVE_CACHE_AFTER, type SetupMessage, type WorkerMessage } from './parse-pool.js';
import { SpoolWriter } from './spool.js';
/*
 * A parse worker (see src/pipeline/parse-pool.ts): load the parsers and say "ready", then take the
 * run's setup (the first message: a worker may be started before the build knows it), rebuild the
 * read context from it, and answer each batch with its entries, in order.
 *
 * Compiled, this runs from lib/pipeline/parse-worker.cjs, one CommonJS script with a V8 code
 * cache (parse-pool.ts starts it through a small loader); the loader may leave a function at
 * CODE_CACHE_HOOK that writes the cache: it is called once, after SAVE_CACHE_AFTER batches, when
 * the functions that parsing runs are compiled (the worker is terminated, not left to exit, so
 * there is no "after the run").
 */
function start(): void {
  const port = parentPort;
  if (port === null) throw new Error('parse-worker runs as a worker thread only');
  // Messages wait in the port's queue until the listener below is attached. The text and HTML
  // readers (linkedom, Readability, their rule tables: ~0.1-0.3 s of module evaluation and a larger
  // heap) are loaded by the first batch that holds such an article, not before "ready": a folder
  // of Markdown never loads them. A batch that has to wait for them, and every message after it
  // until it is answered, goes through `waiting`, so batches are still answered in order.
  let batches = 0;
  let run: WorkerRun | undefined;
  let waiting: Promise<void> | undefined;
  const take = (m: SetupMessage | BatchMessage): void => {
    if ('setup' in m) {
      const setup = m.setup;
      const ctx = articleContext(setup.config, new Set(setup.template), new Map(), new Date(setup.nowMs));
      // The items this worker rendered, spooled for the feeds (src/pipeline/spool.ts); flushed before each reply.
      const spool = setup.spool !== undefined ? new SpoolWriter(setup.spool, `worker-${process.pid}-${threadId}.items`) : undefined;
      if (spool) ctx.items = spool;
      run = { ctx, setup, spool };
      return;
    }
    if (run === undefined) throw new Error('parse-worker: a batch came before the setup');
    const { reply, transfer } = runBatch(m, run);
    port.postMessage(reply, transfer);
    if (++batches === SAVE_CACHE_AFTER) (globalThis as { [CODE_CACHE_HOOK]?: () => void })[CODE_CACHE_HOOK]?.();
  };
  port.on('message', (m: SetupMessage | BatchMessage) => {
    const kinds: ParseJob['file']['kind'][] = [];
    if ('jobs' in m) for (const job of m.jobs) kinds.push(job.file.kind);
    if (waiting === undefined && readersLoaded(kinds)) {
      take(m);
      return;
    }
    const next = (waiting ?? Promise.resolve()).then(async () => {
      await loadReaders(kinds);
      take(m);
    });
    waiting = next;
    void next.then(() => {
      if (waiting === next) waiting = undefined;
    });
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}

void start();
