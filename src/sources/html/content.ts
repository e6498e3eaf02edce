/**
 * Main-content extraction. The steps, in order, and why the order matters:
 *
 *  1. Remove what is never content (scripts, styles): nothing later should score or render it.
 *  2. Refuse trees deeper than Readability's recursion can walk; use the density fallback.
 *  3. Pre-clean the page (nav, asides, captions, share bars, related lists, ...) so Readability
 *     cannot pick them as, or into, the article; it also makes its walk faster.
 *  4. Readability picks the article container.
 *  5. Post-filter the article's blocks (link-dense, boilerplate phrases, credits, bylines, dates,
 *     repeated lines).
 *  6. If too little is left, the density fallback runs on a fresh parse of the page.
 */
import { Readability } from '@mozilla/readability';
import type { DroppedBlock, FoundMetadata } from '../../model.js';
import type { DomDocument, DomElement } from './dom-types.js';
import { removeNeverContent, treeDepth } from './dom.js';
import { postFilter } from './postfilter.js';
import { precleanDocument } from './preclean.js';
import { renderText } from './text.js';

export interface ContentResult {
  html: string;
  text: string;
  dropped: DroppedBlock[];
}

/** Deeper trees than this are not given to Readability, whose walk is recursive. */
export const MAX_READABILITY_DEPTH = 400;

export function extractContent(document: DomDocument, found: FoundMetadata): ContentResult {
  const dropped: DroppedBlock[] = [];
  removeNeverContent(document);
  const body = document.body ?? document.documentElement;
  if (!body) return { html: '', text: '', dropped };
  // 2. Readability walks recursively: on a deeper tree it overflows the stack only after seconds.
  //    extractHtml catches the RangeError and keeps the page's text (rule "dom-failed").
  if (treeDepth(body, MAX_READABILITY_DEPTH) >= MAX_READABILITY_DEPTH) {
    throw new RangeError(`the page nests elements more than ${MAX_READABILITY_DEPTH} levels deep`);
  }
  dropped.push(...precleanDocument(document));
  const reader = new Readability<DomElement>(document as never, { serializer: (node) => node as unknown as DomElement });
  const article = reader.parse();
  const root = article?.content;
  if (!root) return { html: '', text: '', dropped };
  dropped.push(...postFilter(root, found));
  return { html: root.innerHTML, text: renderText(root), dropped };
}
