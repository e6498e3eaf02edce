import type { MathSyntax } from './math.js';
import { countNewlines } from '../util/text.js';
import { CodeMask } from './templates.js';

/**
 * Attribute lists in Markdown: `## Setup {#setup}`, a `{.box}` line under a paragraph,
 * `![x](y.png){: width="512"}`. The site's own Markdown renderer reads them as the id, class or
 * attributes of the element they follow (Hugo's Goldmark, Jekyll's kramdown, Zola, Eleventy with
 * markdown-it-attrs) and never publishes them; marked knows none of them and would print them as
 * text in every feed item. Which ones a site uses is detected from its generator and config
 * (src/site/detect.ts); they are removed before rendering. feedwright keeps no ids or classes
 * (the sanitiser drops them), so removing is all there is to do.
 */
export interface AttributeSyntax {
  /** `## Title {#id .class}` at the end of a heading (Goldmark's `parser.attribute.title`, kramdown, Zola, markdown-it-attrs). */
  headings: boolean;
  /** A line of its own, `{.class}`, `{#id}` (Goldmark's `parser.attribute.block`, markdown-it-attrs) or `{: .class}` (kramdown's block IAL). */
  blocks: boolean;
  /** Right after a link, image or emphasis: `![x](y){: width="512"}` (kramdown's span IAL), `[x](y){.button}` (markdown-it-attrs). */
  spans: boolean;
  /**
   * kramdown's `markdown="1"` on an HTML element: its content is Markdown, not HTML. Set for a
   * kramdown site (Jekyll's default renderer).
   */
  markdownInHtml?: boolean;
}

/** One attribute: `#id`, `.class` or `key=value` (value quoted or bare). */
const TOKEN = String.raw`(?:#[\w:-]+|\.[\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+))`;
/**
 * An attribute list: `{#id .class key=value}`, or kramdown's `{: …}`, which may also name a
 * definition or a directive by a bare word (`{:toc}`, `{: .no_toc}`). Bounded by the line: no `{`,
 * `}` or newline inside, so a scan is linear.
 */
const LIST = String.raw`\{(?::[ \t]*(?:(?:${TOKEN}|[\w-]+)[ \t]*)*|[ \t]*(?:${TOKEN}[ \t]*)+)\}`;

const HEADING = new RegExp(String.raw`^([ ]{0,3}#{1,6}[ \t].*?)[ \t]+${LIST}[ \t]*$`, 'gm');
/** A setext heading's text line (the line under it is `===` or `---`). */
const SETEXT = new RegExp(String.raw`^([ ]{0,3}\S.*?)[ \t]+${LIST}[ \t]*(?=\n[ ]{0,3}(?:=+|-+)[ \t]*$)`, 'gm');
const BLOCK_LINE = new RegExp(String.raw`^[ ]{0,3}${LIST}[ \t]*$`, 'gm');
/** kramdown's table of contents: a one-item list marked `{:toc}`, which kramdown replaces by the contents (a feed shows none). */
const TOC_LIST = /^[ ]{0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+[^\n]*\n[ ]{0,3}\{:[ \t]*toc[ \t]*\}[ \t]*$/gm;
/** After a link or image `)`, a reference `]`, emphasis `*`/`_` or code span's `` ` ``. */
const SPAN = new RegExp(String.raw`(?<=[)\]*_\`])${LIST}`, 'g');

/** Quick test: could the text hold an attribute list at all? */
const MAY_HOLD = /\{[:#.]|\{[ \t]*[\w-]+=/;

/**
 * The text without the attribute lists `syntax` names, outside code (fenced blocks and code
 * spans keep theirs: a post about kramdown shows its syntax) and math (`$x^{#1}$`). Lines are kept, emptied, so that
 * the line numbers of later diagnostics still hold.
 */
export function removeAttributeLists(text: string, syntax: AttributeSyntax, math?: MathSyntax): string {
  const wrappers = syntax.markdownInHtml === true && MARKDOWN_ATTRIBUTE.test(text);
  if (!wrappers && (!(syntax.headings || syntax.blocks || syntax.spans) || !MAY_HOLD.test(text))) return text;
  const code = new CodeMask(undefined, math);
  let out = code.mask(text);
  if (wrappers) out = unwrapMarkdownBlocks(out);
  if (syntax.headings) out = out.replace(HEADING, '$1').replace(SETEXT, '$1');
  if (syntax.blocks) out = out.replace(TOC_LIST, '\n').replace(BLOCK_LINE, '');
  if (syntax.spans) out = out.replace(SPAN, '');
  return code.unmask(out);
}

/** `markdown="1"` (or `block`, `span`) in a tag: kramdown reads the element's content as Markdown. */
const MARKDOWN_ATTRIBUTE = /<[a-z][\w-]*\b[^<>]*?\smarkdown\s*=\s*(["']?)(?:1|block|span)\1/i;
/** The same attribute among a start tag's attributes. */
const MARKDOWN_VALUE = /(?:^|\s)markdown\s*=\s*(["']?)(?:1|block|span)\1(?=\s|\/|$)/i;

/**
 * Wrapper elements that only group or style their content: the sanitiser keeps none of their
 * attributes, so without them a feed shows the same content.
 */
const WRAPPERS = new Set(['div', 'span', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'center']);

/** How many wrapper elements may be open at once (nesting deeper is left as HTML): keeps the pass linear. */
export const MAX_OPEN_WRAPPERS = 256;

/**
 * kramdown's `<div markdown="1">…</div>`: the element's content is Markdown, which marked would
 * leave as HTML (the element starts an HTML block that runs to the next blank line), so a feed
 * would show `[![](x.png)](…)` as text. A wrapper element (WRAPPERS) with the attribute is
 * removed, its start and end tags each leaving nothing but their line breaks (lines are kept for
 * the diagnostics), so its content is read as Markdown in its place. Any other element
 * (`details`, `figure`) keeps its tags and so its HTML content; a start tag without its end tag
 * is left. One pass over the wrappers' tags, a stack of the open ones: linear in the text.
 */
function unwrapMarkdownBlocks(text: string): string {
  const tags = new RegExp(`<(/?)(${[...WRAPPERS].join('|')})\\b([^<>]*)>`, 'gi');
  const open: { name: string; from: number; to: number; markdown: boolean }[] = [];
  // The tags to remove, as [from, to) ranges: each marked wrapper's start tag and its end tag.
  const cuts: [number, number][] = [];
  for (let t = tags.exec(text); t; t = tags.exec(text)) {
    const name = (t[2] as string).toLowerCase();
    if (!t[1]) {
      // Past MAX_OPEN_WRAPPERS open elements a start tag is not followed: each end tag searches the open ones.
      if (open.length >= MAX_OPEN_WRAPPERS) continue;
      open.push({ name, from: t.index, to: t.index + t[0].length, markdown: MARKDOWN_VALUE.test(t[3] as string) });
      continue;
    }
    // An end tag closes the innermost open element of its name (and any left open inside it).
    const at = open.findLastIndex((o) => o.name === name);
    if (at < 0) continue;
    const element = open[at] as (typeof open)[number];
    open.length = at;
    if (element.markdown) cuts.push([element.from, element.to], [t.index, t.index + t[0].length]);
  }
  if (cuts.length === 0) return text;
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [from, to] of cuts) {
    // A tag written over several lines leaves its line breaks.
    out += text.slice(pos, from) + '\n'.repeat(countNewlines(text.slice(from, to)));
    pos = to;
  }
  return out + text.slice(pos);
}
