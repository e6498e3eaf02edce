import { diag } from '../diagnostics.js';
import { probeClock } from '../meta/clock-probe.js';
import type { ResolveContext } from '../meta/resolve.js';
import { resolveArticle } from '../meta/resolve.js';
import type { SourceFile } from '../sources/files.js';
import { type ReadContext, readDocument } from '../sources/read.js';
import { WRITERS } from '../feeds/writers.js';
import type { Article } from '../model.js';
import { checkItem, itemHash } from '../validate/compose.js';
import type { ArticleEntry } from './articles.js';

export { loadReaders } from '../sources/read.js';

/*
 * Reading and resolving, apart from the cache bookkeeping: this module pulls in every parser
 * (Markdown, YAML, the text cleaner, linkedom and Readability for HTML, sanitize-html), so the
 * loader imports it only on the first cache miss. A build with a warm cache never loads them.
 */

/** Read and resolve one source, and note what beyond its key the result depends on. */
export function computeEntry(file: SourceFile, text: string, readContext: ReadContext, resolveContext: ResolveContext): ArticleEntry {
  // Text and HTML dates may be read relative to the clock: each date read against the build time
  // is read again against a reference a year and some hours earlier (src/meta/clock-probe.ts).
  // Any relative or partial date then comes out different, and the result is not cached.
  const shifted = new Date(readContext.now.getTime() - 400 * 86_400_000 - 7 * 3_600_000);
  const { result: read, clockDependent } = probeClock(shifted, () => readDocument(file, text, readContext));
  const cacheable = !(read.ok && clockDependent);
  if (!read.ok) return { status: 'error', diagnostics: read.diagnostics, mtimeSec: null, cacheable };
  const resolved = resolveArticle(read.doc, file.mtimeMs, resolveContext);
  const diagnostics = [...read.diagnostics, ...resolved.diagnostics];
  const usesMtime =
    diagnostics.some((d) => d.code === 'META_DATE_FROM_MTIME') ||
    (resolved.status === 'ok' && (resolved.article.published.from === 'mtime' || resolved.article.updated.from === 'mtime'));
  const mtimeSec = usesMtime ? Math.floor(file.mtimeMs / 1000) : null;
  if (resolved.status !== 'ok') return { status: resolved.status, diagnostics, mtimeSec, cacheable };
  const checked = checkItems(resolved.article);
  // An item that fails validation is a bug in feedwright; it costs this article, not the build.
  const invalid = checked.flatMap(([, found]) => found).find((d) => d.severity === 'error');
  if (invalid) {
    const rule = `${invalid.code}: ${invalid.message}`;
    const message = `feedwright rendered this article into a feed item that fails its own validation (${rule}); the article is left out of the feeds.`;
    const bug = diag('ARTICLE_ITEM_INVALID', { file: file.displayPath }, message, 'This is a bug in feedwright: please report it with the article.');
    return { status: 'error', diagnostics: [...diagnostics, bug], mtimeSec, cacheable };
  }
  return { status: 'ok', article: resolved.article, diagnostics, mtimeSec, cacheable, checked };
}

/**
 * Render the article's item in each format and validate it, as the build would (src/feeds/compose.ts):
 * done here, it runs wherever the article is parsed, on every core (src/pipeline/parse-pool.ts),
 * and the build finds the result by the item's hash instead of validating it again.
 */
function checkItems(article: Article): NonNullable<ArticleEntry['checked']> {
  return Object.values(WRITERS).map((writer) => {
    const text = writer.item(article);
    return [itemHash(text), checkItem(writer, article, text)];
  });
}

/**
 * computeEntry, with a bug on one article contained: the exception becomes an
 * ARTICLE_INTERNAL_ERROR entry (never cached) and the build goes on with the others. The main
 * thread and the parse workers (src/pipeline/parse-worker.ts) both call this, so the diagnostic
 * is the same wherever the article was parsed.
 */
export function computeEntrySafely(file: SourceFile, text: string, readContext: ReadContext, resolveContext: ResolveContext): ArticleEntry {
  try {
    return computeEntry(file, text, readContext, resolveContext);
  } catch (error) {
    // A bug on one article must not take the others down: name it, leave it out, go on.
    const e = error instanceof Error ? error : new Error(String(error));
    return {
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
    };
  }
}
