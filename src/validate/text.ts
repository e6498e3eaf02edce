/**
 * Small text helpers shared by the checkers: offset -> line/column, and the value checks
 * (dates, URLs, emails) that several formats need.
 */
import type { Position } from './rules.js';

/**
 * Maps a UTF-16 offset in a text to a 1-based line and column. Columns count Unicode code points,
 * as editors do, so an astral character before the problem counts once.
 */
export class LineIndex {
  private starts: number[] | undefined;
  /** Offsets of the high halves of surrogate pairs, ascending: each counts as one column with its partner. */
  private pairs: number[] = [];

  /** The text is scanned on the first lookup only: most documents have nothing to report. */
  constructor(private readonly text: string) {}

  private index(): number[] {
    if (this.starts) return this.starts;
    const { text } = this;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // XML 1.0 2.11 and JSON both treat CR LF, CR and LF as one line end.
      if (c === 0x0a) starts.push(i + 1);
      else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) starts.push(i + 1);
      else if (c >= 0xd800 && c <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) this.pairs.push(i);
      }
    }
    this.starts = starts;
    return starts;
  }

  /** O(log n), so reporting many problems on one long (minified) line stays cheap. */
  at(offset: number): Position {
    const starts = this.index();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtOrBefore(starts, clamped);
    const start = starts[line] ?? 0;
    // Pairs wholly before `clamped` and at or after the line start each take one column, not two.
    const pairs = countBelow(this.pairs, clamped - 1) - countBelow(this.pairs, start);
    return { line: line + 1, column: clamped - start - pairs + 1 };
  }
}

/** Index of the last element <= value in an ascending array whose first element is <= value. */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many elements of an ascending array are < value. */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A byte-order mark is not part of the document's text (XML 1.0 4.3.3, RFC 8259 8.1). */
export function stripBom(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

// ---- URLs ---------------------------------------------------------------------------------------

/** RFC 3986 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), followed by ":". */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const HIERARCHICAL_SCHEMES = new Set(['http', 'https', 'ftp', 'ws', 'wss', 'file']);

/**
 * True when `value` is an absolute URI/IRI: it has a scheme, no whitespace, and (for http-like
 * schemes) an authority that WHATWG URL accepts.
 */
export function isAbsoluteUrl(value: string): boolean {
  if (value !== value.trim() || /\s/.test(value) || !SCHEME.test(value)) return false;
  const scheme = value.slice(0, value.indexOf(':')).toLowerCase();
  if (HIERARCHICAL_SCHEMES.has(scheme)) {
    if (!value.slice(scheme.length + 1).startsWith('//')) return false;
    try {
      const url = new URL(value);
      return scheme === 'file' || url.hostname !== '';
    } catch {
      // Not parseable: not an absolute URL. The caller reports it.
      return false;
    }
  }
  // tag:, urn:, mailto:, data: ... need something after the colon.
  return value.length > scheme.length + 1;
}

// ---- email --------------------------------------------------------------------------------------

/** A practical addr-spec (RFC 5322 3.4.1) without comments or quoted local parts. */
export const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** RSS 2.0 author/managingEditor/webMaster: `email` or `email (Name)`. */
export const RSS_EMAIL = /^(\S+)(?:\s+\((.*)\))?$/;

export function isRssEmail(value: string): boolean {
  // \S+ cannot contain the space before "(", so the split is unambiguous and the match linear.
  const m = RSS_EMAIL.exec(value.trim());
  return m !== null && m[1] !== undefined && EMAIL.test(m[1]);
}

// ---- dates --------------------------------------------------------------------------------------

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && !isLeap(year)) return day <= 28;
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * RFC 3339 5.6 date-time. `caseSensitive` demands the uppercase T and Z that RFC 4287 3.3 requires;
 * RFC 3339 itself allows lowercase. Returns the instant in milliseconds, or undefined if invalid.
 */
