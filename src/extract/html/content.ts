/**
 * Main-content extraction. The steps, in order, and why the order matters:
 *
 *  1. Remove what is never content (scripts, styles): nothing later should score or render it.
 *  2. Refuse trees deeper than Readability's recursive walk handles well (it overflows the stack near
 *     a few thousand levels); such pages go to the density fallback, which is iterative.
 *  3. Pre-clean the page (nav, asides, captions, share bars, related lists, ...) so Readability
 *     cannot pick them as, or into, the article; a smaller tree also makes its walk faster.
 *  4. Readability picks the article container. When that is one post of a row of sibling posts (a
 *     forum thread), the article is the same part of every post (`thread.ts`). The paragraphs it
 *     left out are reported.
 *  5. Post-filter the article's blocks (link-dense runs, boilerplate phrases, credits, bylines,
 *     dates, repeated labels, the page's own URL).
 *  6. If too little is left, the density fallback runs on a fresh parse of the page (Readability
 *     has rearranged the first one).
 */
import { Readability } from '@mozilla/readability';
import type { DroppedBlock, FoundMetadata } from '../../model.js';
import { mergeBodies, parseDocument, removeComments, removeNeverContent, treeDepth } from './dom.js';
import type { BodyModelOptions } from './block-model.js';
import type { DomDocument, DomElement, DomNode } from './dom-types.js';
import { densityExtract } from './fallback.js';
import { countWords, postFilter } from './postfilter.js';
import { classWords, type PrecleanMode, precleanDocument } from './preclean.js';
import { fasterReadabilityChecks } from './readability-speed.js';
import { LEAD_CLASS_WORDS, MIN_CONTENT_CHARS } from './rules.js';
import { normalizeSpace, renderText, textWeight } from './text.js';
import { findPostRows, threadBodies } from './thread.js';

export interface ContentResult {
  html: string;
  text: string;
  dropped: DroppedBlock[];
}

/**
 * Deeper trees than this are not given to Readability: its walk is recursive (10,000 levels
 * overflow the stack) and slows down quadratically with depth (500 levels take seconds). Real
 * pages stay under about 60 levels; the development set peaks at 49.
 */
export const MAX_READABILITY_DEPTH = 200;

/** Readability's article is checked against the density extractor when the prose it left out has this many times its words. */
const LEFT_OUT_RATIO = 2;

