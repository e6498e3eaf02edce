import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { GENERATED_FILE, generateJsonFeedValidator, PLAIN_URI } from '../../scripts/jsonfeed-validator.js';
import { compileJsonFeedSchema, jsonFeedSchemaValidator } from '../../src/validate/json.js';

/*
 * The JSON Feed schema is compiled ahead of time (assets/jsonfeed-validator.cjs). It must be what
 * ajv compiles today from the installed schema with our options, and judge feeds the same way.
 */
describe('the precompiled JSON Feed schema validator', () => {
  it('is exactly what the installed ajv generates from the installed schema (else: npm run gen:jsonfeed)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generateJsonFeedValidator());
  });

  it('is the one in use, and gives the errors of a fresh compile', () => {
    const precompiled = jsonFeedSchemaValidator();
    const fresh = compileJsonFeedSchema();
    expect(precompiled).not.toBe(fresh);
    const valid = JSON.parse(readFileSync(new URL('./fixtures/valid.feed.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const samples: unknown[] = [
      valid,
      { ...valid, version: 42 },
      { ...valid, items: [{ id: 1, url: 'not a url', authors: 'nobody', tags: [1, 2] }] },
      { ...valid, title: undefined, items: 'none' },
      { ...valid, hubs: [{ type: 'WebSub' }], authors: [{}] },
      [],
      null,
    ];
    const run = (v: typeof fresh, x: unknown) => (v(x) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.message} ${JSON.stringify(e.data)}`));
    for (const x of samples) expect(run(precompiled, x)).toEqual(run(fresh, x));
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (items, extra) => {
        const feed = { ...valid, items, extra };
        expect(run(precompiled, feed)).toEqual(run(fresh, feed));
      }),
      { numRuns: 200 },
    );
  });
});

describe("the uri format's plain path (PLAIN_URI)", () => {
  const fullUri = (createRequire(import.meta.url)('ajv-formats/dist/formats') as { fullFormats: { uri: (s: string) => boolean } }).fullFormats.uri;
  // The characters of URLs, and some that are not, so that both verdicts occur.
  const urlChars = fc.constantFrom(...'abcXYZ09-._~!$&\'()*+,;=:@/?#%[]{} "<>\\^`|é'.split(''));
  const urlish = fc.tuple(fc.constantFrom('http://', 'https://', 'HTTP://', 'ftp://', 'http:', 'https:///', 'mailto:', 'MailTo:', 'mailto://', ''), fc.array(urlChars, { maxLength: 30 })).map(([a, b]) => a + b.join(''));

  it("accepts nothing that ajv-formats' full uri format rejects", () => {
    let plain = 0;
    fc.assert(
      fc.property(fc.oneof(urlish, fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.emailAddress().map((e) => `mailto:${e}`), fc.string()), (s) => {
        if (!PLAIN_URI.test(s)) return;
        plain++;
        expect(fullUri(s)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(plain).toBeGreaterThan(500);
  });

  it('judges a feed with plain URLs without running the full expression, and others with it', () => {
    const validate = jsonFeedSchemaValidator();
    const valid = JSON.parse(readFileSync(new URL('./fixtures/valid.feed.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    // ajv-formats' full uri expression is the only one of the validator over 1,000 characters long.
    const test = RegExp.prototype.test;
    let full = 0;
    const spy = vi.spyOn(RegExp.prototype, 'test').mockImplementation(function (this: RegExp, s: string) {
      if (this.source.length > 1000) full++;
      return test.call(this, s);
    });
    try {
      expect(validate(valid)).toBe(true);
      expect(validate({ ...valid, authors: [{ name: 'Newsroom', url: 'mailto:newsroom@example.com' }] })).toBe(true);
      expect(full).toBe(0);
      expect(validate({ ...valid, home_page_url: 'http://[2001:db8::1]:8080/news' })).toBe(true);
      expect(validate({ ...valid, feed_url: 'https://user@example.com/feed.json' })).toBe(true);
      expect(validate({ ...valid, home_page_url: 'https://exa mple.com/' })).toBe(false);
      expect(full).toBe(3);
    } finally {
      spy.mockRestore();
    }
  });
});
