import { fstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build, createBuildSession } from '../../src/build.js';
import { makeProject, NOW, reference, snapshot, writeArticle } from './helpers.js';

/*
 * When the new feeds are flushed to disk: a one-off build flushes its temporary files before it
 * renames them over the old ones; a watch session's build once they are in place, so that a save
 * does not wait for the disk (src/build.ts `flushPlaced`). Either way every new file is flushed
 * before the build resolves, and the bytes are the same.
 */
describe('flushing the new feeds', () => {
  const post = (i: number, extra = ''): string => `---\ntitle: Post ${i}\ndate: 2024-01-0${i}T08:00:00Z\n---\nBody of post ${i}.${extra}\n`;
  const files = (): Record<string, string> => ({ 'p1.md': post(1), 'p2.md': post(2), 'p3.md': post(3) });

  /**
   * Runs `build`, then tells whether the new feed.json was flushed while it ran (`undefined`: it
   * was not), and if so whether it was already in place (renamed over the old one) then, and
   * whether the output record named it (its inode) yet.
   */
  async function flushOfNewFeed(dir: string, run: () => Promise<unknown>): Promise<{ inPlace: boolean; recorded: boolean } | undefined> {
    const feed = path.join(dir, 'dist', 'feed.json');
    const probe = await open(feed, 'r');
    const proto = Object.getPrototypeOf(probe) as FileHandle;
    await probe.close();
    const cache = path.join(dir, '.cache', 'feedwright');
    const record = (): string => readFileSync(path.join(cache, readdirSync(cache).find((f) => f.startsWith('outputs-')) ?? ''), 'utf8');
    const seen: { ino: number; inPlace: boolean; recorded: boolean }[] = [];
    const sync = proto.sync;
    vi.spyOn(proto, 'sync').mockImplementation(function (this: FileHandle) {
      const ino = fstatSync(this.fd).ino;
      seen.push({ ino, inPlace: ino === statSync(feed).ino, recorded: record().includes(`"ino":${ino},`) });
      return sync.call(this);
    });
    await run();
    vi.restoreAllMocks();
    const flush = seen.find((s) => s.ino === statSync(feed).ino);
    return flush && { inPlace: flush.inPlace, recorded: flush.recorded };
  }

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a one-off build flushes the new files before they replace the old ones', async () => {
    const dir = makeProject(files());
    await build({ cwd: dir, now: NOW });
    writeArticle(dir, 'p2.md', post(2, ' Edited.'));
    expect(await flushOfNewFeed(dir, () => build({ cwd: dir, now: NOW }))).toEqual({ inPlace: false, recorded: false });
    expect(snapshot(dir)['feed.json']).toContain('Edited.');
  });

  it('a watch session flushes them once they are in place, before the output record; same bytes', async () => {
    const dir = makeProject(files());
    const session = createBuildSession();
    await build({ cwd: dir, now: NOW, session });
    writeArticle(dir, 'p2.md', post(2, ' Edited.'));
    // In place, and flushed before the record that names its stamp is written.
    expect(await flushOfNewFeed(dir, () => build({ cwd: dir, now: NOW, session }))).toEqual({ inPlace: true, recorded: false });
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });
});
