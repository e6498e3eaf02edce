/**
 * An HTML page's publication date, chosen among scored candidates (issue 12) rather than taken
 * from the first source that has one:
 *
 * - markup: JSON-LD `datePublished`/`dateCreated`/`dateModified` of the article, `<meta>`
 *   (`article:published_time` and the like; the generic `date`, `dc.date`... names weigh less),
 *   `itemprop=datePublished`/`dateModified` and the first `<time datetime>`;
 * - the dates a reader sees: short elements that read as a date line ("26.10.2023",
 *   "Veröffentlicht am 16.08.2019", "PUBLISHED: November 8, 2023 at 11:30 p.m."), scored by
 *   their distance to the headline, never inside comments, asides, teaser or related boxes;
 * - a dateline opening the headline or one of the story's first paragraphs ("23.01.2022 - Wierer
 *   jubelt", "01.02.2022 „Der Arbeitsmarkt ..."), a shown date like the others;
 * - the URL's date path (`/2021/03/05/`), which confirms a day another source states, and is the
 *   publication day when no other source states one;
 * - when none of these states a day, the page's one shown date (`lonePageDate`): every short
 *   element of the article's part of the page that reads as a date line states the same day, not
 *   too far from the headline.
 *
 * A shown date the template marks as a date (`<time>`, a "date-header" or "entry-meta" class) is
 * placed as if it stood 15 elements nearer the headline; a date alone in one of a meta line's own
 * text nodes ("· November 22, 2011 · Email this post") is read too; an event's or a forum
 * member's date ("Termin:", "Registriert:") never. A layout's main column ("sidebar__main") is no
 * sidebar, and an aside inside the headline's own `<article>` is its margin, not another box.
 *
 * Each calendar day is scored by the candidates that state it (agreement between sources; JSON-LD
 * and meta tags repeating one date are one statement, the strongest of them counts). A
 * date the page shows near its headline that agrees with a markup date makes that day win; a
 * date shown that no markup states still beats a generic `<meta name=date>`. A markup instant
 * written in UTC that the page shows at a local wall clock (`2023-11-09T05:30Z` shown as
 * "November 8, 2023 at 11:30 p.m.", or in a `/2023/11/08/` URL) keeps the day the page shows,
 * with the offset that gives it; a day printed by the headline (within 20 elements) that no markup
 * date states wins over a markup publication instant that some zone's wall clock puts on it.
 * A day the CMS stored as a midnight east of UTC and wrote in UTC ("2022-11-06T23:00:00.000Z")
 * is the next day, and so is a `<time>`'s text that renders that instant's UTC day.
 */
import type { Sourced } from '../../model.js';
import { type DateContext, type DateKind, type PartialDate, PUBLISHED_LABEL, readDateLine, readDateline, readMarkupDate, readPartialDateLine, resolvePartialDate, statedOffset, withStatedOffset } from '../dates.js';
import type { DomDocument, DomElement } from './dom-types.js';
import { TEXT_NODE } from './dom-types.js';
import { alternation, EVENT_LABELS } from '../lexicon/index.js';
import { normalizeSpace } from './text.js';

export type DateSource = 'json-ld' | 'meta' | 'meta-generic' | 'markup' | 'visible' | 'url';

export interface PageDate {
  value: Date;
  /** Minutes east of UTC the date was stated at. */
  offset: number;
  precision: 'day' | 'time';
  kind: DateKind;
  source: DateSource;
  /** Visible dates: elements between it and the headline (negative: before it). */
  distance?: number;
  /** Visible dates: the text they were read from (for scripts/date-failures.ts). */
  text?: string;
  /** Visible dates: the element or its parent is marked as a date (`<time>`, a "date-header" or "entry-meta" class). */
  marked?: boolean;
}

/** What each source adds to the day it states. */
export const DATE_WEIGHT = {
  'json-ld': 3,
  meta: 3,
  'meta-generic': 1.5,
  markup: 2,
  visible: 2.5,
  url: 1,
  /** An update date adds this share of its source's weight to its day. */
  updatedShare: 0.4,
} as const;

/** Paragraphs after the headline read for a dateline, and how far (in elements) they may stand from it. */
const LEAD_PARAGRAPHS = 3;
const MAX_LEAD_DISTANCE = 40;

