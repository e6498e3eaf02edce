/**
 * A text page's publication and update dates, chosen among scored candidates (issue 12), as the
 * HTML reader does (../html/page-dates.ts), rather than "the first date line that matches":
 *
 * - candidates: the date lines and bylines with a date that step 5 of `extractText` read around
 *   the headline and the body (`noteDate`), and every other short date line of the page (a date
 *   with a label or a name, "Posted by Konstantin 21.10.2019", "* 19 November 2019");
 * - each is scored by its place: units from the headline (or, without one, from the body start;
 *   above the headline costs more than below it), inside the story (a date there is an event's);
 * - a date line among other date lines of other days (a teaser list, comments, an events
 *   calendar: "Termin: 21.02.2020", "Von Jörg Staff am 16.11.2022" three times) and a line that
 *   reads as a comment ("antworten", "Reply") are not the article's;
 * - a "published" label and other candidates stating the same day count for it;
 * - too far from the headline and the body start, nothing is chosen: a wrong date in a feed is
 *   worse than none (the caller falls back to the file's dates), unless the page's short date
 *   lines all state one day (`loneDate`): a page that shows a single day shows its publication
 *   day wherever its template puts it (not inside the story, not a quoted post's, not a weekday
 *   line above the headline, not a slashed date whose order the page does not settle);
 * - a relative date ("2 hours ago") is no candidate: it counts from when the page was saved, not
 *   from the build's clock, so the file's dates are the better guess (as HTML pages, whose shown
 *   dates are read without a reference).
 */
import { type DateKind, type DateLine, findTextDate, fullYear, isRelativeDate, PUBLISHED_LABEL, readDateLine, readDateline, readPostSentence, statesTwoDays } from '../dates.js';
import { alternation, EVENT_LABELS, guessLanguage, WEEKDAY_WORDS } from '../lexicon/index.js';
import { DATE_HINT } from './rules.js';
import type { Unit } from './units.js';

/** A date read from a line of the page. */
export interface NotedDate {
  kind: DateKind;
  value: Date;
  /** 1-based line of the unit. */
  line: number;
  /** Read by step 5 next to the headline or body (true), or by the page scan here. */
  near: boolean;
  /** The line labels it as the publication date ("Veröffentlicht am", "Posted"). */
  labelled?: boolean;
}

/** The dates a text page's metadata step read, per extraction (in the order read). */
const NOTED = new WeakMap<object, NotedDate[]>();

/** Remember a date line step 5 read (`extractText`'s `setDate`). */
export function noteDate(result: object, date: NotedDate): void {
  let list = NOTED.get(result);
  if (!list) {
    list = [];
    NOTED.set(result, list);
  }
  list.push(date);
}

/** Where the chosen dates go. */
export interface DatedResult {
  published?: { value: Date; line: number };
  updated?: { value: Date; line: number };
}

export interface PageShape {
  units: readonly Unit[];
  /** Units a rule kept (user keep patterns): never metadata. */
  kept: (i: number) => boolean;
  titleIndex: number | undefined;
  /** The body found, unit indices (end < start: none). */
  start: number;
  end: number;
  timezone: string;
  /** The extraction's reference time: a date after it is no candidate. */
  now?: Date | undefined;
}

/** Words of a date line longer than this are a sentence, not a date line. */
const MAX_WORDS = 25;
/** A date line found by the page scan further from the headline (or body start) than this is not looked at, unless labelled. */
const MAX_DISTANCE = 15;
const MAX_LABELLED_DISTANCE = 60;
/** The same above the headline: further up stand the site's "today" line and teaser lists. */
const MAX_ABOVE = 8;
/** Neighbouring units looked at for other dated lines (a list of dated items). */
const LIST_REACH = 8;
/** A reply link on a comment's date line or the short line after it. */
const REPLY = /(?:^|[^\p{L}])(?:antworten|reply|responder|répondre|rispondi|odpowiedz|zitieren)(?:$|[^\p{L}])/iu;
/** A commenter's line right above the date: "Baschurr says:", "Anna schreibt:". */
const COMMENTER = /(?:^|[^\p{L}])(?:says|said|wrote|sagt|schreibt|meint|écrit|dice|escribió|diz|scrive)\s*:?$/iu;
/** Short lines only: a paragraph that mentions a reply is not a reply link. */
const SHORT_WORDS = 8;

