import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

const PAGE = (title: string) => `---\ntitle: ${title}\ndate: 2024-03-05\n---\n\nSome text of the page, long enough to be an article.\n`;

async function initIn(files: Record<string, string>) {
  const dir = makeTree(files, 'feedwright-other-gen-');
  const r = await run(['init'], { cwd: dir });
  const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
  return { ...r, config, dir };
}

describe('init on a generator without a preset names it and takes what its config states', () => {
  it('MkDocs: site_name, site_url, site_author; pages below docs_dir link at their path with a slash (use_directory_urls)', async () => {
    const r = await initIn({
      'mkdocs.yml': 'site_name: Team Notes\nsite_url: https://team.example/notes/\nsite_author: Ann Example\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n',
      'docs/articles/first.md': PAGE('First'),
      'docs/articles/tools/second.md': PAGE('Second'),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('A MkDocs site (mkdocs.yml) is no generator feedwright has a preset for');
    expect(r.stderr).toContain('items link where MkDocs serves the pages ("permalinks": "/articles/:path/")');
    expect(r.config).toMatchObject({ title: 'Team Notes', link: 'https://team.example/notes/', author: { name: 'Ann Example' }, articles: 'docs/articles', permalinks: '/articles/:path/' });
    const b = await run(['build'], { cwd: r.dir });
    expect(b.code).toBe(0);
    const items = (JSON.parse(readFileSync(path.join(r.dir, 'dist', 'feed.json'), 'utf8')) as { items: { url: string }[] }).items.map((i) => i.url).sort();
    expect(items).toEqual(['https://team.example/notes/articles/first/', 'https://team.example/notes/articles/tools/second/']);
  });

  it("MkDocs Material's blog plugin: its posts link at <blog_dir>/<date>/<slug or title slugified>/, dated by `date: { created }`", async () => {
    const r = await initIn({
      'mkdocs.yml': 'site_name: Blog\nsite_url: https://blog.example/\nplugins:\n  - search\n  - blog:\n      blog_dir: news\n',
      'docs/news/index.md': '# News\n',
      'docs/news/posts/one.md': '---\ndate:\n  created: 2023-12-31\n  updated: 2024-01-02\nslug: new-year\n---\n\n# Happy new year!\n\nSome text of the post, long enough to be an article.\n',
      'docs/news/posts/drafts/two.md': "---\ndate:\n  created: 2024-05-04\n---\n\n# Don't panic: Über café!\n\nSome text of the post, long enough to be an article.\n",
      // The built site, committed (site_dir): more pages than the posts, and no articles of the config's.
      ...Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`site/news/archive/${i}/index.html`, `<html><head><title>Archive ${i}</title></head><body><article><h1>Archive ${i}</h1><p>Old text.</p></article></body></html>`])),
    });
    expect(r.code).toBe(0);
    expect(r.config).toMatchObject({ articles: 'docs/news/posts', permalinks: '/news/:year/:month/:day/:mkdocs_slug/' });
    const b = await run(['build'], { cwd: r.dir });
    expect(b.code).toBe(0);
    const items = (JSON.parse(readFileSync(path.join(r.dir, 'dist', 'feed.json'), 'utf8')) as { items: { url: string; date_published: string; date_modified: string }[] }).items;
    expect(items.map((i) => [i.url, i.date_published.slice(0, 10), i.date_modified.slice(0, 10)]).sort()).toEqual([
      ['https://blog.example/news/2023/12/31/new-year/', '2023-12-31', '2024-01-02'],
      ['https://blog.example/news/2024/05/04/dont-panic-uber-cafe/', '2024-05-04', '2024-05-04'],
    ]);
  });

  it("MkDocs Material's blog plugin: blog_dir '.', post_url_format and post_url_date_format as the site sets them", async () => {
    const site = (options: string) => initIn({ 'mkdocs.yml': `site_name: Blog\nplugins:\n  - blog:\n${options}`, 'docs/posts/one.md': PAGE('One') });
    expect((await site('      blog_dir: .\n')).config).toMatchObject({ articles: 'docs/posts', permalinks: '/:year/:month/:day/:mkdocs_slug/' });
    expect((await site('      post_url_date_format: yyyyMMdd\n      post_url_format: "{date}/{file}"\n      blog_dir: .\n')).config.permalinks).toBe('/:year:month:day/:filename/');
    expect((await site('      blog_dir: .\n      post_url_format: "{categories}/{slug}"\n')).config.permalinks).toBe('/:category/:mkdocs_slug/');
    // A date written with month names is not a token feedwright has: no pattern, and init says so.
    const named = await site('      blog_dir: .\n      post_url_date_format: MMMM/yyyy\n');
    expect(named.config).not.toHaveProperty('permalinks');
    expect(named.stderr).toContain("the blog plugin's post_url_format or post_url_date_format is one feedwright does not read");
  });

  it('VitePress (docs/.vitepress/config.mts): its title and lang, and pages at /<path>.html; the link it does not name is asked for', async () => {
    const r = await initIn({
      'docs/.vitepress/config.mts': 'import { defineConfig } from "vitepress"\nexport default defineConfig({\n  title: "Dev Notes",\n  description: "Notes on tools",\n  lang: "en-GB",\n})\n',
      'docs/guide/first.md': PAGE('First'),
    });
    expect(r.stderr).toContain('A VitePress site (docs/.vitepress/config.mts) is no generator feedwright has a preset for');
    expect(r.stderr).toContain('"permalinks": "/:path.html", below "link", which its config does not name: set it');
    expect(r.config).toMatchObject({ title: 'Dev Notes', language: 'en-GB', articles: 'docs', permalinks: '/:path.html' });
    expect(r.config.link).toBe('https://example.com/');
  });

  it('VitePress with a base but no hostname: the link to set is said to end in the base', async () => {
    const r = await initIn({ 'docs/.vitepress/config.js': "export default {\n  base: '/dev-notes/',\n  title: 'Dev Notes',\n}\n", 'docs/guide/first.md': PAGE('First') });
    expect(r.stderr).toContain('below "link", which its config does not name: set it to the address the site is served at, which ends in its base /dev-notes/ (https://<host>/dev-notes/)');
  });

  it("VitePress: the pages are the Markdown of its source folder, not a subfolder of a few .txt samples that holds the most text files", async () => {
    const r = await initIn({
      'docs/.vitepress/config.mts': 'export default { title: "Dev Notes" }\n',
      'docs/guide/first.md': PAGE('First'),
      'docs/guide/second.md': PAGE('Second'),
      'docs/ai/workshop/a.txt': 'Dear Acme,\nA sample letter.\n',
      'docs/ai/workshop/b.txt': 'Dear Acme,\nAnother sample letter.\n',
      'docs/ai/workshop/c.txt': 'Dear Acme,\nA third sample letter.\n',
    });
    expect(r.config).toMatchObject({ articles: 'docs', permalinks: '/:path.html' });
  });

  it("Nuxt Content 2/3 with a catch-all page: posts at their content path as generatePath makes it (no number, lower case), below app.baseURL", async () => {
    const r = await initIn({
      'package.json': '{ "dependencies": { "nuxt": "3.4.3", "@nuxt/content": "2.6.0" } }\n',
      'nuxt.config.ts': "export default defineNuxtConfig({\n  modules: ['@nuxt/content'],\n  app: { baseURL: '/notes/' },\n  site: { url: 'https://dev.example' },\n})\n",
      'pages/[...slug].vue': '<template><ContentDoc /></template>\n',
      'content/articles/JavaScript/1.CurryAndAsync.md': PAGE('Curry'),
      'content/articles/css-center.md': PAGE('Centre'),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('A Nuxt site (nuxt.config.ts) is no generator feedwright has a preset for');
    expect(r.config).toMatchObject({ link: 'https://dev.example/notes/', articles: 'content/articles', permalinks: '/articles/:nuxt_path' });
    const b = await run(['build'], { cwd: r.dir });
    expect(b.code).toBe(0);
    const items = (JSON.parse(readFileSync(path.join(r.dir, 'dist', 'feed.json'), 'utf8')) as { items: { url: string }[] }).items.map((i) => i.url).sort();
    expect(items).toEqual(['https://dev.example/notes/articles/css-center', 'https://dev.example/notes/articles/javascript/curryandasync']);
  });

  it('Nuxt Content 1 with a one-parameter page in the posts folder\'s place: /<folder>/<file name as written>; without a serving route, no pattern and init says so', async () => {
    const files = {
      'package.json': '{ "dependencies": { "nuxt": "^2.14.0", "@nuxt/content": "^1.5.0" } }\n',
      'nuxt.config.js': "export default {\n  target: 'static',\n  modules: ['@nuxt/content'],\n}\n",
      'content/articles/My-First.md': PAGE('First'),
    };
    const served = await initIn({ ...files, 'pages/articles/_article.vue': '<template><nuxt-content /></template>\n' });
    expect(served.config).toMatchObject({ articles: 'content/articles', permalinks: '/articles/:path' });
    const b = await run(['build'], { cwd: served.dir });
    expect(b.code).toBe(0);
    expect((JSON.parse(readFileSync(path.join(served.dir, 'dist', 'feed.json'), 'utf8')) as { items: { url: string }[] }).items.map((i) => i.url)).toEqual(['https://example.com/articles/My-First']);
    const unserved = await initIn({ ...files, 'pages/index.vue': '<template><div /></template>\n' });
    expect(unserved.config).not.toHaveProperty('permalinks');
    expect(unserved.stderr).toContain("no page route of the site's (pages/[...slug].vue, pages/articles/[slug].vue) serves content/articles/");
  });

  it('the language the posts are written in is not said to come from the generator\'s config', async () => {
    const r = await initIn({
      'nuxt.config.ts': "export default defineNuxtConfig({ modules: ['@nuxt/content'] })\n",
      'pages/[...slug].vue': '<template><ContentDoc /></template>\n',
      ...Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`content/blog/p${i}.md`, `---\ntitle: 标题${i}\ndate: 2024-03-05\n---\n\n这是一篇足够长的中文文章，用来判断语言。这是一篇足够长的中文文章。\n`])),
    });
    expect(r.config).toMatchObject({ language: 'zh', permalinks: '/blog/:nuxt_path' });
    expect(r.stderr).toContain('From nuxt.config.ts, its config names no title or link for the feed');
    expect(r.stderr).toContain('The feed\'s language is "zh"');
  });
});

