import { describe, expect, it } from 'vitest';
import { extractText, matchPhraseRule } from '../../../src/extract/text/index.js';
import { makeUnit } from '../../../src/extract/text/units.js';

const rule = (line: string): string | undefined => matchPhraseRule(makeUnit(line, 1, false, 0))?.name;
const OPTIONS = { timezone: 'UTC', referenceDate: new Date('2026-12-01T00:00:00Z') };

describe('lexicon words that end in a letter outside ASCII (r22: Unicode word ends, not `\\b`)', () => {
  it.each([
    ['Czytaj też: Nowy most w mieście', 'read-more-promo'],
    ['Leggi di più: il nuovo ponte sul fiume', 'read-more-promo'],
    ['Lue lisää: uusi silta avataan keväällä', 'read-more-promo'],
    ['Фото: Иван Петров', 'photo-credit'],
    ['Фото из открытых источников', 'photo-credit'],
    ['Читайте также: Новый мост откроют весной', 'read-more-promo'],
  ])('labels %j', (line, name) => {
    expect(rule(line)).toBe(name);
  });

  it('still needs the word to end: no letter may follow it', () => {
    expect(rule('Czytaj teżowe: Nowy most')).toBeUndefined();
    expect(rule('Фотограф года: Иван Петров')).toBeUndefined();
  });

  it('finishes on long lines', () => {
    for (const line of ['czytaj też'.repeat(10_000), `фото ${'из '.repeat(30_000)}`, 'photo'.repeat(40_000)]) expect(typeof (rule(line) ?? '')).toBe('string');
  });
});

describe('a picture credit that ends with the date is no dated headline (r22)', () => {
  // Navigation, a section kicker, the date line, the headline, its dek, then the picture's credit
  // repeating the date: the credit is a header line (like a byline), so the headline over the dek
  // stands in the header and the navigation line two lines above the date does not win.
  const page = (credit: string): string =>
    [
      'Home News Sport Business Culture Travel Opinion Weather Video Podcasts Newsletters Puzzles Archive Events Jobs',
      'Germany',
      '15 August 2016, 13:43',
      'Veteran striker ends his international career',
      'The forward has decided to stop playing for the national team after thirteen years and more than a hundred caps, he told his followers.',
      credit,
      'The 31-year-old is third in the list of most capped players of the national team, behind two of his former team mates who retired earlier.',
      '"Dear fans, before the start of the new season I want to tell you something: I have told the coach that I will end my international career," he wrote.',
      'He was part of the squad at the tournament this summer but only came on once as a substitute. Another veteran announced his retirement a week ago.',
    ].join('\n\n');

  it.each(['Photo: Jane Doe / Example Agency 15 August 2016, 13:43', 'Фото из Инстаграма футболиста Ивана Петрова 15 августа 2016, 13:43'])('with the credit %j', (credit) => {
    const x = extractText(page(credit), OPTIONS);
    expect(x.title?.value).toBe('Veteran striker ends his international career');
    expect(x.published?.value.toISOString()).toBe('2016-08-15T13:43:00.000Z');
  });
});
