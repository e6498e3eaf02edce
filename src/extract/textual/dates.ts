/**
 * Dates written in the text of an article: `March 11, 2021`, `14 May 2023, 09:12 BST`, `2021-07-19`,
 * `6 de diciembre de 2019`, `12. März 2021`, `Updated: ...`.
 *
 * chrono-node does the reading (one parser per supported language); this module decides which
 * reading to trust and places a date written without an offset in the caller's IANA zone, so the
 * same text always gives the same instant whatever the machine's zone. The clock is never read:
 * relative dates ("2 hours ago", "yesterday") are only resolved against a caller's `referenceDate`.
 */
import { TZDate } from '@date-fns/tz';
import * as chrono from 'chrono-node';
import { checkReference } from '../../meta/clock-probe.js';

/** Languages tried in order; the reading that covers the most text wins, ties go to the first. */
const STRICT_PARSERS: readonly chrono.Chrono[] = [chrono.en.strict, chrono.es.strict, chrono.fr.strict, chrono.de.strict, chrono.pt.strict];

/**
 * Words that only the other languages' dates contain (month names, "de", "um", "à"). English is
 * always tried; another language only when its words appear, which keeps chrono's cost down.
 */
const LANGUAGE_HINTS: readonly (RegExp | undefined)[] = [
  undefined,
  /enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|diciembre|\bde\b|ayer|hoy|hace/i,
  /janv|févr|mars|avril|mai|juin|juil|août|sept|octobre|novembre|décembre|\bà\b|hier|aujourd|il y a|\d+ ?h ?\d\d/i,
  /januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|\d\. |uhr|gestern|heute|vor /i,
  /janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|\bde\b|ontem|hoje|há /i,
];
/** With a reference date, casual parsers may also read "yesterday", "hace 2 días", "il y a 3 heures". */
const CASUAL_PARSERS: readonly chrono.Chrono[] = [chrono.en.casual, chrono.es.casual, chrono.fr.casual, chrono.de.casual, chrono.pt.casual];

/**
 * A numeric date with dots ("05.03.2025", "5.3.25") is day-first wherever it is written (German,
 * French, Nordic, Slavic usage); English month-first dates use slashes. Such text is read with
 * chrono's day-first English configuration in place of the month-first one.
 */
export const DOTTED_DATE = /(?:^|\D)\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?!\d)/;
const STRICT_DAY_FIRST: readonly chrono.Chrono[] = [new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true)), ...STRICT_PARSERS.slice(1)];
const CASUAL_DAY_FIRST: readonly chrono.Chrono[] = [chrono.en.GB, ...CASUAL_PARSERS.slice(1)];

/** chrono needs some instant to imply missing fields from; results that depend on it are rejected. */
const NO_REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** Longer inputs are body text, not dates; bounding the input also bounds chrono's work. */
const MAX_DATE_TEXT = 200;

export interface DateMatch {
  value: Date;
  /** Where the date text starts in the input and the text chrono read. */
  index: number;
  text: string;
}

/**
 * Find the best date reading in `text`, with its position. With a reference date, the answer may
 * depend on it; an open clock probe is told (src/meta/clock-probe.ts).
 */
export function findTextDate(text: string, timezone: string, referenceDate?: Date): DateMatch | undefined {
  const match = readTextDate(text, timezone, referenceDate);
  if (referenceDate === undefined) return match;
  return checkReference(match, (other) => readTextDate(text, timezone, other), sameMatch);
}

function sameMatch(a: DateMatch | undefined, b: DateMatch | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.index === b.index && a.text === b.text && a.value.getTime() === b.value.getTime();
}