describe('init where the site is in a folder below (a project keeping its site in website/)', () => {
  it('names that folder and its generator, and writes nothing here (the config belongs there)', async () => {
    const dir = makeTree(
      {
        'README.md': '# A project\n',
        'website/docusaurus.config.js': "module.exports = { title: 'Project', url: 'https://project.example', baseUrl: '/', presets: [['classic', { blog: { path: '../blog' } }]] };\n",
        'blog/2024-03-05-first.md': PAGE('First'),
      },
      'feedwright-nested-site-',
    );
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('This folder is no site, but website/ is a Docusaurus site (website/docusaurus.config.js) whose posts are in blog/: run `npx feedwright init` in website/');
    expect(existsSync(path.join(dir, 'feedwright.config.json'))).toBe(false);
  });

  it('a generator without a preset counts too: MkDocs in blog/ (blog/mkdocs.yml and blog/docs/)', async () => {
    const dir = makeTree({ 'README.md': '# Notes\n', 'blog/mkdocs.yml': 'site_name: Notes\n', 'blog/docs/index.md': '# Home\n', 'blog/docs/tools/first.md': PAGE('First') }, 'feedwright-nested-mkdocs-');
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('This folder is no site, but blog/ is a MkDocs site (blog/mkdocs.yml) whose posts are in blog/docs/: run `npx feedwright init` in blog/');
    expect(existsSync(path.join(dir, 'feedwright.config.json'))).toBe(false);
  });
});

