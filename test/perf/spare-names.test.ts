import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { build, createBuildSession, SPARE_LIMITS } from '../../src/build.js';
import { makeProject, NOW, reference, sampleArticles, snapshot, writeArticle } from './helpers.js';

/** Every `link` the build makes, with what the new name held right after it was made. */
const links = vi.hoisted(() => [] as { from: string; to: string; ino: number; bytes: string }[]);

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const { readFileSync: read, statSync: stat } = await import('node:fs');
  return {
    ...real,
    link: async (from: string, to: string) => {
      await real.link(from, to);
      links.push({ from: String(from), to: String(to), ino: stat(to).ino, bytes: read(to, 'utf8') });
    },
  };
});

/** Every file under dist/, dotfiles too. */
function allFiles(dir: string): string[] {
  return readdirSync(path.join(dir, 'dist'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(path.join(dir, 'dist'), path.join(e.parentPath, e.name)));
}

/*
 * A build keeps a second name (a hard link) for each big feed it replaces until the new files are
 * in place: the rename then only moves a name, and the old file's blocks are freed after it.
 */
describe('replaced feeds keep a spare name until the new ones are in place', () => {
  const limit = SPARE_LIMITS.minBytes;
  beforeEach(() => {
    links.length = 0;
    SPARE_LIMITS.minBytes = 1;
  });
  afterEach(() => {
    SPARE_LIMITS.minBytes = limit;
  });

  it('a one-off build links each replaced feed too (the old blocks are freed while its record is written), and leaves none', async () => {
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    await build({ cwd: dir, now: NOW });
    expect(links).toEqual([]);
    const before = snapshot(dir);
    writeArticle(dir, 'one.md', '---\ntitle: One again\ndate: 2024-01-02\n---\nRewritten.\n', new Date());
    await build({ cwd: dir, now: NOW });
    expect(links.map((l) => path.relative(path.join(dir, 'dist'), l.from)).sort()).toEqual(['atom.xml', 'feed.json', 'rss.xml']);
    for (const l of links) {
      expect(l.bytes).toBe(before[path.relative(path.join(dir, 'dist'), l.from)]);
      expect(existsSync(l.to)).toBe(false);
    }
    expect(allFiles(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });

  it('a watch session links each replaced feed before its rename, removes the links after, with the bytes of a build without cache', async () => {
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    const options = { cwd: dir, now: NOW, session: createBuildSession() };
    await build(options);
    expect(links).toEqual([]);
    const before = snapshot(dir);
    const inodes = Object.fromEntries(['rss.xml', 'atom.xml', 'feed.json'].map((n) => [n, statSync(path.join(dir, 'dist', n)).ino]));
    writeArticle(dir, 'one.md', '---\ntitle: One again\ndate: 2024-01-02\n---\nRewritten.\n', new Date());
    await build(options);
    const linked = links.map((l) => path.relative(path.join(dir, 'dist'), l.from)).sort();
    expect(linked).toEqual(['atom.xml', 'feed.json', 'rss.xml']);
    for (const l of links) {
      const name = path.relative(path.join(dir, 'dist'), l.from);
      // The old file, under a name the next build's removal of stale temporary files knows.
      expect(l.ino).toBe(inodes[name]);
      expect(l.bytes).toBe(before[name]);
      expect(path.basename(l.to)).toMatch(/^\.[^/]+\.\d+-[a-z0-9]+\.tmp$/);
      expect(existsSync(l.to)).toBe(false);
    }
    expect(allFiles(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });

  it('a watch session leaves small files without one, and a spare left by a killed build is removed by the next', async () => {
    SPARE_LIMITS.minBytes = limit;
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    const session = createBuildSession();
    await build({ cwd: dir, now: NOW, session });
    const left = path.join(dir, 'dist', '.rss.xml.old.123-abc.tmp');
    writeFileSync(left, readFileSync(path.join(dir, 'dist', 'rss.xml')));
    writeArticle(dir, 'one.md', '---\ntitle: One again\ndate: 2024-01-02\n---\nRewritten.\n', new Date());
    await build({ cwd: dir, now: NOW, session });
    expect(links).toEqual([]);
    expect(existsSync(left)).toBe(false);
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });
});
