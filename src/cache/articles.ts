import { createHash } from 'node:crypto';
import path from 'node:path';
import { deserialize } from 'node:v8';
import type { FeedwrightConfig } from '../config/schema.js';
import type { ItemDiagnostic } from '../feeds/compose-check.js';
import type { Article, Diagnostic } from '../model.js';
import type { SourceFile } from '../sources/files.js';
import { CODE_ID } from '../version.js';
import { appendHeads, CacheEntryGone, type Head, type Heads, entryOfHead, headJson, readHeads, writeHeadsSteps } from './heads.js';
import { articleKey, gitDatesText, hashText, type KeyBase } from './key.js';
import { frameRecord, Pack, RECORD_HEAD } from './pack.js';
import { encodeRecord, INLINE } from './record.js';
import { drain, type LaterWrites, type Steps } from './steps.js';

export { encodeEntry } from './record.js';
import { type CacheState, type FileStamp, forgetState, readState, stampMatches, writeState } from './state.js';

/**
 * The cache of parsed and resolved articles.
 *
 * An entry is the complete result of reading and resolving one source (the Article, or its
 * draft/error status, and every diagnostic), stored under a key that hashes everything the result
 * depends on:
 *   - the cache format and feedwright's version (a new release may parse differently);
 *   - the config keys that reading and resolving use (not `limit`, `out`, file names, ...);
 *   - the source's kind, relative path and display path (ids, slugs and diagnostics use them);
 *   - the SHA-256 of the decoded text;
 *   - the file's git dates, when git is on;
 *   - for scraped text, the site template learned from all text sources.
 * Two inputs are checked when an entry is used rather than keyed, since few results use them:
 *   - the file's mtime (whole seconds), only when a date fell back to it;
 *   - the build clock: an entry published in the future of this build is recomputed (held back),
 *     and text/HTML whose dates were read relative to the clock ("2 hours ago", "March 5") are
 *     never stored (detected by reading them against a second reference date).
 */
/**
 * Part of every key. Bumped when the same source, config and version would now resolve to a
 * different article (new extraction or front-matter rules), so that no entry made by the old
 * rules is served to a build from a checkout between releases. 3: the byline, date and
 * front-matter rules of 2026-11-28; 4: Markdown summaries without code, headings and what follows <!--more-->;
 * 5: RSS descriptions escaped as HTML text, raster-only data: images, years outside 1-9999 refused
 * (the entries hold rendered items).
 * 6: Markdown footnotes, template code rendered or removed, the nesting guard, authors with parentheses.
 * 7: one date reader (month-only, year-less and time-only strings are not dates; stated offsets kept), encodings.
 * 8: HTML titles and authors chosen among scored candidates.
 * 9: the text body's fitted line model and re-joined hard-wrapped lines.
 * 11: links checked against real Jekyll/Hugo builds (percent-escaped permalinks, Hugo HTML files
 * without front matter, removePathAccents) and YAML flow lists closed at column 1.
 * 14: the Docusaurus preset (`<!--truncate-->` ends a summary), author URLs as URIs, MDX link
 * destinations, the text header below a headline, HTML date-line authors, glued numeric dates,
 * and the sites' rules of 2026-12-07 (Zola bundle dates, Hexo asset folders, kramdown figures).
 * 15: authors in one shape ({ name, email, url }) and packed lists (v8.serialize wrote holey arrays
 * as sparse ones, so a record's bytes depended on the JIT's state).
 */
export const CACHE_FORMAT = 'feedwright-articles-15';
const FORMAT = CACHE_FORMAT;

/**
 * Where a build's caches live and what they are for: the config (its `cache` folder, relative to
 * `root`), the articles and output folders, and how paths are shown. A build's `BuildPaths`
 * (src/pipeline/paths.ts) is one; named here so that the cache, which is storage only, imports
 * nothing from the pipeline that uses it.
 */
export interface CachePaths {
  loaded: { config: FeedwrightConfig; root: string };
  articlesDir: string;
  outDir: string;
  display: (abs: string) => string;
}

