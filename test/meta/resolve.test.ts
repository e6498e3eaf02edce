import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { resolveArticle, slugify, tagUri } from '../../src/meta/resolve.js';
import type { SourceDocument } from '../../src/model.js';
import { TEST_NOW, testConfig } from '../helpers/project.js';

function doc(frontMatter: Record<string, unknown>, extra: Partial<SourceDocument> = {}): SourceDocument {
  const lines: Record<string, number> = {};
  Object.keys(frontMatter).forEach((k, i) => {
    lines[k] = i + 2;
  });
  return {
    kind: 'markdown',
    relPath: 'posts/hello-world.md',
    displayPath: 'articles/posts/hello-world.md',
    frontMatter,
    frontMatterLines: lines,
    bodyHtml: '<p>First paragraph with a <a href="../about/">relative link</a>.</p><p>Second.</p>',
    bodyText: 'First paragraph with a relative link.\n\nSecond.',
    found: {},
    dropped: [],
    ...extra,
  };
}

const MTIME = Date.parse('2025-06-01T12:00:00Z');
const ctx = (overrides: Record<string, unknown> = {}, git = new Map<string, { first: Date; last: Date }>()) => ({ config: testConfig(overrides), git, now: TEST_NOW });

function ok(r: ReturnType<typeof resolveArticle>) {
  if (r.status !== 'ok') throw new Error(`expected ok, got ${r.status}: ${JSON.stringify(r.diagnostics)}`);
  return r.article;
}

