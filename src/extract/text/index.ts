/**
 * The plain-text boilerplate remover: from a page as a scraper saved it (menus, ads, share bars,
 * newsletter boxes, comments, footers) to the article's title, body paragraphs and the metadata
 * written in its text (byline, dates, tags), with every dropped block and the rule that dropped it.
 *
 * The steps of `extractText`, in order (each relies on the one before):
 *   1. Normalise the input and build units (lines; list items and wrapped paragraphs joined).
 *   2. Label each unit with the first phrase rule that matches (rules.ts), the user's patterns,
 *      and the site template; a sign-up box takes the lines right after its heading with it.
 *   3. Find the body: the densest run of prose (maximum-sum run where prose lines add their words
 *      and everything else subtracts), each line's score moved by the fitted body model
 *      (model.ts, features.ts; assets/text-body-model.json), then widen it over neighbouring
 *      sentence-like lines and lines the model is sure of.
 *      Comment and related-list headings weigh heavily, so readers' prose after them stays out.
 *   4. Find the title: the best-scoring headline-like line before the body (or at its top): it
 *      stands right above the byline or date, is repeated on the page, sits over its dek, and is
 *      not a label, a credit, a pull quote or an attribution (`TITLE`, `NOT_HEADLINE`).
 *   5. Read bylines, date lines and tag lines around the start and end of the body; they become
 *      metadata and leave the body.
 *   6. Inside the body drop what a rule labelled, repeats of the title, repeated blocks (also the
 *      article flattened into one block) and hover cards glued into sentences; outside the body
 *      drop everything (keep patterns win over all of this).
 */

import { BYLINE_START, bareNameSegment, cleanAuthorName, isBareAuthorLine, isCounterSegment, isLeadAlone, isOrganisationName, isUserHandle, leadClosingLine, looksLikePersonName, splitByline } from '../textual/byline.js';
import { readDateLine, readPartialDateLine, resolvePartialDate, statedOffset } from '../dates.js';
import { chooseTextDates, noteDate } from './dates.js';
import { parseTagsLine, splitTags, TAGS_HEADING } from '../textual/tags.js';
import type { LineScore, Person } from '../../model.js';
import {
  AUTHOR_BIO,
  BODY,
  BYLINE_HINT,
  CALL_TO_ACTION,
  COMPANY_BOILERPLATE,
  DATE_HINT,
  HOVER_CARD,
  MAX_RULE_KEY_LENGTH,
  PHOTO_CREDIT_START,
  PHRASE_RULES,
  PROMO_LEAD_ALONE,
  type PhraseRule,
  type RuleName,
} from './rules.js';
import { guessLanguage, pageFeatures, type UnitFacts, unitWords } from './features.js';
import { defaultModel, explainScore, probabilities, regionScore, type TextModel } from './model.js';
import { templateKey } from './template.js';
import { buildUnits, normaliseInput, type Unit } from './units.js';
import { findTitle, firstAnchoredCopy, isMetaAnchor, POSTED, type TitleChoice, withoutConfirmedKicker, withoutGluedKicker } from './headline.js';
export type { TitleChoice, TitleTrace } from './headline.js';
import { alternation, AUTHOR_BOX_LEADS, chromeWords, phraseAlternation } from '../lexicon/index.js';
import { anyPattern, type TextPattern } from '../patterns.js';

export type { PhraseRule, RuleName } from './rules.js';
export { NOT_HEADLINE, PHRASE_RULES } from './rules.js';
export { findTemplateLines, templateKey } from './template.js';

export interface TextExtractOptions extends TitleChoice {
  /** IANA zone for dates without offset, e.g. 'UTC'. */
  timezone: string;
  /** For relative dates; the clock is never read. */
  referenceDate?: Date;
  /** User-supplied: a matching line is dropped (rule 'user-drop'). Config patterns run on RE2 (../patterns.ts). */
  dropPatterns?: TextPattern[];
  /** User-supplied: a matching line is always kept (wins over everything). */
  keepPatterns?: TextPattern[];
  /** Normalised lines that recur across many articles of the folder (site template). */
  template?: ReadonlySet<string>;
  /** The body model; the checked-in one (assets/text-body-model.json) by default. For the fitting script. */
  model?: TextModel;
  /** Give each dropped block the model's score of its lines and the features that decided it (`explain --verbose`). */
  scores?: boolean;
}

export interface TextExtraction {
  /** 1-based line in the input. */
  title?: { value: string; line: number };
  /** The kept body, in order; wrapped lines of one paragraph joined with a space. */
  paragraphs: { text: string; line: number }[];
  /** Every dropped block with the named rule that dropped it (and, with `scores`, the model's view of each line). */
  dropped: { text: string; rule: string; line: number; scores?: LineScore[] }[];
  authors?: { value: Person[]; line: number };
  published?: { value: Date; line: number };
  updated?: { value: Date; line: number };
  tags?: { value: string[]; line: number };
}

/** What step 2 decided about a unit. */
export interface Label {
  rule?: RuleName;
  keep?: boolean;
  weight: number;
}

/** How far around the body start metadata lines are looked for (in units). */
const META_WINDOW_BEFORE = 25;
const META_WINDOW_INSIDE = 10;
const TAGS_WINDOW_AFTER = 40;
const META_WINDOW_END = 4;
/** How many lines right above the headline may hold its date or byline. */
const META_WINDOW_ABOVE_TITLE = 2;
/** Lines after the headline where a date line may carry more than a name (see readMetaLine). */
const META_NEAR_TITLE = 3;

/**
 * The author's bare name on a line of its own between the headline and the story (or right above
 * the headline): "Kathrin Hofmeister". Only a person's name of two words or more; two capitalised
 * words are as often a label ("Mein Konto", "Open Future"), so the name must occur again on the
 * page (an author box, "More from <name>", a bio). Run once the story's start is settled, so that
 * the line does not move it.
 */
function readBareAuthor(units: readonly Unit[], labels: readonly Label[], meta: (RuleName | undefined)[], result: TextExtraction, titleIndex: number | undefined, start: number): void {
  if (titleIndex === undefined || result.authors) return;
  // Headline, standfirst, name: when the story starts at the line right under the headline (its
  // standfirst), the line after that one is still the header.
  const dek = nextWritten(units, titleIndex);
  const last = Math.min(dek !== undefined && start === dek ? (nextWritten(units, dek) ?? start - 1) : start - 1, titleIndex + BARE_NAME_REACH);
  for (let i = Math.max(0, titleIndex - 1); i <= last; i += 1) {
    const unit = units[i] as Unit;
    if (i === titleIndex || unit.words === 0 || unit.list || labels[i]?.rule || labels[i]?.keep || meta[i]) continue;
    const name = unit.text.trim();
    // Right under the headline the name needs no second mention: a label there is rarer than a byline.
    if (!isBareAuthorLine(name) || (i !== titleIndex + 1 && !nameRecurs(units, i, name)) || listedElsewhere(units, i, name)) continue;
    // Above the headline the line is as often the headline's kicker ("Gesundheitliche Probleme"),
    // which a teaser list repeats as a line of its own: a name there must recur inside a longer line
    // (a bio, "More from …", a notice), not only alone.
    if (i < titleIndex && !nameRecurs(units, i, name, true)) continue;
    // Nor the last entry of a menu: a line that closes a block of other lines with no blank line between.
    if (i < titleIndex && i > 0 && (units[i - 1] as Unit).block === unit.block && (units[i - 1] as Unit).words > 0) continue;
    result.authors = { value: [{ name }], line: unit.line };
    meta[i] = 'byline';
    return;
  }
}

/**
 * "View all posts by Jane Doe", "Über den Autor: Jane Doe", "Alle Posts vom AutorTine →": the
 * lexicons' author-box leads, at the start of a line or after the bio's last sentence.
 */
const AUTHOR_BOX = new RegExp(`(?:^|(?<=[.!?…]\\s))(?:${alternation(AUTHOR_BOX_LEADS)})(?:\\s*[:\\-–—]\\s*|\\s+|(?=\\p{Lu})|$)`, 'iu');

/**
 * No byline near the headline: the author named by an author box or a profile link anywhere on
 * the page ("View all posts by Jane Doe", "About the Author - Jane Doe", "Über den Autor" over the
 * name). Every such name is a candidate, scored by how often the page names it (a box, a byline, a
 * bio); a name the page gives only once must come from an "about the author" box, which names no
 * one else. Links to other writers ("More from Sam Roe" in a teaser list) name several people: the
 * page's most named one wins, and a tie goes to the earliest.
 */
function readAuthorBox(units: readonly Unit[], result: TextExtraction): void {
  let best: { name: string; line: number; score: number } | undefined;
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i] as Unit;
    if (unit.words === 0 || unit.text.length > 600) continue;
    const lead = AUTHOR_BOX.exec(unit.text);
    if (!lead) continue;
    let raw = unit.text.slice(lead.index + lead[0].length).split(/\s*(?:[(|→»]|\s[-–—]\s)/)[0] ?? '';
    // "About the author" on a line of its own: the name is the next line.
    if (raw.trim() === '') raw = units[i + 1]?.text ?? '';
    const name = cleanAuthorName(raw);
    if (name === undefined || !looksLikePersonName(name) || isOrganisationName(name)) continue;
    let named = 0;
    for (const other of units) if (other.text.includes(name)) named += 1;
    const aboutBox = /\b(?:about|über|sobre|propos|over|sull|o autorze)\b/iu.test(lead[0]);
    if (named < 2 && !aboutBox) continue;
    if (best === undefined || named > best.score) best = { name, line: unit.line, score: named };
  }
  if (best) result.authors = { value: [{ name: best.name }], line: best.line };
}

/** The first unit with words after unit `i`, within the bare name's reach. */
function nextWritten(units: readonly Unit[], i: number): number | undefined {
  for (let j = i + 1; j < units.length && j <= i + BARE_NAME_REACH; j += 1) if ((units[j] as Unit).words > 0) return j;
  return undefined;
}

/** The name occurs again elsewhere on the page (an author box, "More from <name>", a bio); `inLonger`: inside a longer line. */
function nameRecurs(units: readonly Unit[], at: number, name: string, inLonger = false): boolean {
  for (let j = 0; j < units.length; j += 1) {
    const text = (units[j] as Unit).text;
    if (j !== at && text.includes(name) && (!inLonger || text.length > name.length)) return true;
  }
  return false;
}

/**
 * The name is an item of a list elsewhere on the page, alone ("* Circular Economy", "* Will Smith"):
 * a menu's section or a tag list's subject, which the page also prints as the headline's kicker
 * or a caption; a byline's name is not a menu entry. Bounded: the page's units once, a string
 * comparison each.
 */
function listedElsewhere(units: readonly Unit[], at: number, name: string): boolean {
  for (let j = 0; j < units.length; j += 1) {
    const unit = units[j] as Unit;
    if (j !== at && unit.list && unit.text.length === name.length && unit.text === name) return true;
  }
  return false;
}

/** How many units below the headline the author's bare name may stand. */
const BARE_NAME_REACH = 6;
/** Metadata lines are short. */
const META_MAX_WORDS = 25;

/** Steps 1 and 2: the units of a page and what the rules said about each. */
function unitsAndLabels(input: string, options: TextExtractOptions): { units: Unit[]; labels: Label[] } {
  const units = buildUnits(normaliseInput(typeof input === 'string' ? input : ''));
  const labels = units.map((unit) => labelUnit(unit, options));
  propagateBoxes(units, labels);
  labelDuplicates(units, labels);
  return { units, labels };
}

