import { stripIllegalXmlChars } from '../util/text.js';

/**
 * Escape text for XML element content. `>` is escaped too, so `]]>` can never appear in output
 * (XML 1.0 section 2.4 forbids it in character data). No CDATA sections are written at all, which
 * removes the class of bug where a second `]]>` in content breaks the document.
 */
export function xmlText(s: string): string {
  // Most values (titles, dates, names, URLs) hold nothing to strip or escape: one scan, no copy.
  if (!TEXT_WORK.test(s)) return s;
  return stripIllegalXmlChars(s).replace(/[&<>]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/**
 * Every code unit xmlText may change: the escaped `&<>` and what stripIllegalXmlChars changes or
 * drops (CR, C0 controls but tab and LF, surrogates, U+FFFE/FFFF). A string with none is written
 * as it is. (A surrogate pair is left whole by the strip, but it is rare enough to take the long way.)
 */
const TEXT_WORK = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** The same for xmlAttr, which also escapes `"`, tab and LF. */
const ATTR_WORK = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Hexadecimal character references rather than &amp;/&lt;: the W3C Feed Validation Service
 * recommends them for RSS, because some readers decode named entities in plain-text fields twice.
 */
const TEXT_ESCAPES: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;' };

/** Escape for a double-quoted attribute value; tabs and newlines as references so they survive normalisation. */
export function xmlAttr(s: string): string {
  if (!ATTR_WORK.test(s)) return s;
  return stripIllegalXmlChars(s).replace(/[&<>"\t\n]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

const ATTR_ESCAPES: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;', '"': '&#x22;', '\t': '&#x9;', '\n': '&#xA;' };

/**
 * Escape an HTML payload (content:encoded, Atom type="html") as element content. Named entities
 * here: the payload is markup that readers decode once, and the output stays reviewable.
 */
export function xmlHtml(s: string): string {
  // RSS and Atom escape the same body one after the other (the build renders an article's items
  // in every format together): the last body escaped is kept. Only bodies, not summaries, so
  // that a summary escaped in between does not take its place.
  if (s.length >= MEMO_MIN && s === lastHtml.raw) return lastHtml.escaped;
  // Three replacements by a string (no callback per match): a body has a `<` and `>` per tag, and
  // this ran ~30 % faster than one pass with a callback on the benchmark corpus's bodies.
  const stripped = stripIllegalXmlChars(s);
  const escaped = stripped.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (s.length >= MEMO_MIN) lastHtml = { raw: s, escaped, legal: stripped === s };
  return escaped;
}

/** HTML payloads at least this long are bodies (a summary is at most a few hundred characters). */
const MEMO_MIN = 2048;
/** The last body xmlHtml escaped; `legal`: it held nothing stripIllegalXmlChars changes. */
let lastHtml = { raw: '', escaped: '', legal: false };

/**
 * Whether `s` is known to hold no character stripIllegalXmlChars changes (no CR, no control
 * character but tab and LF, no surrogate, no U+FFFE/FFFF) because it is the body xmlHtml escaped
 * last and found so: the JSON item, written after the RSS and Atom ones, then need not scan the
 * same body again (src/feeds/json.ts `jsonString`). False only means "not known".
 */
export function knownXmlLegal(s: string): boolean {
  return s.length >= MEMO_MIN && lastHtml.legal && s === lastHtml.raw;
}

/** The attributes of most elements: none (one shared object, not a new one per element). */
const NO_ATTRIBUTES: Readonly<Record<string, string | undefined>> = Object.freeze({});

/** `<name>` holding an HTML payload. */
export function htmlElement(indent: string, name: string, html: string, attrs: Record<string, string | undefined> = NO_ATTRIBUTES): string {
  return `${indent}<${name}${attributes(attrs)}>${xmlHtml(html)}</${name}>\n`;
}

/** `<name attr="v">text</name>` on one indented line. */
export function element(indent: string, name: string, text: string, attrs: Record<string, string | undefined> = NO_ATTRIBUTES): string {
  return `${indent}<${name}${attributes(attrs)}>${xmlText(text)}</${name}>\n`;
}

export function emptyElement(indent: string, name: string, attrs: Record<string, string | undefined>): string {
  return `${indent}<${name}${attributes(attrs)}/>\n`;
}

/** ` k="v"` for each attribute with a value, in order; the values escaped. */
export function attributes(attrs: Record<string, string | undefined>): string {
  if (attrs === NO_ATTRIBUTES) return '';
  let out = '';
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out += ` ${k}="${xmlAttr(v)}"`;
  return out;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

export function stylesheetPi(href: string | undefined): string {
  return href ? `<?xml-stylesheet type="text/xsl" href="${xmlAttr(href)}"?>\n` : '';
}
