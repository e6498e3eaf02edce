import type { Article } from '../model.js';
import type { ArticleEntry } from './articles.js';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { AtomicFile, appendFrame, type FileId, readFrames, writeFramesSteps, writeFully } from './frames.js';
import { drain, type Steps } from './steps.js';

/**
 * The heads of the cache's entries, kept beside the pack so that a build need not read the pack
 * at all for articles that did not change: one JSON file per articles folder holding, for every
 * entry the last build used, its key, where its record is in the pack, and the entry without the
 * article's body (`contentHtml`, `contentText`, `dropped`: most of its bytes). A build parses this
 * one file instead of reading the pack and decoding ten thousand records; each body is read from
 * its record (by offset, CRC-checked) only if something asks for it, which a rebuild that copies
 * unchanged items never does.
 *
 * A head is a pure function of its key, as the entry is. The offsets are trusted only while the
 * pack is the same file (inode) and no shorter than when they were written (it only ever grows
 * by appends, or is rewritten under a new inode); otherwise the file is ignored and every entry
 * is decoded from the pack as before. A read at an offset that fails its checks reads the pack
 * whole; a body that cannot be found at all throws `CacheEntryGone`, and the build starts again
 * without heads (src/build.ts).
 */
export interface Head {
  offset: number;
  length: number;
  /**
   * The entry as `headJson` writes it (ASCII; a hot part, a tab, a cold part), parsed when it is
   * served (the cold part on first use): a rebuild writes the heads it did not change back as the
   * text it read, without serialising them again. A head read from the file holds its hot part
   * only, and `cold` says where the rest is.
   */
  json: string;
  /**
   * Where the head's cold part (with its `checked` part, after a tab) is in the cold file
   * (`ColdFile`): `<offset>,<length>,<crc32>` as written, parsed when the part is read.
   * Absent for a head whose whole text is `json`.
   */
  cold?: string;
}

export interface Heads {
  pack: { ino: number; size: number };
  heads: Map<string, Head>;
  /** The cold file the heads' `cold` places are in (the file's first frame names its inode). */
  cold?: ColdFile;
}

/** Thrown when a body served lazily is no longer in the pack: the build is run again without heads. */
export class CacheEntryGone extends Error {
  constructor(key: string) {
    super(`The cache record ${key.slice(0, 12)}… is gone from the pack`);
  }
}

const LAZY = ['contentHtml', 'contentText', 'dropped'] as const;

/**
 * The file (src/cache/frames.ts): a first frame with every head, then a frame per later build
 * that changed any, appended. A frame's body is the pack's identity and the cold file's inode
 * as JSON on the first line, then one line per head set, `<key> <offset> <length> <cold> <head>`
 * (the head's hot part, `headJson`'s text before its first tab: JSON text never holds a line feed
 * or a tab; `<cold>` its cold part's place, `Head.cold`, or `-`), or per head gone, `-<key>`.
 * The last frame's identity is the file's.
 */
const framesFormat = (format: string): string => `${format} frames`;

/**
 * The heads this process last read, per file, with the file's id then: the build that read them
 * appends only what it changed when it writes them back (a one-change rebuild of 10k articles:
 * ~1 KB instead of ~6 MB). Kept until that write only.
 */
const lastRead = new Map<string, { heads: Heads; id: FileId; frames: number; bytes: number }>();

/** Frames appended before the file is rewritten whole. */
const MAX_FRAMES = 64;

/**
 * The cold file of a heads file: beside it, `cold-` and its name (not `heads-…`: nothing that
 * looks for the heads file by its prefix finds this one).
 */
export function coldFileOf(file: string): string {
  return path.join(path.dirname(file), `cold-${path.basename(file)}`);
}

/** Parts read one by one (a read each) before the cold file is read whole: ~50 for a rebuild's index pages, every one with tag or author feeds. */
const COLD_PART_READS = 64;

/**
 * The cold parts of the heads (the article fields a rebuild that copies its unchanged items never
 * reads, and `checked`: 43 % of the heads' bytes at 10k articles), in a file of their own that
 * a rebuild does not read unless it asks for a part: each part is read at its place (offset,
 * length and CRC-32 kept in its head's line in the heads file), the first COLD_PART_READS one read
 * each, then the file whole, once. The file only grows (parts appended at its end, after any
 * tail a killed build left) until the heads are written whole, when it is written anew beside
 * them. A part that is not where its head says (the file replaced: another inode; cut short;
 * another CRC) throws CacheEntryGone: the build starts again without heads, as for a body.
 */
