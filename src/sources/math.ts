import type { MarkedExtension, Tokens } from 'marked';

/**
 * TeX math in Markdown, as sites that render it write it: `$$ … $$` for display math, and on some
 * sites `$x_1$` inline or `\( … \)` / `\[ … \]`. The site's own renderer (remark-math, kramdown,
 * Hugo's passthrough extension, markdown-it-katex) takes what is between the delimiters as TeX,
 * untouched; marked knows no math and would read `a_1 + b_1` as emphasis and `\\` as an escaped
 * backslash. Where the site renders math (src/site/detect.ts), the math is kept as written, with
 * its delimiters, as text: feed readers run no KaTeX, and TeX as written is what a reader can use
 * (and what MathJax in a reader's page would typeset).
 */
export interface MathSyntax {
  /** Single dollars inline, `$x_1$` (remark-math, markdown-it-katex, Hugo passthrough when configured); off: only `$$` (kramdown). */
  inlineDollar: boolean;
  /** `\( … \)` inline and `\[ … \]` display (Hugo's passthrough delimiters as its documentation configures them). */
  brackets: boolean;
}

/** A math token: the source as written, delimiters included. */
export interface MathToken extends Tokens.Generic {
  /** `math` for display math (a block), `mathInline` inside a paragraph. */
  type: 'math' | 'mathInline';
  raw: string;
  text: string;
  display: boolean;
}

/** Longest math span or block read: TeX in a post is short; past this it is text. */
const MAX_MATH = 16_384;

/** The delimited forms, each bounded by MAX_MATH (a `$$` without its closing one costs one bounded scan). */
const DISPLAY_DOLLARS = String.raw`\$\$(?:[^$]|\$(?!\$)){1,${MAX_MATH}}?\$\$`;
/** `\[ … \]` and `\( … \)` hold no other bracket delimiter: a scan from each opening stops at the next one. */
const DISPLAY_BRACKETS = String.raw`\\\[(?:[^\\]|\\(?![[\]])){1,${MAX_MATH}}?\\\]`;
const INLINE_DOLLARS = String.raw`\$\$[^$\n]{1,${MAX_MATH}}?\$\$`;
/** `$…$` as pandoc reads it: no space just inside the dollars, no digit after the closing one ("costs $5 and $10" is no math). */
const INLINE_DOLLAR = String.raw`\$(?=[^\s$])(?:\\.|[^\\$\n]){1,${MAX_MATH}}?(?<=[^\s\\])\$(?!\d)`;
const INLINE_BRACKETS = String.raw`\\\((?:[^\\\n]|\\(?![()])){1,${MAX_MATH}}?\\\)`;

/** Display math opening a block: `$$ … $$` (one line or several), or `\[ … \]`; the closing delimiter ends a line. */
function blockPattern(syntax: MathSyntax): RegExp {
  return new RegExp(String.raw`^ {0,3}(?:${DISPLAY_DOLLARS}${syntax.brackets ? `|${DISPLAY_BRACKETS}` : ''})[ \t]*(?:\n|$)`);
}

/** Inline math: `$$…$$`; with `inlineDollar`, `$…$`; with `brackets`, `\(…\)`. One line at most. */
function inlinePattern(syntax: MathSyntax): RegExp {
  return new RegExp(`^(?:${inlineForms(syntax).join('|')})`);
}

function inlineForms(syntax: MathSyntax): string[] {
  return [INLINE_DOLLARS, ...(syntax.inlineDollar ? [INLINE_DOLLAR] : []), ...(syntax.brackets ? [INLINE_BRACKETS] : [])];
}

/** How far ahead an inline start is looked for at once (see the inline `start`). */
const START_WINDOW = 512;

/** A marked extension that reads math as MathToken (rendered as its escaped source by both renderers). */
export function mathExtension(syntax: MathSyntax): MarkedExtension {
  const block = blockPattern(syntax);
  const blockStart = syntax.brackets ? /\n {0,3}(?:\$\$|\\\[)/g : /\n {0,3}\$\$/g;
  const inline = inlinePattern(syntax);
  // Only where math can open (`$$x`, `$x`, `\(`): a run of dollars that opens nothing stays one text token.
  const starts = new RegExp(String.raw`\$\$[^$\n]|\$(?=[^\s$])${syntax.brackets ? String.raw`|\\\(` : ''}`);
  return {
    extensions: [
      {
        name: 'math',
        level: 'block',
        // Only where display math really opens, at a line's start within this paragraph: any other
        // start cuts the paragraph there (a run of dollars: one character at a time), and every cut
        // makes marked scan the rest again (10,000 lines of "$$x$ y" took 30 s).
        start: (src: string) => {
          const end = src.search(/\n[ \t]*\n/);
          const scope = end < 0 ? src : src.slice(0, end + 1);
          for (const m of scope.matchAll(blockStart)) if (block.test(src.slice(m.index + 1))) return m.index + 1;
          return undefined;
        },
        tokenizer(src: string): MathToken | undefined {
          const m = block.exec(src);
          if (!m) return undefined;
          return { type: 'math', raw: m[0], text: m[0].trim(), display: true };
        },
        renderer: (token) => `<p>${escapeMath((token as MathToken).text)}</p>\n`,
      },
      {
        name: 'mathInline',
        level: 'inline',
        // marked asks at every inline token, with the rest of the paragraph: a search to its end each
        // time is quadratic (40,000 "\\[" took 3.7 s). Past the window, the next look is at the
        // window's end: marked's text rule stops there, and joins the text it read.
        start: (src: string) => {
          const window = src.length > START_WINDOW ? src.slice(0, START_WINDOW) : src;
          // (A few characters short of its end: an opening that the window cuts through is looked at again.)
          return window.match(starts)?.index ?? (window === src ? undefined : START_WINDOW - 8);
        },
        tokenizer(src: string): MathToken | undefined {
          const m = inline.exec(src);
          if (!m) return undefined;
          return { type: 'mathInline', raw: m[0], text: m[0], display: false };
        },
        renderer: (token) => escapeMath((token as MathToken).text),
      },
    ],
  };
}

/** Math source as HTML text. */
export function escapeMath(tex: string): string {
  return tex.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The math spans and blocks of a text (outside code, which the caller has masked), for the steps
 * before Markdown that must leave them alone: MDX expressions (`{\beta}` in `$\hat{\beta}$` is TeX,
 * not an expression) and attribute lists. Same delimiters as the extension.
 */
export function mathPattern(syntax: MathSyntax): RegExp {
  // Compiled once per syntax (four at most), not once per article. Global: String.replace starts it at 0.
  const key = `${syntax.inlineDollar}:${syntax.brackets}`;
  let pattern = MATH_PATTERNS.get(key);
  if (!pattern) {
    pattern = new RegExp([DISPLAY_DOLLARS, ...(syntax.brackets ? [DISPLAY_BRACKETS] : []), ...inlineForms(syntax)].join('|'), 'g');
    MATH_PATTERNS.set(key, pattern);
  }
  return pattern;
}

const MATH_PATTERNS = new Map<string, RegExp>();
