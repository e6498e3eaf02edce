import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles, resolvePaths } from '../../src/build.js';
import { buildAt, makeProject, NOW, sampleArticles } from './helpers.js';

/*
 * Render keys (src/pipeline/load.ts `renderKeyOf`): an article whose result does not depend on its
 * file's mtime is named by its cache key, so a rebuild hashes nothing more for it; one dated by
 * its mtime by a hash of the key and that mtime, never by the key alone.
 */

/** The keys of the cache's heads file (each line after a frame's first starts with one). */
function headKeys(dir: string): Set<string> {
  const cache = path.join(dir, '.cache', 'feedwright');
  const file = path.join(cache, readdirSync(cache).find((n) => n.startsWith('heads-')) as string);
  return new Set(
    readFileSync(file, 'latin1')
      .split('\n')
      .map((line) => line.slice(0, 64))
      .filter((k) => /^[0-9a-f]{64}$/.test(k)),
  );
}

describe('render keys', () => {
  it("are the cache keys of articles that do not depend on their mtime, and another hash for one dated by it", async () => {
    const { 'recent.txt': _recent, ...files } = sampleArticles();
    const dir = makeProject(files);
    await buildAt(dir);
    const keys = headKeys(dir);
    const loaded = await loadArticles(resolvePaths({ cwd: dir, now: NOW }), NOW);
    const byPath = new Map(loaded.articles.map((a) => [a.relPath, loaded.renderKeys.get(a)]));
    for (const rel of ['one.md', 'two.md', 'nested/three.md', 'page.html']) expect(keys.has(byPath.get(rel) as string), rel).toBe(true);
    const undated = byPath.get('undated.md');
    expect(undated).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.has(undated as string)).toBe(false);
  });
});
