import { type ArticleEntry, type CacheOptions, cacheFiles, hashText, openArticleCache } from '../cache/articles.js';
import { checkedPending, ownArticle } from '../cache/heads.js';
import { gitDatesText } from '../cache/key.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, diagnostic } from '../diagnostics.js';
import type { ItemDiagnostic } from '../feeds/compose-check.js';
import { compareArticles } from '../feeds/model.js';
import { keyOfUnknownKeyMessage } from '../meta/fields.js';
import { tagUri } from '../meta/resolve.js';
import type { Article, Diagnostic } from '../model.js';
import type { SiteInfo } from '../site/model.js';
import { readSourceSync, type SourceFile } from '../sources/files.js';
import { nowMs } from '../util/clock.js';
import { CODE_ID } from '../version.js';
import { type BuildInputs, readInputs, siteTemplate } from './inputs.js';
import { type EncodedEntry, type JobRead, type ParseJob, parseJobs, parseWork, startParsePool } from './parse-pool.js';
import { ItemSpool, type SpooledItems } from './spool.js';
import type { BuildPaths } from './paths.js';

export interface BuildCounts {
  sources: number;
  published: number;
  drafts: number;
  held: number;
  /** Section and listing pages, and pages the generator does not list (META_NOT_A_POST). */
  sections: number;
  failed: number;
}

/** The cache folder, if the config has one: where the spool goes (src/pipeline/spool.ts). */
function cacheFolder(paths: BuildPaths): string | undefined {
  const files = cacheFiles(paths);
  return files && path.dirname(files.pack);
}

/** How `loadArticles` reads: the cache's options, and whether to keep the misses' rendered items for the feeds. */
export interface LoadOptions extends CacheOptions {
  /** Spool the items the pipeline renders (`LoadedArticles.spool`): for a build that writes feeds. */
  spool?: boolean;
  /**
   * Leave the cache's save (state, heads, pack, the session's memo) to the caller
   * (`LoadedArticles.saveCache`): a watch session's build saves once its feeds are in place, not
   * while the user waits for them.
   */
  deferSave?: boolean;
}

export interface LoadedArticles {
  articles: Article[];
  diagnostics: Diagnostic[];
  counts: BuildCounts;
  /**
   * Hash of everything the feeds are rendered from (config, version, every published article's
   * cache key, in order); undefined without a cache or when a result depends on the clock.
   * Equal fingerprints render equal bytes, so a build may skip rendering (src/cache/outputs.ts).
   */
  fingerprint?: string;
  /**
   * For each article whose result came from (or went into) the cache: a key that names its inputs
   * exactly (`renderKeyOf`: its cache key, or a hash of the key and of the mtime it depends on).
   * Equal keys give equal Articles, so the build reuses their rendered items (src/feeds/compose.ts).
   */
  renderKeys: ReadonlyMap<Article, string>;
  /** Items validated while their articles were parsed, by item hash (src/pipeline/article.ts). */
  checkedItems: CheckedLookup;
  /**
   * Articles parsed (cache misses), cache entries decoded, cache keys hashed (not carried by a watch
   * session, nor kept in an unchanged file's stamp), and sources first read when their parse job
   * was handed out (`Source.late`).
   */
  work: { parsed: number; decoded: number; keyed: number; readAtHandout: number };
  /** No article was read relative to the clock, held back as future, or left unread by an I/O error. */
  clockFree: boolean;
  /** When the sources were listed (ms). */
  listedAt: number;
  /**
   * With `LoadOptions.spool` and misses: the items the pipeline rendered for them, which the feeds
   * take instead of rendering them again (src/pipeline/spool.ts). The caller disposes of it.
   */
  spool?: ItemSpool;
  /** The newest publication date of any article found, held back or not (ms; 0 when none). */
  newestPublished: number;
  /**
   * With `LoadOptions.deferSave`: saves the cache (once; later calls do nothing). The caller
   * calls it whether the build succeeds or not, as a load without it saves before returning.
   */
  saveCache?: () => void;
}

