import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import { type FileHandle, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Article, Diagnostic } from '../model.js';
import { BatchedWriter, type RenderedFile, sameBytes, writeFully, writeTemp } from '../output/write.js';
import { countNewlines } from '../util/text.js';
import { checkItem, checkItemIds, checkSkeleton, endColumn, type ItemDiagnostic, itemHash, placeItemDiagnostics, type SkeletonCheck } from './compose-check.js';
import type { FeedData, FeedWriter } from './model.js';
import { type Stitcher, stitchError } from './stitch.js';

/**
 * Writing a feed from its parts, reusing what the previous build wrote.
 *
 * A feed file is `head`, the items joined by the writer's separator, and `tail`
 * (`FeedWriter`, src/feeds/model.ts). An item's bytes depend on its article alone, and an
 * article that came from the cache has a key that names its inputs exactly (src/cache/articles.ts).
 * The output record (src/cache/outputs.ts) remembers, for every feed file, where each item's
 * bytes are and under which key. A rebuild then:
 *   - renders the head and tail (small), and only the items whose key it has not written before;
 *   - copies the bytes of every other item from the previous file, in runs (one read and write
 *     per run of adjacent items, not per item), when that file still carries the stamp recorded
 *     when it was written (the same proof the no-change path relies on); the bytes between and
 *     around the copied items must be the separator, and every copied item is checked as it is
 *     copied against the CRC-32 the record keeps for it, or that file is no longer copied from
 *     and the feed is composed again without it: a stamp taken after the rename can match over
 *     bytes changed after the writer's last write (a store through mmap between the rename and
 *     the stamp, later stores then keeping the mtime). For a file provably as its writer left
 *     it, only the first and last item of each run are CRC-checked (what catches a record with
 *     wrong offsets): its mtime after the rename is the one the writer read on its own handle
 *     after its last write (`FileRecord.ownMtimeMs`, src/cache/outputs.ts), so no write landed
 *     in a later clock tick; what is left, a write within that very tick, is what the
 *     no-change path cannot see either;
 *   - finds the items to copy by comparing each item's key with the next item of the previous
 *     file of the same name (a feed is mostly the previous one's items in order: `partsOf`), and
 *     looks a key up in the whole record only when it is not there; a run's slots are copied
 *     into the new list in one piece (`ItemSlots.pushRun`). Which file an item is copied from
 *     changes nothing in the bytes: one key, one item's bytes, checked as above;
 *   - validates the skeleton and only the items whose bytes were never validated
 *     (src/feeds/compose-check.ts);
 *   - does not write a file at all when its digest (head, item hashes, tail) equals the recorded
 *     one and the file is intact.
 * The result is byte for byte what rendering everything gives (test/perf/cache.test.ts).
 */

/**
 * One item as written: its key ('' when it has none), byte offset and length, SHA-256 prefix
 * (its identity: validation results are kept by it), line feeds, and the CRC-32 of its bytes
 * (what a copy of it is checked against: src/feeds/compose.ts `RangeCheck`).
 */
export type ItemSlot = [key: string, start: number, bytes: number, hash: string, lines: number, crc: number];

/** What the record keeps of a composed feed file. */
export interface ComposedRecord {
  items: ItemSlots;
  /** The check of the feed's head and tail, for the next build (`PreviousOutput.skeleton`). */
  skeleton?: SkeletonCheck;
}

/**
 * The items of one feed file (`ItemSlot`s), held without an object or a string per item: a
 * 100k-article build composes ~300k items, kept until the output record is written, and a tuple
 * with a cons-string key and a sliced hash was ~300 bytes each (~90 MB; docs/BENCHMARKS.md,
 * r6-mem). Here an item costs 64 bytes of typed arrays: offset, length, line feeds and CRC-32 as doubles;
 * the hash (32 hex digits) and the key as 16 bytes each. A key is stored so when it is the list's
 * prefix (the text before its last 32 characters, taken from the first such key: every render key
 * of a file has its format's) followed by 32 lowercase hex digits; any other key ('' for an item
 * without one) or hash is kept as a string beside, so every slot reads back exactly as pushed.
 */
export class ItemSlots {
  /** start, bytes, lines, crc per item. */
  private nums: Float64Array;
  private hashes: Buffer;
  private keys: Buffer;
  private prefix: string | undefined;
  /** Keys and hashes not in the compact form, by index. */
  private oddKeys: Map<number, string> | undefined;
  private oddHashes: Map<number, string> | undefined;
  private size = 0;

  constructor(capacity = 16) {
    const n = Math.max(1, capacity);
    this.nums = new Float64Array(STRIDE * n);
    this.hashes = Buffer.alloc(16 * n);
    this.keys = Buffer.alloc(16 * n);
  }

  /** The slots of a list of tuples (an output record as read from disk). */
  static of(slots: Iterable<ItemSlot>): ItemSlots {
    const list = new ItemSlots(Array.isArray(slots) ? slots.length : 16);
    for (const [key, start, bytes, hash, lines, crc] of slots) list.push(key, start, bytes, hash, lines, crc);
    return list;
  }

  get length(): number {
    return this.size;
  }

  push(key: string, start: number, bytes: number, hash: string, lines: number, crc: number): void {
    const i = this.add(key, start, bytes, lines, crc);
    if (hash.length === 32 && isHex(hash, 0)) this.hashes.write(hash, 16 * i, 16, 'hex');
    else {
      this.oddHashes ??= new Map();
      this.oddHashes.set(i, hash);
    }
  }

  /**
   * Push item `i` of `src` under `key` (its key) at `start`: its numbers and hash are copied as
   * they are stored, without making a tuple or a string of them (a rebuild copies ~30k items).
   */
  pushFrom(src: ItemSlots, i: number, key: string, start: number): void {
    // The key as stored, when `src` holds it compact under this list's prefix (or this list has
    // none yet) and `key` is of its length: the caller found item `i` by `key` (`PreviousOutput.find`
    // matched all of it), so its 16 bytes are `key`'s last 32 hex digits, not parsed again.
    const srcPrefix = src.compactKeyPrefix(i);
    const j =
      srcPrefix !== undefined && (this.prefix === undefined || this.prefix === srcPrefix) && key.length === srcPrefix.length + 32
        ? this.addKeyed(src, i, srcPrefix, start)
        : this.add(key, start, src.bytes(i), src.lines(i), src.crc(i));
    const odd = src.oddHashes?.get(i);
    if (odd === undefined) src.hashes.copy(this.hashes, 16 * j, 16 * i, 16 * i + 16);
    else {
      this.oddHashes ??= new Map();
      this.oddHashes.set(j, odd);
    }
  }

