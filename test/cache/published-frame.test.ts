import { readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, resolvePaths } from '../../src/build.js';
import { readOutputRecord } from '../../src/cache/outputs.js';
import { PUBLISHED_KEY, publishedMap } from '../../src/feeds/changes.js';
import { makeProject, NOW, writeArticle } from '../perf/helpers.js';

/*
 * The output record keeps the published items (what the next build's change summary compares
 * with) in a frame of its own after the record's, as render-key prefixes and one JSON line per
 * item (src/cache/outputs.ts, src/feeds/changes.ts `PublishedItems`). A rebuild whose items kept
 * their places compares only the changed ones; one that adds, removes or moves items compares in
 * full; a record whose second frame is gone is read without it, and the summary comes from the
 * previous feed.json: the summary is the same every way.
 */

const ARTICLES: Record<string, string> = {
  'a.md': '---\ntitle: Alpha\ndate: 2024-01-01\n---\nFirst.\n',
  'b.md': '---\ntitle: Beta\ndate: 2024-01-02\n---\nSecond.\n',
  'c.md': '---\ntitle: Gamma\ndate: 2024-01-03\n---\nThird.\n',
};

const titles = (refs: { title: string }[]): string[] => refs.map((r) => r.title);

function recordFile(dir: string): string {
  const cache = path.join(dir, '.cache', 'feedwright');
  return path.join(cache, readdirSync(cache).find((f) => f.startsWith('outputs-')) as string);
}

/** The length of the record file's first frame, header included. */
function firstFrameBytes(file: string): number {
  const bytes = readFileSync(file);
  const headerEnd = bytes.indexOf(10);
  return headerEnd + 1 + Number(/ (\d{12}) \d{10}$/.exec(bytes.toString('latin1', 0, headerEnd))?.[1]);
}

describe('the published items of the output record', () => {
  it('are a frame of their own, read back as the items the feed holds, with a key each', async () => {
    const dir = makeProject(ARTICLES);
    await build({ cwd: dir, now: NOW });
    const record = readOutputRecord(resolvePaths({ cwd: dir }));
    const published = record?.published;
    expect(published?.keys.length).toBe(3 * PUBLISHED_KEY);
    expect([...(publishedMap(published as NonNullable<typeof published>)?.values() ?? [])].map((i) => i.title)).toEqual(['Gamma', 'Beta', 'Alpha']);
    // The record's own frame ends before them.
    expect(firstFrameBytes(recordFile(dir))).toBeLessThan(readFileSync(recordFile(dir)).length);
    rmSync(dir, { recursive: true, force: true });
  });

  it('give the same change summary in place, in full, and without their frame', async () => {
    const dir = makeProject(ARTICLES);
    await build({ cwd: dir, now: NOW });
    // A title edited in place: compared in place.
    writeArticle(dir, 'b.md', '---\ntitle: Beta two\ndate: 2024-01-02\n---\nSecond.\n');
    let out = await build({ cwd: dir, now: NOW });
    expect(out.changes).toEqual({ previous: true, added: [], updated: [expect.objectContaining({ title: 'Beta two' })], removed: [] });
    // A body edited in place: nothing to report.
    writeArticle(dir, 'b.md', '---\ntitle: Beta two\ndate: 2024-01-02\n---\nSecond, longer.\n');
    out = await build({ cwd: dir, now: NOW });
    expect(out.changes).toEqual({ previous: true, added: [], updated: [], removed: [] });
    // Added, removed and moved (a new date is a new id: the old one is removed): compared in full.
    rmSync(path.join(dir, 'articles', 'a.md'));
    writeArticle(dir, 'd.md', '---\ntitle: Delta\ndate: 2024-01-04\n---\nFourth.\n');
    writeArticle(dir, 'c.md', '---\ntitle: Gamma\ndate: 2023-12-01\n---\nThird.\n');
    out = await build({ cwd: dir, now: NOW });
    expect(titles(out.changes.added)).toEqual(['Delta', 'Gamma']);
    expect(titles(out.changes.updated)).toEqual([]);
    expect(titles(out.changes.removed)).toEqual(['Gamma', 'Alpha']);
    const published = readOutputRecord(resolvePaths({ cwd: dir }))?.published;
    expect([...(publishedMap(published as NonNullable<typeof published>)?.values() ?? [])].map((i) => i.title)).toEqual(['Delta', 'Beta two', 'Gamma']);
    // Without the second frame: read from the previous feed.json, the same summary.
    truncateSync(recordFile(dir), firstFrameBytes(recordFile(dir)));
    expect(readOutputRecord(resolvePaths({ cwd: dir }))?.published).toBeUndefined();
    writeArticle(dir, 'd.md', '---\ntitle: Delta two\ndate: 2024-01-04\n---\nFourth.\n');
    out = await build({ cwd: dir, now: NOW });
    expect(out.changes).toEqual({ previous: true, added: [], updated: [expect.objectContaining({ title: 'Delta two' })], removed: [] });
    // And the record has them again.
    expect(readOutputRecord(resolvePaths({ cwd: dir }))?.published?.keys.length).toBe(3 * PUBLISHED_KEY);
    rmSync(dir, { recursive: true, force: true });
  });
});