/** What the article pipeline (src/pipeline/article.ts) made of one source, as stored. */
export interface ArticleEntry {
  status: 'ok' | 'draft' | 'future' | 'section' | 'error';
  article?: Article;
  diagnostics: Diagnostic[];
  /** The mtime (whole seconds) a date fell back to, or null when the result does not depend on it. */
  mtimeSec: number | null;
  /** False when the result depends on the build clock beyond the future check. */
  cacheable: boolean;
  /** For an article: its item in each format, by hash, with the validator's findings (src/pipeline/article.ts). */
  checked?: Array<[hash: string, diagnostics: ItemDiagnostic[]]>;
}

/** Config keys that do not change how an article is read or resolved. */
const OUTPUT_ONLY_KEYS: ReadonlySet<string> = new Set(['limit', 'out', 'files', 'feeds', 'archive', 'hubs', 'stylesheet', 'index', 'cache', 'title', 'description']);

export { hashText, type KeyBase } from './key.js';

export interface ArticleCache {
  /** The stored stamp when it proves the file unchanged (its text need not be read). */
  stamp(file: SourceFile): FileStamp | undefined;
  /**
   * Remember the hash of a file's text for the next build, and its cache key when given (made by
   * the thread that parsed it, as `key` makes it): kept in its stamp as `key` keeps the keys it makes.
   */
  record(file: SourceFile, hash: string, key?: string): void;
  /** The stored template, if it was learned from exactly these text hashes. */
  templateFor(textHashes: readonly string[]): ReadonlySet<string> | undefined;
  learnTemplate(lines: ReadonlySet<string>, textHashes: readonly string[]): ReadonlySet<string>;
  setGit(git: ReadonlyMap<string, { first: Date; last: Date }>): void;
  key(file: SourceFile, hash: string): string;
  /**
   * What `key` adds to a source's own inputs, for a parse worker that keys the sources it reads
   * (`articleKey` in src/cache/key.ts gives the same keys); undefined without a cache (no keys).
   * Read after `learnTemplate` or `templateFor`, when it matters for scraped text.
   */
  readonly keyBase: KeyBase | undefined;
  /**
   * What every key shares besides the source's own inputs (format, version, config, the site
   * template once known): equal contexts and equal per-source inputs give equal keys.
   */
  readonly keyContext: string;
  get(key: string, file: SourceFile): ArticleEntry | undefined;
  /**
   * Store the entry; returns it as the build should keep it: an article whose record is in the
   * pack reads its body from there when asked (not kept in memory, src/cache/articles.ts `packed`),
   * unless `keepBody` (a build small enough to hold every body: src/pipeline/load.ts
   * LOAD_LIMITS.bodyBudget), when the entry is kept as it came and no record is read back.
   */
  set(key: string, entry: ArticleEntry, keepBody?: boolean): ArticleEntry;
  /**
   * Store an entry whose record was made already, framed for the pack under `key` (`encodeRecord`
   * in src/cache/record.ts and `frameRecord` in src/cache/pack.ts, by the parse worker that parsed
   * it): as `set` without `keepBody`, but `entry` is the entry as the record's head holds it
   * (src/cache/pack.ts `recordHead`): without its body when `split` (the body is read back from
   * the record), else the whole entry.
   */
  setRecord(key: string, entry: ArticleEntry, record: Buffer, split: boolean): ArticleEntry;
  /** Write the pack and the state, then the heads (or leave those to `CacheOptions.later`). */
  save(): void;
  /** Damaged records or state found (tests). */
  readonly corrupt: number;
  /** Entries decoded from the pack by this build (not served from a session's memory). */
  readonly decoded: number;
  /** Keys hashed by `key` (not taken from a stamp: src/cache/state.ts `FileStamp.key`). */
  readonly keysHashed: number;
  readonly enabled: boolean;
}

/**
 * The cache folder's files for a build: one pack shared by all; per articles folder, the state, the
 * heads, and the memos of what the site readers computed from single files (site/file-memo.ts) and
 * of the git history at a commit (meta/git.ts).
 */
export function cacheFiles(paths: CachePaths): { pack: string; state: string; heads: string; site: string; git: string } | undefined {
  const dir = paths.loaded.config.cache;
  if (dir === false) return undefined;
  const root = path.resolve(paths.loaded.root, dir);
  const id = createHash('sha256').update(paths.articlesDir).digest('hex').slice(0, 16);
  return {
    pack: path.join(root, 'articles.pack'),
    state: path.join(root, `state-${id}.json`),
    heads: path.join(root, `heads-${id}.json`),
    site: path.join(root, `site-${id}.json`),
    git: path.join(root, `git-${id}.json`),
  };
}

