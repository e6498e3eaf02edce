import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { createBuildSession } from '../../src/build.js';
import { type OutputRecord, parseOutputRecord, recordBody, recordChunks } from '../../src/cache/outputs.js';
import { BINARY_BYTES, type ItemSlot, ItemSlots } from '../../src/feeds/compose.js';
import { build } from '../../src/index.js';
import { makeProject, NOW, sampleArticles } from './helpers.js';

/*
 * The output record's per-item slots (src/feeds/compose.ts `ItemSlots`) are what a big build holds
 * until it writes the record: ~300k of them at 100k articles. They are kept in typed arrays, with
 * no object or string per item, and read back exactly as they were pushed.
 */

const hex = (n: number, width = 32): string => n.toString(16).padStart(width, '0');

/** The record as its JSON holds it: each file's stamp under `stamps`, then `writtenAt`; each file's items as where their bytes are. */
function asWritten(record: OutputRecord): unknown {
  const { writtenAt, files, ...rest } = record;
  const bare: Record<string, unknown> = {};
  const stamps: Record<string, unknown> = {};
  let at = 0;
  for (const [name, { size, mtimeMs, ctimeMs, ino, ownMtimeMs, items, ...r }] of Object.entries(files)) {
    bare[name] = items === undefined ? r : { ...r, items: items.descriptor(at) };
    at += BINARY_BYTES * (items?.length ?? 0);
    stamps[name] = { size, mtimeMs, ctimeMs, ino, ...(ownMtimeMs !== undefined ? { ownMtimeMs } : {}) };
  }
  const { fingerprint, ...others } = rest;
  return { fingerprint, files: bare, ...others, stamps, writtenAt };
}

/** The record's frame of a record file (the published items are a second frame after it): its header gives its length. */
function recordFrame(file: string): Buffer {
  const bytes = readFileSync(file);
  const headerEnd = bytes.indexOf(10);
  const length = Number(/ (\d{12}) \d{10}$/.exec(bytes.toString('latin1', 0, headerEnd))?.[1]);
  return bytes.subarray(headerEnd + 1, headerEnd + 1 + length);
}

/** The chunks of a record's frame as one buffer. */
const joined = (chunks: (string | Buffer)[]): Buffer => Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));

/** The slots as the record file holds them: their description and their bytes. */
const asStored = (list: ItemSlots): { descriptor: unknown; bytes: Buffer } => ({ descriptor: list.descriptor(0), bytes: Buffer.concat(list.binary()) });

