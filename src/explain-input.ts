import path from 'node:path';
import { compareDiagnostics } from './diagnostics.js';
import type { ExplainContext, ExplainInput, Explanation, FieldSource } from './explain.js';
import { formatRfc3339 } from './meta/format.js';
import { resolveArticle } from './meta/resolve.js';
import type { SourceKind, Sourced } from './model.js';
import { SOURCE_EXTENSIONS } from './sources/files.js';
import { loadReaders, readDocument } from './sources/read.js';

/*
 * The per-file half of `explain`, apart from explain.ts so that the CLI loads the parsers only
 * for `explain` itself, and so that scripts (scripts/bench-extract.ts) explain pages in-process
 * exactly as the command does.
 */

/** Load the readers for these kinds of source; call before `explainInput`. */
export function loadExplainReaders(kinds: Iterable<SourceKind>): Promise<void> {
  return loadReaders(kinds);
}

/** What feedwright makes of one decoded source (its reader loaded by `loadExplainReaders`). */
export function explainInput(input: ExplainInput, ctx: ExplainContext): Explanation {
  const { config, now } = ctx;
  const empty: Explanation = { source: input.source, status: 'error', authors: [], tags: [], contentText: '', contentHtml: '', dropped: [], provenance: {}, diagnostics: [] };
  if (input.problem || input.text === undefined) return { ...empty, diagnostics: input.problem ? [input.problem] : [] };
  const kind = SOURCE_EXTENSIONS[path.extname(input.abs).toLowerCase()] ?? 'text';
  const rel = path.relative(ctx.articlesDir, input.abs).split(path.sep).join('/');
  const read = readDocument({ kind, relPath: rel.startsWith('..') ? path.basename(input.abs) : rel, displayPath: input.source }, input.text, ctx.readContext);
  if (!read.ok) return { ...empty, kind, diagnostics: [...(input.note ? [input.note] : []), ...read.diagnostics] };
  const resolved = resolveArticle(read.doc, input.mtimeMs, { config, git: ctx.git, now });
  const diagnostics = [...(input.note ? [input.note] : []), ...read.diagnostics, ...resolved.diagnostics].sort(compareDiagnostics);
  const base: Explanation = { ...empty, kind, contentText: read.doc.bodyText, contentHtml: '', dropped: read.doc.dropped, diagnostics };
  if (resolved.status !== 'ok') {
    const f = read.doc.found;
    return {
      ...base,
      status: resolved.status === 'error' ? 'error' : resolved.status,
      ...(f.title ? { title: f.title.value } : {}),
      authors: f.authors?.value ?? [],
      tags: f.tags?.value ?? [],
    };
  }
  const a = resolved.article;
  const prov = (s: Sourced<unknown>): FieldSource => ({ from: s.from, ...(s.line === undefined ? {} : { line: s.line }), ...(s.rule ? { rule: s.rule } : {}) });
  return {
    ...base,
    status: 'published',
    title: a.title.value,
    authors: a.authors.value,
    published: formatRfc3339(a.published.value, a.published.offset),
    updated: formatRfc3339(a.updated.value, a.updated.offset),
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
  };
}