/**
 * 4: a sequence of CRC-checked frames, later builds appending what changed (src/cache/frames.ts, heads.ts); 5: ASCII only (`asciiJson`), each head in a hot and a cold part (`headJson`); 6: `checked` in a third part, parsed when read;
 * 7: the cold and `checked` parts in a file of their own, read by place when asked (`ColdFile`).
 */
const HEADS_FORMAT = `feedwright-heads-7 ${FORMAT} ${CODE_ID}`;

/** Options of `openArticleCache`. */
export interface CacheOptions {
  /** Serve unchanged entries from the heads file (src/cache/heads.ts); false: decode them from the pack. */
  heads?: boolean;
  /**
   * Where `save` leaves the write of the heads (src/cache/steps.ts), which the caller runs later: a
   * build runs it while it composes and writes its feeds (~10 MB of heads made and written at 10k
   * articles, on a main thread that otherwise waits for the feeds' writes). Without it, `save`
   * writes everything before it returns. The pack and the state are written by `save` either way.
   */
  later?: LaterWrites;
}

/**
 * Open the cache for one build. `memo`, kept by a watch session between its builds, holds the
 * entries of the previous build by key: an entry is a pure function of its key, so a hit skips
 * the pack (and decoding) with the same result; the checks on mtime and the clock still apply.
 */
