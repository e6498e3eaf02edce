import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/sources/front-matter.js';

describe('TOML front matter (Hugo, between +++ lines)', () => {
  it('is read like YAML front matter: keys with their lines, dates as their text, the body after it', () => {
    const text = '+++\ntitle = "Hi: there"\ndate = 2024-03-05\nupdated = 2024-03-05T10:30:00+01:00\ntags = ["a", "b"]\n\n[author]\nname = "Bo"\n+++\n\nBody line.\n';
    const r = splitFrontMatter(text, 'articles/t.md');
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toEqual({ title: 'Hi: there', date: '2024-03-05', updated: '2024-03-05T10:30:00.000+01:00', tags: ['a', 'b'], author: { name: 'Bo' } });
    expect(r.lines).toMatchObject({ title: 2, date: 3, updated: 4, tags: 5 });
    expect(r.body).toBe('\nBody line.\n');
    expect(r.bodyLine).toBe(10);
  });

  it('reports invalid TOML at its line and an unclosed block (unknown keys are left to resolving, which knows the site)', () => {
    const bad = splitFrontMatter('+++\ntitle = "ok"\ndate = "unclosed\n+++\nBody.\n', 'articles/t.md');
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.map((d) => [d.code, d.line])).toEqual([['FM_INVALID_TOML', 3]]);
    expect(splitFrontMatter('+++\ntitle = "x"\nBody.\n', 'articles/t.md').diagnostics.map((d) => d.code)).toEqual(['FM_UNCLOSED']);
    const unknown = splitFrontMatter('+++\ntitle = "x"\nwieght = 3\n+++\nBody.\n', 'articles/t.md');
    expect([unknown.diagnostics, unknown.lines.wieght]).toEqual([[], 3]);
  });
});

describe('YAML front matter with a repeated key', () => {
  it('keeps the last value, as Jekyll (Psych) does, and warns at the repeated key with its line', () => {
    const r = splitFrontMatter('---\ntitle: First\ndate: 2020-01-01\ntitle: Second\nauthor:\n  name: A\n  name: B\n---\nBody.\n', 'articles/t.md');
    expect(r.ok).toBe(true);
    expect(r.data).toEqual({ title: 'Second', date: '2020-01-01', author: { name: 'B' } });
    expect(r.lines.title).toBe(4);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.message])).toEqual([
      ['FM_DUPLICATE_KEY', 'warning', 4, 'The front matter key "title" appears twice; its last value is used.'],
      ['FM_DUPLICATE_KEY', 'warning', 7, 'The front matter key "name" appears twice; its last value is used.'],
    ]);
  });
});
