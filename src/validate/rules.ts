/**
 * The validation rules: the `rule` entries of the one table of codes (src/codes.ts). Every
 * diagnostic the validator produces names one of these codes; codes are permanent and searchable
 * (docs/validation-rules.md lists them all; its tables are generated from the table).
 *
 * A rule is data: its default severity, the specification section it comes from, and a one-line
 * summary, and its message builder (`say`): the whole-sentence message and hint for the particular
 * case, from typed parameters. The checkers in xml.ts, rss.ts, atom.ts and json.ts decide *when* a
 * rule fires and with what parameters; they write no message text themselves.
 */
import { type CODES, type CodeOf, codesOf, type SaidCode, type SayParams, say } from '../codes.js';
import type { Diagnostic } from '../model.js';

export interface RuleInfo {
  /** Default severity; `strict` turns warnings into errors and leaves notes alone. */
  readonly severity: 'error' | 'warning' | 'note';
  /** Where the rule comes from, e.g. "RFC 4287 4.1.1". */
  readonly spec: string;
  readonly summary: string;
}

export type RuleCode = CodeOf<'rule'>;

/** The rules with their severity, specification and summary: a view of src/codes.ts. */
export const RULES: { readonly [C in RuleCode]: RuleInfo & { readonly severity: (typeof CODES)[C]['severity'] } } = Object.fromEntries(
  codesOf('rule').map(([code, e]) => [code, { severity: e.severity, spec: e.spec, summary: e.summary }]),
) as never;

/** A 1-based position in the checked text. */
export interface Position {
  line: number;
  column: number;
}

/** Collects diagnostics for one file, taking severity from the catalogue. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly file: string) {}

  /** Report `code` at `at`, with the message its builder in src/codes.ts makes of `params`. */
  report<C extends RuleCode & SaidCode>(code: C, at: Position, params: SayParams<C>): void {
    const { message, hint } = say(code, params);
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
