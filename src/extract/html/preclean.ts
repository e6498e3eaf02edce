/**
 * Pre-cleaning the whole page before Readability scores it: elements that are never article body
 * (navigation, asides, forms, captions, hidden elements) and containers whose class or id says
 * they are share bars, related links, newsletter boxes, ads, bylines... Removing them first keeps
 * them from being scored into the article, and makes Readability's walk faster.
 */
import type { DroppedBlock } from '../../model.js';
import { type DomDocument, type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE } from './dom-types.js';
import { BOILERPLATE_CLASS_WORDS, CONTENT_CLASS_WORDS, LIGHT_PRECLEAN_TAGS, MAX_REMOVED_TEXT_SHARE, MEDIA_CLASS_WORDS, MEDIA_MAX_WORDS, PRECLEAN_TAGS } from './rules.js';
import { normalizeSpace, textWeight } from './text.js';

/** class/id word -> rule name. */
const WORD_RULE: ReadonlyMap<string, string> = new Map(Object.entries(BOILERPLATE_CLASS_WORDS).flatMap(([rule, words]) => words.map((w) => [w, rule] as const)));
const CONTENT_WORDS: ReadonlySet<string> = new Set(CONTENT_CLASS_WORDS);
const MEDIA_WORDS: ReadonlySet<string> = new Set(MEDIA_CLASS_WORDS);
/** Tag -> rule name for the tags that are never body. */
const TAG_RULE: ReadonlyMap<string, string> = new Map(
  PRECLEAN_TAGS.map((t) => [
    t,
    t === 'figcaption' ? 'caption' : t === 'nav' || t === 'menu' ? 'navigation' : ['form', 'button', 'input', 'select', 'textarea'].includes(t) ? 'form' : t,
  ]),
);

const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Wrappers that can be replaced by their children without changing what the text says. */
const UNWRAPPABLE: ReadonlySet<string> = new Set(['div', 'span', 'section', 'figure']);

/** Inline elements, and the blocks of running text they can sit in. */
const INLINE_TAGS: ReadonlySet<string> = new Set(['a', 'span', 'em', 'strong', 'b', 'i', 'u', 'small', 'time', 'abbr', 'cite', 'mark', 'sup', 'sub', 'code', 'q']);
const TEXT_BLOCK_TAGS: ReadonlySet<string> = new Set(['p', 'li', 'blockquote', 'td', 'dd', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Readability's own byline pattern (`REGEXPS.byline`). */
const READABILITY_BYLINE = /byline|author|dateline|writtenby|p-author/i;

/** The page's main landmark: a wrapper around it is layout, whatever its class says. */
const MAIN_LANDMARK = 'main, [role="main"]';

/** Quoted third-party content (embedded posts) is body even inside "social" containers. */
const EMBED_SELECTOR = 'blockquote';

/** Split a class/id into lower-case words: `shareBar js-social_links` -> share, bar, js, social, links. */
export function classWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * The boilerplate rule an element's class/id triggers, if any. Each class name is read on its
 * own, and its role is its last word that says something (`post-meta` is metadata of a post,
 * `entry-content` is content, `article-share` a share bar). A class whose role is content
 * protects the element from every other class it has. The class is read first; the id only
 * when the class says nothing (`roleOf`). `readId` false: the class alone is read.
 */
export function boilerplateRule(el: DomElement, readId = true): string | undefined {
  const classes = roleOf(el.getAttribute('class') ?? '');
  if (classes !== NO_ROLE || !readId) return classes === NO_ROLE || classes === CONTENT_ROLE ? undefined : classes;
  const id = roleOf(el.getAttribute('id') ?? '');
  return id === NO_ROLE || id === CONTENT_ROLE ? undefined : id;
}

const NO_ROLE = '';
const CONTENT_ROLE = 'content';

/**
 * The role a class or id attribute gives: a boilerplate rule name, `CONTENT_ROLE`, or `NO_ROLE`.
 * The class is read before the id: the class names the template's role for the box
 * ("sharedaddy"), an id is often a generated anchor built around the post it belongs to
 * ("like-post-wrapper-975264-15062", "jp-post-flair"), which says "post" without being it.
 */
function roleOf(attr: string): string {
  if (attr.trim() === '') return NO_ROLE;
  let rule: string | undefined;
  for (const name of attr.split(/\s+/)) {
    if (name === '') continue;
    // BEM: "block__element--modifier" is the block's element in a state; a one-word modifier
    // ("TestReport__Section--Ads", "menu--open") says how it looks, not what it is. A key-value
    // modifier names the thing ("field--name-post-date"), and several "--" parts
    // ("gallery--page-meta--author") are plain separators: those are read whole.
    const modifier = /^(.+?)--[A-Za-z0-9]+$/.exec(name)?.[1];
    const words = classWords(modifier !== undefined && !modifier.includes('--') ? modifier : name);
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i] ?? '';
      if (CONTENT_WORDS.has(w)) return CONTENT_ROLE;
      const r = WORD_RULE.get(w);
      if (r !== undefined) {
        rule ??= r;
        break;
      }
    }
  }
  return rule ?? NO_ROLE;
}