/** Visible dates further from the headline than this (in elements) are not looked at. */
const MAX_AFTER = 120;
const MAX_BEFORE = 40;
/** Elements looked at per page, and date elements kept. */
const MAX_VISIBLE = 24;
const MAX_TEXT = 120;

/**
 * Class and id words of boxes whose dates are not the article's: comments, teaser, related and
 * recommendation lists, newsletter boxes, widgets, sidebars. Matched as whole words of a class
 * token ("comment-meta", "related_posts"), never inside <body>'s own classes ("one-sidebar").
 */
const OTHER_BOX_WORD = /(?:^|[-_])(?:comments?|commentlist|respond|teasers?|related|newsletter|widgets?|sidebar|recommend|recommended|recommendations|more-articles)(?:$|[-_])/i;

/**
 * Class tokens that name a layout rather than one of those boxes: its main column ("sidebar__main",
 * a token whose last word is "main") or a layout that has a sidebar ("lay-sidebar", "layout-sidebar",
 * "has-sidebar", "with-sidebar"), which holds the article column as well as the sidebar.
 */
const LAYOUT_WORD = /[-_]main$|^(?:lay|layout|has|with)[-_]/i;

/**
 * Whether an element is inside comments, a form, an aside, navigation, the page's footer, a
 * teaser or related box. A box that holds the headline (`article`: the headline's ancestors) is
 * the article's, whatever its class says ("content-area sidebar").
 */
