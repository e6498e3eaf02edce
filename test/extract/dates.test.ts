import { describe, expect, it } from 'vitest';
import { findTextDate, normaliseDateText, parseMarkupDate as parseHtmlDate, parseTextDate, readDateLine, readDateline, readPartialDateLine, resolvePartialDate, statesTwoDays } from '../../src/extract/dates.js';

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
    // A two-digit year after an apostrophe (r21).
    ['14 Feb ’20', 'UTC', '2020-02-14T00:00:00.000Z'],
    ["Feb 14, '20 at 10:30", 'UTC', '2020-02-14T10:30:00.000Z'],
  ])('reads %j in %s', (text, zone, iso) => {
    expect(parseTextDate(text, zone)?.toISOString()).toBe(iso);
  });

  it('reads a time written before the date, with its zone: the moment the page states (issue 12)', () => {
    // AP style: at midnight UTC the day would be right but the moment five hours off.
    const m = findTextDate('Published 11:26 pm EST, Tuesday, November 19, 2019', 'UTC');
    expect(m?.value.toISOString()).toBe('2019-11-20T04:26:00.000Z');
    expect(m?.offset).toBe(-300);
    expect(parseTextDate('14:30 Uhr, 5. März 2021', 'UTC')?.toISOString()).toBe('2021-03-05T14:30:00.000Z');
    // A time further back in a sentence is not the date's.
    expect(parseTextDate('Costs 12:30 and 5 March 2021', 'UTC')?.toISOString()).toBe('2021-03-05T00:00:00.000Z');
  });

  it('sets a glued year off from the date after it (issue 12)', () => {
    expect(normaliseDateText('22. Dezember 201922. Dezember 2019')).toBe('22. Dezember 2019 22. Dezember 2019');
    expect(normaliseDateText('Tue, Nov 19 20197:05 AM EST')).toBe('Tue, Nov 19 2019 7:05 AM EST');
  });

  // Issue 14 (r23-extract): a theme's name span and date span rendered without a space.
  it('sets a day off from a lower-case word glued before it', () => {
    expect(normaliseDateText('Reisenmarta7. Januar 20220')).toBe('Reisenmarta 7. Januar 2022 0');
    expect(parseTextDate('Reisenmarta7. Januar 20220', 'UTC')?.toISOString()).toBe('2022-01-07T00:00:00.000Z');
    expect(readDateLine('redaktion12. März 2021', 'UTC', undefined, 1)?.value.toISOString()).toBe('2021-03-12T00:00:00.000Z');
    // After a capital (a name with a number), without a day's stop, or without a month: left alone.
    expect(normaliseDateText('COVID19. März 2020')).toBe('COVID19. März 2020');
    expect(normaliseDateText('modell7 März 2020')).toBe('modell7 März 2020');
    expect(normaliseDateText('seite7. kapitel 2020')).toBe('seite7. kapitel 2020');
  });

  // Issue 14 (r18-extract): a theme's published and modified dates rendered without a space, in numbers.
  it('sets a numeric date glued to the next date or a time off from it', () => {
    expect(normaliseDateText('17/11/201917/11/2019 ~ Ana Roth')).toBe('17/11/2019 17/11/2019 ~ Ana Roth');
    expect(normaliseDateText('15.12.202210:30')).toBe('15.12.2022 10:30');
    expect(readDateLine('17/11/201917/11/2019 ~ Ana Roth', 'UTC', undefined, 6)?.value.toISOString()).toBe('2019-11-17T00:00:00.000Z');
    expect(statesTwoDays('15/01/201614/01/2016', 'UTC')).toBe(true);
    // Not a year: a longer number, or a date that ends the text.
    expect(normaliseDateText('Nr. 1.2.20191 ab 3.4.2019')).toBe('Nr. 1.2.20191 ab 3.4.2019');
  });

  it('tells a line that states two days without a label (issue 12)', () => {
    expect(statesTwoDays('29. Dezember 202230. Dezember 2022', 'UTC')).toBe(true);
    expect(statesTwoDays('29 November 2018 | 20 January 2019', 'UTC')).toBe(true);
    expect(statesTwoDays('Anna2022-12-07T10:10:52+01:0025. Dezember 2022', 'UTC')).toBe(true);
    expect(statesTwoDays('22. Dezember 201922. Dezember 2019 von Peter', 'UTC')).toBe(false);
    expect(statesTwoDays('Published 8 Nov 2023 | Updated 9 Nov 2023', 'UTC')).toBe(false);
    expect(statesTwoDays('8 Nov 2023', 'UTC')).toBe(false);
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

describe('two-digit years after an apostrophe (r21)', () => {
  it.each(['music of the ’20s', 'in May ’20s style', "the 14 Feb '20s"])('reads no date in %j', (text) => {
    expect(findTextDate(text, 'UTC')).toBeUndefined();
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
    ['zuletzt überarbeitet am 29. Mai 2019', 'updated', '2019-05-29'],
    ['Update vom 15. Mai 2019', 'updated', '2019-05-15'],
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

describe('one reader, one lexicon (issue 12)', () => {
  const REFERENCE = new Date('2026-12-01T10:00:00Z');
  const day = (text: string, reference?: Date) => parseTextDate(text, 'UTC', reference)?.toISOString().slice(0, 10);

  it.each([
    ['10. September 2017', '2017-09-10'],
    ['01. Dez. 2022 | 14:08 Uhr', '2022-12-01'],
    ['12 marca 2021', '2021-03-12'],
    ['5 maggio 2020, alle 10:30', '2020-05-05'],
    ['3 maart 2021', '2021-03-03'],
    ['Miércoles 4 de Mayo de 2022', '2022-05-04'],
    ['sexta-feira, 22 de outubro de 2010 às 20:13', '2010-10-22'],
    ['2. Februar 20202. Februar 2020', '2020-02-02'],
    ['Published Wed, Nov 20 20194:29 AM EST', '2019-11-20'],
    ['2018.04.05', '2018-04-05'],
  ])('reads %j as %s in every language of the lexicon', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it('reads slashed dates day-first on a line in a language that writes them so', () => {
    expect(day('Por Adriano Fernandes | 03/05/2022 20:36')).toBe('2022-05-03');
    expect(day('Posted by Sam | 03/05/2022')).toBe('2022-03-05');
  });

  it('never reads a day without a year, a month without a day or a time alone, even with a reference date', () => {
    for (const text of ['18. September um 08:37', 'Publicado el 11 de mayo', 'Jun12', 'Di, 10:19 Uhr', '14:32', 'April 2018', 'Monday 6:30PM']) {
      expect(day(text, REFERENCE), text).toBeUndefined();
    }
  });

  it('reads relative dates against the reference only, and never after it', () => {
    expect(day('vor 3 Tagen', REFERENCE)).toBe('2026-11-28');
    expect(day('hace 2 días', REFERENCE)).toBe('2026-11-29');
    expect(day('gestern, 14:32', REFERENCE)).toBe('2026-11-30');
    expect(day('vor 3 Tagen')).toBeUndefined();
    expect(parseTextDate('heute, 23:59', 'UTC', REFERENCE)).toBeUndefined();
    expect(parseTextDate('heute, 09:15', 'UTC', REFERENCE)?.toISOString()).toBe('2026-12-01T09:15:00.000Z');
  });

  it('keeps the offset the date was written in', () => {
    const et = readDateLine('Nov 18, 2019 at 9:24 pm ET', 'UTC');
    expect(et?.value.toISOString()).toBe('2019-11-19T02:24:00.000Z');
    expect(et?.offset).toBe(-300);
    expect(readDateLine('14 May 2023', 'Europe/Berlin')?.offset).toBe(120);
    expect(readDateLine('2024-03-05T00:30:00+01:00', 'UTC')?.offset).toBe(60);
  });

  it('does not take the end of a time range for a zone', () => {
    expect(parseTextDate('19.1.23, 10:00-11:30 Uhr', 'UTC')?.toISOString()).toBe('2023-01-19T10:00:00.000Z');
  });
});

describe('today and yesterday words (issue 12)', () => {
  const ref = new Date('2026-12-01T12:00:00Z');
  it('are a date with a time or on a line of date words only', () => {
    expect(findTextDate('Hier geht’s zum Brancheneintrag', 'UTC', ref)).toBeUndefined();
    expect(findTextDate('Was koche ich heute?', 'UTC', ref)).toBeUndefined();
    expect(findTextDate('Updated yesterday', 'UTC', ref)?.value.toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(findTextDate('gestern, 14:32', 'UTC', ref)?.value.toISOString()).toBe('2026-11-30T14:32:00.000Z');
  });
});

describe('today and yesterday in a byline (issue 12)', () => {
  it('is read as the last field of a byline', () => {
    const ref = new Date('2026-12-01T12:00:00Z');
    expect(findTextDate('By Sam Roe - yesterday', 'UTC', ref)?.value.toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(findTextDate('Heute im Angebot: Äpfel', 'UTC', ref)).toBeUndefined();
  });
});

describe('partial dates resolved against a full date (issue 12)', () => {
  const full = (iso: string, precision: 'day' | 'time' = 'day') => ({ value: new Date(iso), offset: 0, precision });
  const partial = (text: string) => {
    const p = readPartialDateLine(text, 'UTC');
    if (!p) throw new Error(`no partial date in ${text}`);
    return p;
  };
  it('reads a year-less day or a time alone as a partial date, never a full date or a sentence', () => {
    expect(readPartialDateLine('5. März', 'UTC')).toEqual({ kind: 'published', month: 3, day: 5 });
    expect(readPartialDateLine('Updated Dec 31', 'UTC')).toEqual({ kind: 'updated', month: 12, day: 31 });
    expect(readPartialDateLine('14:32 Uhr', 'UTC')).toEqual({ kind: 'published', hour: 14, minute: 32, second: 0 });
    for (const text of ['5. März 2021', 'Video 3:45 and more to see', 'März 2021', 'page 5', 'March 5 at the big hall in town today']) expect(readPartialDateLine(text, 'UTC')).toBeUndefined();
  });

  it('takes the year that puts the day closest to, and not after, the full date', () => {
    const dec31 = partial('Dec 31');
    expect(resolvePartialDate(dec31, full('2024-01-02T00:00:00Z'), 'UTC')?.value.toISOString()).toBe('2023-12-31T00:00:00.000Z');
    expect(resolvePartialDate(partial('2 January'), full('2024-01-02T00:00:00Z'), 'UTC')?.value.toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });

  it('adds a time alone only to a full date of day precision, on its day, and never after now', () => {
    const time = partial('14:32');
    expect(resolvePartialDate(time, full('2024-01-02T00:00:00Z'), 'UTC')?.value.toISOString()).toBe('2024-01-02T14:32:00.000Z');
    expect(resolvePartialDate(time, full('2024-01-02T09:00:00Z', 'time'), 'UTC')).toBeUndefined();
    expect(resolvePartialDate(time, full('2024-01-02T00:00:00Z'), 'UTC', new Date('2024-01-02T12:00:00Z'))).toBeUndefined();
    expect(resolvePartialDate(partial('Jan 2'), full('2024-01-02T00:00:00Z'), 'UTC', new Date('2024-01-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('readDateline: the dateline that opens a paragraph', () => {
  const day = (text: string): string | undefined => readDateline(text, 'UTC')?.value.toISOString().slice(0, 10);

  it('reads a date after a place, a label or a parenthesis, before a separator', () => {
    expect(day('Wien, 14. Dezember 2021 – Aufgrund der steigenden Technologisierung und Mobilität')).toBe('2021-12-14');
    expect(day('31. Oktober 2023. Dragqueens sind Kunstfiguren aus Make-Up und Glitter')).toBe('2023-10-31');
    expect(day('(21. November 2022) Energieverbraucher erhalten eine Preiserhöhung nach der nächsten')).toBe('2022-11-21');
    expect(day('Pressemitteilung vom 25. Januar 2022 |  Berlin – Die künftige Zusammenarbeit')).toBe('2022-01-25');
    expect(day('Red. / 31.10.2023  Die ehemalige französische Kolonie steht vor dem Niedergang.')).toBe('2023-10-31');
    expect(day('BERLIN (dpa) - 3. Mai 2022: Der Bundestag hat am Dienstag beschlossen')).toBe('2022-05-03');
  });

  it('does not read a date a sentence starts with or mentions', () => {
    expect(day('14. Dezember 2021 wurde der neue Plan vorgestellt, sagte die Ministerin.')).toBeUndefined();
    expect(day('Am 5. März 2020 hat der Rat beschlossen, die Brücke zu sanieren.')).toBeUndefined();
    expect(day('The council said on Tuesday that on March 5, 2020 – a year ago – the works began.')).toBeUndefined();
  });
});
