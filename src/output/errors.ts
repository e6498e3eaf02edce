import { type FeedwrightError, fatal } from '../errors.js';

/**
 * System errors that mean "this output cannot be written here", as opposed to a bug: a full disk
 * (ENOSPC), a used-up quota (EDQUOT), a file too large for the file system (EFBIG), permissions,
 * a read-only file system, a path through a regular file, an I/O error.
 */
const OUTPUT_FAULTS = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'EEXIST', 'EIO', 'EMFILE', 'ENFILE', 'ENAMETOOLONG', 'ELOOP']);

export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True when `error` is a system error about writing the output (not a bug in feedwright). */
export function isOutputFault(error: unknown): boolean {
  const code = errnoCode(error);
  return code !== undefined && OUTPUT_FAULTS.has(code);
}

/** OUTPUT_UNWRITABLE for a system error met while writing the output: `what` says what failed. */
export function unwritable(error: unknown, what: string, display: string): FeedwrightError {
  return fatal('OUTPUT_UNWRITABLE', { what, errno: errnoCode(error) ?? 'unknown error' }, display);
}