export function isOutsideArticle(el: DomElement, article: ReadonlySet<DomElement> = NO_ELEMENTS): boolean {
  // Inside the `<article>` element that holds the headline, an aside or a sidebar is the article's
  // own margin (its category, date and reading time beside the story), not another page's box.
  const own = ownArticle(el, article);
  for (let node: DomElement | null = el; node !== null; node = node.parentElement) {
    const tag = node.localName.toLowerCase();
    if (tag === 'body' || tag === 'html' || article.has(node)) return false;
    if (tag === 'form' || tag === 'nav') return true;
    if (tag === 'aside' && !own) return true;
    // An article's own footer holds its date; the page's footer does not.
    if (tag === 'footer' && !node.closest('article, main, [role="main"]')) return true;
    const role = node.getAttribute('role');
    if (role === 'navigation' || role === 'complementary') return true;
    const tokens = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`.split(/\s+/);
    if (tokens.some((t) => t !== '' && OTHER_BOX_WORD.test(t) && !LAYOUT_WORD.test(t) && !(own && MARGIN_WORD.test(t)))) return true;
  }
  return false;
}

/** Box words that, inside the headline's own `<article>`, name its margin: "podcast-description__sidebar". */
const MARGIN_WORD = /(?:^|[-_])(?:sidebar|aside)(?:$|[-_])/i;

/** Whether `el` is inside an `<article>` element that also holds the headline. */
function ownArticle(el: DomElement, article: ReadonlySet<DomElement>): boolean {
  for (let node = el.parentElement; node !== null; node = node.parentElement) if (node.localName.toLowerCase() === 'article') return article.has(node);
  return false;
}

const NO_ELEMENTS: ReadonlySet<DomElement> = new Set();

/** The headline's ancestors: the boxes that hold the article. */
export function ancestorsOf(el: DomElement | undefined): Set<DomElement> {
  const out = new Set<DomElement>();
  for (let node = el?.parentElement ?? null; node !== null; node = node.parentElement) out.add(node);
  return out;
}

/** Class words of an element that shows the update date (WordPress's `time.updated`), unless it also says published. */
const UPDATED_CLASS = /(?:^|[-_\s])(?:updated|modified|date-?modified|last-?modified)(?:$|[-_\s])/i;
const PUBLISHED_CLASS = /(?:^|[-_\s])(?:published|date-?published|pubdate)(?:$|[-_\s])/i;

function updatedByMarkup(el: DomElement): boolean {
  const classes = el.getAttribute('class') ?? '';
  const itemprop = (el.getAttribute('itemprop') ?? '').toLowerCase();
  if (itemprop.split(/\s+/).includes('datemodified')) return true;
  return UPDATED_CLASS.test(classes) && !PUBLISHED_CLASS.test(classes);
}

/** Elements whose own text may be a date line. */
const DATE_HOSTS: ReadonlySet<string> = new Set(['p', 'span', 'div', 'small', 'address', 'em', 'i', 'strong', 'b', 'li', 'time', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'dd', 'font', 'header', 'footer', 'a']);

function hasDigitText(el: DomElement): boolean {
  for (const node of el.childNodes) if (node.nodeType === TEXT_NODE && /\d/.test(node.nodeValue ?? '')) return true;
  return false;
}

/**
 * The dates shown on the page near the headline, in document order. Written dates only: a
 * relative one ("vor 4 Stunden") is read without a reference, so not at all, and the page does not
 * depend on the clock for it (the content filter's date lines still give one when nothing else does). `headline` is the element of
 * the chosen title; without one, distances count from the start of the body.
 */
export function visibleDates(document: DomDocument, headline: DomElement | undefined, timezone: string, context?: DateContext, partials?: PartialPageDate[]): PageDate[] {
  // Not `document.body`: linkedom's getter inserts a <body> when the first one is not where it expects it.
  const body = document.querySelector('body');
  if (!body) return [];
  const out: PageDate[] = [];
  let order = 0;
  let headlineAt: number | undefined = headline ? undefined : 0;
  const pending: { el: DomElement; at: number }[] = [];
  // The headline and the story's first paragraphs, which may open with a dateline ("23.01.2022 - Wierer jubelt", "01.02.2022 „Der Arbeitsmarkt ...").
  const leads: { el: DomElement; at: number }[] = [];
  for (const el of body.querySelectorAll('*')) {
    order += 1;
    if (el === headline) {
      headlineAt = order;
      leads.push({ el, at: order });
    }
    const tag = el.localName.toLowerCase();
    if (tag === 'p' && headline && headlineAt !== undefined && leads.length <= LEAD_PARAGRAPHS && order - headlineAt <= MAX_LEAD_DISTANCE && /\p{L}/u.test(el.textContent ?? '')) leads.push({ el, at: order });
    if (!DATE_HOSTS.has(tag) && !(tag === 'time')) continue;
    if (!hasDigitText(el)) continue;
    pending.push({ el, at: order });
    if (headlineAt !== undefined && order - headlineAt > MAX_AFTER) break;
  }
  if (headlineAt === undefined) headlineAt = 0;
  const seen = new Set<DomElement>();
  const article = ancestorsOf(headline);
  for (const { el, at } of leads) {
    if (el !== headline && isOutsideArticle(el, article)) continue;
    const m = readDateline(normalizeSpace(el.textContent ?? ''), timezone, context);
    if (!m || m.relative) continue;
    out.push({ value: m.value, offset: statedOffset(m.value) ?? m.offset, precision: m.precision, kind: 'published', source: 'visible', distance: at - headlineAt, text: normalizeSpace(el.textContent ?? '').slice(0, 80) });
    break;
  }
  for (const { el, at } of pending) {
    const distance = at - (headlineAt as number);
    if (distance > MAX_AFTER || distance < -MAX_BEFORE) continue;
    if (seen.has(el)) continue;
    seen.add(el);
    if (isOutsideArticle(el, article)) continue;
    const text = normalizeSpace(el.textContent ?? '');
    if (text.length === 0 || OTHERS_DATE_LABEL.test(text)) continue;
    const line = text.length <= MAX_TEXT ? readDateLine(text, timezone, undefined, 6, context) : undefined;
    if (!line) {
      // A meta line's date between separators ("· November 22, 2011 · Email this post · Print"): one of its own text nodes is the date alone.
      const own = ownTextDate(el, timezone, context);
      if (own) {
        out.push({ value: own.value, offset: statedOffset(own.value) ?? 0, precision: own.precision, kind: own.kind, source: 'visible', distance, text: own.text, marked: markedAsDate(el) });
        if (out.length >= MAX_VISIBLE) break;
        continue;
      }
      if (text.length > MAX_TEXT) continue;
      // A year-less day or a time alone near the headline, for `resolvePartialDates`.
      const partial = partials && Math.abs(distance) <= MAX_PARTIAL_DISTANCE && el.children.length === 0 ? readPartialDateLine(text, timezone) : undefined;
      if (partial && partials) partials.push({ partial, kind: partial.kind === 'updated' || updatedByMarkup(el) ? 'updated' : 'published', distance });
      continue;
    }
    // A label in a sibling element ("<span>Aktualisiert:</span> <span>1. Januar 2023</span>") is read with the date.
    const parent = el.parentElement;
    const parentText = parent && parent !== body && parent.childNodes.length <= 4 ? normalizeSpace(parent.textContent ?? '') : '';
    const labelled = parentText.length > text.length && parentText.length <= MAX_TEXT ? readDateLine(parentText, timezone, undefined, 6, context) : undefined;
    const kind: DateKind = line.kind === 'updated' || updatedByMarkup(el) || (labelled?.kind === 'updated' && labelled.value.getTime() === line.value.getTime()) ? 'updated' : 'published';
    const stated = statedOffset(line.value) ?? 0;
    const rendered = renderedMidnight(el, dayOf(line.value, stated));
    if (rendered) {
      out.push({ ...rendered, kind, source: 'visible', distance, text, marked: true });
      if (out.length >= MAX_VISIBLE) break;
      continue;
    }
    out.push({ value: line.value, offset: stated, precision: statesTime(text) ? 'time' : 'day', kind, source: 'visible', distance, text, marked: markedAsDate(el) });
    if (out.length >= MAX_VISIBLE) break;
  }
  return out;
}

/**
 * The stored local midnight a `<time>` element's text renders in UTC: its `datetime` is a day
 * stored as a midnight east of UTC (`storedMidnight`, "2022-11-06T23:00:00.000Z") and the text
 * shows that instant's UTC day ("6.11.22"), so the text is the same statement as the attribute,
 * printed by a server that runs in UTC, and states the stored day. Undefined otherwise.
 */
function renderedMidnight(el: DomElement, shownDay: string): { value: Date; offset: number; precision: 'day' } | undefined {
  const time = el.localName.toLowerCase() === 'time' ? el : el.parentElement?.localName.toLowerCase() === 'time' ? el.parentElement : null;
  const attribute = time?.getAttribute('datetime')?.trim();
  if (!attribute) return undefined;
  const value = new Date(attribute);
  if (Number.isNaN(value.getTime()) || dayOf(value, 0) !== shownDay) return undefined;
  const offset = storedMidnight(attribute, value);
  return offset === undefined ? undefined : { value, offset, precision: 'day' };
}

/** A date line that opens with an event's or a forum member's label ("Termin: 21.02.2020", "Registriert: 18.09.2008"): not the page's date. */
const OTHERS_DATE_LABEL = new RegExp(`^[^\\p{L}\\d]*(?:${alternation(EVENT_LABELS)})(?!\\p{L})`, 'iu');

/** Class and id words of an element that shows a date: "date-header", "entry-date", "post-meta", "datum", "byline". */
const DATE_CLASS_WORD = /(?:^|[-_])(?:date|dates|datum|fecha|time|timestamp|published|pubdate|posted|postdate|dateline|byline|meta)(?:$|[-_])/i;

/**
 * Whether a shown date's element or its parent is marked as a date by the page's template: a
 * `<time>`, a date `itemprop`, or a class or id word that says date, time or meta line. A date the
 * template marks is the page's more often than one written in running text (a book's release
 * date in a review's fact box, an event's date in a paragraph).
 */
function markedAsDate(el: DomElement): boolean {
  for (let node: DomElement | null = el, depth = 0; node !== null && depth < 2; node = node.parentElement, depth += 1) {
    if (node.localName.toLowerCase() === 'time' || /date/i.test(node.getAttribute('itemprop') ?? '')) return true;
    const tokens = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`.split(/\s+/);
    if (tokens.some((t) => t !== '' && DATE_CLASS_WORD.test(t))) return true;
  }
  return false;
}

