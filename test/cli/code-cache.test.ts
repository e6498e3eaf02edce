/**
 * bin/code-cache.cjs: the V8 code cache through which the launcher runs lib/cli/main.cjs and the
 * parse pool's workers run lib/pipeline/parse-worker.cjs. Here on small scripts of its own, so the
 * stages, a damaged or foreign cache and a cache that cannot be written are checked without a
 * bundle (test/cli/bundle.test.ts runs the real ones).
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCRIPT_HEAD, SCRIPT_TAIL } from '../../scripts/bundle.js';

interface CodeCache {
  CACHE_FOLDER: string;
  runCached(
    file: string,
    tag: string,
    options?: { env?: NodeJS.ProcessEnv; tmpdir?: string; modules?: Record<string, () => unknown> },
  ): { exports: Record<string, unknown>; save(): void };
  saveAll(): void;
  scriptKey(source: string): string | undefined;
}

const { CACHE_FOLDER, runCached, saveAll, scriptKey } = createRequire(import.meta.url)('../../bin/code-cache.cjs') as CodeCache;

/**
 * A script as the bundle writes it: `// feedwright-cli <hash>` first, then CommonJS code. Each
 * one's text is new to this process: V8 looks a source it compiled before up in the isolate's own
 * compilation cache and then never reads (nor rejects) the cached data it is given.
 */
let scripts = 0;
function script(body: string, key = 'abc123'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-code-cache-'));
  const file = path.join(dir, 'main.cjs');
  writeFileSync(file, `// feedwright-cli ${key}\n${body}// script ${++scripts}\n`);
  return file;
}

// Enough functions for V8 to have something to cache; `run` reports which path it took.
const BODY = `${Array.from({ length: 30 }, (_, i) => `function f${i}(x) { return x * ${i} + ${i}; }`).join('\n')}
exports.run = (x) => f1(x) + f2(x) + f29(x);
exports.filename = __filename;
exports.dirname = __dirname;
exports.required = typeof require('node:path').join;
`;

const env = {}; // NODE_DISABLE_COMPILE_CACHE unset whatever the test run's environment says
const files = (temp: string): string[] => {
  try {
    return readdirSync(path.join(temp, CACHE_FOLDER)).sort();
  } catch {
    return [];
  }
};
const nameOf = (tag: string, key = 'abc123'): string => `${process.version}-${process.arch}-${key}-${tag}`;