/**
 * Read, clean and resolve every article (the first half of a build).
 *
 * 1. list the sources (stable order) and, at the same time, read git dates with one `git log`
 *    (src/pipeline/inputs.ts);
 * 2. read and decode every file whose stamp (size, mtime, ctime, inode) the cache cannot vouch
 *    for; a bad file becomes a diagnostic, the rest go on;
 * 3. learn the folder's site template from the text sources (lines recurring in many files);
 * 4. for each source, look its result up in the cache by the hash of everything it depends on;
 *    on a miss, run the article pipeline (src/pipeline/article.ts: parse by kind, resolve
 * 5. metadata by precedence with provenance, render and validate its items), serially or on the
 *    parse pool, and store the result;
 * 6. drop duplicates of an id or slug (reported on both files), sort newest first.
 *
 * `explain` takes steps 1-3 from inputs.ts and runs step 4-5 with the same function, without the
 * cache (src/explain.ts). The cache only ever skips work whose result is known: see
 * src/cache/articles.ts for the key.
 */
export async function loadArticles(
  paths: BuildPaths,
  now: Date,
  onProgress?: (done: number, total: number) => void,
  memo?: Map<string, ArticleEntry>,
  inputs?: BuildInputs,
  options?: LoadOptions,
): Promise<LoadedArticles> {
  const { config } = paths.loaded;
  const { listed, git: gitPromise, listedAt } = inputs ?? (await readInputs(paths));
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  const cache = openArticleCache(paths, now, memo, options);
  const carried = memo ? sessionLoad(memo) : undefined;

  // Read what the cache cannot vouch for. Text sources are all needed when the template must be
  // learned again (any text source changed, or no template was stored).
  const vouched = listed.files.map((f) => cache.stamp(f));
  const textHashes: string[] = [];
  for (const [i, f] of listed.files.entries()) if (f.kind === 'text' && vouched[i]) textHashes.push((vouched[i] as { hash: string }).hash);
  const textCount = listed.files.filter((f) => f.kind === 'text').length;
  const storedTemplate = textHashes.length === textCount ? cache.templateFor(textHashes) : undefined;
  const textChanged = storedTemplate === undefined;
  const sources: Source[] = listed.files.map((file, i) => ({ file, hash: vouched[i]?.hash, text: undefined }));
  const toRead = sources.filter((s) => s.hash === undefined || (textChanged && s.file.kind === 'text'));
  // Enough sources the cache cannot vouch for to parse on workers: start them now, while this thread reads (r12-cold).
  const prestarted = startParsePool(parseWork(sources.filter((s) => s.hash === undefined).map((s) => s.file)));
  // With those workers and a cache that cannot hold any result yet (no pack, no session memory), a
  // Markdown or HTML source is read when its parse job is handed out (`Source.late`), once the git
  // dates are in: every lookup is a miss whatever the text, so the workers start parsing as soon as
  // the files are listed instead of after this thread has read them all (docs/BENCHMARKS.md,
  // r14-cold). Scraped text is still read first (the site template is learned from all of it), and
  // so is every source while `git log` runs, which the read overlaps.
  const files = cacheFiles(paths);
  const readLate = prestarted !== undefined && (memo === undefined || memo.size === 0) && (files === undefined || !existsSync(files.pack));
  let gitIn = false;
  void gitPromise.then(
    () => {
      gitIn = true;
    },
    () => undefined,
  );
  // One turn of the event loop: a settled promise (git off) has said so by then.
  if (readLate) await new Promise<void>((resolve) => setImmediate(resolve));
  const failed = new Set<Source>();
  let ioFailed = false;
  // Texts kept from this first read for parsing, in characters: past LOAD_LIMITS.textBudget, a Markdown or
  // HTML text is hashed and dropped, and read again when its turn to be parsed comes (`jobText`),
  // so that a cold build of 100k articles never holds every text at once. Scraped text is always
  // kept: the site template is learned from all of it below.
  let keptChars = 0;
  // Read synchronously (readSourceSync), one file after another: a source is a small file in the
  // page cache, and through fs/promises each of its four calls cost a round trip to the thread
  // pool. The event loop is let in every few milliseconds, so that `git log`'s output, read
  // meanwhile, does not fill its pipe and stall it.
  let lastYield = nowMs();
  for (const s of toRead) {
    if (readLate && gitIn && s.file.kind !== 'text' && s.hash === undefined) {
      s.late = true;
      continue;
    }
    const result = readSourceSync(s.file, config.fallbackEncoding);
    if (result.ok) {
      s.hash = hashText(result.text);
      s.note = result.note;
      if (s.file.kind === 'text' || keptChars + result.text.length <= LOAD_LIMITS.textBudget) {
        s.text = result.text;
        keptChars += result.text.length;
      } else s.reread = true;
    } else {
      diagnostics.push(result.diagnostic);
      failed.add(s);
      if (result.diagnostic.code === 'SOURCE_UNREADABLE') ioFailed = true;
    }
    if (nowMs() - lastYield > 4) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      lastYield = nowMs();
    }
  }
  const decoded = sources.filter((s) => !failed.has(s));
  for (const s of decoded) if (!s.late) cache.record(s.file, s.hash as string);

  const template = textChanged
    ? cache.learnTemplate(
        siteTemplate(decoded.map((d) => ({ file: d.file, text: d.text as string }))),
        decoded.filter((d) => d.file.kind === 'text').map((d) => d.hash as string),
      )
    : storedTemplate;
  const git = await gitPromise;
  const gitDates = git.dates;
  diagnostics.push(...git.diagnostics);
  cache.setGit(git.dates);

  const counts = { sources: listed.all.length, published: 0, drafts: 0, held: 0, sections: listed.notContent.size, failed: failed.size };
  const articles: Article[] = [];
  const renderKeys = new Map<Article, string>();
  let clockDependent = false;
  let newestPublished = 0;
  // Look every source up; a miss is parsed below, serially or on a pool of worker threads
  // (src/pipeline/parse-pool.ts). Results go back by index: the output never depends on timing.
  const entries = new Array<ArticleEntry | Diagnostic | undefined>(decoded.length);
  const entryKeys = new Array<string>(decoded.length);
  const gitStamps = new Array<string>(decoded.length);
  const misses: number[] = [];
  let readAtHandout = 0;
  let unparsed = 0;
  let done = 0;
  let keyed = 0;
  // Hashed here (`cache.keysHashed`: an unchanged file's key is its stamp's) or by the parse workers (`keyed`).
  const keyOf = (file: SourceFile, hash: string): string => cache.key(file, hash);
  // A watch session knows the key of every source whose text, git dates and key context are as in its last build.
  const context = cache.keyContext;
  // Deleted and renamed sources are forgotten when a session has seen many.
  if (carried && (carried.context !== context || carried.sources.size > 2 * decoded.length + 1024)) {
    carried.context = context;
    carried.sources.clear();
  }
  for (const [i, s] of decoded.entries()) {
    const gitStamp = gitDatesText(gitDates.get(s.file.relPath));
    gitStamps[i] = gitStamp;
    if (s.late) {
      // Read, hashed and keyed when its job is handed out (below): a miss, as every lookup is.
      misses.push(i);
      continue;
    }
    const known = carried?.sources.get(s.file.relPath);
    let key =
      known !== undefined && known.hash === s.hash && known.kind === s.file.kind && known.displayPath === s.file.displayPath && known.git === gitStamp
        ? known.key
        : keyOf(s.file, s.hash as string);
    const entry = cache.get(key, s.file);
    if (entry === undefined) {
      // A miss: the text may not have been read (its stamp matched, but its result is gone).
      if (s.text === undefined && !s.reread) {
        const result = readSourceSync(s.file, config.fallbackEncoding);
        if (!result.ok) {
          if (result.diagnostic.code === 'SOURCE_UNREADABLE') ioFailed = true;
          entries[i] = result.diagnostic;
          onProgress?.(done++, decoded.length);
          continue;
        }
        s.text = result.text;
        s.note = result.note;
        if (hashText(s.text) !== s.hash) {
          // Changed between the stat and now: key it by what was read.
          s.hash = hashText(s.text);
          cache.record(s.file, s.hash);
          key = keyOf(s.file, s.hash);
        }
      }
      misses.push(i);
    } else {
      entries[i] = entry;
      s.text = undefined;
      onProgress?.(done++, decoded.length);
    }
    entryKeys[i] = key;
  }
  // Where the misses' rendered items go, for the feeds (src/pipeline/spool.ts), by miss.
  const spool = options?.spool && misses.length > 0 ? ItemSpool.create(cacheFolder(paths)) : undefined;
  const spooledOf = new Array<SpooledItems | undefined>(misses.length);
  if (misses.length === 0) prestarted?.close();
  if (misses.length > 0) {
    // Each entry is stored as it comes. Past LOAD_LIMITS.bodyBudget it is kept without its body
    // (cache.set), which the writers read back from the pack: the parse results of a big cold
    // build are never all in memory. Below it, reading every body back costs more than holding it.
    let missBytes = 0;
    for (const i of misses) missBytes += (decoded[i] as Source).file.size;
    const keepBodies = missBytes <= LOAD_LIMITS.bodyBudget;
    // Without the bodies kept, the workers encode the records of the entries they parse (the main thread only appends them).
    const encode = cache.enabled && !keepBodies;
    // The sources not read yet, or read and not kept, are read by the thread that parses them (`ParseJob.read`), keyed as `cache.key` would.
    const setup = {
      config,
      template: [...template],
      nowMs: now.getTime(),
      ...(spool ? { spool: spool.dir } : {}),
      ...(encode ? { encode } : {}),
      ...(cache.keyBase ? { keyBase: cache.keyBase } : {}),
    };
    /** Misses whose text, read again for parsing, was not the text hashed (or could not be read): parsed below as before. */
    const again = new Set<number>();
    const jobs = misses.map((i): ParseJob => {
      const s = decoded[i] as Source;
      const git = gitDates.get(s.file.relPath);
      // Read, hashed, recorded and keyed by the thread that parses it (`store` learns what it read); its text is not kept.
      if (s.late) return { file: s.file, git, read: {} };
      const own = { ...(encode ? { key: entryKeys[i] as string } : {}), ...(s.note ? { note: s.note } : {}) };
      if (!s.reread) return { file: s.file, text: s.text as string, git, ...own };
      // Read again by the thread that parses it, not kept.
      return { file: s.file, git, ...own, read: { hash: s.hash as string } };
    });
    const hits = done;
    const store = (k: number, entry: ArticleEntry, spooled?: SpooledItems, encoded?: EncodedEntry, read?: JobRead): ArticleEntry => {
      const i = misses[k] as number;
      const s = decoded[i] as Source;
      s.text = undefined;
      // Unreadable, or changed since it was first read: left to the serial pass below, which reports it.
      if (read === null) {
        again.add(k);
        return entry;
      }
      if (read !== undefined && s.hash === undefined) {
        // First read by the thread that parsed it.
        readAtHandout++;
        keyed++;
        s.hash = read.hash;
        s.note = read.note;
        entryKeys[i] = read.key;
      }
      spooledOf[k] = spooled;
      // Encoded by the worker that parsed it, decoding note included (src/pipeline/parse-worker.ts): only appended here.
      if (encoded) return cache.setRecord(entryKeys[i] as string, entry, Buffer.from(encoded.record.buffer, encoded.record.byteOffset, encoded.record.byteLength), encoded.split);
      // The decoding note goes with the entry, so that a cached rebuild, which does not read the file, repeats it.
      if (s.note) entry.diagnostics = [s.note, ...entry.diagnostics].sort(compareDiagnostics);
      if (!entry.cacheable) clockDependent = true;
      return cache.set(entryKeys[i] as string, entry, keepBodies);
    };
    const computed = await parseJobs(jobs, setup, { onDone: (n) => onProgress?.(hits + n - 1, decoded.length), onEntry: store, pool: prestarted }).catch((error: unknown) => {
      spool?.dispose();
      throw error;
    });
    for (const [k, i] of misses.entries()) entries[i] = computed[k] as ArticleEntry;
    // The stamps of the sources read by the threads that parsed them, in the sources' order (as the state lists them), not as they came.
    for (const i of misses) {
      const s = decoded[i] as Source;
      if (s.late && s.hash !== undefined) cache.record(s.file, s.hash, entryKeys[i]);
    }
    // Changed (or gone) since it was first read: read it as a new file, keyed by what is read now.
    for (const k of [...again]) {
      again.delete(k);
      const i = misses[k] as number;
      const s = decoded[i] as Source;
      const result = readSourceSync(s.file, config.fallbackEncoding);
      if (!result.ok) {
        if (result.diagnostic.code === 'SOURCE_UNREADABLE') ioFailed = true;
        entries[i] = result.diagnostic;
        // A source read late that never decoded was not parsed (read first, it would not have been a miss).
        if (s.late && s.hash === undefined) unparsed++;
        continue;
      }
      s.hash = hashText(result.text);
      s.note = result.note;
      cache.record(s.file, s.hash);
      entryKeys[i] = keyOf(s.file, s.hash);
      let spooled: SpooledItems | undefined;
      const [entry] = await parseJobs([{ file: s.file, text: result.text, git: gitDates.get(s.file.relPath) }], setup, {
        workers: 0,
        onEntry: (_, e, at) => {
          spooled = at;
          return e;
        },
      });
      entries[i] = store(k, entry as ArticleEntry, spooled);
    }
    // The feeds take each new article's items from the spool, by article.
    for (const [k, i] of misses.entries()) {
      const entry = entries[i];
      const at = spooledOf[k];
      if (spool && at && entry && 'status' in entry && entry.status === 'ok' && entry.article && entry.checked) {
        spool.set(entry.article, at, entry.checked.map(([hash]) => hash));
      }
    }
  }
  const checkedItems = carried ? keptChecks(carried, decoded.length) : new CheckedItems();
  for (const [i, entry] of entries.entries()) {
    if (entry === undefined) continue;
    if (!('status' in entry)) {
      // The file could not be read again.
      diagnostics.push(entry);
      counts.failed++;
      continue;
    }
    diagnostics.push(...entry.diagnostics);
    if (entry.article) newestPublished = Math.max(newestPublished, entry.article.published.value.getTime());
    if (entry.status === 'ok' && entry.article) {
      articles.push(entry.article);
      const key = entryKeys[i] as string;
      if (!carried?.checkedFrom.has(entry)) {
        checkedItems.add(entry);
        carried?.checkedFrom.add(entry);
      }
      if (cache.enabled && entry.cacheable) {
        const s = decoded[i] as Source;
        const known = carried?.sources.get(s.file.relPath);
        const renderKey = known?.key === key && known.mtimeSec === entry.mtimeSec ? known.renderKey : renderKeyOf(key, entry.mtimeSec);
        renderKeys.set(entry.article, renderKey);
        if (carried && known?.renderKey !== renderKey) {
          carried.sources.set(s.file.relPath, { hash: s.hash as string, kind: s.file.kind, displayPath: s.file.displayPath, git: gitStamps[i] as string, key, mtimeSec: entry.mtimeSec, renderKey });
        }
      }
    } else if (entry.status === 'draft') counts.drafts++;
    else if (entry.status === 'future') counts.held++;
    else if (entry.status === 'section') counts.sections++;
    else counts.failed++;
  }
  let saveCache: (() => void) | undefined;
  if (options?.deferSave) {
    let saved = false;
    saveCache = () => {
      if (saved) return;
      saved = true;
      cache.save();
    };
  } else cache.save();

  // A folder's index page with articles below it lists them: not a post (Hugo and Zola excepted,
  // where index.md is a page bundle, whose other files are its resources; Astro too, whose content
  // collections make every file an entry: `a/index.md` is the entry `a`, `a/b.md` the entry `a/b`).
  const listing = notPosts(articles, listed.files, config.siteInfo);
  if (listing.size > 0) {
    // What was said about a listing page as a post (no date, an empty body, its keys) is moot: only the note stays.
    const files = new Set([...listing.keys()].map((a) => a.displayPath));
    const kept = diagnostics.filter((d) => d.severity === 'error' || d.file === undefined || !files.has(d.file));
    diagnostics.length = 0;
    diagnostics.push(...kept);
  }
  for (const [a, why] of listing) diagnostics.push(diagnostic('META_NOT_A_POST', { file: a.displayPath }, { what: why, by: 'site' }));
  counts.sections += listing.size;
  const posts = listing.size > 0 ? articles.filter((a) => !listing.has(a)) : articles;
  posts.sort(compareArticles);
  // A watch session whose last posts had ids and links of their own checks only the posts new since (`keepUnique`).
  let kept: Article[];
  if (carried?.unique && keepUnique(posts, carried.unique)) kept = posts;
  else {
    kept = dropDuplicates(posts, diagnostics, config.link, renderKeys);
    if (carried) carried.unique = kept.length === posts.length && kept.every((a, i) => a === posts[i]) ? uniquePosts(kept) : undefined;
  }
  counts.failed += posts.length - kept.length;
  // Many histories starting in one commit matter only to the articles git dates: when every one of
  // them is dated in front matter or its file name, the warning would only alarm.
  const bulk = git.bulkStart;
  if (bulk && !kept.some((a) => a.published.from === 'git' && gitDates.get(a.relPath)?.first.getTime() === bulk.time)) {
    const at = diagnostics.indexOf(bulk.warning);
    if (at >= 0) diagnostics.splice(at, 1);
  }
  summarise(diagnostics);
  counts.published = kept.length;
  diagnostics.sort(compareDiagnostics);
  // Render keys, not cache keys: an article dated by its file's mtime renders differently when
  // only the mtime changes, and the order of the articles need not change with it.
  const fingerprint =
    cache.enabled && !clockDependent && kept.every((a) => renderKeys.has(a))
      ? hashText(['feedwright-fingerprint-2', CODE_ID, JSON.stringify(config), ...kept.map((a) => renderKeys.get(a))].join('\n'))
      : undefined;
  const work = { parsed: misses.length - unparsed, decoded: cache.decoded, keyed: keyed + cache.keysHashed, readAtHandout };
  const clockFree = !clockDependent && !ioFailed && counts.held === 0;
  return {
    articles: kept,
    diagnostics,
    counts,
    renderKeys,
    checkedItems,
    work,
    clockFree,
    listedAt,
    newestPublished,
    ...(fingerprint ? { fingerprint } : {}),
    ...(spool ? { spool } : {}),
    ...(saveCache ? { saveCache } : {}),
  };
}