describe('resolveArticle: front matter as other generators write it', () => {
  it('reads Astro, Hugo and Jekyll key names: pubDate, updatedDate, lastmod, excerpt, cover, heroImage', () => {
    const a = ok(resolveArticle(doc({ title: 'T', pubDate: 'Jul 08 2022', updatedDate: 'Jul 10 2022', excerpt: 'Short.', heroImage: '/hero.jpg' }), MTIME, ctx()));
    expect([a.published.value.toISOString(), a.updated.value.toISOString(), a.summary.value, a.image?.value]).toEqual(['2022-07-08T00:00:00.000Z', '2022-07-10T00:00:00.000Z', 'Short.', 'https://example.com/hero.jpg']);
    const h = ok(resolveArticle(doc({ title: 'T', date: '2024-03-05', lastmod: '2024-04-01', cover: 'c.png' }), MTIME, ctx()));
    expect([h.updated.value.toISOString().slice(0, 10), h.updated.from, h.image?.value]).toEqual(['2024-04-01', 'front-matter', 'https://example.com/c.png']);
  });

  it("reads the cover image keys of the Next.js blog starter (coverImage) and of Hugo's Ananke and LoveIt themes (featured_image, featuredImage)", () => {
    for (const key of ['coverImage', 'featured_image', 'featuredImage']) {
      const r = resolveArticle(doc({ title: 'T', date: '2024-03-05', [key]: '/img/cover.png' }), MTIME, ctx());
      expect([key, ok(r).image?.value]).toEqual([key, 'https://example.com/img/cover.png']);
      expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    }
  });

  it("reads an image map as Jekyll themes write it: Chirpy's { path, alt }, HPSTR's { feature } (a bare name is under /images/)", () => {
    const chirpy = resolveArticle(doc({ title: 'T', date: '2024-03-05', image: { path: '/assets/img/cover.png', alt: 'A cover' } }), MTIME, ctx());
    expect([ok(chirpy).image?.value, chirpy.diagnostics]).toEqual(['https://example.com/assets/img/cover.png', []]);
    const hpstr = resolveArticle(doc({ title: 'T', date: '2024-03-05', image: { feature: 'abstract-3.jpg', credit: 'someone' } }), MTIME, ctx());
    expect([ok(hpstr).image?.value, hpstr.diagnostics]).toEqual(['https://example.com/images/abstract-3.jpg', []]);
    const remote = ok(resolveArticle(doc({ title: 'T', date: '2024-03-05', image: { feature: 'https://cdn.example/x.jpg' } }), MTIME, ctx()));
    expect(remote.image?.value).toBe('https://cdn.example/x.jpg');
  });

  it("reads Quarto's date keywords (date: last-modified, today, now) as no date: git's first commit dates the post, date-modified: last-modified is git's last", () => {
    const git = new Map([['posts/hello-world.md', { first: new Date('2023-06-02T10:00:00Z'), last: new Date('2024-01-15T08:00:00Z') }]]);
    for (const date of ['last-modified', 'today', 'Now']) {
      const r = resolveArticle(doc({ title: 'T', date, 'date-modified': 'last-modified' }), MTIME, ctx({}, git));
      const a = ok(r);
      expect([date, a.published.value.toISOString(), a.published.from, a.updated.value.toISOString(), a.updated.from]).toEqual([date, '2023-06-02T10:00:00.000Z', 'git', '2024-01-15T08:00:00.000Z', 'git']);
      expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    }
    // Quarto's date-modified holding a date is the updated date.
    const dated = ok(resolveArticle(doc({ title: 'T', date: '2024-03-05', 'date-modified': '2024-04-01' }), MTIME, ctx()));
    expect([dated.updated.value.toISOString().slice(0, 10), dated.updated.from]).toEqual(['2024-04-01', 'front-matter']);
  });

  it('takes Jekyll "published: false" for a draft and ignores "published: true"', () => {
    expect(resolveArticle(doc({ title: 'T', date: '2024-03-05', published: false }), MTIME, ctx()).status).toBe('draft');
    const a = ok(resolveArticle(doc({ title: 'T', date: '2024-03-05', published: true }), MTIME, ctx()));
    expect(a.published.value.toISOString().slice(0, 10)).toBe('2024-03-05');
  });

  it('names a page bundle after its folder, and dates a Jekyll post by its file name (whose slug, and so id, keeps the date)', () => {
    const bundle = ok(resolveArticle(doc({ title: 'T', date: '2024-03-05' }, { relPath: 'posts/first-trip/index.md' }), MTIME, ctx()));
    expect(bundle.link.value).toBe('https://example.com/first-trip');
    const jekyll = ok(resolveArticle(doc({ title: 'Welcome home' }, { relPath: '_posts/2024-03-05-welcome-home.md' }), MTIME, ctx()));
    expect([jekyll.link.value, jekyll.published.value.toISOString(), jekyll.published.from]).toEqual(['https://example.com/2024-03-05-welcome-home', '2024-03-05T00:00:00.000Z', 'file-name']);
  });

  it('merges tags and categories', () => {
    const a = ok(resolveArticle(doc({ title: 'T', date: '2024-03-05', tags: ['japan', 'food'], categories: ['Travel', 'food'] }), MTIME, ctx()));
    expect(a.tags.value).toEqual(['japan', 'food', 'Travel']);
  });

  it('reads a Jekyll locale-style lang (zh_cn, pt_BR) as a BCP 47 tag and leaves garbage out with a warning', () => {
    expect(ok(resolveArticle(doc({ title: 'T', date: '2024-01-01', lang: 'zh_cn' }), MTIME, ctx())).lang?.value).toBe('zh-CN');
    expect(ok(resolveArticle(doc({ title: 'T', date: '2024-01-01', lang: 'zh_hant_tw' }), MTIME, ctx())).lang?.value).toBe('zh-Hant-TW');
    expect(ok(resolveArticle(doc({ title: 'T', date: '2024-01-01', lang: 'pt-BR' }), MTIME, ctx())).lang?.value).toBe('pt-BR');
    for (const bad of ['english please', 'zh__cn', '_cn', 'zh_']) {
      const r = resolveArticle(doc({ title: 'T', date: '2024-01-01', lang: bad }), MTIME, ctx());
      expect(ok(r).lang).toBeUndefined();
      expect(r.diagnostics.filter((d) => d.code === 'FM_VALUE_IGNORED').map((d) => [d.severity, d.line])).toEqual([['warning', 4]]);
    }
  });

  it('reads a Starlight-blog cover map and keeps the post, without the image, when the image cannot be used', () => {
    const img = (cover: unknown) => ok(resolveArticle(doc({ title: 'T', date: '2024-01-01', cover }), MTIME, ctx()));
    expect(img({ alt: 'A banner', image: '/banner.png' }).image?.value).toBe('https://example.com/banner.png');
    expect(img({ alt: 'A banner', light: 'https://cdn.example.com/l.png', dark: 'https://cdn.example.com/d.png' }).image?.value).toBe('https://cdn.example.com/l.png');
    for (const cover of [{ alt: 'A banner', light: '@/assets/blog/banner-light.png' }, { alt: 'only alt' }, 42, ['a.png']]) {
      const r = resolveArticle(doc({ title: 'T', date: '2024-01-01', cover }), MTIME, ctx());
      expect(ok(r).image).toBeUndefined();
      expect(r.diagnostics.filter((d) => d.code === 'FM_VALUE_IGNORED').map((d) => [d.severity, d.line])).toEqual([['warning', 4]]);
    }
  });
});