export class ColdFile {
  private whole: Buffer | undefined;
  private reads = 0;

  constructor(
    readonly file: string,
    readonly ino: number,
  ) {}

  /** The part at `place` (`Head.cold`) of the head stored under `key`, as written. */
  text(place: string, key: string): string {
    const [at, length, crc] = place.split(',').map(Number) as [number, number, number];
    if (!Number.isSafeInteger(at) || !Number.isSafeInteger(length) || at < 0 || length < 0) throw new CacheEntryGone(key);
    let bytes: Buffer;
    if (this.whole === undefined && this.reads < COLD_PART_READS) {
      this.reads++;
      bytes = this.readRange(at, length, key);
    } else bytes = this.load(key).subarray(at, at + length);
    if (bytes.length !== length || crc32(bytes) !== crc) throw new CacheEntryGone(key);
    return bytes.toString('latin1');
  }

  /** The whole file, read once (from then on every part is sliced from it); throws CacheEntryGone when it is not this file. */
  load(key: string): Buffer {
    if (this.whole !== undefined) return this.whole;
    this.whole = this.withFile(key, (fd) => readFileSync(fd));
    return this.whole;
  }

  private readRange(at: number, length: number, key: string): Buffer {
    return this.withFile(key, (fd) => {
      const bytes = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, bytes, done, length - done, at + done);
        if (n === 0) break;
        done += n;
      }
      return bytes.subarray(0, done);
    });
  }

  private withFile<T>(key: string, use: (fd: number) => T): T {
    let fd: number | undefined;
    try {
      fd = openSync(this.file, 'r');
      if (fstatSync(fd).ino !== this.ino) throw new CacheEntryGone(key);
      return use(fd);
    } catch (error) {
      if (error instanceof CacheEntryGone) throw error;
      throw new CacheEntryGone(key);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** The first line of a heads frame: the pack's identity and the cold file's inode (-1: none). */
interface FrameIdentity {
  ino: number;
  size: number;
  cold: number;
}

export function readHeads(file: string, format: string, pack: { ino: number; size: number } | undefined): Heads | undefined {
  lastRead.delete(file);
  if (pack === undefined) return undefined;
  const frames = readFrames(file, framesFormat(format));
  if (frames === undefined) return undefined;
  try {
    const heads = new Map<string, Head>();
    let identity: FrameIdentity | undefined;
    let bytes = 0;
    for (const [f, body] of frames.bodies.entries()) {
      if (f > 0) bytes += body.length;
      const lines = body.split('\n');
      identity = JSON.parse(lines[0] ?? '') as FrameIdentity;
      if (!applyFrame(lines, heads)) return undefined;
    }
    if (!identity || identity.ino !== pack.ino || identity.size > pack.size || typeof identity.cold !== 'number') return undefined;
    const read: Heads = { pack: { ino: identity.ino, size: identity.size }, heads, ...(identity.cold >= 0 ? { cold: new ColdFile(coldFileOf(file), identity.cold) } : {}) };
    if (!frames.tail) lastRead.set(file, { heads: read, id: frames.id, frames: frames.bodies.length, bytes });
    return read;
  } catch {
    return undefined;
  }
}

/**
 * Write the heads file. When this process read it and it is still that file, of the same pack
 * (inode), only the heads that changed and those gone are appended as one frame (their cold parts
 * appended to the cold file first); otherwise (and after MAX_FRAMES, or when the appended frames
 * have grown past half the file) it is rewritten whole with its cold file, in chunks of ~256 KB
 * (`CHUNK`): `heads` may compute each head's JSON as it is iterated, so that the file's ~100 MB at
 * 100k entries are never in memory at once.
 */
export function writeHeads(file: string, format: string, heads: HeadsToWrite): void {
  drain(writeHeadsSteps(file, format, heads));
}

/**
 * What `writeHeads` writes: the pack's identity, every head, and the cold file the places of the
 * heads read from the file are in (`Heads.cold`; else the one this process read last, if any).
 */
export interface HeadsToWrite {
  pack: Heads['pack'];
  heads: Iterable<[string, Head]>;
  cold?: ColdFile | undefined;
}

/** A head differs from the one read (the JSON of an unchanged head is the very string read: compared by reference first). */
function changedHead(o: Head | undefined, h: Head): boolean {
  return !o || o.offset !== h.offset || o.length !== h.length || o.json !== h.json || o.cold !== h.cold;
}

/**
 * `writeHeads` a step at a time (src/cache/steps.ts): a file rewritten whole is written a chunk
 * per step, and each chunk's heads are made in the step that writes it.
 */
export function* writeHeadsSteps(file: string, format: string, heads: HeadsToWrite): Steps {
  const read = lastRead.get(file);
  lastRead.delete(file);
  const cold = heads.cold ?? read?.heads.cold;
  if (read && read.heads.pack.ino === heads.pack.ino && read.frames < MAX_FRAMES) {
    const old = read.heads.heads;
    const set: [string, Head][] = [];
    const gone: string[] = [];
    let inOld = 0;
    const seen = new Set<string>();
    for (const [key, h] of heads.heads) {
      seen.add(key);
      const o = old.get(key);
      if (o) inOld++;
      if (changedHead(o, h)) set.push([key, h]);
    }
    if (inOld < old.size) for (const key of old.keys()) if (!seen.has(key)) gone.push(key);
    if (appendFrameOf(file, format, heads.pack, read, set, gone)) return;
    // Not appended: the iterable was used up; it is rewritten from the heads just compared.
    const next = new Map(old);
    for (const [key, h] of set) next.set(key, h);
    for (const key of gone) next.delete(key);
    yield* writeWholeSteps(file, format, heads.pack, next, cold);
    return;
  }
  yield* writeWholeSteps(file, format, heads.pack, heads.heads, cold);
}

/**
 * Append to the heads file, as `writeHeads` would, the frame of a build that knows which heads it
 * may have changed (`set`: every other head it used is the one read, unchanged) and which are gone:
 * the 10k heads a one-change rebuild served unchanged are not iterated and compared. The frame is
 * the one `writeHeads` appends (heads in the order given, the ones equal to those read left out,
 * then the gone). False when it cannot append (the file was not read by this process, is of
 * another pack, has too many frames, or the frames would pass half its size; or the append
 * failed): the caller then calls `writeHeads` with every head.
 */
export function appendHeads(file: string, format: string, pack: Heads['pack'], set: Iterable<[string, Head]>, gone: Iterable<string>): boolean {
  const read = lastRead.get(file);
  if (!read || read.heads.pack.ino !== pack.ino || read.frames >= MAX_FRAMES) return false;
  const old = read.heads.heads;
  const changed: [string, Head][] = [];
  for (const [key, h] of set) if (changedHead(old.get(key), h)) changed.push([key, h]);
  if (!appendFrameOf(file, format, pack, read, changed, [...gone])) return false;
  lastRead.delete(file);
  return true;
}

/** The hot part of a head's text (before its first tab) and the rest (undefined: none). */
function splitHead(json: string): { hot: string; cold: string | undefined } {
  const sep = json.indexOf(COLD_SEP);
  return sep < 0 ? { hot: json, cold: undefined } : { hot: json.slice(0, sep), cold: json.slice(sep + 1) };
}

/**
 * Append a frame of the heads `set` and the keys `gone` to the heads file `read` from, the cold
 * parts of the heads made by this build appended to its cold file first (one write at its end).
 * False when nothing was appended to the heads file (the caller writes it whole).
 */
function appendFrameOf(file: string, format: string, pack: Heads['pack'], read: { heads: Heads; id: FileId; bytes: number }, set: readonly [string, Head][], gone: readonly string[]): boolean {
  const cold = read.heads.cold;
  const split = set.map(([key, h]) => ({ key, h, ...splitHead(asciiJson(h.json)) }));
  const parts = split.flatMap((x) => (x.cold === undefined ? [] : [x.cold]));
  // The frame's size, each place counted at its longest (offset and CRC of 10 digits, length of 8).
  let size = JSON.stringify({ ...pack, cold: cold?.ino ?? -1 }).length + 66 * gone.length;
  for (const x of split) size += 64 + x.hot.length + 60;
  if (read.bytes + size >= read.id.size / 2) return false;
  let places: readonly string[] = [];
  if (parts.length > 0) {
    const appended = cold === undefined ? undefined : appendCold(cold, parts);
    if (appended === undefined) return false;
    places = appended;
  }
  let body = JSON.stringify({ ...pack, cold: cold?.ino ?? -1 });
  let p = 0;
  for (const { key, h, hot, cold: part } of split) body += `\n${key} ${h.offset} ${h.length} ${part === undefined ? (h.cold ?? '-') : places[p++]} ${hot}`;
  for (const key of gone) body += `\n-${key}`;
  return appendFrame(file, framesFormat(format), body, read.id) !== undefined;
}

/**
 * Append `parts` (ASCII) to the end of the cold file, if it is still the one the heads name (its
 * inode): their places (`Head.cold`), or undefined when they could not be appended.
 */
function appendCold(cold: ColdFile, parts: readonly string[]): string[] | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(cold.file, 'r+');
    const s = fstatSync(fd);
    if (s.ino !== cold.ino) return undefined;
    const buf = Buffer.from(parts.join(''), 'latin1');
    const places: string[] = [];
    let at = 0;
    for (const part of parts) {
      places.push(`${s.size + at},${part.length},${crc32(buf.subarray(at, at + part.length))}`);
      at += part.length;
    }
    writeFully(fd, buf, s.size);
    return places;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;

/**
 * JSON text with every character past ASCII written as a `\uXXXX` escape (each UTF-16 unit; the
 * same value when parsed). The heads file is then ASCII throughout: decoded, it is a one-byte
 * string, half the memory of the two-byte string that one accented name anywhere in 10 MB made
 * of all of it, and so are the keys and heads sliced from it and the strings `JSON.parse` makes.
 */
export function asciiJson(json: string): string {
  if (!NON_ASCII.test(json)) return json;
  return json.replace(NON_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A chunk of a heads file rewritten whole: ~250 heads of a 10k-article blog, a few ms of a build's
 * main thread to make (`headJson`), which a build runs between its feeds' writes (`writeHeadsSteps`).
 */
const CHUNK = 1 << 18;

/**
 * The heads file and its cold file written anew, a chunk of each per step. The cold parts of heads
 * read from the old cold file (`old`) are read from it (whole, once; a part that cannot be read
 * leaves its head out: a miss next time). The cold file is in place before the heads file that
 * names it, and `old` was read whole before it was replaced, so that the articles this build
 * serves still read their parts.
 */
function* writeWholeSteps(file: string, format: string, pack: Heads['pack'], heads: Iterable<[string, Head]>, old: ColdFile | undefined): Steps {
  const coldOut = AtomicFile.create(coldFileOf(file));
  try {
    const ino = coldOut.ino;
    coldOut.append(Buffer.from(`${format} cold\n`));
    function* chunks(): Generator<string> {
      let chunk = JSON.stringify({ ...pack, cold: ino });
      let cold = '';
      const flushCold = (): void => {
        if (cold.length === 0) return;
        coldOut.append(Buffer.from(cold, 'latin1'));
        cold = '';
      };
      for (const [key, h] of heads) {
        let { hot, cold: part } = splitHead(asciiJson(h.json));
        if (part === undefined && h.cold !== undefined) {
          try {
            part = old?.text(h.cold, key);
          } catch {
            part = undefined;
          }
          if (part === undefined) continue;
        }
        let place = '-';
        if (part !== undefined) {
          place = `${coldOut.at + cold.length},${part.length},${crc32(Buffer.from(part, 'latin1'))}`;
          cold += part;
        }
        chunk += `\n${key} ${h.offset} ${h.length} ${place} ${hot}`;
        if (chunk.length >= CHUNK) {
          flushCold();
          yield chunk;
          chunk = '';
        }
      }
      flushCold();
      // The articles served from the old file keep reading their parts from memory.
      try {
        old?.load('');
      } catch {
        // Not this build's file any more: its parts were unreadable already.
      }
      coldOut.commit();
      yield chunk;
    }
    yield* writeFramesSteps(file, framesFormat(format), chunks());
  } finally {
    coldOut.abandon();
  }
}

/**
 * Apply the lines of a frame body after its first (the pack's identity) to `heads`:
 * `-<key>` removes a head, `<key> <offset> <length> <cold> <json>` sets one. False at a malformed line.
 */
function applyFrame(lines: readonly string[], heads: Map<string, Head>): boolean {
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.charCodeAt(0) === 45 && line.length === 65) {
      heads.delete(line.slice(1));
      continue;
    }
    const a = line.indexOf(' ', 65);
    const b = line.indexOf(' ', a + 1);
    const c = line.indexOf(' ', b + 1);
    if (line.charCodeAt(64) !== 32 || a < 0 || b < 0 || c < 0) return false;
    const offset = Number(line.slice(65, a));
    const length = Number(line.slice(a + 1, b));
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) return false;
    const json = line.slice(c + 1);
    heads.set(line.slice(0, 64), c === b + 2 && line.charCodeAt(b + 1) === 45 ? { offset, length, json } : { offset, length, json, cold: line.slice(b + 1, c) });
  }
  return true;
}

const SOURCED = new Set(['id', 'slug', 'title', 'link', 'authors', 'published', 'updated', 'tags', 'summary', 'image', 'lang']);
const DATES = new Set(['published', 'updated']);

/**
 * The head of an entry: its article without the body fields, dates as numbers, and each plain
 * `Sourced` value (`{ value, from }` or `{ value, from, line }`) as `[value, from, line?]`: a
 * third of the bytes to parse. Anything else (a link's rule, a date's offset) stays an object.
 */
export function headOf(entry: ArticleEntry): unknown {
  const a = entry.article;
  if (!a) return entry;
  // Spread of a lazily decoded article reads the body: build the head field by field instead.
  const article: Record<string, unknown> = {};
  for (const k of articleKeys(a)) {
    // The body fields are not read: on a packed article each read is a read of its record.
    if ((LAZY as readonly string[]).includes(k)) {
      article[k] = 0;
      continue;
    }
    const v = (a as unknown as Record<string, unknown>)[k];
    if (SOURCED.has(k)) {
      const src = v as { value: unknown; from: string; line?: number };
      const value = DATES.has(k) ? (src.value as Date).getTime() : src.value;
      const keys = Object.keys(src);
      if (keys.length === 2 && keys[0] === 'value' && keys[1] === 'from') article[k] = [value, src.from];
      else if (keys.length === 3 && keys[0] === 'value' && keys[1] === 'from' && keys[2] === 'line') article[k] = [value, src.from, src.line];
      else article[k] = { ...src, value };
    } else article[k] = v;
  }
  const head: Record<string, unknown> = { ...entry, article };
  // A pending `checked` is on the entry's prototype (`pendingChecked`), where a spread does not see it: the last key, as stored.
  if (!Object.hasOwn(entry, 'checked') && entry.checked !== undefined) head.checked = entry.checked;
  return head;
}

/** Where an article served from a head keeps the state of its body (not enumerable: not copied, not serialised). */
const BODY = Symbol('feedwright.body');

interface BodyState {
  /** Reads the body of the entry stored under `key` from its record in the pack (one function per cache, not per article). */
  read: (key: string) => Pick<Article, 'contentHtml' | 'contentText' | 'dropped'>;
  key: string;
  loaded?: Pick<Article, 'contentHtml' | 'contentText' | 'dropped'>;
  /** The cold part of the head (`headJson`), as read; parsed on the first read of a cold field. */
  cold?: string;
  /**
   * Reads the rest of the head stored under `key` (its cold part, and its `checked` part after a
   * tab) from the cold file (one function per cache), when the head was read without them.
   */
  coldRead?: (key: string) => string;
  coldValues?: Record<string, unknown>;
  /** Values set on the article, which win over the record's and the head's. */
  own?: Record<string, unknown>;
}

/**
 * The accessors of a body field, one pair for every article (each article's state is under
 * `BODY`): ten thousand articles served from the heads make no closures and no per-article
 * accessor objects, which a rebuild's scavenges would otherwise copy (src/cache/heads.ts, r9).
 */
function bodyAccessor(k: (typeof LAZY)[number]): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: { [BODY]: BodyState }): unknown {
      const state = this[BODY];
      if (state.own && k in state.own) return state.own[k];
      state.loaded ??= state.read(state.key);
      return state.loaded[k];
    },
    set(this: { [BODY]: BodyState }, v: never): void {
      const state = this[BODY];
      state.own ??= {};
      state.own[k] = v;
    },
  };
}

