import path from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { findTemplateLines } from './extract/text/template.js';
import { resolvePaths, type BuildOptions } from './build.js';
import { compareDiagnostics, diag } from './diagnostics.js';
import { formatRfc3339 } from './meta/format.js';
import { readGitDates } from './meta/git.js';
import { makeReadContext } from './sources/read-context.js';
import type { Diagnostic, DroppedBlock, Person, Provenance, Sourced } from './model.js';
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

/** Explain how feedwright reads each file: what it dropped, what it kept, and where each field came from. */
export async function explain(files: readonly string[], options: BuildOptions = {}): Promise<Explanation[]> {
  const cwd = options.cwd ?? process.cwd();
  const paths = resolvePaths(options);
  const { config } = paths.loaded;
  const now = options.now ?? new Date();

  // The site template comes from the articles folder when the files are in it (as in a build).
  let siteTexts: string[] = [];
  const listed = await listSources(paths.articlesDir, paths.display, { followExternalLinks: config.followExternalLinks }).catch(() => undefined);
  if (listed) {
    for (const f of listed.files.filter((x) => x.kind === 'text')) {
      const decoded = decodeSource(await readFile(f.abs), f.displayPath);
      if (decoded.ok) siteTexts.push(decoded.text);
    }
  }
  const git = config.git && listed ? await readGitDates(paths.articlesDir, paths.display(paths.articlesDir)) : { dates: new Map(), diagnostics: [] };

  const out: Explanation[] = [];
  const inputs: { source: string; abs: string; text?: string; problem?: Diagnostic; mtimeMs: number }[] = [];
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
    const decoded = decodeSource(await readFile(abs), source);
    if (decoded.ok) inputs.push({ source, abs, text: decoded.text, mtimeMs: st.mtimeMs });
    else inputs.push({ source, abs, mtimeMs: st.mtimeMs, problem: decoded.diagnostic });
  }
  if (!listed) siteTexts = inputs.filter((i) => i.text !== undefined && i.abs.endsWith('.txt')).map((i) => i.text as string);
  const template = findTemplateLines(siteTexts);
  const readContext = makeReadContext(config, template, now);

  // The parsers load only when needed: the CLI imports this module for every command.
  const [{ readDocument, loadReaders }, { resolveArticle }] = await Promise.all([import('./sources/read.js'), import('./meta/resolve.js')]);
  await loadReaders(inputs.map((i) => SOURCE_EXTENSIONS[path.extname(i.abs).toLowerCase()] ?? 'text'));
  for (const input of inputs) {
    const empty: Explanation = { source: input.source, status: 'error', authors: [], tags: [], contentText: '', contentHtml: '', dropped: [], provenance: {}, diagnostics: [] };
    if (input.problem || input.text === undefined) {
      out.push({ ...empty, diagnostics: input.problem ? [input.problem] : [] });
      continue;
    }
    const kind = SOURCE_EXTENSIONS[path.extname(input.abs).toLowerCase()] ?? 'text';
    const rel = path.relative(paths.articlesDir, input.abs).split(path.sep).join('/');
    const read = readDocument({ kind, relPath: rel.startsWith('..') ? path.basename(input.abs) : rel, displayPath: input.source }, input.text, readContext);
    if (!read.ok) {
      out.push({ ...empty, kind, diagnostics: read.diagnostics });
      continue;
    }
    const resolved = resolveArticle(read.doc, input.mtimeMs, { config, git: git.dates, now });
    const diagnostics = [...read.diagnostics, ...resolved.diagnostics].sort(compareDiagnostics);
    const base: Explanation = { ...empty, kind, contentText: read.doc.bodyText, contentHtml: '', dropped: read.doc.dropped, diagnostics };
    if (resolved.status !== 'ok') {
      const f = read.doc.found;
      out.push({
        ...base,
        status: resolved.status === 'error' ? 'error' : resolved.status,
        ...(f.title ? { title: f.title.value } : {}),
        authors: f.authors?.value ?? [],
        tags: f.tags?.value ?? [],
      });
      continue;
    }
    const a = resolved.article;
    const prov = (s: Sourced<unknown>): FieldSource => ({ from: s.from, ...(s.line === undefined ? {} : { line: s.line }), ...(s.rule ? { rule: s.rule } : {}) });
    out.push({
      ...base,
      status: 'published',
      title: a.title.value,
      authors: a.authors.value,
      published: formatRfc3339(a.published.value),
      updated: formatRfc3339(a.updated.value),
      tags: a.tags.value,
      summary: a.summary.value,
      id: a.id.value,
      link: a.link.value,
      contentText: a.contentText,
      contentHtml: a.contentHtml,
      provenance: {
        title: prov(a.title),
        authors: prov(a.authors),
        published: prov(a.published),
        updated: prov(a.updated),
        tags: prov(a.tags),
        summary: prov(a.summary),
        id: prov(a.id),
        slug: prov(a.slug),
        link: prov(a.link),
        ...(a.image ? { image: prov(a.image) } : {}),
        ...(a.lang ? { lang: prov(a.lang) } : {}),
      },
    });
  }
  return out;
}
