import { describe, expect, it } from 'vitest';
import { chooseHeading, isSiteNameHeading, NOT_TITLE_SHAPES, notTitleShape, siteNamesOf, startsLowerCase, titleSimilarity, withoutSiteSegments } from '../../src/extract/title.js';

describe('title candidates', () => {
  it('measures agreement by shared words, ignoring case and punctuation', () => {
    expect(titleSimilarity('Harbour bridge to close', 'Harbour Bridge to Close | Example News')).toBeCloseTo(4 / 6);
    expect(titleSimilarity('Weather', 'Harbour bridge to close')).toBe(0);
  });

  it('prefers the visible heading that agrees with og:title over a search-engine variant', () => {
    const chosen = chooseHeading([{ text: 'Harbour bridge to close for repairs' }], ['Bridge closing: what you need to know about the harbour repairs', 'Harbour bridge to close for repairs | Example News'], ['Example News']);
    expect(chosen?.text).toBe('Harbour bridge to close for repairs');
  });

  it('never takes the site name heading, and takes the headline part of a heading with a kicker', () => {
    const names = siteNamesOf({ siteNames: ['Example News'], host: 'www.example-news.org' });
    expect(isSiteNameHeading('EXAMPLE NEWS', names)).toBe(true);
    expect(isSiteNameHeading('example-news', names)).toBe(true);
    const chosen = chooseHeading(
      [{ text: 'Example News' }, { text: 'Housing Rents rise again in the city', parts: ['Housing', 'Rents rise again in the city'] }],
      ['Rents rise again in the city - Example News'],
      names,
    );
    expect(chosen?.text).toBe('Rents rise again in the city');
  });

  it('accepts the only headline-shaped heading, not a one-word section label, when nothing agrees', () => {
    expect(chooseHeading([{ text: 'Time to say goodbye' }], ['Home'], [], true)?.text).toBe('Time to say goodbye');
    expect(chooseHeading([{ text: 'Literatur' }], ['Buch der Woche'], [], true)).toBeUndefined();
    expect(chooseHeading([{ text: 'Time to say goodbye' }], ['Home'], [], false)).toBeUndefined();
  });

  it('removes site-name segments at either end of a <title>, never in the middle', () => {
    const names = ['Four Years Remaining'];
    expect(withoutSiteSegments('Four Years Remaining » Blog Archive » Interning of Small Integers', names)).toBe('Interning of Small Integers');
    expect(withoutSiteSegments('Rents rise | Four Years Remaining', names)).toBe('Rents rise');
    expect(withoutSiteSegments('Rents - Four Years Remaining - rise', names, () => 'fallback')).toBe('fallback');
  });

  it('drops a separator left dangling by an empty site name ("Headline | ")', () => {
    expect(withoutSiteSegments('About the Author | ', [])).toBe('About the Author');
    expect(withoutSiteSegments(' | About the Author', [])).toBe('About the Author');
    expect(withoutSiteSegments('About the Author - ', [])).toBe('About the Author');
    // A hyphen inside a word or a range is no separator.
    expect(withoutSiteSegments('Mid-term results 2019-2020', [])).toBe('Mid-term results 2019-2020');
  });
});

describe('headline shapes (NOT_TITLE_SHAPES)', () => {
  for (const [name, rule] of Object.entries(NOT_TITLE_SHAPES)) {
    it(`${name}: matches its examples and none of its counter-examples`, () => {
      for (const example of rule.examples) expect(notTitleShape(example), example).toBe(name);
      for (const counter of rule.counterExamples) expect(rule.test(counter), counter).toBe(false);
    });
  }

  it('reads a line made only of interface words as the page’s interface, in any language of the lexicon', () => {
    expect(notTitleShape('Dark Mode Go Top')).toBe('interface');
    expect(notTitleShape('Close this search box.')).toBe('interface');
    expect(notTitleShape('Gefällt mir Wird geladen...')).toBe('interface');
    expect(notTitleShape('Search for missing climbers called off')).toBeUndefined();
  });

  it('reads a "Symbolbild / Name" credit after a caption as a credit', () => {
    expect(notTitleShape('Oranger Wasserstoff für die Stahlherstellung? Symbolbild / Salzgitter Flachstahl AG')).toBe('credit');
    expect(notTitleShape('Foto-Wettbewerb: Die schönsten Bilder des Jahres')).toBeUndefined();
  });

  it('reads a line with a footnote mark as a wiki’s cited statement, not a headline', () => {
    expect(notTitleShape('Conjures water[1]')).toBe('citation');
    expect(notTitleShape('"The spell conjures clean water." —Book of Spells[src]')).toBe('citation');
    expect(notTitleShape('Part [2] of the report')).toBeUndefined();
  });

  it('costs, rather than excludes, a line that starts in lower case', () => {
    expect(startsLowerCase('kreative, originelle und neuartige Formate')).toBe(true);
    expect(startsLowerCase('iPhone 14: Warum sich das Warten lohnt')).toBe(false);
    expect(notTitleShape('micropolitics')).toBeUndefined();
  });
});
