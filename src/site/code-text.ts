/**
 * Reading a site's JavaScript and TypeScript as text, never running it: where brackets nest, and
 * the object literal a bracket opens. Strings, comments and regular expression literals are
 * skipped. Used by the site readers (detect.ts, astro-collections.ts, docusaurus.ts).
 */

/**
 * The bracket depth (`{[(`) at each offset, strings, comments and regular expression literals
 * skipped (an offset inside one gets no depth).
 */
export function nestingAt(text: string, offsets: number[]): Map<number, number> {
  const wanted = new Set(offsets);
  const out = new Map<number, number>();
  let depth = 0;
  // The last character that was not blank or inside a comment: after an operator or an opening
  // bracket, a `/` starts a regular expression (`.replace(/["']/g, …)`), else it divides.
  let previous = '';
  for (let i = 0; i < text.length; i++) {
    if (wanted.has(i)) out.set(i, depth);
    const c = text[i] as string;
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      continue;
    } else if (c === '/' && (previous === '' || '(,=:[!&|?{};+-*%<>~^'.includes(previous) || /\b(?:return|typeof|case)\s*$/.test(text.slice(Math.max(0, i - 8), i)))) {
      i = regexEnd(text, i);
    } else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    if (!/\s/.test(c)) previous = c;
  }
  return out;
}

/** The offset of the `/` that ends the regular expression literal opening at `start` (a `/` inside `[...]` does not); `start` itself when the line ends first. */
function regexEnd(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') return start;
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return i;
  }
  return start;
}

/** The object literal starting at the `{` ending `match` in `text`, braces included. */
export function objectAt(text: string, match: RegExpExecArray | null): string | undefined {
  if (!match) return undefined;
  const open = match.index + match[0].length - 1;
  const close = matchingBrace(text, open);
  return close === undefined ? undefined : text.slice(open, close + 1);
}

/** The offset of the bracket that closes the one at `open`, strings and comments skipped. */
function matchingBrace(text: string, open: number): number | undefined {
  const closers = [...text.matchAll(/[}\])]/g)].map((m) => m.index);
  const depths = nestingAt(text, [open, ...closers]);
  const level = depths.get(open) ?? 0;
  // `nestingAt` gives the depth before the character: a closer at depth level + 1 closes `open`.
  return closers.find((i) => i > open && depths.get(i) === level + 1);
}

/**
 * Every `name: "literal"` in a JS/TS text (a string without escapes or interpolation; the other
 * quote characters may be in it: "Andy's Blog"), with its offset and bracket depth; not one in a comment
 * (`// pathPrefix: "/docs/"`, as config templates ship) or inside a string.
 */
export function optionMatches(text: string, name: string): { index: number; value: string; depth: number }[] {
  const pattern = new RegExp(`\\b${name}\\s*:\\s*(?:"([^"\\\\\\n]*)"|'([^'\\\\\\n]*)'|\`([^\`$\\\\]*)\`)`, 'g');
  const matches = [...text.matchAll(pattern)].map((m) => ({ index: m.index, value: (m[1] ?? m[2] ?? m[3]) as string })).filter((m) => m.value !== '');
  // `nestingAt` steps over comments and strings, so it gives no depth for an offset inside one.
  const depths = nestingAt(text, matches.map((m) => m.index));
  return matches.flatMap((m) => {
    const depth = depths.get(m.index);
    return depth === undefined ? [] : [{ ...m, depth }];
  });
}

/**
 * The literal string option nearest the top of the text (the fewest brackets deep; the first of
 * those): an Eleventy config function's own `return { dir: { input: "src" } }`, not a copy left
 * inside a helper function it defines (dead code after that helper's own return).
 */
export function shallowestOption(text: string | undefined, name: string): string | undefined {
  if (!text) return undefined;
  let best: { value: string; depth: number } | undefined;
  for (const m of optionMatches(text, name)) if (!best || m.depth < best.depth) best = m;
  return best?.value;
}
