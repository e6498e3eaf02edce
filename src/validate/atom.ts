/**
 * Atom 1.0 checks (RFC 4287). The RELAX NG grammar (appendix B; ../shared/schemas/atom.rnc) is run
 * by jing/xmllint in the tests; here we mirror what it requires where that is cheap, and add the
 * rules the grammar cannot express (one id/title/updated, authors, absolute IRIs, dates...).
 */
import type { Reporter } from './rules.js';
import { EMAIL, isAbsoluteUrl, looksLikeHtml, parseRfc3339 } from './text.js';
import { attr, attrPosition, childrenNamed, firstChild, type ParsedXml, positionOf, textPosition, type XmlElement } from './xml.js';

import { ATOM_NS, XHTML_NS } from '../codes.js';

export { ATOM_NS, XHTML_NS };

type Count = 'one' | 'optional' | 'many';

/** Children of each Atom container and how often they may appear (RFC 4287 4.1.1, 4.1.2, 4.2.11, 3.2). */
export const ATOM_CHILDREN: Readonly<Record<'feed' | 'entry' | 'source' | 'person', Readonly<Record<string, Count>>>> = {
  feed: {
    author: 'many',
    category: 'many',
    contributor: 'many',
    generator: 'optional',
    icon: 'optional',
    id: 'one',
    link: 'many',
    logo: 'optional',
    rights: 'optional',
    subtitle: 'optional',
    title: 'one',
    updated: 'one',
    entry: 'many',
  },
  entry: {
    author: 'many',
    category: 'many',
    content: 'optional',
    contributor: 'many',
    id: 'one',
    link: 'many',
    published: 'optional',
    rights: 'optional',
    source: 'optional',
    summary: 'optional',
    title: 'one',
    updated: 'one',
  },
  // 4.2.11: atom:source may hold the feed's metadata, all optional.
  source: {
    author: 'many',
    category: 'many',
    contributor: 'many',
    generator: 'optional',
    icon: 'optional',
    id: 'optional',
    link: 'many',
    logo: 'optional',
    rights: 'optional',
    subtitle: 'optional',
    title: 'optional',
    updated: 'optional',
  },
  // 3.2: a person construct has exactly one name, at most one uri and one email.
  person: { name: 'one', uri: 'optional', email: 'optional' },
};

/** The RFC section that requires each container's children, for messages. */
const SECTION: Readonly<Record<keyof typeof ATOM_CHILDREN, string>> = {
  feed: '4.1.1',
  entry: '4.1.2',
  source: '4.2.11',
  person: '3.2',
};

export const TEXT_CONSTRUCTS: ReadonlySet<string> = new Set(['title', 'subtitle', 'summary', 'rights']);
export const TEXT_TYPES: ReadonlySet<string> = new Set(['text', 'html', 'xhtml']);
export const DATE_CONSTRUCTS: ReadonlySet<string> = new Set(['updated', 'published']);

/** atomMediaType in the grammar: anything with a slash; we ask a little more. */
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/;

export function checkAtom(parsed: ParsedXml, root: XmlElement, reporter: Reporter): void {
  if (root.uri !== ATOM_NS) {
    reporter.report('ATOM_NAMESPACE_MISSING', positionOf(parsed, root), { namespace: root.uri });
    return;
  }

  // 1. The feed's own children, then each entry: counts, unknown elements, values.
  checkContainer(parsed, root, 'feed', reporter);
  const entries = childrenNamed(root, ATOM_NS, 'entry');
  for (const entry of entries) checkContainer(parsed, entry, 'entry', reporter);

  // 2. 4.1.1: a feed SHOULD have a rel="self" link (W3C warns).
  if (!childrenNamed(root, ATOM_NS, 'link').some((l) => attr(l, 'rel') === 'self')) {
    reporter.report('ATOM_SELF_LINK_MISSING', positionOf(parsed, root), {});
  }

  // 3. 4.1.1/4.1.2: every entry has an author, its own, its source's, or the feed's.
  const feedHasAuthor = childrenNamed(root, ATOM_NS, 'author').length > 0;
  for (const entry of entries) {
    const source = firstChild(entry, ATOM_NS, 'source');
    const sourceHasAuthor = source !== undefined && childrenNamed(source, ATOM_NS, 'author').length > 0;
    if (!feedHasAuthor && !sourceHasAuthor && childrenNamed(entry, ATOM_NS, 'author').length === 0) {
      reporter.report('ATOM_AUTHOR_MISSING', positionOf(parsed, entry), {});
    }
  }
}