/** Separators around a date in a meta line: dots, bullets, bars, dashes, commas. */
const SEPARATORS = /^[\s·⋅•|–—,/-]+|[\s·⋅•|–—,/-]+$/gu;
/** Characters of a text node read as a date alone, at most. */
const MAX_OWN_TEXT = 40;

/**
 * A date an element states alone in one of its own text nodes, between separators or other
 * elements ("<div class=meta><a>Yngrid</a> · November 22, 2011 · <a>Email this post</a></div>"):
 * the text node is a full date and nothing else.
 */
function ownTextDate(el: DomElement, timezone: string, context: DateContext | undefined): { value: Date; precision: 'day' | 'time'; kind: DateKind; text: string } | undefined {
  for (const node of el.childNodes) {
    if (node.nodeType !== TEXT_NODE) continue;
    const t = normalizeSpace(node.nodeValue ?? '').replace(SEPARATORS, '');
    if (t.length < 6 || t.length > MAX_OWN_TEXT || !/\d/.test(t)) continue;
    const line = readDateLine(t, timezone, undefined, 0, context);
    if (line) return { value: line.value, precision: statesTime(t) ? 'time' : 'day', kind: line.kind, text: t };
  }
  return undefined;
}

/**
 * Whether a date line states a time of day ("12:30", "14.00", "9h30"): two digits after a
 * separator that no further digit or dot follows, so that "26.02.2020" is a day.
 */
