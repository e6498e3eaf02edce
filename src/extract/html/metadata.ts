/**
 * Page metadata with provenance. Precedence, highest first (as data: see `PRECEDENCE`):
 *
 *   1. JSON-LD (`Article`, `NewsArticle`, `BlogPosting`, ... also inside `@graph` and arrays)
 *   2. `<meta>` tags (Open Graph, `article:*`, `name=author|keywords|description`, ...)
 *   3. markup: `<time datetime>`, `rel=author`, byline elements (class/itemprop author), `<title>`
 *
 * Nothing here fetches: only the document's own markup is read.
 */

import type { FoundMetadata, Person, Provenance, Sourced } from '../../model.js';
import { type DateContext, slashDayFirstFor, withStatedOffset } from '../dates.js';
import { AUTHOR_SPLIT, BYLINE_START, cleanAuthorName, isOrganisationName, isSiteName, looksLikePersonName, parseByline, sameName, withoutNameLead } from '../textual/byline.js';
import { type DomDocument, type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE } from './dom-types.js';
import { normalizeSpace } from './text.js';
import { decodeEntities } from '../../util/html.js';
import { WEEKDAY_WORDS } from '../lexicon/index.js';
import { ancestorsOf, choosePageDates, lonePageDate, type DateSource, isOutsideArticle, markupCandidate, type PageDate, type PartialPageDate, resolvePartialDates, urlDate, visibleDates } from './page-dates.js';
import { chooseHeading, type HeadingCandidate, siteNamesOf, withoutSiteSegments } from '../title.js';

export interface MetadataOptions {
  timezone: string;
  url?: string;
  referenceDate?: Date;
  /** How the page writes dates (its language); set by `extractMetadata`. */
  dateContext?: DateContext;
}

/** Candidate values per field, in the order they were found within one source (teasers are counted apart, src/extract/html/listing.ts). */
type FieldName = Exclude<keyof FoundMetadata, 'teasers'>;

/** Which source wins for each field when several have a value. */
export const PRECEDENCE: Readonly<Record<FieldName, readonly Provenance[]>> = {
  title: ['json-ld', 'meta-tag', 'html'],
  authors: ['json-ld', 'meta-tag', 'html', 'byline'],
  published: ['json-ld', 'meta-tag', 'html', 'byline'],
  updated: ['json-ld', 'meta-tag', 'html'],
  tags: ['json-ld', 'meta-tag', 'html'],
  summary: ['json-ld', 'meta-tag'],
  link: ['html', 'meta-tag', 'json-ld'],
  image: ['json-ld', 'meta-tag', 'html'],
  lang: ['html', 'meta-tag', 'json-ld'],
};

/** schema.org types whose JSON-LD describes the article itself. */
export const JSON_LD_ARTICLE_TYPES =
  /^(?:Article|NewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|ScholarlyArticle|TechArticle|Report|SatiricalArticle|WebPage|ItemPage)$/;

/** Meta tag names/properties per field, best first. */
export const META_NAMES = {
  title: ['og:title', 'twitter:title', 'dc.title', 'sailthru.title', 'parsely-title'],
  published: [
    'article:published_time',
    'og:article:published_time',
    'datepublished',
    'date',
    'pubdate',
    'publishdate',
    'publish-date',
    'dc.date',
    'dc.date.issued',
    'dcterms.created',
    'sailthru.date',
    'parsely-pub-date',
    'article.published',
    'published_time',
  ],
  updated: ['article:modified_time', 'og:updated_time', 'og:article:modified_time', 'datemodified', 'dcterms.modified', 'last-modified', 'article.updated'],
  authors: ['article:author', 'author', 'dc.creator', 'sailthru.author', 'parsely-author', 'byl'],
  tags: ['article:tag', 'keywords', 'news_keywords', 'parsely-tags', 'sailthru.tags'],
  summary: ['description', 'og:description', 'twitter:description', 'dc.description'],
  image: ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'],
  link: ['og:url'],
  lang: ['og:locale', 'content-language', 'language'],
} as const;

/** Separators between a headline and the site name in `<title>`. */
const TITLE_SEPARATOR = /\s+(?:[|\-–—·•»:]|::)\s+/;
/** Characters that do not occur in a person's name as a byline writes it. */
const NOT_A_NAME_CHARS = /[*()[\]{}<>@#=|]|(?:^|\s)_|_(?:\s|$)/;
/** Degrees and suffixes that a comma separates from the name they belong to. */
const CREDENTIAL = /^(?:MS|MA|MD|PhD|RD|RDN|MPH|MBA|BSc|MSc|DO|RN|CPT|CNS|LD|Esq\.?|Jr\.?|Sr\.?|II|III|IV)$/i;

// ---------------------------------------------------------------------------------------------
// Small guards for `unknown` JSON.

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function firstString(v: unknown): string | undefined {
  for (const x of asArray(v)) {
    if (typeof x === 'string' && x.trim() !== '') return normalizeSpace(decodeEntities(x));
    if (typeof x === 'number') return String(x);
  }
  return undefined;
}

function typesOf(node: Json): string[] {
  return asArray(node['@type']).filter((t): t is string => typeof t === 'string');
}

// ---------------------------------------------------------------------------------------------
// One pass over the page collects every element metadata is read from: a handful of CSS queries
// cost several times more on linkedom than one walk.

interface PageIndex {
  jsonLd: DomElement[];
  metas: DomElement[];
  canonical?: DomElement;
  title?: DomElement;
  datePublished?: DomElement;
  dateModified?: DomElement;
  firstTime?: DomElement;
  relAuthor: DomElement[];
  relTag: DomElement[];
  bylines: DomElement[];
  /** Short elements whose text starts like a byline ("Von …", "By …", "Autor: …"), in document order. */
  textBylines: DomElement[];
  /** Elements whose text a reader does not see: scripts, styles, templates, noscript, the <title>. */
  hidden: DomElement[];
  /** `<h1>` elements outside navigation, footers and asides, in document order (at most `MAX_HEADINGS`). */
  headings: DomElement[];
}

/** Elements that hold a byline written as text ("<p>Von <a>Jane Doe</a></p>"). */
const BYLINE_HOSTS: ReadonlySet<string> = new Set(['p', 'span', 'div', 'small', 'address', 'em', 'i', 'strong', 'b', 'li', 'time', 'h4', 'h5', 'h6', 'td', 'dd', 'font']);
/** A byline element has few children ("Von ", <a>, " am ", <time>). */
const MAX_BYLINE_CHILDREN = 8;
/** Text bylines looked at per page. */
const MAX_TEXT_BYLINES = 12;
/** Elements classed author/byline looked at per page (comment lists repeat the class). */
const MAX_BYLINES = 16;

/** Headings looked at as title candidates; pages with more are listings. */
const MAX_HEADINGS = 12;
/** Where a heading is not the article's: navigation, footers, asides, comment sections. */
const NOT_ARTICLE_HEADING = 'nav, footer, aside, form, [role="navigation"], [class*="comment"], [id*="comment"]';

/** A label's whole text: the byline word alone ("Autor:", "By", "Text:"). */
const BYLINE_LABEL = new RegExp(`${BYLINE_START.source}\\s*$`, 'i');
/** Elements that end a line of text. */
const LINE_BREAKS: ReadonlySet<string> = new Set(['br', 'hr', 'p', 'div', 'ul', 'ol', 'li', 'table', 'tr', 'section', 'article', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'blockquote', 'figure']);
/** Longest line read after a label or before a block. */
const MAX_LINE_CHARS = 120;

/** The text after `el` up to the end of its line (a `<br>`, a block element), within its parent. */
function lineAfter(el: DomElement): string {
  let text = '';
  // A label wrapped alone ("<span><b>By</b></span> <a>Jane</a>") continues after its wrapper.
  let from: DomElement = el;
  while (from.nextSibling === null && from.parentElement && contentChildren(from.parentElement) === 1) from = from.parentElement;
  for (let node = from.nextSibling; node !== null && text.length <= MAX_LINE_CHARS; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) {
      const tag = (node as DomElement).localName.toLowerCase();
      if (LINE_BREAKS.has(tag)) break;
      // The next label ("Quelle:", "Datum:") starts another field.
      const t = normalizeSpace(node.textContent ?? '');
      if (/:$/.test(t) && t.length <= 24) break;
      text += ` ${t}`;
    } else if (node.nodeType === TEXT_NODE) text += node.nodeValue ?? '';
  }
  return normalizeSpace(text);
}