  /**
   * Push items `first` to `last` of `src` (adjacent in their file, so the separator lies between
   * them) as one run copied to `start`: each keeps its distance from the run's first item. Their
   * numbers are copied shifted in one loop and their 16-byte keys and hashes with one copy each
   * when `src` holds every one compact under this list's prefix (the 30k items a 10k one-change
   * rebuild copies, ~60k `Buffer.copy` calls otherwise); any other run goes item by item.
   */
  pushRun(src: ItemSlots, first: number, last: number, start: number): void {
    const shift = start - src.start(first);
    const prefix = src.prefix;
    if (prefix === undefined || (this.prefix !== undefined && this.prefix !== prefix) || src.hasOdd(first, last)) {
      for (let i = first; i <= last; i++) this.pushFrom(src, i, src.key(i), src.start(i) + shift);
      return;
    }
    const n = last - first + 1;
    while (STRIDE * (this.size + n) > this.nums.length) this.grow();
    const to = STRIDE * this.size;
    const from = STRIDE * first;
    for (let k = 0; k < STRIDE * n; k += STRIDE) {
      this.nums[to + k] = (src.nums[from + k] as number) + shift;
      this.nums[to + k + 1] = src.nums[from + k + 1] as number;
      this.nums[to + k + 2] = src.nums[from + k + 2] as number;
      this.nums[to + k + 3] = src.nums[from + k + 3] as number;
    }
    src.keys.copy(this.keys, 16 * this.size, 16 * first, 16 * (last + 1));
    src.hashes.copy(this.hashes, 16 * this.size, 16 * first, 16 * (last + 1));
    this.prefix ??= prefix;
    this.size += n;
  }

  /** True when a key or hash of items `first` to `last` is kept as a string (not compact). */
  private hasOdd(first: number, last: number): boolean {
    for (const odd of [this.oddKeys, this.oddHashes]) {
      if (!odd || odd.size === 0) continue;
      if (odd.size < last - first + 1) {
        for (const i of odd.keys()) if (i >= first && i <= last) return true;
      } else for (let i = first; i <= last; i++) if (odd.has(i)) return true;
    }
    return false;
  }

  /**
   * True when item `i`'s key is `key`, read in place: a compact key is compared as the prefix and
   * its 16 bytes, without making the item's key string.
   */
  keyIs(i: number, key: string): boolean {
    const odd = this.oddKeys?.get(i);
    if (odd !== undefined) return odd === key;
    const prefix = this.prefix;
    if (prefix === undefined || key.length !== prefix.length + 32 || !key.startsWith(prefix)) return false;
    const at = 16 * i;
    for (let b = 0; b < 16; b++) {
      const hi = hexValue(key.charCodeAt(prefix.length + 2 * b));
      const lo = hexValue(key.charCodeAt(prefix.length + 2 * b + 1));
      if (hi < 0 || lo < 0 || this.keys[at + b] !== ((hi << 4) | lo)) return false;
    }
    return true;
  }

  /** Item `i` of `src` with its compact key (`prefix`) copied as stored (its hash is the caller's to set); returns its index. */
  private addKeyed(src: ItemSlots, i: number, prefix: string, start: number): number {
    const j = this.size;
    if (j * STRIDE === this.nums.length) this.grow();
    this.nums[STRIDE * j] = start;
    this.nums[STRIDE * j + 1] = src.bytes(i);
    this.nums[STRIDE * j + 2] = src.lines(i);
    this.nums[STRIDE * j + 3] = src.crc(i);
    this.prefix ??= prefix;
    src.keys.copy(this.keys, 16 * j, 16 * i, 16 * i + 16);
    this.size++;
    return j;
  }

  /** A new item's numbers and key (its hash is the caller's to set); returns its index. */
  private add(key: string, start: number, bytes: number, lines: number, crc: number): number {
    const i = this.size;
    if (i * STRIDE === this.nums.length) this.grow();
    this.nums[STRIDE * i] = start;
    this.nums[STRIDE * i + 1] = bytes;
    this.nums[STRIDE * i + 2] = lines;
    this.nums[STRIDE * i + 3] = crc;
    const from = key.length - 32;
    this.prefix ??= from >= 0 && isHex(key, from) ? key.slice(0, from) : undefined;
    if (from >= 0 && from === this.prefix?.length && key.startsWith(this.prefix) && isHex(key, from)) this.keys.write(from === 0 ? key : key.slice(from), 16 * i, 16, 'hex');
    else {
      this.oddKeys ??= new Map();
      this.oddKeys.set(i, key);
    }
    this.size++;
    return i;
  }

  key(i: number): string {
    return this.oddKeys?.get(i) ?? `${this.prefix}${this.keys.toString('hex', 16 * i, 16 * i + 16)}`;
  }

  start(i: number): number {
    return this.nums[STRIDE * i] as number;
  }

  bytes(i: number): number {
    return this.nums[STRIDE * i + 1] as number;
  }

  lines(i: number): number {
    return this.nums[STRIDE * i + 2] as number;
  }

  /** The CRC-32 of item `i`'s bytes. */
  crc(i: number): number {
    return this.nums[STRIDE * i + 3] as number;
  }

  hash(i: number): string {
    return this.oddHashes?.get(i) ?? this.hashes.toString('hex', 16 * i, 16 * i + 16);
  }

  /**
   * The hashes of items `from` to `to - 1` joined, exactly `hash(from) + ... + hash(to - 1)`: one
   * hex string of the stored bytes for a run without odd hashes, not one string per item (a feed's
   * digest hashes every item's hash: ~30k strings per 10k-article rebuild, `feedDigest`).
   */
  hashesJoined(from: number, to: number): string {
    const odd = this.oddHashes;
    if (odd === undefined) return this.hashes.toString('hex', 16 * from, 16 * to);
    let out = '';
    for (let i = from; i < to; i++) out += this.hash(i);
    return out;
  }

  /*
   * The compact keys and hashes read in place, for the output record's index
   * (src/cache/record-index.ts): it files items by these bytes, making no string per item.
   */

  /** The prefix of item `i`'s key when the key is stored compact (the prefix, then 16 bytes); undefined for a key kept as a string. */
  compactKeyPrefix(i: number): string | undefined {
    return this.oddKeys?.has(i) ? undefined : this.prefix;
  }

  /** True when every item's key and hash are stored compact (the record's index then keeps its tables: src/cache/record-index.ts). */
  allCompact(): boolean {
    return (this.oddKeys?.size ?? 0) === 0 && (this.oddHashes?.size ?? 0) === 0 && (this.size === 0 || this.prefix !== undefined);
  }

  /** The first 4 of the 16 bytes of item `i`'s compact key, as an unsigned number. */
  keyWord(i: number): number {
    return this.keys.readUInt32LE(16 * i);
  }

  /** True when item `i`'s compact key bytes are `bytes`' first 16. */
  keyBytesEqual(i: number, bytes: Uint8Array): boolean {
    for (let b = 0; b < 16; b++) if (this.keys[16 * i + b] !== bytes[b]) return false;
    return true;
  }

  /** True when item `i`'s hash is stored as 16 bytes (32 lowercase hex digits), not as a string. */
  hasCompactHash(i: number): boolean {
    return this.oddHashes?.has(i) !== true;
  }

  /** The first 4 of the 16 bytes of item `i`'s compact hash, as an unsigned number. */
  hashWord(i: number): number {
    return this.hashes.readUInt32LE(16 * i);
  }

