/**
 * User patterns (config `clean.drop` / `clean.keep`), run by a linear-time engine.
 *
 * A pattern from a config file is untrusted work: with JavaScript's backtracking engine,
 * `(a|a)*$` takes exponential time on a 36-character line, and no syntactic check catches every
 * such shape (overlapping alternatives pass the nested-quantifier check). So the patterns are run
 * by re2js, a pure-JavaScript port of RE2: automata, no backtracking, time linear in the text for
 * every pattern. Patterns are written in JavaScript syntax (`u` flag, case-sensitive) and
 * translated; what RE2 cannot run in linear time (backreferences `\1` `\k<name>`, lookahead and
 * lookbehind) is a config error that says so.
 *
 * Semantics differ from JavaScript only where the text never reaches: `\s` is ASCII whitespace in
 * RE2, but the text cleaner has already turned tabs, NBSP and the other Unicode spaces into plain
 * spaces; `.` also matches U+2028/U+2029.
 */
import { createRequire } from 'node:module';
import type { RE2JS as RE2JSClass } from 're2js';

// re2js (~280 KB) is required on the first user pattern: most configs have none, and loading it
// cost every build ~9 ms of CPU (plus parsing the code) at start-up. Outside the bundle's
// reach (a createRequire), so lib/ does not carry it either.
const require = createRequire(import.meta.url);
let engine: typeof RE2JSClass | undefined;
const re2 = (): typeof RE2JSClass => (engine ??= (require('re2js') as { RE2JS: typeof RE2JSClass }).RE2JS);

/** What the text cleaner needs of a pattern (a RegExp also has it). */
export interface TextPattern {
  test(text: string): boolean;
}

/** A compiled user pattern; `source` is the pattern as written in the config. */
export interface UserPattern extends TextPattern {
  readonly source: string;
}

/**
 * Longest pattern accepted. RE2 compiles a pattern to a program linear in its size (after
 * repeats are expanded, which RE2 caps at 1,000 per repeat); a config's patterns are a few dozen
 * characters, and this keeps compiling all of them cheap.
 */
export const MAX_PATTERN_LENGTH = 1_000;
/** Largest compiled program accepted (RE2 instructions); `(?:a{1000}){1000}`-style blow-ups pass the length bound. */
export const MAX_PROGRAM_SIZE = 20_000;

export type PatternResult = { ok: true; pattern: UserPattern } | { ok: false; reason: string; hint: string };

/** Constructs RE2 refuses because no linear-time automaton can run them, found outside character classes. */
const UNSUPPORTED: readonly { test: (p: string, i: number) => boolean; what: string }[] = [
  { test: (p, i) => p.startsWith('(?=', i) || p.startsWith('(?!', i), what: 'a lookahead ((?=...) or (?!...))' },
  { test: (p, i) => p.startsWith('(?<=', i) || p.startsWith('(?<!', i), what: 'a lookbehind ((?<=...) or (?<!...))' },
  { test: (p, i) => p[i] === '\\' && /[1-9]/.test(p[i + 1] ?? ''), what: 'a backreference (\\1 ...)' },
  { test: (p, i) => p.startsWith('\\k<', i), what: 'a named backreference (\\k<name>)' },
];

/** The first construct of UNSUPPORTED in `pattern` (one linear scan that skips escapes and classes). */
function unsupportedConstruct(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (!inClass) for (const u of UNSUPPORTED) if (u.test(pattern, i)) return u.what;
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
  }
  return undefined;
}

const HINT_LINEAR = 'Patterns run on RE2, which takes time linear in the text for every pattern; rewrite it without lookaround or backreferences (match the text itself, e.g. "^Sponsored" instead of "(?=Sponsored)").';

/**
 * Check and compile one user pattern. `reason` completes a sentence that starts with the
 * pattern's config path (`"clean.drop[0]" ...`).
 */
