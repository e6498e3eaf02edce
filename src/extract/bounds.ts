/**
 * Work bounds for one article: how much structure an extractor will build and walk before it
 * gives up on the expensive path and takes the cheap one.
 *
 * Why: the cost of an HTML page is not its bytes but its nodes. linkedom gives every node an
 * entry in a module-wide WeakMap (its EventTarget), which V8's garbage collector pays for
 * super-linearly, and Readability walks every element several times (three more times on a page it
 * finds too little in). 2 MB of `<` (2M text pieces) took 17 s and 8 MB 465 s and 3.3 GB; a page
 * of links costs ~9 s per MB. Real pages are far below these bounds: across the 586 pages of both
 * extraction development sets the most elements is 6,749 and the most nodes (elements, text pieces
 * and comments, as the parser reports them) 16,087.
 *
 * So each HTML page is first counted by a streaming pass of the tokenizer alone (htmlparser2, no
 * tree: ~15 ms per MB, linear), which stops as soon as a bound is passed. A page over a bound is
 * never given to linkedom: its text is read without a tree (linear), and the article carries an
 * ARTICLE_TOO_COMPLEX warning that names the bound.
 */
import { Parser } from 'htmlparser2';

/** The bounds of an HTML page, as data (the names are what ARTICLE_TOO_COMPLEX reports). */
export const HTML_LIMITS = {
  /**
   * Elements (open tags). Readability's cost is per element, highest on pages of bare links (it
   * retries three times when it finds little text): 20,000 links cost 3.1-3.5 s of CPU on the busy
   * 2-core machine, 15,000 about 2.3 s. 15,000 is 2.2x the largest real page.
   */
  elements: 15_000,
  /**
   * Nodes: elements, text pieces and comments as the parser reports them, before adjacent text is
   * merged (htmlparser2 splits text at every entity and every stray `<`; each piece is a linkedom
   * node until the tree is normalised).
   */
  nodes: 100_000,
  /**
   * Open elements at once. Unbounded for pages (the element bound caps it, and a deep page has a
   * tree-walking fallback); the Markdown reader bounds it (MARKDOWN_LIMITS).
   */
  depth: Number.POSITIVE_INFINITY,
} as const;

export type HtmlBound = keyof typeof HTML_LIMITS;
export type HtmlLimits = { readonly [K in HtmlBound]: number };

/** Which bound a page passed, and where. */
export interface BoundExceeded {
  bound: HtmlBound;
  limit: number;
  /** Character (UTF-16) index at which the bound was passed. */
  at: number;
}

/** Thrown from a parser callback to stop the counting pass at the bound. */
class Stop {}

/**
 * Count a page's elements and nodes without building a tree, stopping at the first bound passed.
 * Linear in the length of `html` up to the bounds (htmlparser2 keeps its open-element stack with
 * `unshift`, quadratic in the nesting depth, but the element bound caps the depth too), and it
 * stops where a bound is passed rather than reading on.
 */
export function checkHtmlBounds(html: string, limits: HtmlLimits = HTML_LIMITS): BoundExceeded | undefined {
  if (underBoundsByCount(html, limits)) return undefined;
  let elements = 0;
  let nodes = 0;
  let depth = 0;
  let over: HtmlBound | undefined;
  const node = (): void => {
    if (++nodes > limits.nodes) {
      over = 'nodes';
      throw new Stop();
    }
  };
  const parser = new Parser(
    {
      onopentag() {
        if (++elements > limits.elements) over = 'elements';
        else if (++depth > limits.depth) over = 'depth';
        if (over) throw new Stop();
        node();
      },
      onclosetag() {
        depth--;
      },
      ontext: node,
      oncomment: node,
    },
    // As linkedom parses (src/extract/html/dom.ts): entities are decoded, so each is its own text piece.
    { decodeEntities: true, lowerCaseAttributeNames: false },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return over ? { bound: over, limit: limits[over], at: parser.endIndex } : undefined;
}

/**
 * True when a page cannot pass any bound, by counting `<` and `&` alone (one scan, no tokenizer;
 * the tokenizer pass cost about 5 % of an HTML page's extraction). Every element opens at a `<`
 * (an implied `<p>` for a stray `</p>` too), and a text piece or comment ends or starts at a `<`
 * or an `&` (an entity is its own piece), so elements ≤ `<`s, depth ≤ `<`s and
 * nodes ≤ 2 × (`<`s + `&`s) + 1. Pages that may pass a bound are counted by the tokenizer as before.
 */
export function underBoundsByCount(html: string, limits: HtmlLimits): boolean {
  let lt = 0;
  let amp = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) lt++;
  if (lt > limits.elements || lt > limits.depth) return false;
  for (let i = html.indexOf('&'); i >= 0; i = html.indexOf('&', i + 1)) amp++;
  return 2 * (lt + amp) + 1 <= limits.nodes;
}

