import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFramed } from '../../src/cache/framed.js';
import { appendFrame, readFrameBytes, writeFrames } from '../../src/cache/frames.js';
import { recordBody, recordFrameParts } from '../../src/cache/outputs.js';
import { isRacy, OUTPUT_RACY_MS, RACY_LIMITS } from '../../src/cache/outputs.js';
import { CODE_ID } from '../../src/version.js';
import { buildAt, expectSameAsUncached, makeProject, sampleArticles, sleep, snapshot } from '../perf/helpers.js';

/*
 * Racy output stamps (src/cache/outputs.ts, git's "racy git"): the output record is written at once,
 * its `writtenAt` the clock just before the stamps were taken. A file stamped within its racy window
 * of that clock is not trusted by its stamp: the next build reads it and checks its bytes against
 * the record. These tests make a record racy on purpose (its `writtenAt` set to a file's stamp) and
 * change a file in ways its stamp cannot show (same size, mtime set back, the recorded stamp made the
 * file's new one), as a write within the writer's own clock tick would leave it.
 */

interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  ownMtimeMs?: number;
}

/** The sample without the article dated relative to the clock (such a build is never summed up). */
function articles(): Record<string, string> {
  const { 'recent.txt': _recent, ...rest } = sampleArticles();
  return rest;
}

/** A project built once, its sources past their racy window (so that the no-change path may be taken). */
async function built(files: Record<string, string> = articles()): Promise<string> {
  const dir = makeProject(files);
  await sleep(2100);
  const first = await buildAt(dir);
  expect(first.work.upToDate).toBe(false);
  return dir;
}

