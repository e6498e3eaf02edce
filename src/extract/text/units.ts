/**
 * From raw text to *units*: the lines of a page, normalised, with list items and wrapped
 * paragraphs joined, and the features the rules look at.
 */

/** One logical line: a paragraph, a list item, a heading. */
export interface Unit {
  /** The text, trimmed, list marker removed, wrapped lines joined with a space. */
  text: string;
  /** 1-based line of the first input line of the unit. */
  line: number;
  /** The unit started with a list marker (` * `, `•`, `1.`). */
  list: boolean;
  /** Index of the blank-line-separated block the unit is in. */
  block: number;
  /** Number of words (runs of letters or digits). */
  words: number;
  /** The unit ends like a sentence (., !, ?, …, or a closing quote after one). */
  sentence: boolean;
  /** Lower case, spaces collapsed, outer punctuation removed: what phrase rules are tested on. */
  key: string;
  /** The template key (see template.ts), computed once when first needed. */
  templateKey?: string;
}

/**
 * Normalise the raw input: drop a BOM, unify line breaks, turn tabs and odd spaces into spaces,
 * and remove control characters (NUL and friends), which scrapers sometimes leave behind.
 */
export function normaliseInput(input: string): string[] {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  text = text.replace(/\r\n?/g, '\n');
  // C0/C1 controls except the newline; tabs, NBSP and other spaces become a plain space.
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\ufeff]/g, '');
  text = text.replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
  return text.split('\n');
}

/** Bullets of html-to-text, w3m (•, then □ ☆ ○ nested) and lynx (*, then + o # nested; o only indented), dashes, numbers. */
const LIST_MARKER = /^( *)(?:[*•·‣◦▪□■☆○+#]|-(?= +\S.*[^ -]$)|\d{1,3}[.)]|(?<= {8})o(?= ))(?: +|$)/;
/**
 * Text browsers do not fill every line to the wrap width: lynx keeps a right margin of a few
 * columns that varies with the words, so a wrapped line may end a little past the width that most
 * lines stay under, and the next line's first word would have fitted within a column or two.
 */
export const WRAP = { overshoot: 4, slack: 3, minLongLine: 30, minEvidence: 5, evidenceShare: 0.25 } as const;
const FIRST_WORD = /^\S*/;

/**
 * Estimate the width at which the scraper wrapped long paragraphs, or 0 when it did not wrap.
 * Wrapped text has many lines just under one width and almost none above it.
 */
export function detectWrapWidth(lines: readonly string[]): number {
  const histogram = new Map<number, number>();
  for (const line of lines) {
    const length = line.trimEnd().length;
    if (length === 0) continue;
    histogram.set(length, (histogram.get(length) ?? 0) + 1);
  }
  let bestWidth = 0;
  let bestScore = 0;
  for (let width = 40; width <= 160; width += 1) {
    let near = 0;
    let above = 0;
    for (const [length, count] of histogram) {
      if (length > width) above += count;
      else if (length > width - 12) near += count;
    }
    const score = near - 4 * above;
    if (score > bestScore) {
      bestScore = score;
      bestWidth = width;
    }
  }
  // Demand real evidence: many of the long lines packed under the width. (Not of all lines: a
  // short story under a long menu of one-word lines has few wrapped lines but they are wrapped.)
  let long = 0;
  for (const [length, count] of histogram) if (length >= WRAP.minLongLine) long += count;
  return bestScore >= Math.max(WRAP.minEvidence, long * WRAP.evidenceShare) ? bestWidth : 0;
}

/** Build units from normalised lines. */
export function buildUnits(lines: readonly string[]): Unit[] {
  const wrap = detectWrapWidth(lines);
  const units: Unit[] = [];
  let block = 0;
  let blankBefore = true;
  let previousRaw = '';
  let previousIndent = -1; // content indent of the last list item, for its continuation lines
  for (let i = 0; i < lines.length; i += 1) {
    const raw = (lines[i] ?? '').trimEnd();
    if (raw.trim().length === 0) {
      if (!blankBefore) block += 1;
      blankBefore = true;
      previousIndent = -1;
      previousRaw = '';
      continue;
    }
    const marker = LIST_MARKER.exec(raw);
    const last = units[units.length - 1];
    const indent = raw.length - raw.trimStart().length;
    if (!marker && last && !blankBefore) {
      const listContinuation = last.list && previousIndent >= 0 && indent >= previousIndent;
      const firstWord = FIRST_WORD.exec(raw.trimStart())?.[0] ?? '';
      const wrapped = wrap > 0 && !last.list && previousRaw.length <= wrap + WRAP.overshoot && previousRaw.length + 1 + firstWord.length > wrap - WRAP.slack;
      if (listContinuation || wrapped) {
        appendText(last, raw.trim());
        previousRaw = raw;
        continue;
      }
    }
    const text = (marker ? raw.slice(marker[0].length) : raw).trim();
    const unit = makeUnit(text, i + 1, marker !== null, block);
    if (marker) previousIndent = marker[0].length;
    else previousIndent = -1;
    // Numbered list items keep their number; bullets are layout.
    if (marker && /\d/.test(marker[0])) unit.text = raw.trim();
    units.push(unit);
    previousRaw = raw;
    blankBefore = false;
  }
  return units;
}

function appendText(unit: Unit, more: string): void {
  unit.text = unit.text.length > 0 ? `${unit.text} ${more}` : more;
  const fresh = makeUnit(unit.text, unit.line, unit.list, unit.block);
  unit.words = fresh.words;
  unit.sentence = fresh.sentence;
  unit.key = fresh.key;
}

export function makeUnit(text: string, line: number, list: boolean, block: number): Unit {
  return {
    text,
    line,
    list,
    block,
    words: countWords(text),
    sentence: endsLikeSentence(text),
    key: matchKey(text),
  };
}

/**
 * Words: runs of letters or digits. Chinese and Japanese are written without spaces, so there two
 * characters count as one word, which puts their prose on the same scale as spaced languages.
 */
export function countWords(text: string): number {
  let count = 0;
  let cjk = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let word: boolean;
    if (code < 128) {
      // ASCII fast path: digits and letters.
      word = (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
    } else {
      const ch = text[i] ?? '';
      if (code >= 0x3040 && CJK.test(ch)) {
        cjk += 1;
        inWord = false;
        continue;
      }
      // Surrogate pairs (emoji, rare scripts) are not words; letters of the BMP are.
      word = WORD_CHAR.test(ch);
    }
    if (word && !inWord) count += 1;
    inWord = word;
  }
  return count + Math.ceil(cjk / 2);
}
const WORD_CHAR = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']', '*']);
const ENDERS = new Set(['.', '!', '?', '。', '！', '？', '」', '）']);

/** Ends like a sentence: a full stop, ! ? or …, possibly followed by closing quotes/brackets. */
export function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (CLOSERS.has(text[i] ?? '') || text[i] === ' ')) i -= 1;
  // A trailing ellipsis marks a truncated teaser ("... hopes …"), not the end of a sentence.
  if (text[i] === '…' || (text[i] === '.' && text[i - 1] === '.' && text[i - 2] === '.')) return false;
  return i >= 0 && ENDERS.has(text[i] ?? '');
}

/** Lower case, collapsed spaces, without the punctuation and symbols around the line. */
export function matchKey(text: string): string {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  let start = 0;
  let end = lower.length;
  while (start < end && !/[\p{L}\p{N}©(]/u.test(lower[start] ?? '')) start += 1;
  while (end > start && !/[\p{L}\p{N}*)]/u.test(lower[end - 1] ?? '')) end -= 1;
  return lower.slice(start, end);
}
