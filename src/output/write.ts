import { createHash } from 'node:crypto';
import { type FileHandle, mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';

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
  /**
   * The file's mtime as its writer saw it on its own handle right after the last write (`writeTemp`),
   * or, for a file left as it was, the one recorded when it was written: the output record calls the
   * file proven ours only while its mtime after the rename is still this (src/cache/outputs.ts).
   */
  writtenMtimeMs?: number;
  /** Flushed to disk already, as it was written (src/feeds/stitch.ts): `syncFiles` skips it. */
  synced?: boolean;
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
    await writeFully(this.handle, buf, buf.length);
  }
}

/**
 * Write the first `length` bytes of `buf`. One write may write less than asked (a disk that is
 * filling up writes what fits, and only the next write fails with ENOSPC): go on until all is
 * written, so a file is never silently short.
 */
export async function writeFully(handle: FileHandle, buf: Buffer, length: number): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesWritten } = await handle.write(buf, done, length - done);
    if (bytesWritten <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    done += bytesWritten;
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
  let bytes = 0;
  await writeTemp(tmp, async (handle) => {
    const sink = new BatchedWriter(handle);
    for (const chunk of chunks) {
      const buf = Buffer.from(chunk);
      hash.update(buf);
      bytes += await sink.bytes(buf);
    }
    await sink.flush();
  });
  return { name, tmp, sha256: hash.digest('hex'), bytes, unchanged: await sameBytes(tmp, target) };
}

/**
 * Create the temporary file `tmp` and fill it with `fill`; on any failure (a full disk) the
 * temporary file is removed before the error goes on, so nothing is left behind. Returns the
 * file's mtime as read from its own handle after the last write (`RenderedFile.writtenMtimeMs`).
 */
export async function writeTemp(tmp: string, fill: (handle: FileHandle) => Promise<void>): Promise<number> {
  const handle = await open(tmp, 'w');
  let mtimeMs: number;
  try {
    await fill(handle);
    mtimeMs = (await handle.stat()).mtimeMs;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
  try {
    await handle.close();
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return mtimeMs;
}

/**
 * Flush temporary files to disk before they replace their targets (so a crash never leaves a
 * renamed but empty file), all at once: the disk writes them in one go rather than one by one.
 */
export async function syncFiles(files: readonly RenderedFile[]): Promise<void> {
  await Promise.all(
    files
      .filter((f) => f.tmp && !f.unchanged && !f.synced)
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

/** What the commit will do: the renames of every changed file, and the summary of every file. */
export function commitPlan(files: readonly RenderedFile[]): { renames: Array<[string, string]>; summary: WriteSummary[] } {
  const renames: Array<[string, string]> = [];
  const summary: WriteSummary[] = [];
  for (const f of files) {
    if (!f.unchanged) renames.push([posixRelative(f.tmp, f.name), f.name]);
    summary.push({ name: f.name, status: f.unchanged ? 'unchanged' : 'written', bytes: f.bytes, ...(f.items ? { items: f.items } : {}) });
  }
  return { renames, summary };
}

/** The temporary file of `name` as a path relative to the output folder (it sits beside its target). */
function posixRelative(tmp: string, name: string): string {
  const dir = path.posix.dirname(name);
  const base = path.basename(tmp);
  return dir === '.' ? base : `${dir}/${base}`;
}

/** Temporary files of unchanged targets are not needed: remove them. */
export async function dropUnchanged(files: readonly RenderedFile[]): Promise<void> {
  await Promise.all(files.filter((f) => f.unchanged && f.tmp).map((f) => rm(f.tmp, { force: true })));
}

export async function discardFiles(files: readonly RenderedFile[]): Promise<void> {
  await Promise.all(files.filter((f) => f.tmp).map((f) => rm(f.tmp, { force: true })));
}
