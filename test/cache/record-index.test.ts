import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IndexedItem, RecordIndex } from '../../src/cache/record-index.js';
import type { ItemDiagnostic } from '../../src/feeds/compose-check.js';
import { ItemSlots } from '../../src/feeds/compose.js';

/*
 * The output record's index is two hash tables over the slots' bytes (src/cache/record-index.ts);
 * it must find exactly what the Map of key strings and the Set of hash strings it replaced found,
 * in the same order: keys stored compact or as strings, one key in several files, equal hex under
 * different prefixes, hashes that are not hex, tables grown past their first size.
 */

const hex = (n: number, seed: number): string => {
  // Few distinct first 4 bytes: many keys share a table position, so probing is exercised, and
  // ff ff ff ff files them at the table's last position, so that probing wraps around.
  const head = ['ffffffff', '0f000000', '00000000'][n % 3] as string;
  return head + (n * 7919 + seed).toString(16).padStart(24, '0');
};

/** A small pool, so that files share keys and hashes. */
const keyOf = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map((n) => `rss:${hex(n, 1)}`),
  fc.integer({ min: 0, max: 12 }).map((n) => `atom:${hex(n, 1)}`),
  fc.integer({ min: 0, max: 12 }).map((n) => hex(n, 1)),
  fc.constantFrom('', 'plain-key', `rss:${hex(1, 1).toUpperCase()}`, `rss:${hex(2, 1)}x`),
);
const hashOf = fc.oneof(
  fc.integer({ min: 0, max: 15 }).map((n) => hex(n, 2)),
  fc.constantFrom('odd-hash', hex(3, 2).slice(1), ''),
);
const item = fc.tuple(keyOf, hashOf);
const files = fc.array(fc.array(item, { maxLength: 12 }), { minLength: 1, maxLength: 5 });

function slotsOf(items: readonly [string, string][]): ItemSlots {
  const slots = new ItemSlots(1);
  for (const [i, [key, hash]] of items.entries()) slots.push(key, 100 * i, 10, hash, 1, i);
  return slots;
}

/** The index as it was: a Map of key strings, a Set of hash strings. */
function reference(lists: readonly { name: string; slots: ItemSlots }[]): { byKey: Map<string, [string, number][]>; hashes: Set<string> } {
  const byKey = new Map<string, [string, number][]>();
  const hashes = new Set<string>();
  for (const { name, slots } of lists) {
    for (let index = 0; index < slots.length; index++) {
      hashes.add(slots.hash(index));
      const key = slots.key(index);
      if (!key) continue;
      byKey.set(key, [...(byKey.get(key) ?? []), [name, index]]);
    }
  }
  return { byKey, hashes };
}

const visited = (index: RecordIndex, key: string): [string, number][] => {
  const out: [string, number][] = [];
  index.find(key, (r: IndexedItem) => {
    out.push([r.name, r.index]);
    return undefined;
  });
  return out;
};

