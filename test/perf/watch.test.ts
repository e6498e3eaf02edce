import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeOutput } from '../../src/cli/output.js';
import { DEBOUNCE_MS, watch } from '../../src/cli/watch.js';
import { makeProject, NOW, reference, sampleArticles, sleep, snapshot, writeArticle } from './helpers.js';

/** Bounded wait: the machine may be busy, but a watcher that never rebuilds must fail, not hang. */
const WAIT_MS = 30_000;

async function until(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
}

describe('watch mode', () => {
  it('picks up an added, changed, deleted and renamed article, with the bytes of a full build', async () => {
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    const controller = new AbortController();
    let builds = 0;
    let failures = 0;
    const log: string[] = [];
    const sink = { write: (s: string) => log.push(s) };
    const out = makeOutput({ cwd: dir, env: {}, stdout: sink, stderr: sink }, []);
    const running = watch(
      { cwd: dir, now: NOW },
      out,
      { quiet: true },
      {
        signal: controller.signal,
        debounceMs: 20,
        onBuilt: (_ms, ok) => {
          builds++;
          if (!ok) failures++;
        },
      },
    );
    try {
      await until('the first build and the watcher', () => builds >= 1 && log.some((l) => l.includes('watching')));

      /** Make a change, then wait until the output matches a fresh uncached build of the same articles. */
      const step = async (name: string, change: () => void): Promise<void> => {
        const seen = builds;
        change();
        const expected = (await reference(dir)).files;
        await until(name, () => builds > seen && JSON.stringify(snapshot(dir)) === JSON.stringify(expected));
      };

      await step('an added article', () => writeArticle(dir, 'added.md', '---\ntitle: Added\ndate: 2024-04-05\n---\nNew here.\n', new Date()));
      expect(snapshot(dir)['feed.json']).toContain('New here.');

      await step('a changed article', () => writeArticle(dir, 'one.md', '---\ntitle: One again\ndate: 2024-01-02\n---\nRewritten.\n', new Date()));
      expect(snapshot(dir)['feed.json']).toContain('Rewritten.');

      await step('a deleted article', () => rmSync(path.join(dir, 'articles', 'two.md')));
      expect(snapshot(dir)['feed.json']).not.toContain('Second post.');

      await step('a renamed article', () => renameSync(path.join(dir, 'articles', 'added.md'), path.join(dir, 'articles', 'moved.md')));
      expect(snapshot(dir)['feed.json']).toContain('/moved');

      await step('an article in a new folder', () => writeArticle(dir, 'new/deeper/four.md', '---\ntitle: Four\ndate: 2024-04-06\n---\nFour, two folders down.\n', new Date()));
      expect(snapshot(dir)['feed.json']).toContain('Four, two folders down.');
      await step('another article in that folder', () => writeArticle(dir, 'new/deeper/five.md', '---\ntitle: Five\ndate: 2024-04-07\n---\nFive.\n', new Date()));
      expect(snapshot(dir)['feed.json']).toContain('"title": "Five"');

      // The config file is watched too, also when an editor saves it by renaming a new file over it.
      await step('a changed config', () => {
        const file = path.join(dir, 'feedwright.config.json');
        const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        writeFileSync(`${file}.new`, JSON.stringify({ ...config, title: 'Renamed site' }));
        renameSync(`${file}.new`, file);
      });
      expect(snapshot(dir)['feed.json']).toContain('Renamed site');

      // Files under a dot folder are not sources: no rebuild.
      const seen = builds;
      mkdirSync(path.join(dir, 'articles', '.drafts'), { recursive: true });
      writeFileSync(path.join(dir, 'articles', '.drafts', 'x.md'), 'not a source');
      await sleep(500);
      expect(builds).toBe(seen);
      expect(failures).toBe(0);
    } finally {
      controller.abort();
      await running;
    }
  });

  it("waits webpack 5's 20 ms after a save's last event (not 50), and folds a burst of writes into one build", async () => {
    expect(DEBOUNCE_MS).toBe(20);
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    const controller = new AbortController();
    let builds = 0;
    const log: string[] = [];
    const sink = { write: (s: string) => log.push(s) };
    const out = makeOutput({ cwd: dir, env: {}, stdout: sink, stderr: sink }, []);
    const running = watch({ cwd: dir, now: NOW }, out, { quiet: true }, { signal: controller.signal, onBuilt: () => builds++ });
    try {
      await until('the first build and the watcher', () => builds >= 1 && log.some((l) => l.includes('watching')));
      const seen = builds;
      // An editor's save: the file written in pieces, one after another.
      const file = path.join(dir, 'articles', 'one.md');
      writeFileSync(file, '---\ntitle: One in pieces\n');
      writeFileSync(file, '---\ntitle: One in pieces\ndate: 2024-01-02\n---\n', { flag: 'w' });
      writeFileSync(file, 'Written in three steps.\n', { flag: 'a' });
      const expected = (await reference(dir)).files;
      await until('the save', () => builds > seen && JSON.stringify(snapshot(dir)) === JSON.stringify(expected));
      await sleep(300);
      expect(builds).toBe(seen + 1);
    } finally {
      controller.abort();
      await running;
    }
  });
});