/**
 * The units of a page with their model features, for scripts/fit-text-model.ts (the labels it
 * fits against come from the development sets, not from here).
 */
export function textUnitFeatures(input: string, options: TextExtractOptions): { units: Unit[]; features: Float64Array[]; language: string } {
  const { units, labels } = unitsAndLabels(input, options);
  const { features, language } = unitModelInput(units, labels);
  return { units, features, language };
}

export function extractText(input: string, options: TextExtractOptions): TextExtraction {
  // 1.-2. Units and labels.
  const { units, labels } = unitsAndLabels(input, options);
  const result: TextExtraction = { paragraphs: [], dropped: [] };
  if (units.length === 0) return result;

  // 3. Body.
  const model = options.model ?? defaultModel();
  const { features, words, language } = unitModelInput(units, labels);
  const p = probabilities(model, features);
  const [bodyStart, bodyEnd] = findBody(units, labels, model, p, words);
  let start = bodyStart;
  let end = bodyEnd;

  // 4. Title.
  let titleIndex = firstAnchoredCopy(units, labels, findTitle(units, labels, start, false, options), start);
  const meta: (RuleName | undefined)[] = new Array<RuleName | undefined>(units.length);
  if (titleIndex !== undefined) {
    const unit = units[titleIndex] as Unit;
    result.title = { value: writtenText(unit), line: unit.line };
  }

  // 5. Metadata. Bylines and date lines sit between the headline and the story: when the body
  // found in step 3 starts with a standfirst and a byline block, the story starts after them.
  readMetadata(units, labels, meta, result, options, titleIndex, start, end);
  // A brief of short sentences has no run of prose for step 3 to find: its sentences after the
  // headline and the metadata are the body.
  if (end < start) [start, end] = shortBody(units, labels, meta, titleIndex);
  start = skipLeadingMetadata(units, meta, start, end);
  // The story starts later than step 3 found (after a header of byline and date lines): the
  // headline stands above that header, where step 4 did not look.
  if (start > bodyStart && titleIndex === undefined) {
    const again = findTitle(units, labels, start, false, options);
    if (again !== undefined && again > bodyStart && !meta[again]) {
      titleIndex = again;
      const unit = units[again] as Unit;
      result.title = { value: writtenText(unit), line: unit.line };
    }
  }
  // Still none: the body may have started at a teaser or a ticker; a headline-shaped line right
  // over prose near its start is the headline (a page's headline is seldom missing).
  if (titleIndex === undefined) {
    const loose = findTitle(units, labels, start, true, options);
    if (loose !== undefined && !meta[loose]) {
      titleIndex = loose;
      const unit = units[loose] as Unit;
      result.title = { value: writtenText(unit), line: unit.line };
    }
  }
  start = openingAboveBox(units, labels, meta, p, titleIndex, start);
  readBareAuthor(units, labels, meta, result, titleIndex, start);
  if (!result.authors) readAuthorBox(units, result);
  markAuthorBio(units, labels, meta, start, end, result.authors?.value.map((p) => p.name) ?? []);
  markCompanyBoilerplate(units, labels, meta, start, end);
  markClosingAppeal(units, labels, meta, p, model.tailFrom, start, end);

  // The standfirst and the first short paragraphs between the headline and the body start
  // (a byline, a date, a caption or a share bar between them) open the story.
  const lead = leadLines(units, labels, meta, p, titleIndex, start);

  // 6. Decide every unit.
  const tail = weakTail(units, model, p, start, end);
  const titleKey = result.title ? templateKey(result.title.value) : undefined;
  const seen = new Set<string>();
  const rehash = new TripleIndex();
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i] as Unit;
    const label = labels[i] as Label;
    let rule: RuleName | undefined;
    if (label.keep) rule = undefined;
    else if (i === titleIndex) continue;
    else if (meta[i]) rule = meta[i];
    // Copies of the headline (the page title at the top, an "Up next" slot) say why they left.
    else if (titleKey !== undefined && (!label.rule || label.rule === 'duplicate-block') && unit.words > 0 && keyOf(unit) === titleKey) rule = 'title-repeat';
    else if (label.rule) rule = label.rule;
    else if ((i < start && !lead.has(i)) || i > end) rule = 'outside-body';
    else if (unit.words === 0) rule = 'symbol-line';
    // A line inside the body that the model is sure is not body, and that is neither a sentence
    // (of a brief, a quote) nor a list item nor a subheading (a short line over body prose) nor
    // a lead line (step 5 chose those above the body).
    // In the body's weak tail (after its last line of prose the model is sure of), a short line
    // the model doubts is a sign-off box, a promo or a teaser heading, sentence or not.
    // There a sentence of a short paragraph the model doubts strongly is a sign-off too: "If you
    // enjoyed this post, consider supporting us", "Subscribe to get new posts by email".
    else if (i > tail && (p[i] ?? 1) < BODY.tailSentenceBelow && unit.words >= BODY.tailSentenceWords.min && unit.words < BODY.tailSentenceWords.max && !isDataRow(unit, label) && !inIntroducedList(units, labels, i)) rule = 'low-score';
    else if (i > tail && !isProse(unit) && (p[i] ?? 1) < model.tailBelow && !unit.list && !isDataRow(unit, label) && !headsProse(units, labels, p, i, end, model.tailHeadingBelow) && !introducesList(unit, label) && !inIntroducedList(units, labels, i) && !QUOTE_OPEN.test(unit.text)) rule = 'low-score';
    else if (!unit.sentence && !unit.list && !lead.has(i) && (p[i] ?? 1) < model.dropBelow && !isDataRow(unit, label) && !headsProse(units, labels, p, i, end, model.headingBelow) && !introducesList(unit, label) && !inIntroducedList(units, labels, i)) rule = 'low-score';
    else {
      const key = keyOf(unit);
      if (titleKey !== undefined && key === titleKey) rule = 'title-repeat';
      else if (unit.words >= BODY.duplicateMinWords && seen.has(key)) rule = 'duplicate-block';
      else if (unit.words >= BODY.rehashMinWords && rehash.seenShare(words[i] as string[]) >= BODY.rehashShare) rule = 'duplicate-block';
      else seen.add(key);
    }
    if (rule === undefined) {
      const { text, cards } = stripHoverCards(unit.text);
      // As written (soft hyphens and all), unless hover cards were cut out of the line.
      result.paragraphs.push({ text: cards.length === 0 ? writtenText(unit) : text, line: unit.line });
      rehash.add(cards.length === 0 ? (words[i] as string[]) : lowerWords(text));
      for (const card of cards) result.dropped.push({ text: card, rule: 'hover-card', line: unit.line });
    } else addDropped(result.dropped, unit, rule, options.scores ? explainScore(model, features[i] as Float64Array, unit.line) : undefined);
  }
  // Once the body is decided (its copies of the headline were matched against the line as written).
  if (result.title) result.title = { value: withoutConfirmedKicker(withoutGluedKicker(result.title.value, language), units, result.title.line), line: result.title.line };
  return result;
}

/** A line that opens with a quotation mark: a one-line quote of the story ("“No.”"), kept in its weak tail. */
const QUOTE_OPEN = /^["“”„«»‚‘’']/;

/**
 * Where the body's weak tail starts: after its last prose line whose body probability is at least
 * `model.tailFrom`. What follows (sign-offs, "support us" lines, newsletter prompts, teaser
 * headings) is judged line by line in step 6. The whole body when no line is that sure.
 */
function weakTail(units: readonly Unit[], model: TextModel, p: Float64Array, start: number, end: number): number {
  if (model.tailBelow <= 0) return end;
  for (let i = end; i >= start; i -= 1) if (isProse(units[i] as Unit) && (p[i] ?? 0) >= model.tailFrom) return i;
  return end;
}

/** How many short lines after a sentence ending in a colon are read as the list it introduces. */
const INTRODUCED_LIST_REACH = 12;

/** Line `i` is one of the short lines right after a sentence that ends with a colon (a list whose bullets are gone). */
function inIntroducedList(units: readonly Unit[], labels: readonly Label[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - INTRODUCED_LIST_REACH); k -= 1) {
    if (introducesList(units[k], labels[k])) return true;
    const unit = units[k] as Unit;
    if (unit.sentence || isProse(unit) || labels[k]?.rule) return false;
  }
  return false;
}

/**
 * A subheading's next line is prose with at least this body probability; for a line the model
 * doubts (below `model.dropBelow`) `model.headingBelow`, in the weak tail `model.tailHeadingBelow`.
 */
const HEADS_PROSE_MIN_P = 0.5;

/**
 * The next line (within the body) is prose the model keeps (probability at least `minP`), or a
 * table row: line `i` is its subheading.
 */
function headsProse(units: readonly Unit[], labels: readonly Label[], p: Float64Array, i: number, end: number, minP = HEADS_PROSE_MIN_P): boolean {
  const next = units[i + 1];
  if (i + 1 > end || next === undefined) return false;
  return (isProse(next) && (p[i + 1] ?? 0) >= minP) || isDataRow(next, labels[i + 1] as Label);
}

/**
 * The word triples of the kept paragraphs, to recognise the article repeated as one flattened
 * block. Linear in the words of the body. Words are numbered as first seen, and a triple is kept
 * as a number (its first two words' pair number, then the third word's), not as a joined string.
 */
export class TripleIndex {
  private readonly ids = new Map<string, number>();
  private readonly pairs = new Map<number, number>();
  private readonly triples = new Set<number>();

  /** Add the triples of a paragraph's lower-cased words (`lowerWords`). */
  add(words: readonly string[]): void {
    if (words.length < 3) return;
    let a = this.id(words[0] as string);
    let b = this.id(words[1] as string);
    for (let i = 2; i < words.length; i += 1) {
      const c = this.id(words[i] as string);
      const pair = a * WORD_ID_LIMIT + b;
      let p = this.pairs.get(pair);
      if (p === undefined) {
        p = this.pairs.size;
        this.pairs.set(pair, p);
      }
      this.triples.add(p * WORD_ID_LIMIT + c);
      a = b;
      b = c;
    }
  }

  /** Share of the triples of these lower-cased words already added. */
  seenShare(words: readonly string[]): number {
    if (this.triples.size === 0 || words.length < 3) return 0;
    let seen = 0;
    for (let i = 2; i < words.length; i += 1) {
      const a = this.ids.get(words[i - 2] as string);
      const b = this.ids.get(words[i - 1] as string);
      const c = this.ids.get(words[i] as string);
      if (a === undefined || b === undefined || c === undefined) continue;
      const p = this.pairs.get(a * WORD_ID_LIMIT + b);
      if (p !== undefined && this.triples.has(p * WORD_ID_LIMIT + c)) seen += 1;
    }
    return seen / (words.length - 2);
  }

  private id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
    }
    return id;
  }
}

/**
 * Word and pair numbers stay below this (2^26): a text page is at most 8 MiB, fewer than 2^23
 * words, so `pair * WORD_ID_LIMIT + word` is an exact integer (below 2^52).
 */
const WORD_ID_LIMIT = 2 ** 26;

