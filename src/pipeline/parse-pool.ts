import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { ArticleEntry } from '../cache/articles.js';
import { articleKey, hashText, type KeyBase } from '../cache/key.js';
import { recordHead } from '../cache/pack.js';
import type { FeedwrightConfig } from '../config/schema.js';
import type { Diagnostic } from '../model.js';
import { readSourceSync, type SourceFile } from '../sources/files.js';
import { nowMs } from '../util/clock.js';
import type { ArticleContext } from './article.js';
import { type SpooledItems, SpoolWriter, spoolRun } from './spool.js';

/*
 * Parsing the cache misses of a build, on every core.
 *
 * Reading and resolving an article (runArticle, src/pipeline/article.ts) is pure CPU: ~1.5 ms for
 * a Markdown article, more for scraped text and HTML pages. A cold build of 10k articles spends
 * about half its time there, on one core. With many misses, a small pool of worker_threads
 * parses them too:
 *
 * - The main thread parses as well (from the head of the same queue), so the pool has
 *   availableParallelism() - 1 workers; from IDLE_MAIN_MISSES misses, a worker on every core and
 *   a main thread that only hands out work (and parses until a worker is ready). Starting a worker costs ~0.16 s of CPU from the bundled
 *   lib/pipeline/parse-worker.js (~0.6-0.85 s from unbundled modules: a new isolate importing
 *   marked, yaml, sanitize-html, linkedom, Readability, ...), then its JIT is cold, but little
 *   wall time: the main thread goes on parsing meanwhile, and a worker gets work only once it
 *   says it is ready. Measured on 2 cores (docs/ARCHITECTURE.md), this once beat 2 workers with a
 *   main thread that only hands out work; since the workers encode the cache records and the
 *   texts are read at hand-out, 2 workers win at 10k misses (IDLE_MAIN_MISSES).
 * - The pool starts only from MIN_MISSES misses (and one worker per MISSES_PER_WORKER): below
 *   that, a worker costs more CPU than it saves (parse phase alone, 1 worker against none, on the
 *   busy 2-core machine: 1000 Markdown misses ~2 s more CPU and slower; 2000 faster, 10-11 %),
 *   and small blogs and one-change rebuilds stay exactly as serial as before. Re-measured with
 *   the bundled worker (whole cold builds, docs/BENCHMARKS.md): the extra CPU is no longer the
 *   start but the worker's cold JIT and the cloning of texts and entries (+0.5 s at 250 misses,
 *   +0.8-1.1 s at 2000); loaded, no size up to 2000 got faster in wall time; quiet, 1000 misses
 *   broke even (3 % less wall for 26 % more CPU) and 2000 gained 15 %; the threshold stays.
 * - A build that expects that many misses (that many sources its cache cannot vouch for by their
 *   stamps) starts the workers before it reads the sources (startParsePool), so that their start
 *   overlaps the reading; parseJobs takes them over.
 * - FEEDWRIGHT_WORKERS=N forces N workers (0 = serial), whatever the number of misses.
 * - Workers get structured-clonable data only: the config, the template lines and the clock (as a
 *   number) once, in their first message (SetupMessage); then, per article, the SourceFile, its text (or none: a source not
 *   read yet is read by the thread that parses it, `ParseJob.read`) and its git dates. They rebuild
 *   the read context themselves and send back ArticleEntry values (plain objects, arrays,
 *   strings, numbers, Dates: all survive structured clone; test/pipeline/parse-pool.test.ts
 *   checks it).
 * - Results are stored by index: the output does not depend on which thread parsed what, or when.
 * - An exception in one article is an ARTICLE_INTERNAL_ERROR entry, in a worker as on the main
 *   thread (runArticleSafely). A worker that dies (crash, out of memory, a result that cannot
 *   be cloned) gives its unfinished articles back to the queue and the others, or the main
 *   thread alone, parse them: a build never hangs on, nor fails because of, a worker.
 */

