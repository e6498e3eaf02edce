/**
 * Two of @mozilla/readability's per-element checks in `_grabArticle`, given the same answers for
 * less work (measured on both development sets' HTML pages: together about 4 % of an extraction).
 *
 * - `_isValidByline` reads the element's whole `textContent` before it looks at `rel`, `itemprop`
 *   and the class/id words; on every element of the page that is a walk of its subtree. Here the
 *   cheap tests come first and the text is read only for elements that pass them.
 * - `_isProbablyVisible` reads `node.style` four times; on linkedom the first read builds a
 *   CSSStyleDeclaration (a Map, a Proxy and a WeakMap entry) for every element. An element without
 *   a `style` attribute reports "" for every property, so only elements with one are asked.
 *
 * The replacements are set on the instance and keep Readability 0.6's logic otherwise
 * (test/extract/html-readability-speed.test.ts compares them with the originals on every element
 * of real pages, so an upgrade that changes either check fails there).
 */
import type { DomElement } from './dom-types.js';

interface ReadabilityChecks {
  REGEXPS?: { byline?: unknown };
  _isValidByline?: (node: DomElement, matchString: string) => boolean;
  _isProbablyVisible?: (node: DomElement) => boolean;
}

export function fasterReadabilityChecks(reader: object): void {
  const r = reader as ReadabilityChecks;
  const byline = r.REGEXPS?.byline;
  if (!(byline instanceof RegExp) || typeof r._isValidByline !== 'function' || typeof r._isProbablyVisible !== 'function') return;
  r._isValidByline = (node, matchString) => {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    if (!(rel === 'author' || itemprop?.includes('author') || byline.test(matchString))) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < 100;
  };
  const isProbablyVisible = r._isProbablyVisible.bind(reader);
  r._isProbablyVisible = (node) => {
    if (node.hasAttribute('style')) return isProbablyVisible(node);
    if (node.hasAttribute('hidden')) return false;
    if (!node.hasAttribute('aria-hidden') || node.getAttribute('aria-hidden') !== 'true') return true;
    const className = node.className as unknown;
    return typeof className === 'string' ? className.includes('fallback-image') : Boolean(className && (className as { includes?: (s: string) => boolean }).includes?.('fallback-image'));
  };
}
