/**
 * A longer fuzzing campaign than CI runs:
 * `npx tsx scripts/fuzz.ts --runs 2000 [--seed N] [--pathological 40] [--max-mb 7.9]`.
 *
 * 1. Whole article folders (the model and oracle of test/robustness/fuzz-model.ts). On failure it
 *    prints the shrunk counterexample as a TypeScript literal, ready to paste into REGRESSIONS in
 *    test/robustness/fuzz.test.ts, and exits 1.
 * 2. Pathological articles (test/robustness/bounds-model.ts): random mixtures of the costliest HTML,
 *    Markdown and text shapes, 64 KiB to --max-mb MiB, each measured alone in a child process. Each
 *    must finish within the per-article CPU and memory budget, whether on the full path or through
 *    a work bound (ARTICLE_TOO_COMPLEX / ARTICLE_OVER_BOUND); no crash (ARTICLE_INTERNAL_ERROR).
 * 3. Pathological user patterns (overlapping alternatives, nested repeats): each must be accepted
 *    or refused by the config check, and run on hostile lines within 1 s of CPU.
 *
 * CPU time and resident memory are measured, never wall time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { compileUserPattern } from '../src/extract/patterns.js';
import { budget, CATASTROPHIC_PATTERNS, fileName, type PathologicalArticle, pathologicalArticle, pathologicalPattern } from '../test/robustness/bounds-model.js';
import { articleFolder, buildAndCheck, type FuzzFile } from '../test/robustness/fuzz-model.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '500' }, seed: { type: 'string' }, pathological: { type: 'string', default: '40' }, 'max-mb': { type: 'string', default: '7.9' } },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const pathological = Number(values.pathological);
const maxMb = Number(values['max-mb']);
if (!Number.isInteger(runs) || runs <= 0 || !Number.isFinite(seed) || !Number.isInteger(pathological) || pathological < 0 || !(maxMb > 0 && maxMb < 8)) {
  process.stderr.write('usage: npx tsx scripts/fuzz.ts --runs N [--seed S] [--pathological N] [--max-mb M (< 8)]\n');
  process.exit(2);
}

let lastProblems: string[] = [];
let done = 0;
const started = Date.now();
const result = await fc.check(
  fc.asyncProperty(articleFolder, async (files) => {
    const outcome = await buildAndCheck(files);
    done++;
    if (done % 100 === 0) process.stderr.write(`  ${done} runs, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    lastProblems = outcome.problems;
    return outcome.problems.length === 0;
  }),
  { numRuns: runs, seed },
);

if (!result.failed) {
  process.stdout.write(`ok: ${result.numRuns} runs, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
} else {
  const [files] = (result.counterexample ?? [[]]) as [FuzzFile[]];
  // Re-run the shrunk case for its problems (the last run may have been another candidate).
  lastProblems = (await buildAndCheck(files)).problems;
  process.stdout.write(`FAILED after ${result.numRuns} runs (seed ${seed}, path ${result.counterexamplePath ?? ''}):\n`);
  for (const p of lastProblems) process.stdout.write(`  ${p}\n`);
  process.stdout.write(`\nRegression (paste into REGRESSIONS in test/robustness/fuzz.test.ts):\n${toLiteral(files)}\n`);
  process.exitCode = 1;
}

// 2. Pathological articles, each in its own process (resident memory only grows within one).
const child = fileURLToPath(new URL('../test/robustness/measure-article.ts', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'fw-fuzz-bounds-'));
const over: string[] = [];
try {
  const articles = fc.sample(pathologicalArticle(64 * 1024, Math.floor(maxMb * 1024 * 1024)), { numRuns: pathological, seed });
  for (const [i, article] of articles.entries()) {
    const line = measureInChild(article, i);
    process.stdout.write(`${line.ok ? 'ok  ' : 'OVER'} ${line.text}\n`);
    if (!line.ok) over.push(line.text);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function measureInChild(article: PathologicalArticle, i: number): { ok: boolean; text: string } {
  const file = path.join(scratch, `${i}-${fileName(article)}`);
  writeFileSync(file, article.content);
  const size = article.content.length;
  const what = `${article.kind} ${(size / 1024 / 1024).toFixed(2)} MiB of ${JSON.stringify(article.units)}`;
  const limit = budget(size);
  let out: string;
  try {
    out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, file, article.kind], { encoding: 'utf8', maxBuffer: 1 << 20 });
  } catch (error) {
    return { ok: false, text: `${what}: the child failed (${(error as Error).message.split('\n')[0]})` };
  } finally {
    rmSync(file, { force: true });
  }
  const m = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { cpuS: number; memMb: number; codes: string[]; status: string };
  const bound = m.codes.filter((c) => c === 'ARTICLE_TOO_COMPLEX' || c === 'ARTICLE_OVER_BOUND');
  const text = `${what}: ${m.cpuS.toFixed(2)} s CPU (budget ${limit.cpuS.toFixed(1)}), ${m.memMb.toFixed(0)} MB (budget ${limit.memMb.toFixed(0)}), ${bound.length > 0 ? bound.join('+') : 'full path'}, ${m.status}`;
  const ok = m.cpuS <= limit.cpuS && m.memMb <= limit.memMb && !m.codes.includes('ARTICLE_INTERNAL_ERROR');
  return { ok, text };
}

// 3. Pathological user patterns: accepted (RE2 runs them linearly) or refused, never slow.
const patterns = [...CATASTROPHIC_PATTERNS.map((p) => p.pattern), ...fc.sample(pathologicalPattern, { numRuns: 200, seed })];
for (const pattern of patterns) {
  const compiled = compileUserPattern(pattern);
  if (!compiled.ok) continue;
  for (const unit of ['a', 'aa', 'x', ' ', 'a ', 'word ', ',']) {
    const line = `${unit.repeat(Math.ceil(2_000 / unit.length))}!`;
    const t = process.cpuUsage();
    compiled.pattern.test(line);
    const used = process.cpuUsage(t);
    const cpuS = (used.user + used.system) / 1e6;
    if (cpuS > 1) over.push(`pattern ${JSON.stringify(pattern)} on ${JSON.stringify(unit)} x 2000: ${cpuS.toFixed(2)} s CPU`);
  }
}
process.stdout.write(`patterns: ${patterns.length} run on hostile lines\n`);

if (over.length > 0) {
  process.stdout.write(`\nOver the per-article budget (seed ${seed}):\n${over.map((o) => `  ${o}`).join('\n')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`ok: ${pathological} pathological articles within the CPU and memory budget, seed ${seed}\n`);
}

function toLiteral(files: FuzzFile[]): string {
  const items = files.map((f) => {
    const content = typeof f.content === 'string' ? JSON.stringify(f.content) : `Buffer.from(${JSON.stringify(Buffer.from(f.content).toString('base64'))}, 'base64')`;
    return `    { name: ${JSON.stringify(f.name)}, content: ${content} },`;
  });
  return `  {\n    why: 'TODO: what broke',\n    files: [\n${items.join('\n')}\n    ],\n  },`;
}
