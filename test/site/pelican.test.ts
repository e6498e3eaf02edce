import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteSetup } from '../../src/cli/init.js';
import { createRequire } from 'node:module';
import { pelicanSlugify, pythonPairs, pythonSettings, slugSubstitutions } from '../../src/site/pelican.js';
import { readMetaHeader, splitFrontMatter } from '../../src/sources/front-matter.js';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';
import { loadAt, SITES } from '../helpers/site.js';

const SITE = path.join(SITES, 'pelican-blog');

describe('Markdown metadata as Pelican and MkDocs read it (Python-Markdown meta: `Key: value` lines, then a blank line)', () => {
  it('keys in lower case, tags and authors split at commas, an indented line continuing a value, the body after the blank line', () => {
    const r = readMetaHeader('Title: WMI\nDate: 2016-04-03 14:15:47\nTags: Windows, WMI,\n    CIM\nAuthors: Ann; Bo, Cy\n\n# WMI\n\nText.\n');
    expect(r?.data).toEqual({ title: 'WMI', date: '2016-04-03 14:15:47', tags: ['Windows', 'WMI', 'CIM'], authors: ['Ann; Bo', 'Cy'] });
    expect(r?.lines).toEqual({ title: 1, date: 2, tags: 3, authors: 5 });
    expect(r?.body).toBe('# WMI\n\nText.\n');
    expect(r?.bodyLine).toBe(7);
  });

  it("Hexo's front matter without its opening fence (`title: x` lines, then `---`) is still Hexo's", () => {
    const r = splitFrontMatter('title: Hexo post\ndate: 2024-01-01\n---\nBody.\n', 'x.md', true, true);
    expect([r.data, r.body]).toEqual([{ title: 'Hexo post', date: '2024-01-01' }, 'Body.\n']);
  });

  it('`Status: draft` (or hidden) is a draft; published is not', () => {
    expect(readMetaHeader('Title: A\nStatus: draft\n\nx')?.data).toEqual({ title: 'A', draft: true });
    expect(readMetaHeader('Title: A\nStatus: hidden\n\nx')?.data).toEqual({ title: 'A', draft: true });
    expect(readMetaHeader('Title: A\nStatus: published\n\nx')?.data).toEqual({ title: 'A' });
  });

  it('text that merely opens with a `Word: text` line, with no title among its keys, is no metadata', () => {
    expect(readMetaHeader('Note: this post is old.\n\nBody.\n')).toBeUndefined();
    expect(readMetaHeader('# Title: x\n\nBody.\n')).toBeUndefined();
    expect(readMetaHeader('---\ntitle: x\n---\nBody.\n')).toBeUndefined();
  });
});

