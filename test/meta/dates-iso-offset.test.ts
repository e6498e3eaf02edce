/**
 * parseDateValue reads an ISO 8601 date with its own offset, or any ISO date in UTC, without building a
 * zoned date; it must return exactly what the zoned parse returns (the reference below is the function as first written).
 */
import { tz } from '@date-fns/tz';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateValue } from '../../src/meta/dates.js';

function referenceIso(text: string, timezone: string): number | undefined {
  const d = parseISO(text.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2'), { in: tz(timezone) });
  return isValid(d) ? d.getTime() : undefined;
}

const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/London', 'Etc/GMT+12', '+05:30', 'Not/AZone'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** ISO-shaped strings with fields in and out of range, every offset spelling, and near misses. */
const isoish = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.constantFrom('', '.5', '.123', ',25', '.123456789', '.'),
    sep: fc.constantFrom('T', ' ', 't'),
    time: fc.constantFrom('hms', 'hm', 'h', 'hhmmss', 'none'),
    zone: fc.constantFrom('Z', 'z', '', '+00:00', '-05:00', '+0530', '+05', '+24:00', '-00:60', '+1', ' Z', 'GMT'),
  })
  .map((r) => {
    const time = r.time === 'hms' ? `${pad(r.hour)}:${pad(r.minute)}:${pad(r.second)}${r.fraction}` : r.time === 'hm' ? `${pad(r.hour)}:${pad(r.minute)}` : r.time === 'h' ? pad(r.hour) : `${pad(r.hour)}${pad(r.minute)}${pad(r.second)}`;
    const date = `${pad(r.year, 4)}-${pad(r.month)}-${pad(r.day)}`;
    return r.time === 'none' ? `${date}${r.zone}` : `${date}${r.sep}${time}${r.zone}`;
  });

describe('parseDateValue on ISO 8601 with an offset, or in UTC', () => {
  it('returns the instant the zoned parse returns, in every zone', () => {
    fc.assert(
      fc.property(isoish, fc.constantFrom(...ZONES), (text, zone) => {
        const ref = referenceIso(text, zone);
        const got = parseDateValue(text, zone)?.getTime();
        // The ISO parse failing, the other formats may still read it: compare only ISO successes.
        if (ref !== undefined) expect(got, `${text} in ${zone}`).toBe(ref);
        else if (zone === 'Not/AZone') expect(got, `${text} in ${zone}`).toBeUndefined();
      }),
      { numRuns: 3_000 },
    );
  });

  // The host zone matters to this one: run it also as `TZ=Europe/Madrid npx vitest run test/meta` (a
  // wrong UTC context reads the wall clock in the host zone and only fails outside UTC).
  it('reads dates without an offset in UTC as the zoned parse does (DST in the host zone included)', () => {
    const days = fc.integer({ min: -25_000, max: 80_000 }).map((d) => new Date(d * 86_400_000 + 1_800_000 * (d % 48)).toISOString());
    fc.assert(
      fc.property(days, fc.constantFrom(10, 13, 16, 19, 23), (iso, cut) => {
        const text = iso.slice(0, cut).replace('T', cut > 10 && cut % 2 ? 'T' : ' ');
        expect(parseDateValue(text, 'UTC')?.getTime(), text).toBe(referenceIso(text, 'UTC'));
      }),
      { numRuns: 3_000 },
    );
    expect(parseDateValue('2024-03-31 02:30', 'UTC')?.toISOString()).toBe('2024-03-31T02:30:00.000Z');
    expect(parseDateValue('2024-03-11', 'UTC')?.toISOString()).toBe('2024-03-11T00:00:00.000Z');
  });

  it('keeps the offset, and refuses every date in an unknown zone', () => {
    expect(parseDateValue('2010-01-01T00:40:34Z', 'America/New_York')?.toISOString()).toBe('2010-01-01T00:40:34.000Z');
    expect(parseDateValue('2010-01-01 00:40+05:30', 'UTC')?.toISOString()).toBe('2009-12-31T19:10:00.000Z');
    expect(parseDateValue('2010-02-30T00:00:00Z', 'UTC')).toBeUndefined();
    expect(parseDateValue('2010-01-01T00:40:34Z', 'Not/AZone')).toBeUndefined();
  });
});