export function openArticleCache(paths: CachePaths, now: Date, memo?: Map<string, ArticleEntry>, options: CacheOptions = {}): ArticleCache {
  const { config } = paths.loaded;
  const files = cacheFiles(paths);
  const configHash = hashText(JSON.stringify(Object.entries(config).filter(([k]) => !OUTPUT_ONLY_KEYS.has(k))));
  let git: ReadonlyMap<string, { first: Date; last: Date }> = new Map();
  let templateHash = '';
  const textSourcesHash = (hashes: readonly string[]): string => hashText([...hashes].sort().join('\n'));
  /** The start of every key (`KeyBase.head`). */
  const keyHead = `${FORMAT}\0${CODE_ID}\0${configHash}`;

  if (files === undefined) {
    return {
      stamp: () => undefined,
      record: () => undefined,
      templateFor: () => undefined,
      learnTemplate: (lines) => lines,
      setGit: () => undefined,
      key: () => '',
      keyBase: undefined,
      keyContext: '',
      get: () => undefined,
      set: (_key, entry) => entry,
      setRecord: (_key, entry) => entry,
      save: () => undefined,
      corrupt: 0,
      decoded: 0,
      keysHashed: 0,
      enabled: false,
    };
  }

  // Opened on first use, and read record by record where the heads say (src/cache/pack.ts `lazy`):
  // a watch session's rebuild may find every entry in its memo, a rebuild every unchanged one in the heads.
  let opened: Pack | undefined;
  const pack = (): Pack => {
    if (!opened) {
      opened = Pack.lazy(files.pack);
      for (const key of served) opened.keep(key);
    }
    return opened;
  };
  // A watch session's later builds find their unchanged entries in its memory: they neither read nor write the heads.
  const session = memo !== undefined && memo.size > 0;
  const heads = options.heads === false || session ? undefined : readHeads(files.heads, HEADS_FORMAT, Pack.identity(files.pack));
  /**
   * The heads (or the session's memory) list every entry the last build used: a key they lack is
   * a miss, without reading the pack whole to look for it (an entry older than the last build,
   * such as an edit undone, is parsed again).
   */
  const indexed = heads !== undefined || session;
  /** Entries served from the heads this build, with their heads. */
  const fromHeads = new Map<string, Head>();
  /** Keys stored by this build. */
  const stored = new Set<string>();
  /** The full entry of a head, read from its record in the pack (for the body). */
  const bodyOf = (key: string, head: Head): Pick<Article, 'contentHtml' | 'contentText' | 'dropped'> => {
    const p = pack();
    p.hint(key, { offset: head.offset, length: head.length });
    const bytes = p.getBytes(key);
    const entry = bytes === undefined ? undefined : decodeEntry(bytes);
    if (!entry?.article) throw new CacheEntryGone(key);
    decoded++;
    return { contentHtml: entry.article.contentHtml, contentText: entry.article.contentText, dropped: entry.article.dropped };
  };
  /** The body of an entry served from the heads (one function for all: `entryOfHead`). */
  const headBody = (key: string): Pick<Article, 'contentHtml' | 'contentText' | 'dropped'> => {
    const head = heads?.heads.get(key);
    if (head === undefined) throw new CacheEntryGone(key);
    return bodyOf(key, head);
  };
  /** The cold part of an entry served from the heads, read from the heads' cold file (one function for all: `entryOfHead`). */
  const headCold = (key: string): string => {
    const place = heads?.heads.get(key)?.cold;
    if (place === undefined || heads?.cold === undefined) throw new CacheEntryGone(key);
    return heads.cold.text(place, key);
  };
  /** Keys served from the memo: the pack must keep them when it compacts. */
  const served = new Set<string>();
  let decoded = 0;
  const used = new Map<string, ArticleEntry>();
  const previous = readState(files.state);
  const next: CacheState = { writtenAt: 0, files: {} };
  let stateDirty = previous === undefined;
  /**
   * How the articles folder's files are shown (`SourceFile.displayPath`, part of every key): the
   * display path of a file in it is this and its relative path (src/sources/files.ts), unless
   * `shownAsListed` says otherwise.
   */
  const displayPrefix = paths.display(path.join(paths.articlesDir, 'x')).slice(0, -1);
  /**
   * What the keys kept in the state's stamps (`FileStamp.key`) were made with besides each file's
   * own inputs (its path, kind, text hash and git dates): the format, version and config (`keyHead`)
   * and the folder's display prefix. Scraped text's keys also hold the site template: they are never
   * kept. A stamp's key is used only while the state's `keys` is this.
   */
  const keysContext = `${keyHead}\0${displayPrefix}`;
  const keysAgree = previous?.keys === keysContext;
  let keysHashed = 0;
  next.keys = keysContext;
  /** The git dates a file's key holds, as its stamp keeps them (`FileStamp.git`). */
  const gitStampOf = (file: SourceFile): string | undefined => gitDatesText(git.get(file.relPath)) || undefined;
  /** Keep `key` in the stamp of `file` recorded by this build, when it is that text's and a stamp may keep it. */
  const keepKey = (file: SourceFile, hash: string, key: string): void => {
    const stamp = next.files[file.relPath];
    if (stamp === undefined || stamp.hash !== hash || file.kind === 'text' || !shownAsListed(file)) return;
    const gitStamp = gitStampOf(file);
    if (stamp.key === key && stamp.git === gitStamp) return;
    // A new object: the stamp read stays as read (the state's changes are found by comparing them).
    next.files[file.relPath] = { size: stamp.size, mtimeMs: stamp.mtimeMs, ctimeMs: stamp.ctimeMs, ino: stamp.ino, hash: stamp.hash, key, ...(gitStamp ? { git: gitStamp } : {}) };
    stateDirty = true;
  };
  const shownAsListed = (file: SourceFile): boolean =>
    file.displayPath.length === displayPrefix.length + file.relPath.length && file.displayPath.startsWith(displayPrefix) && file.displayPath.endsWith(file.relPath);

  /** What the build keeps of a stored entry; stored again under the same key (its mtime or the clock made the old one unusable), the new head replaces the old. */
  const keep = (key: string, kept: ArticleEntry): ArticleEntry => {
    used.set(key, kept);
    fromHeads.delete(key);
    stored.add(key);
    return kept;
  };

  const cache: ArticleCache = {
    stamp(file) {
      const stamp = previous?.files[file.relPath];
      if (file.ctimeMs === undefined || file.ino === undefined) return undefined;
      return stampMatches(stamp, { size: file.size, mtimeMs: file.mtimeMs, ctimeMs: file.ctimeMs, ino: file.ino }, previous?.writtenAt ?? 0) ? stamp : undefined;
    },
    record(file, hash, key) {
      if (file.ctimeMs === undefined || file.ino === undefined) return;
      const old = previous?.files[file.relPath];
      // An unchanged file keeps the stamp object read (10k new objects per rebuild otherwise, alive until the state is written).
      if (old !== undefined && old.size === file.size && old.mtimeMs === file.mtimeMs && old.ctimeMs === file.ctimeMs && old.ino === file.ino && old.hash === hash) {
        next.files[file.relPath] = old;
        // A file read again (racily clean last time) gets a fresh stamp time, or it would be read every time.
        if (!stampMatches(old, old, previous?.writtenAt ?? 0)) stateDirty = true;
      } else {
        next.files[file.relPath] = { size: file.size, mtimeMs: file.mtimeMs, ctimeMs: file.ctimeMs, ino: file.ino, hash };
        stateDirty = true;
      }
      if (key !== undefined) keepKey(file, hash, key);
    },
    templateFor(textHashes) {
      const stored = previous?.template;
      if (!stored || stored.sources !== textSourcesHash(textHashes)) return undefined;
      next.template = stored;
      templateHash = hashText(stored.lines.join('\n'));
      return new Set(stored.lines);
    },
    learnTemplate(lines, textHashes) {
      const sorted = [...lines].sort();
      next.template = { sources: textSourcesHash(textHashes), lines: sorted };
      templateHash = hashText(sorted.join('\n'));
      stateDirty = true;
      return lines;
    },
    setGit(dates) {
      git = dates;
    },
    key(file, hash) {
      const stamp = next.files[file.relPath];
      // An unchanged file's key is the one its stamp keeps, made from the same inputs (`keysContext`).
      if (keysAgree && stamp?.key !== undefined && stamp.hash === hash && file.kind !== 'text' && stamp.git === gitStampOf(file) && shownAsListed(file)) return stamp.key;
      const key = articleKey({ head: keyHead, template: templateHash }, file, hash, git.get(file.relPath));
      keysHashed++;
      keepKey(file, hash, key);
      return key;
    },
    get keyBase() {
      return { head: keyHead, template: templateHash };
    },
    get keyContext() {
      return `${FORMAT}\0${CODE_ID}\0${configHash}\0${templateHash}`;
    },
    get(key, file) {
      let value = memo?.get(key);
      const head = value === undefined ? heads?.heads.get(key) : undefined;
      if (value !== undefined) {
        served.add(key);
        opened?.keep(key);
      } else if (head !== undefined) {
        value = entryOfHead(head.json, headBody, key, head.cold === undefined ? undefined : headCold);
        fromHeads.set(key, head);
      } else if (indexed) {
        return undefined;
      } else {
        const bytes = pack().getBytes(key);
        if (bytes === undefined) return undefined;
        value = decodeEntry(bytes);
        decoded++;
        if (value === undefined) {
          pack().reject(key);
          return undefined;
        }
      }
      used.set(key, value);
      if (value.mtimeSec !== null && value.mtimeSec !== Math.floor(file.mtimeMs / 1000)) return undefined;
      if (value.status === 'ok' && config.future === 'hold' && value.article && value.article.published.value.getTime() > now.getTime()) return undefined;
      return value;
    },
    set(key, entry, keepBody = false) {
      if (!entry.cacheable || entry.status === 'future') return entry;
      const p = pack();
      const { bytes, split } = encodeRecord(entry, RECORD_HEAD);
      p.setFramed(key, frameRecord(key, bytes));
      // The body is in the record now (in memory until appended, then in the file): not kept twice.
      // The rest is kept as decoded from the record's head: strings the parser sliced from the
      // source text (front-matter values) would otherwise keep the whole text alive.
      let kept = entry;
      // With `keepBody` the entry is kept as it came (the budget bounds what it holds).
      if (split && entry.article && !keepBody) {
        const head = deserialize(bytes.subarray(RECORD_HEAD + 4, RECORD_HEAD + 4 + bytes.readUInt32LE(RECORD_HEAD))) as ArticleEntry;
        if (head.article) kept = { ...head, article: packed(head.article, key, p) };
      }
      return keep(key, kept);
    },
    setRecord(key, entry, record, split) {
      const p = pack();
      p.setFramed(key, record);
      // The entry came from a worker (structured clone): no string in it shares a source text, so it is kept as it came.
      return keep(key, split && entry.article ? { ...entry, article: packed(entry.article, key, p) } : entry);
    },
    save() {
      if (memo) {
        // The session keeps what this build used, and nothing else (old versions of edited articles go).
        memo.clear();
        for (const [key, entry] of used) memo.set(key, entry);
      }
      try {
        if (opened) {
          // The heads served: kept where they are, the map itself handed over (not a hint and a keep each).
          opened.keepAt(fromHeads);
          opened.save();
        }
        // The state now: its stamps (~20 MB at 100k articles) are not held while the feeds are composed.
        if (previous !== undefined && !keysAgree) {
          // Keys made in another context, on stamps read and not keyed anew by this build, are dropped.
          for (const rel in next.files) {
            const stamp = next.files[rel] as FileStamp;
            if (stamp.key === undefined || stamp !== previous.files[rel]) continue;
            next.files[rel] = { size: stamp.size, mtimeMs: stamp.mtimeMs, ctimeMs: stamp.ctimeMs, ino: stamp.ino, hash: stamp.hash };
            stateDirty = true;
          }
        }
        const removed = previous !== undefined && Object.keys(previous.files).some((k) => !(k in next.files));
        if (stateDirty || removed) {
          next.writtenAt = Date.now();
          writeState(files.state, next);
        }
        // Only a watch session's next build takes the state from memory.
        if (!memo) forgetState(files.state);
      } catch {
        // The cache is an optimisation: an unwritable cache folder costs speed, never a build.
        return;
      }
      // The heads after the pack (their offsets name it), from what they need only: the steps left
      // to `later` do not keep the rest of this cache alive.
      if (session) return;
      const steps = saveHeads({ file: files.heads, pack: files.pack, heads, used, fromHeads, stored, opened });
      if (options.later) options.later.add(steps);
      else drain(steps);
    },
    get corrupt() {
      return opened?.corrupt ?? 0;
    },
    get decoded() {
      return decoded;
    },
    get keysHashed() {
      return keysHashed;
    },
    enabled: true,
  };
  return cache;
}

