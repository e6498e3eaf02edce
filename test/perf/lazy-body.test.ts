import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ArticleEntry, decodeEntry, encodeEntry } from '../../src/cache/articles.js';
import { Pack } from '../../src/cache/pack.js';
import { encodeRecord, encodeRecords } from '../../src/cache/record.js';
import { buildAt, expectSameAsUncached, makeProject, reference, sampleArticles, snapshot } from './helpers.js';

/*
 * The article cache stores each entry's body (contentHtml, contentText) after its head and decodes
 * it only when read (src/cache/articles.ts). The record, body included, must still be CRC-checked
 * before the entry is used, and a record that passes the CRC but does not decode must be a miss.
 */

const packFile = (dir: string): string => path.join(dir, '.cache', 'feedwright', 'articles.pack');

interface RawRecord {
  key: Buffer;
  payload: Buffer;
}

function readRecords(file: string): RawRecord[] {
  const buf = readFileSync(file);
  const out: RawRecord[] = [];
  let at = 8;
  while (at + 40 <= buf.length) {
    const length = buf.readUInt32LE(at);
    out.push({ key: Buffer.from(buf.subarray(at + 8, at + 40)), payload: Buffer.from(buf.subarray(at + 40, at + 40 + length)) });
    at += 40 + length;
  }
  return out;
}

/** Write records with correct CRCs (what a bug or another format would leave: nothing for the CRC to catch). */
function writeRecords(file: string, records: readonly RawRecord[]): void {
  const parts: Buffer[] = [Buffer.from('FWPACK01', 'latin1')];
  for (const r of records) {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(r.payload.length, 0);
    head.writeUInt32LE(crc32(Buffer.concat([r.key, r.payload])), 4);
    parts.push(head, r.key, r.payload);
  }
  writeFileSync(file, Buffer.concat(parts));
}

/** The records holding an article whose body contains `marker`. */
function recordsWith(file: string, marker: string): RawRecord[] {
  return readRecords(file).filter((r) => r.payload.includes(Buffer.from(marker)));
}


