import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/helpers.js';
import { makeTree } from '../helpers/project.js';

/*
 * A multilingual Hugo or Zola site files each translation under its language (`index.fr.md`) and
 * publishes one feed per language. feedwright does the same: the main feed keeps the default
 * language, each other language gets languages/<tag>/, and every item carries its language.
 */

const post = (title: string, date: string): string => `---\ntitle: ${title}\ndate: ${date}\n---\n\nThe body of ${title}.\n`;

const HUGO = {
  'hugo.toml': [
    'baseURL = "https://blog.example/"',
    'title = "The Blog"',
    'defaultContentLanguage = "en"',
    '[languages.en]',
    '  languageCode = "en-us"',
    '[languages.fr]',
    '  languageCode = "fr-fr"',
    '  title = "Le Blog"',
    '[languages.de]',
    '',
  ].join('\n'),
  'content/posts/first/index.md': post('First post', '2024-03-05'),
  'content/posts/first/index.fr.md': post('Premier billet', '2024-03-05'),
  'content/posts/first/index.de.md': post('Erster Beitrag', '2024-03-05'),
  'content/posts/third/index.fr.md': post('Troisième billet', '2024-03-05'),
  'content/posts/second.md': post('Second post', '2024-04-01'),
  'content/posts/second.fr.md': post('Deuxième billet', '2024-04-01'),
};

interface JsonFeed {
  title: string;
  language?: string;
  home_page_url: string;
  items: { id: string; title: string; url: string; language?: string }[];
}

const feed = (cwd: string, file: string): JsonFeed => JSON.parse(readFileSync(path.join(cwd, 'dist', file), 'utf8')) as JsonFeed;

