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

  it('Hugo: an HTML content file without front matter is copied as a file, not a page; one with front matter is a page', async () => {
    // hugo 0.111 on this site writes posts/2024/03/a-post/index.html, posts/2024/03/html-post/index.html
    // and copies posts/demos/demo.html as it is.
    const r = await links(
      {
        'hugo.toml': 'baseURL = "https://html.example/"\n[permalinks]\nposts = "/posts/:year/:month/:filename/"\n',
        'content/posts/a-post.md': '---\ntitle: A post\ndate: 2024-03-02\n---\nText.\n',
        'content/posts/html-post.html': '---\ntitle: An HTML post\ndate: 2024-03-04\n---\n<p>Text.</p>\n',
        'content/posts/demos/demo.html': '<!DOCTYPE html>\n<html><head><title>Demo</title><meta name="date" content="2024-03-05"></head><body><h1>Proxy demo</h1><p>A demo page of the Proxy API, with its script.</p><script>let a = 1;</script></body></html>\n',
      },
      'content/posts',
    );
    expect(r).toEqual({
      'a-post.md': 'https://html.example/posts/2024/03/a-post/',
      'html-post.html': 'https://html.example/posts/2024/03/html-post/',
    });
  });

  it("Hugo: a section's cascade does not make an HTML file without front matter of its own a page", async () => {
    // hugo 0.111 on this site writes posts/2024/03/a-post/index.html and copies posts/demos/demo.html as it is.
    const cwd = makeTree(
      {
        'hugo.toml': 'baseURL = "https://html.example/"\n[permalinks]\nposts = "/posts/:year/:month/:filename/"\n',
        'content/posts/_index.md': '---\ntitle: Posts\ncascade:\n  author: Ann\n---\n',
        'content/posts/a-post.md': '---\ntitle: A post\ndate: 2024-03-02\n---\nText.\n',
        'content/posts/demos/demo.html': '<!DOCTYPE html>\n<html><head><title>Demo</title></head><body><h1>Proxy demo</h1><p>A demo page.</p></body></html>\n',
      },
      'feedwright-real-',
    );
    const loaded = await loadArticles(resolvePaths({ cwd, articles: 'content/posts', config: testConfig({ cache: false }) }), TEST_NOW);
    expect(loaded.articles.map((a) => [a.relPath, a.link.value])).toEqual([['a-post.md', 'https://html.example/posts/2024/03/a-post/']]);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.diagnostics.filter((d) => d.file?.endsWith('demo.html')).map((d) => d.code)).toEqual(['META_NOT_A_POST']);
  });

  it('Hugo: a flow list whose closing bracket is at column 1 is read, as go-yaml reads it (the post is not lost)', async () => {
    // hugo 0.111 publishes this post at its url; the front matter was refused as invalid YAML before.
    const r = await links(
      {
        'hugo.toml': 'baseURL = "https://flow.example/"\n',
        'content/post/2019-10-08-flow.md': '---\ntitle:\t\t"Flow"\ndate:\t\t2019-10-08T12:30:00\nURL: "2019/10/08/flow/"\ncategories: [ \n\t"Go"\n]\n---\nText.\n',
      },
      'content/post',
    );
    expect(r).toEqual({ '2019-10-08-flow.md': 'https://flow.example/2019/10/08/flow/' });
  });

  it('Hugo: removePathAccents takes the accents out of file names, section folders and slugs in page paths', async () => {
    // hugo 0.111 on this site writes post/cafe-creme/, post/reseau/deja-vu/ and post/ete-2024/.
    const site = {
      'content/post/café-crème.md': '---\ntitle: Un café\ndate: 2024-03-02\n---\nTexte.\n',
      'content/post/réseau/déjà-vu.md': '---\ntitle: Déjà vu\ndate: 2024-03-03\n---\nTexte.\n',
      'content/post/ete.md': '---\ntitle: Été\ndate: 2024-03-04\nslug: "été-2024"\n---\nTexte.\n',
    };
    const r = await links({ 'hugo.toml': 'baseURL = "https://accents.example/"\nremovePathAccents = true\n', ...site }, 'content/post');
    expect(r).toEqual({
      'café-crème.md': 'https://accents.example/post/cafe-creme/',
      'réseau/déjà-vu.md': 'https://accents.example/post/reseau/deja-vu/',
      'ete.md': 'https://accents.example/post/ete-2024/',
    });
    // Without it, Hugo keeps them (the path is percent-encoded in the link).
    const kept = await links({ 'hugo.toml': 'baseURL = "https://accents.example/"\n', ...site }, 'content/post');
    expect(kept['ete.md']).toBe('https://accents.example/post/%C3%A9t%C3%A9-2024/');
  });
});