describe('resolveArticle', () => {
  it('makes author URLs absolute against the site link, and drops those that cannot be or would run script', () => {
    const people = [
      { name: 'Grace Liu', url: '/staff/grace-liu' },
      { name: 'Ann Lee', url: 'https://example.org/ann' },
      { name: 'Eve Hack', url: 'javascript:alert(1)' },
    ];
    const a = ok(resolveArticle(doc({ title: 'T', date: '2024-03-11' }, { found: { authors: { value: people, from: 'byline' } } }), MTIME, ctx({ link: 'https://site.example/blog/' })));
    expect(a.authors.value).toEqual([{ name: 'Grace Liu', url: 'https://site.example/staff/grace-liu' }, { name: 'Ann Lee', url: 'https://example.org/ann' }, { name: 'Eve Hack' }]);
    const fm = ok(resolveArticle(doc({ title: 'T', date: '2024-03-11', author: [{ name: 'Bo', url: 'about/bo' }, 'Cy <cy@example.org> (/cy)', { name: 'Di', url: 'javascript:alert(1)' }] }), MTIME, ctx({ link: 'https://site.example/blog/' })));
    expect(fm.authors.value).toEqual([{ name: 'Bo', url: 'https://site.example/blog/about/bo' }, { name: 'Cy', email: 'cy@example.org', url: 'https://site.example/cy' }, { name: 'Di' }]);
  });

  it('takes every field from front matter with its line as provenance', () => {
    const a = ok(resolveArticle(doc({ title: 'Hello', author: 'Jane Doe <jane@example.com>', date: '2024-03-11', tags: ['a', 'b'], summary: 'S.' }), MTIME, ctx()));
    expect(a.title).toEqual({ value: 'Hello', from: 'front-matter', line: 2 });
    expect(a.authors).toEqual({ value: [{ name: 'Jane Doe', email: 'jane@example.com' }], from: 'front-matter', line: 3 });
    expect(a.published.value.toISOString()).toBe('2024-03-11T00:00:00.000Z');
    expect(a.published.from).toBe('front-matter');
    expect(a.tags.value).toEqual(['a', 'b']);
    expect(a.summary).toEqual({ value: 'S.', from: 'front-matter', line: 6 });
  });

  it('prefers front matter over what the text says, and the text over git', () => {
    const found = { title: { value: 'Found title', from: 'title-line' as const, line: 9 }, published: { value: new Date('2021-03-11T00:00:00Z'), from: 'date-line' as const, line: 10 } };
    const git = new Map([['posts/hello-world.md', { first: new Date('2022-01-01T00:00:00Z'), last: new Date('2022-02-01T00:00:00Z') }]]);
    const a = ok(resolveArticle(doc({ title: 'FM title' }, { found }), MTIME, ctx({}, git)));
    expect(a.title.value).toBe('FM title');
    expect(a.published).toMatchObject({ from: 'date-line', line: 10 });
    expect(a.updated).toMatchObject({ from: 'git', value: new Date('2022-02-01T00:00:00Z') });
  });

  it('follows a precedence order given in the config', () => {
    const found = { title: { value: 'Found title', from: 'title-line' as const, line: 9 } };
    const a = ok(resolveArticle(doc({ title: 'FM title', date: '2024-01-01' }, { found }), MTIME, ctx({ precedence: { title: ['found', 'front-matter'] } })));
    expect(a.title).toMatchObject({ value: 'Found title', from: 'title-line' });
  });

  it('uses git dates when nothing else dates the article, and not git for updated when the file has one commit', () => {
    const once = new Map([['posts/hello-world.md', { first: new Date('2022-01-01T00:00:00Z'), last: new Date('2022-01-01T00:00:00Z') }]]);
    const a = ok(resolveArticle(doc({ title: 'T' }), MTIME, ctx({}, once)));
    expect(a.published).toMatchObject({ from: 'git' });
    expect(a.updated).toMatchObject({ from: 'git', value: a.published.value });
  });

  it('falls back to the modification time with a warning, and to the config author', () => {
    const r = resolveArticle(doc({ title: 'T' }), MTIME, ctx({ author: { name: 'Site Owner' } }));
    const a = ok(r);
    expect(a.published).toEqual({ value: new Date(MTIME), from: 'mtime' });
    expect(a.authors).toEqual({ value: [{ name: 'Site Owner' }], from: 'config-default' });
    expect(r.diagnostics.map((d) => d.code)).toContain('META_DATE_FROM_MTIME');
  });

  it('keeps the id when the title and the text are edited', () => {
    const before = ok(resolveArticle(doc({ title: 'Old title', date: '2024-01-02' }), MTIME, ctx()));
    const after = ok(resolveArticle(doc({ title: 'New title', date: '2024-01-02' }, { bodyText: 'Rewritten.', bodyHtml: '<p>Rewritten.</p>' }), MTIME, ctx()));
    expect(after.id.value).toBe(before.id.value);
    expect(before.id.value).toBe('tag:example.com,2024-01-02:hello-world');
  });

  it('derives the link from the slug and makes relative URLs in content absolute against it', () => {
    const a = ok(resolveArticle(doc({ title: 'T', date: '2024-01-02' }), MTIME, ctx({ link: 'https://example.com/blog/' })));
    expect(a.link.value).toBe('https://example.com/blog/hello-world');
    expect(a.contentHtml).toContain('href="https://example.com/about/"');
  });

  it('derives a summary from the first paragraph, cut at a word boundary', () => {
    const long = 'word '.repeat(200).trim();
    const a = ok(resolveArticle(doc({ title: 'T', date: '2024-01-02' }, { bodyText: long }), MTIME, ctx({ summaryLength: 40 })));
    expect(a.summary.from).toBe('derived');
    expect(a.summary.value).toBe('word word word word word word word word…');
  });

  it.each([
    [{ title: 'T', date: '31/31/2024' }, 'META_DATE_UNPARSEABLE', 3],
    [{ title: 'T', date: '2024-01-01', slug: '../../etc/passwd' }, 'META_SLUG_INVALID', 4],
    [{ title: 'T', date: '2024-01-01', id: 'not an iri' }, 'META_ID_INVALID', 4],
    [{ title: 'T', date: '2024-01-01', link: 'javascript:alert(1)' }, 'META_LINK_INVALID', 4],
    [{ title: 'T', date: '2024-01-01', draft: 'yes' }, 'FM_BAD_VALUE', 4],
    [{ date: '2024-01-01' }, 'META_TITLE_MISSING', 1],
  ])('reports %j as %s at line %i and leaves the article out', (fm, code, line) => {
    const r = resolveArticle(doc(fm), MTIME, ctx());
    expect(r.status).toBe('error');
    expect(r.diagnostics.find((d) => d.code === code)).toMatchObject({ file: 'articles/posts/hello-world.md', line });
  });

  it('holds back future articles with a note, or includes them when configured', () => {
    const future = doc({ title: 'T', date: '2030-01-01' });
    const held = resolveArticle(future, MTIME, ctx());
    expect(held.status).toBe('future');
    expect(held.diagnostics[0]?.code).toBe('META_FUTURE_HELD');
    expect(resolveArticle(future, MTIME, ctx({ future: 'include' })).status).toBe('ok');
  });

  it('draft written as text ("false", "TRUE") is read as the boolean it names: silently on a Hugo site, as Hugo does, else with a warning', () => {
    const plain = resolveArticle(doc({ title: 'T', date: '2024-01-01', draft: 'false' }), MTIME, ctx());
    expect([plain.status, plain.diagnostics.map((d) => [d.code, d.line, d.message])]).toEqual(['ok', [['FM_BOOLEAN_TEXT', 4, '"draft" is the text "false"; it is read as false.']]]);
    expect(resolveArticle(doc({ title: 'T', date: '2024-01-01', draft: 'TRUE' }), MTIME, ctx()).status).toBe('draft');
    const hugo = testConfig();
    const onHugo = resolveArticle(doc({ title: 'T', date: '2024-01-01', draft: 'false' }), MTIME, {
      config: { ...hugo, siteInfo: { preset: 'hugo', detectedFrom: 'hugo.toml', root: '.', contentPrefix: '', permalinks: {}, uglyUrls: false, keepPathCase: false, languages: [], defaultLanguageInSubdir: false, collections: {}, folderData: {}, slugifyPaths: true, trailingSlash: true, output: 'public', codeData: [] } },
      git: new Map(),
      now: TEST_NOW,
    });
    expect([onHugo.status, onHugo.diagnostics]).toEqual(['ok', []]);
  });

  it('an empty draft key (`draft:`, YAML null) is not set: the article is published, with no error; a draft of another type still is one', () => {
    const empty = resolveArticle(doc({ title: 'T', date: '2024-01-01', draft: null }), MTIME, ctx());
    expect([empty.status, empty.diagnostics]).toEqual(['ok', []]);
    expect(resolveArticle(doc({ title: 'T', date: '2024-01-01', draft: 3 }), MTIME, ctx()).diagnostics.map((d) => d.code)).toContain('FM_BAD_VALUE');
  });

  it('a summary written with formatting markup (<br />, <em>) is its text; a tag name mentioned in prose stays', () => {
    const sum = (description: string) => ok(resolveArticle(doc({ title: 'T', date: '2024-01-01', description }), MTIME, ctx())).summary.value;
    expect(sum('4 月的一个周末，<br />同事说，<br/>于是我们去了。')).toBe('4 月的一个周末， 同事说， 于是我们去了。');
    expect(sum('A <em>very</em> short &amp; <a href="/x">linked</a> note.')).toBe('A very short & linked note.');
    expect(sum('Why the <title> element matters')).toBe('Why the <title> element matters');
  });

  it("a bare-number id (an importer's post number) is no feed id: the guid when given, else the derived id with a note", () => {
    const bare = resolveArticle(doc({ id: 723, title: 'T', date: '2024-01-01' }), MTIME, ctx());
    expect([ok(bare).id.value, ok(bare).id.from, bare.diagnostics.map((d) => [d.code, d.line])]).toEqual(['tag:example.com,2024-01-01:hello-world', 'derived', [['META_ID_NUMBER', 2]]]);
    const guid = resolveArticle(doc({ id: '723', guid: 'http://old.example/?p=723', title: 'T', date: '2024-01-01' }), MTIME, ctx());
    expect([ok(guid).id.value, guid.diagnostics]).toEqual(['http://old.example/?p=723', []]);
    expect(resolveArticle(doc({ id: 'post 1', title: 'T', date: '2024-01-01' }), MTIME, ctx()).diagnostics.map((d) => d.code)).toContain('META_ID_INVALID');
  });

  it('excludes drafts with a note', () => {
    const r = resolveArticle(doc({ title: 'T', draft: true }), MTIME, ctx());
    expect(r.status).toBe('draft');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['META_DRAFT']);
  });

  it("dates a post with no date key by the YYYY/MM/DD its own path states (the Rust blog's Zola `path`), before git and mtime", () => {
    const a = ok(resolveArticle(doc({ path: '2014/12/12/1.0-Timeline', title: 'Rust 1.0' }), MTIME, ctx()));
    expect([a.published.value.toISOString(), a.published.from, a.published.line, a.published.rule]).toEqual(['2014-12-12T00:00:00.000Z', 'front-matter', 2, 'a date in the post\'s "path"']);
    const p = ok(resolveArticle(doc({ title: 'T', permalink: '/2019/05/03/my-post/' }), MTIME, ctx()));
    expect(p.published.value.toISOString()).toBe('2019-05-03T00:00:00.000Z');
    // A date key wins; a path with no whole YYYY/MM/DD segments (or an impossible month) says nothing.
    expect(ok(resolveArticle(doc({ title: 'T', date: '2020-01-02', path: '2014/12/12/x' }), MTIME, ctx())).published.value.toISOString()).toBe('2020-01-02T00:00:00.000Z');
    for (const path of ['v2014/12/12/x', '2014/13/12/x', 'blog/2014-12-12']) expect(ok(resolveArticle(doc({ title: 'T', path }), MTIME, ctx())).published.from).toBe('mtime');
  });

  it('a page its template makes, with no title and no text (template = "latest.html"), is not a post; with a title or text it is', () => {
    const r = resolveArticle(doc({ template: 'latest.html' }, { bodyHtml: '', bodyText: '' }), MTIME, ctx());
    expect([r.status, r.diagnostics.map((d) => [d.code, d.message])]).toEqual(['section', [['META_NOT_A_POST', 'This is a page its template makes, with no title or text of its own (template "latest.html"), not a post; it is not an item.']]]);
    expect(resolveArticle(doc({ template: 'latest.html', title: 'Latest' }, { bodyHtml: '', bodyText: '' }), MTIME, ctx()).status).not.toBe('section');
    expect(resolveArticle(doc({ layout: 'post' }), MTIME, ctx()).status).not.toBe('section');
  });

  it('reads "isDraft", as some Astro and Next.js schemas name the draft flag, and names it in the hint', () => {
    const r = resolveArticle(doc({ title: 'T', date: '2024-03-05', isDraft: true }), MTIME, ctx());
    expect([r.status, r.diagnostics.map((d) => [d.code, d.line, d.hint])]).toEqual(['draft', [['META_DRAFT', 4, 'Remove "isDraft: true" to publish it.']]]);
    expect(ok(resolveArticle(doc({ title: 'T', date: '2024-03-05', isDraft: false }), MTIME, ctx())).title.value).toBe('T');
    // `draft` is read first when both are there.
    expect(resolveArticle(doc({ title: 'T', date: '2024-03-05', draft: false, isDraft: true }), MTIME, ctx()).status).toBe('ok');
  });

  it('names both readings of a numeric date whose day and month could be either way round, and reads it under a regional language', () => {
    const r = resolveArticle(doc({ title: 'T', date: '06-03-2024' }), MTIME, ctx());
    expect([r.status, r.diagnostics.map((d) => [d.code, d.line, d.message])]).toEqual([
      'error',
      [['META_DATE_AMBIGUOUS', 3, '"date" is "06-03-2024", which reads as 2024-03-06 (day first) or 2024-06-03 (month first).']],
    ]);
    expect(ok(resolveArticle(doc({ title: 'T', date: '06-03-2024' }), MTIME, ctx({ language: 'en-US' }))).published.value.toISOString()).toBe('2024-06-03T00:00:00.000Z');
    expect(ok(resolveArticle(doc({ title: 'T', date: '16-03-2024' }), MTIME, ctx())).published.value.toISOString()).toBe('2024-03-16T00:00:00.000Z');
    expect(resolveArticle(doc({ title: 'T', date: '31-31-2024' }), MTIME, ctx()).diagnostics.map((d) => d.code)).toEqual(['META_DATE_UNPARSEABLE']);
  });

  it('dates a note by its "created" key when no other date key is there', () => {
    const a = ok(resolveArticle(doc({ title: 'T', created: '2025-08-02T20:02:57+01:00' }), MTIME, ctx()));
    expect([a.published.value.toISOString(), a.published.from, a.published.line]).toEqual(['2025-08-02T19:02:57.000Z', 'front-matter', 3]);
    const dated = ok(resolveArticle(doc({ title: 'T', created: '2025-08-02', date: '2024-01-01' }), MTIME, ctx()));
    expect(dated.published.value.toISOString().slice(0, 10)).toBe('2024-01-01');
  });

  it('takes a stated update date for the publication date before the file time, as Hugo dates a page by its lastmod', () => {
    const r = resolveArticle(doc({ title: 'T', modified: '2025-01-25T13:53:00+00:00' }), MTIME, ctx());
    const a = ok(r);
    expect([a.published.value.toISOString(), a.published.from, a.published.line, a.updated.value.toISOString()]).toEqual([
      '2025-01-25T13:53:00.000Z',
      'front-matter',
      3,
      '2025-01-25T13:53:00.000Z',
    ]);
    // Neither META_DATE_FROM_MTIME nor META_UPDATED_BEFORE_PUBLISHED: the file's time is not used.
    expect(r.diagnostics).toEqual([]);
    // git's first commit still comes first (the default precedence), and an unreadable update date is no date.
    const git = new Map([['posts/hello-world.md', { first: new Date('2020-02-02T00:00:00Z'), last: new Date('2020-02-02T00:00:00Z') }]]);
    expect(ok(resolveArticle(doc({ title: 'T', lastmod: '2025-01-25' }), MTIME, ctx({}, git))).published.from).toBe('git');
    expect(ok(resolveArticle(doc({ title: 'T', lastmod: 'soon' }), MTIME, ctx())).published.from).toBe('mtime');
  });
});