describe('init on a Gatsby site whose siteMetadata is another module (CommonJS require)', () => {
  it("`siteMetadata: metaConfig` with `const metaConfig = require('./gatsby-meta-config')`: that module's exported object gives the title, siteUrl, language and author", async () => {
    const r = await initIn({
      'gatsby-config.js': "const metaConfig = require('./gatsby-meta-config');\n\nmodule.exports = {\n  siteMetadata: metaConfig,\n  plugins: [],\n};\n",
      'gatsby-meta-config.js': "module.exports = {\n  title: `dev notes`,\n  description: `A developer's diary`,\n  language: `ko`,\n  siteUrl: `https://notes.example`,\n  author: {\n    name: `Jin Example`,\n  },\n};\n",
      'gatsby-node.js': "const { createFilePath } = require('gatsby-source-filesystem');\nexports.onCreateNode = ({ node, getNode }) => { const slug = createFilePath({ node, getNode }); };\n",
      'content/first-post/index.md': PAGE('First'),
    });
    expect(r.config).toMatchObject({ title: 'dev notes', link: 'https://notes.example/', language: 'ko', author: { name: 'Jin Example' }, permalinks: '/:path/' });
  });

  it("the posts are in the folder gatsby-source-filesystem reads (a template of __dirname + /src/pages, path.join(__dirname, 'content', 'blog')), not static/ with its robots.txt", async () => {
    const files = (pathOption: string, folder: string) => ({
      'gatsby-config.js': `module.exports = {\n  siteMetadata: { title: 'Notes', siteUrl: 'https://notes.example' },\n  plugins: [\n    { resolve: \`gatsby-source-filesystem\`, options: { path: ${pathOption}, name: 'pages' } },\n    { resolve: 'gatsby-transformer-remark', options: { plugins: [] } },\n  ],\n};\n`,
      'static/robots.txt': 'User-agent: *\nAllow: /\n',
      'static/ads.txt': 'example.com, pub-0000000000000000, DIRECT\n',
      [`${folder}/2019/11/17/first.md`]: PAGE('First'),
      [`${folder}/2019/11/18/second.md`]: PAGE('Second'),
    });
    const dirnameTemplate = ['`$', '{__dirname}/src/pages`'].join('');
    expect((await initIn(files(dirnameTemplate, 'src/pages'))).config).toMatchObject({ articles: 'src/pages' });
    expect((await initIn(files("path.join(__dirname, 'content', 'blog')", 'content/blog'))).config).toMatchObject({ articles: 'content/blog' });
  });
});

