import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isPublishedItems, type PublishedItems } from '../feeds/changes.js';
import { BINARY_BYTES, type ComposedRecord, ItemSlots, type KeptBytes, type PreviousOutput, type ReusableItem } from '../feeds/compose.js';
import type { Diagnostic } from '../model.js';
import type { RenderedFile, WriteSummary } from '../output/write.js';
import type { ItemDiagnostic, SkeletonCheck } from '../feeds/compose-check.js';
import type { CachePaths } from './articles.js';
import { FORMATS } from '../feeds/sets.js';
import { appendFrame, type FileId, readFrameBytes, writeFramesSteps } from './frames.js';
import { type IndexedItem, type IndexTables, RecordIndex } from './record-index.js';
import { CODE_ID } from '../version.js';

/**
 * A stamp (mtime, ctime) this close to the clock when it was taken, or later, is "racy" (git's
 * term, Documentation/technical/racy-git.txt): a write within the same timestamp tick after it was
 * taken would leave it as it is, so it proves nothing about the file's bytes. Linux stamps files
 * from a coarse clock (a tick of 1-10 ms); 50 ms is a wide margin over it. The record does not
 * wait for the window to pass: a racy file is checked by its bytes on the next build instead
 * (`verifyBytes`), which for the small files of a small site costs less than the wait did.
 */
export const OUTPUT_RACY_MS = 50;

/**
 * The window of a stamp in whole seconds: a file system that keeps 1 s (ext3, HFS+) or 2 s (FAT's
 * mtime) stamps. A later write within those seconds keeps the stamp, so such a stamp is trusted
 * only once that much time had passed when it was taken.
 */
export const COARSE_RACY_MS = 2000 + OUTPUT_RACY_MS;

/**
 * Racy files of more bytes than this in all are not left to the next build to read and hash: the
 * record waits out their window (at most OUTPUT_RACY_MS after the feeds' renames) and stamps them
 * again. Part of it is spent on the change summary and the record's body (~2 MB of slots at 10k
 * articles) written before the stamps, and the replaced feeds' blocks are freed meanwhile
 * (src/build.ts `spareNames`); a small site's files are hashed in a few ms. Tests lower it.
 */
export const RACY_LIMITS = { verifyBytes: 4 << 20 };

/** The racy window of a stamp: wider for a file system that keeps whole seconds. */
export function racyWindow(s: { mtimeMs: number; ctimeMs: number }): number {
  return s.mtimeMs % 1000 === 0 || s.ctimeMs % 1000 === 0 ? COARSE_RACY_MS : OUTPUT_RACY_MS;
}

/**
 * True when stamp `s`, taken at `at` (ms, this machine's clock) or later, could hide a write after
 * it: its mtime or ctime is within its racy window of `at`, or after it (a clock behind the file
 * system's). A stamp that is not racy changes with any later write.
 */
export function isRacy(s: { mtimeMs: number; ctimeMs: number }, at: number): boolean {
  const window = racyWindow(s);
  return !(s.mtimeMs < at - window && s.ctimeMs < at - window);
}

/**
 * What the last build wrote to an output folder: the input fingerprint it was rendered from, and
 * for each file its stamp, digest and validation result; for a feed, also where each item's bytes
 * are, under which key, and the validation of every item that had any diagnostic.
 *
 * Three uses:
 * - a rebuild whose inputs have the same fingerprint, and whose output files still carry the
 *   stamps (size, mtime, ctime, inode) written last time, needs no rendering at all: the files
 *   already hold exactly the bytes it would render;
 * - a rebuild after a change copies the unchanged items' bytes from the intact previous files
 *   instead of rendering them, and skips writing feeds whose digest did not change
 *   (src/feeds/compose.ts);
 * - validation is a pure function of the bytes: an item validated before is not validated again.
 * The record is one frame (src/cache/frames.ts: length and CRC-32): the feeds' item slots as
 * bytes (`ItemSlots.binary`, 64 bytes an item), then JSON naming where each file's are
 * (`recordBody`), written in chunks as it is made (`recordChunks`), never as one string: at 100k
 * articles the slots are ~20 MB. The files' stamps and `writtenAt` come last in its JSON
 * (`stamps`), taken once the rest is written. The
 * published items follow in a second frame, not JSON (`PublishedItems`: read, written and compared
 * without parsing the ~10k items of a 10k-article site). A damaged record is ignored (a full build
 * follows); a record without its second frame is read without its published items (the change
 * summary then reads the previous feed.json).
 */