/** Below this many misses the build stays serial (see docs/ARCHITECTURE.md for the measurements). */
export const MIN_MISSES = 2000;
/** One worker per this many misses, up to availableParallelism() - 1. */
export const MISSES_PER_WORKER = 2000;

/**
 * From this many misses, when every other core already has a worker, the main thread hands its
 * core to one more worker and only hands out work (`mainParses`): a worker parses with a young
 * generation of its own (WORKER_LIMITS), the main thread with V8's default, and its scavenges, with the
 * build's entries and records alive around them, cost more than the extra cloning of texts and
 * entries. 10k Markdown misses on 2 cores, interleaved cold builds: ~10-15 % less CPU and wall
 * (docs/BENCHMARKS.md, r15-cpu). Below it the second worker's start and cold JIT are not paid back.
 */
export const IDLE_MAIN_MISSES = 8000;

/**
 * The size of the article the thresholds above were measured with (scripts/corpus.ts: ~4.8 KB of
 * Markdown). Parsing costs about in proportion to the bytes, so a miss counts as one such article
 * per this many bytes (`parseWork`): 1,000 release notes of 20 KB are the work of ~4,000 of them
 * and get the pool, as 4,000 small posts do.
 */
export const REFERENCE_ARTICLE_BYTES = 4_800;

/** The misses of `files` in reference articles (REFERENCE_ARTICLE_BYTES): each at least one, a bigger one by its size. */
export function parseWork(files: Iterable<{ readonly size: number }>): number {
  let work = 0;
  for (const f of files) work += Math.max(1, f.size / REFERENCE_ARTICLE_BYTES);
  return Math.ceil(work);
}

/** How many worker threads parse `misses` cache misses, counted in reference articles (`parseWork`) (besides the main thread, which parses too unless they are as many as the cores). */
export function workerCount(misses: number, env: NodeJS.ProcessEnv = process.env, cores: number = availableParallelism()): number {
  const forced = env.FEEDWRIGHT_WORKERS?.trim();
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 64);
  if (misses < MIN_MISSES) return 0;
  const workers = Math.max(0, Math.min(cores - 1, Math.floor(misses / MISSES_PER_WORKER)));
  return cores >= 2 && workers === cores - 1 && misses >= IDLE_MAIN_MISSES ? cores : workers;
}

/** Whether the main thread parses beside `workers` workers: unless there is a worker on every core (workerCount). */
export function mainParsesBeside(workers: number, cores: number = availableParallelism()): boolean {
  return workers < cores;
}

/**
 * A worker's young generation: 12 MiB, two 4 MiB semi-spaces (V8's default for a worker is 48 MiB,
 * 16 MiB each). Parsing allocates short-lived tokens, strings and trees at a high rate, but little
 * of it outlives the article: a smaller nursery is scavenged twice as often (~97 scavenges a
 * worker at 10k Markdown misses against ~48 with 96 MiB, the same 2 mark-compacts), each copying
 * about as little, and the memory the worker keeps writing is a quarter as large (likely why it
 * costs less: fewer cache misses and page faults). Measured on the
 * 2-core machine at load 9-17 (docs/BENCHMARKS.md, r18-gc): 10k Markdown cold builds ~6 % less
 * CPU and ~90 MiB less peak RSS than with 96 MiB (which r6-cpu had chosen when a worker did less),
 * the 3k mixed corpus ~3 % less CPU and ~45 MiB less RSS. Halved again (24 -> 12 MiB) by r23-start:
 * on this VM a page touched for the first time costs ~13 µs (a page fault), and a 10k cold build
 * took ~4-5k fewer of them; 10k Markdown, 12 alternated pairs at load 7-10: CPU ~0.95 (lower in 9
 * of 12), peak RSS 258 -> 243 MiB; 3k mixed, 6 pairs: 0.98 (lower in 3). The old generation keeps
 * V8's default limit.
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 12 } as const;

/** The global name under which the worker's loader leaves the function that writes its code cache. */
export const CODE_CACHE_HOOK = '__feedwrightSaveCodeCache';
/** A worker writes its code cache after this many batches (~100 articles): parsing's functions are compiled by then. */
export const SAVE_CACHE_AFTER = 8;

