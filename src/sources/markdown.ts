import { Lexer, Marked, type MarkedExtension, type Token, Tokenizer, type Tokens, type TokensList } from 'marked';
import markedFootnote from 'marked-footnote';
import { directHtmlTexts, htmlToText, htmlToTexts } from '../clean/html-text.js';
import { renderDirect, renderPlain, withoutMoreMarks } from '../clean/markdown-html.js';
import { checkHtmlBounds, checkMarkdownBounds, checkRenderedDepth } from '../extract/bounds.js';
import { MAX_HTML_DEPTH } from '../clean/sanitize.js';
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic, DroppedBlock, FoundMetadata } from '../model.js';
import { paragraphsToHtml } from '../util/html.js';
import { countNewlines } from '../util/text.js';
import { removeAttributeLists } from './attributes.js';
import { fastLex } from './markdown-fast.js';
import { githubAlerts, renderDirectives } from './directives.js';
import { type MathSyntax, mathExtension } from './math.js';
import { stripMdx } from './mdx.js';
import { applyTemplates, type TemplateSettings, zolaLinkKey } from './templates.js';

/** marked 18's GFM inline text rule without its autolink alternatives (see FAST_INLINE). */
export const FAST_TEXT_SOURCE =
  '^(?:(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\\n)|[\\s\\S]*?(?:(?=[\\\\<!\\[`*~_]|\\b_|[hH][tT][tT][pP][sS]?|$)|[^ ](?= {2,}\\n))))';

/**
 * Where the text rule may stop, after its first character (or run of "`" or "~"): before a
 * character that may open an inline token (`\\<![`*~_`; `\b_` is one of them), before "http" in
 * any case, or at two spaces or more ending a line (where a hard break begins).
 */
