/**
 * XML well-formedness with saxes (strict, namespace-aware), and a light element tree with source
 * offsets for the RSS and Atom checkers.
 *
 * Why saxes and not fast-xml-parser's XMLValidator: the latter accepts U+0001 and undeclared
 * prefixes such as content:encoded without xmlns:content, which every real XML reader rejects.
 */
import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from 'saxes';
import type { SaidCode, SayParams } from '../codes.js';
import type { Position, Reporter, RuleCode } from './rules.js';
import { LineIndex } from './text.js';

export interface XmlAttribute {
  /** Qualified name as written, e.g. "xml:lang". */
  name: string;
  local: string;
  uri: string;
  value: string;
}

export interface XmlElement {
  /** Qualified name as written, e.g. "content:encoded". */
  name: string;
  local: string;
  /** Namespace URI ('' for none). */
  uri: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  parent: XmlElement | undefined;
  /** Concatenated character data of this element only (entities resolved, CDATA included). */
  text: string;
  /** True when some of `text` came from a CDATA section. */
  hasCdata: boolean;
  /** Offset of '<' of the start tag. */
  start: number;
  /** Offset just after the start tag's '>'. */
  innerStart: number;
  /** Offset of '<' of the end tag (equals innerStart for an empty-element tag). */
  innerEnd: number;
}

export interface ParsedXml {
  root: XmlElement | undefined;
  /** False when any well-formedness error was found; spec checks are then skipped. */
  wellFormed: boolean;
  lines: LineIndex;
  /** The text that offsets refer to (the content without a byte-order mark). */
  source: string;
}

/**
 * saxes error messages mapped to rule codes, first match wins. saxes reports messages, not codes, so
 * this table is the one place that knows its wording.
 */
const SAXES_MESSAGES: ReadonlyArray<{ pattern: RegExp; code: RuleCode; locate: 'previous' | 'tag' | 'end-tag' | 'entity' | 'cdata-end' | 'here' }> = [
  { pattern: /^disallowed character\.$/, code: 'XML_ILLEGAL_CHARACTER', locate: 'previous' },
  { pattern: /^malformed character entity\.$/, code: 'XML_BAD_CHARACTER_REFERENCE', locate: 'entity' },
  { pattern: /^(undefined entity|empty entity name|disallowed character in entity name)\.$/, code: 'XML_UNDEFINED_ENTITY', locate: 'entity' },
  { pattern: /^unbound namespace prefix/, code: 'XML_UNDECLARED_PREFIX', locate: 'tag' },
  { pattern: /^(unmatched closing tag|unexpected close tag)/, code: 'XML_MISMATCHED_TAG', locate: 'end-tag' },
  { pattern: /^unclosed tag/, code: 'XML_MISMATCHED_TAG', locate: 'here' },
  { pattern: /^the string "\]\]>" is disallowed in char data\.$/, code: 'XML_CDATA_END_IN_TEXT', locate: 'cdata-end' },
  { pattern: /^duplicate attribute/, code: 'XML_DUPLICATE_ATTRIBUTE', locate: 'tag' },
];

/** Only the first few well-formedness errors are reported: later ones are usually consequences. */
export const MAX_XML_ERRORS = 10;

/**
 * libxml2 (xmllint, and the many readers built on it) refuses documents nested deeper than this
 * without its XML_PARSE_HUGE option ("Excessive depth in document: 256"): 257 levels pass, 258 fail.
 */
export const MAX_XML_DEPTH = 257;

/** saxes creates an Error per problem; after this many we stop parsing (a broken file can have 50k). */
const MAX_SAXES_ERRORS = 100;

/** Thrown from a saxes handler to stop parsing early; caught in parseXml. */
class StopParsing extends Error {}

/** Reports a well-formedness problem at a source offset, with its builder's parameters. */
type XmlReport = <C extends RuleCode & SaidCode>(code: C, offset: number, params: SayParams<C>) => void;

/** Reports a saxes error as its rule, with what the message names (`detail`: the reference, tag or prefix). */
/** The element open where an end tag did not match it, and where its start tag is. */
interface OpenElement {
  open: string;
  openLine: number;
  openColumn: number;
}

