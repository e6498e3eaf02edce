import { parse as parseToml, TomlError } from 'smol-toml';
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';
import { countNewlines } from '../util/text.js';
import { jsonPositions } from '../config/positions.js';
import { JsFrontMatterError, readJsFrontMatter } from './js-front-matter.js';

/** YAML aliases allowed per document. A few are normal; thousands are an attack ("billion laughs"). */
const MAX_YAML_ALIASES = 50;

/**
 * Front matter larger than this is refused before it is parsed. Real front matter is a few hundred
 * bytes; the YAML parser spends ~0.1 ms per syntax error, and 100k characters of `]]]]` is 100k
 * errors (10-20 s).
 */
export const MAX_FRONT_MATTER_CHARS = 16 * 1024;

export interface FrontMatterResult {
  data: Record<string, unknown>;
  lines: Record<string, number>;
  /** The body after the front matter. */
  body: string;
  /** Line number (1-based) of the body's first line in the file. */
  bodyLine: number;
  diagnostics: Diagnostic[];
  /** False when the front matter was broken: the article must not be published. */
  ok: boolean;
}

type Parsed = Omit<FrontMatterResult, 'body' | 'bodyLine'>;

/** The front matter formats: how a block opens and closes, and how its text is parsed (from line 2). */
const FENCES: readonly { mark: string; open: RegExp; close: RegExp; parse: (inner: string, file: string) => Parsed }[] = [
  { mark: '---', open: /^---[ \t]*(?:yaml[ \t]*)?\n/, close: /^(?:---|\.\.\.)[ \t]*$/m, parse: (inner, file) => parseYaml(inner, file, 2) },
  // Eleventy's other front matter languages (gray-matter's): `---js` / `---javascript`, `---json`.
  { mark: '---js', open: /^---[ \t]*(?:js|javascript)[ \t]*\n/, close: /^---[ \t]*$/m, parse: parseJsBlock },
  { mark: '---json', open: /^---[ \t]*json[ \t]*\n/, close: /^---[ \t]*$/m, parse: parseJsonBlock },
  { mark: '+++', open: /^\+\+\+[ \t]*\n/, close: /^\+\+\+[ \t]*$/m, parse: parseTomlBlock },
];

/**
 * Split and parse a front matter block at the very start of `text`: YAML (`---` ... `---` or
 * `...`), parsed with the `yaml` library in its safe core schema (tags never construct objects,
 * aliases are capped, a repeated key keeps its last value with a warning, as Jekyll's Psych does), or Hugo's TOML (`+++` ... `+++`), parsed with
 * smol-toml.
 */
export function splitFrontMatter(text: string, file: string, bare = false, metaHeader = false): FrontMatterResult {
  // Hexo also reads front matter written without its opening fence (`title: x` lines, then `---`).
  const opened = bare ? bareFrontMatter(text) : undefined;
  // Else Pelican's and MkDocs' Markdown metadata (`Title: x` lines, then a blank line): Markdown files only.
  if (metaHeader && opened === undefined) {
    const header = readMetaHeader(text);
    if (header) return header;
  }
  if (opened !== undefined) {
    const r = splitFrontMatter(opened, file);
    const back = (n: number) => Math.max(1, n - 1);
    return {
      ...r,
      lines: Object.fromEntries(Object.entries(r.lines).map(([k, v]) => [k, back(v)])),
      diagnostics: r.diagnostics.map((d) => (d.line === undefined ? d : { ...d, line: back(d.line) })),
      bodyLine: back(r.bodyLine),
    };
  }
  // Blank lines before the opening fence (Astro's and Eleventy's readers allow them): read what
  // follows, and shift every line number back to the file's.
  // An opening fence with spaces before it is read too, with a warning: the generators would not.
  const lead = /^(?:[ \t]*\r?\n)*([ \t]*)(?=---[ \t]*(?:yaml|js|javascript|json)?[ \t]*\r?\n|\+\+\+[ \t]*\r?\n)/.exec(text);
  if (lead && lead[0].length > 0) {
    const shift = countNewlines(lead[0]);
    const r = splitFrontMatterAt(text.slice(lead[0].length), file);
    const lines = Object.fromEntries(Object.entries(r.lines).map(([k, v]) => [k, v + shift]));
    const diagnostics = r.diagnostics.map((d) => (d.line === undefined ? d : { ...d, line: d.line + shift }));
    if (lead[1]) diagnostics.unshift(diagnostic('FM_INDENTED_FENCE', { file, line: shift + 1 }, { fence: text.startsWith('+', lead[0].length) ? '+++' : '---', line: shift + 1 }));
    return { ...r, lines, diagnostics, bodyLine: r.bodyLine + shift };
  }
  return splitFrontMatterAt(text, file);
}

