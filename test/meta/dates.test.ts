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

  it('reads common written English forms', () => {
    expect(parseDateValue('March 11, 2021', 'UTC')?.toISOString()).toBe('2021-03-11T00:00:00.000Z');
    expect(parseDateValue('11 March 2021', 'UTC')?.toISOString()).toBe('2021-03-11T00:00:00.000Z');
  });

  it.each(['31/31/2024', '2024-13-01', 'yesterday', '', 'soon', 2021, null, {}, []])('refuses %j', (v) => {
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
