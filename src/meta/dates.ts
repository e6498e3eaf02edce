/**
 * Dates of front matter and config. The reading itself is src/extract/dates.ts (`readDateValue`),
 * the one date reader; these names stay for the callers (src/meta/resolve.ts, src/site/).
 */
import { TZDate, tzOffset } from '@date-fns/tz';
// The general reader and its lexicons: lib/ evaluates them on first use (scripts/bundle.ts
// LAZY_MODULES), when a value is not a strict ISO date; what every date needs is in ./stated-dates.ts.
import { parseOffset, readDateValue, zoneOffset } from '../extract/dates.js';
import { DATE_YEARS, isKnownZone, withStatedOffset } from './stated-dates.js';

export { statedOffset } from './stated-dates.js';

/**
 * Parse a date value from front matter or config. Strings without an offset are read in `timezone`.
 * Returns undefined when the value is not a date (the caller reports it with the file and line).
 * The date carries the offset it was written at (`statedOffset`): the one the string gives
 * ("+09:00", "Z"), else the zone's on that day, so that the feeds show the day the author wrote
 * (`date: 2024-03-05` in Asia/Tokyo is 2024-03-05T00:00:00+09:00, not 2024-03-04T15:00:00Z).
 * `language` (the config's) decides a numeric date that reads either way (`06-03-2024`).
 */
export function parseDateValue(value: unknown, timezone: string, language?: string): Date | undefined {
  return (typeof value === 'string' ? readStrictIso(value, timezone) : undefined) ?? parseDateValueInFull(value, timezone, language);
}

/**
 * parseDateValue through the general date reader alone, for every value (what parseDateValue does
 * when the value is not a strict ISO string; the tests compare both readings).
 */
export function parseDateValueInFull(written: unknown, timezone: string, language?: string): Date | undefined {
  const value = timeFirst(written);
  return readWritten(value, timezone, language) ?? readWritten(rubyLeadingDate(value), timezone, language);
}

/** A value through the general date reader, with the offset it was written at. */
function readWritten(value: unknown, timezone: string, language: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = readDateValue(value, timezone, language);
  if (!date || typeof value !== 'string') return date;
  const offset = writtenOffset(value.trim(), timezone, date);
  return offset ? withStatedOffset(date, offset) : date;
}

/**
 * What Ruby's `Time.parse` (Jekyll's reader of a front matter date it gets as a string, through
 * `Utils.parse_date`) reads of an ISO date and time followed by more: `Date._parse` takes the first
 * time with the zone written right after it (`18:30:22 -0800`, `UTC`) and the ISO date, and leaves
 * the rest unread, so `2023-01-29 18:30:22 2023 -0800` is 18:30:22 in the site's zone (the stray
 * year and the offset after it are ignored), and `… -0800 2023` is at -08:00. Bounded to what such
 * a slip leaves: whitespace-separated numbers, numeric offsets and a parenthesised zone name
 * (`(PST)`) after the time, and of the zones after it `UTC` and `GMT` (`2015-08-08 14:12:36 UTC`,
 * as Nikola writes a post's date, which the date reader does not read); the date and time as Ruby
 * read them, or undefined for any other value (which the date reader already decided).
 */
function rubyLeadingDate(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = RUBY_LEADING_DATE.exec(v);
  if (m === null) return undefined;
  const [, date, time, zone] = m;
  // Ruby reads `UTC` and `GMT` as a zero offset, as does `Z`, which the date reader reads.
  const offset = zone === undefined ? '' : /^(?:UTC|GMT)$/i.test(zone) ? 'Z' : ` ${zone}`;
  return `${date} ${time}${offset}`;
}

const RUBY_LEADING_DATE =
  /^\s*(\d{4}-\d{1,2}-\d{1,2})(?:T|\s+)(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?(?:\s+(?:\d{1,4}|[+-]\d{2}:?\d{2}|\([A-Za-z]{1,5}\)))*\s*$/i;

/**
 * A date written time first (`date: 23:24 2023/3/22`, as a VitePress theme's posts are, which it
 * reads with JavaScript's `new Date(…)`, as Gatsby and Next.js blogs do theirs): the same date and
 * time written date first, which the date parser reads. Any other value as it is.
 */
function timeFirst(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = /^\s*(\d{1,2}:\d{2}(?::\d{2})?)\s+(\d{4}[/-]\d{1,2}[/-]\d{1,2})\s*$/.exec(v);
  return m ? `${m[2]} ${m[1]}` : v;
}

/**
 * `2024-03-05`, `2024-03-05T10:30`, `2024-03-05T10:30:00`, each optionally ending in `Z` or
 * `±hh:mm`: the strict RFC 3339 forms that most front matter holds, `date:` of nearly every
 * Hugo, Jekyll and Eleventy post.
 */
const STRICT_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2}))?)?$/;

