import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { createBuildSession } from '../../src/build.js';
import { type OutputRecord, parseOutputRecord, recordChunks } from '../../src/cache/outputs.js';
import { type ItemSlot, ItemSlots } from '../../src/feeds/compose.js';
import { build } from '../../src/index.js';
import { makeProject, NOW, sampleArticles } from './helpers.js';

/*
 * The output record's per-item slots (src/feeds/compose.ts `ItemSlots`) are what a big build holds
 * until it writes the record: ~300k of them at 100k articles. They are kept in typed arrays, with
 * no object or string per item, and read back exactly as they were pushed.
 */

const hex = (n: number, width = 32): string => n.toString(16).padStart(width, '0');

/** The record as its JSON holds it: each file's stamp under `stamps`, then `writtenAt`. */
function asWritten(record: OutputRecord): unknown {
  const { writtenAt, files, ...rest } = record;
  const bare: Record<string, unknown> = {};
  const stamps: Record<string, unknown> = {};
  for (const [name, { size, mtimeMs, ctimeMs, ino, ownMtimeMs, ...r }] of Object.entries(files)) {
    bare[name] = r;
    stamps[name] = { size, mtimeMs, ctimeMs, ino, ...(ownMtimeMs !== undefined ? { ownMtimeMs } : {}) };
  }
  const { fingerprint, ...others } = rest;
  return { fingerprint, files: bare, ...others, stamps, writtenAt };
}

/** The record's frame of a record file (the published items are a second frame after it): its header gives its length. */
function recordBody(file: string): string {
  const bytes = readFileSync(file);
  const headerEnd = bytes.indexOf(10);
  const length = Number(/ (\d{12}) \d{10}$/.exec(bytes.toString('latin1', 0, headerEnd))?.[1]);
  return bytes.toString('utf8', headerEnd + 1, headerEnd + 1 + length);
}

