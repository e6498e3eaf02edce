/**
 * Atom 1.0 checks (RFC 4287). The RELAX NG grammar (appendix B; ../shared/schemas/atom.rnc) is run
 * by jing/xmllint in the tests; here we mirror what it requires where that is cheap, and add the
 * rules the grammar cannot express (one id/title/updated, authors, absolute IRIs, dates...).
 */
import type { Reporter } from './rules.js';
import { EMAIL, isAbsoluteUrl, looksLikeHtml, parseRfc3339, quote } from './text.js';
import {
  attr,
  attrPosition,
  childrenNamed,
  firstChild,
  type ParsedXml,
  positionOf,
  textPosition,
  type XmlElement,
} from './xml.js';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

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
    reporter.report(
      'ATOM_NAMESPACE_MISSING',
      positionOf(parsed, root),
      `The root <feed> is in the namespace ${quote(root.uri || '(none)')}, not ${ATOM_NS}, so no Atom reader will recognise it.`,
      `Add xmlns="${ATOM_NS}" to <feed>.`,
    );
    return;
  }

  // 1. The feed's own children, then each entry: counts, unknown elements, values.
  checkContainer(parsed, root, 'feed', reporter);
  const entries = childrenNamed(root, ATOM_NS, 'entry');
  for (const entry of entries) checkContainer(parsed, entry, 'entry', reporter);

  // 2. 4.1.1: a feed SHOULD have a rel="self" link (W3C warns).
  if (!childrenNamed(root, ATOM_NS, 'link').some((l) => attr(l, 'rel') === 'self')) {
    reporter.report(
      'ATOM_SELF_LINK_MISSING',
      positionOf(parsed, root),
      'The feed has no <link rel="self"> giving the URL it is published at.',
      'Add <link rel="self" href="https://example.com/atom.xml"/>.',
    );
  }

  // 3. 4.1.1/4.1.2: every entry has an author, its own, its source's, or the feed's.
  const feedHasAuthor = childrenNamed(root, ATOM_NS, 'author').length > 0;
  for (const entry of entries) {
    const source = firstChild(entry, ATOM_NS, 'source');
    const sourceHasAuthor = source !== undefined && childrenNamed(source, ATOM_NS, 'author').length > 0;
    if (!feedHasAuthor && !sourceHasAuthor && childrenNamed(entry, ATOM_NS, 'author').length === 0) {
      reporter.report(
        'ATOM_AUTHOR_MISSING',
        positionOf(parsed, entry),
        'The entry has no <author>, and neither does the feed; RFC 4287 4.1.2 requires an author for every entry.',
        'Add <author><name>…</name></author> to the entry, or once to the feed.',
      );
    }
  }
}