/**
 * A label alone in its block ("<p class=label><b>By</b></p><p>Jane Doe</p>", `<dt>Autor</dt><dd>…`):
 * the short text of the next block, the value the label names.
 */
function valueBelow(el: DomElement): string {
  const label = normalizeSpace(el.textContent ?? '');
  let box: DomElement = el;
  while (box.parentElement && normalizeSpace(box.parentElement.textContent ?? '') === label) box = box.parentElement;
  const next = box.nextElementSibling;
  if (!next) return '';
  const text = normalizeSpace(next.textContent ?? '');
  return text.length <= 60 ? text : '';
}

/** A user name as forums and blogs show it: one word, letters, digits, dots, dashes, underscores. */
const USER_NAME = /^[\p{L}\d][\p{L}\d._-]{2,29}$/u;

/**
 * "Gespeichert von <span class=username>rasos</span> am 24. Juli 2017", "von <a>lupa</a>": the
 * byline grammar wants a capitalised name; an element of its own right after the lead words is a
 * name even in lower case, when it has a user name's shape.
 */
function userNameAfterLead(host: DomElement): Person[] | undefined {
  const lead = host.firstChild;
  if (lead?.nodeType !== TEXT_NODE || !new RegExp(`${BYLINE_START.source}\\s*$`, 'i').test(lead.nodeValue ?? '')) return undefined;
  let next = lead.nextSibling;
  while (next !== null && next.nodeType !== ELEMENT_NODE) {
    if (next.nodeType === TEXT_NODE && (next.nodeValue ?? '').trim() !== '') return undefined;
    next = next.nextSibling;
  }
  const name = normalizeSpace(next?.textContent ?? '');
  if (!USER_NAME.test(name) || /^\d+$/.test(name)) return undefined;
  const clean = cleanAuthorName(name);
  return clean === name ? [{ name }] : undefined;
}

/** The text of `el` before its first block child ("<a>Jane Doe</a>, 21. Jan. 2015" of a longer box). */
function leadingLine(el: DomElement): string {
  let text = '';
  for (const node of el.childNodes) {
    if (node.nodeType === ELEMENT_NODE && LINE_BREAKS.has((node as DomElement).localName.toLowerCase())) break;
    text += node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE ? (node.textContent ?? '') : '';
    if (text.length > MAX_LINE_CHARS) break;
  }
  return normalizeSpace(text);
}

/** Children that hold something: elements and non-blank text (comments and blank lines between tags are not counted). */
function contentChildren(el: DomElement): number {
  let n = 0;
  for (const child of el.childNodes) {
    if (child.nodeType === ELEMENT_NODE || (child.nodeType === TEXT_NODE && (child.nodeValue ?? '').trim() !== '')) n += 1;
  }
  return n;
}

/** Class or id words of an author box; not "authorization" or "authority" (a consent box, a site's authority). */
const AUTHOR_CLASS = /byline|author(?!i[tsz])/;

/** Class tokens that hide an element from every reader (display utilities of CSS frameworks). */
const HIDDEN_CLASS: ReadonlySet<string> = new Set(['hidden', 'hide', 'h-hide', 'u-hidden', 'is-hidden', 'd-none', 'display-none']);

/** Elements that may be hidden by their markup (`hiddenByMarkup` decides). */
const HIDDEN_SELECTOR = `[hidden], [style*="none"], [style*="hidden"], ${[...HIDDEN_CLASS].map((c) => `.${c}`).join(', ')}`;
/** Elements that may be the page's chrome (`isPageChrome` decides). */
const CHROME_SELECTOR = 'nav, footer, [role="navigation"], [role="contentinfo"]';

/** Hidden by its own markup: the `hidden` attribute, an inline `display: none`/`visibility: hidden`, a hiding class. */
function hiddenByMarkup(el: DomElement): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  const classes = el.getAttribute('class');
  return classes?.toLowerCase().split(/\s+/).some((t) => HIDDEN_CLASS.has(t)) ?? false;
}

/** The page's navigation and its own footer (an article's footer holds its byline and is not chrome). */
function isPageChrome(el: DomElement, tag: string): boolean {
  if (tag === 'nav') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'contentinfo') return true;
  return tag === 'footer' && !el.closest('article, main, [role="main"]');
}

function hasToken(value: string | null, token: string): boolean {
  return value?.toLowerCase().split(/\s+/).includes(token) === true;
}

function indexPage(document: DomDocument): PageIndex {
  const index: PageIndex = { jsonLd: [], metas: [], relAuthor: [], relTag: [], bylines: [], headings: [], hidden: [], textBylines: [] };
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName.toLowerCase();
    if (tag === 'script') {
      if ((el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json') index.jsonLd.push(el);
      index.hidden.push(el);
      continue;
    }
    if (tag === 'style' || tag === 'noscript' || tag === 'template') {
      index.hidden.push(el);
      continue;
    }
    if (tag === 'meta') {
      index.metas.push(el);
      continue;
    }
    if (tag === 'link') {
      if (!index.canonical && hasToken(el.getAttribute('rel'), 'canonical') && el.hasAttribute('href')) index.canonical = el;
      continue;
    }
    if (tag === 'title') {
      index.title ??= el;
      index.hidden.push(el);
      continue;
    }
    if (tag === 'h1') {
      if (index.headings.length < MAX_HEADINGS && !el.closest(NOT_ARTICLE_HEADING)) index.headings.push(el);
    }
    const itemprop = el.getAttribute('itemprop');
    // A date's value: its datetime or content attribute, else the text of an element without children (`dateValueOf`).
    if (itemprop !== null && (el.hasAttribute('datetime') || el.hasAttribute('content') || el.children.length === 0)) {
      if (!index.datePublished && hasToken(itemprop, 'datepublished')) index.datePublished = el;
      if (!index.dateModified && hasToken(itemprop, 'datemodified')) index.dateModified = el;
    }
    if (tag === 'time' && !index.firstTime && el.hasAttribute('datetime')) index.firstTime = el;
    const rel = tag === 'a' ? el.getAttribute('rel') : null;
    if (hasToken(rel, 'author')) index.relAuthor.push(el);
    if (hasToken(rel, 'tag')) index.relTag.push(el);
    if (index.textBylines.length < MAX_TEXT_BYLINES && BYLINE_HOSTS.has(tag)) {
      const first = el.firstChild;
      if (first?.nodeType === TEXT_NODE && BYLINE_START.test(first.nodeValue ?? '')) index.textBylines.push(el);
    }
    const classId = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
    if (index.bylines.length < MAX_BYLINES && (hasToken(itemprop, 'author') || hasToken(rel, 'author') || AUTHOR_CLASS.test(classId))) {
      index.bylines.push(el);
    }
  }
  return index;
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

/** Every object of every JSON-LD block, flattened through arrays and `@graph`. Invalid blocks are skipped. */
function jsonLdNodes(index: PageIndex): { nodes: Json[]; invalid: number } {
  const nodes: Json[] = [];
  let invalid = 0;
  for (const script of index.jsonLd) {
    let data: unknown;
    try {
      // Some pages wrap JSON-LD in CDATA or HTML comments.
      const raw = (script.textContent ?? '').replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, '');
      data = JSON.parse(raw);
    } catch {
      // Invalid JSON-LD is common in the wild; the block is ignored and counted.
      invalid++;
      continue;
    }
    // Iterative flattening: nested @graph/arrays of any depth cannot overflow the stack.
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (isObject(item)) {
        nodes.push(item);
        if (item['@graph'] !== undefined) queue.push(item['@graph']);
      }
    }
  }
  return { nodes, invalid };
}

/** schema.org types that name an organisation or a site, never a person. */
const JSON_LD_ORGANIZATION_TYPES = /^(?:Organization|NewsMediaOrganization|Corporation|LocalBusiness|WebSite|Brand|EducationalOrganization|GovernmentOrganization|NGO|OnlineBusiness|Store|MedicalOrganization|SportsOrganization|PerformingGroup|Project|Airline|Library|Consortium|FundingScheme|ResearchOrganization|WorkersUnion)$/;

/** "By Jane Doe | Example News" -> "Jane Doe": a byline prefix and a trailing affiliation go. */
function cleanPersonName(raw: string): string {
  return normalizeSpace(withoutNameLead(raw).split(/\s+\|\s+/)[0] ?? '');
}

