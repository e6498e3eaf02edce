/**
 * HTML pages as article sources: the main content (boilerplate removed) and the page metadata.
 *
 * `extractHtml` never fetches anything and never throws on bad input: invalid markup, invalid
 * JSON-LD, empty documents and pathologically deep trees all give a (possibly empty) result, and
 * what was removed is reported in `dropped` with the rule that removed it.
 */
import type { DroppedBlock, FoundMetadata } from '../../model.js';
import { checkHtmlBounds, describeBound } from '../bounds.js';
import { bareNameSegment, readDateLine, splitByline } from '../textual/index.js';
import type { BodyModelOptions } from './block-model.js';
import { extractContent } from './content.js';
import { parseDocument, simpleText, wholeBody } from './dom.js';
import { postTeasers } from './listing.js';
import { extractMetadata } from './metadata.js';

export interface HtmlExtractOptions {
  /** IANA zone for dates without offset. */
  timezone: string;
  /** Page URL if known, to resolve relative URLs in metadata. */
  url?: string;
  /** Anchors relative and partial dates; the clock is never read. */
  referenceDate?: Date;
  /** Default true; false = keep the whole `<body>` content (no extraction). */
  clean?: boolean;
  /** The body model (default: the checked-in one; null: none) and an observer of its blocks, for fitting and tests. */
  bodyModel?: BodyModelOptions;
  /** `explain --verbose`: blocks the body model drops carry its score and deciding features. */
  scores?: boolean;
}

export interface HtmlExtraction {
  /** Main content as HTML, scripts and styles removed, not yet sanitised. */
  contentHtml: string;
  /** The same as plain text, paragraphs separated by a blank line. */
  contentText: string;
  found: FoundMetadata;
  /** Blocks removed, each with the named rule that removed it. */
  dropped: DroppedBlock[];
}

export { parseMarkupDate as parseHtmlDate } from '../dates.js';
export { stripSiteName } from './metadata.js';
export { renderText } from './text.js';

/** Extract the main content and the metadata of an HTML page. */
export function extractHtml(html: string, options: HtmlExtractOptions): HtmlExtraction {
  // A page with more nodes than any real page never reaches linkedom and Readability, whose cost
  // grows faster than its node count (src/extract/bounds.ts): its text is read without a tree.
  const bound = checkHtmlBounds(html);
  if (bound) return textOnly(html, titleOnly(html), [], describeBound(bound), 'too-complex');
  const parsed = parseDocument(html);
  if (!parsed.ok) return textOnly(html, {}, [], parsed.reason);
  const document = parsed.document;
  const metaOptions = {
    timezone: options.timezone,
    ...(options.url !== undefined ? { url: options.url } : {}),
    ...(options.referenceDate !== undefined ? { referenceDate: options.referenceDate } : {}),
  };
  let found: FoundMetadata = {};
  const dropped: DroppedBlock[] = [];
  try {
    const meta = extractMetadata(document, metaOptions);
    found = meta.found;
    if (meta.invalidJsonLd > 0) {
      dropped.push({ text: `${meta.invalidJsonLd} JSON-LD block(s) are not valid JSON and were ignored.`, rule: 'json-ld-invalid' });
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    dropped.push({ text: `The metadata could not be read (${error.message}).`, rule: 'dom-failed' });
  }
  const teasers = postTeasers(document, found.link?.value ?? options.url);
  if (teasers !== undefined) found = { ...found, teasers: { value: teasers, from: 'html' } };
  try {
    if (options.clean === false) return { ...wholeBody(document), found, dropped };
    const content = extractContent(document, found, html, options.scores ? { ...options.bodyModel, scores: true } : options.bodyModel);
    found = withDroppedLines(found, content.dropped, options);
    return { contentHtml: content.html, contentText: content.text, found, dropped: [...dropped, ...content.dropped] };
  } catch (error) {
    // A RangeError is a call stack exceeded inside linkedom or Readability (a pathological tree
    // that got past the depth check). Anything else is a bug and is not hidden.
    if (!(error instanceof RangeError)) throw error;
    return textOnly(html, found, dropped, `The page could not be extracted (${error.message}); its whole text was kept.`);
  }
}

/**
 * Authors and the publication date from the byline and date lines the content filter took out of
 * the article ("By Victor Lee, March 9, 2025", `<time>March 6, 2025</time>` without a
 * `datetime`), for pages whose markup and structured data name neither. They are read with the
 * readers of scraped text, and only fill what the page did not say elsewhere.
 */
function withDroppedLines(found: FoundMetadata, dropped: readonly DroppedBlock[], options: HtmlExtractOptions): FoundMetadata {
  if (found.authors && found.published) return found;
  const out = { ...found };
  for (const block of dropped) {
    if (block.rule !== 'byline' && block.rule !== 'date-line') continue;
    let rest = block.text;
    // Pre-cleaning files elements classed "byline", "date", "meta" under 'byline': a name, a date or both.
    const byline = block.rule === 'byline' ? splitByline(block.text) : undefined;
    if (byline) {
      out.authors ??= { value: byline.authors, from: 'byline' };
      rest = byline.rest;
    }
    const date = readDateLine(rest, options.timezone, options.referenceDate, 6);
    if (date?.kind === 'published') out.published ??= { value: date.value, from: 'date-line' };
    // A date line naming the author beside the date ("11.12.2019 - Amelie Loevenich"), as the text reader reads it.
    const name = date && !byline ? bareNameSegment(date.rest) : undefined;
    if (name) out.authors ??= { value: [{ name }], from: 'byline' };
    if (out.authors && out.published) break;
  }
  return out;
}

/** The fallback when no DOM can be used: the text of the markup, read without a tree. */
function textOnly(html: string, found: FoundMetadata, dropped: DroppedBlock[], reason: string, rule: 'dom-failed' | 'too-complex' = 'dom-failed'): HtmlExtraction {
  const text = simpleText(html);
  return {
    contentHtml:
      text === ''
        ? ''
        : text
            .split('\n\n')
            .map((p) => `<p>${escapeHtml(p)}</p>`)
            .join('\n'),
    contentText: text,
    found,
    dropped: [...dropped, { text: reason, rule }],
  };
}

/**
 * The page's `<title>`, found without a tree (for a page over a work bound). Linear: each attempt
 * scans at most to the next `<`.
 */
function titleOnly(html: string): FoundMetadata {
  const m = /<title\b[^<>]*>([^<]*)<\/title/i.exec(html);
  const title = m?.[1] ? simpleText(m[1]) : '';
  return title ? { title: { value: title, from: 'html' } } : {};
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
