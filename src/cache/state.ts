import { statSync } from 'node:fs';
import { appendFrame, type FileId, readFrames, writeFrames } from './frames.js';

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
  /**
   * The file's cache key for this text, made under the state's `keys` context (src/cache/articles.ts
   * `key`), and the git dates it holds (`first/last` in ms; absent: none): a rebuild takes the key
   * of an unchanged file from here instead of hashing its inputs again.
   */
  key?: string;
  git?: string;
}

export interface CacheState {
  /** When the state was written (ms since epoch, this machine's clock). */
  writtenAt: number;
  /** relPath -> stamp. */
  files: Record<string, FileStamp>;
  /** The template learned from the text sources, and the hashes of the texts it was learned from. */
  template?: { sources: string; lines: string[] };
  /** What every stamp's `key` was made with besides the file's own inputs (src/cache/articles.ts `keysContext`). */
  keys?: string;
}

/** 2: a full state, then the changes of later builds appended (src/cache/frames.ts). */
const STATE_FORMAT = 'feedwright-cache-state-2';

/**
 * A later build's changes to the state, appended as a frame: the stamps set anew or changed, the
 * files gone, the template when it changed (null: none), and the new `writtenAt`. Every stamp the
 * frame leaves as it was is either proven by the state before it (outside its racy window, so
 * also outside the later one's) or was read and hashed again by this build with the same result:
 * the whole state carries the later `writtenAt`.
 */
interface StateChanges {
  writtenAt: number;
  set: Record<string, FileStamp>;
  gone: string[];
  template?: CacheState['template'] | null;
  /** The stamps' key context when it changed (null: none). */
  keys?: string | null;
}

/**
 * The state this process last read or wrote, per file, with the file's id then: a watch session's
 * next build takes it from here instead of parsing the file again (it is read only, never
 * changed: each build makes a new state), and writes only what changed.
 */
const known = new Map<string, { state: CacheState; id: FileId; frames: number; bytes: number }>();

/** Frames appended before the file is rewritten whole (reading them all back stays cheap). */
const MAX_FRAMES = 64;

export function readState(file: string): CacheState | undefined {
  const mine = known.get(file);
  if (mine && sameFile(file, mine.id)) return mine.state;
  known.delete(file);
  const frames = readFrames(file, STATE_FORMAT);
  if (frames === undefined) return undefined;
  try {
    const state = JSON.parse(frames.bodies[0] as string) as CacheState;
    if (typeof state.writtenAt !== 'number' || typeof state.files !== 'object' || state.files === null) return undefined;
    let bytes = 0;
    for (const body of frames.bodies.slice(1)) {
      const changes = JSON.parse(body) as StateChanges;
      Object.assign(state.files, changes.set);
      for (const rel of changes.gone) delete state.files[rel];
      if (changes.template === null) delete state.template;
      else if (changes.template !== undefined) state.template = changes.template;
      if (changes.keys === null) delete state.keys;
      else if (changes.keys !== undefined) state.keys = changes.keys;
      state.writtenAt = changes.writtenAt;
      bytes += body.length;
    }
    // A tail no reader takes: the next write rewrites the file.
    if (!frames.tail) known.set(file, { state, id: frames.id, frames: frames.bodies.length, bytes });
    return state;
  } catch {
    return undefined;
  }
}

/**
 * Let go of the state this process read or wrote for `file` (a build without a watch session will
 * not read it again: 100k sources' stamps are ~15 MB). A later read parses the file.
 */
export function forgetState(file: string): void {
  known.delete(file);
}

/**
 * Write the state: appended as the changes from the state this process last read or wrote, when
 * the file is still that one; otherwise (or after MAX_FRAMES, or when the changes have grown past
 * half the full state) rewritten whole.
 */
export function writeState(file: string, state: CacheState): void {
  const mine = known.get(file);
  known.delete(file);
  if (mine && mine.frames < MAX_FRAMES) {
    const body = JSON.stringify(changesFrom(mine.state, state));
    if (mine.bytes + body.length < mine.id.size / 2) {
      const id = appendFrame(file, STATE_FORMAT, body, mine.id);
      if (id) {
        known.set(file, { state, id, frames: mine.frames + 1, bytes: mine.bytes + body.length });
        return;
      }
    }
  }
  const id = writeFrames(file, STATE_FORMAT, [JSON.stringify(state)]);
  known.set(file, { state, id, frames: 1, bytes: 0 });
}

function changesFrom(old: CacheState, next: CacheState): StateChanges {
  const set: Record<string, FileStamp> = {};
  for (const rel in next.files) {
    const s = next.files[rel] as FileStamp;
    const o = old.files[rel];
    // An unchanged file's stamp is the very object read (src/cache/articles.ts `record`).
    if (o === s) continue;
    if (!o || o.size !== s.size || o.mtimeMs !== s.mtimeMs || o.ctimeMs !== s.ctimeMs || o.ino !== s.ino || o.hash !== s.hash || o.key !== s.key || o.git !== s.git) set[rel] = s;
  }
  const gone: string[] = [];
  for (const rel in old.files) if (!(rel in next.files)) gone.push(rel);
  const changes: StateChanges = { writtenAt: next.writtenAt, set, gone };
  if (JSON.stringify(old.template) !== JSON.stringify(next.template)) changes.template = next.template ?? null;
  if (old.keys !== next.keys) changes.keys = next.keys ?? null;
  return changes;
}

/** True when the file is still exactly `id`. */
function sameFile(file: string, id: FileId): boolean {
  try {
    const s = statSync(file);
    return s.ino === id.ino && s.size === id.size && s.mtimeMs === id.mtimeMs && s.ctimeMs === id.ctimeMs;
  } catch {
    return false;
  }
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
