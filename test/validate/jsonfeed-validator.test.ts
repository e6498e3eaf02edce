import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, generateJsonFeedValidator } from '../../scripts/jsonfeed-validator.js';
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
