/**
 * The one date reader of the extractors, for dates in text (`14. März 2021 um 9:30 Uhr`,
 * `March 11, 2021`, `6 de diciembre de 2019`, `05.03.2025`, `2 hours ago`) and in markup
 * (`2024-03-05T10:20+01:00`, a Unix time, or a written date in a `<time>` element).
 *
 * Month and weekday names and the relative-date words come from the lexicon (./lexicon/), so
 * every language it holds is read the same way. The rules:
 * - A date is a day: a year, a month and a day, all written. A month without a day ("April 2018")
 *   or a day without a year ("5. März", "Jun12") is not a date, and never becomes the 1st of the
 *   month or the current year; a time alone ("14:32", "Di, 10:19 Uhr") is not a date either. A
 *   caller may resolve such a partial date against a full date of the same page
 *   (`resolvePartialDate`, at the end of this module); never against the clock.
 * - Only relative dates ("2 hours ago", "vor 3 Tagen", "gestern, 14:32") are read against the
 *   caller's `referenceDate` (never the clock); without one they are no date, and a reading that
 *   would lie after the reference is refused (inference never produces a future date).
 * - A date without an offset is a wall-clock time in the caller's IANA zone. The offset the text
 *   states, or the zone's, is returned with the instant, so that the calendar day the source
 *   states can be written back as it stated it.
 * - One year range for every reader (`DATE_YEARS`): outside it text and markup dates are no date,
 *   and a front matter date is kept with a warning (src/meta/resolve.ts).
 * - Numeric dates: dotted ones are day-first (`05.03.2025`); slashed ones are month-first unless
 *   the line is in a language that writes them day-first (`Por Ana | 03/05/2022`) or the first
 *   number cannot be a month.
 */
import { TZDate, tz, tzOffset } from '@date-fns/tz';
// The mini class: @date-fns/utc's index also builds three Intl.DateTimeFormats at import (for
// toString), and the first Intl.DateTimeFormat of a process costs ~14 ms of CPU (ICU data).
import { UTCDateMini } from '@date-fns/utc/date/mini';
// Per-function entry points: the 'date-fns' index loads ~250 modules (~0.3 s of start-up).
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { parseISO } from 'date-fns/parseISO';
import { checkReference } from '../meta/clock-probe.js';
import { DATE_YEARS, isKnownZone, isRelativeDate, rememberDate } from '../meta/stated-dates.js';
import {
  AGO_AFTER,
  AGO_BEFORE,
  alternation,
  DATE_JOINERS,
  guessLanguage,
  lexiconKey,
  LATIN_MONTH_WORDS,
  LEXICONS,
  MONTH_WORDS,
  hasOtherScript,
  monthNumber,
  PUBLISHED_WORDS,
  RELATIVE_UNITS,
  TODAY_WORDS,
  UPDATED_WORDS,
  WEEKDAY_WORDS,
  YESTERDAY_WORDS,
} from './lexicon/index.js';

// The year range and the stated offsets are src/meta/stated-dates.ts's: what a build needs without
// this reader (it records its dates there); named here too for the extractors.
export { DATE_YEARS, isRelativeDate, statedOffset, withStatedOffset } from '../meta/stated-dates.js';

/** Longer inputs are body text, not dates; bounding the input also bounds the work. */
const MAX_DATE_TEXT = 200;

export interface DateMatch {
  value: Date;
  /** Where the date text starts in the (normalised) input and the text read. */
  index: number;
  text: string;
  /**
   * Minutes east of UTC of the wall clock the date was written in: the offset it states, else the
   * reading zone's at that instant. `value` shifted by it gives the stated calendar day and time.
   */
  offset: number;
  /** 'time' when an hour was written (or the date is relative to the minute), else 'day'. */
  precision: 'day' | 'time';
  /** Read relative to the reference date ("2 hours ago", "gestern"). */
  relative?: boolean;
}

// ---------------------------------------------------------------- patterns

const L = '\\p{L}';

/** Time-zone names that dates are written with, in minutes east of UTC. */
const ZONES: Readonly<Record<string, number>> = {
  z: 0,
  gmt: 0,
  utc: 0,
  ut: 0,
  wet: 0,
  bst: 60,
  cet: 60,
  mez: 60,
  cest: 120,
  mesz: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  jst: 540,
  aest: 600,
  aedt: 660,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};
/** US zone names without the season: the offset is the zone's on that day. */
const SEASONLESS_ZONES: Readonly<Record<string, string>> = { et: 'America/New_York', ct: 'America/Chicago', mt: 'America/Denver', pt: 'America/Los_Angeles' };
/** A zone after a written time: a name, or GMT/UTC with an offset (a bare "-11:30" is the end of a range, not a zone). */
const ZONE = `(?:(?:gmt|utc)\\s?[+-]\\s?\\d{1,2}(?::?\\d{2})?|${alternation([...Object.keys(ZONES).filter((z) => z !== 'z'), ...Object.keys(SEASONLESS_ZONES)])})`;

/** A time after a date: ", 14:30", " um 9:30 Uhr", " at 6:57 pm", " à 10h30", " / 04:43 PM CST", "T10:20:30Z". */
const TIME_AFTER = new RegExp(
  `^(?:\\s*(?:[,|/–—-]|${alternation([...DATE_JOINERS, 'a las', 'às', 'alle ore', 'alle', 'om', 'godz.', 'kl.'])}))*\\s*(\\d{1,2})(?::|h|\\.(?=\\d\\d\\s*(?:uhr|h)\\b))(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)?(?:\\s*(?:uhr|h|hs|horas|heures)\\b)?(?:\\s*\\(?(${ZONE})\\)?)?(?![\\d${L}])`,
  'iu',
);