/** The lower-cased words of a text (runs of letters and digits), as `unitWords` gives them for units. */
export function lowerWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Take hover cards (see `HOVER_CARD`) out of a kept paragraph; the names stay. */
export function stripHoverCards(text: string): { text: string; cards: string[] } {
  const cards: string[] = [];
  if (text.length > HOVER_CARD.maxText || !text.includes(HOVER_CARD.end)) return { text, cards };
  let out = '';
  let from = 0;
  const pattern = new RegExp(HOVER_CARD.doubledName.source, HOVER_CARD.doubledName.flags);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const name = match[1] ?? '';
    const cardStart = match.index + name.length;
    const end = text.indexOf(HOVER_CARD.end, cardStart);
    if (end < 0 || end - cardStart > HOVER_CARD.reach) continue;
    const cardEnd = end + HOVER_CARD.end.length;
    // "MORE" must be a whole word: "MOREOVER" is not the card's link.
    if (/\p{L}/u.test(text[cardEnd] ?? '')) continue;
    cards.push(text.slice(cardStart, cardEnd).trim());
    out += text.slice(from, cardStart);
    from = cardEnd;
    pattern.lastIndex = cardEnd;
  }
  if (cards.length === 0) return { text, cards };
  return { text: `${out}${text.slice(from)}`.replace(/ {2,}/g, ' '), cards };
}

/** A unit's template key, computed once. */
export function keyOf(unit: Unit): string {
  if (unit.templateKey === undefined) unit.templateKey = templateKey(unit.text);
  return unit.templateKey;
}

/** Consecutive drops by the same rule form one block. */
function addDropped(dropped: TextExtraction['dropped'], unit: Unit, rule: RuleName, score?: LineScore): void {
  const last = dropped[dropped.length - 1];
  if (last && last.rule === rule && last.line < unit.line) {
    last.text = `${last.text}\n${writtenText(unit)}`;
    if (score && last.scores) last.scores.push(score);
    else if (score) last.scores = [score];
    return;
  }
  dropped.push({ text: writtenText(unit), rule, line: unit.line, ...(score ? { scores: [score] } : {}) });
}

/** What the extraction prints of a unit: its text as the page wrote it (soft hyphens kept). */
function writtenText(unit: Unit): string {
  return unit.written ?? unit.text;
}

function labelUnit(unit: Unit, options: TextExtractOptions): Label {
  if (options.keepPatterns?.some((pattern) => testPattern(pattern, unit.text))) {
    return { keep: true, weight: 0 };
  }
  if (options.dropPatterns?.some((pattern) => testPattern(pattern, unit.text))) {
    return { rule: 'user-drop', weight: 5 };
  }
  if (unit.words === 0) return { rule: 'symbol-line', weight: 1 };
  const rule = matchPhraseRule(unit);
  // (Still dropped as a copyright line, but no hard end of the article: see `isPictureCopyright`.)
  if (rule && isPictureCopyright(unit, rule)) return { rule: rule.name, weight: PICTURE_COPYRIGHT_WEIGHT };
  if (rule) return { rule: rule.name, weight: rule.weight };
  if (options.template && options.template.size > 0 && options.template.has(keyOf(unit))) {
    return { rule: 'site-template', weight: 4 };
  }
  return { weight: 0 };
}

/** A picture's copyright line has at most this many words ("© Jon Prosser & Renders by Rian"). */
const PICTURE_COPYRIGHT_MAX_WORDS = 6;
/** ... and weighs as a photo credit does in the body finder. */
const PICTURE_COPYRIGHT_WEIGHT = 2;

/**
 * "© Getty Images" under a picture inside the story is the picture's credit, not the page's
 * copyright footer (a hard end of the article): a short © line with no year that is a legal
 * footer only by its © sign.
 */
function isPictureCopyright(unit: Unit, rule: PhraseRule): boolean {
  if (rule.name !== 'legal-footer' || unit.words > PICTURE_COPYRIGHT_MAX_WORDS || !/^(?:©|\(c\))/i.test(unit.key) || /\b(?:1[89]|20)\d\d\b/.test(unit.key)) return false;
  const rest = unit.key.replace(/^(?:©|\(c\))\s*/i, '');
  return rest !== '' && matchPhraseRule({ key: rest, words: unit.words })?.name !== 'legal-footer';
}

/**
 * User patterns are only tried on lines up to this length. A pattern such as `.*Newsletter.*` is
 * quadratic on a 100k-character line (100 s); boilerplate lines are short, and a long paragraph is
 * prose that no drop/keep rule is meant for.
 */
export const MAX_USER_PATTERN_TEXT = 2_000;

/** A RegExp user pattern with the `g` or `y` flag keeps state between calls; reset it each time. */
function testPattern(pattern: TextPattern, text: string): boolean {
  if (text.length > MAX_USER_PATTERN_TEXT) return false;
  if (pattern instanceof RegExp) pattern.lastIndex = 0;
  return pattern.test(text);
}

/**
 * Whether any pattern of any phrase rule matches a line's key: one scan, and most lines match none,
 * so that only the rules' structural tests run on them. It is a filter: `matchPhraseRule` still
 * tests each rule's own patterns, within its `maxWords`. One joined test for all the rules, built
 * on first use: V8 compiles a joined pattern of ~170 alternatives in ~50 ms, and one per word
 * limit (six, each holding most of the patterns) cost ~0.6 s at the first text article of every
 * process and parse worker.
 */
let rulePatternTest: ((key: string) => boolean) | undefined;
function anyRulePattern(key: string): boolean {
  rulePatternTest ??= anyPattern(PHRASE_RULES.flatMap((rule) => rule.patterns));
  return rulePatternTest(key);
}

/** The first phrase rule (in `PHRASE_RULES` order) that holds for a unit's match key and word count. */
export function matchPhraseRule(unit: Pick<Unit, 'key' | 'words'>): PhraseRule | undefined {
  if (unit.key.length > MAX_RULE_KEY_LENGTH) return undefined;
  const patterns = anyRulePattern(unit.key);
  for (const rule of PHRASE_RULES) {
    if (unit.words > rule.maxWords) continue;
    if (patterns && rule.patterns.some((pattern) => pattern.test(unit.key))) return rule;
    if (rule.test?.(unit.key)) return rule;
  }
  return undefined;
}

/**
 * Later copies of a block seen earlier in the page are labelled before the body is searched, so
 * that a page holding its article (or its teaser) twice does not double the body.
 */
function labelDuplicates(units: readonly Unit[], labels: Label[]): void {
  const seen = new Set<string>();
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i] as Unit;
    const label = labels[i] as Label;
    if (unit.words < BODY.duplicateMinWords || label.keep) continue;
    const key = keyOf(unit);
    if (seen.has(key)) {
      // A repeated short line (a recipe's "1 cup" row) costs little; a repeated paragraph costs its length.
      const weight = unit.words >= 12 ? Math.min(unit.words, 30) : 2;
      if (!label.rule) labels[i] = { rule: 'duplicate-block', weight };
    } else {
      seen.add(key);
    }
  }
}

/** A caption-rule line this short is a credit alone, not a caption with its credit. */
const BARE_CREDIT_MAX_WORDS = 8;

/** A sign-up box's heading takes the next few short lines of its block with it. */
function propagateBoxes(units: readonly Unit[], labels: Label[]): void {
  // A photo credit labels the lines right above it in its block as the caption it credits. A
  // short line that the caption rule caught is a bare credit too ("Jane Doe | Bloomberg | Getty Images").
  for (let i = 1; i < units.length; i += 1) {
    const rule = labels[i]?.rule;
    const bareCredit = rule === 'image-caption' && (units[i] as Unit).words <= BARE_CREDIT_MAX_WORDS;
    if (rule !== 'photo-credit' && !bareCredit) continue;
    for (let j = i - 1; j >= Math.max(0, i - 2); j -= 1) {
      const above = units[j] as Unit;
      const label = labels[j] as Label;
      if (above.block !== units[i]?.block || label.keep || label.rule || above.words > 120) break;
      // A byline or date line sits between the headline and the picture; the caption is below it.
      if (isAnchor(above) || POSTED.test(above.text)) break;
      labels[j] = { rule: 'image-caption', weight: 2 };
    }
  }
  const boxRules = new Set(PHRASE_RULES.filter((rule) => rule.box).map((rule) => rule.name));
  for (let i = 0; i < units.length; i += 1) {
    const rule = labels[i]?.rule;
    if (rule === undefined || !boxRules.has(rule)) continue;
    const block = units[i]?.block;
    for (let j = i + 1; j < Math.min(units.length, i + 3); j += 1) {
      const next = units[j] as Unit;
      const label = labels[j] as Label;
      if (next.block !== block || label.keep || label.rule || next.words > 40) break;
      labels[j] = { rule, weight: label.weight };
    }
  }
  // "Read also:" ("Lesen Sie auch", "Lee también...") alone on its line promotes the headline on
  // the next line: a short line that does not end like a sentence is the promo's link, whatever
  // blank lines the scraper put between.
  for (let i = 0; i + 1 < units.length; i += 1) {
    const unit = units[i] as Unit;
    const lead = labels[i] as Label;
    if (lead.keep || (lead.rule && lead.rule !== 'read-more-promo') || !PROMO_LEAD_ALONE.test(unit.key)) continue;
    // A one-word lead ('Mira', 'Lea') alone may be a name: it needs its colon or its dots.
    if (!unit.key.includes(' ') && !PROMO_LEAD.end.test(unit.text)) continue;
    labels[i] = { rule: 'read-more-promo', weight: PROMO_LEAD.weight };
    const next = units[i + 1] as Unit;
    const label = labels[i + 1] as Label;
    if (label.keep || label.rule || next.sentence || next.words > PROMO_LEAD.linkMaxWords) continue;
    labels[i + 1] = { rule: 'read-more-promo', weight: PROMO_LEAD.weight };
  }
}

/** A promo lead alone on its line ("Leggi anche:", "Lesen Sie auch:") and the headline it takes with it. */
const PROMO_LEAD = { end: /(?:[:›»>…]|\.\.\.)$/, linkMaxWords: 25, weight: 4 } as const;

/** Score of a unit for the body finder: prose adds its words, everything else costs. */
function bodyScore(unit: Unit, label: Label, proseSoFar: number): number {
  if (label.keep) return Math.min(unit.words, BODY.proseWordCap);
  if (label.rule) {
    const early = label.weight > BODY.endMarkerEarlyWeight && proseSoFar < BODY.endMarkerMinProse;
    return -(early ? BODY.endMarkerEarlyWeight : label.weight) - 1;
  }
  if (isLinkRow(unit)) return unit.list ? -BODY.listItemCost : -BODY.shortLineCost;
  if (isProse(unit)) return Math.min(unit.words, BODY.proseWordCap);
  if (unit.sentence && unit.words >= 3) return -1;
  // Rows of data and list items with some content (dates and venues, steps) cost less than the
  // one- to three-word items that menus are made of.
  if (unit.words >= BODY.richLineWords) return -BODY.richLineCost;
  return unit.list ? -BODY.listItemCost : -BODY.shortLineCost;
}

/** Separators between the links of a row: "Hospital Solutions | Senior Care | Police Stations" ('|', '•', '·'). */
const LINK_SEPARATORS: ReadonlySet<number> = new Set([0x7c, 0x2022, 0xb7]);
/** A link row has at least this many separators, and one for every `LINK_ROW.wordsPerSeparator` words. */
export const LINK_ROW = { minSeparators: 3, wordsPerSeparator: 8 } as const;

/**
 * A row of links flattened into one line (footer columns, "Ascom | Hospital Solutions Ascom |
 * Senior Care Solution ..."): many free-standing separators and no sentence end. It is long, so
 * by word count alone it would pass for prose.
 */
export function isLinkRow(unit: Pick<Unit, 'text' | 'words' | 'sentence'>): boolean {
  if (unit.sentence || unit.words < BODY.proseMinWords) return false;
  let separators = 0;
  const text = unit.text;
  for (let i = 1; i < text.length - 1; i += 1) {
    if (LINK_SEPARATORS.has(text.charCodeAt(i)) && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) separators += 1;
  }
  return separators >= LINK_ROW.minSeparators && separators * LINK_ROW.wordsPerSeparator >= unit.words;
}

