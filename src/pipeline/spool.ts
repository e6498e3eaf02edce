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

/**
 * Appends items to one spool file, in ~1 MiB writes. One per thread (and per parse run). The file
 * is open only while a flush writes (a worker is terminated, not closed: it must hold no descriptor).
 */
export class SpoolWriter {
  /** Bytes in the file. */
  private written = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private end = 0;
  private failed = false;

  /** `dir`: the build's spool folder; `name`: this writer's file in it, unique in the build. */
  constructor(
    private readonly dir: string,
    readonly name: string,
  ) {}

  /** Queue an article's items; where they will be, or undefined once the spool has failed. */
  add(items: readonly Buffer[]): SpooledItems | undefined {
    if (this.failed) return undefined;
    const at: number[] = [];
    for (const b of items) {
      at.push(this.end, b.length, countLineFeeds(b), crc32(b));
      this.pending.push(b);
      this.pendingBytes += b.length;
      this.end += b.length;
    }
    if (this.pendingBytes >= 1 << 20) this.flush();
    return this.failed ? undefined : { spool: this.name, at };
  }

  /**
   * Write what is queued. A thread flushes before it reports the articles whose items it queued:
   * a worker may be terminated right after. A failure (a full disk) marks the spool failed: the
   * items it had are then not trusted (the reader finds the file shorter, or gone) and are rendered.
   */
  flush(): void {
    if (this.pendingBytes === 0 || this.failed) return;
    const buf = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
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
  return run.entry.status === 'ok' && run.rendered ? spool.add(run.rendered) : undefined;
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
    const [offset, bytes, lines, crc] = at.slice(4 * index, 4 * index + 4) as [number, number, number, number];
    return { hash, bytes, lines, crc, read: () => this.read(spool, offset, bytes) };
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
