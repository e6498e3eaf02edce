/**
 * Building and measuring the DOM (linkedom), and the tree-less fallbacks used when a tree cannot
 * be built or walked safely.
 */
import { parseHTML } from 'linkedom';
import { COMMENT_NODE, type DomDocument, type DomElement, type DomNode, type DomParent, ELEMENT_NODE } from './dom-types.js';
import { INVISIBLE_TAGS, normalizeSpace, renderText } from './text.js';

export type Parsed = { ok: true; document: DomDocument } | { ok: false; reason: string };

/** Tags that frame a document; dropped when a fragment is re-wrapped (their contents stay). */
const FRAME_TAGS = /<!doctype[^>]*>|<\/?(?:html|head|body)\b[^>]*>/gi;

/**
 * linkedom builds the tree as the markup says, without HTML5's tree construction: a fragment
 * (`<p>hi</p>`, plain text, `<title>` + `<p>` with no `<html>`) gives a document without a
 * `<body>`, or with none at all. Such input is wrapped in a proper frame and parsed again.
 */
function hasFrame(document: DomDocument): boolean {
  const root = document.documentElement;
  if (root?.localName.toLowerCase() !== 'html') return false;
  for (const child of root.children) if (child.localName.toLowerCase() === 'body') return true;
  return false;
}

/**
 * Parse HTML into a linkedom document. linkedom never loads external resources.
 *
 * The tree is normalised: htmlparser2 reports text in pieces (at every entity and at every stray
 * `<`), and linkedom makes a text node of each, so "&amp;&amp;..." or "<<<<..." became 100,000
 * sibling nodes that every later walk (Readability's several passes, textContent) pays for.
 */
export function parseDocument(html: string): Parsed {
  try {
    let document = parseHTML(html).document as unknown as DomDocument;
    if (!hasFrame(document)) {
      // Keep the <html> tag's attributes (lang, dir) when there was one.
      const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
      const framed = `<!DOCTYPE html>${htmlTag}<head></head><body>${html.replace(FRAME_TAGS, '')}</body></html>`;
      document = parseHTML(framed).document as unknown as DomDocument;
    }
    document.documentElement?.normalize();
    return { ok: true, document };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: `The page could not be parsed: ${error.message}.` };
    throw error;
  }
}

/** Tags whose whole subtree is dropped before anything else looks at the page. */
export const NEVER_CONTENT_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'object', 'embed', 'applet']);

/** Remove elements that are never content (scripts, styles, ...). */
export function removeNeverContent(root: DomParent): void {
  // One walk over all elements is faster on linkedom than a selector list.
  for (const el of root.querySelectorAll('*')) {
    if (NEVER_CONTENT_TAGS.has(el.localName.toLowerCase())) el.remove();
  }
}

/**
 * Pages glued together from two templates have a second `<body>` after an empty first one;
 * linkedom keeps both, and `document.body` is the empty one. The later bodies' children move into
 * the first, where a browser would put them. Returns how many bodies were merged.
 */
export function mergeBodies(document: DomDocument): number {
  const first = document.body;
  if (!first) return 0;
  // getElementsByTagName is a plain walk (querySelectorAll runs css-select on every element); unlike
  // querySelectorAll it also looks inside <template>, whose bodies are not the page's.
  const others = [...document.getElementsByTagName('body')].filter((b) => b !== first && !insideTemplate(b));
  for (const other of others) {
    first.append(...[...other.childNodes]);
    other.remove();
  }
  return others.length;
}

function insideTemplate(el: DomElement): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.localName.toLowerCase() === 'template') return true;
  return false;
}

/** Remove comment nodes under `root` (they would be serialised into the content HTML). */
export function removeComments(root: DomNode): void {
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    for (let c = node.firstChild; c; ) {
      const next = c.nextSibling;
      if (c.nodeType === COMMENT_NODE) c.remove();
      else if (c.nodeType === ELEMENT_NODE) stack.push(c);
      c = next;
    }
  }
}

/** The whole `<body>`, with only scripts and styles removed (the `clean: false` mode). */
export function wholeBody(document: DomDocument): { contentHtml: string; contentText: string } {
  const body = document.body ?? document.documentElement;
  if (!body) return { contentHtml: '', contentText: '' };
  removeNeverContent(body);
  removeComments(body);
  return { contentHtml: body.innerHTML.trim(), contentText: renderText(body) };
}

/**
 * Depth of the deepest element under `root` (stops counting at `limit`), without recursion.
 * One `querySelectorAll('*')` in document order, each element one deeper than its parent: on
 * linkedom this is much cheaper than walking `firstChild`/`nextSibling`, which scan the tree.
 */
export function treeDepth(root: DomElement, limit: number): number {
  const depths = new Map<DomNode, number>([[root, 0]]);
  let max = 0;
  for (const el of root.querySelectorAll('*')) {
    const parent = el.parentNode;
    const depth = (parent ? (depths.get(parent) ?? 0) : 0) + 1;
    depths.set(el, depth);
    if (depth > max) {
      max = depth;
      if (max >= limit) return max;
    }
  }
  return max;
}

const BLOCK_BOUNDARY = /<\/?(?:p|div|br|h[1-6]|li|ul|ol|table|tr|td|th|section|article|header|footer|blockquote|pre|figure|figcaption|main|aside|nav|dd|dt|dl|hr)\b[^<>]*>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Text of an HTML string without building a tree: drops invisible elements and tags, turns block
 * boundaries into paragraph breaks and decodes the common entities. Used only when the DOM fails.
 */
export function simpleText(html: string): string {
  let s = html;
  for (const tag of INVISIBLE_TAGS) {
    if (tag !== tag.toUpperCase()) continue;
    const t = tag.toLowerCase();
    s = removeBetween(s, new RegExp(`<${t}\\b[^<>]*>`, 'gi'), `</${t}`, '>');
  }
  s = removeBetween(s, /<!--/g, '-->', '')
    .replace(BLOCK_BOUNDARY, '\n\n')
    // [^<>], not [^>]: on "<<<<..." with no ">" each attempt would scan to the end (quadratic).
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
  return s
    .split(/\n\s*\n/)
    .map(normalizeSpace)
    .filter((p) => p !== '')
    .join('\n\n');
}

/**
 * Remove each span from a match of `opener` to the next `closer` (then up to `end`), with indexOf
 * rather than a lazy regex: `<t>[\s\S]*?</t>` scans to the end of the input for every unclosed
 * opener, quadratic on 10,000 `<script>`s or `<!--`s. An unclosed span runs to the end, as in browsers.
 */
function removeBetween(html: string, opener: RegExp, closer: string, end: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    opener.lastIndex = from;
    const m = opener.exec(html);
    if (!m) break;
    out += `${html.slice(from, m.index)} `;
    const close = lower.indexOf(closer, m.index + m[0].length);
    if (close < 0) return out;
    const stop = end ? html.indexOf(end, close + closer.length) : close + closer.length - 1;
    from = stop < 0 ? html.length : stop + (end ? end.length : 1);
  }
  return out + html.slice(from);
}