function reportSaxes(report: XmlReport, code: RuleCode, offset: number, detail: string, source: string, openElement?: OpenElement): void {
  switch (code) {
    case 'XML_ILLEGAL_CHARACTER': {
      const codePoint = source.codePointAt(offset);
      report(code, offset, codePoint === undefined ? {} : { codePoint });
      return;
    }
    case 'XML_BAD_CHARACTER_REFERENCE':
      report(code, offset, { reference: detail });
      return;
    case 'XML_UNDEFINED_ENTITY':
      report(code, offset, { entity: detail });
      return;
    case 'XML_UNDECLARED_PREFIX':
      report(code, offset, { prefix: detail });
      return;
    case 'XML_MISMATCHED_TAG':
      report(code, offset, detail.startsWith('unclosed') ? { unclosed: detail.replace(/^unclosed tag: /, '') } : { endTag: detail, ...openElement });
      return;
    case 'XML_CDATA_END_IN_TEXT':
      report(code, offset, {});
      return;
    case 'XML_DUPLICATE_ATTRIBUTE':
      report(code, offset, { attribute: detail });
      return;
    default:
      report('XML_NOT_WELL_FORMED', offset, { reason: detail });
      return;
  }
}

/** A whole entity or character reference, matched at one position (sticky). */
const REFERENCE = /&(?:[A-Za-z_:][\w.:-]*|#[0-9]+|#x[0-9A-Fa-f]+);/y;

/** Constructs in which & is literal, and what ends them. */
const LITERAL_SECTIONS: ReadonlyArray<readonly [open: string, close: string]> = [
  ['<![CDATA[', ']]>'],
  ['<!--', '-->'],
  ['<?', '?>'],
];

/**
 * Offset of the first & that does not start a reference, or -1. saxes reads everything after a lone
 * & up to the next ";" as an entity name, so its own errors about it come far too late ("unclosed
 * tag" at the end of the file); we find the & ourselves. A single linear pass (indexOf-based), so
 * adversarial input such as 100k unclosed "<!--" costs no more than any other.
 */
export function findBareAmpersand(source: string): number {
  let i = 0;
  let nextAmp = source.indexOf('&');
  let nextLt = source.indexOf('<');
  while (nextAmp >= 0) {
    if (nextLt >= 0 && nextLt < nextAmp) {
      // Markup comes first: skip a CDATA section, comment, PI or DOCTYPE as a whole.
      const section = LITERAL_SECTIONS.find(([open]) => source.startsWith(open, nextLt));
      if (section !== undefined) {
        const close = source.indexOf(section[1], nextLt + section[0].length);
        if (close < 0) return -1; // unclosed: saxes reports that
        i = close + section[1].length;
      } else if (source.startsWith('<!DOCTYPE', nextLt)) {
        const bracket = source.indexOf('[', nextLt);
        const gt = source.indexOf('>', nextLt);
        if (gt < 0) return -1;
        if (bracket >= 0 && bracket < gt) {
          const subsetEnd = source.indexOf(']', bracket);
          const after = subsetEnd < 0 ? -1 : source.indexOf('>', subsetEnd);
          if (after < 0) return -1;
          i = after + 1;
        } else {
          i = gt + 1;
        }
      } else {
        i = nextLt + 1;
      }
    } else {
      REFERENCE.lastIndex = nextAmp;
      const reference = REFERENCE.exec(source);
      if (reference === null) return nextAmp;
      i = nextAmp + reference[0].length;
    }
    if (nextAmp < i) nextAmp = source.indexOf('&', i);
    if (nextLt >= 0 && nextLt < i) nextLt = source.indexOf('<', i);
  }
  return -1;
}

/**
 * A UTF-16 surrogate without its partner. Strings read from UTF-8 files cannot hold one, but a
 * feed rendered in memory can; saxes then misreads the next character and reports nonsense.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Problems found by scanning the text before saxes, which would report them late or wrongly; each reports itself. */
function preScan(source: string): Array<{ offset: number; reportTo: (report: XmlReport) => void }> {
  const found: Array<{ offset: number; reportTo: (report: XmlReport) => void }> = [];
  const amp = findBareAmpersand(source);
  if (amp >= 0) found.push({ offset: amp, reportTo: (report) => report('XML_UNDEFINED_ENTITY', amp, {}) });
  const surrogate = LONE_SURROGATE.exec(source);
  if (surrogate !== null) {
    const { index } = surrogate;
    const unit = surrogate[0].charCodeAt(0);
    found.push({ offset: index, reportTo: (report) => report('XML_ILLEGAL_CHARACTER', index, { surrogate: unit }) });
  }
  return found;
}

/** Parse `content` (already without BOM) with saxes, reporting well-formedness problems. */
export function parseXml(source: string, reporter: Reporter): ParsedXml {
  const lines = new LineIndex(source);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  let errors = 0;
  let lastErrorAt = -1;
  let mismatchReported = false;
  // The element closed last and where: what a mismatched end tag closed (see 'end-tag' below).
  // Two variables, not an object a close: this runs for every end tag of every item validated.
  let lastClosed: XmlElement | undefined;
  let lastClosedAt = -1;

  const report: XmlReport = (code, offset, params) => {
    if (errors >= MAX_XML_ERRORS || offset === lastErrorAt) return;
    errors++;
    lastErrorAt = offset;
    reporter.report(code, lines.at(offset), params);
  };

  const early = preScan(source);
  // saxes' own errors after the first of these are consequences of it.
  const cutoff = early.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...early.map((e) => e.offset));

  let saxesErrors = 0;
  parser.on('error', (error: Error) => {
    // Nothing more will be reported, or everything from here on is a consequence: stop.
    saxesErrors++;
    if (errors >= MAX_XML_ERRORS || saxesErrors > MAX_SAXES_ERRORS || parser.position > cutoff) throw new StopParsing();
    // saxes prefixes "line:column: "; the position we use comes from the parser itself.
    const raw = error.message.replace(/^\d+:\d+: /, '');
    const here = parser.position;
    const rule = SAXES_MESSAGES.find((r) => r.pattern.test(raw));
    const code: RuleCode = rule?.code ?? 'XML_NOT_WELL_FORMED';
    let offset = Math.max(0, here - 1);
    let detail = raw;
    let openElement: OpenElement | undefined;
    switch (rule?.locate) {
      case 'tag': {
        offset = Math.max(0, source.lastIndexOf('<', here - 1));
        if (code === 'XML_UNDECLARED_PREFIX') detail = raw.replace(/^unbound namespace prefix: (.*)\.$/, '$1');
        if (code === 'XML_DUPLICATE_ATTRIBUTE') detail = `"${raw.replace(/^duplicate attribute: (.*)\.$/, '$1')}"`;
        break;
      }
      case 'end-tag': {
        offset = Math.max(0, source.lastIndexOf('</', here - 1));
        detail = source.slice(offset, here).trim() || raw;
        // The element the end tag should have closed, named with where it opened: saxes closes it
        // (a closetag event at this same position) before it reports the end tag.
        const open = lastClosed !== undefined && lastClosedAt === here ? lastClosed : stack[stack.length - 1];
        if (open !== undefined) {
          const at = lines.at(open.start);
          openElement = { open: open.name, openLine: at.line, openColumn: at.column };
        }
        break;
      }
      case 'entity': {
        offset = Math.max(0, source.lastIndexOf('&', here - 1));
        detail = source.slice(offset, here);
        break;
      }
      case 'cdata-end':
        offset = Math.max(0, here - 3);
        break;
      case 'here': {
        const open = stack[stack.length - 1];
        offset = open?.start ?? here;
        detail = raw;
        break;
      }
      default:
        break;
    }
    // Cascades: after an unclosed tag saxes also says "unexpected end.", and after one mismatched end
    // tag every later end tag mismatches too. The first error says it all.
    if (code === 'XML_NOT_WELL_FORMED' && raw === 'unexpected end.' && errors > 0) return;
    if (code === 'XML_MISMATCHED_TAG') {
      if (mismatchReported) return;
      mismatchReported = true;
    }
    reportSaxes(report, code, offset, detail, source, openElement);
    // After a mismatched end tag the elements saxes closes are not the document's: every later
    // error ("only one root", undeclared prefixes) is a consequence. xmllint stops there too.
    if (code === 'XML_MISMATCHED_TAG' && rule?.locate === 'end-tag') throw new StopParsing();
  });

  parser.on('opentag', (tag: SaxesTagNS) => {
    const end = parser.position;
    const start = Math.max(0, source.lastIndexOf('<', end - 1));
    if (stack.length >= MAX_XML_DEPTH) {
      report('XML_NESTING_TOO_DEEP', start, { limit: MAX_XML_DEPTH });
      throw new StopParsing();
    }
    const attributes: XmlAttribute[] = Object.values(tag.attributes).map((a: SaxesAttributeNS) => ({
      name: a.name,
      local: a.local,
      uri: a.uri,
      value: a.value,
    }));
    const parent = stack[stack.length - 1];
    const element: XmlElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attributes,
      children: [],
      parent,
      text: '',
      hasCdata: false,
      start,
      innerStart: end,
      innerEnd: end,
    };
    if (parent === undefined) root ??= element;
    else parent.children.push(element);
    stack.push(element);
  });

  parser.on('closetag', (tag: SaxesTagNS) => {
    const element = stack.pop();
    if (element === undefined) return;
    lastClosed = element;
    lastClosedAt = parser.position;
    if (!tag.isSelfClosing) {
      const close = source.lastIndexOf('</', parser.position - 1);
      element.innerEnd = Math.max(close, element.innerStart);
    }
  });

  parser.on('text', (text: string) => {
    const current = stack[stack.length - 1];
    if (current !== undefined) current.text += text;
  });
  parser.on('cdata', (text: string) => {
    const current = stack[stack.length - 1];
    if (current !== undefined) {
      current.text += text;
      current.hasCdata = true;
    }
  });

  try {
    parser.write(source).close();
  } catch (error) {
    if (!(error instanceof StopParsing)) throw error; // a bug, not a content problem
  }
  // What the pre-scan found; saxes would only have reported its consequences, later.
  for (const e of early) e.reportTo(report);
  return { root, wellFormed: errors === 0, lines, source };
}

