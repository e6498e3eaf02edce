/**
 * Pre-cleaning the whole page before Readability scores it: elements that are never article body
 * (navigation, asides, forms, captions, hidden elements) and containers whose class or id says
 * they are share bars, related links, newsletter boxes, ads, bylines... Removing them first keeps
 * them from being scored into the article, and makes Readability's walk faster.
 */
import type { DroppedBlock } from '../../model.js';
import type { DomDocument, DomElement } from './dom-types.js';
import {
  BOILERPLATE_CLASS_WORDS,
  CONTENT_CLASS_WORDS,
  MAX_REMOVED_TEXT_SHARE,
  PRECLEAN_TAGS,
} from './rules.js';
import { normalizeSpace } from './text.js';

/** class/id word -> rule name. */
const WORD_RULE: ReadonlyMap<string, string> = new Map(
  Object.entries(BOILERPLATE_CLASS_WORDS).flatMap(([rule, words]) => words.map((w) => [w, rule] as const)),
);
const CONTENT_WORDS: ReadonlySet<string> = new Set(CONTENT_CLASS_WORDS);
/** Tag -> rule name for the tags that are never body. */
const TAG_RULE: ReadonlyMap<string, string> = new Map(
  PRECLEAN_TAGS.map((t) => [t, t === 'figcaption' ? 'caption' : t === 'nav' || t === 'menu' ? 'navigation' : ['form', 'button', 'input', 'select', 'textarea'].includes(t) ? 'form' : t]),
);

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

/** The boilerplate rule an element's class/id triggers, if any. */
export function boilerplateRule(el: DomElement): string | undefined {
  const attr = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (attr.trim() === '') return undefined;
  const words = classWords(attr);
  let rule: string | undefined;
  for (const w of words) {
    if (CONTENT_WORDS.has(w)) return undefined;
    rule ??= WORD_RULE.get(w);
  }
  return rule;
}

function isHidden(el: DomElement): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function note(dropped: DroppedBlock[], el: DomElement, rule: string): void {
  const text = normalizeSpace(el.textContent ?? '');
  if (text !== '') dropped.push({ text: text.length > 200 ? `${text.slice(0, 199)}…` : text, rule });
}

/** Remove boilerplate from the page in place. Returns what was removed. */
export function precleanDocument(document: DomDocument): DroppedBlock[] {
  const dropped: DroppedBlock[] = [];
  const body = document.body;
  if (!body) return dropped;
  const totalText = normalizeSpace(body.textContent ?? '').length || 1;

  for (const el of [...body.querySelectorAll('*')]) {
    if (!el.isConnected) continue; // inside something already removed
    const tag = el.localName.toLowerCase();
    if (isHidden(el)) {
      note(dropped, el, 'hidden');
      el.remove();
      continue;
    }
    let rule = TAG_RULE.get(tag);
    if (rule === undefined) {
      if (tag === 'main' || tag === 'article') continue;
      rule = boilerplateRule(el);
      if (rule === undefined || el.querySelector(EMBED_SELECTOR)) continue;
    }
    // An element holding much of the page is a layout wrapper (whole pages are wrapped in a
    // <form> by some frameworks, or in an element whose class happens to say "related"), not
    // the boilerplate its tag or class usually marks.
    if (normalizeSpace(el.textContent ?? '').length > MAX_REMOVED_TEXT_SHARE * totalText) continue;
    note(dropped, el, rule);
    el.remove();
  }

  // Readability drops containers whose class says "social" etc.; an embedded post (a quote) inside
  // one is body, so such containers lose their class/id before Readability looks at them.
  for (const quote of body.querySelectorAll(EMBED_SELECTOR)) {
    for (let p = quote.parentElement; p && p !== body; p = p.parentElement) {
      if (p.children.length > 2) break;
      p.removeAttribute('class');
      p.removeAttribute('id');
    }
  }
  return dropped;
}