function statesTime(text: string): boolean {
  return /\d[:.h]\d\d(?![.\d])/.test(text.slice(text.search(/\d/)));
}

/** Elements after the headline the page's one date may stand at, at most. */
const MAX_LONE_AFTER = 400;

/** Elements whose text is code or hidden, never a shown date. */
const NOT_SHOWN: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'option']);

/**
 * The page's one shown date (issue 12): when every short element of the article's part of the
 * page that reads as a date line states the same day, that day; undefined when none does or they
 * state two days. For a page whose markup, URL and dates near the headline state nothing: a
 * page that shows a single day shows its publication day, wherever its template puts it ("Letzte
 * Änderung: 14.01.2022" under the story, a date far down a page without a headline).
 */
export function lonePageDate(document: DomDocument, headline: DomElement | undefined, timezone: string, context: DateContext | undefined, now: Date | undefined): PageDate | undefined {
  const body = document.querySelector('body');
  if (!body) return undefined;
  const article = ancestorsOf(headline);
  let found: PageDate | undefined;
  let day: string | undefined;
  let order = 0;
  let headlineAt: number | undefined;
  let foundAt = 0;
  for (const el of body.querySelectorAll('*')) {
    order += 1;
    if (el === headline) headlineAt = order;
    const tag = el.localName.toLowerCase();
    if (NOT_SHOWN.has(tag) || !hasDigitText(el)) continue;
    const text = normalizeSpace(el.textContent ?? '');
    if (text.length === 0 || text.length > MAX_TEXT || isOutsideArticle(el, article)) continue;
    const line = readDateLine(text, timezone, undefined, 6, context);
    if (!line || (now !== undefined && line.value.getTime() > now.getTime())) continue;
    const offset = statedOffset(line.value) ?? 0;
    const d = dayOf(line.value, offset);
    if (day !== undefined && d !== day) return undefined;
    if (found) continue;
    foundAt = order;
    day = d;
    found = { value: line.value, offset, precision: statesTime(text) ? 'time' : 'day', kind: line.kind === 'updated' || updatedByMarkup(el) ? 'updated' : 'published', source: 'visible' };
  }
  // Far from the headline (or the body's start) the one date is another page's: a wiki footer's, an archive's toolbar above the page.
  const distance = foundAt - (headlineAt ?? 0);
  return distance > MAX_LONE_AFTER || distance < -MAX_BEFORE ? undefined : found;
}

/** A year-less day or a time alone the page shows near its headline. */
export interface PartialPageDate {
  partial: PartialDate;
  kind: DateKind;
  distance: number;
}

/** Partial dates further from the headline than this (in elements) are not read. */
const MAX_PARTIAL_DISTANCE = 12;

/**
 * The page's partial dates resolved against its full dates (issue 12): a year-less day takes its
 * year from the page's first full date (markup publication date, shown full date, URL date path,
 * markup update date, in that order); a time alone is added to the first full date of day
 * precision, on its day, when no full date of the page states a time for that day. Never a day
 * after `now`; without a full date, nothing. Each becomes a visible candidate for `choosePageDates`.
 */