const TEXT_STOP = /[\\<![`*~_]|[hH][tT][tT][pP]| {2,}\n/g;

/**
 * What FAST_TEXT_SOURCE matches at the start of `src`, found without its lazy `[\s\S]*?`, which
 * tries five alternatives at every character of a paragraph (~12 % of a Markdown article's
 * CPU). The rule takes a first character (a whole run of "`" or "~"), then stops at the first
 * place where one of its alternatives holds: before a character of `[\\<![`*~_]`, before "http"
 * (`[sS]?` adds nothing to a lookahead), at the end, or after a character other than a space
 * that two spaces or more and a newline follow, which is the start of those spaces. Its other
 * alternatives are among these: `(?=[`~])` and `\b_` are characters of the set, and
 * `(?= {2,}\n)` right after the first character is the spaces' case there (a run of spaces
 * searched from there starts no later than the first one that a non-space precedes). So it ends
 * at the first match of TEXT_STOP after the first character, or at the end. marked reads only
 * the match's text (`[0]`); test/sources/markdown-fast-text.test.ts compares the tokens with
 * marked's own rule.
 */
export function inlineTextMatch(src: string): [string] | null {
  if (src.length === 0) return null;
  const first = src.charCodeAt(0);
  let start = 1;
  if (first === 96 || first === 126) while (start < src.length && src.charCodeAt(start) === first) start++;
  TEXT_STOP.lastIndex = start;
  const stop = TEXT_STOP.exec(src);
  return [stop ? src.slice(0, stop.index) : src];
}

/**
 * marked's GFM rule for a run of inline text, without the alternatives that look for an autolink
 * (`mailto:`/`xmpp:`, an e-mail address, `ftp://`, `www.`). At every character of a run the full
 * rule tries each of them, and for an e-mail address scans the next word for an "@": ~30 % of all
 * lexing on the benchmark's prose. A text with no "@", no "://", no "www.", no "mailto:" and no
 * "xmpp:" can match none of them anywhere, and a regular expression with alternatives that never
 * match matches exactly what it matches without them (the order of the others is kept): the fast
 * rule is used only then, and the tokens are marked's own (test/sources/markdown-fast-text.test.ts
 * compares both lexers). Undefined when marked's rule is not the one this was written against.
 */
const FAST_INLINE = ((): Record<string, unknown> | undefined => {
  const gfm = Lexer.rules.inline.gfm as unknown as Record<string, unknown> & { text: RegExp };
  const email = "[a-zA-Z0-9.!#$%&'*+\\/=?_`{\\|}~-]";
  const cuts: Array<[string, string]> = [
    ['[^a-zA-Z0-9](?=(?:mailto|xmpp):)|(`+', '(`+'],
    [`|(?=${email}+@)`, ''],
    ['|[fF][tT][pP]:\\/\\/|(?<![^\\s*_~(])www\\.', ''],
    [`|[^a-zA-Z0-9](?=(?:mailto|xmpp):)|[^a-zA-Z0-9.!#$%&'*+\\/=?_\`{\\|}~-](?=${email}+@)`, ''],
  ];
  let source = gfm.text.source;
  for (const [from, to] of cuts) {
    if (source.split(from).length !== 2) return undefined;
    source = source.replace(from, to);
  }
  // The rule left over, checked to be the one inlineTextMatch reads.
  if (source !== FAST_TEXT_SOURCE || gfm.text.flags !== '') return undefined;
  return { ...gfm, text: { source, exec: inlineTextMatch } };
})();

/** Could `src` hold anything the autolink alternatives of marked's inline text rule look for? */
const mayAutolink = (src: string): boolean =>
  src.includes('@') || src.includes('://') || src.includes('www.') || src.includes('mailto:') || src.includes('xmpp:');

/** How far ahead a trigger sends a token straight to marked's own rule. */
const AHEAD = 256;

/** A character of an e-mail address's local part, as marked's rule reads it. */
const EMAIL_CHAR = /[a-zA-Z0-9.!#$%&'*+/=?_`{|}~-]/;

/**
 * How far into `src` marked's full rule can look when the fast rule took `taken` characters: the
 * full rule stops no later than the fast one, and from any stop it peeks at most to the end of the
 * e-mail run there (`…@`) or a few characters on (`ftp://`, `www.`, `mailto:`, `xmpp:`).
 */
function fullRuleReach(src: string, taken: number): number {
  let end = taken;
  while (end < src.length && EMAIL_CHAR.test(src[end] as string)) end++;
  return end + 'mailto:'.length;
}

/**
 * The fast inline text rule (FAST_INLINE) where it matches what marked's own would: when nothing
 * an autolink alternative looks for is within the full rule's reach. (Only that far: `src` is the
 * rest of the block, so a test of all of it at every token was quadratic in a long paragraph of
 * markers without an "@": 40,000 "<" took 3.4 s.)
 */
export const fastInlineText: MarkedExtension = {
  tokenizer: {
    inlineText(this: Tokenizer, src: string) {
      const rules = this.rules as unknown as { inline: unknown };
      const gfm = Lexer.rules.inline.gfm;
      // A trigger right ahead: marked's own rule decides at once (running the fast rule first
      // would cost the rest of a long run at every one of the full rule's short tokens: "a@a@a@…").
      if (FAST_INLINE === undefined || rules.inline !== gfm || mayAutolink(src.slice(0, AHEAD))) return false;
      rules.inline = FAST_INLINE;
      let token: ReturnType<Tokenizer['inlineText']>;
      try {
        token = Tokenizer.prototype.inlineText.call(this, src);
      } finally {
        rules.inline = gfm;
      }
      // Where an autolink might begin further on, within the full rule's reach, marked's own rule decides.
      const reach = token ? fullRuleReach(src, token.raw.length) : 0;
      if (reach > AHEAD && mayAutolink(src.slice(AHEAD - 8, reach))) return false;
      return token;
    },
  },
};

/** Is code unit `c` matched by `\s` in a JavaScript regular expression? */
function isJsSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The index just past up to three spaces from `i` (what ` {0,3}` takes there). */
function afterIndent(src: string, i: number): number {
  let k = i;
  while (k < i + 3 && src.charCodeAt(k) === 32) k++;
  return k;
}

/**
 * Could marked's GFM setext-heading rule (`lheading`) match at the start of `src`? It matches a
 * paragraph whose last line is followed by a line of `=` or `-` (` {0,3}(=+|-+)`), and the
 * paragraph's lines never cross a blank line (`\n(?!\s*?\n …)`). So it needs some line, before the
 * first blank one, that opens with up to three spaces and `=` or `-`: without one it cannot
 * match, and marked's rule (~11 % of lexing, ~1.3 % of a 10k Markdown build's CPU: it scans the
 * whole paragraph, then fails, and the paragraph rule scans it again) need not run. A necessary condition only: with a
 * candidate line, marked's own rule decides.
 */
export function mayBeSetextHeading(src: string): boolean {
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) {
    const k = afterIndent(src, i + 1);
    const c = src.charCodeAt(k);
    if (c === 61 || c === 45) return true; // = or -
    // A blank line (`\s*?\n` after this newline): no paragraph line lies beyond it.
    let m = i + 1;
    while (m < src.length && src.charCodeAt(m) !== 10 && isJsSpace(src.charCodeAt(m))) m++;
    if (m < src.length && src.charCodeAt(m) === 10) return false;
  }
  return false;
}

/**
 * Could marked's GFM table rule match at the start of `src`? Its first line is the header row
 * (` *[^\n ].*`, so it ends at the first newline) and the second must open as a delimiter row:
 * up to three spaces, an optional `|` and spaces, an optional `:`, then `-`. A necessary
 * condition only: when it holds, marked's own rule decides.
 */
export function mayBeTable(src: string): boolean {
  const nl = src.indexOf('\n');
  if (nl === -1) return false;
  let k = afterIndent(src, nl + 1);
  if (src.charCodeAt(k) === 124) {
    k++;
    while (src.charCodeAt(k) === 32) k++;
  }
  if (src.charCodeAt(k) === 58) k++;
  return src.charCodeAt(k) === 45;
}

/**
 * marked's block rules for setext headings and tables, tried only where they could match
 * (mayBeSetextHeading, mayBeTable): at every block of every article marked runs both, and on prose
 * they fail after a scan of the block. Where the check says "cannot match", the answer is the one
 * marked's rule would give (no token); otherwise marked's own rule runs. The tokens are marked's
 * own (test/sources/markdown-fast-text.test.ts compares both lexers).
 */
export const fastBlockRules: MarkedExtension = {
  tokenizer: {
    lheading(this: Tokenizer, src: string) {
      if ((this.rules.block as unknown) !== Lexer.rules.block.gfm || mayBeSetextHeading(src)) return false;
      return undefined;
    },
    table(this: Tokenizer, src: string) {
      if ((this.rules.block as unknown) !== Lexer.rules.block.gfm || mayBeTable(src)) return false;
      return undefined;
    },
  },
};

/**
 * No indented code blocks, for sites whose Markdown reads none (Eleventy 2.0 and later): an
 * indented line is what it would be without its indent. A tokenizer that returns undefined (not
 * false, which hands over to marked's own rule) matches nothing.
 */
const noIndentedCode: MarkedExtension = {
  tokenizer: {
    code() {
      return undefined;
    },
  },
};

/** One shared renderer: GitHub-flavoured Markdown, no raw-HTML trust (the sanitiser runs later). */
const marked = new Marked({ gfm: true, async: false }).use(fastInlineText, fastBlockRules);
/** The same without indented code (`noIndentedCode`). */
const markedNoCode = new Marked({ gfm: true, async: false }).use(fastInlineText, fastBlockRules, noIndentedCode);

/**
 * GFM footnotes (`[^1]` and `[^1]: text`) with marked-footnote. The extension keeps per-document
 * state in its closure (and tries its tokenizer at every block), so a body with a footnote
 * definition gets its own renderer (~35 µs), and the others keep the plain shared one.
 */
/**
 * A footnote definition opening a line (`[^1]: text`, maybe inside a quote or list item): without
 * one no reference renders, and the extension would only slow the body down (a glob or regex
 * table full of `[^a-z]` took 40 % longer).
 */
const FOOTNOTE_DEFINITION = /^[ \t>]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?\[\^[^\]\n]+\]:/m;

function footnoteRenderer(math?: MathSyntax, indentedCode = true): Marked {
  const md = new Marked({ gfm: true, async: false });
  // Math first: a `$x_1$` is TeX before it is anything else.
  if (math) md.use(mathExtension(math));
  if (!indentedCode) md.use(noIndentedCode);
  return md.use(fastInlineText, fastBlockRules, markedFootnote({ description: 'Notes' }));
}

/** The shared renderer with TeX math kept as written, one per math syntax (it keeps no state per document). */
const mathRenderers = new Map<string, Marked>();
function mathRenderer(math: MathSyntax, indentedCode = true): Marked {
  const key = `${math.inlineDollar}:${math.brackets}:${indentedCode}`;
  let md = mathRenderers.get(key);
  if (!md) {
    md = new Marked({ gfm: true, async: false }).use(mathExtension(math), fastInlineText, fastBlockRules, ...(indentedCode ? [] : [noIndentedCode]));
    mathRenderers.set(key, md);
  }
  return md;
}

export interface MarkdownResult {
  bodyHtml: string;
  bodyText: string;
  /** See SourceDocument.summaryText. */
  summaryText?: string;
  found: FoundMetadata;
  /**
   * True when bodyHtml came from the direct renderer (src/clean/markdown-html.ts): already sanitised
   * but for URLs, which finishDirectHtml makes absolute. False: marked's HTML, to be sanitised whole.
   */
  direct?: boolean;
  /** Set when the Markdown could not be rendered (rule "markdown-failed") and the text was kept as is. */
  dropped?: DroppedBlock[];
  /** Template code or MDX components removed (CONTENT_TEMPLATE_*, CONTENT_MDX_REMOVED). */
  diagnostics?: Diagnostic[];
}

/** What a Markdown body needs besides its text: where it is, whether it is MDX, and the site's templates. */
export interface MarkdownOptions {
  /** Display path for diagnostics. */
  file?: string;
  /** An `.mdx` file: imports, exports, JSX components and expressions are removed first. */
  mdx?: boolean;
  /** Liquid/Nunjucks rendering (see sources/templates.ts); absent: template code is removed. */
  templates?: TemplateSettings;
  /** The article's front matter (`page` for templates, `render_with_liquid`). */
  frontMatter?: Record<string, unknown>;
  /** false: marked's HTML for the whole-body sanitiser (the path before issue 14; tests and benchmarks compare the two). */
  direct?: boolean;
}

/**
 * Render a Markdown body. A level-1 heading that opens the body is the article's title: it becomes
 * found metadata (provenance 'title-line') and leaves the body, since every feed shows the title itself.
 */
export function readMarkdown(source: string, bodyLine: number, options: MarkdownOptions = {}): MarkdownResult {
  // Template code and MDX run before Markdown, as in the generators (and never show as text).
  const file = options.file ?? '';
  const math = options.templates?.math;
  const pre = options.mdx ? stripMdx(source, bodyLine, file, math) : applyTemplates(source, bodyLine, file, options.templates, options.frontMatter ?? {});
  // Directives (`:::note` boxes) where the site's Markdown reads them.
  const boxed = options.templates?.directives ? renderDirectives(pre.text, bodyLine, file) : undefined;
  if (boxed && boxed.diagnostics.length > 0) pre.diagnostics.push(...boxed.diagnostics);
  const text = githubAlerts(boxed ? boxed.text : pre.text);
  const attributes = options.templates?.attributes;
  // Without a title in the front matter, an opening heading of any level that no other heading
  // outranks is the title ("## xftp" over "###" sections, as notes folders write them), and on a
  // site that titles pages by their first `# heading`, that heading wherever it stands (`TitleRule`).
  const fmTitle = options.frontMatter?.title;
  const titled = typeof fmTitle === 'string' && fmTitle.trim() !== '';
  const titleRule: TitleRule = titled ? 'opening-h1' : options.templates?.titleFromFirstHeading ? 'first-h1' : 'opening-any';
  const rendered = readPlainMarkdown(attributes ? removeAttributeLists(text, attributes, math) : text, bodyLine, options.direct !== false, math, titleRule, !options.templates?.noIndentedCode);
  const result = options.templates?.generator === 'zola' ? withZolaLinks(rendered, source, bodyLine, file, options.templates.links ?? {}) : rendered;
  if (pre.diagnostics.length === 0) return result;
  // A link or image whose target was a removed tag (`[post]({% link x.md %})`) would point at the
  // article itself: keep the link's text, drop the image.
  // (Plain link text only: a pattern that looked past the next tag would be quadratic on raw HTML.)
  const bodyHtml = result.bodyHtml.replace(EMPTY_LINK, '$1').replace(/<img src=""[^<>]*>/g, '');
  return { ...result, bodyHtml, diagnostics: [...pre.diagnostics, ...(result.diagnostics ?? [])] };
}

/** A link whose target was left out (an unresolved or removed tag): its text stays. Plain link text only. */
const EMPTY_LINK = /<a href="">([^<]*)<\/a>/g;

/** A rendered link to a Zola internal target: ` href="@/<path>.md[#anchor]"`. */
const ZOLA_HREF = / href="@\/([^"#?]*\.md)([#?][^"]*)?"/g;

/**
 * Zola's internal links in rendered HTML: `href="@/blog/x.md#a"` becomes the target page's URL
 * (from `links`, resolved by src/site/links.ts) with its anchor. A target that is no file of the
 * site (Zola stops its build on it) is named in a CONTENT_LINK_UNRESOLVED warning and its link
 * unwrapped, its text kept: a feed must not link to `@/…`, which no reader can open.
 */
function withZolaLinks(result: MarkdownResult, source: string, bodyLine: number, file: string, links: Record<string, string>): MarkdownResult {
  if (!result.bodyHtml.includes(' href="@/')) return result;
  const missing: string[] = [];
  let bodyHtml = result.bodyHtml.replace(ZOLA_HREF, (_whole, target: string, anchor: string | undefined) => {
    let written = target;
    try {
      written = decodeURI(target);
    } catch {
      // Not a percent-encoding marked wrote: look it up as it is.
    }
    const url = links[zolaLinkKey(written)];
    if (url === undefined) {
      if (!missing.includes(written)) missing.push(written);
      return ' href=""';
    }
    return ` href="${(url + (anchor ?? '')).replace(/&(?!amp;)/g, '&amp;').replace(/"/g, '%22')}"`;
  });
  if (missing.length === 0) return { ...result, bodyHtml };
  bodyHtml = bodyHtml.replace(EMPTY_LINK, '$1');
  const lineOf = (target: string): number => {
    const at = source.indexOf(`@/${target}`);
    return bodyLine + (at < 0 ? 0 : countNewlines(source.slice(0, at)));
  };
  const named = missing.slice(0, 8).map((t) => `@/${t} (line ${lineOf(t)})`);
  const warning = diagnostic('CONTENT_LINK_UNRESOLVED', { file, line: lineOf(missing[0] as string) }, { named, total: missing.length });
  return { ...result, bodyHtml, diagnostics: [...(result.diagnostics ?? []), warning] };
}

function readPlainMarkdown(body: string, bodyLine: number, direct: boolean, math?: MathSyntax, titleRule: TitleRule = 'opening-h1', indentedCode = true): MarkdownResult {
  // marked recurses once per nesting level: 100,000 ">" or "1. " take seconds, then overflow the
  // stack. Deeper than MAX_MARKDOWN_NESTING, or on a RangeError, the text is kept as paragraphs.
  // Work bounds (src/extract/bounds.ts): too big, too many lines or too much markup to render.
  const bound = checkMarkdownBounds(body);
  if (bound) return plainMarkdown(body, bound, 'too-complex');
  const depth = maxBlockNesting(body);
  if (depth > MAX_MARKDOWN_NESTING) return plainMarkdown(body, `blocks nested ${depth} levels deep`);
  if (hasPathologicalRun(body)) {
    return plainMarkdown(body, `a run without a space holding more than ${MAX_MARKER_RUN} "!", "*", "_", "~" or "\`", or so many "http" that autolink searches would scan it over and over`);
  }
  try {
    return renderMarkdown(body, bodyLine, direct, math, titleRule, indentedCode);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return plainMarkdown(body, error.message);
  }
}

/**
 * marked's GFM inline text rule looks ahead for an e-mail autolink (`[A-Za-z0-9.!#$%&'*+/=?_\`{|}~-]+@`)
 * at every inline marker (`!`, `*`, `_`, `~`, `` ` ``): on a run of such characters with no "@" that
 * is quadratic (40,000 "!" take 4 s, 100,000 take 20 s). No prose has this many markers in one word.
 */
export const MAX_MARKER_RUN = 1_000;
/**
 * What each ASCII code unit does to a run: 0 ends it (anything outside marked's e-mail local-part
 * class `[A-Za-z0-9.!#$%&'*+/=?_\`{|}~-]`, and every non-ASCII unit), 1 continues it without counting
 * (letters, digits, the other e-mail characters), 2 continues and counts (an inline marker `!*_~\``).
 */
const RUN_CLASS = (() => {
  const table = new Uint8Array(128);
  for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.#$%&'+/=?{|}-") table[c.charCodeAt(0)] = 1;
  for (const c of '!*_~`') table[c.charCodeAt(0)] = 2;
  return table;
})();

/**
 * True when some run of e-mail characters holds more than MAX_MARKER_RUN inline markers, or a
 * stretch without a space holds more "http" than MAX_AUTOLINK_WORK allows for its length. A space
 * ends every run, so such a run lies in a stretch of more than MAX_MARKER_RUN characters without a
 * space: prose has one every few words, and a jump of MAX_MARKER_RUN characters back to the last
 * space passes over it (~5 look-ups in a 4.5 KB article instead of a test of every character, which
 * was ~5 % of a Markdown article's CPU). Only such a stretch is scanned character by character.
 */
export function hasPathologicalRun(body: string): boolean {
  // No run can hold more markers than the text has characters.
  if (body.length <= MAX_MARKER_RUN) return false;
  let from = 0;
  while (body.length - from > MAX_MARKER_RUN) {
    const space = body.lastIndexOf(' ', from + MAX_MARKER_RUN);
    if (space >= from) {
      from = space + 1;
      continue;
    }
    // No space in the next MAX_MARKER_RUN + 1 characters: scan this stretch to its end.
    const end = body.indexOf(' ', from);
    const to = end === -1 ? body.length : end;
    if (markerRunIn(body, from, to) || autolinkRunIn(body, from, to)) return true;
    if (end === -1) return false;
    from = end + 1;
  }
  return false;
}

/**
 * marked's GFM autolink rules search a run without a space from each "http" in it (any case)
 * that does not start a URL to the run's end: `"ahttp".repeat(4000)` (20 KB) takes ~0.9 s, 50 KB ~8 s. A stretch whose "http"
 * count times its length passes this bound (~0.1 s of that work) is not rendered as Markdown. A
 * base64 data URI, the longest run real posts hold, has next to no "http" in it.
 */
const MAX_AUTOLINK_WORK = 2_000_000;

/** Whether the stretch `from`..`to` holds so many "http" that marked's autolink search would be quadratic on it. */
function autolinkRunIn(body: string, from: number, to: number): boolean {
  const most = Math.floor(MAX_AUTOLINK_WORK / (to - from));
  if (most < 1) return /http(?!s?:\/\/)/i.test(body.slice(from, to));
  let found = 0;
  // An "http" that starts a URL (`://`) is taken by the rule at once: only the others cost.
  const pattern = /http(?!s?:\/\/)/gi;
  pattern.lastIndex = from;
  for (let m = pattern.exec(body); m && m.index < to; m = pattern.exec(body)) if (++found > most) return true;
  return false;
}

/** One linear scan of `body` from `from` to `to`, which a space (or the text's edge) bounds on both sides. */
function markerRunIn(body: string, from: number, to: number): boolean {
  let markers = 0;
  for (let i = from; i < to; i++) {
    const c = body.charCodeAt(i);
    const k = c < 128 ? (RUN_CLASS[c] as number) : 0;
    if (k === 0) markers = 0;
    else if (k === 2 && ++markers > MAX_MARKER_RUN) return true;
  }
  return false;
}

/** Block quotes and lists nested deeper than this are not rendered (no article needs more than a few). */
export const MAX_MARKDOWN_NESTING = 100;

/** The Markdown as plain paragraphs: with `markdown-failed`, `reason` says why it could not be rendered; with `too-complex`, it is the whole sentence. */
function plainMarkdown(body: string, reason: string, rule: 'markdown-failed' | 'too-complex' = 'markdown-failed'): MarkdownResult {
  const paragraphs = body.split(/\n[ \t]*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const text = rule === 'too-complex' ? reason : `The Markdown could not be rendered (${reason}); its text was kept as plain paragraphs.`;
  return { bodyHtml: paragraphsToHtml(paragraphs), bodyText: paragraphs.join('\n\n'), found: {}, dropped: [{ text, rule }] };
}

/**
 * The most block markers (`>`, `-`, `+`, `*`, `1.`, `1)`) opening any one line, counted in one linear
 * scan. A list marker counts only before a space, a tab or the line end, as CommonMark reads it: a
 * table border or thematic break of 101 "-" is one line of text, not 101 lists.
 */
export function maxBlockNesting(body: string): number {
  let max = 0;
  let count = 0;
  let atLineStart = true;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 10) {
      atLineStart = true;
      count = 0;
      continue;
    }
    if (!atLineStart) {
      // The rest of the line cannot open a block: go straight to its end.
      const nl = body.indexOf('\n', i);
      if (nl === -1) break;
      i = nl;
      atLineStart = true;
      count = 0;
      continue;
    }
    if (c === 32 || c === 9) continue;
    if (c === 62) count++; // > opens a quote with or without a space
    else if ((c === 45 || c === 43 || c === 42) && isMarkerEnd(body.charCodeAt(i + 1))) count++; // - + * open a list item only before a space or the line end
    else if (c >= 48 && c <= 57) {
      while (i + 1 < body.length && body.charCodeAt(i + 1) >= 48 && body.charCodeAt(i + 1) <= 57) i++;
      const next = body.charCodeAt(i + 1);
      if ((next === 46 || next === 41) && isMarkerEnd(body.charCodeAt(i + 2))) {
        count++;
        i++;
      } else atLineStart = false;
    } else atLineStart = false;
    if (count > max) max = count;
  }
  return max;
}

