import { crc32 } from 'node:zlib';
import { link, lstat, open, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleEntry } from './cache/articles.js';
import type { FeedwrightConfig } from './config/schema.js';
import { FeedwrightError, fatal } from './errors.js';
import { type ChangeSummary, compareInPlace, compareItems, type PreviousItem, type PublishedItems, publishedItems, publishedMap, readPreviousItems } from './feeds/changes.js';
import type { FeedData } from './feeds/model.js';
import { type OutputPlan, SET_FOLDERS, planOutput } from './feeds/plan.js';
import { ARCHIVE_DIR, FORMATS, type FeedSet, type OutputFormat } from './feeds/sets.js';
import type { Article, Diagnostic } from './model.js';
import { indexRecord, type OutputRecord, previousOutput, readOutputRecord, recordedItems, unchangedOutputs, writeOutputRecord } from './cache/outputs.js';
import { CacheEntryGone, ownArticle } from './cache/heads.js';
import { LaterWrites } from './cache/steps.js';
import { type OutputStamp, outputsIntact, readLastBuild, stampsProve, writeLastBuild } from './cache/last-build.js';
import type { ComposedFile, ComposedRecord, ItemSlots, KeptBytes } from './feeds/compose.js';
import { Stitcher } from './feeds/stitch.js';
import { commitPlan, discardFiles, dropUnchanged, renderToTemp, type RenderedFile, syncFiles, type WriteSummary } from './output/write.js';
import { acquireLock } from './output/lock.js';
import { commitJournal, rollForward } from './output/journal.js';
import { assertNoLinks, assertNoOverlap, MANIFEST_NAME, manifestText, notOwned, Ownership, readManifest } from './output/owned.js';
import { isOutputFault, unwritable } from './output/errors.js';
import { type BuildCounts, type LoadedArticles, loadArticles } from './pipeline/load.js';
import { type BuildInputs, inputsDigest, type ListingMemo, readInputs } from './pipeline/inputs.js';
import { type BuildOptions as PathOptions, resolvePaths } from './pipeline/paths.js';
import type { ItemDiagnostic } from './feeds/compose-check.js';
import { diagnostic } from './diagnostics.js';
import { languageScriptMismatch } from './meta/script.js';
import { HOMEPAGE, VERSION } from './version.js';

export type { BuildPaths } from './pipeline/paths.js';
export type { ChangeSummary, ItemRef } from './feeds/changes.js';

/** Options for {@link build}. Paths are resolved against `cwd`. */
export interface BuildOptions extends PathOptions {
  /**
   * Called as articles are parsed, with how many are done out of how many; for progress bars.
   * The library itself never prints.
   */
  onProgress?: (done: number, total: number) => void;
  /**
   * For a process that builds again and again (`build --watch`): pass the same session to every
   * build, and the articles of the previous build are reused from memory rather than decoded from
   * the cache again. Results are the same with or without it.
   */
  session?: BuildSession;
  /**
   * Replace files in the output folder that feedwright did not write (the CLI's `--force`).
   * Without it, such a file stops the build with OUTPUT_NOT_OWNED before anything is replaced.
   */
  force?: boolean;
}

/** What a long-running process keeps between builds (see `BuildOptions.session`). */
export interface BuildSession {
  /** The last build's cache entries, by key. */
  readonly articles: Map<string, ArticleEntry>;
  /**
   * The output record the last build wrote (src/cache/outputs.ts), so that the next one need not
   * read and parse it again. It proves nothing by itself: every file it names is still checked
   * against its stamp before anything is copied from it or left in place.
   */
  outputs?: OutputRecord | undefined;
  /**
   * The feed files of that record as written, by name, when they fit in `SESSION_FEED_BYTES`: the
   * next build copies its unchanged items from memory, without reading and hashing them again.
   */
  feeds?: ReadonlyMap<string, KeptBytes> | undefined;
  /** The last listing, kept up to date by a watcher that says which files changed (src/pipeline/inputs.ts). */
  listing?: ListingMemo | undefined;
}

export function createBuildSession(): BuildSession {
  return { articles: new Map() };
}

/** One generated feed file: which feed, which format, where it is published. */
export interface FeedRef {
  kind: FeedSet['kind'];
  /** The tag or author name; the page number for archive pages; '' for the main feed. */
  name: string;
  format: OutputFormat;
  /** Path inside the output folder. */
  file: string;
  url: string;
  title: string;
  items: number;
}
export { loadArticles, type LoadedArticles } from './pipeline/load.js';
export { resolvePaths } from './pipeline/paths.js';

/**
 * What a build did, for a caller that wants more than the files: counts of the work, not times.
 * A build that found nothing changed (`upToDate`) parsed, decoded and rendered nothing.
 */
export interface BuildWork {
  /**
   * True when the sources, config, version and output files were all as the last build left
   * them: the build stopped after listing the sources, and reports what the last build reported.
   */
  upToDate: boolean;
  /** Articles read and parsed (not found in the cache). */
  parsed: number;
  /** Cache entries decoded (not parsed, not served from a watch session's memory). */
  decoded: number;
  /** Feed items rendered, over all feed files. */
  rendered: number;
  /** Feed items copied from the previous output, over all feed files. */
  copied: number;
}

