import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteSetup } from '../../src/cli/init.js';
import { docusaurusFileName } from '../../src/site/docusaurus.js';
import { makeTree } from '../helpers/project.js';
import { loadAt, SITES } from '../helpers/site.js';

describe('Docusaurus: a post\'s slug and date from its path (plugin-content-blog parseBlogFileName)', () => {
  it.each([
    ['2021-08-26-welcome.md', { date: '2021-08-26', slug: '/2021/08/26/welcome' }],
    ['2021-08-26-welcome/index.mdx', { date: '2021-08-26', slug: '/2021/08/26/welcome' }],
    ['2021/08-26-welcome.md', { date: '2021-08-26', slug: '/2021/08/26/welcome' }],
    ['2021/8/5/post.md', { date: '2021-08-05', slug: '/2021/8/5/post' }],
    ['notes/2021-08-26-welcome.md', { date: '2021-08-26', slug: '/2021/08/26/notes/welcome' }],
    // Docusaurus's own regex takes the "/" after the date before it tries "/index": the slug keeps "index".
    ['2021-08-26/index.md', { date: '2021-08-26', slug: '/2021/08/26/index' }],
    ['plain-post.md', { slug: '/plain-post' }],
    ['folder-post/index.md', { slug: '/folder-post' }],
  ])('%s', (rel, expected) => {
    expect(docusaurusFileName(rel)).toEqual(expected);
  });
});

describe('Docusaurus: a site built (test/fixtures/sites/docusaurus-blog)', () => {
  it('detected from docusaurus.config.ts; posts at <baseUrl><routeBasePath>/<slug>, dated by their paths; partials, unlisted posts and drafts left out', async () => {
    const r = await loadAt(path.join(SITES, 'docusaurus-blog'), 'blog');
    expect([r.site?.preset, r.site?.detectedFrom, r.site?.baseUrl, r.site?.docusaurus?.routeBasePath]).toEqual(['docusaurus', 'docusaurus.config.ts', 'https://project.example/site/', 'news']);
    expect(r.links).toEqual({
      '2024-03-05-first-release.md': 'https://project.example/site/news/2024/03/05/first-release',
      '2024-04-01-folder-post/index.md': 'https://project.example/site/news/guests/first-guest',
      '2023/12-24-holiday.md': 'https://project.example/site/news/2023/12/24/holiday',
    });
    expect(Object.fromEntries(r.articles.map((a) => [a.relPath, a.published.value.toISOString()]))).toEqual({
      '2024-03-05-first-release.md': '2024-03-05T00:00:00.000Z',
      '2024-04-01-folder-post/index.md': '2024-04-01T00:00:00.000Z',
      '2023/12-24-holiday.md': '2023-12-24T00:00:00.000Z',
    });
    const notes = r.diagnostics.map((d) => [d.code, d.file]);
    expect(notes).toContainEqual(['META_DRAFT', 'blog/2024-06-01-draft.md']);
    expect(notes).toContainEqual(['META_NOT_A_POST', 'blog/2024-05-01-unlisted.md']);
    expect(notes).toContainEqual(['META_NOT_A_POST', 'blog/_draft-notes.md']);
    expect(notes).toContainEqual(['META_NOT_A_POST', 'blog/_shared/snippet.md']);
    // Docusaurus's own front matter keys are no typos; a slug that is a path is no bad slug.
    expect(notes.filter(([code]) => code === 'FM_UNKNOWN_KEY' || code === 'META_SLUG_INVALID')).toEqual([]);
  });

  it('authors by their key in authors.yml, inline authors, tags by their key in tags.yml', async () => {
    const r = await loadAt(path.join(SITES, 'docusaurus-blog'), 'blog');
    const first = r.byPath.get('2024-03-05-first-release.md');
    expect(first?.authors.value).toEqual([{ name: 'Jane Roe', url: 'https://example.org/jane' }, { name: 'Sam Poe' }]);
    expect(first?.tags.value).toEqual(['Releases', 'Community']);
    expect(r.byPath.get('2024-04-01-folder-post/index.md')?.authors.value).toEqual([{ name: 'Guest Writer', url: 'https://guest.example' }]);
    expect(r.byPath.get('2024-04-01-folder-post/index.md')?.tags.value).toEqual(['Guest posts']);
    expect(r.byPath.get('2023/12-24-holiday.md')?.authors.value).toEqual([{ name: 'Jane Roe', url: 'https://example.org/jane' }]);
  });

  it('the summary ends at <!-- truncate -->; admonitions are block quotes with their titles', async () => {
    const r = await loadAt(path.join(SITES, 'docusaurus-blog'), 'blog');
    const first = r.byPath.get('2024-03-05-first-release.md');
    expect(first?.summary.value).toBe('We shipped the first stable version today.');
    const html = first?.contentHtml ?? '';
    expect(html).not.toContain('truncate');
    expect(html).not.toContain(':::');
    expect(html).toMatch(/<blockquote><p><strong>Upgrade first<\/strong><\/p>\s*<p>Run the <strong>migration<\/strong> script before you start\.<\/p>\s*<\/blockquote>/);
    expect(html).toMatch(/<blockquote><p><strong>Known issues<\/strong><\/p>\s*<p>See the tracker\.<\/p>\s*<\/blockquote>/);
  });
});

