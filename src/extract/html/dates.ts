/**
 * Reading the dates found in HTML pages: ISO 8601 (with or without an offset) first, then
 * human-written dates through chrono-node. A date without an offset is a wall-clock time in the
 * configured IANA `timezone`, never in the machine's zone.
 */
import { TZDate } from '@date-fns/tz';
import * as chrono from 'chrono-node';
import { checkReference, sameInstant } from '../../meta/clock-probe.js';
import { DOTTED_DATE } from '../textual/dates.js';

/** `2024-03-05`, `2024-03-05T10:20`, `2024-03-05 10:20:30.123+01:00`, `...Z`, `...+0100`. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Plausible publication years (the web is younger than 1990): guards against placeholder dates
 * and against chrono reading a price or a count as a year.
 */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function wallClockInZone(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, timezone: string): Date | undefined {
  const t = new TZDate(y, mo - 1, d, h, mi, s, ms, timezone).getTime();
  return Number.isFinite(t) ? new Date(t) : undefined;
}

function parseIso(text: string, timezone: string): Date | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [, ys, mos, ds, hs, mis, ss, frac, offset] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = hs === undefined ? 0 : Number(hs);
  const mi = mis === undefined ? 0 : Number(mis);
  const s = ss === undefined ? 0 : Number(ss);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  // Placeholder dates ("1901-01-01", "0001-01-01") are not publication dates.
  if (y < MIN_YEAR || y > MAX_YEAR) return undefined;
  if (offset === undefined) return wallClockInZone(y, mo, d, h, mi, s, ms, timezone);
  let offsetMinutes = 0;
  if (offset.toUpperCase() !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
  }
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000;
  return Number.isFinite(utc) ? new Date(utc) : undefined;
}

/**
 * Parse a date as written in a page. Returns undefined when the text is not a date.
 * `referenceDate` anchors relative or partial dates ("March 5" means the March 5 before it).
 */
export function parseHtmlDate(text: string, timezone: string, referenceDate?: Date): Date | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const iso = parseIso(value, timezone);
  if (iso) return iso;
  // Unix timestamps (seconds or milliseconds) appear in some meta tags.
  if (/^\d{10}(\d{3})?$/.test(value)) {
    const n = Number(value);
    const date = new Date(value.length === 10 ? n * 1000 : n);
    const year = date.getUTCFullYear();
    return year >= MIN_YEAR && year <= MAX_YEAR ? date : undefined;
  }
  if (referenceDate === undefined) return readWrittenDate(value, timezone, NO_REFERENCE);
  return checkReference(readWrittenDate(value, timezone, referenceDate), (other) => readWrittenDate(value, timezone, other), sameInstant);
}

/** Without a reference date, chrono still needs an instant to imply a missing year from. */
const NO_REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** A date in words ("March 5, 2021 9:30", "5 mars 2021"), read by chrono against `ref`. */
function readWrittenDate(value: string, timezone: string, ref: Date): Date | undefined {
  // Dotted numeric dates are day-first (src/extract/textual/dates.ts).
  const parser = DOTTED_DATE.test(value) ? chrono.en.GB : chrono.casual;
  const results = parser.parse(value, { instant: ref }, { forwardDate: false });
  const first = results[0];
  if (!first) return undefined;
  const c = first.start;
  const year = c.get('year');
  if (year === null || year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (!c.isCertain('day') || !c.isCertain('month')) return undefined;
  if (c.isCertain('timezoneOffset')) {
    const date = c.date();
    return Number.isFinite(date.getTime()) ? date : undefined;
  }
  return wallClockInZone(year, c.get('month') ?? 1, c.get('day') ?? 1, c.get('hour') ?? 0, c.get('minute') ?? 0, c.get('second') ?? 0, c.get('millisecond') ?? 0, timezone);
}
