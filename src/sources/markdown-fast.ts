import type { Token, Tokens, TokensList } from 'marked';

/*
 * marked's tokens for the plainest Markdown, without marked (issue 14: its lexer was ~29 % of a
 * Markdown article's CPU in a cold build, docs/BENCHMARKS.md r16-article). Most articles are
 * prose: paragraphs, `#` headings, fenced code, tight bullet lists and quotes of one paragraph,
 * with emphasis, code spans and plain links inline. For a body made only of those, in the
 * narrow forms below, `fastLex` returns the tokens marked's GFM lexer returns (every field,
 * `raw` too); for anything else it returns undefined and marked lexes the body. Each form is
 * narrowed until no other rule of marked can read it differently:
 *
 * - a block starts at the line start with no indent: a letter opens a paragraph, `#` a heading,
 *   three backticks or tildes a fence, `-`/`*`/`+` and a space a list, `> ` a quote; blocks are
 *   apart by blank lines (a heading or a fence may also end at one line feed);
 * - every paragraph line, list item and quote line begins with a letter, so no line can open or
 *   interrupt another block (a setext underline, a table's delimiter row, a list, a quote, HTML,
 *   a link definition: each needs another first character), and no link definition exists,
 *   so no reference link can resolve;
 * - inline, only text without `\`, `<`, `_`, `~`, `&`, `@`, `]`, `![`, a tab, a space before a
 *   line feed, `://` or `www.` (escapes, HTML, autolinks, hard breaks, references); `*x*` and
 *   `**x**` whose opener follows a space (or starts the text) and precedes a letter or digit,
 *   whose closer follows a letter or digit and precedes a space, a line feed, `.`, `,`, `;`, `:`
 *   or the end, around plain text without a line feed; a code span of one backtick around plain
 *   text that neither starts nor ends with a space; `[text](href)` with plain text and an href
 *   without spaces, quotes, brackets or parentheses.
 *
 * test/sources/markdown-fast.test.ts compares the tokens with marked's on generated bodies made
 * of these forms and of the near misses around them.
 */

/**
 * Where plain text stops: markup the forms below do not cover (control characters but the line
 * feed, `\\`, `<`, `_`, `~`, `&`, `@`, `]`), or may (`*`, `` ` ``, `[`, `!`). A class alone: V8
 * scans for it far faster than for alternatives of several characters (a space before a line
 * feed, `://`, `www.`), which are looked for apart.
 */
const STOP = /[\u0000-\u0009\u000B-\u001F\\<_~&@\]*`[!]/g;
/** Text marked's URL rule might read as an autolink (GFM bare URLs; `@` is a stop of its own). */
const AUTOLINK_TEXT = /:\/\/|[wW][wW][wW]\./;
/** An href taken as written: marked's link rule reads it whole and changes nothing in it. */
const PLAIN_HREF = /^[A-Za-z0-9/._~:#?=%+&@!$,;-]+$/;
/** A fence's info string kept as written. */
const PLAIN_LANG = /^[A-Za-z0-9+#.-]*$/;
/**
 * Control characters other than the line feed (tabs, CR, NUL): marked rewrites or expands some.
 * Inline text stops at them (STOP) and every other place but a fence's content takes only named
 * characters, so only that content is searched for them.
 */
const CONTROL = /[\u0000-\u0009\u000B-\u001F]/;

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number): boolean => isLetter(c) || (c >= 48 && c <= 57);

function textToken(s: string): Tokens.Text {
  return { type: 'text', raw: s, text: s, escaped: false };
}

/** Whether `s` from `from` to `to` (which one of `*`, `` ` ``, `]` follows) is plain text without a line feed. */
function plainText(s: string, from: number, to: number): boolean {
  STOP.lastIndex = from;
  const m = STOP.exec(s);
  if (m !== null && m.index < to) return false;
  // Within the stretch only: a search for the next line feed from `from` would run to the end of a
  // paragraph without one at every token (quadratic: 80,000 `*a*` took 0.6 s).
  const text = s.slice(from, to);
  return !text.includes('\n') && !AUTOLINK_TEXT.test(text);
}

/** Text before `at` as a token, unless marked's URL rule might read something in it. */
function pushText(out: Token[], s: string, from: number, to: number): boolean {
  if (to <= from) return true;
  const text = s.slice(from, to);
  if (AUTOLINK_TEXT.test(text)) return false;
  out.push(textToken(text));
  return true;
}

