import { mkdtempSync, readFileSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendHeads, CacheEntryGone, coldFileOf, entryKeys, entryOfHead, type Head, type Heads, headJson, ownArticle, readHeads, writeHeads } from '../../src/cache/heads.js';
import type { ArticleEntry } from '../../src/cache/articles.js';
import type { Article } from '../../src/model.js';

/*
 * The heads' cold parts (an article's fields a copying rebuild never reads, and `checked`) are
 * kept in a file of their own beside the heads file (src/cache/heads.ts `ColdFile`): the heads
 * file holds each head's hot part and the place of its cold part, which is read only when asked.
 */

const key = (n: number): string => n.toString(16).padStart(64, '0');
/** A head as a build makes it: hot part, tab, cold part, tab, `checked`. */
const text = (n: number, v = 0): string => `{"status":"ok","n":${n},"checked":0}\t{"slug":"post-${n}-${v}"}\t[["h${n}",[]]]`;
const head = (n: number, v = 0): Head => ({ offset: 8 + 100 * n, length: 100, json: text(n, v) });
const FORMAT = 'test-heads';
const pack = { ino: 7, size: 100_000 };

function fresh(count: number): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'feedwright-cold-')), 'heads.json');
  writeHeads(file, FORMAT, { pack, heads: Array.from({ length: count }, (_, n): [string, Head] => [key(n), head(n)]) });
  return file;
}

/** Each head's whole text as written: its hot part, then its cold part read from the cold file. */
function texts(read: Heads): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, h] of read.heads) out.set(k, h.cold === undefined ? h.json : `${h.json}\t${read.cold?.text(h.cold, k)}`);
  return out;
}

