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

  it("MkDocs Material's blog plugin: no pattern is guessed for its posts, and init says why", async () => {
    const r = await initIn({ 'mkdocs.yml': 'site_name: Blog\nplugins:\n  - search\n  - blog:\n      blog_dir: news\n', 'docs/news/posts/one.md': PAGE('One') });
    expect(r.config).not.toHaveProperty('permalinks');
    expect(r.stderr).toContain("the blog plugin's posts are served at dated URLs made from their titles");
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
});
