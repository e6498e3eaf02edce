import { describe, expect, it } from 'vitest';
import { MIN_MISSES, parseWork, REFERENCE_ARTICLE_BYTES, workerCount } from '../../src/pipeline/parse-pool.js';

/*
 * The pool's thresholds were measured on articles of ~4.8 KB; parsing costs about in proportion
 * to the bytes, so misses are counted in such articles: a thousand long release notes get the
 * workers that four thousand short posts get.
 */
describe('parseWork: misses counted in reference articles', () => {
  it('counts a small file as one article and a big one by its size', () => {
    expect(parseWork([])).toBe(0);
    expect(parseWork([{ size: 10 }, { size: REFERENCE_ARTICLE_BYTES }])).toBe(2);
    expect(parseWork([{ size: 4 * REFERENCE_ARTICLE_BYTES }])).toBe(4);
    expect(parseWork([{ size: 1.5 * REFERENCE_ARTICLE_BYTES }, { size: 1 }])).toBe(3);
  });

  it('starts the pool for 1,000 articles of 20 KB, not for 1,000 of 2 KB (2 cores)', () => {
    const big = Array.from({ length: 1000 }, () => ({ size: 20_000 }));
    const small = Array.from({ length: 1000 }, () => ({ size: 2_000 }));
    expect(parseWork(big)).toBeGreaterThanOrEqual(MIN_MISSES);
    expect(workerCount(parseWork(big), {}, 2)).toBe(1);
    expect(workerCount(parseWork(small), {}, 2)).toBe(0);
    expect(workerCount(parseWork(big), { FEEDWRIGHT_WORKERS: '0' }, 2)).toBe(0);
  });
});