/** The most lines a front matter block without its opening fence may have. */
const MAX_BARE_LINES = 200;

/**
 * Hexo's front matter without its opening fence (hexo-front-matter's "new" format: `key: value`
 * lines from the first line, then a line of `---`), given its fence; undefined when the text does
 * not open so: every line before the `---` must be a YAML key (`title: x`), a list item or an
 * indented continuation, so a Markdown heading underlined with `---` is never read as one.
 */
export function bareFrontMatter(text: string): string | undefined {
  if (/^(?:---|\+\+\+|;;;)/.test(text) || !/^[\w-]+:/.test(text)) return undefined;
  const lines = text.split('\n', MAX_BARE_LINES + 1);
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (/^-{3,}[ \t]*$/.test(line)) return `---\n${text}`;
    if (line !== '' && !/^[\w-]+:(?:\s|$)/.test(line) && !/^[ \t]+\S/.test(line) && !/^- /.test(line)) return undefined;
  }
  return undefined;
}

/** A metadata line of Python-Markdown's `meta` extension (META_RE): up to 3 spaces, a key, a colon. */
const META_LINE = /^ {0,3}([A-Za-z0-9_-]+):[ \t]*(.*)$/;
/** A continuation of the last key's value (META_MORE_RE): 4 spaces or more. */
const META_MORE = /^ {4,}(.*)$/;

/**
 * The metadata block Python-Markdown's `meta` extension reads, which Pelican and MkDocs use:
 * `Key: value` lines from the file's first line (keys read in lower case; a line indented 4
 * spaces continues the value, which is then a list), ended by a blank line, or by the first line
 * that is neither (the body's). Read only when the file has no fenced front matter and the block
 * names a `title` (Pelican requires one of an article): a post that opens with `Note: x` is text.
 * As Pelican's Markdown reader does, `tags` and `authors` are split at commas; `status: draft`
 * (or `hidden`, listed nowhere) is a draft.
 */
export function readMetaHeader(text: string): FrontMatterResult | undefined {
  if (!META_LINE.test(text.slice(0, text.indexOf('\n') >>> 0)) || /^(?:---|\+\+\+)/.test(text)) return undefined;
  const values = new Map<string, string[]>();
  const lines: Record<string, number> = {};
  let key: string | undefined;
  let offset = 0;
  let n = 0;
  // Work bound: the header is at most MAX_BARE_LINES lines and MAX_FRONT_MATTER_CHARS characters.
  while (offset < text.length && n < MAX_BARE_LINES && offset < MAX_FRONT_MATTER_CHARS) {
    const end = text.indexOf('\n', offset);
    const next = end === -1 ? text.length : end + 1;
    const line = text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
    if (line.trim() === '') {
      offset = next;
      n++;
      break;
    }
    const more = key === undefined ? null : META_MORE.exec(line);
    const m = more ? null : META_LINE.exec(line);
    if (more && key !== undefined) values.get(key)?.push((more[1] as string).trim());
    else if (m) {
      key = (m[1] as string).toLowerCase();
      if (!values.has(key)) lines[key] = n + 1;
      values.set(key, [(m[2] as string).trim()]);
    } else break;
    offset = next;
    n++;
  }
  const title = values.get('title');
  if (!title?.join('').trim()) return undefined;
  const data: Record<string, unknown> = {};
  for (const [k, v] of values) {
    if (k === 'tags' || k === 'authors') data[k] = v.join(',').split(',').map((x) => x.trim()).filter(Boolean);
    else if (k === 'status') {
      const status = (v[0] ?? '').toLowerCase();
      if (status === 'draft' || status === 'hidden') data.draft = true;
      lines.draft = lines.status as number;
    } else data[k] = v.length > 1 ? v : v[0];
  }
  delete lines.status;
  return { data, lines, body: text.slice(offset), bodyLine: n + 1, diagnostics: [], ok: true };
}