/** What each cue costs (positive) or is worth (negative), in units of distance. */
const COST = {
  /** Per unit above the headline (below it costs 1). */
  above: 2,
  /** A date line inside the story, past its first units. */
  inBody: 25,
  /** Among dated lines of two or more other days. */
  list: 50,
  /** Next to a reply link or a commenter's verb. */
  comment: 40,
  /** Found by the page scan rather than next to the headline or body. */
  scanned: 6,
  /** A publication label on the line. */
  labelled: -10,
  /** Each other candidate of the same day (at most two count). */
  agreement: -6,
  /** Above this the page has no date the reader can trust. */
  abstain: 45,
} as const;

/** What is left of a date line besides the date: nothing, a label, a name or an outlet (capitalised words), or two words. */
function restIsNameLike(rest: string): boolean {
  const tokens = rest.replace(READING_TIME, ' ').split(/\s+/).filter((token) => /\p{L}/u.test(token));
  return tokens.length <= 2 || tokens.every((token, k) => /^[\p{Lu}(]/u.test(token) || BY_WORDS.test(token) || (k > 0 && /^(?:by|von|par|por|di|door)$/i.test(tokens[k - 1] as string) && /^[\p{L}\d_.-]+$/u.test(token)));
}

const BY_WORDS = /^(?:by|on|at|de|el|le|am|um|por|par|von|vom|posted|published|publié|publicado|veröffentlicht|erstellt|gespeichert|last|updated|aktualisiert|actualizado|atualizado|zuletzt)$/i;
/** A reading time on a meta line: "3 min read", "5 Min. Lesezeit", "4 minutes de lecture". */
const READING_TIME = /\b\d{1,3}\s*(?:min(?:ute)?s?\.?|minuten)\s*(?:read|lesezeit|lesedauer|de\s+lecture|de\s+lectura|di\s+lettura)\b/giu;

const SLASHED = /(?<![\d/])\d{1,2}\/\d{1,2}\/\d{2,4}(?![\d/])/;
const SLASHED_ALL = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g;

/**
 * How the page writes slashed dates: day-first when one of them can only be day-first
 * (`23/10/2020`) or the page's prose is in a language that writes them so; month-first when one
 * can only be month-first (`11/23/2020`); undefined when nothing says (each line decides).
 */
function slashOrder(page: PageShape): boolean | undefined {
  let dayFirst = false;
  let monthFirst = false;
  for (const unit of page.units) {
    if (!unit.text.includes('/')) continue;
    for (const m of unit.text.matchAll(SLASHED_ALL)) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (a > 12 && a <= 31 && b >= 1 && b <= 12) dayFirst = true;
      if (b > 12 && b <= 31 && a >= 1 && a <= 12) monthFirst = true;
    }
  }
  if (dayFirst !== monthFirst) return dayFirst;
  if (dayFirst) return undefined;
  const prose = page.end >= page.start ? page.units.slice(page.start, Math.min(page.end + 1, page.start + 40)).map((u) => u.text).join(' ') : '';
  return guessLanguage(prose.slice(0, 4000))?.slashDayFirst === true ? true : orderByOtherDates(page);
}

/** How near (ms) a reading of a slashed date must be to a date the page writes otherwise to agree with it. */
const AGREEING_SPAN = 31 * 86_400_000;

/**
 * Nothing else says how the page writes slashed dates: its dates written otherwise (a month name,
 * ISO, dotted) decide. An ambiguous slashed date ("02/10/2020") is read the way that falls within a
 * month of one of them ("Sept. 29, 2020": 2 October) when the other way does not; undefined unless
 * every such date agrees one way. Bounded: the first 600 units of up to 1,000 characters, 20 years a unit.
 */
function orderByOtherDates(page: PageShape): boolean | undefined {
  const ambiguous: { a: number; b: number; year: number }[] = [];
  const others: number[] = [];
  for (const unit of page.units.slice(0, 600)) {
    if (unit.text.length > 1000 || !/\d/.test(unit.text)) continue;
    for (const m of unit.text.matchAll(SLASHED_ALL)) {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (a !== b && a >= 1 && a <= 12 && b >= 1 && b <= 12) ambiguous.push({ a, b, year: fullYear(m[3] as string) });
    }
    // The line's other dates, its slashed ones blanked out: read around each year it writes
    // (a short window, as the date reader takes; at most 20 a line).
    const plain = unit.text.replace(SLASHED_ALL, (m) => ' '.repeat(m.length));
    for (const y of [...plain.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)].slice(0, 20)) {
      const found = findTextDate(plain.slice(Math.max(0, y.index - 40), y.index + 30), page.timezone);
      if (found) others.push(found.value.getTime());
    }
  }
  if (ambiguous.length === 0 || others.length === 0) return undefined;
  const agrees = (t: number): boolean => others.some((o) => Math.abs(o - t) <= AGREEING_SPAN);
  let day = 0;
  let month = 0;
  for (const { a, b, year } of ambiguous) {
    const dayFirst = agrees(Date.UTC(year, b - 1, a));
    const monthFirst = agrees(Date.UTC(year, a - 1, b));
    if (dayFirst && !monthFirst) day += 1;
    else if (monthFirst && !dayFirst) month += 1;
  }
  return day > 0 && month === 0 ? true : month > 0 && day === 0 ? false : undefined;
}

