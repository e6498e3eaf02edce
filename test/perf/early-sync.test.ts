import { readdirSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { build, createBuildSession } from '../../src/build.js';
import { EARLY_SYNC } from '../../src/feeds/compose.js';
import { makeProject, NOW, reference, sampleArticles, snapshot, writeArticle } from './helpers.js';

/** The prototype every `fs/promises` FileHandle shares (the class is not exported). */
async function fileHandlePrototype(): Promise<{ datasync: () => Promise<void> }> {
  const file = path.join(os.tmpdir(), `feedwright-early-sync-${process.pid}`);
  writeFileSync(file, '');
  const handle = await open(file, 'r');
  const proto = Object.getPrototypeOf(handle) as { datasync: () => Promise<void> };
  await handle.close();
  return proto;
}

const temps = (dir: string): string[] => readdirSync(path.join(dir, 'dist')).filter((f) => f.endsWith('.tmp'));

/*
 * A one-off build flushes each feed to disk before its commit. It starts flushing while the feed
 * is written (`EARLY_SYNC`: each `every` bytes, a `datasync` not waited for), so that the disk
 * writes a big rebuild's feeds while they are composed and the `fsync` before the commit has little
 * left. A watch session flushes its files only once they are in place: none early.
 */
describe('feeds are flushed to disk while they are written (one-off builds)', () => {
  const saved = { ...EARLY_SYNC };
  beforeEach(() => {
    EARLY_SYNC.every = 1;
  });
  afterEach(() => {
    Object.assign(EARLY_SYNC, saved);
    vi.restoreAllMocks();
  });

  it('a one-off rebuild starts flushes while it copies and writes, and writes the bytes of a build without cache', async () => {
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    await build({ cwd: dir, now: NOW });
    const datasync = vi.spyOn(await fileHandlePrototype(), 'datasync');
    writeArticle(dir, 'one.md', '---\ntitle: One again\ndate: 2024-01-02\n---\nRewritten.\n', new Date());
    const result = await build({ cwd: dir, now: NOW });
    expect(result.work.copied).toBeGreaterThan(0);
    expect(datasync).toHaveBeenCalled();
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });

  it('none with `every` at 0, nor in a watch session', async () => {
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    const datasync = vi.spyOn(await fileHandlePrototype(), 'datasync');
    const options = { cwd: dir, now: NOW, session: createBuildSession() };
    await build(options);
    writeArticle(dir, 'one.md', '---\ntitle: One again\ndate: 2024-01-02\n---\nRewritten.\n', new Date());
    await build(options);
    EARLY_SYNC.every = 0;
    writeArticle(dir, 'one.md', '---\ntitle: One once more\ndate: 2024-01-02\n---\nRewritten again.\n', new Date());
    await build({ cwd: dir, now: NOW });
    expect(datasync).not.toHaveBeenCalled();
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });

  it('a failed early flush fails the build: the old feeds stay, no temporary file is left', async () => {
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    await build({ cwd: dir, now: NOW });
    const before = snapshot(dir);
    vi.spyOn(await fileHandlePrototype(), 'datasync').mockRejectedValue(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    writeArticle(dir, 'one.md', '---\ntitle: One again\ndate: 2024-01-02\n---\nRewritten.\n', new Date());
    await expect(build({ cwd: dir, now: NOW })).rejects.toThrow();
    expect(snapshot(dir)).toEqual(before);
    expect(temps(dir)).toEqual([]);
  });
});