/** The date patterns that name the month, over the month words `words`. */
function monthPatterns(words: readonly string[]) {
  const MONTH = `(?:${alternation(words)})\\.?`;
  return {
    DAY_MONTH_YEAR: new RegExp(`(?<![${L}\\d])(\\d{1,2})(?:\\.|st|nd|rd|th|er|º|°)?\\s*(?:de\\s+|of\\s+)?(${MONTH})(?:,?\\s*|\\s+de\\s+|\\s+del\\s+)(\\d{4})(?!\\d)`, 'giu'),
    /** A year in two digits after an apostrophe, as blog themes abbreviate it: "14 Feb ’20", "Feb 14, ’20". */
    DAY_MONTH_SHORT_YEAR: new RegExp(`(?<![${L}\\d])(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s*(${MONTH}),?\\s+['’‘](\\d{2})(?![\\d${L}])`, 'giu'),
    MONTH_DAY_SHORT_YEAR: new RegExp(`(?<![${L}])(${MONTH})\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s+['’‘](\\d{2})(?![\\d${L}])`, 'giu'),
    MONTH_DAY_YEAR: new RegExp(`(?<![${L}])(${MONTH})\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s*|\\s+)(?:(\\d{1,2}):(\\d{2})\\s+)?(\\d{4})(?!\\d)`, 'giu'),
    /** A year glued to what follows ("2. Februar 20202. Februar 2020", "3 de mayo de 202221:25"): a space is put in. */
    // A day between the month and the year is set off from the year ("Nov 19 20197:05 AM"), so that
    // "Dezember 201922. Dezember" is not read as the 2nd with the year 0192.
    /**
     * A day glued to the word before it, its month and year after it ("hejfish7. Januar 2022": a
     * theme's name and date spans written without a space): a space is put in. Only after a
     * lower-case letter and before a day's stop, so "COVID19 März" and "iPhone11 Mai" stay as they are.
     */
    GLUED_DAY: new RegExp(`(\\p{L})(?=\\d{1,2}\\.\\s*${MONTH}\\s*\\d{4})`, 'giu'),
    GLUED_YEAR: new RegExp(`(${MONTH}(?:\\s*\\d{1,2}(?:st|nd|rd|th)?(?:,\\s*|\\s+|\\s+de\\s+)|\\s+de\\s+|,?\\s*)\\d{4})(?=\\d)`, 'giu'),
    /** A day and month without a year (partial dates). */
    DAY_MONTH: new RegExp(`(?<![${L}\\d])(\\d{1,2})(?:\\.|st|nd|rd|th|er|º|°)?\\s*(?:de\\s+|of\\s+)?(${MONTH})(?![${L}])(?!,?\\s*(?:de\\s+)?\\d)`, 'iu'),
    MONTH_DAY: new RegExp(`(?<![${L}])(${MONTH})\\s*(\\d{1,2})(?:st|nd|rd|th)?(?![\\d${L}])(?!,?\\s*\\d{4})`, 'iu'),
  };
}
// A text without a letter of another script than Latin cannot hold a Cyrillic or Greek month.
const LATIN_MONTH_PATTERNS = monthPatterns([...LATIN_MONTH_WORDS]);
const ALL_MONTH_PATTERNS = monthPatterns([...MONTH_WORDS]);
/** The month patterns a text needs: all of them when it has a letter of another script than Latin. */
function monthPatternsFor(text: string): ReturnType<typeof monthPatterns> {
  return hasOtherScript(text) ? ALL_MONTH_PATTERNS : LATIN_MONTH_PATTERNS;
}

const ISO = /(?<![\d])(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?(?![\d])/giu;
const YMD_SLASH = /(?<![\d/.])(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?![\d/]|\.\d)/giu;
const DOTTED = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d]|\.\d)/giu;
const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/giu;
/** An apostrophe before two digits: the short-year patterns are tried only then. */
const SHORT_YEAR_HINT = /['’‘]\d\d(?!\d)/;

/** A numeric date's year glued to the next date or a time ("17/11/201917/11/2019", "15.12.202210:30"). */
const GLUED_NUMERIC_YEAR = /(?<![\d/.])(\d{1,2}([./])\d{1,2}\2(?:19|20)\d\d)(?=\d{1,2}[./:]\d)/g;

const AGO_UNITS = alternation(RELATIVE_UNITS.keys());
const COUNT = '(\\d{1,3}|an?|one|einer|einem|einen|un|una|uno|uma|um)';
const RELATIVE_BEFORE = AGO_BEFORE.size ? new RegExp(`(?<![${L}])(?:${alternation(AGO_BEFORE)})\\s+${COUNT}\\s*(${AGO_UNITS})\\.?(?![${L}])`, 'giu') : undefined;
const RELATIVE_AFTER = new RegExp(`(?<![${L}])${COUNT}\\s*(${AGO_UNITS})\\.?\\s+(?:${alternation(AGO_AFTER)})(?![${L}])`, 'giu');
const TODAY_YESTERDAY = new RegExp(`(?<![${L}])(${alternation([...TODAY_WORDS, ...YESTERDAY_WORDS])})(?![${L}])`, 'giu');

/** Languages whose lines write slashed dates day-first, by the words of the line. */
function slashDayFirst(text: string): boolean {
  const language = guessLanguage(text);
  return language?.slashDayFirst === true;
}

/** English variants that write slashed dates month-first (`03/05/2022` is March 5). */
const MONTH_FIRST_REGIONS: ReadonlySet<string> = new Set(['us', 'ph', 'ca', 'fm', 'mh', 'pw', 'um', 'as', 'gu', 'mp', 'pr', 'vi']);

/**
 * How a page in `language` (a BCP 47 tag: `<html lang>`, og:locale) writes slashed dates: true
 * day-first, false month-first, undefined when the tag does not say (plain `en`, none). Only the
 * United States and a few places write month-first; every other language and English region
 * writes day-first.
 */
export function slashDayFirstFor(language: string | undefined): boolean | undefined {
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{2}))?\b/i.exec(language?.trim() ?? '');
  if (!m) return undefined;
  const primary = (m[1] as string).toLowerCase();
  const region = m[2]?.toLowerCase();
  if (primary !== 'en') return true;
  if (region === undefined) return undefined;
  return !MONTH_FIRST_REGIONS.has(region);
}

// ---------------------------------------------------------------- reading

interface Candidate {
  index: number;
  length: number;
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  /** Minutes east of UTC, when the text states it. */
  offset?: number;
  /** An IANA zone the text names ("ET"), when it states no offset. */
  zone?: string;
}