export interface OutputRecord {
  fingerprint: string | undefined;
  /**
   * The clock (ms) just before the files' stamps were taken: a stamp racy against it
   * (`isRacy`) is not trusted alone, the file is checked by its bytes (`verifyBytes`).
   */
  writtenAt: number;
  files: Record<string, FileRecord>;
  /** Diagnostics of the items that had any, by item hash (every other recorded item had none). */
  itemDiagnostics?: Record<string, ItemDiagnostic[]>;
  /** The main feed's items (with its archive pages) as the change summary compares them, with their render keys. */
  published?: PublishedItems;
}

export interface FileRecord {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /**
   * Present when the file is provably as its writer left it: its mtime after the rename (`mtimeMs`)
   * is the one the writer read on its own handle right after its last write
   * (`RenderedFile.writtenMtimeMs`), so nothing wrote to it in a later clock tick before the stamp
   * was taken; while the stamp still holds, only the ends of each run of its items copied are
   * CRC-checked (src/feeds/compose.ts). Absent (a store between the rename and the stamp, an older record),
   * every copied item is CRC-checked.
   */
  ownMtimeMs?: number;
  /** SHA-256 of the bytes, or for a feed the digest of its parts (src/feeds/compose.ts). */
  digest: string;
  label: string;
  diagnostics?: Diagnostic[];
  /** A feed's items (compact in memory, and in the file: `ItemSlots.binary`, `SlotsDescriptor`). */
  items?: ItemSlots;
  /** A feed's head and tail as checked (src/feeds/compose-check.ts `SkeletonCheck`). */
  skeleton?: SkeletonCheck;
}

const FORMAT = `feedwright-outputs-8 ${CODE_ID}`;

export function outputRecordFile(paths: CachePaths): string | undefined {
  const dir = paths.loaded.config.cache;
  if (dir === false) return undefined;
  const id = createHash('sha256').update(paths.outDir).digest('hex').slice(0, 16);
  return path.join(path.resolve(paths.loaded.root, dir), `outputs-${id}.json`);
}

export function readOutputRecord(paths: CachePaths): OutputRecord | undefined {
  const file = outputRecordFile(paths);
  if (file === undefined) return undefined;
  const bodies = readFrameBytes(file, FORMAT)?.bodies;
  const record = bodies?.[0] === undefined ? undefined : parseOutputRecord(bodies[0]);
  // The published items, in a frame of their own after the record's (`writeOutputRecord`).
  const published = bodies?.[1] === undefined ? undefined : publishedOfFrame(bodies[1].toString('utf8'));
  if (record && published) record.published = published;
  // The index's tables, read when the index is first asked for (`indexOf`).
  if (record && published && bodies?.[2] !== undefined) indexFrames.set(record, bodies[2]);
  return record;
}

/** The first line of the index's frame (`indexFrame`): its format. */
const INDEX_FRAME = 'feedwright-record-index-1';

/**
 * The record's index as a frame of its own, after the published items' (`RecordIndex.tables`):
 * `INDEX_FRAME`, a line feed, the tables' descriptor as JSON, a line feed, then the tables' bytes.
 */
function indexFrame(tables: { descriptor: IndexTables; bytes: Buffer[] }): (string | Buffer)[] {
  return [`${INDEX_FRAME}\n${JSON.stringify(tables.descriptor)}\n`, ...tables.bytes];
}

/** The index `indexFrame` wrote for `record`, made ready (`diagnose`); undefined for anything else. */
function indexOfFrame(record: OutputRecord, body: Buffer): RecordIndex | undefined {
  const first = body.indexOf(10);
  const second = first < 0 ? -1 : body.indexOf(10, first + 1);
  if (second < 0 || body.toString('latin1', 0, first) !== INDEX_FRAME) return undefined;
  let descriptor: unknown;
  try {
    descriptor = JSON.parse(body.toString('utf8', first + 1, second));
  } catch {
    return undefined;
  }
  const lists: { name: string; slots: ItemSlots }[] = [];
  for (const [name, r] of Object.entries(record.files)) if (r.items) lists.push({ name, slots: r.items });
  const index = RecordIndex.fromTables(lists, descriptor, body.subarray(second + 1));
  index?.diagnose(record.itemDiagnostics ?? {});
  return index;
}

