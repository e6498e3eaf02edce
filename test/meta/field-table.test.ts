/**
 * resolveArticle reads each field through one resolver of a table (src/meta/resolve.ts FIELDS),
 * whose front matter keys come from src/meta/fields.ts: so every field a config "keys" map may
 * extend is read from a mapped key, including a key inside a map, and a generator's own keys
 * (Zola's [taxonomies]) are read like any other.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAPPABLE_FIELDS } from '../../src/meta/fields.js';
import { resolveArticle } from '../../src/meta/resolve.js';
import type { SourceDocument } from '../../src/model.js';
import { detectSite } from '../../src/site/detect.js';
import { TEST_NOW, testConfig } from '../helpers/project.js';

function doc(frontMatter: Record<string, unknown>, relPath = 'posts/p.md'): SourceDocument {
  const lines: Record<string, number> = {};
  for (const [i, k] of Object.keys(frontMatter).entries()) lines[k] = i + 2;
  return { kind: 'markdown', relPath, displayPath: `articles/${relPath}`, frontMatter, frontMatterLines: lines, bodyHtml: '<p>Body.</p>', bodyText: 'Body.', found: {}, dropped: [] };
}

function resolve(fm: Record<string, unknown>, config: Record<string, unknown> = {}, relPath?: string) {
  return resolveArticle(doc(fm, relPath), Date.parse('2025-06-01T12:00:00Z'), { config: testConfig(config), git: new Map(), now: TEST_NOW });
}

/** A value for each mappable field, and what the article then holds. */
const SAMPLES: Record<(typeof MAPPABLE_FIELDS)[number], { value: unknown; field: string; expected: unknown }> = {
  title: { value: 'Mapped title', field: 'title', expected: 'Mapped title' },
  authors: { value: 'Ada Lovelace', field: 'authors', expected: [{ name: 'Ada Lovelace' }] },
  published: { value: '2024-02-03', field: 'published', expected: new Date('2024-02-03T00:00:00Z') },
  updated: { value: '2024-05-06', field: 'updated', expected: new Date('2024-05-06T00:00:00Z') },
  slug: { value: 'mapped-slug', field: 'slug', expected: 'mapped-slug' },
  link: { value: 'https://example.com/mapped/', field: 'link', expected: 'https://example.com/mapped/' },
  tags: { value: ['one', 'two'], field: 'tags', expected: ['one', 'two'] },
  summary: { value: 'Mapped summary.', field: 'summary', expected: 'Mapped summary.' },
  image: { value: 'https://example.com/i.png', field: 'image', expected: 'https://example.com/i.png' },
  lang: { value: 'pt-BR', field: 'lang', expected: 'pt-BR' },
};