describe('what a generator without a preset does to its pages (for the build: template code, titles)', () => {
  it('MkDocs has no template language unless the macros plugin runs Jinja2; VitePress and Nuxt Content do; all three title a page by its first # heading', async () => {
    const { otherGeneratorAbove } = await import('../../src/site/other-generators.js');
    const plain = makeTree({ 'mkdocs.yml': 'site_name: Notes\nplugins:\n  - search\n', 'docs/maths/limits.md': '# Limits\n\n$\\frac{a}{b}_{{n}}$\n' }, 'feedwright-other-rules-');
    expect(otherGeneratorAbove(path.join(plain, 'docs/maths'))).toMatchObject({ root: plain, generator: { name: 'MkDocs', templateEngine: undefined, titleFromFirstHeading: true } });
    const macros = makeTree({ 'mkdocs.yml': 'site_name: Notes\nplugins:\n  - search\n  - macros:\n      module_name: main\n', 'docs/a.md': '# A\n' }, 'feedwright-other-rules-');
    expect(otherGeneratorAbove(path.join(macros, 'docs'))?.generator.templateEngine).toBe('jinja');
    const vitepress = makeTree({ 'docs/.vitepress/config.mts': 'export default { title: "T" }\n', 'docs/posts/a.md': 'Intro.\n\n# A\n' }, 'feedwright-other-rules-');
    expect(otherGeneratorAbove(path.join(vitepress, 'docs/posts'))).toMatchObject({ root: path.join(vitepress, 'docs'), generator: { name: 'VitePress', templateEngine: 'vue', titleFromFirstHeading: true } });
    const none = makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'notes/a.md': '# A\n' }, 'feedwright-other-rules-');
    expect(otherGeneratorAbove(path.join(none, 'notes'))).toBeUndefined();
  });

  it("a build keeps a MkDocs page's {{ }} and {% %} (TeX math, prose) as written, with no warning; with the macros plugin they are template code, removed with CONTENT_TEMPLATE_REMOVED", async () => {
    const page = '---\ntitle: Limits\ndate: 2024-03-05\n---\n\nThe sum $$x_{{n}}$$ and the text {% raw %} stay.\n';
    const built = async (plugins: string) => {
      const dir = makeTree({ 'mkdocs.yml': `site_name: Notes\nsite_url: https://notes.example/\nplugins:\n${plugins}`, 'docs/maths/limits.md': page }, 'feedwright-other-build-');
      const r = await run(['build', '--articles', 'docs/maths'], { cwd: dir });
      const feed = JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { content_html: string }[] };
      return { stderr: r.stderr, html: feed.items[0]?.content_html ?? '' };
    };
    const plain = await built('  - search\n');
    expect(plain.html).toContain('$$x_{{n}}$$ and the text {% raw %} stay.');
    expect(plain.stderr).not.toContain('CONTENT_TEMPLATE_REMOVED');
    const macros = await built('  - macros\n');
    expect(macros.html).not.toContain('{{n}}');
    expect(macros.stderr).toContain('CONTENT_TEMPLATE_REMOVED');
  });

  it('a build titles a VitePress page without a front-matter title by its first # heading, after a badge and a lead paragraph', async () => {
    const dir = makeTree(
      {
        'docs/.vitepress/config.mts': 'export default { title: "Dev Notes", sitemap: { hostname: "https://notes.example" } }\n',
        'docs/posts/release.md': '---\ndate: 2024-03-05\n---\n\n![build](https://ci.example/badge.svg)\n\nWhat changed this month.\n\n# Release notes for March\n\nText.\n',
      },
      'feedwright-other-build-',
    );
    const r = await run(['build', '--articles', 'docs/posts'], { cwd: dir });
    expect(r.stderr).not.toContain('META_TITLE_MISSING');
    const feed = JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { title: string; content_html: string }[] };
    expect(feed.items.map((i) => i.title)).toEqual(['Release notes for March']);
    expect(feed.items[0]?.content_html).toContain('What changed this month.');
    expect(feed.items[0]?.content_html).not.toContain('Release notes for March');
  });
});

