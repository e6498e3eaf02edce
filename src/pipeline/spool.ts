import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { RenderedItem } from '../feeds/compose.js';
import type { Article } from '../model.js';
import type { ArticleRun } from './article.js';

/*
 * The items the article pipeline rendered, kept for the feeds.
 *
 * The pipeline renders each new article's item in every format to check it (src/pipeline/article.ts),
 * on whichever thread parsed the article. An item's bytes depend on its article alone
 * (src/feeds/model.ts), so composing the feeds need not render it again: each thread appends the
 * items it rendered to a spool file of its own, and composing reads them back in feed order
 * (src/feeds/compose.ts). Rendering every item a second time on the main thread, and reading each
 * article's body back from the cache pack to do it, was 1.8 s of a 10k cold build's main thread
 * while the parse worker sat idle (docs/BENCHMARKS.md, r9-cold).
 *
 * A file, not memory: a 10k build's items are ~170 MB (the three feeds), a 100k build's ~1.7 GB.
 * The spool is one folder per build, removed when the build ends, in the cache folder when there is
 * one (on the project's disk, where a RAM-backed /tmp would hold the items in memory after all),
 * else in the system's temporary folder; nothing outside this build reads it. A build that was
 * killed leaves its folder: the next build with that cache folder removes any whose process is gone. It is an optimisation only: a spool that cannot be written or
 * read leaves its items to be rendered as before.
 */

/** Where one article's items went: the spool file (a name in the build's spool folder) and 4 numbers per item (offset, bytes, line feeds, CRC-32), in the pipeline's format order. */
export interface SpooledItems {
  spool: string;
  at: number[];
}

/** An item's UTF-8 bytes as appended to a spool file (`SpoolWriter.append`). */
export interface AppendedItem {
  /** The bytes: a view of the writer's buffer, valid until the writer's next append, add or flush. */
  bytes: Buffer;
  /** Where they are: the item's four numbers of `SpooledItems.at` (offset, bytes, line feeds, CRC-32). */
  at: [number, number, number, number];
}

/** The bytes a writer queues before it writes them (and the least it allocates for a bigger item). */
const SPOOL_BUFFER = 1 << 20;

/**
 * Appends items to one spool file, in ~1 MiB writes. One per thread (and per parse run). The file
 * is open only while a flush writes (a worker is terminated, not closed: it must hold no descriptor).
 *
 * The items are encoded straight into one buffer that each flush writes and empties (`append`):
 * a `Buffer.from` per item made a backing store of its own for each (an item is past the 4 KiB
 * that Node's buffer pool serves), ~3 % of a cold build's parse CPU, and the flush then copied them
 * all once more into one buffer (docs/BENCHMARKS.md, r14-cold).
 */
export class SpoolWriter {
  /** Bytes in the file. */
  private written = 0;
  private buffer: Buffer | undefined;
  /** Bytes queued at the start of `buffer`, to be written at `written`. */
  private used = 0;
  private failed = false;

  /** `dir`: the build's spool folder; `name`: this writer's file in it, unique in the build. */
  constructor(
    private readonly dir: string,
    readonly name: string,
  ) {}

  /** False once a write has failed: what it had spooled is gone, and it spools nothing more. */
  get usable(): boolean {
    return !this.failed;
  }

  /** Room for `bytes` more at the end of the queue (flushing it first when full), or undefined once the spool has failed. */
  private room(bytes: number): Buffer | undefined {
    if (this.buffer !== undefined && this.used + bytes > this.buffer.length) this.flush();
    if (this.failed) return undefined;
    if (this.buffer === undefined || bytes > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(Math.max(SPOOL_BUFFER, bytes));
    return this.buffer;
  }

  /** Queue one item, encoded as UTF-8 (the bytes `Buffer.from(text)` gives); undefined once the spool has failed. */
  append(text: string): AppendedItem | undefined {
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a lone surrogate becomes U+FFFD, 3 bytes; a pair, 4 bytes for 2 units).
    const buffer = this.room(3 * text.length);
    if (buffer === undefined) return undefined;
    const start = this.used;
    const n = buffer.write(text, start, 'utf8');
    const bytes = buffer.subarray(start, start + n);
    this.used += n;
    return { bytes, at: [this.written + start, n, countLineFeeds(bytes), crc32(bytes)] };
  }

  /** Queue an article's items; where they will be, or undefined once the spool has failed. */
  add(items: readonly Buffer[]): SpooledItems | undefined {
    const at: number[] = [];
    for (const b of items) {
      const buffer = this.room(b.length);
      if (buffer === undefined) return undefined;
      b.copy(buffer, this.used);
      at.push(this.written + this.used, b.length, countLineFeeds(b), crc32(b));
      this.used += b.length;
    }
    return this.failed ? undefined : { spool: this.name, at };
  }