describe('Docusaurus: init', () => {
  it("finds the blog plugin's folder and writes the blog feed's name, the site's URL with its baseUrl, and its locale", () => {
    const setup = siteSetup(path.join(SITES, 'docusaurus-blog'));
    expect([setup?.generator, setup?.marker, setup?.articles, setup?.posts]).toEqual(['Docusaurus', 'docusaurus.config.ts', 'blog', 7]);
    expect(setup?.own).toMatchObject({ title: 'Example Project News', description: 'Releases and notes', link: 'https://project.example/site/', language: 'en', site: '.', articles: 'blog' });
  });

  it('a blog plugin whose path is another folder: that folder, and its own authors map', () => {
    const cwd = makeTree(
      {
        'docusaurus.config.js': "module.exports = { title: 'T', url: 'https://t.example', baseUrl: '/', presets: [['classic', { docs: { path: 'documentation' }, blog: { path: 'posts', routeBasePath: '/' } }]] };\n",
        'posts/authors.yml': 'ann:\n  name: Ann Lee\n',
        'posts/2024-01-02-hi.md': '---\ntitle: Hi\nauthors: ann\n---\n\nHello.\n',
        'documentation/a.md': '# A\n',
      },
      'feedwright-docusaurus-path-',
    );
    expect(siteSetup(cwd)?.articles).toBe('posts');
    return loadAt(cwd, 'posts').then((r) => {
      expect(r.links).toEqual({ '2024-01-02-hi.md': 'https://t.example/2024/01/02/hi' });
      expect(r.byPath.get('2024-01-02-hi.md')?.authors.value).toEqual([{ name: 'Ann Lee' }]);
    });
  });

  it('a site that builds its blog with a second config (docusaurus build --config docusaurus.config-blog.js): that config', () => {
    const cwd = makeTree(
      {
        'docusaurus.config.js': "module.exports = { title: 'Docs', url: 'https://docs.t.example', baseUrl: '/', presets: [['classic', { docs: { routeBasePath: '/' } }]] };\n",
        'docusaurus.config-blog.js': "module.exports = { title: 'T Blog', url: 'https://blog.t.example', baseUrl: '/', trailingSlash: true, presets: [['classic', { docs: false, blog: { routeBasePath: '/' } }]] };\n",
        'blog/2024-01-02-hi.md': '---\ntitle: Hi\n---\n\nHello.\n',
      },
      'feedwright-docusaurus-two-',
    );
    expect(siteSetup(cwd)?.own).toMatchObject({ title: 'T Blog', link: 'https://blog.t.example/' });
    return loadAt(cwd, 'blog').then((r) => expect(r.links).toEqual({ '2024-01-02-hi.md': 'https://blog.t.example/2024/01/02/hi/' }));
  });
});
