import { parentPort, threadId } from 'node:worker_threads';
import { type ArticleContext, type ArticleRun, articleContext, loadReaders, readersLoaded, runArticleSafely } from './article.js';
import { type BatchMessage, CODE_CACHE_HOOK, type JobRead, type ParseSetup, readJob, SAVE_CACHE_AFTER, type SetupMessage, UNREAD, type WorkerMessage, withGitOf } from './parse-pool.js';
import { SpoolWriter, spoolRun } from './spool.js';
import type { ArticleEntry } from '../cache/articles.js';
import { frameRecord, RECORD_HEAD } from '../cache/pack.js';
import { encodeRecords } from '../cache/record.js';
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
    // A job whose source is not read yet is read here (`readJob`): its text never crosses threads.
    const ready = m.jobs.map((job) => readJob(job, setup));
    const runs = ready.map((r) => (r === null ? undefined : runArticleSafely(r.job.file, r.job.text, withGitOf(ctx, r.job))));
    const spooled = spool ? runs.map((r) => r && spoolRun(spool, r)) : undefined;
    spool?.flush();
    const entries: (ArticleEntry | null)[] = [];
    const encoded: (EncodedEntry | undefined)[] = runs.map(() => undefined);
    const reads: (JobRead | undefined)[] = [];
    // The jobs whose records are sent, and their keys.
    const sent: number[] = [];
    const keys: string[] = [];
    for (const [k, r] of runs.entries()) {
      const got = ready[k] ?? null;
      reads.push(got === null ? null : got.read);
      if (r === undefined || got === null) {
        entries.push(UNREAD);
        continue;
      }
      const key = setup.encode ? toEncode(got.job, r.entry) : undefined;
      // An entry whose record is sent is read back from the record's head on the main thread (`recordHead`).
      entries.push(key === undefined ? r.entry : null);
      if (key !== undefined) {
        sent.push(k);
        keys.push(key);
      }
    }
    // The records of the batch in one buffer, moved to the main thread (one allocation and one
    // transfer per batch, not per record: src/cache/record.ts `encodeRecords`), each framed for
    // the pack under its job's key.
    const { buffer, records } = encodeRecords(
      sent.map((k) => (runs[k] as ArticleRun).entry),
      RECORD_HEAD,
    );
    for (const [n, k] of sent.entries()) {
      const { bytes, split } = records[n] as { bytes: Buffer; split: boolean };
      encoded[k] = { record: frameRecord(keys[n] as string, bytes), split };
    }
    const anyRead = m.jobs.some((job) => job.read !== undefined);
    const reply: WorkerMessage = { batch: m.batch, entries, ...(spooled ? { spooled } : {}), ...(setup.encode ? { encoded } : {}), ...(anyRead ? { reads } : {}) };
    port.postMessage(reply, sent.length > 0 ? [buffer] : []);
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
 * to the entry as the main thread would add it. The entry is then not sent beside its record: the
 * main thread reads it from the record's head (src/cache/pack.ts `recordHead`), without its body
 * when the record holds the body (src/cache/record.ts).
 */
function toEncode(job: ParseJob, entry: ArticleEntry): string | undefined {
  if (job.key === undefined || !entry.cacheable || entry.status === 'future') return undefined;
  if (job.note) entry.diagnostics = [job.note, ...entry.diagnostics].sort(compareDiagnostics);
  return job.key;
}

void start();
