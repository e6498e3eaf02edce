import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build, loadArticles, resolvePaths } from '../../src/build.js';
import { expectSameAsUncached, makeProject, NOW, sampleArticles, writeArticle } from './helpers.js';

/*
 * The cache keys kept in the state's stamps (src/cache/state.ts `FileStamp.key`): a rebuild takes
 * an unchanged file's key from its stamp instead of hashing its inputs again, while the format,
 * version, config and the folder's display paths are those it was made with (src/cache/articles.ts
 * `keysContext`). Counted (`work.keyed`: keys hashed), not timed.
 */

const post = (n: number, extra = ''): string => `---\ntitle: Post ${n}\ndate: 2024-01-0${n}\n---\nBody of post ${n}.${extra}\n`;

function project(): string {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 5; i++) files[`p${i}.md`] = post(i);
  files['more/p6.md'] = post(6);
  return makeProject(files);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("cache keys kept in the files' stamps", () => {
  it('a cold build on a parse worker keeps the keys the worker made (sources read late): the next load hashes none', async () => {
    vi.stubEnv('FEEDWRIGHT_WORKERS', '1');
    const files: Record<string, string> = {};
    for (let i = 1; i <= 30; i++) files[`p${i}.md`] = `---\ntitle: Post ${i}\ndate: 2024-03-${String((i % 28) + 1).padStart(2, '0')}\n---\nBody ${i}.\n`;
    const dir = makeProject(files);
    const cold = await build({ cwd: dir, now: NOW });
    expect(cold.work.parsed).toBe(30);
    const loaded = await loadArticles(resolvePaths({ cwd: dir }), NOW);
    expect(loaded.work).toMatchObject({ keyed: 0, parsed: 0, readAtHandout: 0 });
    await expectSameAsUncached(dir);
  });

  it('a rebuild hashes the key of the changed source only, and the build is the same as without a cache', async () => {
    const dir = project();
    await build({ cwd: dir, now: NOW });
    const paths = resolvePaths({ cwd: dir });
    expect((await loadArticles(paths, NOW)).work).toMatchObject({ keyed: 0, parsed: 0 });
    writeArticle(dir, 'p2.md', post(2, ' Edited.'));
    expect((await build({ cwd: dir, now: NOW })).work).toMatchObject({ parsed: 1 });
    expect((await loadArticles(paths, NOW)).work).toMatchObject({ keyed: 0, parsed: 0 });
    writeArticle(dir, 'more/p6.md', post(6, ' Edited.'));
    expect((await loadArticles(resolvePaths({ cwd: dir }), NOW)).work).toMatchObject({ keyed: 1, parsed: 1 });
    await expectSameAsUncached(dir);
  });

  it('another config makes every key again, and so does another display path of the same files', async () => {
    const dir = project();
    await build({ cwd: dir, now: NOW });
    const configFile = path.join(dir, 'feedwright.config.json');
    writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), author: { name: 'Someone Else' } }));
    const other = await loadArticles(resolvePaths({ cwd: dir }), NOW);
    expect(other.work.keyed).toBe(6);
    expect(other.articles.every((a) => a.authors.value[0]?.name === 'Someone Else')).toBe(true);
    expect((await loadArticles(resolvePaths({ cwd: dir }), NOW)).work.keyed).toBe(0);
    // The same articles folder and cache, seen from the articles folder itself: every display path (part of each key) differs.
    const inside = await loadArticles(resolvePaths({ cwd: path.join(dir, 'articles'), configFile }), NOW);
    expect(inside.work.keyed).toBe(6);
    expect(inside.articles.map((a) => a.displayPath).sort()).toEqual(['more/p6.md', 'p1.md', 'p2.md', 'p3.md', 'p4.md', 'p5.md']);
    const back = await loadArticles(resolvePaths({ cwd: dir }), NOW);
    expect(back.work.keyed).toBe(6);
    expect(back.articles.map((a) => a.displayPath).sort()).toEqual(['articles/more/p6.md', ...[1, 2, 3, 4, 5].map((n) => `articles/p${n}.md`)]);
  });

  it('scraped text is keyed every time (its key holds the site template)', async () => {
    const dir = makeProject({ 'one.md': sampleArticles()['one.md'] as string, 'page.txt': sampleArticles()['page.txt'] as string });
    await build({ cwd: dir, now: NOW });
    expect((await loadArticles(resolvePaths({ cwd: dir }), NOW)).work.keyed).toBe(1);
  });
});