export interface BuildResult {
  /**
   * The articles in the feeds, newest first, read on request: a build that found nothing changed
   * never decodes them, and this reads them then (from the cache: the same articles the feeds
   * hold, as long as the sources did not change since). Each is a plain object, every field its
   * own enumerable property (spreads and JSON see them all; src/cache/heads.ts `ownArticle`).
   */
  articles(): Promise<Article[]>;
  /** Every diagnostic, sorted by file and line, then the feeds' validation. */
  diagnostics: Diagnostic[];
  /** Every file of the output: written, or unchanged (same bytes, not rewritten). Empty on a dry run. */
  files: WriteSummary[];
  /** Stale feed files removed: feeds of tags, authors or archive pages that no longer exist. */
  removedFiles: string[];
  counts: BuildCounts;
  /** New, updated and removed items compared with the previous output's JSON feeds. */
  changes: ChangeSummary;
  /** Every generated feed (all formats, all feed sets) with its URL. */
  feeds: FeedRef[];
  /** The configuration the build used, after defaults. */
  config: FeedwrightConfig;
  /** How much work the build did. */
  work: BuildWork;
}

/** What the no-change path returns again (src/cache/last-build.ts): the last build's report. */
interface LastReport {
  /** The articles' diagnostics (before CONFIG_DEFAULTS, which depends on the options). */
  diagnostics: Diagnostic[];
  validation: Diagnostic[];
  counts: BuildCounts;
  feeds: FeedRef[];
  /** Every planned file, in plan order. */
  names: string[];
  /** The folders of the planned feed sets. */
  dirs: string[];
}

const GENERATOR: FeedData['generator'] = { name: 'feedwright', version: VERSION, uri: HOMEPAGE };

/**
 * Build the feeds: load the articles, render every planned file (RSS, Atom and JSON Feed for the
 * site, its archive pages, tags and authors; the stylesheet, OPML list and index page) to
 * temporary files, validate every feed, and only then replace the old files, all together.
 * Unchanged files are not rewritten. A validation failure is a bug in feedwright: nothing is
 * replaced and VALIDATION_FAILED is thrown.
 *
 * When nothing changed since the last build (same sources by their stamps, config, version and
 * git dates; output files as written), the build lists the sources and stops: no article is
 * read, decoded or rendered, and the result is the last build's (`result.work.upToDate`).
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const paths = resolvePaths(options);
  assertNoOverlap(paths.outDir, paths.articlesDir, paths.display);
  const now = options.now ?? new Date();
  // Held here, not in a variable: the build lets the listing go once the articles are loaded.
  const held: HeldInputs = { inputs: await readInputs(paths, options.session?.listing) };
  if (!options.dryRun && !options.verifyLinks) {
    const done = await upToDate(paths, options, held.inputs as BuildInputs, now);
    if (done) return done;
  }
  try {
    return await buildFrom(paths, options, held, now, true);
  } catch (error) {
    if (!(error instanceof CacheEntryGone)) throw error;
    // A body served lazily was gone from the cache (another build compacted it): nothing was
    // committed; build again with every entry decoded from the pack (or parsed), from a new listing.
    options.session?.articles.clear();
    held.inputs = await readInputs(paths, options.session?.listing);
    return buildFrom(paths, options, held, now, false);
  }
}

/** The listing of a build, until its articles are loaded. */
interface HeldInputs {
  inputs: BuildInputs | undefined;
}

/** What the no-change path of the next build needs of this one's listing (`rememberBuild`). */
interface ListingSummary {
  /** `inputsDigest`, or undefined when the build cannot be summed up (src/cache/last-build.ts). */
  digest: () => Promise<string | undefined>;
  listedAt: number;
}

/**
 * Load the articles, sum up the listing for `rememberBuild`, and let the listing go: a SourceFile
 * per source (~250 bytes each, ~25 MB at 100k articles) need not be held while the feeds are
 * composed. A watch session holds its listing anyway (`BuildSession.listing`): its build sums it
 * up when `rememberBuild` asks, after the feeds are in place, not while the user waits for them
 * (~10k stamps joined and hashed: 25-60 ms of a 10k-article save on a busy machine).
 */
async function loadAndRelease(
  paths: ReturnType<typeof resolvePaths>,
  options: BuildOptions,
  held: HeldInputs,
  now: Date,
  heads: boolean,
  later: LaterWrites,
): Promise<{ loaded: LoadedArticles; listing: ListingSummary }> {
  const inputs = held.inputs as BuildInputs;
  held.inputs = undefined;
  // The items rendered while parsing are spooled for the feeds, unless nothing is written.
  // A watch session's cache is saved once the feeds are in place (`buildLoaded`), not before they are composed.
  // The cache's heads and state are written while the feeds are (`later`).
  const loaded = await loadArticles(paths, now, options.onProgress, options.session?.articles, inputs, {
    heads,
    spool: options.dryRun !== true,
    deferSave: options.session !== undefined,
    later,
  });
  const summable = loaded.fingerprint !== undefined && loaded.clockFree;
  const listedAt = inputs.listedAt;
  if (!summable) return { loaded, listing: { digest: known(undefined), listedAt } };
  if (options.session) return { loaded, listing: { digest: digestLater(paths, inputs), listedAt } };
  return { loaded, listing: { digest: known(await inputsDigest(paths, inputs)), listedAt } };
}

/**
 * A digest already taken. Made here, not by a closure in `loadAndRelease`: V8 gives the closures of
 * one function one shared context, and `digestLater`'s, holding the listing, would keep it alive.
 */
function known(digest: string | undefined): () => Promise<string | undefined> {
  return async () => digest;
}

