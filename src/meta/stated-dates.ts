/**
 * What every build needs of its dates besides reading them: the year range and the offset each
 * date was written at. The general date reader (src/extract/dates.ts, with the lexicons of 13
 * languages) records here what it reads; a plain Markdown build with ISO front matter dates reads
 * them without it (src/meta/dates.ts `readStrictIso`), so this small module is all it evaluates
 * (lib/ loads the reader on its first use; scripts/bundle.ts LAZY_MODULES).
 */
import { tzOffset } from '@date-fns/tz';

/**
 * Plausible publication years: the web is younger than 1990, and later years are misreadings of
 * prices, scores and codes. The same for text and markup; for front matter a warning.
 */
export const DATE_YEARS = { min: 1970, max: 2100 } as const;

/**
 * The offset each date read was written at, by the Date object itself: the extractors hand their
 * dates on as plain `Date`s, and src/sources/read.ts asks here for the offset to keep with them
 * (`Sourced.offset`), so that the feeds show the day the source states.
 */
const STATED_OFFSETS = new WeakMap<Date, number>();
/** The dates read relative to a reference ("2 hours ago"). */
const RELATIVE_DATES = new WeakSet<Date>();

/** Record the offset a date was written at, and whether it was read relative to a reference (the date reader's results). */
export function rememberDate(date: Date, offset: number, relative?: boolean): void {
  STATED_OFFSETS.set(date, offset);
  if (relative) RELATIVE_DATES.add(date);
}

/** Whether a date was read relative to the reference date ("2 hours ago", "gestern"). */
export function isRelativeDate(date: Date): boolean {
  return RELATIVE_DATES.has(date);
}

/** The offset (minutes east of UTC) a date was written at, if a date reader recorded one. */
export function statedOffset(date: Date): number | undefined {
  return STATED_OFFSETS.get(date);
}

/**
 * The same instant as a new Date that carries `offset` as its stated offset: a front matter date
 * with its written offset, or a date the page shows at a wall clock other than the one its markup
 * wrote (src/extract/html/page-dates.ts).
 */
export function withStatedOffset(date: Date, offset: number): Date {
  const copy = new Date(date.getTime());
  STATED_OFFSETS.set(copy, offset);
  if (RELATIVE_DATES.has(date)) RELATIVE_DATES.add(copy);
  return copy;
}

const knownZones = new Map<string, boolean>();
/** Whether @date-fns/tz knows the zone (an unknown one makes every zoned date invalid): both date readers ask. */
export function isKnownZone(timezone: string): boolean {
  let known = knownZones.get(timezone);
  if (known === undefined) {
    known = !Number.isNaN(tzOffset(timezone, new Date(0)));
    knownZones.set(timezone, known);
  }
  return known;
}