  /**
   * Write what is queued. A thread flushes before it reports the articles whose items it queued:
   * a worker may be terminated right after. A failure (a full disk) marks the spool failed: the
   * items it had are then not trusted (the reader finds the file shorter, or gone) and are rendered.
   */
  flush(): void {
    if (this.used === 0 || this.failed || this.buffer === undefined) return;
    const buf = this.buffer.subarray(0, this.used);
    this.used = 0;
    let fd: number | undefined;
    try {
      // Made by the first flush; later ones write at its end (a file gone meanwhile is not made again).
      fd = openSync(path.join(this.dir, this.name), this.written === 0 ? 'wx' : 'r+');
      for (let done = 0; done < buf.length; ) {
        const n = writeSync(fd, buf, done, buf.length - done, this.written);
        this.written += n;
        if (n <= 0) throw new Error('spool write made no progress');
        done += n;
      }
    } catch {
      this.failed = true;
      rmSync(path.join(this.dir, this.name), { force: true });
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** A spool folder's name: this prefix, the pid of the build's process, '-', random characters. */
const SPOOL_PREFIX = '.items-';

/** Remove the spool folders in `dir` whose process is gone (a build killed before it removed its own). */
function removeStale(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = name.startsWith(SPOOL_PREFIX) ? Number.parseInt(name.slice(SPOOL_PREFIX.length), 10) : Number.NaN;
    if (Number.isSafeInteger(pid) && pid > 0 && !alive(pid)) rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

/** Whether a process with this pid exists (EPERM: it does, another user's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Spool the items of an article the pipeline rendered (`run.rendered`, with an 'ok' entry). */
export function spoolRun(spool: SpoolWriter, run: ArticleRun): SpooledItems | undefined {
  if (run.entry.status !== 'ok') return undefined;
  // Appended by the pipeline itself (its context's `items` was this writer).
  if (run.spooled) return spool.usable ? { spool: spool.name, at: run.spooled } : undefined;
  return run.rendered ? spool.add(run.rendered) : undefined;
}

/** Line feeds in UTF-8 bytes (the same count as in the decoded string). */
function countLineFeeds(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * The build's spool folder and the rendered items of its articles, by article. Made by the build
 * before parsing (`create`), filled by load.ts as entries come back, read while composing,
 * removed by `dispose` when the build ends.
 */
export class ItemSpool {
  private readonly fds = new Map<string, number | null>();
  private readonly paths = new Map<string, string>();
  private readonly items = new Map<Article, { at: SpooledItems; hashes: readonly string[] }>();

  private constructor(readonly dir: string) {}

  /**
   * A new spool folder in `near` (the cache folder; first removing the spool folders of processes
   * that are gone) or the system's temporary folder, or undefined when none can be made (the build
   * then renders as before).
   */
  static create(near?: string): ItemSpool | undefined {
    try {
      if (near !== undefined) {
        mkdirSync(near, { recursive: true });
        removeStale(near);
      }
      return new ItemSpool(mkdtempSync(path.join(near ?? tmpdir(), `${SPOOL_PREFIX}${process.pid}-`)));
    } catch {
      return undefined;
    }
  }

  /** Remember where `article`'s items are; `hashes`: the pipeline's item hashes, in the same order. */
  set(article: Article, at: SpooledItems, hashes: readonly string[]): void {
    if (at.at.length === 4 * hashes.length) this.items.set(article, { at, hashes });
  }

  /** The `index`-th item (the pipeline's format order) of `article`, if the pipeline spooled it. */
  item(article: Article, index: number): RenderedItem | undefined {
    const known = this.items.get(article);
    const hash = known?.hashes[index];
    if (!known || hash === undefined) return undefined;
    const { spool, at } = known.at;
    // Read in place, not sliced out: one array fewer per item composed.
    const offset = at[4 * index] as number;
    const bytes = at[4 * index + 1] as number;
    const lines = at[4 * index + 2] as number;
    const crc = at[4 * index + 3] as number;
    return { hash, bytes, lines, crc, read: () => this.read(spool, offset, bytes), file: this.pathOf(spool), offset };
  }

  /** A spool file's absolute path (made once per file, not per item). */
  private pathOf(spool: string): string {
    let file = this.paths.get(spool);
    if (file === undefined) {
      file = path.join(this.dir, spool);
      this.paths.set(spool, file);
    }
    return file;
  }

  private read(spool: string, offset: number, length: number): Buffer | undefined {
    let fd = this.fds.get(spool);
    if (fd === undefined) {
      try {
        fd = openSync(path.join(this.dir, spool), 'r');
      } catch {
        fd = null;
      }
      this.fds.set(spool, fd);
    }
    if (fd === null) return undefined;
    const out = Buffer.allocUnsafe(length);
    try {
      for (let done = 0; done < length; ) {
        const n = readSync(fd, out, done, length - done, offset + done);
        if (n <= 0) return undefined;
        done += n;
      }
    } catch {
      return undefined;
    }
    return out;
  }

  /** Close the files and remove the folder. */
  dispose(): void {
    for (const fd of this.fds.values()) if (fd !== null) closeSync(fd);
    this.fds.clear();
    this.items.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