/**
 * The published items as their frame holds them: the keys, a line feed, the lines. Not JSON: the
 * lines, JSON each, are neither escaped to be written nor parsed to be read (`compareInPlace`
 * parses only the lines it compares).
 */
function publishedFrame(p: PublishedItems): string[] {
  return [p.keys, '\n', p.lines];
}

function publishedOfFrame(body: string): PublishedItems | undefined {
  const nl = body.indexOf('\n');
  const p = nl < 0 ? undefined : { keys: body.slice(0, nl), lines: body.slice(nl + 1) };
  return isPublishedItems(p) ? p : undefined;
}

/** Digits of the binary's length at the start of the record's frame (`recordBody`). */
const BINARY_DIGITS = 12;

/**
 * The record's frame as `recordChunks` writes it, `<binary length, 12 digits>\n<binary><JSON>`,
 * cut into its slots' bytes and its JSON text; undefined for anything else.
 */
export function recordBody(body: Buffer): { binary: Buffer; json: string } | undefined {
  if (body.length <= BINARY_DIGITS || body[BINARY_DIGITS] !== 10) return undefined;
  const digits = body.toString('latin1', 0, BINARY_DIGITS);
  if (!/^\d+$/.test(digits)) return undefined;
  const end = BINARY_DIGITS + 1 + Number(digits);
  if (end > body.length) return undefined;
  return { binary: body.subarray(BINARY_DIGITS + 1, end), json: body.toString('utf8', end) };
}

/** The record's frame of `binary` and `json` in parts (`recordBody` reads them back). */
export function recordFrameParts(binary: Buffer, json: string): (string | Buffer)[] {
  return [`${String(binary.length).padStart(BINARY_DIGITS, '0')}\n`, binary, json];
}

/** The record `recordChunks` wrote (its stamps put back in each file's record); undefined for anything else. */
export function parseOutputRecord(body: Buffer): OutputRecord | undefined {
  const parts = recordBody(body);
  if (parts === undefined) return undefined;
  try {
    const { stamps, ...record } = JSON.parse(parts.json) as OutputRecord & { stamps?: Record<string, unknown> };
    if (typeof record.files !== 'object' || record.files === null || typeof record.writtenAt !== 'number') return undefined;
    if (typeof stamps !== 'object' || stamps === null) return undefined;
    // Read from a frame of its own (`readOutputRecord`), never from this one.
    delete record.published;
    for (const [name, r] of Object.entries(record.files)) {
      const stamp = stamps[name] as Partial<FileStamp> | undefined;
      if (!isStamp(stamp)) return undefined;
      Object.assign(r, stamp);
      const items = r.items as unknown;
      if (items === undefined) continue;
      const slots = ItemSlots.fromBinary(items, parts.binary);
      if (slots === undefined) return undefined;
      r.items = slots;
    }
    return record;
  } catch {
    return undefined;
  }
}

/** The stamp fields of a file's record: where they are in its JSON (`stamps`, last). */
type FileStamp = Pick<FileRecord, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino' | 'ownMtimeMs'>;

function isStamp(v: Partial<FileStamp> | undefined): v is FileStamp {
  if (typeof v !== 'object' || v === null) return false;
  const { size, mtimeMs, ctimeMs, ino, ownMtimeMs } = v;
  return [size, mtimeMs, ctimeMs, ino].every((n) => typeof n === 'number') && (ownMtimeMs === undefined || typeof ownMtimeMs === 'number');
}

/**
 * The summary of a build that would change nothing: the fingerprint matches and every planned
 * file (and no other) is still exactly as written. Undefined when anything differs.
 */
