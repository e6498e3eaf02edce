import { createRequire } from 'node:module';

/*
 * Writing dates, apart from reading them (meta/dates.ts): the feed writers need only these two,
 * and a build that parses nothing (no change, or items copied) then loads no date library at all.
 * date-fns is the reference for years outside 1-9999, which feeds never carry (dates outside
 * 1970-2100 are refused) but messages about such dates do: it is loaded on that path only, as
 * CommonJS (a synchronous load; the ES module index would cost ~0.1-0.2 s at every start-up).
 */
const require = createRequire(import.meta.url);

/*
 * `offset` (minutes east of UTC) is the wall clock a source wrote the date in (Sourced.offset): the
 * date is then written at that offset, so that a feed shows the calendar day the source states
 * rather than, for a local midnight east of Greenwich, the day before in UTC. RFC 822 and RFC 3339
 * both carry offsets; the instant is the same. Without one (or at 0) the date is written in UTC.
 */

/** RFC 822 date with a 4-digit year, as RSS 2.0 requires: `Thu, 05 Dec 2019 17:00:00 GMT`, or `... +0100` at an offset. */
export function formatRfc822(date: Date, offset?: number): string {
  if (offset && zoneOffset(offset) && isFourDigitYear(date) && Number.isFinite(date.getTime())) {
    const local = new Date(date.getTime() + offset * 60_000);
    return `${local.toUTCString().slice(0, -4)} ${offsetText(offset, '')}`;
  }
  // For years 1-9999 the engine's own UTC string is exactly this (date-fns is the reference).
  if (isFourDigitYear(date)) return date.toUTCString();
  return `${dateFnsUtc(date, 'EEE, dd MMM yyyy HH:mm:ss')} GMT`;
}

/** RFC 3339 without fractional seconds: `2019-12-05T17:00:00Z`, or `2019-12-05T18:00:00+01:00` at an offset. Atom and JSON Feed use it. */
export function formatRfc3339(date: Date, offset?: number): string {
  // An article's items write its two dates five times (RSS once, Atom and JSON Feed twice each):
  // the last two dates written are kept (~1.3 µs a date through toISOString).
  const time = date.getTime();
  const [a, b] = written3339;
  if (time === a.time && offset === a.offset) return a.text;
  if (time === b.time && offset === b.offset) return b.text;
  const text = rfc3339(date, offset);
  written3339 = [{ time, offset, text }, a];
  return text;
}

/** The last two dates formatRfc3339 wrote, the latest first (an invalid date's NaN time never matches). */
let written3339: [Written, Written] = [
  { time: Number.NaN, offset: undefined, text: '' },
  { time: Number.NaN, offset: undefined, text: '' },
];

interface Written {
  time: number;
  offset: number | undefined;
  text: string;
}

function rfc3339(date: Date, offset: number | undefined): string {
  if (offset && zoneOffset(offset) && isFourDigitYear(date) && Number.isFinite(date.getTime())) {
    const local = new Date(date.getTime() + offset * 60_000);
    if (isFourDigitYear(local)) return `${local.toISOString().slice(0, 19)}${offsetText(offset, ':')}`;
  }
  // For years 1-9999 toISOString is this plus milliseconds; other years (and invalid dates, which
  // throw) take date-fns, whose year format differs from ISO's expanded years.
  if (isFourDigitYear(date)) return `${date.toISOString().slice(0, 19)}Z`;
  return `${dateFnsUtc(date, "yyyy-MM-dd'T'HH:mm:ss")}Z`;
}

/**
 * Whether an offset is one a time zone uses: within ±14:00 (Kiribati's +14:00 is the largest), as
 * Atom's grammar (xsd:dateTime) requires. A source's `+20:00` (a typo for `+02:00`) states an
 * instant all the same, which is then written in UTC.
 */
function zoneOffset(offset: number): boolean {
  return Math.abs(offset) <= 14 * 60;
}

/** `+01:00` / `-0530`: an offset in minutes east of UTC (whole minutes; at most 23:59). */
function offsetText(offset: number, separator: string): string {
  const minutes = Math.min(Math.abs(Math.round(offset)), 23 * 60 + 59);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${offset < 0 ? '-' : '+'}${hh}${separator}${mm}`;
}

/** Years 1-9999 (UTC): where the built-in formats and date-fns' `yyyy` agree. False for invalid dates. */
function isFourDigitYear(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999;
}

function dateFnsUtc(date: Date, pattern: string): string {
  const { format } = require('date-fns/format') as typeof import('date-fns/format');
  const { UTCDate } = require('@date-fns/utc') as typeof import('@date-fns/utc');
  return format(new UTCDate(date), pattern);
}