/**
 * The loader of lib/pipeline/parse-worker.cjs, run as the worker's (CommonJS) eval code with the
 * path of bin/code-cache.cjs and the script's path as its arguments: the launcher's V8 code cache
 * (bin/feedwright.js runs the CLI through the same module), tagged `worker`. Its `save` is left at
 * CODE_CACHE_HOOK for the worker to call once parsing's functions are compiled. Without the
 * cache, each worker compiled the parsers afresh (measured in docs/ARCHITECTURE.md, "Parse pool").
 */
const WORKER_LOADER = `const [codeCache, file] = process.argv.slice(2);
globalThis[${JSON.stringify(CODE_CACHE_HOOK)}] = require(codeCache).runCached(file, 'worker').save;
`;

/** bin/code-cache.cjs, from src/pipeline/ and lib/pipeline/ alike (bin/ is beside both src/ and lib/). */
const CODE_CACHE_MODULE = new URL('../../bin/code-cache.cjs', import.meta.url);

/** What every worker needs once (all structured-clonable). */
export interface ParseSetup {
  config: FeedwrightConfig;
  /** The site template's lines (a Set on the main thread). */
  template: string[];
  /** The build's clock, in ms since the epoch. */
  nowMs: number;
  /**
   * The build's spool folder (src/pipeline/spool.ts): each thread appends the items it rendered
   * to a file of its own there and says where (`SpooledItems`). Absent: nothing is spooled.
   */
  spool?: string;
  /**
   * Workers encode the cache record of each entry the cache will store (a job with a `key`), and
   * send it with the entry without its body (src/cache/record.ts): set when the build keeps the
   * entries without their bodies (src/pipeline/load.ts `LOAD_LIMITS.bodyBudget`).
   */
  encode?: boolean;
  /** What the keys of the sources the threads read themselves (`ParseJob.read`) are made with; absent: no cache, no keys. */
  keyBase?: KeyBase;
}

/** One cache miss to parse. */
export interface ParseJob {
  file: SourceFile;
  /** The text; absent with `read`. */
  text?: string;
  /** The file's git dates, if any. */
  git: { first: Date; last: Date } | undefined;
  /** The entry's cache key, when the cache stores it (with `ParseSetup.encode`, a worker then encodes its record). */
  key?: string | undefined;
  /** The diagnostic of the file's decoding, which goes with its entry (and into its record). */
  note?: Diagnostic | undefined;
  /**
   * The file is read by the thread that parses the job (`readJob`): a worker reads, decodes,
   * hashes and keys the sources of its own jobs, and the main thread only learns what it read
   * (`JobRead`), instead of reading every file at hand-out and copying its text to the worker.
   * With `hash`, the text read must hash to it (a text hashed before and not kept).
   */
  read?: { hash?: string };
}

/**
 * What the thread that parsed a job with `read` read: the text's hash, the source's cache key
 * (`articleKey` with `ParseSetup.keyBase`, '' without) and the note of its decoding; null when the
 * file could not be read as the job expects (unreadable, not decoding, changed since it was
 * hashed): the job is then not parsed (its entry is `UNREAD`), and the caller reads it again and
 * reports it.
 */
export type JobRead = { hash: string; key: string; note?: Diagnostic } | null;

/** The entry of a job whose file could not be read as it expected (`JobRead` null): never stored nor shown. */
export const UNREAD: ArticleEntry = Object.freeze({ status: 'error', diagnostics: [], mtimeSec: null, cacheable: false }) as ArticleEntry;

/**
 * The job as it is parsed (its text, key and note known) and what was read for it, or null when
 * the file could not be read as the job expects (`JobRead`).
 */