  /** True when item `i`'s compact hash bytes are `bytes`' first 16. */
  hashBytesEqual(i: number, bytes: Uint8Array): boolean {
    for (let b = 0; b < 16; b++) if (this.hashes[16 * i + b] !== bytes[b]) return false;
    return true;
  }

  /** True when item `i` here and item `j` of `other` have the same compact hash bytes. */
  sameHash(i: number, other: ItemSlots, j: number): boolean {
    for (let b = 0; b < 16; b++) if (this.hashes[16 * i + b] !== other.hashes[16 * j + b]) return false;
    return true;
  }

  /** Item `i` as a tuple (made on each call). */
  at(i: number): ItemSlot {
    return [this.key(i), this.start(i), this.bytes(i), this.hash(i), this.lines(i), this.crc(i)];
  }

  *[Symbol.iterator](): IterableIterator<ItemSlot> {
    for (let i = 0; i < this.size; i++) yield this.at(i);
  }

  /**
   * What the output record's file holds (src/cache/outputs.ts): the typed arrays themselves as
   * bytes (`binary`: numbers, hashes, keys, `BINARY_BYTES` per item), and beside them, in the
   * record's JSON, `descriptor`: the count, the keys' prefix and the keys and hashes kept as
   * strings. Writing and reading a 10k-article record so makes no string or array per item, and
   * neither encodes nor decodes base64 and UTF-8 of ~2 MB each way (the list of tuples of
   * r8-rebuild, then base64 in the JSON until r23-rebuild; docs/BENCHMARKS.md).
   */
  descriptor(at: number): SlotsDescriptor {
    return { n: this.size, at, prefix: this.prefix ?? null, oddKeys: [...(this.oddKeys ?? [])], oddHashes: [...(this.oddHashes ?? [])] };
  }

  /** The slots' bytes as `fromBinary` reads them: views of the arrays (copied only on a big-endian machine). */
  binary(): Buffer[] {
    const n = this.size;
    const nums = Buffer.from(this.nums.buffer, this.nums.byteOffset, 8 * STRIDE * n);
    // Little-endian on disk whatever the machine (a cache folder may be restored elsewhere).
    return [LITTLE_ENDIAN ? nums : Buffer.from(nums).swap64(), this.hashes.subarray(0, 16 * n), this.keys.subarray(0, 16 * n)];
  }

  /**
   * The slots `descriptor` and `binary` wrote, `bytes` holding the binary of every list from its
   * `at`; undefined for anything else (a damaged or older record is not trusted).
   */
  static fromBinary(v: unknown, bytes: Uint8Array): ItemSlots | undefined {
    if (typeof v !== 'object' || v === null) return undefined;
    const { n, at, prefix, oddKeys, oddHashes } = v as Partial<Record<keyof SlotsDescriptor, unknown>>;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || !(prefix === null || typeof prefix === 'string')) return undefined;
    if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0 || at + BINARY_BYTES * n > bytes.length) return undefined;
    if (!isOddList(oddKeys, n) || !isOddList(oddHashes, n)) return undefined;
    const list = new ItemSlots(n);
    const numBytes = new Uint8Array(list.nums.buffer, list.nums.byteOffset, 8 * STRIDE * n);
    numBytes.set(bytes.subarray(at, at + 8 * STRIDE * n));
    if (!LITTLE_ENDIAN) Buffer.from(numBytes.buffer, numBytes.byteOffset, numBytes.byteLength).swap64();
    const hashesAt = at + 8 * STRIDE * n;
    list.hashes.set(bytes.subarray(hashesAt, hashesAt + 16 * n));
    list.keys.set(bytes.subarray(hashesAt + 16 * n, hashesAt + 32 * n));
    list.size = n;
    if (prefix !== null) list.prefix = prefix;
    if ((oddKeys as unknown[]).length > 0) list.oddKeys = new Map(oddKeys as [number, string][]);
    if ((oddHashes as unknown[]).length > 0) list.oddHashes = new Map(oddHashes as [number, string][]);
    // Every key is either odd or compact, and a compact key needs the prefix.
    if (prefix === null && (list.oddKeys?.size ?? 0) !== n) return undefined;
    return list;
  }

  private grow(): void {
    const nums = new Float64Array(2 * this.nums.length);
    nums.set(this.nums);
    this.nums = nums;
    const grown = (b: Buffer): Buffer => {
      const out = Buffer.alloc(2 * b.length);
      b.copy(out);
      return out;
    };
    this.hashes = grown(this.hashes);
    this.keys = grown(this.keys);
  }
}

/** Numbers per item in `ItemSlots.nums`. */
const STRIDE = 4;

/** Bytes per item in the record's binary (`ItemSlots.binary`): four float64 numbers, a 16-byte hash and a 16-byte key. */
export const BINARY_BYTES = 8 * STRIDE + 32;

const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * The items of a feed file as the output record's JSON describes them: `n` items whose bytes
 * start at `at` in the record's binary (`ItemSlots.binary`: their numbers, start, bytes, lines,
 * CRC-32 as float64 little-endian, then their hashes, then their keys, 16 bytes each, the keys
 * after `prefix`); the keys and hashes not in that form as [index, text].
 */
export interface SlotsDescriptor {
  n: number;
  at: number;
  prefix: string | null;
  oddKeys: [number, string][];
  oddHashes: [number, string][];
}

/** True when `v` is a list of [index below `n`, string] (`SlotsDescriptor.oddKeys`). */
function isOddList(v: unknown, n: number): boolean {
  return Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && Number.isSafeInteger(e[0]) && e[0] >= 0 && e[0] < n && typeof e[1] === 'string');
}

/** The value of a lowercase hex digit's char code, or -1. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** True when `s` has exactly 32 lowercase hex digits from `from` to its end. */
function isHex(s: string, from: number): boolean {
  if (s.length - from !== 32) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/**
 * A previous output file items can be copied from. Runs copied from it are checked to sit between
 * separators where the file has them (an item that is not its first, or last).
 */
export interface ReuseSource {
  /** Absolute path of a previous output file that still holds exactly what was recorded. */
  file: string;
  /** The recorded items of that file (read in place: no tuple per item). */
  slots: ItemSlots;
  /**
   * The whole previous file as this process wrote it, kept in memory by a watch session
   * (src/build.ts `BuildSession.feeds`): the item's bytes are taken from it, neither read nor
   * hashed again (they are the very bytes this process rendered or verified and wrote).
   */
  bytes?: KeptBytes;
  /**
   * The file is provably the one a build wrote (`FileRecord.ownMtimeMs`, src/cache/outputs.ts):
   * of a run of its items, only the first and last are CRC-checked as they are copied.
   */
  proven?: boolean;
}

/** Where an item's bytes can be copied from: a previous file, and the item's index among its slots. */
export interface ReusableItem extends ReuseSource {
  index: number;
}

/**
 * A file's bytes held in memory as a list of pieces (not one buffer: joining ~170 MB on every
 * save costs more than writing it). A run copied from one build's pieces becomes slices of the
 * same buffers in the next build's: nothing is copied in memory, and what no file uses any more
 * is collected.
 */
export class KeptBytes {
  private readonly starts: number[] = [];
  readonly size: number;

  constructor(private readonly pieces: readonly Buffer[]) {
    let at = 0;
    for (const p of pieces) {
      this.starts.push(at);
      at += p.length;
    }
    this.size = at;
  }

  /** The bytes from `start` to `end`, as slices of the pieces (no copy). */
  slices(start: number, end: number): Buffer[] {
    const out: Buffer[] = [];
    // The last piece that starts at or before `start`.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= start) lo = mid;
      else hi = mid - 1;
    }
    for (let i = lo; i < this.pieces.length && start < end; i++) {
      const piece = this.pieces[i] as Buffer;
      const from = start - (this.starts[i] as number);
      const take = Math.min(piece.length - from, end - start);
      if (take > 0) out.push(piece.subarray(from, from + take));
      start += Math.max(take, 0);
    }
    if (start !== end) throw new Error(`kept bytes end before ${end}`);
    return out;
  }
}

