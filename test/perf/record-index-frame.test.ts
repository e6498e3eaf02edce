import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendFrame, readFrameBytes, writeFrames } from '../../src/cache/frames.js';
import { RecordIndex } from '../../src/cache/record-index.js';
import { build } from '../../src/index.js';
import { makeProject, NOW, reference, sampleArticles, snapshot, writeArticle } from './helpers.js';

function recordFile(dir: string): { file: string; format: string } {
  const cache = path.join(dir, '.cache', 'feedwright');
  const name = readdirSync(cache).find((n) => n.startsWith('outputs-'));
  if (!name) throw new Error('no output record');
  const file = path.join(cache, name);
  const text = readFileSync(file, 'latin1');
  return { file, format: text.slice(0, text.indexOf('\n')).split(' ').slice(0, -2).join(' ') };
}

const frames = (dir: string): Buffer[] => {
  const { file, format } = recordFile(dir);
  return readFrameBytes(file, format)?.bodies ?? [];
};

/*
 * The output record keeps its index's tables in a frame of their own (after the published items'),
 * made while the record's racy window passes: a rebuild reads them instead of indexing the
 * previous feeds' 30k keys and hashes again (10k articles). Tables that do not fit the record are
 * not used, and tables that fit but are stale can only miss items, never copy a wrong one.
 */
describe("the output record keeps its index's tables", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const edit = (dir: string, title: string, date = '2024-01-02'): void =>
    writeArticle(dir, 'one.md', `---\ntitle: ${title}\ndate: ${date}\n---\nRewritten as ${title}.\n`, new Date());

  it('a rebuild reads the index from the record instead of making it, and writes the bytes of a build without cache', async () => {
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    await build({ cwd: dir, now: NOW });
    expect(frames(dir).length).toBe(3);
    expect(frames(dir)[2]?.toString('latin1', 0, 25)).toBe('feedwright-record-index-1');
    const read = vi.spyOn(RecordIndex, 'fromTables');
    const add = vi.spyOn(RecordIndex.prototype, 'add');
    edit(dir, 'One again');
    await build({ cwd: dir, now: NOW });
    expect(read).toHaveBeenCalledTimes(1);
    expect(read.mock.results[0]?.value).toBeInstanceOf(RecordIndex);
    // Only the new record's index is made (for the next build): one `add` per feed file.
    expect(add).toHaveBeenCalledTimes(3);
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });

  it('stale tables that fit the record (an older build of the same feeds) give the bytes of a build without cache', async () => {
    const { 'recent.txt': _recent, ...articles } = sampleArticles();
    const dir = makeProject(articles);
    await build({ cwd: dir, now: NOW });
    const older = frames(dir)[2] as Buffer;
    // The edited post moves to the top: every feed's items are in another order, the counts the same.
    edit(dir, 'One moved', '2025-03-01');
    await build({ cwd: dir, now: NOW });
    const [body, published] = frames(dir);
    const { file, format } = recordFile(dir);
    const id = writeFrames(file, format, [body as Buffer]);
    const withPublished = appendFrame(file, format, [published as Buffer], id);
    expect(withPublished && appendFrame(file, format, [older], withPublished)).toBeTruthy();
    const read = vi.spyOn(RecordIndex, 'fromTables');
    edit(dir, 'One moved back');
    await build({ cwd: dir, now: NOW });
    // The tables fitted (same files, same counts), and were used.
    expect(read.mock.results[0]?.value).toBeInstanceOf(RecordIndex);
    expect(snapshot(dir)).toEqual((await reference(dir)).files);
  });
});
