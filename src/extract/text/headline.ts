/**
 * Step 4 of `extractText` (index.ts): the headline of a scraped text page, chosen among scored
 * candidate lines near the body start (see `findTitle`).
 */

import { looksLikePersonName, splitByline } from '../textual/byline.js';
import { gluedTokens, notTitleShape, startsLowerCase, titleSegments, titleSimilarity, titleWords } from '../title.js';
import { readDateLine } from '../dates.js';
import { alternation, chromeWords, LEXICONS, MONTH_WORDS, PUBLISHED_WORDS, UPDATED_WORDS } from '../lexicon/index.js';
import { BYLINE_HINT, DATE_HINT, NOT_HEADLINE, PHOTO_CREDIT_START } from './rules.js';
import { isProse, keyOf, type Label, restIsNameLike, STANDFIRST_MAX_WORDS } from './index.js';
import { templateKey } from './template.js';
import type { Unit } from './units.js';

/** How far before the body a title is looked for (in units). */
const TITLE_WINDOW = 30;

/**
 * The features of a headline candidate: the layout and shape cues of `findTitle`'s doc comment,
 * which the hand weights (`TITLE`, `handScore`) turn into the candidate's score (feature 1), and
 * a few more cues (a page title at the top, Title Case, a colon, ...). scripts/title-ranking.ts
 * fits weights for all of them against the development sets' titles: out of sample they order
 * the candidates no better than the hand weights (docs/BENCHMARKS.md), so the hand weights decide.
 */
export const TITLE_FEATURE_NAMES = [
  'bias',
  'hand-score',
  'headline-length',
  'dek-excess-words',
  'all-capitals',
  'separator',
  'sentence-end',
  'pull-quote',
  'lower-case-start',
  'units-above-body',
  'inside-body',
  'anchor-below',
  'anchor-above',
  'above-dek',
  'repeated-near-or-top',
  'lead-agreement',
  'breadcrumb-tail',
  'quoted-elsewhere',
  'copy-at-top',
  'top-line-agreement',
  'heads-story',
  'log-words',
  'question-or-exclamation',
  'capitalised-share',
  'colon',
  'nearer-candidates',
  'duplicate-label',
  'host-name',
  'teaser-list',
] as const;

/** One line `findTitle` weighed: its unit index and its features (`TITLE_FEATURE_NAMES`). */
export interface TitleCandidate {
  index: number;
  text: string;
  x: Float64Array;
}

/** What `extractText` passes to `findTitle` (for scripts/title-ranking.ts and the tests). */
export interface TitleChoice {
  /** Receives the candidates of each `findTitle` call with their features. */
  titleTrace?: TitleTrace;
}

/** What `findTitle` weighed (one entry per call): its candidates with their features, and the index it chose. */
export type TitleTrace = { loose: boolean; candidates: TitleCandidate[]; chosen: number | undefined }[];

/**
 * Step 4: the headline. Candidates are the headline-like lines in the `TITLE_WINDOW` units before
 * the body, and the first few units of the body when one of them stands right above a byline or a
 * date (a headline that ends with a full stop is widened into the body). Each candidate is scored
 * by `headlineScore` (length, capitals, separators, sentence end, a dek's length, a pull quote)
 * plus general layout cues: a headline stands right above the byline or date line
 * (`TITLE.anchorBonus`), and pages repeat their headline (the page title, share text, a
 * breadcrumb) while they rarely repeat a kicker or a dek (`TITLE.repeatBonus`). Lines further from
 * the body cost a little, so of two equal candidates the nearer wins (a headline over its byline
 * counts as near as the byline: `TITLE.bylineDistance`); a line naming a host costs
 * (`TITLE.hostNameCost`).
 */