/** The inline tokens of `s` as marked makes them, or undefined (see the module comment). */
export function fastInline(s: string): Token[] | undefined {
  // A space before a line feed is a hard break (two or more) or is dropped (one): never in the
  // forms read, and never inside a link's href, so looked for once in the whole text.
  if (s.includes(' \n')) return undefined;
  const out: Token[] = [];
  const n = s.length;
  let start = 0; // of the pending text
  let i = 0;
  while (i < n) {
    STOP.lastIndex = i;
    const m = STOP.exec(s);
    if (m === null) break;
    const at = m.index;
    const c = s.charCodeAt(at);
    let token: Token;
    let end: number;
    if (c === 42 /* * */) {
      const run = s.charCodeAt(at + 1) === 42 ? 2 : 1;
      const before = at === 0 ? 32 : s.charCodeAt(at - 1);
      if (s.charCodeAt(at + run) === 42 || !(before === 32 || before === 10) || !isAlnum(s.charCodeAt(at + run))) return undefined;
      const close = s.indexOf('*', at + run);
      if (close === -1 || !isAlnum(s.charCodeAt(close - 1))) return undefined;
      if (run === 2 && s.charCodeAt(close + 1) !== 42) return undefined;
      end = close + run;
      const after = end < n ? s.charCodeAt(end) : 32;
      if (!(after === 32 || after === 10 || after === 46 || after === 44 || after === 59 || after === 58)) return undefined;
      if (!plainText(s, at + run, close)) return undefined;
      const inner = s.slice(at + run, close);
      token = { type: run === 1 ? 'em' : 'strong', raw: s.slice(at, end), text: inner, tokens: [textToken(inner)] } as Tokens.Em | Tokens.Strong;
    } else if (c === 96 /* ` */) {
      const close = s.indexOf('`', at + 1);
      if (close <= at + 1 || s.charCodeAt(at + 1) === 32 || s.charCodeAt(close - 1) === 32 || s.charCodeAt(close + 1) === 96) return undefined;
      if (!plainText(s, at + 1, close)) return undefined;
      end = close + 1;
      token = { type: 'codespan', raw: s.slice(at, end), text: s.slice(at + 1, close) };
    } else if (c === 91 /* [ */) {
      const close = s.indexOf(']', at + 1);
      if (close <= at + 1 || s.charCodeAt(close + 1) !== 40 /* ( */ || !plainText(s, at + 1, close)) return undefined;
      const hrefEnd = s.indexOf(')', close + 2);
      if (hrefEnd === -1) return undefined;
      const href = s.slice(close + 2, hrefEnd);
      if (!PLAIN_HREF.test(href)) return undefined;
      end = hrefEnd + 1;
      const inner = s.slice(at + 1, close);
      token = { type: 'link', raw: s.slice(at, end), href, title: null, text: inner, tokens: [textToken(inner)] } as Tokens.Link;
    } else if (c === 33 /* ! */) {
      // Text, unless an image opens here.
      if (s.charCodeAt(at + 1) === 91) return undefined;
      i = at + 1;
      continue;
    } else return undefined;
    if (!pushText(out, s, start, at)) return undefined;
    out.push(token);
    i = end;
    start = end;
  }
  return pushText(out, s, start, n) ? out : undefined;
}

/** The end of the line that starts at `i` (the index of its line feed, or the text's length). */
function lineEnd(src: string, i: number): number {
  const nl = src.indexOf('\n', i);
  return nl === -1 ? src.length : nl;
}

/**
 * marked's tokens for `src` (its GFM lexer's `lex`, the plain renderer without extensions that
 * make tokens), or undefined when the body holds anything but the forms of the module comment.
 */
