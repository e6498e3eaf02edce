import { compareDiagnostics } from './diagnostics.js';
import type { ExplainContext, ExplainInput, Explanation, FieldSource } from './explain.js';
import { formatRfc3339 } from './meta/format.js';
import type { SourceKind, Sourced } from './model.js';
import { runArticleSafely } from './pipeline/article.js';
import { unlistedFile } from './pipeline/inputs.js';
import { loadReaders } from './sources/read.js';

/*
 * The per-file half of `explain`, apart from explain.ts so that the CLI loads the parsers only
 * for `explain` itself, and so that scripts (scripts/bench-extract.ts) explain pages in-process
 * exactly as the command does. The article goes through the build's own pipeline
 * (`runArticleSafely`, src/pipeline/article.ts): read, resolve, render and validate its items.
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
  const file = input.file ?? { ...unlistedFile(input.abs, input.source, ctx.articlesDir), size: input.text.length, mtimeMs: input.mtimeMs };
  const { kind } = file;
  const run = runArticleSafely(file, input.text, { read: ctx.readContext, resolve: { config, git: ctx.git, now } });
  const note = input.note ? [input.note] : [];
  const doc = run.doc;
  if (!doc) return { ...empty, kind, diagnostics: [...note, ...run.entry.diagnostics] };
  const diagnostics = [...note, ...run.entry.diagnostics].sort(compareDiagnostics);
  const base: Explanation = { ...empty, kind, contentText: doc.bodyText, contentHtml: '', dropped: doc.dropped, diagnostics };
  const a = run.article;
  if (!a) {
    const f = doc.found;
    return {
      ...base,
      status: run.entry.status === 'ok' ? 'error' : run.entry.status,
      ...(f.title ? { title: f.title.value } : {}),
      authors: f.authors?.value ?? [],
      tags: f.tags?.value ?? [],
    };
  }
  const prov = (s: Sourced<unknown>): FieldSource => ({ from: s.from, ...(s.line === undefined ? {} : { line: s.line }), ...(s.rule ? { rule: s.rule } : {}) });
  return {
    ...base,
    // An article whose item failed validation is left out of the feeds (ARTICLE_ITEM_INVALID).
    status: run.entry.status === 'ok' ? 'published' : 'error',
    title: a.title.value,
    authors: a.authors.value,
    published: formatRfc3339(a.published.value, a.published.offset),
    updated: formatRfc3339(a.updated.value, a.updated.offset),
    tags: a.tags.value,
    summary: a.summary.value,
    id: a.id.value,
    link: a.link.value,
    ...(a.externalUrl ? { externalUrl: a.externalUrl.value } : {}),
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
      ...(a.externalUrl ? { externalUrl: prov(a.externalUrl) } : {}),
    },
  };
}
