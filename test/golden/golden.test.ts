/**
 * Golden end-to-end cases: test/golden/cases/<case>/{case.json, articles/, expected/}.
 * Each case is built with a fixed clock and fixed file times; every file the build writes must
 * equal expected/ byte for byte. `explain: true` also checks `feedwright explain --json`.
 *
 * After an intended change: UPDATE_GOLDEN=1 npx vitest run test/golden, then review the diff
 * of expected/ like code.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { resolveConfig } from '../../src/config/load.js';
import { explain } from '../../src/explain.js';
import { checkFeed } from '../../src/validate/index.js';
import { TEST_MTIME, TEST_NOW } from '../helpers/project.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CASES = path.join(import.meta.dirname, 'cases');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface CaseSpec {
  description: string;
  articlesFrom?: string;
  configFrom?: string;
  config?: Record<string, unknown>;
  explain?: boolean;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Copy the case into a temp project with fixed mtimes; return its folder and resolved config. */
function prepare(name: string): { dir: string; spec: CaseSpec } {
  const caseDir = path.join(CASES, name);
  const spec = JSON.parse(readFileSync(path.join(caseDir, 'case.json'), 'utf8')) as CaseSpec;
  const dir = mkdtempSync(path.join(tmpdir(), `feedwright-golden-${name}-`));
  const articlesSrc = spec.articlesFrom ? path.join(ROOT, spec.articlesFrom) : path.join(caseDir, 'articles');
  cpSync(articlesSrc, path.join(dir, 'articles'), { recursive: true });
  for (const f of listFiles(path.join(dir, 'articles'))) utimesSync(path.join(dir, 'articles', f), TEST_MTIME, TEST_MTIME);
  const base = spec.configFrom ? (JSON.parse(readFileSync(path.join(ROOT, spec.configFrom), 'utf8')) as Record<string, unknown>) : {};
  const config = { ...base, git: false, cache: false, ...spec.config };
  resolveConfig(config); // fail early on a bad case config
  writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify(config, null, 2));
  return { dir, spec };
}

const cases = readdirSync(CASES).filter((c) => existsSync(path.join(CASES, c, 'case.json')));

describe.each(cases)('golden case %s', (name) => {
  it('builds exactly the expected files, which pass feedwright check', async () => {
    const { dir } = prepare(name);
    await build({ cwd: dir, now: TEST_NOW });
    const outDir = path.join(dir, 'dist');
    const expectedDir = path.join(CASES, name, 'expected');
    const built = listFiles(outDir);
    if (UPDATE) {
      rmSync(expectedDir, { recursive: true, force: true });
      for (const f of built) {
        mkdirSync(path.dirname(path.join(expectedDir, f)), { recursive: true });
        cpSync(path.join(outDir, f), path.join(expectedDir, f));
      }
    }
    expect(built).toEqual(listFiles(expectedDir).filter((f) => f !== 'explain.json'));
    for (const f of built) {
      const actual = readFileSync(path.join(outDir, f), 'utf8');
      expect(actual, `${name}/${f}`).toBe(readFileSync(path.join(expectedDir, f), 'utf8'));
      if (/\.(xml|json)$/.test(f)) expect(checkFeed(f, actual).filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('builds the same bytes twice, and the same bytes from a fresh folder', async () => {
    const a = prepare(name);
    const b = prepare(name);
    await build({ cwd: a.dir, now: TEST_NOW });
    const first = listFiles(path.join(a.dir, 'dist')).map((f) => readFileSync(path.join(a.dir, 'dist', f), 'utf8'));
    const second = await build({ cwd: a.dir, now: TEST_NOW });
    expect(second.files.every((f) => f.status === 'unchanged')).toBe(true);
    await build({ cwd: b.dir, now: TEST_NOW });
    expect(listFiles(path.join(b.dir, 'dist')).map((f) => readFileSync(path.join(b.dir, 'dist', f), 'utf8'))).toEqual(first);
  });
});

const explainCases = cases.filter((c) => (JSON.parse(readFileSync(path.join(CASES, c, 'case.json'), 'utf8')) as CaseSpec).explain === true);

describe.each(explainCases)('golden explain %s', (name) => {
  it('explains every article as expected (explain --json)', async () => {
    const { dir } = prepare(name);
    const files = listFiles(path.join(dir, 'articles')).map((f) => `articles/${f}`);
    const result = await explain(files, { cwd: dir, now: TEST_NOW });
    const text = `${JSON.stringify(result, null, 2)}\n`;
    const expectedFile = path.join(CASES, name, 'expected', 'explain.json');
    if (UPDATE) writeFileSync(expectedFile, text);
    expect(text).toBe(readFileSync(expectedFile, 'utf8'));
  });

});
