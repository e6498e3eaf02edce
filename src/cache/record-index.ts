import type { ItemDiagnostic } from '../feeds/compose-check.js';
import type { ItemSlots } from '../feeds/compose.js';

/*
 * The output record's index (src/cache/outputs.ts `previousOutput`): which recorded items carry a
 * key, and which item hashes were validated. It was a Map of ~30k key strings and a Set of ~30k
 * hash strings per 10k-article record, made on every rebuild and alive while its feeds are
 * composed, so every scavenge of that time copied them (docs/BENCHMARKS.md, r11-rebuild). Here it is
 * two open-addressing tables in typed arrays over the slots' own 16-byte keys and hashes
 * (`ItemSlots`): nothing per item on the JavaScript heap, and a look-up by a slot of another list
 * (`validatedAt`) makes no string at all. Keys and hashes that a list keeps as strings (not its
 * compact form) go into a Map and a Set beside, as before. The record keeps the tables
 * (`tables`, `fromTables`: a frame after its published items'), made while its racy window passes,
 * so that a rebuild reads its index (~1 MB at 10k articles) instead of making it.
 */

/** A recorded item: the feed file (named inside the output folder) whose slots hold it, and its index there. */
export interface IndexedItem {
  name: string;
  slots: ItemSlots;
  index: number;
}

/** What a recorded item with no diagnostic validated to (shared: callers only read it). */
const NONE: readonly ItemDiagnostic[] = Object.freeze([]);

/**
 * What the output record keeps of an index beside its tables (`RecordIndex.tables`): the files
 * indexed, in order, with their item counts, the entries in each table and the tables' sizes.
 */
export interface IndexTables {
  names: string[];
  lengths: number[];
  keys: number;
  hashes: number;
  keySize: number;
  hashSize: number;
}

/** Tables are kept as little-endian bytes: on another machine they are made again. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * 16 bytes parsed from a key's, or a hash's, 32 hex digits: one look-up of each kind at a time
 * (JavaScript is single-threaded, and `find`'s visitor must not call `find`).
 */
const keyScratch = Buffer.alloc(16);
const hashScratch = Buffer.alloc(16);

/**
 * The keyed items and validated hashes of an output record's feed files, in the order of `add`
 * (file by file, item by item): `find` visits the items of a key in that order, as the Map of
 * arrays it replaces did.
 */
export class RecordIndex {
  private readonly lists: ItemSlots[] = [];
  private readonly names: string[] = [];
  /** Key table: list number (-1: empty) and item index per position; linear probing keeps equal keys in insertion order. */
  private keyList: Int32Array;
  private keyItem: Int32Array;
  private keyCount = 0;
  /** Hash table: one position per distinct compact hash. */
  private hashList: Int32Array;
  private hashItem: Int32Array;
  private hashCount = 0;
  /** Keys and hashes not in their list's compact form. */
  private readonly oddKeys = new Map<string, { list: number; index: number }[]>();
  private readonly oddHashes = new Set<string>();
  /** Diagnostics of the validated hashes that had any: by hash-table position, or by hash for an odd one. */
  private readonly diagnosedAt = new Map<number, ItemDiagnostic[]>();
  private readonly diagnosedOdd = new Map<string, ItemDiagnostic[]>();

  /** `capacity`: about how many items will be added (the tables grow past it). */
  constructor(capacity = 16) {
    const size = tableSize(capacity);
    this.keyList = new Int32Array(size).fill(-1);
    this.keyItem = new Int32Array(size);
    this.hashList = new Int32Array(size).fill(-1);
    this.hashItem = new Int32Array(size);
  }

  /**
   * Index every item of a feed file's slots: its key (if it has one) and its hash. Call
   * `diagnose` after the last `add`.
   */
  add(name: string, slots: ItemSlots): void {
    const list = this.lists.length;
    this.lists.push(slots);
    this.names.push(name);
    for (let index = 0; index < slots.length; index++) {
      if (slots.compactKeyPrefix(index) !== undefined) this.putKey(list, index);
      else {
        const key = slots.key(index);
        if (key) {
          const found = this.oddKeys.get(key);
          if (found) found.push({ list, index });
          else this.oddKeys.set(key, [{ list, index }]);
        }
      }
      if (slots.hasCompactHash(index)) this.putHash(list, index);
      else this.oddHashes.add(slots.hash(index));
    }
  }

