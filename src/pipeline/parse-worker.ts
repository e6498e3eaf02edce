import { parentPort, threadId } from 'node:worker_threads';
import { type ArticleContext, type ArticleRun, articleContext, loadReaders, readersLoaded, runArticleSafely } from './article.js';
import { type BatchMessage, CODE_CACHE_HOOK, type ParseSetup, SAVE_CACHE_AFTER, type SetupMessage, type WorkerMessage, withGitOf } from './parse-pool.js';
import { SpoolWriter, spoolRun } from './spool.js';
import type { ArticleEntry } from '../cache/articles.js';
import { frameRecord, RECORD_HEAD } from '../cache/pack.js';
import { encodeRecords, withoutBody } from '../cache/record.js';
import { compareDiagnostics } from '../diagnostics.js';
import type { EncodedEntry, ParseJob } from './parse-pool.js';

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
  let run: { ctx: ArticleContext; setup: ParseSetup; spool: SpoolWriter | undefined } | undefined;
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
    const { ctx, setup, spool } = run;
    const runs = m.jobs.map((job) => runArticleSafely(job.file, job.text, withGitOf(ctx, job)));
    const spooled = spool ? runs.map((r) => spoolRun(spool, r)) : undefined;
    spool?.flush();
    // The records of the batch in one buffer, moved to the main thread (one allocation and one
    // transfer per batch, not per record: src/cache/record.ts `encodeRecords`).
    const encoding = setup.encode ? runs.map((r, k) => toEncode(m.jobs[k] as ParseJob, r.entry)) : [];
    const keys = encoding.flatMap((key, k) => (key === undefined ? [] : [k]));
    const { buffer, records } = encodeRecords(keys.map((k) => (runs[k] as ArticleRun).entry), RECORD_HEAD);
    const entries: ArticleEntry[] = runs.map((r) => r.entry);
    const encoded: (EncodedEntry | undefined)[] = runs.map(() => undefined);
    for (const [n, k] of keys.entries()) {
      const { bytes, split } = records[n] as { bytes: Buffer; split: boolean };
      if (split) entries[k] = withoutBody(entries[k] as ArticleEntry);
      encoded[k] = { record: frameRecord(encoding[k] as string, bytes), split };
    }
    const transfer = keys.length > 0 ? [buffer] : [];
    const reply: WorkerMessage = { batch: m.batch, entries, ...(spooled ? { spooled } : {}), ...(setup.encode ? { encoded } : {}) };
    port.postMessage(reply, transfer);
    if (++batches === SAVE_CACHE_AFTER) (globalThis as { [CODE_CACHE_HOOK]?: () => void })[CODE_CACHE_HOOK]?.();
  };
  port.on('message', (m: SetupMessage | BatchMessage) => {
    const kinds = 'jobs' in m ? m.jobs.map((job) => job.file.kind) : [];
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

/**
 * The key to store an entry's cache record under, when the cache will store it (its job has a key;
 * cacheable, not held back as future: what `ArticleCache.set` stores), with the decoding note added
 * to the entry as the main thread would add it. The record is framed for the pack under the key,
 * and the entry sent without its body when the record holds it (src/cache/record.ts).
 */
function toEncode(job: ParseJob, entry: ArticleEntry): string | undefined {
  if (job.key === undefined || !entry.cacheable || entry.status === 'future') return undefined;
  if (job.note) entry.diagnostics = [job.note, ...entry.diagnostics].sort(compareDiagnostics);
  return job.key;
}

void start();
