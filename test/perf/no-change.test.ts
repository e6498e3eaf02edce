import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { CODE_ID } from '../../src/version.js';
import { crc32 } from 'node:zlib';
import { buildAt, diagnosticsText, expectSameAsUncached, makeProject, mtimes, NOW, sampleArticles, sleep, snapshot, writeArticle } from './helpers.js';

/*
 * The no-change path (src/cache/last-build.ts): a build whose inputs are as the last build left
 * them lists the sources and stops. Counted, not timed: it decodes no cache entry, parses and
 * renders nothing; and everything it depends on makes it do the work again.
 */

/** The sample without the article dated relative to the clock (such a build is never summed up). */
function articles(): Record<string, string> {
  const { 'recent.txt': _recent, ...rest } = sampleArticles();
  return rest;
}

/** A project built once, with its sources and outputs past their racy windows. */
async function built(): Promise<string> {
  const dir = makeProject(articles());
  await sleep(2100); // the sources' ctimes are now: a stamp proves a text only 2 s later
  await buildAt(dir);
  await sleep(100);
  return dir;
}

const lastBuildFile = (dir: string): string => {
  const cache = path.join(dir, '.cache', 'feedwright');
  const name = readdirSync(cache).find((n) => n.startsWith('last-build-'));
  if (!name) throw new Error('no last-build file');
  return path.join(cache, name);
};