/** Whether the date line at `i` is a comment's: a reply link on it or right after it, a commenter's "says:" right above it. */
function isComment(units: readonly Unit[], i: number): boolean {
  const short = (u: Unit | undefined): u is Unit => u !== undefined && u.words <= SHORT_WORDS;
  const unit = units[i] as Unit;
  const previous = units[i - 1];
  const next = units[i + 1];
  return REPLY.test(unit.text) || (short(next) && REPLY.test(next.text)) || (short(previous) && COMMENTER.test(previous.text));
}

/** What may follow a publication label standing alone on its line: a joiner ("Erschienen am", "Published on:"). */
const LABEL_REST = /^\s*(?:am|on|le|el|em|il|den|de)?\s*:?\s*$/iu;

/**
 * The date line at `i` is labelled as the publication date: the label opens it ("Veröffentlicht am
 * 3. Mai 2020"), or stands alone on the line right above it ("Erschienen am" / "15.12.2022").
 */
function isLabelled(units: readonly Unit[], i: number): boolean {
  const label = (text: string): string => text.replace(/^[^\p{L}]+/u, '');
  if (PUBLISHED_LABEL.test(label((units[i] as Unit).text))) return true;
  const above = units[i - 1];
  if (above === undefined || above.words === 0 || above.words > 3) return false;
  const text = label(above.text);
  return PUBLISHED_LABEL.test(text) && LABEL_REST.test(text.replace(PUBLISHED_LABEL, ''));
}

/** Units of the story's lead, from its first, that may open with a dateline; characters of each read. */
const LEAD_UNITS = 3;
const DATELINE_HEAD = 80;
/** The fields of a metadata bar: "Von Thilo / 6. November 2023 / Keine Kommentare", "⋅ November 22, 2011 ⋅ Email this post". */
const FIELD_SEPARATOR = /\s*[|•·⋅]\s*|\s+[/–—-]\s+/u;
/** Characters of a metadata bar, at most. */
const MAX_BAR_LENGTH = 200;
/** Words of a metadata bar's field, at most: longer is a sentence. */
const FIELD_WORDS = 6;
/** A field its one-word label opens, which may list more ("Tags: B2B, Best Practice, Interview, …", "Kategorien: …"). */
const LABELLED_FIELD = /^\p{L}[\p{L}-]{1,20}:\s/u;

/**
 * The date of a line that is a bar of short fields (author, date, comment count, share links),
 * one of them a date line by itself (nothing but a label or a name beside the date), or undefined.
 */
function fieldDate(text: string, timezone: string): DateLine | undefined {
  // A bar is short (and splitting a 100k-character line of spaces would cost quadratic time).
  if (text.length > MAX_BAR_LENGTH) return undefined;
  const fields = text.split(FIELD_SEPARATOR).map((f) => f.trim()).filter((f) => f !== '');
  if (fields.length < 2 || fields.some((f) => f.split(/\s+/).length > FIELD_WORDS && !LABELLED_FIELD.test(f))) return undefined;
  // A slashed date is read in the order the whole line's language writes it.
  const context = { slashDayFirst: guessLanguage(text)?.slashDayFirst === true ? true : undefined };
  for (const field of fields) {
    if (!/\d/.test(field)) continue;
    const line = readDateLine(field, timezone, undefined, 6, context);
    if (line && restIsNameLike(line.rest) && !/\d{3}/.test(line.rest)) return line;
  }
  return undefined;
}