export function findTitle(units: readonly Unit[], labels: readonly Label[], bodyStart: number, loose = false, choice: TitleChoice = {}): number | undefined {
  const trace = choice.titleTrace;
  // A page saved from a web archive opens with the archive's capture banner: when the body was
  // found inside it, the page's own headline is looked for over the first prose below it.
  const banner = captureBannerEnd(units);
  const start = banner !== undefined && bodyStart <= banner ? firstProseAfter(units, banner) : bodyStart;
  const from = Math.min(start - 1, units.length - 1);
  const lowest = Math.max(banner === undefined ? 0 : banner + 1, start - TITLE_WINDOW);
  let highest = Math.min(units.length - 1, start + (loose ? TITLE.looseReach : TITLE.insideReach));
  // A headline precedes the story: inside the body, only lines before its first prose line
  // (when nothing else was found, the body may have started too early, at a teaser or a ticker:
  // the lines before its second prose line).
  for (let i = Math.max(0, start) + (loose ? 1 : 0); i <= highest; i += 1) {
    const unit = units[i] as Unit;
    if (isProse(unit) && unit.words > TITLE.dekWords && !(loose && labels[i]?.rule)) highest = i - 1;
  }
  const lead = storyLeadWords(units, start);
  const anchors = new Map<number, boolean>();
  const anchor = (i: number): boolean => {
    let known = anchors.get(i);
    if (known === undefined) {
      known = isHeaderAnchor(units[i] as Unit);
      anchors.set(i, known);
    }
    return known;
  };
  let copies: Map<string, number[]> | undefined;
  let tails: Set<string> | undefined;
  let quoting: QuotingLine[] | undefined;
  let top: { index: number; parts: string[] }[] | undefined;
  let bareName: number | undefined;
  let oneWord: number | undefined;
  let anchoredWord: number | undefined;
  const candidates: TitleCandidate[] = [];
  for (let i = highest; i >= lowest; i -= 1) {
    const unit = units[i] as Unit;
    const label = labels[i] as Label;
    // A later copy of a line is a candidate: pages repeat their headline (breadcrumb, then the h1).
    if ((label.rule && label.rule !== 'duplicate-block') || unit.words === 0 || anchor(i)) continue;
    // (Headlines are short: longer lines are not tested against the shapes at all.)
    if (unit.text.length > TITLE.maxChars || SKIPPED_SHAPES.some((rule) => rule.pattern.test(unit.text)) || notTitleOnPage(units, i) || inFieldRun(units, i)) continue;
    // A line under a picture's zoom button ("click to enlarge", "Vergrößern") is its caption.
    if (ZOOM_BUTTONS.has(foldSpaces(prevNonEmpty(units, i)?.text ?? ''))) continue;
    // The author's bare name above the date line (blog layouts) is not the headline. Above a
    // byline that names the author itself ("By Cy Dale - March 12"), a short Title Case line such
    // as "Council Approves Budget" is the headline, however much it looks like a name.
    if (i + 1 < units.length && anchor(i + 1) && !namesAuthor(units[i + 1] as Unit) && looksLikePersonName(unit.text)) {
      // ... unless nothing better turns up: "Power Outage Hits Downtown" above "March 7, 2025"
      // with no byline is a headline too (kept as a fallback, the nearest such line).
      bareName ??= i;
      continue;
    }
    if (!looksLikeHeadline(unit)) {
      if (loose && oneWord === undefined && i < start && i >= start - ONE_WORD_REACH && isOneWordHeadline(unit) && headsStory(units, labels, i)) oneWord = i;
      // A one-word headline right over a byline or date line ("Nebelsuppe." over "Veröffentlicht am ...").
      if (!loose && anchoredWord === undefined && i <= from && isOneWordHeadline(unit) && anchorFollows(units, labels, i, anchor)) anchoredWord = i;
      continue;
    }
    // A headline over its dek is anchored when the dek stands right above the byline or date.
    const anchored = anchorFollows(units, labels, i, anchor) || anchoredDek(units, labels, i, anchor, start);
    const precedes = anchorPrecedes(units, i, anchor);
    const heads = headsStory(units, labels, i);
    const fullStop = /[.…][”"’»)]*$/u.test(unit.text);
    // Inside the body only a line right above (or right below) a byline or date is a headline.
    if (i > from && !anchored && !precedes && !(heads && !fullStop)) continue;
    // The hand score needs only some of the features; the others (and the vector itself) are
    // built only for a trace (scripts/title-ranking.ts), which costs ~1 % of a page's CPU.
    const x = new Float64Array(TITLE_FEATURE_NAMES.length);
    x[0] = 1;
    headlineShape(unit, x);
    // A dek stands below its headline: a long line over a shorter headline-like line is the headline.
    if (x[3] !== 0 && overShorterLine(units, labels, i, anchor)) x[3] = 0;
    if (trace) traceShape(unit, x);
    x[9] = Math.max(0, from - i);
    if (anchored && bylineBelow(units, i)) x[9] = Math.min(x[9], TITLE.bylineDistance);
    x[10] = i > from ? 1 : 0;
    x[11] = anchored ? 1 : 0;
    x[12] = precedes ? 1 : 0;
    // A whole quotation right over a byline or date line is the headline in quotation marks (a
    // pull quote stands inside the story, not over its byline): its guillemets are no separator.
    if (x[5] === 1 && anchored && WHOLE_QUOTATION.test(unit.text) && followingAnchor(units, labels, i, anchor) === nextNonEmpty(units, i)) x[5] = 0;
    let dek: number | undefined;
    if (anchored) dek = dekBelow(units, labels, i, anchor);
    else if (i < start) dek = dekBelow(units, labels, i, anchor, start);
    x[13] = dek === undefined ? 0 : 1;
    if (unit.words >= 3) {
      copies ??= shortKeyPositions(units);
      const positions = copies.get(keyOf(unit)) ?? [];
      x[14] = repeatedNearOrAtTop(positions, i) ? 1 : 0;
      if (trace) x[18] = positions.some((j) => j !== i && j < PAGE_TITLE_UNITS) ? 1 : 0;
    }
    // A headline names what the story's first sentences are about; a widget or a teaser does not.
    // (Not a sentence: a dek ending in a full stop shares the story's words too.)
    // A headline over its dek is judged with the dek: the dek restates the story, the headline
    // names it in fewer words, and the two together are the title block.
    if (!fullStop) {
      const own = leadAgreement(unit.text, lead);
      const dekUnit = dek === undefined ? undefined : (units[dek] as Unit);
      // (The dek stands before the story, and is clearly longer: not a menu line over the headline.)
      const inherits = dekUnit !== undefined && (dek as number) < start && dekUnit.words > unit.words + TITLE.dekMargin;
      x[15] = inherits ? Math.max(own, leadAgreement(dekUnit.text, lead)) : own;
    }
    // The last item of a breadcrumb ("Startseite » News » <headline>") names the page.
    tails ??= breadcrumbTails(units, start);
    if (tails.has(keyOf(unit))) x[16] = 1;
    else if (unit.words >= 3) {
      quoting ??= quotingLines(units);
      if (quotedElsewhere(quoting, i, unit.text)) x[17] = 1;
    }
    if (trace) {
      // The page title the scraper kept at the top ("<headline> | Site", "<headline> - Site").
      top ??= topLines(units);
      x[19] = topAgreement(top, i, unit.text);
      x[20] = heads ? 1 : 0;
      x[26] = label.rule === 'duplicate-block' ? 1 : 0;
    }
    x[1] = handScore(x);
    candidates.push({ index: i, text: unit.text, x });
  }
  // Many lines each over its own byline or date line: a list of teasers, where standing over a
  // byline says nothing about being the page's headline. (Lines over one and the same date line
  // are a header's labels and counters, as in a forum post's header: they count once.)
  const anchored = candidates.filter((c) => c.x[11] === 1);
  if (new Set(anchored.map((c) => followingAnchor(units, labels, c.index, anchor) ?? c.index)).size >= TITLE.teaserListAnchors) {
    for (const c of anchored) {
      c.x[28] = 1;
      c.x[1] = handScore(c.x);
    }
  }
  let best: number | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  let bestX: Float64Array | undefined;
  candidates.forEach((c, rank) => {
    c.x[25] = rank;
    const score = c.x[1] as number;
    if (score > bestScore) {
      bestScore = score;
      best = c.index;
      bestX = c.x;
    }
  });
  let weak = false;
  if (!loose && (best === undefined || bestX === undefined || weakWinner(bestX))) {
    // (A weak winner that heads the story gives way only to a header above the window: below it
    // stand the story's own subheadings.)
    const heads = best !== undefined && headsStory(units, labels, best);
    weak = !heads;
    const header = articleHeaderElsewhere(units, labels, lowest, heads ? units.length : highest, anchor);
    if (header !== undefined && header.score > bestScore) {
      best = header.index;
      bestScore = header.score;
      weak = false;
    }
  }
  // A full sentence below such a line is the story's first paragraph, not its headline; a weak
  // winner is no better than a name-like line over a date line.
  let chosen = bareName !== undefined && (best === undefined || weak || (best > bareName && /[^.]\.$/.test((units[best] as Unit).text))) ? bareName : best;
  if (weak && chosen === best && anchoredWord !== undefined) chosen = anchoredWord;
  // A weak winner that nothing else backs is no headline (a shop's "Free shipping", a menu's
  // section): none is found in the window, and the caller looks into the body (`loose`).
  if (weak && chosen === best) chosen = undefined;
  // A breadcrumb or a comment heading names the page: its copy as a line of its own is
  // the headline, wherever the body starts (teasers and section labels near a wrong start lose to it).
  const named = namedHeadline(units, labels, start, anchor);
  if (named !== undefined && (chosen === undefined || keyOf(units[chosen] as Unit) !== keyOf(units[named] as Unit))) chosen = named;
  trace?.push({ loose, candidates, chosen });
  // Last resort: a one-word headline ("Zeitphilosophie", "Willkommen!") right over the story;
  // then a headline the page prints twice, wherever it stands.
  return chosen ?? oneWord ?? (loose ? repeatedHeadline(units, labels, anchor) : undefined);
}

/** A headline that `repeatedHeadline` finds has this many words or more (shorter lines that recur are buttons and labels: "Lo haré después"). */
const REPEATED_HEADLINE_WORDS = 4;

/**
 * When nothing near the body is a headline: the first headline-like line (`REPEATED_HEADLINE_WORDS`
 * words or more, no sentence, no list item, byline or date) that the page prints again as a line of its own
 * (a headline over its picture's caption, over a gallery, in a share box). Undefined when no
 * such line recurs.
 */
function repeatedHeadline(units: readonly Unit[], labels: readonly Label[], anchor: (i: number) => boolean): number | undefined {
  const counts = new Map<string, number>();
  const eligible = (i: number): boolean => {
    const unit = units[i] as Unit;
    return unit.words >= REPEATED_HEADLINE_WORDS && !unit.sentence && (!labels[i]?.rule || labels[i]?.rule === 'duplicate-block') && looksLikeHeadline(unit) && unit.text.length <= TITLE.maxChars;
  };
  for (let i = 0; i < units.length; i += 1) if (eligible(i)) counts.set(keyOf(units[i] as Unit), (counts.get(keyOf(units[i] as Unit)) ?? 0) + 1);
  for (let i = 0; i < units.length; i += 1) {
    if (!eligible(i) || (counts.get(keyOf(units[i] as Unit)) ?? 0) < 2 || anchor(i)) continue;
    if (SKIPPED_SHAPES.some((rule) => rule.pattern.test((units[i] as Unit).text)) || notTitleOnPage(units, i)) continue;
    return i;
  }
  return undefined;
}

/** A picture's zoom button on a line of its own ("click to enlarge", "Bild vergrößern"), lower case. */
const ZOOM_BUTTONS: ReadonlySet<string> = new Set(chromeWords('zoomButtons'));

/** How many non-empty units from the top a web archive's capture banner may take. */
const CAPTURE_BANNER_REACH = 40;

/**
 * The last unit of a web archive's capture banner at the top of the page (the Wayback Machine's
 * "About this capture", "COLLECTED BY", the collections' descriptions, "TIMESTAMPS"): the archive's
 * interface, prose included, that stands over every page it saved, whatever the site. Undefined
 * when the page does not open with one.
 */
function captureBannerEnd(units: readonly Unit[]): number | undefined {
  let about = false;
  let seen = 0;
  for (let i = 0; i < units.length && seen < CAPTURE_BANNER_REACH; i += 1) {
    const unit = units[i] as Unit;
    if (unit.words === 0) continue;
    seen += 1;
    const key = foldSpaces(unit.text);
    if (key === 'about this capture') about = true;
    else if (about && key === 'timestamps') {
      // (The banner's last line may name the capture: "The Wayback Machine - https://web.archive.org/...".)
      const next = units.findIndex((u, j) => j > i && u.words > 0);
      return next >= 0 && /^the wayback machine\b/i.test((units[next] as Unit).text) ? next : i;
    }
  }
  return undefined;
}

/** The first paragraph of prose (longer than a dek) after unit `i`; the end of the page when there is none. */
function firstProseAfter(units: readonly Unit[], i: number): number {
  for (let j = i + 1; j < units.length; j += 1) if (isProse(units[j] as Unit) && (units[j] as Unit).words > TITLE.dekWords) return j;
  return units.length;
}

/**
 * The winner of the window is weak: no byline or date next to it, little in common with the
 * story's first sentences, a middling score. Such a winner is mostly a label or a teaser over a
 * body start that is wrong, and the page's real article header may stand elsewhere.
 */
function weakWinner(x: Float64Array): boolean {
  return x[11] === 0 && x[12] === 0 && (x[15] as number) < TITLE.weakLead && (x[1] as number) < TITLE.weakScore;
}

/**
 * The best article header outside `[lowest, highest]` (the title window, or the window and all
 * below it): a headline-like line
 * right above a byline or date line (`anchorFollows`) that heads a paragraph of prose and
 * names it (its content words recur in that paragraph's first sentences), scored as `findTitle`
 * scores a candidate right above its body. Teasers in a list have a date below them too, but
 * rarely a full paragraph that retells them.
 */
function articleHeaderElsewhere(units: readonly Unit[], labels: readonly Label[], lowest: number, highest: number, anchor: (i: number) => boolean): { index: number; score: number } | undefined {
  let found: { index: number; score: number } | undefined;
  for (let i = 0; i < units.length; i += 1) {
    if (i >= lowest && i <= highest) continue;
    const unit = units[i] as Unit;
    if (labels[i]?.rule || unit.words < 3 || unit.text.length > TITLE.maxChars || !looksLikeHeadline(unit)) continue;
    if (SKIPPED_SHAPES.some((rule) => rule.pattern.test(unit.text)) || notTitleOnPage(units, i)) continue;
    if (!anchorFollows(units, labels, i, anchor) || anchor(i)) continue;
    // The story: the first paragraph of prose within a few units below.
    let story = -1;
    for (let j = i + 1; j < Math.min(units.length, i + HEADER_STORY_REACH); j += 1) {
      const below = units[j] as Unit;
      if (!labels[j]?.rule && isProse(below) && below.words > TITLE.dekWords) {
        story = j;
        break;
      }
    }
    if (story < 0) continue;
    const lead = leadAgreement(unit.text, storyLeadWords(units, story));
    if (lead < TITLE.weakLead) continue;
    const x = new Float64Array(TITLE_FEATURE_NAMES.length);
    x[0] = 1;
    headlineShape(unit, x);
    x[9] = Math.max(0, story - 1 - i);
    x[11] = 1;
    x[15] = lead;
    const score = handScore(x);
    if (found === undefined || score > found.score) found = { index: i, score };
  }
  return found;
}

/** How many units below an article header its story's first paragraph may start. */
const HEADER_STORY_REACH = 8;

/** The next non-empty unlabelled unit is a paragraph of prose: the line heads the story (or a section of it). */
function headsStory(units: readonly Unit[], labels: readonly Label[], i: number): boolean {
  for (let j = i + 1; j < units.length; j += 1) {
    const unit = units[j] as Unit;
    // (A reading time or a share bar between the headline and the story is skipped, and so is
    // an epigraph: a quotation set off as a block, "> “…”".)
    if (unit.words > 0 && !labels[j]?.rule && !EPIGRAPH.test(unit.text)) return isProse(unit) && unit.words > TITLE.dekWords;
  }
  return false;
}

/** A quotation set off as a block ("> “Es ist nicht zu wenig Zeit …”"): an epigraph between a headline and its story. */
const EPIGRAPH = /^>\s*[“„"«‘‚]/u;

/**
 * The next non-empty line is a shorter headline-like line, no byline or date: the line is not a
 * dek (a dek stands below its headline and is longer), however long.
 */
function overShorterLine(units: readonly Unit[], labels: readonly Label[], i: number, anchor: (i: number) => boolean): boolean {
  for (let j = i + 1; j < units.length; j += 1) {
    const below = units[j] as Unit;
    if (below.words === 0) continue;
    return !labels[j]?.rule && !anchor(j) && looksLikeHeadline(below) && !below.sentence && below.words < (units[i] as Unit).words;
  }
  return false;
}

/** How many units above the body start a one-word headline may stand (see `isOneWordHeadline`). */
const ONE_WORD_REACH = 4;

/**
 * A one-word line that may be a headline when nothing else is: capitalised, not in capitals (a
 * kicker, a logo), five letters or more (not "Menu", "Home"), no digits.
 */
function isOneWordHeadline(unit: Unit): boolean {
  return unit.words === 1 && !unit.list && /^\p{Lu}\p{Ll}{4,}[!?.]?$/u.test(unit.text);
}

/**
 * A byline proper (`namesAuthor`) stands within `ANCHOR_REACH` non-empty units below the line:
 * the line and its byline are the article's header (see `TITLE.bylineDistance`).
 */
function bylineBelow(units: readonly Unit[], i: number): boolean {
  let seen = 0;
  for (let j = i + 1; j < units.length && seen < ANCHOR_REACH; j += 1) {
    const u = units[j] as Unit;
    if (u.words === 0) continue;
    seen += 1;
    if (namesAuthor(u)) return true;
  }
  return false;
}

/** A byline proper ("By Cy Dale", "Posted by ..."), not a bare date line. */
function namesAuthor(unit: Unit): boolean {
  return BYLINE_HINT.test(unit.text) || splitByline(unit.text) !== undefined;
}

/**
 * The line has a shape a headline does not have (`notTitleShape`), on this page: words glued
 * where menu links ended ("HomeNewsBusiness") stand in menus, while a name written in camel case
 * ("Initiative EnergieEffizienz") is written so in the story's prose too: a line whose glued
 * tokens all recur in a paragraph of prose is not a menu.
 */
function notTitleOnPage(units: readonly Unit[], i: number): boolean {
  const text = (units[i] as Unit).text;
  const shape = notTitleShape(text);
  if (shape !== 'gluedMenu') return shape !== undefined;
  return !gluedTokens(text).every((token) => units.some((other, j) => j !== i && isProse(other) && other.text.includes(token)));
}

/** A field's label has at most this many words ("Verlag", "Zeit und Ort"). */
const FIELD_LABEL_WORDS = 3;
/** ... and its value at most this many (a name, a number, a place: "Lockdown: Gottesdienste bleiben unter strengen Auflagen möglich" is a headline). */
const FIELD_VALUE_WORDS = 4;

/** A field line of a fact box or a form: "Verlag: Heyne", "Protokoll: Johannes Mahler", "Sprache:  Englisch". */
function isFieldLine(unit: Unit | undefined): boolean {
  if (unit === undefined || unit.words === 0 || unit.words > FIELD_LABEL_WORDS + FIELD_VALUE_WORDS || unit.list) return false;
  const m = /^([^:]+):\s*(\S.*)$/u.exec(unit.text);
  return m !== null && /\p{L}/u.test(m[1] as string) && (m[1] as string).trim().split(/\s+/).length <= FIELD_LABEL_WORDS && (m[2] as string).split(/\s+/).length <= FIELD_VALUE_WORDS;
}

/**
 * The line is one of two or more field lines in a row (`isFieldLine`): a fact box (a book's
 * publisher, pages and price; the minutes' time, place and writer; a download's category and
 * language), whose lines are never the headline, however headline-like one of them is.
 */
function inFieldRun(units: readonly Unit[], i: number): boolean {
  if (!isFieldLine(units[i])) return false;
  const near = (step: number): Unit | undefined => {
    for (let j = i + step; j >= 0 && j < units.length; j += step) if ((units[j] as Unit).words > 0) return units[j];
    return undefined;
  };
  return isFieldLine(near(-1)) || isFieldLine(near(1));
}

/** Line shapes that are never the headline (see rules.ts). */
const SKIPPED_SHAPES = [NOT_HEADLINE.credit, NOT_HEADLINE.attribution, NOT_HEADLINE.handle, NOT_HEADLINE.iconName, NOT_HEADLINE.gluedLabel];

/**
 * A byline or a date line (checked with the real parsers: the cheap hints of `isAnchor` also
 * match headlines such as "Doobie Brothers Set 50th Anniversary Tour", where "Set" is a month).
 */
export function isMetaAnchor(unit: Unit): boolean {
  if (unit.words === 0 || unit.words > 20) return false;
  if (BYLINE_HINT.test(unit.text) || POSTED.test(unit.text)) return true;
  if (splitByline(unit.text)) return true;
  if (NUMERIC_DATE.test(unit.text)) return true;
  if (!/\d/.test(unit.text) || !DATE_HINT.test(unit.text)) return false;
  if (MONTH_THEN_DAY.test(unit.text) || DAY_MONTH_YEAR.test(unit.text)) return true;
  const date = readDateLine(unit.text, 'UTC', undefined, 6);
  return date !== undefined && restIsNameLike(date.rest);
}

/**
 * A byline or date line of an article's header (`isMetaAnchor`), not a headline that holds a date
 * (`isDatedHeadline`): what `findTitle` looks for below and above a headline.
 */
function isHeaderAnchor(unit: Unit): boolean {
  return isMetaAnchor(unit) && !isDatedHeadline(unit);
}

/** Words (of letters) a headline says before its date and any other number (see `isDatedHeadline`). */
const DATED_HEADLINE_WORDS = 4;
/** Words a dated headline may have after its date's last number ("18 Uhr"; a name there is a byline's). */
const DATED_HEADLINE_TAIL = 1;

/** Publication and update words ("veröffentlicht", "updated") and byline words before a name ("von Olga", "by Ann"): a date line's, not a headline's. */
const DATE_LINE_WORD = new RegExp(`(?<![\\p{L}])(?:${alternation([...PUBLISHED_WORDS, ...UPDATED_WORDS].filter((w) => w.length >= 6))})(?![\\p{L}])`, 'iu');
/**
 * A byline word before a capitalised name ("... by Ann"), or opening the line before any name ("by
 * oz on December 4, 2006"). The first is case-sensitive: under `i`, `\p{Lu}` is any letter, and a
 * headline that says "killed by police" is no byline.
 */
const BY_NAME = /(?<![\p{L}])(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]i|DI)\s+\p{Lu}/u;
const BY_FIRST = /^(?:by|von|par|por|di)\s+\p{L}/iu;

/**
 * A headline that ends with a date ("Protokoll der Vorstandssitzung vom 10. Oktober 2019",
 * "Andacht zur Friedensdekade, 11. November 2021, 18 Uhr", "<headline> 06.02.2022"): a date line
 * to `isMetaAnchor`, but it says what happened in `DATED_HEADLINE_WORDS` words or more before its
 * date and little after it, and names no author and no publication. A date line's label
 * ("Zuletzt aktualisiert am", "Artikel vom") is shorter, and a picture's credit opens with its noun ("Foto: ..."); a header line that starts with the date
 * ("24.01.2022 - Meldung - <section>") or goes on after it ("06.11.2023 13:30 von Olga") is not
 * a headline.
 */
export function isDatedHeadline(unit: Unit): boolean {
  const text = unit.text;
  if (unit.words <= DATED_HEADLINE_WORDS || BYLINE_HINT.test(text) || POSTED.test(text) || DATE_LINE_WORD.test(text) || BY_NAME.test(text) || BY_FIRST.test(text)) return false;
  // A picture's credit with the date ("Photo: Club archive 15 August 2016, 13:43") names a source as a byline names an author.
  if (PHOTO_CREDIT_START.test(text.toLowerCase())) return false;
  // The date ends the line, after the words that say what happened (none of them a number).
  const tokens = text.split(/\s+/);
  const firstDigits = tokens.findIndex((token) => /\d/.test(token));
  const lastDigits = tokens.findLastIndex((token) => /\d/.test(token));
  if (firstDigits < 0 || tokens.length - 1 - lastDigits > DATED_HEADLINE_TAIL) return false;
  if (tokens.slice(0, firstDigits).filter((token) => /\p{L}{2,}/u.test(token)).length < DATED_HEADLINE_WORDS) return false;
  return readDateLine(text, 'UTC', undefined, unit.words) !== undefined && splitByline(text) === undefined;
}

/** 19/11/2019, 2019-11-19, 11.19.19 or a clock time: a date line even with other words on it. */
const NUMERIC_DATE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\b\d{1,2}:\d\d\b/;

/** A month name written out (or a dotted abbreviation) followed by a day: "October 12, 2018", "Nov. 19". */
const MONTH_THEN_DAY = new RegExp(`(?<![\\p{L}])(?:${alternation([...MONTH_WORDS].filter((w) => w.length > 3))}|(?:${alternation([...MONTH_WORDS].filter((w) => w.length <= 3))})\\.)\\s*\\d{1,2}\\b`, 'iu');

/** A day, a month name and a year: "18 Nov 2019", "5. März 2020". */
const DAY_MONTH_YEAR = /\b\d{1,2}\.?\s+\p{L}{3,10}\.?\s+\d{4}\b/u;

/**
 * Pages show their headline twice (above the byline, and again over a gallery right before the
 * story). The nearer copy wins in `findTitle`; when an earlier copy in the title window stands
 * right above a byline or date, that one is the headline, so the metadata under it is read.
 */
export function firstAnchoredCopy(units: readonly Unit[], labels: readonly Label[], title: number | undefined, start: number): number | undefined {
  if (title === undefined) return undefined;
  const key = keyOf(units[title] as Unit);
  for (let i = Math.max(0, start - TITLE_WINDOW); i < title; i += 1) {
    const unit = units[i] as Unit;
    if (unit.words === 0 || labels[i]?.rule || keyOf(unit) !== key) continue;
    if (anchorFollows(units, labels, i, (j) => isHeaderAnchor(units[j] as Unit))) return i;
  }
  return title;
}

/** How many lines below a headline its byline or date line may stand (non-empty units). */
const ANCHOR_REACH = 3;

/**
 * A byline or date line follows within `ANCHOR_REACH` non-empty units, with at most one
 * unlabelled line (a dek, a bare author name, a label) between.
 */
function anchorFollows(units: readonly Unit[], labels: readonly Label[], i: number, anchor: (i: number) => boolean): boolean {
  return followingAnchor(units, labels, i, anchor) !== undefined;
}

/** The byline or date line that `anchorFollows` finds below unit `i` (its index), if any. */
function followingAnchor(units: readonly Unit[], labels: readonly Label[], i: number, anchor: (i: number) => boolean): number | undefined {
  let seen = 0;
  let between = 0;
  for (let j = i + 1; j < units.length && seen < ANCHOR_REACH; j += 1) {
    if ((units[j] as Unit).words === 0) continue;
    seen += 1;
    if (anchor(j)) return j;
    // A one- or two-word label ("Editorial", "Analysis") does not separate a headline from its byline.
    if (!labels[j]?.rule && (units[j] as Unit).words > 2) between += 1;
    if (between > 1) return undefined;
  }
  return undefined;
}

/** The line stands over a dek (see `dekBelow`, before the body start) of a sentence's length that stands right above a byline or date line. */
function anchoredDek(units: readonly Unit[], labels: readonly Label[], i: number, anchor: (i: number) => boolean, start: number): boolean {
  if (i >= start) return false;
  const dek = dekBelow(units, labels, i, anchor, start);
  return dek !== undefined && (units[dek] as Unit).words >= TITLE.anchoringDekWords && anchorFollows(units, labels, dek, anchor);
}

/** The non-empty unit right above is a byline or date line (layouts that date the story first). */
function anchorPrecedes(units: readonly Unit[], i: number, anchor: (i: number) => boolean): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 3); j -= 1) {
    if ((units[j] as Unit).words > 0) return anchor(j);
  }
  return false;
}

