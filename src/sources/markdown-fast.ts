import type { Token, Tokens, TokensList } from 'marked';

/*
 * marked's tokens for the plainest Markdown, without marked (issue 14: its lexer was ~29 % of a
 * Markdown article's CPU in a cold build, docs/BENCHMARKS.md r16-article). Most articles are
 * prose: paragraphs, `#` headings, fenced code, tight lists and quotes of one paragraph, with
 * emphasis, code spans, links and images inline. For a body made only of those, in the narrow
 * forms below, `fastLex` returns the tokens marked's GFM lexer returns (every field, `raw` too);
 * for anything else it returns undefined and marked lexes the body. Each form is narrowed until
 * no other rule of marked can read it differently:
 *
 * - a block starts at the line start with no indent: `#` a heading, three backticks or tildes a
 *   fence, `-`/`*`/`+` and a space a list, 1-9 digits, `.` or `)` and a space an ordered list,
 *   `> ` a quote, and what can only be text (plainStart: a letter, a digit not opening a list
 *   item, `**`, `[` of a link, a backtick, a quote mark, ...) a paragraph; blocks are apart by
 *   blank lines (a heading or a fence may also end at one line feed);
 * - every paragraph line, list item and quote line opens with what can only be text, so no line
 *   can open or interrupt another block (a setext underline, a table's delimiter row, a list, a
 *   quote, HTML, a rule, indented code, a link definition: each needs another first character),
 *   and no link definition exists, so no reference link can resolve;
 * - inline, only text without `\`, `<`, `~`, `@`, `&#`, a tab, a space before a line feed, `://`
 *   or `www.` (escapes, HTML, autolinks, hard breaks, decoded references), `_` only between two
 *   letters or digits; `*x*`, `**x**`, `_x_` and `__x__` whose opener follows a space (or starts
 *   the text) and precedes a letter or digit, whose closer follows a letter or digit and precedes
 *   a space, a line feed, `.`, `,`, `;`, `:` or the end, around plain text without a line feed; a
 *   code span of one backtick (its content as written, one space off each end when both have
 *   one); `[label](href)` and `![alt](src)` whose label ends at its first `]`, holds no `[` and
 *   is read by these same inline rules, with an href without spaces, quotes, brackets or
 *   parentheses.
 *
 * test/sources/markdown-fast.test.ts compares the tokens with marked's on generated bodies made
 * of these forms and of the near misses around them; scripts/fastlex-check.ts on real posts.
 */

/**
 * Where plain text stops: markup the forms below do not cover (control characters but the line
 * feed, `\\`, `<`, `~`, `@`), or may (`_`, `*`, `` ` ``, `[`, `!`). A class alone: V8 scans for it
 * far faster than for alternatives of several characters (a space before a line feed, `://`,
 * `www.`), which are looked for apart.
 */
