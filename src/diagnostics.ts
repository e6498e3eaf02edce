import type { Diagnostic, Severity } from './model.js';

/**
 * The catalogue of content diagnostics: permanent codes, their severity, and what each means.
 * docs/ARCHITECTURE.md lists them; tests assert them. Never rename a code: users grep for them.
 *
 * An `error` on an article keeps that article out of the feeds (it is named, never silently lost)
 * and makes the build exit 1; warnings and notes do not.
 */
export const DIAGNOSTICS = {
  CONFIG_DEFAULTS: { severity: 'warning', meaning: 'No config file was found; the feeds use the default title and the example.com link.' },
  SOURCE_IGNORED: { severity: 'note', meaning: 'A file in the articles folder is not a kind feedwright reads (.md, .markdown, .mdx, .txt, .html, .htm).' },
  SOURCE_UNREADABLE: { severity: 'error', meaning: 'The file could not be read (permissions, I/O error).' },
  SOURCE_BINARY: { severity: 'error', meaning: 'The file holds binary data (an image, an archive), not text.' },
  SOURCE_INVALID_UTF8: { severity: 'error', meaning: 'A Markdown file is not valid UTF-8 (nor UTF-16 with a byte-order mark).' },
  SOURCE_NOT_UTF8: { severity: 'warning', meaning: 'A text or HTML file is not valid UTF-8 and declares no other charset: it was read in the config\'s fallbackEncoding (windows-1252 by default); or an HTML page declares UTF-8 but is not, and its bad bytes were replaced.' },
  SOURCE_TOO_LARGE: { severity: 'error', meaning: 'The file is larger than the per-article limit.' },
  SOURCE_EMPTY: { severity: 'error', meaning: 'The file is empty or holds only whitespace.' },
  ARTICLES_EMPTY: { severity: 'warning', meaning: 'The articles folder holds no article files: valid, empty feeds are written.' },
  SOURCE_SYMLINK_LOOP: { severity: 'warning', meaning: 'A symbolic link points back into a folder already being read; it was not followed.' },
  SOURCE_LINK_OUTSIDE: {
    severity: 'error',
    meaning: 'A symbolic link points outside the articles folder; it was not read (config "followExternalLinks": true reads it).',
  },
  SOURCE_SPECIAL_FILE: { severity: 'warning', meaning: 'A FIFO, socket or device is in the articles folder; it was not read.' },
  FM_UNCLOSED: { severity: 'error', meaning: 'The front matter block opened with --- never closes.' },
  FM_INVALID_YAML: { severity: 'error', meaning: 'The front matter is not valid YAML.' },
  FM_INVALID_TOML: { severity: 'error', meaning: 'The TOML front matter (between +++ lines) is not valid TOML.' },
  FM_TOO_LARGE: { severity: 'error', meaning: 'The front matter is larger than 16 KiB; it is refused without being parsed.' },
  FM_NOT_A_MAPPING: { severity: 'error', meaning: 'The front matter is YAML but not a mapping of keys to values.' },
  FM_ALIAS_LIMIT: { severity: 'error', meaning: 'The front matter expands too many YAML aliases (a "billion laughs" document).' },
  FM_YAML_TAG: { severity: 'warning', meaning: 'The front matter uses a YAML tag (!!js/..., !foo); tags never construct objects and the value is read as plain data.' },
  FM_UNKNOWN_KEY: { severity: 'warning', meaning: 'A front matter key is not one feedwright knows; it is ignored.' },
  FM_BAD_VALUE: { severity: 'error', meaning: 'A front matter value has the wrong type or shape.' },
  META_TITLE_MISSING: { severity: 'error', meaning: 'No title in the front matter, the text or the file.' },
  META_DATE_UNPARSEABLE: { severity: 'error', meaning: 'A date in the front matter could not be read.' },
  META_DATE_IMPLAUSIBLE: { severity: 'warning', meaning: 'A date is before 1970 or after 2100, which is usually a typo.' },
  META_DATE_OUT_OF_RANGE: { severity: 'error', meaning: 'A date has a year outside 1-9999 (e.g. 0000), which feeds cannot carry; the article is left out.' },
  META_DATE_FROM_MTIME: { severity: 'warning', meaning: 'No date anywhere, so the file modification time was used; it changes on every fresh checkout.' },
  META_UPDATED_BEFORE_PUBLISHED: { severity: 'warning', meaning: 'The updated date is earlier than the published date; updated was set to published.' },
  META_FUTURE_HELD: { severity: 'note', meaning: 'The article is dated in the future and is held back (config "future": "include" publishes it).' },
  META_DRAFT: { severity: 'note', meaning: 'The article is a draft (draft: true) and is not published.' },
  META_SLUG_INVALID: { severity: 'error', meaning: 'The slug is not a safe URL path segment (no "/", "..", or control characters).' },
  META_ID_INVALID: { severity: 'error', meaning: 'The id is not an absolute IRI (a URL, urn: or tag: URI).' },
  META_LINK_INVALID: { severity: 'error', meaning: 'The link is not an absolute http(s) URL and cannot be resolved against the site link.' },
  META_DUPLICATE_ID: { severity: 'error', meaning: 'Two articles resolve to the same id; the later one is left out.' },
  META_DUPLICATE_SLUG: { severity: 'error', meaning: 'Two articles resolve to the same slug (and so the same link); the later one is left out.' },
  META_DUPLICATE_LINK: { severity: 'error', meaning: 'Two articles resolve to the same link (the same page of the site); the later one is left out.' },
  META_NOT_A_POST: { severity: 'note', meaning: 'A section or listing page, or a page the generator does not write or list; it is not an item.' },
  META_TITLE_FROM_FILE_NAME: { severity: 'warning', meaning: 'No title key; the title is taken from the file name, and the keys that may hold it are named.' },
  META_PERMALINK_TOKEN: { severity: 'warning', meaning: 'A permalink pattern has a :token feedwright does not know; it is kept as written.' },
  SITE_DATA_CODE: { severity: 'warning', meaning: 'A site data file is code (an Eleventy .11tydata.js); feedwright does not run it, so what it sets is not applied.' },
  LINK_NOT_BUILT: { severity: 'error', meaning: "An item link does not resolve to a page in the site's output folder (--verify-links)." },
  CONTENT_EMPTY: { severity: 'warning', meaning: 'Nothing was left of the body after cleaning.' },
  CONTENT_TRUNCATED_NESTING: {
    severity: 'warning',
    meaning: 'The HTML nests deeper than the limit; the deepest part (or, for an HTML page too deep to extract, the whole page) was flattened to text.',
  },
  CONTENT_TEMPLATE_REMOVED: {
    severity: 'warning',
    meaning: 'Template code in a Markdown body (a Hugo shortcode, an include, a Liquid tag where the site renders none) cannot be rendered and was removed; the message names each tag and line.',
  },
  CONTENT_LINK_UNRESOLVED: {
    severity: 'warning',
    meaning: "A Jekyll {% link %} or {% post_url %}, or a Hugo ref/relref, names no file of the site; the link was left out and its text kept (the generator stops its build on this).",
  },
  CONTENT_TEMPLATE_FAILED: { severity: 'warning', meaning: "The Markdown body's Liquid template code has a syntax or render error; the template code was removed instead of rendered." },
  CONTENT_MDX_REMOVED: { severity: 'warning', meaning: 'An MDX component (JSX) or expression cannot be rendered outside the site and was removed; plain Markdown around and inside it is kept.' },
  ARTICLE_TOO_COMPLEX: {
    severity: 'warning',
    meaning: 'The article passes a work bound (HTML elements or nodes); it was read the cheap way, as plain text without boilerplate removal, instead of taking unbounded time and memory.',
  },
  ARTICLE_OVER_BOUND: {
    severity: 'error',
    meaning: "The article's body has more tags and entities than the per-article work bound; it is left out instead of taking minutes.",
  },
  GIT_SHALLOW: { severity: 'warning', meaning: 'The repository is a shallow clone, so git dates are those of the clone, not of the articles.' },
  GIT_DATES_UNCERTAIN: {
    severity: 'warning',
    meaning: 'git history cannot tell when some articles began: many start in one commit (an import, or a move or copy git could not follow), or a commit was too large for rename detection.',
  },
  GIT_UNAVAILABLE: { severity: 'note', meaning: 'git history could not be read (not a repository, or git missing); dates fall back further.' },
  ARTICLE_INTERNAL_ERROR: { severity: 'error', meaning: 'feedwright crashed on this article (a bug); the article is left out and the others are built.' },
  ARTICLE_ITEM_INVALID: {
    severity: 'error',
    meaning: "The article's feed item failed feedwright's own validation (a bug); the article is left out and the others are built.",
  },
  FEED_INVALID: { severity: 'error', meaning: 'A feed feedwright rendered failed its own validation: a bug in feedwright.' },
} as const satisfies Record<string, { severity: Severity; meaning: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;

export interface At {
  file?: string;
  line?: number;
  column?: number;
}

/** Make a diagnostic from the catalogue. `message` says what happened; `hint` what to do. */
export function diag(code: DiagnosticCode, at: At, message: string, hint?: string): Diagnostic {
  const d: Diagnostic = { code, severity: DIAGNOSTICS[code].severity, message };
  if (hint !== undefined) d.hint = hint;
  if (at.file !== undefined) d.file = at.file;
  if (at.line !== undefined) d.line = at.line;
  if (at.column !== undefined) d.column = at.column;
  return d;
}

/**
 * `articles/x.md:3:7 error META_DATE_UNPARSEABLE message` + hint on the next line. The file, the
 * message and the hint go through {@link printable}: a file named "a\n::error::x.md" (or a date
 * written so) must not start a line of its own, where a CI log would read it as a command.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${printable(d.file)}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''} ` : '';
  return `${where}${d.severity} ${d.code} ${printable(d.message)}${d.hint ? `\n  hint: ${printable(d.hint)}` : ''}`;
}

/**
 * Text safe to print on one line of a terminal or a CI log: control characters (C0 with newline,
 * carriage return, tab and ESC; DEL; C1), line and paragraph separators and bidirectional
 * overrides are shown as escapes (`\n`, `\x1b`, `\u{202e}`), so a crafted file name or value can
 * neither start a new line (a GitHub Actions `::error` command) nor move the cursor or recolour.
 */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => NAMED_ESCAPES[c] ?? escapeCodePoint(c));
}

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCodePoint(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Stable order for reports: by file, line, column, code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code);
}
