/**
 * Post-filtering Readability's article: it keeps whole containers, and with them the captions,
 * bylines, date lines, "Read more" links, related-story lists and ad labels that sit between the
 * paragraphs. Each leaf block of the article is tested against the rules below; a block that
 * matches one is removed and reported with the rule's name.
 */
import { EVENT_LABELS } from '../lexicon/index.js';
import { matchPhraseRule } from '../text/index.js';
import { PHRASE_RULES } from '../text/rules.js';
import { matchKey } from '../text/units.js';
import type { DroppedBlock, FoundMetadata } from '../../model.js';
import { blockFeatures, blockWords, type BodyModelOptions, defaultHtmlModel, explainBlock, MODEL_MAX_DROPPED_SHARE, modelDrops } from './block-model.js';
import type { DomElement } from './dom-types.js';
import {
  BOILERPLATE_PHRASES,
  BYLINE_LINE,
  CREDIT_LINE,
  DATE_JOINERS,
  DATE_KEYWORDS,
  DATE_WORDS,
  LINK_DENSE_MAX_OWN_CHARS,
  LINK_DENSE_MAX_WORDS,
  LINK_DENSITY_LIMIT,
  MAX_META_LINE_WORDS,
  PHRASE_MAX_WORDS,
  REPEATED_MAX_WORDS,
  TRAILING_HEADING_MAX_WORDS,
} from './rules.js';
import { BLOCK_TAGS, normalizeSpace } from './text.js';

export interface Block {
  el: DomElement;
  tag: string;
  text: string;
  words: number;
  linkChars: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

function linkTextLength(el: DomElement): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += normalizeSpace(a.textContent ?? '').length;
  return n;
}

/** Block elements of `root` that contain no other block element, in document order. */
export function leafBlocks(root: DomElement): Block[] {
  const all = [...root.querySelectorAll('*')];
  const hasBlockBelow = new Set<DomElement>();
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i];
    if (!el) continue;
    if (BLOCK_TAGS.has(el.tagName.toUpperCase()) || hasBlockBelow.has(el)) {
      const parent = el.parentElement;
      if (parent) hasBlockBelow.add(parent);
    }
  }
  const blocks: Block[] = [];
  for (const el of all) {
    const tag = el.tagName.toUpperCase();
    if (!BLOCK_TAGS.has(tag) || hasBlockBelow.has(el)) continue;
    const text = normalizeSpace(el.textContent ?? '');
    blocks.push({ el, tag, text, words: countWords(text), linkChars: linkTextLength(el) });
  }
  return blocks;
}

