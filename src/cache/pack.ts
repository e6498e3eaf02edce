import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writevSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { writeAll } from './framed.js';

/**
 * A content-addressed store of values in ONE append-only file (a "pack"): one read at start-up
 * instead of one file per article, and one append per build for what changed.
 *
 * File layout:
 *   header   8 bytes  "FWPACK01"
 *   record*  4 bytes  payload length (u32 LE)
 *            4 bytes  CRC-32 of key + payload (u32 LE)
 *           32 bytes  key (a SHA-256 digest)
 *            n bytes  payload (v8.serialize of the value for set/get; the caller's own encoding for setBytes/getBytes)
 *
 * Safety: a cache must never be trusted. A record whose CRC does not match, or that is cut short
 * (a killed build), is ignored and the pack is rewritten without it on the next save; a wrong
 * header makes the whole pack ignored. A value that fails to deserialise is a miss. An append
 * that fails (a full disk) is cut back to where it began, so the pack still ends with its last
 * whole record, and this process writes no more to it; a rewrite goes to a temporary file that is
 * removed if it fails. Failing to write the cache costs speed, never a build.
 * CRC-32 detects accidental corruption (truncation, bit rot, a stray write), which is the threat
 * here: the cache folder is the user's own, not an attacker's input.
 */
const MAGIC = Buffer.from('FWPACK01', 'latin1');
/** The bytes of a record before its payload: length, CRC, key. */
export const RECORD_HEAD = 4 + 4 + 32;
/** Rewrite (compact) the pack when dead records outweigh live ones and exceed this size. */
const COMPACT_MIN_BYTES = 4 * 1024 * 1024;
/** Pending records are appended once they reach this size, */
const FLUSH_BYTES = 8 * 1024 * 1024;
/** or this many records: one `writev` takes them all (Linux's IOV_MAX is 1024, the header is one more). */
const FLUSH_RECORDS = 1000;

interface Slot {
  offset: number;
  length: number;
}

export class Pack {
  private buf: Buffer = Buffer.alloc(0);
  private readonly slots = new Map<string, Slot>();
  /** The file has been read and scanned (`slots` is complete). A lazy pack reads records by offset until it must. */
  private loaded = false;
  /**
   * Where records are known to be without scanning the file: given by the caller (an index it
   * kept from an earlier build) or appended by this process. Only a hint: a read there checks
   * the record's length, key and CRC, and scans the whole file when they do not match.
   */
  private readonly hints = new Map<string, Slot>();
  /** Records appended by this process: where they are in the file. */
  private readonly appended = new Map<string, Slot>();
  /** The file was rewritten (compacted) by this process: offsets from before no longer hold. */
  rewritten = false;
  /** Records written by this process: key -> record length (header included). */
  private readonly added = new Map<string, number>();
  private readonly used = new Set<string>();
  /**
   * Records kept at known places, in a map the caller owns (the ~10k heads a rebuild served),
   * taken whole (`keepAt`) instead of a `hint` and a `keep` per record: each is kept as by `keep`,
   * and its place is a hint as by `hint` while `keptHinted` (the pack was not read whole when
   * given, and its hints were not dropped since).
   */
  private keptAt: ReadonlyMap<string, Slot> | undefined;
  private keptHinted = false;
  /** Records not yet appended; flushed in batches so a cold build of 100k articles never holds them all. */
  private pending: Buffer[] = [];
  /** Pending records by key (views of `pending`), so that `readOwn` finds them before they are appended. */
  private pendingByKey = new Map<string, Buffer>();
  /**
   * Records whose append failed (a full disk): kept in memory so that `readOwn` still finds them;
   * nothing more is written after a failure, so this holds one batch at most.
   */
  private readonly stranded = new Map<string, Buffer>();
  /** A descriptor kept open for `readOwn` while reads come in (closed after a second without one). */
  private readFd: number | undefined;
  private readTimer: NodeJS.Timeout | undefined;
  /** `readOwn` reads into this buffer (one allocation, not one per record). */
  private scratch: Buffer = Buffer.alloc(0);
  private pendingBytes = 0;
  /** The file on disk cannot simply be appended to (bad header, corrupt or cut-short record). */
  private damaged = false;
  /** An append failed (a full disk): nothing more is written by this process. */
  private broken = false;
  private fileBytes = 0;
  /** Records found damaged while loading or reading (for tests and --verbose). */
  corrupt = 0;

  private constructor(readonly file: string) {}

  /** Open (or start) the pack at `file`, reading it whole. Never throws for a damaged or missing file. */
  static open(file: string): Pack {
    const pack = new Pack(file);
    pack.load();
    return pack;
  }

