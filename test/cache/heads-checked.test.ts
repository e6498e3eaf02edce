import { describe, expect, it } from 'vitest';
import type { ArticleEntry } from '../../src/cache/articles.js';
import { checkedPending, entryKeys, entryOfHead, headJson } from '../../src/cache/heads.js';
import type { ItemDiagnostic } from '../../src/feeds/compose-check.js';
import type { Article } from '../../src/model.js';
import { CheckedItems } from '../../src/pipeline/load.js';

/*
 * An entry served from the cache's heads keeps its items' hashes and findings (`checked`) as the
 * head's text until something reads them (src/cache/heads.ts), and a build's table of validated
 * items parses them only for a hash it does not hold otherwise (src/pipeline/load.ts
 * `CheckedItems`): a rebuild that copies the unchanged articles' items never makes their hashes.
 */

const found: ItemDiagnostic[] = [{ severity: 'warning', code: 'X', message: 'm', line: 1, column: 2 } as ItemDiagnostic];

function entry(n: number, checked: ArticleEntry['checked']): ArticleEntry {
  const date = new Date(Date.UTC(2024, 0, n));
  const article = {
    id: { value: `tag:x,2024:${n}`, from: 'derived' },
    slug: { value: `a${n}`, from: 'file-name' },
    title: { value: `Title ${n}`, from: 'front-matter', line: 2 },
    link: { value: `https://x.example/a${n}`, from: 'derived' },
    authors: { value: [], from: 'config' },
    published: { value: date, from: 'front-matter', line: 3 },
    updated: { value: date, from: 'front-matter', line: 3 },
    tags: { value: ['t'], from: 'front-matter', line: 4 },
    summary: { value: 's', from: 'derived' },
    contentHtml: '<p>b</p>',
    contentText: 'b',
    relPath: `a${n}.md`,
    displayPath: `articles/a${n}.md`,
    kind: 'markdown',
    dropped: [],
  } as unknown as Article;
  return { status: 'ok', article, diagnostics: [], mtimeSec: null, cacheable: true, ...(checked ? { checked } : {}) };
}

const body = (): Pick<Article, 'contentHtml' | 'contentText' | 'dropped'> => ({ contentHtml: '<p>b</p>', contentText: 'b', dropped: [] });

describe('checked items of entries served from the heads', () => {
  it('are read back equal, with the same keys in the same order, and parsed only when read', () => {
    const stored = entry(1, [
      ['a'.repeat(32), []],
      ['b'.repeat(32), found],
    ]);
    const served = entryOfHead(headJson(stored), body, 'k');
    expect(entryKeys(served)).toEqual(Object.keys(stored));
    expect(checkedPending(served)).toBe(true);
    // Written back as it was read, pending or parsed.
    expect(headJson(served)).toBe(headJson(stored));
    expect(served.checked).toEqual(stored.checked);
    expect(checkedPending(served)).toBe(false);
    expect(entryKeys(served)).toEqual(Object.keys(stored));
    expect(headJson(served)).toBe(headJson(stored));
    // Set as any field: the value set wins.
    served.checked = [];
    expect(served.checked).toEqual([]);
    expect(JSON.parse(headJson(served).split('\t')[2] ?? '')).toEqual([]);
  });

  it('an entry without checked items has no third part and reads as stored', () => {
    const stored = entry(2, undefined);
    const served = entryOfHead(headJson(stored), body, 'k');
    expect(checkedPending(served)).toBe(false);
    expect(entryKeys(served)).toEqual(Object.keys(stored));
    expect(served.checked).toBeUndefined();
  });

  it('a build finds every hash an eager map finds, parsing the heads only for a hash the parsed entries lack', () => {
    const hash = (n: number, f: number): string => `${n.toString(16).padStart(30, '0')}${f}0`;
    const entries: ArticleEntry[] = [];
    for (let n = 0; n < 40; n++) {
      const stored = entry(n, [0, 1, 2].map((f) => [hash(n, f), n % 7 === 0 ? found : []] as [string, ItemDiagnostic[]]));
      // Every third entry as a parse makes it (its checked in memory), the others served from heads.
      entries.push(n % 3 === 0 ? stored : entryOfHead(headJson(stored), body, `k${n}`));
    }
    const eager = new Map<string, ItemDiagnostic[]>();
    const lazy = new CheckedItems();
    for (const e of entries) {
      lazy.add(e);
      for (const [h, f] of e.checked ?? []) eager.set(h, f);
    }
    // Reading `checked` above parsed them: served anew, as a build has them.
    const fresh = new CheckedItems();
    const servedAgain = entries.map((e, n) => (n % 3 === 0 ? e : entryOfHead(headJson(e), body, `k${n}`)));
    for (const e of servedAgain) fresh.add(e);
    // The hashes of parsed entries are found without parsing any head.
    expect(fresh.get(hash(3, 1))).toEqual(eager.get(hash(3, 1)));
    expect(servedAgain.filter((e) => checkedPending(e))).toHaveLength(26);
    // A hash only a served entry holds: every head is parsed then, and all are found.
    expect(fresh.get(hash(7, 2))).toEqual(found);
    expect(servedAgain.filter((e) => checkedPending(e))).toHaveLength(0);
    for (const [h, f] of eager) {
      expect(fresh.get(h)).toEqual(f);
      expect(lazy.get(h)).toEqual(f);
    }
    expect(fresh.get('f'.repeat(32))).toBeUndefined();
  });
});