export function comparable(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Capitals and no lower-case letters: "GET THE QUIZ!". */
function isLabelCase(text: string): boolean {
  return !/\p{Ll}/u.test(text) && /\p{Lu}/u.test(text);
}

/** Where repetition is structure (tables of figures, lists), not boilerplate. */
const TABULAR: ReadonlySet<string> = new Set(['LI', 'TD', 'TH', 'DT', 'DD', 'TR']);

/** The text cleaner's rules used on HTML blocks, and the longest block they can match (each rule's maxWords). */
const TEXT_RULES: ReadonlySet<string> = new Set([
  'share-bar',
  'view-counter',
  // Measured one at a time on both dev sets (issue 12): each of these takes out chrome lines that
  // Readability kept ("Mehr zum Thema", "Lesen Sie auch:", "Weiter", "Kommentieren", "- Anzeige -")
  // and no snippet of the article; cookie-notice cost one, so it is not here.
  'related-list',
  'read-more-promo',
  'navigation',
  'ad-marker',
  'comment-form',
  'newsletter-box',
  'push-prompt',
  'legal-footer',
]);
const TEXT_RULES_MAX_WORDS = Math.max(...PHRASE_RULES.filter((r) => TEXT_RULES.has(r.name)).map((r) => r.maxWords));

const SENTENCE_END = /[.!?…:;]["'”’)]?$/;

/** The label before a colon that opens a line ("Termin: 29.02.2020" → "termin"). */
const LINE_LABEL = /^\s*([\p{L}][\p{L} ]{0,30}?)\s*:/u;

/**
 * A short line that is a date and nothing more: the article's dateline, removed from the body.
 * A date labelled as an event's or a deadline ("Termin: 29.02.2020, 19 Uhr", "Einsendeschluss:
 * 03.11.2019", lexicon `eventLabels`) is not the article's date but something it tells the reader.
 */
function isDateLine(b: Block): boolean {
  if (b.words > MAX_META_LINE_WORDS || !/\d/.test(b.text)) return false;
  const t = b.text.replace(/\b[ap]\.m\.$/i, 'pm');
  if (SENTENCE_END.test(t)) return false;
  const label = LINE_LABEL.exec(t)?.[1];
  if (label !== undefined && EVENT_LABELS.has(label.toLowerCase())) return false;
  if (DATE_KEYWORDS.test(t)) return true;
  // Mostly date words and numbers: "Tue, Nov 19, 2019 10:48 AM EST".
  // Numbers alone are a score line or a table row, not a date.
  const tokens = (t.match(WORD) ?? []).filter((w) => !DATE_JOINERS.test(w));
  const named = tokens.filter((w) => !/^\d+$/.test(w) && DATE_WORDS.test(w)).length;
  const datey = tokens.filter((w) => /^\d+$/.test(w) || DATE_WORDS.test(w)).length;
  return (named > 0 || /\d:\d\d/.test(t) || hasNumericDate(t)) && datey >= Math.max(2, tokens.length * 0.6);
}

const NUMERIC_DATE = /(?<![\d.])(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?![\d])/g;

/**
 * Whether the text writes a date in numbers ("29.02.2020", "2019-11-27", "11/27/19") that could
 * be one: a month from 1 to 12 and a day from 1 to 31 in some order, the year first or last. A
 * phone number ("+81 158-23-2012") or a version ("0.0.0") has the shape but not the numbers.
 */
function hasNumericDate(text: string): boolean {
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const [a, b, c] = [m[1] ?? '', m[3] ?? '', m[4] ?? ''];
    const [x, y, z] = [Number(a), Number(b), Number(c)];
    const dayMonth = (d: number, mo: number): boolean => d >= 1 && d <= 31 && mo >= 1 && mo <= 12;
    if (a.length === 4 && c.length <= 2 && dayMonth(z, y)) return true;
    if (a.length <= 2 && (c.length === 2 || c.length === 4) && (dayMonth(x, y) || dayMonth(y, x))) return true;
  }
  return false;
}

function isBylineLine(b: Block, authors: readonly string[]): boolean {
  if (b.words > 12 || SENTENCE_END.test(b.text.replace(/\b(?:[ap]\.m|jr|sr)\.$/i, ''))) return false;
  if (BYLINE_LINE.test(b.text)) return true;
  // A short line naming an author ("Jane Doe, Staff Writer"); only multi-word names, so an
  // organisation called like a product does not match the product's mentions.
  const t = comparable(b.text);
  return b.words <= 10 && authors.some((a) => a.includes(' ') && t.startsWith(a));
}

/** The rule that removes this block, if any. */
export interface FilterContext {
  title: string;
  /** Texts of the page's <h1> elements, as `comparable` gives them. */
  headlines: ReadonlySet<string>;
  authors: readonly string[];
  counts: ReadonlyMap<string, number>;
  /** The page's own URL (canonical), as `urlKey` gives it; '' when unknown. */
  pageUrl: string;
  /** Link-dense blocks that stand next to another link-dense block. */
  linkRun: ReadonlySet<Block>;
}

/** A URL without scheme, `www.` and trailing slash, lower-cased, to compare two spellings of one URL. */
function urlKey(text: string): string {
  return /^(?:https?:\/\/|www\.)\S+$/i.test(text)
    ? text
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/^www\./, '')
        .replace(/\/$/, '')
    : '';
}

