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
  /**
   * The text as the page wrote it, when that differs from `text`: with its soft hyphens (U+00AD,
   * invisible except where a reader breaks the line). What the extraction prints; `text` and
   * everything the rules, the model and the keys read have them removed.
   */
  written?: string;
}

/** Soft hyphens: kept in what the extraction prints, ignored by everything that compares or matches text. */
export const SOFT_HYPHENS = /\u00ad/g;

/** The text without its soft hyphens (the text itself when it has none). */
export function withoutSoftHyphens(text: string): string {
  return text.includes('\u00ad') ? text.replace(SOFT_HYPHENS, '') : text;
}

/**
 * Normalise the raw input: drop a BOM, unify line breaks, turn tabs and odd spaces into spaces,
 * and remove control characters (NUL and friends), which scrapers sometimes leave behind. Soft
 * hyphens stay: they are the author's text (`buildUnits` keeps them in `Unit.written` only).
 */
export function normaliseInput(input: string): string[] {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  text = text.replace(/\r\n?/g, '\n');
  // C0/C1 controls except the newline, and the invisible zero-width space and word joiner; tabs,
  // NBSP and other spaces become a plain space.
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2060\ufeff]/g, '');
  text = text.replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
  return text.split('\n');
}

/** Bullets of html-to-text, w3m (•, then □ ☆ ○ nested) and lynx (*, then + o # nested; o only indented), dashes, numbers. */
const LIST_MARKER = /^( *)(?:[*•·‣◦▪□■☆○+#]|-(?= +\S.*[^ -]$)|\d{1,3}[.)]|(?<= {8})o(?= ))(?: +|$)/;
/**
 * Text browsers do not fill every line to the wrap width: lynx keeps a right margin of a few
 * columns that varies with the words, so a wrapped line may end a little past the width that most
 * lines stay under (`overshoot`), and the next line's first word would have fitted within a
 * column or two (`slack`). A width is a candidate when no more breakable lines run past it than
 * `maxAbove` or `maxAboveShare` of the lines that end within `near` columns under it; the
 * candidate with most line pairs that read as wrapped at it, less `aboveCost` per line past it,
 * is the page's width if at least `minJoins` pairs vote for it.
 */
export const WRAP = { overshoot: 4, slack: 3, minWidth: 30, maxWidth: 160, minJoins: 3, aboveCost: 4, near: 12, maxAboveShare: 0.05, maxAbove: 3, minFilled: 2, filledShare: 0.03 } as const;

/** East Asian wide and fullwidth characters take two columns in a terminal (and in w3m's and lynx's wrapping). */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns a string takes in a terminal: wide characters count two, a surrogate pair one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x1100) width += 1;
    else if (code >= 0xdc00 && code <= 0xdfff) continue;
    else width += WIDE.test(text[i] ?? '') ? 2 : 1;
  }
  return width;
}

function isWide(ch: string | undefined): boolean {
  return ch !== undefined && ch.charCodeAt(0) >= 0x1100 && WIDE.test(ch);
}

/** Columns of the first word of a (trimmed) line: up to the first space, or one wide character (CJK breaks anywhere). */
function firstWordWidth(trimmed: string): number {
  if (isWide(trimmed[0])) return 2;
  const space = trimmed.indexOf(' ');
  return displayWidth(space < 0 ? trimmed : trimmed.slice(0, space));
}

/** What the wrap-width search needs about each line. */
interface LineShape {
  /** Display width of the line without trailing spaces; 0 when blank. */
  width: number;
  indent: number;
  /** The line starts with a list marker. */
  marker: boolean;
  /** Display width of its first word. */
  first: number;
}

function lineShapes(lines: readonly string[]): LineShape[] {
  return lines.map((line) => {
    const raw = line.trimEnd();
    const trimmed = raw.trimStart();
    if (trimmed.length === 0) return { width: 0, indent: 0, marker: false, first: 0 };
    return { width: displayWidth(raw), indent: raw.length - trimmed.length, marker: LIST_MARKER.test(raw), first: firstWordWidth(trimmed) };
  });
}

/**
 * Estimate the column at which the page was wrapped, or 0 when it was not. For each candidate
 * width, count the pairs of lines that read as one wrapped paragraph at it (the second line goes
 * on at the same indentation and its first word would not have fitted on the first) and the
 * lines that run past it; the width with most pairs, at a cost per overlong line, wins if the
 * page has real evidence for it. Counting pairs, not line lengths, is what lets a short story
 * under a long menu be found: the menu's lines are short but never pair up.
 */
export function detectWrapWidth(lines: readonly string[]): number {
  return wrapWidthOf(lineShapes(lines));
}