/**
 * The render key of an entry stored under `key` (`LoadedArticles.renderKeys`): the cache key itself
 * when the result does not depend on the file's mtime (an entry is a pure function of its key),
 * else a hash of the key and of the mtime (whole seconds) it depends on. A rebuild of 10k unchanged
 * articles then hashes nothing for them here (it hashed every key a second time before).
 */
export function renderKeyOf(key: string, mtimeSec: number | null): string {
  return mtimeSec === null ? key : hashText(`${key}\0${mtimeSec}`);
}

/**
 * What a watch session's builds keep beside the cache's entries (`memo`), by the memo they share:
 * per source, the key and render key of its last build's entry (two SHA-256 per source and save
 * otherwise), valid while the key context (config, site template) is the same and the source's
 * text hash, kind, display path and git dates are; and the items validated while their articles
 * were parsed, by item hash (a pure function of the item's bytes), added to only for entries not
 * seen before instead of gathered again from every entry.
 */
interface SessionLoad {
  /** The last build's posts, when no two of them shared an id or a link. */
  unique?: UniquePosts | undefined;
  context: string | undefined;
  sources: Map<string, { hash: string; kind: SourceFile['kind']; displayPath: string; git: string; key: string; mtimeSec: number | null; renderKey: string }>;
  checked: CheckedItems;
  checkedFrom: WeakSet<ArticleEntry>;
}