/** A written year as a number: four digits as written, two as the date reader takes them (`21` -> 2021, `98` -> 1998). */
export function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valid(c: Candidate): boolean {
  if (c.year < DATE_YEARS.min || c.year > DATE_YEARS.max) return false;
  if (c.month < 1 || c.month > 12 || c.day < 1 || c.day > daysIn(c.year, c.month)) return false;
  if (c.hour !== undefined && (c.hour > 24 || (c.minute ?? 0) > 59 || (c.second ?? 0) > 60)) return false;
  return true;
}

/** An offset as a date's text writes it ("Z", "GMT", "+09:00", "-0500", "-4", "CET"), in minutes east of UTC; undefined for an unknown zone name. */
export function parseOffset(text: string): number | undefined {
  const t = text.toLowerCase().replace(/\s+/g, '');
  if (t in ZONES) return ZONES[t];
  const m = /^(?:gmt|utc)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** Add a time written right after the date at `end` to the candidate. */
function withTime(text: string, c: Candidate): Candidate {
  if (c.hour !== undefined) return c;
  const end = c.index + c.length;
  const m = TIME_AFTER.exec(text.slice(end));
  if (!m) return c;
  const time = clockTime(m[1] as string, m[2] as string, m[3], m[4], m[5]);
  return time ? { ...c, length: c.length + m[0].length, ...time } : c;
}

/**
 * A time of day as a date's text writes it (hour, minute, optional second, "am"/"pm" and zone),
 * on the 24-hour clock with the zone's offset, or undefined when it is no valid time.
 */
function clockTime(hourText: string, minuteText: string, secondText: string | undefined, meridiemText: string | undefined, zoneText: string | undefined): Pick<Candidate, 'hour' | 'minute' | 'second' | 'offset' | 'zone'> | undefined {
  let hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  const meridiem = meridiemText?.toLowerCase().replace(/[^ap]/g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    if (meridiem === 'p' && hour < 12) hour += 12;
    if (meridiem === 'a' && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zoneText ? parseOffset(zoneText) : undefined;
  const zone = zoneText ? SEASONLESS_ZONES[zoneText.toLowerCase()] : undefined;
  return { hour, minute, second, ...(offset !== undefined ? { offset } : {}), ...(zone ? { zone } : {}) };
}

/**
 * A time written before the date, with nothing but a zone, a weekday and separators between
 * them: "11:26 pm EST, Tuesday, November 19, 2019" (AP style), "14:30 Uhr, 5. März 2021".
 */
const TIME_BEFORE = new RegExp(
  `(?<![\\d:.])(\\d{1,2})(?::|h)(\\d{2})\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)?(?:\\s*(?:uhr|h)\\b)?(?:\\s*\\(?(${ZONE})\\)?)?\\s*[,|–—-]?\\s*(?:(?:${alternation(WEEKDAY_WORDS)})\\.?,?\\s*)?$`,
  'iu',
);

/** Add a time written right before the date (`TIME_BEFORE`) to a candidate that has none after it. */
function withTimeBefore(text: string, c: Candidate): Candidate {
  if (c.hour !== undefined) return c;
  const m = TIME_BEFORE.exec(text.slice(Math.max(0, c.index - 60), c.index));
  if (!m) return c;
  const time = clockTime(m[1] as string, m[2] as string, undefined, m[3], m[4]);
  return time ? { ...c, ...time } : c;
}

/** What a caller knows of the page a date is read from. */
export interface DateContext {
  /** Slashed dates are day-first (true) or month-first (false): the page's language says so (`slashDayFirstFor`). Else the line's words decide. */
  slashDayFirst?: boolean | undefined;
}

function absoluteCandidates(text: string, context: DateContext = {}): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(ISO)) {
    const c: Candidate = { index: m.index, length: m[0].length, year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    if (m[4] !== undefined) {
      c.hour = Number(m[4]);
      c.minute = Number(m[5]);
      c.second = m[6] === undefined ? 0 : Number(m[6]);
      c.millisecond = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
    }
    if (m[8] !== undefined) {
      const offset = parseOffset(m[8]);
      if (offset !== undefined) c.offset = offset;
    }
    out.push(c);
  }
  for (const m of text.matchAll(YMD_SLASH)) out.push({ index: m.index, length: m[0].length, year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) });
  for (const m of text.matchAll(DOTTED)) out.push({ index: m.index, length: m[0].length, year: fullYear(m[3] as string), month: Number(m[2]), day: Number(m[1]) });
  let dayFirst: boolean | undefined = context.slashDayFirst;
  for (const m of text.matchAll(SLASHED)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    dayFirst ??= slashDayFirst(text);
    const first = a > 12 || (dayFirst && b <= 12);
    out.push({ index: m.index, length: m[0].length, year: fullYear(m[3] as string), month: first ? b : a, day: first ? a : b });
  }
  const { DAY_MONTH_YEAR, MONTH_DAY_YEAR, DAY_MONTH_SHORT_YEAR, MONTH_DAY_SHORT_YEAR } = monthPatternsFor(text);
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const month = monthNumber(m[2] as string);
    if (month !== undefined) out.push({ index: m.index, length: m[0].length, year: Number(m[3]), month, day: Number(m[1]) });
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const month = monthNumber(m[1] as string);
    if (month === undefined) continue;
    const c: Candidate = { index: m.index, length: m[0].length, year: Number(m[5]), month, day: Number(m[2]) };
    if (m[3] !== undefined) {
      c.hour = Number(m[3]);
      c.minute = Number(m[4]);
    }
    out.push(c);
  }
  // (Read only where an apostrophe stands before two digits: the month alternation is long.)
  if (SHORT_YEAR_HINT.test(text)) {
    for (const m of text.matchAll(DAY_MONTH_SHORT_YEAR)) {
      const month = monthNumber(m[2] as string);
      if (month !== undefined) out.push({ index: m.index, length: m[0].length, year: fullYear(m[3] as string), month, day: Number(m[1]) });
    }
    for (const m of text.matchAll(MONTH_DAY_SHORT_YEAR)) {
      const month = monthNumber(m[1] as string);
      if (month !== undefined) out.push({ index: m.index, length: m[0].length, year: fullYear(m[3] as string), month, day: Number(m[2]) });
    }
  }
  return out.filter(valid).map((c) => withTimeBefore(text, withTime(text, c)));
}

