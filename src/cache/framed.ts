import { isAscii } from 'node:buffer';
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
  return header.startsWith(`${format} `) && /^\d{1,10}$/.test(crc) && Number(crc) === crc32(body) ? textOf(body) : undefined;
}

/**
 * The UTF-8 text of a side file's bytes. The heads are written as ASCII (every other character
 * escaped: src/cache/heads.ts `asciiJson`), the state and the output record mostly are (JSON of
 * hashes, numbers and paths), and ASCII bytes read as Latin-1 are the same string, which Node
 * makes without V8's UTF-8 decoder: on Node 20 ~1 ms for the 10.5 MB heads
 * of a 10k-article cache, against 45-70 ms as UTF-8 (and 14-25 ms for the 4.4 MB output record;
 * docs/BENCHMARKS.md, r18-rebuild). Bytes that are not all ASCII are decoded as UTF-8.
 */
export function textOf(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
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