const STOP = /[\u0000-\u0009\u000B-\u001F\\<_~@*`[!]/g;
/** Text marked's URL rule might read as an autolink (GFM bare URLs; `@` is a stop of its own). */
const AUTOLINK_TEXT = /:\/\/|[wW][wW][wW]\./;
/** An href taken as written: marked's link rule reads it whole and changes nothing in it. */
const PLAIN_HREF = /^[A-Za-z0-9/._~:#?=%+&@!$,;-]+$/;
/** A link's title taken as written: no escape, reference, quote or line feed for marked to change. */
const PLAIN_TITLE = /^[^"\\&\n\u0000-\u001F]+$/;
/** A fence's info string: printable ASCII but a backtick, a backslash (marked would unescape it) or a tilde (a longer fence). */
const PLAIN_INFO = /^[ -[\]-_a-}]*$/;
/**
 * Control characters other than the line feed (tabs, CR, NUL): marked rewrites or expands some.
 * Inline text stops at them (STOP) and every other place but a fence's content takes only named
 * characters, so only that content is searched for them.
 */
const CONTROL = /[\u0000-\u0009\u000B-\u001F]/;

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlnum = (c: number): boolean => isLetter(c) || isDigit(c);
/** Whether `<` before `c` is text to marked (a tag, a comment or an autolink needs a letter, `/`, `!` or `?` there). */
const ltText = (c: number): boolean => c === 32 || isDigit(c) || c === 61 || c === 45 || Number.isNaN(c);
/** ASCII punctuation: what a backslash escapes. */
const isAsciiPunct = (c: number): boolean => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
/** Characters JavaScript's `\s` and `trim` take for white space, beyond ASCII. */
const isUnicodeSpace = (c: number): boolean =>
  c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

function textToken(s: string): Tokens.Text {
  return { type: 'text', raw: s, text: s, escaped: false };
}

/** Whether `_` at `at` stands between two letters or digits: text in marked (it can neither open nor close). */
function intraword(s: string, at: number): boolean {
  return at > 0 && isAlnum(s.charCodeAt(at - 1)) && isAlnum(s.charCodeAt(at + 1));
}

/** Whether `s` from `from` to `to` is plain text without a line feed (`_` within a word and `!` not before `[` allowed). */
function plainText(s: string, from: number, to: number): boolean {
  let i = from;
  for (;;) {
    STOP.lastIndex = i;
    const m = STOP.exec(s);
    if (m === null || m.index >= to) break;
    const at = m.index;
    const c = s.charCodeAt(at);
    if (!((c === 95 /* _ */ && intraword(s, at)) || (c === 33 /* ! */ && s.charCodeAt(at + 1) !== 91))) return false;
    i = at + 1;
  }
  // Within the stretch only: a search for the next line feed from `from` would run to the end of a
  // paragraph without one at every token (quadratic: 80,000 `*a*` took 0.6 s).
  const text = s.slice(from, to);
  return !text.includes('\n') && !text.includes('&#') && !AUTOLINK_TEXT.test(text);
}

/**
 * Text from `from` to `to` as a token. fastInline has read or refused every URL start before
 * `to` (urlStart), so no `://` or `www.` is left in it for marked's URL rule.
 */
function pushText(out: Token[], s: string, from: number, to: number): boolean {
  if (to <= from) return true;
  const text = s.slice(from, to);
  // marked decodes numeric character references in text (`&#65;` is `A` in its text field).
  if (text.includes('&#')) return false;
  out.push(textToken(text));
  return true;
}

/** `.`, `,`, `;`, `:`, `!`, `?`, `)`, `'`, `"`: ASCII punctuation that may end an emphasis's text or follow its closer. */
const isEndPunct = (c: number): boolean => c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 39 || c === 34;

/**
 * Where `*x*`, `**x**`, `_x_` or `__x__` at `at` ends, or -1: an opener after a space, a line
 * feed, `(` or the text's start, before a letter, a digit, `(`, `.`, a quote mark, a backtick or
 * `[` (left-flanking, and for `_` not right-flanking); the first closer after it, after a letter,
 * a digit, a backtick or isEndPunct, before a space, a line feed, the end or isEndPunct
 * (right-flanking, and for `_` not left-flanking), on one line.
 */
function emphasisEnd(s: string, at: number, c: number): number {
  const run = s.charCodeAt(at + 1) === c ? 2 : 1;
  const before = at === 0 ? 32 : s.charCodeAt(at - 1);
  const first = s.charCodeAt(at + run);
  if (!(before === 32 || before === 10 || before === 40) || !(isAlnum(first) || first === 40 || first === 46 || first === 34 || first === 39 || first === 96 || first === 91)) return -1;
  const close = s.indexOf(c === 42 ? '*' : '_', at + run);
  if (close === -1 || close === at + run) return -1;
  const last = s.charCodeAt(close - 1);
  if (!(isAlnum(last) || isEndPunct(last) || last === 96)) return -1;
  if (run === 2 && s.charCodeAt(close + 1) !== c) return -1;
  const end = close + run;
  const after = end < s.length ? s.charCodeAt(end) : 32;
  if (!(after === 32 || after === 10 || isEndPunct(after))) return -1;
  return s.slice(at + run, close).includes('\n') ? -1 : end;
}

/**
 * `[label](href)` (or `![alt](src)` when `image`) at `at`: the token, or undefined. The label
 * ends at the first `]` and holds no `[`; its own inline tokens are read by fastInline (a code
 * span in it must close within it, as marked's label rule reads code spans whole).
 */
function linkToken(s: string, at: number, image: boolean): Tokens.Link | Tokens.Image | undefined {
  const open = at + (image ? 2 : 1);
  const close = s.indexOf(']', open);
  if (close === -1 || s.charCodeAt(close + 1) !== 40 /* ( */) return undefined;
  if (close === open && !image) return undefined;
  const label = s.slice(open, close);
  // marked unescapes `\[` and `\]` in a label before reading it: a backslash in it is left to marked.
  if (label.includes('[') || label.includes('\n') || label.includes('\\')) return undefined;
  // The href: plain characters and balanced parentheses, up to the `)` that closes or a space
  // before a title in double quotes.
  let j = close + 2;
  let depth = 0;
  for (;; j++) {
    const h = s.charCodeAt(j);
    if (h === 40) depth++;
    else if (h === 41) {
      if (depth === 0) break;
      depth--;
    } else if (h === 32 || h === 10 || Number.isNaN(h)) break;
  }
  const href = s.slice(close + 2, j);
  if (depth !== 0 || !PLAIN_HREF.test(href.replace(/[()]/g, ''))) return undefined;
  let title: string | null = null;
  if (s.charCodeAt(j) === 32) {
    if (s.charCodeAt(j + 1) !== 34) return undefined;
    const q = s.indexOf('"', j + 2);
    if (q === -1 || q === j + 2 || s.charCodeAt(q + 1) !== 41) return undefined;
    title = s.slice(j + 2, q);
    if (!PLAIN_TITLE.test(title)) return undefined;
    j = q + 1;
  } else if (s.charCodeAt(j) !== 41) return undefined;
  const tokens = label === '' ? [] : fastInline(label, true);
  if (!tokens) return undefined;
  return { type: image ? 'image' : 'link', raw: s.slice(at, j + 1), href, title, text: label, tokens } as Tokens.Link | Tokens.Image;
}

/**
 * Where marked's URL rule may start, from `from` on (the text's length when nowhere): its text
 * rule stops before any `http`, `https` or `ftp` (any case; only those followed by `://` are
 * tried here) and before `www.`. A `://` after anything else is returned as it is (urlToken
 * refuses it). Two searches of a string: far faster than one of a pattern of alternatives.
 */
function urlStart(s: string, from: number): number {
  const w = s.indexOf('www.', from);
  let at = w === -1 ? s.length : w;
  const a = s.indexOf('://', from);
  if (a !== -1 && a < at) {
    const scheme = SCHEME.exec(s.slice(Math.max(from, a - 5), a));
    at = scheme ? a - scheme[0].length : a;
  }
  return at;
}
const SCHEME = /(?:[hH][tT][tT][pP][sS]?|[fF][tT][pP])$/;
/** marked 18's GFM URL rule (its web part) and the trailing punctuation it gives back, as written there. */
const URL = /((?:[hH][tT][tT][pP][sS]?|[fF][tT][pP]):\/\/|www\.)(?:[a-zA-Z0-9-]+\.?)+[^\s<]*/y;
const BACKPEDAL = /(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'"~)]+(?!$))+/;

/**
 * The link marked's URL rule makes of a bare URL at `at`, or undefined. `www.` is read only after
 * a space, a line feed, `(` or the text's start (where marked's text rule stops before it).
 */
function urlToken(s: string, at: number): Tokens.Link | undefined {
  if (s.charCodeAt(at) === 119 /* w */ && at > 0 && !(s.charCodeAt(at - 1) === 32 || s.charCodeAt(at - 1) === 10 || s.charCodeAt(at - 1) === 40)) return undefined;
  URL.lastIndex = at;
  const m = URL.exec(s);
  if (m === null) return undefined;
  let raw = m[0];
  // marked trims the trailing punctuation until nothing changes (each pass is one search).
  for (let k = 0; k < 100; k++) {
    const back = BACKPEDAL.exec(raw)?.[0] ?? '';
    if (back === raw) break;
    raw = back;
  }
  if (raw === '' || !s.startsWith(raw, at)) return undefined;
  const href = m[1] === 'www.' ? `http://${raw}` : raw;
  return { type: 'link', raw, text: raw, href, autolink: true, tokens: [{ type: 'text', raw, text: raw }] } as Tokens.Link;
}

/** The inline tokens of `s` as marked makes them, or undefined (see the module comment). */
export function fastInline(s: string, inLink = false): Token[] | undefined {
  // A space before a line feed is a hard break (two or more) or is dropped (one): never in the
  // forms read, and never inside a link's href, so looked for once in the whole text.
  if (s.includes(' \n')) return undefined;
  const out: Token[] = [];
  const n = s.length;
  let start = 0; // of the pending text
  let scanned = 0; // s before it holds no URL start not yet read
  let urlAt = -1; // the first URL start at or after `scanned` (n: none), searched again only once passed
  let i = 0;
  while (i < n) {
    STOP.lastIndex = i;
    const m = STOP.exec(s);
    const at = m === null ? n : m.index;
    // A bare URL before the next stop (it may run past it: marked reads it first).
    // (One search per URL start: a search from every token to a text's end was quadratic.)
    if (urlAt < scanned) urlAt = urlStart(s, scanned);
    if (urlAt < at) {
      const url = inLink ? undefined : urlToken(s, urlAt);
      if (!url || !pushText(out, s, start, urlAt)) return undefined;
      out.push(url);
      i = start = scanned = urlAt + url.raw.length;
      continue;
    }
    scanned = at;
    if (m === null) break;
    const c = s.charCodeAt(at);
    let token: Token;
    let end: number;
    if (c === 42 /* * */ || c === 95 /* _ */) {
      if (c === 95 && intraword(s, at)) {
        i = at + 1;
        continue;
      }
      end = emphasisEnd(s, at, c);
      if (end === -1) return undefined;
      const run = s.charCodeAt(at + 1) === c ? 2 : 1;
      const inner = s.slice(at + run, end - run);
      // Its text read by these same rules: the first closer ends it, so a code span or a link in
      // it must close within it (one holding the delimiter leaves an unclosed piece: refused).
      const tokens = plainText(s, at + run, end - run) ? [textToken(inner)] : fastInline(inner, inLink);
      if (!tokens) return undefined;
      token = { type: run === 1 ? 'em' : 'strong', raw: s.slice(at, end), text: inner, tokens } as Tokens.Em | Tokens.Strong;
    } else if (c === 96 /* ` */) {
      // A code span of one backtick: its content taken as written (marked reads no markup in it),
      // without a line feed or a control character; one space off each end when both have one.
      const close = s.indexOf('`', at + 1);
      if (close <= at + 1 || s.charCodeAt(close + 1) === 96) return undefined;
      const content = s.slice(at + 1, close);
      if (content.includes('\n') || CONTROL.test(content)) return undefined;
      end = close + 1;
      const strip = content.length > 2 && content.charCodeAt(0) === 32 && content.charCodeAt(content.length - 1) === 32 && content.trim() !== '';
      if (content.trim() === '' || (strip && (content.charCodeAt(1) === 32 || content.charCodeAt(content.length - 2) === 32))) return undefined;
      token = { type: 'codespan', raw: s.slice(at, end), text: strip ? content.slice(1, -1) : content };
    } else if (c === 91 /* [ */ || (c === 33 /* ! */ && s.charCodeAt(at + 1) === 91)) {
      const link = linkToken(s, at, c === 33);
      if (!link) return undefined;
      token = link;
      end = at + link.raw.length;
    } else if (c === 33 || (c === 126 /* ~ */ && s.indexOf('~', at + 1) === -1) || (c === 60 /* < */ && ltText(s.charCodeAt(at + 1)))) {
      // Text: `!` not before `[`; the last `~` (no strikethrough can close after it, and an
      // earlier `~` would have been refused); `<` that opens no tag, comment or autolink.
      i = at + 1;
      continue;
    } else if (c === 92 /* \\ */) {
      // An escaped ASCII punctuation character is a token of its own; a backslash before a line
      // feed is a hard break (left to marked); before anything else it is text.
      const d = s.charCodeAt(at + 1);
      if (d === 10) return undefined;
      if (!isAsciiPunct(d)) {
        i = at + 1;
        continue;
      }
      end = at + 2;
      token = { type: 'escape', raw: s.slice(at, end), text: s[at + 1] as string };
    } else return undefined;
    if (!pushText(out, s, start, at)) return undefined;
    out.push(token);
    i = start = scanned = end;
  }
  return pushText(out, s, start, n) ? out : undefined;
}

/**
 * Whether the line content at `i` can only be text to marked's block rules: no other block can
 * open there (list, quote, heading, fence, HTML, rule, setext underline, table row, indented code,
 * link definition) nor interrupt a paragraph. A letter; a digit not followed, after its run, by
 * `.` or `)`; `*` or `_` (one or two) before anything but a space, a tab or a third; `[` whose first `]` on the line
 * is followed by `(` (a link, never a definition); one backtick; `!`, `(`, quotes and other
 * punctuation no block rule reads; a non-ASCII character other than white space.
 */
function plainStart(src: string, i: number, e: number): boolean {
  const c = src.charCodeAt(i);
  if (isLetter(c)) return true;
  if (isDigit(c)) {
    let k = i + 1;
    while (isDigit(src.charCodeAt(k))) k++;
    const d = src.charCodeAt(k);
    return k < e && d !== 46 && d !== 41;
  }
  switch (c) {
    case 42: // *
    case 95: {
      // _
      // Not a rule (`***`, `* * *`) nor a list item (`* `): inline rules read the rest.
      const k = src.charCodeAt(i + 1) === c ? i + 2 : i + 1;
      const d = src.charCodeAt(k);
      return k < e && d !== c && d !== 32 && d !== 9;
    }
    case 91: {
      // [
      const close = src.indexOf(']', i);
      return close !== -1 && close < e && src.charCodeAt(close + 1) === 40;
    }
    case 96: // `
      return src.charCodeAt(i + 1) !== 96;
    case 33: // !
    case 34: // "
    case 36: // $
    case 37: // %
    case 38: // &
    case 39: // '
    case 40: // (
    case 44: // ,
    case 46: // .
    case 47: // /
    case 59: // ;
    case 63: // ?
    case 92: // \
      return true;
  }
  return c >= 0x80 && !isUnicodeSpace(c);
}

/** The end of the line that starts at `i` (the index of its line feed, or the text's length). */
function lineEnd(src: string, i: number): number {
  const nl = src.indexOf('\n', i);
  return nl === -1 ? src.length : nl;
}

/** The width of an ordered list marker at `i` (1 to 9 digits, `.` or `)`, a space), or 0. */
function listMarker(src: string, i: number): number {
  let k = i;
  while (k < i + 10 && isDigit(src.charCodeAt(k))) k++;
  const d = src.charCodeAt(k);
  return k > i && k - i <= 9 && (d === 46 || d === 41) && src.charCodeAt(k + 1) === 32 ? k - i + 2 : 0;
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
    if ((c === 45 || c === 42 || c === 95) && src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === c) {
      // A rule: three or more of `-`, `*` or `_`, alone on the line.
      end = lineEnd(src, i);
      for (let k = i + 3; k < end; k++) if (src.charCodeAt(k) !== c) return undefined;
      token = { type: 'hr', raw: src.slice(i, end) };
      oneBreak = true;
    } else if (c === 35 /* # */) {
      end = lineEnd(src, i);
      let depth = 1;
      while (src.charCodeAt(i + depth) === 35) depth++;
      if (depth > 6 || src.charCodeAt(i + depth) !== 32 || !plainStart(src, i + depth + 1, end)) return undefined;
      // marked trims the text (JavaScript's trim: a no-break space too) and a closing run of `#`.
      const last = src.charCodeAt(end - 1);
      if (last === 35 || last === 32 || isUnicodeSpace(last)) return undefined;
      const text = src.slice(i + depth + 1, end);
      const inline = fastInline(text);
      if (!inline) return undefined;
      token = { type: 'heading', raw: src.slice(i, end), depth, text, tokens: inline };
      oneBreak = true;
    } else if ((c === 96 /* ` */ || c === 126) /* ~ */ && src.charCodeAt(i + 1) === c) {
      const fence = c === 96 ? '```' : '~~~';
      if (!src.startsWith(fence, i)) return undefined;
      const open = lineEnd(src, i);
      const info = src.slice(i + 3, open);
      if (!PLAIN_INFO.test(info) || open >= n) return undefined;
      // Content lines up to the closing line: up to three spaces, the fence and any more of its
      // character, spaces (marked's closing rule); any other line is content, as written.
      let at = open + 1;
      for (;;) {
        if (at >= n) return undefined; // unclosed: the code runs to the end (left to marked)
        const e = lineEnd(src, at);
        let k = at;
        while (k < at + 3 && src.charCodeAt(k) === 32) k++;
        if (src.startsWith(fence, k)) {
          k += 3;
          while (src.charCodeAt(k) === c) k++;
          while (src.charCodeAt(k) === 32) k++;
          if (k === e) {
            end = e;
            break;
          }
        }
        at = e + 1;
      }
      // The content; marked gives one more line feed when its last line is blank.
      const content = at === open + 1 ? '' : src.slice(open + 1, at - 1);
      const text = at > open + 1 && (content === '' || content.endsWith('\n')) ? `${content}\n` : content;
      if (CONTROL.test(content)) return undefined;
      token = { type: 'code', raw: src.slice(i, end), lang: info.trim(), text } as Tokens.Code;
      oneBreak = true;
    } else if (((c === 45 || c === 42 || c === 43) && src.charCodeAt(i + 1) === 32) || (isDigit(c) && listMarker(src, i) > 0)) {
      // A list: each line the same bullet (or numbers with the same delimiter), a space, and text
      // that could only be text (plainStart); items apart by one line feed, or by one blank line
      // (the list is then loose: each item's text is a paragraph, and the blank line its item's).
      const ordered = isDigit(c);
      const delimiter = ordered ? src.charCodeAt(i + listMarker(src, i) - 2) : c;
      // The marker and the one to four spaces after it (five would open indented code in the item).
      const markerAt = (p: number): number => {
        let w = ordered ? (listMarker(src, p) > 0 && src.charCodeAt(p + listMarker(src, p) - 2) === delimiter ? listMarker(src, p) : 0) : src.charCodeAt(p) === c && src.charCodeAt(p + 1) === 32 ? 2 : 0;
        for (let k = 0; w > 0 && k < 3 && src.charCodeAt(p + w) === 32; k++) w++;
        return w;
      };
      const items: Tokens.ListItem[] = [];
      const texts: [string, Token[]][] = [];
      let loose = false;
      let at = i;
      for (;;) {
        const e = lineEnd(src, at);
        const width = markerAt(at);
        if (width === 0 || !plainStart(src, at + width, e)) return undefined;
        const text = src.slice(at + width, e);
        if (text.endsWith(' ') || isUnicodeSpace(text.charCodeAt(text.length - 1))) return undefined;
        const inline = fastInline(text);
        if (!inline) return undefined;
        const more = e + 1 < n && src.charCodeAt(e + 1) !== 10;
        const afterBlank = !more && e + 2 < n && src.charCodeAt(e + 1) === 10 && markerAt(e + 2) > 0;
        if (afterBlank) loose = true;
        const itemEnd = more ? e + 1 : afterBlank ? e + 2 : e;
        items.push({ type: 'list_item', raw: src.slice(at, itemEnd), task: false, loose: false, text: afterBlank ? `${text}\n` : text, tokens: [{ type: 'text', raw: text, text, tokens: inline }] });
        texts.push([text, inline]);
        end = e;
        if (!more && !afterBlank) break;
        at = itemEnd;
      }
      if (loose) {
        for (const [k, item] of items.entries()) {
          const [text, inline] = texts[k] as [string, Token[]];
          item.loose = true;
          item.tokens = [{ type: 'paragraph', raw: item.text, text, tokens: inline }];
        }
      }
      token = { type: 'list', raw: src.slice(i, end), ordered, start: ordered ? Number(src.slice(i, i + listMarker(src, i) - 2)) : '', loose, items };
      // An item after more blank lines would continue the list too: left to marked.
      let next = end;
      while (next < n && src.charCodeAt(next) === 10) next++;
      const d = src.charCodeAt(next);
      if (d === 45 || d === 42 || d === 43 || isDigit(d)) return undefined;
    } else if (c === 62 /* > */) {
      // A quote of one paragraph: each line `> ` and text that could only be text (plainStart).
      const lines: string[] = [];
      let at = i;
      for (;;) {
        const e = lineEnd(src, at);
        if (src.charCodeAt(at) !== 62 || src.charCodeAt(at + 1) !== 32 || !plainStart(src, at + 2, e)) return undefined;
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
    } else if (plainStart(src, i, lineEnd(src, i))) {
      // A paragraph: lines that could each only be text, up to a blank line. Spaces at its end
      // are its text's (a hard break needs a line after them).
      end = lineEnd(src, i);
      while (end + 1 < n && src.charCodeAt(end + 1) !== 10) {
        const e = lineEnd(src, end + 1);
        if (!plainStart(src, end + 1, e)) return undefined;
        end = e;
      }
      const text = src.slice(i, end);
      const inline = fastInline(text);
      if (!inline) return undefined;
      token = { type: 'paragraph', raw: text, text, tokens: inline };
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
