/**
 * Every item is validated when its article is parsed. An item that fails is a bug in feedwright
 * (a relative author URL once made a whole build stop with VALIDATION_FAILED, no feeds written):
 * it must cost that one article, named, and never the feeds of the others.
 */
import { describe, expect, it, vi } from 'vitest';
import { build } from '../../src/build.js';
import { explain } from '../../src/explain.js';
import { makeProject, NOW, snapshot } from '../perf/helpers.js';

vi.mock('../../src/feeds/compose-check.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/feeds/compose-check.js')>();
  return {
    ...original,
    // Stands in for a writer bug that only one article triggers.
    checkItem: (...args: Parameters<typeof original.checkItem>) => {
      const [, article] = args;
      if (article.title.value === 'Broken') return [{ code: 'ATOM_URI_NOT_IRI', severity: 'error' as const, message: 'The <uri> "/x" is not an absolute IRI.', line: 3 }];
      return original.checkItem(...args);
    },
  };
});

describe('an article whose item fails validation', () => {
  it('is left out with ARTICLE_ITEM_INVALID naming it; the other articles are published', async () => {
    const dir = makeProject({
      'good.md': '---\ntitle: Good\ndate: 2024-01-02\n---\nA good article.\n',
      'broken.md': '---\ntitle: Broken\ndate: 2024-01-03\n---\nAn article that trips a writer bug.\n',
    });
    const result = await build({ cwd: dir, now: NOW });
    expect(result.articles.map((a) => a.title.value)).toEqual(['Good']);
    expect(result.counts.failed).toBe(1);
    const found = result.diagnostics.filter((d) => d.code === 'ARTICLE_ITEM_INVALID');
    expect(found).toHaveLength(1);
    expect(found[0]?.file).toBe('articles/broken.md');
    expect(found[0]?.message).toContain('ATOM_URI_NOT_IRI');
    const files = snapshot(dir);
    expect(files['feed.json']).toContain('A good article.');
    expect(files['atom.xml']).not.toContain('Broken');
  });

  it('is explained as the build sees it: status error, ARTICLE_ITEM_INVALID, its fields shown', async () => {
    const dir = makeProject({ 'broken.md': '---\ntitle: Broken\ndate: 2024-01-03\n---\nAn article that trips a writer bug.\n' });
    const [e] = await explain(['articles/broken.md'], { cwd: dir, now: NOW });
    expect(e?.status).toBe('error');
    expect(e?.title).toBe('Broken');
    expect(e?.diagnostics.map((d) => d.code)).toContain('ARTICLE_ITEM_INVALID');
  });
});