const sessionLoads = new WeakMap<Map<string, ArticleEntry>, SessionLoad>();

function sessionLoad(memo: Map<string, ArticleEntry>): SessionLoad {
  let kept = sessionLoads.get(memo);
  if (!kept) {
    kept = { context: undefined, sources: new Map(), checked: new CheckedItems(), checkedFrom: new WeakSet() };
    sessionLoads.set(memo, kept);
  }
  return kept;
}

/** The session's validated items, started again when edits have left it holding more than twice what its articles need. */
function keptChecks(carried: SessionLoad, sources: number): CheckedItems {
  if (carried.checked.entries > 3 * sources + 1024) {
    carried.checked = new CheckedItems();
    carried.checkedFrom = new WeakSet();
  }
  return carried.checked;
}

/** Looks up the findings of an item validated already, by its hash (`ComposeMemo`, src/feeds/compose.ts). */
export interface CheckedLookup {
  get(hash: string): ItemDiagnostic[] | undefined;
}

/**
 * The items of a build's entries validated while their articles were parsed (`ArticleEntry.checked`),
 * by item hash. An entry served from the cache's heads has its `checked` still as text
 * (src/cache/heads.ts): it is parsed only when a hash is asked for that the parsed ones lack, and
 * then every entry's, in the order they were added, as an eager map would hold them. A rebuild
 * that copies the unchanged articles' items asks only for the hashes of the items it renders,
 * which are those of the articles it parsed: 10k unchanged articles' 30k hashes are never made.
 * (An item's findings are a function of its bytes, so one hash gives the same findings whichever
 * entry holds it: compose's memo relies on that too.)
 */