export async function unchangedOutputs(
  paths: CachePaths,
  record: OutputRecord | undefined,
  fingerprint: string | undefined,
  names: readonly string[],
): Promise<{ files: WriteSummary[]; validation: Diagnostic[] } | undefined> {
  if (record === undefined || fingerprint === undefined || record.fingerprint !== fingerprint) return undefined;
  if (Object.keys(record.files).length !== names.length) return undefined;
  const files: WriteSummary[] = [];
  const validation: Diagnostic[] = [];
  for (const name of names) {
    const r = record.files[name];
    if (!r) return undefined;
    if (!(await intact(paths, name, r, record.writtenAt))) return undefined;
    if (r.label !== paths.display(path.join(paths.outDir, name))) return undefined;
    files.push({ name, status: 'unchanged', bytes: r.size });
    if (r.diagnostics) validation.push(...r.diagnostics);
  }
  return { files, validation };
}

/**
 * True when the file still carries the stamp recorded when it was written, and the stamp proves
 * its bytes; a racy stamp (`isRacy`) does not, and the file's bytes are checked instead.
 */
async function intact(paths: CachePaths, name: string, r: FileRecord, writtenAt: number): Promise<boolean> {
  const s = await stat(path.join(paths.outDir, name)).catch(() => undefined);
  if (!s || !sameStamp(s, r)) return false;
  return !isRacy(s, writtenAt) || (await verifyBytes(paths, name, r));
}

/** True when `s` is the stamp `r` recorded (size, mtime, ctime, inode). */
export function sameStamp(s: { size: number; mtimeMs: number; ctimeMs: number; ino: number }, r: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): boolean {
  return s.size === r.size && s.mtimeMs === r.mtimeMs && s.ctimeMs === r.ctimeMs && s.ino === r.ino;
}

/**
 * True when output file `name` holds the bytes its record names, read now, and still carries the
 * recorded stamp, no longer racy: any later write changes it (git's "racily clean" entry, checked
 * by content). The window is waited out first when it has not passed yet (a build right after
 * another, at most OUTPUT_RACY_MS): bytes read within it could be written again unseen. A stamp
 * whose window is still ahead after that (a clock behind the file system's) is not trusted.
 * A feed is checked against the digest of its parts (`feedAsRecorded`), any other file
 * against the SHA-256 of its bytes.
 */
export async function verifyBytes(paths: CachePaths, name: string, r: FileRecord): Promise<boolean> {
  const file = path.join(paths.outDir, name);
  const now = await clockPast(Math.max(r.mtimeMs, r.ctimeMs) + racyWindow(r));
  if (isRacy(r, now)) return false;
  // Read synchronously: a few small files, where each asynchronous step is a round trip through
  // libuv's threads (tens of ms on a loaded machine for seven outputs, against ~4 ms).
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    // Stamped after `now` and not racy against it: a write from here on changes the stamp.
    if (!sameStamp(fstatSync(fd), r)) return false;
    const bytes = readFileSync(fd);
    // Nothing wrote to it while it was read.
    if (bytes.length !== r.size || !sameStamp(fstatSync(fd), r)) return false;
    return r.items ? await feedAsRecorded(paths, name, bytes, r.items, r.digest) : createHash('sha256').update(bytes).digest('hex') === r.digest;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * True when `bytes` are the feed its record names: its items where the slots say, each with its
 * recorded hash, one separator between every two, and the digest of head, separator, tail and the
 * items' hashes (src/feeds/compose.ts `feedDigest`) the recorded one. The separator is the one
 * the file has between its first two items, or its writer's (found by the file's name) for a
 * feed of one item; a feed of none cannot be told from its head and tail, and is not trusted.
 */