/** What the previous build left that this one may reuse. */
export interface PreviousOutput {
  /** An item written before under this key, in a file that is intact. */
  find(key: string): ReusableItem | undefined;
  /**
   * The previous file of this name, when the record holds its items and they may be copied (its
   * bytes kept in memory, or the file intact and not distrusted). A feed is mostly the previous
   * one's items in the same order: compose compares each item's key with the next of these slots
   * before it asks `find`. Every item it holds was validated (its hash is in the record).
   */
  sameFile?(name: string): ReuseSource | undefined;
  /** Diagnostics of an item whose bytes (by hash) were validated before; undefined if never. */
  validated(hash: string): readonly ItemDiagnostic[] | undefined;
  /**
   * `validated(slots.hash(index))` without making the hash's string (a rebuild asks for ~30k
   * items, most of them from the record itself); absent, `validated` is asked.
   */
  validatedAt?(slots: ItemSlots, index: number): readonly ItemDiagnostic[] | undefined;
  /** The digest recorded for this output file if the file is still intact, else undefined. */
  intactDigest(name: string): string | undefined;
  /**
   * The check of the head and tail recorded for this output file (whatever became of the file: it
   * is a function of the text checked, which its digest names); compose uses it when this build's
   * head and tail have that digest.
   */
  skeleton?(name: string): SkeletonCheck | undefined;
  /** For an intact file proven ours, the mtime its writer saw (`RenderedFile.writtenMtimeMs`): kept in the next record when it is not rewritten. */
  writtenMtime?(name: string): number | undefined;
  /**
   * A file found not to hold what its record says (a copied item had another hash): nothing more
   * is copied from it and its digest is no longer trusted, for the rest of the build.
   */
  distrust?(file: string): void;
}

export const NO_PREVIOUS_OUTPUT: PreviousOutput = { find: () => undefined, validated: () => undefined, intactDigest: () => undefined };

export interface ComposedFile extends RenderedFile {
  record: ComposedRecord;
  /** Validation of the whole file, positioned in it. */
  diagnostics: Diagnostic[];
  /** Item diagnostics by item hash, for the record (only items with any). */
  itemDiagnostics: Map<string, ItemDiagnostic[]>;
  /** With `capture`: the file's bytes (undefined when they could not be kept). */
  kept?: KeptBytes | undefined;
}

export interface ComposeRequest {
  /** Path inside the output folder. */
  name: string;
  /** The file as diagnostics name it. */
  label: string;
  format: string;
  writer: FeedWriter;
  feed: FeedData;
  /** The item's stable key for this format, if it has one. */
  keyOf: (article: Article) => string | undefined;
  /** Keep the file's bytes in memory (`ComposedFile.pieces`), for a watch session's next build. */
  capture?: boolean;
  /** This file's bytes as the previous build wrote them, if kept: what an unchanged file's `kept` is. */
  kept?: KeptBytes | undefined;
  /**
   * The article's item in this format as this build already rendered it, if it did (its article
   * was parsed: src/pipeline/spool.ts): written as it is, not rendered again. Its hash is the
   * rendering's, so its validation is the one the pipeline stored under that hash.
   */
  rendered?: (article: Article) => RenderedItem | undefined;
  /**
   * A thread that writes a file from spooled items (src/feeds/stitch.ts): when every item of the
   * file was rendered already and is spooled (`RenderedItem.file`), and nothing is copied from a
   * previous file or captured, the file's bytes are written there while this thread does the
   * slots, digest and validation.
   */
  stitcher?: Stitcher | undefined;
  /** With `stitcher`: the file is flushed to disk on its thread once written (`RenderedFile.synced`): a one-off build's, which `syncFiles` would flush. */
  sync?: boolean;
}

/** An item this build rendered before composing: its hash, size, line feeds, CRC-32, and its bytes on demand. */
export interface RenderedItem {
  hash: string;
  bytes: number;
  lines: number;
  crc: number;
  /** The item's bytes, or undefined when they cannot be had whole (the item is then rendered). */
  read(): Buffer | undefined;
  /** Where `read` reads them: a file (absolute path) and the offset of the item's first byte in it. */
  file?: string;
  offset?: number;
}

/** Per build: items rendered or validated once are not rendered or validated again for another feed. */
export class ComposeMemo {
  private readonly own = new Map<string, ItemDiagnostic[]>();
  /**
   * `checked`: items validated already, e.g. while their articles were parsed
   * (src/pipeline/article.ts). Read through, not copied: a 10k rebuild holds 30k of them and
   * validates a handful more.
   */
  constructor(private readonly checked: Pick<ReadonlyMap<string, ItemDiagnostic[]>, 'get'> = new Map()) {}

  get(hash: string): ItemDiagnostic[] | undefined {
    return this.own.get(hash) ?? this.checked.get(hash);
  }

  set(hash: string, found: ItemDiagnostic[]): void {
    this.own.set(hash, found);
  }
}

const COPY_CHUNK = 4 << 20;

/** Thrown when copied bytes are not the recorded items: the previous file is not what the record says. */
class StaleRange extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Render `request` to a temporary file beside its target (or decide it is unchanged), and validate
 * it. The temporary file is not yet flushed to disk whole: `syncFiles` does all of them at once
 * (a one-off build's flushes start while it is written: `EARLY_SYNC`).
 */
export async function composeFeed(outDir: string, request: ComposeRequest, previous: PreviousOutput, memo: ComposeMemo, token: string): Promise<ComposedFile> {
  // Each failed attempt distrusts one more previous file; without `distrust`, the second attempt copies nothing.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await compose(outDir, request, previous, memo, token);
    } catch (error) {
      if (!(error instanceof StaleRange)) throw error;
      // A previous file that does not hold what its record says: never copy from it again.
      if (!previous.distrust) break;
      previous.distrust(error.file);
    }
  }
  return compose(outDir, request, NO_PREVIOUS_OUTPUT, memo, token);
}

