/**
 * Listing pages among HTML sources (src/extract/html/listing.ts, src/meta/resolve.ts): a saved
 * site's paginated index and category pages are not posts; a post with a "related posts" box is.
 */
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../src/extract/html/index.js';
import { resolveArticle } from '../../../src/meta/resolve.js';
import type { SourceDocument } from '../../../src/model.js';
import { TEST_NOW, testConfig } from '../../helpers/project.js';

const teaser = (n: number, href = `/articles/2015/0${n}/01/post-${n}/`) => `<article><h1><a href="${href}">Post ${n}</a></h1><time datetime="2015-0${n}-01">1 Jan</time><p>The start of post ${n}, with enough words to read as a teaser of it.</p></article>`;
const page = (canonical: string, body: string) => `<!doctype html><html lang="en"><head><title>Blog</title><link rel="canonical" href="${canonical}"></head><body><div id="main">${body}</div></body></html>`;
const post = `<article><h1>The post itself</h1><p>${'A paragraph of the post, long enough to be its body. '.repeat(12)}</p><p>${'Another paragraph. '.repeat(20)}</p></article>`;

function found(html: string) {
  return extractHtml(html, { timezone: 'UTC' }).found;
}

function resolve(relPath: string, html: string) {
  const x = extractHtml(html, { timezone: 'UTC' });
  const doc: SourceDocument = { kind: 'html', relPath, displayPath: `articles/${relPath}`, frontMatter: {}, frontMatterLines: {}, bodyHtml: x.contentHtml, bodyText: x.contentText, found: x.found, dropped: x.dropped };
  return resolveArticle(doc, Date.parse('2025-06-01T12:00:00Z'), { config: testConfig({}), git: new Map(), now: TEST_NOW });
}

describe('post teasers', () => {
  it('counts innermost entries whose heading links to another page, not the page itself or an anchor', () => {
    expect(found(page('https://b.example/articles/page/2/', [1, 2, 3, 4].map((n) => teaser(n)).join(''))).teasers?.value).toBe(4);
    // A category page nests its teasers inside one outer article; the outer one is not counted.
    expect(found(page('https://b.example/articles/categories/emacs/', `<article><h1>Category: Emacs</h1>${teaser(1)}${teaser(2)}</article>`)).teasers?.value).toBe(2);
    const self = `<article><h1><a href="https://b.example/articles/2015/06/16/x/">X</a></h1><p>Body.</p></article><article><h2><a href="#comments">Comments</a></h2></article>`;
    expect(found(page('https://b.example/articles/2015/06/16/x', self)).teasers).toBeUndefined();
  });
});

describe('listing pages among HTML articles', () => {
  it("a page of teasers at a listing's address (by its file or its canonical URL) is not a post, even with one teaser", () => {
    const index = resolve('page/2/index.html', page('https://b.example/articles/page/2/', [1, 2, 3].map((n) => teaser(n)).join('')));
    expect([index.status, index.diagnostics.map((d) => [d.code, d.message])]).toEqual(['section', [['META_NOT_A_POST', 'This is a listing page (3 post teasers), not a post; it is not an item.']]]);
    expect(resolve('saved/emacs.html', page('https://b.example/categories/emacs/', teaser(1))).status).toBe('section');
    expect(resolve('index.html', page('https://b.example/', [1, 2, 3].map((n) => teaser(n)).join(''))).status).toBe('section');
  });

  it('a post with a "related posts" box of teasers is a post, wherever it is; a home page with two teasers too', () => {
    const related = `${post}<aside>${[1, 2, 3, 4].map((n) => teaser(n)).join('')}</aside>`;
    expect(resolve('2015/06/16/the-post/index.html', page('https://b.example/2015/06/16/the-post/', related)).status).toBe('ok');
    expect(resolve('index.html', page('https://b.example/', `${post}${teaser(1)}${teaser(2)}`)).status).toBe('ok');
    // A post at a listing-like address with no teasers stays a post.
    expect(resolve('tag/go/index.html', page('https://b.example/tag/go/', post)).status).toBe('ok');
  });
});
