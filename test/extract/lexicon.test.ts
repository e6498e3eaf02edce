import { describe, expect, it } from 'vitest';
import { BYLINE_LEADS, guessLanguage, LEXICONS, monthNumber, UPDATED_WORDS, WEEKDAY_WORDS } from '../../src/extract/lexicon/index.js';

describe('the lexicon', () => {
  it('holds twelve months and seven weekdays for each of its languages', () => {
    expect(LEXICONS.map((l) => l.code)).toEqual(['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl']);
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
  });
});
