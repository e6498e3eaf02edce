/**
 * bin/code-cache.cjs reads a script's cache into the buffer the script's text was read into when
 * it fits (a buffer of its own costs a page fault per 4 KiB never touched before: docs/BENCHMARKS.md,
 * r23-start), and into a buffer of its own when it does not. Either way V8 must get the cache's
 * bytes and the script's text intact: a cache it accepts is confirmed on the second run (`.bin`),
 * one it rejects would be written again as `.1.bin`.
 */
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface CodeCache {
  CACHE_FOLDER: string;
  runCached(file: string, tag: string, options?: { env?: NodeJS.ProcessEnv; tmpdir?: string }): { exports: Record<string, unknown>; save(): void };
}

const { CACHE_FOLDER, runCached } = createRequire(import.meta.url)('../../bin/code-cache.cjs') as CodeCache;

/**
 * Two scripts of the same key and text but for a comment at the end (new text to this process's
 * compilation cache, so V8 reads the cached data): `later`, never called by the first run, is
 * compiled by the second from the script's text.
 */
function pair(body: string): [string, string] {
  const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-code-cache-read-'));
  return (['a', 'b'] as const).map((tag) => {
    const file = path.join(dir, `${tag}.cjs`);
    writeFileSync(file, `// feedwright-cli 5eed${process.pid.toString(16)}\n${body}exports.later = (x) => { let s = 0; for (let i = 0; i < x; i++) s += i; return s; };\n// ${tag}\n`);
    return file;
  }) as [string, string];
}

const functions = (n: number): string => `${Array.from({ length: n }, (_, i) => `function f${i}(x){return x*${i}+${i}}`).join('\n')}
exports.run = (x) => ${Array.from({ length: n }, (_, i) => `f${i}(x)`).join('+')};
`;

describe('bin/code-cache.cjs reads the cache', () => {
  it.each([
    ['into the script buffer (a script longer than its cache)', `${functions(20)}/*${'x'.repeat(300_000)}*/\n`, 20, true],
    ['into a buffer of its own (a cache longer than its script)', functions(400), 400, false],
  ])('%s, intact', (_name, body, n, fits) => {
    const [a, b] = pair(body);
    const temp = mkdtempSync(path.join(tmpdir(), 'fw-ccr-'));
    const first = runCached(a, 'build', { env: {}, tmpdir: temp });
    const expected = Array.from({ length: n }, (_, i) => 3 * i + i).reduce((s, v) => s + v, 0);
    expect((first.exports.run as (x: number) => number)(3)).toBe(expected);
    first.save();
    const [stage1] = readdirSync(path.join(temp, CACHE_FOLDER));
    expect(stage1).toMatch(/\.1\.bin$/);
    expect(statSync(path.join(temp, CACHE_FOLDER, stage1 as string)).size < statSync(b).size).toBe(fits);
    // The other text of the same length: compiled through the cache read above, which V8 accepts.
    const second = runCached(b, 'build', { env: {}, tmpdir: temp });
    expect((second.exports.later as (x: number) => number)(10)).toBe(45);
    expect((second.exports.run as (x: number) => number)(3)).toBe(expected);
    second.save();
    expect(readdirSync(path.join(temp, CACHE_FOLDER))).toEqual([(stage1 as string).replace(/\.1\.bin$/, '.bin')]);
  });
});