/** A line that opens with an event's label ("Termin: 21.02.2020, 19 Uhr", "When: May 3"): the date is the event's, not the page's. */
const EVENT_LINE = new RegExp(`^[^\\p{L}\\d]*(?:${alternation(EVENT_LABELS)})\\s*:`, 'iu');
/** A link to the previous or next post ("« Whiskydinner 14.12.2019", "Gin Tasting 15.05.2020 »"): its date is that post's. */
const NEIGHBOUR_POST = /^\s*[«‹←]|[»›→]\s*$/u;

/** The line states another thing's date than the page's: an event's, or a neighbouring post's. */
function othersDate(text: string): boolean {
  return EVENT_LINE.test(text) || NEIGHBOUR_POST.test(text);
}

/** The date of a short line that is a date line (a label or a name beside the date) or a metadata bar with one; never after the reference, never another thing's (`othersDate`). */
function dateLineOf(text: string, page: PageShape): DateLine | undefined {
  if (othersDate(text)) return undefined;
  let line = readDateLine(text, page.timezone, undefined, 6);
  if (!line) {
    // A meta line that opens with the date may name the author and the categories after it: "21/06/2014 Tony Carter All, Books, News".
    const long = readDateLine(text, page.timezone, undefined, MAX_NAMES_AFTER);
    if (long && long.wordsBefore === 0 && /^[\p{Lu}\d\s,&|/·•-]+$/u.test(long.rest.replace(/\p{Ll}+/gu, ''))) line = long;
  }
  // A sentence around a date is none, unless the date is a field of a metadata bar.
  if (!line || !restIsNameLike(line.rest) || /\d{3}/.test(line.rest)) line = fieldDate(text, page.timezone);
  if (!line || (page.now !== undefined && line.value.getTime() > page.now.getTime())) return undefined;
  // Two days and no label saying which is which: no guess.
  if (statesTwoDays(text, page.timezone)) return undefined;
  return line;
}

/**
 * The page's one date: when every short date line of the whole page states the same day (and
 * none reads as a comment's), that day, from its first line; else undefined. A page that shows a
 * single day shows its publication day, wherever its template puts it.
 */
function loneDate(page: PageShape, dayFirst: boolean | undefined, lineOf: (text: string) => DateLine | undefined): NotedDate | undefined {
  const anchor = page.titleIndex ?? Math.max(0, page.start);
  let found: { i: number; d: NotedDate } | undefined;
  for (const [i, unit] of page.units.entries()) {
    // Quoted lines are another's words (an embedded post: "> — Name (@name) November 18, 2019").
    if (unit.words === 0 || unit.words > MAX_WORDS || i === page.titleIndex || unit.text.startsWith('>') || !/\d/.test(unit.text) || !DATE_HINT.test(unit.text) || page.kept(i)) continue;
    let line = lineOf(unit.text);
    if (!line || isRelativeDate(line.value)) continue;
    if (isComment(page.units, i)) return undefined;
    if (SLASHED.test(unit.text)) {
      // A slashed date the page's order does not settle ("02/10/2020" on an English page) is no guess.
      if (dayFirst === undefined && [...unit.text.matchAll(SLASHED_ALL)].some((m) => Number(m[1]) <= 12 && Number(m[2]) <= 12 && m[1] !== m[2])) return undefined;
      const read = dayFirst === undefined ? undefined : findTextDate(unit.text, page.timezone, undefined, { slashDayFirst: dayFirst });
      if (read) line = { ...line, value: read.value };
    }
    if (found && dayOf(found.d.value) !== dayOf(line.value)) return undefined;
    found ??= { i, d: { kind: line.kind, value: line.value, line: unit.line, near: false } };
  }
  if (!found) return undefined;
  const { i } = found;
  // Inside the story a date is an event's or a teaser's (one closing it is the story's); far from the headline, another page's.
  if (page.end >= page.start && i > page.start + 2 && i < page.end) return undefined;
  if (Math.abs(i - anchor) > LONE_REACH) return undefined;
  // Above the headline a weekday and a date alone is the site's "today" line.
  if (i < anchor && WEEKDAY_LINE.test((page.units[i] as Unit).text)) return undefined;
  return found.d;
}

/** Units after the story the sentence may stand at, at most (a wiki's footer is far below it). */
const POST_SENTENCE_REACH = 150;

/**
 * The sentence a blog or wiki template puts under the story to say when it was posted ("Der
 * Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und unter ...
 * abgelegt", "This entry was posted on Tuesday, May 19th, 2010 at 11:03 pm", "Diese Seite wurde
 * zuletzt am 29. Januar 2020 um 13:22 Uhr geändert."): one full date and a publication or update
 * word, closing the story or after it, not a comment. The last resort, when no date line is
 * found: a sentence inside the story that says when something was published is an event's.
 */
