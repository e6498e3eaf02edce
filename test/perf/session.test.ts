import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, createBuildSession, loadArticles, resolvePaths, warmSession } from '../../src/build.js';
import { cacheFiles } from '../../src/cache/articles.js';
import { isIndexed, type OutputRecord } from '../../src/cache/outputs.js';
import { readySession } from '../../src/cli/watch.js';
import { ListingMemo } from '../../src/pipeline/inputs.js';
import { makeProject, NOW, reference, sampleArticles, sleep, snapshot, writeArticle } from './helpers.js';

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

  it("saves a session's cache once its feeds are in place, not before they are composed", async () => {
    const dir = makeProject(articles);
    const paths = resolvePaths({ cwd: dir, now: NOW });
    const state = cacheFiles(paths)?.state as string;
    const memo = new Map();
    const loaded = await loadArticles(paths, NOW, undefined, memo, undefined, { deferSave: true });
    // Loaded and parsed, nothing saved yet: neither the state file nor the session's memory.
    expect(loaded.work.parsed).toBeGreaterThan(0);
    expect(existsSync(state)).toBe(false);
    expect(memo.size).toBe(0);
    loaded.saveCache?.();
    expect(existsSync(state)).toBe(true);
    expect(memo.size).toBe(loaded.work.parsed);
    // A session build saves it all the same: a build without the session parses nothing.
    const other = makeProject(articles);
    await build({ cwd: other, now: NOW, session: createBuildSession() });
    const after = await build({ cwd: other, now: NOW, force: true });
    expect(after.work.parsed).toBe(0);
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

describe('build session: feeds kept in memory between saves', () => {
  const post = (i: number, extra = ''): string => `---\ntitle: Post ${i}\ndate: 2024-01-${String(i).padStart(2, '0')}T08:00:00Z\n---\nBody of post ${i}.${extra}\n`;

  /** Nine posts built in a session, then p5 edited and built again in it (a first save). */
  const afterFirstSave = async (): Promise<{ dir: string; session: ReturnType<typeof createBuildSession> }> => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 9; i++) files[`p${i}.md`] = post(i);
    const dir = makeProject(files);
    const session = createBuildSession();
    await build({ cwd: dir, now: NOW, session });
    writeArticle(dir, 'p5.md', post(5, ' Edited once.'));
    await build({ cwd: dir, now: NOW, session });
    return { dir, session };
  };

  it('copies unchanged items from the bytes it wrote last time, not from the files, with the bytes of a build without cache', async () => {
    // The first rebuild reads the record from disk and copies from the files; it keeps what it writes.
    const { dir, session } = await afterFirstSave();
    expect(session.feeds?.get('rss.xml')?.size).toBeGreaterThan(0);
    await sleep(60);
    // A hand edit: the file can no longer be copied from, the session's bytes still can.
    const rss = path.join(dir, 'dist', 'rss.xml');
    writeFileSync(rss, readFileSync(rss, 'utf8').replace('Body of post 8', 'Body of pots 8'));
    writeArticle(dir, 'p5.md', post(5, ' Edited twice.'));
    const result = await build({ cwd: dir, now: NOW, session });
    expect(result.files.find((f) => f.name === 'rss.xml')).toMatchObject({ status: 'written', items: { rendered: 1, copied: 8 } });
    const ref = await reference(dir);
    expect(snapshot(dir)).toEqual(ref.files);
    // And again, from the pieces of pieces.
    writeArticle(dir, 'p2.md', post(2, ' Edited.'));
    const again = await build({ cwd: dir, now: NOW, session });
    expect(again.files.find((f) => f.name === 'atom.xml')?.items).toEqual({ rendered: 1, copied: 8 });
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });

  it('a save leaves the record it wrote indexed for the next save (not indexed while that one waits), with the bytes of a build without cache', async () => {
    const { dir, session } = await afterFirstSave();
    const record = session.outputs;
    expect(record).toBeDefined();
    expect(isIndexed(record as OutputRecord)).toBe(true);
    writeArticle(dir, 'p5.md', post(5, ' Edited twice.'));
    const result = await build({ cwd: dir, now: NOW, session });
    expect(result.files.find((f) => f.name === 'rss.xml')?.items).toEqual({ rendered: 1, copied: 8 });
    expect(session.outputs).not.toBe(record);
    expect(isIndexed(session.outputs as OutputRecord)).toBe(true);
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });

  it('a session warmed after a build that changed nothing holds the feeds as recorded, and its next build makes the same bytes', async () => {
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    await build({ cwd: dir, now: NOW });
    // A session as a watch process starts one (its first build may have changed nothing and kept nothing).
    const session = createBuildSession();
    await warmSession({ cwd: dir, now: NOW }, session);
    expect([...(session.feeds?.keys() ?? [])].sort()).toEqual(['atom.xml', 'feed.json', 'rss.xml']);
    expect(session.feeds?.get('rss.xml')?.size).toBe(readFileSync(path.join(dir, 'dist', 'rss.xml')).length);
    writeArticle(dir, 'one.md', '---\ntitle: One\ndate: 2024-01-02\nauthor: Ann\ntags: [a, b]\n---\nEdited in the session.\n', new Date());
    // The feeds on disk are gone: the unchanged items can only come from the session's memory.
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) {
      const file = path.join(dir, 'dist', name);
      writeFileSync(file, 'x'.repeat(readFileSync(file).length));
    }
    const second = await build({ cwd: dir, now: NOW, session });
    expect(second.work.copied).toBeGreaterThan(0);
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });

  it('a feed file that does not hold the recorded items is not warmed', async () => {
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    await build({ cwd: dir, now: NOW });
    const rss = path.join(dir, 'dist', 'rss.xml');
    const text = readFileSync(rss, 'utf8');
    // Same length, one item's text changed.
    writeFileSync(rss, text.replace('First', 'Fir5t'));
    const session = createBuildSession();
    await warmSession({ cwd: dir, now: NOW }, session);
    expect(session.feeds).toBeUndefined();
    expect(session.outputs).toBeUndefined();
  });

  it('a watch session is made ready before its first save: the record it holds indexed, the folder listed; that save stats only the saved file', async () => {
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    await sleep(2100); // past the sources' racy window: the next build can prove nothing changed
    await build({ cwd: dir, now: NOW });
    await sleep(100);
    // As `build --watch` starts: a first build that changes nothing, the watches, then ready.
    const session = createBuildSession();
    const first = await build({ cwd: dir, now: NOW, session });
    expect(first.work.upToDate).toBe(true);
    const listing = new ListingMemo();
    session.listing = listing;
    await readySession({ cwd: dir, now: NOW }, session, listing);
    expect(isIndexed(session.outputs as OutputRecord)).toBe(true);
    expect(listing.counts).toEqual({ whole: 1, touched: 0 });
    // The first build loaded no article; the session holds an entry per source now.
    expect(session.articles.size).toBe(Object.keys(articles).length);
    writeArticle(dir, 'one.md', '---\ntitle: One\ndate: 2024-01-02\nauthor: Ann\ntags: [a, b]\n---\nEdited while watching.\n', new Date());
    listing.touch('one.md');
    const save = await build({ cwd: dir, now: NOW, session });
    expect(listing.counts).toEqual({ whole: 1, touched: 1 });
    expect(save.work.parsed).toBe(1);
    expect(save.work.decoded).toBe(0);
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });
});
