/**
 * The HTML body model: shallow, language-light features of the blocks Readability kept (after the
 * named rules of postfilter.ts), and a logistic regression over them whose weights are data
 * (assets/html-body-model.json, fitted by scripts/fit-html-model.ts on both development sets;
 * `npm run fit:html` rewrites it byte for byte). A block the model gives a body probability below
 * the file's `dropBelow` (and that has at most `maxWords` words, and stands before the first or after
 * the last prose block) is removed as 'low-score': the teaser, author-bio and "more on this" boxes
 * Readability keeps around the article's prose.
 *
 * The features describe what a block looks like (words, stopword share in the page's language,
 * link density, sentence and list shape, capitals, digits), where it stands against the article's
 * prose (share of prose before and after it, inside the container that holds most prose, its
 * neighbours' prose and links) and what its containers' class/id words say. No phrase list.
 */
import { createRequire } from 'node:module';
import type { LineScore } from '../../model.js';
import { checkFeatures, type LogisticModel, probability } from '../logistic.js';
import { guessLanguage } from '../text/features.js';
import type { DomElement } from './dom-types.js';
import { classWords } from './preclean.js';
import { BOILERPLATE_CLASS_WORDS, BOX_CLASS_WORDS, CONTENT_CLASS_WORDS } from './rules.js';

export const HTML_FEATURE_NAMES = [
  'bias',
  'log-words',
  'stopword-share',
  'link-density',
  'sentence-end',
  'colon-end',
  'heading',
  'list-item',
  'table-cell',
  'short',
  'capitalised-share',
  'digit-share',
  'comma-rate',
  'relative-position',
  'prose-before',
  'prose-after',
  'in-main-container',
  'neighbour-prose',
  'neighbour-links',
  'boilerplate-class',
  'box-class',
  'content-class',
  'repeated',
  'tail-non-prose',
  'lead-non-prose',
  'off-main-non-prose',
  'blocks-since-prose',
  'off-main-tail',
] as const;

export interface HtmlBodyModel extends LogisticModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  /** A block with a body probability below this is removed ... */
  dropBelow: number;
  /** ... when it has at most this many words. */
  maxWords: number;
}

/** What the features need of a block (postfilter's `Block`). */
export interface ScoredBlock {
  el: DomElement;
  tag: string;
  text: string;
  words: number;
  linkChars: number;
}

const WORDS = /[\p{L}\p{N}]+/gu;
/** A block of prose: enough words, few of them in links. */
const PROSE_MIN_WORDS = 12;
const PROSE_MAX_LINK_DENSITY = 0.3;
/** The model drops nothing on a page where it would take more than this share of the article's text. */
export const MODEL_MAX_DROPPED_SHARE = 0.25;
/** Neighbours' prose is counted up to this many words. */
const NEIGHBOUR_CAP = 100;

const BOILERPLATE_WORDS: ReadonlySet<string> = new Set(Object.values(BOILERPLATE_CLASS_WORDS).flat());
const BOX_WORDS: ReadonlySet<string> = new Set(BOX_CLASS_WORDS);
const CONTENT_WORDS: ReadonlySet<string> = new Set(CONTENT_CLASS_WORDS);

let stopwordLists: Record<string, string[] | undefined> | undefined;
const stopwordSets = new Map<string, ReadonlySet<string>>();

