import { createRequire } from 'node:module';

/*
 * Writing dates, apart from reading them (meta/dates.ts): the feed writers need only these two,
 * and a build that parses nothing (no change, or items copied) then loads no date library at all.
 * date-fns is the reference for years outside 1-9999, which feeds never carry (dates outside
 * 1970-2100 are refused) but messages about such dates do: it is loaded on that path only, as
 * CommonJS (a synchronous load; the ES module index would cost ~0.1-0.2 s at every start-up).
 */
const require = createRequire(import.meta.url);

/** RFC 822 date in GMT with a 4-digit year, as RSS 2.0 requires: `Thu, 05 Dec 2019 17:00:00 GMT`. */
export function formatRfc822(date: Date): string {
  // For years 1-9999 the engine's own UTC string is exactly this (date-fns is the reference).
  if (isFourDigitYear(date)) return date.toUTCString();
  return `${dateFnsUtc(date, 'EEE, dd MMM yyyy HH:mm:ss')} GMT`;
}

/** RFC 3339 in UTC, without fractional seconds: `2019-12-05T17:00:00Z`. Atom and JSON Feed use it. */
export function formatRfc3339(date: Date): string {
  // For years 1-9999 toISOString is this plus milliseconds; other years (and invalid dates, which
  // throw) take date-fns, whose year format differs from ISO's expanded years.
  if (isFourDigitYear(date)) return `${date.toISOString().slice(0, 19)}Z`;
  return `${dateFnsUtc(date, "yyyy-MM-dd'T'HH:mm:ss")}Z`;
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