export function resolvePartialDates(partials: readonly PartialPageDate[], markup: readonly PageDate[], visible: readonly PageDate[], url: { year: number; month: number; day: number } | undefined, timezone: string, now: Date | undefined): PageDate[] {
  if (partials.length === 0) return [];
  const urlFull: PageDate[] = url ? [{ value: new Date(Date.UTC(url.year, url.month - 1, url.day)), offset: 0, precision: 'day', kind: 'published', source: 'url' }] : [];
  const full = [...markup.filter((c) => c.kind === 'published'), ...visible.filter((c) => c.kind === 'published'), ...urlFull, ...markup.filter((c) => c.kind === 'updated'), ...visible.filter((c) => c.kind === 'updated')];
  const anchor = full[0];
  if (!anchor) return [];
  const out: PageDate[] = [];
  for (const p of partials) {
    let m: ReturnType<typeof resolvePartialDate>;
    if (p.partial.month !== undefined) m = resolvePartialDate(p.partial, anchor, timezone, now);
    else {
      const dayAnchor = full.find((c) => c.precision === 'day');
      if (!dayAnchor) continue;
      const day = dayOf(dayAnchor.value, dayAnchor.offset);
      if (full.some((c) => c.precision === 'time' && dayOf(c.value, c.offset) === day)) continue;
      m = resolvePartialDate(p.partial, dayAnchor, timezone, now);
    }
    if (m) out.push({ value: m.value, offset: m.offset, precision: m.precision, kind: p.kind, source: 'visible', distance: p.distance });
  }
  return out;
}

/** The date path of a URL: `/2021/03/05/`, `/2021-03-05/`, `/20210305-`. Day precision; undefined without a day. */
export function urlDate(url: string | undefined): { year: number; month: number; day: number } | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = /\/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:\/|-|$)/.exec(path);
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The calendar day a date was stated on, "YYYY-MM-DD". */
function dayOf(value: Date, offset: number): string {
  return new Date(value.getTime() + offset * 60_000).toISOString().slice(0, 10);
}

/** Offsets a wall clock may have, in minutes (UTC-12 to UTC+14). */
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;

/**
 * A markup instant stated in UTC that the page shows on another calendar day: the offset that
 * gives the day (and, for a shown time, the wall clock) the page states, or undefined.
 */
function localOffset(instant: PageDate, shown: { day: string; value?: Date; offset?: number; precision: 'day' | 'time' }): number | undefined {
  if (instant.precision !== 'time' || instant.offset !== 0) return undefined;
  if (dayOf(instant.value, 0) === shown.day) return undefined;
  if (shown.precision === 'time' && shown.value) {
    // The shown wall clock, read as if it were UTC, minus the instant: the page's offset.
    const wall = shown.value.getTime() + (shown.offset ?? 0) * 60_000;
    const diff = Math.round((wall - instant.value.getTime()) / 60_000);
    // Whole quarter hours (every zone), within a minute for seconds cut off.
    const quarter = Math.round(diff / 15) * 15;
    if (Math.abs(diff - quarter) <= 1 && quarter >= MIN_OFFSET && quarter <= MAX_OFFSET && quarter !== 0) return quarter;
    return undefined;
  }
  // A day alone: the smallest whole-hour offset that puts the instant on that day.
  const start = Date.parse(`${shown.day}T00:00:00Z`);
  const t = instant.value.getTime();
  if (t < start) {
    const minutes = Math.ceil((start - t) / 3_600_000) * 60;
    return minutes <= MAX_OFFSET ? minutes : undefined;
  }
  const end = start + 86_400_000;
  if (t >= end) {
    const minutes = -Math.ceil((t - end + 1) / 3_600_000) * 60;
    return minutes >= MIN_OFFSET ? minutes : undefined;
  }
  return undefined;
}

export interface ChosenDates {
  published?: Sourced<Date>;
  updated?: Sourced<Date>;
}

const PROVENANCE: Readonly<Record<DateSource, Sourced<Date>['from']>> = {
  'json-ld': 'json-ld',
  meta: 'meta-tag',
  'meta-generic': 'meta-tag',
  markup: 'html',
  visible: 'date-line',
  url: 'html',
};

/**
 * Choose the published and updated dates among the candidates (see the module comment). Markup
 * candidates come first in their precedence order (JSON-LD, meta, markup), each list published
 * dates before update dates; `visible` in document order; `url` the page's URL date, if any.
 */