function readTextDate(text: string, timezone: string, referenceDate?: Date): DateMatch | undefined {
  if (text.length === 0 || text.length > MAX_DATE_TEXT) return undefined;
  // Every written date and every relative one ("2 hours ago") has a digit, except "yesterday".
  const dayFirst = DOTTED_DATE.test(text);
  const parsers = referenceDate ? (dayFirst ? CASUAL_DAY_FIRST : CASUAL_PARSERS) : dayFirst ? STRICT_DAY_FIRST : STRICT_PARSERS;
  const instant = referenceDate ?? NO_REFERENCE;
  let best: chrono.ParsedResult | undefined;
  // Languages are tried in order and the first one that reads a full date wins: a date is written
  // in one language, and trying the others would only cost time.
  for (const [index, parser] of parsers.entries()) {
    if (best) break;
    const hint = LANGUAGE_HINTS[index];
    if (hint && !hint.test(text)) continue;
    let results: chrono.ParsedResult[];
    try {
      results = parser.parse(text, { instant, timezone: 0 }, { forwardDate: false });
    } catch (error) {
      // chrono has thrown on odd inputs in the past; an unreadable date is simply no date.
      if (error instanceof RangeError || error instanceof TypeError) continue;
      throw error;
    }
    for (const result of results) {
      if (!acceptable(result, referenceDate !== undefined)) continue;
      if (!best || result.text.length > best.text.length) best = result;
    }
  }
  if (!best) return undefined;
  const value = toInstant(best.start, timezone);
  if (value === undefined) return undefined;
  return { value, index: best.index, text: best.text };
}

/**
 * Parse a date written in text. A date without an offset is read in `timezone` (IANA name);
 * a date without a time is taken as midnight there. Returns undefined when no full date is found.
 */
export function parseTextDate(text: string, timezone: string, referenceDate?: Date): Date | undefined {
  return findTextDate(text, timezone, referenceDate)?.value;
}

/** An absolute date writes its year: 2021, or the short year of 11/19/19. */
const WRITTEN_YEAR = /\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}/;

function acceptable(result: chrono.ParsedResult, hasReference: boolean): boolean {
  const start = result.start;
  // A bare time ("9:02") or a bare month ("May") is not a publication date.
  if (!start.isCertain('day') && !hasReference) return false;
  if (hasReference) {
    // Relative expressions ("3 days ago") leave day uncertain in some locales; they have a weekday
    // or an explicit offset from the reference. Require at least a certain day or a relative unit.
    const relative = /\d|yesterday|today|ayer|hoy|hier|aujourd|gestern|heute|ontem|hoje/i.test(result.text);
    if (!relative) return false;
  } else if (!start.isCertain('year') || !start.isCertain('month') || !WRITTEN_YEAR.test(result.text)) {
    // Without a reference date only an absolute date counts: chrono calls the year of "2 days ago"
    // certain, but it was computed from the placeholder instant.
    return false;
  }
  // Years like 0019 or 9999 are misreadings of scores, prices and codes.
  const year = start.get('year');
  return year !== null && year >= 1900 && year <= 2200;
}

