import { mkdtempSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendFrame, readFrames, writeFrames } from '../../src/cache/frames.js';
import { type Head, readHeads, writeHeads } from '../../src/cache/heads.js';
import { type CacheState, readState, writeState } from '../../src/cache/state.js';

/*
 * The cache's side files updated by appended frames (src/cache/frames.ts): what a reader gets is
 * always the last complete write, a torn or foreign tail is never trusted, and a file changed by
 * someone else is rewritten, never appended to.
 */

const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'fw-journal-'));

/** Make the file look touched by another process (new mtime and ctime): this process's memory of it no longer holds. */
function touch(file: string): void {
  const t = new Date(Date.now() + 5000);
  utimesSync(file, t, t);
}

const stamp = (n: number): CacheState['files'][string] => ({ size: n, mtimeMs: 1000 + n, ctimeMs: 2000 + n, ino: 3000 + n, hash: `h${n}`.padEnd(64, '0') });

function state(count: number, writtenAt: number, extra: Record<string, CacheState['files'][string]> = {}): CacheState {
  const files: CacheState['files'] = {};
  for (let i = 0; i < count; i++) files[`a/${i}.md`] = stamp(i);
  return { writtenAt, files: { ...files, ...extra }, template: { sources: 'x', lines: ['Home | News'] } };
}

describe('appended frames', () => {
  it('reads every complete frame, stops at a torn one, and appends only to the file as it was left', () => {
    const file = path.join(tmp(), 'f');
    const id = writeFrames(file, 'fmt 1', ['first ', 'frame']);
    const id2 = appendFrame(file, 'fmt 1', 'second', id);
    expect(id2).toBeDefined();
    expect(readFrames(file, 'fmt 1')?.bodies).toEqual(['first frame', 'second']);
    expect(readFrames(file, 'fmt 2')).toBeUndefined();
    // The old id no longer describes the file: nothing is appended.
    expect(appendFrame(file, 'fmt 1', 'third', id)).toBeUndefined();
    // A frame cut short: the frames before it are read, and the tail is flagged.
    const full = statSync(file).size;
    const id3 = appendFrame(file, 'fmt 1', 'third frame', id2 as NonNullable<typeof id2>);
    expect(id3).toBeDefined();
    truncateSync(file, statSync(file).size - 3);
    const read = readFrames(file, 'fmt 1');
    expect(read?.bodies).toEqual(['first frame', 'second']);
    expect(read?.tail).toBe(true);
    expect(read?.id.size).toBe(full);
    // An altered byte in a frame's body ends the file there.
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('second')] = 0x53;
    writeFileSync(file, bytes);
    expect(readFrames(file, 'fmt 1')?.bodies).toEqual(['first frame']);
    writeFileSync(file, 'garbage');
    expect(readFrames(file, 'fmt 1')).toBeUndefined();
  });
});

describe('cache state by appended changes', () => {
  it('appends a one-file change (a few hundred bytes, not the whole state) and reads back the same state in a new process', () => {
    const file = path.join(tmp(), 'state.json');
    const first = state(2000, 10_000);
    writeState(file, first);
    const whole = statSync(file).size;
    // The next build: one file changed, one gone, one new, the template dropped.
    const next = state(1999, 20_000, { 'a/5.md': { ...stamp(5), size: 99, hash: 'changed'.padEnd(64, '0') }, 'b/new.md': stamp(7) });
    delete next.template;
    expect(readState(file)).toBe(first);
    writeState(file, next);
    const grown = statSync(file).size - whole;
    expect(grown).toBeGreaterThan(0);
    expect(grown).toBeLessThan(1000);
    // Read from the file, not from this process's memory.
    touch(file);
    const back = readState(file);
    expect(back).not.toBe(next);
    expect(back).toEqual(JSON.parse(JSON.stringify(next)));
    // The file was touched by "another process": the next write rewrites it whole, and it reads back.
    touch(file);
    const third = state(10, 30_000);
    writeState(file, third);
    touch(file);
    expect(readState(file)).toEqual(third);
  });

  it('a torn last frame reads as the state before it, and the next write is not appended after the tear', () => {
    const file = path.join(tmp(), 'state.json');
    const first = state(100, 10_000);
    writeState(file, first);
    writeState(file, state(100, 20_000, { 'a/1.md': stamp(50) }));
    truncateSync(file, statSync(file).size - 5);
    touch(file);
    expect(readState(file)).toEqual(first);
    const third = state(100, 30_000, { 'a/2.md': stamp(60) });
    writeState(file, third);
    touch(file);
    expect(readState(file)).toEqual(third);
  });
});

