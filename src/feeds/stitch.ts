import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';

/*
 * Feed files written from the spool on another thread.
 *
 * A cold build's parse workers have rendered every item already and spooled its bytes
 * (src/pipeline/spool.ts); composing a feed is then, besides its bookkeeping (the items' slots,
 * digest and validation: the main thread's), moving ~58 MB per feed at 10k articles from the
 * spool files into the feed's temporary file, ~10k reads of a few KB each plus the writes. On the
 * main thread that was most of the build's serial tail while the second core sat idle (the parse
 * workers done): docs/BENCHMARKS.md, r16-tail and r17-compose. A `Stitcher` is one worker thread
 * that does the moving (`stitchThread`, plain `node:fs` calls, no module of its own to load), one
 * file at a time in the order asked, while the main thread does the bookkeeping and the small
 * files. The bytes are the spooled ones, in the order given: the file is what composing in the
 * main thread writes (src/feeds/compose.ts `compose` keeps that path for anything else).
 */

/** One feed file to write: `head`, then the items (spooled ranges) joined by `sep`, then `tail`. */
export interface StitchJob {
  /** The temporary file to create (replacing any file of that name), and its folder (made if missing). */
  tmp: string;
  dir: string;
  head: string;
  sep: string;
  tail: string;
  /** The spool files the ranges are read from (absolute paths). */
  files: string[];
  /** Three numbers per item, in file order: index in `files`, offset, length. */
  ranges: Float64Array;
  /** Flush the file to disk once written (what `syncFiles` would do before the commit), while the main thread goes on. */
  sync: boolean;
}

/**
 * What became of a job: written (`mtimeMs`: the file's mtime read on its own handle after the last
 * write, as `writeTemp` gives it; `bytes`: how many), `short` (a range could not be read whole: a
 * spool file cut short or gone; nothing is left at `tmp`), or an error of the file system (nothing
 * is left at `tmp` either), with the fields of Node's system errors that the build's fault
 * handling reads.
 */
export type StitchResult =
  | { mtimeMs: number; bytes: number }
  | { short: true }
  | { error: { message: string; code?: string | undefined; path?: string | undefined; syscall?: string | undefined } };

type StitchMessage = { ids: number[]; jobs: StitchJob[] } | { ids: number[]; remove: string };
type StitchReply = { ids: number[]; results: StitchResult[] };

/**
 * The worker's code: everything it uses comes in through its parameters (it runs as the text of
 * this function, `STITCH_CODE`). Each message is a group of jobs (those posted together: the
 * three formats of a feed set, whose items are the same articles in the same order), written side
 * by side, item `i` of each in turn: the pipeline spooled an article's items one after the other
 * (src/pipeline/spool.ts), so item `i` of the three files is most often one read, not three
 * (~10k reads of ~17 KB instead of ~30k of ~6 KB at 10k articles; a read's cost is mostly the
 * call's). A group that fails (a short read, an error) fails whole, each of its temporary files
 * removed. `remove` removes a folder (the build's spool, once every feed is written).
 * `earlySync`: the bytes written between two flushes of a file that asks to be flushed (`syncEarly`;
 * the worker runs with the default, tests give a small one).
 */