async function feedAsRecorded(paths: CachePaths, name: string, bytes: Buffer, slots: ItemSlots, digest: string): Promise<boolean> {
  const n = slots.length;
  if (n === 0) return false;
  let sep: Buffer;
  if (n > 1) sep = bytes.subarray(slots.start(0) + slots.bytes(0), slots.start(1));
  else {
    const { config } = paths.loaded;
    const format = FORMATS.find((f) => path.posix.basename(name) === config.files[f]);
    if (format === undefined) return false;
    sep = Buffer.from((await import('../feeds/writers.js')).WRITERS[format].separator);
  }
  let at = 0;
  for (let i = 0; i < n; i++) {
    const start = slots.start(i);
    const end = start + slots.bytes(i);
    if (i > 0 && (start - at !== sep.length || !bytes.subarray(at, start).equals(sep))) return false;
    if (start < at || end > bytes.length || !slots.hasCompactHash(i)) return false;
    if (!slots.hashBytesEqual(i, createHash('sha256').update(bytes.subarray(start, end)).digest())) return false;
    at = end;
  }
  const h = createHash('sha256').update(bytes.subarray(0, slots.start(0))).update('\0').update(sep).update('\0').update(bytes.subarray(at)).update('\0');
  // Every item's hash in turn, a batch of them joined into one string (`ItemSlots.hashesJoined`).
  for (let i = 0; i < n; i += 2048) h.update(slots.hashesJoined(i, Math.min(n, i + 2048)));
  return h.digest('hex') === digest;
}

/**
 * What a build may reuse of the previous output: the items of every intact feed file by key, and
 * the validation of every recorded item (validation depends on the bytes alone).
 */
export async function previousOutput(paths: CachePaths, record: OutputRecord | undefined, kept?: ReadonlyMap<string, KeptBytes>): Promise<PreviousOutput> {
  const digests = new Map<string, string>();
  const index = record ? indexOf(record) : new RecordIndex();
  const intactFiles = new Set<string>();
  /** Intact files proven as their writer left them (`FileRecord.ownMtimeMs`), with that mtime. */
  const proven = new Map<string, number>();
  const memory = new Map<string, KeptBytes>();
  for (const [name, r] of Object.entries(record?.files ?? {})) {
    if (!r.items) continue;
    const held = kept?.get(name);
    // Bytes kept in memory are the file as written, whatever happened to it on disk since.
    if (held !== undefined && held.size === r.size) memory.set(name, held);
    if (!(await intact(paths, name, r, record?.writtenAt ?? 0))) continue;
    digests.set(name, r.digest);
    intactFiles.add(name);
    if (r.ownMtimeMs !== undefined && r.ownMtimeMs === r.mtimeMs) proven.set(name, r.ownMtimeMs);
  }
  const distrusted = new Set<string>();
  /** Per recorded file: its absolute path, and its kept bytes or whether it may be copied from (looked up once per file, not per item). */
  const sources = new Map<string, { abs: string; bytes: KeptBytes | undefined; intact: boolean; proven: boolean }>();
  for (const name of Object.keys(record?.files ?? {}))
    sources.set(name, { abs: path.join(paths.outDir, name), bytes: memory.get(name), intact: intactFiles.has(name), proven: proven.has(name) });
  // The first file holding the item whose bytes are kept in memory; else the first intact one.
  const inMemory = (r: IndexedItem): ReusableItem | undefined => {
    const source = sources.get(r.name);
    return source?.bytes ? { file: source.abs, slots: r.slots, index: r.index, bytes: source.bytes } : undefined;
  };
  const onDisk = (r: IndexedItem): ReusableItem | undefined => {
    const source = sources.get(r.name);
    return source?.intact && !distrusted.has(source.abs) ? { file: source.abs, slots: r.slots, index: r.index, proven: source.proven } : undefined;
  };
  return {
    // The first intact file that holds the item, unless the bytes copied from it proved it changed.
    find: (key) => (memory.size > 0 ? index.find(key, inMemory) : undefined) ?? index.find(key, onDisk),
    // The file of that name as `find` would copy from it: its bytes kept in memory, else the intact file on disk.
    sameFile: (name) => {
      const source = sources.get(name);
      const slots = record?.files[name]?.items;
      if (source === undefined || slots === undefined) return undefined;
      if (source.bytes) return { file: source.abs, slots, bytes: source.bytes };
      return source.intact && !distrusted.has(source.abs) ? { file: source.abs, slots, proven: source.proven } : undefined;
    },
    validated: (hash) => index.validated(hash),
    validatedAt: (slots, i) => index.validatedAt(slots, i),
    intactDigest: (name) => {
      const source = sources.get(name);
      return source && distrusted.has(source.abs) ? undefined : digests.get(name);
    },
    skeleton: (name) => {
      const s = record?.files[name]?.skeleton as unknown;
      return isSkeletonCheck(s) ? s : undefined;
    },
    writtenMtime: (name) => {
      const source = sources.get(name);
      return source && distrusted.has(source.abs) ? undefined : proven.get(name);
    },
    distrust: (file) => {
      distrusted.add(file);
    },
  };
}