function checkContainer(parsed: ParsedXml, element: XmlElement, kind: keyof typeof ATOM_CHILDREN, reporter: Reporter): void {
  const allowed = ATOM_CHILDREN[kind];
  const section = SECTION[kind];
  const counts = new Map<string, number>();

  for (const child of element.children) {
    if (child.uri !== ATOM_NS) continue; // extension elements (RFC 4287 6.4)
    const rule = allowed[child.local];
    if (rule === undefined) {
      reporter.report('ATOM_ELEMENT_UNKNOWN', positionOf(parsed, child), { child: child.local, parent: element.local, section });
      continue;
    }
    const count = (counts.get(child.local) ?? 0) + 1;
    counts.set(child.local, count);
    if (rule !== 'many' && count === 2) {
      reporter.report('ATOM_ELEMENT_DUPLICATE', positionOf(parsed, child), { child: child.local, parent: element.local, section });
    }
    checkChild(parsed, child, reporter);
  }

  for (const [name, rule] of Object.entries(allowed)) {
    if (rule === 'one' && !counts.has(name)) {
      reporter.report('ATOM_ELEMENT_MISSING', positionOf(parsed, element), { child: name, parent: element.local, section: kind === 'person' ? '3.2.1' : section });
    }
  }

  if (kind === 'feed' || kind === 'entry') checkAlternateLinks(parsed, element, section, reporter);
  if (kind === 'entry') checkEntryContent(parsed, element, reporter);
}

/** Checks one Atom child element's own value. */
function checkChild(parsed: ParsedXml, child: XmlElement, reporter: Reporter): void {
  const value = child.text.trim();
  switch (child.local) {
    case 'author':
    case 'contributor':
      checkContainer(parsed, child, 'person', reporter);
      return;
    case 'source':
      checkContainer(parsed, child, 'source', reporter);
      return;
    case 'id':
      if (!isAbsoluteUrl(value)) {
        reporter.report('ATOM_ID_NOT_ABSOLUTE', textPosition(parsed, child), { id: value });
      }
      return;
    case 'updated':
    case 'published':
      if (parseRfc3339(value, true) === undefined) {
        reporter.report('ATOM_DATE_INVALID', textPosition(parsed, child), { element: child.local, value });
      } else if (beyondZones(value)) {
        reporter.report('ATOM_DATE_OFFSET', textPosition(parsed, child), { element: child.local, value });
      }
      return;
    case 'link': {
      const href = attr(child, 'href');
      if (href === undefined) {
        reporter.report('ATOM_LINK_HREF_MISSING', positionOf(parsed, child), {});
      } else if (!isAbsoluteUrl(href)) {
        reporter.report('ATOM_URL_NOT_ABSOLUTE', attrPosition(parsed, child, 'href'), { what: 'link href', value: href });
      }
      return;
    }
    case 'icon':
    case 'logo':
    case 'uri':
      if (!isAbsoluteUrl(value)) {
        reporter.report('ATOM_URL_NOT_ABSOLUTE', textPosition(parsed, child), { what: `<${child.local}>`, value });
      }
      return;
    case 'generator': {
      const uri = attr(child, 'uri');
      if (uri !== undefined && !isAbsoluteUrl(uri)) {
        reporter.report('ATOM_URL_NOT_ABSOLUTE', attrPosition(parsed, child, 'uri'), { what: 'generator uri', value: uri });
      }
      return;
    }
    case 'email':
      if (!EMAIL.test(value)) {
        reporter.report('ATOM_PERSON_EMAIL_INVALID', textPosition(parsed, child), { value });
      }
      return;
    case 'category': {
      const term = attr(child, 'term');
      if (term === undefined || term.trim() === '') {
        reporter.report('ATOM_CATEGORY_TERM_MISSING', positionOf(parsed, child), { empty: term !== undefined });
      }
      return;
    }
    case 'content':
      checkContentType(parsed, child, reporter);
      return;
    default:
      if (TEXT_CONSTRUCTS.has(child.local)) checkTextConstruct(parsed, child, reporter);
  }
}

function checkTextConstruct(parsed: ParsedXml, element: XmlElement, reporter: Reporter): void {
  const type = attr(element, 'type') ?? 'text';
  if (!TEXT_TYPES.has(type)) {
    reporter.report('ATOM_TEXT_TYPE_INVALID', attrPosition(parsed, element, 'type'), { element: element.local, type });
    return;
  }
  checkTypedBody(parsed, element, type, reporter);
}