/** The accessors of a cold field (`HOT`), shared as the body's are: the cold part is parsed once, on the first read of any. */
const coldAccessors = new Map<string, PropertyDescriptor>();
function coldAccessor(k: string): PropertyDescriptor {
  const known = coldAccessors.get(k);
  if (known) return known;
  const made: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: { [BODY]: BodyState }): unknown {
      const state = this[BODY];
      if (state.own && k in state.own) return state.own[k];
      state.coldValues ??= expanded(JSON.parse(coldText(state)) as Record<string, unknown>);
      return state.coldValues[k];
    },
    set(this: { [BODY]: BodyState }, v: never): void {
      const state = this[BODY];
      state.own ??= {};
      state.own[k] = v;
    },
  };
  coldAccessors.set(k, made);
  return made;
}

const BODY_ACCESSORS: Readonly<Record<(typeof LAZY)[number], PropertyDescriptor>> = {
  contentHtml: bodyAccessor('contentHtml'),
  contentText: bodyAccessor('contentText'),
  dropped: bodyAccessor('dropped'),
};

/**
 * The fields of an article that a rebuild reads for every article, the ones it copies as well as
 * the ones it renders (sorting, duplicates, the feeds' item keys and the change summary): they are
 * parsed with the entry. Every other field (authors, tags, summary, slug, paths, ...) is in the
 * head's cold part, parsed on the first read of any of them: a rebuild that copies the items of
 * unchanged articles never reads them, one with tag or author feeds reads them for all.
 */