export class CheckedItems implements CheckedLookup {
  private map = new Map<string, ItemDiagnostic[]>();
  /** Every entry added, in order, while some are not parsed; undefined once all are in `map`. */
  private all: ArticleEntry[] | undefined = [];
  private pending = 0;
  /** Entries added. */
  entries = 0;

  add(entry: ArticleEntry): void {
    this.entries++;
    if (this.all !== undefined) {
      this.all.push(entry);
      if (checkedPending(entry)) this.pending++;
      else for (const [hash, found] of entry.checked ?? []) this.map.set(hash, found);
      return;
    }
    for (const [hash, found] of entry.checked ?? []) this.map.set(hash, found);
  }

  get(hash: string): ItemDiagnostic[] | undefined {
    const found = this.map.get(hash);
    if (found !== undefined || this.pending === 0 || this.all === undefined) return found;
    const all = this.all;
    this.all = undefined;
    this.pending = 0;
    this.map = new Map();
    for (const entry of all) for (const [h, f] of entry.checked ?? []) this.map.set(h, f);
    return this.map.get(hash);
  }
}

interface Source {
  file: SourceFile;
  /** SHA-256 of the decoded text (from the cache's stamp, or computed when read). */
  hash: string | undefined;
  text: string | undefined;
  /** Why the file was not read as UTF-8 (SOURCE_NOT_UTF8), when it was not. */
  note?: Diagnostic | undefined;
  /** Hashed but not kept (LOAD_LIMITS.textBudget): read again to be parsed. */
  reread?: boolean;
  /** Not read yet: read when its parse job is handed out (`readLate` in loadArticles). */
  late?: boolean;
}