describe('Pelican: settings read as Python literals, never run', () => {
  it('strings with u/r prefixes, booleans, lists and tuples; code is not a value; the last assignment wins', () => {
    const s = pythonSettings("SITEURL = 'http://a'\nSITEURL = u\"https://b.example\"  # prod\nFEED_DOMAIN = SITEURL\nUSE_FOLDER_AS_CATEGORY = False\nPAGE_PATHS = ['pages', \"extra\"]\nSTATIC_PATHS = ('images',)\nFILENAME_METADATA = r'(?P<slug>\\w+)'\n  INDENTED = 'x'\n");
    expect(Object.fromEntries(s)).toEqual({ SITEURL: 'https://b.example', USE_FOLDER_AS_CATEGORY: false, PAGE_PATHS: ['pages', 'extra'], STATIC_PATHS: ['images'], FILENAME_METADATA: '(?P<slug>\\w+)' });
  });

  it('an ASCII title does not load the transliteration module and tables; any other does (the loaded module is shared, so this test comes first)', () => {
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes(`${path.sep}unidecode${path.sep}`)).length;
    expect(pelicanSlugify('Plain ASCII title')).toBe('plain-ascii-title');
    expect(loaded()).toBe(0);
    expect(pelicanSlugify('Привет')).toBe('privet');
    expect(loaded()).toBeGreaterThan(0);
  });

  it('slugify as Pelican does by default: accents dropped, punctuation removed, spaces and hyphens one "-", lower case', () => {
    expect(pelicanSlugify('Windows Tools')).toBe('windows-tools');
    expect(pelicanSlugify("Ann's  Café -- Notes!")).toBe('anns-cafe-notes');
  });

  it("non-Latin titles transliterated as Python's unidecode 1.3.6 does, after NFKC (each expected slug is Pelican's slugify run in Python)", () => {
    expect(pelicanSlugify('[转]糗事百科精选6')).toBe('zhuan-qiu-shi-bai-ke-jing-xuan-6');
    expect(pelicanSlugify('#1 Rustのイテレーター系メソッド雑まとめ')).toBe('1-rustnoiteretaxi-mesotsudoza-matome');
    expect(pelicanSlugify('Привет, мир!')).toBe('privet-mir');
    expect(pelicanSlugify('Straße & Ærø')).toBe('strasse-aero');
    expect(pelicanSlugify('Ελληνικά νέα')).toBe('ellenika-nea');
    expect(pelicanSlugify('한국어 제목')).toBe('hangugeo-jemog');
    expect(pelicanSlugify('ＦＵＬＬ\u3000ｗｉｄｔｈ①')).toBe('full-width1');
  });

  it('SLUG_REGEX_SUBSTITUTIONS read from a multi-line list of tuples and applied in order, ignoring case; SLUGIFY_PRESERVE_CASE and SLUGIFY_USE_UNICODE', () => {
    const conf = "SLUG_REGEX_SUBSTITUTIONS = [\n    (r'C\\+\\+', 'cpp'),  # first\n    (r'[^\\w\\s-]', ''),\n    (r'(?u)\\A\\s*', ''),\n    (r'(?u)\\s*\\Z', ''),\n    (r'[-\\s]+', '_'),\n]\n";
    const pairs = pythonPairs(conf, 'SLUG_REGEX_SUBSTITUTIONS');
    expect(pairs?.[0]).toEqual(['C\\+\\+', 'cpp']);
    const substitutions = slugSubstitutions(pairs ?? [], false) ?? [];
    expect(pelicanSlugify('Über c++ und mehr', { substitutions, useUnicode: false, preserveCase: false })).toBe('uber_cpp_und_mehr');
    expect(pelicanSlugify('C++ Tips', { substitutions, useUnicode: false, preserveCase: true })).toBe('cpp_Tips');
    const unicode = slugSubstitutions([['[^\\w\\s-]', ''], ['[-\\s]+', '-']], true) ?? [];
    expect(pelicanSlugify('Café 中文 Notes', { substitutions: unicode, useUnicode: true, preserveCase: false })).toBe('café-中文-notes');
    expect(pythonPairs("SLUG_REGEX_SUBSTITUTIONS = MY_SUBS + [('a', 'b')]\n", 'SLUG_REGEX_SUBSTITUTIONS')).toBeUndefined();
  });
});