/** True when `v` is a skeleton's check as `writeOutputRecord` writes it (a damaged record's is not used). */
function isSkeletonCheck(v: unknown): v is SkeletonCheck {
  if (typeof v !== 'object' || v === null) return false;
  const { digest, found } = v as Partial<SkeletonCheck>;
  return typeof digest === 'string' && Array.isArray(found) && found.every((d) => typeof d === 'object' && d !== null && typeof d.code === 'string' && typeof d.message === 'string');
}

/** A watch session builds again from the record it kept (src/build.ts `BuildSession`): indexed once, not on every save. */
const indexes = new WeakMap<OutputRecord, RecordIndex>();

/**
 * Index a record now, for a build to come (a watch session's next save): a 10k-article record's
 * index (30k keys and hashes) took ~77 ms of every save (loaded machine) before its feeds could be composed; made
 * while the record is written (`writeOutputRecord`, before its stamps), the feeds of this build are
 * already in place and the next save finds it made. A one-off build's next build reads it from the
 * record's last frame (`indexFrame`).
 */
export function indexRecord(record: OutputRecord): void {
  indexOf(record);
}

/** True when `record` has been indexed (`indexRecord`, or a build that reused it). */
export function isIndexed(record: OutputRecord): boolean {
  return indexes.has(record);
}

/** Records read with their index's frame (`readOutputRecord`), until the index is asked for. */
const indexFrames = new WeakMap<OutputRecord, Buffer>();

function indexOf(record: OutputRecord): RecordIndex {
  const known = indexes.get(record);
  if (known) return known;
  const frame = indexFrames.get(record);
  if (frame !== undefined) {
    indexFrames.delete(record);
    const read = indexOfFrame(record, frame);
    if (read) {
      indexes.set(record, read);
      return read;
    }
  }
  let count = 0;
  for (const r of Object.values(record.files)) count += r.items?.length ?? 0;
  const index = new RecordIndex(count);
  for (const [name, r] of Object.entries(record.files)) if (r.items) index.add(name, r.items);
  index.diagnose(record.itemDiagnostics ?? {});
  indexes.set(record, index);
  return index;
}

/**
 * The items of the previous build as the change summary compares them, from the record when the
 * main JSON feed is still as written (no need to parse megabytes of JSON); undefined otherwise.
 */
export function recordedItems(record: OutputRecord | undefined, previous: PreviousOutput, mainJson: string): PublishedItems | undefined {
  if (!record?.published || previous.intactDigest(mainJson) === undefined) return undefined;
  return record.published;
}

/**
 * Wait until the clock is past `time` (ms) and return it. A timer may fire a fraction of a
 * millisecond early and Date.now() is whole milliseconds (stamps are not), so one timer is not
 * enough. Capped: a time far ahead of this clock (a skewed network file system's stamps) is not
 * waited for, and its stamps stay racy.
 */
export async function clockPast(time: number): Promise<number> {
  let now = Date.now();
  for (let tries = 0; now <= time && time - now < 1000 && tries < 10; tries++) {
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(time - now) + 1));
    now = Date.now();
  }
  return now;
}

/**
 * Record what was just committed (after the rename, so the stamps are the final files'). Nothing
 * is waited for: the record's JSON is written first, then the clock read (`writtenAt`) and the
 * stamps taken; a file stamped within its racy window of that clock is checked by its bytes when
 * the next build would trust it (`verifyBytes`). Only when such files are large (over
 * RACY_LIMITS.verifyBytes together: reading and hashing them would cost the next build more) does the
 * record wait out their window, at most OUTPUT_RACY_MS, and stamp them again.
 */