describe('the heads cold file', () => {
  it('holds every cold part; the heads file only the hot parts and their places', () => {
    const file = fresh(100);
    expect(readFileSync(file, 'latin1')).not.toContain('\t');
    expect(readFileSync(file, 'latin1')).not.toContain('post-');
    expect(readFileSync(coldFileOf(file), 'latin1')).toContain('{"slug":"post-42-0"}\t[["h42",[]]]');
    const read = readHeads(file, FORMAT, pack) as Heads;
    expect(texts(read)).toEqual(new Map(Array.from({ length: 100 }, (_, n) => [key(n), text(n)])));
  });

  it('an appended frame appends only the changed heads’ cold parts, and the file reads back as the heads used', () => {
    const file = fresh(100);
    readHeads(file, FORMAT, pack);
    const before = statSync(coldFileOf(file)).size;
    expect(appendHeads(file, FORMAT, pack, [[key(5), head(5, 1)], [key(300), head(300)]], [key(7)])).toBe(true);
    const grown = statSync(coldFileOf(file)).size - before;
    expect(grown).toBe(`{"slug":"post-5-1"}\t[["h5",[]]]{"slug":"post-300-0"}\t[["h300",[]]]`.length);
    const read = readHeads(file, FORMAT, pack) as Heads;
    const expected = new Map(Array.from({ length: 100 }, (_, n) => [key(n), text(n)]));
    expected.set(key(5), text(5, 1));
    expected.set(key(300), text(300));
    expected.delete(key(7));
    expect(texts(read)).toEqual(expected);
  });

  it('written whole after many appends: the heads read before still read their parts, and the new files read back the same', () => {
    const file = fresh(40);
    const expected = new Map(Array.from({ length: 40 }, (_, n) => [key(n), text(n)]));
    let appended = 0;
    for (let round = 1; round <= 80; round++) {
      const read = readHeads(file, FORMAT, pack) as Heads;
      expect(texts(read)).toEqual(expected);
      const n = round % 40;
      expected.set(key(n), text(n, round));
      const used = new Map(read.heads);
      used.set(key(n), head(n, round));
      if (appendHeads(file, FORMAT, pack, [[key(n), head(n, round)]], [])) {
        appended++;
        continue;
      }
      // Not appended (too many frames): written whole, the cold file anew.
      const coldIno = statSync(coldFileOf(file)).ino;
      writeHeads(file, FORMAT, { pack, heads: used });
      expect(statSync(coldFileOf(file)).ino).not.toBe(coldIno);
      // The heads read before the cold file was replaced still read their parts (from memory).
      const old = [...read.heads].filter(([k]) => k !== key(n));
      for (const [k, h] of old) expect(`${h.json}\t${read.cold?.text(h.cold as string, k)}`).toBe(expected.get(k));
    }
    expect(appended).toBeGreaterThan(40);
    expect(appended).toBeLessThan(80);
    expect(texts(readHeads(file, FORMAT, pack) as Heads)).toEqual(expected);
  });

  it('heads read from a file with a tail (a killed append) are written whole with their cold parts', () => {
    const file = fresh(30);
    readHeads(file, FORMAT, pack);
    expect(appendHeads(file, FORMAT, pack, [[key(3), head(3, 1)]], [])).toBe(true);
    truncateSync(file, statSync(file).size - 3);
    // The appended frame is cut short: the heads are the first frame's, and this process may not append.
    const read = readHeads(file, FORMAT, pack) as Heads;
    expect(texts(read).get(key(3))).toBe(text(3));
    expect(appendHeads(file, FORMAT, pack, [[key(4), head(4, 1)]], [])).toBe(false);
    const used = new Map(read.heads);
    used.set(key(4), head(4, 1));
    writeHeads(file, FORMAT, { pack, heads: used, cold: read.cold });
    const expected = new Map(Array.from({ length: 30 }, (_, n) => [key(n), text(n)]));
    expected.set(key(4), text(4, 1));
    expect(texts(readHeads(file, FORMAT, pack) as Heads)).toEqual(expected);
  });

  it('a cold file replaced (another inode) or changed is not read: CacheEntryGone', () => {
    const file = fresh(10);
    const read = readHeads(file, FORMAT, pack) as Heads;
    const place = read.heads.get(key(3))?.cold as string;
    expect(read.cold?.text(place, key(3))).toBe(text(3).slice(text(3).indexOf('\t') + 1));
    // Same bytes, another file.
    const cold = coldFileOf(file);
    writeFileSync(`${cold}.new`, readFileSync(cold));
    renameSync(`${cold}.new`, cold);
    expect(() => read.cold?.text(place, key(3))).toThrow(CacheEntryGone);
    // The heads read now name another inode: not served at all.
    const again = readHeads(file, FORMAT, pack) as Heads;
    expect(() => again.cold?.text(again.heads.get(key(3))?.cold as string, key(3))).toThrow(CacheEntryGone);
    // A part whose bytes changed in place fails its CRC.
    const file2 = fresh(10);
    const read2 = readHeads(file2, FORMAT, pack) as Heads;
    const bytes = readFileSync(coldFileOf(file2));
    writeFileSync(coldFileOf(file2), readFileSync(coldFileOf(file2), 'latin1').replace('post-4-0', 'post-4-X'), 'latin1');
    expect(readFileSync(coldFileOf(file2)).length).toBe(bytes.length);
    const ino = statSync(coldFileOf(file2)).ino;
    expect(read2.cold?.ino).toBe(ino);
    expect(() => read2.cold?.text(read2.heads.get(key(4))?.cold as string, key(4))).toThrow(CacheEntryGone);
    expect(read2.cold?.text(read2.heads.get(key(5))?.cold as string, key(5))).toBe(text(5).slice(text(5).indexOf('\t') + 1));
  });

  it('past the first parts read one by one, the file is read whole once and serves the same parts', () => {
    const file = fresh(300);
    const read = readHeads(file, FORMAT, pack) as Heads;
    for (let round = 0; round < 2; round++) {
      for (const [k, h] of read.heads) expect(`${h.json}\t${read.cold?.text(h.cold as string, k)}`).toBe(text(Number.parseInt(k, 16)));
    }
  });

  it('an entry served from a head without its cold part reads its cold fields and `checked` from the cold file when asked', () => {
    const article = {
      id: { value: 'tag:x,2024:a', from: 'derived' },
      slug: { value: 'a', from: 'file-name' },
      title: { value: 'A', from: 'front-matter', line: 2 },
      link: { value: 'https://x.example/a', from: 'derived' },
      authors: { value: [{ name: 'Ann' }], from: 'front-matter', line: 3 },
      published: { value: new Date('2024-01-02T00:00:00Z'), from: 'front-matter', line: 4 },
      updated: { value: new Date('2024-01-02T00:00:00Z'), from: 'front-matter', line: 4 },
      tags: { value: ['t'], from: 'front-matter', line: 5 },
      summary: { value: 'Sum.', from: 'derived' },
      contentHtml: '<p>Body.</p>',
      contentText: 'Body.',
      relPath: 'a.md',
      displayPath: 'articles/a.md',
      kind: 'markdown',
      dropped: [],
    } as unknown as Article;
    const entry: ArticleEntry = { status: 'ok', article, diagnostics: [], mtimeSec: null, cacheable: true, checked: [['h1', []]] };
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'feedwright-cold-')), 'heads.json');
    writeHeads(file, FORMAT, { pack, heads: [[key(1), { offset: 8, length: 100, json: headJson(entry) }]] });
    const read = readHeads(file, FORMAT, pack) as Heads;
    const h = read.heads.get(key(1)) as Head;
    expect(h.json).not.toContain('Ann');
    let colds = 0;
    const body = () => ({ contentHtml: '<p>Body.</p>', contentText: 'Body.', dropped: [] });
    const served = entryOfHead(h.json, body, key(1), (k) => {
      colds++;
      return read.cold?.text(h.cold as string, k) as string;
    });
    expect(served.article?.title.value).toBe('A');
    expect(colds).toBe(0);
    expect(served.article?.authors.value).toEqual([{ name: 'Ann' }]);
    expect(served.article?.tags.value).toEqual(['t']);
    expect(colds).toBe(1);
    expect(served.checked).toEqual([['h1', []]]);
    expect(JSON.stringify(ownArticle(served.article as Article))).toBe(JSON.stringify(article));
    expect(entryKeys(served)).toEqual(Object.keys(entry));
  });
});