describe('a multilingual site', () => {
  it('Hugo: the main feed keeps the default language; each other language has its own feed, title, language and home page', async () => {
    const cwd = makeTree(HUGO, 'feedwright-languages-');
    const r = await run(['build', '--articles', 'content/posts', '--no-color'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const main = feed(cwd, 'feed.json');
    expect(main.items.map((i) => [i.title, i.language])).toEqual([
      ['Second post', 'en'],
      ['First post', 'en'],
    ]);
    expect(main.language).toBe('en-us');
    const fr = feed(cwd, 'languages/fr/feed.json');
    expect(fr).toMatchObject({ title: 'Le Blog', language: 'fr-fr', home_page_url: 'https://blog.example/fr/' });
    expect(fr.items.map((i) => [i.title, i.url, i.language])).toEqual([
      ['Deuxième billet', 'https://blog.example/fr/posts/second/', 'fr'],
      ['Premier billet', 'https://blog.example/fr/posts/first/', 'fr'],
      ['Troisième billet', 'https://blog.example/fr/posts/third/', 'fr'],
    ]);
    // Two bundles' translations of the same day have ids of their own, named by their folders.
    expect(fr.items.map((i) => i.id)).toEqual(['tag:blog.example,2024-04-01:second.fr', 'tag:blog.example,2024-03-05:first.fr', 'tag:blog.example,2024-03-05:third.fr']);
    expect(main.items.map((i) => i.id)).toEqual(['tag:blog.example,2024-04-01:second', 'tag:blog.example,2024-03-05:first']);
    // A language with no title or languageCode of its own: the site's title, the language's key.
    expect(feed(cwd, 'languages/de/feed.json')).toMatchObject({ title: 'The Blog', language: 'de', home_page_url: 'https://blog.example/de/' });
    expect(readFileSync(path.join(cwd, 'dist/languages/fr/rss.xml'), 'utf8')).toContain('<language>fr-fr</language>');
    expect(readFileSync(path.join(cwd, 'dist/index.html'), 'utf8')).toContain('Feeds by language');
    expect(readFileSync(path.join(cwd, 'dist/feeds.opml'), 'utf8')).toContain('xmlUrl="https://blog.example/languages/fr/rss.xml"');

    // The language's last article is deleted: its feed and folder go.
    rmSync(path.join(cwd, 'content/posts/first/index.de.md'));
    const again = await run(['build', '--articles', 'content/posts', '--no-color'], { cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(path.join(cwd, 'dist/languages/de'))).toBe(false);
    expect(existsSync(path.join(cwd, 'dist/languages/fr/feed.json'))).toBe(true);
  });

  it("Hugo with a content folder per language: the French folder's posts make the main feed, in French", async () => {
    const cwd = makeTree(
      {
        'hugo.toml': 'baseURL = "https://blog.example/"\ntitle = "The Blog"\ndefaultContentLanguage = "en"\n[languages.en]\n  contentDir = "content/en"\n[languages.fr]\n  contentDir = "content/fr"\n  languageCode = "fr-fr"\n  title = "Le Blog"\n',
        'content/en/posts/first.md': post('First post', '2024-03-05'),
        'content/fr/posts/premier.md': post('Premier billet', '2024-03-05'),
      },
      'feedwright-languages-',
    );
    const r = await run(['build', '--articles', 'content/fr/posts', '--no-color'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(cwd, 'dist/languages'))).toBe(false);
    expect(feed(cwd, 'feed.json')).toMatchObject({ title: 'Le Blog', language: 'fr-fr' });
    expect(feed(cwd, 'feed.json').items.map((i) => [i.title, i.url, i.language])).toEqual([['Premier billet', 'https://blog.example/fr/posts/premier/', 'fr']]);
  });

  it("Hugo: a language's own permalinks (languages.<l>.permalinks.page) link its content folder's posts, :slug being the title when no slug is written", async () => {
    const cwd = makeTree(
      {
        'hugo.toml': 'baseURL = "https://blog.example/"\ndefaultContentLanguage = "en"\ndefaultContentLanguageInSubdir = true\n[permalinks]\n  posts = "/articles/:slug/"\n[languages.en]\n  contentDir = "content/en"\n  [languages.en.permalinks.page]\n    posts = "/:slug/"\n[languages.fr]\n  contentDir = "content/fr"\n',
        'content/en/posts/first/index.md': post('"Why we wrote it: a story"', '2024-03-05'),
        'content/en/posts/second.md': '---\ntitle: Second\nslug: the-second\ndate: 2024-03-06\n---\n\nThe body of Second.\n',
      },
      'feedwright-languages-',
    );
    const r = await run(['build', '--articles', 'content/en/posts', '--no-color'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(feed(cwd, 'feed.json').items.map((i) => i.url).sort()).toEqual(['https://blog.example/en/the-second/', 'https://blog.example/en/why-we-wrote-it-a-story/']);
  });

  it('Hugo with a content folder per language, the articles folder holding both: each post is filed under its folder\'s language, its path starting inside that folder', async () => {
    const cwd = makeTree(
      {
        'hugo.toml': 'baseURL = "https://blog.example/"\ntitle = "The Blog"\ndefaultContentLanguage = "ja"\n[languages.ja]\n  contentDir = "content/ja/"\n[languages.en]\n  contentDir = "content/en/"\n  title = "The English Blog"\n',
        'content/ja/entry/2024/03/05/first.md': post('最初の記事', '2024-03-05'),
        'content/en/entry/2024/03/06/second.md': post('Second post', '2024-03-06'),
      },
      'feedwright-languages-',
    );
    const r = await run(['build', '--articles', 'content', '--no-color'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(feed(cwd, 'feed.json').items.map((i) => [i.url, i.language])).toEqual([['https://blog.example/entry/2024/03/05/first/', 'ja']]);
    expect(feed(cwd, 'languages/en/feed.json')).toMatchObject({ title: 'The English Blog' });
    expect(feed(cwd, 'languages/en/feed.json').items.map((i) => [i.url, i.language])).toEqual([['https://blog.example/en/entry/2024/03/06/second/', 'en']]);
  });

  it('"feeds": { "languages": false } keeps one feed of every language, each item marked with its own', async () => {
    const cwd = makeTree(HUGO, 'feedwright-languages-');
    writeFileSync(path.join(cwd, 'feedwright.config.json'), JSON.stringify({ articles: 'content/posts', site: '.', feeds: { languages: false } }));
    const r = await run(['build', '--no-color'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(cwd, 'dist/languages'))).toBe(false);
    expect(feed(cwd, 'feed.json').items.map((i) => i.language)).toEqual(['en', 'fr', 'en', 'de', 'fr', 'fr']);
  });

  it('a site in one language splits nothing and marks no item, even with a language in its config', async () => {
    const cwd = makeTree({ ...HUGO, 'hugo.toml': 'baseURL = "https://blog.example/"\ntitle = "The Blog"\n[languages.en]\n  languageCode = "en-us"\n' }, 'feedwright-languages-');
    const r = await run(['build', '--articles', 'content/posts', '--no-color'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(cwd, 'dist/languages'))).toBe(false);
    // index.fr.md is then a page named "index.fr" of its own, as Hugo reads it; no item has a language.
    expect(feed(cwd, 'feed.json').items.every((i) => i.language === undefined)).toBe(true);
  });

  it('Zola: a translation (name.fr.md) goes to its language feed; front matter `lang` wins over the file name', async () => {
    const cwd = makeTree(
      {
        'config.toml': 'base_url = "https://z.example"\ntitle = "Zola site"\ndefault_language = "en"\n[languages.fr]\ntitle = "Site Zola"\n',
        'content/blog/one.md': post('One', '2024-01-02'),
        'content/blog/one.fr.md': post('Un', '2024-01-02'),
        'content/blog/two.fr.md': '---\ntitle: Deux\ndate: 2024-01-03\nlang: es\n---\n\nEn español.\n',
      },
      'feedwright-languages-',
    );
    const r = await run(['build', '--articles', 'content/blog', '--no-color'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(feed(cwd, 'feed.json').items.map((i) => i.title)).toEqual(['One']);
    expect(feed(cwd, 'languages/fr/feed.json').items.map((i) => [i.title, i.url])).toEqual([['Un', 'https://z.example/fr/blog/one/']]);
    expect(feed(cwd, 'languages/es/feed.json')).toMatchObject({ language: 'es', home_page_url: 'https://z.example/' });
  });
});
