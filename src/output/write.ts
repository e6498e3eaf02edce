import { createHash } from 'node:crypto';
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FeedwrightError } from '../errors.js';

export interface RenderedFile {
  /** File name inside the output folder (may contain sub-folders, e.g. "tags/x/rss.xml"). */
  name: string;
  /** The temporary file holding the new bytes; '' when none was written (known unchanged). */
  tmp: string;
  sha256: string;
  bytes: number;
  /** True when the target already holds exactly these bytes. */
  unchanged: boolean;
  /** For a feed: how many items were rendered, and how many copied from the previous output. */
  items?: { rendered: number; copied: number };
}

export interface WriteSummary {
  name: string;
  status: 'written' | 'unchanged';
  bytes: number;
  /** For a feed: how many items were rendered, and how many copied from the previous output. */
  items?: { rendered: number; copied: number };
}

/** Batches small writes into ~1 MiB ones: far fewer syscalls than one write per item. */
export class BatchedWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(protected readonly handle: FileHandle) {}

  /** Queue `s` as UTF-8; returns its length in bytes. */
  async text(s: string): Promise<number> {
    return this.bytes(Buffer.from(s));
  }

  async bytes(buf: Buffer): Promise<number> {
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    if (this.pendingBytes >= 1 << 20) await this.flush();
    return buf.length;
  }

  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const buf = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.handle.write(buf);
  }
}

/**
 * Stream `chunks` into a temporary file beside the target, hashing as it goes, and compare with
 * the current target. Nothing is replaced yet: `commitFiles` renames all of them at once, after
 * every feed has been rendered and validated (and `syncFiles` has flushed them), so a crash
 * leaves the old complete files in place.
 */
export async function renderToTemp(outDir: string, name: string, chunks: Iterable<string>, token: string): Promise<RenderedFile> {
  const target = path.join(outDir, name);
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(name)}.${token}.tmp`);
  const hash = createHash('sha256');
  const handle = await open(tmp, 'w');
  let bytes = 0;
  try {
    const sink = new BatchedWriter(handle);
    for (const chunk of chunks) {
      const buf = Buffer.from(chunk);
      hash.update(buf);
      bytes += await sink.bytes(buf);
    }
    await sink.flush();
  } finally {
    await handle.close();
  }
  return { name, tmp, sha256: hash.digest('hex'), bytes, unchanged: await sameBytes(tmp, target) };
}

/**
 * Flush temporary files to disk before they replace their targets (so a crash never leaves a
 * renamed but empty file), all at once: the disk writes them in one go rather than one by one.
 */
export async function syncFiles(files: readonly RenderedFile[]): Promise<void> {
  await Promise.all(
    files
      .filter((f) => f.tmp && !f.unchanged)
      .map(async (f) => {
        const handle = await open(f.tmp, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }),
  );
}

/** True when two files hold the same bytes (compared in chunks, so any size fits in memory). */
export async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  if (!sa || !sb || sa.size !== sb.size) return false;
  const [ha, hb] = await Promise.all([open(a, 'r'), open(b, 'r')]);
  try {
    const size = 1 << 20;
    const ba = Buffer.allocUnsafe(size);
    const bb = Buffer.allocUnsafe(size);
    for (let at = 0; at < sa.size; at += size) {
      const [ra, rb] = await Promise.all([ha.read(ba, 0, size, at), hb.read(bb, 0, size, at)]);
      if (ra.bytesRead !== rb.bytesRead || !ba.subarray(0, ra.bytesRead).equals(bb.subarray(0, rb.bytesRead))) return false;
      if (ra.bytesRead === 0) break;
    }
    return true;
  } finally {
    await Promise.all([ha.close(), hb.close()]);
  }
}

/** Replace every changed target by its temporary file (rename is atomic within a folder). */
export async function commitFiles(outDir: string, files: readonly RenderedFile[]): Promise<WriteSummary[]> {
  const summary: WriteSummary[] = [];
  for (const f of files) {
    if (f.unchanged) {
      if (f.tmp) await rm(f.tmp, { force: true });
    } else {
      await rename(f.tmp, path.join(outDir, f.name));
    }
    summary.push({ name: f.name, status: f.unchanged ? 'unchanged' : 'written', bytes: f.bytes, ...(f.items ? { items: f.items } : {}) });
  }
  return summary;
}

export async function discardFiles(files: readonly RenderedFile[]): Promise<void> {
  await Promise.all(files.filter((f) => f.tmp).map((f) => rm(f.tmp, { force: true })));
}

const LOCK_NAME = '.feedwright.lock';

/**
 * Take the output folder's lock: a file created with O_EXCL holding our pid. A lock whose process
 * is gone is stale and taken over. Two builds on one output never interleave.
 */
export async function acquireLock(outDir: string, display: string): Promise<() => void> {
  try {
    await mkdir(outDir, { recursive: true });
    const probe = path.join(outDir, `.feedwright-probe-${process.pid}`);
    await writeFile(probe, '');
    await rm(probe);
  } catch (error) {
    throw new FeedwrightError('OUTPUT_UNWRITABLE', `The output folder ${display} cannot be written (${(error as NodeJS.ErrnoException).code}).`, 'Check its permissions, or pass another folder with --out.', display);
  }
  const lockPath = path.join(outDir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone (removed by hand); nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new FeedwrightError('OUTPUT_LOCKED', `Another feedwright build (pid ${holder}) is writing to ${display}.`, `Wait for it to finish. If no build is running, delete ${path.join(display, LOCK_NAME)}.`, display);
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new FeedwrightError('OUTPUT_LOCKED', `Could not take the lock on ${display}.`, `Delete ${path.join(display, LOCK_NAME)} if no build is running.`, display);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
