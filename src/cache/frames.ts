import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync, writevSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { drain, type Steps } from './steps.js';

/**
 * A cache side file that a build updates by appending what changed instead of rewriting it whole
 * (the state and heads files: megabytes at 10k articles, of which a one-article edit changes a few
 * hundred bytes). The file is a sequence of frames,
 *   `<format> <body length, 12 digits> <crc32 of the body, 10 digits>\n<body>`
 * the first one written atomically with the file (temporary file + rename), each later one
 * appended. A reader takes frames up to the first one that is missing, truncated, of another
 * format or fails its CRC (a build killed while appending leaves such a tail): what the frames
 * before it say still holds, since each frame only adds facts to the ones before (the callers'
 * rule). A file whose first frame fails reads as undefined: the caller does without it.
 *
 * A process appends only to the file it read or wrote itself, as it left it (same inode, size,
 * mtime and ctime, and no unreadable tail): a file rewritten or appended to by another build is
 * rewritten whole instead.
 */
export interface FileId {
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export interface Frames {
  bodies: string[];
  /** The file as read; `size` counts the readable frames only. */
  id: FileId;
  /** True when bytes after the last readable frame were left out. */
  tail: boolean;
}

const HEADER_DIGITS = 12 + 1 + 10;

function header(format: string, length: number, crc: number): Buffer {
  return Buffer.from(`${format} ${String(length).padStart(12, '0')} ${String(crc).padStart(10, '0')}\n`);
}

export function readFrames(file: string, format: string): Frames | undefined {
  const frames = readFrameBytes(file, format);
  return frames && { ...frames, bodies: frames.bodies.map((b) => b.toString('utf8')) };
}

/** `readFrames` with each body as its bytes, not decoded (the output record's binary, src/cache/outputs.ts). */
export function readFrameBytes(file: string, format: string): (Omit<Frames, 'bodies'> & { bodies: Buffer[] }) | undefined {
  let bytes: Buffer;
  let id: FileId;
  try {
    const fd = openSync(file, 'r');
    try {
      const s = fstatSync(fd);
      id = { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs };
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const bodies: Buffer[] = [];
  const prefix = `${format} `;
  const headerBytes = Buffer.byteLength(prefix) + HEADER_DIGITS + 1;
  let at = 0;
  while (at < bytes.length) {
    const end = at + headerBytes;
    if (end > bytes.length || bytes[end - 1] !== 10) break;
    const line = bytes.toString('latin1', at, end - 1);
    if (!line.startsWith(prefix)) break;
    const m = /^(\d{12}) (\d{10})$/.exec(line.slice(prefix.length));
    if (!m) break;
    const length = Number(m[1]);
    if (end + length > bytes.length) break;
    const body = bytes.subarray(end, end + length);
    if (crc32(body) !== Number(m[2])) break;
    bodies.push(body);
    at = end + length;
  }
  if (bodies.length === 0) return undefined;
  return { bodies, id: { ...id, size: at }, tail: at !== bytes.length };
}

/**
 * Write the file anew, atomically, with one frame made of `chunks` (never joined: the heads of
 * 100k entries are ~100 MB). Returns the written file's id.
 */
export function writeFrames(file: string, format: string, chunks: Iterable<string | Buffer>): FileId {
  return drain(writeFramesSteps(file, format, chunks));
}

/**
 * `writeFrames` a chunk at a time: a step after each chunk is written (src/cache/steps.ts), so
 * that making the next chunk (the heads' JSON) can wait while other work runs.
 */
export function* writeFramesSteps(file: string, format: string, chunks: Iterable<string | Buffer>): Steps<FileId> {
  const out = AtomicFile.create(file);
  try {
    out.append(header(format, 0, 0));
    const start = out.at;
    let crc = 0;
    for (const chunk of chunks) {
      // A string as UTF-8; bytes as they are (the output record's binary: src/cache/outputs.ts).
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      crc = crc32(bytes, crc);
      out.append(bytes);
      yield;
    }
    writeFully(out.fd, header(format, out.at - start, crc), 0);
    return out.commit();
  } finally {
    out.abandon();
  }
}

/** Whole-file writes started by this process (each has a temporary file of its own). */
let writes = 0;

/**
 * A file written anew atomically, in as many steps as its writer likes: its bytes go into a
 * temporary file beside it (a name unique to the write: two writes of one file in a process never
 * share it), renamed over it once complete (`commit`). Until then a reader sees the old file
 * whole; `abandon` (in a `finally`: a full disk, steps left unfinished) removes the temporary file,
 * so none is left half-written in the cache folder. The one writer of the side files
 * (`writeFramesSteps`) and of the heads' cold file (src/cache/heads.ts).
 */
export class AtomicFile {
  /** The next byte's place, for `append`. */
  at = 0;
  private open: boolean;
  private renamed = false;

  private constructor(
    private readonly file: string,
    private readonly tmp: string,
    /** The temporary file's descriptor (positional writes: `writeFully`). */
    readonly fd: number,
  ) {
    this.open = true;
  }

  static create(file: string): AtomicFile {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}-${++writes}.tmp`;
    return new AtomicFile(file, tmp, openSync(tmp, 'w'));
  }

  /** The inode the file will have once committed (the rename keeps it). */
  get ino(): number {
    return fstatSync(this.fd).ino;
  }

  /** Write `bytes` at `at`, and move `at` past them. */
  append(bytes: Buffer): void {
    this.at += writeFully(this.fd, bytes, this.at);
  }

  /**
   * Close the temporary file and rename it over the file. Returns the file's id as renamed (the
   * rename changes the ctime: taken after it), or an id no file has if another write replaced it
   * meanwhile.
   */
  commit(): FileId {
    const s = fstatSync(this.fd);
    this.open = false;
    closeSync(this.fd);
    renameSync(this.tmp, this.file);
    this.renamed = true;
    const after = statSync(this.file);
    return s.ino === after.ino ? { ino: after.ino, size: after.size, mtimeMs: after.mtimeMs, ctimeMs: after.ctimeMs } : { ino: -1, size: -1, mtimeMs: 0, ctimeMs: 0 };
  }

  /** Unless committed: close and remove the temporary file (the file is left as it was). */
  abandon(): void {
    if (this.renamed) return;
    if (this.open) {
      this.open = false;
      closeSync(this.fd);
    }
    rmSync(this.tmp, { force: true });
  }
}

/**
 * Append one frame to the file, if it is still exactly `id` (as this process read or wrote it).
 * Returns the file's new id, or undefined when it was not appended to (the caller rewrites it).
 * The frame goes in one write at the end of the file; a partial write leaves a tail that no
 * reader takes (its CRC fails) and that no later append follows (the size no longer matches).
 */
export function appendFrame(file: string, format: string, body: string | readonly (string | Buffer)[], id: FileId): FileId | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r+');
    const s = fstatSync(fd);
    if (s.ino !== id.ino || s.size !== id.size || s.mtimeMs !== id.mtimeMs || s.ctimeMs !== id.ctimeMs) return undefined;
    // A body given in parts is written as they are, not joined first (the output record's published items: megabytes).
    const parts = typeof body === 'string' ? [Buffer.from(body)] : body.map((b) => (typeof b === 'string' ? Buffer.from(b) : b));
    let crc = 0;
    let length = 0;
    for (const part of parts) {
      crc = crc32(part, crc);
      length += part.length;
    }
    writeAllAt(fd, [header(format, length, crc), ...parts], s.size);
    const after = fstatSync(fd);
    return { ino: after.ino, size: after.size, mtimeMs: after.mtimeMs, ctimeMs: after.ctimeMs };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Write `parts` one after the other from `position`, in one system call when it takes them all. */
function writeAllAt(fd: number, parts: readonly Buffer[], position: number): void {
  let at = position;
  let rest = parts.filter((p) => p.length > 0);
  while (rest.length > 0) {
    let n = writevSync(fd, rest, at);
    at += n;
    // Past the parts written whole, and into the one written in part.
    while (rest.length > 0 && n >= (rest[0] as Buffer).length) n -= (rest.shift() as Buffer).length;
    if (n > 0) rest = [(rest[0] as Buffer).subarray(n), ...rest.slice(1)];
  }
}

/** Write all of `bytes` at `position`; returns their length. */
export function writeFully(fd: number, bytes: Buffer, position: number): number {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
  return bytes.length;
}