/**
 * `textBudget`: characters of source text a build keeps from its first read for parsing (~10k
 * articles' worth); the rest is read again. `bodyBudget`: bytes of source files to parse (the
 * misses) up to which the parse results stay in memory whole until the feeds are written (~3k
 * articles of ~5 KB); a bigger build keeps their bodies in the pack only. Holding them saved 5-7 %
 * of a 2k cold build's CPU for ~15 MiB; at 10k they are ~90 MB, which would take the build past
 * its 400 MiB goal (docs/BENCHMARKS.md, r5-cpu). Tests change both to exercise either path.
 */
export const LOAD_LIMITS = { textBudget: 48 * 1024 * 1024, bodyBudget: 16 * 1024 * 1024 };

/**
 * A session's last posts when every id and every link among them was its own: then no order of
 * them has a duplicate, and `dropDuplicates` keeps them all as they are. The next build's posts
 * are checked against these maps, only those not among them (r12b-watch's step 1: ~10k string
 * lookups and inserts per save otherwise, 5-30 ms at load 10).
 */
interface UniquePosts {
  posts: Set<Article>;
  byId: Map<string, Article>;
  byLink: Map<string, Article>;
}

/** `articles` with their ids and links by value, or undefined when two share an id or a link. */
function uniquePosts(articles: readonly Article[]): UniquePosts | undefined {
  const byId = new Map<string, Article>();
  const byLink = new Map<string, Article>();
  for (const a of articles) {
    if (byId.has(a.id.value) || byLink.has(a.link.value)) return undefined;
    byId.set(a.id.value, a);
    byLink.set(a.link.value, a);
  }
  return { posts: new Set(articles), byId, byLink };
}

