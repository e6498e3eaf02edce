import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ItemSlot, ItemSlots, type PreviousOutput, partsOf } from '../../src/feeds/compose.js';
import type { FeedData } from '../../src/feeds/model.js';
import type { Article } from '../../src/model.js';
import { CONFIG, expectSameAsUncached, makeProject, writeArticle } from './helpers.js';

/*
 * A rebuild's feed is mostly the previous file's items in the same order, a few replaced, added or
 * gone (src/feeds/compose.ts `partsOf`): each item's key is compared with the next slot of the
 * previous file of that name, and only a mismatch is looked up in the whole record; copied runs
 * take their slots in one piece (`ItemSlots.pushRun`). Every rebuild here is held to a build
 * without any cache.
 */

const hex = (n: number): string => n.toString(16).padStart(32, '0');

describe('ItemSlots: runs and keys read in place', () => {
  /** Slots with compact keys and hashes, and a few of each kept as strings. */
  function slotsWithOdd(prefix: string, n: number, oddAt: ReadonlySet<number>): { list: ItemSlots; tuples: ItemSlot[] } {
    const list = new ItemSlots(2);
    const tuples: ItemSlot[] = [];
    let at = 100;
    for (let i = 0; i < n; i++) {
      const t: ItemSlot = [
        oddAt.has(i) ? `odd key ${i}` : `${prefix}${hex(i * 7919 + 1)}`,
        at,
        50 + i,
        i % 5 === 4 && oddAt.size > 0 ? `odd hash ${i}` : hex(i * 104729 + 3),
        i % 3,
        (i * 2654435761) % 2 ** 32,
      ];
      tuples.push(t);
      list.push(...t);
      at += 50 + i + 1;
    }
    return { list, tuples };
  }

  it('pushRun gives what pushFrom of each item of the run gives, starts shifted together', () => {
    for (const odd of [new Set<number>(), new Set([3, 11])]) {
      const { list: src, tuples } = slotsWithOdd('rss:', 20, odd);
      for (const [first, last] of [
        [0, 19],
        [2, 9],
        [12, 12],
      ] as const) {
        for (const lead of ['', 'rss:', 'atom:']) {
          const byRun = new ItemSlots(1);
          const byItem = new ItemSlots(1);
          // A list that already holds an item (of this prefix, another, or none) before the run.
          if (lead) {
            byRun.push(`${lead}${hex(99)}`, 0, 10, hex(98), 0, 1);
            byItem.push(`${lead}${hex(99)}`, 0, 10, hex(98), 0, 1);
          }
          const start = 5000;
          byRun.pushRun(src, first, last, start);
          for (let i = first; i <= last; i++) byItem.pushFrom(src, i, tuples[i]?.[0] as string, start + src.start(i) - src.start(first));
          expect([...byRun], `${first}-${last} after '${lead}', odd ${[...odd]}`).toEqual([...byItem]);
          expect([...byRun].slice(lead ? 1 : 0).map((t) => t[1] - start)).toEqual(tuples.slice(first, last + 1).map((t) => t[1] - (tuples[first]?.[1] as number)));
          // What it holds is written to the record and read back as pushed.
          expect([...(ItemSlots.fromBinary(byRun.descriptor(0), Buffer.concat(byRun.binary())) as ItemSlots)]).toEqual([...byRun]);
        }
      }
    }
  });

  it('keyIs answers as key(i) === key would, compact keys compared by their bytes', () => {
    const { list, tuples } = slotsWithOdd('json:', 12, new Set([4]));
    for (const [i, t] of tuples.entries()) {
      expect(list.keyIs(i, t[0])).toBe(true);
      for (const other of [tuples[(i + 1) % tuples.length]?.[0] as string, t[0].toUpperCase(), `x${t[0]}`, t[0].slice(0, -1), `rss:${t[0].slice(5)}`, ''])
        expect(list.keyIs(i, other), `${i} ${other}`).toBe(list.key(i) === other);
    }
  });
});