/** The wall clock of `c` as an instant: its own offset, else the zone's. Undefined for an unknown zone. */
function toInstant(c: Candidate, defaultZone: string): { value: Date; offset: number } | undefined {
  const timezone = c.zone ?? defaultZone;
  const h = c.hour ?? 0;
  const mi = c.minute ?? 0;
  const s = c.second ?? 0;
  const ms = c.millisecond ?? 0;
  if (c.offset !== undefined) {
    const value = new Date(Date.UTC(c.year, c.month - 1, c.day, h, mi, s, ms) - c.offset * 60_000);
    return Number.isFinite(value.getTime()) ? { value, offset: c.offset } : undefined;
  }
  let time: number;
  try {
    // UTC (the default zone) needs no zone arithmetic; TZDate also goes through the system zone,
    // and lands an hour or half an hour off at that zone's clock changes.
    time = timezone === 'UTC' ? Date.UTC(c.year, c.month - 1, c.day, h, mi, s, ms) : new TZDate(c.year, c.month - 1, c.day, h, mi, s, ms, timezone).getTime();
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  if (!Number.isFinite(time)) return undefined;
  const value = new Date(time);
  return { value, offset: zoneOffset(timezone, value) };
}

/** The zone's offset from UTC at an instant, in minutes. */
export function zoneOffset(timezone: string, at: Date): number {
  if (timezone === 'UTC') return 0;
  const offset = tzOffset(timezone, at);
  return Number.isFinite(offset) ? offset : 0;
}

function countOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : 1;
}

/** Relative dates, against the reference: "2 hours ago", "vor 3 Tagen", "hace 2 días", "yesterday, 14:32". */
function relativeCandidates(text: string, timezone: string, reference: Date): DateMatch[] {
  const out: DateMatch[] = [];
  const ago = (index: number, matched: string, count: string, unit: string): void => {
    const minutes = RELATIVE_UNITS.get(lexiconKey(unit)) ?? RELATIVE_UNITS.get(unit.toLowerCase());
    if (minutes === undefined) return;
    const value = new Date(reference.getTime() - countOf(count.toLowerCase()) * minutes * 60_000);
    out.push({ value, index, text: matched, offset: zoneOffset(timezone, value), precision: minutes < 24 * 60 ? 'time' : 'day', relative: true });
  };
  if (RELATIVE_BEFORE) for (const m of text.matchAll(RELATIVE_BEFORE)) ago(m.index, m[0], m[1] as string, m[2] as string);
  for (const m of text.matchAll(RELATIVE_AFTER)) ago(m.index, m[0], m[1] as string, m[2] as string);
  for (const m of text.matchAll(TODAY_YESTERDAY)) {
    const back = YESTERDAY_WORDS.has((m[1] as string).toLowerCase()) ? 1 : 0;
    // The day in the reading zone, `back` days before the reference.
    const local = new Date(reference.getTime() + zoneOffset(timezone, reference) * 60_000 - back * 86_400_000);
    let c: Candidate = { index: m.index, length: m[0].length, year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
    c = withTime(text, c);
    // "today"/"yesterday" without a time ("gestern, 14:32") is a date only on a line of date words
    // ("Updated yesterday") or as a byline's last field ("By Sam Roe - yesterday"): "Hier geht's
    // zum Eintrag" is German, not French "hier"; "Was koche ich heute?" is no date line.
    if (c.hour === undefined && !onlyDateWords(text, m.index, m[0].length) && !lastField(text, m.index, m[0].length)) continue;
    const instant = toInstant(c, timezone);
    if (!instant || instant.value.getTime() > reference.getTime()) continue;
    out.push({ value: instant.value, index: c.index, text: text.slice(c.index, c.index + c.length), offset: instant.offset, precision: c.hour === undefined ? 'day' : 'time', relative: true });
  }
  return out;
}

/** Whether [index, index + length) is the last field of `text`, after a separator ("By Sam Roe - yesterday"). */
function lastField(text: string, index: number, length: number): boolean {
  return /[-–—,|·•]\s*$/.test(text.slice(0, index)) && !/[\p{L}\d]/u.test(text.slice(index + length));
}

/** Whether every word of `text` outside [index, index + length) is a date word or a label. */
function onlyDateWords(text: string, index: number, length: number): boolean {
  const others = `${text.slice(0, index)} ${text.slice(index + length)}`.toLowerCase().match(/\p{L}+/gu) ?? [];
  return others.every((w) => DATE_FILLER.has(w));
}

function remember<T extends { value: Date; offset: number; relative?: boolean } | undefined>(match: T): T {
  if (match) rememberDate(match.value, match.offset, match.relative);
  return match;
}

/** Put a space between a date's year and digits glued to it, and between a day and a lower-case word glued before it. */
export function normaliseDateText(text: string): string {
  const patterns = monthPatternsFor(text);
  // (Case-insensitive for the month; the letter's case is checked here: under `i`, \p{Ll} matches capitals too.)
  const spaced = GLUED_DAY_HINT.test(text) ? text.replace(patterns.GLUED_DAY, (letter: string) => (letter === letter.toUpperCase() ? letter : `${letter} `)) : text;
  return spaced.replace(patterns.GLUED_YEAR, '$1 ').replace(GLUED_NUMERIC_YEAR, '$1 ');
}

/** A lower-case letter right before a day and its stop: only then is `GLUED_DAY` tried (its month alternation is long). */
const GLUED_DAY_HINT = /\p{Ll}\d{1,2}\.\s*\p{L}/u;

/** A timestamp with its offset glued to what follows ("2022-12-07T10:10:52+01:0025. Dezember 2022"), for `statesTwoDays`. */
const GLUED_STAMP = /(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:\d\d))(?=\d)/g;

/**
 * Whether a line states two different days and no "published" or "updated" label tells which is
 * which: "29. Dezember 2022 30. Dezember 2022", a timestamp glued to another shown date. Which one is the publication
 * date, the line does not say (a wrong date is worse than none, issue 12).
 */