/** After a list marker: a space, a tab, the line end or the text end (NaN from charCodeAt). */
function isMarkerEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
}

/**
 * An HTML block that shows nothing in a page or a feed: one comment (`<!-- … -->`), or one
 * `<script>` or `<style>` element, alone in its block (the sanitiser drops all three).
 */
function showsNothing(t: Token): boolean {
  if (t.type !== 'html' || !(t as Tokens.HTML).block) return false;
  const raw = t.raw.trim();
  if (raw.startsWith('<!--')) return raw.indexOf('-->', 4) === raw.length - 3;
  const open = /^<(script|style)\b/i.exec(raw);
  if (!open) return false;
  const close = `</${(open[1] as string).toLowerCase()}>`;
  return raw.toLowerCase().indexOf(close) === raw.length - close.length;
}

/** A raw-HTML fragment deeper than the sanitiser keeps goes the old way (checked, then flattened with a note). */
const FRAGMENT_LIMITS = { elements: Number.POSITIVE_INFINITY, nodes: Number.POSITIVE_INFINITY, depth: MAX_HTML_DEPTH };

/**
 * Which heading of a body is its title line (it leaves the body, since every feed shows the title):
 * - `opening-h1`: the first block, when it is a level-1 heading;
 * - `opening-any` (no front-matter title): the first block, when it is a heading of level 1, or of
 *   any level when no other top-level heading of the text is of that level or higher (else it
 *   opens a section: "## xftp" over "###" sections, as notes folders write them);
 * - `first-h1` (no front-matter title, on a site whose generator titles pages so): as
 *   `opening-any`, else the first top-level level-1 heading wherever it stands (after a badge, a
 *   lead paragraph or a component), as VitePress and MkDocs title the page.
 */