describe('init on a Quarto website', () => {
  it('names it, takes website.title, description and site-url, reads its .qmd posts as Markdown, and says its .ipynb posts are not read', async () => {
    const quarto = "project:\n  type: website\nwebsite:\n  title: \"Field Notes\"\n  description: \"Notes from the field.\"\n  site-url: https://notes.example/blog\n";
    const only = await initIn({ '_quarto.yml': quarto, 'posts/welcome/index.qmd': '---\ntitle: Welcome\n---\n\nHello.\n', 'posts/clt/index.ipynb': '{}\n' });
    expect(only.config).toMatchObject({ title: 'Field Notes', articles: 'posts', permalinks: '/posts/:path/' });
    expect(only.stderr).toContain('Its 1 .ipynb files are not read');
    const mixed = await initIn({ '_quarto.yml': quarto, 'posts/welcome/index.qmd': '---\ntitle: Welcome\n---\n\nHello.\n', 'posts/first/index.md': PAGE('First') });
    expect(mixed.config).toMatchObject({ title: 'Field Notes', description: 'Notes from the field.', link: 'https://notes.example/blog/', articles: 'posts', permalinks: '/posts/:path/' });
    expect(mixed.stderr).not.toContain('not read');
  });

  it("HTML beside a Quarto blog's Markdown posts (knitr's caches) does not make init read the folder as saved pages: the config still takes _quarto.yml's title and link", async () => {
    const quarto = 'project:\n  type: website\nwebsite:\n  title: Field Notes\n  site-url: https://notes.example\n';
    const cache = (n: number) => `<html><head><title>chunk ${n}</title></head><body><pre>output ${n}</pre></body></html>\n`;
    const r = await initIn({ '_quarto.yml': quarto, 'posts/a/index.qmd': '---\ntitle: A\ndate: 2023-06-02\n---\n\nText.\n', 'posts/a/index_cache/html/c1.html': cache(1), 'posts/a/index_cache/html/c2.html': cache(2), 'posts/a/index_cache/html/c3.html': cache(3) });
    expect(r.config).toMatchObject({ title: 'Field Notes', link: 'https://notes.example/', articles: 'posts' });
    expect(r.stderr).toContain('From _quarto.yml, the config takes its title "Field Notes"');
  });

  it('a Quarto blog of folders and pages both: each at the .html Quarto writes (posts/x/index.html, posts/y.html), as its listings link them', async () => {
    const quarto = 'project:\n  type: website\nwebsite:\n  title: Field Notes\n  site-url: https://notes.example\n';
    const post = (title: string) => `---\ntitle: "${title}"\ndate: "2023-06-02"\n---\n\nText of the post.\n`;
    const dir = makeTree({ '_quarto.yml': quarto, 'posts/series/index.qmd': post('The series'), 'posts/series/01-first.qmd': post('Part one'), 'posts/single.qmd': post('Single') }, 'feedwright-quarto-mixed-');
    await run(['init'], { cwd: dir });
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8'));
    expect(config).toMatchObject({ articles: 'posts', permalinks: '/posts/:source_path.html' });
    await run(['build'], { cwd: dir });
    const feed = JSON.parse(readFileSync(path.join(dir, 'dist/feed.json'), 'utf8'));
    expect(feed.items.map((i: { url: string }) => i.url).sort()).toEqual(['https://notes.example/posts/series/01-first.html', 'https://notes.example/posts/single.html']);
  });

  it('builds a Quarto blog: posts/x/index.qmd at /posts/x/ (its folder as written), YAML front matter, categories as tags; a note beside a post\'s index is no post of its own for the link rule', async () => {
    const quarto = 'project:\n  type: website\nwebsite:\n  title: Field Notes\n  site-url: https://notes.example\n';
    const post = (title: string, day: string) => `---\ntitle: "${title}"\ndate: "2023-06-${day}"\nauthor: Ann Writer\ncategories: [aws, Terraform]\n---\n\n# Introduction\n\nText of the post.\n\n\`\`\`{python}\nprint(1)\n\`\`\`\n`;
    const dir = makeTree({ '_quarto.yml': quarto, 'posts/2023-06-02-Terraform-setup/index.qmd': post('Getting started', '02'), 'posts/2023-06-04-api/index.qmd': post('The API', '04'), 'posts/2023-06-04-api/notes.md': 'Some notes.\n' }, 'feedwright-quarto-build-');
    await run(['init'], { cwd: dir });
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8'));
    expect(config).toMatchObject({ articles: 'posts', permalinks: '/posts/:path/' });
    await run(['build'], { cwd: dir });
    const feed = JSON.parse(readFileSync(path.join(dir, 'dist/feed.json'), 'utf8'));
    const item = feed.items.find((i: { title: string }) => i.title === 'Getting started');
    expect(item).toMatchObject({ url: 'https://notes.example/posts/2023-06-02-Terraform-setup/', date_published: '2023-06-02T00:00:00Z', tags: ['aws', 'Terraform'], authors: [{ name: 'Ann Writer' }] });
    expect(item.content_html).toContain('print(1)');
  });
});
