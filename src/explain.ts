import path from 'node:path';
import type { Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { resolvePaths, type BuildOptions } from './build.js';
import { diagnostic } from './diagnostics.js';
import { listArticles, readArticleGit, siteTemplate, unlistedFile } from './pipeline/inputs.js';
import { makeReadContext } from './sources/read-context.js';
import type { FeedwrightConfig } from './config/schema.js';
import type { Diagnostic, DroppedBlock, Person, Provenance } from './model.js';
import type { ReadContext } from './sources/read.js';
import { readSource, type SourceFile, specialFile } from './sources/files.js';

/** Where one field came from, for `explain`. */
export interface FieldSource {
  from: Provenance;
  line?: number;
  /** For a derived link: the site generator and the pattern that made it. */
  rule?: string;
}

/**
 * What feedwright made of one source file. The JSON form of `feedwright explain --json` is an
 * array of these; scripts depend on it, so fields are only ever added, never renamed.
 */
export interface Explanation {
  /** The path as given. */
  source: string;
  /** 'published', or why not: 'draft', 'future', 'section' (a section or listing page, not a post), 'error'. */
  status: 'published' | 'draft' | 'future' | 'section' | 'error';
  kind?: 'markdown' | 'text' | 'html';
  title?: string;
  authors: Person[];
  /** RFC 3339. */
  published?: string;
  updated?: string;
  tags: string[];
  summary?: string;
  id?: string;
  link?: string;
  /** A link post's target on another site (JSON Feed external_url). */
  externalUrl?: string;
  /** The kept body as plain text, paragraphs separated by blank lines. */
  contentText: string;
  /** The sanitised HTML that goes into the feeds. */
  contentHtml: string;
  /** Every dropped line or block, with the rule that dropped it. */
  dropped: DroppedBlock[];
  /** Provenance of each resolved field. */
  provenance: Record<string, FieldSource>;
  diagnostics: Diagnostic[];
}

/** One decoded source to explain: its text, or the problem that kept it from being read. */
export interface ExplainInput {
  /** The path as given. */
  source: string;
  abs: string;
  text?: string;
  problem?: Diagnostic;
  /** A warning from decoding (SOURCE_NOT_UTF8). */
  note?: Diagnostic;
  mtimeMs: number;
  /**
   * The file as the build lists it (kind, path relative to the articles folder, times). Without
   * it, the kind is the extension's and the path relative to the articles folder, or the file
   * name for a file outside it.
   */
  file?: SourceFile;
}

/** What explaining one source needs: the same for every file of a run. */
export interface ExplainContext {
  config: FeedwrightConfig;
  articlesDir: string;
  readContext: ReadContext;
  git: ReadonlyMap<string, { first: Date; last: Date }>;
  now: Date;
}

/**
 * Explain how feedwright reads each file: what it dropped, what it kept, and where each field came from.
 *
 * Each file goes through the build's own article pipeline (src/pipeline/article.ts, by way of
 * `explainInput`) with the build's inputs (src/pipeline/inputs.ts): the folder's listing (a listed
 * file keeps its relative path and times), `readSource`'s decoding, the site template learned from
 * the folder's text articles, and its git dates. Only the paths shown are the paths as given.
 */
export async function explain(files: readonly string[], options: BuildOptions & { verbose?: boolean } = {}): Promise<Explanation[]> {
  const cwd = options.cwd ?? process.cwd();
  const paths = resolvePaths(options);
  const { config } = paths.loaded;
  const now = options.now ?? new Date();

  // Without an articles folder, each file is explained alone (its own folder's template is not known).
  const listing = await listArticles(paths).catch(() => undefined);
  const git = listing ? await readArticleGit(paths) : { dates: new Map(), diagnostics: [] };
  const listed = new Map((listing?.all ?? []).map((f) => [f.abs, f]));

  const inputs: ExplainInput[] = [];
  for (const source of files) {
    const abs = path.resolve(cwd, source);
    const st = await stat(abs).catch(() => undefined);
    if (!st?.isFile()) {
      inputs.push({ source, abs, mtimeMs: 0, problem: await notAFile(abs, source, st) });
      continue;
    }
    const known = listed.get(abs);
    const file: SourceFile = known ? { ...known, displayPath: source } : { ...unlistedFile(abs, source, paths.articlesDir), size: st.size, mtimeMs: st.mtimeMs };
    const decoded = await readSource(file, config.fallbackEncoding);
    if (decoded.ok) inputs.push({ source, abs, file, text: decoded.text, mtimeMs: file.mtimeMs, ...(decoded.note ? { note: decoded.note } : {}) });
    else inputs.push({ source, abs, file, mtimeMs: file.mtimeMs, problem: decoded.diagnostic });
  }

  // The site template: from the folder's text articles, as the build learns it.
  const texts: { file: Pick<SourceFile, 'kind'>; text: string }[] = [];
  if (listing) {
    for (const f of listing.files.filter((x) => x.kind === 'text')) {
      const decoded = await readSource(f, config.fallbackEncoding);
      if (decoded.ok) texts.push({ file: f, text: decoded.text });
    }
  } else for (const i of inputs) if (i.file && i.text !== undefined) texts.push({ file: i.file, text: i.text });
  // --verbose: dropped text blocks carry the body model's score of each line (extract/text/model.ts).
  const readContext = { ...makeReadContext(config, siteTemplate(texts), now), ...(options.verbose ? { scores: true } : {}) };

  // The parsers load only when needed: the CLI imports this module for every command.
  const { explainInput, loadExplainReaders } = await import('./explain-input.js');
  await loadExplainReaders(inputs.map((i) => i.file?.kind ?? unlistedFile(i.abs, i.source, paths.articlesDir).kind));
  const ctx: ExplainContext = { config, articlesDir: paths.articlesDir, readContext, git: git.dates, now };
  return inputs.map((input) => explainInput(input, ctx));
}

/** Why a path given to `explain` is not read, said as the build says it: a broken link, a folder, a pipe or device, or nothing there. */
async function notAFile(abs: string, source: string, st: Stats | undefined): Promise<Diagnostic> {
  if (st === undefined) {
    const link = await lstat(abs).catch(() => undefined);
    return diagnostic('SOURCE_UNREADABLE', { file: source }, link?.isSymbolicLink() ? { what: 'link' } : { what: 'missing' });
  }
  if (st.isDirectory()) return diagnostic('SOURCE_UNREADABLE', { file: source }, { what: 'not-a-file' });
  return specialFile(source, st);
}