function checkContainer(
  parsed: ParsedXml,
  element: XmlElement,
  kind: keyof typeof ATOM_CHILDREN,
  reporter: Reporter,
): void {
  const allowed = ATOM_CHILDREN[kind];
  const section = SECTION[kind];
  const counts = new Map<string, number>();

  for (const child of element.children) {
    if (child.uri !== ATOM_NS) continue; // extension elements (RFC 4287 6.4)
    const rule = allowed[child.local];
    if (rule === undefined) {
      reporter.report(
        'ATOM_ELEMENT_UNKNOWN',
        positionOf(parsed, child),
        `Atom does not allow <${child.local}> inside <${element.local}> (RFC 4287 ${section}).`,
      );
      continue;
    }
    const count = (counts.get(child.local) ?? 0) + 1;
    counts.set(child.local, count);
    if (rule !== 'many' && count === 2) {
      reporter.report(
        'ATOM_ELEMENT_DUPLICATE',
        positionOf(parsed, child),
        `The <${element.local}> contains more than one <${child.local}>; RFC 4287 ${section} allows one.`,
      );
    }
    checkChild(parsed, child, reporter);
  }

  for (const [name, rule] of Object.entries(allowed)) {
    if (rule === 'one' && !counts.has(name)) {
      reporter.report(
        'ATOM_ELEMENT_MISSING',
        positionOf(parsed, element),
        `The <${element.local}> has no <${name}>; RFC 4287 ${kind === 'person' ? '3.2.1' : section} requires exactly one.`,
      );
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
        reporter.report(
          'ATOM_ID_NOT_ABSOLUTE',
          textPosition(parsed, child),
          `The id ${quote(value)} is not an absolute IRI; RFC 4287 4.2.6 requires one.`,
          'Use the permalink, or a tag: URI such as tag:example.com,2024-01-31:post-slug.',
        );
      }
      return;
    case 'updated':
    case 'published':
      if (parseRfc3339(value, true) === undefined) {
        reporter.report(
          'ATOM_DATE_INVALID',
          textPosition(parsed, child),
          `The <${child.local}> ${quote(value)} is not an RFC 3339 date-time; RFC 4287 3.3 requires e.g. "2003-12-13T18:30:02Z" with an uppercase T and Z.`,
        );
      }
      return;
    case 'link': {
      const href = attr(child, 'href');
      if (href === undefined) {
        reporter.report('ATOM_LINK_HREF_MISSING', positionOf(parsed, child), 'The <link> has no href; RFC 4287 4.2.7.1 requires one.');
      } else if (!isAbsoluteUrl(href)) {
        reporter.report(
          'ATOM_URL_NOT_ABSOLUTE',
          attrPosition(parsed, child, 'href'),
          `The link href ${quote(href)} is not an absolute IRI.`,
          'Write the full URL; feedwright does not rely on xml:base.',
        );
      }
      return;
    }
    case 'icon':
    case 'logo':
    case 'uri':
      if (!isAbsoluteUrl(value)) {
        reporter.report('ATOM_URL_NOT_ABSOLUTE', textPosition(parsed, child), `The <${child.local}> ${quote(value)} is not an absolute IRI.`);
      }
      return;
    case 'generator': {
      const uri = attr(child, 'uri');
      if (uri !== undefined && !isAbsoluteUrl(uri)) {
        reporter.report('ATOM_URL_NOT_ABSOLUTE', attrPosition(parsed, child, 'uri'), `The generator uri ${quote(uri)} is not an absolute IRI.`);
      }
      return;
    }
    case 'email':
      if (!EMAIL.test(value)) {
        reporter.report(
          'ATOM_PERSON_EMAIL_INVALID',
          textPosition(parsed, child),
          `The <email> ${quote(value)} is not an email address (RFC 4287 3.2.3).`,
        );
      }
      return;
    case 'category': {
      const term = attr(child, 'term');
      if (term === undefined || term.trim() === '') {
        reporter.report(
          'ATOM_CATEGORY_TERM_MISSING',
          positionOf(parsed, child),
          `The <category> has ${term === undefined ? 'no' : 'an empty'} term attribute; RFC 4287 4.2.2.1 requires one.`,
          'Write the tag as <category term="tag"/>, not as element content.',
        );
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
    reporter.report(
      'ATOM_TEXT_TYPE_INVALID',
      attrPosition(parsed, element, 'type'),
      `The <${element.local}> has type=${quote(type)}; RFC 4287 3.1.1 allows only "text", "html" or "xhtml".`,
    );
    return;
  }
  checkTypedBody(parsed, element, type, reporter);
}

function checkContentType(parsed: ParsedXml, element: XmlElement, reporter: Reporter): void {
  const type = attr(element, 'type') ?? 'text';
  if (!TEXT_TYPES.has(type) && !MEDIA_TYPE.test(type)) {
    reporter.report(
      'ATOM_CONTENT_TYPE_INVALID',
      attrPosition(parsed, element, 'type'),
      `The <content> has type=${quote(type)}, which is neither "text", "html", "xhtml" nor a MIME type (RFC 4287 4.1.3.1).`,
    );
    return;
  }
  const src = attr(element, 'src');
  if (src !== undefined && !isAbsoluteUrl(src)) {
    reporter.report('ATOM_URL_NOT_ABSOLUTE', attrPosition(parsed, element, 'src'), `The content src ${quote(src)} is not an absolute IRI.`);
  }
  if (TEXT_TYPES.has(type)) checkTypedBody(parsed, element, type, reporter);
}

/** xhtml needs one xhtml:div (3.1.1.3); text that looks like HTML is probably mislabelled (W3C). */
function checkTypedBody(parsed: ParsedXml, element: XmlElement, type: string, reporter: Reporter): void {
  if (type === 'xhtml') {
    const [only, ...rest] = element.children;
    if (only === undefined || rest.length > 0 || only.uri !== XHTML_NS || only.local !== 'div' || element.text.trim() !== '') {
      reporter.report(
        'ATOM_XHTML_DIV_MISSING',
        positionOf(parsed, element),
        `The <${element.local} type="xhtml"> must contain exactly one <div xmlns="${XHTML_NS}"> and nothing else (RFC 4287 3.1.1.3).`,
      );
    }
  } else if (type === 'text' && looksLikeHtml(element.text)) {
    reporter.report(
      'ATOM_TEXT_CONTAINS_MARKUP',
      textPosition(parsed, element),
      `The <${element.local}> is type="text" but ${quote(element.text.trim())} looks like HTML; readers will show the tags literally.`,
      'Strip the markup, or declare type="html".',
    );
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
      reporter.report(
        'ATOM_ALTERNATE_LINK_DUPLICATE',
        positionOf(parsed, link),
        `The <${element.local}> has two rel="alternate" links with the same type and hreflang; RFC 4287 ${section} forbids this.`,
      );
    }
    seen.add(key);
  }
}

/** 4.1.2: content or an alternate link; a summary when content is out of line or base64. */
function checkEntryContent(parsed: ParsedXml, entry: XmlElement, reporter: Reporter): void {
  const content = firstChild(entry, ATOM_NS, 'content');
  const hasAlternate = childrenNamed(entry, ATOM_NS, 'link').some((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  if (content === undefined && !hasAlternate) {
    reporter.report(
      'ATOM_ENTRY_CONTENT_MISSING',
      positionOf(parsed, entry),
      'The entry has neither <content> nor a rel="alternate" link; RFC 4287 4.1.2 requires one of them.',
    );
  }
  if (content !== undefined && firstChild(entry, ATOM_NS, 'summary') === undefined) {
    const type = attr(content, 'type') ?? 'text';
    const base64 =
      MEDIA_TYPE.test(type) && !TEXT_TYPES.has(type) && !/[+/]xml$/i.test(type) && !/^text\//i.test(type);
    if (attr(content, 'src') !== undefined || base64) {
      reporter.report(
        'ATOM_SUMMARY_MISSING',
        positionOf(parsed, entry),
        'The entry\'s content is out of line (src) or base64-encoded, so RFC 4287 4.1.2 requires a <summary>, and the entry has none.',
      );
    }
  }

  // 4.2.9/4.2.15: published is the first availability; it cannot be after the last change.
  const published = firstChild(entry, ATOM_NS, 'published');
  const updated = firstChild(entry, ATOM_NS, 'updated');
  if (published !== undefined && updated !== undefined) {
    const p = parseRfc3339(published.text.trim(), true);
    const u = parseRfc3339(updated.text.trim(), true);
    if (p !== undefined && u !== undefined && p > u) {
      reporter.report(
        'ATOM_PUBLISHED_AFTER_UPDATED',
        textPosition(parsed, published),
        `The entry was published (${published.text.trim()}) after it was last updated (${updated.text.trim()}).`,
        'Set updated to at least the published date.',
      );
    }
  }
}
