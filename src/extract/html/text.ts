/**
 * Rendering a DOM subtree as plain text: one paragraph per block, paragraphs separated by a blank
 * line, whitespace inside a paragraph collapsed (as a browser would render it).
 *
 * The walk is iterative (an explicit stack), so a pathologically deep tree cannot overflow the
 * call stack.
 */

/** Elements that start a new paragraph in rendered text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'HTML',
]);

/** Elements whose text is never rendered. */
export const INVISIBLE_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'SVG',
  'svg',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'SELECT',
  'OPTION',
  'BUTTON',
  'INPUT',
  'TEXTAREA',
]);

import { squashSpaces } from '../../util/text.js';
import type { DomElement, DomNode } from './dom-types.js';

/** Stands for a <br> while a paragraph is collected; becomes a newline in the output. */
const LINE_BREAK = '\u0000';

/** Number of non-whitespace characters: a cheap measure of how much text there is. */
export function textWeight(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}

/** Collapse whitespace runs to one space and trim (`\s+` → " "; squashSpaces only rewrites what changes). */
export function normalizeSpace(text: string): string {
  return squashSpaces(text);
}

/** Plain text of `root`: block elements become paragraphs separated by a blank line. */
export function renderText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const p = current
      .split(LINE_BREAK)
      .map(normalizeSpace)
      .filter((line) => line !== '')
      .join('\n');
    if (p) paragraphs.push(p);
    current = '';
  };
  // Stack entries: a node to visit, or null meaning "a block element ends here".
  const stack: (DomNode | null)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === null) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? (node as DomElement).tagName.toUpperCase() : '';
    if (INVISIBLE_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      current += LINE_BREAK;
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push(null);
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  flush();
  return paragraphs.join('\n\n');
}
