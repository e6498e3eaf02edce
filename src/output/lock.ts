import { randomBytes } from 'node:crypto';
import { linkSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FeedwrightError, fatal } from '../errors.js';
import { unwritable } from './errors.js';

/**
 * The output folder's lock: `.feedwright.lock`, holding `<pid> <token>`. Two builds on one output
 * never interleave, and the lock is never held twice:
 *
 * - It is created complete and atomically: the content is written to a temporary file first and
 *   linked to the lock's name (`link` fails if the name exists), so no one ever reads a lock that
 *   exists but is still empty (which an earlier version read as "pid 0", hence stale).
 * - A lock whose process is gone is stale. To replace a stale lock, a build must first create the
 *   *claim* on that very lock, `.feedwright.lock.<its token>`, the same way (by link: one winner
 *   per stale lock). Holding the claim, it reads the lock again and, if it still holds the same
 *   token, renames its own lock over it. Nobody else can change a lock in that state (a fresh
 *   lock cannot be linked over it, and replacing it needs the claim), so the check and the rename
 *   cannot be interleaved by another build. A claim left by a build killed while holding it is
 *   stale in turn and taken over the same way (a claim on the claim).
 * - `release()` deletes the lock only if it still holds this build's token.
 * - Builds in one process (a watch session and a library call) are told apart by token: a lock
 *   with this process's pid but a token it does not hold is stale (a pid reused after a reboot or
 *   in a container).
 */
export const LOCK_NAME = '.feedwright.lock';

/** Tokens of the locks (and claims) this process holds. */
const held = new Set<string>();

/** A lock file that exists but is empty was written by an older feedwright, maybe just now. */
const EMPTY_GRACE_MS = 10_000;
/** Claims left by killed builds are removed once they are this old (a live claim lasts microseconds). */
const OLD_CLAIM_MS = 60_000;
/** Claims on claims: each level needs a build killed while holding the level below. */
const MAX_DEPTH = 4;

/** Thrown inside: the lock (or a claim on it) is held by a live process. */
class Busy extends Error {
  constructor(readonly pid: number) {
    super(`held by pid ${pid}`);
  }
}

interface Holder {
  pid: number;
  /** The holder's token; for a lock in another format, a name for this very file. */
  id: string;
  /** True when the lock has our format (pid and token). */
  tokened: boolean;
}

/** Hooks for tests: called between the steps of a takeover, to widen the windows races need. */
export const lockTestHooks: { beforeTakeover?: () => void } = {};

/**
 * Take the output folder's lock (creating the folder). Returns the release function. Throws
 * OUTPUT_LOCKED when a live build holds it, OUTPUT_UNWRITABLE when the folder cannot be written.
 */
export async function acquireLock(outDir: string, display: string): Promise<() => void> {
  try {
    await mkdir(outDir, { recursive: true });
    const probe = path.join(outDir, `.feedwright-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    await writeFile(probe, '');
    await rm(probe);
  } catch (error) {
    throw unwritable(error, `The output folder ${display} cannot be written`, display);
  }
  const lockPath = path.join(outDir, LOCK_NAME);
  let token: string;
  try {
    token = acquire(lockPath, 0);
  } catch (error) {
    if (error instanceof Busy) {
      throw fatal('OUTPUT_LOCKED', { pid: error.pid, out: display, lock: path.join(display, LOCK_NAME) }, display);
    }
    if (error instanceof FeedwrightError) throw error;
    throw unwritable(error, `The lock in the output folder ${display} cannot be written`, display);
  }
  removeOldClaims(outDir);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    release(lockPath, token);
  };
}

function newToken(): string {
  return `${process.pid}-${randomBytes(8).toString('hex')}`;
}

/** Write `<pid> <token>` to a temporary file beside `file` (named as the build's temporary files are). */
function candidate(file: string, token: string): string {
  const tmp = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, `${process.pid} ${token}\n`, { flag: 'wx' });
  return tmp;
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Take `file` (the lock, or a claim at `depth` > 0): our token, or throws Busy. */
function acquire(file: string, depth: number): string {
  const token = newToken();
  for (let attempt = 0; attempt < 50; attempt++) {
    const tmp = candidate(file, token);
    try {
      linkSync(tmp, file);
      held.add(token);
      return token;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOENT: our temporary file was removed as a leftover by the build holding the lock.
      if (code !== 'EEXIST' && code !== 'ENOENT') throw error;
    } finally {
      removeQuietly(tmp);
    }
    const holder = readHolder(file);
    if (holder === 'missing') continue;
    if (holder === 'fresh' || isLive(holder)) throw new Busy(holder === 'fresh' ? 0 : holder.pid);
    if (depth >= MAX_DEPTH) throw new Busy(holder.pid);
    // Stale: only the build holding the claim on this very lock may replace it.
    const claim = `${file}.${holder.id}`;
    const claimToken = acquire(claim, depth + 1);
    try {
      lockTestHooks.beforeTakeover?.();
      const again = readHolder(file);
      if (typeof again === 'object' && again.id === holder.id) {
        const fresh = candidate(file, token);
        try {
          held.add(token);
          renameSync(fresh, file);
          return token;
        } catch (error) {
          held.delete(token);
          removeQuietly(fresh);
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
      // The lock changed meanwhile (released, or taken by someone else): look again.
    } finally {
      release(claim, claimToken);
    }
  }
  throw new Busy(0);
}

/** Delete `file` only if it still holds `token`. */
function release(file: string, token: string): void {
  held.delete(token);
  const holder = readHolder(file);
  if (typeof holder === 'object' && holder.tokened && holder.id === token) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone (removed by hand); nothing to release.
    }
  }
}

function readHolder(file: string): Holder | 'missing' | 'fresh' {
  let text: string;
  let ino: number;
  let mtimeMs: number;
  try {
    const s = statSync(file);
    ino = s.ino;
    mtimeMs = s.mtimeMs;
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  const m = /^(\d+) ([0-9]+-[0-9a-f]+)\n$/.exec(text);
  if (m) return { pid: Number(m[1]), id: m[2] as string, tokened: true };
  // Another format (an older feedwright wrote the pid alone), garbage, or empty.
  if (text.trim() === '' && Date.now() - mtimeMs < EMPTY_GRACE_MS) return 'fresh';
  const pid = /^\s*(\d+)\s*$/.exec(text)?.[1];
  return { pid: pid ? Number(pid) : 0, id: `x${ino}-${Math.trunc(mtimeMs)}`, tokened: false };
}

function isLive(holder: Holder): boolean {
  if (holder.pid <= 0) return false;
  // Our own pid: live only if this process holds that token (another build in this process).
  if (holder.pid === process.pid) return holder.tokened && held.has(holder.id);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims left by builds killed in the middle of a takeover (harmless, but clutter). */
function removeOldClaims(outDir: string): void {
  let names: string[];
  try {
    names = readdirSync(outDir).filter((n) => n.startsWith(`${LOCK_NAME}.`) && !n.endsWith('.tmp'));
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    try {
      if (now - statSync(path.join(outDir, name)).mtimeMs > OLD_CLAIM_MS) unlinkSync(path.join(outDir, name));
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
}