/** What writing the heads needs of a cache (`saveHeads`). */
interface HeadsToSave {
  file: string;
  pack: string;
  /** The heads read by this build, if any. */
  heads: Heads | undefined;
  /** Every entry the build used, by key. */
  used: ReadonlyMap<string, ArticleEntry>;
  /** Entries served from the heads read, with their heads. */
  fromHeads: ReadonlyMap<string, Head>;
  /** Keys stored by this build. */
  stored: ReadonlySet<string>;
  opened: Pack | undefined;
}

/**
 * Write the heads of every entry a build used, when they differ from the ones read: a rebuild that
 * changed nothing leaves the file alone. A step at a time (`writeHeadsSteps`); an unwritable cache
 * folder costs speed, never a build.
 */
function* saveHeads(h: HeadsToSave): Steps {
  try {
    const { heads, used, fromHeads, stored, opened } = h;
    const other = [...used.keys()].filter((k) => !fromHeads.has(k));
    if (heads && other.length === 0 && fromHeads.size === heads.heads.size && !opened?.rewritten) return;
    // After a compaction, every offset is new: scan the rewritten pack once.
    const rescanned = opened?.rewritten ? Pack.open(h.pack) : undefined;
    const where = (key: string): { offset: number; length: number } | undefined => (rescanned ?? opened)?.location(key);
    // Each head is made as it is written: the file is never in memory whole.
    function* next(): Generator<[string, Head]> {
      for (const [key, entry] of used) {
        // A head read this build, or (for an entry a watch session served) one from the file, unless stored anew.
        const old = fromHeads.get(key) ?? (stored.has(key) ? undefined : heads?.heads.get(key));
        const slot = rescanned || !old ? where(key) : old;
        if (!slot) continue;
        yield [key, headAt(slot, old, entry)];
      }
    }
    const identity = Pack.identity(h.pack);
    if (!identity) return;
    // Every head served from the file is unchanged (same record, same text): only the others, and the gone, are appended.
    if (heads && !rescanned) {
      const set = other.flatMap((key): [string, Head][] => {
        const old = stored.has(key) ? undefined : heads.heads.get(key);
        const slot = old ?? where(key);
        return slot ? [[key, headAt(slot, old, used.get(key) as ArticleEntry)]] : [];
      });
      const gone = fromHeads.size + other.filter((k) => heads.heads.has(k)).length < heads.heads.size ? [...heads.heads.keys()].filter((k) => !used.has(k)) : [];
      if (appendHeads(h.file, HEADS_FORMAT, identity, set, gone)) return;
    }
    yield* writeHeadsSteps(h.file, HEADS_FORMAT, { pack: identity, heads: next(), cold: heads?.cold });
  } catch {
    // The cache is an optimisation: an unwritable cache folder costs speed, never a build.
  }
}