/**
 * The next line is a dek (its index; undefined if not): unlabelled, not a byline or date,
 * and longer than this line. A headline sits above its dek, which is closer to the byline.
 */
function dekBelow(units: readonly Unit[], labels: readonly Label[], i: number, anchor: (i: number) => boolean, before = units.length): number | undefined {
  const words = (units[i] as Unit).words;
  for (let j = i + 1; j < Math.min(units.length, i + 4); j += 1) {
    const unit = units[j] as Unit;
    if (unit.words === 0) continue;
    // Without a byline below, the dek must stand before the body and be no paragraph itself.
    if (j >= before || (before < units.length && (unit.words > STANDFIRST_MAX_WORDS || unit.list))) return undefined;
    if (labels[j]?.rule || anchor(j) || unit.words <= 2) return undefined;
    // ... and clearly longer than the headline (a kicker over its headline is only a little
    // shorter), with or without a byline below.
    return unit.words > words + TITLE.dekMargin ? j : undefined;
  }
  return undefined;
}

/** How many words of the story's start a headline is compared with. */
const LEAD_WORDS = 120;

/** Content words (four letters or more) of a line, lower case, in the form `titleWords` gives. */
function contentWords(text: string): string[] {
  return titleWords(text).filter((w) => w.length >= 4 && !/^\d+$/.test(w));
}

