import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { resolveArticle } from '../../src/meta/resolve.js';
import type { SourceDocument } from '../../src/model.js';
import { TEST_NOW, testConfig } from '../helpers/project.js';

function doc(frontMatter: Record<string, unknown>, extra: Partial<SourceDocument> = {}): SourceDocument {
  const lines: Record<string, number> = {};
  Object.keys(frontMatter).forEach((k, i) => {
    lines[k] = i + 2;
  });
  return {
    kind: 'markdown',
    relPath: 'posts/hello-world.md',
    displayPath: 'articles/posts/hello-world.md',
    frontMatter,
    frontMatterLines: lines,
    bodyHtml: '<p>First paragraph.</p>',
    bodyText: 'First paragraph.',
    found: {},
    dropped: [],
    ...extra,
  };
}

const ctx = (overrides: Record<string, unknown> = {}) => ({ config: testConfig(overrides), git: new Map<string, { first: Date; last: Date }>(), now: TEST_NOW });
const MTIME = Date.parse('2025-06-01T12:00:00Z');

function authorsOf(frontMatter: Record<string, unknown>, extra: Partial<SourceDocument> = {}, overrides: Record<string, unknown> = {}) {
  const r = resolveArticle(doc({ title: 'T', date: '2024-03-05', ...frontMatter }, extra), MTIME, ctx(overrides));
  if (r.status !== 'ok') throw new Error(`expected ok, got ${r.status}`);
  return r.article.authors.value;
}

describe('resolveArticle: the hot objects of an article have one shape', () => {
  it('gives every author all three keys in one order, undefined where there is no value, whatever the source', () => {
    const people = [
      ...authorsOf({ author: 'Jane Doe' }),
      ...authorsOf({ author: 'Jane Doe <jane@example.com>' }),
      ...authorsOf({ author: { name: 'Jane Doe', url: '/staff/jane' } }),
      ...authorsOf({ authors: [{ name: 'A', email: 'a@example.com', url: 'https://a.example/' }, 'B'] }),
      ...authorsOf({}, { found: { authors: { value: [{ name: 'Found Person' }], from: 'byline' } } }),
      // The config's author, as the config gives it (a name alone).
      ...authorsOf({}, {}, { author: { name: 'Site Owner' } }),
    ];
    expect(people.map((p) => Object.keys(p))).toEqual(people.map(() => ['name', 'email', 'url']));
    // The values are those of the sources: JSON leaves the empty keys out.
    expect(JSON.parse(JSON.stringify(people))).toEqual([
      { name: 'Jane Doe' },
      { name: 'Jane Doe', email: 'jane@example.com' },
      { name: 'Jane Doe', url: 'https://example.com/staff/jane' },
      { name: 'A', email: 'a@example.com', url: 'https://a.example/' },
      { name: 'B' },
      { name: 'Found Person' },
      { name: 'Site Owner' },
    ]);
  });

  it('makes the author and tag lists packed arrays however often it runs (v8.serialize writes a holey one as a sparse array)', () => {
    // A holey array serialises with tag 'a' (sparse), a packed one with 'A' (dense), after the
    // 2-byte header. Array methods (map, filter) give holey arrays once the resolver is optimised,
    // which takes some thousands of runs; every run is checked.
    const fm = { title: 'T', date: '2024-03-05', author: 'Jane Doe', tags: ['news', 'mexico', 'News'] };
    const kinds = new Set<string>();
    for (let i = 0; i < 6000; i++) {
      const r = resolveArticle(doc(fm), MTIME, ctx());
      if (r.status !== 'ok') throw new Error(r.status);
      kinds.add(`authors ${String.fromCharCode(serialize(r.article.authors.value)[2] as number)}`);
      kinds.add(`tags ${String.fromCharCode(serialize(r.article.tags.value)[2] as number)}`);
    }
    expect([...kinds].sort()).toEqual(['authors A', 'tags A']);
  });
});
