import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { writeFrames } from '../../src/cache/frames.js';
import { type OutputRecord, parseOutputRecord, recordBody, recordChunks, recordFrameParts } from '../../src/cache/outputs.js';
import { ItemSlots } from '../../src/feeds/compose.js';
import { buildAt, CONFIG, expectSameAsUncached, makeProject, mtimes, sleep, writeArticle } from './helpers.js';

/*
 * Rebuilds write feeds from parts (src/feeds/compose.ts): unchanged items are copied from the
 * previous output, only changed ones are rendered and validated, and a feed whose parts did not
 * change is not written at all. Every test holds the result to a build without any cache.
 */

const post = (i: number, tags: string[], author: string, extra = ''): string =>
  `---\ntitle: Post ${i}\ndate: 2024-01-${String(i).padStart(2, '0')}T08:00:00Z\nauthor: ${author}\ntags: [${tags.join(', ')}]\n---\nBody of post ${i} with a [link](/p/${i}).${extra}\n`;

function project(): string {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 9; i++) files[`p${i}.md`] = post(i, i % 3 === 0 ? ['odd', 'three'] : ['odd'], i % 2 ? 'Ann' : 'Bo');
  const dir = makeProject(files);
  // Tag and author feeds, and archive pages of 4 items: an article is in several files.
  writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...CONFIG, cache: '.cache/feedwright', limit: 4, archive: true, feeds: { tags: true, authors: true } }));
  return dir;
}

const byName = (r: BuildResult) => new Map(r.files.map((f) => [f.name, f]));

/**
 * The output record file's header and first frame's body (the published items are a second frame
 * after it, src/cache/outputs.ts; a test's rewrite leaves them out, and the build then reads the
 * previous feed.json for its change summary).
 */
function recordFrame(file: string): { header: string; body: Buffer } {
  const bytes = readFileSync(file);
  const end = bytes.indexOf(10);
  const header = bytes.toString('latin1', 0, end);
  const length = Number(/ (\d{12}) \d{10}$/.exec(header)?.[1]);
  return { header, body: bytes.subarray(end + 1, end + 1 + length) };
}

describe('incremental rebuilds', () => {
  it('renders only the edited item and copies the rest; feeds without it are not written', async () => {
    const dir = project();
    const first = await expectSameAsUncached(dir);
    expect(byName(first).get('rss.xml')?.items).toEqual({ rendered: 1, copied: 0 });
    await sleep(60);
    const before = mtimes(dir);

    writeArticle(dir, 'p9.md', post(9, ['odd', 'three'], 'Ann', ' Edited.'));
    const second = await expectSameAsUncached(dir);
    const files = byName(second);
    // p9 (newest) is alone in the current main feed (8 are on archive pages), and first in the feeds
    // of tags odd and three and of author Ann (4 items each): 1 rendered, the rest copied.
    expect(files.get('rss.xml')).toMatchObject({ status: 'written', items: { rendered: 1, copied: 0 } });
    expect(files.get('tags/odd/feed.json')).toMatchObject({ status: 'written', items: { rendered: 1, copied: 3 } });
    expect(files.get('authors/ann/atom.xml')).toMatchObject({ status: 'written', items: { rendered: 1, copied: 3 } });
    // Bo's feed and the archive pages do not hold p9: not written, their bytes and mtimes untouched.
    for (const name of ['authors/bo/rss.xml', 'authors/bo/atom.xml', 'authors/bo/feed.json', 'archive/1/rss.xml', 'archive/2/feed.json']) {
      expect(files.get(name)?.status, name).toBe('unchanged');
      expect(mtimes(dir)[name], name).toBe(before[name]);
    }
  });

  it('reflects an added, deleted and renamed article with the bytes of a full build', async () => {
    const dir = project();
    await expectSameAsUncached(dir);
    writeArticle(dir, 'p10.md', post(10, ['new tag'], 'Cy'));
    const added = await expectSameAsUncached(dir);
    expect(byName(added).get('tags/odd/rss.xml')?.status).toBe('unchanged');
    // Archive pages are cut from the oldest item, so a new article moves none of them.
    expect(byName(added).get('archive/1/atom.xml')?.status).toBe('unchanged');

    const { rmSync, renameSync } = await import('node:fs');
    rmSync(path.join(dir, 'articles', 'p3.md'));
    await expectSameAsUncached(dir);
    renameSync(path.join(dir, 'articles', 'p5.md'), path.join(dir, 'articles', 'renamed.md'));
    await expectSameAsUncached(dir);
  });

  it('does not trust a record that points at the wrong bytes: renders the feed afresh', async () => {
    const dir = project();
    await expectSameAsUncached(dir);
    await sleep(60);
    // Shift every recorded item by one byte, with a valid frame: only the content check can tell.
    const cache = path.join(dir, '.cache', 'feedwright');
    const recordFile = readdirSync(cache).find((f) => f.startsWith('outputs-')) as string;
    const { header, body } = recordFrame(path.join(cache, recordFile));
    const record = parseOutputRecord(body) as OutputRecord;
    for (const f of Object.values(record.files)) {
      if (f.items === undefined) continue;
      f.items = ItemSlots.of([...f.items].map(([key, start, ...rest]) => [key, start + 1, ...rest]));
    }
    writeFrames(path.join(cache, recordFile), header.split(' ').slice(0, -2).join(' '), recordChunks(record));

    writeArticle(dir, 'p9.md', post(9, ['odd', 'three'], 'Ann', ' Edited again.'));
    await expectSameAsUncached(dir);
  });

  it('an output changed by hand is not copied from', async () => {
    const dir = project();
    await expectSameAsUncached(dir);
    await sleep(60);
    const file = path.join(dir, 'dist', 'tags', 'odd', 'rss.xml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Body of post 2', 'Body of pots 2'));
    writeArticle(dir, 'p9.md', post(9, ['odd', 'three'], 'Ann', ' Edited.'));
    const result = await expectSameAsUncached(dir);
    expect(byName(result).get('tags/odd/rss.xml')?.status).toBe('written');
  });
});