/**
 * True when `articles` (the session's posts now) still have ids and links of their own, checking
 * only those not among `last` (the others were unique among themselves last time); `last` is then
 * `articles`'. False when a post new since shares an id or a link with another: `last` is then
 * spoilt, and the caller runs `dropDuplicates` and makes it again.
 */
function keepUnique(articles: readonly Article[], last: UniquePosts): boolean {
  const added: Article[] = [];
  for (const a of articles) if (!last.posts.has(a)) added.push(a);
  if (articles.length - added.length < last.posts.size) {
    // Posts gone since (an edited article is a new object): their ids and links are free again.
    const now = new Set(articles);
    for (const a of last.posts) {
      if (now.has(a)) continue;
      last.posts.delete(a);
      if (last.byId.get(a.id.value) === a) last.byId.delete(a.id.value);
      if (last.byLink.get(a.link.value) === a) last.byLink.delete(a.link.value);
    }
  }
  for (const a of added) {
    if (last.byId.has(a.id.value) || last.byLink.has(a.link.value)) return false;
    last.byId.set(a.id.value, a);
    last.byLink.set(a.link.value, a);
    last.posts.add(a);
  }
  return true;
}

/**
 * Keep the first (newest, then lowest id) article of each link and id; report both files.
 * Collisions are a matter of links: two articles whose derived links differ are two pages, so a
 * derived id they share (the default id is made from the file name, which folders repeat) is
 * made unique for the later one from its link; the first keeps the id it always had.
 */
