/**
 * RSS 2.0 checks, after the RSS Advisory Board specification (rssboard.org/rss-specification) and
 * its Best Practices Profile, with the warnings the W3C Feed Validation Service gives.
 */
import type { Reporter } from './rules.js';
import { isAbsoluteUrl, isRssEmail, looksLikeHtml, parseRfc822 } from './text.js';
import { attr, attrPosition, childrenNamed, firstChild, type ParsedXml, positionOf, rawInner, textPosition, type XmlElement } from './xml.js';

export const NS = {
  none: '',
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
} as const;

/** RSS 2.0 "Required channel elements". */
export const REQUIRED_CHANNEL_ELEMENTS = ['title', 'link', 'description'] as const;

/**
 * Elements RSS 2.0 defines (without a namespace) in each parent, and how many times each may appear.
 * Anything else without a namespace is undefined there (W3C: "Undefined channel element").
 */
export const RSS_ELEMENTS: Readonly<Record<string, Readonly<Record<string, 'once' | 'many'>>>> = {
  // How many channels there are is RSS_CHANNEL_COUNT's business.
  rss: { channel: 'many' },
  channel: {
    title: 'once',
    link: 'once',
    description: 'once',
    language: 'once',
    copyright: 'once',
    managingEditor: 'once',
    webMaster: 'once',
    pubDate: 'once',
    lastBuildDate: 'once',
    category: 'many',
    generator: 'once',
    docs: 'once',
    cloud: 'once',
    ttl: 'once',
    image: 'once',
    rating: 'once',
    textInput: 'once',
    skipHours: 'once',
    skipDays: 'once',
    item: 'many',
  },
  item: {
    title: 'once',
    link: 'once',
    description: 'once',
    author: 'once',
    category: 'many',
    comments: 'once',
    // The spec's wording on several enclosures is disputed (Best Practices Profile); allow them.
    enclosure: 'many',
    guid: 'once',
    pubDate: 'once',
    source: 'once',
  },
  image: { url: 'once', title: 'once', link: 'once', width: 'once', height: 'once', description: 'once' },
  textInput: { title: 'once', description: 'once', name: 'once', link: 'once' },
  skipHours: { hour: 'many' },
  skipDays: { day: 'many' },
};

/** Elements whose content is plain text, not HTML (Best Practices Profile). */
export const PLAIN_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['title', 'category', 'author', 'managingEditor', 'webMaster', 'copyright', 'generator', 'source']);

/** Elements whose text content is a URL that must be absolute. */
export const URL_ELEMENTS: ReadonlySet<string> = new Set(['link', 'url', 'comments', 'docs']);

/** Elements whose text is an RFC 822 date. */
export const DATE_ELEMENTS: ReadonlySet<string> = new Set(['pubDate', 'lastBuildDate']);

/** Elements that hold an email address. */
export const EMAIL_ELEMENTS: ReadonlySet<string> = new Set(['author', 'managingEditor', 'webMaster']);

const MIME_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\s*;.*)?$/;

export function checkRss(parsed: ParsedXml, root: XmlElement, reporter: Reporter): void {
  // 1. The root: <rss version="2.0">.
  const version = attr(root, 'version');
  if (version !== '2.0') {
    reporter.report('RSS_VERSION_INVALID', version === undefined ? positionOf(parsed, root) : attrPosition(parsed, root, 'version'), version === undefined ? {} : { version });
  }

  // 2. Exactly one channel; unknown and duplicate elements everywhere RSS defines the content.
  checkStructure(parsed, root, reporter);
  const channels = childrenNamed(root, NS.none, 'channel');
  if (channels.length !== 1) {
    const at = channels[1] ?? root;
    reporter.report('RSS_CHANNEL_COUNT', positionOf(parsed, at), { count: channels.length });
  }
  const channel = channels[0];
  if (channel === undefined) return;

  // 3. The channel's required elements.
  for (const name of REQUIRED_CHANNEL_ELEMENTS) {
    if (firstChild(channel, NS.none, name) === undefined) {
      reporter.report('RSS_CHANNEL_ELEMENT_MISSING', positionOf(parsed, channel), { name });
    }
  }

  // 4. The channel's own values, then each item.
  checkValues(parsed, channel, reporter, 'channel');
  if (!channel.children.some((c) => c.uri === NS.atom && c.local === 'link' && attr(c, 'rel') === 'self')) {
    reporter.report('RSS_ATOM_SELF_LINK_MISSING', positionOf(parsed, channel), {});
  }
  for (const item of childrenNamed(channel, NS.none, 'item')) checkItem(parsed, item, reporter);

  // 5. Text encoding advice over the whole tree.
  walk(channel, (element) => checkTextEncoding(parsed, element, reporter));
}

