/**
 * The seed article (the one feedwright was first described from) must come out clean in all three
 * feeds: none of its site chrome anywhere, its title, every paragraph and its dateline present.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildProject, makeProject, readOut } from '../helpers/project.js';

const SEED = readFileSync(path.resolve(import.meta.dirname, '../../articles/2019-12-06-mexico-foreigners-cannot-intrude.txt'), 'utf8');

const CHROME = [
  '0 1,593',
  '- Advertisement -',
  'Subscribe to our newsletter',
  'Sign up here to get the latest news, updates and special offers delivered directly to your inbox.',
  'Get real time updates directly on you device, subscribe now.',
];
const TITLE = '‘Foreigners Cannot Intrude in Our Country’, Mexican President Says After Meeting US Attorney General';
const body = SEED.split('\n---\n')[1] ?? '';
const PARAGRAPHS = body
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter((p) => p.length > 0 && p !== TITLE && !CHROME.some((c) => p.startsWith(c)));

describe('the seed article', () => {
  it('has the paragraphs this test expects (guards the test itself)', () => {
    expect(PARAGRAPHS.length).toBe(8);
    expect(PARAGRAPHS[0]).toMatch(/^MEXICO CITY – With the administration/);
  });

  it('comes out with its title, dateline and every paragraph, and none of its chrome', async () => {
    const p = makeProject({ 'seed.txt': SEED });
    const result = await buildProject(p.dir);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const parser = new XMLParser({ htmlEntities: true });
    const rss = parser.parse(readOut(p.dir, 'rss.xml')) as { rss: { channel: { item: { title: string; 'content:encoded': string } } } };
    const atom = parser.parse(readOut(p.dir, 'atom.xml')) as { feed: { entry: { title: string; content: string } } };
    const json = JSON.parse(readOut(p.dir, 'feed.json')) as { items: { title: string; content_html: string }[] };
    const decode = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const contents = [rss.rss.channel.item['content:encoded'], atom.feed.entry.content, json.items[0]?.content_html ?? ''].map(decode);
    for (const t of [rss.rss.channel.item.title, atom.feed.entry.title, json.items[0]?.title]) expect(t).toBe(TITLE);
    for (const content of contents) {
      for (const paragraph of PARAGRAPHS) expect(content).toContain(`<p>${paragraph}</p>`);
      expect(content).not.toContain(TITLE);
    }
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) {
      const raw = readOut(p.dir, name);
      for (const chrome of CHROME) expect(raw, `${name} contains "${chrome}"`).not.toContain(chrome);
      expect(raw).not.toMatch(/Subscribe to our newsletter|Advertisement|1,593/);
    }
  });
});