export async function writeOutputRecord(
  paths: CachePaths,
  fingerprint: string | undefined,
  rendered: readonly RenderedFile[],
  validation: ReadonlyMap<string, Diagnostic[]>,
  composed: ReadonlyMap<string, ComposedRecord> = new Map(),
  itemDiagnostics: ReadonlyMap<string, ItemDiagnostic[]> = new Map(),
  published?: PublishedItems,
): Promise<OutputRecord | undefined> {
  const file = outputRecordFile(paths);
  if (file === undefined) return undefined;
  try {
    const record = { fingerprint, files: {} } as OutputRecord;
    for (const f of rendered) {
      const label = paths.display(path.join(paths.outDir, f.name));
      const diagnostics = validation.get(f.name);
      const items = composed.get(f.name)?.items;
      const skeleton = composed.get(f.name)?.skeleton;
      // The stamp is taken once the rest of the record is written (`stampFiles`).
      record.files[f.name] = {
        size: 0,
        mtimeMs: 0,
        ctimeMs: 0,
        ino: 0,
        digest: f.sha256,
        label,
        ...(diagnostics ? { diagnostics } : {}),
        ...(items ? { items } : {}),
        ...(skeleton ? { skeleton } : {}),
      };
    }
    if (itemDiagnostics.size > 0) record.itemDiagnostics = Object.fromEntries(itemDiagnostics);
    record.writtenAt = 0;
    const body = { onlyLast: false };
    const steps = writeFramesSteps(file, FORMAT, thenLast(recordBodyChunks(record), () => recordTail(record), body));
    let id: FileId | undefined;
    try {
      let stamped = false;
      for (;;) {
        if (body.onlyLast && !stamped) {
          // Made before the stamps are taken, while their racy window passes (`stampFiles`): the next build reads it.
          indexOf(record);
          await stampFiles(paths, record, rendered);
          stamped = true;
        }
        const step = steps.next();
        if (step.done) {
          id = step.value;
          break;
        }
      }
    } finally {
      // Left unfinished (a write failed): its temporary file is removed.
      steps.return({ ino: -1, size: -1, mtimeMs: 0, ctimeMs: 0 });
    }
    // The published items in a frame of their own: without it (not appended), the next build reads the previous feed.json.
    const withPublished = published && id ? appendFrame(file, FORMAT, publishedFrame(published), id) : undefined;
    if (published && withPublished) record.published = published;
    // The index's tables in a third frame (`indexFrame`): without it, the next build makes the index again.
    const tables = indexes.get(record)?.tables();
    if (withPublished && tables) appendFrame(file, FORMAT, indexFrame(tables), withPublished);
    return record;
  } catch {
    // The record is an optimisation: the next build simply renders and validates again.
    return undefined;
  }
}

/**
 * The files' stamps into their records, and the clock read just before they were taken as the
 * record's `writtenAt`; when the racy ones are large (RACY_LIMITS.verifyBytes), again once their window
 * has passed (waited for, within OUTPUT_RACY_MS of their newest stamp).
 */
async function stampFiles(paths: CachePaths, record: OutputRecord, rendered: readonly RenderedFile[]): Promise<void> {
  const statAll = () => Promise.all(rendered.map((f) => stat(path.join(paths.outDir, f.name))));
  let at = Date.now();
  let stamps = await statAll();
  const racy = stamps.filter((s) => isRacy(s, at));
  const past = Math.max(...racy.map((s) => Math.max(s.mtimeMs, s.ctimeMs) + racyWindow(s)));
  if (racy.reduce((sum, s) => sum + s.size, 0) > RACY_LIMITS.verifyBytes && past - at <= 2 * OUTPUT_RACY_MS) {
    at = await clockPast(past);
    stamps = await statAll();
  }
  for (const [i, f] of rendered.entries()) {
    const s = stamps[i] as Awaited<ReturnType<typeof stat>>;
    const r = record.files[f.name] as FileRecord;
    Object.assign(r, { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino });
    // Proven ours only if no write landed between the writer's last one and this stamp.
    if (f.writtenMtimeMs !== undefined && f.writtenMtimeMs === s.mtimeMs) r.ownMtimeMs = s.mtimeMs;
  }
  record.writtenAt = at;
}

/** Diagnostics per chunk of the record's JSON (a few hundred KB). */
const RECORD_BATCH = 4096;