  /**
   * Open the pack at `file` without reading it: records are read one by one at the offsets the
   * caller gives (`hint`), new ones appended; the file is read whole only when a record is asked
   * for without a hint, a hinted read fails its checks, or the pack is compacted. Memory stays
   * proportional to what is read, not to the pack.
   */
  static lazy(file: string): Pack {
    return new Pack(file);
  }

  /** Read and scan the whole file (once). */
  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    let buf: Buffer;
    try {
      buf = readFileSync(this.file);
    } catch {
      return;
    }
    const pack: Pack = this as Pack;
    pack.fileBytes = buf.length;
    if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
      pack.damaged = true;
      pack.corrupt++;
      return;
    }
    pack.buf = buf;
    let at = MAGIC.length;
    while (at < buf.length) {
      if (at + RECORD_HEAD > buf.length) {
        pack.damaged = true;
        pack.corrupt++;
        break;
      }
      const length = buf.readUInt32LE(at);
      const end = at + RECORD_HEAD + length;
      if (end > buf.length) {
        pack.damaged = true;
        pack.corrupt++;
        break;
      }
      const key = buf.toString('hex', at + 8, at + RECORD_HEAD);
      // The CRC is checked when the record is first read (get): a build reads most records, and
      // checking lazily keeps a pack of 100k articles from being hashed twice.
      pack.slots.set(key, { offset: at, length });
      at = end;
    }
  }

  /** Where the record under `key` is, when known without scanning (a hint, or the scan). */
  location(key: string): Slot | undefined {
    return this.appended.get(key) ?? (this.rewritten ? undefined : (this.slots.get(key) ?? this.hintOf(key)));
  }

  /** The hinted place of the record under `key` (`hint`, `keepAt`). */
  private hintOf(key: string): Slot | undefined {
    return this.hints.get(key) ?? (this.keptHinted ? this.keptAt?.get(key) : undefined);
  }

  /** The hints no longer hold (the pack was read whole after a hinted read failed, or rewritten). */
  private dropHints(): void {
    this.hints.clear();
    this.keptHinted = false;
  }

  /** Kept when the pack is compacted (`keep`, `keepAt`, or read). */
  private isUsed(key: string): boolean {
    return this.used.has(key) || this.keptAt?.has(key) === true;
  }

  /**
   * `hint` and `keep` every record of `records` (key to place), without copying them: the map
   * is read when needed and must not change afterwards. A second map is taken record by record.
   */
  keepAt(records: ReadonlyMap<string, Slot>): void {
    if (this.keptAt !== undefined) {
      for (const [key, slot] of records) {
        this.hint(key, slot);
        this.keep(key);
      }
      return;
    }
    this.keptAt = records;
    this.keptHinted = !this.loaded;
  }

  /** The records of `keepAt` as if each had been given by `hint` and `keep` (before one of them is forgotten). */
  private unshareKept(): void {
    const kept = this.keptAt;
    if (kept === undefined) return;
    for (const [key, slot] of kept) {
      if (this.keptHinted && !this.hints.has(key)) this.hints.set(key, slot);
      this.used.add(key);
    }
    this.keptAt = undefined;
    this.keptHinted = false;
  }

  /** Tell a lazy pack where the record under `key` should be (see `hints`). */
  hint(key: string, slot: Slot): void {
    if (!this.loaded) this.hints.set(key, slot);
  }

  /**
   * Read one record at its hinted place with a positional read, checking its length, key and
   * CRC. Undefined when there is no hint or the record is not there as hinted.
   */
  private readHinted(key: string): Buffer | undefined {
    const slot = this.hintOf(key);
    if (!slot) return undefined;
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch {
      return undefined;
    }
    try {
      const rec = Buffer.allocUnsafe(RECORD_HEAD + slot.length);
      let done = 0;
      while (done < rec.length) {
        const n = readSync(fd, rec, done, rec.length - done, slot.offset + done);
        if (n === 0) return undefined;
        done += n;
      }
      if (rec.readUInt32LE(0) !== slot.length || rec.toString('hex', 8, RECORD_HEAD) !== key) return undefined;
      const body = rec.subarray(8);
      return crc32(body) === rec.readUInt32LE(4) ? body : undefined;
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  /** The value stored under `key`, or undefined (missing, damaged, or not deserialisable). */
  get(key: string): unknown {
    this.load();
    const body = this.body(key);
    if (body === undefined) return undefined;
    try {
      const value: unknown = deserialize(body.subarray(32));
      this.used.add(key);
      return value;
    } catch {
      this.slots.delete(key);
      this.damaged = true;
      this.corrupt++;
      return undefined;
    }
  }

  /** Keep the record under `key` (if there is one) when the pack is compacted: it was used without being read. */
  keep(key: string): void {
    // A key with no record is harmless here: compaction copies only records that exist.
    this.used.add(key);
  }

  /**
   * The payload stored under `key`, CRC-checked, undefined when missing or damaged: for callers that
   * decode it themselves (a view into the pack's buffer, not a copy). A payload the caller cannot
   * decode is reported with `reject`.
   */
  getBytes(key: string): Buffer | undefined {
    if (!this.loaded) {
      const hinted = this.readHinted(key);
      if (hinted) {
        this.used.add(key);
        return hinted.subarray(32);
      }
      this.dropHints();
      this.load();
    }
    const body = this.body(key);
    if (body === undefined) return undefined;
    this.used.add(key);
    return body.subarray(32);
  }

  /** Drop a record whose payload passed its CRC but could not be decoded: a miss, rewritten on save. */
  reject(key: string): void {
    this.load();
    if (!this.slots.delete(key)) return;
    this.unshareKept();
    this.used.delete(key);
    this.damaged = true;
    this.corrupt++;
  }

  /** Key + payload of a loaded record whose CRC matches; a mismatch drops the record. */
  private body(key: string): Buffer | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    const { offset, length } = slot;
    const crc = this.buf.readUInt32LE(offset + 4);
    const body = this.buf.subarray(offset + 8, offset + RECORD_HEAD + length);
    if (crc32(body) !== crc) {
      this.slots.delete(key);
      this.damaged = true;
      this.corrupt++;
      return undefined;
    }
    return body;
  }

  /** Store `value` under `key`; written in batches, the rest by `save`. */
  set(key: string, value: unknown): void {
    if (this.added.has(key)) return;
    this.setBytes(key, serialize(value));
  }

  /** Store an encoded payload under `key` (read back with getBytes). */
  setBytes(key: string, payload: Buffer): void {
    if (this.added.has(key)) return;
    this.setFramed(key, record(key, payload));
  }

  /**
   * Store a whole record, framed for `key` already (`frameRecord`; a parse worker frames the
   * records it encodes, so that this thread neither copies nor hashes them). Kept as given.
   */
  setFramed(key: string, rec: Buffer): void {
    if (this.added.has(key)) return;
    if (rec.length < RECORD_HEAD || rec.readUInt32LE(0) !== rec.length - RECORD_HEAD || rec.toString('hex', 8, RECORD_HEAD) !== key) {
      throw new Error(`a pack record framed for another key than ${key.slice(0, 12)}…`);
    }
    this.pending.push(rec);
    this.pendingByKey.set(key, rec);
    this.pendingBytes += rec.length;
    this.added.set(key, rec.length);
    this.used.add(key);
    if (this.pendingBytes >= FLUSH_BYTES || this.pending.length >= FLUSH_RECORDS) this.flush();
  }

  /**
   * Append the pending records. A damaged file is first rewritten with its intact records, since
   * records appended after a cut-short one could never be found again.
   */
  private flush(): void {
    if (this.pending.length === 0) return;
    if (this.broken) {
      for (const [key, rec] of this.pendingByKey) this.stranded.set(key, rec);
      this.pending = [];
      this.pendingByKey = new Map();
      this.pendingBytes = 0;
      return;
    }
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      if (this.damaged) {
        // Not the pending records (appended next), but those this process appended before.
        const moved = this.rewrite((key) => this.slots.has(key) && !this.pendingByKey.has(key));
        this.closeReader();
        this.appended.clear();
        for (const [key, slot] of moved) this.appended.set(key, slot);
        this.damaged = false;
        this.rewritten = true;
      }
      const start = append(this.file, this.pending);
      this.fileBytes = start.end;
      // Where each appended record now is: a later read in this process (or the caller's index) finds it by offset.
      // (`pendingByKey` holds the pending records in the same order, each key once.)
      let at = start.at;
      for (const [key, rec] of this.pendingByKey) {
        const slot = { offset: at, length: rec.length - RECORD_HEAD };
        this.appended.set(key, slot);
        if (!this.loaded) this.hints.set(key, slot);
        at += rec.length;
      }
    } catch (error) {
      // The cache is an optimisation: a full disk costs the next build speed, never this one.
      this.broken = true;
      for (const [key, rec] of this.pendingByKey) this.stranded.set(key, rec);
      // A system error (ENOSPC, EACCES...) has a code; anything else is a bug and is not hidden.
      if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    }
    this.pending = [];
    this.pendingByKey = new Map();
    this.pendingBytes = 0;
  }

  /**
   * The payload of a record this process stored (`setBytes`), CRC-checked: from memory while it is
   * pending (or could not be appended), else read at the offset it was appended at (or moved to by
   * a compaction of this process). Never reads or scans the whole file; undefined when the record
   * is not where it was put (another build compacted the pack since). A record read from the file
   * is a view of a buffer that the next call reuses: decode it before calling again.
   */
  readOwn(key: string): Buffer | undefined {
    const held = this.pendingByKey.get(key) ?? this.stranded.get(key);
    if (held) return held.subarray(RECORD_HEAD);
    const slot = this.appended.get(key);
    if (!slot) return undefined;
    try {
      this.readFd ??= openSync(this.file, 'r');
      if (this.readTimer) this.readTimer.refresh();
      else {
        this.readTimer = setTimeout(() => this.closeReader(), 1000);
        this.readTimer.unref();
      }
      if (this.scratch.length < RECORD_HEAD + slot.length) this.scratch = Buffer.allocUnsafe(Math.max(RECORD_HEAD + slot.length, 2 * this.scratch.length));
      const rec = this.scratch.subarray(0, RECORD_HEAD + slot.length);
      let done = 0;
      while (done < rec.length) {
        const n = readSync(this.readFd, rec, done, rec.length - done, slot.offset + done);
        if (n === 0) return undefined;
        done += n;
      }
      if (rec.readUInt32LE(0) !== slot.length || rec.toString('hex', 8, RECORD_HEAD) !== key) return undefined;
      const body = rec.subarray(8);
      return crc32(body) === rec.readUInt32LE(4) ? rec.subarray(RECORD_HEAD) : undefined;
    } catch {
      return undefined;
    }
  }

  private closeReader(): void {
    if (this.readTimer) clearTimeout(this.readTimer);
    this.readTimer = undefined;
    if (this.readFd !== undefined) {
      try {
        closeSync(this.readFd);
      } catch {
        // Already closed.
      }
      this.readFd = undefined;
    }
  }

  /** Write a new pack holding the loaded records that `keep` selects (CRC-checked); returns where each now is. */
  private rewrite(keep: (key: string) => boolean): Map<string, Slot> {
    const moved = new Map<string, Slot>();
    this.load();
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    let size = MAGIC.length;
    let ok = false;
    try {
      writeAll(fd, MAGIC);
      const parts: Buffer[] = [];
      let batch = 0;
      const out = (b: Buffer): void => {
        parts.push(b);
        batch += b.length;
        size += b.length;
        if (batch >= FLUSH_BYTES) {
          writeAll(fd, Buffer.concat(parts));
          parts.length = 0;
          batch = 0;
        }
      };
      for (const key of [...this.slots.keys()]) {
        if (!keep(key)) continue;
        const slot = this.slots.get(key) as Slot;
        if (this.body(key) === undefined) continue;
        moved.set(key, { offset: size, length: slot.length });
        out(this.buf.subarray(slot.offset, slot.offset + RECORD_HEAD + slot.length));
      }
      if (parts.length > 0) writeAll(fd, Buffer.concat(parts));
      ok = true;
    } finally {
      closeSync(fd);
      if (!ok) rmSync(tmp, { force: true });
    }
    try {
      renameSync(tmp, this.file);
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
    this.fileBytes = size;
    return moved;
  }

  /**
   * Write what is pending, and compact the pack (keep only what this build used) when it is
   * damaged or mostly dead records: entries of deleted or edited articles pile up otherwise.
   */
  save(): void {
    if (!this.loaded) {
      try {
        this.fileBytes = statSync(this.file).size;
      } catch {
        this.fileBytes = 0;
      }
    }
    let liveBytes = 0;
    // A lazy pack may not know the size of every record kept (a watch session's entries from
    // memory): then how much is dead is unknown, and it is not compacted this time.
    let unknown = false;
    const live = (key: string): void => {
      const slot = this.slots.get(key) ?? this.hintOf(key);
      if (slot) liveBytes += RECORD_HEAD + slot.length;
      else if (!this.loaded) unknown = true;
    };
    for (const key of this.used) if (!this.added.has(key)) live(key);
    if (this.keptAt) for (const key of this.keptAt.keys()) if (!this.used.has(key) && !this.added.has(key)) live(key);
    for (const length of this.added.values()) liveBytes += length;
    const deadBytes = this.fileBytes + this.pendingBytes - MAGIC.length - liveBytes;
    if (this.broken) return;
    if (this.damaged || (!unknown && deadBytes > COMPACT_MIN_BYTES && deadBytes > liveBytes)) {
      // Records appended by this process are in the file only: reopen it to copy them.
      this.flush();
      if (this.broken) return;
      const current = Pack.open(this.file);
      const moved = current.rewrite((key) => this.isUsed(key));
      this.fileBytes = current.fileBytes;
      this.damaged = false;
      this.rewritten = true;
      this.dropHints();
      // Where this process's own records are now (for `readOwn`); the rest is found by a scan.
      this.closeReader();
      this.appended.clear();
      for (const key of this.added.keys()) {
        const slot = moved.get(key);
        if (slot) this.appended.set(key, slot);
      }
      return;
    }
    this.flush();
  }

  /** The pack file's identity and size, for an index of offsets into it (undefined when missing). */
  static identity(file: string): { ino: number; size: number } | undefined {
    try {
      const s = statSync(file);
      return { ino: s.ino, size: s.size };
    } catch {
      return undefined;
    }
  }

  /** Delete the pack file (tests, resets). */
  static remove(file: string): void {
    rmSync(file, { force: true });
  }
}

