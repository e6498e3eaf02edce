/**
 * 81 short and medium articles written the way real sites publish them, none of them from the
 * development set the extraction rules were tuned on (test/fixtures/unseen/, written by a separate
 * review session): Title Case headlines, bylines with roles, outlets and dates, dates above the
 * headline, dotted German dates, briefs of short sentences, newsletter boxes mid-story, share
 * bars in other languages, and HTML pages whose author and date are only visible text.
 * `expected.json` says what a reader sees in each: the headline, the authors (null: none named,
 * so none may be invented), the publication day, text that must stay and chrome that must go.
 *
 * Each article is read alone, as the only file of its folder. The cases feedwright still gets
 * wrong are listed in KNOWN_WRONG with what goes wrong: they are expected to fail, so fixing one
 * fails its test until it moves out of the list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import type { SourceKind } from '../../src/model.js';
import { articleContext, runArticle } from '../../src/pipeline/article.js';
import { loadReaders } from '../../src/sources/read.js';

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'unseen');
const NOW = new Date('2026-06-01T00:00:00Z');
const MTIME = Date.parse('2020-01-01T00:00:00Z');

interface Expected {
  title: string | null;
  authors: string[] | null;
  date: string | null;
  must: string[];
  mustnot: string[];
}

const EXPECTED = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;

/** Still wrong, and why (see docs/BENCHMARKS.md, "Boilerplate removal"). */
const KNOWN_WRONG: Readonly<Record<string, string>> = {
  't42-time-ago-author-first.txt': 'a bare author name above "2 hours ago" above the headline is not read',
  'h24-views-and-separator.html': 'a lone "·" between the author and date spans stays in the body',
};

const config = resolveConfig({ title: 'Unseen', link: 'https://example.com/', git: false, timezone: 'UTC' });

function read(name: string) {
  const kind: SourceKind = name.endsWith('.html') ? 'html' : 'text';
  const file = { kind, abs: path.join(DIR, name), relPath: name, displayPath: `articles/${name}`, size: 0, mtimeMs: MTIME };
  return runArticle(file, readFileSync(file.abs, 'utf8'), articleContext(config, new Set(), new Map(), NOW)).entry;
}

function check(name: string): void {
  const want = EXPECTED[name] as Expected;
  const entry = read(name);
  expect(entry.status, JSON.stringify(entry.diagnostics)).toBe('ok');
  const article = entry.article;
  if (!article) throw new Error('no article');
  if (want.title) expect(article.title.value).toBe(want.title);
  if (want.authors) expect(article.authors.value.map((p) => p.name)).toEqual(want.authors);
  else expect(article.authors.from).toBe('config-default');
  if (want.date) expect(article.published.value.toISOString().slice(0, 10)).toBe(want.date);
  for (const text of want.must) expect(article.contentText).toContain(text);
  for (const text of want.mustnot) expect(article.contentText).not.toContain(text);
}

beforeAll(async () => {
  await loadReaders(['text', 'html']);
});

describe('articles unlike the development set', () => {
  const names = readdirSync(DIR)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.html'))
    .sort();

  it('has an expectation for every article and every known failure', () => {
    expect(names.length).toBe(81);
    expect(Object.keys(EXPECTED).sort()).toEqual(names);
    for (const name of Object.keys(KNOWN_WRONG)) expect(names).toContain(name);
  });

  for (const name of names) {
    const wrong = KNOWN_WRONG[name];
    if (wrong) it.fails(`${name} (known wrong: ${wrong})`, () => check(name));
    else it(name, () => check(name));
  }
});
