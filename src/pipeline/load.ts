import { type ArticleEntry, hashText, openArticleCache } from '../cache/articles.js';
import { findTemplateLines } from '../extract/text/template.js';
import { compareDiagnostics, diag } from '../diagnostics.js';
import { compareArticles } from '../feeds/model.js';
import { readGitDates } from '../meta/git.js';
import type { Article, Diagnostic } from '../model.js';
import type { ItemDiagnostic } from '../validate/compose.js';
import { listSources, readSource, type SourceFile } from '../sources/files.js';
import { VERSION } from '../version.js';
import { parseJobs } from './parse-pool.js';
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
  /**
   * Hash of everything the feeds are rendered from (config, version, every published article's
   * cache key, in order); undefined without a cache or when a result depends on the clock.
   * Equal fingerprints render equal bytes, so a build may skip rendering (src/cache/outputs.ts).
   */
  fingerprint?: string;
  /**
   * For each article whose result came from (or went into) the cache: a hash of its cache key and
   * of the mtime it depends on, which names its inputs exactly. Equal keys give equal Articles, so
   * the build reuses their rendered items (src/feeds/compose.ts).
   */
  renderKeys: ReadonlyMap<Article, string>;
  /** Items validated while their articles were parsed, by item hash (src/cache/compute.ts). */
  checkedItems: ReadonlyMap<string, ItemDiagnostic[]>;
}

/**
 * Read, clean and resolve every article (the first half of a build; `explain` uses it too).
 *
 * 1. list the sources (stable order) and, at the same time, read git dates with one `git log`;
 * 2. read and decode every file whose stamp (size, mtime, ctime, inode) the cache cannot vouch
 *    for; a bad file becomes a diagnostic, the rest go on;
 * 3. learn the folder's site template from the text sources (lines recurring in many files);
 * 4. for each source, look its result up in the cache by the hash of everything it depends on;
 *    on a miss, parse it by kind (front matter, Markdown / text cleaning / HTML extraction) and
 * 5. resolve metadata by precedence, with provenance, and store the result;
 * 6. drop duplicates of an id or slug (reported on both files), sort newest first.
 *
 * The cache only ever skips work whose result is known: see src/cache/articles.ts for the key.
 */
