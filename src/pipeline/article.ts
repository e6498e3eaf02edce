import type { ArticleEntry } from '../cache/articles.js';
import type { FeedwrightConfig } from '../config/schema.js';
import { diag } from '../diagnostics.js';
import { checkItem, itemHash } from '../feeds/compose-check.js';
import { WRITERS } from '../feeds/writers.js';
import { probeClock } from '../meta/clock-probe.js';
import { type ResolveContext, resolveArticle } from '../meta/resolve.js';
import type { Article, SourceDocument } from '../model.js';
import type { SourceFile } from '../sources/files.js';
import { type ReadContext, readDocument } from '../sources/read.js';
import { makeReadContext } from '../sources/read-context.js';

export { loadReaders } from '../sources/read.js';

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
}

/**
 * Steps 4 and 5 of a build for one source, and its items:
 * 1. read it by kind (front matter; Markdown / text cleaning / HTML extraction), with the clock
 *    probe noting whether any date was read relative to the build's clock;
 * 2. resolve every field by precedence, with provenance (drafts, future and section pages stop here);
 * 3. render its item in each format and validate each alone (src/feeds/compose-check.ts). Done
 *    here, this runs wherever the article is parsed, on every core, and the build finds each item
 *    already validated by its hash. An item that fails is a bug in feedwright: it costs this
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
  const checked = checkItems(article);
  const invalid = checked.flatMap(([, found]) => found).find((d) => d.severity === 'error');
  if (invalid) {
    const rule = `${invalid.code}: ${invalid.message}`;
    const message = `feedwright rendered this article into a feed item that fails its own validation (${rule}); the article is left out of the feeds.`;
    const bug = diag('ARTICLE_ITEM_INVALID', { file: file.displayPath }, message, 'This is a bug in feedwright: please report it with the article.');
    return { entry: { status: 'error', diagnostics: [...diagnostics, bug], mtimeSec, cacheable }, doc, article };
  }
  return { entry: { status: 'ok', article, diagnostics, mtimeSec, cacheable, checked }, doc, article };
}

/** The article's item in each format, by hash, with what the validator found in it alone. */
function checkItems(article: Article): NonNullable<ArticleEntry['checked']> {
  return Object.values(WRITERS).map((writer) => {
    const text = writer.item(article);
    return [itemHash(text), checkItem(writer, article, text)];
  });
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
        diagnostics: [
          diag(
            'ARTICLE_INTERNAL_ERROR',
            { file: file.displayPath },
            `feedwright failed on this article (${e.name}: ${e.message}); it is left out of the feeds.`,
            'This is a bug in feedwright: please report it with the article.',
          ),
        ],
        mtimeSec: null,
        cacheable: false,
      },
    };
  }
}