describe('partsOf: a feed as the previous file of its name, with a few items changed', () => {
  const article = (id: string): Article => ({ id: { value: id } }) as unknown as Article;

  it('compares keys with the previous file in order and asks the whole record only on a mismatch', () => {
    const keys = Array.from({ length: 10 }, (_, i) => `rss:${hex(i + 1)}`);
    const slots = ItemSlots.of(keys.map((k, i): ItemSlot => [k, 10 * i, 9, hex(100 + i), 0, 0]));
    const other = ItemSlots.of([[keys[2] as string, 0, 9, hex(102), 0, 0]]);
    const asked: string[] = [];
    const previous: PreviousOutput = {
      sameFile: (name) => (name === 'rss.xml' ? { file: '/out/rss.xml', slots } : undefined),
      // The record's index: the first file holding the key (another file holds item 2 first).
      find: (key) => {
        asked.push(key);
        if (key === keys[2]) return { file: '/out/other.xml', slots: other, index: 0 };
        const i = keys.indexOf(key);
        return i < 0 ? undefined : { file: '/out/rss.xml', slots, index: i };
      },
      validated: () => undefined,
      intactDigest: () => undefined,
    };
    // New item first; item 4 edited (a new key); item 6 moved to the end; item 8 gone.
    const order = ['new', 0, 1, 2, 3, 'edited', 5, 7, 9, 6];
    const keyOf = (a: Article): string => {
      const i = Number(a.id.value);
      return Number.isNaN(i) ? `rss:${hex(9999 + a.id.value.length)}` : (keys[i] as string);
    };
    const feed = { items: order.map((o) => article(String(o))) } as unknown as FeedData;
    const parts = partsOf({ name: 'rss.xml', feed, keyOf }, previous);
    expect(parts.map((p) => (p.reuse ? `${p.reuse.file.slice(5)}#${p.index}` : 'render'))).toEqual([
      'render',
      'rss.xml#0',
      'rss.xml#1',
      'rss.xml#2',
      'rss.xml#3',
      'render',
      'rss.xml#5',
      'rss.xml#7',
      'rss.xml#9',
      'rss.xml#6',
    ]);
    // Asked: the new item, the edited one, and 6 (moved to the end); 5, 7 and 9 are found one slot on (after the edited, the moved and the gone one).
    expect(asked).toEqual([keyOf(article('new')), keyOf(article('edited')), keys[6]]);
    // Without a previous file of that name, every key is asked (and item 2 comes from the file the record names first).
    asked.length = 0;
    const elsewhere = partsOf({ name: 'tags/a/rss.xml', feed, keyOf }, previous);
    expect(asked.length).toBe(order.length);
    expect(elsewhere[3]?.reuse?.file).toBe('/out/other.xml');
  });
});

const post = (i: number, day: number, tags: string[], extra = ''): string =>
  `---\ntitle: Post ${i}\ndate: 2024-02-${String(day).padStart(2, '0')}T08:00:00Z\nauthor: ${i % 2 ? 'Ann' : 'Bo'}\ntags: [${tags.join(', ')}]\n---\nBody of post ${i}.${extra}\n`;

describe('rebuilds whose feeds move, lose or gain items', () => {
  function project(limit: number): string {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) files[`p${i}.md`] = post(i, i, i % 3 === 0 ? ['odd', 'three'] : ['odd']);
    const dir = makeProject(files);
    writeFileSync(
      path.join(dir, 'feedwright.config.json'),
      JSON.stringify({ ...CONFIG, cache: '.cache/feedwright', limit, archive: limit > 0, feeds: { tags: true, authors: true } }),
    );
    return dir;
  }

  it('an edit in the middle, a date change that reorders, a deletion and an addition give the bytes of a full build', async () => {
    const dir = project(0);
    await expectSameAsUncached(dir);
    writeArticle(dir, 'p6.md', post(6, 6, ['odd', 'three'], ' Edited in the middle.'));
    const edited = await expectSameAsUncached(dir);
    // One item rendered, the eleven around it copied from the previous file.
    expect(edited.files.find((f) => f.name === 'rss.xml')?.items).toEqual({ rendered: 1, copied: 11 });
    // p3 dated newest: it moves from near the end to the top.
    writeArticle(dir, 'p3.md', post(3, 20, ['odd', 'three']));
    await expectSameAsUncached(dir);
    // p10 dated oldest: it moves from near the top to the end.
    writeArticle(dir, 'p10.md', post(10, 1, ['odd']));
    await expectSameAsUncached(dir);
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'articles', 'p7.md'));
    const deleted = await expectSameAsUncached(dir);
    expect(deleted.files.find((f) => f.name === 'rss.xml')?.items).toEqual({ rendered: 0, copied: 11 });
    writeArticle(dir, 'p13.md', post(13, 15, ['three']));
    await expectSameAsUncached(dir);
  });

  it('a date change that moves an item out of the feed window (onto an archive page) gives the bytes of a full build', async () => {
    const dir = project(4);
    await expectSameAsUncached(dir);
    // p11, second newest, dated oldest: out of the current feed, onto the last archive page.
    writeArticle(dir, 'p11.md', post(11, 1, ['odd']));
    await expectSameAsUncached(dir);
    // And back to the top.
    writeArticle(dir, 'p11.md', post(11, 25, ['odd']));
    await expectSameAsUncached(dir);
    // The newest deleted: the window takes the next one in.
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'articles', 'p11.md'));
    await expectSameAsUncached(dir);
  });
});