function wrapWidthOf(shapes: readonly LineShape[]): number {
  // Lines wider than any width looked at share the last slot, above every width tested.
  const size = WRAP.maxWidth + WRAP.overshoot + 2;
  const joins = new Float64Array(size + 1);
  const longer = new Float64Array(size + 1); // breakable lines of each width (capped)
  for (let i = 0; i < shapes.length; i += 1) {
    const a = shapes[i] as LineShape;
    if (a.width === 0) continue;
    // A line the wrapper could not have broken (one long word, a URL) says nothing about the width.
    if (a.indent + a.first < a.width) bump(longer, Math.min(a.width, size), 1);
    const b = shapes[i + 1];
    if (!b || b.width === 0 || b.marker || b.indent !== a.indent) continue;
    // a joins b at width W when a.width <= W + overshoot and a.width + 1 + b.first > W - slack.
    const from = Math.max(WRAP.minWidth, a.width - WRAP.overshoot);
    const to = Math.min(WRAP.maxWidth, a.width + b.first + WRAP.slack);
    if (from <= to) {
      bump(joins, from, 1);
      bump(joins, to + 1, -1);
    }
  }
  // above[W]: lines wider than W + overshoot.
  let best = 0;
  let bestScore = 0;
  let running = 0;
  const above = new Float64Array(size + 1);
  for (let w = size - 1; w >= 0; w -= 1) above[w] = (above[w + 1] ?? 0) + (longer[w + 1] ?? 0);
  for (let w = 0; w <= WRAP.maxWidth; w += 1) {
    running += joins[w] ?? 0;
    if (w < WRAP.minWidth) continue;
    const over = above[Math.min(size, w + WRAP.overshoot)] ?? 0;
    // A width that breakable lines run past, more than a few for the lines that end near it, is
    // not the page's: rows of a table or a menu of one width, paragraphs on one line each.
    const near = (above[Math.max(0, w - WRAP.near)] ?? 0) - over;
    if (over > Math.max(WRAP.maxAbove, near * WRAP.maxAboveShare)) continue;
    const score = running - WRAP.aboveCost * over;
    if (score > bestScore) {
      bestScore = score;
      best = w;
    }
  }
  if (bestScore < WRAP.minJoins) return 0;
  // Overshoot and slack let the pairs fit a range of widths; the page's width is the widest line
  // in that range (the wrapper filled some lines to its margin) that is not a lone outlier (a
  // heading lynx sets at another margin).
  const filled = Math.max(WRAP.minFilled, ((above[Math.max(0, best - WRAP.near)] ?? 0) - (above[best + WRAP.overshoot] ?? 0)) * WRAP.filledShare);
  let width = best;
  for (let w = Math.min(WRAP.maxWidth, best + WRAP.overshoot); w > best; w -= 1) {
    if ((longer[w] ?? 0) >= filled) {
      width = w;
      break;
    }
  }
  return width;
}

function bump(counts: Float64Array, at: number, by: number): void {
  counts[at] = (counts[at] ?? 0) + by;
}

/**
 * A line that is one bracketed token is what text browsers print for an image without words
 * (w3m and lynx: `[photo_1280]`, `[gif]`, an `<ins>` ad slot as `[INS::INS]` or `[INS: :INS]`)
 * or a CMS shortcode left in the page: layout like a blank line, so it makes no unit (a note in
 * brackets with spaces, "[Note: ...]", stays a line). As a unit it split the story around an
 * image and cost the body region a symbol line.
 */
const PLACEHOLDER = /^\[(?:[^\]\s]+|INS: :INS)\]$/;

/** lynx's link number before a link's text: `[12]Home`. */
const LYNX_REFERENCE = /\[\d{1,5}\]/g;
/** An entry of the list lynx prints under "References" at the end of a dump: `12. https://…` (URLs may hold spaces). */
const REFERENCE_LINE = /^\d{1,5}\. [A-Za-z][\w+.-]*:/;
const REFERENCE_LIST = { minEntries: 3, otherShare: 0.2 } as const;

/**
 * The index of the "References" line of a lynx dump whose numbered URL list runs to the end, or
 * -1. Almost all of its lines must be entries (a URL may hold spaces or even line breaks, from a
 * mailto: body); a page that merely has a "References" heading has prose after it.
 */
function lynxReferences(lines: readonly string[]): number {
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if ((lines[i] ?? '').trimEnd() !== 'References') continue;
    let entries = 0;
    let other = 0;
    for (let k = i + 1; k < lines.length; k += 1) {
      const line = (lines[k] ?? '').trim();
      if (line === '' || line === 'Visible links:' || line === 'Hidden links:') continue;
      if (REFERENCE_LINE.test(line)) entries += 1;
      else other += 1;
    }
    return entries >= REFERENCE_LIST.minEntries && other <= entries * REFERENCE_LIST.otherShare ? i : -1;
  }
  return -1;
}

