/**
 * Which items the build runs through the full validator while parsing (src/pipeline/article.ts):
 * an ordinary article's items get the cheap checks only (unless its item falls in the hash
 * sample), an article that took an unusual path (here, MDX) gets the full validator for every
 * format. Counted by wrapping the validator's entry point.
 */
import { describe, expect, it, vi } from 'vitest';
import { build } from '../../src/build.js';
import { itemHash } from '../../src/feeds/compose-check.js';
import { WRITERS } from '../../src/feeds/writers.js';
import { inFullCheckSample } from '../../src/pipeline/article.js';
import { makeProject, NOW } from '../perf/helpers.js';

const seen: string[] = [];
vi.mock('../../src/validate/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/validate/index.js')>();
  return {
    ...original,
    checkFeed: (...args: Parameters<typeof original.checkFeed>) => {
      seen.push(args[1]);
      return original.checkFeed(...args);
    },
  };
});

/** How many documents the validator was given that hold `marker` (items are checked inside a wrapper). */
const checksOf = (marker: string): number => seen.filter((s) => s.includes(marker)).length;

describe('items checked while parsing', () => {
  it('are not re-parsed by the full validator on the ordinary path, and are on an unusual one', async () => {
    const dir = makeProject({
      'plain.md': '---\ntitle: Plain marker one\ndate: 2024-01-02\n---\nAn ordinary article.\n',
      'other.md': '---\ntitle: Plain marker two\ndate: 2024-01-03\n---\nAnother ordinary article.\n',
      'jsx.mdx': '---\ntitle: Mdx marker\ndate: 2024-01-04\n---\nimport X from "./x.js"\n\nAn MDX article.\n',
    });
    seen.length = 0;
    const result = await build({ cwd: dir, now: NOW });
    expect((await result.articles())).toHaveLength(3);
    for (const marker of ['Plain marker one', 'Plain marker two']) {
      const article = (await result.articles()).find((a) => a.title.value === marker);
      if (!article) throw new Error(`${marker} was not built`);
      const sampled = Object.values(WRITERS).filter((w) => inFullCheckSample(itemHash(w.item(article)))).length;
      expect(checksOf(marker), marker).toBe(sampled);
    }
    expect(checksOf('Mdx marker')).toBe(3);
  });

  it('are re-parsed in full when template code was removed from the body (CONTENT_TEMPLATE_REMOVED)', async () => {
    const dir = makeProject({
      'tpl.md': '---\ntitle: Template marker\ndate: 2024-01-05\n---\nBefore {{ site.title }} and {% include note.html %} after.\n',
    });
    seen.length = 0;
    const result = await build({ cwd: dir, now: NOW });
    expect(result.diagnostics.map((d) => d.code)).toContain('CONTENT_TEMPLATE_REMOVED');
    expect((await result.articles())).toHaveLength(1);
    expect(checksOf('Template marker')).toBe(3);
  });

  it('are re-parsed in full when a value gives a reason (valueConcern), in every format, and not when only the body does', async () => {
    // The article's values are looked at once for its three items (src/pipeline/article.ts): a
    // concern there must still send each format to the full validator.
    const dir = makeProject({
      'html-title.md': '---\ntitle: Values marker <b>bold</b>\ndate: 2024-01-06\n---\nAn ordinary body.\n',
      'html-body.md': '---\ntitle: Body marker\ndate: 2024-01-07\n---\nA body with <b>markup</b> & an ampersand.\n',
    });
    seen.length = 0;
    const result = await build({ cwd: dir, now: NOW });
    expect((await result.articles())).toHaveLength(2);
    expect(checksOf('Values marker')).toBe(3);
    const body = (await result.articles()).find((a) => a.title.value === 'Body marker');
    if (!body) throw new Error('Body marker was not built');
    expect(checksOf('Body marker')).toBe(Object.values(WRITERS).filter((w) => inFullCheckSample(itemHash(w.item(body)))).length);
  });

  it('sample about one item in FULL_CHECK_SAMPLE, by hash', async () => {
    const { FULL_CHECK_SAMPLE } = await import('../../src/pipeline/article.js');
    let n = 0;
    for (let i = 0; i < 32_000; i++) if (inFullCheckSample(itemHash(`item ${i}`))) n++;
    expect(n / 32_000).toBeGreaterThan(0.8 / FULL_CHECK_SAMPLE);
    expect(n / 32_000).toBeLessThan(1.2 / FULL_CHECK_SAMPLE);
    // Under 1 % of ordinary items pay for the full validator (one in 32 cost as much as all quick checks).
    expect(n / 32_000).toBeLessThan(0.01);
  });
});
