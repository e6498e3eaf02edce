import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/pipeline/paths.js';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * A site built without a feedwright config (or with one that leaves them out) gets the feed's
 * title, description, link, language and author from its generator's config: the values the
 * generator's own feed plugin reads. What feedwright's config sets always wins.
 */

const POST = '---\ntitle: First post\ndate: 2024-03-05\n---\n\nThe body of the first post.\n';

const site = (files: Record<string, string>): string => makeTree(files, 'feedwright-channel-');

const JEKYLL = {
  '_config.yml': 'title: Tool News\ndescription: Releases of the tool.\nurl: https://tool.example\nbaseurl: /blog\nlang: de\nauthor:\n  name: Ada Lovelace\n  email: ada@tool.example\n',
  '_posts/2024-03-05-first.md': POST,
};

describe("the feed's identity from the site generator's config", () => {
  it('Jekyll without a feedwright config: title, description, url + baseurl, lang and author of _config.yml', () => {
    const cwd = site(JEKYLL);
    const { loaded } = resolvePaths({ cwd, articles: '_posts' });
    expect(loaded.config).toMatchObject({
      title: 'Tool News',
      description: 'Releases of the tool.',
      link: 'https://tool.example/blog/',
      feedUrl: 'https://tool.example/blog/',
      language: 'de',
      author: { name: 'Ada Lovelace', email: 'ada@tool.example' },
    });
    expect(loaded.fromSite).toEqual({ from: '_config.yml', values: expect.objectContaining({ title: 'Tool News', link: 'https://tool.example/blog/' }) });
  });

  it("Jekyll themes: the language from `locale` (Minimal Mistakes) and the author from `owner` (HPSTR, So Simple) when `lang` and `author` are absent", () => {
    const cwd = site({ '_config.yml': 'title: Theme Blog\nurl: https://theme.example\nlocale: en_GB\nowner:\n  name: Sam Owner\n  email: sam@theme.example\n  avatar: me.jpg\n', '_posts/2024-03-05-first.md': POST });
    const { loaded } = resolvePaths({ cwd, articles: '_posts' });
    expect(loaded.config).toMatchObject({ title: 'Theme Blog', language: 'en-GB', author: { name: 'Sam Owner', email: 'sam@theme.example' } });
  });

  it("Jekyll with Minimal Mistakes: the site owner's top-level `name` when `author.name` is empty (the theme's starter config leaves it so)", () => {
    const config = 'title: Notes\nname: Kim Owner\nurl: https://mm.example\nlocale: en-US\nauthor:\n  name: ~\n  avatar: me.jpg\n';
    const { loaded } = resolvePaths({ cwd: site({ '_config.yml': config, '_posts/2024-03-05-first.md': POST }), articles: '_posts' });
    expect(loaded.config).toMatchObject({ author: { name: 'Kim Owner' } });
    const own = resolvePaths({ cwd: site({ '_config.yml': config.replace('name: ~', 'name: Ann Own'), '_posts/2024-03-05-first.md': POST }), articles: '_posts' });
    expect(own.loaded.config).toMatchObject({ author: { name: 'Ann Own' } });
  });

  it("Jekyll with Chirpy: the author from `social` (name, email), which Chirpy shows as every post's default author; an `author` key still wins", () => {
    const config = 'title: Chirpy Blog\nurl: https://chirpy.example\nlang: en\nsocial:\n  name: Lex Writer\n  email: lex@chirpy.example\n  links:\n    - https://github.example/lex\n';
    const { loaded } = resolvePaths({ cwd: site({ '_config.yml': config, '_posts/2024-03-05-first.md': POST }), articles: '_posts' });
    expect(loaded.config).toMatchObject({ author: { name: 'Lex Writer', email: 'lex@chirpy.example' } });
    const own = resolvePaths({ cwd: site({ '_config.yml': `${config}author: Ann Own\n`, '_posts/2024-03-05-first.md': POST }), articles: '_posts' });
    expect(own.loaded.config).toMatchObject({ author: { name: 'Ann Own' } });
  });

  it("Jekyll: a _config.yml with a byte order mark and a key given twice is read as Jekyll reads it (the last one wins)", () => {
    const cwd = site({ '_config.yml': '\uFEFFtitle: Old name\nurl: https://tool.example\nbackground: a.png\ntitle: Tool News\nbackground:\n', '_posts/2024-03-05-first.md': POST });
    const { loaded } = resolvePaths({ cwd, articles: '_posts' });
    expect(loaded.config).toMatchObject({ title: 'Tool News', link: 'https://tool.example/' });
  });

  it("what feedwright's config sets wins, key by key", () => {
    const cwd = site({ ...JEKYLL, 'feedwright.config.json': JSON.stringify({ title: 'Our feed', articles: '_posts', language: 'en' }) });
    const { loaded } = resolvePaths({ cwd });
    expect(loaded.config).toMatchObject({ title: 'Our feed', language: 'en', link: 'https://tool.example/blog/', description: 'Releases of the tool.' });
    expect(Object.keys(loaded.fromSite?.values ?? {}).sort()).toEqual(['author', 'description', 'link']);
  });

  it('a value feedwright would reject is not taken (a relative url, a language that is no tag)', () => {
    const cwd = site({ '_config.yml': 'title: Odd\nurl: /relative\nlang: not a language\n', '_posts/2024-03-05-first.md': POST });
    const { loaded } = resolvePaths({ cwd, articles: '_posts' });
    expect(loaded.config.link).toBe('https://example.com/');
    expect(loaded.config.language).toBe('en');
    expect(loaded.fromSite?.values).toEqual({ title: 'Odd' });
  });

  it('Hugo: title, params.description, baseURL, languageCode and params.author', () => {
    const cwd = site({
      'hugo.toml': 'baseURL = "https://hugo.example/"\ntitle = "Hugo Notes"\nlanguageCode = "en-gb"\n[params]\ndescription = "Notes."\nauthor = "Grace Hopper"\n',
      'content/posts/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'content/posts' });
    expect(loaded.config).toMatchObject({ title: 'Hugo Notes', description: 'Notes.', link: 'https://hugo.example/', language: 'en-gb', author: { name: 'Grace Hopper' } });
  });

  it("Hugo 0.158+: `locale` (languageCode's new name) at the top and per language", () => {
    const top = resolvePaths({ cwd: site({ 'hugo.toml': 'baseURL = "https://hugo.example/"\ntitle = "T"\nlocale = "de-AT"\n', 'content/posts/first.md': POST }), articles: 'content/posts' });
    expect(top.loaded.config).toMatchObject({ language: 'de-AT' });
    const own = resolvePaths({
      cwd: site({ 'hugo.toml': 'baseURL = "https://hugo.example/"\ndefaultContentLanguage = "fr"\n[languages.fr]\nlocale = "fr-CA"\ntitle = "Notes"\n[languages.en]\nlocale = "en-CA"\n', 'content/posts/first.md': POST }),
      articles: 'content/posts',
    });
    expect(own.loaded.config).toMatchObject({ language: 'fr-CA', title: 'Notes' });
    expect(own.loaded.config.siteInfo?.languageChannels?.en).toEqual({ code: 'en-CA' });
  });

  it("Hugo, multilingual: the content language's own title, languageCode and params; HTML in a description is read as text", () => {
    const cwd = site({
      'hugo.toml':
        'baseURL = "https://hugo.example/"\ndefaultContentLanguage = "en"\n[params]\ndescription = "A <a href=\'/x\'>linked</a> &amp; bold site."\n[languages.en]\ntitle = "Hugo Notes"\nlanguageCode = "en-us"\n[languages.en.params]\nauthor = "Grace Hopper"\n',
      'content/posts/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'content/posts' });
    expect(loaded.config).toMatchObject({ title: 'Hugo Notes', description: 'A linked & bold site.', language: 'en-us', author: { name: 'Grace Hopper' } });
  });

  it('Eleventy: _data/metadata.json', () => {
    const cwd = site({
      'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': '^3.0.0' } }),
      '_data/metadata.json': JSON.stringify({ title: 'Eleventy Blog', url: 'https://eleventy.example/', language: 'fr', author: { name: 'Jo', email: 'jo@eleventy.example' } }),
      'blog/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'blog' });
    expect(loaded.config).toMatchObject({ title: 'Eleventy Blog', link: 'https://eleventy.example/', language: 'fr', author: { name: 'Jo', email: 'jo@eleventy.example' } });
    expect(loaded.fromSite?.from).toBe('_data/metadata.json');
  });

  it('Eleventy: _data/site.json with its URL under another common name (baseUrl)', () => {
    const cwd = site({
      'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': '^3.0.0' } }),
      '_data/site.json': JSON.stringify({ title: 'Site Blog', baseUrl: 'https://site.example/' }),
      'blog/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'blog' });
    expect(loaded.config).toMatchObject({ title: 'Site Blog', link: 'https://site.example/' });
  });

  it('Eleventy: _data/metadata.js (the base blog since v9) read as text, the author object included; a value computed in code is not taken', () => {
    const cwd = site({
      'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': '^3.0.0' } }),
      '_data/metadata.js':
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is JS source whose template literal must be skipped, not a template here
        'export default {\n\ttitle: "Code Blog",\n\turl: "https://code.example/",\n\tlanguage: "en",\n\tdescription: `Notes ${new Date().getFullYear()}`,\n\tauthor: {\n\t\tname: "Bill Example", // the author\n\t\temail: "bill@code.example",\n\t\turl: "https://code.example/about/"\n\t}\n}\n',
      'blog/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'blog' });
    expect(loaded.config).toMatchObject({ title: 'Code Blog', link: 'https://code.example/', language: 'en', author: { name: 'Bill Example', email: 'bill@code.example', url: 'https://code.example/about/' } });
    expect(loaded.config.description ?? '').toBe('');
    expect(loaded.fromSite?.from).toBe('_data/metadata.js');
  });

  it('Eleventy: a _data/metadata.js exporting a data function is read in the object it returns (its computed values left out)', () => {
    const cwd = site({
      'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': '^2.0.0' } }),
      '_data/metadata.js':
        'const helper = require("../helpers").image;\n\nmodule.exports = async function () {\n  site = process.env.URL;\n  let image = await helper("raw/me.png", { title: "Not the site" });\n  return {\n    title: "Typing Person",\n    url: "https://typing.example/",\n    baseurl: site,\n    description: "One person is typing.",\n    author: {\n      name: "Pat Typist",\n      site: "https://typing.example",\n    },\n  };\n};\n',
      'posts/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'posts' });
    expect(loaded.config).toMatchObject({ title: 'Typing Person', link: 'https://typing.example/', description: 'One person is typing.', author: { name: 'Pat Typist' } });
    expect(loaded.fromSite?.from).toBe('_data/metadata.js');
  });

  it("Eleventy Excellent's _data/meta.js: siteName, siteDescription, lang, authorName and authorEmail; a development server's address as the URL's default is no site URL", () => {
    const meta = "module.exports = {\n\tsiteURL: process.env.URL || 'http://localhost:8080',\n\tsiteName: \"Mike's Objects\",\n\tsiteDescription: 'Tech notes.',\n\tlang: 'en',\n\tauthorName: 'Mike Writer',\n\tauthorEmail: 'mike@objects.example',\n\tmetaPages: [{ url: 'https://code.example/mike', title: 'Code' }],\n};\n";
    const cwd = site({ 'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': '^3.0.0' } }), '_data/meta.js': meta, 'posts/first.md': POST });
    const { loaded } = resolvePaths({ cwd, articles: 'posts' });
    expect(loaded.config).toMatchObject({ title: "Mike's Objects", description: 'Tech notes.', language: 'en', author: { name: 'Mike Writer', email: 'mike@objects.example' } });
    expect(loaded.fromSite?.values).not.toHaveProperty('link');
  });

  it("Eleventy: item links resolve root-relative page URLs against the site URL's origin (a path in it is not a prefix; pathPrefix is), and a commented-out option is not read", async () => {
    const files = (config: string) => ({
      'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': '^3.0.0' } }),
      'eleventy.config.js': config,
      '_data/metadata.js': 'module.exports = { title: "Sub Blog", url: "https://sub.example/blog" };\n',
      'blog/2024/first.md': POST,
    });
    const link = async (config: string) => {
      const cwd = site(files(config));
      const r = await run(['build', '--articles', 'blog', '--no-color'], { cwd });
      expect(r.code).toBe(0);
      const feed = JSON.parse(readFileSync(path.join(cwd, 'dist', 'feed.json'), 'utf8')) as { home_page_url: string; items: { url: string }[] };
      return [feed.home_page_url, feed.items[0]?.url];
    };
    expect(await link('export default function () {}\n// pathPrefix: "/docs/",\n')).toEqual(['https://sub.example/blog/', 'https://sub.example/blog/2024/first/']);
    expect(await link('export const config = { pathPrefix: "/docs/" };\n')).toEqual(['https://sub.example/blog/', 'https://sub.example/docs/blog/2024/first/']);
  });

  it('Eleventy: dir.input is read past a regular expression with quotes in it (not taken for a string)', () => {
    const cwd = site({
      'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': '^3.0.0' } }),
      '.eleventy.js':
        'const esc = (v) => String(v).replace(/[&<>"\']/g, (c) => c);\nconst half = 4 / 2;\nmodule.exports = function (cfg) {\n  return { dir: { input: "src", output: "dist" } };\n};\n',
      'src/_data/site.json': JSON.stringify({ title: 'Src Blog', baseUrl: 'https://src.example/' }),
      'src/blog/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'src/blog' });
    expect(loaded.config).toMatchObject({ title: 'Src Blog', link: 'https://src.example/' });
    expect(loaded.fromSite?.from).toBe('src/_data/site.json');
  });

  it("Zola: config.toml, the author from [extra] when the top level names none (as themes keep it)", () => {
    const cwd = site({ 'config.toml': 'base_url = "https://zola.example"\ntitle = "Zola Notes"\n[extra]\nauthor = "kiyo"\n', 'content/first.md': POST });
    const { loaded } = resolvePaths({ cwd, articles: 'content' });
    expect(loaded.config).toMatchObject({ title: 'Zola Notes', link: 'https://zola.example/', author: { name: 'kiyo' } });
  });

  it("Astro: the site's url from astro.config.mjs, its name from the blog template's src/consts.ts (read, never run)", () => {
    const cwd = site({
      'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
      'astro.config.mjs': "export default defineConfig({ site: 'https://astro.example' });\n",
      'src/consts.ts': "export const SITE_TITLE = \"Ann's Notes\";\nexport const SITE_DESCRIPTION =\n  'Notes on tools.';\n",
      'src/content/blog/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'src/content/blog' });
    expect(loaded.config).toMatchObject({ title: "Ann's Notes", description: 'Notes on tools.', link: 'https://astro.example/' });
    expect(loaded.fromSite?.from).toBe('astro.config.mjs and src/consts.ts');
  });

  it("Astro without src/consts.ts: the title, description and <language> of the feed endpoint's own rss({…}) call, not an item's title", () => {
    const cwd = site({
      'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
      'astro.config.mjs': "export default defineConfig({ site: 'https://astro.example' });\n",
      'src/pages/rss.xml.ts':
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is JS source whose template literal must be skipped, not a template here
        "import rss from '@astrojs/rss';\nexport const GET = async (context) => {\n  const posts = await getPosts();\n  return rss({\n    title: \"Andy's Blog\",\n    description: 'Articles & experiments',\n    site: context.site,\n    items: posts.map((post) => ({ title: 'Item title', link: `/blog/${post.id}/` })),\n    customData: `<language>en-gb</language>`,\n  });\n};\n",
      'src/content/blog/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'src/content/blog' });
    expect(loaded.config).toMatchObject({ title: "Andy's Blog", description: 'Articles & experiments', link: 'https://astro.example/', language: 'en-gb' });
    expect(loaded.fromSite?.from).toBe('astro.config.mjs and src/pages/rss.xml.ts');
  });


  it("Astro: an rss({…}) call whose title and description name the site's config (title: SITE.title), through an exported alias of a typed default import; that config object's language and author too", () => {
    const cwd = site({
      'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
      'astro.config.mjs': "export default defineConfig({ site: 'https://reimu.example' });\n",
      'src/pages/rss.xml.js':
        "import rss from '@astrojs/rss';\nimport { SITE } from '../utils/config';\nexport async function GET(context) {\n  return rss({\n    title: SITE.title,\n    description: SITE.description,\n    site: context.site,\n    items: [],\n  });\n}\n",
      'src/utils/config.ts':
        "export interface SiteConfig {\n  title: string;\n}\nimport config from '../config';\nconst typedConfig = config as {\n  site: SiteConfig;\n};\nexport const SITE = typedConfig.site;\n",
      'src/config.ts': "export default {\n  site: {\n    title: 'Shrine Notes',\n    description: \"Reimu's blog\",\n    author: 'Reimu',\n    language: 'zh-CN',\n  },\n  sidebar: { title: 'Not the site' },\n};\n",
      'src/content/blog/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'src/content/blog' });
    expect(loaded.config).toMatchObject({ title: 'Shrine Notes', description: "Reimu's blog", link: 'https://reimu.example/', language: 'zh-CN', author: { name: 'Reimu' } });
    expect(loaded.fromSite?.from).toBe(`astro.config.mjs and ${path.join('src', 'pages', 'rss.xml.js')} and ${path.join('src', 'config.ts')}`);
  });
  it("Next.js: the blog's data/siteMetadata.js (the Tailwind starter's and Pliny's shape), read as text", () => {
    const cwd = site({
      'package.json': JSON.stringify({ dependencies: { next: '^15.0.0' } }),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is JS source whose template literal must be skipped, not a template here
      'data/siteMetadata.js': "const siteMetadata = {\n  title: 'Kim Writes',\n  author: 'Kim Lee',\n  description: 'Notes.',\n  language: 'en-us',\n  siteUrl: 'https://kim.example',\n  siteLogo: `${process.env.BASE_PATH || ''}/logo.png`,\n}\nmodule.exports = siteMetadata\n",
      'data/blog/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'data/blog' });
    expect(loaded.config).toMatchObject({ title: 'Kim Writes', description: 'Notes.', link: 'https://kim.example/', language: 'en-us', author: { name: 'Kim Lee' } });
    expect(loaded.fromSite?.from).toBe(path.join('data', 'siteMetadata.js'));
  });

  it("Next.js with next-seo: the site's name and its Open Graph locale as a language tag; an image's url is not the site's link", () => {
    const cwd = site({
      'package.json': JSON.stringify({ dependencies: { next: '^15.0.0' } }),
      'next-seo.config.js': "const SEO = {\n  openGraph: {\n    type: 'website',\n    locale: 'en_AU',\n    site_name: 'Learning Things',\n    images: [{ url: 'https://cdn.example/shot.png', alt: 'Shot' }],\n  },\n}\nexport default SEO\n",
      'posts/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'posts' });
    expect(loaded.fromSite).toEqual({ from: 'next-seo.config.js', values: { title: 'Learning Things', language: 'en-AU' } });
  });

  it("Next.js App Router: the root layout's metadata (metadataBase, title.default, description, authors) and <html lang>, read as text", () => {
    const cwd = site({
      'package.json': JSON.stringify({ dependencies: { next: '^15.0.0' } }),
      'src/app/layout.tsx':
        "export const metadata: Metadata = {\n  metadataBase: new URL('https://yusuf.example'), // so '/' means the site\n  title: {\n    template: '%s | Yusuf',\n    default: 'A Thingy by Yusuf',\n  },\n  description: 'Tech, life and movies',\n  openGraph: { title: 'Share me', description: 'Not this' },\n  authors: [{ name: 'Yusuf B.' }],\n};\nexport default function RootLayout({ children }) {\n  return <html lang=\"fr-CA\"><body>{children}</body></html>;\n}\n",
      'content/posts/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'content/posts' });
    expect(loaded.fromSite).toEqual({
      from: path.join('src', 'app', 'layout.tsx'),
      values: { title: 'A Thingy by Yusuf', description: 'Tech, life and movies', link: 'https://yusuf.example/', language: 'fr-CA', author: 'Yusuf B.' },
    });
  });

  it('Next.js App Router: a metadata value taken from a constant the layout imports (@/config/site) is read there; code it cannot read is left out', () => {
    const cwd = site({
      'package.json': JSON.stringify({ dependencies: { next: '^15.0.0' } }),
      'config/site.ts': "export const siteConfig = {\n  title: 'Kim - Blog',\n  url: 'https://kim.example',\n  nav: [{ title: 'Home', url: '/' }],\n};\n",
      'app/layout.tsx':
        "import { siteConfig } from '@/config/site';\nexport const metadata = {\n  metadataBase: new URL(siteConfig.url),\n  title: siteConfig.title,\n  description: process.env.DESCRIPTION,\n};\n",
      'posts/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'posts' });
    expect(loaded.fromSite).toEqual({ from: `${path.join('app', 'layout.tsx')} and ${path.join('config', 'site.ts')}`, values: { title: 'Kim - Blog', link: 'https://kim.example/' } });
  });

  it('Next.js App Router: a constant an environment variable overrides (`process.env.SITE_URL ?? "https://…"`) is its production value; a localhost fallback is none', () => {
    const layout = (fallback: string) =>
      `const siteUrl = process.env.NEXT_PUBLIC_SITE_URL ?? "${fallback}";\nexport const metadata = {\n  metadataBase: new URL(siteUrl),\n  title: 'Sam Example',\n};\n`;
    const at = (fallback: string) => resolvePaths({ cwd: site({ 'package.json': JSON.stringify({ dependencies: { next: '^15.0.0' } }), 'app/layout.tsx': layout(fallback), 'content/blog/first.md': POST }), articles: 'content/blog' }).loaded.fromSite?.values;
    expect(at('https://sam.example')).toEqual({ title: 'Sam Example', link: 'https://sam.example/' });
    expect(at('http://localhost:3000')).toEqual({ title: 'Sam Example' });
  });

  it("Next.js App Router: a layout's title and Open Graph url taken from constants another module exports (import { SITE_TITLE } from '@/consts'); no metadataBase", () => {
    const cwd = path.resolve(import.meta.dirname, '../fixtures/sites/nextjs-loader');
    const { loaded } = resolvePaths({ cwd, articles: 'src/contents/blog' });
    expect(loaded.fromSite).toEqual({ from: `${path.join('src', 'app', 'layout.tsx')} and ${path.join('src', 'consts.ts')}`, values: { title: 'Loader Blog', link: 'https://loader.example/', language: 'ja' } });
  });

  it("Astro: without a language in its config, the language its layout writes as a literal <html lang> (an expression names none), else the one most of its pages write", () => {
    const files = (layout: string) => ({
      'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
      'astro.config.mjs': "export default defineConfig({ site: 'https://han.example' });\n",
      'src/layouts/Base.astro': layout,
      'src/content/posts/first.md': POST,
    });
    const literal = resolvePaths({ cwd: site(files('---\nconst { title } = Astro.props;\n---\n<html lang="zh-cmn-Hans">\n<slot />\n</html>\n')), articles: 'src/content/posts' });
    expect(literal.loaded.config).toMatchObject({ link: 'https://han.example/', language: 'zh-cmn-Hans' });
    const computed = resolvePaths({ cwd: site(files('<html lang={lang}>\n<slot />\n</html>\n')), articles: 'src/content/posts' });
    expect(computed.loaded.fromSite?.values.language).toBeUndefined();
    // No layout writes one: the language most of its pages write.
    const pages = site({
      ...files('<slot />\n'),
      'src/pages/about.astro': '<html lang="ko"><body>About</body></html>\n',
      'src/pages/[slug]/index.astro': '---\n---\n<html lang="ko"><body><slot /></body></html>\n',
      'src/pages/en/index.astro': '<html lang="en"><body>Hello</body></html>\n',
    });
    expect(resolvePaths({ cwd: pages, articles: 'src/content/posts' }).loaded.config.language).toBe('ko');
  });

  it("Jekyll without a _config.yml (GitHub Pages' defaults): found by its Gemfile or by _posts/ with _layouts/; the site's URL from its feed template, else from its CNAME", () => {
    const gemfile = site({ Gemfile: "source 'https://rubygems.org'\ngem 'github-pages', group: :jekyll_plugins\n", CNAME: 'blog.pages.example\n', '_posts/2024-03-05-first.md': POST });
    const byGem = resolvePaths({ cwd: gemfile, articles: '_posts' });
    expect(byGem.loaded.config.siteInfo?.preset).toBe('jekyll');
    expect(byGem.loaded.fromSite).toEqual({ from: 'CNAME', values: { link: 'https://blog.pages.example/' } });
    const folders = site({
      '_layouts/post.html': '<article>{{ content }}</article>\n',
      'atom.xml': '---\n---\n<feed xmlns="http://www.w3.org/2005/Atom">\n <title>Ada Writes</title>\n <link href="http://ada.example/"/>\n <author><name>Ada L.</name></author>\n {% for post in site.posts %}<entry></entry>{% endfor %}\n</feed>\n',
      CNAME: 'not this.example',
      '_posts/2024-03-05-first.md': POST,
    });
    const byFolders = resolvePaths({ cwd: folders, articles: '_posts' });
    expect(byFolders.loaded.config).toMatchObject({ title: 'Ada Writes', link: 'http://ada.example/', author: { name: 'Ada L.' } });
    expect(byFolders.loaded.config.siteInfo?.preset).toBe('jekyll');
    // Only _posts/: no generator named, so no preset.
    expect(resolvePaths({ cwd: site({ '_posts/2024-03-05-first.md': POST }), articles: '_posts' }).loaded.config.siteInfo).toBeUndefined();
  });

  it("Next.js App Router: a template literal of constants (CMS_NAME placed in a title, as Vercel's blog starter writes it) is read when every placeholder is; one it cannot read leaves the value out", () => {
    const files = (title: string) => ({
      'package.json': JSON.stringify({ dependencies: { next: '^15.0.0' } }),
      'lib/constants.ts': "export const CMS_NAME = 'Markdown';\nexport const SITE_URL = 'https://starter.example';\n",
      'app/layout.tsx': `import { CMS_NAME, SITE_URL } from '@/lib/constants';\nexport const metadata = {\n  metadataBase: new URL(SITE_URL),\n  title: ${title},\n};\n`,
      '_posts/first.md': POST,
    });
    const read = resolvePaths({ cwd: site(files('`Next.js Blog Example with \u0024{CMS_NAME}`')), articles: '_posts' });
    expect(read.loaded.fromSite?.values).toEqual({ title: 'Next.js Blog Example with Markdown', link: 'https://starter.example/' });
    // The home page's own label is not the site's name.
    const home = resolvePaths({ cwd: site(files('`Home - \u0024{CMS_NAME}`')), articles: '_posts' });
    expect(home.loaded.fromSite?.values.title).toBe('Markdown');
    const unread = resolvePaths({ cwd: site(files('`\u0024{process.env.NAME} Blog`')), articles: '_posts' });
    expect(unread.loaded.fromSite?.values).toEqual({ link: 'https://starter.example/' });
  });

  it("Astro: `site: SITE.website` is read from the object the config imports (AstroPaper's src/config.ts), and that object's title, desc, lang, author and timezone name the site", () => {
    const cwd = path.resolve(import.meta.dirname, '../fixtures/sites/astro-paper');
    const { loaded } = resolvePaths({ cwd, articles: 'src/data/blog' });
    expect(loaded.fromSite).toEqual({
      from: `astro.config.ts and ${path.join('src', 'config.ts')}`,
      values: { link: 'https://paper.example/', title: 'PaperSite', description: 'A minimal, readable blog.', language: 'en', author: 'Sam Writer' },
    });
    expect(loaded.config.siteInfo?.timezone).toBe('Asia/Bangkok');
  });

  it('Astro: a site value through a default import, a nested object and a spread (config.site.url -> { ...userConfig.site } -> export default defineX({ site: { url } }))', () => {
    const cwd = site({
      'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
      'astro.config.ts': "import config from './src/config';\nexport default defineConfig({\n  site: config.site.url,\n});\n",
      'src/config.ts': "import userConfig from '@/site.config';\nconst config = {\n  site: { ...userConfig.site, dir: userConfig.site.dir ?? 'ltr' },\n};\nexport default config;\n",
      'site.config.ts': "export default defineSiteConfig({\n  site: { url: 'https://deep.example/', title: 'Deep Blog', lang: 'zh-cn' },\n});\n",
      'src/content/posts/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'src/content/posts' });
    expect(loaded.config).toMatchObject({ link: 'https://deep.example/', title: 'Deep Blog', language: 'zh-cn' });
  });

  it('Astro: a site value through local names (const { url: siteUrl } = themeConfig.site; const SITE_URL = siteUrl), not through a call', () => {
    const files = (config: string) =>
      site({
        'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }),
        'astro.config.ts': `import { defineConfig } from 'astro/config'\nimport { base, themeConfig } from './src/config'\n\nconst { url: siteUrl, title } = themeConfig.site\n${config}`,
        'src/config.ts': "export const themeConfig: ThemeConfig = {\n  site: {\n    title: 'Retyped',\n    description: 'Notes',\n    author: 'shinya',\n    url: 'https://retyped.example',\n  },\n}\n",
        'src/content/posts/first.md': POST,
      });
    const destructured = resolvePaths({ cwd: files("export default defineConfig({\n  site: siteUrl,\n  base: '/',\n})\n"), articles: 'src/content/posts' });
    expect(destructured.loaded.fromSite?.values).toEqual({ link: 'https://retyped.example/', title: 'Retyped', description: 'Notes', author: 'shinya' });
    const aliased = resolvePaths({ cwd: files('const SITE_URL = siteUrl;\nexport default defineConfig({ site: SITE_URL })\n'), articles: 'src/content/posts' });
    expect(aliased.loaded.config.link).toBe('https://retyped.example/');
    const called = resolvePaths({ cwd: files('export default defineConfig({ site: siteUrl.trim() })\n'), articles: 'src/content/posts' });
    expect(called.loaded.fromSite).toBeUndefined();
  });

  it("Next.js: the site's own feed code (new RSS({ site_url: site.url }) with the site object imported from global.ts), next-seo filling in the language", () => {
    const cwd = site({
      'package.json': JSON.stringify({ dependencies: { next: '^14.0.0' } }),
      'global.ts': "export const site = {\n  url: 'https://jam.example',\n  title: 'Learning Jam',\n  description: 'Notes on the Jamstack.',\n  github: 'https://github.example/jam',\n}\n",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is JS source whose template literal is not read, not a template here
      'lib/generate.ts': "import RSS from 'rss'\nimport { site } from '../global'\nexport function generateRSS(posts) {\n  const feed = new RSS({\n    title: site.title,\n    description: site.description,\n    site_url: site.url,\n    feed_url: `${site.url}/feed.xml`,\n  })\n}\n",
      'next-seo.config.js': "const SEO = { openGraph: { locale: 'en_AU', site_name: 'Jam (SEO)' } }\nexport default SEO\n",
      'posts/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'posts' });
    expect(loaded.fromSite).toEqual({
      from: `${path.join('lib', 'generate.ts')} and global.ts and next-seo.config.js`,
      values: { title: 'Learning Jam', description: 'Notes on the Jamstack.', link: 'https://jam.example/', language: 'en-AU' },
    });
  });

  it("Next.js: the feed package's new Feed({…}) with literal options and an author", () => {
    const cwd = site({
      'package.json': JSON.stringify({ dependencies: { next: '^14.0.0' } }),
      'src/lib/rss.js': "import { Feed } from 'feed'\nconst feed = new Feed({ title: 'Ada Writes', id: 'https://ada.example/', link: 'https://ada.example/', language: 'en', author: { name: 'Ada L.', link: 'https://ada.example/about' } })\n",
      'posts/first.md': POST,
    });
    const { loaded } = resolvePaths({ cwd, articles: 'posts' });
    expect(loaded.config).toMatchObject({ title: 'Ada Writes', link: 'https://ada.example/', language: 'en', author: { name: 'Ada L.' } });
  });

  it('the CLI: no "Untitled feed at example.com" warning, a note naming the file instead, and ids of the site host', async () => {
    const cwd = site(JEKYLL);
    const r = await run(['build', '--articles', '_posts', '--no-color'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('CONFIG_DEFAULTS');
    expect(r.stderr).toMatch(/_config\.yml note CONFIG_FROM_SITE title "Tool News", description "Releases of the tool\.", link https:\/\/tool\.example\/blog\/, language "de", author "Ada Lovelace" taken from _config\.yml/);
    const feed = JSON.parse(readFileSync(path.join(cwd, 'dist', 'feed.json'), 'utf8')) as { title: string; home_page_url: string; items: { id: string; url: string }[] };
    expect(feed.title).toBe('Tool News');
    expect(feed.home_page_url).toBe('https://tool.example/blog/');
    expect(feed.items[0]?.id).toMatch(/^tag:tool\.example,2024-03-05:/);
  });

  it('a site whose config names no title or url still warns about the defaults', async () => {
    const cwd = site({ '_config.yml': 'lang: de\n', '_posts/2024-03-05-first.md': POST });
    const r = await run(['build', '--articles', '_posts', '--no-color'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning CONFIG_DEFAULTS');
  });
});
