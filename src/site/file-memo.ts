import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFramed, writeFramed } from '../cache/framed.js';
import { CODE_ID } from '../version.js';

/** A file's stamp: a value computed from its text is reused while all four are the same. */
interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

interface Entry {
  stamp: Stamp;
  value: unknown;
}

/**
 * A value is kept only for a file last changed this long before it was read: a later edit then
 * gets a later mtime, even on a file system whose stamps are whole seconds (git's racy rule).
 */
const RACY_MS = 3_000;

/** The memo file's format and the code that wrote it (its framed header, cache/framed.ts). */
const FORMAT = `feedwright-site-memo-1 ${CODE_ID}`;

/**
 * What the site readers compute from one file's text and keep between builds in the cache folder:
 * the link and include tags a Jekyll post names, the URL of a `{% post_url %}` target (its front
 * matter read as Jekyll would). Without it, every build, the no-change one too, read every post
 * and parsed the front matter of every target: 1.3 s of a 1,000-post Jekyll blog's 1.9 s of CPU.
 *
 * A value is reused while its file's stamp (size, mtime, ctime, inode) is the one it was computed
 * from, and while `context` (everything else the values depend on: the site's settings, the
 * link base, the config's patterns) is the same; the memo is keyed by feedwright's code too. A
 * file read within RACY_MS of its last change is computed again on the next build. Values are
 * JSON. Without a cache folder (`"cache": false`) nothing is kept.
 */
export class FileMemo {
  private readonly kept: Record<string, Entry> = {};
  private readonly next: Record<string, Entry> = {};
  private computed = 0;

  constructor(
    private readonly file: string | undefined,
    private readonly context: string,
    /** The clock the racy window is measured on (tests move it). */
    private readonly now: () => number = Date.now,
  ) {
    // No memo yet, or one from other code or damaged: every value is computed.
    const body = file === undefined ? undefined : readFramed(file, FORMAT);
    if (body === undefined) return;
    const data = JSON.parse(body) as { context: string; entries: Record<string, Entry> };
    if (data.context === context) this.kept = data.entries;
  }

  /** The `kind` of value (one file may give several) for the file at `abs`: the one kept for its stamp, else `compute()`'s. */
  get<T>(kind: string, abs: string, compute: () => T): T {
    const key = `${kind}:${abs}`;
    let stamp: Stamp;
    try {
      const s = statSync(abs);
      stamp = { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
    } catch {
      return compute();
    }
    const kept = this.kept[key];
    if (kept && sameStamp(kept.stamp, stamp)) {
      this.next[key] = kept;
      return kept.value as T;
    }
    const value = compute();
    this.computed++;
    if (this.now() - Math.max(stamp.mtimeMs, stamp.ctimeMs) > RACY_MS) this.next[key] = { stamp, value };
    return value;
  }

  /** Writes the values of the files asked for this time (others are gone or no longer named), when any changed. */
  save(): void {
    if (this.file === undefined) return;
    if (this.computed === 0 && Object.keys(this.next).length === Object.keys(this.kept).length) return;
    try {
      writeFramed(this.file, FORMAT, JSON.stringify({ context: this.context, entries: this.next }));
    } catch {
      // A cache that cannot be written costs the next build time, never its result.
    }
  }
}

/** A digest of the JSON of `parts`, for a memo's context. */
export function contextDigest(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}
