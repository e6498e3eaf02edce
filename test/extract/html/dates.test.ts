import { describe, expect, it } from 'vitest';
import { parseHtmlDate } from '../../../src/extract/html/dates.js';

const iso = (d: Date | undefined): string | undefined => d?.toISOString();
const REF = new Date('2024-06-01T00:00:00Z');

describe('parseHtmlDate', () => {
  it('reads ISO 8601 with an offset, Z, or a colon-less offset', () => {
    expect(iso(parseHtmlDate('2024-03-05T10:20:30+01:00', 'UTC'))).toBe('2024-03-05T09:20:30.000Z');
    expect(iso(parseHtmlDate('2024-03-05T10:20:30.250Z', 'Asia/Tokyo'))).toBe('2024-03-05T10:20:30.250Z');
    expect(iso(parseHtmlDate('2024-03-05T10:20:30-0500', 'UTC'))).toBe('2024-03-05T15:20:30.000Z');
  });

  it('reads a date or date-time without offset as wall-clock time in the zone, across DST', () => {
    expect(iso(parseHtmlDate('2024-01-15', 'America/New_York'))).toBe('2024-01-15T05:00:00.000Z');
    expect(iso(parseHtmlDate('2024-07-15 12:00', 'America/New_York'))).toBe('2024-07-15T16:00:00.000Z');
    expect(iso(parseHtmlDate('2024-07-15T12:00:00', 'Europe/London'))).toBe('2024-07-15T11:00:00.000Z');
  });

  it('reads human-written dates, with or without a zone name', () => {
    expect(iso(parseHtmlDate('Tuesday, November 19, 2019 10:48 AM', 'America/Chicago', REF))).toBe('2019-11-19T16:48:00.000Z');
    expect(iso(parseHtmlDate('19 Nov 2019 07:09 GMT', 'America/Chicago', REF))).toBe('2019-11-19T07:09:00.000Z');
  });

  it('reads dotted numeric dates day-first', () => {
    expect(parseHtmlDate('05.03.2025', 'UTC')?.toISOString().slice(0, 10)).toBe('2025-03-05');
    expect(parseHtmlDate('05.03.2025 14:30', 'UTC')?.toISOString()).toBe('2025-03-05T14:30:00.000Z');
  });

  it('reads Unix timestamps in seconds and milliseconds', () => {
    expect(iso(parseHtmlDate('1574150400', 'UTC'))).toBe('2019-11-19T08:00:00.000Z');
    expect(iso(parseHtmlDate('1574150400000', 'UTC'))).toBe('2019-11-19T08:00:00.000Z');
  });

  it('returns undefined for text that is not a date, impossible dates and unknown zones', () => {
    expect(parseHtmlDate('', 'UTC')).toBeUndefined();
    expect(parseHtmlDate('12 comments', 'UTC', REF)).toBeUndefined();
    expect(parseHtmlDate('2024-13-45', 'UTC')).toBeUndefined();
    expect(parseHtmlDate('2024-01-15', 'Not/A_Zone')).toBeUndefined();
  });
});