export function compileUserPattern(source: string): PatternResult {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return { ok: false, reason: `is not a valid regular expression: ${(error as Error).message}.`, hint: 'Fix the pattern (JavaScript syntax, `u` flag).' };
  }
  if (source.length > MAX_PATTERN_LENGTH) {
    return { ok: false, reason: `is ${source.length} characters long; patterns are limited to ${MAX_PATTERN_LENGTH}.`, hint: 'Split it into several shorter patterns.' };
  }
  const unsupported = unsupportedConstruct(source);
  if (unsupported) {
    return { ok: false, reason: `(${source}) uses ${unsupported}, which no linear-time engine can run; such patterns can take exponential time.`, hint: HINT_LINEAR };
  }
  let re: RE2JSClass;
  try {
    const RE2JS = re2();
    re = RE2JS.compile(RE2JS.translateRegExp(source));
  } catch (error) {
    return { ok: false, reason: `(${source}) is refused by RE2, the linear-time engine user patterns run on: ${(error as Error).message}.`, hint: 'See https://github.com/google/re2/wiki/Syntax for what RE2 accepts (repeat counts are limited to 1,000 in all).' };
  }
  if (re.programSize() > MAX_PROGRAM_SIZE) {
    return { ok: false, reason: `(${source}) compiles to ${re.programSize()} instructions; the limit is ${MAX_PROGRAM_SIZE}.`, hint: 'Use smaller repeat counts ({n,m}).' };
  }
  return { ok: true, pattern: { source, test: (text) => re.test(text) } };
}

/** Compile patterns the config loader has already accepted (a bug if one fails). */
export function compileUserPatterns(sources: readonly string[]): UserPattern[] {
  return sources.map((source) => {
    const result = compileUserPattern(source);
    if (!result.ok) throw new Error(`user pattern ${JSON.stringify(source)} passed the config check but ${result.reason}`);
    return result.pattern;
  });
}

/** A source that would change meaning inside a larger pattern: backreferences and named groups refer to group numbers and names. */
const REFERS_TO_GROUPS = /\\[1-9]|\\k<|\(\?<(?![=!])/;

/**
 * Whether a pattern is anchored at the start of the text as a whole: it opens with `^`, no
 * alternative at its top level escapes that anchor (`^a|b` is not anchored), and `^` means the
 * text's start (no `m` flag). One scan that skips escapes and character classes.
 */
export function anchoredAtStart(pattern: RegExp): boolean {
  const source = pattern.source;
  if (pattern.multiline || !source.startsWith('^')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

/**
 * One test for "does any of these patterns match": the same answer as
 * `patterns.some((p) => p.test(text))`, with the patterns joined into one alternation per set of
 * flags. A line is then scanned once instead of once per pattern, which is what a long list of
 * rule patterns costs on lines that match none of them (most lines). Patterns whose meaning a join
 * could change (backreferences, named groups) or that keep state between calls (`g`, `y`) are
 * tested on their own, as before. The patterns anchored at the text's start (`anchoredAtStart`)
 * are joined under one `^(?:…)` apiece per set of flags, which the engine tries at the start only
 * and compiles faster than the same alternatives each behind its own `^` (phrase rules: 182 of 211
 * patterns; paired, their first use 0.8× and a pass over long lines 0.9× the CPU).
 */
export function anyPattern(patterns: readonly RegExp[]): (text: string) => boolean {
  const byFlags = new Map<string, { anchored: string[]; free: string[] }>();
  const alone: RegExp[] = [];
  for (const pattern of patterns) {
    if (pattern.global || pattern.sticky || REFERS_TO_GROUPS.test(pattern.source)) {
      alone.push(pattern);
      continue;
    }
    let group = byFlags.get(pattern.flags);
    if (group === undefined) {
      group = { anchored: [], free: [] };
      byFlags.set(pattern.flags, group);
    }
    if (anchoredAtStart(pattern)) group.anchored.push(`(?:${pattern.source.slice(1)})`);
    else group.free.push(`(?:${pattern.source})`);
  }
  const joined: RegExp[] = [];
  for (const [flags, { anchored, free }] of byFlags) {
    if (anchored.length > 0) joined.push(new RegExp(`^(?:${anchored.join('|')})`, flags));
    if (free.length > 0) joined.push(new RegExp(free.join('|'), flags));
  }
  const tests = [...joined, ...alone];
  return (text) => tests.some((pattern) => pattern.test(text));
}
