import type { ArticleEntry } from '../cache/articles.js';
import { frameRecord, RECORD_HEAD } from '../cache/pack.js';
import { encodeRecords } from '../cache/record.js';
import { compareDiagnostics } from '../diagnostics.js';
import { type ArticleContext, type ArticleRun, runArticleSafely } from './article.js';
import { type BatchMessage, type EncodedEntry, type JobRead, type ParseJob, type ParseSetup, readJob, UNREAD, type WorkerMessage, withGitOf } from './parse-pool.js';
import { type SpooledItems, type SpoolWriter, spoolRun } from './spool.js';

/** What a parse worker keeps from its setup message (src/pipeline/parse-worker.ts). */
export interface WorkerRun {
  ctx: ArticleContext;
  setup: ParseSetup;
  spool: SpoolWriter | undefined;
}

/**
 * One batch of a parse worker: its jobs read (when not read yet) and run through the article
 * pipeline, their items spooled, their records encoded; the reply to post and what it transfers.
 * A module of its own, apart from the worker's message loop, so that the tests run it on their thread.
 */
export function runBatch(m: BatchMessage, run: WorkerRun): { reply: WorkerMessage; transfer: ArrayBuffer[] } {
    const { ctx, setup, spool } = run;
    // Every list of a batch is pushed into a literal, never made by `map`: once TurboFan has
    // optimised this function, `map` gives holey arrays, and the loops here (and the main thread's
    // over the reply, which structured clone sends as sparse arrays) deoptimised on the new map.
    // A job whose source is not read yet is read here (`readJob`): its text never crosses threads.
    const ready: ReturnType<typeof readJob>[] = [];
    for (const job of m.jobs) ready.push(readJob(job, setup));
    const runs: (ArticleRun | undefined)[] = [];
    for (const r of ready) runs.push(r === null ? undefined : runArticleSafely(r.job.file, r.job.text, withGitOf(ctx, r.job)));
    let spooled: (SpooledItems | undefined)[] | undefined;
    if (spool) {
      spooled = [];
      for (const r of runs) spooled.push(r && spoolRun(spool, r));
    }
    spool?.flush();
    const entries: (ArticleEntry | null)[] = [];
    const encoded: (EncodedEntry | undefined)[] = [];
    for (let k = 0; k < runs.length; k++) encoded.push(undefined);
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
    const sentEntries: ArticleEntry[] = [];
    for (const k of sent) sentEntries.push((runs[k] as ArticleRun).entry);
    const { buffer, records } = encodeRecords(sentEntries, RECORD_HEAD);
    for (const [n, k] of sent.entries()) {
      const { bytes, split } = records[n] as { bytes: Buffer; split: boolean };
      encoded[k] = { record: frameRecord(keys[n] as string, bytes), split };
    }
    const anyRead = m.jobs.some((job) => job.read !== undefined);
    const reply: WorkerMessage = { batch: m.batch, entries, ...(spooled ? { spooled } : {}), ...(setup.encode ? { encoded } : {}), ...(anyRead ? { reads } : {}) };
    return { reply, transfer: sent.length > 0 ? [buffer] : [] };
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

