import { describe, expect, it } from 'vitest';
import { extractText } from '../../../src/extract/text/index.js';

const UTC = { timezone: 'UTC', referenceDate: new Date('2026-12-01T00:00:00Z') } as const;

const BODY = [
  'The regional council approved the new timetable on Tuesday after two years of consultation with the operators and the unions.',
  '',
  'Trains will run every fifteen minutes on the main line from the spring, and night services will return at the weekend.',
  '',
  'Passenger groups welcomed the decision but warned that the stations still need lifts and better lighting before the winter.',
];

const CUERPO = [
  'El consejo regional aprobó el nuevo horario el martes después de dos años de consultas con los operadores y los sindicatos.',
  '',
  'Los trenes pasarán cada quince minutos por la línea principal desde la primavera, y los servicios nocturnos volverán el fin de semana.',
  '',
  'Los grupos de pasajeros celebraron la decisión pero advirtieron que las estaciones todavía necesitan ascensores y mejor iluminación.',
];

const day = (r: ReturnType<typeof extractText>): string | undefined => r.published?.value.toISOString().slice(0, 10);

describe('the text date chosen among scored candidates (issue 12)', () => {
  it('finds a labelled publication date outside the lines around the headline and the body’s ends', () => {
    const chrome = ['Share', 'Print', 'Email', 'Tweet', 'More on trains', 'Buses to run later', 'New tram line opens', 'Newsletter', 'Sign up'];
    const text = ['Trains to run every fifteen minutes', '', ...BODY, '', ...chrome, '', 'Published: 30 January 2017'].join('\n');
    expect(day(extractText(text, UTC))).toBe('2017-01-30');
  });

  it('does not take a date of a list of dated items (events, teasers) for the article’s', () => {
    const text = ['Trains to run every fifteen minutes', '', 'Tastings will be held across the region again this year, the first dates are set.', '', 'Februar 2020', '', 'Termin: 21.02.2020, 19 Uhr', 'Tasting in Halle', '', 'Termin: 28.02.2020, 18:30 Uhr', 'Dinner in Leipzig', '', 'Termin: 06.03.2020, 19 Uhr', 'Brunch in Jena', '', ...BODY].join('\n');
    expect(extractText(text, UTC).published).toBeUndefined();
  });

  // Issue 14 (r20-extract): "Erschienen am" / "15.12.2022", the label on its own line above the date.
  it('counts a publication label alone on the line above a date as the date’s label, among dated teasers', () => {
    const teasers = ['Buses to run later', 'Von Sam Roe am 16.11.2022', '', 'New tram line opens', 'Von Sam Roe am 10.08.2022', '', 'Stations get lifts', 'Von Sam Roe am 15.06.2022'];
    const lines = (above: string): string => ['Trains to run every fifteen minutes', '', 'The council approves the timetable after two years.', above, '15.12.2022', '', BODY[0], '', ...teasers, '', ...BODY.slice(2)].join('\n');
    expect(day(extractText(lines('Erschienen am'), UTC))).toBe('2022-12-15');
    expect(day(extractText(lines('Published on:'), UTC))).toBe('2022-12-15');
    // A line that only opens with a label word is no label.
    expect(extractText(lines('Published on the council website'), UTC).published).toBeUndefined();
  });

  it('takes no event’s date for the page’s, even a single one right under the headline', () => {
    const text = ['Whisky tasting in Halle', '', 'Termin: 21.02.2020, 19 Uhr', '', ...BODY].join('\n');
    expect(extractText(text, UTC).published).toBeUndefined();
    expect(extractText(['Night trains return', '', 'When: May 3, 2020', '', ...BODY].join('\n'), UTC).published).toBeUndefined();
  });

  it('takes no date from a link to the previous or next post', () => {
    const text = ['Trains to run every fifteen minutes', '', ...BODY, '', 'Categories: News', '', '« Whisky Dinner 14.12.2019'].join('\n');
    expect(extractText(text, UTC).published).toBeUndefined();
    // (A date line of the page is still read.)
    expect(day(extractText(['Trains to run every fifteen minutes', '', '14.12.2019', '', ...BODY].join('\n'), UTC))).toBe('2019-12-14');
  });

  it('prefers the byline’s date to a comment’s below the story', () => {
    const text = ['Trains to run every fifteen minutes', 'Posted on 21 July 2019 by Realiberry', '', ...BODY, '', '3 Responses', 'Baschurr says:', '22 July 2019 at 16:25', 'Nice one.', 'Reply'].join('\n');
    expect(day(extractText(text, UTC))).toBe('2019-07-21');
  });

  it('reads a slashed date by the page’s language', () => {
    const text = ['Los trenes pasarán cada quince minutos', '03/05/2022 22:46', '', ...CUERPO].join('\n');
    expect(day(extractText(text, UTC))).toBe('2022-05-03');
  });

  it('reads a slashed date by the page’s other slashed dates when its language does not say', () => {
    const text = ['Trains to run every fifteen minutes', '03/05/2022', '', ...BODY, '', 'Related: Buses to run later 23/04/2022'].join('\n');
    expect(day(extractText(text, UTC))).toBe('2022-05-03');
  });

  it('reads an ambiguous slashed date the way that agrees with the page’s other dates when nothing else says (issue 12)', () => {
    const page = (other: string): string => ['Trains to run every fifteen minutes', 'The Courier 02/10/2020 Ann Writer', '', ...BODY, '', `Photo: the station on ${other} -- a long caption about the platform and its crowds.`].join('\n');
    // "Sept. 29, 2020" lies within a month of 2 October, not of 10 February.
    expect(day(extractText(page('Sept. 29, 2020'), UTC))).toBe('2020-10-02');
    expect(day(extractText(page('Feb. 8, 2020'), UTC))).toBe('2020-02-10');
    // Without another date the English line is read month-first, as before.
    expect(day(extractText(page('a busy morning'), UTC))).toBe('2020-02-10');
  });

  it('takes no date from a line that states two days without saying which is the publication (issue 12)', () => {
    for (const line of ['Arne Berg | 29. Dezember 202230. Dezember 2022 | HR-Welt', 'Isabell Angele2022-12-07T10:10:52+01:0025. Dezember 2022|']) {
      const text = ['Trains to run every fifteen minutes', line, '', ...BODY].join('\n');
      expect(extractText(text, UTC).published, line).toBeUndefined();
    }
    // A label says which is which: the publication date.
    const labelled = ['Trains to run every fifteen minutes', 'Veröffentlicht am 10. Februar 20199. Februar 2019 von Heiko', '', ...BODY].join('\n');
    expect(day(extractText(labelled, UTC))).toBe('2019-02-10');
  });

  it('takes no date after the reference from the page', () => {
    const text = ['"Timestamp": "2030-08-14"', '', 'Trains to run every fifteen minutes', '', ...BODY].join('\n');
    expect(extractText(text, UTC).published).toBeUndefined();
  });

  it('takes no relative date ("2 hours ago"): it counts from when the page was saved, not from the build', () => {
    for (const line of ['Published 22 hours ago', 'Erstellt: vor 4 Stunden', 'By Sandee LaMotte, CNN - 1 day ago']) {
      const text = ['Trains to run every fifteen minutes', line, '', ...BODY].join('\n');
      const r = extractText(text, UTC);
      expect(r.published, line).toBeUndefined();
      expect(r.updated, line).toBeUndefined();
    }
  });

  it('takes the dateline that opens the story when no date line stands near the headline', () => {
    const text = ['Trains to run every fifteen minutes', '', `Leeds, 14 December 2021 – ${BODY[0]}`, '', ...BODY.slice(2)].join('\n');
    expect(day(extractText(text, UTC))).toBe('2021-12-14');
    const event = ['Trains to run every fifteen minutes', '', `On 14 December 2021 ${BODY[0]}`, '', ...BODY.slice(2)].join('\n');
    expect(extractText(event, UTC).published).toBeUndefined();
  });

  it('reads the date field of a metadata bar, in the order the line’s language writes slashed dates', () => {
    const bar = ['Trains to run every fifteen minutes', '⋅ November 22, 2011 ⋅  Email this post ⋅  Print this page ⋅ Comment', '', ...BODY].join('\n');
    expect(day(extractText(bar, UTC))).toBe('2011-11-22');
    const slashed = ['Los trenes pasarán cada quince minutos', '07/05/2022 20H06 - ACTUALIZADO A 07/05/2022 20H17', '', ...CUERPO].join('\n');
    expect(day(extractText(slashed, UTC))).toBe('2022-05-07');
  });

  it('reads the date field of a metadata bar whose labelled fields list more than six words (r21)', () => {
    const bar = ['Trains to run every fifteen minutes', 'published on 14 March 2020 | Categories: Transport | Tags: rail, night trains, timetable, council, unions, stations | Comment', '', ...BODY].join('\n');
    expect(day(extractText(bar, UTC))).toBe('2020-03-14');
    const sentence = ['Trains to run every fifteen minutes', '', ...BODY, '', 'The vote on 14 March 2020 | the council said that night trains will return to the main line soon'].join('\n');
    expect(extractText(sentence, UTC).published).toBeUndefined();
  });

  it('takes the page’s one date when it stands far from the headline, and no guess when the page shows other days or cannot settle its order', () => {
    const chrome = Array.from({ length: 20 }, (_, k) => `Menu entry number ${k + 1}`);
    const lone = ['Trains to run every fifteen minutes', '', ...BODY, '', ...chrome, '', '14.01.2022 um 09:25', '', 'Impressum'].join('\n');
    expect(day(extractText(lone, UTC))).toBe('2022-01-14');
    const two = ['Trains to run every fifteen minutes', '', ...BODY, '', ...chrome, '', '14.01.2022 um 09:25', '', ...chrome, '', '20.01.2022'].join('\n');
    expect(extractText(two, UTC).published).toBeUndefined();
    // "02/10/2020" on an English page whose other dates do not say which order it is.
    const ambiguous = ['Trains to run every fifteen minutes', '', ...BODY, '', ...chrome, '', '02/10/2020', '', 'Impressum'].join('\n');
    expect(extractText(ambiguous, UTC).published).toBeUndefined();
    // An embedded post quoted in the page is another's date.
    const quoted = ['Trains to run every fifteen minutes', '', ...BODY, '', ...chrome, '', '> — Rail fan (@railfan) November 18, 2019'].join('\n');
    expect(extractText(quoted, UTC).published).toBeUndefined();
  });

  it('reads a dotted date written with spaces ("18. 05. 2014", "13.\u20091.\u20092020"), as it reads "18.05.2014" (r24)', () => {
    const chrome = Array.from({ length: 20 }, (_, k) => `Menu entry number ${k + 1}`);
    const lone = ['Trains to run every fifteen minutes', '', ...BODY, '', ...chrome, '', '18. 05. 2014 22:38', '', 'Impressum'].join('\n');
    expect(day(extractText(lone, UTC))).toBe('2014-05-18');
    const thin = ['Trains to run every fifteen minutes', '', ...BODY, '', ...chrome, '', '* 13.\u20091.\u20092020', '', 'Impressum'].join('\n');
    expect(day(extractText(thin, UTC))).toBe('2020-01-13');
    // A numbered list's "1. 2. 3." is no date.
    const numbered = ['Trains to run every fifteen minutes', '', ...BODY, '', ...chrome, '', 'Steps 1. 2. 3. done', '', 'Impressum'].join('\n');
    expect(extractText(numbered, UTC).published).toBeUndefined();
  });

  it('reads a meta line that names the author and categories after its date, and one with a reading time', () => {
    const meta = ['Trains to run every fifteen minutes', '21/06/2014 Tony Carter All, Books, Kit Reviews, News', '', ...BODY].join('\n');
    expect(day(extractText(meta, UTC))).toBe('2014-06-21');
    const reading = ['Trains to run every fifteen minutes', 'Last updated on 20 Feb, 2020. 3 min read', '', ...BODY].join('\n');
    const r = extractText(reading, UTC);
    expect(r.updated?.value.toISOString().slice(0, 10)).toBe('2020-02-20');
  });

  it('reads the sentence a blog or wiki template puts under the story to say when it was posted, not one inside the story', () => {
    const chrome = ['Share', 'Print', 'Email'];
    const posted = ['Trains to run every fifteen minutes', '', ...BODY, '', ...chrome, '', 'Dieser Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und unter Allgemein, Reisen abgelegt.', '', 'Impressum'].join('\n');
    expect(day(extractText(posted, UTC))).toBe('2019-11-27');
    const entry = ['Trains to run every fifteen minutes', '', ...BODY, '', ...chrome, '', 'This entry was posted on Tuesday, May 19th, 2010 at 11:03 pm and is filed under News. You can follow any responses to this entry through the RSS 2.0 feed. Both comments and pings are currently closed.'].join('\n');
    expect(day(extractText(entry, UTC))).toBe('2010-05-19');
    const wiki = ['Trains to run every fifteen minutes', '', ...BODY, '', ...chrome, '', 'Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.'].join('\n');
    expect(extractText(wiki, UTC).updated?.value.toISOString().slice(0, 10)).toBe('2020-01-29');
    // Inside the story, a sentence saying when something was published is an event's.
    const inside = ['Trains to run every fifteen minutes', '', BODY[0], '', 'The report was published on 5 March 2020 by the regional council after a long consultation.', '', ...BODY.slice(2)].join('\n');
    expect(extractText(inside, UTC).published).toBeUndefined();
  });
});