export function readJob(job: ParseJob, setup: ParseSetup): { job: ParseJob & { text: string }; read?: JobRead } | null {
  if (job.read === undefined) return { job: job as ParseJob & { text: string } };
  const result = readSourceSync(job.file, setup.config.fallbackEncoding);
  if (!result.ok) return null;
  const hash = hashText(result.text);
  if (job.read.hash !== undefined && hash !== job.read.hash) return null;
  const key = setup.keyBase ? articleKey(setup.keyBase, job.file, hash, job.git) : '';
  const note = job.note ?? result.note;
  const read: JobRead = note ? { hash, key, note } : { hash, key };
  // The key a worker frames the record under (with `encode`): the one given, or the one just made.
  // Every key written, in one order: one hidden class for the jobs a worker parses, whichever of
  // the optional keys the main thread's job had (a spread copies only those it has).
  const own: ParseJob & { text: string } = { file: job.file, text: result.text, git: job.git, key: job.key ?? (setup.encode ? key : undefined), note, read: job.read };
  return { job: own, read };
}

/**
 * An entry's cache record as a worker encoded it (src/cache/record.ts), framed for the pack under
 * the job's key (src/cache/pack.ts `frameRecord`), and whether the body is in it as UTF-8. The
 * worker sends no entry beside it: the record's head holds it (`recordHead`).
 */
export interface EncodedEntry {
  record: Uint8Array;
  split: boolean;
}

/** Main thread -> worker, first: the run's setup (a worker may start before the build knows it). */
export interface SetupMessage {
  setup: ParseSetup;
}

/** Main thread -> worker: parse these (`index` is the job's place in the list). */
export interface BatchMessage {
  batch: number;
  jobs: (ParseJob & { index: number })[];
}

/** Worker -> main thread. */
export type WorkerMessage =
  | { ready: true }
  | {
      batch: number;
      /** null where the job's encoded record holds the entry (`recordHead`): it is not sent twice. */
      entries: (ArticleEntry | null)[];
      spooled?: (SpooledItems | undefined)[];
      encoded?: (EncodedEntry | undefined)[];
      reads?: (JobRead | undefined)[];
    };

export interface PoolOptions {
  /** Worker threads besides the main thread (workerCount() when not given). */
  workers?: number;
  /** Called after each entry is done, with the number done so far. */
  onDone?: (done: number) => void;
  /**
   * Called with each entry as it is done (by job index), before `onDone`; what it returns is the
   * result kept for that job. The build stores the entry there and keeps a slimmer one (its body
   * in the cache's pack), so that the results of 100k misses are never all in memory at once.
   */
  onEntry?: (index: number, entry: ArticleEntry, spooled: SpooledItems | undefined, encoded?: EncodedEntry, read?: JobRead) => ArticleEntry;
  /** The worker script (tests give one that crashes). */
  script?: URL;
  /**
   * Workers started earlier by startParsePool, while the build was still reading its sources: the
   * call takes them over (and closes those it does not need) instead of starting its own.
   */
  pool?: ParsePool | undefined;
  /**
   * False: the main thread only hands out work and parses only when no worker is left alive
   * (tests use it to make the workers do everything; a worker that never gets ready then holds
   * the call). Default: mainParsesBeside(workers), true unless there is a worker on every core;
   * when false that way, the main thread also parses while no worker is ready yet.
   */
  mainParses?: boolean;
}

/** Parse runs of this process so far: each run's main-thread spool file has its own name. */
let mainRuns = 0;

