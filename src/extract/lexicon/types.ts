/**
 * The words of one language that the extractors read dates and bylines by. One module per
 * language (en.ts, de.ts, ...); index.ts joins them. Every word is lower case; a form that ends in
 * "." is an abbreviation also written without the dot.
 */
export interface Lexicon {
  /** ISO 639-1 code. */
  code: string;
  /** January to December: each month's forms (full names, genitive and other inflections, abbreviations). */
  months: readonly (readonly string[])[];
  /** Monday to Sunday: each day's forms. */
  weekdays: readonly (readonly string[])[];
  /** "today", "yesterday". */
  today: readonly string[];
  yesterday: readonly string[];
  /**
   * Relative times: the words before or after a count ("ago", "vor", "hace", "il y a") and the
   * units, each with its length in minutes.
   */
  agoBefore: readonly string[];
  agoAfter: readonly string[];
  units: Readonly<Record<string, number>>;
  /** Words that introduce the author(s): "by", "von", "par". */
  bylineLeads: readonly string[];
  /** Labels of the publication date: "published", "veröffentlicht". */
  published: readonly string[];
  /** Labels of an update date: "updated", "aktualisiert". */
  updated: readonly string[];
  /** Small words inside or around a written date: "de", "um", "à", "at", "Uhr". */
  dateJoiners: readonly string[];
  /** Whether numeric dates with slashes are day-first (03/05 = 3 May). */
  slashDayFirst: boolean;
  /** Frequent short words, to tell the language of a line or page. */
  stopwords: readonly string[];
}

const MINUTE = 1;
const HOUR = 60;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Lengths of the units of relative dates, in minutes (months and years are not: they vary). */
export const UNIT = { MINUTE, HOUR, DAY, WEEK } as const;