/** The head of `entry` at `slot` in the pack: the one read (`old`, its cold part where it was) when there is one, else made. */
function headAt(slot: { offset: number; length: number }, old: Head | undefined, entry: ArticleEntry): Head {
  if (old === undefined) return { offset: slot.offset, length: slot.length, json: headJson(entry) };
  return old.cold === undefined ? { offset: slot.offset, length: slot.length, json: old.json } : { offset: slot.offset, length: slot.length, json: old.json, cold: old.cold };
}

/**
 * The body fields read last, and whose: rendering one item asks for its body two or three times
 * in a row (a writer tests contentHtml, then writes it), one record read serves them. One slot,
 * not a map of recent ones: nothing is kept long enough to be promoted to the old generation.
 */
let lastBody: { key: string; html?: string; text?: string } = { key: '' };

/**
 * A stored article whose body (contentHtml, contentText, dropped) is not kept in memory but read
 * from its record in the pack on each access (`pack.readOwn`: the record's payload, from this process's
 * pack; src/cache/pack.ts `readOwn`), with the same own, enumerable keys in the same order. A cold
 * build of 100k articles would otherwise hold every body from parsing until the feeds are written
 * (docs/ARCHITECTURE.md, memory). The record passed its CRC when read; a record that is gone (the
 * pack compacted by another build meanwhile) throws CacheEntryGone, and the build starts again.
 */