describe('article cache: bodies decoded on demand', () => {
  it('articles from the cache equal freshly built ones: same keys in the same order, same JSON, same bodies', async () => {
    const dir = makeProject(sampleArticles());
    await buildAt(dir);
    const cached = await buildAt(dir);
    const ref = await reference(dir);
    expect((await cached.articles()).map((a) => Object.keys(a))).toEqual((await ref.result.articles()).map((a) => Object.keys(a)));
    expect(JSON.stringify((await cached.articles()))).toBe(JSON.stringify((await ref.result.articles())));
    expect((await cached.articles())).toEqual((await ref.result.articles()));
    expect(structuredClone((await cached.articles()))).toEqual((await ref.result.articles()));
    const first = (await cached.articles())[0];
    if (!first) throw new Error('no article');
    expect({ ...first }.contentHtml).toBe(first.contentHtml);
    // Still plain, writable properties for the library user.
    first.contentHtml = '<p>replaced</p>';
    first.contentText = 'replaced';
    expect([first.contentHtml, first.contentText]).toEqual(['<p>replaced</p>', 'replaced']);
  });

  it('a damaged byte in a stored body (not the head) is found by the CRC, ignored and rebuilt', async () => {
    const dir = makeProject(sampleArticles());
    await buildAt(dir);
    const file = packFile(dir);
    const bytes = readFileSync(file);
    // The body is the end of the record (the summary in the head has no markup): flip a byte of it.
    const at = bytes.indexOf(Buffer.from('<p>Third, in a folder.</p>'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 3] = (bytes[at + 3] ?? 0) ^ 0x20;
    writeFileSync(file, bytes);
    rmSync(path.join(dir, 'dist'), { recursive: true });
    await expectSameAsUncached(dir);
    expect(snapshot(dir)['feed.json']).toContain('<p>Third, in a folder.</p>');
    expect(Pack.open(file).corrupt).toBe(0);
  });

  it('a record that passes its CRC but does not decode is a miss, and is replaced', async () => {
    const dir = makeProject(sampleArticles());
    await buildAt(dir);
    const file = packFile(dir);
    const target = recordsWith(file, '<p>Third, in a folder.</p>');
    expect(target).toHaveLength(1);
    const key = target[0]?.key;
    const payload = target[0]?.payload ?? Buffer.alloc(0);
    const headLength = payload.readUInt32LE(0);
    const variants: Buffer[] = [
      Buffer.alloc(3),
      // Head length past the end.
      Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0x0f]), payload.subarray(4)]),
      // Body length past the end.
      (() => {
        const b = Buffer.from(payload);
        b.writeUInt32LE(b.length, 4 + headLength);
        return b;
      })(),
      // A head that is not a v8 serialisation.
      Buffer.concat([payload.subarray(0, 4), Buffer.alloc(headLength, 0x41), payload.subarray(4 + headLength)]),
      // A head that is valid but not an entry.
      (() => {
        const head = serialize({ status: 'ok', diagnostics: [] });
        const rest = payload.subarray(4 + headLength);
        const len = Buffer.alloc(4);
        len.writeUInt32LE(head.length, 0);
        return Buffer.concat([len, head, rest]);
      })(),
    ];
    for (const variant of variants) {
      writeRecords(
        file,
        readRecords(file).map((r) => (key && r.key.equals(key) ? { key: r.key, payload: variant } : r)),
      );
      rmSync(path.join(dir, 'dist'), { recursive: true });
      await expectSameAsUncached(dir);
      expect(snapshot(dir)['feed.json']).toContain('<p>Third, in a folder.</p>');
      // The bad record was dropped and the article stored again.
      expect(recordsWith(file, '<p>Third, in a folder.</p>')).toHaveLength(1);
    }
  });

  it('encodes and decodes entries exactly, also bodies UTF-8 cannot carry (a lone surrogate) and entries without an article', async () => {
    const dir = makeProject(sampleArticles());
    const built = await buildAt(dir);
    const article = (await built.articles())[0];
    if (!article) throw new Error('no article');
    const entries: ArticleEntry[] = [
      { status: 'ok', article, diagnostics: [], mtimeSec: null, cacheable: true },
      {
        status: 'ok',
        article: { ...article, contentHtml: '<p>a pair \ud83d\ude00 and a lone \ud800</p>', contentText: 'x\udc00' },
        diagnostics: [],
        mtimeSec: 12,
        cacheable: true,
      },
      { status: 'ok', article: { ...article, contentHtml: '', contentText: 'only text, é' }, diagnostics: [], mtimeSec: null, cacheable: true },
      { status: 'draft', diagnostics: [{ code: 'X', severity: 'note', message: 'm' }], mtimeSec: null, cacheable: true },
    ];
    for (const entry of entries) {
      const decoded = decodeEntry(encodeEntry(entry));
      expect(decoded).toEqual(entry);
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(entry));
    }
    // A worker's batch (encodeRecords): each record byte for byte as encodeRecord makes it, with
    // the room left before it, all in one buffer that no other Buffer shares (it is transferred).
    const before = 40;
    const { buffer, records } = encodeRecords(entries, before);
    expect(records).toHaveLength(entries.length);
    let at = 0;
    for (const [k, entry] of entries.entries()) {
      const one = encodeRecord(entry, before);
      const got = records[k];
      expect(got?.split).toBe(one.split);
      expect(got?.bytes.buffer).toBe(buffer);
      expect(got?.bytes.byteOffset).toBe(at);
      expect(got?.bytes.subarray(before).equals(one.bytes.subarray(before))).toBe(true);
      at += one.bytes.length;
    }
    expect(buffer.byteLength).toBe(at);
    expect(encodeRecords([], before).records).toEqual([]);
  });
});