function isLinkDense(b: Block): boolean {
  return (
    b.text !== '' &&
    b.linkChars > LINK_DENSITY_LIMIT * b.text.length &&
    b.words < LINK_DENSE_MAX_WORDS &&
    // A linked headline followed by a sentence of its own (a digest item) is text.
    b.text.length - b.linkChars < LINK_DENSE_MAX_OWN_CHARS
  );
}

/**
 * Link-dense blocks that come in runs (lists of headlines, menus). A link-dense block alone
 * between paragraphs is usually part of the text ("Get it on Amazon for $39").
 */
function linkRuns(blocks: readonly Block[]): Set<Block> {
  const out = new Set<Block>();
  const dense = blocks.map(isLinkDense);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b || !dense[i]) continue;
    if (b.words <= 3 || dense[i - 1] === true || dense[i + 1] === true) out.add(b);
  }
  return out;
}

export function blockRule(b: Block, ctx: FilterContext): string | undefined {
  if (b.text === '') return undefined;
  if (/^H[1-6]$/.test(b.tag)) {
    const t = comparable(b.text);
    // Readability turns <h1> into <h2>, so the page's own <h1> texts are passed in.
    if (b.tag === 'H1' || (t !== '' && (t === ctx.title || ctx.headlines.has(t)))) return 'headline';
  }
  if (ctx.linkRun.has(b)) return 'link-dense';
  if (ctx.pageUrl !== '' && urlKey(b.text) === ctx.pageUrl) return 'page-url';
  if (b.words <= PHRASE_MAX_WORDS) {
    if (BOILERPLATE_PHRASES.some((re) => re.test(b.text))) return 'boilerplate-phrase';
    if (CREDIT_LINE.test(b.text)) return 'caption';
  }
  // Share bars and view counters, in the languages the text cleaner knows ("Compartir en
  // Facebook", "Partager sur X", "1,234 views"); a bare number is left alone (a table, a score).
  if (b.words <= TEXT_RULES_MAX_WORDS && !TABULAR.has(b.tag)) {
    const rule = matchPhraseRule({ key: matchKey(b.text), words: b.words })?.name;
    if (rule !== undefined && TEXT_RULES.has(rule) && (rule !== 'view-counter' || /\p{L}/u.test(b.text))) return rule;
  }
  if (isBylineLine(b, ctx.authors)) return 'byline';
  if (isDateLine(b)) return 'date-line';
  // Repeated short labels in capitals ("GET THE APP!") are interface text. Repeated sentence-case
  // lines are often structure (a recipe's "Eat 1–2 hours after"), and so are repeated table cells.
  if (b.words <= REPEATED_MAX_WORDS && !TABULAR.has(b.tag) && (ctx.counts.get(b.text) ?? 0) > 1 && isLabelCase(b.text)) return 'repeated';
  return undefined;
}

/** Lists whose items are mostly links (related stories, tag lists) are removed whole. */
export function dropLinkLists(root: DomElement, dropped: DroppedBlock[]): void {
  for (const list of [...root.querySelectorAll('ul, ol')]) {
    if (!list.isConnected) continue;
    const text = normalizeSpace(list.textContent ?? '');
    if (text === '') continue;
    const items = list.querySelectorAll('li').length;
    if (items >= 2 && linkTextLength(list) > 0.6 * text.length) {
      dropped.push({ text, rule: 'link-list' });
      list.remove();
    }
  }
}

/** Remove elements left without text or media after filtering. */
function removeEmpty(root: DomElement): void {
  const all = [...root.querySelectorAll('*')];
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i];
    if (!el?.isConnected) continue;
    const tag = el.tagName.toUpperCase();
    if (tag === 'IMG' || tag === 'BR' || tag === 'HR' || tag === 'VIDEO' || tag === 'PICTURE' || tag === 'SOURCE') continue;
    if (el.querySelector('img, video, picture')) continue;
    if (normalizeSpace(el.textContent ?? '') === '') el.remove();
  }
}