/** The digest of `inputs`, taken when asked (a watch session's build, which holds its listing anyway). */
function digestLater(paths: ReturnType<typeof resolvePaths>, inputs: BuildInputs): () => Promise<string | undefined> {
  return () => inputsDigest(paths, inputs);
}

/** The build after the no-change check: `heads` serves unchanged entries from the cache's heads file. */
async function buildFrom(paths: ReturnType<typeof resolvePaths>, options: BuildOptions, held: HeldInputs, now: Date, heads: boolean): Promise<BuildResult> {
  // The cache's writes that wait for the feeds' (src/cache/steps.ts): done before the build returns, whatever happens.
  const later = new LaterWrites();
  try {
    const { loaded, listing } = await loadAndRelease(paths, options, held, now, heads, later);
    try {
      return await buildLoaded(paths, options, now, loaded, listing, later);
    } finally {
      // The items spooled while parsing are written into the feeds by now (or the build failed).
      loaded.spool?.dispose();
      // Saved already when the build got as far as placing its feeds.
      loaded.saveCache?.();
    }
  } finally {
    await later.finish();
  }
}

/**
 * The build once its articles are loaded. The cache's `later` writes (its heads and state: ~0.15 s
 * of a 10k cold build's main thread) run a step at a time from here on, in the time the main
 * thread waits for the output folder's reads, writes and syncs (docs/BENCHMARKS.md, r16-tail).
 */
