/**
 * The per-language words of the extractors, joined: months, weekdays, relative-date words, byline
 * leads and "published"/"updated" labels of English, German, French, Spanish, Portuguese,
 * Italian, Dutch, Polish, Russian and Greek (one module each). The date reader (../dates.ts) and the byline
 * and date-line rules take their word lists from here, so a language is added in one place.
 */
import { da } from './da.js';
import { de } from './de.js';
import { el } from './el.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { fi } from './fi.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { ja } from './ja.js';
import { ru } from './ru.js';
import { sv } from './sv.js';
import type { AuthorWords, ChromeLanguage, ChromePhrases, Lexicon } from './types.js';
import { zh } from './zh.js';

export type { AuthorWords, ChromeLanguage, ChromePhrases, Lexicon } from './types.js';

export const LEXICONS: readonly Lexicon[] = [en, de, fr, es, pt, it, nl, pl, ru, el];

/** Every language with chrome phrases or author words: the lexicons, then the languages that have only those. */
export const CHROME_LANGUAGES: readonly (Lexicon | ChromeLanguage)[] = [...LEXICONS, ja, zh, sv, da, fi];

/** The author words of one field (`AuthorWords`), of every language, each once. */
export function authorWords(key: keyof AuthorWords): string[] {
  return [...new Set(CHROME_LANGUAGES.flatMap((l) => l.author?.[key] ?? []))];
}

/**
 * Every lead before an author's name in every language: the byline leads, the author-box leads and
 * the author labels ("by", "alle beiträge von", "writer:").
 */
export function authorLeads(): string[] {
  return [...new Set([...LEXICONS.flatMap((l) => [...l.bylineLeads, ...(l.authorBoxLeads ?? [])]), ...authorWords('labels')])];
}

type KeysOf<T> = { [K in keyof ChromePhrases]-?: NonNullable<ChromePhrases[K]> extends T ? K : never }[keyof ChromePhrases];
/** The chrome fields that hold patterns, and those that hold words. */
export type ChromePatternKey = KeysOf<readonly RegExp[]>;
export type ChromeWordKey = KeysOf<readonly string[]>;

/** The patterns of one chrome field, of every language (in `CHROME_LANGUAGES` order). */
export function chromePatterns(key: ChromePatternKey): RegExp[] {
  return CHROME_LANGUAGES.flatMap((l) => l.chrome?.[key] ?? []);
}

/** The words of one chrome field, of every language, each once (in `CHROME_LANGUAGES` order). */
export function chromeWords(key: ChromeWordKey): string[] {
  return [...new Set(CHROME_LANGUAGES.flatMap((l) => l.chrome?.[key] ?? []))];
}

/**
 * Regular-expression alternation of literal phrases, longest first: unlike `alternation`, a space
 * stays one space and a dot stays required (chrome phrases are matched on normalised keys).
 */
export function phraseAlternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/** A word as the lists hold it: lower case, a final abbreviation dot dropped. */
export function lexiconKey(word: string): string {
  return word.toLowerCase().replace(/\.$/, '');
}

function collect(pick: (l: Lexicon) => readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const l of LEXICONS) for (const w of pick(l)) out.add(lexiconKey(w));
  return out;
}

const MONTHS = new Map<string, number>();
const WEEKDAYS = new Map<string, number>();
for (const l of LEXICONS) {
  l.months.forEach((forms, i) => {
    for (const f of forms) if (!MONTHS.has(lexiconKey(f))) MONTHS.set(lexiconKey(f), i + 1);
  });
  l.weekdays.forEach((forms, i) => {
    for (const f of forms) if (!WEEKDAYS.has(lexiconKey(f))) WEEKDAYS.set(lexiconKey(f), i + 1);
  });
}

/** The month (1-12) a month name or abbreviation of any language names. */
export function monthNumber(word: string): number | undefined {
  return MONTHS.get(lexiconKey(word));
}

/** Every month name and abbreviation (lower case, no dots). */
export const MONTH_WORDS: ReadonlySet<string> = new Set(MONTHS.keys());
/**
 * A letter of another script than Latin (Cyrillic, Greek, Han, ...). A text without one cannot
 * hold a Russian or Greek month: the date patterns over `LATIN_MONTH_WORDS` read it alike, and
 * faster (a long case-blind alternation costs at every position it is tried).
 */