/** Test each block against the rules; returns the blocks kept, and records the others in `dropped`. */
export function filterBlocks(blocks: readonly Block[], found: FoundMetadata, dropped: DroppedBlock[], headlines: readonly string[] = []): Block[] {
  const nonEmpty = blocks.filter((b) => b.text !== '');
  const counts = new Map<string, number>();
  for (const b of nonEmpty) counts.set(b.text, (counts.get(b.text) ?? 0) + 1);
  const ctx: FilterContext = {
    title: comparable(found.title?.value ?? ''),
    headlines: new Set(headlines.map(comparable).filter((t) => t !== '')),
    authors: (found.authors?.value ?? []).map((p) => comparable(p.name)),
    counts,
    pageUrl: found.link ? urlKey(found.link.value) : '',
    linkRun: linkRuns(nonEmpty),
  };
  const kept: Block[] = [];
  for (const b of nonEmpty) {
    const rule = blockRule(b, ctx);
    if (rule) dropped.push({ text: b.text, rule });
    else kept.push(b);
  }
  return kept;
}


/**
 * The blocks the body model removes ('low-score') among those the rules kept; the others stay.
 * Pass `{ model: null }` to turn the model off.
 */
export function modelFilter(kept: readonly Block[], root: DomElement, dropped: DroppedBlock[], options: BodyModelOptions = {}): Block[] {
  const model = options.model === undefined ? defaultHtmlModel() : options.model;
  if ((!model && !options.observe) || kept.length === 0) return [...kept];
  const features = blockFeatures(kept, root);
  options.observe?.(kept, features);
  if (!model) return [...kept];
  const drops = kept.map((b, i) => modelDrops(model, features[i] as Float64Array, blockWords(b)));
  // A model that would take a large share of the article is wrong about the page (a page of short
  // steps before or after its one paragraph): it drops nothing there.
  const total = kept.reduce((n, b) => n + b.text.length, 0);
  const lost = kept.reduce((n, b, i) => n + (drops[i] ? b.text.length : 0), 0);
  if (lost > MODEL_MAX_DROPPED_SHARE * total) return [...kept];
  const out: Block[] = [];
  kept.forEach((b, i) => {
    if (drops[i]) dropped.push({ text: b.text, rule: 'low-score', ...(options.scores ? { scores: [explainBlock(model, features[i] as Float64Array, i + 1)] } : {}) });
    else out.push(b);
  });
  return out;
}

/**
 * Short headings that end the article: with nothing after them, they introduced a box that is not
 * there (a related list or a shop teaser the filters removed, "Mehr zum Thema", "Weitere Beiträge
 * aus der Kolumne:"). A heading written as a sentence (ends with a full stop, or is long) is a
 * paragraph in a heading's tag and stays, and so does an article that is nothing but headings.
 */
export function dropTrailingHeadings(kept: readonly Block[], dropped: DroppedBlock[]): Block[] {
  let end = kept.length;
  while (end > 1) {
    const b = kept[end - 1] as Block;
    if (!/^H[1-6]$/.test(b.tag) || b.words > TRAILING_HEADING_MAX_WORDS || /\.["'”’)]?$/.test(b.text)) break;
    end--;
  }
  if (end === kept.length || kept.slice(0, end).every((b) => /^H[1-6]$/.test(b.tag))) return [...kept];
  for (const b of kept.slice(end)) dropped.push({ text: b.text, rule: 'trailing-heading' });
  return kept.slice(0, end);
}

/** Filter Readability's article in place. */
export function postFilter(root: DomElement, found: FoundMetadata, headlines: readonly string[] = [], bodyModel: BodyModelOptions = {}): DroppedBlock[] {
  const dropped: DroppedBlock[] = [];
  dropLinkLists(root, dropped);
  const blocks = leafBlocks(root);
  const kept = new Set(dropTrailingHeadings(modelFilter(filterBlocks(blocks, found, dropped, headlines), root, dropped, bodyModel), dropped));
  for (const b of blocks) if (b.text !== '' && !kept.has(b)) b.el.remove();
  removeEmpty(root);
  return dropped;
}