/** The content words of the first `LEAD_WORDS` words of prose from `start` on. */
function storyLeadWords(units: readonly Unit[], start: number): Set<string> {
  const words = new Set<string>();
  let seen = 0;
  for (let i = Math.max(0, start); i < units.length && seen < LEAD_WORDS; i += 1) {
    const unit = units[i] as Unit;
    if (!isProse(unit)) continue;
    seen += unit.words;
    for (const w of contentWords(unit.text)) words.add(w);
  }
  return words;
}

/** Share of the line's content words that the story's start uses (0 when it has none). */
function leadAgreement(text: string, lead: ReadonlySet<string>): number {
  const words = contentWords(text);
  if (words.length === 0 || lead.size === 0) return 0;
  let shared = 0;
  for (const w of words) if (lead.has(w)) shared += 1;
  return shared / words.length;
}

/** Breadcrumb separators: "Home » News » Headline", "Sie sind hier: > Headline". */
const CRUMB_SEPARATOR = /\s[»>›|/→]\s|^[\p{L} ]{2,30}:\s*>\s/u;

/**
 * The template keys of the last items of the page's breadcrumbs: a line of levels, a list
 * (`crumbListTail`), or below the body start `start` a plain list from the home page
 * (`rootedCrumbTail`: above the story, a site's menu starts at the home page too).
 */
