import { type Lexicon, UNIT } from './types.js';

export const pl: Lexicon = {
  code: 'pl',
  // Nominative and genitive ("12 marca 2021").
  months: [
    ['styczeń', 'stycznia', 'sty.'],
    ['luty', 'lutego', 'lut.'],
    ['marzec', 'marca', 'mar.'],
    ['kwiecień', 'kwietnia', 'kwi.'],
    ['maj', 'maja'],
    ['czerwiec', 'czerwca', 'cze.'],
    ['lipiec', 'lipca', 'lip.'],
    ['sierpień', 'sierpnia', 'sie.'],
    ['wrzesień', 'września', 'wrz.'],
    ['październik', 'października', 'paź.'],
    ['listopad', 'listopada', 'lis.'],
    ['grudzień', 'grudnia', 'gru.'],
  ],
  weekdays: [['poniedziałek'], ['wtorek'], ['środa'], ['czwartek'], ['piątek'], ['sobota'], ['niedziela']],
  today: ['dzisiaj', 'dziś'],
  yesterday: ['wczoraj'],
  agoBefore: [],
  agoAfter: ['temu'],
  units: { minuta: UNIT.MINUTE, minuty: UNIT.MINUTE, minut: UNIT.MINUTE, min: UNIT.MINUTE, godzina: UNIT.HOUR, godziny: UNIT.HOUR, godzin: UNIT.HOUR, dzień: UNIT.DAY, dni: UNIT.DAY, tydzień: UNIT.WEEK, tygodnie: UNIT.WEEK },
  bylineLeads: ['przez', 'autor:', 'autorka:'],
  authorBoxLeads: ['wszystkie wpisy autora', 'o autorze'],
  author: {
    labels: ['opublikowane przez'],
    organisation: ['redakcja', 'sp. z o.o.', 'polska', 'media'],
  },
  published: ['opublikowano', 'dodano', 'data'],
  updated: ['zaktualizowano', 'aktualizacja', 'zmieniono'],
  dateJoiners: ['o', 'godz.', 'r.'],
  slashDayFirst: true,
  stopwords: ['i', 'nie', 'się', 'na', 'jest', 'że', 'do', 'jak', 'od', 'czy', 'to', 'w', 'z'],
  chrome: {
    commentSays: ['pisze'],
    callToAction: ['newsletter', 'subskryp', 'prenumer', 'wesprzyj'],
    creditAbbreviations: ['fot.'],
    rightsReserved: ['wszelkie prawa zastrzeżone', 'materiał chroniony prawem autorskim'],
    commentHeading: [/^(?:dodaj|napisz|zostaw) komentarz/, /^(?:\d+ )?komentarz(?:e|y)?$/, /^(?:komentarze ?)?liczba komentarzy\b/, /^musisz (?:się zalogować|być zalogowany),? aby (?:móc )?dodać komentarz/],
    // WordPress's own comment form, as its pl translation writes it.
    commentForm: [/^(?:twój )?adres e-?mail nie zostanie opublikowany/, /^wymagane pola są oznaczone/, /^zapamiętaj moje dane w tej przeglądarce/, /^(?:anuluj pisanie odpowiedzi|opublikuj komentarz)$/],
    readMoreLeads: ['czytaj też', 'czytaj także', 'zobacz też', 'zobacz także', 'czytaj więcej'],
  },
};
