/**
 * Duplicate keys in feedwright.config.json: JSON.parse keeps the last one silently, so a config with
 * two "limit"s (or two "drop"s in "clean") would run with a value its author may not have meant.
 * They are a CONFIG_INVALID naming the key and its line.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { findDuplicateKey } from '../../src/config/duplicate-keys.js';
import { EXIT } from '../../src/errors.js';
import { feedsExist, makeSite, run, type Site } from './helpers.js';

const sites: Site[] = [];
afterAll(() => {
  for (const s of sites.splice(0)) s.remove();
});

describe('findDuplicateKey', () => {
  it('finds a repeated key at any depth, with its path, line and column, and the first line', () => {
    expect(findDuplicateKey('{\n  "limit": 5,\n  "title": "x",\n  "limit": 10\n}')).toEqual({ path: 'limit', line: 4, column: 3, firstLine: 2 });
    expect(findDuplicateKey('{"clean": {"drop": ["a"],\n "drop": []}}')).toEqual({ path: 'clean.drop', line: 2, column: 2, firstLine: 1 });
    expect(findDuplicateKey('{"a": [{"k": 1}, {"k": 1, "k": 2}]}')).toMatchObject({ path: 'a[1].k' });
    // Escapes decode first: "\\u0074itle" is "title".
    expect(findDuplicateKey('{"title": "a", "\\u0074itle": "b"}')).toMatchObject({ path: 'title' });
  });

  it('leaves keys alone that are equal only across objects, or that appear inside strings', () => {
    expect(findDuplicateKey('{"author": {"name": "a"}, "clean": {"name": "b"}, "name": "c"}')).toBeUndefined();
    expect(findDuplicateKey('{"title": "\\"title\\": 1, \\"title\\"", "description": "{\\"title\\": 2}"}')).toBeUndefined();
    expect(findDuplicateKey('[{"a": 1}, {"a": 2}]')).toBeUndefined();
  });
});

describe('a config with a duplicate key', () => {
  it('is CONFIG_INVALID (exit 2) naming the key and line, and nothing is written', async () => {
    const s = makeSite({}, { config: '{\n  "title": "One",\n  "link": "https://example.com/",\n  "git": false,\n  "title": "Two"\n}\n' });
    sites.push(s);
    const r = await run(s.dir);
    expect(r.code).toBe(EXIT.USAGE_OR_CONFIG);
    expect(r.report.error).toMatchObject({ code: 'CONFIG_INVALID', line: 5, file: 'feedwright.config.json' });
    expect(r.report.error?.message).toContain('"title"');
    expect(r.report.error?.message).toContain('line 2');
    expect(feedsExist(s.out)).toBe(false);
  });
});