function breadcrumbTails(units: readonly Unit[], start: number): Set<string> {
  const tails = new Set<string>();
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i] as Unit;
    if (unit.list) {
      const tail = (i > start ? rootedCrumbTail(units, i) : undefined) ?? crumbListTail(units, i)?.name;
      if (tail !== undefined) tails.add(templateKey(tail));
      continue;
    }
    if (unit.words < 3 || unit.words > 60 || !CRUMB_SEPARATOR.test(unit.text)) continue;
    const parts = unit.text.split(/\s*[»>›|/→]\s*/);
    const last = parts[parts.length - 1]?.trim();
    if (last && last.split(/\s+/).length >= 2) tails.add(templateKey(last));
  }
  return tails;
}

/** The first level of a breadcrumb: the home page ("Home", "Startseite", "Inicio"), lower case. */
const CRUMB_ROOTS: ReadonlySet<string> = new Set(chromeWords('breadcrumbRoots'));
/** A breadcrumb has at least this many levels with the page (home, a section, the page) ... */
const ROOTED_CRUMB_MIN = 3;
/** ... and at most this many (a longer list from the home page is a menu). */
const ROOTED_CRUMB_MAX = 5;

/**
 * The last item of a breadcrumb written as a short bulleted list of its own that starts at the
 * home page, without separators ("* Home", "* Konzepte", "* <page name>"): three to five items,
 * the list starting at unit `i` (no list item right above it) and ending before a line that is no
 * list item, every level but the last a short name, the last one two words or more. It names the
 * page. (A site menu that starts at the home page is longer, or ends at a one-word section.)
 * `echoed`: the list may follow other list items (a menu run on into the breadcrumb), but the
 * line right below it must repeat its last item (the page's headline under its breadcrumb).
 */
function rootedCrumbTail(units: readonly Unit[], i: number, echoed = false): string | undefined {
  if (!CRUMB_ROOTS.has(foldSpaces((units[i] as Unit).text)) || (!echoed && prevNonEmpty(units, i)?.list)) return undefined;
  const items: string[] = [];
  let after: Unit | undefined;
  for (let j = i; j < units.length; j += 1) {
    const unit = units[j] as Unit;
    if (unit.words === 0) continue;
    if (!unit.list) {
      after = unit;
      break;
    }
    items.push(unit.text);
    if (items.length > ROOTED_CRUMB_MAX) return undefined;
  }
  // (`echoed`: the last item is repeated right below the list as a line of its own, the page's headline.)
  if (echoed && (after === undefined || foldSpaces(after.text) !== foldSpaces(items[items.length - 1] ?? ''))) return undefined;
  if (items.length < ROOTED_CRUMB_MIN || items.slice(1, -1).some((x) => titleWords(x).length > CRUMB_LEVEL_WORDS)) return undefined;
  const last = items[items.length - 1] as string;
  const words = titleWords(last).length;
  return words >= 2 && words <= 30 ? last : undefined;
}

/** The index of the nearest non-empty unit below unit `i` (undefined at the end of the page). */
function nextNonEmpty(units: readonly Unit[], i: number): number | undefined {
  for (let j = i + 1; j < units.length; j += 1) if ((units[j] as Unit).words > 0) return j;
  return undefined;
}

/** The nearest non-empty unit above unit `i`. */
function prevNonEmpty(units: readonly Unit[], i: number): Unit | undefined {
  for (let j = i - 1; j >= 0; j -= 1) if ((units[j] as Unit).words > 0) return units[j];
  return undefined;
}

/** A one-line breadcrumb's levels above the page, home included, have at most this many words ("StartseiteNews & mehr"). */
const ECHOED_CRUMB_LEVEL_WORDS = 8;
/** The page's name at the end of such a breadcrumb has at least this many words. */
const ECHOED_CRUMB_TITLE_WORDS = 3;

/**
 * The line after unit `i` when unit `i` is a one-line breadcrumb that starts at the home page
 * ("Startseite", "Home", `breadcrumbRoots`) and ends with that line's text: the page's headline
 * under its breadcrumb, whatever the breadcrumb's levels are joined with (the scraper often glues
 * them: "StartseiteNetzwerk<headline>", "StartseiteNews & mehr<headline>"). The headline has
 * `ECHOED_CRUMB_TITLE_WORDS` words or more, the levels before it `ECHOED_CRUMB_LEVEL_WORDS` or
 * fewer. Undefined when the unit is not such a breadcrumb.
 */
function echoedLineCrumb(units: readonly Unit[], i: number): number | undefined {
  const unit = units[i] as Unit;
  if (unit.list || unit.words < ECHOED_CRUMB_TITLE_WORDS + 1 || unit.text.length > TITLE.maxChars) return undefined;
  const root = /^\p{L}+(?:\s\p{L}+)?/u.exec(unit.text)?.[0];
  if (root === undefined) return undefined;
  // The home level: a root word, then a space, a separator, or the next level glued on in capitals.
  const home = [...CRUMB_ROOTS].find((r) => root.toLowerCase().startsWith(r) && !/^\p{Ll}/u.test(unit.text.slice(r.length)));
  if (home === undefined) return undefined;
  let next = i + 1;
  while (next < units.length && (units[next] as Unit).words === 0) next += 1;
  const below = units[next];
  if (below === undefined || below.list || below.words < ECHOED_CRUMB_TITLE_WORDS) return undefined;
  const name = below.text.trim();
  const text = unit.text.trim();
  if (text.length <= name.length || !text.endsWith(name)) return undefined;
  return titleWords(text.slice(0, text.length - name.length)).length <= ECHOED_CRUMB_LEVEL_WORDS ? next : undefined;
}

/** A breadcrumb's last item names the page when it has this many words (a shorter one may be the section: "Grüner Wasserstoff"). */
const CRUMB_TITLE_WORDS = 3;

/**
 * A comment section's heading that quotes the post's title: a count, one to three words, the
 * title in quotation marks ("5 thoughts on “<title>”", "2 Gedanken zu „<title>“", "12 réponses à
 * « <title> »"). Group 1 is the title.
 */
const COMMENTS_HEADING = /^\d+(?:\s+\p{L}+){1,3}\s+[“„"«»‘‚]\s*(.+?)\s*[”“"»«’‘]$/u;

/** A breadcrumb item cut short with an ellipsis: group 1 is what it kept. */
const CUT_SHORT = /^(.*\S)\s*(?:\.\.\.|…)$/u;
/** Marks a page name (`pageNames`) that is the start of the headline, not the whole of it. */
const CUT_MARK = '\u0000';

/**
 * The names the page gives itself apart from its headline, as template keys: the last item of
 * its first breadcrumb list (`crumbListTail`, of `CRUMB_TITLE_WORDS` words or more unless it is the current page after the levels' separators), then those of
 * one-line breadcrumbs (`lineCrumbTail`) and the titles that comment headings quote
 * (`COMMENTS_HEADING`), in page order. A name that a breadcrumb cut short ends with `CUT_MARK`.
 */