export function choosePageDates(markup: readonly PageDate[], visible: readonly PageDate[], url: { year: number; month: number; day: number } | undefined): ChosenDates {
  // The shown date: the best-placed visible date (after the headline beats before it), one that
  // a markup date agrees with first.
  const markupDays = new Set(markup.map((c) => dayOf(c.value, c.offset)));
  const penalty = (c: PageDate): number => placePenalty(c) - (markupDays.has(dayOf(c.value, c.offset)) ? AGREEMENT_BONUS : 0);
  // A date shown far from the headline that no markup date states is a teaser's or a sidebar's
  // more often than the article's: not a candidate on its own.
  // One its own text labels as the publication date ("Erschienen am: 01.11.2023") reaches further.
  const reach = (c: PageDate): number => (c.kind === 'published' && PUBLISHED_LABEL.test(c.text ?? '') ? MAX_LABELLED_DISTANCE : MAX_LONE_DISTANCE);
  const shown = [...visible].filter((c) => markupDays.has(dayOf(c.value, c.offset)) || Math.abs(c.distance ?? 0) <= reach(c)).sort((a, b) => penalty(a) - penalty(b))[0];
  const urlDay = url ? `${url.year}-${String(url.month).padStart(2, '0')}-${String(url.day).padStart(2, '0')}` : undefined;
  // Markup instants in UTC re-stated at the wall clock the page shows (or its URL's day).
  const restated = markup.map((c) => {
    const target = shown ? { day: dayOf(shown.value, shown.offset), value: shown.value, offset: shown.offset, precision: shown.precision } : urlDay ? { day: urlDay, precision: 'day' as const } : undefined;
    const offset = target ? localOffset(c, target) : undefined;
    return offset === undefined ? c : { ...c, offset };
  });
  const scores = new Map<string, number>();
  const add = (day: string, weight: number): void => {
    scores.set(day, (scores.get(day) ?? 0) + weight);
  };
  // One statement per day and kind: JSON-LD and meta tags repeating the same date are one
  // source (the CMS), not two that agree; the strongest of them counts.
  const strongest = new Map<string, number>();
  for (const c of restated) {
    const key = `${dayOf(c.value, c.offset)} ${c.kind}`;
    strongest.set(key, Math.max(strongest.get(key) ?? 0, DATE_WEIGHT[c.source] * (c.kind === 'updated' ? DATE_WEIGHT.updatedShare : 1)));
  }
  for (const [key, weight] of strongest) add(key.slice(0, 10), weight);
  if (shown) add(dayOf(shown.value, shown.offset), DATE_WEIGHT.visible * (shown.kind === 'updated' ? DATE_WEIGHT.updatedShare : 1));
  if (urlDay && scores.has(urlDay)) add(urlDay, DATE_WEIGHT.url);
  const published = restated.filter((c) => c.kind === 'published');
  const updated = restated.filter((c) => c.kind === 'updated');
  const out: ChosenDates = {};
  const firstUpdated = updated[0];
  if (firstUpdated) out.updated = sourced(firstUpdated);
  // A published day needs a published statement: a markup publication date, or the shown date
  // (a shown update date only when nothing states a publication date; see src/sources/read.ts).
  const days = new Set<string>([...published.map((c) => dayOf(c.value, c.offset))]);
  if (shown && (shown.kind === 'published' || published.length === 0)) days.add(dayOf(shown.value, shown.offset));
  if (shown && published.length > 0) for (const c of updated) if (dayOf(c.value, c.offset) === dayOf(shown.value, shown.offset) && shown.kind === 'published') days.add(dayOf(c.value, c.offset));
  let best: string | undefined;
  for (const day of days) {
    const score = scores.get(day) ?? 0;
    const bestScore = best === undefined ? -1 : (scores.get(best) ?? 0);
    if (best === undefined || score > bestScore || (score === bestScore && shown !== undefined && day === dayOf(shown.value, shown.offset))) best = day;
  }
  // The page prints its publication day right by the headline, and the markup's publication
  // instant falls on the day before or after, but on the printed day in some zone (a clock the
  // CMS keeps in another zone than the page's readers): the calendar day the page shows is the
  // day the feed shows (issue 12). An instant no zone puts on the printed day is another event.
  if (shown && shown.kind === 'published' && Math.abs(shown.distance ?? 0) <= MAX_PRINTED_DISTANCE) {
    const printed = dayOf(shown.value, shown.offset);
    if (!markupDays.has(printed) && published.some((c) => onDayInSomeZone(c.value, printed))) best = printed;
  }
  if (best === undefined) {
    // Nothing else states a publication day: the URL's date path does (`/2014/05/18/`), at day precision.
    if (url && urlDay) out.published = { value: withStatedOffset(new Date(Date.UTC(url.year, url.month - 1, url.day)), 0), from: PROVENANCE.url };
    return out;
  }
  // The instant of that day: the first markup statement of it (published before updated), else the shown one.
  const instant = published.find((c) => dayOf(c.value, c.offset) === best && (c.precision === 'time' || !shownTimeOn(shown, best))) ?? (shown && dayOf(shown.value, shown.offset) === best && shown.precision === 'time' ? shown : undefined) ?? updated.find((c) => dayOf(c.value, c.offset) === best) ?? shown;
  if (instant) out.published = sourced(instant);
  return out;
}