export function packed(article: Article, key: string, pack: { readOwn(key: string): Buffer | undefined }): Article {
  // Built key by key, each body field added as an accessor (shared functions, one small state
  // object): packed articles then share one hidden class in V8's fast mode. Spreading the article
  // and redefining its body fields as accessors turned each into a dictionary (~840 bytes more
  // per article, ~80 MB at 100k: docs/BENCHMARKS.md, r6-mem).
  const out: Record<string, unknown> = {};
  const fields = article as unknown as Record<string, unknown>;
  for (const k of Object.keys(article)) {
    const accessor = Object.hasOwn(PACKED_ACCESSORS, k) ? PACKED_ACCESSORS[k] : undefined;
    if (accessor) Object.defineProperty(out, k, accessor);
    else out[k] = SOURCED_FIELDS.has(k) ? internFrom(fields[k]) : k === 'kind' ? internString(fields[k]) : fields[k];
  }
  Object.defineProperty(out, BODY, { value: { key, pack } satisfies BodyState, enumerable: false });
  return out as unknown as Article;
}

const SOURCED_FIELDS: ReadonlySet<string> = new Set(['id', 'slug', 'title', 'link', 'authors', 'published', 'updated', 'tags', 'summary', 'image', 'lang', 'externalUrl']);

/**
 * Provenance names (`from`) and kinds are a few short strings, but each decoded head holds its
 * own copies of them (nine per article): the kept article shares one copy of each.
 */
const interned = new Map<string, string>();

function internString(value: unknown): unknown {
  if (typeof value !== 'string' || value.length > 32) return value;
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size < 256) interned.set(value, value);
  return value;
}

/**
 * A `Sourced` value made anew with its `from` interned (same keys, same order). Made as an object
 * literal, not kept as decoded: an object from v8.deserialize has room for four fields whatever it
 * holds (56 bytes for `{ value, from }` on 64-bit Node, where a literal takes 40), and a kept
 * article has nine of them (docs/BENCHMARKS.md, r7-mem). The usual shapes share one hidden class
 * each.
 */
function internFrom(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('from' in value)) return value;
  const v = value as Record<string, unknown>;
  const from = internString(v.from);
  const keys = Object.keys(v);
  if (keys.length === 2 && keys[0] === 'value' && keys[1] === 'from') return { value: v.value, from };
  if (keys.length === 3 && keys[0] === 'value' && keys[1] === 'from' && keys[2] === 'line') return { value: v.value, from, line: v.line };
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = k === 'from' ? from : v[k];
  return out;
}

const BODY = Symbol('packed body');

/** Where a packed article's body is, and the values set on it (which then win over the record). */
interface BodyState {
  key: string;
  pack: { readOwn(key: string): Buffer | undefined };
  html?: string;
  text?: string;
  dropped?: Article['dropped'];
}