/** Parse `jobs`, in order of index; entries come back in the same order. */
export async function parseJobs(jobs: readonly ParseJob[], setup: ParseSetup, options: PoolOptions = {}): Promise<ArticleEntry[]> {
  const results = new Array<ArticleEntry | undefined>(jobs.length);
  const wanted = Math.min(options.workers ?? workerCount(parseWork(jobs.map((j) => j.file))), jobs.length);
  // The queue: indexes given back by a dead worker first, then the rest in order.
  const returned: number[] = [];
  let next = 0;
  const take = (): number | undefined => (returned.length > 0 ? returned.pop() : next < jobs.length ? next++ : undefined);
  const remaining = (): number => returned.length + (jobs.length - next);
  let done = 0;
  const finish = (index: number, entry: ArticleEntry, spooled: SpooledItems | undefined, encoded?: EncodedEntry, read?: JobRead): void => {
    if (results[index] !== undefined) return;
    results[index] = options.onEntry ? options.onEntry(index, entry, spooled, encoded, read) : entry;
    done++; // not inside `onDone?.(...)`: an absent callback would skip the increment
    options.onDone?.(done);
  };

  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  const pool: PoolWorker[] = [];
  let batchIds = 0;
  const feed = (w: PoolWorker): void => {
    // Two batches in flight: a worker never waits while the main thread is busy parsing. Small
    // batches near the end, so that no thread is left with a long tail.
    while (w.ready && !w.dead && w.inFlight.size < 2 && remaining() > 0) {
      const size = Math.max(1, Math.min(16, Math.floor(remaining() / ((pool.length + 1) * 4))));
      const indexes: number[] = [];
      for (let k = 0; k < size; k++) {
        const i = take();
        if (i === undefined) break;
        indexes.push(i);
      }
      const batch = batchIds++;
      w.inFlight.set(batch, indexes);
      const message: BatchMessage = { batch, jobs: indexes.map((index) => ({ ...(jobs[index] as ParseJob), index })) };
      w.worker.postMessage(message);
    }
  };
  const lose = (w: PoolWorker): void => {
    if (w.dead) return;
    w.dead = true;
    for (const indexes of w.inFlight.values()) for (const i of indexes) if (results[i] === undefined) returned.push(i);
    w.inFlight.clear();
    void w.worker.terminate();
    for (const other of pool) feed(other);
    notify();
  };
  // Workers started earlier are taken over (as many as wanted, the rest closed), then more are
  // started if needed. Each has had its listeners since it was made (startWorkers): an 'error' or
  // 'ready' before this point is recorded in it, not lost, and from here on goes to `handle`.
  const adopted = options.pool?.take(wanted) ?? [];
  for (const w of [...adopted, ...(wanted > adopted.length ? startWorkers(wanted - adopted.length, options.script) : [])]) {
    pool.push(w);
    w.handle = {
      message: (m: WorkerMessage) => {
        if (!('ready' in m)) {
          const indexes = w.inFlight.get(m.batch);
          w.inFlight.delete(m.batch);
          if (indexes && m.entries.length === indexes.length) for (const [k, i] of indexes.entries()) finish(i, entryOf(m.entries[k], m.encoded?.[k]), m.spooled?.[k], m.encoded?.[k], m.reads?.[k]);
          else if (indexes) for (const i of indexes) if (results[i] === undefined) returned.push(i);
        }
        feed(w);
        notify();
      },
      lost: () => lose(w),
    };
    w.worker.ref();
    if (w.dead) {
      // Died while nobody listened: lose() still terminates it and counts it out.
      w.dead = false;
      lose(w);
      continue;
    }
    // The setup goes first; the port keeps it until the worker listens.
    w.worker.postMessage({ setup } satisfies SetupMessage);
    feed(w); // a worker taken over may be ready already
  }

  try {
    // The parsers load on the first miss only (src/pipeline/article.ts); workers load them meanwhile.
    const { articleContext, loadReaders, runArticleSafely } = await import('./article.js');
    await loadReaders(jobs.map((j) => j.file.kind));
    const ctx = articleContext(setup.config, new Set(setup.template), new Map(), new Date(setup.nowMs));
    const spool = setup.spool !== undefined ? new SpoolWriter(setup.spool, `main-${process.pid}-${++mainRuns}.items`) : undefined;
    // The items this thread renders go straight into its spool.
    if (spool) ctx.items = spool;
    const computeOne = (job: ParseJob): [ArticleEntry, SpooledItems | undefined, JobRead | undefined] => {
      const ready = readJob(job, setup);
      if (ready === null) return [UNREAD, undefined, null];
      const run = runArticleSafely(job.file, ready.job.text, withGitOf(ctx, job));
      return [run.entry, spool && spoolRun(spool, run), ready.read];
    };

    const mainParses = options.mainParses ?? mainParsesBeside(wanted);
    // The build's main thread, when it leaves the parsing to a worker on every core, still parses
    // until a worker is ready: one that never gets ready must not hold the build.
    const untilReady = options.mainParses === undefined;
    let lastYield = nowMs();
    while (done < jobs.length) {
      const i = mainParses || pool.every((w) => w.dead || (untilReady && !w.ready)) ? take() : undefined;
      if (i !== undefined) {
        const [entry, spooled, read] = computeOne(jobs[i] as ParseJob);
        finish(i, entry, spooled, undefined, read);
        // Let worker messages in (results, readiness) every few ms of parsing.
        if (pool.length > 0 && nowMs() - lastYield > 4) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          lastYield = nowMs();
        }
      } else {
        // Everything is taken (or left to the workers): wait for their batches (or their death).
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        lastYield = nowMs();
      }
    }
    spool?.flush();
  } finally {
    // Done, or failed: no worker outlives the call (an idle worker would keep the process alive).
    // Not waited for: a worker's heap is torn down on its own thread, 30-60 ms of a 10k build's
    // wall time that the main thread spends on the results meanwhile (docs/BENCHMARKS.md, r16-tail).
    for (const w of pool) {
      w.dead = true;
      void w.worker.terminate();
    }
  }
  return results as ArticleEntry[];
}

