/** Levenshtein distance, for "did you mean" suggestions. Inputs are short keys. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest known key within a small edit distance, or undefined. */
export function didYouMean(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  // A key of three letters or fewer is allowed one edit: two would turn most short keys into any
  // other ("dir" into "id").
  let bestDistance = (key.length <= 3 ? 1 : Math.max(2, Math.floor(key.length / 3))) + 1;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Cut `text` to at most `max` characters at a word boundary, adding an ellipsis when cut. */
export function truncateAtWord(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.search(/\s\S*$/);
  const base = (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/u, '');
  return `${base}…`;
}

/** Every code unit stripIllegalXmlChars may change: CR, the forbidden controls, any surrogate, U+FFFE/U+FFFF. */
const MAYBE_ILLEGAL_XML = /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Whether `s` holds a code unit stripIllegalXmlChars may change (false: it returns `s` as it is). */
export function mayBeIllegalXml(s: string): boolean {
  return MAYBE_ILLEGAL_XML.test(s);
}

/**
 * Whether `s` holds `&`, `<`, `>` or a code unit stripIllegalXmlChars may change: what an XML or
 * HTML text escape changes (false: the escape is `s` itself). The same as a test of the one class
 * `[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]` (a property test
 * holds them equal, test/util/text.test.ts), ~2× faster on prose: three searches for one character
 * each and MAYBE_ILLEGAL_XML's shorter class, 1.5-1.8 against 2.7-4.3 ns a character on Node 20
 * (V8 tests the printable characters of a class one by one at every position; docs/BENCHMARKS.md,
 * r17-article).
 */
export function mayNeedXmlEscape(s: string): boolean {
  return s.includes('<') || s.includes('>') || s.includes('&') || MAYBE_ILLEGAL_XML.test(s);
}

/**
 * Remove characters that XML 1.0 forbids (C0 controls except tab/LF/CR, lone surrogates,
 * U+FFFE/U+FFFF) and normalise line ends. Every string that reaches a feed passes here.
 */
export function stripIllegalXmlChars(text: string): string {
  // A text its maker noted as holding none (noteXmlLegal): no scan.
  if (text.length >= NOTE_MIN && NOTED.includes(text)) return text;
  // Most text has none of the characters either replacement looks at: one plain scan, no copy.
  if (!mayBeIllegalXml(text)) return text;
  // XML 1.0 section 2.2 Char production.
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/**
 * Note that `s` holds nothing stripIllegalXmlChars changes, because its maker built it so: the next
 * stripIllegalXmlChars of the same text returns it without a scan. The Markdown renderer notes
 * its HTML, text and summary text (src/clean/markdown-html.ts `renderPlain`: every piece of text
 * in them passed escText or stripIllegalXmlChars, the markup is ASCII), and `finishDirectHtml` its
 * output when its input was noted; the resolver (the body's text, and the summary it derives from
 * the summary text, src/meta/resolve.ts) and the RSS item (the body's HTML, src/feeds/xml.ts
 * `xmlHtml`) then skip their scans, ~1.1-1.6 ns a character
 * (docs/BENCHMARKS.md, r17-article). Each noting site is held to its claim by a property test
 * (test/sources/markdown-fast.test.ts). Only texts of NOTE_MIN characters or more (bodies); the
 * last NOTE_KEEP noted, per thread: an article's four are all used before the next article's.
 */
export function noteXmlLegal(s: string): void {
  if (s.length < NOTE_MIN || NOTED.includes(s)) return;
  NOTED[noteNext] = s;
  noteNext = (noteNext + 1) % NOTE_KEEP;
}

/** Whether `s` was noted by noteXmlLegal (and is still among the last noted). */
export function notedXmlLegal(s: string): boolean {
  return s.length >= NOTE_MIN && NOTED.includes(s);
}

const NOTE_MIN = 512;
const NOTE_KEEP = 6;
const NOTED: string[] = [];
let noteNext = 0;

/**
 * `s.replace(/\s+/g, ' ').trim()`, faster: only white space that is not already one " " between
 * words is replaced (a run starting with " " and going on, or a run starting with any other space
 * character), so ordinary prose is scanned once and not rebuilt.
 */
export function squashSpaces(s: string): string {
  return s.replace(NOT_ONE_SPACE, ' ').trim();
}
const NOT_ONE_SPACE = / \s+|[^\S ]\s*/g;

/** Number of line feeds in `s` (the 1-based line of its end is this + 1). */
export function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** A BCP 47 language tag in the simple form feeds use: `en`, `pt-BR`, `zh-Hant-TW`. */
export function isLanguageTag(s: string): boolean {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(s);
}

/**
 * A language tag as sites write it, as BCP 47, or undefined when it is not one: Jekyll and Ruby
 * sites write the POSIX locale form `zh_cn`, `pt_BR`, read as `zh-CN`, `pt-BR` (language lower
 * case, a 4-letter script title case, a 2-letter region upper case). Hyphenated tags are kept as written.
 */
export function languageTag(s: string): string | undefined {
  if (isLanguageTag(s)) return s;
  if (!/^[A-Za-z]{2,3}(_[A-Za-z0-9]{1,8})+$/.test(s)) return undefined;
  const [lang, ...rest] = s.split('_') as [string, ...string[]];
  const sub = rest.map((p) => (/^[A-Za-z]{2}$/.test(p) ? p.toUpperCase() : /^[A-Za-z]{4}$/.test(p) ? `${p[0]?.toUpperCase()}${p.slice(1).toLowerCase()}` : p.toLowerCase()));
  return [lang.toLowerCase(), ...sub].join('-');
}

/** "a" or "an" before a name that starts with a vowel or not ("an Astro site", "a Hugo site"). */
export function indefiniteArticle(name: string): 'a' | 'an' {
  return /^[AEIOU]/i.test(name) ? 'an' : 'a';
}