/** A short line that looks like a byline or a date: where an article starts. */
function isAnchor(unit: Unit): boolean {
  if (unit.words === 0 || unit.words > 15) return false;
  // The digit first: one cheap scan that spares most lines the month-name alternation.
  return BYLINE_HINT.test(unit.text) || (/\d/.test(unit.text) && DATE_HINT.test(unit.text));
}

export function isProse(unit: Pick<Unit, 'words' | 'sentence'>): boolean {
  return (unit.words >= BODY.proseMinWords && unit.sentence) || unit.words >= 25;
}

/** A rule weight this high marks a hard end of the article (comments, related lists, footers). */
const BARRIER_WEIGHT = 1000;

interface Run {
  start: number;
  end: number;
  sum: number;
  quality: number;
  /** Units of the run that add to its sum (prose). */
  prose: number;
}

/**
 * Step 3: the body. The page is cut at hard end markers (seen after some prose: comment and
 * related headings, a comment form's fields) into regions; in
 * each region the maximum-sum run of units is found (prose adds, the rest subtracts), and beside it
 * any other article-sized run of the region (`articlesBeside`). The run whose
 * sum, times the square of its share of prose units, is highest wins: a teaser list alternates
 * headlines with blurbs and so has half the prose share of an article. The winner is widened over
 * sentence-like neighbours and over neighbours the body model is sure of (`modelWidens`).
 */
function findBody(units: readonly Unit[], labels: Label[], model: TextModel, p: Float64Array, words: readonly string[][]): [number, number] {
  const scores: number[] = new Array<number>(units.length);
  const barrier: boolean[] = new Array<boolean>(units.length);
  const forms = new Set<number>();
  let proseSoFar = 0;
  let sinceAnchor = Number.POSITIVE_INFINITY;
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i] as Unit;
    const label = labels[i] as Label;
    let score = bodyScore(unit, label, proseSoFar);
    barrier[i] = score <= -BARRIER_WEIGHT;
    // A comment form after some prose ends the article as a comment heading does; what follows
    // it (the comments, the blog's sidebar) is discounted below.
    if (!barrier[i] && proseSoFar > 0 && startsCommentForm(units, i)) {
      barrier[i] = true;
      forms.add(i);
      score = -BARRIER_WEIGHT;
    }
    if (score > 0) {
      proseSoFar += unit.words;
      if (sinceAnchor <= BODY.anchorReach) score += BODY.anchorBonus;
      sinceAnchor = Number.POSITIVE_INFINITY;
    } else if (!label.rule && isAnchor(unit)) {
      sinceAnchor = 0;
    }
    sinceAnchor += 1;
    // The rules' score, moved by the model's (see model.ts): `modelWeight` 0 is the rules alone.
    // A line the rules do not count as prose may cost less, but never adds: a headline or a
    // label must not start or widen the body on its own.
    if (!label.keep && !barrier[i]) {
      const moved = score + model.modelWeight * regionScore(model, p[i] ?? 0, unit.words);
      score = score > 0 ? moved : Math.min(moved, 0);
    }
    scores[i] = score;
  }
  let best: Run | undefined;
  let regionStart = 0;
  // Comments and related lists follow the article: once a region with a full article's worth of
  // prose (and more than one paragraph: a cookie notice is one) has ended at a hard end marker,
  // the regions after it are discounted.
  let discount = 1;
  for (let i = 0; i <= units.length; i += 1) {
    if (i < units.length && !barrier[i]) continue;
    const run = bestRun(units, scores, regionStart, i - 1);
    if (run) {
      const above = aboveThread(units, labels, scores, run);
      for (const candidate of [run, ...(above ? [above] : []), ...articlesBeside(units, scores, regionStart, i - 1, run)]) {
        candidate.quality *= discount;
        // The thread penalty only lowers a run's quality: one that cannot win is not read for it.
        if (candidate !== run && best && candidate.quality <= best.quality) continue;
        candidate.quality /= threadPenalty(units, labels, scores, candidate);
        if (!best || candidate.quality > best.quality) best = candidate;
      }
      if (run.sum >= BODY.articleMinScore && run.prose >= BODY.articleMinProseLines) discount *= BODY.afterArticleDiscount;
      else if (forms.has(i)) discount *= BODY.afterFormDiscount;
    }
    regionStart = i + 1;
  }
  if (!best) return [0, -1];
  let { start, end } = bridgeInlineRelated(units, labels, scores, barrier, best);
  const widensAt = (i: number): boolean => widens(units[i] as Unit, labels[i] as Label) || modelWidens(units[i] as Unit, labels[i] as Label, p[i] ?? 0);
  // (Upward only over sentence-like lines: above the story stand its headline and a counts line.)
  while (start > 0 && widens(units[start - 1] as Unit, labels[start - 1] as Label)) start -= 1;
  for (;;) {
    while (end < units.length - 1 && widensAt(end + 1)) end += 1;
    // One promo line set into the story ("READ MORE: ...", a sign-up line, an ad label) with the
    // story's sentences after it: the story goes on (the promo itself is still dropped).
    const after = end + 2;
    if (after < units.length && IN_STORY_BOXES.has(labels[end + 1]?.rule ?? '') && widens(units[after] as Unit, labels[after] as Label)) end = after;
    else break;
  }
  end = extendOverTable(units, labels, end, 1);
  start = extendOverTable(units, labels, start, -1);
  start = extendOverIntroducedList(units, labels, start, -1);
  end = extendOverIntroducedList(units, labels, end, 1);
  start = extendOverQuantities(units, labels, p, words, start);
  return [start, end];
}

/**
 * A line that opens with an amount: a number or a fraction, then a word ("250 g minced lamb",
 * "1½ cups water", "2 Pck. Vanillezucker", "30 Min."). Not a numbered list item ("1. Step"), not
 * a year ("2021 Ramadan"), not a date ("12 March").
 */
const QUANTITY = /^(?!(?:1[89]|20)\d\d\b)(?:\d{1,4}(?:[.,/]\d{1,3})?|\d{0,3}[½¼¾⅓⅔⅛])(?:\s*[-–]\s*\d{1,4}(?:[.,]\d{1,3})?)?\s*\p{L}/u;
/**
 * The list of amounts above the body: lines of at most `maxWords` words; at most `maxGap` lines
 * in a row without an amount, none of them prose the model holds likely body (`proseBelow`) or
 * longer than `maxLineWords`; at least `minLines` amounts, `minShare` of the block's lines; at
 * least `minShared` of its lines share a word of `sharedLetters` letters or more with the first
 * `bodyReach` units of the body; `headingLines` line(s) over the first amount join it.
 */
const QUANTITY_LIST = { maxWords: 12, maxGap: 4, proseBelow: 0.5, maxLineWords: 25, minLines: 3, minShare: 0.4, minShared: 2, sharedLetters: 4, bodyReach: 40, headingLines: 1 } as const;

function isQuantity(unit: Unit): boolean {
  return unit.words > 0 && unit.words <= QUANTITY_LIST.maxWords && QUANTITY.test(unit.text) && !/^\d{1,4}[.)]\s/.test(unit.text) && !DATE_HINT.test(unit.text);
}

/**
 * A recipe's ingredients or a product's amounts stand above the steps or the description that
 * the body finder found: a block of short lines, many of which open with an amount ("250 g
 * butter", "1 tbsp oil", "2 Pck. Vanillezucker"), with the ingredients' names, sub-headings and
 * times between them, whose words the body goes on to use ("rub the butter into the flour").
 * Prose the model trusts, a hard end or a long stretch without an amount ends the block. A menu
 * or a row of counts ("12 comments", "5 min read") neither is mostly amounts nor shares its
 * words with the story.
 */
function extendOverQuantities(units: readonly Unit[], labels: readonly Label[], p: Float64Array, words: readonly string[][], start: number): number {
  let first = -1;
  let amounts = 0;
  let others = 0;
  let gap = 0;
  let othersAtFirst = 0;
  for (let i = start - 1; i >= 0; i -= 1) {
    const unit = units[i] as Unit;
    const label = labels[i] as Label;
    if (unit.words === 0) continue;
    if (label.weight >= BARRIER_WEIGHT) break;
    if (!label.rule && isQuantity(unit)) {
      amounts += 1;
      first = i;
      othersAtFirst = others;
      gap = 0;
      continue;
    }
    if ((isProse(unit) && (p[i] ?? 0) >= QUANTITY_LIST.proseBelow) || unit.words > QUANTITY_LIST.maxLineWords) break;
    others += 1;
    gap += 1;
    if (gap > QUANTITY_LIST.maxGap) break;
  }
  if (first < 0 || amounts < QUANTITY_LIST.minLines || amounts < QUANTITY_LIST.minShare * (amounts + othersAtFirst)) return start;
  const used = new Set<string>();
  for (let i = start; i < Math.min(units.length, start + QUANTITY_LIST.bodyReach); i += 1) {
    for (const word of words[i] ?? []) if (word.length >= QUANTITY_LIST.sharedLetters) used.add(word);
  }
  let shared = 0;
  for (let i = first; i < start && shared < QUANTITY_LIST.minShared; i += 1) {
    if ((words[i] ?? []).some((word) => word.length >= QUANTITY_LIST.sharedLetters && used.has(word))) shared += 1;
  }
  if (shared < QUANTITY_LIST.minShared) return start;
  // The block's heading ("Ingredients", "für 12 Stück") right above its first amount.
  let top = first;
  for (let k = 1; k <= QUANTITY_LIST.headingLines; k += 1) {
    const above = units[first - k];
    if (!above || labels[first - k]?.rule || above.words === 0 || above.words > QUANTITY_LIST.maxWords || isProse(above)) break;
    top = first - k;
  }
  return top;
}

/**
 * A comment form's field label alone on a line: "Name *", "E-Mail (erforderlich)", "Website",
 * "Comment(required)", "Nom *" (the field words are the lexicon's, `commentFields`).
 */
const FORM_FIELD = new RegExp(`^(?:${phraseAlternation(chromeWords('commentFields'))})\\s*(?:\\*|\\([^()]{0,60}\\))?\\s*[:*]?$`, 'iu');
/** A form's second field label follows its first within this many units. */
const FORM_REACH = 4;
/** A field label has at most this many words ("E-Mail (Adresse wird niemals veröffentlicht)"). */
const FORM_FIELD_MAX_WORDS = 8;

/**
 * Unit `i` opens a comment form: it is a field label and another, different one follows within
 * `FORM_REACH` units. No article sentence reads "Name *" over "Email *"; the form follows the
 * post it comments on, so it ends the article as a comment heading does, also when its heading
 * ("Kommentar verfassen Antwort abbrechen") is not one the rules know.
 */
function startsCommentForm(units: readonly Unit[], i: number): boolean {
  const first = units[i];
  if (!first || first.words > FORM_FIELD_MAX_WORDS || !FORM_FIELD.test(first.text)) return false;
  for (let k = i + 1; k <= i + FORM_REACH && k < units.length; k += 1) {
    const unit = units[k] as Unit;
    if (unit.words <= FORM_FIELD_MAX_WORDS && unit.key !== first.key && FORM_FIELD.test(unit.text)) return !overDateline(units, k);
  }
  return false;
}

/** How many units after a form's second field a date or byline line is looked for (`overDateline`). */
const FORM_HEADER_REACH = 4;

/**
 * A form whose fields are followed, before any prose, by a date or byline line stands in the
 * article's header (a "contact the author" box between the byline and the dateline), not after the
 * article: it is no end of it.
 */
