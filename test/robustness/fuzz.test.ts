/**
 * Fuzzing whole article folders (bounded for CI: about 30 s). Random front matter (valid and
 * broken), random bytes, scraper chrome, HTML fragments and hostile Unicode are built, and the
 * oracle in fuzz-model.ts checks: no crash or unhandled rejection, exit 0 or 1, valid feeds, and
 * every input file in the feeds or named in a diagnostic. `npx tsx scripts/fuzz.ts --runs N` runs
 * a longer campaign. Every shrunk counterexample is kept below as a plain regression test.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFolder, buildAndCheck, type FuzzFile } from './fuzz-model.js';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', onUnhandled));
afterAll(() => void process.off('unhandledRejection', onUnhandled));

describe('fuzz: whole article folders', () => {
  it('any folder builds without a crash into valid feeds that account for every file', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(articleFolder, async (files) => {
        const outcome = await buildAndCheck(files);
        expect(outcome.problems).toEqual([]);
      }),
      // Bounded by time as well as runs: CI machines differ in speed.
      { numRuns: 150, interruptAfterTimeLimit: 25_000, markInterruptAsFailure: false, seed: Number(process.env.FW_FUZZ_SEED ?? 20261128) },
    );
    expect(unhandled).toEqual([]);
  });
});

/** Shrunk counterexamples found by the fuzzer (and by scripts/fuzz.ts), kept as plain tests. */
const REGRESSIONS: { why: string; files: FuzzFile[] }[] = [];

describe('fuzz regressions', () => {
  it.each(REGRESSIONS.map((r) => [r.why, r.files] as const))('%s', async (_why, files) => {
    expect((await buildAndCheck(files)).problems).toEqual([]);
  });
  it('the regression list is plain data (placeholder so the suite is never empty)', () => {
    expect(Array.isArray(REGRESSIONS)).toBe(true);
  });
});
