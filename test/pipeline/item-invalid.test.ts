/**
 * Every item is checked when its article is parsed. An item that fails is a bug in feedwright
 * (a relative author URL once made a whole build stop with VALIDATION_FAILED, no feeds written):
 * it must cost that one article, named, and never the feeds of the others.
 *
 * Most items get the cheap check of their values only (src/feeds/compose-check.ts
 * `checkItemQuickly`): the writers' output is proved by property tests (test/feeds/item-checks.test.ts),
 * not scanned again in the build. The writer bugs below are injected by patching a writer, as a
 * real bug would put them in the output, to show that the full validator catches them during the
 * build on an unusual path (here an MDX file), and that `feedwright check` (checkPaths, the full
 * validator) catches them in the written feeds otherwise.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { explain } from '../../src/explain.js';
import { atomWriter } from '../../src/feeds/atom.js';
import { itemHash } from '../../src/feeds/compose-check.js';
import { rssWriter } from '../../src/feeds/rss.js';
import type { Article } from '../../src/model.js';
import { inFullCheckSample } from '../../src/pipeline/article.js';
import { checkPaths } from '../../src/validate/index.js';
import { makeProject, NOW, snapshot } from '../perf/helpers.js';

const originalAtom = atomWriter.item;
const originalRss = rssWriter.item;
afterEach(() => {
  atomWriter.item = originalAtom;
  rssWriter.item = originalRss;
});

/** A writer bug that only the article titled "Broken" triggers: `damage` applied to its item text. */
function breakAtom(damage: (text: string) => string): void {
  atomWriter.item = (a: Article) => (a.title.value === 'Broken' ? damage(originalAtom(a)) : originalAtom(a));
}

const BROKEN = '---\ntitle: Broken\ndate: 2024-01-03\n---\nAn article that trips a writer bug.\n';
const GOOD = '---\ntitle: Good\ndate: 2024-01-02\n---\nA good article.\n';

describe('an article whose item fails its checks', () => {
  it('is left out with ARTICLE_ITEM_INVALID naming it when a writer emits a control character; the others are published', async () => {
    // An unescaped U+0001 (XML 1.0 forbids it) in an article on an unusual path: the full validator names it.
    breakAtom((t) => t.replace('<title type="text">Broken', '<title type="text">Bro\u0001ken'));
    const dir = makeProject({ 'good.md': GOOD, 'broken.mdx': BROKEN });
    const result = await build({ cwd: dir, now: NOW });
    expect((await result.articles()).map((a) => a.title.value)).toEqual(['Good']);
    expect(result.counts.failed).toBe(1);
    const found = result.diagnostics.filter((d) => d.code === 'ARTICLE_ITEM_INVALID');
    expect(found).toHaveLength(1);
    expect(found[0]?.file).toBe('articles/broken.mdx');
    expect(found[0]?.message).toContain('XML_ILLEGAL_CHARACTER');
    const files = snapshot(dir);
    expect(files['feed.json']).toContain('A good article.');
    expect(files['atom.xml']).not.toContain('Broken');
  });

  it('is caught by `check` in the written feed on the ordinary path, and by the build on an unusual path', async () => {
    // An `&` or `<` left unescaped, a mismatched end tag: an ordinary item is not re-parsed during
    // the build (its values pass, and the writers' escaping is the property tests' to prove); the
    // full validator finds each in the file, and in the build when the article takes an unusual path.
    const bugs: Array<[(t: string) => string, string]> = [
      [(t) => t.replace('Broken', 'Bro & ken'), 'XML_UNDEFINED_ENTITY'],
      [(t) => t.replace('Broken', 'Bro <ken'), 'XML_NOT_WELL_FORMED'],
      [(t) => t.replace('</title>', '</titel>'), 'XML_MISMATCHED_TAG'],
    ];
    for (const [damage, code] of bugs) {
      breakAtom(damage);
      const dir = makeProject({ 'good.md': GOOD, 'broken.md': BROKEN });
      const result = await build({ cwd: dir, now: NOW });
      const broken = (await result.articles()).find((a) => a.title.value === 'Broken');
      expect(broken).toBeDefined();
      // Precondition: this item is not in the build's full-check sample (chosen by its hash).
      expect(inFullCheckSample(itemHash(atomWriter.item(broken as Article)))).toBe(false);
      const found = await checkPaths([path.join(dir, 'dist', 'atom.xml')]);
      expect(found.map((d) => d.code)).toContain(code);

      // The same article as MDX takes an unusual path: its items get the full validator in the build.
      const mdx = makeProject({ 'good.md': GOOD, 'broken.mdx': BROKEN });
      const mdxResult = await build({ cwd: mdx, now: NOW });
      const invalid = mdxResult.diagnostics.filter((d) => d.code === 'ARTICLE_ITEM_INVALID');
      expect(invalid.map((d) => d.file)).toEqual(['articles/broken.mdx']);
      expect(invalid[0]?.message).toContain(code);
    }
  });

  it('is explained as the build sees it: status error, ARTICLE_ITEM_INVALID, its fields shown', async () => {
    breakAtom((t) => t.replace('Broken', 'Bro\u0001ken'));
    const dir = makeProject({ 'broken.mdx': BROKEN });
    const [e] = await explain(['articles/broken.mdx'], { cwd: dir, now: NOW });
    expect(e?.status).toBe('error');
    expect(e?.title).toBe('Broken');
    expect(e?.diagnostics.map((d) => d.code)).toContain('ARTICLE_ITEM_INVALID');
  });
});