async function buildLoaded(
  paths: ReturnType<typeof resolvePaths>,
  options: BuildOptions,
  now: Date,
  loaded: LoadedArticles,
  listing: ListingSummary,
  later: LaterWrites,
): Promise<BuildResult> {
  later.start();
  const { config } = paths.loaded;
  const reread = async (): Promise<Article[]> => (await loadArticles(paths, now, undefined, undefined, undefined, { heads: false })).articles;
  const articleDiagnostics = [...loaded.diagnostics];
  const defaults = configDefaults(options, paths);
  const script = languageCheck(paths, loaded.articles);
  if (script) loaded.diagnostics.unshift(script);
  if (defaults) loaded.diagnostics.unshift(defaults);
  if (options.verifyLinks) await checkLinks(options, paths, loaded);
  const plan = planOutput(config, loaded.articles, GENERATOR);
  const renders = plan.files;
  const feedNames = new Set(renders.filter((r) => (FORMATS as readonly string[]).includes(r.format)).map((r) => r.name));
  const work: BuildWork = { upToDate: false, parsed: loaded.work.parsed, decoded: loaded.work.decoded, rendered: 0, copied: 0 };
  if (options.dryRun) {
    const { checkFeed } = await import('./validate/index.js');
    const validation = renders.filter((r) => feedNames.has(r.name)).flatMap((r) => checkFeed(r.name, [...r.chunks()].join('')));
    const changes = compareItems(await readPreviousItems(paths.outDir, config.files.json, ARCHIVE_DIR), plan.published);
    return finish(loaded, [], [], validation, plan, changes, config, work, reread);
  }

  const outDir = paths.outDir;
  const outDisplay = paths.display(outDir);
  const release = await acquireLock(outDir, outDisplay);
  // Started now, ready by the time the feeds are composed: it writes those whose every item is spooled (src/feeds/stitch.ts).
  const stitcher = loaded.spool && loaded.work.parsed >= STITCH_LIMITS.minParsed ? new Stitcher() : undefined;
  // The spool's removal, on the stitcher's thread once the feeds are written (waited for before the build returns).
  let spoolGone: Promise<void> | undefined;
  const token = `${process.pid}-${Date.now().toString(36)}`;
  const rendered: RenderedFile[] = [];
  // Once the commit journal is on disk, the temporary files it names belong to it (src/output/journal.ts).
  const commit = { committed: false };
  const extraTemps: string[] = [];
  const names = renders.map((r) => r.name);
  const dirs = plan.sets.map((s) => s.dir);
  try {
    // Nothing is written or deleted through a link inside the output folder (the set folders are checked even when unused: stale feeds are removed from them).
    const noLinks = (names: Iterable<string>): Promise<void> => assertNoLinks(outDir, names, paths.display);
    await noLinks([...names, ...SET_FOLDERS.map((f) => `${f}.`)]);
    // A build killed in the middle of its renames: finish them before anything else.
    await rollForward(outDir, noLinks);
    await removeStaleTemps(outDir);
    const ownership = new Ownership(
      outDir,
      await readManifest(outDir),
      FORMATS.map((f) => config.files[f]),
    );
    // Same inputs and the files untouched since they were written: nothing to render (src/cache/outputs.ts).
    const session = options.session;
    const record = session?.outputs ?? readOutputRecord(paths);
    const kept = session?.outputs ? session.feeds : undefined;
    // Taken back until this build has written its own: a failed build leaves the disk's.
    if (session) {
      session.outputs = undefined;
      session.feeds = undefined;
    }
    const same = await unchangedOutputs(paths, record, loaded.fingerprint, names);
    if (same && record) {
      const removed = await commitAll(outDir, [], names, dirs, config, ownership, options.force === true, paths.display, token, commit, extraTemps);
      const result = finish(loaded, same.files, removed, same.validation, plan, { previous: true, added: [], updated: [], removed: [] }, config, work, reread);
      if (session) {
        session.outputs = record;
        session.feeds = kept;
      }
      await rememberBuild(paths, loaded, listing, record, { diagnostics: articleDiagnostics, validation: same.validation, counts: loaded.counts, feeds: result.feeds, names, dirs });
      return result;
    }
    // Read the previous items before anything is replaced: the change summary compares with them.
    const previous = await previousOutput(paths, record, kept);
    // A session keeps the feeds it writes when the last ones fitted (their size is known only from a record).
    const capture = session !== undefined && record !== undefined && feedBytes(record) <= SESSION_FEED_BYTES;
    // The record's published items (compared in place where they can be: `summarise`), else the previous feed.json's.
    const recorded = recordedItems(record, previous, config.files.json);
    const fromFeeds = recorded ? undefined : await readPreviousItems(outDir, config.files.json, ARCHIVE_DIR);
    // The writers' validators (saxes, ajv) load only when something is rendered.
    const { ComposeMemo, composeFeed } = await import('./feeds/compose.js');
    // The pipeline rendered each parsed article's items in the writers' order (src/pipeline/article.ts).
    const formatOrder = Object.keys((await import('./feeds/writers.js')).WRITERS);
    const spool = loaded.spool;
    const memo = new ComposeMemo(loaded.checkedItems);
    const keyOf = fragmentKeys(loaded.renderKeys);
    const composed = new Map<string, ComposedRecord>();
    const validatedByName = new Map<string, Diagnostic[]>();
    const itemDiagnostics = new Map<string, ItemDiagnostic[]>();
    const validation: Diagnostic[] = [];
    // A few files at a time: while one feed's copied bytes are hashed on this thread, another's
    // reads and writes run on libuv's threads (a 10k rebuild copies ~170 MB through three feeds).
    const done = new Array<RenderedFile | undefined>(renders.length);
    await eachLimit(renders, COMPOSE_CONCURRENCY, async (r, i) => {
      if (!r.feed) {
        const file = await renderToTemp(outDir, r.name, r.chunks(), token);
        rendered.push(file);
        done[i] = file;
        return;
      }
      const label = paths.display(path.join(outDir, r.name));
      const format = r.format as OutputFormat;
      const index = formatOrder.indexOf(format);
      const spooled = spool && index >= 0 ? { rendered: (a: Article) => spool.item(a, index) } : {};
      const request = { name: r.name, label, format, writer: r.feed.writer, feed: r.feed.data, keyOf: (a: Article) => keyOf(a, format), capture, kept: kept?.get(r.name), stitcher, sync: !session, ...spooled };
      const file = await composeFeed(outDir, request, previous, memo, token);
      rendered.push(file);
      done[i] = file;
    });
    // Nothing reads the spool any more: removed on the stitcher's thread while this one syncs, commits and records.
    if (stitcher && spool) spoolGone = stitcher.remove(spool.dir);
    // Everything below in plan order, whatever order the files were finished in.
    rendered.length = 0;
    for (const file of done) if (file) rendered.push(file);
    for (const file of rendered) {
      if (!('record' in file)) continue;
      const c = file as ComposedFile;
      work.rendered += c.items?.rendered ?? 0;
      work.copied += c.items?.copied ?? 0;
      composed.set(c.name, c.record);
      for (const [hash, found] of c.itemDiagnostics) itemDiagnostics.set(hash, found);
      const found = c.diagnostics.map((d) => (d.severity === 'error' ? { ...d, code: `FEED_INVALID/${d.code}` } : d));
      validatedByName.set(c.name, found);
      validation.push(...found);
    }
    if (validation.some((d) => d.severity === 'error')) {
      throw fatal('VALIDATION_FAILED', { first: validation.find((d) => d.severity === 'error')?.message ?? '' });
    }
    // A watch session's files are flushed to disk once they are in place, not before (`flushPlaced`).
    if (!session) await syncFiles(rendered);
    const { summary: files } = commitPlan(rendered);
    // Replaced feeds keep a second name until the new ones are in place (`spareNames`).
    const spares = await spareNames(outDir, rendered, token);
    const removed = await commitAll(outDir, rendered, names, dirs, config, ownership, options.force === true, paths.display, token, commit, extraTemps).finally(spares.start);
    // The feeds are in place: a watch session's cache is saved now (`LoadOptions.deferSave`).
    loaded.saveCache?.();
    // A watch session's new files, in place now, are on disk before the record names their stamps.
    if (session) await flushPlaced(outDir, rendered);
    const summary = summarise(recorded, fromFeeds, plan.published, loaded.renderKeys);
    const written = await writeOutputRecord(paths, loaded.fingerprint, rendered, validatedByName, composed, itemDiagnostics, summary.published);
    if (session && written) {
      session.outputs = written;
      session.feeds = capture ? keptFeeds(rendered) : undefined;
      // The feeds are in place: what the next save needs of this record is made now, not then.
      indexRecord(written);
    }
    const result = finish(loaded, files, removed, validation, plan, summary.changes, config, work, reread);
    await spares.done();
    await rememberBuild(paths, loaded, listing, written, { diagnostics: articleDiagnostics, validation, counts: loaded.counts, feeds: result.feeds, names, dirs });
    return result;
  } catch (error) {
    return await failed(error, paths, commit, rendered, extraTemps);
  } finally {
    // The spool's removal is done before its folder is disposed of (`buildFrom`), and the thread stopped.
    await spoolGone;
    stitcher?.close();
    release();
  }
}

/**
 * `minParsed`: builds that parsed fewer articles compose every feed on the main thread (a thread's
 * start costs more than moving their items). Tests lower it.
 */
export const STITCH_LIMITS = { minParsed: 1000 };

