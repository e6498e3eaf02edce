import { formatRfc3339 } from '../meta/format.js';
import type { Article, Person } from '../model.js';
import { type FeedData, type FeedWriter, FH_NAMESPACE, renderFeed } from './model.js';
import { looksLikeHtml } from '../validate/text.js';
import { attributes, element, emptyElement, htmlElement, stylesheetPi, XML_DECLARATION } from './xml.js';

/**
 * Atom 1.0 (RFC 4287), streamed. Every entry carries its own <author> (most clients do not inherit
 * the feed's), both <published> and <updated>, a plain-text title (`textConstruct`) and categories with `term`.
 */
export const atomWriter: FeedWriter = { head: renderHead, item: renderEntry, separator: '', tail: () => '</feed>\n' };

export function renderAtom(feed: FeedData): Generator<string> {
  return renderFeed(atomWriter, feed);
}

function renderHead(feed: FeedData): string {
  let head = XML_DECLARATION + stylesheetPi(feed.stylesheet);
  head += `<feed xmlns="http://www.w3.org/2005/Atom"${attributes({ 'xmlns:fh': feed.archive ? FH_NAMESPACE : undefined, 'xml:lang': feed.language })}>\n`;
  // RFC 4287 4.1.1: exactly one atom:id, atom:title and atom:updated per feed.
  head += element('  ', 'id', feed.feedId ?? feed.selfUrl);
  head += textConstruct('  ', 'title', feed.title);
  if (feed.description) head += textConstruct('  ', 'subtitle', feed.description);
  head += element('  ', 'updated', formatRfc3339(feed.updated));
  head += emptyElement('  ', 'link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl });
  head += emptyElement('  ', 'link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl });
  for (const hub of feed.hubs) head += emptyElement('  ', 'link', { rel: 'hub', href: hub });
  for (const link of feed.links) head += emptyElement('  ', 'link', { rel: link.rel, href: link.href });
  head += renderPerson('  ', 'author', feed.author);
  head += element('  ', 'generator', feed.generator.name, { uri: feed.generator.uri, version: feed.generator.version });
  // RFC 5005 section 4: an archive document carries fh:archive.
  if (feed.archive) head += '  <fh:archive/>\n';
  return head;
}

function renderEntry(item: Article): string {
  let out = `  <entry${attributes({ 'xml:lang': item.lang?.value })}>\n`;
  out += element('    ', 'id', item.id.value);
  out += textConstruct('    ', 'title', item.title.value);
  out += emptyElement('    ', 'link', { rel: 'alternate', type: 'text/html', href: item.link.value });
  // A link post: what it links to, beside its own page (RFC 4287 4.2.7.2, "related").
  if (item.externalUrl) out += emptyElement('    ', 'link', { rel: 'related', type: 'text/html', href: item.externalUrl.value });
  out += element('    ', 'published', formatRfc3339(item.published.value, item.published.offset));
  out += element('    ', 'updated', formatRfc3339(item.updated.value, item.updated.offset));
  for (const author of item.authors.value) out += renderPerson('    ', 'author', author);
  for (const tag of item.tags.value) out += emptyElement('    ', 'category', { term: tag });
  // None when there is nothing to say (a post with no text of its own): an empty summary is one
  // "summary should not be blank" to the W3C validator, and RFC 4287 asks for none here (the entry
  // has a rel="alternate" link, and its content, if any, is inline).
  if (item.summary.value) out += textConstruct('    ', 'summary', item.summary.value);
  if (item.contentHtml) out += htmlElement('    ', 'content', item.contentHtml, { type: 'html' });
  out += '  </entry>\n';
  return out;
}

/**
 * A text construct holding plain text: type="text", unless the text names an element (a post
 * about `<aside>` elements), which readers and the W3C validator take for mislabelled markup
 * (ContainsUndeclaredHTML). That text goes out as type="html", escaped once more, so that a
 * reader shows the same characters.
 */
function textConstruct(indent: string, name: string, text: string): string {
  if (!looksLikeHtml(text)) return element(indent, name, text, { type: 'text' });
  return element(indent, name, text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;')), { type: 'html' });
}

function renderPerson(indent: string, name: string, p: Person): string {
  let out = `${indent}<${name}>\n`;
  out += element(`${indent}  `, 'name', p.name);
  if (p.email) out += element(`${indent}  `, 'email', p.email);
  if (p.url) out += element(`${indent}  `, 'uri', p.url);
  return `${out}${indent}</${name}>\n`;
}
