import { readFramed, writeFramed } from './framed.js';

/**
 * The cache's small side file: what each source file looked like when it was last hashed, so an
 * unchanged file (same size, mtime, ctime and inode) need not be read again, and the site template
 * learned from the text sources. Stored as JSON with a CRC-32 of its body; a file that fails the
 * check is ignored as a whole (every file is then read and hashed, as without a cache).
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** SHA-256 (hex) of the decoded text. */
  hash: string;
}

export interface CacheState {
  /** When the state was written (ms since epoch, this machine's clock). */
  writtenAt: number;
  /** relPath -> stamp. */
  files: Record<string, FileStamp>;
  /** The template learned from the text sources, and the hashes of the texts it was learned from. */
  template?: { sources: string; lines: string[] };
}

const STATE_FORMAT = 'feedwright-cache-state-1';

export function readState(file: string): CacheState | undefined {
  const body = readFramed(file, STATE_FORMAT);
  if (body === undefined) return undefined;
  try {
    const state = JSON.parse(body) as CacheState;
    return typeof state.writtenAt === 'number' && typeof state.files === 'object' && state.files !== null ? state : undefined;
  } catch {
    return undefined;
  }
}

export function writeState(file: string, state: CacheState): void {
  writeFramed(file, STATE_FORMAT, JSON.stringify(state));
}

/**
 * Git's "racily clean" rule: a file modified within this window before the state was written may
 * have changed again within the same timestamp tick, so its stamp proves nothing and it is re-read.
 */
export const RACY_WINDOW_MS = 2000;

/** True when `stamp` proves the file still holds the text it had when hashed. */
export function stampMatches(stamp: FileStamp | undefined, now: { size: number; mtimeMs: number; ctimeMs: number; ino: number }, writtenAt: number): stamp is FileStamp {
  return (
    stamp !== undefined &&
    stamp.size === now.size &&
    stamp.mtimeMs === now.mtimeMs &&
    stamp.ctimeMs === now.ctimeMs &&
    stamp.ino === now.ino &&
    now.mtimeMs < writtenAt - RACY_WINDOW_MS &&
    now.ctimeMs < writtenAt - RACY_WINDOW_MS
  );
}
