import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendHeads, type Head, readHeads, writeHeads } from '../../src/cache/heads.js';

/*
 * A rebuild that knows which heads it may have changed appends only those (and the gone) to the
 * heads file (src/cache/heads.ts `appendHeads`), with the frame `writeHeads` would append after
 * comparing every head: the file reads back as the heads the build used.
 */

const key = (n: number): string => n.toString(16).padStart(64, '0');
const head = (n: number, v = 0): Head => ({ offset: 8 + 100 * n, length: 100, json: `{"status":"draft","diagnostics":[],"mtimeSec":null,"cacheable":true,"n":${n + v}}` });
const FORMAT = 'test-heads';

function fresh(count: number): { file: string; pack: { ino: number; size: number } } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'feedwright-heads-')), 'heads.json');
  const pack = { ino: 7, size: 100_000 };
  writeHeads(file, FORMAT, { pack, heads: Array.from({ length: count }, (_, n): [string, Head] => [key(n), head(n)]) });
  return { file, pack };
}

describe('heads appended from what a build changed', () => {
  it('reads back as the heads used: changed, added and gone, the unchanged ones not given', () => {
    const { file, pack } = fresh(200);
    const read = readHeads(file, FORMAT, pack);
    expect(read?.heads.size).toBe(200);
    const before = readFileSync(file).length;
    // Head 5 changed, 300 added, 7 and 9 gone; 6 given but equal to the one read (left out of the frame).
    expect(appendHeads(file, FORMAT, pack, [[key(5), head(5, 1)], [key(300), head(300)], [key(6), read?.heads.get(key(6)) as Head]], [key(7), key(9)])).toBe(true);
    const after = readFileSync(file, 'latin1');
    expect(after.length - before).toBeLessThan(600);
    const frame = after.slice(before);
    expect(frame).toContain(`\n${key(5)} `);
    expect(frame).toContain(`\n-${key(9)}`);
    expect(frame).not.toContain(key(6));
    const again = readHeads(file, FORMAT, pack);
    const expected = new Map(Array.from({ length: 200 }, (_, n): [string, Head] => [key(n), head(n)]));
    expected.set(key(5), head(5, 1));
    expected.set(key(300), head(300));
    expected.delete(key(7));
    expected.delete(key(9));
    expect(again?.heads).toEqual(expected);
  });

  it('does not append to a file this process did not read, or after it was appended to: the caller writes every head', () => {
    const { file, pack } = fresh(50);
    expect(appendHeads(file, FORMAT, pack, [[key(1), head(1, 1)]], [])).toBe(false);
    readHeads(file, FORMAT, pack);
    expect(appendHeads(file, FORMAT, pack, [[key(1), head(1, 1)]], [])).toBe(true);
    // Once appended, the heads read are no longer the file's.
    expect(appendHeads(file, FORMAT, pack, [[key(2), head(2, 1)]], [])).toBe(false);
    // Another pack: not appended.
    readHeads(file, FORMAT, pack);
    expect(appendHeads(file, FORMAT, { ino: 8, size: 100_000 }, [[key(2), head(2, 1)]], [])).toBe(false);
  });
});