type TitleRule = 'opening-h1' | 'opening-any' | 'first-h1';

function renderMarkdown(body: string, bodyLine: number, useDirect: boolean, math?: MathSyntax, titleRule: TitleRule = 'opening-h1', indentedCode = true): MarkdownResult {
  const footnotes = body.includes('[^') && FOOTNOTE_DEFINITION.test(body);
  const plain = indentedCode ? marked : markedNoCode;
  const md = footnotes ? footnoteRenderer(math, indentedCode) : math ? mathRenderer(math, indentedCode) : plain;
  // The plainest bodies are tokenised without marked, to the same tokens (src/sources/markdown-fast.ts;
  // they hold no indented line that could open code).
  const fast = md === plain ? fastLex(body) : undefined;
  const tokens = fast ?? md.lexer(body);
  // marked.parse would run walkTokens between lexing and parsing: the footnote list moves to the end there.
  if (md !== plain && md.defaults.walkTokens) md.walkTokens(tokens, md.defaults.walkTokens);
  const found: FoundMetadata = {};
  // Blocks that show nothing (an HTML comment, VitePress's `<script setup>`, a `<style>`) do not
  // keep the heading after them from opening the body.
  const openingIndex = tokens.findIndex((t) => t.type !== 'space' && !showsNothing(t));
  const opening: Token | undefined = tokens[openingIndex];
  const openingTitle =
    opening?.type === 'heading' &&
    (opening.depth === 1 || (titleRule !== 'opening-h1' && tokens.every((t, i) => i === openingIndex || t.type !== 'heading' || (t as Tokens.Heading).depth > opening.depth)));
  // The title line's token: the opening heading, or (`first-h1`) the first level-1 heading; -1: none.
  const firstIndex = openingTitle ? openingIndex : titleRule === 'first-h1' ? tokens.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).depth === 1) : -1;
  const first: Token | undefined = tokens[firstIndex];
  if (first?.type === 'heading') {
    // The plain renderer: marked-footnote's inline tokenizer fails outside a document's lexing
    // (a `[^1]` in the title line threw a TypeError), and a title has no notes.
    const title = htmlToText(marked.parseInline(first.text) as string).trim();
    if (title) {
      const line = bodyLine + countNewlines(body.slice(0, body.indexOf(first.raw)));
      found.title = { value: title, from: 'title-line', line };
      tokens.splice(firstIndex, 1);
    }
  }
  // fastLex's tokens: their HTML and texts in one pass (renderPlain), the same as below.
  const plainRender = fast && useDirect ? renderPlain(tokens) : undefined;
  // Straight to sanitised HTML; raw HTML and the like through the sanitiser one block at a time.
  const direct = plainRender ? { html: plainRender.html, fragments: 0 } : useDirect ? renderDirect(tokens, (blocks) => {
        const html = md.parser(blocks as unknown as TokensList);
        return checkHtmlBounds(html, FRAGMENT_LIMITS) ? undefined : html;
      }) : { html: undefined };
  let bodyHtml = direct.html ?? md.parser(tokens);
  // Raw HTML can leave elements open, and every later parse of this HTML is quadratic in its depth
  // (the direct path's output is at most MAX_HTML_DEPTH deep: nothing to check).
  const tooDeep = direct.html === undefined ? checkRenderedDepth(bodyHtml) : undefined;
  if (tooDeep) return plainMarkdown(body, tooDeep, 'too-complex');
  // The summary leaves out code blocks and headings and stops at <!--more--> (see htmlToTexts).
  // The direct render holds no sanitised fragment: read back without htmlparser2 (same result).
  const { text: bodyText, summary } = plainRender ?? (direct.html !== undefined && direct.fragments === 0 ? directHtmlTexts(bodyHtml) : undefined) ?? htmlToTexts(bodyHtml);
  if (direct.html !== undefined) bodyHtml = withoutMoreMarks(bodyHtml);
  return { bodyHtml, bodyText, ...(summary !== bodyText && summary !== '' ? { summaryText: summary } : {}), found, ...(direct.html !== undefined ? { direct: true } : {}) };
}

