import { findTemplateLines } from '../clean/text/index.js';
import { compareDiagnostics, diag } from '../diagnostics.js';
import { compareArticles } from '../feeds/model.js';
import { readGitDates } from '../meta/git.js';
import { resolveArticle } from '../meta/resolve.js';
import type { Article, Diagnostic } from '../model.js';
import { listSources, readSource, type SourceFile } from '../sources/files.js';
import { readDocument, type ReadContext } from '../sources/read.js';
import type { BuildPaths } from './paths.js';

export interface BuildCounts {
  sources: number;
  published: number;
  drafts: number;
  held: number;
  failed: number;
}

export interface LoadedArticles {
  articles: Article[];
  diagnostics: Diagnostic[];
  counts: BuildCounts;
}

/**
 * Read, clean and resolve every article (the first half of a build; `explain` uses it too).
 *
 * 1. list the sources (stable order) and, at the same time, read git dates with one `git log`;
 * 2. read and decode every file; a bad file becomes a diagnostic, the rest go on;
 * 3. learn the folder's site template from the text sources (lines recurring in many files);
 * 4. parse each source by kind (front matter, Markdown / text cleaning / HTML extraction);
 * 5. resolve metadata by precedence, with provenance;
 * 6. drop duplicates of an id or slug (reported on both files), sort newest first.
 */
export async function loadArticles(paths: BuildPaths, now: Date, onProgress?: (done: number, total: number) => void): Promise<LoadedArticles> {
  const { config } = paths.loaded;
  const diagnostics: Diagnostic[] = [];
  const gitPromise = config.git ? readGitDates(paths.articlesDir, paths.display(paths.articlesDir)) : Promise.resolve({ dates: new Map(), diagnostics: [] });
  const listed = await listSources(paths.articlesDir, paths.display);
  diagnostics.push(...listed.diagnostics);

  const texts = await mapLimit(listed.files, 16, async (file) => ({ file, result: await readSource(file) }));
  const decoded: { file: SourceFile; text: string }[] = [];
  for (const { file, result } of texts) {
    if (result.ok) decoded.push({ file, text: result.text });
    else diagnostics.push(result.diagnostic);
  }

  const template = findTemplateLines(decoded.filter((d) => d.file.kind === 'text').map((d) => d.text));
  const readContext: ReadContext = {
    timezone: config.timezone,
    template,
    dropPatterns: config.clean.drop.map((p) => new RegExp(p, 'u')),
    keepPatterns: config.clean.keep.map((p) => new RegExp(p, 'u')),
    now,
  };
  const git = await gitPromise;
  diagnostics.push(...git.diagnostics);

  const counts = { sources: listed.files.length, published: 0, drafts: 0, held: 0, failed: listed.files.length - decoded.length };
  const articles: Article[] = [];
  for (const [done, { file, text }] of decoded.entries()) {
    onProgress?.(done, decoded.length);
    const read = readDocument(file, text, readContext);
    diagnostics.push(...read.diagnostics);
    if (!read.ok) {
      counts.failed++;
      continue;
    }
    const resolved = resolveArticle(read.doc, file.mtimeMs, { config, git: git.dates, now });
    diagnostics.push(...resolved.diagnostics);
    if (resolved.status === 'ok') articles.push(resolved.article);
    else if (resolved.status === 'draft') counts.drafts++;
    else if (resolved.status === 'future') counts.held++;
    else counts.failed++;
  }

  articles.sort(compareArticles);
  const kept = dropDuplicates(articles, diagnostics);
  counts.failed += articles.length - kept.length;
  counts.published = kept.length;
  diagnostics.sort(compareDiagnostics);
  return { articles: kept, diagnostics, counts };
}

/** Keep the first (newest, then lowest id) article of each id and slug; report both files. */
function dropDuplicates(articles: Article[], diagnostics: Diagnostic[]): Article[] {
  const byId = new Map<string, Article>();
  const bySlug = new Map<string, Article>();
  const kept: Article[] = [];
  for (const a of articles) {
    const sameId = byId.get(a.id.value);
    const sameSlug = a.link.from === 'derived' ? bySlug.get(a.slug.value) : undefined;
    const other = sameId ?? sameSlug;
    if (other) {
      const code = sameId ? 'META_DUPLICATE_ID' : 'META_DUPLICATE_SLUG';
      const what = sameId ? `id "${a.id.value}"` : `slug "${a.slug.value}"`;
      diagnostics.push(diag(code, lineAt(a, sameId ? 'id' : 'slug'), `This article has the same ${what} as ${other.displayPath}; it is left out of the feeds.`, sameId ? 'Give one of them a different "id" (or slug).' : 'Give one of them a different "slug" in its front matter.'));
      diagnostics.push(diag(code, lineAt(other, sameId ? 'id' : 'slug'), `${a.displayPath} has the same ${what} as this article and was left out.`, 'Give one of them a different "slug" or "id".'));
      continue;
    }
    byId.set(a.id.value, a);
    bySlug.set(a.slug.value, a);
    kept.push(a);
  }
  return kept;
}

function lineAt(a: Article, field: 'id' | 'slug'): { file: string; line?: number } {
  const line = a[field].line;
  return line === undefined ? { file: a.displayPath } : { file: a.displayPath, line };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return results;
}
