import { htmlToText } from '../clean/html-text.js';
import { diagnostic } from '../diagnostics.js';
import { checkContentBounds, linesOver, TEXT_LIMITS } from '../extract/bounds.js';
import type { TextPattern } from '../extract/patterns.js';
import type { extractText, TextExtraction } from '../extract/text/index.js';
import type { Diagnostic, FoundMetadata, SourceDocument, SourceKind } from '../model.js';
import { paragraphsToHtml } from '../util/html.js';
import type { SourceFile } from './files.js';
import { splitFrontMatter } from './front-matter.js';
import type { extractHtml } from '../extract/html/index.js';
import { readMarkdown } from './markdown.js';
import type { TemplateSettings } from './templates.js';
import { isRelativeDate, statedOffset } from '../meta/stated-dates.js';

/*
 * The text cleaner and the HTML extractor pull in linkedom, Readability and their rule tables: a few
 * hundred ms of module loading that a rebuild of one Markdown article does not need. They are
 * loaded by kind, before the first article of that kind is read (`loadReaders`).
 */
let textReader: typeof extractText | undefined;
let htmlReader: typeof extractHtml | undefined;

/** Load the readers for these kinds of source (Markdown's is always there). Call before `readDocument`. */
export async function loadReaders(kinds: Iterable<SourceKind>): Promise<void> {
  for (const kind of new Set(kinds)) {
    if (kind === 'text') textReader ??= (await import('../extract/text/index.js')).extractText;
    if (kind === 'html') htmlReader ??= (await import('../extract/html/index.js')).extractHtml;
  }
}

/** Whether the readers of these kinds are loaded (then `loadReaders` has nothing to do). */
export function readersLoaded(kinds: Iterable<SourceKind>): boolean {
  for (const kind of kinds) if ((kind === 'text' && textReader === undefined) || (kind === 'html' && htmlReader === undefined)) return false;
  return true;
}

function loaded<T>(reader: T | undefined, kind: SourceKind): T {
  if (reader === undefined) throw new Error(`the ${kind} reader is not loaded: await loadReaders() first`);
  return reader;
}

/** What the readers need to know about the site; the same for every article of a build. */
export interface ReadContext {
  timezone: string;
  /** Lines that recur across the folder's text articles (site template). */
  template: ReadonlySet<string>;
  /** Config `clean.drop` / `clean.keep`, run by a linear-time engine (src/extract/patterns.ts). */
  dropPatterns: TextPattern[];
  keepPatterns: TextPattern[];
  /** Reference time for relative dates in text ("yesterday"); the build's clock, never read deep inside. */
  now: Date;
  /** Template code in Markdown bodies: rendered with Liquid where the site uses it, else removed. */
  templates?: TemplateSettings;
  /** `explain --verbose`: dropped blocks carry the body model's scores (text: per line; HTML: blocks the model dropped). */
  scores?: boolean;
  /**
   * Hugo: an HTML file without front matter of its own is no page (Hugo copies it as a file: a
   * demo, an export; a section's cascade does not change that), which the link rule then says
   * (src/site/permalink.ts, from the same own front matter); its body is not extracted.
   */
  htmlPagesNeedFrontMatter?: boolean;
  /** Hexo: front matter may be written without its opening `---` (src/sources/front-matter.ts, bareFrontMatter). */
  bareFrontMatter?: boolean;
  /**
   * The articles are a site generator's content: an HTML file with front matter is then the
   * author's own fragment, which the site's layout wraps (no menus, no footer in it), so its
   * body is kept whole, as `clean: false` keeps it; `clean: true` in its front matter asks for
   * boilerplate removal all the same. Saved pages (no front matter) are extracted as ever.
   */
  siteContent?: boolean;
}