export function parseRfc3339(value: string, caseSensitive: boolean): number | undefined {
  const re = caseSensitive
    ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/
    : /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;
  const m = re.exec(value);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 60) return undefined;
  let offsetMinutes = 0;
  if (m[9] !== undefined && m[10] !== undefined) {
    const oh = Number(m[9]);
    const om = Number(m[10]);
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (m[8]?.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0${m[7]}`) * 1000);
  return (
    utcTime(year, month - 1, day, hour, minute, Math.min(second, 59)) + fraction - offsetMinutes * 60_000
  );
}

/**
 * Date.UTC for any year: Date.UTC(50, ...) means 1950 (years 0-99 are taken as 1900 + year), so
 * years 0-99 are set with setUTCFullYear, which takes the year as written.
 */
function utcTime(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(Date.UTC(2000, monthIndex, day, hour, minute, second));
  d.setUTCFullYear(year, monthIndex, day);
  return d.getTime();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** RFC 822 5.1 zones, in minutes east of UTC. Military single letters (except J) are accepted, as UTC is unknowable from them. */
const RFC822_ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

export type Rfc822Result =
  | { ok: true; time: number; weekday?: string; actualWeekday: string }
  | { ok: false; reason: string };

/**
 * RFC 822 5.1 date-time as RSS 2.0 uses it: `[Day, ]DD Mon YY[YY] HH:MM[:SS] zone`. Four-digit years
 * are accepted (RSS 2.0 recommends them, and the W3C validator accepts them).
 */
export function parseRfc822(value: string): Rfc822Result {
  const m =
    /^(?:([A-Za-z]{3}),\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2}|\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([A-Za-z]{1,3}|[+-]\d{4})$/.exec(
      value.trim(),
    );
  if (m === null) {
    return { ok: false, reason: 'it does not have the shape "Wed, 02 Oct 2002 13:00:00 GMT"' };
  }
  const [, weekday, dayText, monthText, yearText, hourText, minuteText, secondText, zone] = m;
  const monthIndex = (MONTHS as readonly string[]).indexOf(monthText ?? '');
  if (monthIndex < 0) return { ok: false, reason: `"${monthText}" is not an English month abbreviation such as "Oct"` };
  if (weekday !== undefined && !WEEKDAYS.some((d) => d === weekday)) {
    return { ok: false, reason: `"${weekday}" is not an English day abbreviation such as "Wed"` };
  }
  let year = Number(yearText);
  if (yearText?.length === 2) year += year < 50 ? 2000 : 1900;
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (!validDate(year, monthIndex + 1, day)) return { ok: false, reason: `day ${day} does not exist in ${monthText} ${year}` };
  if (hour > 23 || minute > 59 || second > 60) return { ok: false, reason: 'the time of day is out of range' };
  let offset: number | undefined;
  if (zone !== undefined && /^[+-]\d{4}$/.test(zone)) {
    const hh = Number(zone.slice(1, 3));
    const mm = Number(zone.slice(3, 5));
    if (hh > 23 || mm > 59) return { ok: false, reason: `the zone "${zone}" is out of range` };
    offset = (zone.startsWith('-') ? -1 : 1) * (hh * 60 + mm);
  } else if (zone !== undefined) {
    offset = RFC822_ZONES[zone];
    if (offset === undefined && /^[A-IK-Za-ik-z]$/.test(zone)) offset = 0;
  }
  if (offset === undefined) return { ok: false, reason: `"${zone}" is not an RFC 822 time zone (use GMT or +0000)` };
  const time = utcTime(year, monthIndex, day, hour, minute, Math.min(second, 59)) - offset * 60_000;
  const actualWeekday = WEEKDAYS[new Date(utcTime(year, monthIndex, day)).getUTCDay()] ?? '';
  return weekday === undefined ? { ok: true, time, actualWeekday } : { ok: true, time, weekday, actualWeekday };
}

/** Shortens a value for quoting in a message (defined with the messages, in src/codes.ts). */
export { quote } from '../codes.js';

/**
 * HTML elements whose tags in plain text mean someone put markup where text belongs. Like the W3C
 * validator we look for real HTML elements only, so a title about "<odd> things" is left alone.
 */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'a abbr acronym address area article aside audio b big blockquote body br button canvas caption center cite code col ' +
    'dd del details dfn div dl dt em embed fieldset figcaption figure font footer form frame h1 h2 h3 h4 h5 h6 head header hr ' +
    'html i iframe img input ins kbd label li link main mark meta nav noscript object ol p picture pre q s samp script ' +
    'section select small source span strike strong style sub summary sup table tbody td textarea tfoot th thead time title ' +
    'tr tt u ul var video wbr'
  ).split(' '),
);

const TAG = /<\/?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?\/?>/g;

/** Does plain text contain an HTML tag (of a real HTML element) or an HTML comment? */
export function looksLikeHtml(text: string): boolean {
  if (text.includes('<!--')) return true;
  for (const m of text.matchAll(TAG)) {
    if (HTML_ELEMENTS.has((m[1] ?? '').toLowerCase())) return true;
  }
  return false;
}