export interface Part {
  article: Article;
  key: string;
  /** The file to copy the item from (none: it is rendered), and its index among that file's slots. */
  reuse: ReuseSource | undefined;
  index: number;
}

/**
 * The feed's items with where each may be copied from. Most are the previous file's of the same
 * name in the same order, with a few replaced, added or gone: each key is first compared with the
 * next item of those slots (`ItemSlots.keyIs`, in place), then with the one after it (the next
 * was edited, so has a new key, or is gone), and only on a mismatch looked up in the whole record
 * (`PreviousOutput.find`), which also moves the next item to compare past the one found there.
 */
export function partsOf(request: Pick<ComposeRequest, 'name' | 'feed' | 'keyOf'>, previous: PreviousOutput): Part[] {
  const same = previous.sameFile?.(request.name);
  let next = 0;
  return request.feed.items.map((article): Part => {
    const key = request.keyOf(article) ?? '';
    if (!key) return { article, key, reuse: undefined, index: -1 };
    if (same && next < same.slots.length && same.slots.keyIs(next, key)) return { article, key, reuse: same, index: next++ };
    // The item after the next: the next one was replaced (an edit gives a new key) or is gone.
    if (same && next + 1 < same.slots.length && same.slots.keyIs(next + 1, key)) {
      next += 2;
      return { article, key, reuse: same, index: next - 1 };
    }
    const found = previous.find(key);
    if (!found) return { article, key, reuse: undefined, index: -1 };
    if (same && found.slots === same.slots && found.file === same.file) next = found.index + 1;
    return { article, key, reuse: found, index: found.index };
  });
}

/**
 * What composing a feed file works from, besides the request: its head and tail, its parts, the
 * recorded digest, and each item's validation findings as looked up (by part, the item's index in
 * the new slots), so that `validate` does not look all ~10k up again (an item's findings are a
 * function of its bytes, the same whichever slots hold them).
 */
interface Composing {
  head: string;
  tail: string;
  parts: Part[];
  /** The digest recorded for the file if it is intact (`PreviousOutput.intactDigest`). */
  recorded: string | undefined;
  found: (readonly ItemDiagnostic[] | undefined)[];
  /** An item's findings by its hash (this build's memo, then the record's). */
  known: (hash: string) => readonly ItemDiagnostic[] | undefined;
  itemDiagnostics: Map<string, ItemDiagnostic[]>;
}

/** The temporary file a feed is written to, beside its target. */
function tempFile(outDir: string, name: string, token: string): { target: string; tmp: string } {
  const target = path.join(outDir, name);
  return { target, tmp: path.join(path.dirname(target), `.${path.basename(name)}.${token}.tmp`) };
}

/**
 * The feed's digest: its head, separator and tail, then each item's hash, in order. `runs` gives
 * the items as runs of adjacent slots (`slots` items `from` to `to - 1`), each run's hashes
 * hashed as one string (`ItemSlots.hashesJoined`, at most `DIGEST_RUN` items a string): the same
 * digest as hashing each item's hash in turn, without a string per item.
 */
function feedDigest(writer: FeedWriter, c: Pick<Composing, 'head' | 'tail'>, runs: Iterable<SlotRun>): string {
  const h = createHash('sha256').update(`${c.head}\0${writer.separator}\0${c.tail}\0`);
  for (const { slots, from, to } of runs) {
    for (let at = from; at < to; at += DIGEST_RUN) h.update(slots.hashesJoined(at, Math.min(to, at + DIGEST_RUN)));
  }
  return h.digest('hex');
}

/** Items `from` to `to - 1` of `slots`. */
interface SlotRun {
  slots: ItemSlots;
  from: number;
  to: number;
}

/** Items per string hashed by `feedDigest` (64 KB of hex). */
const DIGEST_RUN = 2048;

/** All of `slots` as one run. */
function allSlots(slots: ItemSlots): SlotRun[] {
  return [{ slots, from: 0, to: slots.length }];
}

/** The runs of adjacent slots the parts are copied from (every part reused). */
function* reusedRuns(parts: readonly Part[]): Generator<SlotRun> {
  let run: SlotRun | undefined;
  for (const p of parts) {
    const slots = (p.reuse as ReuseSource).slots;
    if (run && run.slots === slots && run.to === p.index) {
      run.to++;
      continue;
    }
    if (run) yield run;
    run = { slots, from: p.index, to: p.index + 1 };
  }
  if (run) yield run;
}

/** What a composed file is besides its name, slots and validation (`composedFile`). */
interface Written {
  tmp: string;
  sha256: string;
  bytes: number;
  unchanged: boolean;
  rendered: number;
  writtenMtimeMs?: number | undefined;
  synced?: true;
  kept?: KeptBytes | undefined;
}

/**
 * The file composed: its items validated (the skeleton, every item's findings placed at its line,
 * the ids across items; `validate`) and the record of it.
 */
function composedFile(request: ComposeRequest, c: Composing, previous: PreviousOutput, items: ItemSlots, w: Written): ComposedFile {
  const foundAt = (slots: ItemSlots, i: number): readonly ItemDiagnostic[] | undefined => c.found[i] ?? previous.validatedAt?.(slots, i) ?? c.known(slots.hash(i));
  let skeleton: SkeletonCheck | undefined;
  const diagnostics = validate(request, c.head, c.parts, items, foundAt, c.itemDiagnostics, previous.skeleton?.(request.name), (check) => {
    skeleton = check;
  });
  return {
    name: request.name,
    tmp: w.tmp,
    sha256: w.sha256,
    bytes: w.bytes,
    unchanged: w.unchanged,
    record: { items, ...(skeleton ? { skeleton } : {}) },
    diagnostics,
    itemDiagnostics: c.itemDiagnostics,
    items: { rendered: w.rendered, copied: items.length - w.rendered },
    ...(w.writtenMtimeMs !== undefined ? { writtenMtimeMs: w.writtenMtimeMs } : {}),
    ...(w.synced ? { synced: true } : {}),
    ...(w.kept ? { kept: w.kept } : {}),
  };
}