export function statesTwoDays(line: string, timezone: string): boolean {
  // Split here only: the other readers keep such a line as they read it.
  const text = normaliseDateText(line.trim()).replace(GLUED_STAMP, '$1 ');
  if (text.length > MAX_DATE_TEXT || DATE_LABEL_ANYWHERE.test(text)) return false;
  const first = findTextDate(text, timezone);
  if (!first) return false;
  const second = findTextDate(text.slice(first.index + first.text.length), timezone);
  if (!second) return false;
  const day = (m: DateMatch): string => new Date(m.value.getTime() + m.offset * 60_000).toISOString().slice(0, 10);
  return day(first) !== day(second);
}

function readTextDate(text: string, timezone: string, referenceDate?: Date, context?: DateContext): DateMatch | undefined {
  let best: DateMatch | undefined;
  // The first date of the text wins (a line states the publication date before an update), the
  // longest reading of it when several start there.
  const consider = (m: DateMatch): void => {
    if (!best || m.index < best.index || (m.index === best.index && m.text.length > best.text.length)) best = m;
  };
  for (const c of absoluteCandidates(text, context)) {
    const instant = toInstant(c, timezone);
    if (!instant) continue;
    consider({ value: instant.value, index: c.index, text: text.slice(c.index, c.index + c.length), offset: instant.offset, precision: c.hour === undefined ? 'day' : 'time' });
  }
  // A written date beats a relative one; relative ones need the reference.
  if (!best && referenceDate) for (const m of relativeCandidates(text, timezone, referenceDate)) consider(m);
  return best;
}

/**
 * Find the best date in `text` (see the module comment), with its position in `normaliseDateText(text)`.
 * With a reference date, the answer may depend on it; an open clock probe is told (src/meta/clock-probe.ts).
 */
export function findTextDate(text: string, timezone: string, referenceDate?: Date, context?: DateContext): DateMatch | undefined {
  if (text.length === 0 || text.length > MAX_DATE_TEXT) return undefined;
  const normalised = normaliseDateText(text);
  const match = readTextDate(normalised, timezone, referenceDate, context);
  if (referenceDate === undefined) return remember(match);
  return remember(checkReference(match, (other) => readTextDate(normalised, timezone, other, context), sameMatch));
}

function sameMatch(a: DateMatch | undefined, b: DateMatch | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.index === b.index && a.text === b.text && a.value.getTime() === b.value.getTime();
}

/** The instant of the best date in `text`, or undefined. */
export function parseTextDate(text: string, timezone: string, referenceDate?: Date): Date | undefined {
  return findTextDate(text, timezone, referenceDate)?.value;
}

/** `2024-03-05`, `2024-03-05T10:20`, `2024-03-05 10:20:30.123+01:00`, `...Z`, `...+0100`: the whole value. */
const ISO_VALUE = /^\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A date as markup gives it (JSON-LD, meta tags, `<time datetime>` or its text): ISO 8601, a Unix
 * time in seconds or milliseconds, or a written date. Undefined when it is not a full date.
 */
export function readMarkupDate(text: string, timezone: string, referenceDate?: Date, context?: DateContext): DateMatch | undefined {
  const value = text.trim();
  if (value === '' || value.length > MAX_DATE_TEXT) return undefined;
  if (ISO_VALUE.test(value)) return remember(readTextDate(value, timezone));
  if (/^\d{10}(\d{3})?$/.test(value)) {
    const n = Number(value);
    const date = new Date(value.length === 10 ? n * 1000 : n);
    const year = date.getUTCFullYear();
    return year >= DATE_YEARS.min && year <= DATE_YEARS.max ? remember({ value: date, index: 0, text: value, offset: 0, precision: 'time' as const }) : undefined;
  }
  return findTextDate(value, timezone, referenceDate, context);
}

/** The instant of a markup date (see `readMarkupDate`). */
export function parseMarkupDate(text: string, timezone: string, referenceDate?: Date): Date | undefined {
  return readMarkupDate(text, timezone, referenceDate)?.value;
}

// ---------------------------------------------------------------- date lines

const UPDATED_LABEL_WORDS = [...UPDATED_WORDS];
const PUBLISHED_LABEL_WORDS = [...PUBLISHED_WORDS, 'first published'];

/** Labels that introduce an update date rather than the publication date, in every lexicon language. */
export const UPDATED_LABEL = new RegExp(`^(?:last\\s+)?(?:${alternation(UPDATED_LABEL_WORDS)})(?![${L}])`, 'iu');

/** A publication or update label anywhere on a line ("Published ... | Updated ..."). */
const DATE_LABEL_ANYWHERE = new RegExp(`(?<![${L}])(?:${alternation([...UPDATED_LABEL_WORDS, ...PUBLISHED_LABEL_WORDS].filter((w) => w.length > 2))})(?![${L}])`, 'iu');

/** Labels that introduce the publication date. */
export const PUBLISHED_LABEL = new RegExp(`^(?:${alternation(PUBLISHED_LABEL_WORDS)})(?![${L}])`, 'iu');

export type DateKind = 'published' | 'updated';

export interface DateLine {
  kind: DateKind;
  value: Date;
  /** Minutes east of UTC the date was written in (see DateMatch). */
  offset: number;
  /** The text of the line left once the date and its label are taken out. */
  rest: string;
  /** Words before the date other than a label and date words ("Veröffentlicht am", "Monday,"): 0 when the date opens the line. */
  wordsBefore: number;
}

/** Words that may surround a date on a date line without making it a sentence. */
const DATE_FILLER: ReadonlySet<string> = new Set(
  [
  ...DATE_JOINERS,
  ...WEEKDAY_WORDS,
  ...MONTH_WORDS,
  ...TODAY_WORDS,
  ...YESTERDAY_WORDS,
  ...AGO_BEFORE,
  ...AGO_AFTER,
  ...RELATIVE_UNITS.keys(),
  ...Object.keys(ZONES),
  ...[...UPDATED_WORDS, ...PUBLISHED_WORDS].flatMap((w) => w.split(/\s+/)),
  ...LEXICONS.flatMap((l) => l.weekdays.flat().flatMap((w) => w.split(/[-\s]/))),
  // English and Romance glue that the joiner lists leave out.
  'a',
  'm',
  'p',
  'and',
  'or',
  'y',
  'und',
  'ou',
  'o',
  'et',
  'last',
  'first',
  'time',
  'heure',
  'hora',
  'horas',
  'hours',
  'mis',
  'jour',
  'mise',
  'update',
  'created',
  'il',
  'y',
  'hs',
  'hrs',
  'em',
  'no',
  'el',
  'en',
  'as',
  'às',
  ].map(lexiconKey),
);

