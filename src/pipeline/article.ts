import type { ArticleEntry } from '../cache/articles.js';
import type { FeedwrightConfig } from '../config/schema.js';
import { diagnostic } from '../diagnostics.js';
import { checkItem, type ItemDiagnostic, itemHash, valueConcern } from '../feeds/compose-check.js';
import { WRITERS } from '../feeds/writers.js';
import type { Diagnostic } from '../model.js';
import { probeClock } from '../meta/clock-probe.js';
import { type ResolveContext, resolveArticle } from '../meta/resolve.js';
import type { Article, SourceDocument } from '../model.js';
import type { SourceFile } from '../sources/files.js';
import { type ReadContext, readDocument } from '../sources/read.js';
import { makeReadContext } from '../sources/read-context.js';

export { loadReaders, readersLoaded } from '../sources/read.js';

/*
 * The article pipeline: one decoded source file in, its rendered and validated feed item (or the
 * reason there is none) and every diagnostic out. The build (src/pipeline/load.ts), its parse
 * workers (parse-pool.ts, parse-worker.ts), `build --watch` (through the build) and `explain`
 * (src/explain-input.ts) all call `runArticle`, so what explain shows is what the build publishes.
 *
 * This module pulls in every parser (Markdown, YAML, the text cleaner, linkedom and Readability
 * for HTML, sanitize-html) and the validators, so it is imported on the first cache miss only: a
 * build with a warm cache never loads them.
 */

/** What one article needs besides its file and text: the same for every article of a run. */
export interface ArticleContext {
  /** How sources are read: the config's zone and patterns, the site template, the clock. */
  read: ReadContext;
  /** How fields are resolved: the config, git dates by relative path, the clock. */
  resolve: ResolveContext;
  /** Where the items rendered go as UTF-8 (the thread's spool: src/pipeline/spool.ts); without it, each is a Buffer of its own (`ArticleRun.rendered`). */
  items?: ItemSink;
}

/** Takes each item the pipeline renders, encoded as UTF-8 (`SpoolWriter`). */
export interface ItemSink {
  /** The item's bytes (valid until the next append) and its four numbers in the sink; undefined when the sink cannot take it. */
  append(text: string): { bytes: Buffer; at: readonly number[] } | undefined;
}

/** The context of a run: `template` is the folder's site template (src/pipeline/inputs.ts). */
export function articleContext(config: FeedwrightConfig, template: ReadonlySet<string>, git: ResolveContext['git'], now: Date): ArticleContext {
  return { read: makeReadContext(config, template, now), resolve: { config, git, now } };
}

/** One article through the pipeline. */
export interface ArticleRun {
  /** What the build stores and publishes (src/cache/articles.ts stores it as it is). */
  entry: ArticleEntry;
  /** What the reader made of the file (dropped blocks, body text, metadata found), when it could be read. */
  doc?: SourceDocument;
  /** The resolved article, also when its item then failed validation (entry.status 'error'). */
  article?: Article;
  /**
   * With an 'ok' entry: its items as rendered and checked, UTF-8, in the order of `entry.checked`
   * (the build spools them for the feeds instead of rendering them again: src/pipeline/spool.ts).
   */
  rendered?: Buffer[];
  /**
   * With an 'ok' entry and the context's `items`: the four numbers of each item appended there
   * (`SpooledItems.at`), in the same order, instead of `rendered`.
   */
  spooled?: number[];
}

/**
 * Steps 4 and 5 of a build for one source, and its items:
 * 1. read it by kind (front matter; Markdown / text cleaning / HTML extraction), with the clock
 *    probe noting whether any date was read relative to the build's clock;
 * 2. resolve every field by precedence, with provenance (drafts, future and section pages stop here);
 * 3. render its item in each format and check each alone (src/feeds/compose-check.ts): with the
 *    full validator when the article took an unusual path (`unusualPath`) or the item falls in the
 *    sample (`inFullCheckSample`), else with the cheap check of what the types cannot guarantee
 *    (`checkItemQuickly`'s: the values, once per article, and the full validator on any doubt;
 *    the writers' output is proved by property tests, not scanned again). Done here,
 *    this runs wherever the article is parsed, on every core, and the build finds each item
 *    already checked by its hash. An item that fails is a bug in feedwright: it costs this
 *    article (ARTICLE_ITEM_INVALID), not the build.
 */