function pageNames(units: readonly Unit[]): string[] {
  const names: string[] = [];
  let tail: { name: string; current: boolean } | undefined;
  for (let i = 0; i < units.length && tail === undefined; i += 1) if ((units[i] as Unit).list) tail = crumbListTail(units, i);
  // (The current page after levels that all end with a separator is named, however short its name.)
  if (tail !== undefined && (tail.current || titleWords(tail.name).length >= CRUMB_TITLE_WORDS)) {
    // A long last item the site cut short ("3. Vintage-Flair mit viel..."): the headline starts with it.
    const cut = CUT_SHORT.exec(tail.name);
    names.push(cut !== null && titleWords(cut[1] as string).length >= CRUMB_TITLE_WORDS ? `${templateKey(cut[1] as string)}${CUT_MARK}` : templateKey(tail.name));
  }
  // A short bulleted list from the home page whose last item the next line repeats (the page's
  // headline under its breadcrumb: "* Startseite", "* News", "* <headline>", "<headline>"),
  // wherever it stands and whatever list runs on above it.
  for (let i = 0; i < units.length; i += 1) {
    const crumb = (units[i] as Unit).list ? rootedCrumbTail(units, i, true) : undefined;
    // (A name as short as a section's, "Night trains" over its copy, is a menu's section and its label.)
    if (crumb !== undefined && titleWords(crumb).length >= CRUMB_TITLE_WORDS) names.push(templateKey(crumb));
  }
  for (let i = 0; i < units.length; i += 1) {
    const echo = echoedLineCrumb(units, i);
    if (echo !== undefined) names.push(keyOf(units[echo] as Unit));
  }
  for (const unit of units) {
    if (unit.list || unit.words < 4 || unit.text.length > TITLE.maxChars) continue;
    const crumb = lineCrumbTail(unit.text);
    if (crumb !== undefined) names.push(templateKey(crumb));
    const quoted = COMMENTS_HEADING.exec(unit.text)?.[1];
    if (quoted !== undefined && titleWords(quoted).length >= 2) names.push(templateKey(quoted));
  }
  return names;
}

/**
 * The headline the page names (`pageNames`): a line of its own, not a list item, with the same
 * words as the name and a headline's shape; of several copies, the one nearest the body start.
 * Undefined when the page names nothing or no line carries the name.
 */
function namedHeadline(units: readonly Unit[], labels: readonly Label[], start: number, anchor: (i: number) => boolean): number | undefined {
  for (const name of pageNames(units)) {
    const prefix = name.endsWith(CUT_MARK);
    const key = prefix ? name.slice(0, -CUT_MARK.length) : name;
    let found: number | undefined;
    for (let i = 0; i < units.length; i += 1) {
      const unit = units[i] as Unit;
      if (unit.list || (prefix ? !keyOf(unit).startsWith(key) : keyOf(unit) !== key) || (labels[i]?.rule && labels[i]?.rule !== 'duplicate-block') || anchor(i) || !looksLikeHeadline(unit)) continue;
      if (SKIPPED_SHAPES.some((rule) => rule.pattern.test(unit.text)) || notTitleOnPage(units, i)) continue;
      if (found === undefined || Math.abs(i - start) < Math.abs(found - start)) found = i;
    }
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A one-line breadcrumb's last item names the page when it has this many words ("Blog > Weight Loss > Weight Loss Tips" ends at a section). */
const LINE_CRUMB_TITLE_WORDS = 4;

/**
 * The last item of a breadcrumb on one line ("utopia.de » News » <headline>"): three parts or
 * more split by the same arrow-like separator, every part but the last a short level name, the
 * last one of `LINE_CRUMB_TITLE_WORDS` words or more. (Bars and slashes also join footer links and
 * a headline to its site's name, so they do not count.)
 */
function lineCrumbTail(text: string): string | undefined {
  for (const separator of [' » ', ' > ', ' › ', ' → ']) {
    const parts = text.split(separator).map((x) => x.trim());
    if (parts.length < 3) continue;
    const last = parts[parts.length - 1] as string;
    if (parts.slice(0, -1).some((x) => x === '' || titleWords(x).length > CRUMB_LEVEL_WORDS)) continue;
    const words = titleWords(last).length;
    if (words >= LINE_CRUMB_TITLE_WORDS && words <= 30) return last;
  }
  return undefined;
}

/** The text of a numbered list item ("3. Headline" -> "Headline"), or undefined when the unit is not item `n`. */
function numberedItem(unit: Unit, n: number): string | undefined {
  const m = /^(\d+)\.(?:\s+|$)(.*)$/u.exec(unit.text);
  return unit.list && m && Number(m[1]) === n ? (m[2] as string).trim() : undefined;
}

/** Breadcrumb levels above the page (home, sections) are short. */
const CRUMB_LEVEL_WORDS = 4;

/**
 * The last item of a breadcrumb rendered as a list from unit `i` on: numbered ("1. Home", "2.
 * Energie", "3. <headline>", the schema.org BreadcrumbList of many sites), or bulleted with a
 * separator after each level ("Início /", "Receitas /", "<headline>"). At least three items, every
 * item but the last a short level name (or empty: an icon link), the last one a name of two words
 * or more. It names the page itself. A numbered list of levels that all end with a separator
 * ("1. Travanto ›" ... "6. Lierfeld ›") ends at the line after it, the current page, which is no
 * link: `current` says the name stands so, after a separator (then a short name is the page's
 * too, not a section's). Undefined when the list is not shaped so (a teaser list, a recipe's
 * steps, a menu).
 */
function crumbListTail(units: readonly Unit[], i: number): { name: string; current: boolean } | undefined {
  const numbered = numberedItem(units[i] as Unit, 1) !== undefined;
  // A bulleted breadcrumb marks its levels with a trailing separator ("Início /", "Receitas /").
  if (!numbered && !(bulletedLevel(units[i] as Unit) !== undefined && !(units[i - 1]?.list ?? false))) return undefined;
  const items: string[] = [];
  let j = i;
  for (; j < units.length; j += 1) {
    const unit = units[j] as Unit;
    if (unit.text === '') continue;
    const item = numbered ? numberedItem(unit, items.length + 1) : unit.list ? (bulletedLevel(unit) ?? unit.text) : undefined;
    if (item === undefined) break;
    items.push(item);
    if (!numbered && bulletedLevel(unit) === undefined) break;
  }
  // A numbered breadcrumb whose every level ends with a separator ("1. Travanto ›" ... "6. Lierfeld ›")
  // leads to the page's own name, the line right after the list (the current page is not a link).
  if (numbered && items.length >= 2 && items.every((x) => CRUMB_LEVEL_END.test(x))) {
    const next = units[j];
    if (next !== undefined && next.words > 0 && !next.list) items.push(next.text);
  }
  const current = numbered && items.length >= 2 && !CRUMB_LEVEL_END.test(items[items.length - 1] as string) && CRUMB_LEVEL_END.test(items[items.length - 2] as string);
  const last = items[items.length - 1] ?? '';
  const levels = items.slice(0, -1).map((x) => x.replace(CRUMB_LEVEL_END, ''));
  if (items.length < 3 || !levels.some((x) => x !== '')) return undefined;
  if (levels.some((x) => titleWords(x).length > CRUMB_LEVEL_WORDS)) return undefined;
  const words = titleWords(last).length;
  return words >= 2 && words <= 30 ? { name: last, current } : undefined;
}

/** A breadcrumb level's trailing separator ("Eifel ›", "News>"). */
const CRUMB_LEVEL_END = /\s*[/>›»→]$/u;

/** A bulleted list item that ends with a breadcrumb separator ("Receitas /"): its text without it; undefined otherwise. */
function bulletedLevel(unit: Unit): string | undefined {
  const m = /^(.*\S)\s*[/>›»→]$/u.exec(unit.text);
  return unit.list && m && !/^\d+\./.test(unit.text) ? (m[1] as string) : undefined;
}

/** A line of the page that may quote the headline (a page title with the site's name, a breadcrumb, share text). */
interface QuotingLine {
  index: number;
  text: string;
}

/** Lines that may quote a headline: a few to sixty words, lower case, spaces folded. */
function quotingLines(units: readonly Unit[]): QuotingLine[] {
  const lines: QuotingLine[] = [];
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i] as Unit;
    if (unit.words >= 4 && unit.words <= 60) lines.push({ index: i, text: foldSpaces(unit.text) });
  }
  return lines;
}

function foldSpaces(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Another, longer line of the page contains this one whole, at word boundaries: the headline
 * quoted in the page title ("<headline> | Site"), a breadcrumb ("Home Issues <headline>") or a
 * share text. Teaser lists repeat headlines as lines of their own, which this does not count.
 */
function quotedElsewhere(lines: readonly QuotingLine[], i: number, text: string): boolean {
  const needle = foldSpaces(text);
  if (needle.length < 12) return false;
  for (const line of lines) {
    if (line.index === i || line.text.length <= needle.length) continue;
    const at = line.text.indexOf(needle);
    if (at < 0) continue;
    const before = line.text[at - 1];
    const after = line.text[at + needle.length];
    // (A paragraph that opens with the line as its first sentence is the story, which the line sums up: a dek.)
    if (at === 0 && after === '.' && line.text.length > needle.length + 2) continue;
    if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) return true;
  }
  return false;
}