function overDateline(units: readonly Unit[], field: number): boolean {
  for (let k = field + 1; k <= field + FORM_HEADER_REACH && k < units.length; k += 1) {
    const unit = units[k] as Unit;
    if (isAnchor(unit)) return true;
    if (isProse(unit)) return false;
  }
  return false;
}

/** How many levels deep `articlesBeside` looks on each side of a region's maximum-sum run. */
const BESIDE_DEPTH = 2;

/**
 * The maximum-sum run of a region is not the only article-sized run in it: a long comment thread
 * or forum below a short post outscores the post by its sum, though its quality (prose share,
 * thread penalty) is lower. The best runs of the region's parts before and after that run (and of
 * their parts, `BESIDE_DEPTH` levels) compete too, when they are a whole article on their own
 * (`BODY.articleMinScore`, `BODY.articleMinProseLines`: not a cookie notice or one teaser blurb).
 */
function articlesBeside(units: readonly Unit[], scores: readonly number[], from: number, to: number, run: Run): Run[] {
  const out: Run[] = [];
  const look = (a: number, b: number, level: number): void => {
    if (level > BESIDE_DEPTH || b < a) return;
    const found = bestRun(units, scores, a, b);
    if (!found) return;
    if (found.sum >= BODY.articleMinScore && found.prose >= BODY.articleMinProseLines) out.push(found);
    look(a, found.start - 1, level + 1);
    look(found.end + 1, b, level + 1);
  };
  look(from, run.start - 1, 1);
  look(run.end + 1, to, 1);
  return out;
}

/** A run with this many byline or date lines after its first prose is a thread (see `threadPenalty`). */
const THREAD_MIN_ANCHORS = 3;

/**
 * An article has its byline and date above its prose; a thread of comments or forum posts repeats
 * them over every post. A run with `THREAD_MIN_ANCHORS` or more unlabelled byline or date lines
 * after its first prose has its quality divided by their number less one, so that the article
 * above a long comment thread is not outweighed by it.
 */
function threadPenalty(units: readonly Unit[], labels: readonly Label[], scores: readonly number[], run: Run): number {
  return threadOf(units, labels, scores, run).penalty;
}

/** The thread penalty of a run and where its thread starts (its first byline or date line after prose; -1 when no thread). */
function threadOf(units: readonly Unit[], labels: readonly Label[], scores: readonly number[], run: Run): { penalty: number; start: number } {
  let prose = false;
  let anchors = 0;
  let first = -1;
  for (let i = run.start; i <= run.end; i += 1) {
    if ((scores[i] ?? 0) > 0) prose = true;
    else if (prose && !labels[i]?.rule && isAnchor(units[i] as Unit)) {
      anchors += 1;
      if (first < 0) first = i;
    }
  }
  return anchors >= THREAD_MIN_ANCHORS ? { penalty: anchors - 1, start: first } : { penalty: 1, start: -1 };
}

/**
 * A run that is a thread may have taken in the article above it (a list of links between them
 * costs less than the posts add): the best run before the thread's first dated post is a
 * candidate of its own, judged like the others, when it is an article: a byline or date line
 * stands within `BODY.anchorReach` lines above its prose, as over each post of the thread. (A
 * forum's first post has its own date line inside the thread; a browser or cookie note above
 * a forum thread has none.)
 */
function aboveThread(units: readonly Unit[], labels: readonly Label[], scores: readonly number[], run: Run): Run | undefined {
  const { start } = threadOf(units, labels, scores, run);
  // A numbered section heading with a date ("2) Strike on Tuesday 24 September") heads a section, not a post.
  if (start <= run.start || (units[start] as Unit).list) return undefined;
  const above = bestRun(units, scores, run.start, start - 1);
  if (!above) return undefined;
  for (let i = above.start - 1; i >= Math.max(0, above.start - BODY.anchorReach); i -= 1) {
    if (!labels[i]?.rule && isAnchor(units[i] as Unit)) return above;
  }
  return undefined;
}

/**
 * Hard end markers: comment and related-list headings (rule weight `BARRIER_WEIGHT`) once some
 * prose has been seen; before that they are links in the article's header ("Leave a comment").
 */
function endMarkers(units: readonly Unit[], labels: readonly Label[]): boolean[] {
  const barrier: boolean[] = new Array<boolean>(units.length);
  let proseSoFar = 0;
  for (let i = 0; i < units.length; i += 1) {
    const score = bodyScore(units[i] as Unit, labels[i] as Label, proseSoFar);
    barrier[i] = score <= -BARRIER_WEIGHT;
    if (score > 0) proseSoFar += (units[i] as Unit).words;
  }
  return barrier;
}

/** The model's features of every unit, the page's guessed language, and each unit's lower-cased words (`lowerWords`). */
function unitModelInput(units: readonly Unit[], labels: readonly Label[]): { features: Float64Array[]; language: string; words: string[][] } {
  const barrier = endMarkers(units, labels);
  const facts: UnitFacts[] = units.map((unit, i) => {
    const label = labels[i] as Label;
    const linkRow = isLinkRow(unit);
    return {
      rule: label.rule,
      weight: label.weight,
      keep: label.keep === true,
      linkRow,
      prose: isProse(unit) && !linkRow,
      anchor: !label.rule && isAnchor(unit),
      barrier: barrier[i] === true,
    };
  });
  const words = unitWords(units);
  const language = guessLanguage(words);
  return { features: pageFeatures(units, facts, words, language), language: language.code, words };
}

/** Words of a line that introduces a list ("Das Wichtigste in Kürze:", "You will need:"). */
const INTRO_MIN_WORDS = 3;

/** A sentence that introduces a list: unlabelled, a few words, ending with a colon. */
function introducesList(unit: Unit | undefined, label: Label | undefined): boolean {
  return unit !== undefined && !label?.rule && unit.words >= INTRO_MIN_WORDS && unit.text.endsWith(':');
}

/**
 * A line opening with an en or em dash and a space: a list item whose bullet is a dash ("–  Shintô –
 * der japanische Schamanismus"), as German and French pages write them. (units.ts reads only the
 * hyphen as a bullet: a dash also opens a quoted reply or an attribution, so this reading is used
 * only right after a sentence ending in a colon.)
 */
const DASH_ITEM = /^[–—] +\S/;

/**
 * A list the story introduces ("The budget includes several changes:" then its items) is part of
 * it, however short its items: menus and teaser lists do not follow a sentence ending in a colon.
 * Backward from the body start: list items, then their intro. Forward from the body end: the intro
 * (the last body line or the next one), then the items.
 */
function extendOverIntroducedList(units: readonly Unit[], labels: readonly Label[], edge: number, step: 1 | -1): number {
  const isItem = (i: number): boolean => (units[i]?.list === true || DASH_ITEM.test(units[i]?.text ?? '')) && !labels[i]?.rule && !labels[i]?.keep && (units[i]?.words ?? 0) >= 2;
  if (step === -1) {
    let i = edge - 1;
    while (i >= 0 && isItem(i)) i -= 1;
    return i < edge - 1 && introducesList(units[i], labels[i]) ? i : edge;
  }
  let i = edge;
  if (!introducesList(units[i], labels[i])) {
    if (!introducesList(units[i + 1], labels[i + 1])) return edge;
    i += 1;
  }
  let last = i;
  while (last + 1 < units.length && isItem(last + 1)) last += 1;
  return last > i ? last : edge;
}

/** How many lines an inline related box may span. */
const INLINE_BOX_REACH = 16;

/**
 * A related-links box inside an article ("Related", two teaser headlines, then the story goes on)
 * is not the end of the article. The box is a stretch of non-prose lines between two runs of prose
 * that holds a related-list heading, with teaser lines between the heading and the later prose. A
 * related heading followed directly by prose (teasers with blurbs) is a real end. When the body
 * borders such a box, it continues on the other side, and the box's teasers are dropped with it.
 */
function bridgeInlineRelated(
  units: readonly Unit[],
  labels: Label[],
  scores: readonly number[],
  barrier: readonly boolean[],
  run: { start: number; end: number },
): { start: number; end: number } {
  let { start, end } = run;
  for (let guard = 0; guard < 20; guard += 1) {
    const resume = findBoxEdge(labels, scores, barrier, end, 1);
    if (resume < 0) break;
    let stop = resume;
    while (stop < units.length && !barrier[stop]) stop += 1;
    const next = bestRun(units, scores, resume, stop - 1);
    if (!next || next.start !== resume || !proseEnough(next)) break;
    labelBox(labels, end + 1, resume - 1);
    end = next.end;
  }
  for (let guard = 0; guard < 20; guard += 1) {
    const resume = findBoxEdge(labels, scores, barrier, start, -1);
    if (resume < 0) break;
    let stop = resume;
    while (stop >= 0 && !barrier[stop]) stop -= 1;
    const previous = bestRun(units, scores, stop + 1, resume);
    if (!previous || previous.end !== resume) break;
    labelBox(labels, resume + 1, start - 1);
    start = previous.start;
  }
  return { start, end };
}

/**
 * The story after an inline box is mostly prose. Teaser cards after a related heading (label,
 * headline, headline again, blurb) are a quarter prose at best. (Not checked before the box: the
 * run there may be one opening paragraph after a header.)
 */
function proseEnough(run: Run): boolean {
  return run.sum > 0 && run.quality / run.sum >= BODY.bridgeMinProseShare;
}

/**
 * From the body edge `from`, walk `step` (+1 forward, -1 backward) over a possible inline box and
 * return the index of the prose line on its far side, or -1 when there is no such box.
 */
function findBoxEdge(labels: readonly Label[], scores: readonly number[], barrier: readonly boolean[], from: number, step: 1 | -1): number {
  let heading = false;
  let teasersAfterHeading = 0;
  let teasersBeforeHeading = 0;
  for (let k = 1; k <= INLINE_BOX_REACH; k += 1) {
    const i = from + step * k;
    const label = labels[i];
    if (label === undefined) return -1;
    if (barrier[i]) {
      if (label.rule !== 'related-list') return -1;
      heading = true;
      continue;
    }
    if ((scores[i] ?? 0) > 0) {
      // Teaser lines must stand between the heading and the prose that comes later in the page.
      const teasers = step === 1 ? teasersAfterHeading : teasersBeforeHeading;
      return heading && teasers > 0 ? i : -1;
    }
    if (!label.rule) {
      if (heading) teasersAfterHeading += 1;
      else teasersBeforeHeading += 1;
    }
  }
  return -1;
}

function labelBox(labels: Label[], from: number, to: number): void {
  for (let i = from; i <= to; i += 1) {
    const label = labels[i] as Label;
    if (!label.rule && !label.keep) labels[i] = { rule: 'related-list', weight: 3 };
  }
}

/** Kadane's maximum-sum run within [from, to], with its quality. */
function bestRun(units: readonly Unit[], scores: readonly number[], from: number, to: number): Run | undefined {
  let bestSum = 0;
  let bestStart = -1;
  let bestEnd = -1;
  let sum = 0;
  let runStart = from;
  for (let i = from; i <= to; i += 1) {
    const score = scores[i] ?? 0;
    if (sum <= 0) {
      sum = score;
      runStart = i;
    } else {
      sum += score;
    }
    if (sum > bestSum) {
      bestSum = sum;
      bestStart = runStart;
      bestEnd = i;
    }
  }
  if (bestStart < 0) return undefined;
  let prose = 0;
  let counted = 0;
  for (let i = bestStart; i <= bestEnd; i += 1) {
    const unit = units[i] as Unit;
    if (unit.words === 0) continue;
    counted += 1;
    if ((scores[i] ?? 0) > 0) prose += 1;
  }
  const share = counted > 0 ? prose / counted : 0;
  return { start: bestStart, end: bestEnd, sum: bestSum, quality: bestSum * share, prose };
}

