import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/**
 * A small text file the site holds (a layout, an include, a shortcode template): its UTF-8 text
 * without a byte order mark, or undefined when it is larger than `limit` bytes or cannot be read.
 * The size is checked before reading, so a stray large file costs one stat.
 */
export function readSmallText(abs: string, limit: number): string | undefined {
  try {
    if (statSync(abs).size > limit) return undefined;
    return readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/**
 * The start of a file, at most `bytes` of it, as UTF-8 text (a sequence cut at the end becomes a
 * replacement character): what `init` samples of many posts or pages. Undefined when it cannot be read.
 */
export function readTextHead(abs: string, bytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const buffer = Buffer.alloc(bytes);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether `abs` is a folder (false when it is anything else or cannot be read). */
export function isFolder(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}