/**
 * The record's frame in chunks (`recordBody`): the length of the feeds' slots as bytes and the
 * bytes themselves, each file's views of its arrays (`ItemSlots.binary`: no copy, no base64),
 * then the JSON of every key but the files' stamps and `writtenAt` (`recordBodyChunks`), then
 * those (`recordTail`): `{fingerprint, files, itemDiagnostics, stamps, writtenAt}`, each file's
 * stamp fields under `stamps` instead of its record (`parseOutputRecord` puts them back), its
 * items as where their bytes are (`SlotsDescriptor`); the published items are a frame of their
 * own after it (`writeOutputRecord`).
 */
export function* recordChunks(record: OutputRecord): Generator<string | Buffer> {
  yield* recordBodyChunks(record);
  yield recordTail(record);
}

/** The record's frame up to its JSON: the length of its binary, then each feed's slots as bytes, in the order of `files` (`recordBodyChunks` names their places). */
function* recordBinary(record: OutputRecord): Generator<Buffer | string> {
  let length = 0;
  for (const r of Object.values(record.files)) length += BINARY_BYTES * (r.items?.length ?? 0);
  yield `${String(length).padStart(BINARY_DIGITS, '0')}\n`;
  for (const r of Object.values(record.files)) if (r.items !== undefined && r.items.length > 0) yield* r.items.binary();
}

/** The end of the record's JSON: the files' stamps and `writtenAt`, known only once the rest is written (`stampFiles`). */
function recordTail(record: OutputRecord): string {
  const stamps: Record<string, FileStamp> = {};
  for (const [name, { size, mtimeMs, ctimeMs, ino, ownMtimeMs }] of Object.entries(record.files)) stamps[name] = { size, mtimeMs, ctimeMs, ino, ...(ownMtimeMs !== undefined ? { ownMtimeMs } : {}) };
  return `,"stamps":${JSON.stringify(stamps)},"writtenAt":${JSON.stringify(record.writtenAt)}}`;
}

/**
 * `body`'s chunks, then the one `last()` makes when it is asked for; `state.onlyLast` is true once
 * every chunk of `body` has been handed out (one is read ahead), so that whoever pulls them knows
 * when the next is the last.
 */
function* thenLast<T>(body: Iterable<T>, last: () => T, state: { onlyLast: boolean }): Generator<T> {
  const it = body[Symbol.iterator]();
  let cur = it.next();
  while (!cur.done) {
    const next = it.next();
    state.onlyLast = next.done === true;
    yield cur.value;
    cur = next;
  }
  state.onlyLast = true;
  yield last();
}

/** The record's frame up to its stamps: its binary (`recordBinary`), then its JSON, every key but those and `writtenAt`, the object left open. */
function* recordBodyChunks(record: OutputRecord): Generator<string | Buffer> {
  yield* recordBinary(record);
  // The published items are not in it: they are a frame of their own (`writeOutputRecord`).
  const { files, itemDiagnostics, published: _published, writtenAt: _writtenAt, ...rest } = record;
  const top = JSON.stringify(rest);
  yield `${top.slice(0, -1)}${top === '{}' ? '' : ','}"files":{`;
  let firstFile = true;
  // Where each file's slots start in the binary (`recordBinary`, in the same order).
  let at = 0;
  for (const [name, r] of Object.entries(files)) {
    const { items, size: _size, mtimeMs: _mtimeMs, ctimeMs: _ctimeMs, ino: _ino, ownMtimeMs: _ownMtimeMs, ...fields } = r;
    const head = JSON.stringify(fields);
    yield `${firstFile ? '' : ','}${JSON.stringify(name)}:${items === undefined ? head : `${head.slice(0, -1)}${head === '{}' ? '' : ','}"items":${JSON.stringify(items.descriptor(at))}}`}`;
    firstFile = false;
    at += BINARY_BYTES * (items?.length ?? 0);
  }
  yield '}';
  if (itemDiagnostics !== undefined) {
    yield ',"itemDiagnostics":{';
    const entries = Object.entries(itemDiagnostics);
    for (let from = 0; from < entries.length; from += RECORD_BATCH) {
      const batch = entries.slice(from, from + RECORD_BATCH).map(([hash, found]) => `${JSON.stringify(hash)}:${JSON.stringify(found)}`);
      yield `${from === 0 ? '' : ','}${batch.join(',')}`;
    }
    yield '}';
  }
}