/**
 * The date of a strict ISO 8601 string (STRICT_ISO) read without the general date reader, with the
 * offset it states, exactly as {@link readDateValue} and `writtenOffset` read it (the reader pads,
 * rewrites and tries date-fns's parseISO, then its other formats; test/meta/dates-strict-iso.test.ts
 * compares both on every shape). A wall clock is read in `timezone` by the zone library, as the
 * reader reads it. Undefined when the string is not one of these forms, or when the reading would
 * depend on more than the string: a year before 1000, a time at 24:00, or a zone name the zone
 * library does not know: the general reader decides those.
 */
export function readStrictIso(value: string, timezone: string): Date | undefined {
  const m = STRICT_ISO.exec(value);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // A day past the month's end (2023-02-29) rolls over in Date.UTC: the reader refuses it.
  if (new Date(wall).getUTCDate() !== day) return undefined;
  const zone = m[7];
  // A wall clock is read in the zone; a stated offset makes the zone matter only if it is unknown.
  if (timezone !== 'UTC' && !isKnownZone(timezone)) return undefined;
  if (zone === undefined) return timezone === 'UTC' ? new Date(wall) : zonedWallClock(year, month, day, hour, minute, second, timezone);
  if (zone === 'Z') return new Date(wall);
  if (Number(m[10]) > 59) return undefined;
  const offsetMinutes = Number(m[9]) * 60 + Number(m[10]);
  const offset = m[8] === '-' ? -offsetMinutes : offsetMinutes;
  const date = new Date(wall - offset * 60_000);
  // What parseDateValue does with the offset parseOffset reads: a zero offset is not stated.
  return offset ? withStatedOffset(date, offset) : date;
}

/**
 * A wall clock read in a known zone, with the zone's offset at that instant as its stated offset:
 * as the general reader reads it (date-fns's parseISO into a TZDate, which sets the day, then the
 * time, so that a time in a spring-forward gap or an autumn overlap lands where it puts it) and as
 * `writtenOffset` states it (none when the zone is at UTC then).
 */
function zonedWallClock(year: number, month: number, day: number, hour: number, minute: number, second: number, timezone: string): Date | undefined {
  const zoned = new TZDate(0, timezone);
  zoned.setFullYear(year, month - 1, day);
  zoned.setHours(hour, minute, second, 0);
  const time = zoned.getTime();
  if (!Number.isFinite(time)) return undefined;
  const date = new Date(time);
  const offset = tzOffset(timezone, date);
  if (!Number.isFinite(offset)) return undefined;
  return offset ? withStatedOffset(date, offset) : date;
}

/**
 * The offset (minutes east of UTC) a date string was written at: the one after its time ("Z",
 * "+09:00", "+0900", "-4", "GMT"; read by the date reader's `parseOffset`), else, with no zone at
 * all, the zone's at that instant; undefined for a zone name it does not know (the date is then
 * written in UTC).
 */
function writtenOffset(text: string, timezone: string, date: Date): number | undefined {
  const zone = /\d:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?|[A-Za-z][A-Za-z/_+-]*)$/i.exec(text)?.[1];
  return zone === undefined ? zoneOffset(timezone, date) : parseOffset(zone);
}

export { formatRfc822, formatRfc3339 } from './format.js';

/**
 * Years outside this range are almost always typos (1921 for 2021, 2201 for 2021): the one range
 * of the date reader (src/extract/dates.ts), for front matter a warning.
 */
export const PLAUSIBLE_YEARS = DATE_YEARS;

/**
 * Years a feed can carry at all: RFC 3339 (Atom, JSON Feed) has four-digit years, 0000-9999, and
 * RFC 822 (RSS) readers and date libraries disagree about year 0 (date-fns writes it as 0001, the
 * era year; others as 1 BC or not at all). So 1-9999: a date outside is refused with a diagnostic
 * (META_DATE_OUT_OF_RANGE), never published as another year.
 */
export const REPRESENTABLE_YEARS = { min: 1, max: 9999 } as const;

/** Whether a date's UTC year is one a feed can carry (see REPRESENTABLE_YEARS). */
export function isRepresentableYear(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= REPRESENTABLE_YEARS.min && year <= REPRESENTABLE_YEARS.max;
}
