/** The built-in fast paths of the date formatters must write exactly what date-fns writes. */
import { UTCDate } from '@date-fns/utc';
import { format } from 'date-fns/format';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRfc3339, formatRfc822 } from '../../src/meta/dates.js';

const rfc822 = (d: Date): string => `${format(new UTCDate(d), 'EEE, dd MMM yyyy HH:mm:ss')} GMT`;
const rfc3339 = (d: Date): string => `${format(new UTCDate(d), "yyyy-MM-dd'T'HH:mm:ss")}Z`;

/** Every valid Date (±8.64e15 ms), dense near the year 1 / 9999 / 10000 edges and today. */
const dates = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: -62_198_755_200_000, max: -62_104_060_800_000 }), // years 0-2
  fc.integer({ min: 253_370_764_800_000, max: 253_465_459_200_000 }), // years 9998-10000
  fc.integer({ min: 0, max: 4_102_444_800_000 }), // 1970-2100
).map((ms) => new Date(ms));

describe('date formatting fast paths', () => {
  it('agree with date-fns on every date', () => {
    fc.assert(
      fc.property(dates, (d) => {
        expect(formatRfc3339(d)).toBe(rfc3339(d));
        expect(formatRfc822(d)).toBe(rfc822(d));
      }),
      { numRuns: 3_000 },
    );
  });

  it('agree with date-fns at the year edges, fractions dropped', () => {
    for (const iso of ['0001-01-01T00:00:00.000Z', '0000-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z', '+010000-01-01T00:00:00.000Z', '-000001-06-01T12:00:00.000Z', '2019-12-05T07:04:09.567Z']) {
      const d = new Date(iso);
      expect(formatRfc3339(d), iso).toBe(rfc3339(d));
      expect(formatRfc822(d), iso).toBe(rfc822(d));
    }
    expect(formatRfc3339(new Date('2019-12-05T07:04:09.567Z'))).toBe('2019-12-05T07:04:09Z');
  });

  it('write each date at its own offset when a few dates and offsets come back in turn (formatRfc3339 keeps the last two)', () => {
    const ms = fc.constantFrom(0, 1_575_565_449_000, 1_575_565_449_999, 1_600_000_000_000, 4_102_444_800_000);
    const offsets = fc.constantFrom(undefined, 0, 60, -330, 14 * 60, -12 * 60);
    fc.assert(
      fc.property(fc.array(fc.tuple(ms, offsets), { minLength: 1, maxLength: 12 }), (calls) => {
        for (const [time, offset] of calls) {
          const d = new Date(time);
          const local = new Date(time + (offset ?? 0) * 60_000);
          const zone = offset ? `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}` : 'Z';
          expect(formatRfc3339(d, offset)).toBe(`${rfc3339(local).slice(0, -1)}${zone}`);
        }
      }),
      { numRuns: 500 },
    );
    // A Date changed in place is written as it is now, not as it was.
    const d = new Date(0);
    expect(formatRfc3339(d)).toBe('1970-01-01T00:00:00Z');
    d.setTime(86_400_000);
    expect(formatRfc3339(d)).toBe('1970-01-02T00:00:00Z');
  });

  it('throw on an invalid date, as date-fns does', () => {
    expect(() => formatRfc3339(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatRfc822(new Date(Number.NaN))).toThrow(RangeError);
  });
});