/** A worker's entry, or the one its encoded record holds (without its body when the record is split). */
function entryOf(entry: ArticleEntry | null | undefined, encoded: EncodedEntry | undefined): ArticleEntry {
  if (entry) return entry;
  if (encoded === undefined) throw new Error('parse-pool: a worker sent neither an entry nor its record');
  return recordHead(encoded.record) as ArticleEntry;
}

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  /** batch id -> job indexes. */
  inFlight: Map<number, number[]>;
  /** The parseJobs call that uses the worker; before one takes it over, events only update `ready` and `dead`. */
  handle?: { message: (m: WorkerMessage) => void; lost: () => void };
}

/**
 * Start `count` workers, each with its listeners attached in the tick it is made: an 'error' or
 * 'ready' while nobody uses it yet must not be lost (an 'error' without a listener would be thrown).
 */
function startWorkers(count: number, script: URL | undefined): PoolWorker[] {
  const pool: PoolWorker[] = [];
  for (let k = 0; k < count; k++) {
    let worker: Worker;
    try {
      worker = newWorker(script ?? workerScript());
    } catch {
      break; // No worker (no script, no threads): the main thread parses alone.
    }
    const w: PoolWorker = { worker, ready: false, dead: false, inFlight: new Map() };
    const lost = (): void => {
      if (w.handle) w.handle.lost();
      else if (!w.dead) {
        w.dead = true;
        void worker.terminate();
      }
    };
    worker.on('message', (m: WorkerMessage) => {
      if ('ready' in m) w.ready = true;
      w.handle?.message(m);
    });
    worker.on('error', lost);
    worker.on('messageerror', lost);
    worker.on('exit', lost);
    pool.push(w);
  }
  return pool;
}

/** Workers started ahead of a parseJobs call (startParsePool). */
export interface ParsePool {
  /** Up to `count` of the workers, for parseJobs; the others are closed. Once only. */
  take(count: number): PoolWorker[];
  /** Close every worker not taken (a build that found fewer misses than it expected). */
  close(): void;
}

/**
 * Start the workers that parsing `expectedMisses` misses will use (workerCount), before the build
 * has read its sources: a worker needs ~0.2-0.4 s of wall time to load and compile the parsers,
 * which it then spends while the main thread reads, hashes and looks up the files, instead of
 * after (see docs/BENCHMARKS.md, r12-cold). The workers wait, unreferenced (they keep no process
 * alive), for the parseJobs call that takes them over (`PoolOptions.pool`); the build closes the
 * pool when no such call comes. Undefined when no worker would be started.
 */
