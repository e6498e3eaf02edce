import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { CachePaths } from './articles.js';
import { readFramed, writeFramed } from './framed.js';
import { isRacy, type OutputRecord, readOutputRecord, sameStamp, verifyBytes } from './outputs.js';
import { RACY_WINDOW_MS } from './state.js';
import { CODE_ID } from '../version.js';

/**
 * The last build of one articles folder into one output folder, in a few kilobytes: the digest
 * of its inputs (src/pipeline/inputs.ts `inputsDigest`: version, config, the listing with every
 * source file's stamp, git dates), the stamps of the files it wrote, and what it reported. A build
 * whose inputs have the same digest, whose sources were all stamped outside the racy window, and
 * whose output files still carry their stamps would write exactly these files again: it returns
 * the stored report without reading, decoding or rendering any article (the no-change path).
 *
 * Only a build that depends on nothing but its inputs writes this file: no article read relative
 * to the clock, none held back as future (the clock would publish it one day), no file that
 * could not be read (an I/O error may pass). The build clock must not be before the newest
 * published date (an earlier clock would hold that article back). A damaged or missing file
 * reads as undefined: the build does all its work.
 */
export interface LastBuild<Report> {
  /** `inputsDigest` of the build. */
  inputs: string;
  /** When the build listed its sources (ms, this machine's clock): older stamps prove contents. */
  listedAt: number;
  /** The clock may not be before this (ms): the newest published date, when future articles are held. */
  notBefore: number;
  /**
   * The clock just before the output stamps were taken (the output record's `writtenAt`): a file
   * stamped within its racy window of it is checked by its bytes (`outputsIntact`).
   */
  writtenAt: number;
  /** Every file the build wrote or kept, with its stamp. */
  outputs: Record<string, OutputStamp>;
  report: Report;
}

export interface OutputStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

const FORMAT = `feedwright-last-build-1 ${CODE_ID}`;

function lastBuildFile(paths: CachePaths): string | undefined {
  const dir = paths.loaded.config.cache;
  if (dir === false) return undefined;
  const id = createHash('sha256').update(`${paths.articlesDir}\0${paths.outDir}`).digest('hex').slice(0, 16);
  return path.join(path.resolve(paths.loaded.root, dir), `last-build-${id}.json`);
}

export function readLastBuild<Report>(paths: CachePaths): LastBuild<Report> | undefined {
  const file = lastBuildFile(paths);
  if (file === undefined) return undefined;
  const body = readFramed(file, FORMAT);
  if (body === undefined) return undefined;
  try {
    const last = JSON.parse(body) as LastBuild<Report>;
    return typeof last.inputs === 'string' && typeof last.outputs === 'object' && last.outputs !== null ? last : undefined;
  } catch {
    return undefined;
  }
}

export function writeLastBuild<Report>(paths: CachePaths, last: LastBuild<Report> | undefined): void {
  const file = lastBuildFile(paths);
  if (file === undefined) return;
  try {
    // A build that cannot be summed up removes the summary of the one before it.
    if (last === undefined) rmSync(file, { force: true });
    else writeFramed(file, FORMAT, JSON.stringify(last));
  } catch {
    // An optimisation: the next build does its work.
  }
}

/** True when no source was changed within the racy window before the last build listed it. */
export function stampsProve(last: LastBuild<unknown>, sources: Iterable<{ mtimeMs: number; ctimeMs?: number | undefined }>): boolean {
  for (const s of sources) if (s.ctimeMs === undefined || s.mtimeMs >= last.listedAt - RACY_WINDOW_MS || s.ctimeMs >= last.listedAt - RACY_WINDOW_MS) return false;
  return true;
}

/**
 * True when every output file of the last build still carries the stamp taken after it was
 * written, and holds the bytes it wrote: proven by the stamp, or for a racy stamp (a file stamped
 * within its racy window of `writtenAt`: a small site's files, stamped right after they were
 * written) by reading the file against the output record that names the same stamp
 * (src/cache/outputs.ts `verifyBytes`), read only then. As git refreshes its index, a summary whose
 * racy files were all proven so is written again with the clock now as its `writtenAt`: each of
 * their stamps was past its window when the bytes were read, so any later write changes it, and the
 * next no-change build trusts the stamps alone.
 */
export async function outputsIntact(paths: CachePaths, last: LastBuild<unknown>): Promise<boolean> {
  let record: OutputRecord | undefined | null = null;
  const recorded = (): OutputRecord | undefined => {
    if (record === null) record = readOutputRecord(paths);
    return record?.writtenAt === last.writtenAt ? record : undefined;
  };
  let read = false;
  const checks = await Promise.all(
    Object.entries(last.outputs).map(async ([name, r]) => {
      const s = await stat(path.join(paths.outDir, name)).catch(() => undefined);
      if (!s || !sameStamp(s, r)) return false;
      if (!isRacy(s, last.writtenAt)) return true;
      read = true;
      const file = recorded()?.files[name];
      return file !== undefined && sameStamp(file, r) && (await verifyBytes(paths, name, file));
    }),
  );
  if (!checks.every(Boolean)) return false;
  if (read) writeLastBuild(paths, { ...last, writtenAt: Date.now() });
  return true;
}
