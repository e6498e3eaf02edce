import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFrames } from '../../src/cache/frames.js';
import { recordBody, recordFrameParts } from '../../src/cache/outputs.js';
import { CONFIG, expectSameAsUncached, makeProject, sleep, writeArticle } from '../perf/helpers.js';

/*
 * A run of items copied from the previous feed file (src/feeds/compose.ts `FeedSink.copy`) is its
 * own proof: besides the CRC-32 of its end items (a proven file), the bytes between two of its
 * items must be the separator (`RangeCheck`, compared in place by `bytesAt`). A separator changed
 * behind a stamp that still holds must make the feed be composed again, never be copied.
 */

const post = (i: number, extra = ''): string => `---\ntitle: Post ${i}\ndate: 2024-01-${String(i).padStart(2, '0')}T08:00:00Z\n---\nBody of post ${i}.${extra}\n`;

/** The output record's header and first frame (src/cache/outputs.ts; the published items' frame after it is left out when rewritten). */
function readRecord(dir: string): { file: string; format: string; record: { writtenAt: number; stamps: Record<string, Record<string, number>> }; binary: Buffer } {
  const cache = path.join(dir, '.cache', 'feedwright');
  const file = path.join(cache, readdirSync(cache).find((f) => f.startsWith('outputs-')) as string);
  const bytes = readFileSync(file);
  const end = bytes.indexOf(10);
  const header = bytes.toString('latin1', 0, end);
  const length = Number(/ (\d{12}) \d{10}$/.exec(header)?.[1]);
  const { binary, json } = recordBody(bytes.subarray(end + 1, end + 1 + length)) as { binary: Buffer; json: string };
  return { file, format: header.split(' ').slice(0, -2).join(' '), record: JSON.parse(json), binary };
}

describe('copied runs', () => {
  it('a changed separator between two copied items of a proven file is not copied: the feed is what an uncached build gives', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 9; i++) files[`p${i}.md`] = post(i);
    const dir = makeProject(files);
    writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...CONFIG, cache: '.cache/feedwright' }));
    await expectSameAsUncached(dir);
    await sleep(60);
    const feed = path.join(dir, 'dist', 'feed.json');
    const before = readFileSync(feed, 'utf8');
    // The separator after post 7's item (between post 7 and post 6, inside the run copied after p9's edit), same length.
    const at = before.lastIndexOf('},', before.indexOf('"title": "Post 6"'));
    expect(before.indexOf('"title": "Post 7"')).toBeLessThan(at);
    const corrupt = `${before.slice(0, at + 1)};${before.slice(at + 2)}`;
    writeFileSync(feed, corrupt);
    await sleep(60);
    // The stamp made to hold again, as proven: what a store within the writer's own clock tick looks like.
    const { file, format, record, binary } = readRecord(dir);
    const s = statSync(feed);
    Object.assign(record.stamps['feed.json'] as Record<string, number>, { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino, ownMtimeMs: s.mtimeMs });
    record.writtenAt = Date.now();
    writeFrames(file, format, recordFrameParts(binary, JSON.stringify(record)));

    writeArticle(dir, 'p9.md', post(9, ' Edited.'));
    await expectSameAsUncached(dir);
    expect(readFileSync(feed, 'utf8')).not.toContain('};');
    expect(() => JSON.parse(readFileSync(feed, 'utf8'))).not.toThrow();
  });
});
