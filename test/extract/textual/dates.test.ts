import { describe, expect, it } from 'vitest';
import { parseTextDate, readDateLine } from '../../../src/extract/textual/dates.js';

describe('parseTextDate', () => {
  it.each([
    ['March 11, 2021', 'UTC', '2021-03-11T00:00:00.000Z'],
    ['Sep 14, 2023', 'UTC', '2023-09-14T00:00:00.000Z'],
    ['2021-07-19', 'UTC', '2021-07-19T00:00:00.000Z'],
    ['14 May 2023, 09:12 BST', 'UTC', '2023-05-14T08:12:00.000Z'],
    ['2019-11-19T12:48:14Z', 'Europe/Paris', '2019-11-19T12:48:14.000Z'],
    ['6 de diciembre de 2019', 'UTC', '2019-12-06T00:00:00.000Z'],
    ['12 mars 2021 à 10h30', 'UTC', '2021-03-12T10:30:00.000Z'],
    ['12. März 2021', 'UTC', '2021-03-12T00:00:00.000Z'],
    ['12 de março de 2021', 'UTC', '2021-03-12T00:00:00.000Z'],
    // Dotted numeric dates are day-first; slashed ones stay month-first (US).
    ['Veröffentlicht am 05.03.2025', 'UTC', '2025-03-05T00:00:00.000Z'],
    ['5.3.2025, 10:30 Uhr', 'UTC', '2025-03-05T10:30:00.000Z'],
    ['Publié le 12.03.25', 'UTC', '2025-03-12T00:00:00.000Z'],
    ['03/05/2025', 'UTC', '2025-03-05T00:00:00.000Z'],
  ])('reads %j in %s', (text, zone, iso) => {
    expect(parseTextDate(text, zone)?.toISOString()).toBe(iso);
  });

  it('reads a date without an offset in the given zone', () => {
    expect(parseTextDate('March 11, 2021, 9:30 AM', 'America/New_York')?.toISOString()).toBe('2021-03-11T14:30:00.000Z');
    expect(parseTextDate('14 May 2023', 'Europe/Berlin')?.toISOString()).toBe('2023-05-13T22:00:00.000Z');
  });

  it('needs a reference date for relative dates and never reads the clock', () => {
    expect(parseTextDate('2 days ago', 'UTC')).toBeUndefined();
    const reference = new Date('2024-01-10T12:00:00Z');
    expect(parseTextDate('2 days ago', 'UTC', reference)?.toISOString().slice(0, 10)).toBe('2024-01-08');
  });

  it('rejects text without a full date', () => {
    expect(parseTextDate('May', 'UTC')).toBeUndefined();
    expect(parseTextDate('9:02 AM', 'UTC')).toBeUndefined();
    expect(parseTextDate('no date here', 'UTC')).toBeUndefined();
    expect(parseTextDate('', 'UTC')).toBeUndefined();
  });

  it('returns undefined for an unknown zone instead of throwing', () => {
    expect(parseTextDate('March 11, 2021', 'Not/AZone')).toBeUndefined();
  });
});

describe('readDateLine', () => {
  it.each([
    ['March 11, 2021', 'published', '2021-03-11'],
    ['Published: 14 May 2023, 09:12 BST', 'published', '2023-05-14'],
    ['Updated: March 12, 2021', 'updated', '2021-03-12'],
    ['Last updated on Sep 14, 2023', 'updated', '2023-09-14'],
    ['Actualizado el 6 de diciembre de 2019', 'updated', '2019-12-06'],
    ['Publicado el 6 de diciembre de 2019', 'published', '2019-12-06'],
    ['Mis à jour le 12 mars 2021', 'updated', '2021-03-12'],
    ['Aktualisiert am 12. März 2021', 'updated', '2021-03-12'],
    ['Atualizado em 12 de março de 2021', 'updated', '2021-03-12'],
  ])('reads %j as %s', (line, kind, day) => {
    const result = readDateLine(line, 'UTC');
    expect(result?.kind).toBe(kind);
    expect(result?.value.toISOString().slice(0, 10)).toBe(day);
  });

  it('does not take a body sentence that mentions a date', () => {
    expect(readDateLine('The council voted on March 11, 2021 to close the old bridge for good.', 'UTC')).toBeUndefined();
    expect(readDateLine('El 6 de diciembre de 2019 el gobierno anunció nuevas medidas.', 'UTC')).toBeUndefined();
  });

  it('finishes on an adversarial 100k-character line', () => {
    for (const line of ['1'.repeat(100_000), 'March 11, '.repeat(10_000), `Updated: ${' '.repeat(100_000)}2021`]) {
      expect(readDateLine(line, 'UTC')).toBeUndefined();
      expect(parseTextDate(line, 'UTC')).toBeUndefined();
    }
  });
});
