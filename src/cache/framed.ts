import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * The cache's small side files are framed as `<format> <crc32 of body>\n<body>` (the CRC in
 * decimal). A file that is
 * missing, from another format or version, truncated or altered reads as undefined, and the
 * caller does without it (never trusts it).
 *
 * The CRC is of the body's UTF-8 bytes, taken from a Buffer: `crc32(string)` converts the string
 * again on every call and is several times slower on the heads' and the output record's megabytes.
 */
export function readFramed(file: string, format: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const nl = bytes.indexOf(10);
  if (nl < 0) return undefined;
  const body = bytes.subarray(nl + 1);
  const header = bytes.toString('utf8', 0, nl);
  const crc = header.slice(format.length + 1);
  return header.startsWith(`${format} `) && /^\d{1,10}$/.test(crc) && Number(crc) === crc32(body) ? body.toString('utf8') : undefined;
}

/** Write a framed file atomically (temporary file + rename), creating its folder. */
export function writeFramed(file: string, format: string, body: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const bytes = Buffer.from(body);
    const fd = openSync(tmp, 'w');
    try {
      writeAll(fd, Buffer.from(`${format} ${crc32(bytes)}\n`));
      writeAll(fd, bytes);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (error) {
    // A full disk: no half-written temporary file is left in the cache folder.
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Write all of `bytes` at the file's current position (writeSync may write less than asked). */
export function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}