function toInstant(start: chrono.ParsedComponents, timezone: string): Date | undefined {
  if (start.isCertain('timezoneOffset')) return start.date();
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return undefined;
  const hour = start.isCertain('hour') ? (start.get('hour') ?? 0) : 0;
  const minute = start.isCertain('minute') ? (start.get('minute') ?? 0) : 0;
  const second = start.isCertain('second') ? (start.get('second') ?? 0) : 0;
  let zoned: TZDate;
  try {
    zoned = new TZDate(year, month - 1, day, hour, minute, second, timezone);
  } catch (error) {
    if (error instanceof RangeError) return undefined; // unknown zone name
    throw error;
  }
  const time = zoned.getTime();
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** Labels that introduce an update date rather than the publication date, in five languages. */
export const UPDATED_LABEL =
  /^(?:last\s+)?(?:updated|modified|edited|revised|actualizado|actualizada|actualización|mis à jour|mise à jour|modifié|aktualisiert|zuletzt aktualisiert|geändert|atualizado|atualizada|atualização)\b/i;

/** Labels that introduce the publication date. */
export const PUBLISHED_LABEL = /^(?:published|posted|first published|date|publicado|publicada|publié|publiée|publication|veröffentlicht|erschienen|stand|datum|fecha|data|le)\b/i;

export type DateKind = 'published' | 'updated';

export interface DateLine {
  kind: DateKind;
  value: Date;
  /** The text of the line left once the date and its label are taken out. */
  rest: string;
}

/** Small words that may surround a date on a date line without making it a sentence. */
const DATE_FILLER = new Set([
  'on',
  'at',
  'am',
  'pm',
  'a',
  'm',
  'p',
  'de',
  'del',
  'à',
  'a',
  'um',
  'uhr',
  'às',
  'as',
  'le',
  'am',
  'the',
  'of',
  'h',
  'hs',
  'hrs',
  'et',
  'en',
  'em',
  'no',
  'el',
  'the',
  'utc',
  'gmt',
  'est',
  'edt',
  'pst',
  'pdt',
  'cet',
  'cest',
  'bst',
  'ist',
  'z',
  'heure',
  'horas',
  'hora',
  'hours',
  'ago',
  'hace',
  'il',
  'y',
  'vor',
  'há',
  'and',
  'y',
  'und',
  'ou',
  'o',
  'or',
  'last',
  'first',
  'time',
  'et',
  'mis',
  'à',
  'jour',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
  'lunes',
  'martes',
  'miércoles',
  'jueves',
  'viernes',
  'sábado',
  'domingo',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'montag',
  'dienstag',
  'mittwoch',
  'donnerstag',
  'freitag',
  'samstag',
  'sonntag',
  'segunda',
  'terça',
  'quarta',
  'quinta',
  'sexta',
  'feira',
  'updated',
  'published',
  'posted',
]);

/**
 * Read a line as a date line: a line that is mostly a date, possibly with a label
 * ("Updated:", "Publicado el") and a few filler words. A body sentence that mentions a date is not
 * a date line. `maxRestWords` says how many other words may remain (a byline may hold the rest).
 */
export function readDateLine(line: string, timezone: string, referenceDate?: Date, maxRestWords = 0): DateLine | undefined {
  const text = line.trim();
  if (text.length === 0 || text.length > MAX_DATE_TEXT) return undefined;
  if (!hasDigitOrRelativeWord(text, referenceDate !== undefined)) return undefined;
  const match = findTextDate(text, timezone, referenceDate);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match.text.length);
  const kind: DateKind = UPDATED_LABEL.test(stripLead(before)) ? 'updated' : 'published';
  const restWords = words(`${before} ${after}`).filter((w) => !DATE_FILLER.has(w) && !isLabelWord(w) && !MONTH_WORDS.has(w));
  if (restWords.length > maxRestWords) return undefined;
  return { kind, value: match.value, rest: `${before} ${after}`.replace(/\s+/g, ' ').trim() };
}

function hasDigitOrRelativeWord(text: string, relative: boolean): boolean {
  if (/\d/.test(text)) return true;
  return relative && /yesterday|today|ayer|hoy|hier|aujourd|gestern|heute|ontem|hoje/i.test(text);
}

function stripLead(text: string): string {
  return text.replace(/^[^\p{L}]+/u, '');
}

/** Month names and abbreviations: a second date on the line ("Updated: Nov. 19") is not prose. */
const MONTH_WORDS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
  'januar',
  'februar',
  'märz',
  'juni',
  'juli',
  'oktober',
  'dezember',
  'janeiro',
  'fevereiro',
  'março',
  'maio',
  'junho',
  'julho',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
  'st',
  'nd',
  'rd',
  'th',
]);

const LABEL_WORDS = new Set([
  'updated',
  'update',
  'modified',
  'edited',
  'revised',
  'published',
  'posted',
  'date',
  'publicado',
  'publicada',
  'actualizado',
  'actualizada',
  'publié',
  'publiée',
  'modifié',
  'mise',
  'veröffentlicht',
  'aktualisiert',
  'zuletzt',
  'stand',
  'atualizado',
  'atualizada',
  'fecha',
  'datum',
  'data',
  'erschienen',
  'first',
  'last',
  'created',
  'on',
]);

function isLabelWord(word: string): boolean {
  return LABEL_WORDS.has(word);
}

/** Lower-case words (letters only) of a text. */
function words(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}