export const OTHER_SCRIPT = /[^\p{Script=Latin}\P{L}]/u;
/** A character past Latin Extended-B: what a letter of another script must be (a cheap first test). */
const PAST_LATIN = /[^\u0000-\u024f]/;
/** Whether `text` has a letter of another script than Latin (`OTHER_SCRIPT`); most lines are ruled out by one cheap scan. */
export function hasOtherScript(text: string): boolean {
  return PAST_LATIN.test(text) && OTHER_SCRIPT.test(text);
}
/** The month words written in Latin letters (see `OTHER_SCRIPT`). */
export const LATIN_MONTH_WORDS: ReadonlySet<string> = new Set([...MONTH_WORDS].filter((w) => !OTHER_SCRIPT.test(w)));
/** Every weekday name and abbreviation (lower case, no dots). */
export const WEEKDAY_WORDS: ReadonlySet<string> = new Set(WEEKDAYS.keys());
export const TODAY_WORDS: ReadonlySet<string> = collect((l) => l.today);
export const YESTERDAY_WORDS: ReadonlySet<string> = collect((l) => l.yesterday);
/** Labels of an update date in every language ("updated", "aktualisiert", "mis à jour"). */
export const UPDATED_WORDS: ReadonlySet<string> = collect((l) => l.updated);
/** Labels of the publication date in every language. */
export const PUBLISHED_WORDS: ReadonlySet<string> = collect((l) => l.published);
/** Labels of an event's or a member's date ("Termin:", "When:", "Registriert:"): a date after one is not the page's. */
export const EVENT_LABELS: ReadonlySet<string> = collect((l) => l.eventLabels ?? []);
/** Words that introduce authors in every language ("by", "von", "par", "door", "przez"). */
export const BYLINE_LEADS: ReadonlySet<string> = collect((l) => l.bylineLeads);
/** Leads that are also frequent words ("de", "di"), in every language: only before a capitalised name. */
export const WEAK_BYLINE_LEADS: ReadonlySet<string> = collect((l) => l.weakBylineLeads ?? []);
/** Leads of an author box or profile link in every language ("view all posts by", "über den autor"). */
export const AUTHOR_BOX_LEADS: ReadonlySet<string> = collect((l) => l.authorBoxLeads ?? []);
/** Small words inside or around written dates in every language. */
export const DATE_JOINERS: ReadonlySet<string> = collect((l) => l.dateJoiners);
/** Units of relative dates in every language, with their length in minutes. */
export const RELATIVE_UNITS: ReadonlyMap<string, number> = new Map(LEXICONS.flatMap((l) => Object.entries(l.units)));
export const AGO_BEFORE: ReadonlySet<string> = collect((l) => l.agoBefore);
export const AGO_AFTER: ReadonlySet<string> = collect((l) => l.agoAfter);

/** Regular-expression alternation of words, longest first, dots optional at the end, spaces flexible. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/**
 * Each language's telling words: its stopwords and its month, weekday and label words; as one map
 * from a word to the languages (indexes in `LEXICONS`) it tells, so that a text's words are looked
 * up once each however many languages there are.
 */
const LANGUAGE_WORDS = new Map<string, number[]>();
LEXICONS.forEach((l, i) => {
  const words = new Set(l.stopwords);
  for (const forms of [...l.months, ...l.weekdays, l.bylineLeads, l.published, l.updated]) for (const f of forms) if (!f.includes(' ')) words.add(lexiconKey(f));
  for (const w of words) {
    const list = LANGUAGE_WORDS.get(w);
    if (list) list.push(i);
    else LANGUAGE_WORDS.set(w, [i]);
  }
});

/**
 * The language of a text by its frequent short words (and month and weekday names): the lexicon
 * whose words it uses most (the first in `LEXICONS` of those that tie), or undefined when it uses none.
 */
export function guessLanguage(text: string): Lexicon | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu);
  if (!words) return undefined;
  const scores = new Array<number>(LEXICONS.length).fill(0);
  for (const w of words) {
    const list = LANGUAGE_WORDS.get(w);
    if (list) for (const i of list) scores[i] = (scores[i] as number) + 1;
  }
  let best: Lexicon | undefined;
  let bestScore = 0;
  scores.forEach((score, i) => {
    if (score > bestScore) {
      best = LEXICONS[i];
      bestScore = score;
    }
  });
  return best;
}

export { da, de, el, en, es, fr, it, ja, nl, pl, pt, ru, sv, zh };