/** A table of data rows next to the body (tour dates, standings, results) needs this many rows. */
const TABLE_MIN_ROWS = 3;

/** A data row: no rule matched, not prose, a few words and at least one digit. */
function isDataRow(unit: Unit, label: Label): boolean {
  return !label.rule && !label.keep && !isProse(unit) && unit.words >= 3 && /\d/.test(unit.text);
}

/**
 * Articles end (or start) with tables that the body finder sees as short lines: tour dates,
 * standings, results. A run of data rows right next to the body, with at most one heading line
 * between, joins the body. Teaser lists rarely have a digit on every line.
 */
function extendOverTable(units: readonly Unit[], labels: readonly Label[], edge: number, step: 1 | -1): number {
  let i = edge + step;
  const heading = units[i];
  const headingLabel = labels[i];
  if (heading && headingLabel && !headingLabel.rule && !isDataRow(heading, headingLabel) && heading.words <= 12) {
    i += step;
  }
  let rows = 0;
  let last = edge;
  for (; i >= 0 && i < units.length; i += step) {
    if (!isDataRow(units[i] as Unit, labels[i] as Label)) break;
    rows += 1;
    last = i;
  }
  if (rows < TABLE_MIN_ROWS) return edge;
  // Rows before the body: the line introducing them ("Tour dates:") joins too.
  const intro = units[last + step];
  if (step === -1 && intro && !labels[last + step]?.rule && intro.words <= 15 && intro.text.endsWith(':')) {
    return last + step;
  }
  return last;
}

function widens(unit: Unit, label: Label): boolean {
  return !label.rule && unit.sentence && unit.words >= 3;
}

/** A short line with a year on it (a date or "Posted on … 2015 by …" line) is metadata, not the story's edge. */
const DATED_LINE = { maxWords: 12, year: /\b(?:1[89]|20)\d\d\b/ } as const;

/**
 * The body also widens over a neighbouring line the body model is sure of (`BODY.widenSureP`),
 * sentence end or not: the story's salutation ("Dear visitor,"), a last line ending in an emoji,
 * a closing source line, a subheading or quote right above the first paragraph. Not a list item
 * (menus), not a row of links ("Story 1 | Story 2 | …", a teaser box), not a byline or date line (step 5 reads those).
 */
function modelWidens(unit: Unit, label: Label, p: number): boolean {
  if (label.rule || label.keep || unit.list || unit.words < BODY.widenSureMinWords || p < BODY.widenSureP || isLinkRow(unit)) return false;
  return !isAnchor(unit) && !(unit.words <= DATED_LINE.maxWords && DATED_LINE.year.test(unit.text));
}

/** At most this many prose lines may stand before a byline for the body to start after it. */
const MAX_PROSE_BEFORE_BYLINE = 1;

function skipLeadingMetadata(units: readonly Unit[], meta: readonly (RuleName | undefined)[], start: number, end: number): number {
  let last = -1;
  for (let i = start; i <= Math.min(end, start + META_WINDOW_INSIDE); i += 1) {
    if (meta[i] === 'byline' || meta[i] === 'date-line') last = i;
  }
  if (last < 0) return start;
  let prose = 0;
  for (let i = start; i < last; i += 1) if (!meta[i] && isProse(units[i] as Unit)) prose += 1;
  return prose <= MAX_PROSE_BEFORE_BYLINE ? last + 1 : start;
}

/**
 * Lead lines (see `leadLines`) are looked for up to `aboveStart` units above the body start and
 * `belowTitle` units below the headline; the dek, the first line under the headline, only when it
 * stands within `dekAboveStart` units of the start.
 */
const LEAD_REACH = { belowTitle: 12, aboveStart: 12, dekAboveStart: 2 } as const;
/** A lead line not ending like a sentence has at least this many words. */
const LEAD_MIN_WORDS = 12;
/** ... and the body model gives it at least this probability (an image's alt text, an embed's URL line and a share row do not). */
const LEAD_MIN_P = 0.6;
/**
 * A subtitle standing right between the headline and the body start (no byline, date or picture
 * between) joins the story with at least this many words: shorter lines there are navigation
 * ("chevron_left Browse All Posts") or a byline the rules did not read ("Jane Doe @jane / 2 days").
 */
const LEAD_MIN_SUBTITLE_WORDS = 6;

/**
 * The lines between the headline and the body start that open the story: a standfirst right above
 * the byline over the story, a first short paragraph above a caption or a share bar. Unlabelled,
 * not metadata, not a copy of the headline, and prose-shaped (a sentence of a few words, or a long
 * line) that the body model holds likely body; everything else between the two stays out. A dek right under the headline that a picture,
 * a share bar and a date line separate from the story is the header's summary, not the story's
 * first paragraph, and stays out too; a subtitle with nothing between it, the headline and the
 * story (`LEAD_MIN_SUBTITLE_WORDS`) opens the story.
 */
function leadLines(units: readonly Unit[], labels: readonly Label[], meta: readonly (RuleName | undefined)[], p: Float64Array, titleIndex: number | undefined, start: number): Set<number> {
  const lead = new Set<number>();
  if (titleIndex === undefined || titleIndex >= start) return lead;
  const titleKey = keyOf(units[titleIndex] as Unit);
  let dek = titleIndex + 1;
  while (dek < start && (units[dek] as Unit).words === 0) dek += 1;
  for (let i = Math.max(titleIndex + 1, start - LEAD_REACH.aboveStart); i < start && i <= titleIndex + LEAD_REACH.belowTitle; i += 1) {
    const unit = units[i] as Unit;
    const label = labels[i] as Label;
    if (label.rule || meta[i] || unit.list || keyOf(unit) === titleKey || isLinkRow(unit) || isMetaAnchor(unit)) continue;
    if (i === dek && start - i > LEAD_REACH.dekAboveStart) continue;
    // A subtitle between the headline and the story, with nothing else between them, is the
    // story's opening line whatever its shape or score: headline, dek, first paragraph.
    if (i === dek && i === titleIndex + 1 && i === start - 1 && unit.words >= LEAD_MIN_SUBTITLE_WORDS) {
      lead.add(i);
      continue;
    }
    if ((p[i] ?? 0) < LEAD_MIN_P) continue;
    if ((unit.sentence && unit.words >= BODY.proseMinWords) || unit.words >= LEAD_MIN_WORDS) lead.add(i);
  }
  return lead;
}

/** How far under the headline (past its byline, date, picture) the story's opening may begin, in units. */
const OPENING_REACH = 10;
/** The opening's paragraphs are prose the body model is this sure of... */
const OPENING_MIN_P = 0.7;
/** ... at least this many of them, with at least this many words together (a dek is one paragraph). */
const OPENING_MIN_LINES = 2;
const OPENING_MIN_WORDS = 40;
/** The box between the opening and the rest of the story spans at least this many units. */
const OPENING_MIN_BOX = 3;

/**
 * The story starts under its headline, also when a long box set into it (a video strip, a
 * gallery, "more on this" teasers) cut it in two and step 3 kept only the longer half below the
 * box: when two or more paragraphs the body model is sure of begin within a few lines under the
 * headline, and what stands between the last of them and the body start is a box (no prose the
 * model is sure of, no hard end other than a related heading), the body starts at the opening
 * and the box's lines leave with it. A single paragraph there is a dek (`leadLines` decides it).
 */
function openingAboveBox(units: readonly Unit[], labels: Label[], meta: readonly (RuleName | undefined)[], p: Float64Array, titleIndex: number | undefined, start: number): number {
  if (titleIndex === undefined || titleIndex >= start) return start;
  const sure = (i: number): boolean => !labels[i]?.rule && !meta[i] && isProse(units[i] as Unit) && (p[i] ?? 0) >= OPENING_MIN_P;
  let opening = -1;
  for (let i = titleIndex + 1; i < start && i <= titleIndex + OPENING_REACH; i += 1) {
    if (sure(i)) {
      opening = i;
      break;
    }
  }
  if (opening < 0) return start;
  let lines = 0;
  let words = 0;
  let last = opening;
  for (let i = opening; i < start; i += 1) {
    const label = labels[i] as Label;
    if (label.weight >= BARRIER_WEIGHT && label.rule !== 'related-list') return start;
    if (!sure(i)) continue;
    lines += 1;
    words += (units[i] as Unit).words;
    last = i;
  }
  if (lines < OPENING_MIN_LINES || words < OPENING_MIN_WORDS || start - last - 1 < OPENING_MIN_BOX) return start;
  labelBox(labels, last + 1, start - 1);
  return opening;
}

/** A standfirst (the summary under a headline) is one short paragraph. */
export const STANDFIRST_MAX_WORDS = 40;

/** Boxes set into a story between two of its paragraphs. */
const IN_STORY_BOXES: ReadonlySet<string> = new Set(['newsletter-box', 'ad-marker', 'continues-below-ad', 'push-prompt', 'read-more-promo']);

/** The line opens with the whole name (two words or more) of the page's author: "Jane Miller studied ...". */
function opensWithName(text: string, name: string): boolean {
  if (name.split(/\s+/).filter((word) => word.length > 1).length < 2) return false;
  return text.toLowerCase().startsWith(name.toLowerCase()) && /^[\s,]/.test(text.slice(name.length));
}

/**
 * The author's bio among the last lines of the body leaves it, with everything after it: a line
 * that opens with the name of the page's author (in any language), or with a name and a verb and
 * a job word of `AUTHOR_BIO`.
 */
function markAuthorBio(units: readonly Unit[], labels: readonly Label[], meta: (RuleName | undefined)[], start: number, end: number, names: readonly string[] = []): void {
  for (let i = Math.max(start + 1, end - AUTHOR_BIO.tailLines + 1); i <= end; i += 1) {
    const unit = units[i] as Unit;
    if (labels[i]?.keep || unit.words > AUTHOR_BIO.maxWords) continue;
    const byAuthor = names.some((name) => opensWithName(unit.text, name));
    if (!byAuthor && (!AUTHOR_BIO.opening.test(unit.text) || !AUTHOR_BIO.job.test(unit.text))) continue;
    for (let j = i; j <= end; j += 1) if (!meta[j] && !labels[j]?.keep) meta[j] = 'author-bio';
    return;
  }
}

/** A press release's company boilerplate among the last lines of the body leaves it. */
function markCompanyBoilerplate(units: readonly Unit[], labels: readonly Label[], meta: (RuleName | undefined)[], start: number, end: number): void {
  for (let i = Math.max(start + 1, end - COMPANY_BOILERPLATE.tailLines + 1); i <= end; i += 1) {
    const unit = units[i] as Unit;
    if (labels[i]?.keep || meta[i] || unit.words > COMPANY_BOILERPLATE.maxWords) continue;
    if (!COMPANY_BOILERPLATE.pattern.test(unit.text)) continue;
    for (let j = i; j <= end; j += 1) if (!meta[j] && !labels[j]?.keep) meta[j] = 'company-boilerplate';
    return;
  }
}