function isHidden(el: DomElement): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * An inline card inside running text (an image, a name, a list of headlines) that a page shows
 * on hover: a <span> holding an image and several links.
 */
function isHoverCard(el: DomElement): boolean {
  if (el.firstElementChild === null) return false;
  // A card is built of elements: no text of its own, and its links sit inside nested boxes (a
  // span of running text, or the link the card belongs to, has them as direct children).
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE && (c.nodeValue ?? '').trim() !== '') return false;
    if (c.nodeType === ELEMENT_NODE && (c as DomElement).localName.toLowerCase() === 'a') return false;
  }
  // Cards are small: look at no more than HOVER_CARD_MAX_NODES elements (a deep chain of spans
  // must not cost a subtree query per span).
  let images = 0;
  let links = 0;
  let seen = 0;
  const stack: DomElement[] = [...el.children];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (++seen > HOVER_CARD_MAX_NODES) return false;
    const t = node.localName.toLowerCase();
    if (t === 'img') images++;
    else if (t === 'a') links++;
    for (const k of node.children) stack.push(k);
  }
  // ... and little text: a wrapper of the article's own paragraphs with a photo and a few links in them is not a card.
  return images > 0 && links >= 2 && countWordsRough(el.textContent ?? '') <= HOVER_CARD_MAX_WORDS;
}

/** Hover cards hold an image, a name and a few links: a few dozen elements at most ... */
const HOVER_CARD_MAX_NODES = 60;
/** ... and a few sentences at most. */
const HOVER_CARD_MAX_WORDS = 80;

/**
 * A slide of a gallery article: a `<figure>` with a heading of its own outside its `<figcaption>`
 * (the slide's title above its image, "84. Alex From A Clockwork Orange") and paragraphs in the
 * figcaption. The figcaption is the slide's text, the article's body, not a photo's caption. A
 * teaser card puts its heading inside the figcaption, and a photo's caption has no heading.
 */
function isGallerySlide(figure: DomElement): boolean {
  const caption = figure.querySelector('figcaption');
  if (!caption?.querySelector('p')) return false;
  for (const h of figure.querySelectorAll('h1, h2, h3, h4, h5, h6')) if (h.closest('figcaption') !== caption) return true;
  return false;
}

/** An image with its caption/credit: a <figure>, or an element whose class/id says image/photo. */
function isMediaContainer(el: DomElement, tag: string): boolean {
  if (tag === 'figure' && isGallerySlide(el)) return false;
  if (tag !== 'figure') {
    const attr = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (attr.trim() === '' || !classWords(attr).some((w) => MEDIA_WORDS.has(w))) return false;
  }
  if (!el.querySelector('img, picture')) return false;
  return countWordsRough(el.textContent ?? '') <= MEDIA_MAX_WORDS;
}

function countWordsRough(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** Remove the text (caption, credit) of a media container, keeping its images. */
function stripMediaText(el: DomElement, dropped: DroppedBlock[]): void {
  const text = blockText(el);
  if (text === '') return;
  dropped.push({ text, rule: 'caption' });
  const stack: DomNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    for (const child of [...node.childNodes]) {
      if (child.nodeType === TEXT_NODE) child.remove();
      else if (child.nodeType === ELEMENT_NODE) stack.push(child);
    }
  }
}

