/**
 * A density-based extractor, used when Readability cannot run (a tree too deep for its recursive
 * walk) or finds too little. Paragraph-like blocks (enough words, few of them in links) score
 * their ancestors, nearer ones more; the best-scoring container is the article, and its blocks
 * go through the same block rules as Readability's output. Everything here is iterative.
 */
import type { DroppedBlock, FoundMetadata } from '../../model.js';
import { removeComments } from './dom.js';
import type { DomElement } from './dom-types.js';
import { type Block, countWords, dropLinkLists, filterBlocks, leafBlocks } from './postfilter.js';
import { normalizeSpace, renderText } from './text.js';

/** A block scores its container when it has at least this many words ... */
export const PARAGRAPH_MIN_WORDS = 8;
/** ... and at most this share of its text in links. */
export const PARAGRAPH_MAX_LINK_DENSITY = 0.33;
/** Share of a block's score given to its 1st, 2nd, 3rd ancestor. */
export const ANCESTOR_WEIGHTS = [1, 0.5, 0.25] as const;

export interface FallbackResult {
  html: string;
  text: string;
  dropped: DroppedBlock[];
}

function isParagraph(b: Block): boolean {
  return b.words >= PARAGRAPH_MIN_WORDS && b.linkChars <= PARAGRAPH_MAX_LINK_DENSITY * b.text.length;
}

/** Extract the main content of `root` (a body) by text density. Mutates nothing but link lists. */
export function densityExtract(root: DomElement, found: FoundMetadata): FallbackResult {
  const dropped: DroppedBlock[] = [];
  dropLinkLists(root, dropped);
  const leaves = leafBlocks(root);
  // Text with no block elements at all (inline markup only): the whole root is the one block.
  const blocks = leaves.some((b) => b.text !== '') ? leaves : [rootBlock(root)];
  const scores = new Map<DomElement, number>();
  let best: DomElement = root;
  let bestScore = 0;
  for (const b of blocks) {
    if (!isParagraph(b)) continue;
    let el: DomElement | null = b.el.parentElement;
    for (const weight of ANCESTOR_WEIGHTS) {
      if (!el) break;
      const score = (scores.get(el) ?? 0) + weight * b.text.length;
      scores.set(el, score);
      if (score > bestScore) {
        bestScore = score;
        best = el;
      }
      el = el === root ? null : el.parentElement;
    }
  }
  const inside = bestScore > 0 ? blocks.filter((b) => isInside(b.el, best, root)) : blocks;
  const outside = blocks.length - inside.length;
  if (outside > 0) dropped.push({ text: `${outside} block(s) outside the densest container.`, rule: 'density' });
  const kept = filterBlocks(inside, found, dropped);
  for (const b of kept) removeComments(b.el);
  return {
    html: kept.map((b) => (b.el === root ? b.el.innerHTML : b.el.outerHTML)).join('\n'),
    text: kept
      .map((b) => renderText(b.el))
      .filter((t) => t !== '')
      .join('\n\n'),
    dropped,
  };
}

function rootBlock(root: DomElement): Block {
  const text = normalizeSpace(root.textContent ?? '');
  return { el: root, tag: root.tagName.toUpperCase(), text, words: countWords(text), linkChars: 0 };
}

/** Whether `el` is `container` or below it (walking up, at most to `root`). */
function isInside(el: DomElement, container: DomElement, root: DomElement): boolean {
  for (let p: DomElement | null = el; p; p = p === root ? null : p.parentElement) if (p === container) return true;
  return false;
}