describe('no-change rebuild', () => {
  it('decodes no entry, parses and renders nothing, and reports what the last build reported', async () => {
    const dir = makeProject(articles());
    await sleep(2100);
    const first = await buildAt(dir);
    expect(first.work.upToDate).toBe(false);
    expect(first.work.parsed).toBe(6);
    await sleep(100);
    const before = mtimes(dir);
    const bytes = snapshot(dir);
    const again = await buildAt(dir);
    expect(again.work).toEqual({ upToDate: true, parsed: 0, decoded: 0, rendered: 0, copied: 0 });
    expect(mtimes(dir)).toEqual(before);
    expect(snapshot(dir)).toEqual(bytes);
    expect(diagnosticsText(again)).toEqual(diagnosticsText(first));
    expect(again.counts).toEqual(first.counts);
    expect(again.feeds).toEqual(first.feeds);
    expect(again.files.map((f) => [f.name, f.bytes])).toEqual(first.files.map((f) => [f.name, f.bytes]));
    // The articles are still there on request, read from the cache.
    expect(JSON.stringify(await again.articles())).toBe(JSON.stringify(await first.articles()));
  });

  it('without the summary file the same build does its work (the counts above are the shortcut)', async () => {
    const dir = await built();
    rmSync(lastBuildFile(dir));
    const again = await buildAt(dir);
    expect(again.work.upToDate).toBe(false);
    // And it leaves a summary again.
    await sleep(100);
    expect((await buildAt(dir)).work.upToDate).toBe(true);
  });

  it('an edited, added, removed or renamed article, or a touched one, is not up to date', async () => {
    const dir = await built();
    const edits: Array<() => void> = [
      () => writeArticle(dir, 'one.md', readFileSync(path.join(dir, 'articles', 'one.md'), 'utf8').replace('First', 'Fir5t')),
      () => writeArticle(dir, 'four.md', '---\ntitle: Four\ndate: 2024-03-04\n---\nAdded later.\n'),
      () => rmSync(path.join(dir, 'articles', 'nested', 'three.md')),
      () => renameSync(path.join(dir, 'articles', 'two.md'), path.join(dir, 'articles', 'two-renamed.md')),
      // Same bytes, new ctime: the stamp no longer proves the text, so it is read again.
      () => writeArticle(dir, 'page.txt', readFileSync(path.join(dir, 'articles', 'page.txt'), 'utf8')),
    ];
    for (const edit of edits) {
      edit();
      await sleep(2100);
      const result = await buildAt(dir);
      expect(result.work.upToDate).toBe(false);
      await expectSameAsUncached(dir);
      await sleep(100);
      expect((await buildAt(dir)).work.upToDate).toBe(true);
    }
    expect(snapshot(dir)['feed.json']).toContain('Fir5t');
    expect(snapshot(dir)['feed.json']).toContain('two-renamed');
    expect(snapshot(dir)['feed.json']).not.toContain('Third, in a folder.');
  });

  it('a change within the racy window is never taken for no change', async () => {
    const dir = await built();
    // Same size, same mtime, written just now: only the racy rule can tell.
    const one = path.join(dir, 'articles', 'one.md');
    writeArticle(dir, 'one.md', readFileSync(one, 'utf8').replace('First', 'Fir5t'));
    const result = await buildAt(dir);
    expect(result.work.upToDate).toBe(false);
    expect(snapshot(dir)['feed.json']).toContain('Fir5t');
  });

  it('a config change, another version, a changed output file or an earlier clock is not up to date', async () => {
    const dir = await built();
    const configFile = path.join(dir, 'feedwright.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(configFile, JSON.stringify({ ...config, title: 'Another title' }));
    expect((await buildAt(dir)).work.upToDate).toBe(false);
    expect(snapshot(dir)['feed.json']).toContain('Another title');
    await sleep(100);
    expect((await buildAt(dir)).work.upToDate).toBe(true);

    // A summary written by another version is not read (its inputs digest also holds the version).
    const file = lastBuildFile(dir);
    const text = readFileSync(file, 'utf8');
    const body = text.slice(text.indexOf('\n') + 1);
    expect(text.startsWith(`feedwright-last-build-1 ${CODE_ID} `)).toBe(true);
    writeFileSync(file, `feedwright-last-build-1 0.0.0-other ${crc32(body)}\n${body}`);
    expect((await buildAt(dir)).work.upToDate).toBe(false);
    await sleep(100);

    // An output file changed by hand is repaired.
    const good = snapshot(dir);
    writeFileSync(path.join(dir, 'dist', 'rss.xml'), 'damaged');
    const repaired = await buildAt(dir);
    expect(repaired.work.upToDate).toBe(false);
    expect(snapshot(dir)).toEqual(good);
    await sleep(100);

    // A clock before the newest article holds it back.
    const early = await build({ cwd: dir, now: new Date('2024-02-01T00:00:00Z') });
    expect(early.work.upToDate).toBe(false);
    expect(early.counts.held).toBeGreaterThan(0);
    // A build that held an article back is not summed up: the clock will publish it one day.
    await sleep(100);
    expect((await build({ cwd: dir, now: new Date('2024-02-01T00:00:00Z') })).work.upToDate).toBe(false);
    expect((await buildAt(dir)).work.upToDate).toBe(false);
    await sleep(100);
    expect((await buildAt(dir)).work.upToDate).toBe(true);
    expect(NOW.getTime()).toBeGreaterThan(new Date('2024-03-01').getTime());
  });

  it('a build with an article read relative to the clock is never summed up', async () => {
    const dir = makeProject(sampleArticles());
    await sleep(2100);
    await buildAt(dir);
    await sleep(100);
    expect((await buildAt(dir)).work.upToDate).toBe(false);
  });
});

describe('the output record is stamped after its files', () => {
  it('clockPast returns a whole-millisecond time strictly past the given one, however the timer fires', async () => {
    const { clockPast } = await import('../../src/cache/outputs.js');
    for (let i = 0; i < 20; i++) {
      // A fractional stamp just ahead of the clock, as file systems write them.
      const target = Date.now() + 3 + (i % 7) / 10 + 0.0642;
      expect(await clockPast(target)).toBeGreaterThan(target);
    }
    // Far ahead (a skewed clock): no wait, the stamps are simply racy.
    const start = Date.now();
    expect(await clockPast(start + 60_000)).toBeLessThan(start + 1000);
  });
});
