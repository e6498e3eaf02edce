import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, resolveConfig } from '../../src/config/load.js';
import { makeTree } from '../helpers/project.js';
import { run } from './helpers.js';

const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../assets/config.schema.json');
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { properties: Record<string, { description?: string }> };

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(schema);
}

describe('feedwright init', () => {
  it('writes a config and a sample article into an empty folder, which then build', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-init-'));
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote feedwright.config.json');
    expect(existsSync(path.join(dir, 'articles', 'hello-world.md'))).toBe(true);
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.$schema).toBe('./node_modules/feedwright/assets/config.schema.json');
    // The written config is accepted by the loader and by the schema it points at.
    expect(() => resolveConfig(config)).not.toThrow();
    const validate = validator();
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);

    writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...config, git: false, cache: false }, null, 2));
    const b = await run(['build', '--json'], { cwd: dir });
    expect(b.code).toBe(0);
    const built = JSON.parse(b.stdout) as { diagnostics: { code: string; line?: number; message: string }[] };
    expect(built).toMatchObject({ ok: true, counts: { published: 1 } });
    // Built as written, the feeds would carry init's placeholders as the site's: a warning names them, at the first one's line.
    const placeholder = built.diagnostics.filter((d) => d.code === 'CONFIG_PLACEHOLDER');
    expect(placeholder.map((d) => [d.line, d.message])).toEqual([[3, '"title", "description", "link", "author" still hold placeholders; the feeds publish them as the site\'s.']]);
    // Once they are the site's own, it is gone.
    const own = { ...config, title: 'Notes', description: 'Notes.', link: 'https://notes.example.org/', author: { name: 'Ann' }, git: false, cache: false };
    writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify(own, null, 2));
    const again = JSON.parse((await run(['build', '--json'], { cwd: dir })).stdout) as { diagnostics: { code: string }[] };
    expect(again.diagnostics.map((d) => d.code)).not.toContain('CONFIG_PLACEHOLDER');
    // The sample article names no author of its own: the one the user sets in the config is its author.
    const feed = JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { authors?: { name: string }[] }[] };
    expect(feed.items[0]?.authors).toEqual([{ name: 'Ann' }]);
    // What "Next:" asks the user to edit is every placeholder the warning names.
    expect(r.stderr).toContain('Next: edit feedwright.config.json (title, description, link, author)');
  });

  it('never overwrites existing files without --force', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-init-'));
    writeFileSync(path.join(dir, 'feedwright.config.json'), '{"title":"mine"}');
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists');
    expect(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')).toBe('{"title":"mine"}');
    expect((await run(['init', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')).toContain('"$schema"');
  });
});

describe('feedwright init in a site generator\'s project', () => {
  const POST = '---\ntitle: First post\ndate: 2024-03-05\n---\n\nThe body.\n';
  const project = (files: Record<string, string>): string => makeTree(files, 'feedwright-init-site-');

  it('a Jekyll site: the config builds its _posts with its title and link, no sample article, and the build works', async () => {
    const dir = project({ '_config.yml': 'title: Tool News\nurl: https://tool.example\ntimezone: Europe/Berlin\n', '_posts/2024-03-05-first.md': POST, '_posts/2024-03-06-second.md': POST });
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('This is a Jekyll site (_config.yml): its posts are in _posts/ (2 Markdown files).');
    expect(r.stderr).toContain('Next: set author in feedwright.config.json');
    expect(existsSync(path.join(dir, 'articles'))).toBe(false);
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ title: 'Tool News', link: 'https://tool.example/', articles: '_posts', out: 'dist', site: '.', timezone: 'Europe/Berlin' });
    expect(config).not.toHaveProperty('description');
    expect(validator()(config)).toBe(true);
    const b = await run(['build', '--json'], { cwd: dir });
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout)).toMatchObject({ ok: true, counts: { published: 2 } });
    expect(readFileSync(path.join(dir, 'dist', 'rss.xml'), 'utf8')).toContain('<link>https://tool.example/2024/03/05/first.html</link>');
    // The site does not say who writes it: the author init wrote is named as its placeholder.
    const placeholder = (JSON.parse(b.stdout) as { diagnostics: { code: string; message: string }[] }).diagnostics.filter((d) => d.code === 'CONFIG_PLACEHOLDER');
    expect(placeholder.map((d) => d.message)).toEqual(['"author" still holds a placeholder; the feeds publish it as the site\'s.']);
  });

  it('a Hexo site (its _config.yml is no Jekyll one): the config builds source/_posts with its title, link, language, author and time zone, and every post is published at its Hexo permalink', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-init-hexo-'));
    cpSync(path.resolve(import.meta.dirname, '../fixtures/sites/hexo-blog'), dir, { recursive: true });
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('This is a Hexo site (_config.yml and package.json (hexo)): its posts are in source/_posts/ (5 Markdown files).');
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ title: 'Quiet Notes', description: 'Notes on tools and travel', link: 'https://hexo.example/', language: 'en', author: 'Lin Park', timezone: 'Asia/Shanghai', articles: 'source/_posts', out: 'dist', site: '.' });
    expect(validator()(config)).toBe(true);
    writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...config, git: false }, null, 2));
    const b = await run(['build', '--json'], { cwd: dir });
    expect(b.code).toBe(0);
    const built = JSON.parse(b.stdout) as { counts: { published: number }; diagnostics: { code: string; message: string }[] };
    expect(built.counts.published).toBe(4);
    expect(built.diagnostics.filter((d) => d.message.includes('Jekyll'))).toEqual([]);
    const rss = readFileSync(path.join(dir, 'dist', 'rss.xml'), 'utf8');
    expect(rss).toContain('<link>https://hexo.example/2024/03/05/hello-world/</link>');
    expect(rss).toContain('<link>https://hexo.example/custom/moved.html</link>');
    // Dates are read in the site's zone, as Hexo reads them.
    expect(rss).toContain('<pubDate>Tue, 05 Mar 2024 23:30:00 +0800</pubDate>');
  });

  it("a Hexo site's source_dir: its posts folder is <source_dir>/_posts", async () => {
    const dir = project({ '_config.yml': 'title: Src\nurl: https://src.example\nsource_dir: src\n', 'src/_posts/a.md': '---\ntitle: A\ndate: 2024-03-05 10:00:00\n---\n\nBody.\n', 'source/_posts/old.md': POST });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('This is a Hexo site (_config.yml): its posts are in src/_posts/ (1 Markdown file).');
    const b = await run(['build', '--json'], { cwd: dir });
    expect(JSON.parse(b.stdout)).toMatchObject({ ok: true, counts: { published: 1 } });
    expect(readFileSync(path.join(dir, 'dist', 'rss.xml'), 'utf8')).toContain('<link>https://src.example/2024/03/05/a/</link>');
  });

  it("a site whose config names no language: the posts' writing system names it (Chinese posts: \"zh\", not \"en\"), said in a line; a language the config names wins", async () => {
    const zh = (title: string) => `---\ntitle: ${title}\ndate: 2024-03-05\n---\n\n这是一篇关于前端开发的文章，讨论了模块化和性能优化的问题。\n`;
    const dir = project({ '_config.yml': 'title: 前端技术\nurl: https://zh.example\n', '_posts/2024-03-05-a.md': zh('模块化'), '_posts/2024-03-06-b.md': zh('性能'), '_posts/2024-03-07-c.md': zh('缓存') });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('The feed\'s language is "zh": 3 of the 3 posts checked are written in Han script, and the site\'s config names no language.');
    expect((JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>).language).toBe('zh');
    const b = await run(['build', '--json'], { cwd: dir });
    expect((JSON.parse(b.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).not.toContain('META_LANGUAGE_SCRIPT');
    writeFileSync(path.join(dir, '_config.yml'), 'title: 前端技术\nurl: https://zh.example\nlang: zh-Hant\n');
    const named = await run(['init', '--force'], { cwd: dir });
    expect(named.stderr).not.toContain("The feed's language is");
    expect((JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>).language).toBe('zh-Hant');
  });

  it("a Korean blog whose posts open with a linked screenshot and links: their URLs and kramdown attribute lists are not words, the prose names the language", async () => {
    const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-03-05\n---\n\n[![screenshot](https://cdn.example.com/uploads/2024/03/problem-statement-screenshot-large.png)](https://judge.example.com/problem/10974?language=python)\n\n<a href="https://judge.example.com/problem/10974/solutions" target="_blank">문제 확인하기</a>\n\n[문제]{:target="_blank" rel="noopener noreferrer"}\n\n문제를 풀었다.\n`;
    const dir = project({ '_config.yml': 'title: Devblog\nurl: https://ko.example\n', '_posts/2024-03-05-a.md': post('Baekjoon 10974'), '_posts/2024-03-06-b.md': post('Baekjoon 1145'), '_posts/2024-03-07-c.md': post('Time Conversion') });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('The feed\'s language is "ko": 3 of the 3 posts checked are written in Hangul script');
  });

  it("the posts sampled are the newest by their dated names, the ones the feed shows: a blog that began in English and now writes Korean is \"ko\"", async () => {
    const files: Record<string, string> = { '_config.yml': 'title: Devblog\nurl: https://ko.example\n' };
    for (let i = 0; i < 210; i++) files[`_posts/2020-01-01-english-${String(i).padStart(3, '0')}.md`] = `---\ntitle: Snippet ${i}\n---\n\nA short note about a React hook and how it works.\n`;
    for (let i = 0; i < 200; i++) files[`_posts/2024-01-01-korean-${String(i).padStart(3, '0')}.md`] = `---\ntitle: 문제 ${i}\n---\n\n오늘은 알고리즘 문제를 풀었다.\n`;
    const dir = project(files);
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('The feed\'s language is "ko": 200 of the 200 posts checked are written in Hangul script');
  });

  it("a Chinese tech blog whose posts open with code: the titles and prose name the language, not the code's Latin; and a build whose config says \"en\" over such posts warns", async () => {
    const code = `\`\`\`js\n${'const token = jwt.sign({ user: request.body.username }, secret, { expiresIn: 3600 });\n'.repeat(12)}\`\`\`\n`;
    const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-03-05\n---\n\n${code}\n这是一篇关于认证的文章，讨论了令牌和会话的区别。\n`;
    const dir = project({ '_config.yml': 'title: Blog\nurl: https://zh.example\n', '_posts/2024-03-05-a.md': post('Kubernetes 部署'), '_posts/2024-03-06-b.md': post('PostgreSQL 索引'), '_posts/2024-03-07-c.md': post('Docker Compose 用法') });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('The feed\'s language is "zh": 3 of the 3 posts checked are written in Han script');
    // The config names "en": the titles alone are mostly Latin ("Kubernetes 部署"), their summaries are not.
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...config, language: 'en' }));
    const b = await run(['build', '--json'], { cwd: dir });
    expect((JSON.parse(b.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toContain('META_LANGUAGE_SCRIPT');
  });

  it("a Hexo site whose timezone is left empty (Hexo then reads dates in the building machine's zone): the config reads them in UTC and init says so; a site that names its zone gets it, silently", async () => {
    const hexoPost = '---\ntitle: First\ndate: 2024-12-19 14:55:20\n---\n\nText.\n';
    const empty = project({ '_config.yml': 'title: Notes\nurl: https://notes.example.org\ntimezone:\npermalink: :year/:month/:day/:title/\n', 'package.json': JSON.stringify({ dependencies: { hexo: '^7.0.0' } }), 'source/_posts/first.md': hexoPost });
    const r = await run(['init'], { cwd: empty });
    expect(r.stderr).toContain("The site's config names no time zone: Hexo then reads the posts' dates without an offset in the zone of the machine that builds the site. The feeds read them in UTC");
    expect(JSON.parse(readFileSync(path.join(empty, 'feedwright.config.json'), 'utf8'))).toMatchObject({ timezone: 'UTC' });
    await run(['build', '--quiet'], { cwd: empty });
    expect((JSON.parse(readFileSync(path.join(empty, 'dist', 'feed.json'), 'utf8')) as { items: { date_published: string }[] }).items[0]?.date_published).toBe('2024-12-19T14:55:20Z');
    const named = project({ '_config.yml': 'title: Notes\nurl: https://notes.example.org\ntimezone: Asia/Shanghai\n', 'package.json': JSON.stringify({ dependencies: { hexo: '^7.0.0' } }), 'source/_posts/first.md': hexoPost });
    const n = await run(['init'], { cwd: named });
    expect(n.stderr).not.toContain('names no time zone');
    expect(JSON.parse(readFileSync(path.join(named, 'feedwright.config.json'), 'utf8'))).toMatchObject({ timezone: 'Asia/Shanghai' });
  });

  it('a site time zone that is no IANA zone (timezone: CN) is left out, with a line saying so, and the config builds', async () => {
    const dir = project({ '_config.yml': 'title: Notes\nurl: https://notes.example.org\ntimezone: CN\n', '_posts/2024-03-05-first.md': POST });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('The site\'s config names the time zone "CN", which is not an IANA time zone, so it is left out');
    expect(JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8'))).toMatchObject({ timezone: 'UTC' });
    expect((await run(['build', '--json'], { cwd: dir })).code).toBe(0);
  });

  it('a Hugo site: the first conventional posts folder that holds Markdown (content/blog), and its title and author', async () => {
    const dir = project({
      'hugo.toml': 'baseURL = "https://hugo.example/"\ntitle = "Hugo Notes"\n[params]\nauthor = "Grace Hopper"\n',
      'content/_index.md': '---\ntitle: Home\n---\n',
      'content/blog/first.md': POST,
    });
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Next: check the title, link and author');
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ title: 'Hugo Notes', link: 'https://hugo.example/', author: 'Grace Hopper', articles: 'content/blog', site: '.' });
  });

  it('an Eleventy site run with a config of another name and no package.json: .eleventyignore tells', async () => {
    const dir = project({ '.eleventyignore': 'README.md\n', 'config.js': 'module.exports = function (eleventyConfig) {};\n', 'posts/first-post.md': POST, 'posts/index.md': '---\ntitle: Posts\n---\n' });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('This is an Eleventy site (.eleventyignore): its posts are in posts/ (2 Markdown files).');
  });

  it("an Eleventy site moved from Jekyll: its posts collection's glob (`_posts/**/*.md`) names the posts folder, over a conventional one", async () => {
    const dir = project({
      'eleventy.config.js': 'export default function (c) {\n  c.addCollection("posts", (api) => {\n    return api.getFilteredByGlob("./_posts/**/*.md");\n  });\n}\n',
      'package.json': '{ "devDependencies": { "@11ty/eleventy": "^3.0.0" } }',
      'content/posts/hello.md': POST,
      '_posts/2015-01-07-a.md': POST,
      '_posts/2016/2016-02-03-b.md': POST,
    });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('its posts are in _posts/ (2 Markdown files)');
    expect(JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8'))).toMatchObject({ articles: '_posts' });
  });

  it('several conventional posts folders: the one with the most posts (content/post with 2), not the first named (content/posts with 1)', async () => {
    const dir = project({
      'hugo.toml': 'baseURL = "https://hugo.example/"\ntitle = "Hugo Notes"\n',
      'content/posts/stray.md': POST,
      'content/post/a.md': POST,
      'content/post/b.md': POST,
    });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('its posts are in content/post/ (2 Markdown files)');
    expect(JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8'))).toMatchObject({ articles: 'content/post' });
  });

  it('nobody named anywhere: the person who made most commits to the posts (git), not a placeholder; several people: the placeholder', async () => {
    const commitAs = (dir: string, who: string, email: string, file: string): void => {
      writeFileSync(path.join(dir, 'content', file), `+++\ntitle = "${file}"\ndate = 2024-03-05\n+++\n\nBy ${who}.\n`);
      const git = (...args: string[]) => execFileSync('git', ['-c', `user.name=${who}`, '-c', `user.email=${email}`, '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
      git('add', '-A');
      git('commit', '-q', '-m', file);
    };
    const site = (): string => {
      const dir = project({ 'config.toml': 'base_url = "https://zola.example"\ntitle = "Notes"\n', 'content/_index.md': '+++\ntitle = "Home"\n+++\n' });
      execFileSync('git', ['init', '-q'], { cwd: dir });
      return dir;
    };
    // Ann under her own address (two spellings) and GitHub's no-reply one: 4 of the 5 commits.
    const one = site();
    commitAs(one, 'Ann Lee', 'ann@lee.example', 'a.md');
    commitAs(one, 'Ann Lee', 'ann@lee.example', 'b.md');
    commitAs(one, 'Ann Lee (laptop)', 'ann@lee.example', 'c.md');
    commitAs(one, 'Ann Lee', '1+ann@users.noreply.github.com', 'd.md');
    commitAs(one, 'Bo Chen', 'bo@chen.example', 'e.md');
    const r = await run(['init'], { cwd: one });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('The feed\'s author is "Ann Lee", who made 4 of the last 5 commits to content/ (git log)');
    expect(JSON.parse(readFileSync(path.join(one, 'feedwright.config.json'), 'utf8'))).toMatchObject({ author: { name: 'Ann Lee' } });
    // Two people, half each: nobody is "the" author.
    const two = site();
    commitAs(two, 'Ann Lee', 'ann@lee.example', 'a.md');
    commitAs(two, 'Ann Lee', 'ann@lee.example', 'b.md');
    commitAs(two, 'Bo Chen', 'bo@chen.example', 'c.md');
    commitAs(two, 'Bo Chen', 'bo@chen.example', 'd.md');
    const r2 = await run(['init'], { cwd: two });
    expect(r2.stderr).toContain('Next: set author in feedwright.config.json');
    expect(JSON.parse(readFileSync(path.join(two, 'feedwright.config.json'), 'utf8'))).toMatchObject({ author: { name: 'Your Name' } });
  });

  it("posts that name their own authors: the feed's author is the site, not a placeholder person", async () => {
    const authored = (name: string): string => `---\ntitle: A post\nauthor: ${name}\ndate: 2024-03-05\n---\n\nThe body.\n`;
    const dir = project({
      'hugo.toml': 'baseURL = "https://hugo.example/"\ntitle = "Team Blog"\n',
      'content/posts/a.md': authored('Ann Lee'),
      'content/posts/b.md': authored('Bo Chen'),
      'content/posts/c/index.md': '+++\ntitle = "C"\nauthors = ["Cy Park"]\n+++\n\nBody.\n',
      // "author:" in a body is no front matter key.
      'content/posts/d.md': '---\ntitle: D\n---\n\nauthor: nobody\n',
    });
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('The feed\'s author is the site ("Team Blog"): 3 of the 4 posts checked name their own authors');
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.author).toEqual({ name: 'Team Blog' });
    // Fewer than half name one: the user is asked to say who the author is.
    const few = project({ 'hugo.toml': 'baseURL = "https://hugo.example/"\ntitle = "Team Blog"\n', 'content/posts/a.md': authored('Ann Lee'), 'content/posts/b.md': POST, 'content/posts/c.md': POST });
    const f = await run(['init'], { cwd: few });
    expect(f.stderr).toContain('Next: set author in feedwright.config.json');
  });

  it('a multilingual Hugo site: the config writes out one feed per language', async () => {
    const dir = project({ 'hugo.toml': 'baseURL = "https://hugo.example/"\ntitle = "Notes"\n[languages.en]\n[languages.fr]\n', 'content/posts/a.md': POST, 'content/posts/a.fr.md': POST });
    expect((await run(['init'], { cwd: dir })).code).toBe(0);
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.feeds).toEqual({ tags: false, authors: false, languages: true });
    expect(validator()(config)).toBe(true);
  });

  it("an Astro site's feeds do not go into its own output folder dist/", async () => {
    const dir = project({ 'package.json': JSON.stringify({ dependencies: { astro: '^5.0.0' } }), 'astro.config.mjs': "export default defineConfig({ site: 'https://astro.example' });\n", 'src/content/blog/first.md': POST });
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('This is an Astro site (package.json (astro))');
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ link: 'https://astro.example/', articles: 'src/content/blog', out: 'feeds', site: '.' });
    expect(config.title).toBe('My site');
  });

  it('`build` in a site root without a config says where the posts are and how to build them', async () => {
    const dir = project({ '_config.yml': 'title: Tool News\n', '_posts/2024-03-05-first.md': POST });
    const r = await run(['build', '--no-color'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error ARTICLES_MISSING The articles folder articles does not exist.');
    expect(r.stderr).toContain('hint: This folder is a Jekyll site (_config.yml) with its posts in _posts/: run `feedwright init` to write a config that builds them, or pass --articles _posts.');
  });

  it('outside a known site, a folder of Markdown posts (content/, as a Gatsby blog keeps them) is what the config reads; no sample is written', async () => {
    const dir = project({ 'package.json': JSON.stringify({ dependencies: { gatsby: '^5.0.0' } }), 'content/first/index.md': POST, 'content/second/index.md': POST, 'README.md': '# A site\n' });
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('content/ holds 2 Markdown files, so the config reads them ("articles": "content")');
    expect(existsSync(path.join(dir, 'articles'))).toBe(false);
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.articles).toBe('content');
    writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...config, git: false, cache: false }));
    const b = await run(['build', '--json'], { cwd: dir });
    expect(JSON.parse(b.stdout)).toMatchObject({ ok: true, counts: { published: 2 } });
  });

  it('an articles/ folder of saved HTML pages and text files is what the config reads: no sample article is written among them', async () => {
    const page = '<!doctype html><html lang="en"><head><title>A post</title></head><body><article><h1>A post</h1><p>Its text, long enough to be the body of a page.</p></article></body></html>';
    const dir = project({ 'articles/2012/05/01/a-post/index.html': page, 'articles/2012/06/02/another/index.html': page, 'articles/notes/scraped.txt': 'A scraped page\n\nIts text.\n' });
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('articles/ holds 2 HTML pages and 1 text file, so the config reads them ("articles": "articles")');
    expect(existsSync(path.join(dir, 'articles', 'hello-world.md'))).toBe(false);
    expect((JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>).articles).toBe('articles');
  });

  it('saved pages in a folder of any name (here clippings/2019/) are what the config reads; a build output folder of HTML is not', async () => {
    const page = '<!doctype html><html lang="en"><head><title>A post</title></head><body><article><h1>A post</h1><p>Its text, long enough to be the body of a page.</p></article></body></html>';
    const dir = project({ 'clippings/2019/a.html': page, 'clippings/2019/b.txt': 'A scraped page\n\nIts text.\n', 'public/index.html': page, 'public/x/index.html': page, 'public/y/index.html': page });
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('clippings/2019/ holds 1 HTML page and 1 text file, so the config reads them ("articles": "clippings/2019")');
    expect(existsSync(path.join(dir, 'articles', 'hello-world.md'))).toBe(false);
    expect((JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>).articles).toBe('clippings/2019');
  });

  it('pages saved into the folder itself, or Markdown in a folder of another name: the sample is written, and init says what to run to read them', async () => {
    const page = '<!doctype html><html><head><title>A post</title></head><body><p>Text.</p></body></html>';
    const here = await run(['init'], { cwd: project({ 'a.html': page, 'b.html': page, 'c.txt': 'Title\n\nText.\n', 'README.md': '# Notes\n' }) });
    expect(here.code).toBe(0);
    expect(here.stderr).toContain('This folder holds 2 HTML pages and 1 text file itself; feedwright reads articles from a folder of their own. If those are articles, move them into one (`mkdir pages && mv *.html *.txt pages/`) and run `npx feedwright init --force --articles pages`.');
    const notes = project({ 'notes/a.md': '# A\n', 'notes/b.md': '# B\n', 'notes/c.md': '# C\n', 'docs/one.md': '# One\n' });
    const md = await run(['init'], { cwd: notes });
    expect(md.code).toBe(0);
    expect(existsSync(path.join(notes, 'articles', 'hello-world.md'))).toBe(true);
    expect(md.stderr).toContain('The most Markdown files (3) are in notes/. If those are the posts, run `npx feedwright init --force --articles notes`.');
  });

  it("a folder of saved HTML pages: the site's name, address, language and author that most pages agree on go into the config", async () => {
    const page = (n: number, lang = 'de') =>
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Beitrag ${n} | Das Blog</title><meta content="Erika Muster" name="author"><link href="https://blog.example/posts/${n}/" rel="canonical"></head><body><article><h1>Beitrag ${n}</h1><p>Der Text des Beitrags, lang genug für einen Artikel.</p></article></body></html>`;
    const dir = project({ 'posts/1/index.html': page(1), 'posts/2/index.html': page(2), 'posts/3/index.html': page(3), 'posts/4/index.html': page(4, 'en') });
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Most of the 4 pages checked agree on the site\'s title "Das Blog", link "https://blog.example/", language "de", author "Erika Muster"');
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ title: 'Das Blog', link: 'https://blog.example/', language: 'de', author: { name: 'Erika Muster' }, articles: 'posts' });
    expect(config).not.toHaveProperty('description');
    expect(r.stderr).not.toContain('do not agree on a language');
    // Pages that mostly state no language: init says the config's "en" is its own default, not theirs.
    const unsure = project({ 'posts/1/index.html': page(1), 'posts/2/index.html': page(2), 'posts/3/index.html': page(3).replace(' lang="de"', ''), 'posts/4/index.html': page(4).replace(' lang="de"', '') });
    const u = await run(['init'], { cwd: unsure });
    expect(u.code).toBe(0);
    expect(u.stderr).toContain('The 4 pages checked do not agree on a language (<html lang>, og:locale), so the config says "en": set "language" in feedwright.config.json if they are written in another.');
    expect(JSON.parse(readFileSync(path.join(unsure, 'feedwright.config.json'), 'utf8'))).toMatchObject({ language: 'en' });
  });

  it('a site without any posts folder holding Markdown gets the plain config and sample article', async () => {
    const dir = project({ '_config.yml': 'title: Empty\n' });
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'articles', 'hello-world.md'))).toBe(true);
    expect(r.stderr).toContain('This is a Jekyll site (_config.yml), but none of the folders it keeps posts in (_posts/, src/_posts/, docs/_posts/, site/_posts/) holds Markdown. A sample article');
  });

  it("Vercel's Next.js portfolio starter: posts in app/blog/posts/ dated publishedAt, served by app/blog/[slug] through the loader it imports from baseUrl", async () => {
    const dir = project({
      'package.json': JSON.stringify({ dependencies: { next: '^14.0.0' } }),
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["*"] } } }\n',
      'app/blog/utils.ts': "import path from 'path'\nexport function getBlogPosts() {\n  return getMDXData(path.join(process.cwd(), 'app', 'blog', 'posts'))\n}\n",
      'app/blog/[slug]/page.tsx': "import { getBlogPosts } from 'app/blog/utils'\nexport async function generateStaticParams() {\n  return getBlogPosts().map((post) => ({ slug: post.slug }))\n}\n",
      'app/blog/posts/vim.mdx': "---\ntitle: 'Embracing Vim'\npublishedAt: '2024-04-08'\nsummary: 'Vim.'\n---\n\nText.\n",
      'app/blog/posts/static-typing.mdx': "---\ntitle: 'Static Typing'\npublishedAt: '2024-04-09'\nsummary: 'Types.'\n---\n\nText.\n",
    });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('This is a Next.js site (package.json (next)): its posts are in app/blog/posts/ (2 Markdown files).');
    const built = await run(['build', '--json', '--quiet'], { cwd: dir });
    const items = (JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { url: string; date_published: string }[] }).items;
    expect([built.code, items.map((i) => [i.url, i.date_published])]).toEqual([
      0,
      [
        ['https://example.com/blog/static-typing', '2024-04-09T00:00:00Z'],
        ['https://example.com/blog/vim', '2024-04-08T00:00:00Z'],
      ],
    ]);
  });

  it('a Next.js site whose posts are in content/ (next-mdx-remote) is set up as the site, not as a folder of articles', async () => {
    const dir = project({ 'package.json': JSON.stringify({ dependencies: { next: '^14.0.0', 'next-mdx-remote': '^4.4.1' } }), 'content/a.mdx': POST, 'content/b.mdx': POST });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('This is a Next.js site (package.json (next)): its posts are in content/ (2 Markdown files).');
  });

  it("a Gatsby starter blog (no preset): init takes its siteMetadata and, as its gatsby-node.js makes them with createFilePath, the posts' paths /<name>/", async () => {
    const dir = project({
      'package.json': JSON.stringify({ dependencies: { gatsby: '^5.0.0' } }),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the fixture is the site's JavaScript config, with its template literal
      'gatsby-config.js': "module.exports = {\n  siteMetadata: {\n    title: `Gatsby Starter Blog`,\n    author: {\n      name: `Kyle Mathews`,\n      summary: `who lives in San Francisco`,\n    },\n    description: `A starter blog.`,\n    siteUrl: `https://gatsby.example/`,\n  },\n  plugins: [{ resolve: `gatsby-source-filesystem`, options: { path: `${__dirname}/content/blog`, name: `blog` } }],\n}\n",
      'gatsby-node.js': "const { createFilePath } = require(`gatsby-source-filesystem`)\nexports.onCreateNode = ({ node, actions, getNode }) => {\n  const value = createFilePath({ node, getNode })\n}\n",
      'content/blog/hello-world/index.md': '---\ntitle: Hello World\ndate: "2015-05-01T22:12:03.284Z"\n---\n\nText.\n',
      'content/blog/my-second-post/index.md': '---\ntitle: My Second Post!\ndate: "2015-05-06T23:46:37.121Z"\n---\n\nText.\n',
    });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('This is a Gatsby site (gatsby-config.js), which feedwright has no preset for');
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect([config.title, config.description, config.link, config.author, config.permalinks]).toEqual(['Gatsby Starter Blog', 'A starter blog.', 'https://gatsby.example/', { name: 'Kyle Mathews' }, '/:path/']);
    await run(['build', '--quiet'], { cwd: dir });
    const items = (JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { url: string }[] }).items;
    expect(items.map((i) => i.url)).toEqual(['https://gatsby.example/my-second-post/', 'https://gatsby.example/hello-world/']);
  });

  it("a Gatsby blog whose gatsby-config.js loads gatsby-config.ts (its siteMetadata a constant) and whose posts are in folders: createFilePath's paths keep the folders", async () => {
    const dir = project({
      'package.json': JSON.stringify({ dependencies: { gatsby: '^5.0.0' } }),
      'gatsby-config.js': 'const { register } = require("esbuild-register/dist/node")\nregister({ target: "node16" })\nmodule.exports = require("./gatsby-config.ts")\n',
      'gatsby-config.ts':
        'import type { GatsbyConfig } from "gatsby"\nconst plugins: GatsbyConfig["plugins"] = [\n  { resolve: "gatsby-plugin-manifest", options: { name: "Not the title", description: "nor this" } },\n]\nconst siteMetadata: GatsbyConfig["siteMetadata"] = {\n  title: "Field Notes",\n  description: "Notes by folder",\n  lang: "ja",\n  siteUrl: "https://notes.example/page/1/",\n  author: {\n    name: "A. Writer"\n  }\n}\nconst config: GatsbyConfig = { siteMetadata, plugins }\nexport default config\n',
      'gatsby-node.ts': 'const { createFilePath } = require("gatsby-source-filesystem")\nexports.onCreateNode = ({ node, actions, getNode }) => {\n  const value = createFilePath({ node, getNode })\n}\n',
      'content/blog/Diary/01/index.md': '---\ntitle: First diary entry\ndate: "2021-07-24"\n---\n\nText.\n',
      'content/blog/Git/01/index.md': '---\ntitle: First Git lesson\ndate: "2021-08-01"\n---\n\nText.\n',
      'content/blog/loose-note.md': '---\ntitle: A loose note\ndate: "2021-09-01"\n---\n\nText.\n',
    });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('This is a Gatsby site (gatsby-config.ts), which feedwright has no preset for');
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    // Gatsby's pages are at siteUrl's origin (a path in it, /page/1/, is no part of them).
    expect([config.title, config.description, config.link, config.language, config.author, config.permalinks]).toEqual(['Field Notes', 'Notes by folder', 'https://notes.example/', 'ja', { name: 'A. Writer' }, '/:path/']);
    const b = await run(['build', '--json'], { cwd: dir });
    expect((JSON.parse(b.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).not.toContain('META_DUPLICATE_ID');
    const items = (JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { url: string }[] }).items;
    expect(items.map((i) => i.url)).toEqual(['https://notes.example/loose-note/', 'https://notes.example/Git/01/', 'https://notes.example/Diary/01/']);
  });

  it("a Gatsby blog whose siteMetadata names no language: its Japanese posts name it, said in a line", async () => {
    const ja = (title: string) => `---\ntitle: ${title}\ndate: "2021-07-24"\n---\n\n静的サイトジェネレーターを使用して、ブログを再構築しました。\n`;
    const dir = project({
      'package.json': JSON.stringify({ dependencies: { gatsby: '^5.0.0' } }),
      'gatsby-config.js': 'module.exports = {\n  siteMetadata: {\n    title: `鳥のブログ`,\n    siteUrl: `https://tori.example`,\n  },\n}\n',
      'content/blog/a/index.md': ja('ブログを始めました'),
      'content/blog/b/index.md': ja('本の取り寄せ'),
      'content/blog/c/index.md': ja('請求が来た'),
    });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('The feed\'s language is "ja": 3 of the 3 posts checked are written in Kana script.');
    expect((JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>).language).toBe('ja');
  });

  it("a Gatsby blog whose gatsby-node.js makes each post's page at its front matter path: init maps the link to `path`", async () => {
    const dir = project({
      'package.json': JSON.stringify({ dependencies: { gatsby: '^5.0.0' } }),
      'gatsby-config.js': 'module.exports = {\n  siteMetadata: {\n    title: `Notes`,\n    siteUrl: `https://notes.example`,\n  },\n}\n',
      'gatsby-node.js': 'exports.createPages = async ({ actions, graphql }) => {\n  result.data.allMarkdownRemark.edges.forEach(({ node }) => {\n    actions.createPage({\n      path: node.frontmatter.path,\n      component: blogPostTemplate,\n    })\n  })\n}\n',
      'src/pages/posts/first.md': '---\npath: "/blog/hello-world"\ntitle: Hello\ndate: 2019-01-02\n---\n\nText.\n',
      'src/pages/posts/second.md': '---\npath: "/2019/another-one"\ntitle: Another\ndate: 2019-02-03\n---\n\nText.\n',
    });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('(each post\'s front matter path, "keys": { "link": ["path"] })');
    const config = JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.keys).toEqual({ link: ['path'] });
    const b = await run(['build', '--json'], { cwd: dir });
    expect((JSON.parse(b.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).not.toContain('FM_UNKNOWN_KEY');
    const items = (JSON.parse(readFileSync(path.join(dir, 'dist', 'feed.json'), 'utf8')) as { items: { url: string }[] }).items;
    expect(items.map((i) => i.url)).toEqual(['https://notes.example/2019/another-one', 'https://notes.example/blog/hello-world']);
  });

  it('a posts folder whose posts all lie in one posts folder inside it is that inner folder', async () => {
    const dir = project({ 'package.json': JSON.stringify({ dependencies: { next: '^14.0.0' } }), 'web/blog/posts/a.md': POST, 'web/blog/posts/b.md': POST });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('its posts are in web/blog/posts/ (2 Markdown files).');
  });

  it('a site whose posts are in a folder init does not look in: it names that folder, and init --articles builds it as the site', async () => {
    const dir = project({
      'package.json': JSON.stringify({ dependencies: { next: '^14.0.0' } }),
      'public/md/notes/first.md': POST,
      'public/md/notes/second.md': POST,
      'public/md/third.md': POST,
      'src/components/README.md': '# Components\n',
    });
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('This is a Next.js site (package.json (next)), but none of the folders');
    expect(r.stderr).toContain('the most Markdown files (3) are in public/md/. If those are the posts, run `npx feedwright init --articles public/md`');
    const again = await run(['init', '--force', '--articles', 'public/md'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('This is a Next.js site (package.json (next)): its posts are in public/md/ (3 Markdown files).');
    expect((JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as Record<string, unknown>).articles).toBe('public/md');
    // A folder without Markdown, or outside the project, writes nothing.
    const typo = await run(['init', '--force', '--articles', 'public/mdd'], { cwd: dir });
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringContaining('public/mdd/ holds no article (.md, .markdown, .mdx, .qmd, .txt, .html, .htm); nothing was written.')]);
    const outside = await run(['init', '--force', '--articles', '../elsewhere'], { cwd: dir });
    expect(outside.stderr).toContain('../elsewhere is outside this folder; nothing was written.');
  });
});

