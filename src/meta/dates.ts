import { tz, tzOffset } from '@date-fns/tz';
// Per-function entry points: the 'date-fns' index loads ~250 modules (~0.3 s of start-up).
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { parseISO } from 'date-fns/parseISO';
import { UTCDate } from '@date-fns/utc';

/**
 * Formats accepted for dates written by people in front matter, tried in order after ISO 8601.
 * Each is read in the configured time zone unless it carries its own offset.
 */
const FRONT_MATTER_FORMATS: readonly string[] = [
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

/** The `in` context for UTC: what tz('UTC') gives, as a UTCDate (no Intl offset look-ups). */
const inUtc = (value: Date | number | string): UTCDate => new UTCDate(+new Date(value));

const knownZones = new Map<string, boolean>();
/** Whether @date-fns/tz knows the zone (an unknown one makes every zoned date invalid). */
function isKnownZone(timezone: string): boolean {
  let known = knownZones.get(timezone);
  if (known === undefined) {
    known = !Number.isNaN(tzOffset(timezone, new Date(0)));
    knownZones.set(timezone, known);
  }
  return known;
}

/** RFC 822 zone names that mean UTC. Military zones other than Z are ambiguous in practice and are refused. */
const UTC_ZONE_NAMES = /\s(?:GMT|UTC|UT|Z)$/;

/**
 * Parse a date value from front matter or config. Strings without an offset are read in `timezone`.
 * Returns undefined when the value is not a date (the caller reports it with the file and line).
 */
export function parseDateValue(value: unknown, timezone: string): Date | undefined {
  if (value instanceof Date) return isValid(value) ? new Date(value.getTime()) : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // A bare year (YAML `date: 2021`) is too vague to be a publication date.
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text || text.length > 64) return undefined;
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
  for (const pattern of FRONT_MATTER_FORMATS) {
    const d = parse(normalised, pattern, new Date(0), { in: zone });
    if (isValid(d)) return new Date(d.getTime());
  }
  return undefined;
}

export { formatRfc822, formatRfc3339 } from './format.js';

/** Years outside this range are almost always typos (1921 for 2021, 2201 for 2021). */
export const PLAUSIBLE_YEARS = { min: 1970, max: 2100 } as const;

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