function personFromJson(v: unknown, byId: Map<string, Json>): Person | undefined {
  if (typeof v === 'string') {
    const name = cleanAuthorName(cleanPersonName(decodeEntities(v)));
    return name && !/^https?:\/\//i.test(name) ? { name } : undefined;
  }
  if (!isObject(v)) return undefined;
  let node = v;
  const id = node['@id'];
  if (node.name === undefined && typeof id === 'string') node = byId.get(id) ?? node;
  // An Organization (or a WebSite) as the author is the publisher, not a person.
  if (typesOf(node).some((t) => JSON_LD_ORGANIZATION_TYPES.test(t))) return undefined;
  const name = cleanAuthorName(cleanPersonName(firstString(node.name) ?? ''));
  if (!name) return undefined;
  const person: Person = { name };
  const url = firstString(node.url) ?? firstString(node.sameAs);
  if (url) person.url = url;
  const email = firstString(node.email);
  if (email) person.email = email.replace(/^mailto:/i, '');
  return person;
}

function imageFromJson(v: unknown): string | undefined {
  for (const x of asArray(v)) {
    if (typeof x === 'string' && x.trim()) return x.trim();
    if (isObject(x)) {
      const url = firstString(x.url) ?? firstString(x.contentUrl);
      if (url) return url;
    }
  }
  return undefined;
}

function splitTags(v: unknown): string[] {
  const out: string[] = [];
  for (const x of asArray(v)) {
    if (typeof x === 'string') out.push(...x.split(',').map(normalizeSpace));
    else if (isObject(x)) {
      const name = firstString(x.name);
      if (name) out.push(name);
    }
  }
  return dedupe(out.filter((t) => t !== ''));
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = v.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dedupePeople(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const k = p.name.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

interface Candidates {
  title?: string | undefined;
  authors?: Person[] | undefined;
  /** JSON-LD: every author is a reference (`{"@id": …}`) to a Person node of the page's graph, as SEO plugins write the posting account. */
  authorsByReference?: boolean | undefined;
  published?: Date | undefined;
  updated?: Date | undefined;
  tags?: string[] | undefined;
  summary?: string | undefined;
  link?: string | undefined;
  image?: string | undefined;
  lang?: string | undefined;
}


function fromJsonLd(index: PageIndex, o: MetadataOptions): { found: Candidates; invalid: number; organizations: string[]; dates: PageDate[] } {
  const { nodes, invalid } = jsonLdNodes(index);
  const organizations: string[] = [];
  for (const n of nodes) {
    if (typesOf(n).some((t) => JSON_LD_ORGANIZATION_TYPES.test(t))) {
      const name = firstString(n.name);
      if (name) organizations.push(name);
    }
    for (const p of asArray(n.publisher)) {
      const name = typeof p === 'string' ? p : isObject(p) ? firstString(p.name) : undefined;
      if (name) organizations.push(normalizeSpace(name));
    }
  }
  const byId = new Map<string, Json>();
  for (const n of nodes) {
    const id = n['@id'];
    if (typeof id === 'string') byId.set(id, n);
  }
  // Prefer a real article type over a generic WebPage.
  const articles = nodes.filter((n) => typesOf(n).some((t) => JSON_LD_ARTICLE_TYPES.test(t)));
  articles.sort((a, b) => Number(typesOf(a).includes('WebPage')) - Number(typesOf(b).includes('WebPage')));
  const found: Candidates = {};
  const dates: PageDate[] = [];
  for (const a of articles) {
    const isPage = typesOf(a).some((t) => t === 'WebPage' || t === 'ItemPage');
    found.title ??= firstString(a.headline) ?? (isPage ? undefined : firstString(a.name));
    if (!found.authors) {
      const given = asArray(a.author ?? a.creator);
      const people = dedupePeople(given.map((x) => personFromJson(x, byId)).filter((p): p is Person => p !== undefined));
      if (people.length > 0) {
        found.authors = people;
        found.authorsByReference = given.every((x) => isObject(x) && x.name === undefined && typeof x['@id'] === 'string');
      }
    }
    const pub = firstString(a.datePublished) ?? firstString(a.dateCreated);
    if (pub && !found.published) {
      const d = markupCandidate(pub, 'published', 'json-ld', o.timezone, o.referenceDate, o.dateContext);
      if (d) {
        found.published = d.value;
        dates.push(d);
      }
    }
    const mod = firstString(a.dateModified);
    if (mod && !found.updated) {
      const d = markupCandidate(mod, 'updated', 'json-ld', o.timezone, o.referenceDate, o.dateContext);
      if (d) {
        found.updated = d.value;
        dates.push(d);
      }
    }
    if (!found.tags) {
      const tags = splitTags(a.keywords);
      if (tags.length > 0) found.tags = tags;
    }
    found.summary ??= firstString(a.description);
    found.image ??= imageFromJson(a.image ?? a.thumbnailUrl);
    if (!isPage) found.link ??= firstString(a.url) ?? firstString(isObject(a.mainEntityOfPage) ? a.mainEntityOfPage['@id'] : a.mainEntityOfPage);
    found.lang ??= firstString(a.inLanguage);
  }
  return { found, invalid, organizations, dates };
}

// ---------------------------------------------------------------------------------------------
// <meta>

function metaValues(index: PageIndex): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const meta of index.metas) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    const content = meta.getAttribute('content');
    if (!key || content === null || content.trim() === '') continue;
    const list = map.get(key) ?? [];
    list.push(normalizeSpace(decodeEntities(content)));
    map.set(key, list);
  }
  return map;
}

function firstMeta(meta: Map<string, string[]>, names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = meta.get(n)?.[0];
    if (v) return v;
  }
  return undefined;
}

/**
 * A list read from one element or meta value: an organisation beside people ("Jane Doe; CNN")
 * goes, and a profile box's glued text ("Jane DoeStaff Writer", "More by Jane Doe") is the name.
 */
function tidyPeople(people: Person[]): Person[] {
  const names = people.map((p) => p.name);
  const glued = names.find((a) => names.some((b) => b !== a && b.startsWith(a) && /^\p{Lu}/u.test(b.slice(a.length))));
  if (glued !== undefined) return people.filter((p) => p.name === glued).slice(0, 1);
  const persons = people.filter((p) => !isOrganisationName(p.name));
  const organisations = people.length - persons.length;
  return organisations === 1 && persons.length > 0 && persons.every((p) => p.name.includes(' ')) ? persons : people;
}

