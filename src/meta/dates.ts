/**
 * Dates of front matter and config. The reading itself is src/extract/dates.ts (`readDateValue`),
 * the one date reader; these names stay for the callers (src/meta/resolve.ts, src/site/).
 */
import { DATE_YEARS, parseOffset, readDateValue, withStatedOffset, zoneOffset } from '../extract/dates.js';

export { statedOffset } from '../extract/dates.js';

/**
 * Parse a date value from front matter or config. Strings without an offset are read in `timezone`.
 * Returns undefined when the value is not a date (the caller reports it with the file and line).
 * The date carries the offset it was written at (`statedOffset`): the one the string gives
 * ("+09:00", "Z"), else the zone's on that day, so that the feeds show the day the author wrote
 * (`date: 2024-03-05` in Asia/Tokyo is 2024-03-05T00:00:00+09:00, not 2024-03-04T15:00:00Z).
 */
export function parseDateValue(value: unknown, timezone: string): Date | undefined {
  const date = readDateValue(value, timezone);
  if (!date || typeof value !== 'string') return date;
  const offset = writtenOffset(value.trim(), timezone, date);
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
