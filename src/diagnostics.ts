import { type CODES, type CodeOf, codesOf, type SaidCode, type SayParams, say } from './codes.js';
import type { Diagnostic } from './model.js';

/** The code of a content diagnostic (the `diagnostic` entries of the one table, src/codes.ts). */
export type DiagnosticCode = CodeOf<'diagnostic'>;

/**
 * The content diagnostics, with their severity and one-line meaning: a view of the `diagnostic`
 * entries of src/codes.ts, kept for the library API. Never rename a code: users grep for them.
 *
 * An `error` on an article keeps that article out of the feeds (it is named, never silently lost)
 * and makes the build exit 1; warnings and notes do not.
 */
export const DIAGNOSTICS: { readonly [C in DiagnosticCode]: { readonly severity: (typeof CODES)[C]['severity']; readonly meaning: string } } = Object.fromEntries(
  codesOf('diagnostic').map(([code, e]) => [code, { severity: e.severity, meaning: e.summary }]),
) as never;

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

/** Make a diagnostic with the message and hint of the code's message builder in src/codes.ts. */
export function diagnostic<C extends DiagnosticCode & SaidCode>(code: C, at: At, params: SayParams<C>): Diagnostic {
  const { message, hint } = say(code, params);
  return diag(code, at, message, hint);
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