function authorsFromText(text: string): Person[] {
  const cleaned = withoutNameLead(normalizeSpace(text));
  if (!cleaned || /^https?:\/\//i.test(cleaned)) return [];
  return tidyPeople(dedupePeople(
    cleaned
      .split(AUTHOR_SPLIT)
      .map((n) => withoutNameLead(n))
      // A name has no digits and does not start in lower case ("on December 30" is a date).
      // A lower-case start is a date or a phrase ("on December 30"), except a one-word user name ("marc").
      .filter((n) => n !== '' && n.length <= 80 && !/^https?:\/\//i.test(n) && !/\d/.test(n) && (!/^\p{Ll}/u.test(n) || /^[\p{L}._-]{4,30}$/u.test(n)))
      // Form labels ("Name *", "Nama (wajib)") and credentials after a comma ("MS", "RDN") are not people.
      .filter((n) => !NOT_A_NAME_CHARS.test(n) && !CREDENTIAL.test(n))
      .map(cleanAuthorName)
      .filter((n): n is string => n !== undefined)
      .map((name) => ({ name })),
  ));
}

/** Meta names that say only "a date" of the page (its last change as often as its publication): they weigh less. */
const GENERIC_DATE_META: ReadonlySet<string> = new Set(['date', 'pubdate', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date']);

/** The page's markup dates as candidates: per kind the first specific and the first generic meta name. */
function metaDates(meta: Map<string, string[]>, o: MetadataOptions): PageDate[] {
  const out: PageDate[] = [];
  for (const kind of ['published', 'updated'] as const) {
    const taken = new Set<DateSource>();
    for (const n of META_NAMES[kind]) {
      const source: DateSource = GENERIC_DATE_META.has(n) ? 'meta-generic' : 'meta';
      if (taken.has(source)) continue;
      const d = markupCandidate(meta.get(n)?.[0], kind, source, o.timezone, o.referenceDate, o.dateContext);
      if (d) {
        out.push(d);
        taken.add(source);
      }
    }
  }
  return out;
}

function fromMeta(meta: Map<string, string[]>): Candidates {
  const found: Candidates = {};
  const title = firstMeta(meta, META_NAMES.title);
  if (title) found.title = title;
  // Dates: metaDates, scored with the others by ./page-dates.ts.
  // The first meta author naming people; one naming only organisations ("jungle.world") if none does.
  for (const n of META_NAMES.authors) {
    const people = dedupePeople((meta.get(n) ?? []).flatMap(authorsFromText));
    if (people.length === 0) continue;
    if (!people.every((p) => isOrganisationName(p.name))) {
      found.authors = people;
      break;
    }
    found.authors ??= people;
  }
  for (const n of META_NAMES.tags) {
    const tags = splitTags(meta.get(n) ?? []);
    if (tags.length > 0) {
      found.tags = tags;
      break;
    }
  }
  const summary = firstMeta(meta, META_NAMES.summary);
  if (summary) found.summary = summary;
  const image = firstMeta(meta, META_NAMES.image);
  if (image) found.image = image;
  const link = firstMeta(meta, META_NAMES.link);
  if (link) found.link = link;
  const lang = firstMeta(meta, META_NAMES.lang);
  if (lang) found.lang = lang.replace('_', '-');
  return found;
}

// ---------------------------------------------------------------------------------------------
// Markup

const TITLE_TAIL_SEPARATOR = new RegExp(`${TITLE_SEPARATOR.source}$`);
const TITLE_HEAD_SEPARATOR = new RegExp(`^${TITLE_SEPARATOR.source}`);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Short `<title>` segments after the headline: a forum's or a shop's section path ("… | iPhone | Forum"). */
const BREADCRUMB_TAIL = /(?:\s+\|\s+[^|\s]+(?:\s[^|\s]+)?){2,}$/u;

/**
 * A `<title>` without its section path (two or more segments of one or two words after " | ") and
 * without a leading bullet ("» Jens Weber"), when a headline of three words or more remains.
 */
function withoutBreadcrumbs(title: string): string {
  const bare = title.replace(/^[»›•·]+\s*/, '');
  const head = bare.replace(BREADCRUMB_TAIL, '');
  return wordCount(head) >= 3 ? head : bare;
}

/** A character every TITLE_SEPARATOR match contains. */
const SEPARATOR_CHAR = /[|\-–—·•»:]/;

/** The last site name's two patterns: a page asks up to three times with the same name, and compiling them cost more than running them. */
let sitePatterns: { siteName: string; tail: RegExp; head: RegExp } | undefined;

/** Strip `siteName` when it ends (or starts) the title behind a separator; nothing else. */
export function stripExactSiteName(title: string, siteName: string): string {
  if (!SEPARATOR_CHAR.test(title)) return title;
  if (sitePatterns?.siteName !== siteName) {
    const site = escapeRegExp(siteName);
    sitePatterns = { siteName, tail: new RegExp(`${TITLE_SEPARATOR.source}${site}\\s*$`, 'i'), head: new RegExp(`^${site}${TITLE_SEPARATOR.source}`, 'i') };
  }
  const stripped = title.replace(sitePatterns.tail, '').replace(sitePatterns.head, '');
  return stripped === '' ? title : stripped;
}

/** Strip a trailing (or leading) site name from a `<title>`. */
export function stripSiteName(title: string, siteName?: string): string {
  const t = normalizeSpace(title);
  if (siteName) {
    const stripped = stripExactSiteName(t, siteName);
    if (stripped !== t) return stripped;
  }
  const parts = t.split(TITLE_SEPARATOR);
  if (parts.length < 2) return t;
  // Drop the last segment when what remains still reads as a headline (readability's rule).
  const head = t.slice(0, t.length - (parts[parts.length - 1] ?? '').length).replace(TITLE_TAIL_SEPARATOR, '');
  if (wordCount(head) >= 3) return normalizeSpace(head);
  // "Site | Headline": keep the longer side.
  const first = parts[0] ?? '';
  const rest = t.slice(first.length).replace(TITLE_HEAD_SEPARATOR, '');
  return wordCount(rest) >= 3 && wordCount(first) <= 3 ? normalizeSpace(rest) : t;
}

function resolveUrl(value: string, base: string | undefined): string {
  if (!base) return value;
  try {
    return new URL(value, base).href;
  } catch {
    // Not resolvable against the base (a bare word, a malformed URL): keep it as written.
    return value;
  }
}

/** Class or id tokens of boxes that show other articles: teasers, related lists, newsletters, sidebars, carousels. */
const OTHER_BOX = /(?:^|[-_])(?:teaser|teasers|related|newsletter|widget|sidebar|recommend\w*|recommand\w*|more-articles|carousel|slider|swiper)(?:$|[-_])/i;

/**
 * Class tokens that describe the page or the post, not the box: a layout ("has-sidebar",
 * "one-sidebar-second", "content-sidebar-wrap", "no-newsletter") and a post's taxonomy terms ("category-newsletter",
 * "tag-related"), which WordPress and Drupal write on the article's own wrappers.
 */
const STATE_OR_TERM_TOKEN = /(?:^|[-_])(?:has|with|without|no|one|two|three)[-_]|^(?:category|tag|tags|topic|section)[-_]|(?:^|[-_])(?:content[-_]sidebar|sidebar[-_]content)(?:$|[-_])/i;

/** Inside an aside, a navigation, a footer, or a box of other articles (up to, not including, <body>). */
function inOtherBox(el: DomElement): boolean {
  for (let node: DomElement | null = el; node !== null; node = node.parentElement) {
    const tag = node.localName.toLowerCase();
    if (tag === 'body' || tag === 'html') return false;
    if (tag === 'aside' || tag === 'nav') return true;
    // An article's own footer holds its byline; the page's footer does not.
    if (tag === 'footer' && !node.closest('article, main, [role="main"]')) return true;
    const tokens = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`.split(/\s+/);
    if (tokens.some((t) => t !== '' && OTHER_BOX.test(t) && !STATE_OR_TERM_TOKEN.test(t))) return true;
  }
  return false;
}

/**
 * Class words of a photo or image credit, a caption, a copyright line: they name a photographer or
 * the owner ("credits" alone is often the article's own credits box, which names its author).
 */
const CREDIT_CLASS = /(?:^|[-_])(?:photo|photos|foto|fotos|image|img|picture|caption|copyright)(?:$|[-_])/i;

/**
 * A name no reader sees as the article's byline: inside a box hidden by markup, or a credit (an
 * element or its parent classed as a photo credit or caption, anything inside a figure).
 */
function notABylineBox(el: DomElement): boolean {
  for (let node: DomElement | null = el, up = 0; node !== null; node = node.parentElement, up += 1) {
    const tag = node.localName.toLowerCase();
    if (tag === 'body' || tag === 'html') return false;
    if (hiddenByMarkup(node) || tag === 'figure' || tag === 'figcaption') return true;
    if (up < 2 && (node.getAttribute('class') ?? '').split(/\s+/).some((t) => t !== '' && CREDIT_CLASS.test(t))) return true;
  }
  return false;
}

/** A sentence's end (a word of two lower-case letters or more and its stop) before the next sentence's capital. */
const SENTENCE_BREAK = /\p{Ll}{2}[.!?]\s+\p{Lu}/u;

/** Words of a byline element's text read as a bio's prose, at least. */
const PROSE_BIO_MIN_WORDS = 8;

/**
 * Text that reads as prose, not as a byline: eight words or more, two sentences or more (a
 * sentence break inside it) and a sentence's end at its end. Names and their initials ("J. R.
 * Smith") break no sentence: the word before the stop is two lower-case letters or more.
 */
export function isProseBio(text: string): boolean {
  return text.split(' ').length >= PROSE_BIO_MIN_WORDS && /[.!?…]["'”’)]?$/u.test(text) && SENTENCE_BREAK.test(text);
}

interface BylineCandidate {
  people: Person[];
  /** Position among the page's byline elements. */
  order: number;
  /** Inside an aside, a teaser or a newsletter box. */
  aside: boolean;
  /** Written as text ("Von Jane Doe"), not an element classed author/byline. */
  text?: boolean;
}

/** Text compared loosely: soft hyphens and zero-width characters out, spaces normalised, lower case. */
function looseText(text: string): string {
  return normalizeSpace(text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')).toLowerCase();
}

/** The element of the chosen headline (soft hyphens and all), else the first heading. */
function headlineElement(headings: readonly DomElement[], text: string | undefined): DomElement | undefined {
  if (text === undefined) return headings[0];
  const wanted = looseText(text);
  return headings.find((h) => looseText(h.textContent ?? '') === wanted) ?? headings.find((h) => looseText(h.textContent ?? '').includes(wanted)) ?? headings[0];
}

/**
 * On a page without an `<h1>`, the `<h2>`/`<h3>` that reads as the page's title (else the first
 * that contains it; never one inside a link, a teaser's): it places the article for the dates (a
 * blog theme's `<h2 class="post_name">`), or undefined.
 */
function titleHeading(document: DomDocument, title: string | undefined): DomElement | undefined {
  if (!title) return undefined;
  const wanted = looseText(title);
  if (wanted === '') return undefined;
  // A heading inside a link is a teaser's, for another page.
  const headings = [...document.querySelectorAll('h2, h3')].filter((h) => !h.closest('a'));
  return headings.find((h) => looseText(h.textContent ?? '') === wanted) ?? headings.find((h) => looseText(h.textContent ?? '').includes(wanted));
}

/** Characters of an element's text read as its date value, at most. */
const MAX_DATE_VALUE_TEXT = 100;

/**
 * The date value of a `<time>` or an `itemprop` element as microdata defines it: its `datetime`
 * or `content` attribute, else its text (`<span itemprop="datePublished">May 19, 2020</span>`).
 */
function dateValueOf(el: DomElement | undefined): string | undefined {
  if (!el) return undefined;
  const attribute = el.getAttribute('datetime') ?? el.getAttribute('content');
  if (attribute !== null) return attribute;
  const text = normalizeSpace(el.textContent ?? '');
  return text !== '' && text.length <= MAX_DATE_VALUE_TEXT ? text : undefined;
}

/** `itemprop=datePublished`/`dateModified` (else the first `<time datetime>`) as candidates. */
function timeDates(index: PageIndex, o: MetadataOptions, headline: DomElement | undefined): PageDate[] {
  const out: PageDate[] = [];
  // A first <time> inside comments or a box of other articles is not the article's.
  const time = index.datePublished ?? (index.firstTime && !isOutsideArticle(index.firstTime, ancestorsOf(headline)) ? index.firstTime : undefined);
  const pub = markupCandidate(dateValueOf(time), 'published', 'markup', o.timezone, o.referenceDate, o.dateContext);
  if (pub) out.push(pub);
  const modified = index.dateModified;
  const mod = markupCandidate(dateValueOf(modified), 'updated', 'markup', o.timezone, o.referenceDate, o.dateContext);
  if (mod) out.push(mod);
  return out;
}

function fromMarkup(document: DomDocument, index: PageIndex, o: MetadataOptions, siteName: string | undefined): { html: Candidates; byline: Candidates; bylines: BylineCandidate[] } {
  const html: Candidates = {};
  const byline: Candidates = {};
  const canonical = index.canonical?.getAttribute('href')?.trim();
  if (canonical) html.link = canonical;
  const lang = document.documentElement?.getAttribute('lang')?.trim();
  if (lang) html.lang = lang;
  const titleText = index.title?.textContent;
  if (titleText && normalizeSpace(titleText)) html.title = stripSiteName(titleText, siteName);
  // Dates: timeDates, scored with the others by ./page-dates.ts.
  const relAuthors = dedupePeople(
    index.relAuthor.flatMap((a) => {
      if (notABylineBox(a)) return [];
      const people = authorsFromText(a.textContent ?? '');
      const href = a.getAttribute('href');
      if (href && people.length === 1 && people[0]) people[0].url = resolveUrl(href, o.url);
      return people;
    }),
  );
  if (relAuthors.length > 0) html.authors = tidyPeople(relAuthors);
  const tags = dedupe(index.relTag.map((a) => normalizeSpace(a.textContent ?? '')).filter(Boolean));
  if (tags.length > 0) html.tags = tags;
  // Byline elements: every short one that reads like names; `chooseAuthors` scores them.
  const bylines: BylineCandidate[] = [];
  index.bylines.forEach((el, order) => {
    // Comment forms label their name field "author"; those are not the article's byline.
    if (el.closest('form, #comments, #respond, [class*="comment-form"], [class~="comments"], [class~="comment"], [class~="comment-body"], [class~="commentlist"], [class~="comment-list"]')) return;
    if (notABylineBox(el)) return;
    const nameEl = ownNameElement(el) ?? el;
    let text = normalizeSpace(nameEl.textContent ?? '');
    // "<a>Jane Doe</a>, 21. Jan. 2015 <div class=rating>…</div>": the line before the first block.
    if (text.length > 120) text = leadingLine(nameEl);
    if (text === '' || text.length > 120) return;
    // "Posted on September 21, 2020 by Jane Doe": the byline grammar first, then a list of names.
    const parsed = parseByline(text);
    // An author box's bio classed like a byline ("Alles über Lautsprecher, Heimkino und HiFi-Trends.
    // Zudem haben wir …"): two sentences and no byline lead are prose, not a list of names.
    if (!parsed && isProseBio(text)) return;
    // (A weekday is what a date element classed like the byline leaves: "<time class=article-author-date>Donnerstag, 4. November 2021".)
    const people = (parsed ? tidyPeople(parsed) : authorsFromText(text)).filter((p) => p.name.split(/\s+/).length <= 5 && !/\d{3,}/.test(p.name) && !WEEKDAY_WORDS.has(p.name.toLowerCase()));
    if (people.length === 0) return;
    // A teaser, newsletter or related-articles box names the author of another article.
    const aside = inOtherBox(el);
    bylines.push({ people, order, aside });
  });
  // Bylines written as text: "Von Jane Doe", "By <a>Jane Doe</a> on Monday", "<b>Autor:</b> Jane Doe".
  index.textBylines.forEach((el, order) => {
    if (el.closest('form, #comments, #respond, [class*="comment-form"], [class~="comments"], [class~="comment"], [class~="comment-body"], [class~="commentlist"], [class~="comment-list"]')) return;
    if (notABylineBox(el)) return;
    // A label element ("<strong>Autor:</strong> <a>Jane Doe</a><br>", "<span>By</span><span>Jane Doe</span>"):
    // the name is what follows it on the same line.
    const label = normalizeSpace(el.textContent ?? '');
    if (label.length <= 24 && BYLINE_LABEL.test(label)) {
      const after = lineAfter(el) || valueBelow(el);
      // "By Jane", "Autor: Jane": the lead words are written with or without the colon.
      const people = parseByline(`${label} ${after}`) ?? parseByline(`${label.replace(/:?$/, ':')} ${after}`);
      if (people && people.length > 0) {
        bylines.push({ people: tidyPeople(people), order, aside: inOtherBox(el), text: true });
        return;
      }
    }
    let host: DomElement | null = el;
    for (let up = 0; host && up < 2; up += 1, host = host.parentElement) {
      // A byline is a short element; a container's whole text is not read.
      if (contentChildren(host) > MAX_BYLINE_CHILDREN) return;
      const text = normalizeSpace(host.textContent ?? '');
      if (text.length > 120) return;
      const people = parseByline(text) ?? (up === 0 ? userNameAfterLead(host) : undefined);
      if (people && people.length > 0) {
        bylines.push({ people: tidyPeople(people), order, aside: inOtherBox(host), text: true });
        return;
      }
    }
  });
  byline.authors = bylines[0]?.people;
  return { html, byline, bylines };
}

/**
 * The element that holds a byline element's name in microdata (`itemprop="name"`), not the name
 * of a breadcrumb's step nested in it (a theme's author bar that holds the breadcrumbs: a
 * `BreadcrumbList`'s `ListItem`s name sections). Undefined when it has none.
 */
function ownNameElement(el: DomElement): DomElement | undefined {
  for (const candidate of el.querySelectorAll('[itemprop~="name"]')) {
    let inBreadcrumb = false;
    for (let node = candidate.parentElement; node !== null && node !== el && !inBreadcrumb; node = node.parentElement) {
      inBreadcrumb = /BreadcrumbList|ListItem/i.test(node.getAttribute('itemtype') ?? '');
    }
    if (!inBreadcrumb) return candidate;
  }
  return undefined;
}

/** Weights of the author candidates (see `chooseAuthors`). */
const AUTHOR_WEIGHT = {
  jsonLd: 3,
  meta: 2.5,
  relAuthor: 2,
  byline: 2.5,
  textByline: 2.3,
  /** Per earlier byline element: the first near the top of the article is the article's. */
  laterByline: 0.1,
  /** A byline inside a teaser, newsletter or related box. */
  aside: 1.5,
  /** Per other source naming the same person. */
  agreement: 1.5,
  /**
   * A meta author tag naming someone the page never shows, and no other source names: with a
   * full name it just reaches `minimum` (a tag written by hand on a page without a CMS), a single
   * word stays under it. JSON-LD naming by reference a Person the page never shows: `accountOnly`.
   */
  hidden: 1.2,
  /**
   * Structured data naming someone the page shows only in its navigation or footer (the copyright
   * line, the contact box), and no byline agrees: the site's owner, not the article's author.
   */
  siteOwner: 10,
  /**
   * JSON-LD naming its author by reference to a Person node of the page's graph (`"author": {"@id":
   * ".../#/schema/person/…"}`, how SEO plugins write the account that posted the page, often
   * repeated in a meta tag) whom the page never shows: the theme shows no byline, the page states no
   * author. Not taken (issue 14, r20: on the dev pages such names were no author, never the
   * annotated one). An author written inline in the JSON-LD, or a lone meta tag, keeps `hidden` only.
   */
  accountOnly: 10,
  /** An organisation named in structured data / in a byline element. */
  organisation: 2.5,
  shownOrganisation: 0.3,
  /** Structured data naming the site itself (personal blogs are named after their author) ... */
  siteName: 1,
  /** ... and no source the page shows agrees: the site's name filled into an author field, not taken. */
  loneSiteName: 2,
  /** A publication's name: an article ("The", "Die", "La", ...) before the site's or an organisation's name. */
  publication: 10,
  /** All names are full names (two words or more). */
  fullNames: 0.5,
  /** What a candidate needs to be taken at all. */
  minimum: 1.8,
} as const;

/** One author candidate as scored, for `explain` and the benchmark's error lists. */
export interface ScoredAuthors {
  from: Provenance;
  names: string[];
  score: number;
  /** The features that moved the score ("agreed:json-ld", "hidden", "organisation", ...). */
  notes: string[];
}

interface AuthorCandidate {
  from: Provenance;
  people: Person[];
  weight: number;
  /** Structured data (JSON-LD, meta): not necessarily shown on the page. */
  stated: boolean;
  /** JSON-LD naming its authors by reference to the graph's Person nodes (a CMS's account). */
  account?: boolean;
}

/**
 * The authors among the page's candidates (JSON-LD, meta author, rel=author, byline elements),
 * scored, never "the first that matches": each name is cleaned with the shared byline grammar;
 * names another source agrees with gain; structured data naming someone the page never shows, an
 * organisation, or the site itself loses (a byline element showing an organisation is kept).
 */
function chooseAuthors(document: DomDocument, index: PageIndex, candidates: readonly AuthorCandidate[], siteNames: readonly string[], scored: ScoredAuthors[] = []): Sourced<Person[]> | undefined {
  const cleaned = candidates.filter((c) => c.people.length > 0);
  if (cleaned.length === 0) return undefined;
  let visible: { all: string; hidden: string; chrome: string } | undefined;
  // Where the page shows a name: where a reader reads it, only in the page's navigation and footer
  // (a copyright line, a contact box: the site's owner), or nowhere (scripts, hidden boxes only).
  // Candidates often name the same person (JSON-LD and a meta tag): each name is looked up once.
  const shown = new Map<string, 'page' | 'chrome' | 'nowhere'>();
  const whereShown = (name: string): 'page' | 'chrome' | 'nowhere' => {
    let where = shown.get(name);
    if (where === undefined) {
      where = lookUpShown(name);
      shown.set(name, where);
    }
    return where;
  };
  const lookUpShown = (name: string): 'page' | 'chrome' | 'nowhere' => {
    visible ??= pageText(document, index);
    const raw = name.toLowerCase().split(/\s+/).filter(Boolean);
    const words = raw.map(escapeRegExp);
    if (words.length === 0) return 'nowhere';
    // Whole words: a first name "Jan" is not shown by "Januar".
    const pattern = new RegExp(`(?<![\\p{L}\\d])${words.join('\\s+')}(?![\\p{L}\\d])`, 'uy');
    const first = raw[0] as string;
    const seen = countAt(visible.all, first, pattern) - countAt(visible.hidden, first, pattern);
    if (seen <= 0) return 'nowhere';
    return seen > countAt(visible.chrome, first, pattern) ? 'page' : 'chrome';
  };
  let best: { candidate: (typeof cleaned)[number]; score: number } | undefined;
  /** The best candidate the page shows (not structured data), for a best one the page never shows. */
  let bestShown: { candidate: (typeof cleaned)[number]; score: number } | undefined;
  /** Structured candidates whose names the page never shows and no byline agrees with. */
  const unshown = new Set<AuthorCandidate>();
  for (const c of cleaned) {
    let score = c.weight;
    const notes: string[] = [];
    let agreed = false;
    /** A source the page shows (a byline, rel=author) names the same person. */
    let agreedShown = false;
    /** JSON-LD naming the posting account (`account`) names the same person. */
    let agreedAccount = false;
    for (const other of cleaned) {
      if (other === c || other.from === c.from) continue;
      if (c.people.some((p) => other.people.some((q) => sameName(p.name, q.name)))) {
        score += AUTHOR_WEIGHT.agreement;
        agreed = true;
        if (!other.stated) agreedShown = true;
        if (other.account) agreedAccount = true;
        notes.push(`agreed:${other.from}`);
      }
    }
    // A structured name no byline on the page agrees with is looked up in the page's text.
    if (c.stated && !agreedShown) {
      const seen = c.people.map((p) => whereShown(p.name));
      if (seen.includes('page')) {
        // Shown: nothing to weigh.
      } else if (seen.includes('chrome')) {
        score -= AUTHOR_WEIGHT.siteOwner;
        notes.push('site-owner');
      } else {
        unshown.add(c);
        if (c.account || agreedAccount) {
          score -= AUTHOR_WEIGHT.accountOnly;
          notes.push('account-only');
        } else if (!agreed) {
          score -= AUTHOR_WEIGHT.hidden;
          notes.push('hidden');
        } else notes.push('unshown');
      }
    }
    if (c.people.every((p) => p.name.trim().includes(' '))) {
      score += AUTHOR_WEIGHT.fullNames;
      notes.push('full-names');
    }
    // Organisations and the site's own name are authors only when the page shows them as the byline;
    // a publication's name ("Die Tagespresse", "The Planetary Press") never is.
    if (c.people.some((p) => isPublicationName(p.name, siteNames))) {
      score -= AUTHOR_WEIGHT.publication;
      notes.push('publication');
    } else if (c.people.some((p) => isOrganisationName(p.name))) {
      score -= c.stated ? AUTHOR_WEIGHT.organisation : AUTHOR_WEIGHT.shownOrganisation;
      notes.push('organisation');
    } else if (c.stated && c.people.some((p) => isSiteName(p.name, siteNames))) {
      // Two structured fields agreeing are one plugin's setting written twice, not a byline.
      score -= agreedShown ? AUTHOR_WEIGHT.siteName : AUTHOR_WEIGHT.loneSiteName + (agreed ? AUTHOR_WEIGHT.agreement : 0);
      notes.push('site-name');
    } else if (c.people.some((p) => isSiteName(p.name, siteNames))) notes.push('shown-site-name');
    scored.push({ from: c.from, names: c.people.map((p) => p.name), score, notes });
    if (best === undefined || score > best.score) best = { candidate: c, score };
    if (!c.stated && (bestShown === undefined || score > bestShown.score)) bestShown = { candidate: c, score };
  }
  if (!best || best.score < AUTHOR_WEIGHT.minimum) return undefined;
  // A name only structured data states (one plugin's field, however many times it is written)
  // loses to a byline the page shows naming someone else: that is the author the reader sees.
  if (unshown.has(best.candidate) && bestShown && bestShown.score >= AUTHOR_WEIGHT.minimum) best = bestShown;
  // Structured data often names the first author only, or a first name: a byline on the page that
  // names the same people in full, or more of them, is the fuller answer.
  const chosen = best.candidate;
  const fuller = cleaned.find((c) => c !== chosen && !c.stated && (c.weight >= AUTHOR_WEIGHT.minimum || completesSurnames(c.people, chosen.people)) && isFuller(c.people, chosen.people));
  if (fuller) return { value: fuller.people, from: fuller.from };
  return { value: chosen.people, from: chosen.from };
}

/**
 * `more` names every person of `fewer` and more people ("Rudolf Fischer, Simon Kohler" against
 * "Rudolf Fischer"), or the same people with a surname after a first name ("Todd Bates" against
 * "Todd"); every name of `more` is shaped like a person's.
 */
function isFuller(more: readonly Person[], fewer: readonly Person[]): boolean {
  if (!more.every((q) => looksLikePersonName(q.name))) return false;
  if (more.length > fewer.length) return fewer.every((p) => more.some((q) => nameKeyOf(q.name) === nameKeyOf(p.name)));
  return completesSurnames(more, fewer);
}

function nameKeyOf(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `more` names the same people as `fewer`, each a first name there and the same first name and a surname here ("Todd Bates" against "Todd"). */
function completesSurnames(more: readonly Person[], fewer: readonly Person[]): boolean {
  const surnamed = (long: string, short: string): boolean => !short.includes(' ') && nameKeyOf(long).startsWith(`${nameKeyOf(short)} `) && nameKeyOf(long).split(' ').length === 2;
  return more.length === fewer.length && fewer.every((p, i) => surnamed(more[i]?.name ?? '', p.name));
}

/**
 * The page's text, and the text of what a reader does not see (scripts, styles, templates, the
 * <title>), lower-cased. Read with `textContent` only: the document is not walked or changed here.
 */
function pageText(document: DomDocument, index: PageIndex): { all: string; hidden: string; chrome: string } {
  const text = (els: readonly DomElement[]): string => spacedText(els).toLowerCase();
  // Looked for only here (a page whose candidates need no look-up pays nothing): boxes hidden by markup
  // and the page's own navigation and footer, the outermost of each, and the scripts outside those boxes.
  const boxes = outermost([...document.querySelectorAll(HIDDEN_SELECTOR)].filter(hiddenByMarkup));
  const inBox = (el: DomElement): boolean => {
    for (let node = el.parentElement; node !== null; node = node.parentElement) if (boxes.has(node)) return true;
    return false;
  };
  const hidden = [...boxes, ...index.hidden.filter((el) => !boxes.has(el) && !inBox(el))];
  const chrome = outermost([...document.querySelectorAll(CHROME_SELECTOR)].filter((el) => isPageChrome(el, el.localName.toLowerCase())));
  return { all: document.documentElement ? text([document.documentElement]) : '', hidden: text(hidden), chrome: text([...chrome]) };
}

/**
 * The text of `roots` with a space at the edges of every element, where `textContent` glues the
 * words of one box to the next ("Tapio Nurminen" + "Ota yhteyttä" read "nurminenota"; a name, an
 * icon between spans, then "November 6"), and the name no longer stands as whole words. Pages lay
 * spans out as boxes as often as blocks; a name split by markup inside a word is rarer than one
 * glued to its neighbour. One walk over the subtrees, an explicit stack.
 */
function spacedText(roots: readonly DomElement[]): string {
  const parts: string[] = [];
  const stack: (DomNode | string)[] = [];
  for (let i = roots.length - 1; i >= 0; i -= 1) stack.push(roots[i] as DomElement, ' ');
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      parts.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    parts.push(' ');
    stack.push(' ');
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i -= 1) {
      const kid = kids[i];
      if (kid) stack.push(kid);
    }
  }
  return parts.join('');
}

/** The elements of `els` (in document order) that are inside none of the others. */
function outermost(els: readonly DomElement[]): Set<DomElement> {
  const out = new Set<DomElement>();
  for (const el of els) {
    let inside = false;
    for (let node = el.parentElement; node !== null && !inside; node = node.parentElement) inside = out.has(node);
    if (!inside) out.add(el);
  }
  return out;
}

/** Articles that open a publication's name ("The Planetary Press", "Die Tagespresse", "Das Mitternachtskabinett"). */
const PUBLICATION_ARTICLE = /^(?:The|Die|Der|Das|La|Le|Les|El|Los|Las|Il|Lo|Het)\s+\p{Lu}/u;

/** A publication's name: an article, then the site's own name or an organisation's ("Le Corbusier" is neither). */
function isPublicationName(name: string, siteNames: readonly string[]): boolean {
  return PUBLICATION_ARTICLE.test(name) && (isSiteName(name, siteNames) || isOrganisationName(name));
}

/**
 * The matches of the sticky `pattern`, which starts with the literal `first` (after a lookbehind),
 * in `haystack`, counted as a global search counts them (each search goes on after the previous
 * match): tried only where `first` occurs, found with indexOf, rather than at every character of
 * the page's text (a lookbehind first keeps V8 from skipping ahead by itself).
 */
export function countAt(haystack: string, first: string, pattern: RegExp): number {
  let n = 0;
  for (let at = haystack.indexOf(first); at >= 0; ) {
    pattern.lastIndex = at;
    if (pattern.exec(haystack) !== null) {
      n += 1;
      at = haystack.indexOf(first, Math.max(pattern.lastIndex, at + 1));
    } else at = haystack.indexOf(first, at + 1);
  }
  return n;
}

/** A heading that is the site's logo: inside a link, or classed as a logo or site title. */
function isLogoHeading(el: DomElement): boolean {
  if (/logo|site-?title|site-?name|brand/i.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) return true;
  const link = el.closest('a[href]') ?? el.querySelector('a[href]');
  if (link && normalizeSpace(link.textContent ?? '') === normalizeSpace(el.textContent ?? '')) {
    const href = (link.getAttribute('href') ?? '').trim();
    return /^(?:https?:\/\/[^/]+)?\/?(?:index\.\w+)?$/i.test(href);
  }
  return false;
}

/** Class words of a kicker set above or before the headline inside its heading ("Dachzeile", "roofline", "overline"). */
const KICKER_CLASS = /kicker|roofline|dachzeile|spitzmarke|overline|topline|eyebrow|super-?title|topic-label|h\dsmall/i;
/** Class words of text that only screen readers read ("<span class=visuallyhidden>Headline:</span>"). */
const SCREEN_READER_CLASS = /(?:^|\s)(?:sr-only|visually-?hidden|screen-?reader-text|u-screen-reader-text|aural|element-invisible|a11y-hidden)(?:\s|$)/i;
/** A full date and a separator before the headline ("23.01.2022 - Dorothea Wierer darf jubeln"): the date line, glued. */
const LEADING_DATE = /^(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d\d-\d\d)\s*[-–—|:]\s+(?=\p{L})/u;

/** A heading's text as written, soft hyphens kept (the title shows them as the page does; comparisons ignore them). */
const headingText = (text: string): string => normalizeSpace(text);

/**
 * A heading's text, and its parts when it is made of several (a kicker span, then the headline). A
 * part marked as the kicker (by its class, or a `<small>`) and text only screen readers read are
 * not the headline; a heading that only wraps one element is read inside it.
 */
function headingCandidate(el: DomElement): HeadingCandidate {
  let box = el;
  const whole = headingText(el.textContent ?? '');
  while (contentChildren(box) === 1 && box.firstElementChild !== null && headingText(box.firstElementChild.textContent ?? '') === whole) box = box.firstElementChild;
  const parts: string[] = [];
  /** A kicker or screen-reader text was left out. */
  let skipped = false;
  for (const node of box.childNodes) {
    if (node.nodeType === ELEMENT_NODE) {
      const child = node as DomElement;
      const classes = child.getAttribute('class') ?? '';
      if (SCREEN_READER_CLASS.test(classes) || child.localName.toLowerCase() === 'small' || KICKER_CLASS.test(classes)) {
        skipped = true;
        continue;
      }
    }
    const text = headingText(node.textContent ?? '');
    if (text !== '') parts.push(text);
  }
  // A kicker alone is no headline: the heading is read whole.
  if (parts.length === 0) parts.push(whole);
  // Parts are joined with a space, except before punctuation ("Frauen im THW" + ": Vergangenheit").
  const joined = parts.length >= 2 || skipped ? parts.reduce((a, b) => (/^[:;,.!?)]/.test(b) ? `${a}${b}` : `${a} ${b}`)) : whole;
  // The separator after a kicker left out (": ") goes with it.
  const text = (skipped ? joined.replace(/^[\s:;,.|–—-]+/, '') : joined).replace(LEADING_DATE, '');
  return parts.length >= 2 ? { text, parts } : { text };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    // A relative or malformed URL names no host.
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------

export interface MetadataResult {
  found: FoundMetadata;
  /** How many JSON-LD blocks were invalid JSON (ignored). */
  invalidJsonLd: number;
  /** Every author candidate with its score, in the order they were scored. */
  authorCandidates: ScoredAuthors[];
  /** The date candidates the published and updated dates were chosen among (for scripts/date-failures.ts). */
  dateCandidates: DateCandidates;
}

/** The page's date candidates: markup (JSON-LD, meta, `<time>`), shown near the headline, the URL's date path. */
export interface DateCandidates {
  markup: PageDate[];
  visible: PageDate[];
  url?: { year: number; month: number; day: number } | undefined;
}

/** Read the page's metadata. Call before anything mutates the document. */
/** A quoted phrase right after a cut meta title, at most this long. */
const CUT_QUOTE = /^\s*"[^"]{1,120}"/;

/**
 * A meta title the page's markup cut at a double quote it did not escape (`content="Senator calls
 * Biden "unfit""` ends at "Biden "): the page's <title>, which states the quote as text, goes on
 * with it; the quoted words are put back. Otherwise the meta title as it is.
 */
function closedAtQuote(metaTitle: string, pageTitle: string): string {
  if (pageTitle.length <= metaTitle.length || !pageTitle.startsWith(metaTitle)) return metaTitle;
  const quoted = CUT_QUOTE.exec(pageTitle.slice(metaTitle.length));
  return quoted ? `${metaTitle}${quoted[0]}` : metaTitle;
}

export function extractMetadata(document: DomDocument, options: MetadataOptions): MetadataResult {
  const index = indexPage(document);
  const metas = metaValues(index);
  // Slashed dates are read as the page's language writes them ("03/05/2022" is 3 May on a pt-BR page).
  // XHTML pages state it as `xml:lang` only (`<html xml:lang="en-GB">`).
  const root = document.documentElement;
  const language = root?.getAttribute('lang') || root?.getAttribute('xml:lang') || firstMeta(metas, META_NAMES.lang);
  const o: MetadataOptions = { ...options, dateContext: { slashDayFirst: slashDayFirstFor(language ?? undefined) } };
  const { found: jsonLd, invalid, organizations, dates: jsonLdDates } = fromJsonLd(index, o);
  const meta = fromMeta(metas);
  if (meta.title) meta.title = closedAtQuote(meta.title, normalizeSpace(index.title?.textContent ?? ''));
  const siteName = metas.get('og:site_name')?.[0];
  // og:title is kept as the page wrote it, except for the page's own site name glued to its end.
  if (meta.title && siteName) meta.title = stripExactSiteName(meta.title, siteName);
  const { html, byline, bylines } = fromMarkup(document, index, o, siteName);
  const bySource: Partial<Record<Provenance, Candidates>> = { 'json-ld': jsonLd, 'meta-tag': meta, html, byline };
  const found: FoundMetadata = {};
  const pick = <K extends FieldName>(field: K): void => {
    for (const from of PRECEDENCE[field]) {
      const value = bySource[from]?.[field];
      if (value !== undefined) {
        (found as Record<K, Sourced<unknown>>)[field] = { value, from };
        return;
      }
    }
  };
  for (const field of Object.keys(PRECEDENCE) as FieldName[]) pick(field);
  // The visible headline wins when the page's other titles agree with it (see ../title.ts).
  const pageTitle = normalizeSpace(index.title?.textContent ?? '');
  const host = hostOf(o.url ?? found.link?.value ?? index.canonical?.getAttribute('href') ?? undefined);
  // A heading that links to the home page or is styled as the logo is the site's name.
  const logos = index.headings.filter(isLogoHeading);
  const headings = index.headings.filter((h) => !logos.includes(h));
  // A heading only screen readers read ("<h1 class=visuallyhidden>Title | Site</h1>") is not the headline a reader
  // sees (it still places the article for the dates below).
  const shownHeadings = headings.filter((h) => !SCREEN_READER_CLASS.test(h.getAttribute('class') ?? '') && !hiddenByMarkup(h));
  const named = { siteNames: [siteName, metas.get('application-name')?.[0], ...organizations, ...logos.map((h) => normalizeSpace(h.textContent ?? ''))], host };
    const siteNames = siteNamesOf(named);
  const headline = chooseHeading(shownHeadings.map(headingCandidate), [jsonLd.title, meta.title, metas.get('twitter:title')?.[0], pageTitle], siteNames, true);
  if (headline) {
    // The same words as the structured title: that title, with its provenance, stays.
    const same = (a: string): string => a.replace(/\u00ad/g, '').toLowerCase();
    if (found.title === undefined || same(found.title.value) !== same(headline.text)) found.title = { value: headline.text, from: 'html' };
  }
  else if (found.title) {
    const fallback = found.title.from === 'html' ? (t: string) => stripSiteName(t, siteName) : (t: string) => t;
    const raw = found.title.from === 'html' ? pageTitle : found.title.value;
    const value = withoutSiteSegments(raw, siteNames, fallback);
    found.title = { ...found.title, value: found.title.from === 'html' ? withoutBreadcrumbs(value) : value };
  }
  // The dates: chosen among the markup's and the page's visible ones (./page-dates.ts).
  // A page without an <h1>: the <h2>/<h3> that reads as the title places the article.
  const headlineEl = headlineElement(headings, headline?.text) ?? titleHeading(document, found.title?.value);
  const markupDates = [...jsonLdDates, ...metaDates(metas, o), ...timeDates(index, o, headlineEl)];
  const partials: PartialPageDate[] = [];
  const visible = visibleDates(document, headlineEl, o.timezone, o.dateContext, partials);
  const pageUrlDate = urlDate(o.url ?? found.link?.value ?? index.canonical?.getAttribute('href') ?? undefined);
  // Year-less days and times alone, resolved against the page's full dates (never the clock).
  const resolved = resolvePartialDates(partials, markupDates, visible, pageUrlDate, o.timezone, o.referenceDate);
  const shownDates = [...visible, ...resolved].sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0));
  const dates = choosePageDates(markupDates, shownDates, pageUrlDate);
  if (!dates.published && !dates.updated) {
    // Nothing near the headline, in the markup or the URL: the page's one shown date, if it shows one day only.
    const lone = lonePageDate(document, headlineEl, o.timezone, o.dateContext, o.referenceDate);
    if (lone) dates[lone.kind] = { value: withStatedOffset(lone.value, lone.offset), from: 'date-line' };
  }
  if (dates.published) found.published = dates.published;
  else delete found.published;
  if (dates.updated) found.updated = dates.updated;
  else delete found.updated;
  const authorCandidates: ScoredAuthors[] = [];
  const authors = chooseAuthors(document, index, [
    { from: 'json-ld', people: jsonLd.authors ?? [], weight: AUTHOR_WEIGHT.jsonLd, stated: true, account: jsonLd.authorsByReference === true },
    { from: 'meta-tag', people: meta.authors ?? [], weight: AUTHOR_WEIGHT.meta, stated: true },
    { from: 'html', people: html.authors ?? [], weight: AUTHOR_WEIGHT.relAuthor, stated: false },
    ...bylines.map((b) => ({
      from: 'byline' as const,
      people: b.people,
      weight: (b.text ? AUTHOR_WEIGHT.textByline : AUTHOR_WEIGHT.byline) - (b.aside ? AUTHOR_WEIGHT.aside : 0) - AUTHOR_WEIGHT.laterByline * Math.min(b.order, 4),
      stated: false,
    })),
  ], siteNames, authorCandidates);
  if (authors) found.authors = authors;
  else delete found.authors;
  const base = o.url ?? found.link?.value;
  if (found.link) found.link = { ...found.link, value: resolveUrl(found.link.value, o.url) };
  if (found.image) found.image = { ...found.image, value: resolveUrl(found.image.value, base) };
  if (found.authors) {
    found.authors = {
      ...found.authors,
      value: found.authors.value.map((p) => (p.url ? { ...p, url: resolveUrl(p.url, base) } : p)),
    };
  }
  return { found, invalidJsonLd: invalid, authorCandidates, dateCandidates: { markup: markupDates, visible: shownDates, url: pageUrlDate } };
}
