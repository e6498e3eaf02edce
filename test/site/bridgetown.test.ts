import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * Bridgetown (a Jekyll fork: bridgetown.config.yml, its source in src/, built to output/) is read
 * by the Jekyll preset with its own defaults: the permalink styles pretty (the default), simple,
 * pretty_ext and simple_ext, posts dated by front matter when their file names have no date, and
 * the site's title and description in src/_data/site_metadata.yml.
 */
const post = (title: string, extra = ''): string => `---\nlayout: post\ntitle: ${title}\ndate: 2024-02-07 16:54:46 -0500\n${extra}---\n\nThe text of ${title}.\n`;

async function site(config: string) {
  const cwd = makeTree(
    {
      'bridgetown.config.yml': config,
      Gemfile: 'source "https://rubygems.org"\ngem "bridgetown", "~> 0.19.1"\n',
      'src/_data/site_metadata.yml': 'title: Ann Example\ntagline: \ndescription: >-\n  Notes on Ruby.\n',
      'src/_layouts/post.liquid': '<article>{{ content }}</article>\n',
      'src/_posts/action_mailbox.md': post('Action Mailbox', 'category: ruby\n'),
      'src/_posts/2023-05-01-dated-post.md': post('Dated post'),
    },
    'feedwright-bridgetown-',
  );
  const init = await run(['init'], { cwd });
  const build = await run(['build'], { cwd });
  const feed = JSON.parse(readFileSync(path.join(cwd, 'dist', 'feed.json'), 'utf8')) as { title: string; description?: string; items: { url: string }[] };
  return { init, build, feed };
}

describe('Bridgetown', () => {
  it('init names it, reads src/_posts and site_metadata.yml; an undated post is published; simple links /:categories/:slug/', async () => {
    const r = await site('url: "https://ann.example"\npermalink: simple\ntimezone: America/New_York\n');
    expect(r.init.stderr).toContain('This is a Bridgetown site (bridgetown.config.yml): its posts are in src/_posts/ (2 Markdown files).');
    expect(r.build.code, r.build.stderr).toBe(0);
    expect(r.feed).toMatchObject({ title: 'Ann Example', description: 'Notes on Ruby.' });
    expect(r.feed.items.map((i) => i.url).sort()).toEqual(['https://ann.example/dated-post/', 'https://ann.example/ruby/action_mailbox/']);
  });

  it('without a permalink, the pretty style: /:categories/:year/:month/:day/:slug/', async () => {
    const r = await site('url: "https://ann.example"\ntimezone: America/New_York\n');
    expect(r.feed.items.map((i) => i.url).sort()).toEqual(['https://ann.example/2024/02/07/dated-post/', 'https://ann.example/ruby/2024/02/07/action_mailbox/']);
  });
});

describe('Jekyll and Bridgetown authors data file (_data/authors.yml, src/_data/authors.yml)', () => {
  it('is read as key -> person, and the site author named by its key is that person', async () => {
    const { detectSite } = await import('../../src/site/detect.js');
    const cwd = makeTree(
      {
        'bridgetown.config.yml': 'url: "https://ann.example"\nauthor: ann\n',
        'src/_data/authors.yml': 'ann:\n  name: Ann Example\n  twitter: ann\n  uri: https://ann.example/about/\nnobody:\n  twitter: x\n',
        'src/_posts/2023-05-01-dated-post.md': post('Dated post', 'author: ann\n'),
      },
      'feedwright-authors-data-',
    );
    const found = detectSite({ articlesDir: path.join(cwd, 'src/_posts'), configRoot: cwd, preset: 'auto', display: (abs) => path.relative(cwd, abs) });
    expect(found?.info.authorsMap).toEqual({ ann: { name: 'Ann Example', url: 'https://ann.example/about/' } });
    expect(found?.channel.values.author).toEqual({ name: 'Ann Example', url: 'https://ann.example/about/' });
    const init = await run(['init'], { cwd });
    expect(init.code).toBe(0);
    expect((JSON.parse(readFileSync(path.join(cwd, 'feedwright.config.json'), 'utf8')) as { author: unknown }).author).toEqual({ name: 'Ann Example', url: 'https://ann.example/about/' });
  });

  it("a Jekyll post's author named by a key of _data/authors.yml is that person in the feeds; a name not in the file stays as written", async () => {
    const cwd = makeTree(
      {
        '_config.yml': 'title: Notes\nurl: "https://ann.example"\n',
        '_data/authors.yml': 'ann:\n  name: Ann Example\n  uri: https://ann.example/about/\n',
        '_posts/2023-05-01-one.md': post('One', 'author: ann\n'),
        '_posts/2023-05-02-two.md': post('Two', 'author: Bob Guest\n'),
      },
      'feedwright-jekyll-authors-',
    );
    expect((await run(['init'], { cwd })).code).toBe(0);
    const build = await run(['build'], { cwd });
    expect(build.code, build.stderr).toBe(0);
    const feed = JSON.parse(readFileSync(path.join(cwd, 'dist', 'feed.json'), 'utf8')) as { items: { title: string; authors: { name: string; url?: string }[] }[] };
    const authors = Object.fromEntries(feed.items.map((i) => [i.title, i.authors]));
    expect(authors.One).toEqual([{ name: 'Ann Example', url: 'https://ann.example/about/' }]);
    expect(authors.Two).toEqual([{ name: 'Bob Guest' }]);
  });
});