/**
 * At most this many bytes of feeds are kept in a watch session's memory (a 10k-article site's
 * three full-content feeds are ~170 MB); a bigger site's saves copy from the files.
 */
const SESSION_FEED_BYTES = 256 << 20;

/**
 * For a watch session whose first build found nothing changed (and so kept nothing): read the feed
 * files the output record lists into the session's memory, each proven item by item against the
 * record (the CRC-32 it keeps for every item, and the writer's separator between two
 * items), so that the first save copies its unchanged items from memory as the later ones do,
 * instead of reading and hashing ~170 MB (10k articles) while the user waits. Done after the
 * watcher started; a file that does not hold what the record says is not kept, and nothing is.
 */
export async function warmSession(options: BuildOptions, session: BuildSession): Promise<void> {
  if (session.feeds !== undefined) return;
  const paths = resolvePaths(options);
  // A first build that found its outputs unchanged kept the record it read, without the bytes.
  const record = session.outputs ?? readOutputRecord(paths);
  if (record === undefined || feedBytes(record) > SESSION_FEED_BYTES) return;
  const { KeptBytes } = await import('./feeds/compose.js');
  const { WRITERS } = await import('./feeds/writers.js');
  const { config } = paths.loaded;
  const feeds = new Map<string, KeptBytes>();
  for (const [name, r] of Object.entries(record.files)) {
    if (!r.items) continue;
    const format = FORMATS.find((f) => path.posix.basename(name) === config.files[f]);
    if (format === undefined) return;
    const bytes = await readFile(path.join(paths.outDir, name)).catch(() => undefined);
    if (bytes === undefined || bytes.length !== r.size || !itemsAsRecorded(bytes, r.items, Buffer.from(WRITERS[format].separator))) return;
    feeds.set(name, new KeptBytes([bytes]));
  }
  if (session.feeds !== undefined) return;
  session.outputs = record;
  session.feeds = feeds;
}

/** True when every recorded item is in `bytes` with its recorded CRC-32, and only `sep` lies between two of them. */
function itemsAsRecorded(bytes: Buffer, items: ItemSlots, sep: Buffer): boolean {
  let end = -1;
  for (let i = 0; i < items.length; i++) {
    const start = items.start(i);
    const length = items.bytes(i);
    const expected = items.crc(i);
    if (start < 0 || start + length > bytes.length) return false;
    if (end >= 0 && (start - end !== sep.length || !bytes.subarray(end, start).equals(sep))) return false;
    if (crc32(bytes.subarray(start, start + length)) !== expected) return false;
    end = start + length;
  }
  return true;
}

/**
 * Flush the files a watch session's build has just put in place (renamed over the old ones) to
 * disk. A one-off build flushes its temporary files before it renames them (`syncFiles`), so that
 * a power failure never leaves a renamed but empty file. A save in a watch session does not wait
 * for that: the feeds (~170 MB at 10k articles) are replaced first and flushed after, before the
 * output record that names their stamps is written. A power failure in between can leave a feed
 * cut short, with the previous record (whose stamps it does not match): the next build writes it
 * again, as it does any file changed behind its record.
 */