describe('bin/code-cache.cjs', () => {
  it('a script loaded by another gets its shared modules as feedwright-core:<key> (the same objects, on demand), and saveAll writes every cache', () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'fw-cc-'));
    const shared = { counter: 0 };
    let asked = 0;
    const modules = {
      'src/state.ts': () => {
        asked++;
        return shared;
      },
    };
    const file = script(`${BODY}exports.bump = () => ++require('feedwright-core:src/state.ts').counter;\nexports.resolves = typeof require.resolve;\nexports.missing = () => require('feedwright-core:src/other.ts');\n`, 'def456');
    const { exports } = runCached(file, 'build-extract', { env, tmpdir: temp, modules });
    expect(asked).toBe(0);
    expect((exports.bump as () => number)()).toBe(1);
    expect(shared.counter).toBe(1);
    expect(asked).toBe(1);
    expect(exports.resolves).toBe('function');
    expect(() => (exports.missing as () => unknown)()).toThrow(/no shared module feedwright-core:src\/other\.ts/);
    expect((exports.run as (x: number) => number)(1)).toBe(1 + 1 + 2 + 2 + 29 + 29);
    saveAll();
    expect(files(temp)).toEqual([`${nameOf('build-extract', 'def456')}.1.bin`]);
  });

  it('runs the script as a CommonJS module: its exports, __filename, __dirname and a require of its own', () => {
    const file = script(BODY);
    const { exports } = runCached(file, 'build', { env, tmpdir: mkdtempSync(path.join(tmpdir(), 'fw-cc-')) });
    expect((exports.run as (x: number) => number)(2)).toBe(2 + 1 + 4 + 2 + 58 + 29);
    expect(exports.filename).toBe(file);
    expect(exports.dirname).toBe(path.dirname(file));
    expect(exports.required).toBe('function');
  });

  it('runs a script written inside its module function (as scripts/bundle.ts writes them) as it is, through its cache', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-code-cache-'));
    const file = path.join(dir, 'main.cjs');
    writeFileSync(file, `// feedwright-cli abc123\n${SCRIPT_HEAD}${BODY}// script ${++scripts}${SCRIPT_TAIL}`);
    const temp = mkdtempSync(path.join(tmpdir(), 'fw-cc-'));
    const first = runCached(file, 'build', { env, tmpdir: temp });
    expect((first.exports.run as (x: number) => number)(2)).toBe(2 + 1 + 4 + 2 + 58 + 29);
    expect(first.exports.filename).toBe(file);
    expect(first.exports.required).toBe('function');
    first.save();
    expect(files(temp)).toEqual([`${nameOf('build')}.1.bin`]);
  });

  it('writes `.1.bin` on the first run, `.bin` (dropping `.1.bin`) on the second, and nothing after', () => {
    const file = script(BODY);
    const temp = mkdtempSync(path.join(tmpdir(), 'fw-cc-'));
    runCached(file, 'build', { env, tmpdir: temp }).save();
    expect(files(temp)).toEqual([`${nameOf('build')}.1.bin`]);
    runCached(file, 'build', { env, tmpdir: temp }).save();
    expect(files(temp)).toEqual([`${nameOf('build')}.bin`]);
    const written = statSync(path.join(temp, CACHE_FOLDER, `${nameOf('build')}.bin`)).mtimeMs;
    const third = runCached(file, 'build', { env, tmpdir: temp });
    third.save();
    expect(files(temp)).toEqual([`${nameOf('build')}.bin`]);
    expect(statSync(path.join(temp, CACHE_FOLDER, `${nameOf('build')}.bin`)).mtimeMs).toBe(written);
    // Each tag has its own cache.
    runCached(file, 'worker', { env, tmpdir: temp }).save();
    expect(files(temp)).toEqual([`${nameOf('build')}.bin`, `${nameOf('worker')}.1.bin`]);
  });

  it('writes nothing until save() is called, and at most once', () => {
    const file = script(BODY);
    const temp = mkdtempSync(path.join(tmpdir(), 'fw-cc-'));
    const run = runCached(file, 'build', { env, tmpdir: temp });
    expect(files(temp)).toEqual([]);
    run.save();
    const size = statSync(path.join(temp, CACHE_FOLDER, `${nameOf('build')}.1.bin`)).size;
    writeFileSync(path.join(temp, CACHE_FOLDER, `${nameOf('build')}.1.bin`), 'x');
    run.save();
    expect(readFileSync(path.join(temp, CACHE_FOLDER, `${nameOf('build')}.1.bin`), 'utf8')).toBe('x');
    expect(size).toBeGreaterThan(1);
  });

  it('a damaged cache or one made for another script is rejected, harmlessly: the script runs and the cache starts again', () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'fw-cc-'));
    const dir = path.join(temp, CACHE_FOLDER);
    mkdirSync(dir, { recursive: true });
    for (const bad of [Buffer.from('not a code cache at all'), Buffer.alloc(4096, 7)]) {
      const file = script(BODY);
      writeFileSync(path.join(dir, `${nameOf('build')}.bin`), bad);
      const run = runCached(file, 'build', { env, tmpdir: temp });
      expect((run.exports.run as (x: number) => number)(1)).toBe(1 + 1 + 2 + 2 + 29 + 29);
      run.save();
      // The bad `.bin` is gone; this run's cache is the first stage again.
      expect(files(temp)).toEqual([`${nameOf('build')}.1.bin`]);
      runCached(file, 'build', { env, tmpdir: temp }).save();
      expect(files(temp)).toEqual([`${nameOf('build')}.bin`]);
    }
    // A valid cache of a different script (another build of the CLI stored under this name).
    const other = script(`exports.run = () => 'other';\n${'// padding\n'.repeat(5)}`);
    const otherTemp = mkdtempSync(path.join(tmpdir(), 'fw-cc-'));
    runCached(other, 'build', { env, tmpdir: otherTemp }).save();
    const [otherCache] = files(otherTemp);
    writeFileSync(path.join(dir, `${nameOf('build')}.bin`), readFileSync(path.join(otherTemp, CACHE_FOLDER, otherCache as string)));
    const run = runCached(script(BODY), 'build', { env, tmpdir: temp });
    expect((run.exports.run as (x: number) => number)(1)).toBe(64);
    run.save();
    expect(files(temp)).toEqual([`${nameOf('build')}.1.bin`]);
  });

  it('the key is the hash on the first line: a changed script gets a cache of its own', () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'fw-cc-'));
    runCached(script(BODY, 'aaaa'), 'build', { env, tmpdir: temp }).save();
    runCached(script(BODY.replace('f29(x)', 'f28(x)'), 'bbbb'), 'build', { env, tmpdir: temp }).save();
    expect(files(temp)).toEqual([`${nameOf('build', 'aaaa')}.1.bin`, `${nameOf('build', 'bbbb')}.1.bin`]);
    expect(scriptKey('// feedwright-cli 0f9a\nrest')).toBe('0f9a');
    expect(scriptKey('"use strict";\n')).toBeUndefined();
  });

  it('no cache without the hash line, nor with NODE_DISABLE_COMPILE_CACHE; an unwritable folder only costs the speed', () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'fw-cc-'));
    const plain = path.join(mkdtempSync(path.join(tmpdir(), 'fw-cc-')), 'plain.cjs');
    writeFileSync(plain, BODY);
    runCached(plain, 'build', { env, tmpdir: temp }).save();
    runCached(script(BODY), 'build', { env: { NODE_DISABLE_COMPILE_CACHE: '1' }, tmpdir: temp }).save();
    expect(files(temp)).toEqual([]);
    // A file where the cache folder should be: mkdir fails, and the run still works.
    const blocked = mkdtempSync(path.join(tmpdir(), 'fw-cc-'));
    writeFileSync(path.join(blocked, CACHE_FOLDER), '');
    const run = runCached(script(BODY), 'build', { env, tmpdir: blocked });
    expect(() => run.save()).not.toThrow();
    expect((run.exports.run as (x: number) => number)(0)).toBe(1 + 2 + 29);
    // A read-only cache folder (unless running as root, which may write anyway).
    const readOnly = mkdtempSync(path.join(tmpdir(), 'fw-cc-'));
    mkdirSync(path.join(readOnly, CACHE_FOLDER));
    chmodSync(path.join(readOnly, CACHE_FOLDER), 0o500);
    expect(() => runCached(script(BODY), 'build', { env, tmpdir: readOnly }).save()).not.toThrow();
  });
});