async function compose(outDir: string, request: ComposeRequest, previous: PreviousOutput, memo: ComposeMemo, token: string): Promise<ComposedFile> {
  const { writer, feed, name } = request;
  const parts = partsOf(request, previous);
  const c: Composing = {
    head: writer.head(feed),
    tail: writer.tail(feed),
    parts,
    recorded: previous.intactDigest(name),
    found: new Array<readonly ItemDiagnostic[] | undefined>(parts.length),
    known: (hash) => memo.get(hash) ?? previous.validated(hash),
    itemDiagnostics: new Map(),
  };
  const { head, tail, recorded, known } = c;
  // The record first, by the slot's bytes: no hash string for an item the record holds (validation
  // depends on the bytes alone, so the record and the memo agree on an item both hold).
  const knownAt = (slots: ItemSlots, i: number): readonly ItemDiagnostic[] | undefined => previous.validatedAt?.(slots, i) ?? known(slots.hash(i));
  /** Part `i`'s findings, from the slots it may be copied from (kept for `validate`). */
  const lookUp = (i: number, slots: ItemSlots, index: number): readonly ItemDiagnostic[] | undefined => {
    const f = knownAt(slots, index);
    c.found[i] = f;
    return f;
  };

  // Every item spooled (a cold build): its bytes are moved on the stitcher's thread.
  const spooled = request.stitcher && !request.capture ? spooledItems(request, parts) : undefined;
  if (spooled && request.stitcher) return composeStitched(outDir, request, c, spooled, request.stitcher, previous, memo, token);

  // Every item reusable and the file as recorded: nothing to write.
  const reused = (p: Part): ReuseSource => p.reuse as ReuseSource;
  if (
    recorded !== undefined &&
    parts.every((p) => p.reuse !== undefined) &&
    parts.every((p, i) => lookUp(i, reused(p).slots, p.index) !== undefined) &&
    feedDigest(writer, c, reusedRuns(parts)) === recorded
  ) {
    // Not rewritten: still the file its writer left, if it was proven so.
    const items = new ItemSlots(parts.length);
    let at = Buffer.byteLength(head);
    const sepBytes = Buffer.byteLength(writer.separator);
    for (const [i, p] of parts.entries()) {
      if (i > 0) at += sepBytes;
      const { slots } = reused(p);
      const index = p.index;
      items.pushFrom(slots, index, p.key, at);
      at += slots.bytes(index);
    }
    const bytes = at + Buffer.byteLength(tail);
    return composedFile(request, c, previous, items, {
      tmp: '',
      sha256: recorded,
      bytes,
      unchanged: true,
      rendered: 0,
      writtenMtimeMs: previous.writtenMtime?.(name),
      kept: request.capture && request.kept?.size === bytes ? request.kept : undefined,
    });
  }

  const { target, tmp } = tempFile(outDir, name, token);
  await mkdir(path.dirname(target), { recursive: true });

  const sources = new Map<string, FileHandle>();
  const items = new ItemSlots(parts.length);
  let rendered = 0;
  let bytes = 0;
  const pieces: Buffer[] | undefined = request.capture ? [] : undefined;
  // A failure (a full disk, a changed previous file) removes the temporary file.
  const writtenMtimeMs = await writeTemp(tmp, async (out) => {
    // A one-off build flushes the file to disk before its commit (`syncFiles`): started while it is written.
    const sink = new FeedSink(out, pieces, request.sync === true ? EARLY_SYNC.every : 0);
    try {
      const sep = Buffer.from(writer.separator);
      bytes += await sink.text(head);
      // A pending run of adjacent items to copy from one previous file.
      // Its items are `from`'s items `first` to `last` (adjacent in that file).
      // `at`: where its first item goes in this file.
      let run:
        | {
            file: string;
            start: number;
            end: number;
            at: number;
            from: ItemSlots;
            first: number;
            last: number;
            memory: KeptBytes | undefined;
            pre: number;
            post: number;
            proven: boolean;
          }
        | undefined;
      const flushRun = async (): Promise<void> => {
        if (!run) return;
        // The run's slots, in file order: nothing else is pushed between a run's start and its flush.
        items.pushRun(run.from, run.first, run.last, run.at);
        if (run.memory) {
          await sink.kept(run.memory.slices(run.start, run.end));
          run = undefined;
          return;
        }
        let handle = sources.get(run.file);
        if (!handle) {
          handle = await open(run.file, 'r');
          sources.set(run.file, handle);
        }
        await sink.copy(
          handle,
          run.file,
          { start: run.start, length: run.end - run.start, pre: run.pre, post: run.post },
          { slots: run.from, first: run.first, last: run.last },
          sep,
          run.proven,
        );
        run = undefined;
      };
      for (const [i, part] of parts.entries()) {
        const sepBytes = i > 0 ? sep.length : 0;
        const reuse = part.reuse;
        const index = part.index;
        if (reuse && lookUp(i, reuse.slots, index) !== undefined) {
          const start = reuse.slots.start(index);
          const length = reuse.slots.bytes(index);
          // The separator after the item, where its file has one (it is not the file's last).
          const post = index < reuse.slots.length - 1 ? sep.length : 0;
          if (run && run.file === reuse.file && run.memory === reuse.bytes && run.end + sepBytes === start && run.from === reuse.slots && run.last + 1 === index) {
            run.end = start + length;
            run.last = index;
            run.post = post;
          } else {
            await flushRun();
            if (sepBytes) await sink.bytes(sep);
            run = {
              file: reuse.file,
              start,
              end: start + length,
              at: bytes + sepBytes,
              from: reuse.slots,
              first: index,
              last: index,
              memory: reuse.bytes,
              pre: index > 0 ? sep.length : 0,
              post,
              proven: reuse.proven === true,
            };
          }
          bytes += sepBytes + length;
          continue;
        }
        await flushRun();
        if (sepBytes) bytes += await sink.bytes(sep);
        // Rendered already, while its article was parsed: its bytes as they were hashed and checked.
        const pre = request.rendered?.(part.article);
        const preBytes = pre?.read();
        if (pre && preBytes?.length === pre.bytes) {
          if (known(pre.hash) === undefined) memo.set(pre.hash, checkItem(writer, part.article, preBytes.toString()));
          items.push(part.key, bytes, pre.bytes, pre.hash, pre.lines, pre.crc);
          bytes += await sink.bytes(preBytes);
          rendered++;
          continue;
        }
        const text = writer.item(part.article);
        const buf = Buffer.from(text);
        const hash = itemHash(buf);
        if (known(hash) === undefined) memo.set(hash, checkItem(writer, part.article, text));
        items.push(part.key, bytes, buf.length, hash, countNewlines(text), crc32(buf));
        bytes += await sink.bytes(buf);
        rendered++;
      }
      await flushRun();
      bytes += await sink.text(tail);
      await sink.flush();
      // A failed early flush fails the build, as `syncFiles` would have.
      await sink.settle();
    } finally {
      // No early flush left running once the file is closed or removed.
      await sink.idle();
      for (const h of sources.values()) await h.close();
    }
  });
  const digest = feedDigest(writer, c, allSlots(items));
  // Without an intact record (no cache, or the file was changed), compare the bytes themselves.
  const unchanged = recorded !== undefined ? digest === recorded : await sameBytes(tmp, target);
  // The pieces are the temporary file's bytes exactly (the slots' offsets count the same bytes).
  const held = pieces && new KeptBytes(pieces);
  return composedFile(request, c, previous, items, { tmp, sha256: digest, bytes, unchanged, rendered, writtenMtimeMs, kept: held?.size === bytes ? held : undefined });
}

/**
 * A feed whose every item is spooled (a cold build): its bytes are moved on the stitcher's thread
 * (asked for before this thread's first wait, so that the feeds composing starts together go as
 * one group), while this one does what composing does besides (the same slots, digest, memo and
 * validation). A spool file cut short or a thread gone: composed on this thread after all.
 */