export function runArticle(file: SourceFile, text: string, ctx: ArticleContext): ArticleRun {
  // Text and HTML dates may be read relative to the clock: each date read against the build time
  // is read again against a reference a year and some hours earlier (src/meta/clock-probe.ts).
  // Any relative or partial date then comes out different, and the result is not cached.
  const shifted = new Date(ctx.read.now.getTime() - 400 * 86_400_000 - 7 * 3_600_000);
  const { result: read, clockDependent } = probeClock(shifted, () => readDocument(file, text, ctx.read));
  const cacheable = !(read.ok && clockDependent);
  if (!read.ok) return { entry: { status: 'error', diagnostics: read.diagnostics, mtimeSec: null, cacheable } };
  const doc = read.doc;
  const resolved = resolveArticle(doc, file.mtimeMs, ctx.resolve);
  const diagnostics = [...read.diagnostics, ...resolved.diagnostics];
  const usesMtime =
    diagnostics.some((d) => d.code === 'META_DATE_FROM_MTIME') ||
    (resolved.status === 'ok' && (resolved.article.published.from === 'mtime' || resolved.article.updated.from === 'mtime'));
  const mtimeSec = usesMtime ? Math.floor(file.mtimeMs / 1000) : null;
  if (resolved.status !== 'ok') return { entry: { status: resolved.status, diagnostics, mtimeSec, cacheable }, doc };
  const article = resolved.article;
  const { checked, rendered, spooled } = checkItems(article, unusualPath(file, text, doc, diagnostics, ctx) !== undefined, ctx.items);
  const invalid = firstError(checked);
  if (invalid) {
    const bug = diagnostic('ARTICLE_ITEM_INVALID', { file: file.displayPath }, { code: invalid.code, problem: invalid.message });
    return { entry: { status: 'error', diagnostics: [...diagnostics, bug], mtimeSec, cacheable }, doc, article };
  }
  return { entry: { status: 'ok', article, diagnostics, mtimeSec, cacheable, checked }, doc, article, ...(spooled ? { spooled } : rendered ? { rendered } : {}) };
}

/** The feed writers in their table's order (Object.values once, not per article). */
const ITEM_WRITERS = Object.values(WRITERS);

/** The first error the checks found in an article's items, format by format. */
function firstError(checked: readonly (readonly [string, readonly ItemDiagnostic[]])[]): ItemDiagnostic | undefined {
  for (const [, found] of checked) for (const d of found) if (d.severity === 'error') return d;
  return undefined;
}

/**
 * The article's item in each format, by hash, with what the checks found in it alone; and the
 * items' bytes: appended to `sink` (`spooled`, when it took every item), else a Buffer each.
 */
function checkItems(article: Article, unusual: boolean, sink: ItemSink | undefined): { checked: NonNullable<ArticleEntry['checked']>; rendered?: Buffer[]; spooled?: number[] } {
  // The article's values are the same in every format: looked at once.
  const values = unusual ? undefined : valueConcern(article);
  const rendered: Buffer[] | undefined = sink ? undefined : [];
  let spooled: number[] | undefined = sink ? [] : undefined;
  // Pushed into a literal: a packed array, however optimised (a holey one, as `map` gives once
  // optimised, is another hidden class for the loops over it, and v8.serialize writes it as a
  // sparse array: a record's bytes would depend on the JIT's state).
  const checked: [string, ItemDiagnostic[]][] = [];
  for (const writer of ITEM_WRITERS) {
    const text = writer.item(article);
    const appended = sink?.append(text);
    if (appended) spooled?.push(...appended.at);
    else spooled = undefined;
    const bytes = appended?.bytes ?? Buffer.from(text);
    rendered?.push(bytes);
    const hash = itemHash(bytes);
    // checkItemQuickly with the article's values looked at once: the full validator when the path,
    // the sample or the values give a reason, else nothing to report. (Passing
    // `values` to checkItemQuickly would not do: undefined, "no concern", takes its default, null,
    // and every format looked at the values again, ~1/3 of the quick checks' time.)
    const full = unusual || inFullCheckSample(hash) || values !== undefined;
    const found = full ? checkItem(writer, article, text) : [];
    checked.push([hash, found]);
  }
  return { checked, ...(rendered ? { rendered } : {}), ...(spooled ? { spooled } : {}) };
}

