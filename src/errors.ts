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
  | 'OUTPUT_NOT_OWNED'
  | 'OUTPUT_SYMLINK'
  | 'OUTPUT_OVERLAPS_ARTICLES'
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

/**
 * Every fatal code, with the exit code the CLI returns for it and what it means (docs/errors.md
 * explains each; a test checks that the page lists them all).
 */
export const FATAL_CODES: Readonly<Record<FatalCode, { exit: (typeof EXIT)[keyof typeof EXIT]; meaning: string }>> = {
  CONFIG_NOT_FOUND: { exit: EXIT.USAGE_OR_CONFIG, meaning: 'The config file named with --config cannot be read.' },
  CONFIG_INVALID: { exit: EXIT.USAGE_OR_CONFIG, meaning: 'The config file is not JSON, not an object, has an unknown key, or a value of the wrong type.' },
  ARTICLES_MISSING: { exit: EXIT.USAGE_OR_CONFIG, meaning: 'The articles folder does not exist.' },
  ARTICLES_NOT_A_FOLDER: { exit: EXIT.USAGE_OR_CONFIG, meaning: 'The articles path is a file, not a folder.' },
  ARTICLES_UNREADABLE: { exit: EXIT.USAGE_OR_CONFIG, meaning: 'The articles folder cannot be listed (permissions, a symlink loop, an I/O error).' },
  OUTPUT_UNWRITABLE: { exit: EXIT.USAGE_OR_CONFIG, meaning: 'The output folder cannot be created or written (permissions, a full disk, a used-up quota); the old feeds are kept.' },
  OUTPUT_LOCKED: { exit: EXIT.USAGE_OR_CONFIG, meaning: 'Another build holds the lock on the output folder.' },
  OUTPUT_NOT_OWNED: { exit: EXIT.USAGE_OR_CONFIG, meaning: 'A file feedwright would replace exists in the output folder but was not written by feedwright (without --force).' },
  OUTPUT_SYMLINK: { exit: EXIT.USAGE_OR_CONFIG, meaning: 'A folder inside the output folder is a symbolic link; feedwright does not write or delete through it.' },
  OUTPUT_OVERLAPS_ARTICLES: { exit: EXIT.USAGE_OR_CONFIG, meaning: 'The output folder is the articles folder, inside it, or holds it.' },
  USAGE: { exit: EXIT.USAGE_OR_CONFIG, meaning: 'The command line is wrong (unknown command or option).' },
  VALIDATION_FAILED: { exit: EXIT.INTERNAL, meaning: 'A feed feedwright rendered fails its own validation: a bug; the old feeds are kept.' },
};