describe('the field table', () => {
  it.each(MAPPABLE_FIELDS.map((f) => [f]))('reads %s from a key the config maps, with its line, and warns about nothing', (field) => {
    const sample = SAMPLES[field];
    const fm: Record<string, unknown> = { ...(field === 'title' ? {} : { title: 'T' }), ...(field === 'published' ? {} : { date: '2024-01-01' }), site_value: sample.value };
    const r = resolve(fm, { keys: { [field]: ['site_value'] } });
    if (r.status !== 'ok') throw new Error(JSON.stringify(r.diagnostics));
    const got = (r.article as unknown as Record<string, { value: unknown; from: string; line?: number }>)[sample.field];
    expect(got?.value).toEqual(sample.expected);
    expect([got?.from, got?.line]).toEqual(['front-matter', Object.keys(fm).indexOf('site_value') + 2]);
    expect(r.diagnostics.filter((d) => d.severity !== 'note')).toEqual([]);
  });

  it("an unknown key's hint maps it to the field its name suggests, and following the hint reads it", () => {
    const cases: [string, unknown, string][] = [
      ['hero_banner', '/b.png', 'image'],
      ['writtenBy', 'Ada Lovelace', 'authors'],
      ['teaser_text', 'Short.', 'summary'],
      ['when_published', '2024-02-03', 'published'],
    ];
    for (const [key, value, field] of cases) {
      const r = resolve({ title: 'T', date: '2024-01-01', [key]: value });
      const hint = r.diagnostics.find((d) => d.code === 'FM_UNKNOWN_KEY')?.hint;
      expect(hint).toBe(`If it holds the ${field}, map it in the config: "keys": { "${field}": ["${key}"] }; else ignore this.`);
      const mapped = resolve({ title: 'T', date: '2024-01-01', [key]: value }, { keys: { [field]: [key] } });
      expect(mapped.diagnostics.filter((d) => d.severity !== 'note')).toEqual([]);
    }
    // A name that suggests no field gets a placeholder, never a wrong field.
    expect(resolve({ title: 'T', date: '2024-01-01', playlist: ['a.mp3'] }).diagnostics.find((d) => d.code === 'FM_UNKNOWN_KEY')?.hint).toContain('"keys": { "<field>": ["playlist"] }');
  });

  it('reads a mapped key inside a map ("meta.title"), whose map is then no unknown key', () => {
    const r = resolve({ meta: { title: 'Nested title' }, date: '2024-01-01' }, { keys: { title: ['meta.title'] } });
    expect(r.status === 'ok' && [r.article.title.value, r.article.title.from]).toEqual(['Nested title', 'front-matter']);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('FM_UNKNOWN_KEY');
  });

  it("reads Zola's [taxonomies] after tags and categories; an empty taxonomy is no value, a bad one is named with its value and left out", () => {
    const root = path.resolve(import.meta.dirname, '../fixtures/sites/zola-blog');
    const siteInfo = detectSite({ articlesDir: path.join(root, 'content'), configRoot: root, preset: 'auto', display: (a) => a })?.info;
    expect(siteInfo?.preset).toBe('zola');
    const zola = (fm: Record<string, unknown>) =>
      resolveArticle(doc({ title: 'T', date: '2024-01-01', ...fm }, 'blog/p.md'), 0, { config: { ...testConfig(), siteInfo } as ReturnType<typeof testConfig>, git: new Map(), now: TEST_NOW });
    const merged = zola({ tags: 'x', taxonomies: { tags: ['a'], categories: 'b, c' } });
    expect(merged.status === 'ok' && merged.article.tags).toEqual({ value: ['x', 'a', 'b', 'c'], from: 'front-matter', line: 4 });
    const empty = zola({ taxonomies: { tags: null, categories: ['c'] } });
    expect(empty.status === 'ok' && empty.article.tags.value).toEqual(['c']);
    const bad = zola({ taxonomies: { tags: 5 } });
    // Tags are optional: a bad value is left out with a warning and the post is kept.
    expect(bad.status === 'ok' && bad.article.tags.value).toEqual([]);
    expect(bad.diagnostics.map((d) => d.message)).toContain('"taxonomies.tags" should be a list of strings or a comma-separated string, not number 5; it is left out.');
    // Without the Zola preset, [taxonomies] is not read.
    const plain = resolve({ title: 'T', date: '2024-01-01', taxonomies: { tags: ['a'] } });
    expect(plain.status === 'ok' && plain.article.tags.value).toEqual([]);
  });

  it("reads Eleventy's override:<key> as <key>, replacing the folder data's value, with its own line and no unknown key", () => {
    const root = path.resolve(import.meta.dirname, '../fixtures/sites/eleventy-dirdata');
    const siteInfo = detectSite({ articlesDir: path.join(root, 'src'), configRoot: root, preset: 'auto', display: (a) => a })?.info;
    expect(siteInfo?.preset).toBe('eleventy');
    const eleventy = (fm: Record<string, unknown>) =>
      resolveArticle(doc({ title: 'T', date: '2024-01-01', ...fm }, 'blog/p.md'), 0, { config: { ...testConfig(), siteInfo } as ReturnType<typeof testConfig>, git: new Map(), now: TEST_NOW });
    // The folder data's tags (blog.json: ["posts"]) name the collection, not a topic: only the post's own are categories.
    const merged = eleventy({ tags: ['a'] });
    expect(merged.status === 'ok' && merged.article.tags.value).toEqual(['a']);
    const over = eleventy({ 'override:tags': ['a'], 'override:summary': 'Own summary.' });
    expect(over.status === 'ok' && [over.article.tags, over.article.summary.value]).toEqual([{ value: ['a'], from: 'front-matter', line: 4 }, 'Own summary.']);
    expect(over.diagnostics.map((d) => d.code)).not.toContain('FM_UNKNOWN_KEY');
    // Without the Eleventy preset the prefix means nothing.
    const plain = resolve({ title: 'T', date: '2024-01-01', 'override:tags': ['a'] });
    expect(plain.status === 'ok' && plain.article.tags.value).toEqual([]);
    expect(plain.diagnostics.map((d) => d.code)).toContain('FM_UNKNOWN_KEY');
  });
});
