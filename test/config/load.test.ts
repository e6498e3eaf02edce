import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig } from '../../src/config/load.js';
import { FeedwrightError } from '../../src/errors.js';

function configError(raw: unknown): FeedwrightError {
  try {
    resolveConfig(raw, 'feedwright.config.json', JSON.stringify(raw, null, 2));
  } catch (error) {
    if (error instanceof FeedwrightError) return error;
    throw error;
  }
  throw new Error('expected a config error');
}

describe('resolveConfig', () => {
  it('applies documented defaults to an empty config', () => {
    const c = resolveConfig({});
    expect(c.timezone).toBe('UTC');
    expect(c.limit).toBe(50);
    expect(c.future).toBe('hold');
    expect(c.files).toEqual({ rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' });
    expect(c.feedUrl).toBe(c.link);
  });

  it('normalises the site link and derives feed and item bases with a trailing slash', () => {
    const c = resolveConfig({ link: 'https://example.com/blog', feedUrl: 'https://cdn.example.com/feeds' });
    expect(c.link).toBe('https://example.com/blog');
    expect(c.itemBase).toBe('https://example.com/blog/');
    expect(c.feedUrl).toBe('https://cdn.example.com/feeds/');
  });

  it('accepts the author shorthand "Name <email> (url)"', () => {
    const c = resolveConfig({ author: 'Jane Doe <jane@example.com> (https://jane.example.com/)' });
    expect(c.author).toEqual({ name: 'Jane Doe', email: 'jane@example.com', url: 'https://jane.example.com/' });
  });

  it('rejects an unknown key with a suggestion and the line', () => {
    const e = configError({ title: 'x', timezon: 'UTC' });
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('unknown key "timezon"');
    expect(e.hint).toContain('"timezone"');
    expect(e.line).toBe(3);
  });

  it.each([
    [{ link: 'example.com' }, 'not an absolute URL'],
    [{ link: 'ftp://example.com/' }, 'must be an http(s) URL'],
    [{ timezone: 'Mars/Olympus' }, 'not an IANA time zone'],
    [{ limit: -1 }, 'whole number'],
    [{ limit: '10' }, 'whole number'],
    [{ title: 5 }, 'must be a string'],
    [{ author: 42 }, '"author" must be'],
    [{ language: 'english language' }, 'not a language tag'],
    [{ future: 'later' }, '"future" must be'],
    [{ clean: { drop: ['(unclosed'] } }, 'not a valid regular expression'],
    [{ clean: { drop: ['(a)\\1+$'] } }, 'backreference'],
    [{ files: { rss: '../rss.xml' } }, 'plain file name'],
    [[1, 2], 'must be a JSON object'],
  ])('rejects %j', (raw, message) => {
    expect(configError(raw).message).toContain(message);
  });

  it('loads a file, and reports invalid JSON with its line and column', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fw-config-'));
    writeFileSync(path.join(dir, 'feedwright.config.json'), '{\n  "title": "x",\n}\n');
    try {
      loadConfig(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FeedwrightError);
      expect((error as FeedwrightError).message).toMatch(/^feedwright\.config\.json:3:\d+ is not valid JSON/);
    }
  });

  it('uses defaults when no config file exists, but fails when --config names a missing file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fw-config-'));
    expect(loadConfig(dir).file).toBeUndefined();
    expect(() => loadConfig(dir, 'missing.json')).toThrow(/Cannot read the config file missing\.json/);
  });
});
