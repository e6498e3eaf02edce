import { formatRfc822, formatRfc3339 } from '../meta/format.js';
import { joinNames } from '../meta/people.js';
import type { Article } from '../model.js';
import { type FeedData, type FeedWriter, FH_NAMESPACE, renderFeed } from './model.js';
import { element, emptyElement, htmlElement, stylesheetPi, XML_DECLARATION } from './xml.js';

/** Namespaces declared on <rss>: every prefix the writer uses, and only those (fh: on archive pages). */
const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:dcterms': 'http://purl.org/dc/terms/',
};

/**
 * RSS 2.0 (RSS Advisory Board spec), written in parts (src/feeds/model.ts `FeedWriter`).
 * Authors go in one <dc:creator> holding every name (RSS <author> must be an email address, and a
 * name-only <author> is invalid); <description> (summary) precedes <content:encoded> (full HTML).
 */
export const rssWriter: FeedWriter = { head: renderHead, item: renderItem, separator: '', tail: () => '</channel>\n</rss>\n' };

export function renderRss(feed: FeedData): Generator<string> {
  return renderFeed(rssWriter, feed);
}

function renderHead(feed: FeedData): string {
  const namespaces: Record<string, string> = feed.archive ? { ...NAMESPACES, 'xmlns:fh': FH_NAMESPACE } : NAMESPACES;
  let head = XML_DECLARATION + stylesheetPi(feed.stylesheet);
  head += `<rss version="2.0"${Object.entries(namespaces)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('')}>\n<channel>\n`;
  head += element('  ', 'title', feed.title);
  head += element('  ', 'link', feed.homeUrl);
  head += channelDescription(feed.description || feed.title);
  head += emptyElement('  ', 'atom:link', { href: feed.selfUrl, rel: 'self', type: 'application/rss+xml' });
  for (const hub of feed.hubs) head += emptyElement('  ', 'atom:link', { href: hub, rel: 'hub' });
  for (const link of feed.links) head += emptyElement('  ', 'atom:link', { href: link.href, rel: link.rel });
  head += element('  ', 'language', feed.language);
  if (feed.items.length > 0) head += element('  ', 'lastBuildDate', formatRfc822(feed.updated));
  head += element('  ', 'generator', `${feed.generator.name} ${feed.generator.version}`);
  head += element('  ', 'docs', 'https://www.rssboard.org/rss-specification');
  // RFC 5005 section 4: an archive document carries fh:archive.
  if (feed.archive) head += '  <fh:archive/>\n';
  return head;
}

function renderItem(item: Article): string {
  let out = '  <item>\n';
  out += element('    ', 'title', item.title.value);
  out += element('    ', 'link', item.link.value);
  // guid: a permalink only when the id is the article's URL (RSS 2.0 "guid" isPermaLink).
  out += element('    ', 'guid', item.id.value, { isPermaLink: item.id.value === item.link.value ? 'true' : 'false' });
  out += element('    ', 'pubDate', formatRfc822(item.published.value, item.published.offset));
  out += element('    ', 'dc:creator', joinNames(item.authors.value));
  // RSS 2.0 has no item update date; dcterms:modified (W3CDTF) is what feedparser and others read.
  out += element('    ', 'dcterms:modified', formatRfc3339(item.updated.value, item.updated.offset));
  for (const tag of item.tags.value) out += element('    ', 'category', tag);
  out += textAsHtmlElement('    ', 'description', item.summary.value);
  if (item.contentHtml) out += htmlElement('    ', 'content:encoded', item.contentHtml);
  out += '  </item>\n';
  return out;
}

/**
 * An item's `<description>` holding plain text. RSS readers decode an item's <description> as entity-encoded HTML (RSS
 * 2.0 spec; RSS Best Practices Profile), so plain text is escaped twice: once as HTML, then as XML.
 * A summary that mentions `<img src=x onerror=...>` then decodes to that text, never to an element,
 * and "AT&T" to "AT&T". Every summary source (front matter, derived from the body, found in a page)
 * is plain text in the model, and Atom (type="text") and JSON Feed (`summary`) carry the same text.
 */
function textAsHtmlElement(indent: string, name: string, text: string): string {
  return htmlElement(
    indent,
    name,
    text.replace(/[&<>]/g, (c) => HTML_TEXT_ESCAPES[c] ?? c),
  );
}

/**
 * The channel's `<description>`: written as plain text, like the title ("&" as &#x26;), when a
 * reader that decodes it as HTML, as it decodes an item's, would show the same text: no "<" and no
 * "&" before a letter, digit or "#". The W3C validator reads it as plain text (its `nonhtml`) and
 * warns about HTML escapes there ("Articles &amp;amp; Experiments" was the usual case). Any other
 * text goes escaped as HTML, as an item's summary does, so that no reader shows an element or a
 * decoded reference the site never wrote; the validator's warning is the price of that.
 */
function channelDescription(text: string): string {
  return /<|&[#\p{L}\p{N}]/u.test(text) ? textAsHtmlElement('  ', 'description', text) : element('  ', 'description', text);
}

/** Escapes for HTML text content (quotes need none outside attributes). */
const HTML_TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