describe('assets/config.schema.json', () => {
  it('documents every config key, and only those', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...CONFIG_KEYS].sort());
    for (const [key, prop] of Object.entries(schema.properties)) expect(prop.description, key).toMatch(/\S{3}/);
  });

  it('rejects what the loader rejects: unknown keys, wrong types, bad enums', () => {
    const validate = validator();
    for (const bad of [{ titel: 'x' }, { limit: -1 }, { limit: 1.5 }, { future: 'soon' }, { feeds: { tag: true } }, { link: 'example.com' }, { cache: true }]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
      expect(() => resolveConfig(bad), JSON.stringify(bad)).toThrow();
    }
  });

  it('accepts what the loader accepts', () => {
    const validate = validator();
    for (const good of [
      {},
      { author: 'Jane <j@example.com>' },
      { hubs: 'https://hub.example.com/' },
      { cache: false },
      { precedence: { published: ['git', 'front-matter'] } },
      { files: { rss: 'index.rss' } },
    ]) {
      expect(() => resolveConfig(good), JSON.stringify(good)).not.toThrow();
      expect(validate(good), `${JSON.stringify(good)} ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});

describe('assets/config.schema.json and the loader agree', () => {
  it('allows each precedence field exactly the sources the loader allows ("title": ["mtime"] is refused by both)', async () => {
    const { PRECEDENCE_SOURCES } = await import('../../src/config/schema.js');
    const props = (schema.properties.precedence as unknown as { properties: Record<string, { items: { enum: string[] } }> }).properties;
    for (const [field, sources] of Object.entries(PRECEDENCE_SOURCES)) expect(props[field]?.items.enum, field).toEqual(sources);
    expect(() => resolveConfig({ precedence: { title: ['mtime'] } })).toThrow(/precedence\.title/);
  });
});

describe('init on a site whose address is written without a scheme', () => {
  it('Zola `base_url = "notes.example"`: says so at its file and line, what to write, and leaves the link a placeholder', async () => {
    const dir = makeTree({ 'config.toml': 'title = "Notes"\nbase_url = "notes.example"\n', 'content/blog/first.md': '+++\ntitle = "First"\ndate = 2024-03-05\n+++\n\nSome text of the post, long enough to be an article.\n' }, 'feedwright-init-scheme-');
    const r = await run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('config.toml:2: base_url "notes.example" has no scheme, so Zola writes the site\'s links without one (notes.example/…)');
    expect(r.stderr).toContain('Write `base_url = "https://notes.example"` in config.toml');
    expect((JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')) as { link: string }).link).toBe('https://example.com/');
  });

  it('Jekyll `url: blog.example`, and not for a URL with its scheme', async () => {
    const post = '---\ntitle: First\n---\n\nSome text of the post, long enough to be an article.\n';
    const bare = await run(['init'], { cwd: makeTree({ '_config.yml': 'title: Blog\nurl: blog.example\n', '_posts/2024-03-05-first.md': post }, 'feedwright-init-scheme-') });
    expect(bare.stderr).toContain('_config.yml:2: url "blog.example" has no scheme, so Jekyll writes');
    expect(bare.stderr).toContain('Write `url: https://blog.example` in _config.yml');
    const full = await run(['init'], { cwd: makeTree({ '_config.yml': 'title: Blog\nurl: https://blog.example\n', '_posts/2024-03-05-first.md': post }, 'feedwright-init-scheme-') });
    expect(full.stderr).not.toContain('has no scheme');
  });
});