/** Where each short line's template key occurs in the page (headlines are repeated). */
function shortKeyPositions(units: readonly Unit[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i] as Unit;
    if (unit.words < 3 || unit.words > 30) continue;
    const key = keyOf(unit);
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  }
  return positions;
}

/** Units from the top of the page where the page title stands, when the scraper kept it. */
const PAGE_TITLE_UNITS = 3;
/** A copy of the headline this close is the breadcrumb's last item or an "Up next" slot. */
const REPEAT_REACH = 12;

/**
 * The line occurs again at the top of the page or close by. Teaser headlines recur too, but in
 * lists far apart (a sidebar and a footer), so far copies do not count.
 */
function repeatedNearOrAtTop(positions: readonly number[], i: number): boolean {
  for (const j of positions) {
    if (j === i) continue;
    if (j < PAGE_TITLE_UNITS || Math.abs(j - i) <= REPEAT_REACH) return true;
  }
  return false;
}

/**
 * The line ends with a guillemet that closes a quotation it opened after some words ("Näßler:
 * «Liebe kennt keine Pause»"), not a breadcrumb's separator. (A line that is one whole quotation
 * is a pull quote and keeps the cost.)
 */
function closesQuote(text: string): boolean {
  return /\S.*«[^«»]+»\s*$/u.test(text) && !/\s[>|›»]\s/.test(text);
}

/** A line that is one whole quotation in guillemets: «Gute Löhne alleine reichen nicht». */
const WHOLE_QUOTATION = /^«[^«»]+»$/u;

/** Weights of the title finder (see `findTitle`, `handScore`). */
export const TITLE = {
  wordsBonus: 10,
  capitalsCost: 4,
  separatorCost: 8,
  sentenceCost: 3,
  listCost: 4,
  distanceCost: 0.5,
  /**
   * The distance (in units) a headline over a byline proper counts at most: the headline and its
   * byline are the article's header, and what stands between the byline and the story (a share
   * bar, a picture, a list of videos) takes neither further from it.
   */
  bylineDistance: 2,
  /** The line right above a byline or date line: where headlines stand in every layout. */
  anchorBonus: 6,
  /**
   * When this many candidates or more each stand over a byline or date line of their own, they
   * are a list of teasers (each with its author and date), and the anchor bonus is paid to none.
   */
  teaserListAnchors: 4,
  /** The line occurs again in the page (page title, share text, breadcrumb, "Up next"). */
  repeatBonus: 4,
  /** The line above a longer unlabelled line that stands above the byline: headline over dek. */
  aboveDekBonus: 3,
  /** A dek has more than this many words more than the headline above it (a kicker over the headline is only a little shorter). */
  dekMargin: 3,
  /** Times the share of the line's content words found in the story's first sentences. */
  leadAgreementBonus: 7,
  /** The line is the last item of a breadcrumb elsewhere on the page. */
  breadcrumbBonus: 6,
  /** Another, longer line of the page quotes the line whole (page title, breadcrumb, share text). */
  quotedBonus: 4,
  /** A dek this long or longer right above the byline anchors the line over it (a headline's dek, not a headline under a label). */
  anchoringDekWords: 12,
  /** Headlines are short; a longer line under the headline is its dek (standfirst). */
  dekWords: 16,
  dekCostPerWord: 2,
  /** A quotation with its attribution ("“We will,” she said") is a pull quote, not a headline. */
  quoteCost: 8,
  /** No headline is longer than this many characters. */
  maxChars: 400,
  /** A line that starts with two lower-case letters (a tag list, a slogan, a cut sentence). */
  lowerCaseCost: 6,
  /** The line holds a host name: a site's logo, tagline or label (see `HOST_NAME`). */
  hostNameCost: 4,
  /**
   * A line inside the body with no byline or date next to it, taken because it heads the story:
   * the body may have started at its headline, but a question or a subheading there is more often
   * the story's first section, so a headline above the body that ties with it keeps the lead.
   */
  unanchoredInsideCost: 4,
  /** A window winner without a byline or date next to it and with less lead agreement than this is weak (see `weakWinner`). */
  weakLead: 0.3,
  /** ... and with a score below this. */
  weakScore: 12,
  /** How many units into the body a headline may be found (when right above a byline or date, or heading the story). */
  insideReach: 2,
  /** When no headline was found: how many units into the body a line over its prose may be one. */
  looseReach: 20,
} as const;

export const POSTED = /^(?:posted|published|updated|publicado|actualizado|publié|mis à jour|veröffentlicht|aktualisiert|atualizado)\b/i;

function looksLikeHeadline(unit: Unit): boolean {
  if (unit.words < 2 || unit.words > 30) return false;
  // A list item is a headline only in a list of headlines (a teaser list), never the page's own.
  if (unit.list) return false;
  const last = unit.text[unit.text.length - 1] ?? '';
  if (last === ':' || last === ',') return false;
  // "Comments (3)", "Photos (12)" are counters; "Banane (Musa paradisica)", "Episode (#5)" are headlines.
  if (last === ')' && /\(\d*\)$/.test(unit.text)) return false;
  if (unit.sentence && unit.words > 20) return false;
  return true;
}