function checkContentType(parsed: ParsedXml, element: XmlElement, reporter: Reporter): void {
  const type = attr(element, 'type') ?? 'text';
  if (!TEXT_TYPES.has(type) && !MEDIA_TYPE.test(type)) {
    reporter.report('ATOM_CONTENT_TYPE_INVALID', attrPosition(parsed, element, 'type'), { type });
    return;
  }
  const src = attr(element, 'src');
  if (src !== undefined && !isAbsoluteUrl(src)) {
    reporter.report('ATOM_URL_NOT_ABSOLUTE', attrPosition(parsed, element, 'src'), { what: 'content src', value: src });
  }
  if (TEXT_TYPES.has(type)) checkTypedBody(parsed, element, type, reporter);
}

/** xhtml needs one xhtml:div (3.1.1.3); text that looks like HTML is probably mislabelled (W3C). */
function checkTypedBody(parsed: ParsedXml, element: XmlElement, type: string, reporter: Reporter): void {
  if (type === 'xhtml') {
    const [only, ...rest] = element.children;
    if (only === undefined || rest.length > 0 || only.uri !== XHTML_NS || only.local !== 'div' || element.text.trim() !== '') {
      reporter.report('ATOM_XHTML_DIV_MISSING', positionOf(parsed, element), { element: element.local });
    }
  } else if (type === 'text' && looksLikeHtml(element.text)) {
    reporter.report('ATOM_TEXT_CONTAINS_MARKUP', textPosition(parsed, element), { element: element.local, text: element.text.trim() });
  }
}

/** 4.1.1/4.1.2: at most one rel="alternate" link per (type, hreflang). */
function checkAlternateLinks(parsed: ParsedXml, element: XmlElement, section: string, reporter: Reporter): void {
  const seen = new Set<string>();
  for (const link of childrenNamed(element, ATOM_NS, 'link')) {
    const rel = attr(link, 'rel') ?? 'alternate';
    if (rel !== 'alternate' && rel !== 'http://www.iana.org/assignments/relation/alternate') continue;
    const key = `${attr(link, 'type') ?? ''}\u0000${attr(link, 'hreflang') ?? ''}`;
    if (seen.has(key)) {
      reporter.report('ATOM_ALTERNATE_LINK_DUPLICATE', positionOf(parsed, link), { element: element.local, section });
    }
    seen.add(key);
  }
}

/** 4.1.2: content or an alternate link; a summary when content is out of line or base64. */
function checkEntryContent(parsed: ParsedXml, entry: XmlElement, reporter: Reporter): void {
  const content = firstChild(entry, ATOM_NS, 'content');
  const hasAlternate = childrenNamed(entry, ATOM_NS, 'link').some((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  if (content === undefined && !hasAlternate) {
    reporter.report('ATOM_ENTRY_CONTENT_MISSING', positionOf(parsed, entry), {});
  }
  if (content !== undefined && firstChild(entry, ATOM_NS, 'summary') === undefined) {
    const type = attr(content, 'type') ?? 'text';
    const base64 = MEDIA_TYPE.test(type) && !TEXT_TYPES.has(type) && !/[+/]xml$/i.test(type) && !/^text\//i.test(type);
    if (attr(content, 'src') !== undefined || base64) {
      reporter.report('ATOM_SUMMARY_MISSING', positionOf(parsed, entry), {});
    }
  }

  // 4.2.9/4.2.15: published is the first availability; it cannot be after the last change.
  const published = firstChild(entry, ATOM_NS, 'published');
  const updated = firstChild(entry, ATOM_NS, 'updated');
  if (published !== undefined && updated !== undefined) {
    const p = parseRfc3339(published.text.trim(), true);
    const u = parseRfc3339(updated.text.trim(), true);
    if (p !== undefined && u !== undefined && p > u) {
      reporter.report('ATOM_PUBLISHED_AFTER_UPDATED', textPosition(parsed, published), { published: published.text.trim(), updated: updated.text.trim() });
    }
  }
}

/** An RFC 3339 date-time's offset beyond ±14:00 (xsd:dateTime's range, and every time zone's). */
function beyondZones(value: string): boolean {
  const m = /[+-](\d{2}):(\d{2})$/.exec(value);
  return m !== null && Number(m[1]) * 60 + Number(m[2]) > 14 * 60;
}
