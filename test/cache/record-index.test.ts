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
