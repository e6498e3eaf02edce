/**
 * Dates of front matter and config. The reading itself is src/extract/dates.ts (`readDateValue`),
 * the one date reader; these names stay for the callers (src/meta/resolve.ts, src/site/).
 */
import { DATE_YEARS, readDateValue } from '../extract/dates.js';

/**
 * Parse a date value from front matter or config. Strings without an offset are read in `timezone`.
 * Returns undefined when the value is not a date (the caller reports it with the file and line).
 */
export function parseDateValue(value: unknown, timezone: string): Date | undefined {
  return readDateValue(value, timezone);
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