export function stitchThread(port: Pick<MessagePort, 'on' | 'postMessage'>, fs: typeof import('node:fs'), earlySync: number = 16 << 20): void {
  /** Bytes an output gathers before a write (and the least its buffer holds). */
  const BATCH = 1 << 20;
  const writeAll = (fd: number, buf: Buffer, length: number): void => {
    for (let done = 0; done < length; ) {
      const n = fs.writeSync(fd, buf, done, length - done);
      if (n <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
      done += n;
    }
  };
  /**
   * The flushes a group starts while it writes (`room`): how many are still running on libuv's
   * threads, the first error one gave, and what waits for none to be running (`whenIdle`).
   */
  interface EarlySyncs {
    running: number;
    error: unknown;
    idle: (() => void) | undefined;
  }
  interface Output {
    job: StitchJob;
    fd: number;
    buffer: Buffer;
    used: number;
    bytes: number;
    sep: Buffer;
    count: number;
    /** Bytes written since the last flush was started (a job with `sync`). */
    unsynced: number;
    early: EarlySyncs;
  }
  /**
   * A file to be flushed (`StitchJob.sync`) is flushed every `earlySync` bytes as it is written too
   * (`fdatasync` on libuv's threads, while this thread goes on writing: the group is written in one
   * synchronous run, so their callbacks come after it), so that the disk takes the file as it
   * grows and the flush after its last write waits for the rest only: a 10k build's three feeds,
   * ~170 MB, were all still in the page cache when their one flush began (docs/BENCHMARKS.md,
   * r24-cold). An error of one fails the group as the last flush's would (the kernel reports a
   * write-back error to one flush only).
   */
  const syncEarly = (out: Output): void => {
    if (!out.job.sync || out.unsynced < earlySync) return;
    out.unsynced = 0;
    const early = out.early;
    early.running++;
    fs.fdatasync(out.fd, (error) => {
      early.error ??= error ?? undefined;
      if (--early.running > 0) return;
      const idle = early.idle;
      early.idle = undefined;
      idle?.();
    });
  };
  /** Run `then` once no flush of the group's is running (its files may then be closed). */
  const whenIdle = (early: EarlySyncs, then: () => void): void => {
    if (early.running === 0) then();
    else early.idle = then;
  };
  /** Room for `n` more bytes in `out`'s buffer (written out first when full). */
  const room = (out: Output, n: number): void => {
    if (out.used + n <= out.buffer.length) return;
    writeAll(out.fd, out.buffer, out.used);
    out.bytes += out.used;
    out.unsynced += out.used;
    out.used = 0;
    syncEarly(out);
    if (n > out.buffer.length) out.buffer = Buffer.allocUnsafe(n);
  };
  const text = (out: Output, s: string): void => {
    room(out, Buffer.byteLength(s));
    out.used += out.buffer.write(s, out.used);
  };
  /** Read `length` bytes at `offset` into `buf` from `at`; false when the file ends first. */
  const readAll = (fd: number, buf: Buffer, at: number, length: number, offset: number): boolean => {
    for (let done = 0; done < length; ) {
      const n = fs.readSync(fd, buf, at + done, length - done, offset + done);
      if (n <= 0) return false;
      done += n;
    }
    return true;
  };
  let scratch = Buffer.allocUnsafe(64 << 10);
  /** Write the group's files; `done` gets their results (after the flushes asked for, which run on libuv's threads while the next group is written). */
  const runGroup = (jobs: StitchJob[], done: (results: StitchResult[]) => void): void => {
    const early: EarlySyncs = { running: 0, error: undefined, idle: undefined };
    const outs: Output[] = jobs.map((job) => ({ job, fd: -1, buffer: Buffer.allocUnsafe(BATCH), used: 0, bytes: 0, sep: Buffer.from(job.sep), count: job.ranges.length / 3, unsynced: 0, early }));
    const sources = new Map<string, number>();
    /** A read of adjacent ranges of one spool file, and the outputs they go to, in order. */
    let span: { fd: number; start: number; end: number; to: Output[]; lengths: number[] } | undefined;
    const readSpan = (): boolean => {
      if (!span) return true;
      const { fd, start, end, to, lengths } = span;
      span = undefined;
      if (to.length === 1) {
        const out = to[0] as Output;
        room(out, end - start);
        if (!readAll(fd, out.buffer, out.used, end - start, start)) return false;
        out.used += end - start;
        return true;
      }
      if (scratch.length < end - start) scratch = Buffer.allocUnsafe(end - start);
      if (!readAll(fd, scratch, 0, end - start, start)) return false;
      let at = 0;
      for (const [k, out] of to.entries()) {
        const length = lengths[k] as number;
        room(out, length);
        out.used += scratch.copy(out.buffer, out.used, at, at + length);
        at += length;
      }
      return true;
    };
    let failure: StitchResult | undefined;
    /** Close every output and remove its temporary file: what a group that failed leaves. */
    const discard = (): void => {
      for (const out of outs) {
        try {
          if (out.fd >= 0) fs.closeSync(out.fd);
          out.fd = -1;
          fs.rmSync(out.job.tmp, { force: true });
        } catch {
          // Left to the next build's removal of stale temporary files.
        }
      }
    };
    const failed = (error: unknown): StitchResult[] => {
      discard();
      if (error === failure) return jobs.map(() => failure as StitchResult);
      const e = error as NodeJS.ErrnoException;
      const result: StitchResult = { error: { message: String(e?.message ?? e), code: e?.code, path: e?.path, syscall: e?.syscall } };
      return jobs.map(() => result);
    };
    let mtimes: number[];
    try {
      for (const out of outs) {
        fs.mkdirSync(out.job.dir, { recursive: true });
        out.fd = fs.openSync(out.job.tmp, 'w');
        text(out, out.job.head);
      }
      const steps = Math.max(0, ...outs.map((o) => o.count));
      for (let i = 0; i < steps && !failure; i++) {
        for (const out of outs) {
          if (i >= out.count) continue;
          if (i > 0) {
            room(out, out.sep.length);
            out.used += out.sep.copy(out.buffer, out.used);
          }
          const r = out.job.ranges;
          const file = out.job.files[r[3 * i] as number] as string;
          const offset = r[3 * i + 1] as number;
          const length = r[3 * i + 2] as number;
          let fd = sources.get(file);
          if (fd === undefined) {
            try {
              fd = fs.openSync(file, 'r');
            } catch {
              failure = { short: true };
              break;
            }
            sources.set(file, fd);
          }
          if (span?.fd === fd && span.end === offset) {
            span.end += length;
            span.to.push(out);
            span.lengths.push(length);
            continue;
          }
          if (!readSpan()) failure = { short: true };
          span = { fd, start: offset, end: offset + length, to: [out], lengths: [length] };
        }
        if (!failure && !readSpan()) failure = { short: true };
      }
      if (failure) throw failure;
      mtimes = outs.map((out) => {
        text(out, out.job.tail);
        writeAll(out.fd, out.buffer, out.used);
        out.bytes += out.used;
        return fs.fstatSync(out.fd).mtimeMs;
      });
    } catch (error) {
      // Its files are closed and removed once no flush of theirs is running.
      whenIdle(early, () => done(failed(error)));
      return;
    } finally {
      for (const fd of sources.values()) fs.closeSync(fd);
    }
    const finish = (): void => {
      try {
        for (const out of outs) {
          const fd = out.fd;
          out.fd = -1;
          fs.closeSync(fd);
        }
      } catch (error) {
        done(failed(error));
        return;
      }
      done(outs.map((out, k) => ({ mtimeMs: mtimes[k] as number, bytes: out.bytes })));
    };
    // Flushed once all are written (the disk takes the rest of the group's writes in one go), then
    // closed, once the flushes started on the way (`syncEarly`) are done too.
    const syncing = outs.filter((out) => out.job.sync);
    if (syncing.length === 0) {
      finish();
      return;
    }
    let left = syncing.length;
    let syncError: unknown;
    for (const out of syncing) {
      fs.fsync(out.fd, (error) => {
        syncError ??= error ?? undefined;
        if (--left > 0) return;
        whenIdle(early, () => {
          const problem = syncError ?? early.error;
          if (problem !== undefined) done(failed(problem));
          else finish();
        });
      });
    }
  };
  port.on('message', (m: StitchMessage) => {
    if ('remove' in m) {
      try {
        fs.rmSync(m.remove, { recursive: true, force: true });
      } catch {
        // What is left is the build's to remove (`ItemSpool.dispose`).
      }
      port.postMessage({ ids: m.ids, results: [{ mtimeMs: 0, bytes: 0 }] } satisfies StitchReply);
      return;
    }
    runGroup(m.jobs, (results) => port.postMessage({ ids: m.ids, results } satisfies StitchReply));
  });
}

const STITCH_CODE = `(${stitchThread.toString()})(require('node:worker_threads').parentPort, require('node:fs'));`;

/**
 * One worker thread that writes feed files from the spool (`stitchThread`). Started ahead of
 * composing (its start, ~10-20 ms of the other core, overlaps the main thread's preparations);
 * closed by the build whatever happens. Jobs asked for in one run of the main thread (the feeds
 * composing starts together) go to the worker as one group. A worker that cannot be started, or
 * dies, answers every job `short`: the feed is then composed on the main thread as before.
 */
export class Stitcher {
  private readonly worker: Worker | undefined;
  private readonly waiting = new Map<number, (r: StitchResult) => void>();
  private pending: { ids: number[]; jobs: StitchJob[] } | undefined;
  private next = 0;
  private closed = false;

  constructor() {
    try {
      const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
      // No node options: its code needs none, and a worker given the parent's refuses to start when
      // they hold one of V8's or the process's (`node --max-old-space-size=4096`, `--trace-gc`:
      // ERR_WORKER_INVALID_EXEC_ARGV), which left every feed to be composed on the main thread
      // (and such profiles without the stitcher: docs/BENCHMARKS.md, r24-cold).
      // The ranges and a few 1 MiB buffers (outside the heap): a small heap is all it needs.
      this.worker = new Worker(STITCH_CODE, { eval: true, execArgv: [], stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 } });
      this.worker.unref();
      this.worker.on('message', (m: StitchReply) => {
        for (const [k, id] of m.ids.entries()) this.settle(id, m.results[k] ?? { short: true });
      });
      this.worker.on('error', () => this.lost());
      this.worker.on('exit', () => this.lost());
    } catch {
      this.worker = undefined;
    }
  }

  /** Write `job.tmp` on the worker, with the other jobs asked for in this run of the thread; `short` when the worker is gone or closed. */
  stitch(job: StitchJob): Promise<StitchResult> {
    if (!this.worker || this.closed) return Promise.resolve({ short: true });
    const id = this.next++;
    const promise = new Promise<StitchResult>((resolve) => this.waiting.set(id, resolve));
    if (!this.pending) {
      this.pending = { ids: [], jobs: [] };
      queueMicrotask(() => this.postPending());
    }
    this.pending.ids.push(id);
    this.pending.jobs.push(job);
    return promise;
  }

  /** Remove `dir` (recursively) on the worker, after the jobs asked for before; resolves when done (or the worker is gone). */
  async remove(dir: string): Promise<void> {
    this.postPending();
    if (!this.worker || this.closed) return;
    const id = this.next++;
    const done = new Promise<StitchResult>((resolve) => this.waiting.set(id, resolve));
    this.worker.postMessage({ ids: [id], remove: dir } satisfies StitchMessage);
    await done;
  }

  /** Stop the worker (not waited for: its jobs are all answered by then, or are answered `short`). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.worker?.terminate();
    this.lost();
  }

  private postPending(): void {
    const group = this.pending;
    this.pending = undefined;
    if (!group) return;
    if (!this.worker || this.closed) {
      for (const id of group.ids) this.settle(id, { short: true });
      return;
    }
    this.worker.postMessage(
      group satisfies StitchMessage,
      group.jobs.map((j) => j.ranges.buffer as ArrayBuffer),
    );
  }

  private settle(id: number, result: StitchResult): void {
    const resolve = this.waiting.get(id);
    this.waiting.delete(id);
    resolve?.(result);
  }

  /** The worker is gone: every job still waiting is answered `short`. */
  private lost(): void {
    this.closed = true;
    this.pending = undefined;
    for (const id of [...this.waiting.keys()]) this.settle(id, { short: true });
  }
}

/** A worker's error as the system error it reports (`code`, `path`, `syscall` kept: src/output/errors.ts reads them). */
export function stitchError(e: { message: string; code?: string | undefined; path?: string | undefined; syscall?: string | undefined }): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(e.message);
  if (e.code !== undefined) error.code = e.code;
  if (e.path !== undefined) error.path = e.path;
  if (e.syscall !== undefined) error.syscall = e.syscall;
  return error;
}