async function flushPlaced(outDir: string, rendered: readonly RenderedFile[]): Promise<void> {
  await Promise.all(
    rendered
      .filter((f) => f.tmp && !f.unchanged)
      .map(async (f) => {
        const handle = await open(path.join(outDir, f.name), 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }),
  );
}

/**
 * Before the commit: a second name (a hard link) for each feed file the build is about to
 * replace, removed once the new files are in place (`start`, whose removals `done` waits for). A
 * rename over a file's last name frees the old file's blocks inside the rename: on ext4 ~20-40 ms
 * per 58 MB feed of a 10k-article site, three renames in a row while a watch save waits for its
 * feeds (docs/BENCHMARKS.md, r16-watch), and while a one-off build's output record waits for them.
 * With a second name the rename only moves a name; the blocks are freed by the spares' removal,
 * the three at once on libuv's threads, while the record is written and its racy window passes
 * (src/cache/outputs.ts `stampFiles`): a one-off 10k one-change rebuild's commit 109-156 → 5-31 ms,
 * commit to record written and summary saved ~180 → ~115 ms (load 11; r23-rebuild; r16-watch had
 * found one-off builds' wall unchanged when the record still waited out the clock). Readers still
 * see the old file or the new one. A spare is named as a temporary file, so a build killed before
 * removing it leaves one that the next build's `removeStaleTemps` removes; where hard links
 * cannot be made, the rename frees the old file as before.
 */
async function spareNames(outDir: string, rendered: readonly RenderedFile[], token: string): Promise<{ start: () => void; done: () => Promise<void> }> {
  const spares: string[] = [];
  await Promise.all(
    rendered
      .filter((f) => f.tmp && !f.unchanged && f.bytes >= SPARE_LIMITS.minBytes)
      .map(async (f) => {
        const target = path.join(outDir, f.name);
        const spare = path.join(path.dirname(target), `.${path.basename(f.name)}.old.${token}.tmp`);
        // No old file (a new feed), or no hard links on this file system: nothing to keep.
        if (await link(target, spare).then(() => true, () => false)) spares.push(spare);
      }),
  );
  let removing: Promise<unknown> = Promise.resolve();
  return {
    start: () => {
      // A spare that cannot be removed is left to the next build's removeStaleTemps.
      removing = Promise.all(spares.splice(0).map((s) => rm(s, { force: true }).catch(() => undefined)));
    },
    done: async () => {
      await removing;
    },
  };
}

/** `minBytes`: files smaller than this are renamed over without a spare name (freeing their blocks is quick). Tests lower it. */
export const SPARE_LIMITS = { minBytes: 1 << 20 };

/** The bytes of the feed files a record lists. */
function feedBytes(record: OutputRecord): number {
  let n = 0;
  for (const r of Object.values(record.files)) if (r.items) n += r.size;
  return n;
}

/** The composed feeds' bytes, one buffer per file (a file whose bytes were not kept is copied from disk next time). */
function keptFeeds(rendered: readonly RenderedFile[]): Map<string, KeptBytes> {
  const out = new Map<string, KeptBytes>();
  for (const f of rendered) {
    if (!('record' in f)) continue;
    const kept = (f as ComposedFile).kept;
    if (kept) out.set(f.name, kept);
  }
  return out;
}

/** Feed files composed at the same time (each holds a 4 MiB copy buffer and a few file handles). */
const COMPOSE_CONCURRENCY = 3;

/**
 * Run `fn` on every item, at most `limit` at a time. On a failure no new item is started, the
 * running ones are waited for (so that every temporary file they made is known to the caller's
 * clean-up), and the first error is thrown.
 */
async function eachLimit<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      try {
        await fn(items[i] as T, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}

/** Cleans up after a failed build and throws the error, a write fault as OUTPUT_UNWRITABLE. */
async function failed(
  error: unknown,
  paths: ReturnType<typeof resolvePaths>,
  commit: { committed: boolean },
  rendered: readonly RenderedFile[],
  extraTemps: readonly string[],
): Promise<never> {
  if (!commit.committed) {
    await discardFiles(rendered);
    await Promise.all(extraTemps.map((f) => rm(f, { force: true })));
  }
  if (isOutputFault(error)) {
    const outDisplay = paths.display(paths.outDir);
    const file = (error as NodeJS.ErrnoException).path;
    const what = file ? `Writing ${paths.display(file)} failed` : `Writing the output folder ${outDisplay} failed`;
    const fault = unwritable(error, what, outDisplay);
    if (commit.committed)
      throw new FeedwrightError(
        fault.code,
        fault.message,
        'The new files were not all put in place; the next build finishes replacing them before it does anything else.',
        fault.file,
      );
    throw fault;
  }
  throw error;
}

/** Articles whose titles and summaries the language check reads: the newest, which the feeds show. */
const LANGUAGE_SAMPLE = 200;

/** A letter of a script other than Latin. */
const NON_LATIN_LETTER = /(?![\p{Script=Latin}])\p{L}/u;

/**
 * META_LANGUAGE_SCRIPT when the feed's language is not written in the script its newest articles in
 * that language use. The titles are read, and with them the summaries when a title holds a letter
 * of another script: a tech blog's short titles are often mostly Latin ("Kubernetes 部署"), and a
 * rebuild need not read 200 summaries from the cache for an English blog.
 */
function languageCheck(paths: ReturnType<typeof resolvePaths>, articles: readonly Article[]): Diagnostic | undefined {
  const { config, file } = paths.loaded;
  const sample: Article[] = [];
  for (const a of articles) {
    if (sample.length >= LANGUAGE_SAMPLE) break;
    if (!a.lang || a.lang.value === config.language) sample.push(a);
  }
  const withSummaries = sample.some((a) => NON_LATIN_LETTER.test(a.title.value));
  const texts = sample.map((a) => (withSummaries ? `${a.title.value}\n${a.summary.value}` : a.title.value));
  const mismatch = languageScriptMismatch(config.language, texts);
  return mismatch ? diagnostic('META_LANGUAGE_SCRIPT', { file: file ? paths.display(file) : 'feedwright.config.json' }, { language: config.language, ...mismatch }) : undefined;
}

/**
 * Building with the defaults gives feeds that link to example.com: say so, once; and so for a
 * config that still holds init's placeholders. Values taken from the site generator's config
 * instead are named, with their file, in a note.
 */
function configDefaults(options: BuildOptions, paths: ReturnType<typeof resolvePaths>): Diagnostic | undefined {
  if (options.config) return undefined;
  const { config, file, fromSite, placeholders } = paths.loaded;
  if (file === undefined && !(fromSite && 'title' in fromSite.values && 'link' in fromSite.values)) {
    return diagnostic('CONFIG_DEFAULTS', { file: 'feedwright.config.json' }, { title: config.title, link: config.link });
  }
  if (placeholders && file !== undefined) {
    const at = placeholders.find((p) => p.line !== undefined)?.line;
    return diagnostic('CONFIG_PLACEHOLDER', { file: paths.display(file), ...(at !== undefined ? { line: at } : {}) }, { keys: placeholders.map((p) => p.key) });
  }
  return fromSite ? diagnostic('CONFIG_FROM_SITE', { file: fromSite.from }, fromSite) : undefined;
}

/**
 * The no-change path: when the last build's summary (src/cache/last-build.ts) has this build's
 * inputs digest, its sources' stamps prove their texts, the clock is not before its newest
 * article, and every file it wrote is still as written, return its report. Nothing is read but
 * the listing, the summary and the output files' stamps; the lock, an unfinished commit journal,
 * the manifest and stale feeds are handled as in every build.
 */
async function upToDate(paths: ReturnType<typeof resolvePaths>, options: BuildOptions, inputs: BuildInputs, now: Date): Promise<BuildResult | undefined> {
  const last = readLastBuild<LastReport>(paths);
  if (!last || now.getTime() < last.notBefore || !stampsProve(last, inputs.listed.all)) return undefined;
  if ((await inputsDigest(paths, inputs)) !== last.inputs) return undefined;
  const { config } = paths.loaded;
  const { report } = last;
  const outDir = paths.outDir;
  const release = await acquireLock(outDir, paths.display(outDir));
  const token = `${process.pid}-${Date.now().toString(36)}`;
  const commit = { committed: false };
  const extraTemps: string[] = [];
  try {
    const noLinks = (names: Iterable<string>): Promise<void> => assertNoLinks(outDir, names, paths.display);
    await noLinks([...report.names, ...SET_FOLDERS.map((f) => `${f}.`)]);
    await rollForward(outDir, noLinks);
    await removeStaleTemps(outDir);
    if (!(await outputsIntact(paths, last))) return undefined;
    const ownership = new Ownership(
      outDir,
      await readManifest(outDir),
      FORMATS.map((f) => config.files[f]),
    );
    const removedFiles = await commitAll(outDir, [], report.names, report.dirs, config, ownership, options.force === true, paths.display, token, commit, extraTemps);
    const defaults = configDefaults(options, paths);
    const files: WriteSummary[] = report.names.map((name) => ({ name, status: 'unchanged', bytes: last.outputs[name]?.size ?? 0 }));
    return {
      articles: async () => (await loadArticles(paths, now, undefined, undefined, undefined, { heads: false })).articles,
      diagnostics: [...(defaults ? [defaults] : []), ...report.diagnostics, ...report.validation],
      files,
      removedFiles,
      counts: report.counts,
      changes: { previous: true, added: [], updated: [], removed: [] },
      feeds: report.feeds,
      config,
      work: { upToDate: true, parsed: 0, decoded: 0, rendered: 0, copied: 0 },
    };
  } catch (error) {
    return await failed(error, paths, commit, [], extraTemps);
  } finally {
    release();
  }
}

/** Keep this build's summary for the next one's no-change path, when its result depends on its inputs alone. */
async function rememberBuild(
  paths: ReturnType<typeof resolvePaths>,
  loaded: LoadedArticles,
  listing: ListingSummary,
  record: OutputRecord | undefined,
  report: LastReport,
): Promise<void> {
  const summable = record !== undefined && loaded.fingerprint !== undefined && loaded.clockFree;
  const outputs: Record<string, OutputStamp> = {};
  for (const name of report.names) {
    const r = record?.files[name];
    if (r) outputs[name] = { size: r.size, mtimeMs: r.mtimeMs, ctimeMs: r.ctimeMs, ino: r.ino };
  }
  if (!summable || Object.keys(outputs).length !== report.names.length) {
    writeLastBuild(paths, undefined);
    return;
  }
  const digest = await listing.digest();
  const notBefore = paths.loaded.config.future === 'hold' ? loaded.newestPublished : 0;
  writeLastBuild(paths, digest === undefined ? undefined : { inputs: digest, listedAt: listing.listedAt, notBefore, writtenAt: record.writtenAt, outputs, report });
}

/**
 * Replace the changed files, delete the stale feeds and update the manifest, all through one
 * commit journal (src/output/journal.ts). Only files feedwright owns are replaced (unless
 * `force`) or deleted (src/output/owned.ts). Returns the deleted files.
 */
async function commitAll(
  outDir: string,
  rendered: readonly RenderedFile[],
  names: readonly string[],
  dirs: readonly string[],
  config: FeedwrightConfig,
  ownership: Ownership,
  force: boolean,
  display: (abs: string) => string,
  token: string,
  commit: { committed: boolean },
  extraTemps: string[],
): Promise<string[]> {
  const { renames } = commitPlan(rendered);
  if (!force) {
    const foreign: string[] = [];
    for (const [, name] of renames) if (!(await ownership.owns(name))) foreign.push(name);
    if (foreign.length > 0) throw notOwned(foreign, (n) => display(path.join(outDir, n)), display(outDir));
  }
  await dropUnchanged(rendered);
  const stale = await staleSetFiles(outDir, dirs, config, ownership);
  const deletions = stale.files;
  // The manifest: this build's files, and those of earlier builds that are still there.
  const gone = new Set(deletions);
  const kept = [...(ownership.manifest ?? [])].filter((n) => !gone.has(n) && n !== MANIFEST_NAME);
  const stillThere = await Promise.all(kept.map((n) => exists(path.join(outDir, n))));
  const manifest = manifestText([...names, ...kept.filter((_, i) => stillThere[i])]);
  const current = await readFile(path.join(outDir, MANIFEST_NAME), 'utf8').catch(() => undefined);
  const all = [...renames];
  if (manifest !== current) {
    const tmpName = `.${MANIFEST_NAME.slice(1)}.${token}.tmp`;
    const tmp = path.join(outDir, tmpName);
    extraTemps.push(tmp);
    await writeFile(tmp, manifest);
    // Last: a manifest is only ever replaced with the files it lists.
    all.push([tmpName, MANIFEST_NAME]);
  }
  await commitJournal(outDir, { renames: all, deletions }, commit);
  // Folders left empty by stale feeds; not empty (the user keeps other files there): left.
  for (const dir of stale.dirs) await rmdir(path.join(outDir, dir)).catch(() => undefined);
  return deletions;
}

/**
 * The change summary against the previous build's published items, and the ones to record: in
 * place when only items that kept their place changed (`compareInPlace`: the unchanged ones are
 * neither compared nor made again), else in full.
 */
function summarise(
  recorded: PublishedItems | undefined,
  fromFeeds: ReadonlyMap<string, PreviousItem> | undefined,
  published: readonly Article[],
  renderKeys: ReadonlyMap<Article, string>,
): { changes: ChangeSummary; published: PublishedItems } {
  const renderKey = (a: Article): string | undefined => renderKeys.get(a);
  const inPlace = recorded && compareInPlace(recorded, published, renderKey);
  if (inPlace) return inPlace;
  const previous = recorded ? publishedMap(recorded) : fromFeeds;
  return { changes: compareItems(previous, published), published: publishedItems(published, renderKey) };
}

/**
 * An item's key in one format: its article's render key (src/pipeline/load.ts) and the format.
 * Articles without one (no cache, or read relative to the clock) are always rendered.
 */
function fragmentKeys(renderKeys: ReadonlyMap<Article, string>): (article: Article, format: OutputFormat) => string | undefined {
  return (article, format) => {
    const key = renderKeys.get(article);
    // 128 bits of the SHA-256 render key: as unique as the item hashes the record keeps.
    return key === undefined ? undefined : `${format}:${key.slice(0, 32)}`;
  };
}

function finish(
  loaded: LoadedArticles,
  files: WriteSummary[],
  removedFiles: string[],
  validation: Diagnostic[],
  plan: OutputPlan,
  changes: ChangeSummary,
  config: FeedwrightConfig,
  work: BuildWork,
  reread: () => Promise<Article[]>,
): BuildResult {
  const feeds: FeedRef[] = plan.sets.flatMap((s) =>
    FORMATS.map((format) => ({ kind: s.kind, name: s.name, format, file: s.files[format], url: s.urls[format], title: s.title, items: s.data[format].items.length })),
  );
  const articles = loaded.articles;
  return {
    articles: () => wholeArticles(articles, reread),
    diagnostics: [...loaded.diagnostics, ...validation],
    files,
    removedFiles,
    counts: loaded.counts,
    changes,
    feeds,
    config,
    work,
  };
}

/**
 * The articles with their bodies read: an article served from the cache's heads reads its body
 * from the pack on first access, and the pack may have been compacted since by another build;
 * then they are read again, decoded from the pack or parsed.
 */
async function wholeArticles(articles: Article[], reread: () => Promise<Article[]>): Promise<Article[]> {
  try {
    // Plain copies of articles served from the heads (src/cache/heads.ts `ownArticle`): every field an own, enumerable property, as spreads and JSON expect.
    const whole = articles.map((a) => ownArticle(a));
    for (const a of whole) if (a.contentHtml === undefined || a.contentText === undefined || a.dropped === undefined) throw new Error('an article without a body');
    return whole;
  } catch (error) {
    if (error instanceof CacheEntryGone) return reread();
    throw error;
  }
}

/**
 * Feeds of tags, authors and archive pages that are no longer generated (the last article with a
 * tag was deleted; `limit` changed): their three feed files, and their folders (removed if then
 * empty). Only feedwright's own file names in its own folders, and only files it owns.
 */
async function staleSetFiles(outDir: string, plannedDirs: readonly string[], config: FeedwrightConfig, ownership: Ownership): Promise<{ files: string[]; dirs: string[] }> {
  const planned = new Set(plannedDirs);
  const files: string[] = [];
  const dirs: string[] = [];
  for (const folder of SET_FOLDERS) {
    const entries = await readdir(path.join(outDir, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const dir = `${folder}${entry.name}/`;
      // A link is not a directory here (lstat): never followed.
      if (!entry.isDirectory() || planned.has(dir)) continue;
      dirs.push(dir);
      for (const f of FORMATS) {
        const file = dir + config.files[f];
        if ((await exists(path.join(outDir, file))) && (await ownership.owns(file))) files.push(file);
      }
    }
  }
  return { files, dirs };
}

/** True when `file` exists (a link counts, whatever it points to). */
function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Temporary files left by a build that was killed (SIGKILL cannot clean up after itself). The walk
 * does not follow links (Node's recursive readdir does): a link inside the output folder must
 * never make feedwright delete outside it.
 */
async function removeStaleTemps(outDir: string): Promise<void> {
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(abs);
      else if (entry.isFile() && /^\.[^/]+\.\d+-[a-z0-9]+\.tmp$/.test(entry.name)) await rm(abs, { force: true });
    }
  };
  await walk(outDir);
}

/** --verify-links: every item link must be a page the site built (src/site/verify.ts). */
async function checkLinks(options: BuildOptions, paths: ReturnType<typeof resolvePaths>, loaded: LoadedArticles): Promise<void> {
  const { verifyLinks } = await import('./site/verify.js');
  const { config } = paths.loaded;
  const site = config.siteInfo;
  let outputDir: string;
  if (typeof options.verifyLinks === 'string') outputDir = path.resolve(options.cwd ?? process.cwd(), options.verifyLinks);
  else if (site && paths.siteRoot) outputDir = path.resolve(paths.siteRoot, site.output);
  else
    throw fatal('USAGE', { problem: 'verify-links-no-site' });
  const base = config.itemBase !== config.link ? config.itemBase : (site?.baseUrl ?? config.itemBase);
  const { diagnostics } = verifyLinks(loaded.articles, outputDir, base, paths.display);
  loaded.diagnostics.push(...diagnostics);
}
