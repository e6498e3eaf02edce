/**
 * scripts/bundle.ts `lazyCallableStub`: the module that stands for a CommonJS dependency whose
 * export is a function (LAZY_CALLABLE_DEPENDENCIES: dayjs, which sanitize-html's launder requires
 * at load and never calls for us). Here on a module of its own, which counts its evaluations;
 * test/cli/bundle.test.ts checks that the bundle uses the stub.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAZY_CALLABLE_DEPENDENCIES, lazyCallableStub } from '../../scripts/bundle.js';

describe('lazyCallableStub', () => {
  it('evaluates the real module on the first call, then calls it as the real one, with its properties', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-lazy-callable-'));
    const real = path.join(dir, 'real.cjs');
    writeFileSync(
      real,
      `globalThis.__lazyCallableLoads = (globalThis.__lazyCallableLoads ?? 0) + 1;
function day(x) { if (new.target) { this.made = x; return; } return { x, self: this }; }
day.extend = (n) => n + 1;
module.exports = day;
`,
    );
    const stub = path.join(dir, 'stub.cjs');
    writeFileSync(stub, lazyCallableStub(real));
    const g = globalThis as { __lazyCallableLoads?: number };
    delete g.__lazyCallableLoads;
    const day = createRequire(import.meta.url)(stub) as ((x: number) => { x: number }) & { extend(n: number): number } & (new (x: number) => { made: number });
    expect(g.__lazyCallableLoads).toBeUndefined();
    expect(typeof day).toBe('function');
    expect(g.__lazyCallableLoads).toBeUndefined();
    expect(day(3).x).toBe(3);
    expect(g.__lazyCallableLoads).toBe(1);
    expect(day.extend(1)).toBe(2);
    expect(new day(5).made).toBe(5);
    expect('extend' in day).toBe(true);
    expect(g.__lazyCallableLoads).toBe(1);
  });

  it('dayjs is one of them', () => {
    expect(LAZY_CALLABLE_DEPENDENCIES).toContain('dayjs');
  });
});