describe('copied items are verified against their recorded CRC-32s', () => {
  /** The main feed holds p9..p6 (no archive pages) and so does the tag feed "odd". */
  function flatProject(): string {
    const dir = project();
    writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...CONFIG, cache: '.cache/feedwright', limit: 4, feeds: { tags: true, authors: false } }));
    return dir;
  }

  function readRecord(dir: string): { file: string; header: string; record: RecordJson; binary: Buffer } {
    const cache = path.join(dir, '.cache', 'feedwright');
    const file = path.join(cache, readdirSync(cache).find((f) => f.startsWith('outputs-')) as string);
    const { header, body } = recordFrame(file);
    const { binary, json } = recordBody(body) as { binary: Buffer; json: string };
    return { file, header, record: JSON.parse(json) as RecordJson, binary };
  }

  /**
   * Rewrite the output record so that `name` carries its current stamp: what a write through mmap
   * between the rename and the stamp, later stores keeping the mtime, looks like (the writer's own
   * mtime, `ownMtimeMs`, is then not the stamp's). With `proven`, the record also says the writer
   * saw that mtime: what a store within the writer's own clock tick looks like, which no stamp sees.
   */
  function restoreStamp(dir: string, name: string, proven = false): void {
    const { file: recordFile, header, record, binary } = readRecord(dir);
    const s = statSync(path.join(dir, 'dist', name));
    const r = record.stamps[name];
    if (!r) throw new Error(`no record for ${name}`);
    expect(s.size).toBe(r.size);
    Object.assign(r, { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino }, proven ? { ownMtimeMs: s.mtimeMs } : {});
    record.writtenAt = Date.now();
    rewriteRecord(recordFile, header, record, binary);
  }

  it('a same-length edit inside a copied item, stamp intact, is not copied: the feeds are rendered afresh', async () => {
    const dir = flatProject();
    await expectSameAsUncached(dir);
    await sleep(60);
    const rss = path.join(dir, 'dist', 'rss.xml');
    const before = readFileSync(rss, 'utf8');
    // Same length, and an item that still starts and ends as items do, but no longer well-formed.
    const corrupt = before.replace('Body of post 8', 'Body <f post 8');
    expect(corrupt).not.toBe(before);
    writeFileSync(rss, corrupt);
    await sleep(60);
    restoreStamp(dir, 'rss.xml');
    const r = readRecord(dir).record.stamps['rss.xml'];
    expect(r?.ownMtimeMs).not.toBe(r?.mtimeMs);

    // p9 changes: rss.xml and tags/odd/rss.xml are composed again, copying p8..p6 (from rss.xml first).
    writeArticle(dir, 'p9.md', post(9, ['odd', 'three'], 'Ann', ' Edited.'));
    const result = await expectSameAsUncached(dir);
    expect(readFileSync(rss, 'utf8')).not.toContain('Body <f post 8');
    expect(readFileSync(path.join(dir, 'dist', 'tags', 'odd', 'rss.xml'), 'utf8')).not.toContain('Body <f post 8');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The tag feed still copies what it can, from its own intact file.
    expect(byName(result).get('tags/odd/rss.xml')?.items).toEqual({ rendered: 1, copied: 3 });
  });

  it('a feed file is recorded as proven when its mtime after the rename is the one its writer read; only the ends of a run copied from it are then CRC-checked', async () => {
    const dir = flatProject();
    await expectSameAsUncached(dir);
    const rss = path.join(dir, 'dist', 'rss.xml');
    for (const name of ['rss.xml', 'tags/odd/rss.xml']) {
      const r = readRecord(dir).record.stamps[name];
      expect(r?.ownMtimeMs).toBe(statSync(path.join(dir, 'dist', name)).mtimeMs);
    }
    await sleep(60);
    // A same-length change the stamp cannot see (a store within the writer's own clock tick) inside
    // p7, between the run's ends p8 and p6: it is copied as it is, as a no-change build would leave it.
    writeFileSync(rss, readFileSync(rss, 'utf8').replace('Body of post 7', 'Body of pots 7'));
    await sleep(60);
    restoreStamp(dir, 'rss.xml', true);
    writeArticle(dir, 'p9.md', post(9, ['odd', 'three'], 'Ann', ' Edited.'));
    const result = await buildAt(dir);
    expect(byName(result).get('rss.xml')?.items).toEqual({ rendered: 1, copied: 3 });
    expect(readFileSync(rss, 'utf8')).toContain('Body of pots 7');
    // The file just written is proven in its turn; the one left as it was keeps its proof.
    expect(readRecord(dir).record.stamps['rss.xml']?.ownMtimeMs).toBe(statSync(rss).mtimeMs);
  });

  it('a change at a run end of a proven file is still caught by its CRC-32', async () => {
    const dir = flatProject();
    await expectSameAsUncached(dir);
    await sleep(60);
    const rss = path.join(dir, 'dist', 'rss.xml');
    writeFileSync(rss, readFileSync(rss, 'utf8').replace('Body of post 6', 'Body of pots 6'));
    await sleep(60);
    restoreStamp(dir, 'rss.xml', true);
    writeArticle(dir, 'p9.md', post(9, ['odd', 'three'], 'Ann', ' Edited.'));
    await expectSameAsUncached(dir);
    expect(readFileSync(rss, 'utf8')).not.toContain('Body of pots 6');
  });

  it('a feed file edited by hand after a proven build is not copied from: the rebuild is what an uncached build gives', async () => {
    const dir = flatProject();
    await expectSameAsUncached(dir);
    await sleep(60);
    const rss = path.join(dir, 'dist', 'rss.xml');
    writeFileSync(rss, readFileSync(rss, 'utf8').replace('Body of post 8', 'Body of pots 8'));
    writeArticle(dir, 'p9.md', post(9, ['odd', 'three'], 'Ann', ' Edited.'));
    const result = await expectSameAsUncached(dir);
    expect(readFileSync(rss, 'utf8')).not.toContain('Body of pots 8');
    expect(byName(result).get('rss.xml')?.items).toEqual({ rendered: 1, copied: 3 });
  });

  it('a same-length edit that sets the mtime back still moves the ctime: that file is not copied from', async () => {
    const dir = flatProject();
    await expectSameAsUncached(dir);
    await sleep(60);
    const rss = path.join(dir, 'dist', 'rss.xml');
    const before = statSync(rss);
    writeFileSync(rss, readFileSync(rss, 'utf8').replace('Body of post 8', 'Body <f post 8'));
    utimesSync(rss, before.atimeMs / 1000, before.mtimeMs / 1000);
    expect(statSync(rss).size).toBe(before.size);
    expect(statSync(rss).ctimeMs).not.toBe(before.ctimeMs);

    writeArticle(dir, 'p9.md', post(9, ['odd', 'three'], 'Ann', ' Edited.'));
    const result = await expectSameAsUncached(dir);
    expect(readFileSync(rss, 'utf8')).not.toContain('Body <f post 8');
    // rss.xml's unchanged items come from the intact tag feed instead.
    expect(byName(result).get('rss.xml')?.items).toEqual({ rendered: 1, copied: 3 });
  });
});

/** The fields of the output record these tests read or rewrite (each file's stamp is under `stamps`). */
interface RecordJson {
  writtenAt: number;
  stamps: Record<string, { size: number; mtimeMs: number; ctimeMs: number; ino: number; ownMtimeMs?: number }>;
}

/** Write an output record anew in the format `header` names (one frame: `<format> <length> <crc>`), its JSON `record` and its slots `binary`. */
function rewriteRecord(file: string, header: string, record: unknown, binary: Buffer): void {
  writeFrames(file, header.split(' ').slice(0, -2).join(' '), recordFrameParts(binary, JSON.stringify(record)));
}
