import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ItemSlots } from '../../src/feeds/compose.js';

/*
 * A feed's digest hashes every item's hash in turn; it hashes runs of them joined into one string
 * (`ItemSlots.hashesJoined`) instead of one string per item. The joined string must be exactly the
 * items' hashes one after the other, whether they are stored compact (32 hex digits) or as odd
 * strings beside, so the digest, recorded by one build and compared by the next, is unchanged.
 */

const compact = fc.stringMatching(/^[0-9a-f]{32}$/);
const odd = fc.constantFrom('odd-hash', '', 'ABCDEF0123456789ABCDEF0123456789', '0123');
const hashes = fc.array(fc.oneof({ weight: 4, arbitrary: compact }, { weight: 1, arbitrary: odd }), { maxLength: 40 });

function slotsOf(list: readonly string[]): ItemSlots {
  const slots = new ItemSlots(1);
  for (const [i, hash] of list.entries()) slots.push(`rss:${i.toString(16).padStart(32, '0')}`, 10 * i, 10, hash, 1, i);
  return slots;
}

describe('ItemSlots.hashesJoined', () => {
  it('is the hashes of the range, one after the other, compact or odd', () => {
    fc.assert(
      fc.property(hashes, fc.nat(), fc.nat(), (list, a, b) => {
        const slots = slotsOf(list);
        const from = list.length === 0 ? 0 : a % (list.length + 1);
        const to = from + (list.length === 0 ? 0 : b % (list.length - from + 1));
        let expected = '';
        for (let i = from; i < to; i++) expected += slots.hash(i);
        expect(slots.hashesJoined(from, to)).toBe(expected);
        expect(slots.hashesJoined(from, to)).toBe(list.slice(from, to).join(''));
      }),
      { numRuns: 300 },
    );
  });
});
