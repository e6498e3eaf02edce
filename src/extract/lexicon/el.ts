import { type Lexicon, UNIT } from './types.js';

/** A Greek word without its accents (tonos, dialytika), as capitals write it: "ΜΑΡΤΙΟΥ" is "μαρτιου". */
function bare(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Each form, then its unaccented spelling when that differs. */
function withBare(forms: readonly string[]): string[] {
  return [...new Set(forms.flatMap((f) => [f, bare(f)]))];
}

/**
 * Greek. Months in the nominative and the genitive that dates write ("5 Μαρτίου 2021"), with their
 * abbreviations, each also without accents; the date patterns bound every word by Unicode
 * letters, not `\b` (which is ASCII-only and never ends a Greek word).
 */
export const el: Lexicon = {
  code: 'el',
  months: [
    ['ιανουάριος', 'ιανουαρίου', 'ιαν.'],
    ['φεβρουάριος', 'φεβρουαρίου', 'φεβ.'],
    ['μάρτιος', 'μαρτίου', 'μαρ.'],
    ['απρίλιος', 'απριλίου', 'απρ.'],
    ['μάιος', 'μαΐου', 'μαίου', 'μαΐ.'],
    ['ιούνιος', 'ιουνίου', 'ιουν.'],
    ['ιούλιος', 'ιουλίου', 'ιουλ.'],
    ['αύγουστος', 'αυγούστου', 'αυγ.'],
    ['σεπτέμβριος', 'σεπτεμβρίου', 'σεπτ.', 'σεπ.'],
    ['οκτώβριος', 'οκτωβρίου', 'οκτ.'],
    ['νοέμβριος', 'νοεμβρίου', 'νοε.'],
    ['δεκέμβριος', 'δεκεμβρίου', 'δεκ.'],
  ].map(withBare),
  weekdays: [['δευτέρα'], ['τρίτη'], ['τετάρτη'], ['πέμπτη'], ['παρασκευή'], ['σάββατο'], ['κυριακή']].map(withBare),
  today: withBare(['σήμερα']),
  yesterday: withBare(['χθες', 'χτες']),
  agoBefore: withBare(['πριν από', 'πριν']),
  agoAfter: [],
  units: Object.fromEntries(
    Object.entries({ λεπτό: UNIT.MINUTE, λεπτά: UNIT.MINUTE, ώρα: UNIT.HOUR, ώρες: UNIT.HOUR, ημέρα: UNIT.DAY, ημέρες: UNIT.DAY, μέρα: UNIT.DAY, μέρες: UNIT.DAY, εβδομάδα: UNIT.WEEK, εβδομάδες: UNIT.WEEK }).flatMap(([w, n]) => withBare([w]).map((f) => [f, n])),
  ),
  bylineLeads: ['συντάκτης:', 'συντάκτρια:'],
  published: withBare(['δημοσιεύθηκε', 'δημοσίευση']),
  updated: withBare(['ενημερώθηκε', 'τελευταία ενημέρωση']),
  dateJoiners: withBare(['στις']),
  slashDayFirst: true,
  stopwords: ['και', 'το', 'της', 'την', 'του', 'να', 'με', 'για', 'από', 'στο', 'στην', 'που', 'τα', 'οι', 'είναι'],
};
