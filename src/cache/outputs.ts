import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import type { RenderedFile, WriteSummary } from '../output/write.js';
import type { BuildPaths } from '../pipeline/paths.js';
import { readFramed, writeFramed } from './framed.js';
import { VERSION } from '../version.js';

/**
 * A file whose mtime or ctime is this close to when its stamp was taken could be written again
 * within the same timestamp tick without its stamp changing; such a stamp proves nothing. Output
 * files are written by feedwright itself, so the record waits out this window instead (a few ms
 * of coarse kernel clock, with a wide margin).
 */
const OUTPUT_RACY_MS = 50;

/**
 * What the last build wrote to an output folder: the input fingerprint it was rendered from, and
 * for each file its stamp, SHA-256 and validation result.
 *
 * Two uses:
 * - a rebuild whose inputs have the same fingerprint, and whose output files still carry the
 *   stamps (size, mtime, ctime, inode) written last time, needs no rendering at all: the files
 *   already hold exactly the bytes it would render;
 * - validation is a pure function of a file's bytes: a rendered file with the SHA-256 of one
 *   validated before reuses that result instead of parsing megabytes again.
 * The record is JSON behind a CRC-32 line; a damaged record is ignored (a full build follows).
 */
export interface OutputRecord {
  fingerprint: string | undefined;
  writtenAt: number;
  files: Record<string, { size: number; mtimeMs: number; ctimeMs: number; ino: number; sha256: string; label: string; diagnostics?: Diagnostic[] }>;
}

const FORMAT = `feedwright-outputs-1 ${VERSION}`;

export function outputRecordFile(paths: BuildPaths): string | undefined {
  const dir = paths.loaded.config.cache;
  if (dir === false) return undefined;
  const id = createHash('sha256').update(paths.outDir).digest('hex').slice(0, 16);
  return path.join(path.resolve(paths.loaded.root, dir), `outputs-${id}.json`);
}

export function readOutputRecord(paths: BuildPaths): OutputRecord | undefined {
  const file = outputRecordFile(paths);
  if (file === undefined) return undefined;
  const body = readFramed(file, FORMAT);
  if (body === undefined) return undefined;
  try {
    const record = JSON.parse(body) as OutputRecord;
    return typeof record.files === 'object' && record.files !== null && typeof record.writtenAt === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The summary of a build that would change nothing: the fingerprint matches and every planned
 * file (and no other) is still exactly as written. Undefined when anything differs.
 */
export async function unchangedOutputs(
  paths: BuildPaths,
  record: OutputRecord | undefined,
  fingerprint: string | undefined,
  names: readonly string[],
): Promise<{ files: WriteSummary[]; validation: Diagnostic[] } | undefined> {
  if (record === undefined || fingerprint === undefined || record.fingerprint !== fingerprint) return undefined;
  if (Object.keys(record.files).length !== names.length) return undefined;
  const files: WriteSummary[] = [];
  const validation: Diagnostic[] = [];
  for (const name of names) {
    const r = record.files[name];
    if (!r) return undefined;
    const s = await stat(path.join(paths.outDir, name)).catch(() => undefined);
    if (!s || s.size !== r.size || s.mtimeMs !== r.mtimeMs || s.ctimeMs !== r.ctimeMs || s.ino !== r.ino) return undefined;
    if (s.mtimeMs >= record.writtenAt - OUTPUT_RACY_MS || s.ctimeMs >= record.writtenAt - OUTPUT_RACY_MS) return undefined;
    if (r.label !== paths.display(path.join(paths.outDir, name))) return undefined;
    files.push({ name, status: 'unchanged', bytes: r.size });
    if (r.diagnostics) validation.push(...r.diagnostics);
  }
  return { files, validation };
}

/** Validation diagnostics recorded for a file with these bytes and this label, if any. */
export function knownValidation(record: OutputRecord | undefined, name: string, sha256: string, label: string): Diagnostic[] | undefined {
  const r = record?.files[name];
  return r && r.sha256 === sha256 && r.label === label ? r.diagnostics : undefined;
}

/** Record what was just committed (after the rename, so the stamps are the final files'). */
export async function writeOutputRecord(
  paths: BuildPaths,
  fingerprint: string | undefined,
  rendered: readonly RenderedFile[],
  validation: ReadonlyMap<string, Diagnostic[]>,
): Promise<void> {
  const file = outputRecordFile(paths);
  if (file === undefined) return;
  try {
    const record: OutputRecord = { fingerprint, writtenAt: 0, files: {} };
    let newest = 0;
    for (const f of rendered) {
      const label = paths.display(path.join(paths.outDir, f.name));
      const s = await stat(path.join(paths.outDir, f.name));
      newest = Math.max(newest, s.mtimeMs, s.ctimeMs);
      const diagnostics = validation.get(f.name);
      record.files[f.name] = { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino, sha256: f.sha256, label, ...(diagnostics ? { diagnostics } : {}) };
    }
    const wait = newest + OUTPUT_RACY_MS + 1 - Date.now();
    // Capped: timestamps far ahead of this clock (a skewed network file system) just make the stamps racy.
    if (wait > 0 && wait < 1000) await new Promise((resolve) => setTimeout(resolve, wait));
    record.writtenAt = Date.now();
    writeFramed(file, FORMAT, JSON.stringify(record));
  } catch {
    // The record is an optimisation: the next build simply renders and validates again.
  }
}
