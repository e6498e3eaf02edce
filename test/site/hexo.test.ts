import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSite, siteMarker } from '../../src/site/detect.js';
import type { SiteInfo } from '../../src/site/model.js';
import { hexoFileName, hexoSlugize, type LinkInput, siteLink } from '../../src/site/permalink.js';
import { bareFrontMatter } from '../../src/sources/front-matter.js';
import { hexoArgs } from '../../src/sources/hexo-tags.js';
import { makeTree } from '../helpers/project.js';
import { loadAt, SITES } from '../helpers/site.js';

/*
 * Hexo (a `_config.yml` like Jekyll's, posts in source/_posts named without a date). The expected
 * links are worked out from Hexo's own code (lib/plugins/filter/post_permalink.ts, the post
 * processor's parseFilename, the router's format) and checked against the pages a real Hexo blog
 * published (its public_dir and atom.xml: en.smallyu.net, 97 posts, every link equal).
 */

/** The site a Hexo _config.yml (and package.json naming hexo) makes. */
function hexoSite(config: string): SiteInfo {
  const root = makeTree({ '_config.yml': config, 'package.json': '{"dependencies":{"hexo":"^7.0.0"}}', 'source/_posts/x.md': '---\ntitle: x\n---\n' }, 'feedwright-hexo-');
  const site = detectSite({ articlesDir: path.join(root, 'source/_posts'), configRoot: root, preset: 'auto', display: (abs) => abs });
  if (!site) throw new Error('no site');
  return site.info;
}

/** One post's site path under `site`. */
function postPath(site: SiteInfo, file: string, fm: Record<string, unknown> = {}, dateText = '2024-03-05 09:07:03', title = 'Hello, World!'): string {
  const input: LinkInput = {
    contentPath: `_posts/${file}`,
    fm,
    date: new Date(/Z$/.test(dateText) ? dateText : `${dateText.replace(' ', 'T')}Z`),
    dateText,
    title,
    timezone: 'UTC',
    categories: [],
  };
  const made = siteLink(site, input, {});
  return 'path' in made ? made.path : `skip: ${made.skip}`;
}