/** Whether the shown date states a time on `day`. */
function shownTimeOn(shown: PageDate | undefined, day: string): boolean {
  return shown !== undefined && shown.precision === 'time' && dayOf(shown.value, shown.offset) === day;
}

/** Whether an instant is on `day` ("YYYY-MM-DD") at some offset a wall clock may have (UTC-12 to UTC+14). */
function onDayInSomeZone(instant: Date, day: string): boolean {
  const start = Date.parse(`${day}T00:00:00Z`);
  const t = instant.getTime();
  return t >= start - MAX_OFFSET * 60_000 && t < start + 86_400_000 - MIN_OFFSET * 60_000;
}

/** Elements between the headline and a printed day that overrules a markup instant on a neighbouring day, at most. */
const MAX_PRINTED_DISTANCE = 20;

/** Elements between the headline and a shown date that no markup date states, at most. */
const MAX_LONE_DISTANCE = 60;

/** The same for a shown date its own text labels as the publication date: as far as shown dates are read after the headline. */
const MAX_LABELLED_DISTANCE = MAX_AFTER;

/** How many elements of distance a visible date's agreement with a markup date is worth. */
const AGREEMENT_BONUS = 30;

/** How many elements of distance a shown date's marking as a date (`markedAsDate`) is worth. */
const MARKED_BONUS = 15;

function placePenalty(c: PageDate): number {
  const d = c.distance ?? 0;
  return (d >= 0 ? d : -d * 3) + (c.kind === 'updated' ? 10 : 0) - (c.marked ? MARKED_BONUS : 0);
}

function sourced(c: PageDate): Sourced<Date> {
  return { value: withStatedOffset(c.value, c.offset), from: PROVENANCE[c.source] };
}

/**
 * A markup date string as a candidate, or undefined when it is not a full date. A day stored as
 * the midnight of a zone east of UTC and written in UTC (`storedMidnight`) is that day.
 */
export function markupCandidate(text: string | undefined, kind: DateKind, source: DateSource, timezone: string, referenceDate: Date | undefined, context?: DateContext): PageDate | undefined {
  if (!text) return undefined;
  const m = readMarkupDate(text, timezone, referenceDate, context);
  if (!m || m.relative) return undefined;
  const midnight = storedMidnight(text, m.value);
  if (midnight !== undefined) return { value: m.value, offset: midnight, precision: 'day', kind, source };
  return { value: m.value, offset: m.offset, precision: m.precision, kind, source };
}

/** Whole hours before midnight UTC a stored local midnight may stand at: zones UTC+1 to UTC+4 (Europe, Moscow, the Gulf). */
const MIDNIGHT_HOURS = [20, 21, 22, 23];

/**
 * A day a CMS stored as the midnight of a zone east of UTC and writes in UTC (issue 12, "dates
 * printed in UTC move a local midnight to the previous day"): an ISO instant stated in UTC
 * (`Z`, `+00:00`) at exactly 20:00 to 23:00, to the second ("2022-11-06T23:00:00.000Z" is
 * 7 November at midnight in Berlin). Returns the offset, in minutes east of UTC, at which it is
 * that midnight, or undefined. A publication picked as a day has no time of day; an instant
 * written to the second by a clock is not on the whole hour.
 */
export function storedMidnight(text: string, value: Date): number | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.0+)?)?\s*(?:Z|\+00:?00)$/i.test(text.trim())) return undefined;
  if (value.getUTCMinutes() !== 0 || value.getUTCSeconds() !== 0 || value.getUTCMilliseconds() !== 0) return undefined;
  const hour = value.getUTCHours();
  return MIDNIGHT_HOURS.includes(hour) ? (24 - hour) * 60 : undefined;
}