function record(key: string, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(RECORD_HEAD + payload.length);
  payload.copy(out, RECORD_HEAD);
  return frameRecord(key, out);
}

/**
 * Frame a record whose payload is in `rec` after RECORD_HEAD bytes left for it: write its length,
 * key and CRC there. Returns `rec`.
 */
export function frameRecord(key: string, rec: Buffer): Buffer {
  rec.writeUInt32LE(rec.length - RECORD_HEAD, 0);
  rec.write(key, 8, 32, 'hex');
  rec.writeUInt32LE(crc32(rec.subarray(8)), 4);
  return rec;
}

/**
 * What the head of an entry's framed record holds (src/cache/record.ts `encodeRecord`): the entry,
 * without its body when the body follows as UTF-8. A parse worker sends a record it encoded
 * without the entry beside it, and the main thread reads the entry from here: one serialisation
 * of the entry instead of two.
 */
export function recordHead(framed: Uint8Array): unknown {
  const bytes = Buffer.from(framed.buffer, framed.byteOffset, framed.byteLength);
  const length = bytes.readUInt32LE(RECORD_HEAD);
  return deserialize(bytes.subarray(RECORD_HEAD + 4, RECORD_HEAD + 4 + length));
}

/** The buffers of `list` from byte `skip` on (after a partial write: a full disk first writes what fits). */
function after(list: readonly Buffer[], skip: number): Buffer[] {
  const out: Buffer[] = [];
  for (const b of list) {
    if (skip >= b.length) {
      skip -= b.length;
      continue;
    }
    out.push(skip > 0 ? b.subarray(skip) : b);
    skip = 0;
  }
  return out;
}

