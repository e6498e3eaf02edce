import { parentPort, threadId, workerData } from 'node:worker_threads';
import { articleContext, loadReaders, runArticleSafely } from './article.js';
import { type BatchMessage, CODE_CACHE_HOOK, type ParseSetup, SAVE_CACHE_AFTER, type WorkerMessage, withGitOf } from './parse-pool.js';
import { SpoolWriter, spoolRun } from './spool.js';

/*
 * A parse worker (see src/pipeline/parse-pool.ts): rebuild the read context from the setup, say
 * "ready" once the parsers are loaded, then answer each batch with its entries, in order.
 *
 * Compiled, this runs from lib/pipeline/parse-worker.cjs, one CommonJS script with a V8 code
 * cache (parse-pool.ts starts it through a small loader); the loader may leave a function at
 * CODE_CACHE_HOOK that writes the cache: it is called once, after SAVE_CACHE_AFTER batches, when
 * the functions that parsing runs are compiled (the worker is terminated, not left to exit, so
 * there is no "after the run").
 */
async function start(): Promise<void> {
  const setup = workerData as ParseSetup;
  const port = parentPort;
  if (port === null) throw new Error('parse-worker runs as a worker thread only');
  const now = new Date(setup.nowMs);
  const ctx = articleContext(setup.config, new Set(setup.template), new Map(), now);
  // A worker serves only large builds: load every reader before saying it is ready.
  await loadReaders(['markdown', 'text', 'html']);
  let batches = 0;
  // The items this worker rendered, spooled for the feeds (src/pipeline/spool.ts); flushed before each reply.
  const spool = setup.spool !== undefined ? new SpoolWriter(setup.spool, `worker-${process.pid}-${threadId}.items`) : undefined;
  port.on('message', (m: BatchMessage) => {
    const runs = m.jobs.map((job) => runArticleSafely(job.file, job.text, withGitOf(ctx, job)));
    const entries = runs.map((r) => r.entry);
    const spooled = spool ? runs.map((r) => spoolRun(spool, r)) : undefined;
    spool?.flush();
    const reply: WorkerMessage = { batch: m.batch, entries, ...(spooled ? { spooled } : {}) };
    port.postMessage(reply);
    if (++batches === SAVE_CACHE_AFTER) (globalThis as { [CODE_CACHE_HOOK]?: () => void })[CODE_CACHE_HOOK]?.();
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}

void start();