function walk(element: XmlElement, visit: (e: XmlElement) => void): void {
  visit(element);
  for (const child of element.children) walk(child, visit);
}

function checkStructure(parsed: ParsedXml, element: XmlElement, reporter: Reporter): void {
  const allowed = element.uri === NS.none ? RSS_ELEMENTS[element.local] : undefined;
  if (allowed === undefined) return;
  const seen = new Set<string>();
  for (const child of element.children) {
    if (child.uri !== NS.none) continue; // extensions are namespaced and not ours to judge
    const rule = allowed[child.local];
    if (rule === undefined) {
      reporter.report('RSS_ELEMENT_UNKNOWN', positionOf(parsed, child), { child: child.local, parent: element.local });
      continue;
    }
    if (rule === 'once' && seen.has(child.local)) {
      reporter.report('RSS_ELEMENT_DUPLICATE', positionOf(parsed, child), { child: child.local, parent: element.local });
    }
    seen.add(child.local);
    checkStructure(parsed, child, reporter);
  }
}

function checkItem(parsed: ParsedXml, item: XmlElement, reporter: Reporter): void {
  const title = firstChild(item, NS.none, 'title');
  const description = firstChild(item, NS.none, 'description');
  if (title === undefined && description === undefined) {
    reporter.report('RSS_ITEM_TITLE_OR_DESCRIPTION_MISSING', positionOf(parsed, item), {});
  }

  const guid = firstChild(item, NS.none, 'guid');
  if (guid === undefined) {
    reporter.report('RSS_GUID_MISSING', positionOf(parsed, item), {});
  } else {
    const isPermaLink = attr(guid, 'isPermaLink');
    if (isPermaLink !== undefined && isPermaLink !== 'true' && isPermaLink !== 'false') {
      reporter.report('RSS_GUID_ISPERMALINK_INVALID', attrPosition(parsed, guid, 'isPermaLink'), { value: isPermaLink });
    } else if (isPermaLink !== 'false' && !isAbsoluteUrl(guid.text.trim())) {
      reporter.report('RSS_GUID_PERMALINK_NOT_URL', textPosition(parsed, guid), isPermaLink === undefined ? { guid: guid.text.trim() } : { guid: guid.text.trim(), isPermaLink });
    }
  }

  // Best Practices: description (a summary) precedes content:encoded (the full text).
  const content = item.children.findIndex((c) => c.uri === NS.content && c.local === 'encoded');
  const descriptionIndex = description === undefined ? -1 : item.children.indexOf(description);
  if (description !== undefined && content >= 0 && descriptionIndex > content) {
    reporter.report('RSS_DESCRIPTION_AFTER_CONTENT', positionOf(parsed, description), {});
  }

  for (const enclosure of childrenNamed(item, NS.none, 'enclosure')) checkEnclosure(parsed, enclosure, reporter);
  checkValues(parsed, item, reporter, 'item');
}

function checkEnclosure(parsed: ParsedXml, enclosure: XmlElement, reporter: Reporter): void {
  const missing = ['url', 'length', 'type'].filter((name) => attr(enclosure, name) === undefined);
  if (missing.length > 0) {
    reporter.report('RSS_ENCLOSURE_INVALID', positionOf(parsed, enclosure), { missing });
  }
  const length = attr(enclosure, 'length');
  if (length !== undefined && !/^\d+$/.test(length.trim())) {
    reporter.report('RSS_ENCLOSURE_INVALID', attrPosition(parsed, enclosure, 'length'), { length });
  }
  const type = attr(enclosure, 'type');
  if (type !== undefined && !MIME_TYPE.test(type.trim())) {
    reporter.report('RSS_ENCLOSURE_INVALID', attrPosition(parsed, enclosure, 'type'), { type });
  }
  const url = attr(enclosure, 'url');
  if (url !== undefined && !isAbsoluteUrl(url)) {
    reporter.report('RSS_URL_NOT_ABSOLUTE', attrPosition(parsed, enclosure, 'url'), { what: 'enclosure url', value: url });
  }
}