function cacheFile(dir: string, prefix: string): string {
  const cache = path.join(dir, '.cache', 'feedwright');
  const name = readdirSync(cache).find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no ${prefix} file`);
  return path.join(cache, name);
}

/**
 * Rewrite the output record and the last-build summary as if they had been written at `writtenAt`,
 * with the stamps the output files carry now (what a store within the writer's clock tick, after
 * its stamp was taken, leaves: the stamp as recorded, other bytes).
 */
function restamp(dir: string, writtenAt: (stamps: Record<string, Stamp>) => number): void {
  const recordFile = cacheFile(dir, 'outputs-');
  const text = readFileSync(recordFile, 'utf8');
  const format = text.slice(0, text.indexOf('\n')).split(' ').slice(0, -2).join(' ');
  // The record's frame, then the published items' (src/cache/outputs.ts `writeOutputRecord`).
  const [body, published] = readFrameBytes(recordFile, format)?.bodies ?? [];
  const { binary, json } = recordBody(body as Buffer) as { binary: Buffer; json: string };
  const record = JSON.parse(json) as { stamps: Record<string, Stamp>; writtenAt: number };
  for (const [name, r] of Object.entries(record.stamps)) {
    const s = statSync(path.join(dir, 'dist', name));
    Object.assign(r, { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino });
  }
  record.writtenAt = writtenAt(record.stamps);
  const id = writeFrames(recordFile, format, recordFrameParts(binary, JSON.stringify(record)));
  if (published !== undefined) appendFrame(recordFile, format, published.toString('utf8'), id);

  const lastFile = cacheFile(dir, 'last-build-');
  const lastText = readFileSync(lastFile, 'utf8');
  const last = JSON.parse(lastText.slice(lastText.indexOf('\n') + 1)) as { outputs: Record<string, Stamp>; writtenAt: number };
  for (const [name, r] of Object.entries(last.outputs)) {
    const { size, mtimeMs, ctimeMs, ino } = record.stamps[name] as Stamp;
    Object.assign(r, { size, mtimeMs, ctimeMs, ino });
  }
  last.writtenAt = record.writtenAt;
  writeFramed(lastFile, `feedwright-last-build-1 ${CODE_ID}`, JSON.stringify(last));
}

/** The newest mtime or ctime of the stamps: a `writtenAt` that makes every one of them racy. */
const newest = (stamps: Record<string, Stamp>): number => Math.max(...Object.values(stamps).map((s) => Math.max(s.mtimeMs, s.ctimeMs)));

/** Replace `from` by `to` (same length) in an output file and set its mtime back: only its ctime moves. */
function sameSizeEdit(dir: string, name: string, from: string, to: string): void {
  const file = path.join(dir, 'dist', name);
  const before = statSync(file);
  const text = readFileSync(file, 'utf8');
  expect(to.length).toBe(from.length);
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
  utimesSync(file, before.atime, before.mtime);
  // Set back to the millisecond (utimes takes no finer time from a Date).
  expect(Math.abs(statSync(file).mtimeMs - before.mtimeMs)).toBeLessThan(1);
  expect(statSync(file).size).toBe(before.size);
}

describe('racy output stamps', () => {
  afterEach(() => {
    RACY_LIMITS.verifyBytes = 4 << 20;
  });

  it('a racy record whose files hold their recorded bytes is trusted once they are read: the no-change path is taken', async () => {
    const dir = await built();
    const bytes = snapshot(dir);
    restamp(dir, newest);
    const again = await buildAt(dir);
    expect(again.work).toEqual({ upToDate: true, parsed: 0, decoded: 0, rendered: 0, copied: 0 });
    expect(snapshot(dir)).toEqual(bytes);
  });

  it('a no-change build that proved racy files by their bytes writes the summary again: the next one trusts their stamps alone', async () => {
    const dir = await built();
    restamp(dir, newest);
    const lastFile = cacheFile(dir, 'last-build-');
    const writtenAt = (): number => (JSON.parse(readFileSync(lastFile, 'utf8').split('\n').slice(1).join('\n')) as { writtenAt: number }).writtenAt;
    const before = writtenAt();
    expect((await buildAt(dir)).work.upToDate).toBe(true);
    const after = writtenAt();
    expect(after).toBeGreaterThan(before);
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) expect(isRacy(statSync(path.join(dir, 'dist', name)), after)).toBe(false);
    // The output record is no longer needed to prove them (a racy stamp would need it).
    writeFileSync(cacheFile(dir, 'outputs-'), 'damaged');
    expect((await buildAt(dir)).work.upToDate).toBe(true);
  });

  it('a racy record whose feeds are intact lets a rebuild after a change copy their items', async () => {
    const dir = await built();
    restamp(dir, newest);
    writeFileSync(path.join(dir, 'articles', 'one.md'), '---\ntitle: One, edited\ndate: 2024-01-02\nauthor: Ann\ntags: [a, b]\n---\nFirst post, edited.\n');
    const result = await expectSameAsUncached(dir);
    expect(result.work.upToDate).toBe(false);
    expect(result.work.copied).toBeGreaterThan(0);
  });

  it('a one-item feed is checked with its writer\'s separator', async () => {
    const dir = await built({ 'one.md': articles()['one.md'] as string });
    restamp(dir, newest);
    expect((await buildAt(dir)).work.upToDate).toBe(true);
  });

  for (const [name, from, to] of [
    ['rss.xml', 'Third, in a folder.', 'Third, in a f0lder.'],
    ['rss.xml', '<description>Perf test</description>', '<description>Perf tesT</description>'],
    ['feed.json', 'Second post.', 'Second p0st.'],
    ['atom.xml', '<title type="text">Perf test</title>', '<title type="text">Perf tesT</title>'],
  ] as const) {
    it(`a same-size edit of ${name} (${JSON.stringify(from)}) within the racy window (stamp as recorded) is noticed: rebuilt as without a cache`, async () => {
      const dir = await built();
      const good = snapshot(dir);
      sameSizeEdit(dir, name, from, to);
      // Recorded as if taken right after that edit, within its clock tick: the stamp cannot tell.
      restamp(dir, newest);
      const again = await buildAt(dir);
      expect(again.work.upToDate).toBe(false);
      expect(snapshot(dir)).toEqual(good);
      // And by the full path too (no summary): the record alone.
      sameSizeEdit(dir, name, from, to);
      restamp(dir, newest);
      for (const f of readdirSync(path.join(dir, '.cache', 'feedwright'))) if (f.startsWith('last-build-')) writeFileSync(path.join(dir, '.cache', 'feedwright', f), '');
      expect((await buildAt(dir)).work.upToDate).toBe(false);
      expect(snapshot(dir)).toEqual(good);
    });
  }

  it('a stamp in whole seconds (a file system keeping 1-2 s) is racy for 2 s: an edit it hides is noticed', async () => {
    const dir = await built();
    const good = snapshot(dir);
    const file = path.join(dir, 'dist', 'rss.xml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Third, in a folder.', 'Third, in a f0lder.'));
    const second = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
    utimesSync(file, second, second);
    expect(statSync(file).mtimeMs % 1000).toBe(0);
    // Stamps taken OUTPUT_RACY_MS + 50 ms after every one of them: past a fine-grained window, not a coarse one.
    restamp(dir, (stamps) => newest(stamps) + OUTPUT_RACY_MS + 50);
    const again = await buildAt(dir);
    expect(again.work.upToDate).toBe(false);
    expect(snapshot(dir)).toEqual(good);
  });

  it('racy files larger than RACY_LIMITS.verifyBytes together are waited for and stamped again: none is racy', async () => {
    const readRecord = (dir: string): { stamps: Record<string, Stamp>; writtenAt: number } => {
      const file = cacheFile(dir, 'outputs-');
      const text = readFileSync(file, 'utf8');
      const body = readFrameBytes(file, text.slice(0, text.indexOf('\n')).split(' ').slice(0, -2).join(' '))?.bodies[0] as Buffer;
      return JSON.parse((recordBody(body) as { json: string }).json);
    };
    RACY_LIMITS.verifyBytes = 0;
    const large = makeProject(articles());
    await buildAt(large);
    const waited = readRecord(large);
    expect(Object.keys(waited.stamps).length).toBeGreaterThanOrEqual(3);
    for (const s of Object.values(waited.stamps)) expect(isRacy(s, waited.writtenAt)).toBe(false);
  });
});