const stateOf = (article: object): BodyState => (article as { [BODY]: BodyState })[BODY];

function payload(state: BodyState): Buffer {
  const bytes = state.pack.readOwn(state.key);
  if (bytes === undefined) throw new CacheEntryGone(state.key);
  return bytes;
}

/** One of the two body strings, decoded alone (a writer mostly asks for the HTML only). */
function field(state: BodyState, which: 'html' | 'text'): string {
  const own = state[which];
  if (own !== undefined) return own;
  if (lastBody.key === state.key) {
    const known = lastBody[which];
    if (known !== undefined) return known;
  } else lastBody = { key: state.key };
  const bytes = payload(state);
  const headEnd = 4 + bytes.readUInt32LE(0);
  const htmlEnd = headEnd + 4 + bytes.readUInt32LE(headEnd);
  const value = which === 'html' ? bytes.toString('utf8', headEnd + 4, htmlEnd) : bytes.toString('utf8', htmlEnd);
  lastBody[which] = value;
  return value;
}

/** `contentHtml` or `contentText` of a packed article: read from the pack on demand, or as last set. */
function bodyAccessor(which: 'html' | 'text'): PropertyDescriptor {
  return {
    get(this: object): string {
      return field(stateOf(this), which);
    },
    set(this: object, value: string) {
      stateOf(this)[which] = value;
    },
    enumerable: true,
    configurable: true,
  };
}

const PACKED_ACCESSORS: Readonly<Record<string, PropertyDescriptor>> = {
  contentHtml: bodyAccessor('html'),
  contentText: bodyAccessor('text'),
  dropped: {
    get(this: object): Article['dropped'] {
      const state = stateOf(this);
      if (state.dropped) return state.dropped;
      const entry = decodeEntry(payload(state));
      if (!entry?.article) throw new CacheEntryGone(state.key);
      return entry.article.dropped;
    },
    set(this: object, value: Article['dropped']) {
      stateOf(this).dropped = value;
    },
    enumerable: true,
    configurable: true,
  },
};

/** The entry in a CRC-checked record, or undefined when it does not decode to one (exported for tests). */
export function decodeEntry(bytes: Buffer): ArticleEntry | undefined {
  if (bytes.length < 8) return undefined;
  const headEnd = 4 + bytes.readUInt32LE(0);
  if (headEnd + 4 > bytes.length) return undefined;
  const htmlBytes = bytes.readUInt32LE(headEnd);
  const inline = htmlBytes === INLINE;
  const htmlEnd = inline ? headEnd + 4 : headEnd + 4 + htmlBytes;
  if (htmlEnd > bytes.length || (inline && htmlEnd !== bytes.length)) return undefined;
  let value: unknown;
  try {
    value = deserialize(bytes.subarray(4, headEnd));
  } catch {
    return undefined;
  }
  if (!isEntry(value)) return undefined;
  if (value.article && !inline) {
    if (value.article.contentHtml !== '' || value.article.contentText !== '') return undefined;
    value.article = withLazyBody(value.article, bytes, headEnd + 4, htmlEnd);
  } else if (htmlEnd !== bytes.length) return undefined;
  return value;
}

/**
 * The article with contentHtml and contentText decoded from `bytes` (UTF-8) on first read: the same
 * own, enumerable keys in the same order (JSON, spreads and structured clones see the strings).
 */
function withLazyBody(article: Article, bytes: Buffer, htmlStart: number, htmlEnd: number): Article {
  let html: string | undefined;
  let text: string | undefined;
  return {
    ...article,
    get contentHtml(): string {
      html ??= bytes.toString('utf8', htmlStart, htmlEnd);
      return html;
    },
    set contentHtml(value: string) {
      html = value;
    },
    get contentText(): string {
      text ??= bytes.toString('utf8', htmlEnd, bytes.length);
      return text;
    },
    set contentText(value: string) {
      text = value;
    },
  };
}

function isEntry(v: unknown): v is ArticleEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<ArticleEntry>;
  return (
    (e.status === 'ok' || e.status === 'draft' || e.status === 'section' || e.status === 'error') &&
    Array.isArray(e.diagnostics) &&
    (e.mtimeSec === null || typeof e.mtimeSec === 'number') &&
    (e.status !== 'ok' || (typeof e.article === 'object' && e.article !== null && e.article.published?.value instanceof Date))
  );
}
