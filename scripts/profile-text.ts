/**
 * CPU time of the text path over the text pages of both dev sets, as bench:extract times it: "whole
 * article" = decoding + `explainInput` (read, resolve, render, validate), "extract" = decoding +
 * `readDocument` alone. For profiling (`node --cpu-prof --import tsx scripts/profile-text.ts`) and
 * for paired comparisons with another checkout of the project:
 *
 *   tsx scripts/profile-text.ts [--rounds N] [--kinds text,html] [--against DIR] [--out FILE]
 *
 * Each page is decoded once, then run `--rounds` times (default 3, the first warms the JIT); a page's
 * time is its fastest run. With `--against DIR` (another worktree, e.g. the base commit) both
 * checkouts' modules are loaded in this one process and every page runs under both in turn,
 * alternating which goes first, so that load from other processes falls on both alike; it prints
 * each side's median and the median of the per-page ratios, and fails if any explanation differs.
 * `--out FILE` writes this checkout's explanations as JSON, to compare outputs across commits.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const set1 = process.env.FEEDWRIGHT_EXTRACTION_DEV ?? '/work/shared/extraction-dev';
const set2 = process.env.FEEDWRIGHT_TRAF_DEV ?? '/work/data/traf-dev';
const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const rounds = Math.max(1, Number(opt('--rounds') ?? 3));
const kinds = (opt('--kinds') ?? 'text').split(',') as ('text' | 'html')[];
const against = opt('--against');
const out = opt('--out');
const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const now = new Date('2026-12-01T00:00:00Z');

/** One checkout's entry points, loaded from its own src/. */
interface Side {
  root: string;
  whole: (file: string, bytes: Buffer) => unknown;
  extract: (file: string, bytes: Buffer) => void;
}

async function loadSide(root: string, kinds: readonly string[]): Promise<Side> {
  const load = (p: string) => import(pathToFileURL(join(root, 'src', p)).href);
  const { resolveConfig } = await load('config/load.ts');
  const { explainInput, loadExplainReaders } = await load('explain-input.ts');
  const { unlistedFile } = await load('pipeline/inputs.ts');
  const { readDocument } = await load('sources/read.ts');
  const { makeReadContext } = await load('sources/read-context.ts');
  const { decodeSource } = await load('sources/files.ts');
  await loadExplainReaders(kinds);
  const config = resolveConfig({ git: false, future: 'include', timezone: 'UTC' });
  const ctx = { config, articlesDir: join(tmpdir(), 'feedwright-bench-empty-articles'), readContext: makeReadContext(config, new Set(), now), git: new Map(), now };
  return {
    root,
    whole(file, bytes) {
      const decoded = decodeSource(bytes, file, config.fallbackEncoding);
      return explainInput(decoded.ok ? { source: file, abs: file, text: decoded.text, mtimeMs: 0, ...(decoded.note ? { note: decoded.note } : {}) } : { source: file, abs: file, problem: decoded.diagnostic, mtimeMs: 0 }, ctx);
    },
    extract(file, bytes) {
      const decoded = decodeSource(bytes, file, config.fallbackEncoding);
      if (decoded.ok) readDocument(unlistedFile(file, file, ctx.articlesDir), decoded.text, ctx.readContext);
    },
  };
}

/** Every page of one kind in both dev sets (their folders hold only the development halves). */
function devPages(kind: 'text' | 'html'): string[] {
  const ext = kind === 'text' ? '.txt' : '.html';
  return [set1, set2].flatMap((dir) =>
    readdirSync(join(dir, kind))
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => join(dir, kind, f)),
  );
}

const cpu = (f: () => void): number => {
  const c0 = process.cpuUsage();
  f();
  const c1 = process.cpuUsage(c0);
  return (c1.user + c1.system) / 1000;
};
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2;
};

const sides = [await loadSide(here, kinds), ...(against ? [await loadSide(resolve(against), kinds)] : [])];
for (const kind of kinds) {
  const files = devPages(kind);
  const bytes = files.map((f) => readFileSync(f));
  const whole = sides.map(() => files.map(() => Number.POSITIVE_INFINITY));
  const extract = sides.map(() => files.map(() => Number.POSITIVE_INFINITY));
  const outputs: string[][] = sides.map(() => []);
  for (let r = 0; r < rounds; r += 1) {
    files.forEach((file, i) => {
      const b = bytes[i] as Buffer;
      for (let k = 0; k < sides.length; k += 1) {
        // Alternate which checkout runs first, page by page and round by round.
        const s = (k + i + r) % sides.length;
        const side = sides[s] as Side;
        let result: unknown;
        const w = cpu(() => {
          result = side.whole(file, b);
        });
        if (r === 0) (outputs[s] as string[])[i] = JSON.stringify(result);
        const e = cpu(() => side.extract(file, b));
        (whole[s] as number[])[i] = Math.min((whole[s] as number[])[i] as number, w);
        (extract[s] as number[])[i] = Math.min((extract[s] as number[])[i] as number, e);
      }
    });
  }
  sides.forEach((side, s) => {
    console.log(`${kind} ${side.root}: ${files.length} pages, median whole article ${median(whole[s] as number[]).toFixed(2)} ms, extract ${median(extract[s] as number[]).toFixed(2)} ms (fastest of ${rounds})`);
  });
  if (sides.length === 2) {
    const ratio = (xs: number[][]) => median(files.map((_, i) => ((xs[0] as number[])[i] as number) / ((xs[1] as number[])[i] as number)));
    console.log(`${kind} this / against, median of per-page ratios: whole article ${ratio(whole).toFixed(3)}, extract ${ratio(extract).toFixed(3)}`);
    const differ = files.filter((_, i) => (outputs[0] as string[])[i] !== (outputs[1] as string[])[i]);
    console.log(`${kind} explanations that differ: ${differ.length}${differ.length ? ` (${differ.slice(0, 5).join(', ')})` : ''}`);
    if (differ.length) process.exitCode = 1;
  }
  if (out) writeFileSync(kinds.length > 1 ? `${out}.${kind}` : out, `[${(outputs[0] as string[]).join(',\n')}]\n`);
}