export function fastLex(src: string): TokensList | undefined {
  const tokens = [] as unknown as TokensList;
  tokens.links = Object.create(null);
  const n = src.length;
  let i = 0;
  while (i < n && src.charCodeAt(i) === 10) i++;
  if (i > 0) tokens.push({ type: 'space', raw: src.slice(0, i) });
  while (i < n) {
    const c = src.charCodeAt(i);
    let end: number; // of the block: a line feed or the text's end
    let oneBreak = false; // the block may end at one line feed (heading, fence)
    let token: Token;
    if (isLetter(c)) {
      // A paragraph: lines that each begin with a letter, up to a blank line.
      end = lineEnd(src, i);
      while (end + 1 < n && isLetter(src.charCodeAt(end + 1))) end = lineEnd(src, end + 1);
      if (end + 1 < n && src.charCodeAt(end + 1) !== 10) return undefined;
      const text = src.slice(i, end);
      if (text.endsWith(' ')) return undefined;
      const inline = fastInline(text);
      if (!inline) return undefined;
      token = { type: 'paragraph', raw: text, text, tokens: inline };
    } else if (c === 35 /* # */) {
      end = lineEnd(src, i);
      let depth = 1;
      while (src.charCodeAt(i + depth) === 35) depth++;
      if (depth > 6 || src.charCodeAt(i + depth) !== 32 || !isLetter(src.charCodeAt(i + depth + 1))) return undefined;
      const last = src.charCodeAt(end - 1);
      if (last === 35 || last === 32) return undefined;
      const text = src.slice(i + depth + 1, end);
      const inline = fastInline(text);
      if (!inline) return undefined;
      token = { type: 'heading', raw: src.slice(i, end), depth, text, tokens: inline };
      oneBreak = true;
    } else if (c === 96 /* ` */ || c === 126 /* ~ */) {
      const fence = c === 96 ? '```' : '~~~';
      if (!src.startsWith(fence, i)) return undefined;
      const open = lineEnd(src, i);
      const lang = src.slice(i + 3, open);
      if (!PLAIN_LANG.test(lang) || open >= n) return undefined;
      // Content lines up to a line that is the fence alone; none may begin (after up to three
      // spaces) with the fence's character, which could close it or open another.
      let at = open + 1;
      for (;;) {
        if (at >= n) return undefined;
        const e = lineEnd(src, at);
        let k = at;
        while (k < at + 3 && src.charCodeAt(k) === 32) k++;
        if (src.charCodeAt(k) === c) {
          if (k !== at || e !== at + 3 || !src.startsWith(fence, at)) return undefined;
          end = e;
          break;
        }
        at = e + 1;
      }
      const text = src.slice(open + 1, at - 1);
      if (at - 1 <= open + 1 || text.endsWith('\n') || text === '' || CONTROL.test(text)) return undefined;
      token = { type: 'code', raw: src.slice(i, end), lang, text } as Tokens.Code;
      oneBreak = true;
    } else if ((c === 45 || c === 42 || c === 43) && src.charCodeAt(i + 1) === 32) {
      // A tight list: each line the same bullet, a space, and text that begins with a letter.
      const items: Tokens.ListItem[] = [];
      let at = i;
      for (;;) {
        const e = lineEnd(src, at);
        if (src.charCodeAt(at) !== c || src.charCodeAt(at + 1) !== 32 || !isLetter(src.charCodeAt(at + 2))) return undefined;
        const text = src.slice(at + 2, e);
        if (text.endsWith(' ')) return undefined;
        const inline = fastInline(text);
        if (!inline) return undefined;
        const more = e + 1 < n && src.charCodeAt(e + 1) !== 10;
        items.push({ type: 'list_item', raw: src.slice(at, more ? e + 1 : e), task: false, loose: false, text, tokens: [{ type: 'text', raw: text, text, tokens: inline }] });
        end = e;
        if (!more) break;
        at = e + 1;
      }
      token = { type: 'list', raw: src.slice(i, end), ordered: false, start: '', loose: false, items };
      // An item after blank lines would continue the list (a loose one): left to marked.
      let next = end;
      while (next < n && src.charCodeAt(next) === 10) next++;
      const d = src.charCodeAt(next);
      if (d === 45 || d === 42 || d === 43 || (d >= 48 && d <= 57)) return undefined;
    } else if (c === 62 /* > */) {
      // A quote of one paragraph: each line `> ` and text that begins with a letter.
      const lines: string[] = [];
      let at = i;
      for (;;) {
        const e = lineEnd(src, at);
        if (src.charCodeAt(at) !== 62 || src.charCodeAt(at + 1) !== 32 || !isLetter(src.charCodeAt(at + 2))) return undefined;
        lines.push(src.slice(at + 2, e));
        end = e;
        if (!(e + 1 < n && src.charCodeAt(e + 1) !== 10)) break;
        at = e + 1;
      }
      const text = lines.join('\n');
      if (text.endsWith(' ')) return undefined;
      const inline = fastInline(text);
      if (!inline) return undefined;
      token = { type: 'blockquote', raw: src.slice(i, end), tokens: [{ type: 'paragraph', raw: text, text, tokens: inline }], text };
    } else return undefined;
    tokens.push(token);
    // The line feeds after the block: one is the block's (marked adds it to the block's raw),
    // more are a space token.
    let k = end;
    while (k < n && src.charCodeAt(k) === 10) k++;
    if (k - end === 1) {
      if (k < n && !oneBreak) return undefined;
      token.raw += '\n';
    } else if (k - end > 1) tokens.push({ type: 'space', raw: src.slice(end, k) });
    i = k;
  }
  return tokens;
}
