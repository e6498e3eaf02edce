/**
 * One minimal failing document per rule (several for some). `doc` marks the expected position with ⟦;
 * `also` lists the other codes the document is expected to produce (usually none).
 */
import type { RuleCode } from '../../src/validate/index.js';
import { atom, atomEntry, jsonFeed, rss, rssItem } from './helpers.js';

export interface FailingCase {
  name: string;
  code: RuleCode;
  doc: string;
  also?: RuleCode[];
}

export const FAILING_CASES: FailingCase[] = [
  // ---- any file ---------------------------------------------------------------------------------
  { name: 'plain text is not a feed', code: 'FEED_FORMAT_UNKNOWN', doc: '⟦Hello, world.\n' },
  {
    name: 'an HTML page is not a feed',
    code: 'FEED_FORMAT_UNKNOWN',
    doc: '<?xml version="1.0"?>\n⟦<html><body/></html>\n',
  },

  {
    name: 'an <rss> root in a default namespace',
    code: 'FEED_FORMAT_UNKNOWN',
    doc: '⟦<rss xmlns="http://backend.userland.com/rss2" version="2.0"><channel/></rss>',
  },

  // ---- XML well-formedness ----------------------------------------------------------------------
  {
    name: 'feed@6: a raw U+0001 in a title',
    code: 'XML_ILLEGAL_CHARACTER',
    doc: rss(rssItem('', '<title>Bad⟦\u0001title</title><guid>https://example.com/a</guid>')),
  },
  {
    name: 'a raw U+FFFE in a description',
    code: 'XML_ILLEGAL_CHARACTER',
    doc: rss(rssItem('<description>x⟦\uFFFE</description>')),
  },
  {
    name: 'a character reference to U+0001',
    code: 'XML_BAD_CHARACTER_REFERENCE',
    doc: rss(rssItem('<description>x ⟦&#1; y</description>')),
  },
  {
    name: 'an HTML entity (&nbsp;) that XML does not define',
    code: 'XML_UNDEFINED_ENTITY',
    doc: rss(rssItem('<description>a⟦&nbsp;b</description>')),
  },
  {
    name: 'content:encoded without xmlns:content',
    code: 'XML_UNDECLARED_PREFIX',
    doc: rss(rssItem('<description>d</description>\n⟦<content:encoded>x</content:encoded>'), 'version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"'),
  },
  {
    name: 'an end tag that does not match',
    code: 'XML_MISMATCHED_TAG',
    doc: rss(rssItem('<description>x⟦</descripton>')),
  },
  {
    name: 'feed@6: two ]]> in CDATA content',
    code: 'XML_CDATA_END_IN_TEXT',
    doc: rss(rssItem('<description><![CDATA[if (a[b[0]]> 1) x⟦]]></description>')),
  },
  {
    name: 'an attribute given twice',
    code: 'XML_DUPLICATE_ATTRIBUTE',
    doc: rss(rssItem('⟦<enclosure url="https://example.com/a.mp3" url="https://example.com/b.mp3" length="1" type="audio/mpeg"/>')),
  },
  {
    name: 'elements nested deeper than libxml2 accepts',
    code: 'XML_NESTING_TOO_DEEP',
    doc: rss(rssItem(`<description>${'<b>'.repeat(253)}⟦<b>x${'</b>'.repeat(254)}</description>`)),
  },
  {
    name: 'a second root element',
    code: 'XML_NOT_WELL_FORMED',
    doc: '<rss version="2.0"><channel/></rss><rss⟦/>',
  },

  // ---- RSS 2.0 ----------------------------------------------------------------------------------
  {
    name: 'version 0.91',
    code: 'RSS_VERSION_INVALID',
    doc: rss('', '⟦version="0.91" xmlns:atom="http://www.w3.org/2005/Atom"'),
  },
  {
    name: 'two channels',
    code: 'RSS_CHANNEL_COUNT',
    doc: '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title><link>https://e.com/</link><description>d</description><atom:link rel="self" href="https://e.com/r.xml"/></channel>\n⟦<channel><title>t</title><link>https://e.com/</link><description>d</description></channel></rss>',
  },
  {
    name: 'a channel without description',
    code: 'RSS_CHANNEL_ELEMENT_MISSING',
    doc: '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n  ⟦<channel><title>t</title><link>https://e.com/</link><atom:link rel="self" href="https://e.com/r.xml"/></channel></rss>',
  },
  {
    name: 'an empty channel title',
    code: 'RSS_ELEMENT_EMPTY',
    doc: '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>⟦<title></title><link>https://e.com/</link><description>d</description><atom:link rel="self" href="https://e.com/r.xml"/></channel></rss>',
  },
  { name: 'two titles in an item', code: 'RSS_ELEMENT_DUPLICATE', doc: rss(rssItem('⟦<title>B</title>')) },
  { name: 'an undefined item element', code: 'RSS_ELEMENT_UNKNOWN', doc: rss(rssItem('⟦<summary>s</summary>')) },
  {
    name: 'an item with neither title nor description',
    code: 'RSS_ITEM_TITLE_OR_DESCRIPTION_MISSING',
    doc: rss('⟦<item><link>https://example.com/a</link><guid>https://example.com/a</guid></item>'),
  },
  {
    name: 'an ISO 8601 pubDate',
    code: 'RSS_DATE_INVALID',
    doc: rss(rssItem('<pubDate>⟦2024-01-31T10:00:00Z</pubDate>')),
  },
  {
    name: 'a lastBuildDate with a French month',
    code: 'RSS_DATE_INVALID',
    doc: rss('<lastBuildDate>⟦31 Janv 2024 10:00:00 GMT</lastBuildDate>'),
  },
  {
    name: 'a pubDate on the wrong weekday',
    code: 'RSS_DATE_WEEKDAY_MISMATCH',
    doc: rss(rssItem('<pubDate>⟦Mon, 31 Jan 2024 10:00:00 GMT</pubDate>')),
  },
  {
    name: 'a permalink guid that is not a URL',
    code: 'RSS_GUID_PERMALINK_NOT_URL',
    doc: rss(rssItem('', '<title>A</title><guid>⟦post-42</guid>')),
  },
  {
    name: 'isPermaLink="yes"',
    code: 'RSS_GUID_ISPERMALINK_INVALID',
    doc: rss(rssItem('', '<title>A</title><guid ⟦isPermaLink="yes">https://example.com/a</guid>')),
  },
  { name: 'an item without guid', code: 'RSS_GUID_MISSING', doc: rss('⟦<item><title>A</title></item>') },
  {
    name: 'feed@6: a name-only <author>',
    code: 'RSS_AUTHOR_NOT_EMAIL',
    doc: rss(rssItem('<author>⟦Jane Doe</author>')),
  },
  {
    name: 'a managingEditor without @',
    code: 'RSS_AUTHOR_NOT_EMAIL',
    doc: rss('<managingEditor>⟦editor at example.com</managingEditor>'),
  },
  {
    name: 'no atom:link rel="self"',
    code: 'RSS_ATOM_SELF_LINK_MISSING',
    doc: '<rss version="2.0">\n⟦<channel><title>t</title><link>https://e.com/</link><description>d</description></channel></rss>',
  },
  { name: 'a relative item link', code: 'RSS_URL_NOT_ABSOLUTE', doc: rss(rssItem('<link>⟦/2024/a</link>')) },
  {
    name: 'a relative enclosure url',
    code: 'RSS_URL_NOT_ABSOLUTE',
    doc: rss(rssItem('<enclosure ⟦url="a.mp3" length="1" type="audio/mpeg"/>')),
  },
  { name: 'an empty category', code: 'RSS_CATEGORY_EMPTY', doc: rss(rssItem('⟦<category></category>')) },
  {
    name: 'an enclosure without length',
    code: 'RSS_ENCLOSURE_INVALID',
    doc: rss(rssItem('⟦<enclosure url="https://example.com/a.mp3" type="audio/mpeg"/>')),
  },
  { name: 'a ttl in words', code: 'RSS_TTL_INVALID', doc: rss('<ttl>⟦one hour</ttl>') },
  {
    name: 'escaped HTML in an item title',
    code: 'RSS_TEXT_CONTAINS_MARKUP',
    doc: rss(rssItem('', '<title>⟦&lt;b&gt;Breaking&lt;/b&gt;</title><guid>https://example.com/a</guid>')),
  },
  {
    name: '&amp; in a title',
    code: 'RSS_TEXT_AMPERSAND_NOT_HEX',
    doc: rss(rssItem('', '<title>Salt ⟦&amp; pepper</title><guid>https://example.com/a</guid>')),
  },
  {
    name: 'a decimal character reference',
    code: 'RSS_TEXT_DECIMAL_REFERENCE',
    doc: rss(rssItem('', '<title>Caf⟦&#233;</title><guid>https://example.com/a</guid>')),
  },
  {
    name: 'description after content:encoded',
    code: 'RSS_DESCRIPTION_AFTER_CONTENT',
    doc: rss(rssItem('<content:encoded>full</content:encoded>⟦<description>short</description>')),
  },

  // ---- Atom -------------------------------------------------------------------------------------
  {
    name: 'a feed outside the Atom namespace',
    code: 'ATOM_NAMESPACE_MISSING',
    doc: '<?xml version="1.0"?>\n⟦<feed><id>https://e.com/</id></feed>',
  },
  { name: 'a feed without id (4.1.1)', code: 'ATOM_ELEMENT_MISSING', doc: atom('', '').replace('\n<feed', '\n⟦<feed') },
  {
    name: 'an entry without updated (4.1.2)',
    code: 'ATOM_ELEMENT_MISSING',
    doc: atom(`⟦${atomEntry('', '<id>https://example.com/a</id><title>A</title>')}`),
  },
  {
    name: 'an author without name (3.2.1)',
    code: 'ATOM_ELEMENT_MISSING',
    doc: atom(atomEntry('⟦<author><email>a@example.com</email></author>')),
  },
  { name: 'two titles in an entry', code: 'ATOM_ELEMENT_DUPLICATE', doc: atom(atomEntry('⟦<title>B</title>')) },
  { name: 'an undefined Atom element', code: 'ATOM_ELEMENT_UNKNOWN', doc: atom(atomEntry('⟦<description>x</description>')) },
  {
    name: 'an entry with no author anywhere',
    code: 'ATOM_AUTHOR_MISSING',
    doc: `<feed xmlns="http://www.w3.org/2005/Atom"><id>https://e.com/</id><title>t</title><updated>2024-01-31T10:00:00Z</updated><link rel="self" href="https://e.com/a.xml"/>
⟦<entry><id>https://e.com/a</id><title>A</title><updated>2024-01-31T10:00:00Z</updated><link href="https://e.com/a"/></entry></feed>`,
  },
  {
    name: 'a relative id',
    code: 'ATOM_ID_NOT_ABSOLUTE',
    doc: atom(atomEntry('', '<id>⟦/posts/1</id><title>A</title><updated>2024-01-31T10:00:00Z</updated>')),
  },
  { name: 'a relative link href', code: 'ATOM_URL_NOT_ABSOLUTE', doc: atom(atomEntry('<link rel="related" ⟦href="../b"/>')) },
  { name: 'a link without href', code: 'ATOM_LINK_HREF_MISSING', doc: atom(atomEntry('⟦<link rel="related"/>')) },
  {
    name: 'feed@6: a category without term',
    code: 'ATOM_CATEGORY_TERM_MISSING',
    doc: atom(atomEntry('⟦<category label="Local"/>')),
  },
  {
    name: 'an updated date with a space and no zone',
    code: 'ATOM_DATE_INVALID',
    doc: atom(atomEntry('', '<id>https://example.com/a</id><title>A</title><updated>⟦2024-01-31 10:00:00</updated>')),
  },
  {
    name: 'a published date at +20:00 (a typo for +02:00)',
    code: 'ATOM_DATE_OFFSET',
    doc: atom(atomEntry('<published>⟦2024-01-31T17:10:00+20:00</published>')),
  },
  {
    name: 'published after updated',
    code: 'ATOM_PUBLISHED_AFTER_UPDATED',
    doc: atom(atomEntry('<published>⟦2024-02-01T10:00:00Z</published>')),
  },
  {
    name: 'a title of type "plain"',
    code: 'ATOM_TEXT_TYPE_INVALID',
    doc: atom(atomEntry('<summary ⟦type="plain">s</summary>')),
  },
  {
    name: 'xhtml content without a div',
    code: 'ATOM_XHTML_DIV_MISSING',
    doc: atom(atomEntry('⟦<content type="xhtml">Hello</content>')),
  },
  {
    name: 'a content type that is not a MIME type',
    code: 'ATOM_CONTENT_TYPE_INVALID',
    doc: atom(atomEntry('<content ⟦type="markdown">x</content>')),
  },
  {
    name: 'two alternate links of the same type',
    code: 'ATOM_ALTERNATE_LINK_DUPLICATE',
    doc: atom(atomEntry('⟦<link rel="alternate" href="https://example.com/b"/>')),
  },
  {
    name: 'an entry with neither content nor alternate link',
    code: 'ATOM_ENTRY_CONTENT_MISSING',
    doc: atom('⟦<entry><id>https://example.com/a</id><title>A</title><updated>2024-01-31T10:00:00Z</updated></entry>'),
  },
  {
    name: 'out-of-line content without summary',
    code: 'ATOM_SUMMARY_MISSING',
    doc: atom(`⟦${atomEntry('<content type="audio/mpeg" src="https://example.com/a.mp3"/>')}`),
  },
  {
    name: 'an author email without @',
    code: 'ATOM_PERSON_EMAIL_INVALID',
    doc: atom(atomEntry('<author><name>J</name><email>⟦jane</email></author>')),
  },
  {
    name: 'no rel="self" link',
    code: 'ATOM_SELF_LINK_MISSING',
    doc: `<?xml version="1.0"?>
⟦<feed xmlns="http://www.w3.org/2005/Atom"><id>https://e.com/</id><title>t</title><updated>2024-01-31T10:00:00Z</updated><author><name>n</name></author></feed>`,
  },
  {
    name: 'HTML in a type="text" title',
    code: 'ATOM_TEXT_CONTAINS_MARKUP',
    doc: atom(atomEntry('<summary>⟦&lt;p&gt;Hi&lt;/p&gt;</summary>')),
  },

  // ---- JSON Feed --------------------------------------------------------------------------------
  { name: 'a trailing comma', code: 'JSON_SYNTAX_ERROR', doc: '{\n  "version": "https://jsonfeed.org/version/1.1",\n⟦}' },
  {
    name: 'a key given twice',
    code: 'JSON_DUPLICATE_KEY',
    doc: jsonFeed(',\n  ⟦"title": "Again"'),
  },
  { name: 'a top-level array', code: 'JSON_NOT_OBJECT', doc: '⟦[{"version": "https://jsonfeed.org/version/1.1"}]' },
  {
    name: 'a feed without items',
    code: 'JSON_REQUIRED_MISSING',
    doc: '⟦{"version": "https://jsonfeed.org/version/1.1", "title": "t", "home_page_url": "https://e.com/", "feed_url": "https://e.com/f.json"}',
  },
  { name: 'a numeric title', code: 'JSON_SCHEMA_VIOLATION', doc: jsonFeed('', ',\n      "title": ⟦42') },
  {
    name: 'an unknown key without underscore',
    code: 'JSON_SCHEMA_VIOLATION',
    doc: jsonFeed(',\n  ⟦"subtitle": "x"'),
  },
  {
    name: 'feed@6: version 1.0',
    code: 'JSON_VERSION_INVALID',
    doc: jsonFeed('', '', 'https://jsonfeed.org/version/1').replace('"version": "', '"version": ⟦"'),
  },
  {
    name: 'two items with one id',
    code: 'JSON_ITEM_ID_DUPLICATE',
    doc: jsonFeed().replace(
      '\n  ]',
      ',\n    { "id": ⟦"https://example.com/a", "content_text": "Again." }\n  ]',
    ),
  },
  {
    name: 'an item without content',
    code: 'JSON_ITEM_CONTENT_MISSING',
    doc: jsonFeed().replace('\n  ]', ',\n    ⟦{ "id": "https://example.com/b", "title": "B" }\n  ]'),
  },
  { name: 'a relative item url', code: 'JSON_URL_NOT_ABSOLUTE', doc: jsonFeed('', ',\n      "url": ⟦"/2024/a"') },
  {
    name: 'a relative author avatar',
    code: 'JSON_URL_NOT_ABSOLUTE',
    doc: jsonFeed(',\n  "authors": [{ "name": "J", "avatar": ⟦"me.png" }]'),
  },
  {
    name: 'a date without zone',
    code: 'JSON_DATE_INVALID',
    doc: jsonFeed('', ',\n      "date_published": ⟦"2024-01-31T10:00:00"'),
  },
  {
    name: 'the deprecated author object',
    code: 'JSON_AUTHOR_DEPRECATED',
    doc: jsonFeed(',\n  ⟦"author": { "name": "J" }'),
  },
  {
    name: 'no feed_url',
    code: 'JSON_FEED_URL_MISSING',
    doc: '⟦{"version": "https://jsonfeed.org/version/1.1", "title": "t", "home_page_url": "https://e.com/", "items": []}',
  },
];
