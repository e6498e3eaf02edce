/**
 * Errors that make a whole run meaningless (no articles folder, bad config, unwritable output).
 * Content problems are not errors: they are Diagnostics, collected and reported.
 * Plain `Error` is reserved for bugs.
 */
export type FatalCode =
  | 'CONFIG_NOT_FOUND'
  | 'CONFIG_INVALID'
  | 'ARTICLES_MISSING'
  | 'ARTICLES_NOT_A_FOLDER'
  | 'ARTICLES_UNREADABLE'
  | 'OUTPUT_UNWRITABLE'
  | 'OUTPUT_LOCKED'
  | 'USAGE'
  | 'VALIDATION_FAILED';

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

/** Exit codes, documented in the README. */
export const EXIT = {
  OK: 0,
  CONTENT_ERRORS: 1,
  USAGE_OR_CONFIG: 2,
  INTERNAL: 70,
} as const;