export async function loadArticles(paths: BuildPaths, now: Date, onProgress?: (done: number, total: number) => void, memo?: Map<string, ArticleEntry>): Promise<LoadedArticles> {
  const { config } = paths.loaded;
  const diagnostics: Diagnostic[] = [];
  const gitPromise = config.git ? readGitDates(paths.articlesDir, paths.display(paths.articlesDir)) : Promise.resolve({ dates: new Map(), diagnostics: [] });
  const listed = await listSources(paths.articlesDir, paths.display);
  diagnostics.push(...listed.diagnostics);
  const cache = openArticleCache(paths, now, memo);

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
  const failed = new Set<Source>();
  await mapLimit(toRead, 16, async (s) => {
    const result = await readSource(s.file, config.fallbackEncoding);
    if (result.ok) {
      s.text = result.text;
      s.note = result.note;
      s.hash = hashText(result.text);
    } else {
      diagnostics.push(result.diagnostic);
      failed.add(s);
    }
  });
  const decoded = sources.filter((s) => !failed.has(s));
  for (const s of decoded) cache.record(s.file, s.hash as string);

  const template = textChanged
    ? cache.learnTemplate(
        findTemplateLines(decoded.filter((d) => d.file.kind === 'text').map((d) => d.text as string)),
        decoded.filter((d) => d.file.kind === 'text').map((d) => d.hash as string),
      )
    : storedTemplate;
  const git = await gitPromise;
  diagnostics.push(...git.diagnostics);
  cache.setGit(git.dates);

  const counts = { sources: listed.files.length, published: 0, drafts: 0, held: 0, failed: failed.size };
  const articles: Article[] = [];
  const renderKeys = new Map<Article, string>();
  const checkedItems = new Map<string, ItemDiagnostic[]>();
  let clockDependent = false;
  // Look every source up; a miss is parsed below, serially or on a pool of worker threads
  // (src/pipeline/parse-pool.ts). Results go back by index: the output never depends on timing.
  const entries = new Array<ArticleEntry | Diagnostic | undefined>(decoded.length);
  const entryKeys = new Array<string>(decoded.length);
  const misses: number[] = [];
  let done = 0;
  for (const [i, s] of decoded.entries()) {
    let key = cache.key(s.file, s.hash as string);
    const entry = cache.get(key, s.file);
    if (entry === undefined) {
      // A miss: the text may not have been read (its stamp matched, but its result is gone).
      if (s.text === undefined) {
        const result = await readSource(s.file, config.fallbackEncoding);
        if (!result.ok) {
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
          key = cache.key(s.file, s.hash);
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
  if (misses.length > 0) {
    const jobs = misses.map((i) => {
      const s = decoded[i] as Source;
      return { file: s.file, text: s.text as string, git: git.dates.get(s.file.relPath) };
    });
    const hits = done;
    const computed = await parseJobs(jobs, { config, template: [...template], nowMs: now.getTime() }, { onDone: (n) => onProgress?.(hits + n - 1, decoded.length) });
    for (const [k, i] of misses.entries()) {
      const entry = computed[k] as ArticleEntry;
      // The decoding note goes with the entry, so that a cached rebuild, which does not read the file, repeats it.
      const note = (decoded[i] as Source).note;
      if (note) entry.diagnostics = [note, ...entry.diagnostics].sort(compareDiagnostics);
      entries[i] = entry;
      (decoded[i] as Source).text = undefined;
      cache.set(entryKeys[i] as string, entry);
      if (!entry.cacheable) clockDependent = true;
    }
  }
  for (const [i, entry] of entries.entries()) {
    if (entry === undefined) continue;
    if (!('status' in entry)) {
      // The file could not be read again.
      diagnostics.push(entry);
      counts.failed++;
      continue;
    }
    diagnostics.push(...entry.diagnostics);
    if (entry.status === 'ok' && entry.article) {
      articles.push(entry.article);
      const key = entryKeys[i] as string;
      for (const [hash, found] of entry.checked ?? []) checkedItems.set(hash, found);
      if (cache.enabled && entry.cacheable) renderKeys.set(entry.article, hashText(`${key}\0${entry.mtimeSec}`));
    } else if (entry.status === 'draft') counts.drafts++;
    else if (entry.status === 'future') counts.held++;
    else counts.failed++;
  }
  cache.save();

  articles.sort(compareArticles);
  const kept = dropDuplicates(articles, diagnostics);
  counts.failed += articles.length - kept.length;
  counts.published = kept.length;
  diagnostics.sort(compareDiagnostics);
  // Render keys, not cache keys: an article dated by its file's mtime renders differently when
  // only the mtime changes, and the order of the articles need not change with it.
  const fingerprint =
    cache.enabled && !clockDependent && kept.every((a) => renderKeys.has(a))
      ? hashText(['feedwright-fingerprint-2', VERSION, JSON.stringify(config), ...kept.map((a) => renderKeys.get(a))].join('\n'))
      : undefined;
  return { articles: kept, diagnostics, counts, renderKeys, checkedItems, ...(fingerprint ? { fingerprint } : {}) };
}

interface Source {
  file: SourceFile;
  /** SHA-256 of the decoded text (from the cache's stamp, or computed when read). */
  hash: string | undefined;
  text: string | undefined;
  /** Why the file was not read as UTF-8 (SOURCE_NOT_UTF8), when it was not. */
  note?: Diagnostic | undefined;
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
      diagnostics.push(
        diag(
          code,
          lineAt(a, sameId ? 'id' : 'slug'),
          `This article has the same ${what} as ${other.displayPath}; it is left out of the feeds.`,
          sameId ? 'Give one of them a different "id" (or slug).' : 'Give one of them a different "slug" in its front matter.',
        ),
      );
      diagnostics.push(
        diag(
          code,
          lineAt(other, sameId ? 'id' : 'slug'),
          `${a.displayPath} has the same ${what} as this article and was left out.`,
          'Give one of them a different "slug" or "id".',
        ),
      );
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
