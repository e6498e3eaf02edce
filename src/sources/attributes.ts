import type { MathSyntax } from './math.js';
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
  if (!(syntax.headings || syntax.blocks || syntax.spans) || !MAY_HOLD.test(text)) return text;
  const code = new CodeMask(undefined, math);
  let out = code.mask(text);
  if (syntax.headings) out = out.replace(HEADING, '$1').replace(SETEXT, '$1');
  if (syntax.blocks) out = out.replace(TOC_LIST, '\n').replace(BLOCK_LINE, '');
  if (syntax.spans) out = out.replace(SPAN, '');
  return code.unmask(out);
}