function postSentence(page: PageShape): NotedDate | undefined {
  if (page.end < page.start) return undefined;
  const last = Math.min(page.units.length - 1, page.end + POST_SENTENCE_REACH);
  // The story's last unit may be the sentence (a body finder keeps it with the story).
  for (let i = page.end; i <= last; i += 1) {
    const unit = page.units[i] as Unit;
    if (unit.words === 0 || unit.text.startsWith('>') || !/\d/.test(unit.text) || isComment(page.units, i)) continue;
    const m = readPostSentence(unit.text, page.timezone, page.now);
    if (m && !othersDate(unit.text)) return { ...m, line: unit.line, near: false };
  }
  return undefined;
}


/** Capitalised words (an author, categories) after a date that opens a line, at most. */
const MAX_NAMES_AFTER = 10;
/** Units between the headline and the page's one date, at most. */
const LONE_REACH = 150;
/** A line that is a weekday and a date, nothing else: "Mittwoch, 26.02.2020". */
const WEEKDAY_LINE = new RegExp(`^(?:${alternation(WEEKDAY_WORDS)})\\.?,?\\s+[\\d.\\s/]+$`, 'iu');

function dayOf(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/**
 * Choose the page's published and updated dates among the noted candidates and the page's other
 * date lines, and set them on `result` (replacing what step 5 set first).
 */
export function chooseTextDates(result: DatedResult, page: PageShape): void {
  // How the page writes slashed dates (a pass over the page): read once, when a date needs it.
  let order: { dayFirst: boolean | undefined } | undefined;
  const pageOrder = (): boolean | undefined => {
    order ??= { dayFirst: slashOrder(page) };
    return order.dayFirst;
  };
  // Each line's date line read once (`loneDate` reads the page's lines again when no candidate wins).
  const lines = new Map<string, DateLine | undefined>();
  const lineOf = (text: string): DateLine | undefined => {
    if (!lines.has(text)) lines.set(text, dateLineOf(text, page));
    return lines.get(text);
  };
  const noted = NOTED.get(result) ?? [];
  const { units } = page;
  const byLine = new Map<number, number>();
  for (const [i, u] of units.entries()) byLine.set(u.line, i);
  // The short date lines of the page where a candidate may stand, and around the ones step 5
  // read (for the list test): the rest of the page is not read.
  const anchorAt = page.titleIndex ?? Math.max(0, page.start);
  const wanted = new Set<number>();
  const want = (from: number, to: number): void => {
    for (let i = Math.max(0, from); i <= Math.min(units.length - 1, to); i += 1) wanted.add(i);
  };
  want(anchorAt - MAX_LABELLED_DISTANCE - LIST_REACH, anchorAt + MAX_LABELLED_DISTANCE + LIST_REACH);
  for (const d of noted) {
    const i = byLine.get(d.line);
    if (i !== undefined) want(i - LIST_REACH, i + LIST_REACH);
  }
  const dated = new Map<number, NotedDate>();
  for (const i of [...wanted].sort((a, b) => a - b)) {
    const unit = units[i] as Unit;
    if (unit.words === 0 || unit.words > MAX_WORDS || !/\d/.test(unit.text) || !DATE_HINT.test(unit.text) || page.kept(i)) continue;
    // A linked title's date ("links (December 14th 2019)").
    if (/\([^)]*$/.test(unit.text.slice(0, unit.text.search(/\d/)))) continue;
    const line = lineOf(unit.text);
    if (!line) continue;
    dated.set(i, { kind: line.kind, value: line.value, line: unit.line, near: false, labelled: isLabelled(units, i) });
  }
  // Datelines opening the story's first units (below the headline), when no date line was read there.
  const leadFrom = page.titleIndex !== undefined ? page.titleIndex + 1 : Math.max(0, page.start);
  const leadTo = page.end >= page.start ? Math.min(Math.max(leadFrom, page.start) + LEAD_UNITS - 1, leadFrom + MAX_DISTANCE) : leadFrom - 1;
  for (let i = leadFrom; i <= Math.min(leadTo, units.length - 1); i += 1) {
    const unit = units[i] as Unit;
    if (dated.has(i) || unit.words === 0 || page.kept(i) || !DATE_HINT.test(unit.text.slice(0, DATELINE_HEAD)) || othersDate(unit.text)) continue;
    const m = readDateline(unit.text, page.timezone);
    if (m && (page.now === undefined || m.value.getTime() <= page.now.getTime())) dated.set(i, { kind: 'published', value: m.value, line: unit.line, near: false });
  }
  const candidates = new Map<number, NotedDate>();
  for (const [i, d] of dated) candidates.set(i, d);
  for (const d of noted) {
    const i = byLine.get(d.line);
    if (i === undefined) continue;
    const unit = units[i] as Unit;
    if (othersDate(unit.text)) continue;
    candidates.set(i, { ...d, labelled: isLabelled(units, i) });
  }
  // Slashed dates read in the page's order (`03/05/2022` on a Spanish page is 3 May), which the
  // line alone does not always show.
  const slashed = [...candidates].some(([i]) => SLASHED.test((units[i] as Unit).text));
  const dayFirst = slashed ? pageOrder() : undefined;
  if (dayFirst !== undefined) {
    for (const [i, d] of candidates) {
      const text = (units[i] as Unit).text;
      if (!SLASHED.test(text)) continue;
      const plain = findTextDate(text, page.timezone);
      const read = findTextDate(text, page.timezone, undefined, { slashDayFirst: dayFirst });
      if (plain && read && plain.index === read.index && plain.value.getTime() === d.value.getTime()) candidates.set(i, { ...d, value: read.value });
    }
  }
  const side = (j: number): number => (page.end < page.start ? 0 : j < page.start ? -1 : j > page.end ? 1 : 0);
  const anchor = page.titleIndex ?? Math.max(0, page.start);
  const scored: { i: number; d: NotedDate; cost: number }[] = [];
  for (const [i, d] of candidates) {
    const distance = i - anchor;
    if (i === page.titleIndex || (page.now !== undefined && d.value.getTime() > page.now.getTime())) continue;
    // "2 hours ago", "vor 4 Stunden": the page's age when it was saved, which the build's clock
    // does not know; the file's dates say more (src/sources/read.ts falls back to them).
    if (isRelativeDate(d.value)) continue;
    if (d.near && statesTwoDays((units[i] as Unit).text, page.timezone)) continue;
    if (!d.near && (d.labelled ? Math.abs(distance) > MAX_LABELLED_DISTANCE : distance < -MAX_ABOVE || distance > MAX_DISTANCE || side(i) > 0)) continue;
    let cost = distance >= 0 ? distance : -distance * COST.above;
    if (page.end >= page.start && i > page.start + 2 && i <= page.end) cost += COST.inBody;
    if (!d.near) cost += COST.scanned;
    if (d.labelled) cost += COST.labelled;
    const day = dayOf(d.value);
    const others = new Set<string>();
    for (let j = i - LIST_REACH; j <= i + LIST_REACH; j += 1) {
      // Dates on the other side of the story (a header's date, the comments' dates) are no list with it.
      const o = j === i || side(j) !== side(i) ? undefined : dated.get(j);
      if (o && dayOf(o.value) !== day) others.add(dayOf(o.value));
    }
    // Right under the headline a date is the article's even when dated teasers follow.
    if (others.size >= 2) cost += distance >= 1 && distance <= 2 ? COST.list / 2 : COST.list;
    if (isComment(units, i)) cost += COST.comment;
    scored.push({ i, d, cost });
  }
  for (const s of scored) {
    const day = dayOf(s.d.value);
    const same = scored.filter((o) => o !== s && dayOf(o.d.value) === day && o.cost < COST.abstain).length;
    s.cost += Math.min(2, same) * COST.agreement;
  }
  const pick = (kind: DateKind): { value: Date; line: number } | undefined => {
    let best: { i: number; d: NotedDate; cost: number } | undefined;
    for (const s of scored) if (s.d.kind === kind && s.cost <= COST.abstain && (!best || s.cost < best.cost)) best = s;
    return best ? { value: best.d.value, line: best.d.line } : undefined;
  };
  let published = pick('published');
  let updated = pick('updated');
  if (!published && !updated) {
    const lone = loneDate(page, pageOrder(), lineOf) ?? postSentence(page);
    if (lone?.kind === 'published') published = { value: lone.value, line: lone.line };
    else if (lone) updated = { value: lone.value, line: lone.line };
  }
  if (published) result.published = published;
  else delete result.published;
  if (updated) result.updated = updated;
  else delete result.updated;
}