describe('cache heads by appended changes', () => {
  const key = (i: number): string => i.toString(16).padStart(64, '0');
  const headsOf = (n: number, change: Record<number, string> = {}): Map<string, Head> => {
    const m = new Map<string, Head>();
    for (let i = 0; i < n; i++) m.set(key(i), { offset: i * 100, length: 100, json: change[i] ?? `{"n":${i}}` });
    return m;
  };

  it('appends the changed and gone heads only, and reads back what was written', () => {
    const file = path.join(tmp(), 'heads.json');
    const pack = { ino: 7, size: 1_000_000 };
    writeHeads(file, 'heads-x', { pack, heads: headsOf(500) });
    const whole = statSync(file).size;
    const read = readHeads(file, 'heads-x', { ino: 7, size: 1_000_100 });
    expect(read?.heads.size).toBe(500);
    // The heads as the next build writes them: unchanged ones as the very objects read, one changed, the last one gone, one new.
    const next = new Map([...(read?.heads ?? new Map<string, Head>())].filter(([k]) => k !== key(499)));
    next.set(key(3), { offset: 2_000_000, length: 120, json: '{"n":"three"}' });
    next.set(key(900), { offset: 2_000_120, length: 10, json: '{"n":900}' });
    writeHeads(file, 'heads-x', { pack: { ino: 7, size: 2_000_130 }, heads: next });
    expect(statSync(file).size - whole).toBeLessThan(400);
    const back = readHeads(file, 'heads-x', { ino: 7, size: 2_000_130 });
    expect(back?.pack).toEqual({ ino: 7, size: 2_000_130 });
    expect(Object.fromEntries(back?.heads ?? [])).toEqual(Object.fromEntries(next));
    // A pack that is shorter than the last frame says, or another pack: no heads.
    expect(readHeads(file, 'heads-x', { ino: 7, size: 2_000_000 })).toBeUndefined();
    expect(readHeads(file, 'heads-x', { ino: 8, size: 3_000_000 })).toBeUndefined();
  });

  it('rewrites the file whole for a compacted pack (another inode) or a file it did not read', () => {
    const file = path.join(tmp(), 'heads.json');
    writeHeads(file, 'heads-x', { pack: { ino: 7, size: 100_000 }, heads: headsOf(300) });
    readHeads(file, 'heads-x', { ino: 7, size: 100_000 });
    const compacted = headsOf(299, { 1: '{"n":"moved"}' });
    writeHeads(file, 'heads-x', { pack: { ino: 9, size: 50_000 }, heads: compacted });
    const back = readHeads(file, 'heads-x', { ino: 9, size: 50_000 });
    expect(Object.fromEntries(back?.heads ?? [])).toEqual(Object.fromEntries(compacted));
    expect(readFrames(file, 'heads-x frames')?.bodies.length).toBe(1);
    // Read, then changed by someone else: rewritten, not appended to.
    touch(file);
    const other = headsOf(10);
    writeHeads(file, 'heads-x', { pack: { ino: 9, size: 60_000 }, heads: other });
    expect(readFrames(file, 'heads-x frames')?.bodies.length).toBe(1);
    expect(Object.fromEntries(readHeads(file, 'heads-x', { ino: 9, size: 60_000 })?.heads ?? [])).toEqual(Object.fromEntries(other));
  });
});