/** A paragraph of rendered text is prose when it has this many words and ends like a sentence. */
const PROSE_MIN_WORDS = 8;
const SENTENCE_END = /[.!?…]["'”’»)]?$/;

/** Words in the paragraphs of `text` that are prose (not labels, list items, table rows). */
export function proseWords(text: string): number {
  let n = 0;
  for (const p of text.split('\n\n')) {
    const words = countWords(p);
    if (words >= PROSE_MIN_WORDS && SENTENCE_END.test(p)) n += words;
  }
  return n;
}

/** Paragraphs of at least this many words that Readability leaves out are reported as dropped. */
const REPORT_MIN_WORDS = 8;

/** The elements that hold `el`, nearest first. */
function ancestorsOf(el: DomElement): DomElement[] {
  const out: DomElement[] = [];
  for (let node = el.parentElement; node !== null; node = node.parentElement) out.push(node);
  return out;
}

/** A left-out paragraph before the article is its lead when it is prose of this many words ... */
const LEAD_MIN_WORDS = 12;
/** ... and the box it shares with the article holds at most this share of the kept words in other left-out paragraphs. */
const LEAD_BOX_OTHER_SHARE = 0.25;

/**
 * The paragraphs Readability left out just before its container that are the article's lead: a
 * standfirst, a subtitle, an abstract that the page's template puts in a box of its own beside the
 * body's ("article-intro", "p.subtitle", "texto-bajada"). Such a paragraph is prose
 * (`LEAD_MIN_WORDS` words with a sentence end), stands before the first paragraph Readability
 * kept, is marked as a lead by its own or its box's class (`LEAD_CLASS_WORDS`, up to the box it
 * shares with the article), and that shared box holds little else: the paragraphs left out under
 * it after the article's start weigh at most `LEAD_BOX_OTHER_SHARE` of the words kept under it.
 */
function leadsLeftOut(paragraphs: readonly { el: DomElement; text: string }[], boxes: readonly DomElement[][], kept: readonly boolean[]): DomElement[] {
  const first = kept.indexOf(true);
  if (first <= 0) return [];
  const firstBoxes = new Set(boxes[first]);
  const out: DomElement[] = [];
  for (let i = 0; i < first; i += 1) {
    const p = paragraphs[i] as { el: DomElement; text: string };
    if (countWords(p.text) < LEAD_MIN_WORDS || !/\p{L}[.!?…]["'”’»)]?(?:\s|$)/u.test(p.text)) continue;
    const own = boxes[i] as DomElement[];
    const sharedAt = own.findIndex((box) => firstBoxes.has(box));
    const shared = own[sharedAt];
    if (!shared || ![p.el, ...own.slice(0, sharedAt)].some(saysLead)) continue;
    let keptWords = 0;
    let otherWords = 0;
    for (const [j, q] of paragraphs.entries()) {
      if (j === i || !(boxes[j] as DomElement[]).includes(shared)) continue;
      if (kept[j]) keptWords += countWords(q.text);
      else if (j > first) otherWords += countWords(q.text);
    }
    if (otherWords <= LEAD_BOX_OTHER_SHARE * keptWords) out.push(p.el);
  }
  return out;
}

const LEAD_WORDS: ReadonlySet<string> = new Set(LEAD_CLASS_WORDS);

/** Whether an element's class or id says it is an article's lead ("article-intro", "subtitle", "c-dek"). */
function saysLead(el: DomElement): boolean {
  return classWords(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`).some((w) => LEAD_WORDS.has(w));
}

/** Put the lead paragraphs before the first paragraph Readability kept (or at the article's start). */
function placeLeads(root: DomElement, leads: readonly DomElement[], firstKept: DomElement | undefined): void {
  let inRoot = false;
  for (let node = firstKept?.parentElement ?? null; node !== null && !inRoot; node = node.parentElement) inRoot = node === root;
  const page = root.firstElementChild?.getAttribute('id')?.startsWith('readability-page-') ? root.firstElementChild : root;
  const parent = inRoot && firstKept ? (firstKept.parentElement as DomElement) : page;
  const before = inRoot && firstKept ? firstKept : page.firstChild;
  for (const lead of leads) parent.insertBefore(lead, before);
}

/** Readability wraps the article in `<div id="readability-page-1" class="page">`; that wrapper is not content. */
function unwrapPages(root: DomElement): void {
  for (const child of [...root.children]) {
    if ((child.getAttribute('id') ?? '').startsWith('readability-page-')) child.replaceWith(...[...child.childNodes]);
  }
}

/**
 * Readability reads `page.innerHTML` once before its first attempt and, each time an attempt finds
 * fewer than 500 characters, restores the page by assigning that string back: a re-parse of the
 * whole page per retry (up to three). The re-parse splits text at every entity again, so a page of
 * 100,000 `&amp;` took seconds per retry. This gives the body an own `innerHTML` that keeps a clone
 * of its children when read and, when that same string is assigned back, restores the clone: the
 * tree the first attempt saw, without a parse. Any other assignment goes to linkedom as before.
 * Readability keeps the string only to assign it back, so the read returns a placeholder rather
 * than serialising the whole page (about 1 % of an extraction).
 */
const PAGE_AS_READ = '\u0000(the page as Readability read it)';

export function restoreBodyByClone(body: DomElement): void {
  let proto: object | null = Object.getPrototypeOf(body);
  while (proto && !Object.hasOwn(proto, 'innerHTML')) proto = Object.getPrototypeOf(proto);
  const { get, set } = (proto && Object.getOwnPropertyDescriptor(proto, 'innerHTML')) ?? {};
  if (!get || !set) return;
  let saved: { html: string; nodes: DomNode[] } | undefined;
  Object.defineProperty(body, 'innerHTML', {
    configurable: true,
    get(this: DomElement) {
      saved = { html: PAGE_AS_READ, nodes: [...this.childNodes].map((node) => node.cloneNode(true)) };
      return PAGE_AS_READ;
    },
    set(this: DomElement, html: string) {
      if (saved?.html === html) this.replaceChildren(...saved.nodes.map((node) => node.cloneNode(true)));
      else set.call(this, html);
    },
  });
}

/**
 * Readability removes the first `<h1>`/`<h2>` that reads like the page's title, wherever it stands,
 * taking it for the headline. A heading that follows a paragraph of prose in its own container is
 * a section heading of the story (a subheading that happens to repeat the title's words: "Warnung
 * vor Tesla und 'Golf aus China'" under "VW-Chef warnt vor Tesla und 'Golf aus China'"), not the
 * headline above it: such a heading is not taken for the title.
 */
export function headlineNotAfterProse(reader: object): void {
  const r = reader as { _headerDuplicatesTitle?: (node: DomElement) => boolean };
  const duplicatesTitle = r._headerDuplicatesTitle;
  if (typeof duplicatesTitle !== 'function') return;
  r._headerDuplicatesTitle = function (this: unknown, node: DomElement): boolean {
    if (!duplicatesTitle.call(this, node)) return false;
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (prev.localName.toLowerCase() === 'p' && proseWords(normalizeSpace(prev.textContent ?? '')) > 0) return false;
    }
    return true;
  };
}

/** Readability's `_cleanClasses`, run after the body model has read the class words: only `page` stays. */
function cleanClasses(root: DomElement): void {
  for (const el of [root, ...root.querySelectorAll('[class]')]) {
    const kept = (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => c === 'page');
    if (kept.length > 0) el.setAttribute('class', kept.join(' '));
    else el.removeAttribute('class');
  }
}

/**
 * The article of the page. When the full pre-cleaning leaves an article shorter than
 * `SHORT_RESULT_CHARS` (the page wrapped its article in an `<aside>`, a `<form>` or a container
 * whose class says "ad", "tag" or "comment"), the steps run again on a fresh parse with 'light'
 * pre-cleaning, and that article is taken when it is `LIGHT_GAIN` times as long.
 */
export function extractContent(document: DomDocument, found: FoundMetadata, html: string, bodyModel: BodyModelOptions = {}): ContentResult {
  // The body model's observer (the fit) sees the blocks of the attempt that is kept.
  let observed: Parameters<NonNullable<BodyModelOptions['observe']>> | undefined;
  const observing: BodyModelOptions = bodyModel.observe ? { ...bodyModel, observe: (...args) => (observed = args) } : bodyModel;
  const full = extractOnce(document, found, html, observing, 'full');
  let result = { ...full, observed };
  if (full.text.length < SHORT_RESULT_CHARS && !full.tooDeep) {
    const fresh = parseDocument(html);
    if (fresh.ok) {
      observed = undefined;
      const light = extractOnce(fresh.document, found, html, observing, 'light');
      if (light.text.length >= MIN_CONTENT_CHARS && light.text.length >= LIGHT_GAIN * full.text.length) {
        result = { ...light, observed, dropped: [{ text: 'Pre-cleaning left too little of the page; the article was extracted again with light pre-cleaning.', rule: 'light-preclean' }, ...light.dropped] };
      }
    }
  }
  if (result.observed) bodyModel.observe?.(...result.observed);
  return { html: result.html, text: result.text, dropped: result.dropped };
}

/** Below this many characters, an article is extracted again with light pre-cleaning ... */
const SHORT_RESULT_CHARS = 500;
/** ... and that attempt is kept when it is this many times as long. */
const LIGHT_GAIN = 2;

function extractOnce(document: DomDocument, found: FoundMetadata, html: string, bodyModel: BodyModelOptions, mode: PrecleanMode): ContentResult & { tooDeep?: boolean } {
  const dropped: DroppedBlock[] = [];
  mergeBodies(document);
  // Some blog platforms serve the post's paragraphs only inside <noscript> (a script draws them);
  // when the page gave too little, paragraphs there are read as the page's own.
  if (mode === 'light') for (const el of [...document.querySelectorAll('noscript')]) if (el.querySelector('p')) el.replaceWith(...[...el.childNodes]);
  removeNeverContent(document);
  const body = document.body ?? document.documentElement;
  if (!body || textWeight(body.textContent ?? '') === 0) return { html: '', text: '', dropped };
  if (treeDepth(body, MAX_READABILITY_DEPTH) >= MAX_READABILITY_DEPTH) {
    dropped.push({
      text: `The page nests elements ${MAX_READABILITY_DEPTH} levels deep or more; the density fallback extracted it.`,
      rule: 'too-deep',
    });
    dropped.push(...precleanDocument(document, mode));
    const fallback = densityExtract(body, found);
    return { html: fallback.html, text: fallback.text, dropped: [...dropped, ...fallback.dropped], tooDeep: true };
  }
  dropped.push(...precleanDocument(document, mode));
  const headlines = [...body.querySelectorAll('h1')].map((h) => h.textContent ?? '');
  const paragraphs = [...body.querySelectorAll('p')].map((el) => ({ el, text: normalizeSpace(el.textContent ?? '') })).filter((p) => countWords(p.text) >= REPORT_MIN_WORDS);
  // Their boxes, read before Readability moves the article out of the page (`leadsLeftOut`).
  const boxes = paragraphs.map((p) => ancestorsOf(p.el));
  const postRows = findPostRows(body);

  const reader = new Readability<DomElement>(document as never, { keepClasses: true, serializer: (node) => node as unknown as DomElement });
  fasterReadabilityChecks(reader);
  headlineNotAfterProse(reader);
  restoreBodyByClone(body);
  const root = reader.parse()?.content;
  delete (body as { innerHTML?: string }).innerHTML;
  let leftOutWords = 0;
  if (root) {
    // Readability kept one post of a thread (a reply, as often as not): the article is the thread.
    const thread = threadBodies(postRows, normalizeSpace(root.textContent ?? ''));
    if (thread) {
      root.replaceChildren(...thread);
      dropped.push({ text: `Readability kept one of ${thread.length} sibling posts; the article is the thread.`, rule: 'thread' });
    }
    const articleText = normalizeSpace(root.textContent ?? '');
    const kept = paragraphs.map((p) => articleText.includes(p.text));
    const leads = leadsLeftOut(paragraphs, boxes, kept);
    if (leads.length > 0) placeLeads(root, leads, paragraphs[kept.indexOf(true)]?.el);
    for (const [i, p] of paragraphs.entries()) {
      if (kept[i] || leads.includes(p.el)) continue;
      dropped.push({ text: p.text, rule: 'readability' });
      leftOutWords += countWords(p.text);
    }
    dropped.push(...postFilter(root, found, headlines, bodyModel));
    cleanClasses(root);
    unwrapPages(root);
    removeComments(root);
    const text = renderText(root);
    // Readability keeps one container; when it leaves out far more prose than it keeps, it has
    // picked a box beside the article (an author bio, a disclosure, related teasers, a table of
    // names), and the density extractor below is asked too. What it keeps is counted in prose
    // words, so that a long table or list of labels does not pass for an article.
    if (text.length >= MIN_CONTENT_CHARS && leftOutWords <= LEFT_OUT_RATIO * proseWords(text)) return { html: root.innerHTML.trim(), text, dropped };
  }

  // Readability found nothing, or too little: the density fallback, on a fresh tree.
  const fresh = parseDocument(html);
  const freshBody = fresh.ok ? (fresh.document.body ?? fresh.document.documentElement) : null;
  if (!fresh.ok || !freshBody) return { html: '', text: '', dropped };
  mergeBodies(fresh.document);
  removeNeverContent(fresh.document);
  precleanDocument(fresh.document, mode);
  const fallback = densityExtract(freshBody, found);
  const readabilityText = root ? renderText(root) : '';
  // The one with more prose wins; between two without prose, the longer.
  const [fallbackProse, readabilityProse] = [proseWords(fallback.text), proseWords(readabilityText)];
  if (fallbackProse < readabilityProse || (fallbackProse === readabilityProse && fallback.text.length <= readabilityText.length)) {
    return { html: root ? root.innerHTML.trim() : '', text: readabilityText, dropped };
  }
  return {
    html: fallback.html,
    text: fallback.text,
    dropped: [...dropped, { text: 'Readability found too little, or left out most of the prose; the density fallback extracted the page.', rule: 'fallback' }, ...fallback.dropped],
  };
}
