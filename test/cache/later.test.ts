import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, loadArticles, resolvePaths } from '../../src/build.js';
import { drain, LaterWrites, type Steps } from '../../src/cache/steps.js';
import { buildAt, makeProject, NOW, sampleArticles } from '../perf/helpers.js';

/*
 * The cache's writes a build leaves for later (src/cache/steps.ts, `CacheOptions.later`): the heads
 * are written a step at a time while the build writes its feeds, and always before the build
 * returns, whether it succeeded or not.
 */

const cacheDir = (dir: string): string => path.join(dir, '.cache', 'feedwright');
const cacheFile = (dir: string, prefix: string): string | undefined => {
  const name = existsSync(cacheDir(dir)) ? readdirSync(cacheDir(dir)).find((n) => n.startsWith(prefix)) : undefined;
  return name && path.join(cacheDir(dir), name);
};

/** The sample articles but the one dated relative to the clock (never cached). */
function articles(): Record<string, string> {
  const { 'recent.txt': _recent, ...rest } = sampleArticles();
  return rest;
}

function* logged(log: string[], name: string, count: number): Steps<number> {
  for (let i = 0; i < count; i++) {
    log.push(`${name}${i}`);
    yield;
  }
  return count;
}

describe('later writes', () => {
  it('run a step per turn of the event loop, with I/O callbacks between two steps', async () => {
    const log: string[] = [];
    const later = new LaterWrites();
    later.add(logged(log, 's', 40));
    later.start();
    // Another task's reads complete while the steps run: their callbacks come between two steps.
    for (let i = 0; i < 3; i++) {
      await readFile(import.meta.filename);
      log.push('io');
    }
    await later.finish();
    expect(log.filter((l) => l.startsWith('s'))).toEqual(Array.from({ length: 40 }, (_, i) => `s${i}`));
    const firstIo = log.indexOf('io');
    expect(firstIo).toBeGreaterThan(0);
    expect(firstIo).toBeLessThan(log.length - 1);
  });

  it('finish runs what was not started, or added after the loop ended, all at once', async () => {
    const log: string[] = [];
    const later = new LaterWrites();
    later.add(logged(log, 'a', 3));
    await later.finish();
    expect(log).toEqual(['a0', 'a1', 'a2']);
    later.start();
    later.add(logged(log, 'b', 2));
    await later.finish();
    expect(log).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
    expect(drain(logged([], 'c', 5))).toBe(5);
  });

  it('a cold load leaves the heads to `later`: written when it runs, and the next build serves every article from them', async () => {
    const dir = makeProject(articles());
    const later = new LaterWrites();
    const loaded = await loadArticles(resolvePaths({ cwd: dir }), NOW, undefined, undefined, undefined, { later });
    expect(loaded.work.parsed).toBeGreaterThan(0);
    expect(cacheFile(dir, 'articles.pack')).toBeDefined();
    // The state is written by the save, not left to `later`: its stamps are not held meanwhile.
    expect(cacheFile(dir, 'state-')).toBeDefined();
    expect(cacheFile(dir, 'heads-')).toBeUndefined();
    await later.finish();
    expect(cacheFile(dir, 'heads-')).toBeDefined();
    expect(cacheFile(dir, 'state-')).toBeDefined();
    const next = await buildAt(dir);
    expect(next.work.parsed).toBe(0);
    expect(next.work.decoded).toBe(0);
  });

  it('a build that fails after loading its articles still writes the heads and the state before it throws', async () => {
    // Heads of ~2 MB: written in several steps, more than the failed build's turns of the event loop.
    const many: Record<string, string> = {};
    const tags = Array.from({ length: 60 }, (_, t) => `tag-${t}-${'x'.repeat(30)}`).join(', ');
    for (let i = 0; i < 600; i++) many[`p${i}.md`] = `---\ntitle: Post ${i}\ndate: 2024-01-02\ntags: [${tags}]\n---\nBody ${i}.\n`;
    const dir = makeProject(many);
    // The output folder is a regular file: the build fails once its articles are loaded.
    writeFileSync(path.join(dir, 'dist'), 'not a folder');
    await expect(build({ cwd: dir, now: NOW })).rejects.toThrow();
    expect(cacheFile(dir, 'heads-')).toBeDefined();
    expect(cacheFile(dir, 'state-')).toBeDefined();
    expect(readdirSync(cacheDir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Every article is served from them once the output folder can be written.
    rmSync(path.join(dir, 'dist'));
    const next = await buildAt(dir);
    expect(next.work.parsed).toBe(0);
    expect(next.work.decoded).toBe(0);
  });
});