const HOT: ReadonlySet<string> = new Set(['id', 'title', 'link', 'published', 'updated', 'relPath']);

/** A tab never occurs in JSON text (JSON.stringify escapes it): it separates a head's hot and cold parts. */
const COLD_SEP = '\t';

/**
 * The head of an entry as the heads file keeps it (`Head.json`): the entry and its article's hot
 * fields as JSON (`headOf`'s compact form; every other field of the article is there as a `0`, to
 * keep the order of the keys), a tab, then the other fields of the article as JSON; for an entry
 * with `checked` (its items' hashes and findings), a second tab and `checked` as JSON, the entry
 * holding a `0` in its place. ASCII only.
 */
export function headJson(entry: ArticleEntry): string {
  const head = headOf(entry) as { article?: Record<string, unknown>; checked?: unknown };
  const compact = head.article;
  if (!compact) return asciiJson(JSON.stringify(head));
  const checked = head.checked === undefined ? '' : `${COLD_SEP}${JSON.stringify(head.checked)}`;
  if (checked) head.checked = 0;
  const cold: Record<string, unknown> = {};
  const hot: Record<string, unknown> = {};
  for (const k of Object.keys(compact)) {
    if (HOT.has(k) || (LAZY as readonly string[]).includes(k)) hot[k] = compact[k];
    else {
      cold[k] = compact[k];
      hot[k] = 0;
    }
  }
  return asciiJson(`${JSON.stringify({ ...head, article: hot })}${COLD_SEP}${JSON.stringify(cold)}${checked}`);
}