/** A value that opens with a quote (`key: "…`, `- '…`): what follows its opening quote, and which quote. */
const QUOTE_OPENED = /^\s*(?:-\s+|[^\s#"'][^:#]*:\s+)(["'])(.*)$/;

/**
 * The line (0-based in `yamlText`) of the last value before `offset` that opens a quote and does not
 * close it on its line: where a "Missing closing quote" error, which YAML reports where the text
 * ends, was made. Undefined when no line before it opens one. Bound: the lines before `offset`.
 */
function unclosedQuoteLine(yamlText: string, offset: number): number | undefined {
  const lines = yamlText.slice(0, offset).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = QUOTE_OPENED.exec(lines[i] as string);
    if (!m) continue;
    const rest = m[2] as string;
    // Closed on its line: a double quote not escaped by a backslash; a single quote not doubled.
    const closed = m[1] === '"' ? /^(?:[^"\\]|\\.)*"/.test(rest) : /^(?:[^']|'')*'(?!')/.test(rest);
    if (!closed) return i;
  }
  return undefined;
}

/** A closing `---` with text after it on its line (not a longer run of dashes). */
const GLUED_CLOSE = /^---(?=[^-\s])/m;

function splitFrontMatterAt(text: string, file: string): FrontMatterResult {
  const empty = { data: {}, lines: {}, body: text, bodyLine: 1, diagnostics: [] as Diagnostic[], ok: true };
  const fence = FENCES.find((f) => f.open.test(text));
  if (!fence) return empty;
  const afterOpen = text.indexOf('\n') + 1;
  const rest = text.slice(afterOpen);
  const close = fence.close.exec(rest);
  // `---Some text`: Hugo ends YAML front matter at a line that starts with `---`, and the rest
  // of that line is the body's first line. Looked for before the closing line only (the body is
  // not scanned), or through the rest when there is none.
  const glued = fence.mark === '---' ? GLUED_CLOSE.exec(close ? rest.slice(0, close.index) : rest) : null;
  let inner: string;
  let body: string;
  if (glued) {
    inner = rest.slice(0, glued.index);
    body = rest.slice(glued.index + 3);
  } else if (close) {
    inner = rest.slice(0, close.index);
    body = text.slice(Math.min(afterOpen + close.index + close[0].length + 1, text.length));
  } else {
    const unclosed = diagnostic('FM_UNCLOSED', { file, line: 1 }, { fence: fence.mark });
    return { ...empty, ok: false, diagnostics: [unclosed] };
  }
  // The body starts on the line after the closing one, or on that line after its `---`.
  const bodyLine = 2 + countNewlines(inner) + (glued ? 0 : 1);
  if (inner.length > MAX_FRONT_MATTER_CHARS) {
    const tooLarge = diagnostic('FM_TOO_LARGE', { file, line: 1 }, { chars: inner.length, limit: MAX_FRONT_MATTER_CHARS });
    return { ...empty, body, bodyLine, ok: false, diagnostics: [tooLarge] };
  }
  const parsed = fence.parse(inner, file);
  if (!glued) return { ...parsed, body, bodyLine };
  const warning = diagnostic('FM_FENCE_TEXT', { file, line: bodyLine }, { line: bodyLine });
  return { ...parsed, diagnostics: [...parsed.diagnostics, warning], body, bodyLine };
}

function parseYaml(yamlText: string, file: string, firstLine: number): Parsed {
  return readSimpleYaml(yamlText, firstLine) ?? parseYamlDocument(yamlText, file, firstLine);
}

/*
 * Simple front matter, read directly (issue 14): most front matter is a flat list of `key: value`
 * lines, with lists of scalars in flow (`[a, b]`) or block (`- a`) style. Building the yaml
 * library's document (CST, nodes with ranges, then toJS) cost ~12 % of a Markdown article's CPU.
 * readSimpleYaml reads exactly that shape, and gives up (undefined) on anything else, so the yaml
 * library reads it: any character outside a conservative set, an indicator, escape, comment after
 * a value, anchor, tag, multi-line scalar, nested map, duplicate key, or a scalar that would
 * resolve to a number other than a plain decimal integer. What it does read, it reads as the
 * core schema does (null, booleans, integers; everything else a string): a fast-check property
 * in test/sources/front-matter-simple.test.ts holds it to the yaml library on generated front
 * matter, and a test keeps the corpus's front matter on this path.
 */

/** A top-level `key:` line: the key, and the rest after the colon (a space, or nothing). */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** Characters a simple scalar may hold: printable, no tab or control, no BOM, no line or paragraph separator, no surrogates, no U+FFFE/U+FFFF. */
const SAFE_TEXT = /^[\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*$/;
/** What the core schema would read as something other than a string (null, bool, numbers). */
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_TRUE = /^(?:[Tt]rue|TRUE)$/;
const CORE_FALSE = /^(?:[Ff]alse|FALSE)$/;
const CORE_NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const PLAIN_INT = /^(?:0|[1-9][0-9]{0,14})$/;
/** A plain scalar's first character may not be an indicator. */
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/;

const GIVE_UP = Symbol('not simple');

/** Without trailing spaces (a scan from the end: `/ +$/` is quadratic on a long run of spaces before other text). */
function trimSpacesEnd(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** One scalar as written after `key: ` or `- ` or inside `[...]` (flow: `,[]{}` are not plain). */
function simpleScalar(raw: string, flow: boolean): unknown {
  // YAML strips spaces and tabs only (trimEnd would strip NBSP and the other Unicode spaces too).
  const text = trimSpacesEnd(raw);
  if (text === '' || !SAFE_TEXT.test(text)) return GIVE_UP;
  const q = text.charCodeAt(0);
  if (q === 34 /* " */) {
    if (text.length < 2 || !text.endsWith('"')) return GIVE_UP;
    const inner = text.slice(1, -1);
    return inner.includes('"') || inner.includes('\\') ? GIVE_UP : inner;
  }
  if (q === 39 /* ' */) {
    if (text.length < 2 || !text.endsWith("'")) return GIVE_UP;
    const inner = text.slice(1, -1);
    if (inner.replaceAll("''", '').includes("'")) return GIVE_UP;
    return inner.replaceAll("''", "'");
  }
  if (!PLAIN_START.test(text) || text.includes(': ') || text.endsWith(':') || text.includes(' #')) return GIVE_UP;
  if (flow && /[,[\]{}]/.test(text)) return GIVE_UP;
  if (CORE_NULL.test(text)) return null;
  if (CORE_TRUE.test(text)) return true;
  if (CORE_FALSE.test(text)) return false;
  if (CORE_NUMBER.test(text)) return PLAIN_INT.test(text) ? Number(text) : GIVE_UP;
  return text;
}

/** `[a, "b", 'c']` on one line, scalars only; undefined when it is anything else. */
function simpleFlowList(text: string): unknown[] | undefined {
  const t = trimSpacesEnd(text);
  if (!t.startsWith('[') || !t.endsWith(']')) return undefined;
  const inner = t.slice(1, -1);
  if (/^ *$/.test(inner)) return [];
  // Quoted members may not hold a comma or bracket here: splitting on commas must be exact.
  const parts = inner.split(',');
  const out: unknown[] = [];
  for (const part of parts) {
    const member = trimSpacesEnd(part.replace(/^ +/, ''));
    if (member === '' || /[[\]{}]/.test(member) || /^["'].*[,]/.test(member)) return undefined;
    const value = simpleScalar(member, true);
    if (value === GIVE_UP || value === null) return undefined;
    out.push(value);
  }
  return out;
}

/** Simple front matter read directly, or undefined: the yaml library must read it (parseYamlDocument). */
export function readSimpleYaml(yamlText: string, firstLine: number): Parsed | undefined {
  if (yamlText.includes('\r') || yamlText.includes('\t')) return undefined;
  const rows = yamlText.split('\n');
  const data: Record<string, unknown> = {};
  const lines: Record<string, number> = {};
  let keys = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as string;
    if (/^ *$/.test(row) || /^ *#/.test(row)) continue;
    const m = KEY_LINE.exec(row);
    if (!m) return undefined;
    const key = m[1] as string;
    if (key in lines || key === '__proto__' || CORE_NULL.test(key) || CORE_TRUE.test(key) || CORE_FALSE.test(key)) return undefined;
    const rest = m[2];
    const keyLine = firstLine + i;
    let value: unknown;
    if (rest === undefined || /^ *$/.test(rest)) {
      // A block list of scalars below, at one indentation (column 0 too), or nothing: null.
      const list: unknown[] = [];
      let indent: number | undefined;
      while (i + 1 < rows.length) {
        const next = rows[i + 1] as string;
        if (/^ *$/.test(next)) {
          i++;
          continue;
        }
        const item = /^( *)- (.*)$/.exec(next);
        if (!item) {
          if (/^ /.test(next)) return undefined;
          break;
        }
        const width = (item[1] as string).length;
        if (indent !== undefined && width !== indent) return undefined;
        indent = width;
        const member = simpleScalar(item[2] as string, false);
        if (member === GIVE_UP || member === null) return undefined;
        list.push(member);
        i++;
      }
      // A blank line inside the list, or one trailing it, is fine; a list that ended at the text's end too.
      value = indent === undefined ? null : list;
    } else if (rest.startsWith('[')) {
      const list = simpleFlowList(rest);
      if (list === undefined) return undefined;
      value = list;
    } else {
      value = simpleScalar(rest, false);
      if (value === GIVE_UP) return undefined;
    }
    data[key] = value;
    lines[key] = keyLine;
    keys++;
  }
  if (keys === 0) return undefined;
  return { data, lines, diagnostics: [], ok: true };
}

export function parseYamlDocument(yamlText: string, file: string, firstLine: number): Parsed {
  const diagnostics: Diagnostic[] = [];
  let lineCounter = new LineCounter();
  let doc = parseDocument(yamlText, { lineCounter, uniqueKeys: false, prettyErrors: false, schema: 'core', strict: true });
  if (doc.errors.some((e) => e.code === 'MISSING_CHAR' || e.code === 'MULTILINE_IMPLICIT_KEY')) {
    // A quoted value whose next lines start at column 1, which Jekyll's and Eleventy's YAML
    // readers (psych, js-yaml) accept: read it again with those lines indented (lines unchanged).
    const indented = indentQuotedContinuations(yamlText);
    if (indented !== yamlText) {
      const retryCounter = new LineCounter();
      const retry = parseDocument(indented, { lineCounter: retryCounter, uniqueKeys: false, prettyErrors: false, schema: 'core', strict: true });
      if (retry.errors.length === 0) {
        doc = retry;
        lineCounter = retryCounter;
      }
    }
  }
  const lineOf = (offset: number | undefined): number => firstLine + (offset === undefined ? 0 : lineCounter.linePos(offset).line - 1);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    // The parser finds a quote left open where the front matter ends: name the line that opened it.
    const opened = e?.code === 'MISSING_CHAR' && /quote/.test(e.message) ? unclosedQuoteLine(yamlText, e.pos[0]) : undefined;
    const line = opened === undefined ? lineOf(e?.pos[0]) : firstLine + opened;
    const reason = opened === undefined ? firstSentence(e?.message ?? 'syntax error') : 'a quoted value opened on this line is not closed';
    diagnostics.push(diagnostic('FM_INVALID_YAML', { file, line }, { reason }));
    return { data: {}, lines: {}, diagnostics, ok: false };
  }
  for (const w of doc.warnings) {
    diagnostics.push(diagnostic('FM_YAML_TAG', { file, line: lineOf(w.pos[0]) }, { reason: firstSentence(w.message) }));
  }
  if (doc.contents === null) return { data: {}, lines: {}, diagnostics, ok: true };
  if (!isMap(doc.contents)) {
    diagnostics.push(diagnostic('FM_NOT_A_MAPPING', { file, line: firstLine }, {}));
    return { data: {}, lines: {}, diagnostics, ok: false };
  }
  // A key repeated in one map keeps its last value (Jekyll's YAML reader, Psych, does the same).
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const item of map.items) {
        if (!isPair(item) || !isScalar(item.key)) continue;
        const key = String(item.key.value);
        if (seen.has(key)) diagnostics.push(diagnostic('FM_DUPLICATE_KEY', { file, line: lineOf(item.key.range?.[0]) }, { key }));
        seen.add(key);
      }
    },
  });
  const lines: Record<string, number> = {};
  for (const item of doc.contents.items) {
    if (isPair(item) && isScalar(item.key)) lines[String(item.key.value)] = lineOf(item.key.range?.[0]);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    diagnostics.push(diagnostic('FM_ALIAS_LIMIT', { file, line: firstLine }, { reason: firstSentence((error as Error).message), limit: MAX_YAML_ALIASES }));
    return { data: {}, lines, diagnostics, ok: false };
  }
  // Unknown keys are reported when the article is resolved (src/meta/resolve.ts), where the
  // site's generator and the config's own keys are known.
  return { data: (data ?? {}) as Record<string, unknown>, lines, diagnostics, ok: true };
}

/**
 * Indent the continuation lines of a top-level `key: "..."` or `key: '...'` value that runs over
 * several lines starting at column 1, and of a top-level flow list or map (`key: [` ... `]` with
 * the closing bracket at column 1), which Hugo's YAML reader (go-yaml) accepts. Only whole lines
 * inside an unclosed quote or bracket change, and only by two leading spaces, so line numbers stay true.
 */
export function indentQuotedContinuations(text: string): string {
  const lines = text.split('\n');
  let quote: '"' | "'" | undefined;
  let depth = 0;
  for (const [i, line] of lines.entries()) {
    if (quote || depth > 0) {
      // In a flow collection a tab is no indentation to YAML, though go-yaml takes it.
      if (line.trim() !== '' && !(quote ? /^\s/ : /^ /).test(line)) lines[i] = `  ${line}`;
      if (quote && closes(line, quote)) quote = undefined;
      else if (depth > 0) depth = Math.max(0, depth + bracketBalance(line));
      continue;
    }
    const m = /^[A-Za-z_][\w-]*:[ \t]+(["'])(.*)$/.exec(line);
    if (m && !closes(m[2] as string, m[1] as '"' | "'")) quote = m[1] as '"' | "'";
    else if (/^[A-Za-z_][\w-]*:[ \t]+[[{]/.test(line)) depth = Math.max(0, bracketBalance(line));
  }
  return lines.join('\n');
}

/** Opening minus closing brackets (`[ {` and `] }`) on a line, outside quoted strings and comments. */
function bracketBalance(line: string): number {
  let n = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) break;
    else if (c === '[' || c === '{') n++;
    else if (c === ']' || c === '}') n--;
  }
  return n;
}

/** Does `rest` (text after an opening quote) close it? `\"` escapes in "...", `''` in '...'. */
function closes(rest: string, quote: '"' | "'"): boolean {
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && rest[i + 1] === "'") i++;
      else return true;
    }
  }
  return false;
}

/** A top-level `key = value` line of TOML (before the first [table]), for diagnostics' line numbers. */
const TOML_KEY_LINE = /^[ \t]*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))[ \t]*=/;

/** TOML front matter. Its dates become their TOML text, which the date reader then reads like any other (a local date in the config zone). */
/** Eleventy's JavaScript front matter, read as data and never run (src/sources/js-front-matter.ts). */
function parseJsBlock(jsText: string, file: string): Parsed {
  try {
    const r = readJsFrontMatter(jsText);
    const lines = Object.fromEntries(Object.entries(r.lines).map(([k, v]) => [k, v + 1]));
    const diagnostics = r.computed.length > 0 ? [diagnostic('FM_COMPUTED', { file, line: 2 }, { keys: r.computed })] : [];
    return { data: r.data, lines, diagnostics, ok: true };
  } catch (error) {
    const line = error instanceof JsFrontMatterError ? 1 + error.line : 2;
    return { data: {}, lines: {}, diagnostics: [diagnostic('FM_INVALID_JS', { file, line }, { reason: (error as Error).message.replace(/\.$/, '') })], ok: false };
  }
}

/** Eleventy's JSON front matter: one JSON object. */
function parseJsonBlock(jsonText: string, file: string): Parsed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jsonText);
  } catch (error) {
    return { data: {}, lines: {}, diagnostics: [diagnostic('FM_INVALID_JSON', { file, line: 2 }, { reason: (error as Error).message.replace(/\.$/, '') })], ok: false };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { data: {}, lines: {}, diagnostics: [diagnostic('FM_INVALID_JSON', { file, line: 2 }, { reason: 'it is not an object' })], ok: false };
  }
  const positions = jsonPositions(jsonText);
  const lines = Object.fromEntries(
    Object.keys(parsed).flatMap((k) => {
      const at = positions.get(k)?.line;
      return at === undefined ? [] : [[k, at + 1]];
    }),
  );
  return { data: parsed as Record<string, unknown>, lines, diagnostics: [], ok: true };
}

function parseTomlBlock(tomlText: string, file: string): Parsed {
  let parsed: Record<string, unknown>;
  try {
    parsed = parseToml(tomlText) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? 1 + error.line : 2;
    const invalid = diagnostic('FM_INVALID_TOML', { file, line }, { reason: firstSentence((error as Error).message) });
    return { data: {}, lines: {}, diagnostics: [invalid], ok: false };
  }
  const lines: Record<string, number> = {};
  for (const [i, line] of tomlText.split('\n').entries()) {
    if (/^[ \t]*\[/.test(line)) break;
    const m = TOML_KEY_LINE.exec(line);
    const key = m?.[1] ?? m?.[2] ?? m?.[3];
    if (key !== undefined && !(key in lines)) lines[key] = 2 + i;
  }
  const data = plainToml(parsed) as Record<string, unknown>;
  return { data, lines, diagnostics: [], ok: true };
}

/** TOML values as YAML front matter gives them: plain objects, and dates as their text. */
function plainToml(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainToml);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainToml(v)]));
  return value;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/[.:]\s*$/, '') ?? message;
}
