import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugUrl, tagUri } from '../../src/meta/resolve.js';

/** What slugUrl stands for, or the error it throws. */
function parsed(slug: string, base: string): string {
  try {
    return new URL(encodeURIComponent(slug), base).href;
  } catch (e) {
    return `throws ${(e as Error).name}`;
  }
}

function fast(slug: string, base: string): string {
  try {
    return slugUrl(slug, base);
  } catch (e) {
    return `throws ${(e as Error).name}`;
  }
}

describe('slugUrl', () => {
  it('is the URL parser joining the encoded slug to the base, on any slug and base', () => {
    const bases = fc.constantFrom(
      'https://example.com/',
      'https://example.com/blog/',
      'https://example.com/blog',
      'https://EXAMPLE.com:443/a/../b/',
      'http://example.com/?q=1',
      'https://example.com/#top',
      'https://example.com/a%2/',
      'https://user:pw@example.com/x y/',
      'file:///c:/site/',
      'mailto:someone@example.com',
      'not a url',
      '',
    );
    const slugs = fc.oneof(
      fc.constantFrom('.', '..', '.hidden', 'a.', 'a..b', 'post-1', 'Ünïcode', 'a/b', 'a?b', 'a#b', '%2e%2e', '~x', '_', '-', 'c:', '\\', ''),
      fc.string(),
      fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(slugs, bases), { minLength: 1, maxLength: 6 }), (calls) => {
        for (const [slug, base] of calls) expect(fast(slug, base), `${slug} on ${base}`).toBe(parsed(slug, base));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the host of each site link, also when links alternate (tagUri)', () => {
    const day = new Date('2024-05-06T07:08:09Z');
    expect(tagUri('https://a.example/blog/', day, 'x')).toBe('tag:a.example,2024-05-06:x');
    expect(tagUri('https://b.example/', day, 'x')).toBe('tag:b.example,2024-05-06:x');
    expect(tagUri('https://a.example/blog/', day, 'y/z')).toBe('tag:a.example,2024-05-06:y-z');
  });
});
