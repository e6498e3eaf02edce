import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { PreviousItem } from '../feeds/changes.js';
import { type ComposedRecord, ItemSlots, type KeptBytes, type PreviousOutput, type ReusableItem } from '../feeds/compose.js';
import type { Diagnostic } from '../model.js';
import type { RenderedFile, WriteSummary } from '../output/write.js';
import type { ItemDiagnostic, SkeletonCheck } from '../feeds/compose-check.js';
import type { CachePaths } from './articles.js';
import { readFrames, writeFramesSteps } from './frames.js';
import { type IndexedItem, RecordIndex } from './record-index.js';
import { VERSION } from '../version.js';

/**
 * A file whose mtime or ctime is this close to when its stamp was taken could be written again
 * within the same timestamp tick without its stamp changing; such a stamp proves nothing. Output
 * files are written by feedwright itself, so the record waits out this window instead (a few ms
 * of coarse kernel clock, with a wide margin).
 */
export const OUTPUT_RACY_MS = 50;

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
 * The record is JSON in one frame (src/cache/frames.ts: length and CRC-32), written in chunks as
 * it is made (`recordChunks`), never as one string: at 100k articles it is ~50 MB. A damaged record
 * is ignored (a full build follows).
 */
export interface OutputRecord {
  fingerprint: string | undefined;
  writtenAt: number;
  files: Record<string, FileRecord>;
  /** Diagnostics of the items that had any, by item hash (every other recorded item had none). */
  itemDiagnostics?: Record<string, ItemDiagnostic[]>;
  /** The main feed's items (with its archive pages) as the change summary compares them. */
  published?: PreviousItem[];
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
  /** A feed's items (compact in memory, and in the file: `SlotsJSON`). */
  items?: ItemSlots;
  /** A feed's head and tail as checked (src/feeds/compose-check.ts `SkeletonCheck`). */
  skeleton?: SkeletonCheck;
}

const FORMAT = `feedwright-outputs-5 ${VERSION}`;

export function outputRecordFile(paths: CachePaths): string | undefined {
  const dir = paths.loaded.config.cache;
  if (dir === false) return undefined;
  const id = createHash('sha256').update(paths.outDir).digest('hex').slice(0, 16);
  return path.join(path.resolve(paths.loaded.root, dir), `outputs-${id}.json`);
}

