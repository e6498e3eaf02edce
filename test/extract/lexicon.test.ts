import { describe, expect, it } from 'vitest';
import { authorLeads, authorWords, BYLINE_LEADS, CHROME_LANGUAGES, chromeWords, guessLanguage, WEAK_BYLINE_LEADS, LEXICONS, monthNumber, phraseAlternation, UPDATED_WORDS, WEEKDAY_WORDS } from '../../src/extract/lexicon/index.js';
import type { AuthorWords, ChromePhrases } from '../../src/extract/lexicon/types.js';
import { cleanAuthorName, isOrganisationName } from '../../src/extract/textual/byline.js';
import { matchPhraseRule } from '../../src/extract/text/index.js';
import { makeUnit } from '../../src/extract/text/units.js';
import { BOILERPLATE_PHRASES } from '../../src/extract/html/rules.js';

describe('the lexicon', () => {
  it('holds twelve months and seven weekdays for each of its languages', () => {
    expect(LEXICONS.map((l) => l.code)).toEqual(['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'ru', 'el']);
    for (const l of LEXICONS) {
      expect(l.months, l.code).toHaveLength(12);
      expect(l.weekdays, l.code).toHaveLength(7);
      for (const forms of [...l.months, ...l.weekdays]) for (const f of forms) expect(f, l.code).toBe(f.toLowerCase());
    }
  });

  it('numbers month names of every language, abbreviated or inflected', () => {
    expect([monthNumber('März'), monthNumber('Dez.'), monthNumber('marca'), monthNumber('octobre'), monthNumber('maggio'), monthNumber('mrt')]).toEqual([3, 12, 3, 10, 5, 3]);
    expect(monthNumber('Montag')).toBeUndefined();
  });

  it('has the byline, weekday and update words of each language', () => {
    for (const w of ['by', 'von', 'par', 'por', 'di', 'door', 'przez']) expect(BYLINE_LEADS.has(w), w).toBe(true);
    for (const w of ['montag', 'lundi', 'miércoles', 'woensdag', 'środa']) expect(WEEKDAY_WORDS.has(w), w).toBe(true);
    for (const w of ['updated', 'aktualisiert', 'mis à jour', 'actualizado', 'atualizado', 'aggiornato', 'bijgewerkt', 'zaktualizowano']) expect(UPDATED_WORDS.has(w), w).toBe(true);
  });

  it('tells the language of a line', () => {
    expect(guessLanguage('Por Adriano Fernandes | 03/05/2022')?.code).toBe('es');
    expect(guessLanguage('Veröffentlicht am 4. März von der Redaktion')?.code).toBe('de');
    expect(guessLanguage('12345')).toBeUndefined();
    // A tie goes to the first language of LEXICONS (one lookup per word since r22, as before).
    expect(guessLanguage('the und')?.code).toBe('en');
    expect(guessLanguage('und the')?.code).toBe('en');
    expect(guessLanguage('und und the')?.code).toBe('de');
  });
});

describe('the author words of the lexicon (one byline grammar for text and HTML, issue 12)', () => {
  it('are lower case and listed once per language, and no author label repeats a byline or author-box lead', () => {
    for (const l of CHROME_LANGUAGES) {
      for (const [field, words] of Object.entries(l.author ?? {}) as [keyof AuthorWords, readonly string[]][]) {
        for (const w of words) expect(w, `${l.code}.author.${field}`).toBe(w.toLowerCase());
        expect(new Set(words).size, `${l.code}.author.${field}`).toBe(words.length);
      }
      if ('bylineLeads' in l) for (const w of l.author?.labels ?? []) expect([...l.bylineLeads, ...(l.authorBoxLeads ?? [])], `${l.code}: ${w}`).not.toContain(w);
    }
  });

  it('are what the byline grammar reads, in each language', () => {
    for (const w of ['gmbh', 'redazione', 'redação', 'redakcja', 'redactie', 'rédaction']) expect(authorWords('organisation'), w).toContain(w);
    expect(isOrganisationName('Agenzia Ansa Roma')).toBe(true);
    expect(authorLeads()).toEqual(expect.arrayContaining(['by', 'alle beiträge von', 'tutti gli articoli di', 'av', 'af']));
    expect([cleanAuthorName('Af Jens Hansen'), cleanAuthorName('Pubblicato da Anna Rossi'), cleanAuthorName('Anna Rossi Segui'), cleanAuthorName('Anónimo')]).toEqual(['Jens Hansen', 'Anna Rossi', 'Anna Rossi', undefined]);
    expect(cleanAuthorName('Piet zegt:')).toBeUndefined();
    // "de" and "di" lead a byline only before a capitalised name.
    expect(WEAK_BYLINE_LEADS).toEqual(new Set(['de', 'di']));
  });
});

describe('the chrome phrases of the lexicon (one catalogue for text and HTML)', () => {
  it('are lower case and listed once per language', () => {
    for (const l of CHROME_LANGUAGES) {
      for (const [field, list] of Object.entries(l.chrome ?? {}) as [keyof ChromePhrases, readonly (string | RegExp)[]][]) {
        const words = list.filter((w): w is string => typeof w === 'string');
        for (const w of words) expect(w, `${l.code}.${field}`).toBe(w.toLowerCase());
        expect(new Set(words).size, `${l.code}.${field}`).toBe(words.length);
      }
    }
  });

  it('give every caption marker a cue word, so the cheap pre-test never hides a marker', () => {
    const cues = [...chromeWords('captionCues'), '(', '/'];
    for (const marker of chromeWords('captionMarkers')) expect(cues.some((c) => marker.includes(c)), marker).toBe(true);
  });

  it('are what the text rules and the HTML post-filter match, in each language', () => {
    const text: [string, string][] = [
      ['Anzeige', 'ad-marker'],
      ['Partager sur Facebook', 'share-bar'],
      ['Política de privacidad | Aviso legal', 'legal-footer'],
      ['Leia também: O que muda', 'read-more-promo'],
      ['Startseite › Politik', 'breadcrumb'],
      ['12 Aufrufe', 'view-counter'],
      ['Foto von Hans Müller', 'photo-credit'],
      ['En esta foto, el puerto de Vigo', 'image-caption'],
      ['Добавить комментарий', 'comment-form'],
      ['関連記事', 'related-list'],
    ];
    for (const [line, rule] of text) expect(matchPhraseRule(makeUnit(line, 1, false, 0))?.name, line).toBe(rule);
    for (const block of ['Pubblicità', 'Lesezeit: 3 Minuten', '4 minute read', 'Leestijd 3 minuten']) expect(BOILERPLATE_PHRASES.some((re) => re.test(block)), block).toBe(true);
  });

  it('are escaped as literal phrases', () => {
    const re = new RegExp(`^(?:${phraseAlternation(["l'article", 'a.b', 'c (d)', 'a'])})$`);
    expect(['a.b', 'c (d)', "l'article", 'a'].every((w) => re.test(w))).toBe(true);
    expect(re.test('axb')).toBe(false);
  });
});