async function composeStitched(
  outDir: string,
  request: ComposeRequest,
  c: Composing,
  spooled: readonly SpooledItem[],
  stitcher: Stitcher,
  previous: PreviousOutput,
  memo: ComposeMemo,
  token: string,
): Promise<ComposedFile> {
  const { writer, name } = request;
  const { head, tail, parts, known } = c;
  const { target, tmp } = tempFile(outDir, name, token);
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const ranges = new Float64Array(3 * parts.length);
  for (const [i, pre] of spooled.entries()) {
    let f = fileIndex.get(pre.file);
    if (f === undefined) {
      f = files.push(pre.file) - 1;
      fileIndex.set(pre.file, f);
    }
    ranges[3 * i] = f;
    ranges[3 * i + 1] = pre.offset;
    ranges[3 * i + 2] = pre.bytes;
  }
  const sync = request.sync === true;
  const writing = stitcher.stitch({ tmp, dir: path.dirname(target), head, sep: writer.separator, tail, files, ranges, sync });
  // Composed here after all (the stitcher's file, if any, is overwritten): items are rendered here when their bytes cannot be read.
  const here = async (): Promise<ComposedFile> => {
    await writing;
    return compose(outDir, { ...request, stitcher: undefined }, previous, memo, token);
  };
  // The other feeds composing starts with this one ask for theirs before the group is sent.
  await Promise.resolve();
  const items = new ItemSlots(parts.length);
  const sepBytes = Buffer.byteLength(writer.separator);
  let bytes = Buffer.byteLength(head);
  let file: ComposedFile;
  try {
    for (const [i, part] of parts.entries()) {
      const pre = spooled[i] as SpooledItem;
      let f = known(pre.hash);
      if (f === undefined) {
        const text = pre.read();
        if (text?.length !== pre.bytes) return here();
        const checked = checkItem(writer, part.article, text.toString());
        memo.set(pre.hash, checked);
        f = checked;
      }
      // Kept for `validate`, which would otherwise look every item up again by its hash's text.
      c.found[i] = f;
      if (i > 0) bytes += sepBytes;
      items.push(part.key, bytes, pre.bytes, pre.hash, pre.lines, pre.crc);
      bytes += pre.bytes;
    }
    bytes += Buffer.byteLength(tail);
    // Whether it is unchanged is settled below, once the file is written.
    file = composedFile(request, c, previous, items, { tmp, sha256: feedDigest(writer, c, allSlots(items)), bytes, unchanged: false, rendered: parts.length });
  } catch (error) {
    // The file the stitcher is writing is not this build's to keep: removed once written.
    await writing;
    await rm(tmp, { force: true });
    throw error;
  }
  const written = await writing;
  if ('error' in written) throw stitchError(written.error);
  // A spool file cut short or gone, or no worker.
  if (!('mtimeMs' in written) || written.bytes !== bytes) return here();
  const unchanged = c.recorded !== undefined ? file.sha256 === c.recorded : await sameBytes(tmp, target);
  return { ...file, unchanged, writtenMtimeMs: written.mtimeMs, ...(sync ? { synced: true } : {}) };
}

/** A spooled item: where its bytes are is known. */
type SpooledItem = RenderedItem & { file: string; offset: number };

/**
 * Every part's spooled item, when there are parts and every one is to be written from the spool
 * (none copied from a previous file); else undefined.
 */
function spooledItems(request: ComposeRequest, parts: readonly Part[]): SpooledItem[] | undefined {
  if (!request.rendered || parts.length === 0) return undefined;
  const out: SpooledItem[] = [];
  for (const part of parts) {
    if (part.reuse) return undefined;
    const pre = request.rendered(part.article);
    if (pre?.file === undefined || pre.offset === undefined) return undefined;
    out.push(pre as SpooledItem);
  }
  return out;
}