/** The cold part of an article served from a head, read from the cold file on first use (`BodyState.coldRead`). */
function coldText(state: BodyState): string {
  if (state.cold === undefined && state.coldRead !== undefined) state.cold = splitHead(state.coldRead(state.key)).hot;
  return state.cold ?? '{}';
}

/**
 * Where an entry served from a head keeps its `checked` until read: the JSON text (or, for a head
 * read without its cold part, its article's `BodyState`, which reads it), then the parsed value.
 */
const CHECKED = Symbol('feedwright.checked');

type PendingChecked = string | BodyState | ArticleEntry['checked'];

/** True for a `checked` not parsed yet: its text, or the state that reads it (an object, not an array). */
function isPending(v: PendingChecked): v is string | BodyState {
  return typeof v === 'string' || (typeof v === 'object' && v !== null && !Array.isArray(v));
}

/** The accessor of `checked` on an entry served from a head (one for all entries): parsed on first read. */
const CHECKED_ACCESSOR: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: { [CHECKED]: PendingChecked }): ArticleEntry['checked'] {
    const v = this[CHECKED];
    if (!isPending(v)) return v;
    const text = typeof v === 'string' ? v : (splitHead((v.coldRead as (key: string) => string)(v.key)).cold ?? '');
    const parsed = JSON.parse(text) as ArticleEntry['checked'];
    this[CHECKED] = parsed;
    return parsed;
  },
  set(this: { [CHECKED]: PendingChecked }, v: ArticleEntry['checked']): void {
    this[CHECKED] = v;
  },
};