describe('init on a multilingual Hugo site whose languages keep their own content folders', () => {
  const post = (title: string) => `+++\ntitle = '${title}'\ndate = 2024-10-29T12:23:19-04:00\n+++\n\nSome text of the post, long enough to be an article.\n`;
  const config = {
    'config/_default/hugo.toml': "baseURL = 'https://demo.example/'\ndefaultContentLanguage = 'fr'\ndefaultContentLanguageInSubdir = true\n",
    'config/_default/languages.fr.toml': "contentDir = 'content/fr'\n[permalinks.page]\n  news = '/nouvelles/:filename'\n",
  };
  const files = {
    ...config,
    'config/_default/languages.de.toml': "contentDir = 'content/de'\n[permalinks.page]\n  news = '/nachricht/:filename'\n",
    'content/de/news/a.md': post('A'),
    'content/de/news/b.md': post('B'),
    'content/de/news/c.md': post('C'),
    'content/fr/news/a.md': post('A'),
    'content/fr/news/b.md': post('B'),
  };
  const urls = (dir: string, file: string) => (JSON.parse(readFileSync(path.join(dir, 'dist', file), 'utf8')) as { items: { url: string }[] }).items.map((i) => i.url).sort();

  it("reads the default language's posts folder (content/fr/news, the main feed's), not another language's larger one", async () => {
    const dir = makeTree(files, 'feedwright-init-hugo-lang-');
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('its posts are in content/fr/news/ (2 Markdown files)');
    const b = await run(['build'], { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    expect(urls(dir, 'feed.json')).toEqual(['https://demo.example/fr/nouvelles/a/', 'https://demo.example/fr/nouvelles/b/']);
  });

  it('built from the folder holding them all (content/), each language links its pages by its own permalinks', async () => {
    const dir = makeTree({ ...files, 'feedwright.config.json': JSON.stringify({ title: 'Demo', author: 'Ann', articles: 'content', git: false }) }, 'feedwright-init-hugo-lang-');
    const b = await run(['build'], { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    expect(urls(dir, 'feed.json')).toEqual(['https://demo.example/fr/nouvelles/a/', 'https://demo.example/fr/nouvelles/b/']);
    expect(urls(dir, 'languages/de/feed.json')).toEqual(['https://demo.example/de/nachricht/a/', 'https://demo.example/de/nachricht/b/', 'https://demo.example/de/nachricht/c/']);
  });
});

describe('init on a site whose posts folder is named blogs/', () => {
  it('reads content/blogs of a Zola site, not the whole content/ with its about and resume pages', async () => {
    const post = (title: string) => `+++\ntitle = "${title}"\ndate = 2023-09-01\n+++\n\nSome text of the post, long enough to be an article.\n`;
    const dir = makeTree({ 'config.toml': 'base_url = "https://notes.example"\ntitle = "Notes"\n', 'content/about/index.md': post('About'), 'content/resume/index.md': post('Resume'), 'content/blogs/_index.md': '+++\ntitle = "Blogs"\n+++\n', 'content/blogs/ssh.md': post('SSH'), 'content/blogs/guitar/index.md': post('Guitar') }, 'feedwright-init-blogs-');
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).toContain('This is a Zola site (config.toml): its posts are in content/blogs/ (2 Markdown files).');
  });
});
