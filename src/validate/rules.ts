/**
 * The catalogue of validation rules. Every diagnostic the validator produces names one of these
 * codes; codes are permanent and searchable (docs/validation-rules.md lists them all).
 *
 * A rule is data: its default severity, the specification section it comes from, and a one-line
 * summary. The checkers in xml.ts, rss.ts, atom.ts and json.ts decide *when* a rule fires and
 * write the whole-sentence message for the particular case.
 */
import type { Diagnostic } from '../model.js';

export interface RuleInfo {
  /** Default severity; `strict` turns warnings into errors and leaves notes alone. */
  readonly severity: 'error' | 'warning' | 'note';
  /** Where the rule comes from, e.g. "RFC 4287 4.1.1". */
  readonly spec: string;
  readonly summary: string;
}

export const RULES = {
  // ---- any file -------------------------------------------------------------------------------
  FEED_FORMAT_UNKNOWN: {
    severity: 'error',
    spec: 'feedwright',
    summary: 'The content is neither an RSS 2.0 document, an Atom feed, nor a JSON object.',
  },
  FEED_SKIPPED_NOT_A_FEED: {
    severity: 'note',
    spec: 'feedwright',
    summary: 'A file found while walking a folder is not a feed (e.g. a JSON config or an HTML page), so it was not checked.',
  },
  FEED_FILE_UNREADABLE: {
    severity: 'error',
    spec: 'feedwright',
    summary: 'A path given to checkPaths could not be read.',
  },

  // ---- XML well-formedness (rss + atom) -------------------------------------------------------
  XML_NOT_WELL_FORMED: {
    severity: 'error',
    spec: 'XML 1.0 2.1',
    summary: 'The document is not well-formed XML (a problem not covered by a more specific XML_ code).',
  },
  XML_ILLEGAL_CHARACTER: {
    severity: 'error',
    spec: 'XML 1.0 2.2 (Char)',
    summary: 'A character that XML 1.0 forbids (control characters such as U+0001, U+FFFE, U+FFFF) appears literally.',
  },
  XML_BAD_CHARACTER_REFERENCE: {
    severity: 'error',
    spec: 'XML 1.0 4.1 (WFC: Legal Character)',
    summary: 'A character reference such as &#1; names a character that XML 1.0 forbids.',
  },
  XML_UNDEFINED_ENTITY: {
    severity: 'error',
    spec: 'XML 1.0 4.1 (WFC: Entity Declared)',
    summary: 'An entity reference (e.g. &nbsp;) is not one of the five XML entities, or a bare & is not escaped.',
  },
  XML_UNDECLARED_PREFIX: {
    severity: 'error',
    spec: 'Namespaces in XML 1.0 (NSC: Prefix Declared)',
    summary: 'An element or attribute uses a namespace prefix (e.g. content:encoded) that no xmlns: attribute declares.',
  },
  XML_MISMATCHED_TAG: {
    severity: 'error',
    spec: 'XML 1.0 3 (WFC: Element Type Match)',
    summary: 'An end tag does not match the open start tag, or an element is never closed.',
  },
  XML_CDATA_END_IN_TEXT: {
    severity: 'error',
    spec: 'XML 1.0 2.4',
    summary: 'The string "]]>" appears in character data (typically a second "]]>" inside a CDATA section).',
  },
  XML_NESTING_TOO_DEEP: {
    severity: 'error',
    spec: 'libxml2 parser limit (XML_PARSE_HUGE off): at most 257 nested elements',
    summary: 'Elements are nested deeper than libxml2-based readers accept; parsing stops there.',
  },
  XML_DUPLICATE_ATTRIBUTE: {
    severity: 'error',
    spec: 'XML 1.0 3.1 (WFC: Unique Att Spec)',
    summary: 'The same attribute appears twice on one element.',
  },

  // ---- RSS 2.0 --------------------------------------------------------------------------------
  RSS_VERSION_INVALID: {
    severity: 'error',
    spec: 'RSS 2.0 (rssboard.org/rss-specification): "the version attribute must be 2.0"',
    summary: 'The <rss> element must have version="2.0".',
  },
  RSS_CHANNEL_COUNT: {
    severity: 'error',
    spec: 'RSS 2.0, "Required channel elements"',
    summary: '<rss> must contain exactly one <channel>.',
  },
  RSS_CHANNEL_ELEMENT_MISSING: {
    severity: 'error',
    spec: 'RSS 2.0, "Required channel elements"',
    summary: 'The channel lacks one of title, link, description.',
  },
  RSS_ELEMENT_EMPTY: {
    severity: 'error',
    spec: 'RSS 2.0, "Required channel elements"; W3C NotBlank',
    summary: 'A channel title or link, or an item link, is empty.',
  },
  RSS_ELEMENT_DUPLICATE: {
    severity: 'error',
    spec: 'RSS 2.0, "Elements of <channel>" / "Elements of <item>"',
    summary: 'An element that may appear once in a channel or item appears more than once.',
  },
  RSS_ELEMENT_UNKNOWN: {
    severity: 'error',
    spec: 'RSS 2.0; W3C UndefinedElement',
    summary: 'An element without a namespace is not defined by RSS 2.0 in that place.',
  },
  RSS_ITEM_TITLE_OR_DESCRIPTION_MISSING: {
    severity: 'error',
    spec: 'RSS 2.0, "Elements of <item>"',
    summary: 'An item has neither a title nor a description.',
  },
  RSS_DATE_INVALID: {
    severity: 'error',
    spec: 'RSS 2.0 pubDate/lastBuildDate; RFC 822 5.1 (4-digit years accepted)',
    summary: 'pubDate or lastBuildDate is not an RFC 822 date-time.',
  },
  RSS_DATE_WEEKDAY_MISMATCH: {
    severity: 'warning',
    spec: 'RFC 822 5.1; W3C IncorrectDOW',
    summary: 'The day of the week in an RFC 822 date does not match the date.',
  },
  RSS_GUID_PERMALINK_NOT_URL: {
    severity: 'error',
    spec: 'RSS 2.0, "<guid> sub-element of <item>"',
    summary: 'A guid that is a permalink (isPermaLink absent or "true") is not an absolute URL.',
  },
  RSS_GUID_ISPERMALINK_INVALID: {
    severity: 'error',
    spec: 'RSS 2.0, "<guid> sub-element of <item>"',
    summary: 'The isPermaLink attribute is neither "true" nor "false".',
  },
  RSS_GUID_MISSING: {
    severity: 'warning',
    spec: 'RSS Best Practices Profile, "guid"; W3C MissingGuid',
    summary: 'An item has no guid, so readers cannot tell whether it is new.',
  },
  RSS_AUTHOR_NOT_EMAIL: {
    severity: 'error',
    spec: 'RSS 2.0, "<author> sub-element of <item>", managingEditor, webMaster',
    summary: 'author, managingEditor or webMaster is not an email address, optionally followed by "(Name)".',
  },
  RSS_ATOM_SELF_LINK_MISSING: {
    severity: 'warning',
    spec: 'RSS Best Practices Profile, "atom:link"; W3C MissingAtomSelfLink',
    summary: 'The channel has no <atom:link rel="self"> giving the feed\'s own URL.',
  },
  RSS_URL_NOT_ABSOLUTE: {
    severity: 'error',
    spec: 'RSS 2.0 (link, url, comments, docs, enclosure, source); RSS Best Practices Profile',
    summary: 'A URL (link, image url, enclosure url, comments, source url, atom:link href) is not absolute.',
  },
  RSS_CATEGORY_EMPTY: {
    severity: 'warning',
    spec: 'RSS 2.0, "<category> sub-element of <item>"',
    summary: 'A category element is blank.',
  },
  RSS_ENCLOSURE_INVALID: {
    severity: 'error',
    spec: 'RSS 2.0, "<enclosure> sub-element of <item>"',
    summary: 'An enclosure lacks url, length or type, or its length is not a non-negative integer.',
  },
  RSS_TTL_INVALID: {
    severity: 'error',
    spec: 'RSS 2.0, "<ttl> sub-element of <channel>"',
    summary: 'ttl is not a non-negative integer number of minutes.',
  },
  RSS_TEXT_CONTAINS_MARKUP: {
    severity: 'warning',
    spec: 'RSS Best Practices Profile, "Encoding" (plain-text elements); W3C ContainsHTML',
    summary: 'A plain-text element (title, category, author...) contains what looks like HTML markup.',
  },
  RSS_TEXT_AMPERSAND_NOT_HEX: {
    severity: 'warning',
    spec: 'RSS Best Practices Profile, "Encoding" (& and < in plain text)',
    summary: 'A & or < in a plain-text element is encoded as &amp;/&lt;/CDATA instead of &#x26;/&#x3C;.',
  },
  RSS_TEXT_DECIMAL_REFERENCE: {
    severity: 'warning',
    spec: 'RSS Best Practices Profile, "Encoding" (hexadecimal references)',
    summary: 'A numeric character reference in text is decimal (&#233;) rather than hexadecimal (&#xE9;).',
  },
  RSS_DESCRIPTION_AFTER_CONTENT: {
    severity: 'warning',
    spec: 'RSS Best Practices Profile, "content:encoded"',
    summary: 'An item\'s description comes after its content:encoded; it should precede it.',
  },

  // ---- Atom 1.0 (RFC 4287) --------------------------------------------------------------------
  ATOM_NAMESPACE_MISSING: {
    severity: 'error',
    spec: 'RFC 4287 2',
    summary: 'The root <feed> is not in the Atom namespace http://www.w3.org/2005/Atom.',
  },
  ATOM_ELEMENT_MISSING: {
    severity: 'error',
    spec: 'RFC 4287 4.1.1, 4.1.2, 3.2.1',
    summary: 'A feed or entry lacks its id, title or updated, or a person lacks its name.',
  },
  ATOM_ELEMENT_DUPLICATE: {
    severity: 'error',
    spec: 'RFC 4287 4.1.1, 4.1.2, 3.2',
    summary: 'An element that must appear at most once (id, title, updated, summary, content...) appears twice.',
  },
  ATOM_ELEMENT_UNKNOWN: {
    severity: 'error',
    spec: 'RFC 4287 appendix B (RELAX NG grammar)',
    summary: 'An element in the Atom namespace is not allowed in that place by the grammar.',
  },
  ATOM_AUTHOR_MISSING: {
    severity: 'error',
    spec: 'RFC 4287 4.1.1, 4.1.2',
    summary: 'An entry has no author and neither its source nor the feed provides one.',
  },
  ATOM_ID_NOT_ABSOLUTE: {
    severity: 'error',
    spec: 'RFC 4287 4.2.6',
    summary: 'atom:id is not an absolute IRI.',
  },
  ATOM_URL_NOT_ABSOLUTE: {
    severity: 'error',
    spec: 'RFC 4287 4.2.7.1, 3.2.2, 4.2.4, 4.2.5, 4.2.8, 4.1.3.2 (feedwright requires absolute; no xml:base)',
    summary: 'A link href, person uri, icon, logo, generator uri or content src is not an absolute IRI.',
  },
  ATOM_LINK_HREF_MISSING: {
    severity: 'error',
    spec: 'RFC 4287 4.2.7.1',
    summary: 'An atom:link has no href attribute.',
  },
  ATOM_CATEGORY_TERM_MISSING: {
    severity: 'error',
    spec: 'RFC 4287 4.2.2.1',
    summary: 'An atom:category has no (or an empty) term attribute.',
  },
  ATOM_DATE_INVALID: {
    severity: 'error',
    spec: 'RFC 4287 3.3; RFC 3339 5.6',
    summary: 'updated or published is not an RFC 3339 date-time (uppercase T and Z, valid ranges).',
  },
  ATOM_PUBLISHED_AFTER_UPDATED: {
    severity: 'error',
    spec: 'RFC 4287 4.2.9, 4.2.15',
    summary: 'An entry\'s published date is later than its updated date.',
  },
  ATOM_TEXT_TYPE_INVALID: {
    severity: 'error',
    spec: 'RFC 4287 3.1.1',
    summary: 'The type of a text construct (title, subtitle, summary, rights) is not text, html or xhtml.',
  },
  ATOM_XHTML_DIV_MISSING: {
    severity: 'error',
    spec: 'RFC 4287 3.1.1.3, 4.1.3.3',
    summary: 'A type="xhtml" construct does not contain exactly one XHTML div.',
  },
  ATOM_CONTENT_TYPE_INVALID: {
    severity: 'error',
    spec: 'RFC 4287 4.1.3.1',
    summary: 'The type of atom:content is neither text, html, xhtml nor a MIME media type.',
  },
  ATOM_ALTERNATE_LINK_DUPLICATE: {
    severity: 'error',
    spec: 'RFC 4287 4.1.1, 4.1.2',
    summary: 'Two rel="alternate" links share the same type and hreflang.',
  },
  ATOM_ENTRY_CONTENT_MISSING: {
    severity: 'error',
    spec: 'RFC 4287 4.1.2',
    summary: 'An entry has neither atom:content nor a rel="alternate" link.',
  },
  ATOM_SUMMARY_MISSING: {
    severity: 'error',
    spec: 'RFC 4287 4.1.2',
    summary: 'An entry whose content has a src attribute, or is base64-encoded, has no atom:summary.',
  },
  ATOM_PERSON_EMAIL_INVALID: {
    severity: 'error',
    spec: 'RFC 4287 3.2.3',
    summary: 'atom:email is not an email address.',
  },
  ATOM_SELF_LINK_MISSING: {
    severity: 'warning',
    spec: 'RFC 4287 4.1.1 (SHOULD); W3C MissingSelf',
    summary: 'The feed has no rel="self" link giving its own URL.',
  },
  ATOM_TEXT_CONTAINS_MARKUP: {
    severity: 'warning',
    spec: 'RFC 4287 3.1.1.1; W3C ContainsUndeclaredHTML',
    summary: 'A type="text" construct contains what looks like HTML markup.',
  },

  // ---- JSON Feed 1.1 --------------------------------------------------------------------------
  JSON_SYNTAX_ERROR: {
    severity: 'error',
    spec: 'RFC 8259',
    summary: 'The file is not valid JSON.',
  },
  JSON_DUPLICATE_KEY: {
    severity: 'warning',
    spec: 'RFC 8259 4 (names SHOULD be unique)',
    summary: 'An object has the same key twice; readers keep only one of them.',
  },
  JSON_NOT_OBJECT: {
    severity: 'error',
    spec: 'JSON Feed 1.1, "JSON Feed Structure"',
    summary: 'The top-level JSON value is not an object.',
  },
  JSON_REQUIRED_MISSING: {
    severity: 'error',
    spec: 'JSON Feed 1.1 (version, title, items; item id); schema-v1.1.json required',
    summary: 'A required key is missing.',
  },
  JSON_SCHEMA_VIOLATION: {
    severity: 'error',
    spec: 'JSON Feed 1.1; jsonfeed-schema schema-v1.1.json',
    summary: 'A value does not match the published JSON Schema (wrong type, unknown key...).',
  },
  JSON_VERSION_INVALID: {
    severity: 'error',
    spec: 'JSON Feed 1.1, "version"',
    summary: 'version is not exactly https://jsonfeed.org/version/1.1.',
  },
  JSON_ITEM_ID_DUPLICATE: {
    severity: 'error',
    spec: 'JSON Feed 1.1, "Items": id is unique for that item for that feed',
    summary: 'Two items have the same id.',
  },
  JSON_ITEM_CONTENT_MISSING: {
    severity: 'error',
    spec: 'JSON Feed 1.1, "Items": content_html and content_text',
    summary: 'An item has neither content_html nor content_text.',
  },
  JSON_URL_NOT_ABSOLUTE: {
    severity: 'error',
    spec: 'JSON Feed 1.1 (URL fields); schema format "uri"',
    summary: 'A URL (home_page_url, feed_url, url, external_url, image, icon, authors[].url/avatar...) is not absolute.',
  },
  JSON_DATE_INVALID: {
    severity: 'error',
    spec: 'JSON Feed 1.1, date_published/date_modified; RFC 3339 5.6',
    summary: 'date_published or date_modified is not an RFC 3339 date-time.',
  },
  JSON_AUTHOR_DEPRECATED: {
    severity: 'warning',
    spec: 'JSON Feed 1.1, "author (deprecated)"',
    summary: 'The 1.0 "author" object is used without the 1.1 "authors" array (both together are fine).',
  },
  JSON_FEED_URL_MISSING: {
    severity: 'warning',
    spec: 'JSON Feed 1.1, home_page_url/feed_url ("should be considered required")',
    summary: 'home_page_url or feed_url is missing; both should be present for a feed on the public web.',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

/** A 1-based position in the checked text. */
export interface Position {
  line: number;
  column: number;
}

/** Collects diagnostics for one file, taking severity from the catalogue. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly file: string) {}

  report(code: RuleCode, at: Position, message: string, hint?: string): void {
    const diagnostic: Diagnostic = {
      code,
      severity: RULES[code].severity,
      message,
      file: this.file,
      line: at.line,
      column: at.column,
    };
    if (hint !== undefined) diagnostic.hint = hint;
    this.diagnostics.push(diagnostic);
  }
}