describe('Pelican: a site built (test/fixtures/sites/pelican-blog)', () => {
  it('links are SITEURL (publishconf.py) + ARTICLE_URL: {category} the folder or the Category metadata slugified, {slug} the file name by FILENAME_METADATA or the Slug metadata; pages and drafts left out', async () => {
    // (The zone init writes from TIMEZONE.)
    const r = await loadAt(SITE, 'content', { timezone: 'Asia/Shanghai' });
    expect([r.site?.preset, r.site?.detectedFrom, r.site?.baseUrl, r.site?.timezone]).toEqual(['pelican', 'pelicanconf.py', 'https://notes.example.org/', 'Asia/Shanghai']);
    expect(r.links).toEqual({
      'Linux/Builtins.md': 'https://notes.example.org/linux/Builtins.html',
      'Windows/Builtins.md': 'https://notes.example.org/windows-tools/Builtins.html',
      'Note.md': 'https://notes.example.org/misc/a-note.html',
    });
    expect(r.byPath.get('Linux/Builtins.md')?.published.value.toISOString()).toBe('2019-03-31T13:51:25.000Z');
    expect(r.byPath.get('Windows/Builtins.md')?.tags.value).toEqual(['Windows', 'PowerShell', 'Windows Tools']);
    expect(r.byPath.get('Windows/Builtins.md')?.authors.value.map((a) => a.name)).toEqual(['Bo Writer', 'Cy Writer']);
    const notes = r.diagnostics.map((d) => [d.code, d.file]);
    expect(notes).toContainEqual(['META_DRAFT', 'content/Linux/Unfinished.md']);
    expect(notes).toContainEqual(['META_NOT_A_POST', 'content/pages/about.md']);
    expect(notes.filter(([code]) => code === 'FM_UNKNOWN_KEY' || code === 'META_TITLE_MISSING')).toEqual([]);
  });

  it('init: the posts are in PATH, and the feed takes SITENAME, SITESUBTITLE, the published SITEURL, AUTHOR, DEFAULT_LANG and TIMEZONE', () => {
    const s = siteSetup(SITE);
    expect([s?.generator, s?.marker, s?.articles]).toEqual(['Pelican', 'pelicanconf.py', 'content']);
    expect(s?.own).toMatchObject({ title: "Ann's Notes", description: 'Systems & tools', link: 'https://notes.example.org/', language: 'en', timezone: 'Asia/Shanghai' });
    expect(JSON.stringify(s?.own.author)).toContain('Ann Example');
  });

  it("init: without PATH, the posts are in the folder pelican-quickstart's Makefile passes (INPUTDIR=$(BASEDIR)/content), not the site's root, where the feeds' own folder would be among them", async () => {
    const dir = makeTree(
      {
        'pelicanconf.py': "SITENAME = 'Notes'\nSITEURL = 'https://notes.example'\nARTICLE_URL = '{category}/{slug}.html'\nFILENAME_METADATA = '(?P<slug>.*)'\n",
        Makefile: 'PELICAN?=pelican\nBASEDIR=$(CURDIR)\nINPUTDIR=$(BASEDIR)/content\nOUTPUTDIR=$(BASEDIR)/output\n\nhtml:\n\t$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR)\n',
        'README.md': '# Notes\n\nThe sources of the blog.\n',
        'content/life/moving.md': 'Title: Moving\nDate: 2015-11-04\n\nText of the post.\n',
      },
      'feedwright-pelican-makefile-',
    );
    expect(siteSetup(dir)?.articles).toBe('content');
    await run(['init'], { cwd: dir });
    const b = await run(['build'], { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout + b.stderr).toContain('https://notes.example/life/moving.html');
  });

  it('init: without PATH or a Makefile (settings read by code from elsewhere), the posts are in content/, which Pelican\'s docs build (`pelican content`), not the root', async () => {
    // Anonymised from a Pelican site whose pelicanconf.py loads its settings from YAML files and whose scripts run `pelican content`.
    const dir = makeTree(
      {
        'pelicanconf.py': "from settings_loader import load\nglobals().update(load('config/'))\n",
        'config/paths.yaml': 'ARTICLE_URL: "{slug}.html"\n',
        'README.md': '# Notes\n\nThe sources of the blog.\n',
        'content/life/moving.md': 'Title: Moving\nDate: 2015-11-04\n\nText of the post.\n',
      },
      'feedwright-pelican-content-',
    );
    expect(siteSetup(dir)?.articles).toBe('content');
    await run(['init'], { cwd: dir });
    const b = await run(['build'], { cwd: dir });
    expect(b.stderr).not.toContain('OUTPUT_OVERLAPS_ARTICLES');
    expect(b.stdout + b.stderr).toContain('/moving.html');
  });

  it('a non-Latin title slugified with unidecode and the site\'s SLUG_REGEX_SUBSTITUTIONS; a category too', async () => {
    const dir = makeTree(
      {
        'pelicanconf.py': "SITENAME = 'Notes'\nSITEURL = 'https://notes.example'\nPATH = 'content'\nARTICLE_URL = 'posts/{category}/{slug}/'\nSLUG_REGEX_SUBSTITUTIONS = [\n    (r'[^\\w\\s-]', ''),\n    (r'(?u)\\A\\s*', ''),\n    (r'(?u)\\s*\\Z', ''),\n    (r'[-\\s]+', '_'),\n]\n",
        'content/技术/one.md': 'Title: [转]糗事百科精选6\nDate: 2015-11-04\n\nText of the post.\n',
        'content/misc/two.md': 'Title: Привет, мир\nDate: 2015-11-05\nCategory: Новости\n\nText of the post.\n',
      },
      'feedwright-pelican-unidecode-',
    );
    const r = await loadAt(dir, 'content');
    expect(r.links).toEqual({
      '技术/one.md': 'https://notes.example/posts/ji_zhu/zhuan_qiu_shi_bai_ke_jing_xuan_6/',
      'misc/two.md': 'https://notes.example/posts/novosti/privet_mir/',
    });
  });

  it('init on a Pelican site whose posts are all reStructuredText says that feedwright does not read .rst, not only that there is no Markdown', async () => {
    // (A theme's Jinja templates are HTML files, but no saved pages to read instead.)
    const templates = Object.fromEntries(['base', 'article', 'index', 'tags'].map((n) => [`themes/bootstrap3/templates/${n}.html`, `<html><head><title>{{ SITENAME }}</title></head><body>{% block content %}{% endblock %}</body></html>\n`]));
    const dir = makeTree({ 'pelicanconf.py': "SITENAME = 'Notes'\nPATH = 'content'\n", 'content/2015_11_04_post.rst': 'A post\n######\n\n:date: 2015-11-04\n\nText.\n', ...templates }, 'feedwright-pelican-rst-');
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain("This is a Pelican site (pelicanconf.py), but none of the folders it keeps posts in (content/) holds Markdown (content/ holds 1 reStructuredText file, .rst, which feedwright does not read: only Markdown, text and HTML posts).");
  });
});
