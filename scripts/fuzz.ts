/**
 * A longer fuzzing campaign than CI runs: `npx tsx scripts/fuzz.ts --runs 2000 [--seed N]`.
 * Uses the model and oracle of test/robustness/fuzz-model.ts. On failure it prints the shrunk
 * counterexample as a TypeScript literal, ready to paste into REGRESSIONS in
 * test/robustness/fuzz.test.ts, and exits 1.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { articleFolder, buildAndCheck, type FuzzFile } from '../test/robustness/fuzz-model.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '500' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isInteger(runs) || runs <= 0 || !Number.isFinite(seed)) {
  process.stderr.write('usage: npx tsx scripts/fuzz.ts --runs N [--seed S]\n');
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

function toLiteral(files: FuzzFile[]): string {
  const items = files.map((f) => {
    const content = typeof f.content === 'string' ? JSON.stringify(f.content) : `Buffer.from(${JSON.stringify(Buffer.from(f.content).toString('base64'))}, 'base64')`;
    return `    { name: ${JSON.stringify(f.name)}, content: ${content} },`;
  });
  return `  {\n    why: 'TODO: what broke',\n    files: [\n${items.join('\n')}\n    ],\n  },`;
}