  /**
   * The key and hash tables as bytes (views, no copy) and what `fromTables` needs beside them;
   * undefined when some key or hash is kept as a string (not in the tables), on a big-endian
   * machine, or when nothing is indexed. The output record keeps them (src/cache/outputs.ts), so
   * that the next build reads its index instead of making it (30k keys and hashes at 10k articles).
   */
  tables(): { descriptor: IndexTables; bytes: Buffer[] } | undefined {
    if (!LITTLE_ENDIAN || this.lists.length === 0 || this.oddKeys.size > 0 || this.oddHashes.size > 0 || !this.lists.every((l) => l.allCompact())) return undefined;
    const view = (a: Int32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    return {
      descriptor: {
        names: [...this.names],
        lengths: this.lists.map((l) => l.length),
        keys: this.keyCount,
        hashes: this.hashCount,
        keySize: this.keyList.length,
        hashSize: this.hashList.length,
      },
      bytes: [view(this.keyList), view(this.keyItem), view(this.hashList), view(this.hashItem)],
    };
  }

  /**
   * The index `tables` wrote for these files (`lists`, in the order they were added), its tables
   * read from `bytes`; undefined unless the descriptor names the same files and counts, and every
   * table entry names an item of them. Call `diagnose` next. A wrong entry could only miss an item
   * (`find` and `validatedAt` compare the item's bytes), never give another's.
   */
  static fromTables(lists: readonly { name: string; slots: ItemSlots }[], descriptor: unknown, bytes: Uint8Array): RecordIndex | undefined {
    if (!LITTLE_ENDIAN || typeof descriptor !== 'object' || descriptor === null) return undefined;
    const d = descriptor as Partial<Record<keyof IndexTables, unknown>>;
    const { names, lengths, keys, hashes, keySize, hashSize } = d;
    if (!Array.isArray(names) || !Array.isArray(lengths) || names.length !== lists.length || lengths.length !== lists.length) return undefined;
    for (const [i, l] of lists.entries()) if (names[i] !== l.name || lengths[i] !== l.slots.length || !l.slots.allCompact()) return undefined;
    const count = lists.reduce((sum, l) => sum + l.slots.length, 0);
    if (keys !== count || typeof hashes !== 'number' || !Number.isSafeInteger(hashes) || hashes < 0 || hashes > count) return undefined;
    if (!isTableSize(keySize, count, count) || !isTableSize(hashSize, hashes, count) || bytes.length !== 8 * (keySize + hashSize)) return undefined;
    const index = new RecordIndex(0);
    const table = (at: number, n: number): Int32Array => {
      const a = new Int32Array(n);
      new Uint8Array(a.buffer).set(bytes.subarray(at, at + 4 * n));
      return a;
    };
    index.keyList = table(0, keySize);
    index.keyItem = table(4 * keySize, keySize);
    index.hashList = table(8 * keySize, hashSize);
    index.hashItem = table(8 * keySize + 4 * hashSize, hashSize);
    for (const l of lists) {
      index.lists.push(l.slots);
      index.names.push(l.name);
    }
    if (index.entries(index.keyList, index.keyItem) !== keys || index.entries(index.hashList, index.hashItem) !== hashes) return undefined;
    index.keyCount = keys;
    index.hashCount = hashes;
    return index;
  }

  /** The used positions of a table, or -1 when one names no item of the lists. */
  private entries(list: Int32Array, item: Int32Array): number {
    let used = 0;
    const n = this.lists.length;
    for (let at = 0; at < list.length; at++) {
      const l = list[at] as number;
      if (l === -1) continue;
      if (l < 0 || l >= n) return -1;
      const i = item[at] as number;
      if (i < 0 || i >= (this.lists[l] as ItemSlots).length) return -1;
      used++;
    }
    return used;
  }

  /** Attach the record's diagnostics (by item hash; every other indexed item had none). */
  diagnose(byHash: Readonly<Record<string, ItemDiagnostic[]>>): void {
    for (const [hash, found] of Object.entries(byHash)) {
      if (this.oddHashes.has(hash)) this.diagnosedOdd.set(hash, found);
      const at = parseHex(hash, 0, hashScratch) ? this.hashPosition(hashScratch) : -1;
      if (at >= 0) this.diagnosedAt.set(at, found);
    }
  }

  /**
   * Visit the items recorded under `key`, in the order they were added, until `visit` returns
   * something; that is returned (undefined if no item or no visit did).
   */
  find<T>(key: string, visit: (item: IndexedItem) => T | undefined): T | undefined {
    const odd = key ? this.oddKeys.get(key) : undefined;
    const from = key.length - 32;
    const compact = from >= 0 && parseHex(key, from, keyScratch);
    if (odd === undefined) {
      if (!compact) return undefined;
      // Linear probing from the key's home: every equal key is met, in the order added.
      const mask = this.keyList.length - 1;
      for (let at = keyScratch.readUInt32LE(0) & mask; ; at = (at + 1) & mask) {
        const list = this.keyList[at] as number;
        if (list < 0) return undefined;
        const index = this.keyItem[at] as number;
        const slots = this.lists[list] as ItemSlots;
        if (this.keyMatches(slots, index, key, from)) {
          const got = visit({ name: this.names[list] as string, slots, index });
          if (got !== undefined) return got;
        }
      }
    }
    // A key some list keeps as a string (rare): merge with the compact ones into the order added.
    const all = [...odd];
    if (compact) {
      const mask = this.keyList.length - 1;
      for (let at = keyScratch.readUInt32LE(0) & mask; (this.keyList[at] as number) >= 0; at = (at + 1) & mask) {
        const list = this.keyList[at] as number;
        const index = this.keyItem[at] as number;
        if (this.keyMatches(this.lists[list] as ItemSlots, index, key, from)) all.push({ list, index });
      }
      all.sort((a, b) => a.list - b.list || a.index - b.index);
    }
    for (const { list, index } of all) {
      const got = visit({ name: this.names[list] as string, slots: this.lists[list] as ItemSlots, index });
      if (got !== undefined) return got;
    }
    return undefined;
  }

  /** The diagnostics of an item with this hash if one was recorded (validation depends on the bytes alone); undefined if none was. */
  validated(hash: string): readonly ItemDiagnostic[] | undefined {
    if (this.oddHashes.has(hash)) return this.diagnosedOdd.get(hash) ?? NONE;
    if (!parseHex(hash, 0, hashScratch)) return undefined;
    const at = this.hashPosition(hashScratch);
    return at < 0 ? undefined : (this.diagnosedAt.get(at) ?? NONE);
  }

  /** `validated(slots.hash(index))`, without making the hash's string when the slots hold it compact. */
  validatedAt(slots: ItemSlots, index: number): readonly ItemDiagnostic[] | undefined {
    if (!slots.hasCompactHash(index)) return this.validated(slots.hash(index));
    const mask = this.hashList.length - 1;
    for (let at = slots.hashWord(index) & mask; ; at = (at + 1) & mask) {
      const list = this.hashList[at] as number;
      if (list < 0) return undefined;
      if ((this.lists[list] as ItemSlots).sameHash(this.hashItem[at] as number, slots, index)) return this.diagnosedAt.get(at) ?? NONE;
    }
  }

  /** True when item `index` of `slots` has the compact key `key` (its last 32 characters parsed into `keyScratch`). */
  private keyMatches(slots: ItemSlots, index: number, key: string, from: number): boolean {
    const prefix = slots.compactKeyPrefix(index);
    return prefix !== undefined && prefix.length === from && slots.keyBytesEqual(index, keyScratch) && key.startsWith(prefix);
  }

  private putKey(list: number, index: number): void {
    if (2 * (this.keyCount + 1) > this.keyList.length) this.growKeys();
    const mask = this.keyList.length - 1;
    let at = (this.lists[list] as ItemSlots).keyWord(index) & mask;
    while ((this.keyList[at] as number) >= 0) at = (at + 1) & mask;
    this.keyList[at] = list;
    this.keyItem[at] = index;
    this.keyCount++;
  }

  private putHash(list: number, index: number): void {
    if (2 * (this.hashCount + 1) > this.hashList.length) this.growHashes();
    const slots = this.lists[list] as ItemSlots;
    const mask = this.hashList.length - 1;
    let at = slots.hashWord(index) & mask;
    for (; (this.hashList[at] as number) >= 0; at = (at + 1) & mask) {
      // Already there (the same item in another file): one position per hash.
      if ((this.lists[this.hashList[at] as number] as ItemSlots).sameHash(this.hashItem[at] as number, slots, index)) return;
    }
    this.hashList[at] = list;
    this.hashItem[at] = index;
    this.hashCount++;
  }

  /** The position of the compact hash `bytes` in the hash table, or -1. */
  private hashPosition(bytes: Buffer): number {
    const mask = this.hashList.length - 1;
    for (let at = bytes.readUInt32LE(0) & mask; ; at = (at + 1) & mask) {
      const list = this.hashList[at] as number;
      if (list < 0) return -1;
      if ((this.lists[list] as ItemSlots).hashBytesEqual(this.hashItem[at] as number, bytes)) return at;
    }
  }

  /** Double the key table, re-inserting in table order from each run's start: equal keys keep their order. */
  private growKeys(): void {
    const { keyList, keyItem } = this;
    this.keyList = new Int32Array(2 * keyList.length).fill(-1);
    this.keyItem = new Int32Array(2 * keyList.length);
    this.keyCount = 0;
    // Re-adding in the order added keeps equal keys in that order: sort the entries by (list, index).
    const entries: number[] = [];
    for (let at = 0; at < keyList.length; at++) if ((keyList[at] as number) >= 0) entries.push(at);
    entries.sort((a, b) => (keyList[a] as number) - (keyList[b] as number) || (keyItem[a] as number) - (keyItem[b] as number));
    for (const at of entries) this.putKey(keyList[at] as number, keyItem[at] as number);
  }

  private growHashes(): void {
    const { hashList, hashItem } = this;
    this.hashList = new Int32Array(2 * hashList.length).fill(-1);
    this.hashItem = new Int32Array(2 * hashList.length);
    this.hashCount = 0;
    for (let at = 0; at < hashList.length; at++) if ((hashList[at] as number) >= 0) this.putHash(hashList[at] as number, hashItem[at] as number);
  }
}

/**
 * A table's size as the index makes one for `n` entries of `count` items: a power of two, at
 * least 16 and `2n` (`putKey`, `putHash`), at most what `tableSize(count)` starts with.
 */
function isTableSize(size: unknown, n: number, count: number): size is number {
  return typeof size === 'number' && Number.isSafeInteger(size) && size >= 16 && size <= 4 * count + 16 && (size & (size - 1)) === 0 && size >= 2 * n;
}

/** A power of two at least twice `n` (at most half full), at least 16. */
function tableSize(n: number): number {
  let size = 16;
  while (size < 2 * n) size *= 2;
  return size;
}

/**
 * Parse the 32 lowercase hex digits of `s` from `from` to its end into `into`; false (`into`
 * undefined) when `s` does not end so: such a key or hash is never stored compact.
 */
function parseHex(s: string, from: number, into: Buffer): boolean {
  if (s.length - from !== 32) return false;
  for (let i = 0; i < 16; i++) {
    const hi = hexValue(s.charCodeAt(from + 2 * i));
    const lo = hexValue(s.charCodeAt(from + 2 * i + 1));
    if (hi < 0 || lo < 0) return false;
    into[i] = (hi << 4) | lo;
  }
  return true;
}

/** The value of a lowercase hex digit's char code, or -1. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}
