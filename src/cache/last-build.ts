import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { CachePaths } from './articles.js';
import { readFramed, writeFramed } from './framed.js';
import { OUTPUT_RACY_MS } from './outputs.js';
import { RACY_WINDOW_MS } from './state.js';
import { VERSION } from '../version.js';

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
  /** When the output stamps were taken (after the racy window of the output files had passed). */
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

const FORMAT = `feedwright-last-build-1 ${VERSION}`;

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

/** True when every output file of the last build still carries the stamp taken after it was written. */
export async function outputsIntact(outDir: string, last: LastBuild<unknown>): Promise<boolean> {
  const checks = await Promise.all(
    Object.entries(last.outputs).map(async ([name, r]) => {
      const s = await stat(path.join(outDir, name)).catch(() => undefined);
      if (!s || s.size !== r.size || s.mtimeMs !== r.mtimeMs || s.ctimeMs !== r.ctimeMs || s.ino !== r.ino) return false;
      return s.mtimeMs < last.writtenAt - OUTPUT_RACY_MS && s.ctimeMs < last.writtenAt - OUTPUT_RACY_MS;
    }),
  );
  return checks.every(Boolean);
}