/** Sets the candidate's shape features the hand score weighs (see `TITLE_FEATURE_NAMES`): how much the line looks like a headline. */
function headlineShape(unit: Unit, x: Float64Array): void {
  // Four to twenty-five words; a dek is longer than `TITLE.dekWords` words.
  // (Languages that write compounds say in two long words what others say in four: a short
  // line counts by its letters too, "Transgenerationales Coaching" as much as a four-word line.)
  const byWords = unit.words >= 4 && unit.words <= 25 ? 1 : unit.words === 3 ? 0.5 : 0;
  x[2] = unit.words >= 2 && unit.words < 4 && letterCount(unit.text) >= HEADLINE_LETTERS ? 1 : byWords;
  x[3] = Math.max(0, unit.words - TITLE.dekWords);
  // Not a kicker in capitals, not a breadcrumb or a label.
  x[4] = unit.text === unit.text.toUpperCase() && /\p{Lu}/u.test(unit.text) ? 1 : 0;
  x[5] = /[>|/›»:]\s*$|\s[>|›»]\s/.test(unit.text) && !closesQuote(unit.text) ? 1 : 0;
  // Questions and exclamations make headlines; a full stop makes a sentence.
  const asks = /[?!][”"’»)]*$/u.test(unit.text);
  x[6] = unit.sentence && !asks ? 1 : 0;
  x[7] = NOT_HEADLINE.pullQuote.pattern.test(unit.text) ? 1 : 0;
  x[8] = startsLowerCase(unit.text) ? 1 : 0;
  x[27] = HOST_NAME.test(unit.text) ? 1 : 0;
}

/**
 * A host name ("The WordPress.com Blog", "Review of gousto.co.uk"): a site names itself so in its
 * logo, its tagline and its page labels; a headline names its subject. (Version numbers such as
 * "Enterprise 2.0" have no letters after the dot.)
 */
const HOST_NAME = /[\p{L}\d-]\.(?:com|net|org|info|io|co\.uk|de|at|ch|fr|es|it|nl|pl|pt|eu)(?![\p{L}\d])/iu;

/** A line of two or three words this many letters long weighs as a headline's length (see `headlineShape`). */
const HEADLINE_LETTERS = 22;

/** How many letters the line has (not digits, spaces or punctuation). */
function letterCount(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

/** Sets the shape features the hand score does not use (see `TITLE_FEATURE_NAMES`), for a trace only. */
function traceShape(unit: Unit, x: Float64Array): void {
  x[21] = Math.log(1 + unit.words);
  x[22] = /[?!][”"’»)]*$/u.test(unit.text) ? 1 : 0;
  const words = unit.text.match(/\p{L}+/gu) ?? [];
  x[23] = words.length === 0 ? 0 : words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
  x[24] = /\p{L}:\s/u.test(unit.text) ? 1 : 0;
}

/** A candidate's score: the hand weights (`TITLE`) applied to its features (also feature 1, for scripts/title-ranking.ts). */
function handScore(x: Float64Array): number {
  const f = (k: number): number => x[k] as number;
  return (
    TITLE.wordsBonus * f(2) -
    TITLE.dekCostPerWord * f(3) -
    TITLE.capitalsCost * f(4) -
    TITLE.separatorCost * f(5) -
    TITLE.sentenceCost * f(6) -
    TITLE.quoteCost * f(7) -
    TITLE.lowerCaseCost * f(8) -
    TITLE.hostNameCost * f(27) -
    TITLE.distanceCost * f(9) -
    TITLE.unanchoredInsideCost * f(10) * (1 - f(11)) * (1 - f(12)) +
    TITLE.anchorBonus * f(11) * (1 - f(28)) +
    TITLE.aboveDekBonus * f(13) +
    TITLE.repeatBonus * f(14) +
    TITLE.leadAgreementBonus * f(15) +
    TITLE.breadcrumbBonus * f(16) +
    TITLE.quotedBonus * f(17)
  );
}

/** The first `PAGE_TITLE_UNITS` non-empty lines of the page, with their `<title>`-like segments ("Headline | Site"). */
function topLines(units: readonly Unit[]): { index: number; parts: string[] }[] {
  const top: { index: number; parts: string[] }[] = [];
  for (let i = 0; i < units.length && top.length < PAGE_TITLE_UNITS; i += 1) {
    const unit = units[i] as Unit;
    if (unit.words === 0 || unit.text.length > TITLE.maxChars) continue;
    top.push({ index: i, parts: [unit.text, ...titleSegments(unit.text)] });
  }
  return top;
}

/** How well the line agrees with a page title at the top (best word overlap with a top line or one of its segments); 0 for a top line itself. */
function topAgreement(top: readonly { index: number; parts: string[] }[], i: number, text: string): number {
  let best = 0;
  for (const line of top) {
    if (line.index === i) return 0;
    for (const part of line.parts) best = Math.max(best, titleSimilarity(text, part));
  }
  return best;
}

/** Words a headline keeps after its kicker is cut off: fewer, and the cut is more likely a name's ("Bora Bora"). */
const KICKER_REST_MIN_WORDS = 3;
/** Words a kicker has at most. */
const KICKER_MAX_WORDS = 8;
/** A kicker (no quotation mark in it) glued to an opening quotation mark and a capital: the kicker is group 1. */
const GLUED_QUOTE_KICKER = /^(\p{L}[^"„“”«»]{0,80}?[\p{L}\d])["„“«](?=\p{Lu})/u;
/** A headline that ends with a closing quotation mark (and maybe a sign after it). */
const CLOSING_QUOTE_END = /["“”»][.!?]?$/u;
/** Two or more breadcrumb steps glued by ">" or "›" with no space on either side, before the headline. */
const GLUED_PATH = /^(?:[\p{L}\d][^>›]{0,40}?[\p{L}\d][>›]){2,}(?=[\p{L}\d])/u;
/** Words a kicker ending in the headline's first word has at most. */
const DOUBLED_KICKER_MAX_WORDS = 4;

/**
 * The headline without a kicker the text rendering glued to it (a topic line over the headline,
 * written on the same line): "Medienmitteilung der Direktion :Impfen ist noch möglich" and "Streit
 * um Mieten : Wie Städte ..." (a space before the colon that joins two elements, not the language's
 * typography: French writes " : " itself), "Abnehm-Tricks für Weihnachten Weihnachten nicht zunehmen"
 * and "Wurmkiste Wurmkiste selber bauen" (the kicker's last word opens the headline again); and
 * without a rule of dashes or a link's arrow before it.
 */
export function withoutGluedKicker(written: string, language: string): string {
  // A rule of dashes or equals signs the page drew before the headline ("---------- Title"), a
  // link's arrow or a quote marker ("›Title", "[> Title", "> Title").
  const title = written.replace(/^[-=_~*]{4,}\s+(?=\S)/, '').replace(/^(?:[›>→▸►]|\[>)+\s*(?=[\p{L}\d])/u, '');
  const words = title.split(' ');
  if (words.length > 40) return title;
  // A kicker glued to a headline that is a quote ("Die Zukunft der Arbeit\"Wir dekorieren …\""):
  // no space before the opening mark, the headline ends with the closing one.
  const quoted = GLUED_QUOTE_KICKER.exec(title);
  if (quoted && CLOSING_QUOTE_END.test(title) && (quoted[1] as string).split(' ').length <= KICKER_MAX_WORDS) {
    const rest = title.slice((quoted[1] as string).length);
    if (rest.split(' ').length >= KICKER_REST_MIN_WORDS) return rest;
  }
  // A breadcrumb glued to the headline, its steps joined by ">" or "›" with no space
  // ("Forum>iPhone>Kein App Store mehr …"): the last step is the headline.
  const path = GLUED_PATH.exec(title);
  if (path) {
    const rest = title.slice(path[0].length);
    if (rest.split(' ').length >= KICKER_REST_MIN_WORDS) return rest;
  }
  if (language !== 'fr') {
    const colon = /^(\S.{2,}?)\s:\s*(?=\p{Lu})/u.exec(title);
    const kicker = colon?.[1];
    if (colon && kicker !== undefined && kicker.split(' ').length <= KICKER_MAX_WORDS) {
      const rest = title.slice(colon[0].length);
      if (rest.split(' ').length >= KICKER_REST_MIN_WORDS) return rest;
    }
  }
  // The doubled word ends a short kicker (four words at most) and is not written a third time.
  for (let i = 1; i <= DOUBLED_KICKER_MAX_WORDS && i < words.length; i += 1) {
    const word = words[i] as string;
    if (word === words[i - 1] && word !== words[i + 1] && word !== words[i - 2] && /^\p{Lu}\p{L}{3,}$/u.test(word) && words.length - i >= KICKER_REST_MIN_WORDS) return words.slice(i).join(' ');
  }
  return title;
}

/** Units read for a copy of the headline without its kicker, at most; characters of such a line. */
const KICKER_COPY_UNITS = 3000;
const KICKER_COPY_LENGTH = 300;
/** The lexicons' frequent words: a kicker does not end in one. */
const KICKER_STOPWORDS: ReadonlySet<string> = new Set(LEXICONS.flatMap((l) => l.stopwords));
/** Where a breadcrumb or a navigation item separates its parts: "Home / Wirtschaft / Title", "Title - Kicker". */
const PART_SEPARATOR = /\s+(?:[/|>»›–—-]|::)\s+/u;

/**
 * The headline without a kicker glued to it with no sign between ("Forderungsausfälle vermeiden
 * Eigentumsvorbehalt: Das sollten ...", "Interne Unterlagen im Netz Daten von Rheinmetall
 * gehackt"), when another line of the page writes the rest alone as one of its parts: a
 * breadcrumb's last step ("home / Ratgeber / Eigentumsvorbehalt: Das sollten ..."), a navigation
 * item with the kicker after it ("Daten von Rheinmetall gehackt - Interne Unterlagen im Netz").
 * The kicker is one to eight words, the rest three words or more; no line writes the whole headline
 * as such a part. Bounded: the first 3,000 units of up to 300 characters each.
 */
export function withoutConfirmedKicker(title: string, units: readonly Unit[], titleLine: number): string {
  const words = title.split(' ');
  if (words.length > 40 || words.length < KICKER_REST_MIN_WORDS + 1) return title;
  const rests = new Map<string, number>();
  for (let k = 1; k <= KICKER_MAX_WORDS && words.length - k >= KICKER_REST_MIN_WORDS; k += 1) {
    const last = words[k - 1] as string;
    // Glued: no sign of the headline's own parts at the cut ("Firma – Neue Regeln"), and the
    // kicker does not end in an article or a frequent word ("The" / "Doobie Brothers ...").
    if (/^[^\p{L}\d]+$|[:,;]$/u.test(last) || KICKER_STOPWORDS.has(last.toLowerCase())) continue;
    rests.set(words.slice(k).join(' '), k);
  }
  if (rests.size === 0) return title;
  // Every rest ends in the shortest one: a line without it holds none (a cheap test first).
  const shortest = words.slice(-KICKER_REST_MIN_WORDS).join(' ');
  let best: string | undefined;
  for (const unit of units.slice(0, KICKER_COPY_UNITS)) {
    if (unit.line === titleLine || unit.text.length > KICKER_COPY_LENGTH || !unit.text.includes(shortest)) continue;
    const parts = unit.text.split(PART_SEPARATOR).map((part) => part.trim());
    if (parts.length < 2) continue;
    for (const part of parts) {
      if (part === title) return title;
      // The longest rest a line confirms (the fewest words cut).
      if (rests.has(part) && (best === undefined || part.length > best.length)) best = part;
    }
  }
  return best ?? title;
}