/** The prototype of entries whose `checked` is pending (`pendingChecked`). */
const PENDING_CHECKED: object = Object.create(Object.prototype, { checked: CHECKED_ACCESSOR });

/**
 * The entry (parsed from a head's hot part, `checked` its last key, a 0) made again with every
 * other key its own, in order, and `checked` an accessor on a shared prototype that parses `text`
 * on first read. Setting it stores the value under the symbol, as reading does.
 */
function pendingChecked(parsed: ArticleEntry, text: string | BodyState): ArticleEntry {
  const out = Object.create(PENDING_CHECKED) as Record<string | symbol, unknown>;
  const from = parsed as unknown as Record<string, unknown>;
  for (const k in from) if (k !== 'checked') out[k] = from[k];
  out[CHECKED] = text;
  return out as unknown as ArticleEntry;
}

/**
 * An entry's keys in order: its own, enumerable keys, and `checked` last when it is pending on
 * the entry's prototype (`entryOfHead`).
 */
export function entryKeys(entry: ArticleEntry): string[] {
  const keys = Object.keys(entry);
  if (CHECKED in entry && !Object.hasOwn(entry, 'checked')) keys.push('checked');
  return keys;
}

/** True when the entry's `checked` is still the unparsed text of its head (`entryOfHead`): reading it parses it. */
export function checkedPending(entry: ArticleEntry): boolean {
  const v = (entry as { [CHECKED]?: PendingChecked })[CHECKED];
  return v !== undefined && isPending(v);
}

