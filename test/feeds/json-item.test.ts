/**
 * The JSON Feed item's lists and authors are made in one shape however often the writer runs.
 * Once TurboFan has optimised jsonItem, `map` gives holey arrays: another hidden class for
 * jsonText's loop over them, which then deoptimised ("wrong map"), and authors with and without a
 * URL were two shapes. The lists are pushed into literals (packed always) and an author always
 * has `name` and `url` (`undefined` when there is none, left out of the text).
 */
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { jsonItem, jsonWriter } from '../../src/feeds/json.js';
import type { Article } from '../../src/model.js';

/** The tag v8.serialize writes for an array (after its 2-byte header): 'A' dense, 'a' sparse. */
const arrayTag = (value: unknown): string => String.fromCharCode(serialize(value)[2] as number);

const d = (iso: string) => ({ value: new Date(iso), from: 'front-matter' as const });

function article(i: number): Article {
  return {
    id: { value: `https://example.com/a-${i}/`, from: 'derived' },
    slug: { value: `a-${i}`, from: 'derived' },
    title: { value: `Title ${i}`, from: 'front-matter' },
    link: { value: `https://example.com/a-${i}/`, from: 'derived' },
    authors: {
      value: [
        { name: `Author ${i}`, email: i % 3 === 0 ? `a${i}@example.com` : undefined, url: i % 3 === 1 ? `https://example.com/p/${i}` : undefined },
        { name: 'Second', email: undefined, url: undefined },
      ],
      from: 'front-matter',
    },
    published: d('2024-01-02T10:00:00Z'),
    updated: d('2024-02-02T10:00:00Z'),
    tags: { value: ['x', `t${i % 5}`], from: 'front-matter' },
    summary: { value: `Summary ${i}.`, from: 'derived' },
    contentHtml: `<p>Body ${i}</p>`,
    contentText: `Body ${i}`,
    relPath: `a-${i}.md`,
    displayPath: `articles/a-${i}.md`,
    kind: 'markdown',
    dropped: [],
  };
}

describe('jsonItem', () => {
  it('makes packed lists and one author shape however often it runs', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 6000; i++) {
      const item = jsonItem(article(i)) as { authors: { name: string; url?: string }[]; tags: string[] };
      seen.add(`authors ${arrayTag(item.authors)}`);
      seen.add(`tags ${arrayTag(item.tags)}`);
      for (const a of item.authors) seen.add(`author keys ${Object.keys(a).join(',')}`);
    }
    expect([...seen].sort()).toEqual(['author keys name,url', 'authors A', 'tags A']);
  });

  it('leaves an absent author URL out of the text, as before', () => {
    const text = jsonWriter.item(article(2));
    const item = JSON.parse(text) as { authors: object[]; author: object };
    expect(item.authors).toEqual([{ name: 'Author 2' }, { name: 'Second' }]);
    expect(item.author).toEqual({ name: 'Author 2' });
    expect(JSON.parse(jsonWriter.item(article(0))).author).toEqual({ name: 'Author 0', url: 'mailto:a0@example.com' });
    expect(JSON.parse(jsonWriter.item(article(1))).author).toEqual({ name: 'Author 1', url: 'https://example.com/p/1' });
  });
});
