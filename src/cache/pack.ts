import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync, mkdirSync, fstatSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';

/**
 * A content-addressed store of values in ONE append-only file (a "pack"): one read at start-up
 * instead of one file per article, and one append per build for what changed.
 *
 * File layout:
 *   header   8 bytes  "FWPACK01"
 *   record*  4 bytes  payload length (u32 LE)
 *            4 bytes  CRC-32 of key + payload (u32 LE)
 *           32 bytes  key (a SHA-256 digest)
 *            n bytes  payload (v8.serialize of the value)
 *
 * Safety: a cache must never be trusted. A record whose CRC does not match, or that is cut short
 * (a killed build, a full disk), is ignored and the pack is rewritten without it on the next save;
 * a wrong header makes the whole pack ignored. A value that fails to deserialise is a miss.
 * CRC-32 detects accidental corruption (truncation, bit rot, a stray write), which is the threat
 * here: the cache folder is the user's own, not an attacker's input.
 */
const MAGIC = Buffer.from('FWPACK01', 'latin1');
const RECORD_HEAD = 4 + 4 + 32;
/** Rewrite (compact) the pack when dead records outweigh live ones and exceed this size. */
const COMPACT_MIN_BYTES = 4 * 1024 * 1024;

interface Slot {
  offset: number;
  length: number;
}

export class Pack {
  private buf: Buffer = Buffer.alloc(0);
  private readonly slots = new Map<string, Slot>();
  private readonly added = new Map<string, Buffer>();
  private readonly used = new Set<string>();
  /** The file on disk cannot simply be appended to (bad header, corrupt or cut-short record). */
  private damaged = false;
  private loadedSize = 0;
  /** Records found damaged while loading or reading (for tests and --verbose). */
  corrupt = 0;

  private constructor(readonly file: string) {}

  /** Open (or start) the pack at `file`. Never throws for a damaged or missing file. */
  static open(file: string): Pack {
    const pack = new Pack(file);
    let buf: Buffer;
    try {
      buf = readFileSync(file);
    } catch {
      return pack;
    }
    pack.loadedSize = buf.length;
    if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
      pack.damaged = true;
      pack.corrupt++;
      return pack;
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
    return pack;
  }

  /** The value stored under `key`, or undefined (missing, damaged, or not deserialisable). */
  get(key: string): unknown {
    const fresh = this.added.get(key);
    if (fresh) {
      this.used.add(key);
      return deserialize(fresh);
    }
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

  has(key: string): boolean {
    return this.added.has(key) || this.slots.has(key);
  }

  /** Store `value` under `key` (written by `save`). */
  set(key: string, value: unknown): void {
    this.added.set(key, serialize(value));
    this.used.add(key);
  }

  /** Mark a key as still wanted, so compaction keeps it. */
  touch(key: string): void {
    if (this.has(key)) this.used.add(key);
  }

  /**
   * Write what changed: append the new records, or rewrite the pack (temp file + rename) with
   * only the records used by this build when it is damaged or mostly dead.
   */
  save(): void {
    let liveBytes = 0;
    for (const key of this.used) {
      const slot = this.slots.get(key);
      if (slot && !this.added.has(key)) liveBytes += RECORD_HEAD + slot.length;
    }
    const deadBytes = this.loadedSize - MAGIC.length - liveBytes;
    const rewrite = this.damaged || (deadBytes > COMPACT_MIN_BYTES && deadBytes > liveBytes);
    if (!rewrite && this.added.size === 0) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    if (rewrite) {
      const tmp = `${this.file}.${process.pid}.tmp`;
      const fd = openSync(tmp, 'w');
      try {
        writeSync(fd, MAGIC);
        const parts: Buffer[] = [];
        let pending = 0;
        const flush = (): void => {
          if (parts.length === 0) return;
          writeSync(fd, Buffer.concat(parts));
          parts.length = 0;
          pending = 0;
        };
        for (const key of this.used) {
          if (this.added.has(key)) continue;
          const slot = this.slots.get(key);
          if (!slot) continue;
          parts.push(this.buf.subarray(slot.offset, slot.offset + RECORD_HEAD + slot.length));
          pending += RECORD_HEAD + slot.length;
          if (pending > 1 << 22) flush();
        }
        flush();
        for (const [key, payload] of this.added) writeSync(fd, record(key, payload));
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.file);
    } else {
      const fd = openSync(this.file, 'a');
      try {
        if (fstatSync(fd).size === 0) writeSync(fd, MAGIC);
        const parts: Buffer[] = [];
        for (const [key, payload] of this.added) parts.push(record(key, payload));
        // One write: O_APPEND makes it land whole after whatever another build appended.
        writeSync(fd, Buffer.concat(parts));
      } finally {
        closeSync(fd);
      }
    }
    // The in-memory view is now stale for offsets; reopen lazily by keeping added records in memory.
    this.damaged = false;
  }

  /** Delete the pack file (tests, `--no-cache` style resets). */
  static remove(file: string): void {
    rmSync(file, { force: true });
  }
}

function record(key: string, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(RECORD_HEAD + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.write(key, 8, 32, 'hex');
  payload.copy(out, RECORD_HEAD);
  out.writeUInt32LE(crc32(out.subarray(8)), 4);
  return out;
}