describe('ids and slugs', () => {
  it('builds RFC 4151 tag URIs from host, first-publish day (UTC) and slug', () => {
    expect(tagUri('https://www.example.com/blog/', new Date('2019-12-07T00:30:00Z'), 'café/x')).toBe('tag:www.example.com,2019-12-07:caf%C3%A9-x');
  });
  it('slugifies file names, keeping letters of any script', () => {
    expect(slugify('2024-03-11 Feedwright 0.1!')).toBe('2024-03-11-feedwright-0.1');
    expect(slugify('Café de Olla')).toBe('café-de-olla');
    expect(slugify('***')).toBe('article');
  });
});

describe('resolveArticle: an optional field of the wrong shape is left out, the post is kept', () => {
  const ignored = (r: ReturnType<typeof resolveArticle>) => r.diagnostics.filter((d) => d.code === 'FM_VALUE_IGNORED').map((d) => [d.severity, d.file, d.line]);
  const at4 = [['warning', 'articles/posts/hello-world.md', 4]];

  it('a summary that is not a string: the derived summary, one warning', () => {
    const r = resolveArticle(doc({ title: 'T', date: '2024-01-01', summary: ['a', 'b'] }), MTIME, ctx());
    expect(ok(r).summary.from).toBe('derived');
    expect(ignored(r)).toEqual(at4);
  });

  it('tags: good members kept (numbers as strings), bad members and non-lists left out with a warning naming them', () => {
    const r = resolveArticle(doc({ title: 'T', date: '2024-01-01', tags: ['news', 2024, { a: 1 }, true, 'mexico'] }), MTIME, ctx());
    expect(ok(r).tags.value).toEqual(['news', '2024', 'mexico']);
    expect(ignored(r)).toEqual([...at4, ...at4]);
    expect(r.diagnostics.filter((d) => d.code === 'FM_VALUE_IGNORED').map((d) => d.message)).toEqual([
      '"tags" holds a map, which is not a tag; it is left out, the other tags are kept.',
      '"tags" holds boolean true, which is not a tag; it is left out, the other tags are kept.',
    ]);
    const map = resolveArticle(doc({ title: 'T', date: '2024-01-01', tags: { a: 1 }, categories: ['Travel'] }), MTIME, ctx());
    expect(ok(map).tags.value).toEqual(['Travel']);
    expect(ignored(map)).toEqual(at4);
  });

  it('an unreadable "updated": left out with a warning, the publication date is used; an unreadable "date" still drops the post', () => {
    const r = resolveArticle(doc({ title: 'T', date: '2024-01-01', updated: 'last tuesday-ish' }), MTIME, ctx());
    expect(ok(r).updated.value.toISOString().slice(0, 10)).toBe('2024-01-01');
    expect(ignored(r)).toEqual(at4);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('META_DATE_UNPARSEABLE');
    expect(resolveArticle(doc({ title: 'T', date: 'last tuesday-ish' }), MTIME, ctx()).status).toBe('error');
  });

  it('authors: the readable ones are kept; with none readable, the config author; never an error', () => {
    const some = resolveArticle(doc({ title: 'T', date: '2024-01-01', author: ['Ann Lee', 42] }), MTIME, ctx());
    expect(ok(some).authors.value.map((p) => p.name)).toEqual(['Ann Lee']);
    expect(ignored(some)).toEqual(at4);
    expect(some.diagnostics.find((d) => d.code === 'FM_VALUE_IGNORED')?.message).toContain('not number 42; it is left out.');
    const none = resolveArticle(doc({ title: 'T', date: '2024-01-01', author: { nickname: 'x' } }), MTIME, ctx());
    expect(ok(none).authors.from).toBe('config-default');
    expect(ignored(none)).toEqual(at4);
  });
});

