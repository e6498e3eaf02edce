/**
 * An author string in front matter, whatever it holds, gives a valid item: the shorthand's
 * parentheses are split off only when they hold a real URL (issue 13, item 9).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { parsePerson } from '../../src/meta/people.js';
import { articleContext, runArticle } from '../../src/pipeline/article.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const config = resolveConfig({ title: 'People', link: 'https://site.example/en/', git: false, timezone: 'UTC' });

function entryFor(author: string) {
  const text = `---\ntitle: T\ndate: 2025-01-02\nauthor: ${JSON.stringify(author)}\n---\nBody.\n`;
  const file = { kind: 'markdown' as const, abs: '/nowhere/a.md', relPath: 'a.md', displayPath: 'articles/a.md', size: text.length, mtimeMs: NOW.getTime() };
  return runArticle(file, text, articleContext(config, new Set(), new Map(), NOW)).entry;
}

describe('authors in front matter never make an item invalid', () => {
  it('keeps parentheses that are not a URL as part of the name, with no invented URL', () => {
    for (const [author, name] of [
      ['Ada (Lovelace || Byron)', 'Ada (Lovelace || Byron)'],
      ['Sam Lee (@samlee)', 'Sam Lee (@samlee)'],
    ] as const) {
      const entry = entryFor(author);
      expect(entry.status, JSON.stringify(entry.diagnostics)).toBe('ok');
      expect(entry.article?.authors.value).toEqual([{ name }]);
    }
  });

  it('still resolves a relative path in the shorthand against the site', () => {
    const entry = entryFor('Jane Doe <jane@example.com> (/about/jane)');
    expect(entry.article?.authors.value).toEqual([{ name: 'Jane Doe', email: 'jane@example.com', url: 'https://site.example/about/jane' }]);
  });

  it('a web address with letters outside ASCII (an IRI) is written as a URI, which JSON Feed requires', () => {
    const entry = entryFor('Marcin G. (https://www.linkedin.com/in/marcin-gwóźdź-1)');
    expect(entry.status, JSON.stringify(entry.diagnostics)).toBe('ok');
    expect(entry.article?.authors.value).toEqual([{ name: 'Marcin G.', url: 'https://www.linkedin.com/in/marcin-gw%C3%B3%C5%BAd%C5%BA-1' }]);
  });

  it('any string: the article is published (or only refused for a named content reason)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: fc.constantFrom('a', ' ', '(', ')', '<', '>', '@', '|', '/', ':', '.', 'é', '"', '&', '\\', '#', '?') }), (author) => {
        const entry = entryFor(author);
        const codes = entry.diagnostics.map((d) => d.code);
        expect(codes).not.toContain('ARTICLE_ITEM_INVALID');
        expect(codes).not.toContain('ARTICLE_INTERNAL_ERROR');
        // Refused only when the string names nobody ("", "()", "<a@b.c>"), with a named content error.
        if (entry.status !== 'ok') expect(parsePerson(author, true)).toBeUndefined();
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
