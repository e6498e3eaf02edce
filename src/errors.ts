import { type CodeOf, codesOf, type EXIT, type SaidCode, type SayParams, say } from './codes.js';

export { EXIT } from './codes.js';

/**
 * The code of an error that makes a whole run meaningless (no articles folder, bad config,
 * unwritable output): the `fatal` entries of the one table, src/codes.ts.
 * Content problems are not errors: they are Diagnostics, collected and reported.
 * Plain `Error` is reserved for bugs.
 */
export type FatalCode = CodeOf<'fatal'>;

export class FeedwrightError extends Error {
  override readonly name = 'FeedwrightError';
  constructor(
    readonly code: FatalCode,
    message: string,
    readonly hint?: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** A `FeedwrightError` with the message and hint of the code's message builder in src/codes.ts. */
export function fatal<C extends FatalCode & SaidCode>(code: C, params: SayParams<C>, file?: string, line?: number): FeedwrightError {
  const { message, hint } = say(code, params);
  return new FeedwrightError(code, message, hint, file, line);
}

/**
 * Every fatal code, with the exit code the CLI returns for it and what it means: a view of
 * src/codes.ts, kept for the library API (docs/errors.md is generated from the table).
 */
export const FATAL_CODES: Readonly<Record<FatalCode, { exit: (typeof EXIT)[keyof typeof EXIT]; meaning: string }>> = Object.fromEntries(
  codesOf('fatal').map(([code, e]) => [code, { exit: e.exit, meaning: e.summary }]),
) as Record<FatalCode, { exit: (typeof EXIT)[keyof typeof EXIT]; meaning: string }>;

/** The exit code of the CLI for a fatal error. */
export function exitCodeOf(code: FatalCode): (typeof EXIT)[keyof typeof EXIT] {
  return FATAL_CODES[code].exit;
}
