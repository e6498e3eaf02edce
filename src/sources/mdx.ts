import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';
import { escapeHtml } from '../util/html.js';
import { countNewlines } from '../util/text.js';
import type { MathSyntax } from './math.js';
import { blockquoteOpening, CodeMask, capitalized } from './templates.js';

/**
 * MDX (`.mdx`): Markdown with ES modules and JSX. Outside the site there is no React to run it,
 * so before Markdown is rendered:
 * - `import`/`export` blocks (a paragraph that starts with one, as MDX reads them) are removed;
 * - JSX components (`<Chart … />`, `<Tabs>…</Tabs>`, `<Foo.Bar>`, fragments `<>`) are removed,
 *   and what a paired one wraps is kept as Markdown; one warning per component names its first line;
 *   callout boxes (`<AlertBox>`, `<Aside>`, `<Callout>`…) whose tags pair become block quotes;
 * - `{expressions}` are removed (comments `{/* … *\/}` silently, others named in one warning).
 * Lower-case tags are HTML, left to the sanitiser, with their attributes evaluated where they are
 * string literals (`src={"…"}`) and removed where they are other expressions (`htmlTag`).
 * Code spans and fenced code are kept as written.
 */
export function stripMdx(body: string, bodyLine: number, file: string, math?: MathSyntax): { text: string; diagnostics: Diagnostic[] } {
  // Math the site renders (remark-math) is TeX, not expressions: `$\hat{\beta}$` keeps its braces.
  const code = new CodeMask(undefined, math);
  const masked = code.mask(body);
  const blank = (s: string): string => '\n'.repeat(countNewlines(s));
  // ESM: a block starting at column 0 with import/export runs to the next blank line.
  let text = masked.replace(/(^|\n)((?:import\s+[\w{*'"]|export\s+(?:const|let|var|default|function|async|class|\{|\*))[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*)/g, (_m, lead: string, block: string) => lead + blank(block));
  const components = new Map<string, { line: number; count: number }>();
  const boxes = pairedBoxes(text);
  const expressions: number[] = [];
  // Where the next `"`, `'` and `)` are, for the titles of links (linkResourceEnd).
  const nextClose: Record<string, number> = {};
  let out = '';
  let i = 0;
  // The line at `i`, counted forward only (i never goes back): linear however many tags there are.
  let counted = 0;
  let line = 1;
  const lineIn = (at: number): number => {
    line += countNewlines(text.slice(counted, at));
    counted = at;
    return line;
  };
  while (i < text.length) {
    const c = text[i];
    // A link's destination and title are read before any expression (micromark's resource
    // construct): `[Runs](https://api.example/jobs/{id}/get)` keeps its `{id}` as the site shows it.
    if (c === ']' && text[i + 1] === '(') {
      const end = linkResourceEnd(text, i + 2, nextClose);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '{') {
      const end = balanced(text, i, '{', '}');
      const expr = text.slice(i, end);
      if (!/^\{\s*\/\*[\s\S]*\*\/\s*\}$/.test(expr)) expressions.push(lineIn(i));
      out += blank(expr);
      i = end;
      continue;
    }
    if (c === '<' && /^<[a-z][\w-]*[\s/>]/.test(text.slice(i, i + 100))) {
      // An HTML tag whose attribute values may be expressions (`src={"https://…"}`).
      const end = tagEnd(text, i);
      const tag = htmlTag(text.slice(i, end));
      const at = lineIn(i);
      for (const offset of tag.expressions) expressions.push(at + offset);
      out += tag.text;
      i = end;
      continue;
    }
    if (c === '<') {
      const m = /^<(\/?)([A-Z][\w.]*|(?=>))/.exec(text.slice(i, i + 200));
      if (m) {
        const end = tagEnd(text, i);
        const name = m[2] || '';
        const tag = text.slice(i, end);
        if (boxes.has(name) && !tag.endsWith('/>')) {
          // A callout box around Markdown: a block quote with its title.
          out += code.hold(m[1] ? '\n\n</blockquote>\n\n' : boxOpening(tag), countNewlines(tag));
          i = end;
          continue;
        }
        if (name && !m[1]) {
          const seen = components.get(name);
          if (seen) seen.count++;
          else components.set(name, { line: lineIn(i), count: 1 });
        }
        out += blank(text.slice(i, end));
        i = end;
        continue;
      }
    }
    out += c;
    i++;
  }
  text = code.unmask(out);
  const diagnostics: Diagnostic[] = [];
  for (const [name, { line, count }] of components) {
    diagnostics.push(diagnostic('CONTENT_MDX_REMOVED', { file, line: bodyLine - 1 + line }, { what: 'component', name, count }));
  }
  if (expressions.length > 0) {
    const lines = expressions.map((l) => bodyLine - 1 + l);
    diagnostics.push(diagnostic('CONTENT_MDX_REMOVED', { file, line: lines[0] as number }, { what: 'expressions', lines }));
  }
  return { text, diagnostics };
}

/**
 * An HTML tag as MDX evaluates it: an attribute whose value is a string literal in braces
 * (`src={"https://…"}`, `alt={'…'}`, a template without `${}`) gets that string; one whose value
 * is any other expression (`src={image}`, `style={{…}}`), and a spread (`{...props}`), is removed
 * whole rather than leaving `src=` behind. `expressions` holds the line (0-based in the tag) of
 * each removed one. (A removed attribute's line goes with it: the lines after the tag move up.)
 */
function htmlTag(tag: string): { text: string; expressions: number[] } {
  const expressions: number[] = [];
  const parts: string[] = [];
  // `tag` up to `copied` is in `parts`; lines before `counted` are `lines` (both only move forward).
  let copied = 0;
  let lines = 0;
  let counted = 0;
  for (let i = 0; i < tag.length; i++) {
    const c = tag[i];
    if (c === '"' || c === "'") {
      i = skipQuoted(tag, i);
      continue;
    }
    if (c !== '{') continue;
    const end = balanced(tag, i, '{', '}');
    const expr = tag.slice(i, end);
    const literal = /^\{\s*(?:"([^"\\]*)"|'([^'\\]*)'|`([^`$\\]*)`)\s*\}$/.exec(expr);
    // The attribute's name and `=` before the value.
    const named = /\s+[\w:-]+\s*=\s*$/.exec(tag.slice(Math.max(copied, i - 200), i));
    if (literal && named) {
      parts.push(tag.slice(copied, i), `"${escapeHtml(literal[1] ?? literal[2] ?? literal[3] ?? '')}"`);
    } else {
      lines += countNewlines(tag.slice(counted, i));
      counted = i;
      expressions.push(lines);
      // With the blank before it: an attribute on a line of its own leaves no blank line, which
      // would end the tag's paragraph and show the tag as text.
      parts.push(tag.slice(copied, named ? i - named[0].length : i), ' ');
    }
    copied = end;
    i = end - 1;
  }
  parts.push(tag.slice(copied));
  return { text: parts.join(''), expressions };
}

/**
 * Callout components (`<AlertBox>`, Starlight's `<Aside>`, `<Callout>`, `<Admonition>`, `<Note>`…)
 * wrap Markdown in a box: rendered as a block quote with their title, when every opening tag of
 * that name has its closing tag.
 */
const BOXES = /^(?:AlertBox|Alert|Aside|Callout|Admonition|Note|Tip|Hint|Info|Warning|Caution|Danger|Important)$/;

function pairedBoxes(text: string): Set<string> {
  const open = new Map<string, number>();
  const close = new Map<string, number>();
  // `[^<>]`: each match stops at the next tag, so text full of unclosed tags stays linear.
  for (const m of text.matchAll(/<(\/?)([A-Z]\w*)\b[^<>]*?(\/?)>/g)) {
    const name = m[2] as string;
    if (!BOXES.test(name) || m[3]) continue;
    const into = m[1] ? close : open;
    into.set(name, (into.get(name) ?? 0) + 1);
  }
  return new Set([...open].filter(([name, n]) => close.get(name) === n).map(([name]) => name));
}

function boxOpening(tag: string): string {
  const attr = (name: string): string | undefined =>
    new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*"([^"]*)"\\s*\\}|\\{\\s*'([^']*)'\\s*\\})`)
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined);
  const kind = attr('type') ?? attr('level') ?? attr('variant');
  return blockquoteOpening(attr('title') ?? (kind ? capitalized(kind) : undefined));
}

/** The end of the string or comment opening at `i` (a quote closes on its own line), or `i` when none. */
function skipQuoted(text: string, i: number): number {
  const c = text[i];
  if (c === '/' && text[i + 1] === '*') {
    const end = text.indexOf('*/', i + 2);
    // Unclosed, the comment runs to the end (as in JavaScript); scanning on would be quadratic.
    return end === -1 ? text.length - 1 : end + 1;
  }
  if (c !== '"' && c !== "'" && c !== '`') return i;
  const q = text.indexOf(c, i + 1);
  if (q === -1) return i;
  // A newline before the closing quote: looked for up to that quote only (a search to the text's
  // end at every quote was quadratic on a long line of unclosed attributes).
  if (c !== '`') for (let j = i + 1; j < q; j++) if (text.charCodeAt(j) === 10) return i;
  return q;
}

/** The end (exclusive) of the `open`…`close` group at `start`, skipping strings and comments; the text end if unclosed. */
function balanced(text: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    const skipped = skipQuoted(text, i);
    if (skipped !== i) i = skipped;
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The end (exclusive) of the JSX tag at `start`: its `>` outside quoted attributes and `{…}` values. */
function tagEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    const skipped = c === '"' || c === "'" ? skipQuoted(text, i) : i;
    if (skipped !== i) i = skipped;
    else if (c === '{') i = balanced(text, i, '{', '}') - 1;
    else if (c === '>') return i + 1;
  }
  return text.length;
}

/**
 * Where a link resource starting at `from` (just after `](`) ends: its destination, then an
 * optional title in quotes or parentheses (up to MAX_DESTINATION characters), then `)`; the
 * destination's end when it is no resource. `next` remembers the next closing characters.
 */
function linkResourceEnd(text: string, from: number, next: Record<string, number>): number {
  const destination = linkDestinationEnd(text, from);
  let j = destination;
  while (j < text.length && j - destination < MAX_DESTINATION && /[ \t\n]/.test(text[j] as string)) j++;
  const open = text[j];
  if (open === '"' || open === "'" || open === '(') {
    const close = open === '(' ? ')' : open;
    // The next closing character, remembered across calls (links come in text order): many
    // unclosed titles cost one scan of the text, not one each.
    let end = next[close] ?? -1;
    if (end !== Number.POSITIVE_INFINITY && end <= j) {
      const found = text.indexOf(close, j + 1);
      end = found < 0 ? Number.POSITIVE_INFINITY : found;
      next[close] = end;
    }
    if (end - j > MAX_DESTINATION) return destination;
    j = end + 1;
    const title = j;
    while (j < text.length && j - title < MAX_DESTINATION && /[ \t\n]/.test(text[j] as string)) j++;
  }
  return text[j] === ')' ? j + 1 : destination;
}

/** The longest link destination CommonMark reads (a URL this long is no URL): what follows is text again. */
const MAX_DESTINATION = 4096;

/**
 * Where the destination of a link resource starting at `from` (just after `](`) ends: a `<…>`
 * destination at its `>`, else at the first space or control character, or at the `)` that
 * balances the parentheses inside it (CommonMark's rules); within MAX_DESTINATION characters.
 */
function linkDestinationEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_DESTINATION);
  if (text[from] === '<') {
    for (let j = from + 1; j < limit; j++) {
      const ch = text[j];
      if (ch === '>') return j + 1;
      if (ch === '\n' || ch === '<') return from;
    }
    return from;
  }
  let depth = 0;
  for (let j = from; j < limit; j++) {
    const ch = text[j] as string;
    if (ch === '\\') {
      j++;
      continue;
    }
    if (ch <= ' ') return j;
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) return j;
      depth--;
    }
  }
  return from;
}