/**
 * The site's appeal to its reader at the end of the body leaves it ('call-to-action'): among the
 * body's last `CALL_TO_ACTION.tailLines` lines, a trailing run of appeal lines (a `callToAction`
 * word of the lexicon) and of the lines between and after them that are short (buttons, amounts,
 * "Anderer Betrag") or prose the model doubts (p below `tailFrom`: a consent note, "Bitte halten Sie
 * mich auf dem Laufenden") is cut from its first appeal line. The run must reach the body's end
 * and stop at a line of prose the model is sure of without such a word (the story's last sure
 * paragraph): the cut is at the edge, after the story, never inside it. A body with no such line
 * in reach (a story the model doubts throughout) is left alone.
 */
function markClosingAppeal(units: readonly Unit[], labels: readonly Label[], meta: (RuleName | undefined)[], p: Float64Array, tailFrom: number, start: number, end: number): void {
  let cut = -1;
  let anchored = false;
  for (let i = end; i > start && end - i < CALL_TO_ACTION.tailLines; i -= 1) {
    const unit = units[i] as Unit;
    if (labels[i]?.keep) break;
    if (meta[i] || labels[i]?.rule) continue;
    if (unit.words <= CALL_TO_ACTION.maxWords && CALL_TO_ACTION.pattern.test(unit.text)) cut = i;
    else if (isProse(unit) && (p[i] ?? 1) >= tailFrom) {
      anchored = true;
      break;
    }
  }
  if (cut < 0 || !anchored) return;
  for (let j = cut; j <= end; j += 1) if (!meta[j] && !labels[j]?.keep) meta[j] = 'call-to-action';
}

/** Step 5: bylines, date lines and tag lines around the body. */
function readMetadata(
  units: readonly Unit[],
  labels: readonly Label[],
  meta: (RuleName | undefined)[],
  result: TextExtraction,
  options: TextExtractOptions,
  titleIndex: number | undefined,
  start: number,
  end: number,
): void {
  const from = Math.max(0, titleIndex !== undefined ? titleIndex + 1 : start - META_WINDOW_BEFORE);
  // The lines right below a headline inside the body found in step 3 are its header (byline, date)
  // even when that body starts well above it (a teaser or a navigation block read as prose).
  const headerEnd = titleIndex !== undefined && titleIndex <= end ? titleIndex + META_NEAR_TITLE : -1;
  const to = Math.min(units.length - 1, Math.max(Math.max(start, 0) + META_WINDOW_INSIDE, headerEnd));
  for (let i = from; i <= to; i += 1) {
    const unit = units[i] as Unit;
    if (labels[i]?.keep || unit.words === 0 || unit.words > META_MAX_WORDS) continue;
    readMetaLine(units, labels, i, meta, result, options, true, titleIndex !== undefined && i - titleIndex <= META_NEAR_TITLE);
  }
  // Some layouts put the date (or the byline) just above the headline: "March 5, 2025" then the title.
  if (titleIndex !== undefined && (!result.published || !result.authors)) {
    for (let i = titleIndex - 1; i >= Math.max(0, titleIndex - META_WINDOW_ABOVE_TITLE); i -= 1) {
      const unit = units[i] as Unit;
      // A rule's label stops the search, unless the line is a date ("22.12.2019" looks like a counter).
      if (labels[i]?.keep || (labels[i]?.rule && !DATE_HINT.test(unit.text)) || unit.words > META_MAX_WORDS) break;
      // No bare author name here: above a date, above the headline, that is usually a headline.
      if (unit.words > 0) readMetaLine(units, labels, i, meta, result, options, false, true);
    }
  }
  // Some layouts put the date line after the story.
  for (let i = Math.max(from, to + 1, end - META_WINDOW_END); i <= Math.min(units.length - 1, end); i += 1) {
    const unit = units[i] as Unit;
    if (labels[i]?.keep || labels[i]?.rule || unit.words === 0 || unit.words > META_MAX_WORDS) continue;
    readMetaLine(units, labels, i, meta, result, options);
  }
  if (!result.authors) readClosingByline(units, labels, meta, result, start, end);
  // The dates read above are candidates: the page's dates are chosen among them (./dates.ts).
  chooseTextDates(result, { units, kept: (i) => labels[i]?.keep === true, titleIndex, start, end, timezone: options.timezone, now: options.referenceDate });
  if (!result.authors) readBylineAtDate(units, labels, meta, result);
  if (titleIndex !== undefined) resolvePartialLines(units, labels, meta, result, options, titleIndex);
  // Tags close an article; look just after the body.
  const tagsFrom = Math.max(0, end - 2);
  const tagsTo = Math.min(units.length - 1, end + TAGS_WINDOW_AFTER);
  for (let i = tagsFrom; i <= tagsTo && !result.tags; i += 1) {
    const unit = units[i] as Unit;
    if (labels[i]?.keep) continue;
    const tags = parseTagsLine(unit.text);
    if (tags) {
      result.tags = { value: tags, line: unit.line };
      meta[i] = 'tags-line';
    } else if (TAGS_HEADING.test(unit.text.trim())) {
      // "Tags" on its own line, the tags as the list items after it.
      const collected: string[] = [];
      let j = i + 1;
      while (j < units.length && (units[j] as Unit).list && (units[j] as Unit).words <= 6) {
        collected.push((units[j] as Unit).text);
        j += 1;
      }
      const value = splitTags(collected.join(','));
      if (value.length > 0) {
        result.tags = { value, line: unit.line };
        for (let k = i; k < j; k += 1) meta[k] = 'tags-line';
      }
    }
  }
}

/**
 * The byline written with the page's chosen date, far from the headline where step 5 did not look:
 * on the date's own line ("erstellt von Jane — veröffentlicht 28.01.2022 06:00") or on the line
 * right above it ("von Jane" / "18.10.2019 16:06 Uhr"). Only a line that opens with a byline word
 * (a name alone there is as often a caption's or a teaser's), not a line a rule labelled.
 */
function readBylineAtDate(units: readonly Unit[], labels: readonly Label[], meta: (RuleName | undefined)[], result: TextExtraction): void {
  const line = result.published?.line;
  if (line === undefined) return;
  const at = units.findIndex((unit) => unit.line === line);
  if (at < 0) return;
  const above = at - 1;
  for (const i of units[above]?.words === 0 ? [at] : [at, above]) {
    const unit = units[i];
    if (unit === undefined || labels[i]?.keep || labels[i]?.rule || (meta[i] && i !== at) || unit.list || unit.words > META_MAX_WORDS || !BYLINE_START.test(unit.text)) continue;
    const byline = splitByline(unit.text);
    // Above the date line, the byline is the whole line ("von Jane"), nothing else on it.
    if (!byline || (i !== at && /[\p{L}\d]/u.test(byline.rest.replace(BYLINE_START, '')))) continue;
    result.authors = { value: byline.authors, line: unit.line };
    meta[i] ??= 'byline';
    return;
  }
}

/** How many non-empty units after the body a closing byline may stand ("Posted by … at 18:52" under a rating widget). */
const CLOSING_BYLINE_REACH = 16;

/** Boxes after the story that end the search for its closing byline (comments, teasers, the footer). */
const AFTER_STORY: ReadonlySet<string> = new Set(['comment-form', 'related-list', 'legal-footer', 'newsletter-box', 'read-more-promo']);

/** A lead that is also a preposition opening sentences ("Von Berlin aus", "By then"): trusted only next to the story's end. */
const WEAK_LEAD = /^\s*(?:by|von|por|par|de)\s/i;

/**
 * A byline that closes the story ("Text: Ursula Eggers", "Eingestellt von Weinlachgummi um 10:52",
 * "Posted by Konstantin at 18:52"): in the body or right after it, before the comments or the
 * footer. Only a line that opens with a byline word counts here (a bare name after the story is
 * as often a commenter or a teaser's author); inside the body, only a label or a verb phrase
 * ("Autor:", "Eingestellt von"), not a bare "By"/"Von", which also opens quoted teasers.
 */
function readClosingByline(units: readonly Unit[], labels: readonly Label[], meta: (RuleName | undefined)[], result: TextExtraction, start: number, end: number): void {
  let after = 0;
  for (let i = Math.max(0, start); i < units.length && after < CLOSING_BYLINE_REACH; i += 1) {
    const unit = units[i] as Unit;
    if (unit.words === 0) continue;
    if (i > end) {
      after += 1;
      if (AFTER_STORY.has(labels[i]?.rule ?? '')) return;
    }
    // (A list item is a credit in a list of books or products: "* Autor: …; Illustrator: …".)
    if (labels[i]?.keep || meta[i] || unit.list || unit.words > META_MAX_WORDS || !BYLINE_START.test(unit.text)) continue;
    if (i < end - META_WINDOW_END && WEAK_LEAD.test(unit.text)) continue;
    // "Autor" on a line of its own, the name on the next ("Autor*in" / "Jane Doe (Redakteurin)").
    const next = units[i + 1];
    const leadAlone = isLeadAlone(unit.text) && next !== undefined && next.words > 0 && next.words <= META_MAX_WORDS && !meta[i + 1] && !labels[i + 1]?.keep;
    const byline = leadAlone ? splitByline(`${unit.text.trim().replace(/\s*:$/, '')}: ${next.text}`) : splitByline(unit.text);
    if (!byline) continue;
    // Under a label alone, an organisation is an imprint's or a contact box's ("Redaktion" / "Beispiel Magazin").
    if (leadAlone && byline.authors.some((p) => isOrganisationName(p.name))) continue;
    result.authors = { value: byline.authors, line: leadAlone ? next.line : unit.line };
    meta[i] = 'byline';
    if (leadAlone) meta[i + 1] = 'byline';
    return;
  }
}

/**
 * Step 5 on one line. A picture's caption with its credit ("Symbolbild Rettungsdienst | Foto:
 * agentur/…", "Updated: Nov 20, 2019 | Source: Agency") may state the page's date, but its words
 * are the picture's or the agency's: no byline is read from it or from the lines beside it.
 */
function readMetaLine(units: readonly Unit[], labels: readonly Label[], i: number, meta: (RuleName | undefined)[], result: TextExtraction, options: TextExtractOptions, bareName = true, nearTitle = false): void {
  if (labels[i]?.rule !== 'image-caption') {
    readMetaLineOf(units, i, meta, result, options, bareName, nearTitle);
    return;
  }
  const authors = result.authors;
  const marks = [meta[i - 1], meta[i], meta[i + 1]];
  readMetaLineOf(units, i, meta, result, options, bareName, nearTitle);
  if (result.authors === authors) return;
  if (authors) result.authors = authors;
  else delete result.authors;
  for (let k = -1; k <= 1; k += 1) if (meta[i + k] === 'byline' && marks[k + 1] !== 'byline') meta[i + k] = k === 0 && result.published?.line === units[i]?.line ? 'date-line' : marks[k + 1];
}