export function readOutputRecord(paths: CachePaths): OutputRecord | undefined {
  const file = outputRecordFile(paths);
  if (file === undefined) return undefined;
  const body = readFrames(file, FORMAT)?.bodies[0];
  if (body === undefined) return undefined;
  try {
    const record = JSON.parse(body) as OutputRecord;
    if (typeof record.files !== 'object' || record.files === null || typeof record.writtenAt !== 'number') return undefined;
    for (const r of Object.values(record.files)) {
      const items = r.items as unknown;
      if (items === undefined) continue;
      const slots = ItemSlots.fromJSON(items);
      if (slots === undefined) return undefined;
      r.items = slots;
    }
    return record;
  } catch {
    return undefined;
  }
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

/** True when the file still carries the stamp recorded when it was written (and the stamp proves it). */
async function intact(paths: CachePaths, name: string, r: FileRecord, writtenAt: number): Promise<boolean> {
  const s = await stat(path.join(paths.outDir, name)).catch(() => undefined);
  if (!s || s.size !== r.size || s.mtimeMs !== r.mtimeMs || s.ctimeMs !== r.ctimeMs || s.ino !== r.ino) return false;
  return s.mtimeMs < writtenAt - OUTPUT_RACY_MS && s.ctimeMs < writtenAt - OUTPUT_RACY_MS;
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
 * right after the record is written, the feeds of this build are already in place and the next
 * save finds it made.
 */
export function indexRecord(record: OutputRecord): void {
  indexOf(record);
}

/** True when `record` has been indexed (`indexRecord`, or a build that reused it). */
export function isIndexed(record: OutputRecord): boolean {
  return indexes.has(record);
}

function indexOf(record: OutputRecord): RecordIndex {
  const known = indexes.get(record);
  if (known) return known;
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
export function recordedItems(record: OutputRecord | undefined, previous: PreviousOutput, mainJson: string): Map<string, PreviousItem> | undefined {
  if (!record?.published || previous.intactDigest(mainJson) === undefined) return undefined;
  return new Map(record.published.map((item) => [item.id, item]));
}

/**
 * Wait until the clock is past `time` (ms) and return it: the stamps of files written before are
 * then provably older than the record by OUTPUT_RACY_MS. A timer may fire a fraction of a
 * millisecond early and Date.now() is whole milliseconds (stamps are not), so one timer is not
 * enough: the record once got writtenAt = newest + 50 exactly, and its own files were "racy" (a
 * no-change rebuild under load rendered again). Capped: timestamps far ahead of this clock (a
 * skewed network file system) just make the stamps racy.
 */
export async function clockPast(time: number): Promise<number> {
  let now = Date.now();
  for (let tries = 0; now <= time && time - now < 1000 && tries < 10; tries++) {
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(time - now) + 1));
    now = Date.now();
  }
  return now;
}

/** Record what was just committed (after the rename, so the stamps are the final files'). */
export async function writeOutputRecord(
  paths: CachePaths,
  fingerprint: string | undefined,
  rendered: readonly RenderedFile[],
  validation: ReadonlyMap<string, Diagnostic[]>,
  composed: ReadonlyMap<string, ComposedRecord> = new Map(),
  itemDiagnostics: ReadonlyMap<string, ItemDiagnostic[]> = new Map(),
  published?: readonly PreviousItem[],
): Promise<OutputRecord | undefined> {
  const file = outputRecordFile(paths);
  if (file === undefined) return undefined;
  try {
    // `writtenAt` last, as its JSON has it (`recordChunks`); set once the clock is past the stamps.
    const record = { fingerprint, files: {} } as OutputRecord;
    if (itemDiagnostics.size > 0) record.itemDiagnostics = Object.fromEntries(itemDiagnostics);
    if (published) record.published = [...published];
    record.writtenAt = 0;
    let newest = 0;
    for (const f of rendered) {
      const label = paths.display(path.join(paths.outDir, f.name));
      const s = await stat(path.join(paths.outDir, f.name));
      newest = Math.max(newest, s.mtimeMs, s.ctimeMs);
      const diagnostics = validation.get(f.name);
      const items = composed.get(f.name)?.items;
      const skeleton = composed.get(f.name)?.skeleton;
      // Proven ours only if no write landed between the writer's last one and this stamp.
      const own = f.writtenMtimeMs !== undefined && f.writtenMtimeMs === s.mtimeMs ? { ownMtimeMs: s.mtimeMs } : {};
      record.files[f.name] = {
        size: s.size,
        mtimeMs: s.mtimeMs,
        ctimeMs: s.ctimeMs,
        ino: s.ino,
        ...own,
        digest: f.sha256,
        label,
        ...(diagnostics ? { diagnostics } : {}),
        ...(items ? { items } : {}),
        ...(skeleton ? { skeleton } : {}),
      };
    }
    // The record's JSON is made and written while the clock passes the stamps' racy window (its
    // `writtenAt` comes last): at 10k articles ~4.4 MB, made in about the 50 ms waited for.
    const clock = clockPast(newest + OUTPUT_RACY_MS);
    const body = { onlyLast: false };
    const steps = writeFramesSteps(file, FORMAT, thenLast(recordBodyChunks(record), () => recordTail(record.writtenAt), body));
    try {
      for (;;) {
        if (body.onlyLast && record.writtenAt === 0) record.writtenAt = await clock;
        if (steps.next().done) break;
      }
    } finally {
      // Left unfinished (a write failed): its temporary file is removed.
      steps.return({ ino: -1, size: -1, mtimeMs: 0, ctimeMs: 0 });
    }
    return record;
  } catch {
    // The record is an optimisation: the next build simply renders and validates again.
    return undefined;
  }
}

/** Items, published entries or diagnostics per chunk of the record's JSON (a few hundred KB). */
const RECORD_BATCH = 4096;

/**
 * The record's JSON in chunks, `writtenAt` last (`recordBodyChunks`, then `recordTail`): exactly
 * `JSON.stringify(record)` for a record whose keys are in that order (as `writeOutputRecord`
 * makes it). The items of each feed file and the published list go a batch at a time, so that
 * neither the whole text nor its UTF-8 bytes are ever held at once (with the ~300k items of a
 * 100k-article build, ~50 MB of each).
 */
export function* recordChunks(record: OutputRecord): Generator<string> {
  yield* recordBodyChunks(record);
  yield recordTail(record.writtenAt);
}

/** The end of the record's JSON: its `writtenAt`, known only once the clock is past the stamps (`clockPast`). */
function recordTail(writtenAt: number): string {
  return `,"writtenAt":${JSON.stringify(writtenAt)}}`;
}

/**
 * `body`'s chunks, then the one `last()` makes when it is asked for; `state.onlyLast` is true once
 * every chunk of `body` has been handed out (one is read ahead), so that whoever pulls them knows
 * when the next is the last.
 */
function* thenLast(body: Iterable<string>, last: () => string, state: { onlyLast: boolean }): Generator<string> {
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

/** The record's JSON up to its `writtenAt`: every key but that one, the object left open. */
function* recordBodyChunks(record: OutputRecord): Generator<string> {
  const { files, itemDiagnostics, published, writtenAt: _writtenAt, ...rest } = record;
  const top = JSON.stringify(rest);
  yield `${top.slice(0, -1)}${top === '{}' ? '' : ','}"files":{`;
  let firstFile = true;
  for (const [name, r] of Object.entries(files)) {
    const { items, ...fields } = r;
    const head = JSON.stringify(fields);
    yield `${firstFile ? '' : ','}${JSON.stringify(name)}:${items === undefined ? head : `${head.slice(0, -1)}${head === '{}' ? '' : ','}"items":`}`;
    firstFile = false;
    if (items === undefined) continue;
    yield* items.jsonChunks();
    yield '}';
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
  if (published !== undefined) {
    yield ',"published":[';
    for (let from = 0; from < published.length; from += RECORD_BATCH) {
      yield `${from === 0 ? '' : ','}${JSON.stringify(published.slice(from, from + RECORD_BATCH)).slice(1, -1)}`;
    }
    yield ']';
  }
}