describe('hexo-abbrlink', () => {
  it("alg crc32: a post's empty abbrlink is the CRC-32 of its title (dec, or hex with rep: hex), as the plugin writes it at build time; crc16, its own variant, is not made", () => {
    const site = (abbrlink: string) => {
      const root = makeTree(
        {
          '_config.yml': `permalink: posts/:abbrlink/\nabbrlink:\n${abbrlink}`,
          'package.json': '{"dependencies":{"hexo":"^7.0.0","hexo-abbrlink":"^2.0.5"}}',
          'source/_posts/x.md': '---\ntitle: x\n---\n',
        },
        'feedwright-hexo-',
      );
      const detected = detectSite({ articlesDir: path.join(root, 'source/_posts'), configRoot: root, preset: 'auto', display: (abs) => abs });
      if (!detected) throw new Error('no site');
      return detected.info;
    };
    const title = 'ringbuff | 通用FIFO环形缓冲区实现库';
    expect(postPath(site('  alg: crc32\n  rep: dec\n'), 'a.md', { abbrlink: null }, undefined, title)).toBe('/posts/30779210/');
    expect(postPath(site('  alg: crc32\n  rep: hex\n'), 'a.md', { abbrlink: '' }, undefined, 'x')).toBe('/posts/8cdc1683/');
    // A written abbrlink is the post's.
    expect(postPath(site('  alg: crc32\n  rep: dec\n'), 'a.md', { abbrlink: 4242 }, undefined, title)).toBe('/posts/4242/');
    expect(postPath(site('  alg: crc16\n'), 'a.md', { abbrlink: null }, undefined, title)).not.toMatch(/^\/posts\//);
  });

  it('a post with no abbrlink key at all, or abbrlink 0, gets the CRC-32 too (the plugin: `!abbrlink || abbrlink == "0"`; a Hexo blog of 321 such posts linked none)', () => {
    const root = makeTree(
      {
        '_config.yml': 'permalink: :year/:month/:day/post/:abbrlink.html\nabbrlink:\n  alg: crc32\n  rep: hex\n',
        'package.json': '{"dependencies":{"hexo":"^7.0.0","hexo-abbrlink":"^2.2.1"}}',
        'source/_posts/x.md': '---\ntitle: x\n---\n',
      },
      'feedwright-hexo-',
    );
    const detected = detectSite({ articlesDir: path.join(root, 'source/_posts'), configRoot: root, preset: 'auto', display: (abs) => abs });
    if (!detected) throw new Error('no site');
    expect(postPath(detected.info, 'a.md', {}, undefined, 'x')).toBe('/2024/03/05/post/8cdc1683.html');
    expect(postPath(detected.info, 'a.md', { abbrlink: 0 }, undefined, 'x')).toBe('/2024/03/05/post/8cdc1683.html');
  });
});

describe('Hexo: detected before Jekyll', () => {
  it('a _config.yml beside a package.json naming hexo, or with Hexo-only keys, is Hexo; a Jekyll one stays Jekyll', () => {
    const at = (files: Record<string, string>) => siteMarker(makeTree(files, 'feedwright-hexo-marker-'));
    expect(at({ '_config.yml': 'title: x\n', 'package.json': '{"dependencies":{"hexo":"^7.0.0"}}' })).toEqual({ preset: 'hexo', file: '_config.yml and package.json (hexo)' });
    expect(at({ '_config.yml': 'title: x\nnew_post_name: :title.md\n' })).toEqual({ preset: 'hexo', file: '_config.yml' });
    expect(at({ '_config.yml': 'title: x\nurl: https://x.example\nroot: /\npermalink: :year/:month/:day/:title/\n' })).toEqual({ preset: 'hexo', file: '_config.yml' });
    expect(at({ '_config.yml': 'title: x\npermalink: /:year/:month/:day/:title/\n' })).toEqual({ preset: 'jekyll', file: '_config.yml' });
    expect(at({ '_config.yml': 'title: x\npermalink: pretty\n', 'package.json': '{"dependencies":{"tailwindcss":"^3"}}' })).toEqual({ preset: 'jekyll', file: '_config.yml' });
  });
});

describe('Hexo: post links by its permalink rules', () => {
  it('the default :year/:month/:day/:title/, :title being the path under _posts as written (spaces, case, sub-folders, no slugging), the date as written', () => {
    const site = hexoSite('url: https://hexo.example\nroot: /\n');
    expect(site.permalinks['*']).toBe(':year/:month/:day/:title/');
    expect(postPath(site, 'Do the Right Thing.md')).toBe('/2024/03/05/Do the Right Thing/');
    expect(postPath(site, 'notes/sub post.md')).toBe('/2024/03/05/notes/sub post/');
    // An offset is read into the site's zone, as Hexo's moment does.
    expect(postPath(hexoSite('timezone: Asia/Shanghai\n'), 'late.md', {}, '2024-03-05T20:00:00Z')).toBe('/2024/03/06/late/');
  });

  it("every token: :i_month :i_day :hour :minute :second :name :post_title :id :hash, a front matter value (hexo-abbrlink's :abbrlink), permalink_defaults", () => {
    const site = hexoSite('permalink: :year/:i_month/:i_day/:hour-:minute-:second/:name/:post_title.html\npermalink_defaults:\n  lang: en\n');
    expect(postPath(site, 'notes/sub post.md', {}, '2024-03-05 09:07:03')).toBe('/2024/3/5/09-07-03/sub post/hello-world.html');
    expect(postPath(hexoSite('permalink: :id.html\n'), 'a.md', { id: 230 })).toBe('/230.html');
    expect(postPath(hexoSite('permalink: posts/:abbrlink/\n'), 'a.md', { abbrlink: '4a17b156' })).toBe('/posts/4a17b156/');
    expect(postPath(hexoSite('permalink: :lang/:title/\npermalink_defaults:\n  lang: en\n'), 'a.md')).toBe('/en/a/');
    expect(postPath(hexoSite('permalink: :lang/:title/\npermalink_defaults:\n  lang: en\n'), 'a.md', { lang: 'fr' })).toBe('/fr/a/');
    // sha1(slug + unix seconds), first 12 hex digits: sha1("a1709629623").
    expect(postPath(hexoSite('permalink: p/:hash/\n'), 'a.md')).toMatch(/^\/p\/[0-9a-f]{12}\/$/);
    expect(postPath(hexoSite('permalink: p/:hash/\n'), 'a.md')).not.toBe(postPath(hexoSite('permalink: p/:hash/\n'), 'b.md'));
  });

  it(":id without an id in front matter (Hexo's database id, in no file): the default permalink, the pattern named as not rendered", () => {
    const site = hexoSite('permalink: :id.html\n');
    const made = siteLink(
      site,
      { contentPath: '_posts/a.md', fm: {}, date: new Date('2024-03-05T00:00:00Z'), dateText: '2024-03-05', title: 'A', timezone: 'UTC', categories: [] },
      {},
    );
    expect(made).toMatchObject({ path: '/2024/03/05/a/', unrendered: ':id.html' });
  });

  it(':category is the last category with its parents (a list is a hierarchy), category_map and filename_case applied; default_category as written', () => {
    const site = hexoSite('permalink: :category/:title/\ncategory_map:\n  教程: tutorial\nfilename_case: 1\n');
    expect(postPath(site, 'a.md', { categories: ['Diary', 'PlayStation Games'] })).toBe('/diary/playstation-games/a/');
    expect(postPath(site, 'a.md', { categories: [['教程', '前端'], ['Misc']] })).toBe('/misc/a/');
    expect(postPath(site, 'a.md', { categories: [['教程', '前端']] })).toBe('/tutorial/前端/a/');
    expect(postPath(site, 'a.md', { categories: 'One' })).toBe('/one/a/');
    expect(postPath(site, 'a.md')).toBe('/uncategorized/a/');
    expect(postPath(hexoSite('permalink: :category/:title/\ndefault_category: Misc Notes\n'), 'a.md')).toBe('/Misc Notes/a/');
  });

  it('front matter permalink wins; a trailing .html or / is kept as configured; pretty_urls trailing_html/trailing_index false drop them; a ? ends the path Hexo writes', () => {
    const site = hexoSite('permalink: article/:title.html\n');
    expect(postPath(site, 'css-selectors.md')).toBe('/article/css-selectors.html');
    expect(postPath(site, 'a.md', { permalink: 'custom/moved.html' })).toBe('/custom/moved.html');
    expect(postPath(site, 'a.md', { permalink: '/elsewhere/' })).toBe('/elsewhere/');
    expect(postPath(hexoSite('permalink: :title\n'), 'a.md')).toBe('/a');
    expect(postPath(hexoSite('permalink: article/:title.html\npretty_urls:\n  trailing_html: false\n'), 'a.md')).toBe('/article/a');
    expect(postPath(hexoSite('permalink: :title/index.html\npretty_urls:\n  trailing_index: false\n'), 'a.md')).toBe('/a/');
    // Hexo's router drops a query: a file named "Expensive?.md" is written at .../Expensive.
    expect(postPath(hexoSite(''), 'Is It Expensive?.md')).toBe('/2024/03/05/Is It Expensive');
  });

  it("new_post_name with a date: :title is the name after it (the file's date dates the post); a name that does not match is slugized", () => {
    expect(hexoFileName(':year-:month-:day-:title.md', '2024-03-05-first-post')).toEqual({ year: '2024', month: '03', day: '05', title: 'first-post' });
    expect(hexoFileName(':year-:month-:day-:title.md', 'No Date Here')).toEqual({ title: 'No-Date-Here' });
    expect(hexoFileName(':title.md', 'sub/My Post')).toEqual({ title: 'sub/My Post' });
    const site = hexoSite('new_post_name: :year-:month-:day-:title.md\n');
    expect(postPath(site, '2024-03-05-first-post.md')).toBe('/2024/03/05/first-post/');
  });

  it('posts only: _drafts/ is a draft; with post_asset_folder, a non-.md file beside a post is its asset; a page under source/ is its own path', () => {
    const site = hexoSite('post_asset_folder: true\n');
    expect(postPath(site, 'x/demo.html')).toBe("skip: a file of a Hexo post's asset folder (post_asset_folder: only .md files are posts)");
    expect(postPath(hexoSite(''), 'x/demo.html')).toBe('/2024/03/05/x/demo/');
    const input = (contentPath: string): LinkInput => ({ contentPath, fm: {}, date: new Date('2024-03-05T00:00:00Z'), title: 'A', timezone: 'UTC', categories: [] });
    expect(siteLink(site, input('_drafts/idea.md'), {})).toEqual({ skip: 'a Hexo draft (_drafts/)' });
    expect(siteLink(site, input('about/index.md'), {})).toMatchObject({ path: '/about/' });
    expect(siteLink(site, input('faq.md'), {})).toMatchObject({ path: '/faq.html' });
  });

  it('the base URL is url, with root added when url has no path (a site below a folder)', () => {
    expect(hexoSite('url: https://hexo.example\nroot: /\n').baseUrl).toBe('https://hexo.example/');
    expect(hexoSite('url: https://x.github.io/blog\nroot: /blog/\n').baseUrl).toBe('https://x.github.io/blog/');
    expect(hexoSite('url: https://x.github.io\nroot: /blog/\n').baseUrl).toBe('https://x.github.io/blog/');
  });
});

describe("Hexo's helpers", () => {
  it("hexo-util's slugize: punctuation and spaces to one -, Latin accents dropped, other scripts kept; transform 1 lower-cases", () => {
    expect(hexoSlugize('Hello, World!', 1)).toBe('hello-world');
    expect(hexoSlugize('Café  Crème_Brûlée')).toBe('Cafe-Creme-Brulee');
    expect(hexoSlugize('前端 性能 (2)')).toBe('前端-性能-2');
    expect(hexoSlugize('がぎ')).toBe('がぎ');
  });
  it("tag arguments split as Hexo's tag extension splits them: quotes group, backslash escapes", () => {
    expect(hexoArgs(`"lic.jpg" "a title" plain`)).toEqual(['lic.jpg', 'a title', 'plain']);
    expect(hexoArgs(`notes/sub\\ post 子页面`)).toEqual(['notes/sub post', '子页面']);
    expect(hexoArgs(`''`)).toEqual(['']);
  });
});

describe('Hexo: a site built (test/fixtures/sites/hexo-blog)', () => {
  it('posts with undated names published at their permalinks; drafts, unpublished posts and asset files left out; categories and tags as tags; updated read', async () => {
    const r = await loadAt(path.join(SITES, 'hexo-blog'), 'source/_posts');
    expect([r.site?.preset, r.site?.detectedFrom, r.site?.baseUrl, r.site?.timezone]).toEqual([
      'hexo',
      '_config.yml and package.json (hexo)',
      'https://hexo.example/',
      'Asia/Shanghai',
    ]);
    expect(r.links).toEqual({
      'hello-world.md': 'https://hexo.example/2024/03/05/hello-world/',
      '中文文章.md': 'https://hexo.example/2024/02/10/%E4%B8%AD%E6%96%87%E6%96%87%E7%AB%A0/',
      'notes/sub post.md': 'https://hexo.example/2023/12/31/notes/sub%20post/',
      'custom.md': 'https://hexo.example/custom/moved.html',
    });
    const notes = r.diagnostics.map((d) => [d.code, d.file]);
    expect(notes).toContainEqual(['META_DRAFT', 'source/_posts/unpublished.md']);
    expect(notes).toContainEqual(['META_NOT_A_POST', 'source/_posts/hello-world/demo.html']);
    const hello = r.byPath.get('hello-world.md');
    expect(hello?.tags.value).toEqual(['tools', 'Diary', 'Games']);
    expect(hello?.updated.value.toISOString()).toBe('2024-04-01T10:00:00.000Z');
    expect(r.byPath.get('中文文章.md')?.tags.value).toEqual(['性能', '教程', '前端']);
    // Hexo's own and theme keys are no typos.
    expect(notes.filter(([code]) => code === 'FM_UNKNOWN_KEY')).toEqual([]);
  });

  it("Hexo's tag plugins rendered as a feed can show them; one no feed can show removed and named", async () => {
    const r = await loadAt(path.join(SITES, 'hexo-blog'), 'source/_posts');
    const html = r.byPath.get('hello-world.md')?.contentHtml ?? '';
    // {% asset_img %}: the file in the post's asset folder, served inside the post's page folder.
    expect(html).toContain('<img src="https://hexo.example/2024/03/05/hello-world/diagram.png" alt="The route" title="The route" />');
    // {% codeblock %} with Hexo's options: the caption without them.
    expect(html).toContain('<figcaption>greet.js</figcaption><pre><code class="language-javascript">console.log("hi");');
    expect(html).toContain('— <strong>Ada Lovelace</strong>, <cite>Notes</cite>');
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">Video on YouTube</a>');
    // NexT's note box: a block quote around its Markdown.
    expect(html).toMatch(/<blockquote><p>Pack <strong>light<\/strong>\.<\/p>\s*<\/blockquote>/);
    // Hexo's {% link text url %}, not Jekyll's {% link path %}; template code in code stays.
    expect(html).toContain('Read <a href="https://docs.example/start" rel="noopener noreferrer">the docs</a> first; in code, <code>{{ page.title }}</code> stays.');
    expect(html).not.toContain('spoiler');
    const removed = r.diagnostics.filter((d) => d.code === 'CONTENT_TEMPLATE_REMOVED');
    expect(removed.map((d) => [d.file, d.line])).toEqual([['source/_posts/hello-world.md', 33]]);
    expect(removed[0]?.message).toContain('{% spoiler Hidden part %}');
    // {% post_link slug [title] %}: the named post's URL, with its title or the one given.
    expect(r.byPath.get('中文文章.md')?.contentHtml).toContain(
      '先读<a href="https://hexo.example/2024/03/05/hello-world/" rel="noopener noreferrer">Hello World</a>，再读<a href="https://hexo.example/2023/12/31/notes/sub%20post/" rel="noopener noreferrer">子页面</a>。',
    );
  });

  it('a permalink ending in .html keeps the assets in a folder named like the post (article/x.html: article/x/a.png); asset_link and asset_path too', async () => {
    const cwd = makeTree(
      {
        '_config.yml': 'url: https://h.example\npermalink: article/:title.html\npost_asset_folder: true\n',
        'package.json': '{"dependencies":{"hexo":"^7"}}',
        'source/_posts/x.md': '---\ntitle: X\ndate: 2024-01-01\n---\n\n{% asset_img a.png %}\n\n{% asset_link notes.pdf The notes %} and {% asset_path b.png %}.\n',
      },
      'feedwright-hexo-asset-',
    );
    const r = await loadAt(cwd, 'source/_posts');
    expect(r.links).toEqual({ 'x.md': 'https://h.example/article/x.html' });
    const html = r.byPath.get('x.md')?.contentHtml ?? '';
    expect(html).toContain('<img src="https://h.example/article/x/a.png" alt="" />');
    expect(html).toContain('<a href="https://h.example/article/x/notes.pdf" rel="noopener noreferrer">The notes</a> and ./x/b.png.');
  });

  it("with post_asset_folder, a post's relative images are its asset folder's, under a .html permalink too (article/x.html: article/x/a.png), whether written from the folder (a.png) or from the post's file (x/b.png)", async () => {
    const body = '---\ntitle: X\ndate: 2024-01-01\n---\n\n![A](a.png) ![B](x/b.png) ![C](./x/c.png)\n';
    const html = makeTree(
      {
        '_config.yml': 'url: https://h.example\npermalink: article/:title.html\npost_asset_folder: true\n',
        'package.json': '{"dependencies":{"hexo":"^7"}}',
        'source/_posts/x.md': body,
      },
      'feedwright-hexo-relimg-',
    );
    const h = (await loadAt(html, 'source/_posts')).byPath.get('x.md')?.contentHtml ?? '';
    expect([...h.matchAll(/src="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'https://h.example/article/x/a.png',
      'https://h.example/article/x/b.png',
      'https://h.example/article/x/c.png',
    ]);
    const slash = makeTree(
      {
        '_config.yml': 'url: https://h.example\npermalink: :year/:title/\npost_asset_folder: true\n',
        'package.json': '{"dependencies":{"hexo":"^7"}}',
        'source/_posts/x.md': body,
      },
      'feedwright-hexo-relimg-',
    );
    const s = (await loadAt(slash, 'source/_posts')).byPath.get('x.md')?.contentHtml ?? '';
    expect([...s.matchAll(/src="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://h.example/2024/x/a.png', 'https://h.example/2024/x/b.png', 'https://h.example/2024/x/c.png']);
  });

  it("a post's own front matter is seen by name in its template code, as Hexo renders a post with its data ({{ title }})", async () => {
    const cwd = makeTree(
      {
        '_config.yml': 'url: https://h.example\nnew_post_name: :title.md\n',
        'source/_posts/a.md': '---\ntitle: Hello Hexo\ndate: 2024-01-01\nrepo: tools\n---\n\nThis post, "{{ title }}", is about {{ repo }}.\n',
      },
      'feedwright-hexo-vars-',
    );
    const r = await loadAt(cwd, 'source/_posts');
    expect(r.byPath.get('a.md')?.contentHtml).toBe('<p>This post, "Hello Hexo", is about tools.</p>');
  });

  it('front matter disableNunjucks: true keeps the tags as written, as Hexo then publishes them', async () => {
    const cwd = makeTree(
      {
        '_config.yml': 'url: https://h.example\nnew_post_name: :title.md\n',
        'source/_posts/a.md': '---\ntitle: A\ndate: 2024-01-01\ndisableNunjucks: true\n---\n\nWrite {% youtube id %} in a post.\n',
      },
      'feedwright-hexo-nonj-',
    );
    const r = await loadAt(cwd, 'source/_posts');
    expect(r.byPath.get('a.md')?.contentHtml).toBe('<p>Write {% youtube id %} in a post.</p>');
    expect(r.diagnostics.filter((d) => d.code.startsWith('CONTENT_TEMPLATE'))).toEqual([]);
  });

  it(':id without an id in front matter: a warning naming the pattern and the link made instead', async () => {
    const cwd = makeTree(
      {
        '_config.yml': 'url: https://h.example\npermalink: :id.html\nnew_post_name: :title.md\n',
        'source/_posts/a.md': '---\ntitle: A\ndate: 2024-01-01\n---\n\nA.\n',
        'source/_posts/b.md': '---\ntitle: B\nid: 230\ndate: 2024-01-02\n---\n\nB.\n',
      },
      'feedwright-hexo-id-',
    );
    const r = await loadAt(cwd, 'source/_posts');
    expect(r.links).toEqual({ 'a.md': 'https://h.example/2024/01/01/a/', 'b.md': 'https://h.example/230.html' });
    const warned = r.diagnostics.filter((d) => d.code === 'META_PERMALINK_UNRENDERED');
    expect(warned.map((d) => [d.file, d.message])).toEqual([
      [
        'source/_posts/a.md',
        expect.stringContaining("(Hexo fills `:id` with its own database id); the item links to https://h.example/2024/01/01/a/ (Hexo's default permalink) instead."),
      ],
    ]);
  });

  it("front matter written without its opening --- (hexo-front-matter's other format) is read on a Hexo site, with its lines; a heading underlined with --- never is", async () => {
    const cwd = makeTree(
      {
        '_config.yml': 'url: https://h.example\nnew_post_name: :year-:month-:day-:title.md\n',
        'source/_posts/2015-03-08-Insight-of-Null.md': 'title: 浅谈 NULL\ndate: 2015-03-08 20:06:02\ntags:\n- c\n---\n\nNULL and nullptr.\n',
      },
      'feedwright-hexo-bare-',
    );
    const r = await loadAt(cwd, 'source/_posts');
    const post = r.byPath.get('2015-03-08-Insight-of-Null.md');
    expect([post?.title.value, post?.title.line, post?.published.line, post?.tags.value, post?.link.value, post?.contentHtml]).toEqual([
      '浅谈 NULL',
      1,
      2,
      ['c'],
      'https://h.example/2015/03/08/Insight-of-Null/',
      '<p>NULL and nullptr.</p>',
    ]);
    expect(bareFrontMatter('Setup notes\n---\n\nText.\n')).toBeUndefined();
    expect(bareFrontMatter('Note: read this\nfirst, then\n---\n')).toBeUndefined();
    expect(bareFrontMatter('title: x\n---\n')).toBe('---\ntitle: x\n---\n');
  });

  it('a post_link to no post is removed and named', async () => {
    const cwd = makeTree(
      {
        '_config.yml': 'url: https://h.example\nnew_post_name: :title.md\n',
        'source/_posts/a.md': '---\ntitle: A\ndate: 2024-01-01\n---\n\nSee {% post_link gone %} and {% post_link b %}.\n',
        'source/_posts/b.md': '---\ntitle: B post\ndate: 2024-01-02\n---\n\nB.\n',
      },
      'feedwright-hexo-pl-',
    );
    const r = await loadAt(cwd, 'source/_posts');
    expect(r.byPath.get('a.md')?.contentHtml).toBe('<p>See  and <a href="https://h.example/2024/01/02/b/" rel="noopener noreferrer">B post</a>.</p>');
    expect(r.diagnostics.filter((d) => d.code === 'CONTENT_TEMPLATE_REMOVED').map((d) => d.message)).toEqual([expect.stringContaining('{% post_link gone %}')]);
  });
});