function stopwordsOf(code: string): ReadonlySet<string> {
  let set = stopwordSets.get(code);
  if (set) return set;
  stopwordLists ??= createRequire(import.meta.url)('stopwords-iso') as Record<string, string[] | undefined>;
  set = new Set((stopwordLists[code] ?? []).map((w) => w.toLowerCase()));
  stopwordSets.set(code, set);
  return set;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * A block's length in words, for scripts written without spaces too: two Chinese or Japanese
 * characters count as one word (a sentence of 40 characters is prose, not a one-"word" label).
 */
export function blockWords(b: { text: string; words: number }): number {
  const unspaced = b.text.match(UNSPACED)?.length ?? 0;
  return unspaced === 0 ? b.words : b.words + Math.floor(unspaced / 2);
}

function isProse(b: ScoredBlock, words: number): boolean {
  return words >= PROSE_MIN_WORDS && b.linkChars <= PROSE_MAX_LINK_DENSITY * b.text.length;
}

/** class/id words of `el` and its ancestors up to (not including) `root`: [boilerplate, box, content]. */
function ancestorClasses(el: DomElement, root: DomElement, cache: Map<DomElement, [number, number, number]>): [number, number, number] {
  const chain: DomElement[] = [];
  let found: [number, number, number] = [0, 0, 0];
  for (let p: DomElement | null = el; p && p !== root; p = p.parentElement) {
    const hit = cache.get(p);
    if (hit) {
      found = hit;
      break;
    }
    chain.push(p);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const p = chain[i] as DomElement;
    const attr = `${p.getAttribute('class') ?? ''} ${p.getAttribute('id') ?? ''}`;
    if (attr.trim() !== '') {
      const words = classWords(attr);
      found = [
        found[0] || (words.some((w) => BOILERPLATE_WORDS.has(w)) ? 1 : 0),
        found[1] || (words.some((w) => BOX_WORDS.has(w)) ? 1 : 0),
        found[2] || (words.some((w) => CONTENT_WORDS.has(w)) ? 1 : 0),
      ];
    }
    cache.set(p, found);
  }
  return found;
}

function isInside(el: DomElement, container: DomElement | null, root: DomElement): boolean {
  if (!container) return false;
  for (let p: DomElement | null = el; p; p = p === root ? null : p.parentElement) if (p === container) return true;
  return false;
}

/** The feature vectors of the blocks of an article (in document order), `root` being the article. */
export function blockFeatures(blocks: readonly ScoredBlock[], root: DomElement): Float64Array[] {
  const n = blocks.length;
  const words = blocks.map((b) => b.text.toLowerCase().match(WORDS) ?? []);
  const language = guessLanguage(words);
  const stop = language.code === '' ? undefined : stopwordsOf(language.code);
  const lengths = blocks.map(blockWords);
  const prose = blocks.map((b, i) => isProse(b, lengths[i] as number));
  // The container holding most prose: the parent of prose blocks with most prose words.
  const byParent = new Map<DomElement, number>();
  let totalProse = 0;
  blocks.forEach((b, i) => {
    if (!prose[i]) return;
    totalProse += lengths[i] as number;
    const parent = b.el.parentElement;
    if (parent) byParent.set(parent, (byParent.get(parent) ?? 0) + (lengths[i] as number));
  });
  let main: DomElement | null = null;
  let mainWords = 0;
  for (const [parent, w] of byParent) {
    if (w > mainWords) {
      main = parent;
      mainWords = w;
    }
  }
  // The last prose block inside the main container: what follows it in other containers is where
  // the boxes below an article sit (an author's bio, a licence, "more from us"), prose or not.
  let lastMainProse = -1;
  blocks.forEach((b, i) => {
    if (prose[i] && isInside(b.el, main, root)) lastMainProse = i;
  });
  const counts = new Map<string, number>();
  for (const b of blocks) counts.set(b.text, (counts.get(b.text) ?? 0) + 1);
  const classCache = new Map<DomElement, [number, number, number]>();
  const out: Float64Array[] = [];
  let proseBefore = 0;
  let sinceProse = 0;
  for (let i = 0; i < n; i++) {
    const b = blocks[i] as ScoredBlock;
    const list = words[i] ?? [];
    const x = new Float64Array(HTML_FEATURE_NAMES.length);
    const text = b.text;
    let hits = 0;
    let capitalised = 0;
    let digits = 0;
    for (const w of list) {
      if (stop?.has(w)) hits++;
      if (/^\d/.test(w)) digits++;
    }
    for (const w of text.match(WORDS) ?? []) if (/^\p{Lu}/u.test(w)) capitalised++;
    const wordCount = Math.max(1, list.length);
    const commas = (text.match(/[,;]/g) ?? []).length;
    const prev = blocks[i - 1];
    const next = blocks[i + 1];
    const neighbourProse = (prev && prose[i - 1] ? Math.min(lengths[i - 1] as number, NEIGHBOUR_CAP) : 0) + (next && prose[i + 1] ? Math.min(lengths[i + 1] as number, NEIGHBOUR_CAP) : 0);
    const linkShare = (nb: ScoredBlock | undefined): number => (nb && nb.text.length > 0 ? nb.linkChars / nb.text.length : 0);
    const [boiler, box, content] = ancestorClasses(b.el, root, classCache);
    const tag = b.tag;
    x[0] = 1;
    const length = lengths[i] as number;
    x[1] = Math.log1p(length);
    x[2] = hits / wordCount;
    x[3] = text.length > 0 ? Math.min(1, b.linkChars / text.length) : 0;
    x[4] = /[.!?…]["'”’»)]?$/.test(text) ? 1 : 0;
    x[5] = /:$/.test(text) ? 1 : 0;
    x[6] = /^H[1-6]$/.test(tag) ? 1 : 0;
    x[7] = tag === 'LI' || tag === 'DD' || tag === 'DT' ? 1 : 0;
    x[8] = tag === 'TD' || tag === 'TH' ? 1 : 0;
    x[9] = length <= 3 ? 1 : 0;
    x[10] = capitalised / wordCount;
    x[11] = digits / wordCount;
    x[12] = Math.min(1, commas / wordCount) * 10;
    x[13] = n > 1 ? i / (n - 1) : 0;
    x[14] = totalProse > 0 ? proseBefore / totalProse : 0;
    if (prose[i]) proseBefore += length;
    x[15] = totalProse > 0 ? (totalProse - proseBefore) / totalProse : 0;
    x[16] = isInside(b.el, main, root) ? 1 : 0;
    x[17] = Math.log1p(neighbourProse);
    x[18] = (linkShare(prev) + linkShare(next)) / 2;
    x[19] = boiler;
    x[20] = box;
    x[21] = content;
    x[22] = (counts.get(text) ?? 0) > 1 ? 1 : 0;
    // Interactions a linear model cannot form itself: a short block after the last prose (a box's
    // heading, a teaser below the article), before the first, or outside the prose's container.
    const own = prose[i] === true;
    x[23] = !own && totalProse - proseBefore === 0 && totalProse > 0 ? 1 : 0;
    x[24] = !own && proseBefore === 0 && totalProse > 0 ? 1 : 0;
    x[25] = !own && x[16] === 0 ? 1 : 0;
    sinceProse = own ? 0 : sinceProse + 1;
    x[26] = Math.log1p(sinceProse);
    x[27] = !own && x[16] === 0 && lastMainProse >= 0 && i > lastMainProse ? 1 : 0;
    out.push(x);
  }
  return out;
}

let loaded: HtmlBodyModel | undefined;

/** The checked-in model (assets/html-body-model.json). */
export function defaultHtmlModel(): HtmlBodyModel {
  if (loaded) return loaded;
  const model = createRequire(import.meta.url)('../../../assets/html-body-model.json') as HtmlBodyModel;
  checkHtmlModel(model);
  loaded = model;
  return model;
}

export function checkHtmlModel(model: HtmlBodyModel): void {
  checkFeatures(model, HTML_FEATURE_NAMES, 'HTML body', 'fit:html');
}

/** Index of the features that say a block stands before the first or after the last prose block (of the article, or of its main container). */
const TAIL = HTML_FEATURE_NAMES.indexOf('tail-non-prose');
const LEAD = HTML_FEATURE_NAMES.indexOf('lead-non-prose');
const OFF_MAIN_TAIL = HTML_FEATURE_NAMES.indexOf('off-main-tail');

/**
 * Whether the model removes a block: only a block that is not prose and stands before the first
 * or after the last prose block of the article, or after the last prose of the main container in
 * another container (where the boxes Readability keeps sit: "Über den Autor" above the author's
 * bio, "Mehr zum Thema", a table of contents), or a late label ("Weitere Informationen:" above a
 * box's links), with few enough words and a probability below `dropBelow`. Between prose blocks, short blocks are mostly the article's own structure (a meal
 * plan's rows, a section heading), which the model cannot tell from chrome well enough.
 */
export function modelDrops(model: HtmlBodyModel, x: Float64Array, words: number): boolean {
  return words <= model.maxWords && isJudged(x) && probability(model, x) < model.dropBelow;
}

const COLON_END = HTML_FEATURE_NAMES.indexOf('colon-end');
const LOG_WORDS = HTML_FEATURE_NAMES.indexOf('log-words');
const PROSE_AFTER = HTML_FEATURE_NAMES.indexOf('prose-after');
/** A late label has fewer words than prose ... */
const LATE_LABEL_MAX_LOG_WORDS = Math.log1p(PROSE_MIN_WORDS - 1);
/** ... and at most this share of the article's prose after it. */
export const LATE_LABEL_MAX_PROSE_AFTER = 0.5;

/**
 * A label that ends in a colon, in the later half of the article's prose: it introduces what
 * follows, and there it is as often the heading of a box below the story ("Weitere
 * Informationen:", "Quellenangaben:", "Lesen Sie auch die folgenden Beiträge:") as the story's
 * own ("Fazit:"), whatever prose follows it; so the model judges it.
 */
function isLateLabel(x: ArrayLike<number>): boolean {
  return x[COLON_END] === 1 && (x[LOG_WORDS] as number) <= LATE_LABEL_MAX_LOG_WORDS && (x[PROSE_AFTER] as number) <= LATE_LABEL_MAX_PROSE_AFTER;
}

/**
 * Whether the model judges a block at all: it is not prose and stands before the first or after the
 * last prose block, or after the main container's last prose outside that container (a box's
 * heading is followed by the box's own prose: an author bio, a licence), or it is a late label
 * (`isLateLabel`: a short line ending in a colon with at most half the prose after it). The fit
 * learns from these blocks only.
 */
export function isJudged(x: ArrayLike<number>): boolean {
  return x[TAIL] === 1 || x[LEAD] === 1 || x[OFF_MAIN_TAIL] === 1 || isLateLabel(x);
}

/** Four decimals: enough to read, and stable across platforms' last-bit differences. */
function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** A block's probability and the features that moved it most (weight × standardised value), for `explain --verbose`. */
export function explainBlock(model: HtmlBodyModel, x: Float64Array, index: number, top = 6): LineScore {
  const { weights, mean, scale } = model;
  let z = 0;
  const parts: LineScore['features'] = [];
  for (let k = 0; k < x.length; k++) {
    const contribution = (weights[k] as number) * (((x[k] as number) - (mean[k] as number)) / (scale[k] as number));
    z += contribution;
    if (HTML_FEATURE_NAMES[k] !== 'bias' && contribution !== 0) parts.push({ name: HTML_FEATURE_NAMES[k] as string, value: round(x[k] as number), contribution: round(contribution) });
  }
  parts.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.name < b.name ? -1 : 1));
  return { line: index, p: round(1 / (1 + Math.exp(-z))), features: parts.slice(0, top) };
}

/**
 * How `extractHtml` uses the model: `model` null turns it off; `observe` sees every scored block
 * (its text, words and features) before the model decides: scripts/fit-html-model.ts fits on
 * what it sees, and tests check what the model was shown.
 */
export interface BodyModelOptions {
  model?: HtmlBodyModel | null;
  /** `explain --verbose`: each block the model drops carries its score and the features that decided it (`line` = the block's number among the judged blocks, from 1). */
  scores?: boolean;
  observe?: (blocks: readonly { text: string; words: number }[], features: readonly Float64Array[]) => void;
}
