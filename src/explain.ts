import path from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { findTemplateLines } from './extract/text/template.js';
import { resolvePaths, type BuildOptions } from './build.js';
import { diag } from './diagnostics.js';
import { readGitDates } from './meta/git.js';
import { makeReadContext } from './sources/read-context.js';
import type { FeedwrightConfig } from './config/schema.js';
import type { Diagnostic, DroppedBlock, Person, Provenance } from './model.js';
import type { ReadContext } from './sources/read.js';
import { SOURCE_EXTENSIONS, decodeSource, listSources, MAX_SOURCE_BYTES } from './sources/files.js';

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
}

/** What explaining one source needs: the same for every file of a run. */
export interface ExplainContext {
  config: FeedwrightConfig;
  articlesDir: string;
  readContext: ReadContext;
  git: ReadonlyMap<string, { first: Date; last: Date }>;
  now: Date;
}

/** Explain how feedwright reads each file: what it dropped, what it kept, and where each field came from. */
export async function explain(files: readonly string[], options: BuildOptions & { verbose?: boolean } = {}): Promise<Explanation[]> {
  const cwd = options.cwd ?? process.cwd();
  const paths = resolvePaths(options);
  const { config } = paths.loaded;
  const now = options.now ?? new Date();

  // The site template comes from the articles folder when the files are in it (as in a build).
  let siteTexts: string[] = [];
  const listed = await listSources(paths.articlesDir, paths.display, { followExternalLinks: config.followExternalLinks }).catch(() => undefined);
  if (listed) {
    for (const f of listed.files.filter((x) => x.kind === 'text')) {
      const decoded = decodeSource(await readFile(f.abs), f.displayPath, config.fallbackEncoding);
      if (decoded.ok) siteTexts.push(decoded.text);
    }
  }
  const git = config.git && listed ? await readGitDates(paths.articlesDir, paths.display(paths.articlesDir)) : { dates: new Map(), diagnostics: [] };

  const out: Explanation[] = [];
  const inputs: ExplainInput[] = [];
  for (const source of files) {
    const abs = path.resolve(cwd, source);
    const st = await stat(abs).catch(() => undefined);
    if (!st?.isFile()) {
      inputs.push({ source, abs, mtimeMs: 0, problem: diag('SOURCE_UNREADABLE', { file: source }, st ? 'This is a folder, not a file.' : 'The file does not exist.', 'Pass the path of an article file.') });
      continue;
    }
    if (st.size > MAX_SOURCE_BYTES) {
      inputs.push({ source, abs, mtimeMs: st.mtimeMs, problem: diag('SOURCE_TOO_LARGE', { file: source }, 'The file is larger than the per-article limit.', 'Split it.') });
      continue;
    }
    const decoded = decodeSource(await readFile(abs), source, config.fallbackEncoding);
    if (decoded.ok) inputs.push({ source, abs, text: decoded.text, mtimeMs: st.mtimeMs, ...(decoded.note ? { note: decoded.note } : {}) });
    else inputs.push({ source, abs, mtimeMs: st.mtimeMs, problem: decoded.diagnostic });
  }
  if (!listed) siteTexts = inputs.filter((i) => i.text !== undefined && i.abs.endsWith('.txt')).map((i) => i.text as string);
  const template = findTemplateLines(siteTexts);
  // --verbose: dropped text blocks carry the body model's score of each line (extract/text/model.ts).
  const readContext = { ...makeReadContext(config, template, now), ...(options.verbose ? { scores: true } : {}) };

  // The parsers load only when needed: the CLI imports this module for every command.
  const { explainInput, loadExplainReaders } = await import('./explain-input.js');
  await loadExplainReaders(inputs.map((i) => SOURCE_EXTENSIONS[path.extname(i.abs).toLowerCase()] ?? 'text'));
  const ctx: ExplainContext = { config, articlesDir: paths.articlesDir, readContext, git: git.dates, now };
  for (const input of inputs) out.push(explainInput(input, ctx));
  return out;
}