/**
 * Provenance names (`from`) as one string each: JSON.parse makes a new string of every value
 * longer than a few characters ("front-matter"), three of them per served article, kept as long
 * as the article is. Bounded: past 64 names the parsed one is kept.
 */
const fromNames = new Map<unknown, unknown>();

function fromName(name: unknown): unknown {
  const known = fromNames.get(name);
  if (known !== undefined) return known;
  if (fromNames.size < 64 && typeof name === 'string') fromNames.set(name, name);
  return name;
}

/** The `Sourced` value of a compact `[value, from]` or `[value, from, line]` (`headOf`), its value given. */
function sourced(value: unknown, compact: readonly unknown[]): unknown {
  const from = fromName(compact[1]);
  return compact.length > 2 ? { value, from, line: compact[2] } : { value, from };
}

/** A field of a head's article (compact, `headOf`) as the article holds it: a date as a Date, a Sourced value as an object. */
function expand(k: string, v: unknown): unknown {
  if (!SOURCED.has(k)) return v;
  if (Array.isArray(v)) return sourced(DATES.has(k) ? new Date(v[0] as number) : v[0], v);
  if (DATES.has(k)) {
    const src = v as { value: unknown };
    src.value = new Date(src.value as number);
  }
  return v;
}

/** The fields of a head's cold part, expanded (`expand`). */
function expanded(compact: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(compact)) compact[k] = expand(k, compact[k]);
  return compact;
}

/** Where the prototype of an article served from a head keeps the article's keys in stored order (`articleKeys`). */
const KEYS = Symbol('feedwright.keys');

/**
 * The prototype of the articles served from heads with one key order: the accessors of their
 * body fields and (with a cold part) of their cold fields, and the keys in stored order; `own`,
 * the keys each article holds itself (the hot ones), in that order.
 */
interface HeadShape {
  keys: readonly string[];
  cold: boolean;
  proto: object;
  own: readonly string[];
  /** How each of `own` is expanded (`expand`): 0 as is, 1 a `Sourced` value, 2 a `Sourced` date. */
  ownKinds: readonly number[];
}

/** The shapes made so far (a corpus has a few key orders; each article's keys are compared with the last shape's first). */
const shapes: HeadShape[] = [];
let lastShape: HeadShape | undefined;

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when `object`'s own enumerable keys are `keys`, in order (no array of them made: 10k heads are matched per rebuild). */
function hasKeys(object: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in object) if (k !== keys[i++]) return false;
  return i === keys.length;
}

/** The shape of a head's article `compact` (parsed JSON: own enumerable keys only). */
function shapeOfArticle(compact: object, cold: boolean): HeadShape {
  if (lastShape !== undefined && lastShape.cold === cold && hasKeys(compact, lastShape.keys)) return lastShape;
  return shapeOf(Object.keys(compact), cold);
}

function shapeOf(keys: readonly string[], cold: boolean): HeadShape {
  if (lastShape !== undefined && lastShape.cold === cold && sameKeys(lastShape.keys, keys)) return lastShape;
  let shape = shapes.find((s) => s.cold === cold && sameKeys(s.keys, keys));
  if (shape === undefined) {
    const proto: Record<string | symbol, unknown> = {};
    const own: string[] = [];
    for (const k of keys) {
      if ((LAZY as readonly string[]).includes(k)) Object.defineProperty(proto, k, BODY_ACCESSORS[k as (typeof LAZY)[number]] as PropertyDescriptor);
      else if (cold && !HOT.has(k)) Object.defineProperty(proto, k, coldAccessor(k));
      else own.push(k);
    }
    Object.defineProperty(proto, KEYS, { value: [...keys] });
    shape = { keys: [...keys], cold, proto, own, ownKinds: own.map((k) => (DATES.has(k) ? 2 : SOURCED.has(k) ? 1 : 0)) };
    // Bounded: a pathological cache with many key orders only costs the search.
    if (shapes.length < 64) shapes.push(shape);
  }
  lastShape = shape;
  return shape;
}

