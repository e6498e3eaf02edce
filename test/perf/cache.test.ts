import { readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Pack } from '../../src/cache/pack.js';
import { buildAt, diagnosticsText, expectSameAsUncached, makeProject, mtimes, sampleArticles, sleep, snapshot, writeArticle } from './helpers.js';

const cacheDir = (dir: string): string => path.join(dir, '.cache', 'feedwright');


describe('article cache', () => {
  it('fills the cache on the first build and gives the bytes of an uncached build', async () => {
    const dir = makeProject(sampleArticles());
    await expectSameAsUncached(dir);
    const pack = path.join(cacheDir(dir), 'articles.pack');
    const size = statSync(pack).size;
    await expectSameAsUncached(dir);
    // Every article came from the cache except the one dated relative to the clock ("2 hours ago"),
    // which is never stored; so nothing was added.
    expect(statSync(pack).size).toBe(size);
  });

  it('reflects an edited, added, renamed and deleted article exactly', async () => {
    const dir = makeProject(sampleArticles());
    await expectSameAsUncached(dir);

    // Edited: same size and mtime as before would fool a stat check; the racy rule and the hash must not be fooled.
    const one = path.join(dir, 'articles', 'one.md');
    const before = readFileSync(one, 'utf8');
    writeArticle(dir, 'one.md', before.replace('First', 'Fir5t'));
    await expectSameAsUncached(dir);
    expect(snapshot(dir)['feed.json']).toContain('Fir5t');

    writeArticle(dir, 'four.md', '---\ntitle: Four\ndate: 2024-03-04\n---\nAdded later.\n');
    await expectSameAsUncached(dir);
    expect(snapshot(dir)['feed.json']).toContain('Added later.');

    renameSync(path.join(dir, 'articles', 'two.md'), path.join(dir, 'articles', 'two-renamed.md'));
    await expectSameAsUncached(dir);
    expect(snapshot(dir)['feed.json']).toContain('two-renamed');

    // A text article changes the learned site template for every text article.
    writeArticle(
      dir,
      'page2.txt',
      'Home | News\n\nLibrary Hours Extended\n\nBy Ann Lee - April 2, 2021\n\nThe library will stay open later on weekends starting next month.\n\nTags: libraries\n',
    );
    await expectSameAsUncached(dir);

    rmSync(path.join(dir, 'articles', 'nested', 'three.md'));
    await expectSameAsUncached(dir);
    expect(snapshot(dir)['feed.json']).not.toContain('Third, in a folder.');

    // The mtime is an input only of the article dated by it.
    writeArticle(dir, 'undated.md', readFileSync(path.join(dir, 'articles', 'undated.md'), 'utf8'), new Date('2025-07-01T00:00:00Z'));
    await expectSameAsUncached(dir);
  });

  it('notices an edit that keeps the size and the mtime (same second)', async () => {
    const dir = makeProject(sampleArticles());
    await buildAt(dir);
    await sleep(2100); // past the racy window: the stamps are now trusted
    await buildAt(dir);
    const file = path.join(dir, 'articles', 'one.md');
    const { mtime } = statSync(file);
    writeArticle(dir, 'one.md', readFileSync(file, 'utf8').replace('First', 'Frist'), mtime);
    await expectSameAsUncached(dir);
    expect(snapshot(dir)['feed.json']).toContain('Frist');
  });

  it('ignores and rebuilds corrupted or truncated cache entries', async () => {
    const dir = makeProject(sampleArticles());
    await buildAt(dir);
    const pack = path.join(cacheDir(dir), 'articles.pack');
    const size = statSync(pack).size;
    expect(size).toBeGreaterThan(100);

    // Flip bytes inside records (payloads and headers).
    const bytes = readFileSync(pack);
    for (const at of [Math.floor(size / 3), Math.floor(size / 2), size - 5]) bytes[at] = (bytes[at] ?? 0) ^ 0x5a;
    writeFileSync(pack, bytes);
    rmSync(path.join(dir, 'dist'), { recursive: true });
    await expectSameAsUncached(dir);
    expect(Pack.open(pack).corrupt).toBe(0); // rewritten without the damaged records

    // Cut short in the middle of a record.
    truncateSync(pack, Math.floor(statSync(pack).size * 0.6));
    rmSync(path.join(dir, 'dist'), { recursive: true });
    await expectSameAsUncached(dir);
    expect(Pack.open(pack).corrupt).toBe(0);

    // Garbage everywhere: pack, stamps and output record.
    for (const name of readdirSync(cacheDir(dir))) writeFileSync(path.join(cacheDir(dir), name), 'not a cache\n');
    writeFileSync(path.join(dir, 'dist', 'rss.xml'), 'damaged output');
    await expectSameAsUncached(dir);

    // Empty files.
    for (const name of readdirSync(cacheDir(dir))) truncateSync(path.join(cacheDir(dir), name), 0);
    await expectSameAsUncached(dir);
  });

  it('a rebuild with nothing changed rewrites no file', async () => {
    // Without the clock-relative article, so the fingerprint exists and the render-nothing path runs.
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    await buildAt(dir);
    const before = mtimes(dir);
    const bytes = snapshot(dir);
    const again = await buildAt(dir);
    expect(again.files.every((f) => f.status === 'unchanged')).toBe(true);
    expect(mtimes(dir)).toEqual(before);
    await sleep(2100); // now the output stamps are trusted and nothing is rendered at all
    const fast = await buildAt(dir);
    expect(fast.files.every((f) => f.status === 'unchanged')).toBe(true);
    expect(mtimes(dir)).toEqual(before);
    expect(snapshot(dir)).toEqual(bytes);
    expect(diagnosticsText(fast)).toEqual(diagnosticsText(again));
    expect(fast.counts).toEqual(again.counts);
  });

  it('gives an article dated by its mtime the new date when only the mtime changes', async () => {
    // The new date keeps the article's place in the feed, so the order of the articles does not
    // change either: only the date can tell the build that its output is stale.
    const { 'undated.md': undated, 'one.md': one } = sampleArticles();
    const dir = makeProject({ 'undated.md': undated as string, 'one.md': one as string });
    await expectSameAsUncached(dir);
    await sleep(2100); // past the racy window: the output stamps are trusted
    writeArticle(dir, 'undated.md', undated as string, new Date('2025-06-01T13:00:00Z'));
    await expectSameAsUncached(dir);
    expect(snapshot(dir)['feed.json']).toContain('2025-06-01T13:00:00');
  });

  it('repairs an output file changed by hand even when the inputs did not change', async () => {
    const dir = makeProject(sampleArticles());
    await buildAt(dir);
    await sleep(2100);
    await buildAt(dir);
    const good = snapshot(dir);
    writeFileSync(path.join(dir, 'dist', 'atom.xml'), good['atom.xml']?.replace('<feed', '<feed ') ?? '');
    const result = await buildAt(dir);
    expect(result.files.find((f) => f.name === 'atom.xml')?.status).toBe('written');
    expect(snapshot(dir)).toEqual(good);
  });

  it('config changes that affect articles invalidate their entries', async () => {
    const dir = makeProject(sampleArticles());
    await buildAt(dir);
    const configFile = path.join(dir, 'feedwright.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(configFile, JSON.stringify({ ...config, link: 'https://other.example.org/', summaryLength: 20 }));
    await expectSameAsUncached(dir);
    expect(snapshot(dir)['feed.json']).toContain('https://other.example.org/');
  });
});
