import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asPreviousItems, compareInPlace, compareItems, type PublishedItems, publishedItems, publishedMap } from '../../src/feeds/changes.js';
import type { Article } from '../../src/model.js';

/*
 * The change summary of a rebuild compares only the published items whose render key changed when
 * every other item kept its place (`compareInPlace`), keeping the other lines of the recorded list
 * as they were. Whenever it answers, its summary and the list it records must be exactly the full
 * comparison's (`compareItems` against the recorded list, the list made anew from every article),
 * whatever the edits: bodies, titles, dates (which may move an item), adds, deletes, swaps, ids
 * repeated, articles without a render key (never cached).
 */

interface Model {
  id: string;
  title: string;
  updated: number;
  key: string | undefined;
}

let made = 0;
// A render key is a SHA-256 in hex: its first 32 digits (what is kept) differ from any other key's.
const keyFor = (): string => `${(++made).toString(16).padStart(32, '0')}${'f'.repeat(32)}`;

function articleOf(m: Model): Article {
  return {
    id: { value: m.id, from: 'derived' },
    title: { value: m.title, from: 'front-matter' },
    link: { value: `https://example.com/${m.id}`, from: 'derived' },
    updated: { value: new Date(m.updated), from: 'front-matter' },
  } as unknown as Article;
}

type Edit =
  | { kind: 'body' | 'title' | 'date' | 'delete' | 'repeat' | 'unkeyed'; at: number; n: number }
  | { kind: 'add' | 'swap'; at: number; n: number };

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('body', 'body', 'title', 'date', 'delete', 'repeat', 'unkeyed', 'add', 'swap'),
  at: fc.nat(),
  n: fc.nat({ max: 5 }),
}) as fc.Arbitrary<Edit>;

function apply(list: Article[], keys: Map<Article, string | undefined>, models: Map<Article, Model>, e: Edit): Article[] {
  const next = [...list];
  if (next.length === 0 && e.kind !== 'add') return next;
  const i = next.length === 0 ? 0 : e.at % next.length;
  const old = next[i] as Article;
  const m = models.get(old) as Model;
  const put = (changed: Model): Article => {
    const a = articleOf(changed);
    models.set(a, changed);
    keys.set(a, changed.key);
    return a;
  };
  switch (e.kind) {
    case 'body':
      next[i] = put({ ...m, key: keyFor() });
      break;
    case 'title':
      next[i] = put({ ...m, title: `${m.title} (${e.n})`, key: keyFor() });
      break;
    case 'date': {
      // A new date (whole seconds or not: the summary compares whole seconds), maybe moved.
      const a = put({ ...m, updated: m.updated + (e.n - 2) * 500, key: keyFor() });
      next.splice(i, 1);
      next.splice(Math.min(next.length, Math.max(0, i + e.n - 2)), 0, a);
      break;
    }
    case 'delete':
      next.splice(i, 1);
      break;
    case 'repeat':
      next.splice(i, 0, old);
      break;
    case 'unkeyed':
      next[i] = put({ ...m, key: undefined });
      break;
    case 'add':
      next.splice(i, 0, put({ id: `new-${++made}`, title: `New ${made}`, updated: 1_700_000_000_000 + made * 1000, key: keyFor() }));
      break;
    case 'swap': {
      const j = (i + 1 + e.n) % next.length;
      next[i] = next[j] as Article;
      next[j] = old;
      break;
    }
  }
  return next;
}

describe('compareInPlace', () => {
  it('gives the full comparison and list whenever it answers', () => {
    let inPlace = 0;
    let changed = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.array(edit, { maxLength: 4 }), fc.boolean(), (size, edits, twice) => {
        const keys = new Map<Article, string | undefined>();
        const models = new Map<Article, Model>();
        let list: Article[] = [];
        for (let i = 0; i < size; i++) {
          const m: Model = { id: `post-${i}`, title: `Post ${i}`, updated: 1_600_000_000_000 + (size - i) * 1000, key: keyFor() };
          const a = articleOf(m);
          models.set(a, m);
          keys.set(a, m.key);
          list.push(a);
        }
        const renderKey = (a: Article): string | undefined => keys.get(a);
        let recorded: PublishedItems = publishedItems(list, renderKey);
        expect(publishedMap(recorded)).toEqual(new Map(asPreviousItems(list).map((item) => [item.id, item])));
        // Twice: the list one in-place comparison records is the next one's previous list.
        for (let round = 0; round < (twice ? 2 : 1); round++) {
          for (const e of edits) list = apply(list, keys, models, e);
          const full = { changes: compareItems(publishedMap(recorded), list), published: publishedItems(list, renderKey) };
          const fast = compareInPlace(recorded, list, renderKey);
          if (fast) {
            inPlace++;
            if (fast.changes.updated.length > 0 || fast.published !== recorded) changed++;
            expect(fast).toEqual(full);
          }
          recorded = full.published;
        }
      }),
      { numRuns: 400 },
    );
    // Both the answers with edits in place and the unchanged lists were exercised.
    expect(inPlace).toBeGreaterThan(40);
    expect(changed).toBeGreaterThan(20);
  });

  it('leaves a list whose every key is the same as it was, and declines a list of another length', () => {
    const models = Array.from({ length: 5 }, (_, i): Model => ({ id: `p${i}`, title: `P${i}`, updated: 1_600_000_000_000 + i, key: keyFor() }));
    const list = models.map(articleOf);
    const keys = new Map(list.map((a, i) => [a, models[i]?.key]));
    const renderKey = (a: Article): string | undefined => keys.get(a);
    const recorded = publishedItems(list, renderKey);
    expect(compareInPlace(recorded, list, renderKey)).toEqual({ changes: { previous: true, added: [], updated: [], removed: [] }, published: recorded });
    expect(compareInPlace(recorded, list.slice(1), renderKey)).toBeUndefined();
  });
});