export type ReadResult = { ok: true; doc: SourceDocument; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parse one decoded source into a SourceDocument: front matter first (for every kind), then the
 * body by kind (its reader loaded by `loadReaders`). `clean: false` in front matter turns boilerplate removal off for that article.
 */
export function readDocument(file: Pick<SourceFile, 'kind' | 'relPath' | 'displayPath'>, text: string, ctx: ReadContext): ReadResult {
  const result = readBody(file, text, ctx);
  if (!result.ok) return result;
  // The last work bound (src/extract/bounds.ts): every later stage pays per tag and entity.
  const over = checkContentBounds(result.doc.bodyHtml);
  if (!over) return result;
  return { ok: false, diagnostics: [...result.diagnostics, diagnostic('ARTICLE_OVER_BOUND', { file: file.displayPath }, { limit: over.limit, bound: over.bound })] };
}

function readBody(file: Pick<SourceFile, 'kind' | 'relPath' | 'displayPath'>, text: string, ctx: ReadContext): ReadResult {
  const fm = splitFrontMatter(text, file.displayPath, ctx.bareFrontMatter === true, file.kind === 'markdown');
  if (!fm.ok) return { ok: false, diagnostics: fm.diagnostics };
  const ownFragment = ctx.siteContent === true && file.kind === 'html' && Object.keys(fm.data).length > 0;
  const clean = ownFragment ? fm.data.clean === true : fm.data.clean !== false;
  const base = {
    kind: file.kind,
    relPath: file.relPath,
    displayPath: file.displayPath,
    frontMatter: fm.data,
    frontMatterLines: fm.lines,
  };
  switch (file.kind) {
    case 'markdown': {
      const md = readMarkdown(fm.body, fm.bodyLine, {
        file: file.displayPath,
        mdx: /\.mdx$/i.test(file.relPath),
        frontMatter: fm.data,
        ...(ctx.templates ? { templates: ctx.templates } : {}),
      });
      const summaryText = md.summaryText !== undefined ? { summaryText: md.summaryText } : {};
      const diagnostics = md.diagnostics ? [...fm.diagnostics, ...md.diagnostics] : fm.diagnostics;
      return { ok: true, doc: { ...base, bodyHtml: md.bodyHtml, ...(md.direct ? { bodyHtmlDirect: true } : {}), bodyText: md.bodyText, ...summaryText, found: md.found, dropped: md.dropped ?? [] }, diagnostics };
    }
    case 'text': {
      // Work bound (src/extract/bounds.ts): the cleaner's cost is per line.
      const tooLong = clean && linesOver(fm.body, TEXT_LIMITS.lines);
      if (!clean || tooLong) {
        const paragraphs = fm.body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
        const [first, ...rest] = paragraphs;
        const found: FoundMetadata = first ? { title: { value: first, from: 'title-line', line: fm.bodyLine } } : {};
        const dropped = tooLong
          ? [{ text: `The text has more than ${TEXT_LIMITS.lines.toLocaleString('en-US')} lines (bound "lines"); it was kept as plain paragraphs without boilerplate removal.`, rule: 'too-complex' }]
          : [];
        return { ok: true, doc: { ...base, bodyHtml: paragraphsToHtml(rest), bodyText: rest.join('\n\n'), found, dropped }, diagnostics: fm.diagnostics };
      }
      const x = loaded(textReader, 'text')(fm.body, {
        timezone: ctx.timezone,
        referenceDate: ctx.now,
        template: ctx.template,
        dropPatterns: ctx.dropPatterns,
        keepPatterns: ctx.keepPatterns,
        ...(ctx.scores ? { scores: true } : {}),
      });
      const shift = fm.bodyLine - 1;
      const paragraphs = x.paragraphs.map((p) => p.text);
      return {
        ok: true,
        doc: {
          ...base,
          bodyHtml: paragraphsToHtml(paragraphs),
          bodyText: paragraphs.join('\n\n'),
          found: foundDates(foundFromText(x, shift)),
          dropped: x.dropped.map((d) => ({ text: d.text, rule: d.rule, line: d.line + shift, ...(d.scores ? { scores: d.scores.map((s) => ({ ...s, line: s.line + shift })) } : {}) })),
        },
        diagnostics: fm.diagnostics,
      };
    }
    case 'html': {
      // Not a page of the site (no front matter on Hugo): nothing to extract, the link rule skips it.
      if (ctx.htmlPagesNeedFrontMatter && Object.keys(fm.data).length === 0) {
        return { ok: true, doc: { ...base, bodyHtml: '', bodyText: '', found: {}, dropped: [] }, diagnostics: fm.diagnostics };
      }
      const x = loaded(htmlReader, 'html')(fm.body, { timezone: ctx.timezone, referenceDate: ctx.now, clean, ...(ctx.scores ? { scores: true } : {}) });
      return { ok: true, doc: { ...base, bodyHtml: x.contentHtml, bodyText: x.contentText || htmlToText(x.contentHtml), found: foundDates(x.found), dropped: x.dropped }, diagnostics: fm.diagnostics };
    }
  }
}

/**
 * The dates of a text or HTML article as the feeds should show them:
 * - each keeps the offset it was written at (`Sourced.offset`, from the date reader), so that the
 *   feed shows the calendar day the source states;
 * - a page that states only an updated or modified date was published then: that date is its
 *   publication date (not the file's mtime, further down the precedence); not when it is relative
 *   ("updated 2 hours ago"), which says when the page was saved, not when it was written.
 */
export function foundDates(found: FoundMetadata): FoundMetadata {
  const out: FoundMetadata = { ...found };
  for (const key of ['published', 'updated'] as const) {
    const date = out[key];
    const offset = date ? statedOffset(date.value) : undefined;
    if (date && offset) out[key] = { ...date, offset };
  }
  if (!out.published && out.updated && !isRelativeDate(out.updated.value)) out.published = { ...out.updated };
  return out;
}

function foundFromText(x: TextExtraction, shift: number): FoundMetadata {
  const found: FoundMetadata = {};
  if (x.title) found.title = { value: x.title.value, from: 'title-line', line: x.title.line + shift };
  if (x.authors) found.authors = { value: x.authors.value, from: 'byline', line: x.authors.line + shift };
  if (x.published) found.published = { value: x.published.value, from: 'date-line', line: x.published.line + shift };
  if (x.updated) found.updated = { value: x.updated.value, from: 'date-line', line: x.updated.line + shift };
  if (x.tags) found.tags = { value: x.tags.value, from: 'tags-line', line: x.tags.line + shift };
  return found;
}
