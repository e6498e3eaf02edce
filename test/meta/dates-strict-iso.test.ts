/**
 * parseDateValue reads the strict ISO 8601 forms of front matter (`2024-03-05T10:30:00Z`) itself,
 * without the general date reader (readStrictIso): the date and the offset it states must be exactly
 * what the general reader gives (parseDateValueInFull), and every other string is left to it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateValue, parseDateValueInFull, readStrictIso, statedOffset } from '../../src/meta/dates.js';

const ZONES = ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/New_York', 'Not/AZone'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Strict and near-strict ISO strings, with fields in and out of range. */
const isoish = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(999, 1000, 1969, 1970, 2000, 2024, 2100, 9999)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    time: fc.constantFrom('hms', 'hm', 'none', 'hms.5'),
    sep: fc.constantFrom('T', 'T', ' ', 't'),
    zone: fc.constantFrom('', 'Z', 'z', '+00:00', '-00:00', '+05:30', '-11:59', '+23:59', '+24:00', '-03:60', '+0530', ' Z'),
    around: fc.constantFrom('', '', '', ' ', '\n'),
  })
  .map((r) => {
    const date = `${pad(r.year, 4)}-${pad(r.month)}-${pad(r.day)}`;
    const time = r.time === 'none' ? '' : `${r.sep}${pad(r.hour)}:${pad(r.minute)}${r.time === 'hm' ? '' : `:${pad(r.second)}${r.time === 'hms.5' ? '.5' : ''}`}`;
    return `${r.around}${date}${time}${time ? r.zone : ''}${r.around}`;
  });

/** A date as comparable data: its instant and the offset it states. */
const seen = (d: Date | undefined) => (d === undefined ? undefined : { time: d.getTime(), offset: statedOffset(d) });

describe('readStrictIso', () => {
  it('reads a strict ISO string exactly as the general reader does, or leaves it to it', () => {
    fc.assert(
      fc.property(isoish, fc.constantFrom(...ZONES), (text, zone) => {
        const fast = readStrictIso(text, zone);
        const full = parseDateValueInFull(text, zone);
        if (fast !== undefined) expect(seen(fast), `${JSON.stringify(text)} in ${zone}`).toEqual(seen(full));
        expect(seen(parseDateValue(text, zone)), `${JSON.stringify(text)} in ${zone}`).toEqual(seen(full));
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads the common front matter forms itself', () => {
    for (const [text, zone, iso, offset] of [
      ['2010-08-22T04:44:12Z', 'UTC', '2010-08-22T04:44:12.000Z', undefined],
      ['2024-03-05', 'UTC', '2024-03-05T00:00:00.000Z', undefined],
      ['2024-03-05T10:30', 'UTC', '2024-03-05T10:30:00.000Z', undefined],
      ['2024-03-05T10:30:00+01:00', 'UTC', '2024-03-05T09:30:00.000Z', 60],
      ['2024-03-05T10:30:00-04:30', 'Europe/Berlin', '2024-03-05T15:00:00.000Z', -270],
      ['2024-02-29T00:00:00Z', 'UTC', '2024-02-29T00:00:00.000Z', undefined],
      // A wall clock in a zone with rules, at the zone's offset that day (Hugo's `date: 2024-03-05`
      // on a site with a timezone); in a spring-forward gap and an autumn overlap as the reader puts it.
      ['2024-03-05', 'Europe/Berlin', '2024-03-04T23:00:00.000Z', 60],
      ['2024-07-05T10:30', 'America/New_York', '2024-07-05T14:30:00.000Z', -240],
      ['2024-03-05T10:30:00', 'Asia/Kolkata', '2024-03-05T05:00:00.000Z', 330],
      ['2024-03-31T02:30:00', 'Europe/Berlin', '2024-03-31T01:30:00.000Z', 120],
      ['2024-10-27T02:30:00', 'Europe/Berlin', '2024-10-27T01:30:00.000Z', 60],
      ['2024-03-10T02:30', 'America/New_York', '2024-03-10T07:30:00.000Z', -240],
      ['2024-11-03T01:30', 'America/New_York', '2024-11-03T05:30:00.000Z', -240],
      ['2024-03-05', 'Africa/Abidjan', '2024-03-05T00:00:00.000Z', undefined],
    ] as const) {
      const d = readStrictIso(text, zone);
      expect(d?.toISOString(), text).toBe(iso);
      expect(d && statedOffset(d), text).toBe(offset);
      expect(seen(d), text).toEqual(seen(parseDateValueInFull(text, zone)));
    }
  });

  it('leaves to the general reader what depends on more than the string', () => {
    // An unknown zone, 24:00, an invalid day, a short year, other spellings.
    for (const [text, zone] of [
      ['2024-03-05', 'Not/AZone'],
      ['2024-03-05T10:30:00Z', 'Not/AZone'],
      ['2024-03-05T24:00:00Z', 'UTC'],
      ['2023-02-29', 'UTC'],
      ['0099-03-05', 'UTC'],
      ['2024-03-05 10:30', 'UTC'],
      ['2024-03-05T10:30:00.5Z', 'UTC'],
      ['2024-03-05T10:30:00+0100', 'UTC'],
      [' 2024-03-05', 'UTC'],
    ] as const) {
      expect(readStrictIso(text, zone), `${text} in ${zone}`).toBeUndefined();
    }
  });
});
