import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, readmeKeyTable, withReadmeKeyTable } from '../../src/config/generate.js';
import { resolveConfig } from '../../src/config/load.js';
import { jsonPositions } from '../../src/config/positions.js';
import { CONFIG_FIELDS, CONFIG_KEYS, DEFAULT_PRECEDENCE, PRECEDENCE_SOURCES } from '../../src/config/schema.js';
import type { Field } from '../../src/config/types.js';
import { FeedwrightError } from '../../src/errors.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCHEMA_FILE = path.join(ROOT, 'assets/config.schema.json');

function configError(raw: unknown): FeedwrightError {
  try {
    resolveConfig(raw, 'feedwright.config.json', JSON.stringify(raw, null, 2));
  } catch (error) {
    if (error instanceof FeedwrightError) return error;
    throw error;
  }
  throw new Error('expected a config error');
}

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
}

describe('what is derived from the config schema is current (run `npm run gen:config` when this fails)', () => {
  it('assets/config.schema.json', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(configJsonSchema());
  });

  it("the README's key table", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(readmeKeyTable());
    expect(withReadmeKeyTable(readme)).toBe(readme);
  });

  it('a stale README table is noticed', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const stale = readme.replace('| `limit` | `50` |', '| `limit` | `40` |');
    expect(stale).not.toBe(readme);
    expect(withReadmeKeyTable(stale)).toBe(readme);
  });
});

describe('the config schema', () => {
  it('documents every key with a line of its own, and each default passes its own check', () => {
    expect(CONFIG_KEYS).toContain('$schema');
    const defaults = resolveConfig({}) as unknown as Record<string, unknown>;
    for (const [key, f] of Object.entries(CONFIG_FIELDS) as [string, Field<unknown, never>][]) {
      expect(f.doc, key).toMatch(/\S{3}/);
      if (f.ignored || defaults[key] === undefined) continue;
      // The default, written into a config, is read back as itself.
      expect(resolveConfig({ [key]: defaults[key] }) as unknown as Record<string, unknown>, key).toMatchObject({ [key]: defaults[key] });
    }
    expect(defaults.precedence).toEqual(DEFAULT_PRECEDENCE);
  });

  it('refuses a precedence source its field does not have ("title": ["mtime"]), in the loader and the JSON schema', () => {
    const validate = validator();
    for (const [field, sources] of Object.entries(PRECEDENCE_SOURCES)) {
      for (const source of ['front-matter', 'found', 'file-name', 'config-default', 'git', 'published', 'mtime']) {
        const raw = { precedence: { [field]: [source] } };
        const allowed = (sources as readonly string[]).includes(source);
        expect(validate(raw), JSON.stringify(raw)).toBe(allowed);
        if (allowed) expect(resolveConfig(raw).precedence[field as keyof typeof PRECEDENCE_SOURCES]).toEqual([source]);
        else expect(() => resolveConfig(raw), JSON.stringify(raw)).toThrow(new RegExp(`"precedence\\.${field}" must be a non-empty list drawn from`));
      }
    }
    const e = configError({ title: 'x', precedence: { title: ['mtime'] } });
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(/^feedwright\.config\.json:5:7: "precedence\.title" must be/);
  });

  it('the loader and the JSON schema agree on what the loader reads more loosely than a type', () => {
    const validate = validator();
    for (const good of [{ keys: { title: 'newstitle' } }, { keys: { title: ['newstitle'] } }, { permalinks: '/:year/:slug/' }, { hubs: ['https://hub.example/'] }]) {
      expect(() => resolveConfig(good), JSON.stringify(good)).not.toThrow();
      expect(validate(good), `${JSON.stringify(good)} ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    for (const bad of [{ keys: { title: [] } }, { keys: { titel: ['x'] } }, { site: '' }, { permalinks: { posts: '' } }, { precedence: { title: [] } }, { hubs: ['ftp://x/'] }]) {
      expect(() => resolveConfig(bad), JSON.stringify(bad)).toThrow(FeedwrightError);
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
    }
    expect(resolveConfig({ keys: { title: 'newstitle' } }).keys).toEqual({ title: ['newstitle'] });
  });
});

describe('config errors point at file:line:column of what is wrong', () => {
  it('a list item, a nested key, an unknown nested key, a top-level key', () => {
    const cases: [unknown, string][] = [
      [{ title: 'x', clean: { drop: ['^ok', '(a)\\1'] } }, 'feedwright.config.json:6:7: "clean.drop[1]"'],
      [{ files: { rss: 'ok.xml', json: '../x.json' } }, 'feedwright.config.json:4:5: "files.json" is "../x.json", which is not a plain file name'],
      [{ feeds: { tag: true } }, 'feedwright.config.json:3:5: unknown key "feeds.tag"'],
      [{ title: 'x', limit: -1 }, 'feedwright.config.json:3:3: "limit" must be a whole number ≥ 0, not -1.'],
      [{ hubs: ['https://a.example/', 'nope'] }, 'feedwright.config.json:4:5: "hubs[1]" is "nope", which is not an absolute URL.'],
    ];
    for (const [raw, message] of cases) expect(configError(raw).message, JSON.stringify(raw)).toContain(message);
    expect(configError({ feeds: { tag: true } }).hint).toBe('Did you mean "feeds.tags"?');
    // Hints show the JSON to write, nested as in the file.
    expect(configError({ clean: { drop: 'x' } }).hint).toBe('Write "clean": { "drop": ["^Sponsored"] }.');
    expect(configError({ keys: { title: [5] } }).hint).toBe('Write "keys": { "title": ["newstitle"] }.');
    expect(configError({ hubs: 5 }).message).toContain('"hubs" must be a list of absolute http(s) URLs (or one absolute http(s) URL), not a number.');
  });

  it('finds keys and items as JSON.parse reads them (escaped keys, strings holding braces)', () => {
    const text = '{\n  "a": "{\\"b\\": [1",\n  "\\u0063": [ 10, {"d": [true]} ]\n}';
    const at = jsonPositions(text);
    expect(at.get('a')).toEqual({ line: 2, column: 3 });
    expect(at.get('b')).toBeUndefined();
    expect(at.get('c')).toEqual({ line: 3, column: 3 });
    expect(at.get('c[0]')).toEqual({ line: 3, column: 15 });
    expect(at.get('c[1]')).toEqual({ line: 3, column: 19 });
    expect(at.get('c[1].d[0]')).toEqual({ line: 3, column: 26 });
  });
});
