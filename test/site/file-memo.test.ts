/**
 * Values the site readers compute from a file's text, kept between builds per file stamp
 * (src/site/file-memo.ts): a Jekyll build that changed nothing reads no post for its
 * `{% post_url %}` / `{% link %}` targets, and one whose target changed sees the change.
 */
import { cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { FileMemo } from '../../src/site/file-memo.js';

const OLD = new Date('2024-06-01T00:00:00Z');
const LATER = new Date('2024-06-02T00:00:00Z');

/** A clock past the racy window of files changed just now (utimes sets ctime to now). */
const later = (): number => Date.now() + 60_000;

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'feedwright-memo-'));
}

describe('FileMemo', () => {
  it('reuses a value while the file stamp and the context are the same, and computes it again otherwise', () => {
    const dir = tmp();
    const file = path.join(dir, 'a.md');
    const memoAt = path.join(dir, 'cache', 'memo.json');
    writeFileSync(file, 'one');
    utimesSync(file, OLD, OLD);
    let computed = 0;
    const value = (m: FileMemo) =>
      m.get('len', file, () => {
        computed++;
        return readFileSync(file, 'utf8').length;
      });
    const first = new FileMemo(memoAt, 'ctx', later);
    expect(value(first)).toBe(3);
    first.save();
    expect(value(new FileMemo(memoAt, 'ctx', later))).toBe(3);
    expect(computed).toBe(1);
    // Another kind of value for the same file is its own entry.
    expect(new FileMemo(memoAt, 'ctx', later).get('upper', file, () => 'ONE')).toBe('ONE');
    // Another context: computed again.
    expect(value(new FileMemo(memoAt, 'other', later))).toBe(3);
    expect(computed).toBe(2);
    // The file changed, its mtime set back to what it was: its ctime differs, so computed again.
    writeFileSync(file, 'two');
    utimesSync(file, OLD, OLD);
    expect(value(new FileMemo(memoAt, 'ctx', later))).toBe(3);
    expect(computed).toBe(3);
  });

  it('keeps nothing for a file changed within the racy window, nor without a cache folder', () => {
    const dir = tmp();
    const file = path.join(dir, 'a.md');
    const memoAt = path.join(dir, 'memo.json');
    writeFileSync(file, 'fresh');
    let computed = 0;
    const fresh = new FileMemo(memoAt, 'ctx');
    fresh.get('len', file, () => computed++);
    fresh.save();
    new FileMemo(memoAt, 'ctx').get('len', file, () => computed++);
    expect(computed).toBe(2);
    const none = new FileMemo(undefined, 'ctx', later);
    none.get('len', file, () => computed++);
    none.save();
    new FileMemo(undefined, 'ctx', later).get('len', file, () => computed++);
    expect(computed).toBe(4);
  });
});

describe('Jekyll link targets across builds', { timeout: 30_000 }, () => {
  it("a target's new permalink reaches the post that links to it on the next build", async () => {
    const root = tmp();
    cpSync(path.join(import.meta.dirname, '../fixtures/sites/jekyll-links'), root, { recursive: true });
    const posts = path.join(root, 'news', '_posts');
    writeFileSync(path.join(root, 'feedwright.config.json'), JSON.stringify({ articles: 'news/_posts', site: '.', git: false, cache: '.cache/feedwright' }));
    const target = path.join(posts, '2024-03-05-moved.md');
    for (const f of ['2024-01-10-first.md', '2024-02-01-second.md', '2024-03-05-moved.md']) utimesSync(path.join(posts, f), OLD, OLD);
    // Past the racy window of the copies' ctimes, so that the first build keeps what it computed.
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const firstLinks = async (): Promise<string[]> => {
      const result = await build({ cwd: root, now: new Date('2026-01-01T00:00:00Z') });
      const first = (await result.articles()).find((a) => a.title.value === 'First');
      return [...(first?.contentHtml ?? '').matchAll(/href="([^"]*moved[^"]*)"/g)].map((m) => m[1] as string);
    };
    expect(await firstLinks()).toEqual(['https://links.example/site/news/2024/03/07/moved/']);
    expect(await firstLinks()).toEqual(['https://links.example/site/news/2024/03/07/moved/']);
    writeFileSync(target, readFileSync(target, 'utf8').replace('title: Moved', 'title: Moved\npermalink: /elsewhere/moved/'));
    utimesSync(target, LATER, LATER);
    expect(await firstLinks()).toEqual(['https://links.example/site/elsewhere/moved/']);
  });
});
