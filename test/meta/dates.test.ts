import { describe, expect, it } from 'vitest';
import { formatRfc3339, formatRfc822, parseDateValue } from '../../src/meta/dates.js';

describe('parseDateValue', () => {
  it('reads a date without an offset in the configured time zone', () => {
    expect(parseDateValue('2019-12-06 18:30', 'America/Mexico_City')?.toISOString()).toBe('2019-12-07T00:30:00.000Z');
    expect(parseDateValue('2019-12-06', 'Europe/Madrid')?.toISOString()).toBe('2019-12-05T23:00:00.000Z');
    expect(parseDateValue('2019-12-06T10:00:00', 'UTC')?.toISOString()).toBe('2019-12-06T10:00:00.000Z');
  });

  it('reads the dates other generators write: Jekyll "2024-03-05 10:30:00 +0100", Astro "Jul 08 2022"', () => {
    expect(parseDateValue('2024-03-05 10:30:00 +0100', 'America/New_York')?.toISOString()).toBe('2024-03-05T09:30:00.000Z');
    expect(parseDateValue('2024-03-05 10:30:00 -05:00', 'UTC')?.toISOString()).toBe('2024-03-05T15:30:00.000Z');
    expect(parseDateValue('Jul 08 2022', 'UTC')?.toISOString()).toBe('2022-07-08T00:00:00.000Z');
  });

  it('honours an explicit offset whatever the time zone', () => {
    expect(parseDateValue('2024-03-11T09:30:00+01:00', 'America/New_York')?.toISOString()).toBe('2024-03-11T08:30:00.000Z');
    expect(parseDateValue('2024-03-11T09:30:00Z', 'Asia/Tokyo')?.toISOString()).toBe('2024-03-11T09:30:00.000Z');
  });

  it('reads RFC 822 dates, with GMT or a numeric zone', () => {
    expect(parseDateValue('Thu, 05 Dec 2019 17:00:00 GMT', 'Asia/Tokyo')?.toISOString()).toBe('2019-12-05T17:00:00.000Z');
    expect(parseDateValue('Thu, 05 Dec 2019 17:00:00 -0600', 'UTC')?.toISOString()).toBe('2019-12-05T23:00:00.000Z');
  });

  it('reads a numeric date with day and month either way round when its numbers, its dots or the language decide', () => {
    const day = (v: string, language?: string, zone = 'UTC') => parseDateValue(v, zone, language)?.toISOString();
    // The numbers decide: a first number over 12 is the day, a second over 12 the day.
    expect([day('13-03-2024'), day('03/13/2024'), day('5-13-2024'), day('13/3/2024')]).toEqual([
      '2024-03-13T00:00:00.000Z',
      '2024-03-13T00:00:00.000Z',
      '2024-05-13T00:00:00.000Z',
      '2024-03-13T00:00:00.000Z',
    ]);
    // Either way round: the language decides (en-US month first, en-GB and other languages day first); plain "en" does not.
    expect([day('06-03-2024', 'en-US'), day('06-03-2024', 'en-GB'), day('06/03/2024', 'fr'), day('06-03-2024', 'en'), day('06-03-2024')]).toEqual([
      '2024-06-03T00:00:00.000Z',
      '2024-03-06T00:00:00.000Z',
      '2024-03-06T00:00:00.000Z',
      undefined,
      undefined,
    ]);
    // A dotted date is day first wherever it is written; the same two numbers read the same both ways.
    expect([day('06.03.2024'), day('04-04-2024')]).toEqual(['2024-03-06T00:00:00.000Z', '2024-04-04T00:00:00.000Z']);
    // With a time, in the configured zone; a day the month does not have, or two numbers over 12, is no date.
    expect(day('31-03-2024 18:30', undefined, 'Europe/Madrid')).toBe('2024-03-31T16:30:00.000Z');
    expect([day('31-04-2024'), day('13-13-2024'), day('00-05-2024'), day('31/02/2024', 'en-GB')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads common written English forms', () => {
    expect(parseDateValue('March 11, 2021', 'UTC')?.toISOString()).toBe('2021-03-11T00:00:00.000Z');
    expect(parseDateValue('11 March 2021', 'UTC')?.toISOString()).toBe('2021-03-11T00:00:00.000Z');
  });

  it("reads what JavaScript's Date (Astro's z.coerce.date()) reads: a year-first date with slashes, with a time and an offset", () => {
    expect(parseDateValue('2026/01/26 09:00:00+0900', 'UTC')?.toISOString()).toBe('2026-01-26T00:00:00.000Z');
    expect(parseDateValue('2026/1/26 09:00:00', 'Asia/Tokyo')?.toISOString()).toBe('2026-01-26T00:00:00.000Z');
    expect(parseDateValue('2026/01/26', 'UTC')?.toISOString()).toBe('2026-01-26T00:00:00.000Z');
    expect(parseDateValue('2026/01-26', 'UTC')).toBeUndefined();
  });

  it('reads a year-first date with dots (2026.01.21, as Korean, Chinese and Hungarian writers date), in the zone; mixed separators and a day-first dotted date stay as before', () => {
    expect(parseDateValue('2026.01.21', 'UTC')?.toISOString()).toBe('2026-01-21T00:00:00.000Z');
    expect(parseDateValue('2026.1.5 09:30', 'Asia/Seoul')?.toISOString()).toBe('2026-01-05T00:30:00.000Z');
    expect(parseDateValue('2026.01-21', 'UTC')).toBeUndefined();
    expect(parseDateValue('21.01.2026', 'UTC', 'de')?.toISOString()).toBe('2026-01-21T00:00:00.000Z');
  });

  it('reads what Ruby Time.parse (Jekyll) reads: one-digit month and day, an offset in bare hours or hhmm after a space', () => {
    expect(parseDateValue('2020-9-16 14:40:00 -8', 'UTC')?.toISOString()).toBe('2020-09-16T22:40:00.000Z');
    expect(parseDateValue('2020-9-6', 'UTC')?.toISOString()).toBe('2020-09-06T00:00:00.000Z');
    expect(parseDateValue('2020-10-6 9:05 +0530', 'America/New_York')?.toISOString()).toBe('2020-10-06T03:35:00.000Z');
    expect(parseDateValue('2020-1-2 10:00:00 -08:00', 'Asia/Tokyo')?.toISOString()).toBe('2020-01-02T18:00:00.000Z');
    expect(parseDateValue('2020-1-2T10:00:00+01:00', 'UTC')?.toISOString()).toBe('2020-01-02T09:00:00.000Z');
  });

  it.each(['31/31/2024', '2024-13-01', '2020-9-31', '2020-0-5', '2020-9-16x', '2020-123-1', '20-9-16', '2020-9-16 14:40:00 -8x', 'yesterday', '', 'soon', 2021, null, {}, []])('refuses %j', (v) => {
    expect(parseDateValue(v, 'UTC')).toBeUndefined();
  });
});

describe('formatting', () => {
  const d = new Date('2019-12-05T07:04:09.250Z');
  it('writes RFC 822 in GMT with a four-digit year for RSS', () => {
    expect(formatRfc822(d)).toBe('Thu, 05 Dec 2019 07:04:09 GMT');
  });
  it('writes RFC 3339 in UTC without fractions for Atom and JSON Feed', () => {
    expect(formatRfc3339(d)).toBe('2019-12-05T07:04:09Z');
  });
});

describe('one date reader (issue 12)', () => {
  it('front matter dates are read by src/extract/dates.ts, with its one year range', async () => {
    const extract = await import('../../src/extract/dates.js');
    const meta = await import('../../src/meta/dates.js');
    expect(meta.PLAUSIBLE_YEARS).toBe(extract.DATE_YEARS);
    for (const value of ['2024-03-05 10:30:00 +0100', 'Tue, 05 Mar 2024 10:20:00 GMT', 'Jul 08 2022', '2021', 'not a date']) {
      expect(meta.parseDateValue(value, 'Europe/Berlin')?.getTime()).toBe(extract.readDateValue(value, 'Europe/Berlin')?.getTime());
    }
  });
});