describe('RecordIndex', () => {
  it('finds exactly the items, in order, and the validated hashes a Map and a Set of strings find', () => {
    fc.assert(
      fc.property(files, fc.array(item, { maxLength: 8 }), (lists, probe) => {
        const named = lists.map((items, i) => ({ name: `f${i}.xml`, slots: slotsOf(items) }));
        const index = new RecordIndex(1);
        for (const { name, slots } of named) index.add(name, slots);
        const diagnosed: ItemDiagnostic[] = [{ code: 'X', message: 'm' } as unknown as ItemDiagnostic];
        const withDiagnostics = Object.fromEntries([...reference(named).hashes].filter((_, i) => i % 2 === 0).map((h) => [h, diagnosed]));
        index.diagnose(withDiagnostics);
        const ref = reference(named);
        const keys = new Set([...lists.flat().map(([k]) => k), ...probe.map(([k]) => k)]);
        for (const key of keys) expect(visited(index, key)).toEqual(ref.byKey.get(key) ?? []);
        const other = slotsOf(probe);
        for (const [i, [, hash]] of [...lists.flat(), ...probe].entries()) {
          const want = ref.hashes.has(hash) ? (withDiagnostics[hash] ?? []) : undefined;
          expect(index.validated(hash)).toEqual(want);
          if (i < lists.flat().length) continue;
          expect(index.validatedAt(other, i - lists.flat().length)).toEqual(want);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('read back from its tables (the output record keeps them), finds and validates exactly what the index made finds', () => {
    // Compact keys only (one prefix per file) and hex hashes: what a build records.
    const compactFiles = fc.array(
      fc.tuple(
        fc.constantFrom('rss:', 'atom:', 'json:'),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 15 })), { maxLength: 40 }),
      ),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(compactFiles, fc.array(item, { maxLength: 8 }), (lists, probe) => {
        const named = lists.map(([prefix, items], i) => ({ name: `f${i}.xml`, slots: slotsOf(items.map(([k, h]) => [`${prefix}${hex(k, 1)}`, hex(h, 2)])) }));
        const made = new RecordIndex(named.reduce((n, l) => n + l.slots.length, 0));
        for (const { name, slots } of named) made.add(name, slots);
        const tables = made.tables();
        expect(tables).toBeDefined();
        const { descriptor, bytes } = tables as NonNullable<typeof tables>;
        const read = RecordIndex.fromTables(named, JSON.parse(JSON.stringify(descriptor)), Buffer.concat(bytes)) as RecordIndex;
        expect(read).toBeDefined();
        const diagnosed: ItemDiagnostic[] = [{ code: 'X', message: 'm' } as unknown as ItemDiagnostic];
        const withDiagnostics = Object.fromEntries([...reference(named).hashes].filter((_, i) => i % 3 === 0).map((h) => [h, diagnosed]));
        made.diagnose(withDiagnostics);
        read.diagnose(withDiagnostics);
        const all = named.flatMap(({ slots }) => Array.from({ length: slots.length }, (_, i) => [slots.key(i), slots.hash(i)] as [string, string]));
        const keys = new Set([...all.map(([k]) => k), ...probe.map(([k]) => k), `rss:${hex(40, 1)}`]);
        for (const key of keys) expect(visited(read, key)).toEqual(visited(made, key));
        const other = slotsOf(probe);
        for (const [, hash] of [...all, ...probe]) expect(read.validated(hash)).toEqual(made.validated(hash));
        for (let i = 0; i < other.length; i++) expect(read.validatedAt(other, i)).toEqual(made.validatedAt(other, i));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps no tables when a key or hash is kept as a string, and refuses tables that do not fit the files', () => {
    const odd = new RecordIndex();
    odd.add('a.xml', slotsOf([['plain-key', hex(1, 2)]]));
    expect(odd.tables()).toBeUndefined();
    const named = [
      { name: 'a.xml', slots: slotsOf([[`rss:${hex(1, 1)}`, hex(1, 2)], [`rss:${hex(2, 1)}`, hex(2, 2)]]) },
      { name: 'b.xml', slots: slotsOf([[`atom:${hex(1, 1)}`, hex(1, 2)]]) },
    ];
    const index = new RecordIndex(3);
    for (const { name, slots } of named) index.add(name, slots);
    const { descriptor, bytes } = index.tables() as NonNullable<ReturnType<RecordIndex['tables']>>;
    const all = Buffer.concat(bytes);
    expect(RecordIndex.fromTables(named, descriptor, all)).toBeDefined();
    // Another file, another item count, other table sizes or counts, bytes cut short.
    expect(RecordIndex.fromTables([named[0] as (typeof named)[0], { ...(named[1] as (typeof named)[0]), name: 'c.xml' }], descriptor, all)).toBeUndefined();
    expect(RecordIndex.fromTables(named, { ...descriptor, lengths: [2, 2] }, all)).toBeUndefined();
    expect(RecordIndex.fromTables(named.slice(0, 1), descriptor, all)).toBeUndefined();
    expect(RecordIndex.fromTables(named, { ...descriptor, keySize: 24 }, all)).toBeUndefined();
    expect(RecordIndex.fromTables(named, { ...descriptor, hashes: descriptor.hashes + 1 }, all)).toBeUndefined();
    expect(RecordIndex.fromTables(named, descriptor, all.subarray(1))).toBeUndefined();
    expect(RecordIndex.fromTables(named, 'tables', all)).toBeUndefined();
    // An entry naming an item past its file's end, or a file that is not there.
    const at = new Int32Array(all.buffer.slice(all.byteOffset, all.byteOffset + all.length));
    const used = at.subarray(0, descriptor.keySize).indexOf(1);
    const past = new Int32Array(at);
    past[descriptor.keySize + used] = 1;
    expect(RecordIndex.fromTables(named, descriptor, Buffer.from(past.buffer))).toBeUndefined();
    const noFile = new Int32Array(at);
    noFile[used] = 2;
    expect(RecordIndex.fromTables(named, descriptor, Buffer.from(noFile.buffer))).toBeUndefined();
  });

  it('stops at the first item the visitor accepts', () => {
    const index = new RecordIndex();
    const key = `rss:${hex(5, 1)}`;
    index.add('a.xml', slotsOf([[key, hex(1, 2)]]));
    index.add('b.xml', slotsOf([['other', hex(2, 2)], [key, hex(3, 2)]]));
    expect(index.find(key, (r) => (r.name === 'b.xml' ? r.index : undefined))).toBe(1);
    expect(index.find(key, (r) => r.name)).toBe('a.xml');
    expect(index.find(`atom:${hex(5, 1)}`, (r) => r.name)).toBeUndefined();
  });
});