// ---- tree helpers -------------------------------------------------------------------------------

export function childrenNamed(element: XmlElement, uri: string, local: string): XmlElement[] {
  return element.children.filter((c) => c.uri === uri && c.local === local);
}

export function firstChild(element: XmlElement, uri: string, local: string): XmlElement | undefined {
  return element.children.find((c) => c.uri === uri && c.local === local);
}

/** An attribute without a namespace (most feed attributes), by local name. */
export function attr(element: XmlElement, local: string, uri = ''): string | undefined {
  return element.attributes.find((a) => a.local === local && a.uri === uri)?.value;
}

/** Where an element's start tag begins. */
export function positionOf(parsed: ParsedXml, element: XmlElement): Position {
  return parsed.lines.at(element.start);
}

/** Where an attribute's name begins in the start tag (the start tag itself if not found). */
export function attrPosition(parsed: ParsedXml, element: XmlElement, name: string): Position {
  const tag = parsed.source.slice(element.start, element.innerStart);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\s${escaped}\\s*=`).exec(tag);
  return parsed.lines.at(m === null ? element.start : element.start + m.index + 1);
}

/** Where the element's content begins (the first non-space character, or the content start). */
export function textPosition(parsed: ParsedXml, element: XmlElement): Position {
  const inner = parsed.source.slice(element.innerStart, element.innerEnd);
  const lead = inner.length - inner.trimStart().length;
  return parsed.lines.at(element.innerStart + (lead < inner.length ? lead : 0));
}

/** The element's content exactly as written in the source (markup, references and CDATA intact). */
export function rawInner(parsed: ParsedXml, element: XmlElement): string {
  return parsed.source.slice(element.innerStart, element.innerEnd);
}