/**
 * Read a line as a date line: a line that is mostly a date, possibly with a label
 * ("Updated:", "Publicado el") and a few filler words. A body sentence that mentions a date is not
 * a date line. `maxRestWords` says how many other words may remain (a byline may hold the rest).
 */
export function readDateLine(line: string, timezone: string, referenceDate?: Date, maxRestWords = 0, context?: DateContext): DateLine | undefined {
  const text = normaliseDateText(line.trim());
  if (text.length === 0 || text.length > MAX_DATE_TEXT) return undefined;
  if (!/\d/.test(text) && referenceDate === undefined) return undefined;
  const match = findTextDate(text, timezone, referenceDate, context);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match.text.length);
  const kind: DateKind = UPDATED_LABEL.test(before.replace(/^[^\p{L}]+/u, '')) ? 'updated' : 'published';
  const restWords = (`${before} ${after}`.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => !DATE_FILLER.has(w));
  if (restWords.length > maxRestWords) return undefined;
  const wordsBefore = (before.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => !DATE_FILLER.has(w)).length;
  return { kind, value: match.value, offset: match.offset, rest: `${before} ${after}`.replace(/\s+/g, ' ').trim(), wordsBefore };
}

/** Publication and update words of every lexicon language, as whole words; short generic ones ("date", "stand", "data") left out. */
const POSTED_WORD = new RegExp(`(?<![${L}])(?:${alternation([...PUBLISHED_WORDS, ...UPDATED_WORDS].filter((w) => w.length >= 6))})(?![${L}])`, 'iu');
const UPDATED_WORD = new RegExp(`(?<![${L}])(?:${alternation([...UPDATED_WORDS].filter((w) => w.length >= 6))})(?![${L}])`, 'iu');
/** Words of a sentence that states when the post was published, at most. */
const MAX_POST_SENTENCE_WORDS = 40;
/** Where a sentence ends: a word's final stop and a capital after it (not "27. November"). */
const SENTENCE_END = /(?<=\p{L}[.!?])\s+(?=\p{Lu})/u;

/**
 * The date of the sentence a blog or wiki template writes to say when the post was published or
 * changed ("Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und
 * unter ... abgelegt.", "This entry was posted on Tuesday, May 19th, 2010 at 11:03 pm", "Diese
 * Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert."): a sentence of at most 40 words
 * with one full date and a publication or update word (the kind it gives), never after `now`.
 * Where on the page such a sentence counts is the caller's: inside a story it is an event's.
 */
export function readPostSentence(text: string, timezone: string, now?: Date): { kind: DateKind; value: Date } | undefined {
  if (!/\d/.test(text) || !POSTED_WORD.test(text)) return undefined;
  for (const sentence of text.split(SENTENCE_END)) {
    if (!/\d/.test(sentence) || !POSTED_WORD.test(sentence) || sentence.split(/\s+/).length > MAX_POST_SENTENCE_WORDS) continue;
    if (statesTwoDays(sentence, timezone)) continue;
    const m = findTextDate(sentence, timezone);
    if (!m || isRelativeDate(m.value) || (now !== undefined && m.value.getTime() > now.getTime())) continue;
    return { kind: UPDATED_WORD.test(sentence) && !PUBLISHED_LABEL.test(sentence) ? 'updated' : 'published', value: m.value };
  }
  return undefined;
}

// ---------------------------------------------------------------- datelines

/** Characters of a paragraph read for a dateline. */
const DATELINE_HEAD = 80;
/**
 * What may stand before a dateline's date: a place or an outlet of up to three capitalised words
 * and a separator ("Wien,", "BERLIN (dpa) -", "Red. /"), a label ending in "of" ("Pressemitteilung
 * vom"), an opening parenthesis. Not a preposition: "Am 5. März 2020 hat der Rat ..." is an event.
 */