/**
 * Append the records of `batch` to the pack (with the header if the file is new); where the first
 * landed, and the file's size. The batch goes in one `writev` where it can (not joined into one
 * buffer first: copying each 8 MiB batch into fresh memory cost more than writing it, ~0.4 s of a
 * 10k cold build's main thread at load; docs/BENCHMARKS.md, r9-cold): O_APPEND makes it land whole
 * after whatever another build appended. If the write fails or is cut short (a full disk), the file is cut back to
 * where the batch began, so it never ends in a cut-short record; if another build appended in
 * between (the size is not what this append made it), the cut is left to the reader, which
 * ignores a damaged tail.
 */
function append(file: string, batch: readonly Buffer[]): { at: number; end: number } {
  const fd = openSync(file, 'a');
  let start = -1;
  let written = 0;
  try {
    start = fstatSync(fd).size;
    const data = start === 0 ? [MAGIC, ...batch] : batch;
    let total = 0;
    for (const b of data) total += b.length;
    while (written < total) {
      const n = writevSync(fd, written === 0 ? (data as Buffer[]) : after(data, written));
      if (n <= 0) throw Object.assign(new Error('pack append made no progress'), { code: 'EIO' });
      written += n;
    }
    return { at: start === 0 ? MAGIC.length : start, end: start + total };
  } catch (error) {
    if (start >= 0) {
      try {
        if (fstatSync(fd).size === start + written) ftruncateSync(fd, start);
      } catch {
        // Left to the reader's checks.
      }
    }
    throw error;
  } finally {
    closeSync(fd);
  }
}
