import { readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAt, expectSameAsUncached, makeProject, sampleArticles, writeArticle } from './helpers.js';

/*
 * Rebuild after rebuild, the cache's state and heads are updated by appended frames
 * (src/cache/frames.ts): every build's output must stay byte for byte what a build without any
 * cache makes of the same articles, also after a build was killed while appending (a torn tail).
 */

const cacheFile = (dir: string, prefix: string): string => {
  const cache = path.join(dir, '.cache', 'feedwright');
  return path.join(cache, readdirSync(cache).find((n) => n.startsWith(prefix)) ?? 'missing');
};

/** How many frames the file holds (one header line per frame). */
const frames = (file: string, format: string): number => readFileSync(file, 'latin1').split(format).length - 1;

describe('rebuilds with appended cache frames', () => {
  it('edits, additions, deletions and renames, one build each: the bytes of an uncached build every time, torn tails included', async () => {
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    // Enough articles that one file's change is a small part of the state (a bigger one is rewritten whole).
    const filler: Record<string, string> = {};
    for (let i = 0; i < 40; i++) filler[`more/m${i}.md`] = `---\ntitle: More ${i}\ndate: 2023-01-${String((i % 28) + 1).padStart(2, '0')}\n---\nFiller ${i}.\n`;
    const dir = makeProject({ ...articles, ...filler });
    await buildAt(dir);
    const steps: Array<() => void> = [
      () => writeArticle(dir, 'one.md', '---\ntitle: One\ndate: 2024-01-02\nauthor: Ann\ntags: [a, b]\n---\nFirst *post*, edited.\n', new Date()),
      () => writeArticle(dir, 'added.md', '---\ntitle: Added\ndate: 2024-04-05\n---\nNew here.\n', new Date()),
      () => rmSync(path.join(dir, 'articles', 'two.md')),
      () => renameSync(path.join(dir, 'articles', 'added.md'), path.join(dir, 'articles', 'nested', 'moved.md')),
      () => writeArticle(dir, 'page.txt', readFileSync(path.join(dir, 'articles', 'page.txt'), 'utf8').replace('library hours', 'pool hours'), new Date()),
      () => writeArticle(dir, 'nested/three.md', '---\ntitle: Three, again\ndate: 2023-05-07\n---\nThird, edited.\n', new Date()),
    ];
    for (const step of steps) {
      step();
      await expectSameAsUncached(dir);
    }
    const heads = cacheFile(dir, 'heads-');
    const state = cacheFile(dir, 'state-');
    // The later builds appended their changes instead of rewriting the files.
    expect(frames(heads, 'feedwright-heads-')).toBeGreaterThan(2);
    expect(frames(state, 'feedwright-cache-state-')).toBeGreaterThan(2);

    // A build killed while appending: the last frame of each file cut short.
    truncateSync(heads, statSync(heads).size - 7);
    truncateSync(state, statSync(state).size - 7);
    writeArticle(dir, 'one.md', '---\ntitle: One\ndate: 2024-01-02\nauthor: Ann\ntags: [a, b]\n---\nFirst *post*, edited twice.\n', new Date());
    await expectSameAsUncached(dir);
    writeArticle(dir, 'undated.md', '---\ntitle: Undated\n---\nDated by its file time, edited.\n', new Date());
    await expectSameAsUncached(dir);
  });
});
