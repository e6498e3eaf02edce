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
import { formatRfc3339 } from '../../src/meta/format.js';
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

/**
 * `explain` and `build` run one article pipeline (src/pipeline/article.ts) on the same inputs
 * (listing, decoding, site template, git dates): every item a build publishes is explained with
 * exactly its fields, and an article explained as published but not built is one the build left
 * out for a reason across articles (a duplicate, a listing page), named on that file.
 */
describe.each(cases)('golden explain = build %s', (name) => {
  it("explains each built item with the item's own title, authors, dates, link, id, summary, tags and content", async () => {
    const { dir } = prepare(name);
    const built = await build({ cwd: dir, now: TEST_NOW, dryRun: true });
    const files = listFiles(path.join(dir, 'articles')).map((f) => `articles/${f}`);
    const explained = new Map((await explain(files, { cwd: dir, now: TEST_NOW })).map((e) => [e.source, e]));
    expect((await built.articles()).length).toBeGreaterThan(0);
    for (const a of (await built.articles())) {
      const e = explained.get(a.displayPath);
      expect(e?.status, a.displayPath).toBe('published');
      const fields = (x: typeof e) => ({ title: x?.title, authors: x?.authors, published: x?.published, updated: x?.updated, link: x?.link, id: x?.id, summary: x?.summary, tags: x?.tags, contentHtml: x?.contentHtml, contentText: x?.contentText });
      const item = {
        title: a.title.value,
        authors: a.authors.value,
        published: formatRfc3339(a.published.value, a.published.offset),
        updated: formatRfc3339(a.updated.value, a.updated.offset),
        link: a.link.value,
        id: a.id.value,
        summary: a.summary.value,
        tags: a.tags.value,
        contentHtml: a.contentHtml,
        contentText: a.contentText,
      };
      expect(fields(e), a.displayPath).toEqual(item);
    }
    const builtPaths = new Set((await built.articles()).map((a) => a.displayPath));
    const acrossArticles = new Set(['META_DUPLICATE_ID', 'META_DUPLICATE_SLUG', 'META_DUPLICATE_LINK', 'META_NOT_A_POST']);
    for (const e of explained.values()) {
      if (e.status !== 'published' || builtPaths.has(e.source)) continue;
      expect(built.diagnostics.some((d) => d.file === e.source && acrossArticles.has(d.code)), `${e.source} is explained as published but not built`).toBe(true);
    }
  });
});
