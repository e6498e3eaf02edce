import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/pipeline/paths.js';
import { detectSite } from '../../src/site/detect.js';
import { makeTree, testConfig } from '../helpers/project.js';
import { loadAt, SITES } from '../helpers/site.js';

/*
 * Small anonymised shapes of real sites (test/fixtures/sites/<generator>-<shape>/): the
 * generator is detected from its own files and every item link is the one the generator writes
 * (expected values worked out from each generator's documented rules, and checked against
 * `hugo` and `jekyll` builds of the sites they were taken from).
 */


/** A fixture site of test/fixtures/sites, as `loadAt` loads it. */
function load(site: string, articles: string, config: Record<string, unknown> = {}) {
  return loadAt(path.join(SITES, site), articles, config);
}

describe('site presets: links as the generator writes them', () => {
  it("Jekyll without a _config.yml (a GitHub Pages site with only a Gemfile): its posts at Jekyll's default permalink /:categories/:year/:month/:day/:title.html, Liquid rendered", async () => {
    const cwd = makeTree({ Gemfile: "gem 'github-pages', group: :jekyll_plugins\n", '_posts/2008-10-18-turned-down.md': '---\nlayout: post\ntitle: How I Turned Down $300,000\n---\n\n{{ page.title }}\n======\n\nThe body.\n' }, 'feedwright-jekyll-bare-');
    const r = await loadAt(cwd, '_posts');
    expect([r.site?.preset, r.site?.detectedFrom]).toEqual(['jekyll', 'Gemfile (github-pages)']);
    expect(r.links).toEqual({ '2008-10-18-turned-down.md': 'https://example.com/2008/10/18/turned-down.html' });
    expect(r.diagnostics.map((d) => d.code)).not.toContain('CONTENT_TEMPLATE_REMOVED');
  });

  it('Jekyll: the posts collection permalink, dates in the site zone (file-name dates as written), :title keeps case', async () => {
    const r = await load('jekyll-news', '_posts');
    expect([r.site?.preset, r.site?.detectedFrom, r.site?.baseUrl]).toEqual(['jekyll', '_config.yml', 'https://site.example/']);
    expect(r.links).toEqual({
      '2025-01-29-tool-4-4-1-released.md': 'https://site.example/news/2025/01/29/tool-4-4-1-released/',
      '2020-08-05-tool-3-9-0-released.md': 'https://site.example/news/2020/08/05/tool-3-9-0-released/',
      '2016-03-10-Making-It-Easier.md': 'https://site.example/news/2016/03/10/Making-It-Easier/',
      // One-digit month and day, as Jekyll's file-name pattern takes them: dated by the name too.
      '2017-4-2-short-date.md': 'https://site.example/news/2017/04/02/short-date/',
    });
    expect(r.byPath.get('2017-4-2-short-date.md')?.published.from).toBe('file-name');
    // Generator keys (version, layout from defaults) are not "unknown"; a singular category is a category.
    expect(r.diagnostics.filter((d) => d.code === 'FM_UNKNOWN_KEY').map((d) => d.message)).toEqual(['Unknown front matter key "version" is ignored (in 2 files; this is the first).']);
    expect(r.byPath.get('2025-01-29-tool-4-4-1-released.md')?.tags.value).toEqual(['release']);
    // Jekyll renders posts through Liquid with `site` from _config.yml: the link is the site's, the
    // raw block stays literal, and no template code is left or reported as removed.
    const easier = r.byPath.get('2016-03-10-Making-It-Easier.md');
    expect(easier?.contentHtml).toContain('href="https://site.example/docs/"');
    expect(easier?.contentHtml).toContain('{{ page.title }}');
    expect(r.diagnostics.filter((d) => d.code.startsWith('CONTENT_TEMPLATE'))).toEqual([]);
  });

  it("a site's HTML content file with front matter is the author's own fragment: kept whole (captions, link lists), unless it asks for clean: true", async () => {
    // The shape of a real Hugo blog written in HTML: Readability-style extraction dropped every figure caption.
    const fragment = (extra: string) =>
      `---\ntitle: Lab tools\ndate: 2024-03-04\n${extra}---\n<p>My bench has grown over the years, and these are the tools on it now, with what each one is good for and what it costs.</p>\n<figure><img src="iron.jpg" alt="Iron"><figcaption>The trusty iron: one at home and one at work.</figcaption></figure>\n<p>Where I bought them:</p>\n<ul><li><a href="https://a.example/">Shop A</a></li><li><a href="https://b.example/">Shop B</a></li></ul>\n`;
    const root = makeTree(
      {
        'hugo.toml': 'baseURL = "https://lab.example/"\ntitle = "Lab"\n',
        'content/posts/tools/index.html': fragment(''),
        'content/posts/cleaned/index.html': fragment('clean: true\n'),
      },
      'feedwright-hugo-html-',
    );
    const r = await loadAt(root, 'content/posts');
    const kept = r.byPath.get('tools/index.html');
    expect(kept?.contentHtml).toContain('The trusty iron: one at home and one at work.');
    expect(kept?.contentHtml).toContain('Shop B');
    expect(r.byPath.get('cleaned/index.html')?.contentHtml).not.toContain('The trusty iron');
  });

  it("a link post's own link to another site is its external link (JSON Feed external_url, Atom related); its item links to the site's page", async () => {
    const root = makeTree(
      {
        'config.toml': 'base_url = "https://zola.example"\ntitle = "Links"\n',
        'content/blog/_index.md': '+++\ntitle = "Blog"\n+++\n',
        'content/blog/worth-reading.md': '+++\ntitle = "Worth reading"\ndate = 2024-03-04\n[extra]\nlink = "https://other.example/essay"\n+++\nA fine essay.\n',
        'content/blog/own-page.md': '+++\ntitle = "Own page"\ndate = 2024-03-05\n[extra]\nlink = "https://zola.example/elsewhere/"\n+++\nText.\n',
      },
      'feedwright-zola-links-',
    );
    const r = await loadAt(root, 'content/blog');
    const post = r.byPath.get('worth-reading.md');
    expect([post?.link.value, post?.externalUrl?.value, post?.externalUrl?.from]).toEqual(['https://zola.example/blog/worth-reading/', 'https://other.example/essay', 'front-matter']);
    // A link on the site's own host is the page's link, as before.
    expect([r.links['own-page.md'], r.byPath.get('own-page.md')?.externalUrl]).toEqual(['https://zola.example/elsewhere/', undefined]);
    const { renderJson } = await import('../../src/feeds/json.js');
    const { renderAtom } = await import('../../src/feeds/atom.js');
    const feed = { title: 'Links', description: '', homeUrl: 'https://zola.example/', selfUrl: 'https://zola.example/feed.json', language: 'en', author: { name: 'A' }, updated: new Date('2024-03-05T00:00:00Z'), items: post ? [post] : [], hubs: [], links: [], generator: { name: 'feedwright', uri: 'https://x.example/', version: '0' }, archive: false } as unknown as Parameters<typeof renderJson>[0];
    const json = JSON.parse([...renderJson(feed)].join('')) as { items: { url: string; external_url?: string }[] };
    expect(json.items.map((i) => [i.url, i.external_url])).toEqual([['https://zola.example/blog/worth-reading/', 'https://other.example/essay']]);
    expect([...renderAtom(feed)].join('')).toContain('<link rel="related" type="text/html" href="https://other.example/essay"/>');
  });

  it('Jekyll: {% link %} and {% post_url %} give the URL Jekyll gives the target; an unknown one is a warning and the text stays', async () => {
    // The hrefs expected are those of `jekyll build` (4.3) on this folder, made absolute.
    const r = await load('jekyll-links', 'news/_posts');
    const html = r.byPath.get('2024-01-10-first.md')?.contentHtml ?? '';
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([
      'https://links.example/site/news/2024/02/01/second/',
      'https://links.example/site/news/2024/02/01/second/',
      'https://links.example/site/docs/setup/install/',
      'https://links.example/site/about-us/',
      'https://links.example/site/assets/guide.pdf',
      'https://links.example/site/news/2024/03/07/moved/',
      'https://links.example/site/old/archive/2019/05/01/old/',
    ]);
    expect(html).toContain('And one that is not there.');
    const d = r.diagnostics.filter((x) => x.code.startsWith('CONTENT_'));
    expect(d.map((x) => [x.code, x.file, x.line])).toEqual([['CONTENT_LINK_UNRESOLVED', 'news/_posts/2024-01-10-first.md', 9]]);
    expect(d[0]?.message).toContain('{% link news/_posts/2024-09-09-nope.md %} (line 9)');
    // The item links agree with the targets' URLs.
    expect(r.links['2024-03-05-moved.md']).toBe('https://links.example/site/news/2024/03/07/moved/');
  });

  it("Jekyll: what _config.yml leaves out (title, url, author), the site's own hand-written feed template states literally", async () => {
    const root = path.join(SITES, 'jekyll-feedtemplate');
    const site = detectSite({ articlesDir: path.join(root, '_posts'), configRoot: root, preset: 'auto', display: (a) => path.relative(root, a) });
    expect(site?.channel).toEqual({ from: '_config.yml and atom.xml', values: { title: 'Ann & Bo', link: 'https://hand.example/', author: { name: 'Ann Lee' } } });
    const r = await load('jekyll-feedtemplate', '_posts');
    expect(r.links).toEqual({ '2024-01-02-hand-made.md': 'https://hand.example/hand-made/' });
  });

  it('Jekyll: the "pretty" style with categories from the folders above _posts and a spaced string; an undated post is not one', async () => {
    const r = await load('jekyll-plain', 'news/_posts');
    expect(r.links).toEqual({ '2024-02-03-hello world.md': 'https://plain.example/news/big/2024/02/03/hello-world/' });
    expect(r.counts.sections).toBe(1);
  });

  it('Hugo: a config directory (config/_default/*.toml) and a content folder per language (languages.<l>.contentDir)', async () => {
    const en = await load('hugo-multilingual', 'content/en/post');
    expect([en.site?.preset, en.site?.baseUrl, en.site?.contentLanguage]).toEqual(['hugo', 'https://multi.example/', 'en']);
    expect(en.links).toEqual({ '2024-01-02-Hello-World.md': 'https://multi.example/2024/01/02/hello-world.html' });
    const fr = await load('hugo-multilingual', 'content/fr/post');
    expect(fr.links).toEqual({ '2024-01-03-bonjour.md': 'https://multi.example/fr/2024/01/03/bonjour.html' });
  });

  it('Hugo: the root hugo.toml, then config/_default/, then config/production/, merged recursively as Hugo merges them', async () => {
    // Expected links are those of `hugo` (0.111) on this folder (its layouts list each page's .Permalink).
    const r = await load('hugo-rootdir', 'content');
    expect(r.site?.baseUrl).toBe('https://rootdir.example/');
    expect(r.site?.permalinks).toEqual({ posts: '/:year/:month/:slug/', notes: '/n/:filename/' });
    expect(r.links).toEqual({ 'posts/a-post.md': 'https://rootdir.example/2024/05/a-post/', 'notes/a-note.md': 'https://rootdir.example/n/a-note/' });
    // Hugo's ref/relref give the target page's URL, param the site's params (as `hugo` renders them);
    // a ref to nothing (Hugo fails the build) is a warning naming it, its link text kept.
    const html = r.byPath.get('posts/a-post.md')?.contentHtml ?? '';
    expect(html).toContain('<a href="https://rootdir.example/n/a-note/" rel="noopener noreferrer">the note</a>, <a href="https://rootdir.example/n/a-note/#top" rel="noopener noreferrer">it again</a> and nothing.');
    expect(html).toContain('Params live in the config directory.');
    // Hugo's content is no template: only shortcodes are code, other braces are text (as `hugo` 0.111 publishes them).
    // Keys the site's archetype writes (UseHugoToc) or its layouts read (.Params.showToc) are its own; a typo is still named.
    expect(r.diagnostics.filter((d) => d.code === 'FM_UNKNOWN_KEY').map((d) => d.message)).toEqual(['Unknown front matter key "shwoTok" is ignored.']);
    expect(r.byPath.get('notes/a-note.md')?.contentHtml).toBe('<p>Note. A template in prose: {{ .Title }} and {% raw %} and {# c #} stay, as hugo publishes them.</p>');
    expect(r.diagnostics.filter((d) => d.code.startsWith('CONTENT_')).map((d) => [d.code, d.file, d.line])).toEqual([['CONTENT_LINK_UNRESOLVED', 'content/posts/a-post.md', 5]]);
  });

  it('Hugo: a section permalink pattern, the default elsewhere, url front matter, bundles and their resources, cascade', async () => {
    const r = await load('hugo-sections', 'content');
    expect(r.links).toEqual({
      'about.md': 'https://example.org/blog/about/',
      'posts/2023/notes.md': 'https://example.org/blog/2023/05/notes-part-one/',
      'posts/2024/notes.md': 'https://example.org/blog/2024/05/notes-again/',
      'posts/trip/index.md': 'https://example.org/blog/2024/06/trip/',
      'posts/moved.md': 'https://example.org/blog/elsewhere/moved/',
      'notes/Some File.md': 'https://example.org/blog/notes/some-file/',
    });
    // _index.md (x2) and the bundle's notes.md are not posts; the draft is a draft; image = "" is no
    // error; a publishDate in the future holds the post back though its date has passed.
    expect([r.counts.sections, r.counts.drafts, r.counts.failed, r.counts.held]).toEqual([3, 1, 0, 1]);
    expect(r.byPath.get('posts/2023/notes.md')?.authors.value).toEqual([{ name: 'Cascade Author' }]);
    expect(r.byPath.get('posts/2023/notes.md')?.link.rule).toBe('hugo (hugo.toml): hugo permalinks.posts /:year/:month/:slug/');
  });

  it('Hugo: a permalink pattern without a closing slash still links the page with one, as Hugo writes it (posts/:slug -> /posts/x/, checked with hugo 0.111)', async () => {
    const post = (slug: string) => `---\ntitle: T\nslug: ${slug}\ndate: 2024-01-02\n---\n\nText.\n`;
    const links = async (config: string) => {
      return (await loadAt(makeTree({ 'hugo.toml': config, 'content/posts/a.md': post('at-layer'), 'content/notes/b.md': post('bee') }), 'content')).links;
    };
    expect(await links('baseURL = "https://h.example/"\n[permalinks]\nposts = "posts/:slug"\nnotes = "/:year/:slug.html"\n')).toEqual({
      'posts/a.md': 'https://h.example/posts/at-layer/',
      'notes/b.md': 'https://h.example/2024/bee.html',
    });
    expect((await links('baseURL = "https://h.example/"\nuglyURLs = true\n[permalinks]\nposts = "posts/:slug"\n'))['posts/a.md']).toBe('https://h.example/posts/at-layer.html');
  });

  it("Zola: ignored_content globs leave files out (a bundle's index.src.md source beside its built index.md), in any folder for a pattern without a slash", async () => {
    const page = '+++\ntitle = "Guide"\ndate = 2024-01-02\n+++\n\nText.\n';
    const cwd = makeTree({
      'config.toml': 'base_url = "https://zola.example"\nignored_content = ["*.src.md", "**/scratch/*"]\n',
      'content/maps/guide/index.md': page,
      'content/maps/guide/index.src.md': page,
      'content/maps/scratch/idea.md': page,
    });
    const loaded = await loadAt(cwd, 'content');
    expect(loaded.articles.map((a) => a.relPath)).toEqual(['maps/guide/index.md']);
    const left = loaded.diagnostics.filter((d) => d.code === 'META_NOT_A_POST').map((d) => [d.file, d.message]);
    expect(left).toEqual([
      ['content/maps/guide/index.src.md', expect.stringContaining("ignored_content (config.toml) leaves out")],
      ['content/maps/scratch/idea.md', expect.stringContaining("ignored_content (config.toml) leaves out")],
    ]);
  });

  it('Zola: path front matter, dated file names, bundles with assets, taxonomies', async () => {
    const r = await load('zola-blog', 'content');
    expect(r.links).toEqual({
      'blog/2024-01-02_Hello World.md': 'https://zola.example/blog/hello-world/',
      'blog/with-path.md': 'https://zola.example/2019/05/15/Four-Years/',
      'blog/bundle/index.md': 'https://zola.example/blog/bundle/',
      'blog/2019-06-04-dated-bundle/index.md': 'https://zola.example/blog/dated-bundle/',
    });
    const hello = r.byPath.get('blog/2024-01-02_Hello World.md');
    expect([hello?.published.value.toISOString().slice(0, 10), hello?.tags.value]).toEqual(['2024-01-02', ['intro']]);
    // Zola dates a page bundle by its folder's name, as it slugs it (the post has no date key).
    const dated = r.byPath.get('blog/2019-06-04-dated-bundle/index.md')?.published;
    expect([dated?.value.toISOString().slice(0, 10), dated?.from]).toEqual(['2019-06-04', 'file-name']);
    // Internal links (`@/path.md#anchor`) are the target's URL, as Zola writes them; one to no file
    // (Zola stops its build) is a warning naming it, its text kept; code keeps `@/` as written.
    const bundle = r.byPath.get('blog/bundle/index.md')?.contentHtml ?? '';
    expect([...bundle.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://zola.example/2019/05/15/Four-Years/#the-start', 'https://zola.example/blog/']);
    expect(bundle).toContain(' and a draft; <code>@/blog/with-path.md</code> in code stays.');
    const warnings = r.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error');
    expect(warnings.map((d) => [d.code, d.file, d.line])).toEqual([['CONTENT_LINK_UNRESOLVED', 'content/blog/bundle/index.md', 9]]);
    expect(warnings[0]?.message).toContain('@/blog/gone.md (line 9)');
    // A theme's video shortcode is a link to the video, as Hugo's built-in is.
    expect(r.byPath.get('blog/with-path.md')?.contentHtml).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">Video on YouTube</a>');
  });

  it("Zola: the site's own shortcodes (its theme's too, the site's winning) rendered as far as their Tera templates tell: an image with its caption, a box with a body as a block quote, a fixed text; another removed and named", async () => {
    const r = await load('zola-shortcodes', 'content/blog');
    expect(r.site?.preset).toBe('zola');
    const html = r.byPath.get('tour.md')?.contentHtml ?? '';
    // The template makes the source the site's (`get_url(path=src)`), not the page's.
    expect(html).toContain('<img src="https://zola-sc.example/harbour.jpg" alt="Boats, at dawn"');
    expect(html).toContain('The harbour, seen from the pier');
    expect(html).not.toContain('theme-figure');
    expect(html).toMatch(/<blockquote>\s*<p><strong>Before you go<\/strong><\/p>\s*<p>Bring a <em>warm<\/em> coat\.<\/p>\s*<\/blockquote>/);
    expect(html).toContain('<em>Thanks for reading. Replies go to the mailing list.</em>');
    // A box whose template writes an argument as its heading (`<strong>{{ kind | upper }}</strong>`) before its body.
    expect(html).toMatch(/<blockquote>\s*<p><strong>Note<\/strong><\/p>\s*<p>The ferry leaves at <em>nine<\/em>\.<\/p>\s*<\/blockquote>/);
    expect(html).toContain('<code>{{ figure(src="in-code.jpg") }}</code> stays as written.');
    expect(html.replace(/<code>.*?<\/code>/g, '')).not.toMatch(/\{\{|\{%|gulls/);
    const removed = r.diagnostics.filter((d) => d.code === 'CONTENT_TEMPLATE_REMOVED');
    expect(removed.map((d) => [d.file, d.message])).toEqual([['content/blog/tour.md', expect.stringContaining('audio(src="gulls.opus")')]]);
  });

  it("Eleventy: an image shortcode of @11ty/eleventy-img renders as an <img> of its source where the config copies the source's folder as it is; another source, or another shortcode, is removed and named", async () => {
    const cwd = makeTree(
      {
        'package.json': '{ "devDependencies": { "@11ty/eleventy": "^2.0.1", "@11ty/eleventy-img": "^4.0.0" } }',
        '.eleventy.js': [
          'const Image = require("@11ty/eleventy-img");',
          'async function imageShortcode(src, alt, sizes = "100vw") {',
          '  const metadata = await Image(src, { widths: [300, 600] });',
          '  return Image.generateHTML(metadata, { alt, sizes });',
          '}',
          'module.exports = function (eleventyConfig) {',
          '  eleventyConfig.addPassthroughCopy("src/img");',
          '  eleventyConfig.addNunjucksAsyncShortcode("image", imageShortcode);',
          '  eleventyConfig.addShortcode("year", () => String(new Date().getFullYear()));',
          '  return { dir: { input: "src" } };',
          '};',
        ].join('\n'),
        'src/posts/cat.md': '---\ntitle: My cat\ndate: 2024-02-03\ncover: ./src/img/cover.png\n---\nHere is my cat.\n\n{% image "./src/img/cat.jpg", "A grey cat asleep" %}\n\n{% image cover "The cover" %}\n\n{% image "./drafts/dog.jpg", "A dog" %}\n\nCopyright {% year %}.\n',
      },
      'feedwright-eleventy-img-',
    );
    const r = await loadAt(cwd, 'src/posts');
    const html = r.byPath.get('cat.md')?.contentHtml ?? '';
    // src/img is copied to the site's img/ (passthrough copies leave out the input folder).
    expect(html).toContain('<img src="https://example.com/img/cat.jpg" alt="A grey cat asleep"');
    expect(html).toContain('<img src="https://example.com/img/cover.png" alt="The cover"');
    expect(html).not.toContain('dog');
    const removed = r.diagnostics.find((d) => d.code === 'CONTENT_TEMPLATE_REMOVED')?.message ?? '';
    expect([removed.includes('./drafts/dog.jpg'), removed.includes('{% year %}'), removed.includes('cat.jpg')]).toEqual([true, true, false]);
    // A shortcode that makes its own path of the argument (`Image(\`./src/assets/${src}\`)`) is not read.
    const made = makeTree(
      {
        'package.json': '{ "devDependencies": { "@11ty/eleventy": "^2.0.1" } }',
        'eleventy.config.js': 'const Image = require("@11ty/eleventy-img");\nmodule.exports = (c) => {\n  c.addPassthroughCopy("src/assets");\n  c.addNunjucksAsyncShortcode("image", async (src, alt) => {\n    const metadata = await Image("./src/assets/" + src, {});\n    return Image.generateHTML(metadata, { alt });\n  });\n  return { dir: { input: "src" } };\n};\n',
        'src/posts/cat.md': '---\ntitle: My cat\ndate: 2024-02-03\n---\nMy cat.\n\n{% image "src/assets/cat.jpg", "A cat" %}\n',
      },
      'feedwright-eleventy-img-made-',
    );
    const other = await loadAt(made, 'src/posts');
    expect(other.byPath.get('cat.md')?.contentHtml).not.toContain('<img');
  });

  it('Eleventy: a shortcode that only returns a template literal of its parameters renders as that text with the arguments written in; one that computes is removed and named', async () => {
    const cwd = makeTree(
      {
        'package.json': '{ "devDependencies": { "@11ty/eleventy": "^0.12.0" } }',
        '.eleventy.js': [
          'module.exports = function (eleventyConfig) {',
          '  eleventyConfig.addShortcode("filename", filename => {',
          '    // The newlines avoid breaking Markdown.',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the config's JavaScript, whose template literals are read as text
          '    return `<div class="code-filename">${filename}</div>\\n\\n`;',
          '  });',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the config's JavaScript, whose template literals are read as text
          '  eleventyConfig.addShortcode("aside", (who, what) => `<aside>${who}: ${ what }</aside>`);',
          '  eleventyConfig.addShortcode("year", () => String(new Date().getFullYear()));',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the config's JavaScript, whose template literals are read as text
          '  eleventyConfig.addShortcode("shout", (s) => `${s}`.toUpperCase());',
          '  return { dir: { input: "src/site" }, markdownTemplateEngine: "njk" };',
          '};',
        ].join('\n'),
        'src/site/posts/conf.md': '---\ntitle: Config\ndate: 2024-02-03\n---\nPut this in the file.\n\n{% filename ".htaccess" %}\n```\nRewriteEngine On\n```\n\n{% aside "Ada", "it works" %} {% aside "Bob" %} {% year %} {% shout "hi" %}\n',
      },
      'feedwright-eleventy-fill-',
    );
    const r = await loadAt(cwd, 'src/site/posts');
    const html = r.byPath.get('conf.md')?.contentHtml ?? '';
    expect(html).toContain("<div>.htaccess</div>");
    expect(html).toContain('<pre><code>RewriteEngine On');
    expect(html).toContain('<aside>Ada: it works</aside>');
    expect(html).not.toMatch(/Bob|\bhi\b|HI/);
    const removed = r.diagnostics.find((d) => d.code === 'CONTENT_TEMPLATE_REMOVED')?.message ?? '';
    expect([removed.includes('{% aside "Bob" %}'), removed.includes('{% year %}'), removed.includes('{% shout "hi" %}'), removed.includes('filename')]).toEqual([true, true, true, false]);
  });

  it("Eleventy: the config function's own dir.input, not a copy left in a helper function it defines", () => {
    const root = makeTree({
      'package.json': '{ "devDependencies": { "@11ty/eleventy": "^2.0.0" } }',
      '.eleventy.js': [
        'module.exports = function (eleventyConfig) {',
        '  async function imageShortcode(src) {',
        '    return { dir: { input: ".", output: "_site" } };',
        '  }',
        '  return { dir: { input: "src", output: "_site", data: "_data" } };',
        '};',
      ].join('\n'),
      'src/_data/site.json': '{ "title": "Helper Blog", "url": "https://helper.example.org" }',
      'src/posts/first.md': '---\ntitle: First\ndate: 2024-03-05\n---\n\nBody.\n',
    }, 'feedwright-eleventy-');
    const site = detectSite({ articlesDir: path.join(root, 'src/posts'), configRoot: root, preset: 'auto', display: (a) => path.relative(root, a) });
    expect([site?.info.baseUrl, site?.channel.values.title]).toEqual(['https://helper.example.org/', 'Helper Blog']);
  });

  it("Eleventy: an input folder the config computes (`input: constants.CONTENT_FOLDER`) is the folder above the posts holding _data; its siteConfig.js names the site one object down, the URL as an env variable's default; a directory data permalink with conditions renders", async () => {
    const root = makeTree({
      'package.json': '{ "dependencies": { "@11ty/eleventy": "^3.1.2" } }',
      '.eleventy.js': "const { constants } = require('./_11ty');\nmodule.exports = function () {\n  return { dir: { input: constants.CONTENT_FOLDER }, markdownTemplateEngine: 'njk' };\n};\n",
      '_11ty/constants.js': "module.exports = { CONTENT_FOLDER: 'content' };\n",
      'content/_data/siteConfig.js': "module.exports = {\n  site: {\n    title: 'Larry Notes',\n    url: process.env.URL || 'https://notes.example/',\n    language: 'en',\n  },\n};\n",
      'content/posts/posts.json': JSON.stringify({ permalink: "{% if customPermalink %}{{ customPermalink }}{% elif type == 'reading' %}/reading/{{ title | slugify }}/{% else %}/{{ title | slugify }}/{% endif %}" }),
      'content/posts/2024/06-15-why.md': "---\ntitle: \"Why AI hasn't replaced engineers\"\ndate: 2024-06-15\ntype: reading\n---\n\nBody.\n",
      'content/posts/2024/06-16-own.md': '---\ntitle: Own Work\ndate: 2024-06-16\n---\n\nBody.\n',
    }, 'feedwright-eleventy-');
    const site = detectSite({ articlesDir: path.join(root, 'content/posts'), configRoot: root, preset: 'auto', display: (a) => path.relative(root, a) });
    expect([site?.info.baseUrl, site?.channel.values.title, site?.channel.from]).toEqual(['https://notes.example/', 'Larry Notes', 'content/_data/siteConfig.js']);
    const loaded = await loadAt(root, 'content/posts');
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([]);
    expect(loaded.links).toEqual({
      '2024/06-15-why.md': 'https://notes.example/reading/why-ai-hasnt-replaced-engineers/',
      '2024/06-16-own.md': 'https://notes.example/own-work/',
    });
  });

  it("Eleventy: a permalink calling a filter the site defines (dateToFormat) is not rendered: the item takes the default path, with a warning naming the template and the link", async () => {
    const root = makeTree({
      'package.json': '{ "dependencies": { "@11ty/eleventy": "^2.0.1" } }',
      '.eleventy.js': "module.exports = function () {\n  return { dir: { input: 'src' } };\n};\n",
      'src/posts/posts.json': JSON.stringify({ permalink: "/{{ page.date | dateToFormat('yyyy/MM/dd') }}/{{ title | slugify }}/index.html" }),
      'src/posts/2024/05/2024-05-25-ci.md': '---\ntitle: Wrangling CI\ndate: 2024-05-25\n---\n\nBody.\n',
      'src/posts/2024/05/2024-05-26-own.md': '---\ntitle: Own\ndate: 2024-05-26\npermalink: /{{ title | shout }}/\n---\n\nBody.\n',
    }, 'feedwright-eleventy-');
    const loaded = await loadAt(root, 'src/posts');
    expect(loaded.links['2024/05/2024-05-25-ci.md']).toBe('https://example.com/posts/2024/05/2024-05-25-ci/');
    const warned = loaded.diagnostics.filter((d) => d.code === 'META_PERMALINK_UNRENDERED').map((d) => [d.file, d.line]);
    expect(warned).toEqual([['src/posts/2024/05/2024-05-25-ci.md', undefined], ['src/posts/2024/05/2024-05-26-own.md', 4]]);
  });

  it('Eleventy: input folder from its config, a directory data permalink, front matter permalink, listing and excluded pages', async () => {
    const r = await load('eleventy-dirdata', 'src');
    expect(r.links).toEqual({
      'blog/2024-01-02-first-post.md': 'https://eleventy.example/posts/first-post/',
      'blog/own.md': 'https://eleventy.example/special/own/',
      'blog/templated.md': 'https://eleventy.example/posts/templated/',
      // Its folder's data module is literals (notes.11tydata.js): read as data, never run.
      'notes/plain.md': 'https://eleventy.example/n/plain/',
    });
    // Its tags name a collection (collections.notes), not a topic of the post: no category.
    expect(r.byPath.get('notes/plain.md')?.tags.value).toEqual([]);
    expect(r.counts.sections).toBe(3);
    // Eleventy renders Markdown through Liquid first: its global data (_data/metadata.json) and the
    // post's own front matter by name; no template code is left or reported as removed.
    const templated = r.byPath.get('blog/templated.md');
    expect(templated?.contentHtml).toContain('<p>Read <a href="https://eleventy.example/guide/" rel="noopener noreferrer">the guide</a> about TEMPLATED.</p>');
    expect(templated?.contentHtml).not.toContain('{');
    expect(r.diagnostics.filter((d) => d.code.startsWith('CONTENT_TEMPLATE'))).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === 'FM_UNKNOWN_KEY')).toEqual([]);
    // A directory data module that computes (eleventyComputed) is not run, and says so once; the folder's JSON data still applies.
    expect(r.diagnostics.filter((d) => d.code === 'SITE_DATA_CODE').map((d) => d.file?.endsWith('src/blog/blog.11tydata.js'))).toEqual([true]);
  });

  it("Eleventy: a layout's front matter permalink (by alias, by path, without extension, down a layout chain) with the config's luxon date filters; the site named by its feed template's metadata", async () => {
    // Every link expected here is the one `eleventy` 2.0.1 wrote for this folder (dist/…/index.html).
    const root = path.join(SITES, 'eleventy-layoutdata');
    const site = detectSite({ articlesDir: path.join(root, 'src/site/posts'), configRoot: root, preset: 'auto', display: (a) => path.relative(root, a) });
    expect(site?.channel).toEqual({ from: 'src/site/feed/feed.njk', values: { title: 'Layout Data', link: 'https://layouts.example/', author: { name: 'A. Writer' } } });
    expect(site?.info.dateFilters).toEqual({ slugDate: { format: 'y/MM', zone: 'utc' }, dateToFormat: { zone: 'utc' } });
    const r = await load('eleventy-layoutdata', 'src/site/posts');
    expect(r.links).toEqual({
      // posts.json gives the alias "post": layouts/post.njk's permalink, `slugDate` formatting in UTC.
      '2024-03-05-march-post.md': 'https://layouts.example/2024/03/march-post/',
      '2024-06-30-late-evening.md': 'https://layouts.example/2024/06/late-evening/',
      // `paginate: true` (a WordPress export's leftover) makes no listing page: a post like the others.
      '2024-04-01-exported.md': 'https://layouts.example/2024/04/exported/',
      // Its own layout, whose permalink calls a filter with an argument in Nunjucks' syntax.
      '2023-12-31-a-note.md': 'https://layouts.example/notes/2023/a-note/',
      '2024-01-02-own-permalink.md': 'https://layouts.example/kept/',
      // `yearOf` does more than format a date (eleventy wrote /odd/2024-x/odd-one/): not rendered, and said so.
      '2024-02-03-odd-one.md': 'https://layouts.example/posts/2024-02-03-odd-one/',
    });
    expect(r.diagnostics.filter((d) => d.code === 'META_PERMALINK_UNRENDERED').map((d) => d.file)).toEqual(['src/site/posts/2024-02-03-odd-one.md']);
    // The layout's `tags: posts` names a collection: no category.
    expect(r.byPath.get('2024-03-05-march-post.md')?.tags.value).toEqual([]);
  });

  it('Eleventy: a layout given to a folder by its data file is the posts\' layout; the folder\'s own page (blog/blog.md) lists them, and is not warned about', async () => {
    // The shape of 11ty.dev's blog: src/blog/blog.json sets "layout": "layouts/blog.njk" for every post.
    const r = await load('eleventy-blogdata', 'src/blog', { future: 'include' });
    expect(r.links).toEqual({
      '2024-03-04-first.md': 'https://blogdata.example/blog/first/',
      '2024-04-05-second.md': 'https://blogdata.example/blog/second/',
      'undated.md': 'https://blogdata.example/blog/undated/',
      'also-undated.md': 'https://blogdata.example/blog/also-undated/',
    });
    expect(r.counts.sections).toBe(1);
    expect(r.diagnostics.filter((d) => d.file?.endsWith('blog.md')).map((d) => d.code)).toEqual(['META_NOT_A_POST']);
    // Dates from file times: one warning for the build, with the number of files.
    const mtime = r.diagnostics.filter((d) => d.code === 'META_DATE_FROM_MTIME');
    expect(mtime.map((d) => [d.file, d.message.endsWith('(in 2 files; this is the first).')])).toEqual([['src/blog/also-undated.md', true]]);
  });

  it('Astro with Starlight: the docs collection is served from the root; only the config object\'s own site/base count', async () => {
    // The shape of biomejs.dev: a `base` inside a sidebar entry is not the site's base.
    const r = await load('astro-starlight', 'src/content/docs/blog');
    expect(r.site?.baseUrl).toBe('https://docs.example/');
    expect(r.links).toEqual({ 'First-Post.md': 'https://docs.example/blog/first-post/' });
  });

  it('Astro: a content collection with github-slugger ids under site + base; draft: True is a draft', async () => {
    const r = await load('astro-collection', 'src/content/posts');
    expect(r.links).toEqual({
      'The Big Idea/index.md': 'https://astro.example/Blog/posts/the-big-idea/',
      'Pure-Data.md': 'https://astro.example/Blog/posts/pure-data/',
    });
    expect(r.byPath.get('The Big Idea/index.md')?.title.value).toBe('The big idea');
    expect(r.counts.drafts).toBe(1);
  });

  it('Next.js: the blog starter route /posts/<slug>; a title under an unmapped key is published with one warning, or read once mapped', async () => {
    const r = await load('nextjs-starter', '_posts');
    expect(r.links).toEqual({ 'hello-world.md': 'https://example.com/posts/hello-world', 'second.md': 'https://example.com/posts/second' });
    const second = r.byPath.get('second.md');
    expect([second?.title.value, second?.title.from, second?.tags.value]).toEqual(['Second', 'file-name', ['Guides']]);
    const warning = r.diagnostics.find((d) => d.code === 'META_TITLE_FROM_FILE_NAME');
    expect([warning?.file?.endsWith('second.md'), warning?.line, warning?.message]).toEqual([true, 2, expect.stringContaining('"newstitle" may hold it')]);
    const mapped = await load('nextjs-starter', '_posts', { keys: { title: ['newstitle'] } });
    expect(mapped.byPath.get('second.md')?.title.value).toBe('The second one');
    expect(mapped.diagnostics.map((d) => d.code)).not.toContain('META_TITLE_FROM_FILE_NAME');
  });

  it("Next.js App Router: the site's own dynamic route named like the folder (app/blog/posts/[slug]), route groups out of the URL", async () => {
    const r = await load('nextjs-app', 'posts');
    expect(r.links).toEqual({ 'first.md': 'https://example.com/blog/posts/first' });
    expect(r.byPath.get('first.md')?.link.rule).toMatch(/nextjs route app\/blog\/posts\/\[slug\]\/page\.tsx: \/blog\/posts\/<slug>$/);
    // The tags route and the grouped /en/blog/posts route are routes too, under their own keys or longer.
    expect(r.site?.routes).toEqual({ posts: { prefix: '/blog/posts', file: 'app/blog/posts/[slug]/page.tsx' }, tags: { prefix: '/blog/tags', file: 'app/blog/tags/[slug]/page.tsx' } });
  });

  it("Next.js App Router: a route serves the folder its loader reads (src/app/posts/[slug] calls @/lib/posts, which reads src/contents/blog), not a route named like that folder", async () => {
    const r = await load('nextjs-loader', 'src/contents/blog');
    expect(r.links).toEqual({ '2024/tools.md': 'https://example.com/posts/tools-2024' });
    expect(r.byPath.get('2024/tools.md')?.link.rule).toMatch(/nextjs route src\/app\/posts\/\[slug\]\/page\.tsx: \/posts\/<slug>$/);
    // The tags route reads the same loader, but lists posts: it serves none.
    expect(r.site?.routes?.blog).toEqual({ prefix: '/posts', file: 'src/app/posts/[slug]/page.tsx' });
  });

  it("Astro: a collection served by the site's own page route (AstroPaper's blog collection at /posts/<id>/, found by the getCollection call of src/pages/posts/[...slug]); listing routes ([...page], [tag]) are not post pages", async () => {
    const r = await load('astro-paper', 'src/data/blog');
    expect(r.links).toEqual({ 'first-post.md': 'https://paper.example/posts/first-post/' });
    expect(r.byPath.get('first-post.md')?.link.rule).toMatch(/astro route src\/pages\/posts\/\[\.\.\.slug\]\/index\.astro: \/posts\/<id>\/$/);
    expect(r.site?.routes).toEqual({ blog: { prefix: '/posts', file: 'src/pages/posts/[...slug]/index.astro' } });
    // AstroPaper's own date key.
    const post = r.byPath.get('first-post.md');
    expect([post?.published.value.toISOString(), post?.published.from]).toEqual(['2024-02-03T04:05:06.000Z', 'front-matter']);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('FM_UNKNOWN_KEY');
  });

  it('Jekyll: a post without a title is titled from its file name as Jekyll titles it (titleize_slug), with no error; outside a Jekyll site it still has none. Keys its layouts read are no unknown keys', async () => {
    const cwd = makeTree({
      '_config.yml': 'title: Yat\nurl: https://yat.example\n',
      '_posts/2016-08-12-my-EXAMPLE-post.md': '---\nlayout: post\ncategories: junk\n---\n\nEos eu docendi tractatos sapientem.\n',
      '_posts/2016-08-13-titled.md': '---\ntitle: Titled\nbanner:\n  image: b.png\ntop: 1\nmood: calm\n---\n\nText.\n',
      '_layouts/post.html': '{%- if page.banner -%}<img src="{{ page.banner.image }}">{%- endif -%}',
      '_includes/views/pin.html': '{% for post in site.posts %}{% if post.top %}📌{% endif %}{% endfor %}',
    });
    const loaded = await loadAt(cwd, '_posts');
    const post = loaded.byPath.get('2016-08-12-my-EXAMPLE-post.md');
    expect([post?.title.value, post?.title.from, post?.title.rule]).toEqual(['My Example Post', 'file-name', "jekyll: a post's title from its file name"]);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The keys the site's own layouts and includes read are its vocabulary; others are still unknown.
    expect(loaded.diagnostics.filter((d) => d.code === 'FM_UNKNOWN_KEY').map((d) => d.message)).toEqual(['Unknown front matter key "mood" is ignored.']);
    const plain = makeTree({ 'notes/2016-08-12-untitled.md': '---\ndate: 2016-08-12\n---\n\nText.\n' });
    const none = await loadAt(plain, 'notes');
    expect(none.diagnostics.map((d) => d.code)).toContain('META_TITLE_MISSING');
  });

  it("Jekyll: a title's character references and formatting tags read as its pages and jekyll-feed show them (smartify, strip_html); outside Jekyll the title stays as written", async () => {
    const posts = {
      '_posts/2021-01-19-hero.md': '---\ntitle: My Hero, Karen &mdash; Part&nbsp;II\n---\n\nText.\n',
      '_posts/2021-01-20-vim.md': '---\ntitle: "<em>Vim</em> for writers &amp; editors"\n---\n\nText.\n',
      '_posts/2021-01-21-head.md': '---\ntitle: Styling the <title> element\n---\n\nText.\n',
    };
    const jekyll = await loadAt(makeTree({ '_config.yml': 'title: Blog\nurl: https://blog.example\n', ...posts }), '_posts');
    expect(jekyll.byPath.get('2021-01-19-hero.md')?.title.value).toBe('My Hero, Karen — Part II');
    expect(jekyll.byPath.get('2021-01-20-vim.md')?.title.value).toBe('Vim for writers & editors');
    expect(jekyll.byPath.get('2021-01-21-head.md')?.title.value).toBe('Styling the <title> element');
    const hugo = await loadAt(makeTree({ 'hugo.toml': 'baseURL = "https://blog.example/"\n', 'content/posts/hero.md': '---\ntitle: Karen &mdash; Part II\ndate: 2021-01-19\n---\n\nText.\n' }), 'content/posts');
    expect(hugo.byPath.get('hero.md')?.title.value).toBe('Karen &mdash; Part II');
  });

  it("Jekyll: a front matter default scoped to a type (`type: tags`, `type: post`) applies to that kind of document only", async () => {
    const config = [
      'title: Blog', 'url: https://blog.example', 'permalink: pretty', 'defaults:',
      '  - scope:', '      path: ""', '      type: "posts"', '    values:', '      permalink: post/:title:output_ext',
      '  - scope:', '      path: ""', '      type: "tags"', '    values:', '      permalink: /tag/:slug',
      '  - scope:', '      path: ""', '      type: page', '    values:', '      author: Page Keeper',
      '',
    ].join('\n');
    const cwd = makeTree({ '_config.yml': config, '_posts/2023-12-24-Between-Two-Sets.md': '---\ntitle: Between Two Sets\n---\n\nText.\n' });
    const loaded = await loadAt(cwd, '_posts');
    expect(loaded.links).toEqual({ '2023-12-24-Between-Two-Sets.md': 'https://blog.example/post/Between-Two-Sets.html' });
    expect(loaded.byPath.get('2023-12-24-Between-Two-Sets.md')?.authors.value.map((p) => p.name)).not.toContain('Page Keeper');
  });

  it("Jekyll: the include files the posts name (and those they include) are rendered from the site's includes_dir, and only they enter the cache key; `..` and missing names are not read", async () => {
    const cwd = makeTree({
      '_config.yml': 'title: Blog\nurl: https://blog.example\nincludes_dir: parts\n',
      'parts/fb_migrate': '<p><em>First posted on <a href="{{ include.url }}">{{ include.date }}</a>{% include sig.html %}</em></p>',
      'parts/sig.html': ', by the editor.',
      'parts/head.html': '<meta name="x">',
      'secret.txt': 'do not read',
      '_posts/2021-01-19-moved.md': '---\ntitle: Moved\n---\n\n{% include fb_migrate url="https://social.example/n/1" date="March 2017" %}\n\n{% include ../secret.txt %}{% include figure image_path="/a.png" %}\n\nText.\n',
    });
    const paths = resolvePaths({ cwd, articles: '_posts', config: testConfig({ cache: false }) });
    expect(Object.keys(paths.loaded.config.templates?.includes ?? {}).sort()).toEqual(['fb_migrate', 'sig.html']);
    const loaded = await loadAt(cwd, '_posts');
    const post = loaded.byPath.get('2021-01-19-moved.md');
    expect(post?.contentHtml).toContain('First posted on <a href="https://social.example/n/1" rel="noopener noreferrer">March 2017</a>, by the editor.');
    expect(post?.contentHtml).not.toContain('do not read');
    expect(loaded.diagnostics.find((d) => d.code === 'CONTENT_TEMPLATE_REMOVED')?.message).toContain('{% include figure image_path="/a.png" %} (line 7)');
  });

  it("Jekyll: a `source` a build step makes (not in the checkout) is the folder above the posts holding _includes, so includes and post_url resolve", async () => {
    const cwd = makeTree({
      '_config.yml': 'title: Blog\nurl: https://blog.example\nsource: .tmp/src\ndestination: .tmp/dist\npermalink: /:categories/:title/\n',
      'src/_includes/disclosure.html': '<small>Contains affiliate links.</small>',
      'src/_posts/notes/2019-02-26-faster-builds.md': '---\ntitle: Faster builds\ncategories: notes\n---\n\nText.\n',
      'src/_posts/articles/2020-01-01-review.md': '---\ntitle: Review\ncategories: articles\n---\n\nSee [the notes]({% post_url /notes/2019-02-26-faster-builds %}).\n\n{% include_cached disclosure.html %}\n',
    });
    const loaded = await loadAt(cwd, 'src/_posts');
    const post = loaded.byPath.get('articles/2020-01-01-review.md');
    expect(post?.contentHtml).toContain('<a href="https://blog.example/notes/faster-builds/" rel="noopener noreferrer">the notes</a>');
    expect(post?.contentHtml).toContain('<small>Contains affiliate links.</small>');
    expect(loaded.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code)).toEqual([]);
  });

  it("Jekyll: the include files of a theme the site names but does not hold (Minimal Mistakes' video, figure and gallery, Chirpy's embeds) render for a feed, while the site's own file of that name wins", async () => {
    const post = [
      '---',
      'title: Update',
      'gallery:',
      '  - url: /img/a.jpg',
      '    image_path: /img/a-th.jpg',
      '    alt: A',
      '    title: First',
      '---',
      '',
      '{% include video id="Hr_cm35Gs8Q" provider="youtube" %}',
      '',
      '{% include figure image_path="/img/b.png" alt="B" caption="The B." %}',
      '',
      '{% include gallery caption="All." %}',
      '',
      '{% include video id="123" provider="vimeo" %}',
      '',
    ].join('\n');
    const mm = makeTree({ '_config.yml': 'title: Blog\nurl: https://mm.example\nbaseurl: /blog\nremote_theme: mmistakes/minimal-mistakes@4.27.3\n', '_includes/figure': '<p>own figure {{ include.alt }}</p>', '_posts/2024-01-02-update.md': post });
    const html = (await loadAt(mm, '_posts')).byPath.get('2024-01-02-update.md')?.contentHtml ?? '';
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=Hr_cm35Gs8Q" rel="noopener noreferrer">Video on YouTube</a>');
    expect(html).toContain('<a href="https://vimeo.com/123" rel="noopener noreferrer">Video on Vimeo</a>');
    expect(html).toContain('<p>own figure B</p>');
    expect(html).toContain('<figure><a href="https://mm.example/blog/img/a.jpg" title="First" rel="noopener noreferrer"><img src="https://mm.example/blog/img/a-th.jpg" alt="A" /></a><figcaption>All.</figcaption></figure>');
    const chirpy = makeTree({ '_config.yml': 'title: Notes\nurl: https://c.example\ntheme: jekyll-theme-chirpy\n', '_posts/2024-01-02-clip.md': "---\ntitle: Clip\n---\n\n{% include embed/youtube.html id='Balreaj8Yqs' %}\n\n{% include embed/video.html src='/media/a.mp4' title='Demo' %}\n" });
    const loaded = await loadAt(chirpy, '_posts');
    expect(loaded.byPath.get('2024-01-02-clip.md')?.contentHtml).toBe(
      '<p><a href="https://www.youtube.com/watch?v=Balreaj8Yqs" rel="noopener noreferrer">Video on YouTube</a></p>\n<p><a href="https://c.example/media/a.mp4" rel="noopener noreferrer">Demo</a></p>',
    );
    // Without the theme, the same include is the site's missing file: removed and named.
    const none = makeTree({ '_config.yml': 'title: Blog\nurl: https://n.example\n', '_posts/2024-01-02-clip.md': "---\ntitle: Clip\n---\n\n{% include embed/youtube.html id='Balreaj8Yqs' %}\n\nText.\n" });
    expect((await loadAt(none, '_posts')).diagnostics.find((d) => d.code === 'CONTENT_TEMPLATE_REMOVED')?.message).toContain("{% include embed/youtube.html id='Balreaj8Yqs' %}");
  });

  it("Astro: AstroWind's src/config.yaml names the site (address, name, description, language) and the posts' permalink with its %tokens%, trailing slash as it says", async () => {
    const config = (permalink: string, slash: boolean) =>
      [
        'site:',
        "  name: 'Wind'",
        "  site: 'https://wind.example'",
        "  base: '/'",
        `  trailingSlash: ${slash}`,
        'metadata:',
        '  title:',
        "    default: 'Wind Blog'",
        "    template: '%s - Wind'",
        "  description: 'Notes.'",
        'i18n:',
        "  language: 'es'",
        'apps:',
        '  blog:',
        '    isEnabled: true',
        '    post:',
        `      permalink: '${permalink}'`,
        '',
      ].join('\n');
    const post = '---\npublishDate: 2023-08-12T00:00:00Z\nupdateDate: 2023-09-01T00:00:00Z\ntitle: Get Started\ncategory: Tutorials\nmetadata:\n  canonical: https://wind.example/get-started\n---\n\nText.\n';
    const site = (permalink: string, slash: boolean) =>
      makeTree({
        'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
        'astro.config.ts': "import astrowind from './vendor/integration';\nexport default defineConfig({ integrations: [astrowind({ config: './src/config.yaml' })] });\n",
        'src/config.yaml': config(permalink, slash),
        'src/content/post/get-started.md': post,
      });
    const plain = await loadAt(site('/%slug%', false), 'src/content/post');
    expect(plain.links).toEqual({ 'get-started.md': 'https://wind.example/get-started' });
    const post0 = plain.byPath.get('get-started.md');
    expect([post0?.updated.value.toISOString().slice(0, 10), plain.diagnostics.filter((d) => d.code === 'FM_UNKNOWN_KEY')]).toEqual(['2023-09-01', []]);
    const dated = await loadAt(site('/%year%/%month%/%category%/%slug%', true), 'src/content/post');
    expect(dated.links).toEqual({ 'get-started.md': 'https://wind.example/2023/08/tutorials/get-started/' });
    // AstroWind's own layout now: the posts in src/data/post/, read by its content layer's glob loader.
    const data = makeTree({
      'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
      'src/config.yaml': config('/%slug%', false),
      'src/content.config.ts': "import { glob } from 'astro/loaders';\nconst post = defineCollection({ loader: glob({ pattern: ['*.md', '*.mdx'], base: 'src/data/post' }) });\nexport const collections = { post };\n",
      'src/data/post/get-started.md': post,
    });
    expect((await loadAt(data, 'src/data/post')).links).toEqual({ 'get-started.md': 'https://wind.example/get-started' });
    const channel = resolvePaths({ cwd: site('/%slug%', false), articles: 'src/content/post' }).loaded.config;
    expect([channel.title, channel.link, channel.description, channel.language]).toEqual(['Wind Blog', 'https://wind.example/', 'Notes.', 'es']);
  });

  it("Astro: a catch-all route that writes the post's path into its parameter (posts_slug set to the text posts/ before the slug) serves the posts under that path, not the listing routes reading the same collection; the i18n defaultLocale, a reference into the theme config, is the feed's language", async () => {
    const cwd = makeTree({
      'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
      'src/config.ts': "export const themeConfig = {\n  site: { title: 'Notes', url: 'https://notes.example/' },\n  global: { locale: 'zh', moreLocales: ['en'] },\n}\n",
      'astro.config.ts': "import { themeConfig } from './src/config'\nconst url = themeConfig.site.url\nconst locale = themeConfig.global.locale\nexport default defineConfig({\n  site: url,\n  i18n: { locales: Object.keys(langMap), defaultLocale: locale },\n})\n",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the route's JavaScript source, with its template literals
      'src/pages/[...index].astro': "const posts = await getCollection('posts')\nconst paths = [{ params: { index: undefined } }, ...moreLocales.map((lang) => ({ params: { index: `${lang}/` } }))]\n",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the route's JavaScript source, with its template literals
      'src/pages/[...tags_tag].astro': "const posts = await getCollection('posts')\nposts.forEach((post) => paths.push({ params: { tags_tag: `tags/${tag}/` } }))\n",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the route's JavaScript source, with its template literals
      'src/pages/[...posts_slug].astro': "export async function getStaticPaths() {\n  const posts = await getCollection('posts')\n  posts.forEach((post) => {\n    const slug = post.data.abbrlink || post.id\n    paths.push({ params: { posts_slug: `posts/${slug}/` } })\n    if (post.data.lang === lang) paths.push({ params: { posts_slug: `${lang}/posts/${slug}/` } })\n  })\n}\n",
      'src/content/posts/Do-Not-Learn.md': '---\ntitle: 不需要学习\npublished: 2024-10-15\n---\n\n正文。\n',
      'src/content/posts/english.md': "---\ntitle: In English\npublished: 2024-10-16\nlang: en\n---\n\nText.\n",
      'src/content/posts/chinese.md': "---\ntitle: 中文\npublished: 2024-10-17\nlang: zh\n---\n\n正文。\n",
    });
    const loaded = await loadAt(cwd, 'src/content/posts');
    // A post in another locale than the default is served under it (`${lang}/posts/${slug}/` for post.data.lang).
    expect(loaded.links).toEqual({
      'Do-Not-Learn.md': 'https://notes.example/posts/do-not-learn/',
      'chinese.md': 'https://notes.example/posts/chinese/',
      'english.md': 'https://notes.example/en/posts/english/',
    });
    expect(resolvePaths({ cwd, articles: 'src/content/posts' }).loaded.config.language).toBe('zh');
  });

  it("Astro: a route whose URL takes a front matter key before the id (slug: post.data.abbrlink || post.id) names the page by that key", async () => {
    const cwd = makeTree({
      'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
      'astro.config.mjs': "export default defineConfig({ site: 'https://hexo.example' });\n",
      'src/pages/posts/[...slug].astro':
        'export async function getStaticPaths() {\n  const posts = await getCollection("blog");\n  return posts.map((post) => ({ params: { slug: post.data.abbrlink || post.id }, props: { post } }));\n}\n',
      'src/content/blog/kept-link.md': '---\ntitle: Kept\npubDate: 2024-03-05\nabbrlink: 4a17b156\n---\n\nText.\n',
      'src/content/blog/new-post.md': '---\ntitle: New\npubDate: 2024-03-06\n---\n\nText.\n',
    });
    const loaded = await loadAt(cwd, 'src/content/blog');
    expect(loaded.links).toEqual({
      'kept-link.md': 'https://hexo.example/posts/4a17b156/',
      'new-post.md': 'https://hexo.example/posts/new-post/',
    });
    expect(loaded.diagnostics.filter((d) => d.code === 'FM_UNKNOWN_KEY')).toEqual([]);
    expect(loaded.byPath.get('kept-link.md')?.link.rule).toBe('astro (package.json (astro)): astro route src/pages/posts/[...slug].astro: /posts/<abbrlink>/');
  });

  describe("Astro i18n: a collection's locale folders served under the site's locale route", () => {
    const POST = (title: string) => `---\ntitle: ${title}\npubDate: 2024-03-05\n---\n\nThe body.\n`;
    const astroSite = (pages: Record<string, string>, routing = '') =>
      makeTree({
        'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
        // The i18n settings spread in from the site's config module, which a tsconfig path alias names.
        'astro.config.ts': `import siteConfig from "$config";\nexport default defineConfig({\n  site: "https://i18n.example",\n  i18n: { ...siteConfig.i18n${routing} },\n});\n`,
        'tsconfig.json': '{\n  // comments and trailing commas, as tsconfig.json allows\n  "compilerOptions": { "paths": { "$config": ["./site.config.ts"], }, },\n}\n',
        'site.config.ts': 'const config = defineSite({\n  title: "Polyglot",\n  i18n: { locales: ["en", "zh-cn", "ja"], defaultLocale: "en" },\n});\nexport default config;\n',
        'src/content/note/en/first.md': POST('First'),
        'src/content/note/ja/first.md': POST('最初'),
        'src/content/note/zh-cn/first.md': POST('第一'),
        'src/content/information/en/policy.md': '---\nupdated: 2024-01-01\n---\n\nPolicy text.\n',
        ...pages,
      });
    const loadSite = async (cwd: string) => {
      const loaded = await loadAt(cwd, 'src/content');
      return { ...loaded, langs: Object.fromEntries(loaded.articles.map((a) => [a.relPath, a.lang?.value])) };
    };

    it('an optional [...locale] folder: the default locale unprefixed; each entry in its locale; collections the site feed does not read are not posts', async () => {
      const r = await loadSite(
        astroSite({
          'src/pages/[...locale]/note/[...id].astro': 'const notes = await getCollection("note");\n',
          'src/pages/[...locale]/feed.xml.ts': 'const notes = await getCollection("note");\n',
        }),
      );
      expect(r.site?.routes).toEqual({ note: { prefix: '/note', file: 'src/pages/[...locale]/note/[...id].astro', locale: 'optional' } });
      expect(r.links).toEqual({
        'note/en/first.md': 'https://i18n.example/note/first/',
        'note/ja/first.md': 'https://i18n.example/ja/note/first/',
        'note/zh-cn/first.md': 'https://i18n.example/zh-cn/note/first/',
      });
      expect(r.langs).toEqual({ 'note/en/first.md': 'en', 'note/ja/first.md': 'ja', 'note/zh-cn/first.md': 'zh-cn' });
      const skipped = r.diagnostics.find((d) => d.code === 'META_NOT_A_POST');
      expect(skipped?.message).toContain('"information" collection, which the site\'s own feed (src/pages/[...locale]/feed.xml.ts) does not read');
    });

    it('a required [lang] folder, or prefixDefaultLocale: every locale in the URL', async () => {
      const required = await loadSite(astroSite({ 'src/pages/[lang]/note/[...slug].astro': 'getCollection("note")\n' }));
      expect(required.links['note/en/first.md']).toBe('https://i18n.example/en/note/first/');
      const prefixed = await loadSite(astroSite({ 'src/pages/[...locale]/note/[...id].astro': 'getCollection("note")\n' }, ', routing: { prefixDefaultLocale: true }'));
      expect(prefixed.links['note/en/first.md']).toBe('https://i18n.example/en/note/first/');
      // No locale route: the locale folder stays part of the entry's id.
      const plain = await loadSite(astroSite({ 'src/pages/note/[...id].astro': 'getCollection("note")\n' }));
      expect(plain.links['note/ja/first.md']).toBe('https://i18n.example/note/ja/first/');
    });
  });

  it('Next.js pages router: the file path under pages/ is the route (locale and category folders kept), a front matter slug names nothing', async () => {
    const r = await load('nextjs-pages', 'pages/en/blog');
    expect(r.links).toEqual({
      'community/meetup.md': 'https://example.com/en/blog/community/meetup',
      'release/v1.2.0.md': 'https://example.com/en/blog/release/v1.2.0',
    });
  });

  it('"preset": "none" keeps the old links (itemBase + file-name slug) even inside a site', async () => {
    const r = await load('hugo-sections', 'content', { preset: 'none' });
    expect(r.site).toBeUndefined();
    expect(r.links['about.md']).toBe('https://example.com/about');
  });

  it('a config permalinks pattern overrides the preset for the folder it names', async () => {
    const r = await load('hugo-sections', 'content', { permalinks: { notes: '/n/:slug/' } });
    expect(r.links['notes/Some File.md']).toBe('https://example.org/blog/n/some-file/');
    expect(r.links['about.md']).toBe('https://example.org/blog/about/');
  });
});

describe("the site's channel values", () => {
  it('a title or description with character references is read as the text its templates print', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'feedwright-channel-'));
    mkdirSync(path.join(root, '_posts'));
    writeFileSync(path.join(root, '_config.yml'), 'title: "Ann &amp; Bo"\ndescription: "Living in Ottawa,&nbsp;Ontario &#8212; mostly"\nurl: https://ab.example\n');
    const site = detectSite({ articlesDir: path.join(root, '_posts'), configRoot: root, preset: 'auto', display: (a) => path.relative(root, a) });
    expect(site?.channel.values.title).toBe('Ann & Bo');
    expect(site?.channel.values.description).toMatch(/^Living in Ottawa,[\s\u00a0]Ontario — mostly$/);
  });
});