function dropDuplicates(articles: Article[], diagnostics: Diagnostic[], siteLink: string, renderKeys: Map<Article, string>): Article[] {
  const byId = new Map<string, Article>();
  const byLink = new Map<string, Article>();
  const kept: Article[] = [];
  for (let a of articles) {
    let sameId = byId.get(a.id.value);
    const sameLink = a.link.from === 'derived' ? byLink.get(a.link.value) : undefined;
    if (sameId && !sameLink && a.id.from === 'derived' && a.link.from === 'derived' && sameId.link.value !== a.link.value) {
      const unique = tagUri(siteLink, a.published.value, new URL(a.link.value).pathname.replace(/^\/+|\/+$/g, '') || a.slug.value);
      if (!byId.has(unique)) {
        const renderKey = renderKeys.get(a);
        // A copy through `ownArticle`: a spread would leave out the fields an article served from the heads keeps on its prototype.
        a = ownArticle(a, { id: { value: unique, from: 'derived' } });
        if (renderKey) renderKeys.set(a, hashText(`${renderKey}\0${unique}`));
        sameId = undefined;
      }
    }
    const other = sameId ?? sameLink;
    if (other) {
      const legacySlug = a.link.rule === undefined;
      const code = sameId ? 'META_DUPLICATE_ID' : legacySlug ? 'META_DUPLICATE_SLUG' : 'META_DUPLICATE_LINK';
      const what = sameId ? `id "${a.id.value}"` : legacySlug ? `slug "${a.slug.value}"` : `link ${a.link.value}`;
      diagnostics.push(diagnostic(code, lineAt(a, sameId ? 'id' : 'slug'), { same: what, other: other.displayPath, leftOut: 'this' }));
      diagnostics.push(diagnostic(code, lineAt(other, sameId ? 'id' : 'slug'), { same: what, other: a.displayPath, leftOut: 'other' }));
      continue;
    }
    byId.set(a.id.value, a);
    byLink.set(a.link.value, a);
    kept.push(a);
  }
  return kept;
}

/**
 * Index pages (`x/index.md`, or the folder's own `index.md`) with other article files below them:
 * they list them. Not in Hugo and Zola, where such an index page is a page bundle. In Eleventy a
 * folder's own page may also be named after it (`blog/blog.md` is `/blog/`).
 */
function notPosts(articles: readonly Article[], files: readonly SourceFile[], site: SiteInfo | undefined): Map<Article, string> {
  const out = new Map<Article, string>();
  const preset = site?.preset;
  if (preset === 'hugo' || preset === 'zola' || preset === 'astro') return out;
  const articlesFolder = site?.contentPrefix.split('/').pop() ?? '';
  const candidates: { article: Article; dir: string }[] = [];
  for (const a of articles) {
    const parts = a.relPath.split('/');
    const name = parts[parts.length - 1] ?? '';
    const folderName = parts.length > 1 ? (parts[parts.length - 2] as string) : articlesFolder;
    const ownPage = preset === 'eleventy' && folderName !== '' && name.replace(/\.[^.]+$/, '') === folderName;
    if (/^index\.[^.]+$/.test(name) || ownPage) candidates.push({ article: a, dir: parts.slice(0, -1).join('/') });
  }
  // Most folders have no index page: their files are not counted (10k paths split on every build and watch save).
  if (candidates.length === 0) return out;
  const folders = new Map<string, number>();
  for (const f of files) {
    const parts = f.relPath.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      folders.set(dir, (folders.get(dir) ?? 0) + 1);
    }
  }
  for (const { article, dir } of candidates) {
    if ((folders.get(dir) ?? 0) > 1 && !out.has(article)) out.set(article, "a folder's index page with articles below it (a listing page)");
  }
  return out;
}

/**
 * One diagnostic per unknown key (and one for all titles taken from file names, one for all
 * dates taken from file times) for the whole
 * build, at the first file, with the number of files: a site of 500 posts with a theme's key
 * gets one warning, not 500.
 */
function summarise(diagnostics: Diagnostic[]): void {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key =
      d.code === 'FM_UNKNOWN_KEY'
        ? `k:${keyOfUnknownKeyMessage(d.message) ?? d.message}`
        : d.code === 'META_TITLE_FROM_FILE_NAME'
          ? 't'
          : d.code === 'META_DATE_FROM_MTIME'
            ? `m:${d.message}`
            : undefined;
    if (key === undefined) continue;
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  // New objects: the diagnostics of cached entries are shared with the next build (watch mode).
  const replace = new Map<Diagnostic, Diagnostic | undefined>();
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const first = g[0] as Diagnostic;
    replace.set(first, { ...first, message: `${first.message.replace(/\.$/, '')} (in ${g.length} files; this is the first).` });
    for (const d of g.slice(1)) replace.set(d, undefined);
  }
  if (replace.size === 0) return;
  const keep = diagnostics.flatMap((d) => (replace.has(d) ? (replace.get(d) ? [replace.get(d) as Diagnostic] : []) : [d]));
  diagnostics.length = 0;
  diagnostics.push(...keep);
}

function lineAt(a: Article, field: 'id' | 'slug'): { file: string; line?: number } {
  const line = a[field].line;
  return line === undefined ? { file: a.displayPath } : { file: a.displayPath, line };
}