const DATELINE_BEFORE = /^[\s(]*(?:(?:\p{Lu}[\p{L}.'’-]*(?:\s+\(?[\p{L}.'’-]+\)?){0,2}\s*[,/|–—:-]|(?:\p{Lu}[\p{L}-]*\s+)?(?:vom|du|del|dated))\s*)?$/u;
/** What follows a dateline's date: a separator or a quote, before the story's first sentence. */
const DATELINE_AFTER = /^\s*(?:[.,|–—:)/-]|["„“«‚'])/u;

/**
 * The dateline that opens a paragraph of a story's lead ("Wien, 14. Dezember 2021 – Aufgrund ...",
 * "31. Oktober 2023. Dragqueens sind ...", "(21. November 2022) Energieverbraucher ..."), or
 * undefined. A date a sentence starts with ("14. Dezember 2021 wurde ...", "Am 5. März ...") is
 * an event's, not a dateline. Used by the text and HTML date choosers for their lead paragraphs.
 */
export function readDateline(text: string, timezone: string, context?: DateContext): DateMatch | undefined {
  const head = normaliseDateText(text.slice(0, DATELINE_HEAD));
  const m = findTextDate(head, timezone, undefined, context);
  if (!m) return undefined;
  const before = head.slice(0, m.index);
  if (!DATELINE_BEFORE.test(before)) return undefined;
  const after = head.slice(m.index + m.text.length);
  if (!DATELINE_AFTER.test(after) && !/[,/|–—:-]\s*$/.test(before)) return undefined;
  return m;
}

// ---------------------------------------------------------------- whole values (front matter, config)
//
// A front matter or config value is a date as a whole or not at all: ISO 8601 / RFC 3339, RFC 822,
// or one of a few written forms, strictly (date-fns), any year a feed can carry (the caller warns
// outside DATE_YEARS). Text and markup are read by the readers above.

/**
 * Formats accepted for dates written by people in front matter, tried in order after ISO 8601.
 * Each is read in the configured time zone unless it carries its own offset.
 */
const VALUE_FORMATS: readonly string[] = [
  // RFC 822 / RFC 1123 (what RSS uses), with a numeric offset
  'EEE, d MMM yyyy HH:mm:ss xx',
  'd MMM yyyy HH:mm:ss xx',
  'EEE, d MMM yyyy HH:mm xx',
  // The same without an offset (GMT/UT names are mapped to +0000 before parsing)
  'EEE, d MMM yyyy HH:mm:ss',
  'd MMM yyyy HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'yyyy/MM/dd HH:mm',
  'yyyy/MM/dd',
  'MMMM d, yyyy HH:mm',
  'MMMM d, yyyy',
  'MMM d, yyyy',
  // Astro's starter blog: "Jul 08 2022".
  'MMM d yyyy',
  'd MMMM yyyy',
  'd MMM yyyy',
];

/** An ISO 8601 date and time that parseISO reads with an explicit offset (Z, ±hh, ±hhmm, ±hh:mm). */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}(?::\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

/** The `in` context for UTC: what tz('UTC') gives, as a UTC date (no Intl offset look-ups). */
const inUtc = (value: Date | number | string): Date => new UTCDateMini(+new Date(value));

/** RFC 822 zone names that mean UTC. Military zones other than Z are ambiguous in practice and are refused. */
const UTC_ZONE_NAMES = /\s(?:GMT|UTC|UT|Z)$/;

/**
 * A date of numbers only, day and month in either order, then a four-digit year: `06-03-2024`,
 * `13/05/2024`, `5.3.2024`, optionally with a time (`10:30`, `10:30:00`).
 */
const NUMERIC_DATE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A numeric date's numbers as written (NUMERIC_DATE), and which of its two readings are dates. */
export interface NumericDate {
  first: number;
  second: number;
  year: number;
  /** The separator: a dot is written day first everywhere it is used. */
  separator: string;
  /** The time as ISO writes it after the date (`T09:30`, `T09:30:15`), or ''. */
  clock: string;
  dayFirst: boolean;
  monthFirst: boolean;
}

export function numericDate(text: string): NumericDate | undefined {
  const m = NUMERIC_DATE.exec(text.trim());
  if (!m) return undefined;
  const first = Number(m[1]);
  const second = Number(m[3]);
  const inRange = (day: number, month: number): boolean => day >= 1 && day <= 31 && month >= 1 && month <= 12;
  const clock = m[5] === undefined ? '' : `T${m[5].padStart(2, '0')}:${m[6]}${m[7] === undefined ? '' : `:${m[7]}`}`;
  return { first, second, year: Number(m[4]), separator: m[2] as string, clock, dayFirst: inRange(first, second), monthFirst: inRange(second, first) };
}

/** A numeric date as an ISO date (`2024-03-06`), read day first or month first. */
export function numericIsoDay(date: NumericDate, dayFirst: boolean): string {
  const [day, month] = dayFirst ? [date.first, date.second] : [date.second, date.first];
  return `${date.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whether a numeric date is read day first: when only one reading is a date, that one; when both
 * are (and differ), as a dot date always is, else as the language writes slashed dates
 * (`slashDayFirstFor`: en-US month first, en-GB and every other language day first). Undefined
 * when neither reading is a date, or when nothing decides: the caller reports the ambiguity.
 */
export function numericDayFirst(date: NumericDate, language: string | undefined): boolean | undefined {
  if (date.dayFirst && date.monthFirst && date.first !== date.second) return date.separator === '.' ? true : slashDayFirstFor(language);
  return date.dayFirst ? true : date.monthFirst ? false : undefined;
}

/**
 * Parse a date value from front matter or config. Strings without an offset are read in `timezone`.
 * Returns undefined when the value is not a date (the caller reports it with the file and line).
 * `language` (the config's) decides a numeric date whose day and month could be either way round.
 */
export function readDateValue(value: unknown, timezone: string, language?: string): Date | undefined {
  if (value instanceof Date) return isValid(value) ? new Date(value.getTime()) : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // A bare year (YAML `date: 2021`) is too vague to be a publication date.
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > 64) return undefined;
  // Ruby's Time.parse (Jekyll) reads a year-first date with a one-digit month or day, "2020-9-16",
  // and JavaScript's Date (Astro's `z.coerce.date()`) one with slashes, "2026/01/26 09:00:00+0900",
  // or dots, "2026.01.21" (as Korean, Chinese and Hungarian writers date):
  // padded and dashed here, so each is then read exactly like "2020-09-16" (year first is never ambiguous).
  const text = trimmed.replace(/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?=$|[ T])/, (_m, y: string, _sep: string, mo: string, d: string) => `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`);
  const zone = tz(timezone);

  // ISO 8601 / RFC 3339 first: the unambiguous, common case. "2021-03-11 10:00" is accepted too.
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    // Jekyll writes "2024-03-05 10:30:00 +0100": a space before the offset too.
    // ... and sometimes an hours-only offset, "2015-03-17 14:00:00 -4" (Ruby and JS readers take it).
    const iso = text
      .replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2')
      .replace(/^(\d{4}-\d{2}-\d{2}T)(\d):/, '$10$2:')
      .replace(/(:\d{2}) +([+-])(\d{1,2})$/, (_m, t: string, sign: string, h: string) => `${t}${sign}${h.padStart(2, '0')}:00`)
      .replace(/(\d) +(Z|[+-]\d{2}:?\d{2})$/i, '$1$2');
    // With its own offset the instant does not depend on the zone: parseISO validates and computes
    // it the same with or without `in`, and skips building a zoned date (Intl calls, ~50 µs). In
    // UTC (the default zone) a plain UTC date reads the wall clock the same, without Intl.
    const d =
      timezone === 'UTC'
        ? parseISO(iso, { in: inUtc })
        : ISO_WITH_OFFSET.test(iso) && isKnownZone(timezone)
          ? parseISO(iso)
          : parseISO(iso, { in: zone });
    if (isValid(d)) return new Date(d.getTime());
  }
  const normalised = text.replace(UTC_ZONE_NAMES, ' +0000').replace(/\s+/g, ' ');
  for (const pattern of VALUE_FORMATS) {
    const d = parse(normalised, pattern, new Date(0), { in: zone });
    if (isValid(d)) return new Date(d.getTime());
  }
  const numeric = numericDate(text);
  const dayFirst = numeric ? numericDayFirst(numeric, language) : undefined;
  if (numeric && dayFirst !== undefined) {
    // Rewritten year first and read as such: a day the month does not have (31-04-2024) is no date.
    const d = parseISO(`${numericIsoDay(numeric, dayFirst)}${numeric.clock}`, { in: zone });
    // parseISO rolls nothing over, but checks the day against the month: "2024-04-31" is invalid.
    if (isValid(d) && (d as Date).getDate() === (dayFirst ? numeric.first : numeric.second)) return new Date(d.getTime());
  }
  return undefined;
}

// ---------------------------------------------------------------- partial dates (issue 12)
//
// A year-less date ("5. März", "March 5") or a time alone ("14:32", "um 9:30 Uhr") is no date by
// itself. A caller may resolve one against a full date stated elsewhere on the same page
// (`resolvePartialDate`): never against the clock, and never to a day after the extraction clock.

/** A date line that states a day without a year, or a time without a day. */
export interface PartialDate {
  kind: DateKind;
  /** Month and day of a year-less date; absent for a time alone. */
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** Minutes east of UTC, when the text states it. */
  offset?: number;
  zone?: string;
}

const TIME_START = /(?<![\d.:/])\d{1,2}(?::|h|\.(?=\d\d\s*(?:uhr|h)\b))\d{2}(?![\d/])/iu;

/** Words of a partial date line other than date words and labels: how many there may be. */
const PARTIAL_REST_WORDS = { day: 3, time: 0 } as const;

/**
 * Read a short line as a partial date line: a year-less day ("5. März", "Updated March 5, 14:32")
 * or a time alone ("14:32 Uhr"), the rest date words and labels (a few other words for a day).
 * Undefined when the line holds a full date, or a sentence.
 */
export function readPartialDateLine(line: string, timezone: string): PartialDate | undefined {
  const text = normaliseDateText(line.trim());
  if (text.length === 0 || text.length > MAX_DATE_TEXT || !/\d/.test(text)) return undefined;
  if (findTextDate(text, timezone)) return undefined;
  let c: Candidate | undefined;
  const { DAY_MONTH, MONTH_DAY } = monthPatternsFor(text);
  const dm = DAY_MONTH.exec(text);
  const md = MONTH_DAY.exec(text);
  const first = dm && md ? (dm.index <= md.index ? dm : md) : (dm ?? md);
  if (first) {
    const dayFirst = first === dm;
    const month = monthNumber((dayFirst ? first[2] : first[1]) as string);
    const day = Number(dayFirst ? first[1] : first[2]);
    // A leap year, so that "29. Februar" is a day until the year is known.
    if (month !== undefined) c = { index: first.index, length: first[0].length, year: 2000, month, day };
    if (c && !valid(c)) return undefined;
  } else {
    const t = TIME_START.exec(text);
    if (!t) return undefined;
    c = { index: t.index, length: 0, year: 2000, month: 1, day: 1 };
  }
  if (!c) return undefined;
  const timed = withTime(text, c);
  if (first === null && timed.hour === undefined) return undefined;
  const before = text.slice(0, timed.index);
  const after = text.slice(timed.index + timed.length);
  if (/\d/.test(after) || /\d/.test(before)) return undefined;
  const rest = (`${before} ${after}`.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => !DATE_FILLER.has(w));
  if (rest.length > PARTIAL_REST_WORDS[first ? 'day' : 'time']) return undefined;
  const kind: DateKind = UPDATED_LABEL.test(before.replace(/^[^\p{L}]+/u, '')) ? 'updated' : 'published';
  const out: PartialDate = { kind };
  if (first) {
    out.month = timed.month;
    out.day = timed.day;
  }
  if (timed.hour !== undefined) {
    out.hour = timed.hour;
    out.minute = timed.minute ?? 0;
    out.second = timed.second ?? 0;
  }
  if (timed.offset !== undefined) out.offset = timed.offset;
  if (timed.zone !== undefined) out.zone = timed.zone;
  return out;
}

/** A full date a partial one is resolved against: an instant and the offset its day is stated at. */
export interface FullDate {
  value: Date;
  offset: number;
  precision: 'day' | 'time';
}

/**
 * Resolve a partial date against a full date of the same page:
 * - a year-less day takes the year that puts it closest to, and not after, the full date's day
 *   ("31 Dec" with 2 January 2024 is 31 December 2023);
 * - a time alone is added to a full date of day precision, on that day; a full date that has a
 *   time already keeps it (undefined).
 * Undefined when the result would lie after `now` (the extraction clock), when given.
 */
export function resolvePartialDate(partial: PartialDate, full: FullDate, timezone: string, now?: Date): DateMatch | undefined {
  const stated = new Date(full.value.getTime() + full.offset * 60_000);
  const y = stated.getUTCFullYear();
  const m = stated.getUTCMonth() + 1;
  const d = stated.getUTCDate();
  let c: Candidate;
  if (partial.month !== undefined && partial.day !== undefined) {
    const notAfter = partial.month < m || (partial.month === m && partial.day <= d);
    c = { index: 0, length: 0, year: notAfter ? y : y - 1, month: partial.month, day: partial.day };
  } else {
    if (partial.hour === undefined || full.precision !== 'day') return undefined;
    c = { index: 0, length: 0, year: y, month: m, day: d, offset: partial.offset ?? full.offset };
  }
  if (partial.hour !== undefined) {
    c.hour = partial.hour;
    c.minute = partial.minute ?? 0;
    c.second = partial.second ?? 0;
  }
  if (partial.offset !== undefined) c.offset = partial.offset;
  if (partial.zone !== undefined && partial.offset === undefined && partial.month !== undefined) c.zone = partial.zone;
  if (!valid(c)) return undefined;
  const instant = toInstant(c, timezone);
  if (!instant) return undefined;
  if (now !== undefined && instant.value.getTime() > now.getTime()) return undefined;
  return remember({ value: instant.value, index: 0, text: '', offset: instant.offset, precision: c.hour === undefined ? 'day' : 'time' });
}