function readMetaLineOf(units: readonly Unit[], i: number, meta: (RuleName | undefined)[], result: TextExtraction, options: TextExtractOptions, bareName = true, nearTitle = false): void {
  const unit = units[i] as Unit;
  const text = unit.text;
  // A quoted post's signature ("> — Name (@handle) November 18, 2019") belongs to the quote.
  if (text.startsWith('>') || text.includes('(@')) return;
  const tags = parseTagsLine(text);
  if (tags) {
    if (!result.tags) result.tags = { value: tags, line: unit.line };
    meta[i] = 'tags-line';
    return;
  }
  // "By" on a line of its own, the names on the next ("By" / "Todd Bates" / "Date" / "February 5, 2020").
  const next = units[i + 1];
  // Or, next to the headline, a kicker's word and the lead, a person's full name on the next line
  // ("Disko Von" / "Ernst Lohoff"); not a picture's credit ("Foto von"), nor a sponsor or a widget ("Powered by" / "WordPress").
  const closing = isLeadAlone(text) ? text.trim().replace(/\s*:$/, '') : nearTitle && !PHOTO_CREDIT_START.test(text.trim().toLowerCase()) ? leadClosingLine(text) : undefined;
  const leadAlone = closing !== undefined && next !== undefined && next.words > 0 && !meta[i + 1] && next.words <= META_MAX_WORDS;
  let byline = leadAlone ? splitByline(`${closing}: ${next.text}`) : splitByline(text);
  if (leadAlone && !isLeadAlone(text) && byline?.authors.some((p) => !p.name.includes(' ') || !looksLikePersonName(p.name) || isOrganisationName(p.name))) byline = undefined;
  if (byline) {
    if (!result.authors) result.authors = { value: byline.authors, line: leadAlone ? next.line : unit.line };
    meta[i] = 'byline';
    if (leadAlone) meta[i + 1] = 'byline';
    if (byline.rest.length > 0) {
      const date = readDateLine(byline.rest, options.timezone, options.referenceDate, 6);
      if (date) setDate(result, date.kind, date.value, unit.line);
    }
    return;
  }
  const date = mayHoldDate(text, options.referenceDate !== undefined) ? readDateLine(text, options.timezone, options.referenceDate, 6) : undefined;
  // Next to the headline a date line may carry more than a name ("6. Dezember 2022 von Fatima in
  // Gefühle, Popkultur", "Veröffentlicht am 12. Juni 2017 von gizzmo"), as long as it is no
  // sentence, the date comes within three words of its start and is not in parentheses (a title's
  // "links (December 14th 2019)").
  const nameLike = date !== undefined && restIsNameLike(date.rest);
  if (date && !nameLike && nearTitle && date.wordsBefore <= 3 && !/\([^)]*$/.test(text.slice(0, text.search(/\d/))) && !SHORT_SENTENCE.test(date.rest)) {
    // The date is read; where the line goes stays the body finder's decision.
    setDate(result, date.kind, date.value, unit.line);
    // A theme's entry line: the dates, the author, then categories in any case ("6. November
    // 20236. November 2023 Name Surname Azad, Bushido, finished").
    const name = date.wordsBefore === 0 && !result.authors ? entryLineName(date.rest) : undefined;
    if (name) result.authors = { value: [{ name }], line: unit.line };
    return;
  }
  if (!date && nearTitle && !result.authors) {
    // The same, running on past a date line's six words.
    const name = longEntryLineName(text, options);
    if (name) result.authors = { value: [{ name }], line: unit.line };
    return;
  }
  if (date && nameLike) {
    setDate(result, date.kind, date.value, unit.line);
    meta[i] = 'date-line';
    const restByline = date.rest.length > 0 ? splitByline(date.rest) : undefined;
    if (restByline && !result.authors) {
      result.authors = { value: restByline.authors, line: unit.line };
    }
    // "11.12.2019 - Amelie Loevenich", "04.02.2022 | 13:10 Uhr | Uta Helkenberg": the date, then the
    // author's bare name between separators.
    // Next to the headline, a blog's user name: "reineckefuchs — 2. Februar 2022".
    const restName = restByline ? undefined : ((setOff(text, date.rest) ? bareNameSegment(date.rest) : undefined) ?? (nearTitle ? (handleSegment(text, date.rest) ?? (date.wordsBefore === 0 ? entryLineName(date.rest) : undefined)) : undefined));
    if (restName && !result.authors) result.authors = { value: [{ name: restName }], line: unit.line };
    // Blog layouts put the author's bare name on the line right above the date.
    const previous = units[i - 1];
    // (Not a heading a rule names: "Ähnliche Artikel" over a list of dated teasers.)
    // A comma after it runs the name on into the date line ("Jane Doe," / "am Sonntag, 11.12.2022").
    const previousName = previous ? previous.text.trim().replace(/(?<=\p{L}),$/u, '') : '';
    if (bareName && previous && !meta[i - 1] && !result.authors && isBareAuthorLine(previousName) && !matchPhraseRule(previous)) {
      if (result.title?.line !== previous.line) {
        result.authors = { value: [{ name: previousName }], line: previous.line };
        meta[i - 1] = 'byline';
      }
    }
    // Or right below it, next to the headline ("August 23, 2020" / "Leah C. Stokes").
    const below = units[i + 1];
    if (bareName && nearTitle && below && !meta[i + 1] && !result.authors && isBareAuthorLine(below.text) && result.title?.line !== below.line) {
      result.authors = { value: [{ name: below.text.trim() }], line: below.line };
      meta[i + 1] = 'byline';
    }
  }
}

/**
 * Year-less days ("5. März") and times alone ("14:32 Uhr") on lines next to the headline, resolved
 * against the full date read from the page (issue 12, src/extract/dates.ts `resolvePartialDate`): a
 * year-less day gives the date of its kind when none was read; a time alone is added to a published
 * date read without one, on its day. Without a full date, nothing; never a date after the reference.
 */
function resolvePartialLines(units: readonly Unit[], labels: readonly Label[], meta: readonly (RuleName | undefined)[], result: TextExtraction, options: TextExtractOptions, titleIndex: number): void {
  const anchor = result.published ?? result.updated;
  if (!anchor) return;
  const anchorUnit = units.find((u) => u.line === anchor.line);
  const full = { value: anchor.value, offset: statedOffset(anchor.value) ?? 0, precision: anchorUnit && /\d[:.h]\d\d/.test(anchorUnit.text) ? ('time' as const) : ('day' as const) };
  for (let i = Math.max(0, titleIndex - META_WINDOW_ABOVE_TITLE); i <= Math.min(units.length - 1, titleIndex + META_NEAR_TITLE); i += 1) {
    const unit = units[i] as Unit;
    if (i === titleIndex || meta[i] || labels[i]?.keep || unit.words > META_MAX_WORDS) continue;
    const partial = readPartialDateLine(unit.text, options.timezone);
    if (!partial) continue;
    if (partial.month !== undefined) {
      if (result[partial.kind]) continue;
      const m = resolvePartialDate(partial, full, options.timezone, options.referenceDate);
      if (m) setDate(result, partial.kind, m.value, unit.line);
    } else if (partial.kind === 'published' && result.published === anchor && full.precision === 'day') {
      const m = resolvePartialDate(partial, full, options.timezone, options.referenceDate);
      if (m) result.published = { value: m.value, line: anchor.line };
      return;
    }
  }
}

/**
 * The date and the rest of its line are set apart by a separator ("11.12.2019 - Amelie Loevenich",
 * "Amelie Loevenich | 11.12.2019", "28. Juni 2019 14. Januar 2020 | Amelie Loevenich"), or the rest stands first ("Amelie Loevenich 11.12.2019"). Words
 * run on after the date with nothing between ("2020-04-26 Deutsche Sprache", "07.12.2022
 * Wissenschaft Klima") are a theme's category links far more often than its author.
 */
function setOff(text: string, rest: string): boolean {
  const trimmed = rest.trim();
  if (/[|•·–—~/]|^-|-$|\s-\s/.test(trimmed)) return true;
  const first = trimmed.split(/\s+/)[0] ?? '';
  return first !== '' && text.trim().startsWith(first);
}

/** The user name that opens a date line, or is all its rest besides the date ("HansEhrlich 17.10.2019, 13:56 Uhr"). */
function handleSegment(text: string, rest: string): string | undefined {
  if (rest.length > 160) return undefined;
  const segments = rest
    .split(/\s*[|•·–—~/,]\s*|\s+-\s+|^-\s*|\s*-$/)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s) && !isCounterSegment(s));
  const first = segments[0];
  if (first === undefined || !isUserHandle(first)) return undefined;
  return segments.length === 1 || text.trim().startsWith(first) ? first : undefined;
}

/**
 * A blog theme's entry line next to the headline: the date (often the published and the updated
 * date glued together), the author, then the categories or a comment count ("2. Februar 20202.
 * Februar 2020 Alexander Roll 1 Kommentar Inklusion", "16. Mai 2019 Markus Elsberger Netzwerk,
 * Windows", "1. November 20161. November 2016 surfguard"). The name is the first two words after
 * the dates when a list or a count follows, or a user name alone.
 */
function entryLineName(rest: string): string | undefined {
  if (rest.length > 160) return undefined;
  let text = rest.trim();
  const second = readDateLine(text, 'UTC', undefined, 12);
  if (second && second.wordsBefore === 0) text = second.rest.trim();
  const cut = text.search(/\s\d|,/);
  const head = (cut < 0 ? text : text.slice(0, cut)).trim();
  const words = head.split(/\s+/);
  if (words.length === 1) return cut < 0 && isUserHandle(head) ? head : undefined;
  if (cut < 0 || words.length > 4) return undefined;
  const name = words.slice(0, 2).join(' ');
  return isBareAuthorLine(name) ? name : undefined;
}

/** Capitalised words (the author, categories) after the date that opens an entry line, at most. */
const ENTRY_LINE_WORDS = 10;

/**
 * The author of an entry line that opens with its date and runs on past a date line's six words
 * (`entryLineName`'s shape with a longer list of categories): only capitalised words, digits and
 * separators after the date, the name its first two words.
 */
function longEntryLineName(text: string, options: TextExtractOptions): string | undefined {
  if (text.length > 160 || !mayHoldDate(text, false)) return undefined;
  const long = readDateLine(text, options.timezone, undefined, ENTRY_LINE_WORDS);
  if (long?.wordsBefore !== 0) return undefined;
  return entryLineName(long.rest);
}

/** A sentence: three words or more, ending as sentences end. */
const SHORT_SENTENCE = /[.!?…]["'”’)]?$/;

/**
 * The body of an article too short for `findBody`: the unlabelled sentences after the headline
 * and its metadata lines, up to the first line a rule labelled. [0, -1] when there are none.
 */
function shortBody(units: readonly Unit[], labels: readonly Label[], meta: readonly (RuleName | undefined)[], titleIndex: number | undefined): [number, number] {
  let from = titleIndex === undefined ? 0 : titleIndex + 1;
  for (let i = from; i < units.length; i += 1) if (meta[i]) from = i + 1;
  let first = -1;
  let last = -1;
  for (let i = from; i < units.length; i += 1) {
    const unit = units[i] as Unit;
    if (labels[i]?.rule || meta[i]) {
      if (first >= 0) break;
      continue;
    }
    if (unit.words >= 3 && SHORT_SENTENCE.test(unit.text)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? [0, -1] : [first, last];
}

/** Cheap test before the date parsers run: a month name, a numeric date, a time or "ago". */
function mayHoldDate(text: string, relative: boolean): boolean {
  if (!/\d/.test(text)) return false;
  if (DATE_HINT.test(text) || /\d:\d\d/.test(text)) return true;
  return relative && /\b(?:ago|hace|il y a|vor|há)\b/i.test(text);
}

/** What is left of a date line besides the date: nothing, a label, or a name / outlet / byline. */
export function restIsNameLike(rest: string): boolean {
  const tokens = rest.split(/\s+/).filter((token) => /[\p{L}]/u.test(token));
  if (tokens.length === 0) return true;
  if (splitByline(rest)) return true;
  return tokens.every((token) => /^[\p{Lu}(]/u.test(token) || /^(?:by|on|at|de|el|le|am|um|por|par|von)$/i.test(token)) || tokens.length <= 2;
}

function setDate(result: TextExtraction, kind: 'published' | 'updated', value: Date, line: number): void {
  noteDate(result, { kind, value, line, near: true });
  if (kind === 'updated') {
    if (!result.updated) result.updated = { value, line };
  } else if (!result.published) {
    result.published = { value, line };
  }
}
