import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/pipeline/load.js';
import { resolvePaths } from '../../src/pipeline/paths.js';
import { makeTree, TEST_NOW, testConfig } from '../helpers/project.js';

/*
 * Rules found by building real sites with their generator (`jekyll build` 4.3, `hugo` 0.111) and
 * checking every item link with --verify-links. Each site here is a small anonymised shape of the
 * case; the expected link is the page the generator wrote.
 */

/** The item links, by article path, of a site made of `files` with its articles in `articles`. */
async function links(files: Record<string, string>, articles: string): Promise<Record<string, string>> {
  const cwd = makeTree(files, 'feedwright-real-');
  const paths = resolvePaths({ cwd, articles, config: testConfig({ cache: false }) });
  const loaded = await loadArticles(paths, TEST_NOW);
  return Object.fromEntries(loaded.articles.map((a) => [a.relPath, a.link.value]));
}

describe('links proved against real generator builds', () => {
  it('Jekyll: a permalink written with percent-escapes is the page at the unescaped path, encoded once', async () => {
    // Jekyll writes `permalink: /2010/10/20/%c9%b9o/` to _site/2010/10/20/ɹo/index.html (URL.unescape_path).
    const r = await links(
      {
        '_config.yml': 'url: https://esc.example\npermalink: /:categories/:title/\n',
        '_posts/2010-10-20-imported.md': "---\ntitle: ɹo\npermalink: '/2010/10/20/%c9%b9o-%c7%9d/'\n---\nText.\n",
        '_posts/2010-10-21-percent.md': "---\ntitle: Percent\npermalink: '/100%-sure/'\n---\nText.\n",
      },
      '_posts',
    );
    expect(r).toEqual({
      '2010-10-20-imported.md': 'https://esc.example/2010/10/20/%C9%B9o-%C7%9D/',
      '2010-10-21-percent.md': 'https://esc.example/100%25-sure/',
    });
  });
});