/**
 * An article's keys in order: its own, enumerable keys, or for an article served from a head
 * (`entryOfHead`, whose body and cold fields are accessors on a prototype shared by the articles
 * of its key order) the keys of the stored article, own or not.
 */
export function articleKeys(article: Article): readonly string[] {
  return (article as unknown as { [KEYS]?: readonly string[] })[KEYS] ?? Object.keys(article);
}

/**
 * The article as a plain object with every field its own, enumerable property in its order, as
 * a spread gives it for any other article (each field read: a body from its record in the pack),
 * with `changes` applied; an article with no prototype fields and no changes is returned as is.
 */
export function ownArticle(article: Article, changes?: Partial<Article>): Article {
  const keys = (article as unknown as { [KEYS]?: readonly string[] })[KEYS];
  if (keys === undefined) return changes === undefined ? article : { ...article, ...changes };
  const out: Record<string, unknown> = {};
  const from = article as unknown as Record<string, unknown>;
  for (const k of keys) out[k] = from[k];
  return (changes === undefined ? out : Object.assign(out, changes)) as unknown as Article;
}

/**
 * The entry of a head (`headJson`; a head of one JSON text, without a cold part, is read whole),
 * its article's body fields read on first access with `body(key)` (which reads the record from the
 * pack), its cold fields on first access from the head's cold part, and its `checked` on first
 * access from the head's last part (both read with `cold(key)` from the cold file, `ColdFile`, for a
 * head read without them: `Head.cold`), an accessor on the entry's prototype (`pendingChecked`; its keys
 * in order through `entryKeys`). Its article holds the hot fields (`HOT`) as its own; its body and cold
 * fields are accessors on a prototype shared by every article of its key order (`shapeOf`): the
 * same keys in the same order through `articleKeys`, and a plain copy through `ownArticle`, which
 * the build's `result.articles()` gives (src/build.ts). Making an article so costs about half of
 * defining nine accessors on each (docs/BENCHMARKS.md, r15-onechange). The accessors keep each
 * article's state under a symbol: ten thousand articles make no closures, and a rebuild that
 * copies their items never makes their 30k item hashes.
 */
export function entryOfHead(
  json: string,
  body: (key: string) => Pick<Article, 'contentHtml' | 'contentText' | 'dropped'>,
  key: string,
  cold?: (key: string) => string,
): ArticleEntry {
  const sep = json.indexOf(COLD_SEP);
  let entry = JSON.parse(sep < 0 ? json : json.slice(0, sep)) as ArticleEntry & { article?: Record<string, unknown> };
  const compact = entry.article;
  if (!compact) return entry;
  const state: BodyState = { read: body, key };
  if (sep < 0 && cold !== undefined) {
    // Read without its cold part (`Head.cold`): read from the cold file when a cold field or `checked` is.
    state.coldRead = cold;
    if ((entry as { checked?: unknown }).checked === 0) entry = pendingChecked(entry as ArticleEntry, state) as typeof entry;
  } else if (sep >= 0) {
    const last = json.indexOf(COLD_SEP, sep + 1);
    state.cold = last < 0 ? json.slice(sep + 1) : json.slice(sep + 1, last);
    // `checked` was written as a 0 in its place, the entry's last key (`headJson`): the entry is
    // made again on a prototype whose accessor parses it on first read (defining an accessor in
    // place of the 0 on each entry cost ~2 ms per 1k entries).
    if (last >= 0 && (entry as { checked?: unknown }).checked === 0) entry = pendingChecked(entry as ArticleEntry, json.slice(last + 1)) as typeof entry;
  }
  const shape = shapeOfArticle(compact, sep >= 0 || cold !== undefined);
  const article = Object.create(shape.proto) as Record<string | symbol, unknown>;
  Object.defineProperty(article, BODY, { value: state, writable: true });
  const { own, ownKinds } = shape;
  for (let i = 0; i < own.length; i++) {
    const k = own[i] as string;
    const v = compact[k];
    // `expand`, its test of the key done once per shape; the usual `[value, from]` made here.
    article[k] = ownKinds[i] !== 0 && Array.isArray(v) ? sourced(ownKinds[i] === 2 ? new Date(v[0] as number) : v[0], v) : ownKinds[i] === 0 ? v : expand(k, v);
  }
  (entry as ArticleEntry).article = article as unknown as Article;
  return entry;
}