/** The authors of a resolved article, for the shape tests below. */
function authorsOf(frontMatter: Record<string, unknown>, extra: Partial<SourceDocument> = {}, overrides: Record<string, unknown> = {}) {
  return ok(resolveArticle(doc({ title: 'T', date: '2024-03-05', ...frontMatter }, extra), MTIME, ctx(overrides))).authors.value;
}

describe('resolveArticle: the hot objects of an article have one shape', () => {
  it('gives every author all three keys in one order, undefined where there is no value, whatever the source', () => {
    const people = [
      ...authorsOf({ author: 'Jane Doe' }),
      ...authorsOf({ author: 'Jane Doe <jane@example.com>' }),
      ...authorsOf({ author: { name: 'Jane Doe', url: '/staff/jane' } }),
      ...authorsOf({ authors: [{ name: 'A', email: 'a@example.com', url: 'https://a.example/' }, 'B'] }),
      ...authorsOf({}, { found: { authors: { value: [{ name: 'Found Person' }], from: 'byline' } } }),
      // The config's author, as the config gives it (a name alone).
      ...authorsOf({}, {}, { author: { name: 'Site Owner' } }),
    ];
    expect(people.map((p) => Object.keys(p))).toEqual(people.map(() => ['name', 'email', 'url']));
    // The values are those of the sources: JSON leaves the empty keys out.
    expect(JSON.parse(JSON.stringify(people))).toEqual([
      { name: 'Jane Doe' },
      { name: 'Jane Doe', email: 'jane@example.com' },
      { name: 'Jane Doe', url: 'https://example.com/staff/jane' },
      { name: 'A', email: 'a@example.com', url: 'https://a.example/' },
      { name: 'B' },
      { name: 'Found Person' },
      { name: 'Site Owner' },
    ]);
  });

  it('makes the author and tag lists packed arrays however often it runs (v8.serialize writes a holey one as a sparse array)', () => {
    // A holey array serialises with tag 'a' (sparse), a packed one with 'A' (dense), after the
    // 2-byte header. Array methods (map, filter) give holey arrays once the resolver is optimised,
    // which takes some thousands of runs; every run is checked.
    const fm = { title: 'T', date: '2024-03-05', author: 'Jane Doe', tags: ['news', 'mexico', 'News'] };
    const kinds = new Set<string>();
    for (let i = 0; i < 6000; i++) {
      const r = resolveArticle(doc(fm), MTIME, ctx());
      if (r.status !== 'ok') throw new Error(r.status);
      kinds.add(`authors ${String.fromCharCode(serialize(r.article.authors.value)[2] as number)}`);
      kinds.add(`tags ${String.fromCharCode(serialize(r.article.tags.value)[2] as number)}`);
    }
    expect([...kinds].sort()).toEqual(['authors A', 'tags A']);
  });
});

