import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * The cache's small side files are framed as `<format> <crc32 of body>\n<body>`. A file that is
 * missing, from another format or version, truncated or altered reads as undefined, and the
 * caller does without it (never trusts it).
 */
export function readFramed(file: string, format: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const nl = text.indexOf('\n');
  if (nl < 0) return undefined;
  const body = text.slice(nl + 1);
  return text.slice(0, nl) === `${format} ${crc32(body)}` ? body : undefined;
}

/** Write a framed file atomically (temporary file + rename), creating its folder. */
export function writeFramed(file: string, format: string, body: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, `${format} ${crc32(body)}\n${body}`);
    renameSync(tmp, file);
  } catch (error) {
    // A full disk: no half-written temporary file is left in the cache folder.
    rmSync(tmp, { force: true });
    throw error;
  }
}