describe('ItemSlots: the items of a feed file, held compactly', () => {
  it('reads back every slot as pushed, keys and hashes of any form included', () => {
    const slots: ItemSlot[] = [
      [`json:${hex(1)}`, 10, 20, hex(2), 3, 0],
      ['', 31, 5, hex(3), 0, 2 ** 32 - 1],
      [`json:${hex(4)}`, 2 ** 40, 7, 'not a hash', 1, 12345],
      ['rss:other', 50, 1, hex(5).toUpperCase(), 2, 1],
      [`json:${hex(6).slice(1)}z`, 60, 2, hex(6), 0, 7],
      [hex(7), 70, 3, `${hex(8)}0`, 4, 99],
    ];
    const list = ItemSlots.of(slots);
    expect(list.length).toBe(slots.length);
    expect([...list]).toEqual(slots);
    expect([...(ItemSlots.fromJSON(list.toJSON()) as ItemSlots)]).toEqual(slots);
    expect([...(ItemSlots.fromJSON(JSON.parse(JSON.stringify(list))) as ItemSlots)]).toEqual(slots);
  });

  it('is written as base64 of its typed arrays, a batch of items per string, and read back exactly', () => {
    const list = new ItemSlots(1);
    for (let i = 0; i < 10_000; i++)
      list.push(i % 997 === 5 ? `odd key ${i}` : `rss:${hex(i * 31)}`, i * 600 + 0.5, 599, i % 1009 === 3 ? `odd hash ${i}` : hex(i * 17), i % 40, (i * 2654435761) % 2 ** 32);
    const json = list.toJSON();
    // No array or string per item: three strings per batch of 4096, and the few odd keys and hashes.
    expect(json.n).toBe(10_000);
    expect(json.batches.length).toBe(3);
    expect(json.oddKeys.length).toBe(11);
    expect(json.oddHashes.length).toBe(10);
    expect([...list.jsonChunks()].join('')).toBe(JSON.stringify(list));
    const back = ItemSlots.fromJSON(JSON.parse(JSON.stringify(list))) as ItemSlots;
    expect([...back]).toEqual([...list]);
    // A damaged or older form is not taken for slots.
    expect(ItemSlots.fromJSON([...list].slice(0, 2))).toBeUndefined();
    expect(ItemSlots.fromJSON({ ...json, n: 10_001 })).toBeUndefined();
    expect(ItemSlots.fromJSON({ ...json, batches: [json.batches[0], json.batches[1], [json.batches[2]?.[0], 'AAAA', json.batches[2]?.[2]]] })).toBeUndefined();
    expect(ItemSlots.fromJSON({ ...json, oddKeys: [[10_000, 'x']] })).toBeUndefined();
  });

  it('pushFrom copies an item of another list under a new start, as push of its tuple would, without making the tuple', () => {
    const from = new ItemSlots(2);
    const tuples: ItemSlot[] = [
      [`rss:${hex(5)}`, 10, 99, hex(77), 3, 123456],
      ['odd key', 120, 40, 'odd hash', 1, 7],
      [`rss:${hex(6)}`, 170, 12, hex(78), 0, 0],
    ];
    for (const t of tuples) from.push(...t);
    const to = new ItemSlots(1);
    const expected = new ItemSlots(1);
    for (const [i, t] of [2, 1, 0].entries()) {
      const [key, , bytes, hash, lines, crc] = tuples[t] as ItemSlot;
      to.pushFrom(from, t, key, 1000 * i);
      expected.push(key, 1000 * i, bytes, hash, lines, crc);
    }
    expect([...to]).toEqual([...expected]);
    expect(to.toJSON()).toEqual(expected.toJSON());
  });

  it('pushFrom copies a compact key as stored (no hex parsed again), and falls back to the key given across prefixes', () => {
    const from = new ItemSlots(4);
    for (let i = 0; i < 100; i++) from.push(`rss:${hex(i * 13)}`, i * 10, 9, hex(i), 1, i);
    const other = ItemSlots.of([[`atom:${hex(3)}`, 0, 5, hex(4), 0, 1]]);
    const to = new ItemSlots(1);
    const expected = new ItemSlots(1);
    const write = vi.spyOn(Buffer.prototype, 'write');
    try {
      for (let i = 99; i >= 0; i--) to.pushFrom(from, i, `rss:${hex(i * 13)}`, 1000 - i);
      // A rebuild copies ~30k items this way: their keys' bytes are copied, not parsed from hex.
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
    // Another list's prefix: kept as the key given, read back exactly.
    to.pushFrom(other, 0, `atom:${hex(3)}`, 5000);
    for (let i = 99; i >= 0; i--) expected.push(`rss:${hex(i * 13)}`, 1000 - i, 9, hex(i), 1, i);
    expected.push(`atom:${hex(3)}`, 5000, 5, hex(4), 0, 1);
    expect([...to]).toEqual([...expected]);
    expect(to.toJSON()).toEqual(expected.toJSON());
  });

  it('grows past its first capacity', () => {
    const list = new ItemSlots(1);
    const slots: ItemSlot[] = [];
    for (let i = 0; i < 1000; i++) {
      const slot: ItemSlot = [`atom:${hex(i)}`, i * 100, 99, hex(i * 7), i % 5, i * 65537];
      slots.push(slot);
      list.push(...slot);
    }
    expect([...list]).toEqual(slots);
    expect(list.at(999)).toEqual(slots[999]);
  });

  it('holds the usual slots (a format prefix and 32 hex digits as key, 32 hex digits as hash) in typed arrays only', () => {
    const list = new ItemSlots(4);
    for (let i = 0; i < 10_000; i++) list.push(`rss:${hex(i * 31)}`, i * 500, 499, hex(i * 17), 12, i);
    // No per-item object, string or Map: every field is a typed array, a number, a short string or unset.
    for (const value of Object.values(list)) {
      if (value === undefined || typeof value === 'number' || typeof value === 'string') continue;
      expect(ArrayBuffer.isView(value)).toBe(true);
    }
    let bytes = 0;
    for (const value of Object.values(list)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    // 64 bytes an item, at most doubled by growth.
    expect(bytes).toBeLessThanOrEqual(2 * 64 * 10_000);
    expect(list.at(1234)).toEqual([`rss:${hex(1234 * 31)}`, 1234 * 500, 499, hex(1234 * 17), 12, 1234]);
  });

  it('is the form a build records its feeds in, and the record file holds the same slots', async () => {
    const dir = makeProject(sampleArticles());
    const session = createBuildSession();
    await build({ cwd: dir, now: NOW, session });
    const files = session.outputs?.files ?? {};
    const cache = path.join(dir, '.cache', 'feedwright');
    const recordFile = readdirSync(cache).find((f) => f.startsWith('outputs-')) as string;
    const onDisk = JSON.parse(recordBody(path.join(cache, recordFile))) as { files: Record<string, { items?: unknown }> };
    const feeds = Object.entries(files).filter(([, r]) => r.items !== undefined);
    expect(feeds.length).toBeGreaterThanOrEqual(3);
    for (const [name, r] of feeds) {
      expect(r.items).toBeInstanceOf(ItemSlots);
      expect([...(ItemSlots.fromJSON(onDisk.files[name]?.items) as ItemSlots)]).toEqual([...(r.items as ItemSlots)]);
    }
  });

  it('keeps for every item the CRC-32 of its bytes as written, which a copy is checked against', async () => {
    const dir = makeProject(sampleArticles());
    const session = createBuildSession();
    await build({ cwd: dir, now: NOW, session });
    const feeds = Object.entries(session.outputs?.files ?? {}).filter(([, r]) => r.items !== undefined);
    expect(feeds.length).toBeGreaterThanOrEqual(3);
    for (const [name, r] of feeds) {
      const bytes = readFileSync(path.join(dir, 'dist', name));
      for (const [, start, length, , , crc] of r.items as ItemSlots) expect(crc).toBe(crc32(bytes.subarray(start, start + length)));
    }
  });
});

describe('the output record is written in chunks', () => {
  const slots = (n: number, format: string): ItemSlots => {
    const list = new ItemSlots(n);
    for (let i = 0; i < n; i++) list.push(i % 1000 === 7 ? '' : `${format}:${hex(i)}`, i * 300, 299, hex(i * 3), 9, i);
    return list;
  };
  const stamp = { size: 1, mtimeMs: 1.5, ctimeMs: 2.25, ino: 3 };

  it('gives exactly the JSON of the whole record, in many chunks none of them whole', () => {
    const record: OutputRecord = {
      fingerprint: 'f'.repeat(64),
      files: {
        'feed.json': { ...stamp, digest: 'd1', label: 'dist/feed.json', items: slots(20_000, 'json') },
        'index.html': { ...stamp, digest: 'd2', label: 'dist/index.html' },
        'tags/"q"/rss.xml': {
          ...stamp,
          digest: 'd3',
          label: 'dist/tags/"q"/rss.xml',
          diagnostics: [{ severity: 'warning', code: 'X', message: 'm\u2028', file: 'f', line: 2 }],
          items: slots(3, 'rss'),
        },
        'empty/atom.xml': { ...stamp, digest: 'd4', label: 'l', items: new ItemSlots() },
      },
      itemDiagnostics: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [hex(i), [{ severity: 'warning' as const, code: 'Y', message: `n${i}` }]])),
      // Last, as the record is made and written (its JSON ends with it: src/cache/outputs.ts `recordChunks`).
      writtenAt: 1_700_000_000_123.5,
    };
    const chunks = [...recordChunks(record)];
    expect(chunks.join('')).toBe(JSON.stringify(asWritten(record)));
    expect(chunks.length).toBeGreaterThan(8);
    const longest = Math.max(...chunks.map((c) => c.length));
    expect(longest).toBeLessThan(chunks.join('').length / 4);
    // Read back: the same record, its stamps in each file's record again.
    const back = parseOutputRecord(chunks.join('')) as OutputRecord;
    expect(back.files['index.html']).toEqual(record.files['index.html']);
    expect([...recordChunks(back)].join('')).toBe(chunks.join(''));
  });

  it('without a fingerprint, diagnostics or published items', () => {
    const record: OutputRecord = { fingerprint: undefined, files: {}, writtenAt: 5 };
    expect([...recordChunks(record)].join('')).toBe(JSON.stringify(asWritten(record)));
    const one: OutputRecord = { fingerprint: undefined, files: { a: { ...stamp, ownMtimeMs: 1.5, digest: 'd', label: 'a', items: slots(1, 'atom') } }, writtenAt: 5 };
    const text = [...recordChunks(one)].join('');
    expect(text).toBe(JSON.stringify(asWritten(one)));
    expect([...recordChunks(parseOutputRecord(text) as OutputRecord)].join('')).toBe(text);
    // A file without its stamp is not a record.
    expect(parseOutputRecord(text.replace('"stamps":{"a":', '"stamps":{"b":'))).toBeUndefined();
  });

  it('is not waited for: its stamps and writtenAt, taken once the rest is written, come last in its JSON', async () => {
    const dir = makeProject(sampleArticles());
    const start = Date.now();
    await build({ cwd: dir, now: NOW });
    const cache = path.join(dir, '.cache', 'feedwright');
    const recordFile = readdirSync(cache).find((f) => f.startsWith('outputs-')) as string;
    const body = recordBody(path.join(cache, recordFile));
    const json = JSON.parse(body) as { stamps: Record<string, { mtimeMs: number; ctimeMs: number }>; writtenAt: number };
    expect(Object.keys(json).slice(-2)).toEqual(['stamps', 'writtenAt']);
    expect(body.endsWith(`,"writtenAt":${json.writtenAt}}`)).toBe(true);
    expect(json.writtenAt).toBeGreaterThanOrEqual(start);
    const stamps = Object.values(json.stamps);
    expect(stamps.length).toBeGreaterThanOrEqual(3);
    // Not waited for: on an idle machine the stamps of so small a build are racy (the next build
    // checks their bytes). Not asserted: under load the body alone may outlast the window.
    // No temporary file is left beside it.
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a record that cannot be written leaves no temporary file, and the build goes on without it', async () => {
    const dir = makeProject(sampleArticles());
    const first = await build({ cwd: dir, now: NOW });
    const cache = path.join(dir, '.cache', 'feedwright');
    const recordFile = readdirSync(cache).find((f) => f.startsWith('outputs-')) as string;
    // A folder where the record goes: its rename fails once the whole record is written.
    rmSync(path.join(cache, recordFile));
    mkdirSync(path.join(cache, recordFile, 'x'), { recursive: true });
    writeFileSync(path.join(dir, 'articles', 'added.md'), '---\ntitle: Added\ndate: 2024-01-02\n---\nA new one.\n');
    const result = await build({ cwd: dir, now: NOW });
    const errors = (r: typeof first): string[] => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.file}`);
    expect(errors(result)).toEqual(errors(first));
    expect(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')).toContain('Added');
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
