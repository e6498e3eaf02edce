import { describe, expect, it } from 'vitest';
import { matchPhraseRule } from '../../../src/extract/text/index.js';
import { makeUnit } from '../../../src/extract/text/units.js';

const rule = (line: string): string | undefined => matchPhraseRule(makeUnit(line, 1, false, 0))?.name;

describe("WordPress's comment form in each lexicon language (r22: only English was known)", () => {
  it.each([
    'Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert',
    'Ihre E-Mail-Adresse wird nicht veröffentlicht.',
    'Du musst angemeldet sein, um einen Kommentar abzugeben.',
    'Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern, bis ich wieder kommentiere.',
    'Benachrichtige mich über nachfolgende Kommentare via E-Mail.',
    'Antworten abbrechen',
    'Votre adresse e-mail ne sera pas publiée.',
    'Vous devez être connecté pour publier un commentaire.',
    'Tu dirección de correo electrónico no será publicada.',
    'Debes iniciar sesión para publicar un comentario.',
    'Il tuo indirizzo email non sarà pubblicato.',
    'O seu endereço de email não será publicado.',
    'Je e-mailadres wordt niet gepubliceerd.',
    'Twój adres e-mail nie zostanie opublikowany.',
    'Musisz się zalogować, aby móc dodać komentarz.',
  ])('labels %j', (line) => {
    expect(rule(line)).toBe('comment-form');
  });

  it('leaves story sentences that share their words', () => {
    for (const line of [
      'Die E-Mail-Adresse des Ministers wurde nicht veröffentlicht, sagte ein Sprecher.',
      'Erforderliche Unterlagen sind bis Freitag einzureichen.',
      'Vous devez être prudent sur la route.',
      'Il tuo voto conta.',
    ])
      expect(rule(line), line).toBeUndefined();
  });
});