function pushChildren(stack: DomElement[], el: DomElement): void {
  const kids = el.children;
  for (let i = kids.length - 1; i >= 0; i--) {
    const k = kids[i];
    if (k) stack.push(k);
  }
}

/** An element's whole text, whitespace collapsed: `explain` shows every dropped sentence in full. */
function blockText(el: DomElement): string {
  return normalizeSpace(el.textContent ?? '');
}

function note(dropped: DroppedBlock[], el: DomElement, rule: string): void {
  const text = blockText(el);
  if (text !== '') dropped.push({ text, rule });
}

/** A lead paragraph has at least this many words ... */
const LEAD_MIN_WORDS = 12;
/** ... and holds a sentence end (a standfirst's last sentence may go without its full stop). */
const LEAD_END = /\p{L}[.!?…]["'”’»)]?(?:\s|$)/u;

/**
 * The lead paragraphs of an article's `<header>`: when the header holds a headline (`<h1>` or
 * `<h2>`), the `<p>` elements in it that are prose (`LEAD_MIN_WORDS` words with a sentence end)
 * are the story's standfirst ("Damit Mitarbeiter gesund bleiben, müssen sich Unternehmen einiges
 * einfallen lassen. ..."), the first lines of its body, not the page's chrome. A site's header
 * has a logo, a menu and at most a tagline; none of it reads as a sentence under a headline.
 */
function leadParagraphs(header: DomElement): DomElement[] {
  if (!header.querySelector('h1, h2')) return [];
  const out: DomElement[] = [];
  for (const p of header.querySelectorAll('p')) {
    const text = normalizeSpace(p.textContent ?? '');
    // A photo's caption in the header is the photo's, not the story's.
    if (countWordsRough(text) >= LEAD_MIN_WORDS && LEAD_END.test(text) && !p.querySelector('p') && !p.closest('figure, figcaption')) out.push(p);
  }
  return out;
}

/** Elements between a headline and its standfirst, at most (a date line, a kicker). */
const STANDFIRST_MAX_GAP = 2;

/**
 * Whether an element is the standfirst under the page's headline: prose (`LEAD_MIN_WORDS` words
 * with a sentence end) whose previous sibling, or one of the `STANDFIRST_MAX_GAP` before it, is an
 * `<h1>`. Templates class it "article-teaser" like a teaser of another story; a teaser list of
 * other stories stands under their own headings, never right under the page's `<h1>`.
 */
function isStandfirst(el: DomElement): boolean {
  let h1 = false;
  for (let prev = el.previousElementSibling, k = 0; prev && k < STANDFIRST_MAX_GAP && !h1; prev = prev.previousElementSibling, k += 1) h1 = prev.localName.toLowerCase() === 'h1';
  if (!h1) return false;
  const text = normalizeSpace(el.textContent ?? '');
  return countWordsRough(text) >= LEAD_MIN_WORDS && LEAD_END.test(text);
}

/**
 * How much pre-cleaning removes: 'full' (tags and class/id words), or 'light' for a second attempt
 * on a page whose full pre-cleaning left almost nothing: only what is never article text whatever
 * the page's markup (navigation, footers, forms and their controls, hidden elements); asides,
 * headers and every class/id rule stay, as pages wrap their article in such elements.
 */
export type PrecleanMode = 'full' | 'light';

/** The tags 'light' pre-cleaning still removes. */
const LIGHT_TAGS: ReadonlySet<string> = new Set(LIGHT_PRECLEAN_TAGS);

/** Remove boilerplate from the page in place. Returns what was removed. */
export function precleanDocument(document: DomDocument, mode: PrecleanMode = 'full'): DroppedBlock[] {
  const dropped: DroppedBlock[] = [];
  const body = document.body;
  if (!body) return dropped;
  const totalText = textWeight(body.textContent ?? '') || 1;

  // Depth-first walk with an explicit stack: a removed element's subtree is simply not visited
  // (checking `isConnected` instead costs a walk to the root per element on linkedom).
  const stack: DomElement[] = [...body.children].reverse();
  while (stack.length > 0) {
    const el = stack.pop();
    if (!el) break;
    const tag = el.localName.toLowerCase();
    // An empty paragraph is spacing, not content (Readability drops it too, but only after
    // scoring around it, and pages of thousands cost it seconds).
    if (tag === 'p' && el.firstElementChild === null && textWeight(el.textContent ?? '') === 0) {
      el.remove();
      continue;
    }
    if (isHidden(el)) {
      note(dropped, el, 'hidden');
      el.remove();
      continue;
    }
    // A gallery slide's figcaption is the article's text (`isGallerySlide`), whatever its class says.
    const figure = tag === 'figcaption' ? el.parentElement?.closest('figure') : undefined;
    if (figure && isGallerySlide(figure)) {
      pushChildren(stack, el);
      continue;
    }
    let rule = mode === 'full' || LIGHT_TAGS.has(tag) ? TAG_RULE.get(tag) : undefined;
    if (rule === undefined && mode === 'light') {
      pushChildren(stack, el);
      continue;
    }
    if (rule === undefined) {
      if (tag === 'main' || tag === 'article') {
        pushChildren(stack, el);
        continue;
      }
      // A heading's id is an anchor for the page's table of contents ("nav_nur_die_folie__1"), not a role: its class alone says one.
      rule = HEADING_TAGS.has(tag) ? boilerplateRule(el, false) : boilerplateRule(el);
      // Inside running text, a class like "author", "date" or "tag" marks words of the sentence.
      if (INLINE_TAGS.has(tag) && TEXT_BLOCK_TAGS.has(el.parentElement?.localName.toLowerCase() ?? '')) {
        if (rule !== 'hidden') rule = undefined;
        // Readability removes the first element whose class says "author" or "byline" as the
        // page's byline, even a name inside a sentence: such inline elements lose the class.
        if (READABILITY_BYLINE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) {
          el.removeAttribute('class');
          el.removeAttribute('id');
        }
      }
      if (rule === undefined && tag === 'span' && isHoverCard(el)) rule = 'hover-card';
      if (rule === undefined) {
        if (isMediaContainer(el, tag)) stripMediaText(el, dropped);
        else pushChildren(stack, el);
        continue;
      }
      // A "teaser" right under the headline is the story's own standfirst, not another story's.
      if (rule === 'related' && isStandfirst(el)) {
        pushChildren(stack, el);
        continue;
      }
      if (el.querySelector(EMBED_SELECTOR)) {
        pushChildren(stack, el);
        continue;
      }
    }
    // An element holding much of the page is a layout wrapper (whole pages are wrapped in a
    // <form> by some frameworks, or in an element whose class happens to say "related"), not
    // the boilerplate its tag or class usually marks; so is one around the page's main landmark
    // ("left-navigation_page-wrapper" around <main>).
    if (textWeight(el.textContent ?? '') > MAX_REMOVED_TEXT_SHARE * totalText || el.querySelector(MAIN_LANDMARK)) {
      pushChildren(stack, el);
      continue;
    }
    const leads = rule === 'header' ? leadParagraphs(el) : [];
    if (leads.length > 0) {
      // The article's own header: its headline, date and byline go, its lead paragraph stays where it stood.
      for (const p of leads) p.remove();
      note(dropped, el, rule);
      el.replaceWith(...leads);
      continue;
    }
    note(dropped, el, rule);
    el.remove();
  }

  // Readability drops containers whose class says "social", or that are link-dense, and an
  // embedded post (a quote of a tweet, say) sits in just such a wrapper; the quote is body, so
  // its wrappers are unwrapped before Readability looks at them.
  for (const quote of [...body.querySelectorAll(EMBED_SELECTOR)]) {
    let parent = quote.parentElement;
    while (parent && parent !== body && UNWRAPPABLE.has(parent.localName.toLowerCase()) && parent.children.length <= 2) {
      const grand: DomElement | null = parent.parentElement;
      parent.replaceWith(...[...parent.childNodes]);
      parent = grand;
    }
  }
  return dropped;
}
