import { existsSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, createBuildSession } from '../../src/build.js';
import { makeProject, NOW, reference, sampleArticles, snapshot } from './helpers.js';

/*
 * A watch session keeps the last build's cache entries in memory (BuildOptions.session): a
 * rebuild takes them from there instead of the pack. The results must not change.
 */
describe('build session (watch mode)', () => {
  const { 'recent.txt': _recent, ...articles } = sampleArticles();

  it('serves unchanged articles from memory: the pack is not even read', async () => {
    const dir = makeProject(articles);
    const session = createBuildSession();
    await build({ cwd: dir, now: NOW, session });
    const bytes = snapshot(dir);
    const pack = path.join(dir, '.cache', 'feedwright', 'articles.pack');
    rmSync(pack);
    rmSync(path.join(dir, 'dist'), { recursive: true });
    await build({ cwd: dir, now: NOW, session });
    expect(snapshot(dir)).toEqual(bytes);
    // Nothing was parsed, so nothing was stored: the pack was never opened, let alone rewritten.
    expect(existsSync(pack)).toBe(false);
    // Without the session the articles are parsed again (and stored), with the same result.
    rmSync(path.join(dir, 'dist'), { recursive: true });
    await build({ cwd: dir, now: NOW });
    expect(existsSync(pack)).toBe(true);
    expect(snapshot(dir)).toEqual(bytes);
  });

  it('still checks what an entry depends on beyond its key: an mtime-dated article follows its mtime', async () => {
    const dir = makeProject(articles);
    const session = createBuildSession();
    await build({ cwd: dir, now: NOW, session });
    const undated = path.join(dir, 'articles', 'undated.md');
    const later = new Date('2025-09-09T09:09:09Z');
    utimesSync(undated, later, later);
    await build({ cwd: dir, now: NOW, session });
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
    expect(snapshot(dir)['feed.json']).toContain('2025-09-09T09:09:09Z');
  });
});