export function startParsePool(expectedMisses: number, options: { workers?: number; script?: URL } = {}): ParsePool | undefined {
  const count = options.workers ?? workerCount(expectedMisses);
  if (count <= 0) return undefined;
  let idle: PoolWorker[] | undefined = startWorkers(count, options.script);
  for (const w of idle) w.worker.unref();
  const close = (ws: PoolWorker[]): void => {
    for (const w of ws) {
      w.dead = true;
      void w.worker.terminate();
    }
  };
  return {
    take(n) {
      const all = idle ?? [];
      idle = undefined;
      close(all.slice(n));
      return all.slice(0, n);
    },
    close() {
      close(idle ?? []);
      idle = undefined;
    },
  };
}

/**
 * The worker's script: lib/pipeline/parse-worker.cjs next to this file once compiled (the
 * parser alone, one script run through WORKER_LOADER), or the ES module entry parse-worker.js
 * when the script is missing. Running the TypeScript sources (vitest, tsx), there is no .js
 * beside this file: the worker registers tsx's loader (a dev dependency) and then imports
 * parse-worker.ts.
 */
function workerScript(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('./parse-worker.ts', import.meta.url);
  const script = new URL('./parse-worker.cjs', import.meta.url);
  return existsSync(script) ? script : new URL('./parse-worker.js', import.meta.url);
}

/**
 * The node options a worker is started with: the parent's (process.execArgv), less those a worker
 * refuses (ERR_WORKER_INVALID_EXEC_ARGV): --input-type (`node --input-type=module -e ...`), and
 * V8's and the process's own options (`node --max-old-space-size=4096`, `--single-threaded-gc`,
 * `--v8-pool-size=1`, `--trace-gc`), which hold for the whole process, its workers' isolates
 * included. A worker given one of those did not start, and the build parsed on the main thread
 * alone. Learnt from the first worker that refuses them (the error names them) and kept for the
 * process; at most three tries per worker, the last with no options at all.
 */
let workerArgv: string[] | undefined;

function newWorker(script: URL): Worker {
  const initial = workerArgv ?? process.execArgv.filter((a) => !a.startsWith('--input-type'));
  // node:worker_threads is loaded here, by the builds that start a pool (~2 ms of CPU to load).
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const start = (execArgv: string[]): Worker => {
    const options = { execArgv, stdout: false, stderr: false, resourceLimits: WORKER_LIMITS };
    if (script.pathname.endsWith('.cjs')) return new Worker(WORKER_LOADER, { ...options, eval: true, argv: [fileURLToPath(CODE_CACHE_MODULE), fileURLToPath(script)] });
    if (!script.pathname.endsWith('.ts')) return new Worker(script, options);
    const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`;
    return new Worker(code, { ...options, eval: true });
  };
  let argv = initial;
  for (let attempt = 0; ; attempt++) {
    try {
      const worker = start(argv);
      workerArgv = argv;
      return worker;
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      if (code !== 'ERR_WORKER_INVALID_EXEC_ARGV' || argv.length === 0 || attempt >= 2) throw error;
      // "Initiated Worker with invalid execArgv flags: --a, --b": without those, else without any.
      const named = new Set(String(message).slice(String(message).indexOf(':') + 1).split(',').map((a) => a.trim()));
      const less = argv.filter((a) => !named.has(a));
      argv = attempt === 0 && less.length < argv.length ? less : [];
    }
  }
}

/** The run's context with the job's own git dates (a job carries its file's dates only). */
export function withGitOf(ctx: ArticleContext, job: ParseJob): ArticleContext {
  return { read: ctx.read, resolve: { ...ctx.resolve, git: job.git ? new Map([[job.file.relPath, job.git]]) : new Map() }, ...(ctx.items ? { items: ctx.items } : {}) };
}