describe('resolveArticle: `by` names the authors (the Go project site generator’s key)', () => {
  it('reads a list under `by`, after `authors` and `author`, with no unknown-key warning', () => {
    const r = resolveArticle(doc({ title: 'T', date: '2024-03-05', by: ['Ann Author', 'Ben Writer'] }), MTIME, ctx());
    expect(ok(r).authors.value.map((p) => p.name)).toEqual(['Ann Author', 'Ben Writer']);
    expect(ok(r).authors.from).toBe('front-matter');
    expect(r.diagnostics.map((d) => d.code)).not.toContain('FM_UNKNOWN_KEY');
    expect(authorsOf({ author: 'Own Name', by: 'Other' }).map((p) => p.name)).toEqual(['Own Name']);
  });
});

describe("resolveArticle: a folder's README.md without front matter is no post", () => {
  it('leaves it out with a note, and keeps a README with front matter', () => {
    const readme = resolveArticle(doc({}, { relPath: 'blog/README.md', displayPath: 'articles/blog/README.md' }), MTIME, ctx());
    expect(readme.status).toBe('section');
    expect(readme.diagnostics.map((d) => [d.code, d.message])).toEqual([['META_NOT_A_POST', "This is the folder's README, with no front matter, not a post; it is not an item."]]);
    expect(resolveArticle(doc({ title: 'Read me', date: '2024-03-05' }, { relPath: 'README.md' }), MTIME, ctx()).status).toBe('ok');
  });
});