/**
 * One item in FULL_CHECK_SAMPLE is checked by the full validator whatever its path, chosen by its
 * hash: deterministic (the same item is always in or out, so builds stay reproducible and a cached
 * result means the same thing), spread over every kind of article, and the validator keeps being
 * exercised by real builds at ~1/FULL_CHECK_SAMPLE of its per-item cost. One in 128: a full check
 * costs ~40 quick checks, so one in 32 cost as much as every item's quick checks together (~1.4 s
 * of a 10k cold build's CPU at load; docs/BENCHMARKS.md, r9-cold); a 10k build still validates
 * ~230 items in full, and `check`, the tests and every unusual path validate in full as before.
 */
export const FULL_CHECK_SAMPLE = 128;

export function inFullCheckSample(hash: string): boolean {
  return Number.parseInt(hash.slice(0, 8), 16) % FULL_CHECK_SAMPLE === 0;
}

/**
 * Diagnostics that say the article's content went through a fallback or a bound rather than the
 * ordinary reader: a body cut or flattened (nesting, complexity bounds), template or MDX code
 * removed, nothing left of the body. (A text decoded from a legacy encoding is not seen here:
 * decoding happens before the pipeline, and the decoded text is ordinary text.)
 */
const UNUSUAL_CODES: ReadonlySet<string> = new Set([
  'CONTENT_TRUNCATED_NESTING',
  'ARTICLE_TOO_COMPLEX',
  'CONTENT_TEMPLATE_REMOVED',
  'CONTENT_TEMPLATE_FAILED',
  'CONTENT_MDX_REMOVED',
  'CONTENT_EMPTY',
]);

/** Dropped-block rules of the readers' fallbacks: HTML density fallback, too deep or complex, no tree. */
const UNUSUAL_DROPS: ReadonlySet<string> = new Set(['fallback', 'light-preclean', 'too-deep', 'too-complex', 'dom-failed', 'markdown-failed']);

/**
 * Why this article's items get the full validator rather than the cheap checks (undefined: they
 * do not): its input took a path other than the ordinary reader of its kind. That is an `.mdx`
 * file, a body run through the site's template engine or with its internal links rewritten, a reader fallback (UNUSUAL_DROPS) or a
 * diagnostic of one (UNUSUAL_CODES). These are the paths least covered by the writers' property
 * tests, so they pay for the full check; there are few of them.
 */
export function unusualPath(file: SourceFile, text: string, doc: SourceDocument, diagnostics: readonly Diagnostic[], ctx: ArticleContext): string | undefined {
  if (file.relPath.toLowerCase().endsWith('.mdx')) return 'an MDX file';
  if (ctx.read.templates !== undefined && /\{[{%]/.test(text)) return 'template code rendered';
  if (ctx.read.templates?.generator === 'zola' && text.includes('@/')) return 'internal links rewritten';
  const drop = doc.dropped.find((d) => UNUSUAL_DROPS.has(d.rule));
  if (drop) return `the reader's ${drop.rule} path`;
  const d = diagnostics.find((x) => UNUSUAL_CODES.has(x.code));
  return d ? d.code : undefined;
}

/**
 * runArticle, with a bug on one article contained: the exception becomes an ARTICLE_INTERNAL_ERROR
 * entry (never cached) and the run goes on with the others. The main thread, the parse workers
 * and `explain` all call this, so the diagnostic is the same wherever the article was read.
 */
export function runArticleSafely(file: SourceFile, text: string, ctx: ArticleContext): ArticleRun {
  try {
    return runArticle(file, text, ctx);
  } catch (error) {
    // A bug on one article must not take the others down: name it, leave it out, go on.
    const e = error instanceof Error ? error : new Error(String(error));
    return {
      entry: {
        status: 'error',
        diagnostics: [diagnostic('ARTICLE_INTERNAL_ERROR', { file: file.displayPath }, { name: e.name, message: e.message })],
        mtimeSec: null,
        cacheable: false,
      },
    };
  }
}