/** The slots written into a record's binary and read back. */
const roundTrip = (list: ItemSlots): ItemSlots | undefined => ItemSlots.fromBinary(list.descriptor(0), Buffer.concat(list.binary()));

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
    expect([...(roundTrip(list) as ItemSlots)]).toEqual(slots);
    expect([...(ItemSlots.fromBinary(JSON.parse(JSON.stringify(list.descriptor(0))), Buffer.concat(list.binary())) as ItemSlots)]).toEqual(slots);
  });

  it('is written as the bytes of its typed arrays, described by a few fields, and read back exactly', () => {
    const list = new ItemSlots(1);
    for (let i = 0; i < 10_000; i++)
      list.push(i % 997 === 5 ? `odd key ${i}` : `rss:${hex(i * 31)}`, i * 600 + 0.5, 599, i % 1009 === 3 ? `odd hash ${i}` : hex(i * 17), i % 40, (i * 2654435761) % 2 ** 32);
    const descriptor = list.descriptor(7);
    // No array or string per item: the bytes, and the few odd keys and hashes.
    expect(descriptor).toMatchObject({ n: 10_000, at: 7, prefix: 'rss:' });
    expect(descriptor.oddKeys.length).toBe(11);
    expect(descriptor.oddHashes.length).toBe(10);
    const binary = Buffer.concat(list.binary());
    expect(binary.length).toBe(BINARY_BYTES * 10_000);
    // Numbers little-endian, then hashes, then keys.
    expect(binary.readDoubleLE(32 * 3)).toBe(3 * 600 + 0.5);
    expect(binary.toString('hex', 32 * 10_000 + 16 * 2, 32 * 10_000 + 16 * 3)).toBe(hex(2 * 17));
    expect(binary.toString('hex', 48 * 10_000 + 16 * 2, 48 * 10_000 + 16 * 3)).toBe(hex(2 * 31));
    // Read at its place in a larger binary, through its JSON.
    const within = Buffer.concat([Buffer.alloc(7, 1), binary, Buffer.alloc(5, 2)]);
    const back = ItemSlots.fromBinary(JSON.parse(JSON.stringify(descriptor)), within) as ItemSlots;
    expect([...back]).toEqual([...list]);
    // A damaged or older form is not taken for slots.
    expect(ItemSlots.fromBinary([...list].slice(0, 2), within)).toBeUndefined();
    expect(ItemSlots.fromBinary({ ...descriptor, n: 10_001 }, within)).toBeUndefined();
    expect(ItemSlots.fromBinary({ ...descriptor, at: 13 }, within)).toBeUndefined();
    expect(ItemSlots.fromBinary(descriptor, binary)).toBeUndefined();
    expect(ItemSlots.fromBinary({ ...descriptor, oddKeys: [[10_000, 'x']] }, within)).toBeUndefined();
    expect(ItemSlots.fromBinary({ ...descriptor, prefix: null }, within)).toBeUndefined();
    // An empty list.
    expect([...(roundTrip(new ItemSlots()) as ItemSlots)]).toEqual([]);
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
    expect(asStored(to)).toEqual(asStored(expected));
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
    expect(asStored(to)).toEqual(asStored(expected));
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
    const { binary, json } = recordBody(recordFrame(path.join(cache, recordFile))) as { binary: Buffer; json: string };
    const onDisk = JSON.parse(json) as { files: Record<string, { items?: unknown }> };
    const feeds = Object.entries(files).filter(([, r]) => r.items !== undefined);
    expect(feeds.length).toBeGreaterThanOrEqual(3);
    for (const [name, r] of feeds) {
      expect(r.items).toBeInstanceOf(ItemSlots);
      expect([...(ItemSlots.fromBinary(onDisk.files[name]?.items, binary) as ItemSlots)]).toEqual([...(r.items as ItemSlots)]);
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

  it('gives the slots as bytes and exactly the JSON of the rest, in many chunks, no string of them whole and no bytes copied', () => {
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
    const body = joined(chunks);
    const { binary, json } = recordBody(body) as { binary: Buffer; json: string };
    expect(json).toBe(JSON.stringify(asWritten(record)));
    expect(binary.length).toBe(BINARY_BYTES * 20_003);
    expect(chunks.length).toBeGreaterThan(8);
    const strings = chunks.filter((c) => typeof c === 'string');
    // The diagnostics go a batch at a time: no string holds all of the JSON.
    expect(Math.max(...strings.map((c) => c.length))).toBeLessThan(json.length * 0.9);
    // The slots' bytes are views of their arrays, not copies.
    const feed = record.files['feed.json']?.items as ItemSlots;
    const views = chunks.filter((c): c is Buffer => typeof c !== 'string');
    expect(views.some((c) => c.buffer === feed.binary()[1]?.buffer)).toBe(true);
    // Read back: the same record, its stamps in each file's record again, the same slots.
    const back = parseOutputRecord(body) as OutputRecord;
    expect(back.files['index.html']).toEqual(record.files['index.html']);
    const itemsOf = (r: OutputRecord, name: string): ItemSlot[] => [...((r.files[name] as { items: ItemSlots }).items as ItemSlots)];
    expect(itemsOf(back, 'feed.json')).toEqual([...feed]);
    expect(itemsOf(back, 'tags/"q"/rss.xml')).toEqual(itemsOf(record, 'tags/"q"/rss.xml'));
    expect(back.files['empty/atom.xml']?.items?.length).toBe(0);
    expect(joined([...recordChunks(back)])).toEqual(body);
    // A frame cut short, or without its binary's length, is not a record.
    expect(parseOutputRecord(body.subarray(0, 13 + binary.length - 1))).toBeUndefined();
    expect(parseOutputRecord(Buffer.from(json))).toBeUndefined();
  });

  it('without a fingerprint, diagnostics or published items', () => {
    const record: OutputRecord = { fingerprint: undefined, files: {}, writtenAt: 5 };
    expect(recordBody(joined([...recordChunks(record)]))).toEqual({ binary: Buffer.alloc(0), json: JSON.stringify(asWritten(record)) });
    const one: OutputRecord = { fingerprint: undefined, files: { a: { ...stamp, ownMtimeMs: 1.5, digest: 'd', label: 'a', items: slots(1, 'atom') } }, writtenAt: 5 };
    const body = joined([...recordChunks(one)]);
    expect(recordBody(body)?.json).toBe(JSON.stringify(asWritten(one)));
    expect(joined([...recordChunks(parseOutputRecord(body) as OutputRecord)])).toEqual(body);
    // A file without its stamp is not a record.
    expect(parseOutputRecord(Buffer.from(body.toString('latin1').replace('"stamps":{"a":', '"stamps":{"b":'), 'latin1'))).toBeUndefined();
  });

  it('is not waited for: its stamps and writtenAt, taken once the rest is written, come last in its JSON', async () => {
    const dir = makeProject(sampleArticles());
    const start = Date.now();
    await build({ cwd: dir, now: NOW });
    const cache = path.join(dir, '.cache', 'feedwright');
    const recordFile = readdirSync(cache).find((f) => f.startsWith('outputs-')) as string;
    const body = (recordBody(recordFrame(path.join(cache, recordFile))) as { json: string }).json;
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