/** The sentence that goes into `dropped` (rule `too-complex`) and from there into ARTICLE_TOO_COMPLEX. */
export function describeBound(b: BoundExceeded): string {
  const what = { elements: 'elements', nodes: 'nodes (elements, text pieces and comments)', depth: 'levels of nesting' }[b.bound];
  return `The page has more than ${b.limit.toLocaleString('en-US')} ${what} (bound "${b.bound}", passed at character ${b.at.toLocaleString('en-US')}); its text was kept without boilerplate removal.`;
}

/**
 * The bound on an article's body, whatever its kind, once read: tags and entities (each `<` and
 * `&` of the body HTML). Every later stage pays for each: the sanitiser's parser calls back once per
 * entity, each feed escapes it again and the validator parses it back, about 3 µs and 300 bytes of
 * peak memory each through a build (2M `&lt;` took 5.5 s and 570 MB). Plain prose has a few per
 * sentence; an article over this bound is left out (ARTICLE_OVER_BOUND) rather than held for
 * seconds to minutes.
 */
export const CONTENT_LIMITS = {
  markup: 250_000,
} as const;

/** The number of `<` and `&` in `html` when it passes the markup bound, else undefined. One scan that stops at the bound. */
export function checkContentBounds(html: string, limit: number = CONTENT_LIMITS.markup): { bound: 'markup'; limit: number } | undefined {
  if (html.length <= limit) return undefined;
  let count = 0;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if ((c === 60 || c === 38) && ++count > limit) return { bound: 'markup', limit };
  }
  return undefined;
}

/**
 * Bounds of scraped text: the cleaner runs ~100 line rules per line (~5 µs a line), so 1 MB of
 * one-character lines took 2.5 s and 4 MB 8.6 s. Real scraped text has 60-100 characters a line
 * (8 MiB, the file limit, is ~100,000 such lines). Over the bound the text is kept as plain
 * paragraphs, as with `clean: false`.
 */
export const TEXT_LIMITS = {
  lines: 100_000,
} as const;

/**
 * Bounds of Markdown. marked costs ~1 s and 150-200 MB per MB on its worst shapes (tables, runs of
 * `<`, emphasis), and the HTML it writes is parsed again (text, summary, sanitiser) by htmlparser2,
 * whose open-element stack is quadratic in depth (1 MB of unclosed `<div>` took 4.5 s). Over a
 * bound the Markdown is kept as plain paragraphs.
 */
export const MARKDOWN_LIMITS = {
  /**
   * Characters rendered at all. Lists nested by indentation (which the nesting check does not count)
   * cost marked ~1.6 s per MB, linear; 1 MiB keeps that within the per-article target.
   */
  chars: 1024 * 1024,
  lines: 100_000,
  /** `<` and `&` in the source: each gives at least one tag or entity (see CONTENT_LIMITS). */
  markup: 250_000,
  /**
   * Elements open at once in the rendered HTML (raw HTML in Markdown can leave them open). Each of
   * the three later parses pays ~depth^2/2 element moves: 20,000 levels ~0.1 s each; deeper than
   * 256 the sanitiser flattens them anyway (CONTENT_TRUNCATED_NESTING).
   */
  depth: 20_000,
} as const;

/** Whether `s` has more than `limit` lines (one indexOf scan that stops at the bound). */
export function linesOver(s: string, limit: number): boolean {
  let lines = 1;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) if (++lines > limit) return true;
  return false;
}

/** Which Markdown bound `body` passes before rendering, as a sentence for `dropped`, or undefined. */
export function checkMarkdownBounds(body: string): string | undefined {
  const n = (x: number): string => x.toLocaleString('en-US');
  if (body.length > MARKDOWN_LIMITS.chars) return `The Markdown has more than ${n(MARKDOWN_LIMITS.chars)} characters (bound "chars"); its text was kept as plain paragraphs.`;
  if (linesOver(body, MARKDOWN_LIMITS.lines)) return `The Markdown has more than ${n(MARKDOWN_LIMITS.lines)} lines (bound "lines"); its text was kept as plain paragraphs.`;
  if (checkContentBounds(body, MARKDOWN_LIMITS.markup)) return `The Markdown has more than ${n(MARKDOWN_LIMITS.markup)} "<" and "&" (bound "markup"); its text was kept as plain paragraphs.`;
  return undefined;
}

/** Whether the HTML rendered from Markdown nests deeper than the bound, as a sentence for `dropped`. */
export function checkRenderedDepth(html: string): string | undefined {
  const over = checkHtmlBounds(html, { elements: Number.POSITIVE_INFINITY, nodes: Number.POSITIVE_INFINITY, depth: MARKDOWN_LIMITS.depth });
  return over ? `The Markdown's HTML nests more than ${over.limit.toLocaleString('en-US')} elements deep (bound "depth"); its text was kept as plain paragraphs.` : undefined;
}
