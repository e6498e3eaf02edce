/**
 * An entry's cache record is v8.serialize of the entry (src/cache/record.ts), which writes a holey
 * array as a sparse one: a list the pipeline makes with `map` (holey once optimised) would give
 * other record bytes after some thousands of articles than before, and another hidden class to
 * every loop over it. The lists of an entry are pushed into literals instead: packed, always.
 */
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { articleContext, runArticle } from '../../src/pipeline/article.js';
import { loadReaders } from '../../src/sources/read.js';

/** The tag v8.serialize writes for an array (after its 2-byte header): 'A' dense, 'a' sparse. */
const arrayTag = (value: unknown): string => String.fromCharCode(serialize(value)[2] as number);

describe("runArticle: an entry's lists", () => {
  it('are packed arrays however often the pipeline runs', async () => {
    await loadReaders(['markdown']);
    const config = resolveConfig({ title: 'Arrays', link: 'https://site.example/', git: false, timezone: 'UTC' });
    const now = new Date('2026-01-01T00:00:00Z');
    const text = '---\ntitle: A post\ndate: 2025-01-02\nauthor: Jane Doe\ntags: [news, mexico]\n---\nA body with *emphasis*.\n';
    const file = { kind: 'markdown' as const, abs: '/nowhere/a.md', relPath: 'a.md', displayPath: 'articles/a.md', size: text.length, mtimeMs: now.getTime() };
    const ctx = articleContext(config, new Set(), new Map(), now);
    const tags = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      const { entry } = runArticle(file, text, ctx);
      if (entry.status !== 'ok' || !entry.checked || !entry.article) throw new Error(`expected ok, got ${entry.status}`);
      tags.add(`checked ${arrayTag(entry.checked)}`);
      tags.add(`authors ${arrayTag(entry.article.authors.value)}`);
      tags.add(`tags ${arrayTag(entry.article.tags.value)}`);
    }
    expect([...tags].sort()).toEqual(['authors A', 'checked A', 'tags A']);
  });
});
