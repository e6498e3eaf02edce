/**
 * A cold build whose cache holds nothing yet and that parses on workers reads its Markdown and HTML
 * sources when their parse jobs are handed out, not all before the first job (src/pipeline/load.ts
 * `Source.late`): the same articles, diagnostics and feeds as a build that reads them first.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build, loadArticles, resolvePaths } from '../../src/build.js';
import { makeProject, NOW, sampleArticles, snapshot } from '../perf/helpers.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The sample articles, more Markdown, and one Latin-1 file (not UTF-8: it fails to decode). */
function articles(): Record<string, string> {
  const files = sampleArticles();
  for (let i = 0; i < 40; i++) files[`more/m${i}.md`] = `---\ntitle: Post ${i}\ndate: 2024-03-${String((i % 28) + 1).padStart(2, '0')}\n---\nBody ${i} with *emphasis*.\n`;
  return files;
}

function project(cache: string | false): string {
  const dir = makeProject(articles(), cache);
  writeFileSync(path.join(dir, 'articles', 'latin.md'), Buffer.from('---\ntitle: Caf\xe9\ndate: 2024-04-01\n---\nD\xe9j\xe0 vu.\n', 'latin1'));
  return dir;
}

describe('sources read when their parse job is handed out', () => {
  it('reads every Markdown and HTML source of a cold build late, with the same result as reading them first', async () => {
    for (const cache of ['.cache/feedwright', false] as const) {
      vi.stubEnv('FEEDWRIGHT_WORKERS', '1');
      const late = project(cache);
      const loaded = await loadArticles(resolvePaths({ cwd: late, now: NOW }), NOW);
      loaded.spool?.dispose();
      // Every source but the two scraped-text ones (read first, for the site template).
      // Every source but the two scraped-text ones (read first, for the site template) and the Latin-1 one,
      // which does not decode: left to the serial pass after the pool, which reports it.
      expect(loaded.work.readAtHandout).toBe(Object.keys(articles()).length - 2);
      expect(loaded.diagnostics.filter((d) => d.file === 'articles/latin.md').map((d) => d.code)).toEqual(['SOURCE_INVALID_UTF8']);
      rmSync(path.join(late, '.cache'), { recursive: true, force: true });
      const lateResult = await build({ cwd: late, now: NOW });

      // No workers: every source is read first.
      vi.stubEnv('FEEDWRIGHT_WORKERS', '0');
      const first = project(cache);
      const firstLoaded = await loadArticles(resolvePaths({ cwd: first, now: NOW }), NOW);
      firstLoaded.spool?.dispose();
      expect(firstLoaded.work.readAtHandout).toBe(0);
      expect(loaded.diagnostics).toEqual(firstLoaded.diagnostics);
      expect(loaded.counts).toEqual(firstLoaded.counts);
      expect(loaded.work.parsed).toBe(firstLoaded.work.parsed);
      expect(loaded.articles.map((a) => a.id.value)).toEqual(firstLoaded.articles.map((a) => a.id.value));
      rmSync(path.join(first, '.cache'), { recursive: true, force: true });
      const firstResult = await build({ cwd: first, now: NOW });
      expect(lateResult.diagnostics).toEqual(firstResult.diagnostics);
      expect(snapshot(late)).toEqual(snapshot(first));
    }
  });

  it('reads them first once the cache has a pack, which may hold their results', async () => {
    vi.stubEnv('FEEDWRIGHT_WORKERS', '1');
    const dir = project('.cache/feedwright');
    await build({ cwd: dir, now: NOW });
    const bytes = snapshot(dir);
    // New stamps for every file (a fresh checkout): the cache vouches for none, but its pack has their entries.
    rmSync(path.join(dir, 'dist'), { recursive: true });
    for (const f of ['one.md', 'two.md']) writeFileSync(path.join(dir, 'articles', f), articles()[f] as string);
    const loaded = await loadArticles(resolvePaths({ cwd: dir, now: NOW }), NOW);
    loaded.spool?.dispose();
    expect(loaded.work.readAtHandout).toBe(0);
    await build({ cwd: dir, now: NOW });
    expect(snapshot(dir)).toEqual(bytes);
  });
});