/** Value checks shared by channel and item children (dates, URLs, emails, categories...). */
function checkValues(parsed: ParsedXml, parent: XmlElement, reporter: Reporter, where: 'channel' | 'item' | 'image' | 'textInput'): void {
  for (const child of parent.children) {
    if (child.uri === NS.atom && child.local === 'link') {
      const href = attr(child, 'href');
      if (href !== undefined && !isAbsoluteUrl(href)) {
        reporter.report('RSS_URL_NOT_ABSOLUTE', attrPosition(parsed, child, 'href'), { what: 'atom:link href', value: href });
      }
      continue;
    }
    if (child.uri !== NS.none) continue;
    const value = child.text.trim();
    const name = child.local;

    if ((name === 'title' && where !== 'item') || name === 'link') {
      if (value === '') {
        reporter.report('RSS_ELEMENT_EMPTY', positionOf(parsed, child), { where, name });
        continue;
      }
    }
    if (URL_ELEMENTS.has(name) && !isAbsoluteUrl(value)) {
      reporter.report('RSS_URL_NOT_ABSOLUTE', textPosition(parsed, child), { where, element: name, value });
    }
    if (DATE_ELEMENTS.has(name)) checkDate(parsed, child, reporter);
    if (EMAIL_ELEMENTS.has(name) && !isRssEmail(value)) {
      reporter.report('RSS_AUTHOR_NOT_EMAIL', textPosition(parsed, child), { element: name, value });
    }
    if (name === 'category' && value === '') {
      reporter.report('RSS_CATEGORY_EMPTY', positionOf(parsed, child), { where });
    }
    if (name === 'ttl' && !/^\d+$/.test(value)) {
      reporter.report('RSS_TTL_INVALID', textPosition(parsed, child), { value });
    }
    if (name === 'source') {
      const url = attr(child, 'url');
      if (url === undefined || !isAbsoluteUrl(url)) {
        reporter.report(
          'RSS_URL_NOT_ABSOLUTE',
          url === undefined ? positionOf(parsed, child) : attrPosition(parsed, child, 'url'),
          url === undefined ? { sourceWithoutUrl: true } : { what: 'source url', value: url },
        );
      }
    }
    if (where === 'channel' && (name === 'image' || name === 'textInput')) checkValues(parsed, child, reporter, name);
  }
}

function checkDate(parsed: ParsedXml, element: XmlElement, reporter: Reporter): void {
  const value = element.text.trim();
  const result = parseRfc822(value);
  if (!result.ok) {
    reporter.report('RSS_DATE_INVALID', textPosition(parsed, element), { element: element.local, value, reason: result.reason });
  } else if (result.weekday !== undefined && result.weekday !== result.actualWeekday) {
    reporter.report('RSS_DATE_WEEKDAY_MISMATCH', textPosition(parsed, element), { element: element.local, value, weekday: result.weekday, actual: result.actualWeekday });
  }
}

/** RSS Best Practices Profile 4: how plain text and character references are written. */
function checkTextEncoding(parsed: ParsedXml, element: XmlElement, reporter: Reporter): void {
  if (element.children.length > 0) return; // only leaf text
  const raw = rawInner(parsed, element);
  const outsideCdata = raw.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length));

  const decimal = /&#[0-9]+;/.exec(outsideCdata);
  if (decimal !== null) {
    const code = Number(decimal[0].slice(2, -1));
    reporter.report('RSS_TEXT_DECIMAL_REFERENCE', parsed.lines.at(element.innerStart + decimal.index), { element: element.name, reference: decimal[0], codePoint: code });
  }

  if (element.uri !== NS.none || !PLAIN_TEXT_ELEMENTS.has(element.local)) return;
  if (looksLikeHtml(element.text)) {
    reporter.report('RSS_TEXT_CONTAINS_MARKUP', textPosition(parsed, element), { element: element.local, text: element.text.trim() });
    return;
  }
  const named = /&(?:amp|lt);|&#0*(?:38|60);/i.exec(outsideCdata);
  const cdataSpecial = element.hasCdata && /[&<]/.test(element.text);
  if (named !== null || cdataSpecial) {
    const offset = named !== null ? element.innerStart + named.index : textPosition(parsed, element);
    reporter.report('RSS_TEXT_AMPERSAND_NOT_HEX', typeof offset === 'number' ? parsed.lines.at(offset) : offset, {
      element: element.local,
      written: named !== null ? named[0] : 'CDATA',
    });
  }
}