/** The skeleton's diagnostics, every item's (placed at its line), and the rule across items. */
function validate(
  request: ComposeRequest,
  head: string,
  parts: readonly Part[],
  items: ItemSlots,
  known: (slots: ItemSlots, i: number) => readonly ItemDiagnostic[] | undefined,
  itemDiagnostics: Map<string, ItemDiagnostic[]>,
  prior?: SkeletonCheck,
  done?: (check: SkeletonCheck) => void,
): Diagnostic[] {
  const { writer, feed, label } = request;
  const sepLines = countNewlines(writer.separator);
  let itemNewlines = 0;
  for (let i = 0; i < items.length; i++) itemNewlines += items.lines(i) + (i > 0 ? sepLines : 0);
  const out = checkSkeleton(label, writer, feed, itemNewlines, prior, done);
  let line = countNewlines(head) + 1;
  const starts: number[] = [];
  const headColumn = endColumn(head);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) line += sepLines;
    starts.push(line);
    const found = known(items, i) ?? [];
    if (found.length > 0) {
      itemDiagnostics.set(items.hash(i), [...found]);
      out.push(...placeItemDiagnostics(found, label, line, i === 0 ? headColumn : 1, i));
    }
    line += items.lines(i);
  }
  out.push(
    ...checkItemIds(
      label,
      request.format,
      parts.map((p) => p.article.id.value),
      starts,
    ),
  );
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * Early flushes (`FeedSink`'s `syncEvery`): a one-off build's feed starts a `datasync` of what it
 * has written each `every` bytes, at most `limit` running at once in the process (each holds one
 * of libuv's threads, which the copies' reads and writes need), so that the disk writes a 10k
 * rebuild's ~170 MB while they are composed, not all in the `fsync` before the commit
 * (`syncFiles`, which still flushes each file whole). Tests change them.
 */
export const EARLY_SYNC = { every: 8 << 20, limit: 1 };
let earlySyncs = 0;

/** The batched output of a feed, which can also copy ranges of other files through one buffer. */
class FeedSink extends BatchedWriter {
  private chunk: Buffer | undefined;
  /** Bytes queued or written since the last early flush started. */
  private unsynced = 0;
  private syncing: Promise<void> | undefined;
  private syncError: unknown;

  /**
   * `pieces`: when given, every byte written is also kept there, in order. `syncEvery`: start a
   * `datasync` of the file each time this many more bytes are written (`EARLY_SYNC`); 0: none.
   */
  constructor(
    handle: FileHandle,
    private readonly pieces: Buffer[] | undefined,
    private readonly syncEvery = 0,
  ) {
    super(handle);
  }

  /** Small buffers not yet kept: joined into one piece at the next flush, so that pieces stay few. */
  private small: Buffer[] = [];

  override async bytes(buf: Buffer): Promise<number> {
    if (this.pieces) this.small.push(buf);
    this.unsynced += buf.length;
    return super.bytes(buf);
  }

  override async flush(): Promise<void> {
    if (this.pieces && this.small.length > 0) {
      this.pieces.push(this.small.length === 1 ? (this.small[0] as Buffer) : Buffer.concat(this.small));
      this.small = [];
    }
    await super.flush();
    this.syncSome();
  }

  /** Start an early flush of what is written, when `syncEvery` bytes are and none is running. Not waited for here. */
  private syncSome(): void {
    if (this.syncEvery <= 0 || this.unsynced < this.syncEvery || this.syncing !== undefined || earlySyncs >= EARLY_SYNC.limit || this.syncError !== undefined) return;
    this.unsynced = 0;
    earlySyncs++;
    this.syncing = this.handle.datasync().then(
      () => {
        earlySyncs--;
        this.syncing = undefined;
      },
      (error: unknown) => {
        earlySyncs--;
        this.syncing = undefined;
        this.syncError = error;
      },
    );
  }

  /** Wait for the early flush still running, if any; a failed one is thrown (the disk did not take the bytes). */
  async settle(): Promise<void> {
    await this.syncing;
    if (this.syncError !== undefined) throw this.syncError;
  }

  /** Wait for the early flush still running, if any, whatever its outcome. */
  async idle(): Promise<void> {
    await this.syncing;
  }

  /** Write a run of items kept in memory (slices of the previous file's pieces): no copy. */
  async kept(slices: readonly Buffer[]): Promise<void> {
    await this.flush();
    for (const buf of slices) {
      this.pieces?.push(buf);
      await writeFully(this.handle, buf, buf.length);
    }
  }

  /**
   * Copy a run of adjacent items (`items`, in file order, `sep` between them) of `file`, which
   * spans `range.length` bytes from `range.start`. The copy is its own proof (`RangeCheck`):
   * each item must have its recorded CRC-32, and the bytes between two items, and the
   * `range.pre` bytes before the run and `range.post` after it (read, not written), must be the
   * separator; otherwise StaleRange is thrown and the feed is composed again without that file.
   * `proven`: the file is provably the one a build wrote (`ReusableItem.proven`): only the run's
   * first and last items are CRC-checked (~0.1 s of CPU less for the ~170 MB a 10k one-change
   * rebuild copies). The items of a run are adjacent in the record, so a record whose offsets or
   * lengths are wrong still fails at the run's ends (RSS and Atom have no separator to check).
   */
  async copy(from: FileHandle, file: string, range: { start: number; length: number; pre: number; post: number }, items: RunItems, sep: Buffer, proven = false): Promise<void> {
    await this.flush();
    const first = range.start - range.pre;
    const total = range.pre + range.length + range.post;
    const check = new RangeCheck(file, first, range.start + range.length + range.post, items, sep, !proven);
    let done = 0;
    while (done < total) {
      // Kept bytes get a buffer of their own; otherwise one chunk serves every read.
      const want = Math.min(COPY_CHUNK, total - done);
      if (!this.pieces) this.chunk ??= Buffer.allocUnsafe(COPY_CHUNK);
      const chunk = this.pieces || !this.chunk ? Buffer.allocUnsafe(want) : this.chunk;
      const { bytesRead } = await from.read(chunk, 0, want, first + done);
      if (bytesRead === 0) throw new StaleRange(file, 'the previous file is shorter than recorded');
      const read = chunk.subarray(0, bytesRead);
      check.update(read);
      // Only the run itself is written: the separators around it were read to be checked.
      const bytes = read.subarray(Math.max(0, range.pre - done), Math.max(0, Math.min(bytesRead, range.pre + range.length - done)));
      if (bytes.length > 0) {
        this.pieces?.push(bytes);
        await writeFully(this.handle, bytes, bytes.length);
        this.unsynced += bytes.length;
        this.syncSome();
      }
      done += bytesRead;
    }
    check.end();
  }
}

/**
 * True when `a` from `aFrom` and `b` from `bFrom` hold the same `n` bytes. For the separator
 * between two copied items (a few bytes, ~30k times per 10k one-change rebuild): two subarrays and
 * `equals` per item cost ~25× more in a build's one pass, mostly before the JIT optimises it.
 */
function bytesAt(a: Buffer, aFrom: number, b: Buffer, bFrom: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[aFrom + k] !== b[bFrom + k]) return false;
  return true;
}

/** The items of a copied run: `slots`' items `first` to `last`, adjacent in their file. */
interface RunItems {
  slots: ItemSlots;
  first: number;
  last: number;
}

/**
 * Checks, as a run's bytes stream past in chunks, that each item has the CRC-32 recorded for it
 * when it was written, and that only the separator lies between two items (and before and after
 * the run, where the file has one). Anything else throws StaleRange: the file is not what its
 * record says (changed behind a matching stamp, e.g. by a store through a shared mapping within
 * the stamp's clock tick; or a record whose offsets are wrong).
 *
 * CRC-32, not the item's SHA-256: the copy checks that bytes the stamp already vouches for were
 * not changed by accident, which a 32-bit CRC catches (every error burst up to 32 bits, any other
 * change but for one chance in 2^32), at ~3x SHA-256's speed on this machine's 170 MB of a 10k
 * one-change rebuild (docs/BENCHMARKS.md, r8-rebuild). The SHA-256 prefix stays the item's
 * identity wherever identity matters (validation results, the feed's digest).
 */
class RangeCheck {
  /** Absolute position in the file of the next byte to be seen. */
  private at: number;
  /** Index in `items.slots` of the next item to be seen. */
  private item: number;
  /** The CRC-32 of the current item's bytes seen so far. */
  private crc = 0;

  /** `start`..`stop`: the bytes read, the run's items and the separators before and after them. */
  constructor(
    private readonly file: string,
    start: number,
    private readonly stop: number,
    private readonly items: RunItems,
    private readonly sep: Buffer,
    /** False: only the run's first and last items are CRC-checked, the others counted (a proven file: `FeedSink.copy`). */
    private readonly everyItem = true,
  ) {
    this.at = start;
    this.item = items.first;
  }

  update(bytes: Buffer): void {
    let i = 0;
    const { slots, first, last } = this.items;
    while (i < bytes.length) {
      const more = this.item <= last;
      // Before the next item, or after the last one: separator bytes, up to the item's start or the run's end.
      const next = more ? slots.start(this.item) : this.stop;
      if (this.at < next) {
        const take = Math.min(next - this.at, bytes.length - i);
        // Before an item the separator ends at its start; after the last item it begins at its end.
        const sepFrom = this.sep.length - (next - this.at);
        if (sepFrom < 0 || !bytesAt(bytes, i, this.sep, sepFrom, take))
          throw new StaleRange(this.file, 'the previous file does not hold a separator between two recorded items');
        i += take;
        this.at += take;
        continue;
      }
      if (!more) throw new StaleRange(this.file, 'a copied run is longer than its items');
      const start = slots.start(this.item);
      const length = slots.bytes(this.item);
      const take = Math.min(start + length - this.at, bytes.length - i);
      const checked = this.everyItem || this.item === first || this.item === last;
      if (checked) this.crc = crc32(bytes.subarray(i, i + take), this.crc);
      i += take;
      this.at += take;
      if (this.at === start + length) {
        if (checked && this.crc !== slots.crc(this.item)) throw new StaleRange(this.file, 'a copied item does not have its recorded CRC-32');
        this.crc = 0;
        this.item++;
      }
    }
  }

  end(): void {
    if (this.item !== this.items.last + 1 || this.at !== this.stop) throw new StaleRange(this.file, 'a copied run is shorter than its items');
  }
}