/**
 * Build units from normalised lines. A word hyphenated for layout ("Wein\u00adberg") is one word
 * to the reader, to a search and to the rules: units are built from the lines without their soft
 * hyphens, and a unit whose lines had some keeps them in `written`.
 */
export function buildUnits(writtenLines: readonly string[]): Unit[] {
  const soft = writtenLines.some((line) => line.includes('\u00ad'));
  const lines = soft ? writtenLines.map(withoutSoftHyphens) : writtenLines;
  const shapes = lineShapes(lines);
  // A lynx dump with its link list: the list's URLs are not wrapped (they would veto every
  // width) and make no units, and the [n] before each link is no word of the text.
  const references = lynxReferences(lines);
  const wrap = wrapWidthOf(references < 0 ? shapes : shapes.slice(0, references));
  const words = (line: string): string => (references < 0 ? line : line.replace(LYNX_REFERENCE, ''));
  const units: Unit[] = [];
  let block = 0;
  let blankBefore = true;
  let previous: LineShape | undefined;
  let previousRaw = '';
  let previousIndent = -1; // content indent of the last list item, for its continuation lines
  for (let i = 0; i < lines.length; i += 1) {
    const raw = (lines[i] ?? '').trimEnd();
    const shape = shapes[i] as LineShape;
    if (shape.width === 0) {
      if (!blankBefore) block += 1;
      blankBefore = true;
      previousIndent = -1;
      previous = undefined;
      previousRaw = '';
      continue;
    }
    // lynx's link list is the renderer's appendix, not the page: its heading stays a line.
    if (PLACEHOLDER.test(raw.trim()) || (references >= 0 && i > references)) {
      previous = undefined;
      continue;
    }
    const marker = LIST_MARKER.exec(raw);
    const last = units[units.length - 1];
    if (!marker && last && !blankBefore && previous) {
      // The previous line was full: the first word of this one would not have fitted on it.
      const full = wrap > 0 && previous.width <= wrap + WRAP.overshoot && previous.width + 1 + shape.first > wrap - WRAP.slack;
      const listContinuation = last.list && previousIndent >= 0 && shape.indent >= previousIndent && (wrap === 0 || (full && shape.indent === previousIndent));
      // A paragraph's lines keep its indentation; its first line may be indented further.
      const sameIndent = shape.indent === previous.indent || (shape.indent < previous.indent && last.line === i);
      const wrapped = !last.list && full && sameIndent;
      if (listContinuation || wrapped) {
        const writtenLine = soft ? (writtenLines[i] ?? '').trimEnd() : raw;
        const more = words(raw).trim();
        appendText(last, more, isWide(previousRaw[previousRaw.length - 1]) && isWide(raw.trimStart()[0]) ? '' : ' ', writtenLine === raw ? more : words(writtenLine).trim());
        previous = shape;
        previousRaw = raw;
        continue;
      }
    }
    const text = words(marker ? raw.slice(marker[0].length) : raw).trim();
    const unit = makeUnit(text, i + 1, marker !== null, block);
    if (marker) previousIndent = marker[0].length;
    else previousIndent = -1;
    // Numbered list items keep their number; bullets are layout.
    if (marker && /\d/.test(marker[0])) unit.text = raw.trim();
    const written = soft ? (writtenLines[i] ?? '').trimEnd() : raw;
    if (written !== raw) {
      const writtenMarker = LIST_MARKER.exec(written);
      unit.written = marker && /\d/.test(marker[0]) ? written.trim() : words(writtenMarker ? written.slice(writtenMarker[0].length) : written).trim();
    }
    units.push(unit);
    previous = shape;
    previousRaw = raw;
    blankBefore = false;
  }
  return units;
}

function appendText(unit: Unit, more: string, separator: string, moreWritten: string): void {
  if (unit.written !== undefined || moreWritten !== more) {
    const written = unit.written ?? unit.text;
    unit.written = written.length > 0 ? `${written}${separator}${moreWritten}` : moreWritten;
  }
  unit.text = unit.text.length > 0 ? `${unit.text}${separator}${more}` : more;
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

/** Lower case, collapsed spaces, without soft hyphens and the punctuation and symbols around the line. */
export function matchKey(text: string): string {
  const lower = withoutSoftHyphens(text).toLowerCase().replace(/\s+/g, ' ');
  let start = 0;
  let end = lower.length;
  while (start < end && !/[\p{L}\p{N}©(]/u.test(lower[start] ?? '')) start += 1;
  while (end > start && !/[\p{L}\p{N}*)]/u.test(lower[end - 1] ?? '')) end -= 1;
  return lower.slice(start, end);
}
