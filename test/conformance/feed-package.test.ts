/**
 * Why feedwright writes its own serialisers instead of calling `feed@6` (docs/ARCHITECTURE.md,
 * "Dependencies"): each defect below is reproduced against the installed `feed`, and the same
 * input is shown to come out right from feedwright. If a future `feed` fixes a defect, its test
 * here fails: that is the signal to reconsider the decision.
 * Where `feed` is right (plain titles, links, guids, dates), the two are compared field by field.
 */
import { XMLParser } from 'fast-xml-parser';
import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';
import { checkFeed } from '../../src/validate/index.js';
import { buildProject, makeProject, readOut } from '../helpers/project.js';

const NASTY = 'x ]]> y ]]> z \u0001 end';

function feedPackage(content: string, author: { name: string; email?: string }) {
  const f = new Feed({ title: 'T', id: 'https://example.com/', link: 'https://example.com/', copyright: '', updated: new Date(0) });
  f.addItem({ title: 'a', id: 'https://example.com/a', link: 'https://example.com/a', date: new Date(0), content, author: [author], category: [{ name: 'c' }] });
  return f;
}

function errors(file: string, text: string): string[] {
  return checkFeed(file, text).filter((d) => d.severity === 'error').map((d) => d.code);
}

describe('feed@6 defects, reproduced', () => {
  it('splits only the first of two "]]>" in CDATA and writes U+0001 raw: malformed XML', () => {
    const f = feedPackage(NASTY, { name: 'Jane' });
    expect(errors('rss.xml', f.rss2())).not.toEqual([]);
    expect(errors('atom.xml', f.atom1())).not.toEqual([]);
    // Without the control character, the CDATA split alone still breaks the document.
    expect(errors('rss.xml', feedPackage('x ]]> y ]]> z', { name: 'Jane' }).rss2())).not.toEqual([]);
  });

  it('writes a name-only <author> in RSS (must be an email address)', () => {
    expect(feedPackage('ok', { name: 'Jane' }).rss2()).toContain('<author>Jane</author>');
  });

  it('writes Atom categories without the required term', () => {
    expect(feedPackage('ok', { name: 'Jane' }).atom1()).toContain('<category label="c"/>');
  });

  it('writes JSON Feed 1.0 with a single author', () => {
    const json = JSON.parse(feedPackage('ok', { name: 'Jane' }).json1()) as Record<string, unknown>;
    expect(json.version).toBe('https://jsonfeed.org/version/1');
  });

  it('throws on an item without a date in atom1(), and on a relative link', () => {
    const f = new Feed({ title: 'T', id: 'https://example.com/', link: 'https://example.com/', copyright: '' });
    f.addItem({ title: 'a', link: 'https://example.com/a' } as never);
    expect(() => f.atom1()).toThrow();
    const g = new Feed({ title: 'T', id: 'x', link: '/relative', copyright: '', updated: new Date(0) });
    g.addItem({ title: 'a', id: 'x', link: '/a', date: new Date(0) });
    expect(() => g.atom1()).toThrow(/Invalid URL/);
  });
});

describe('feedwright on the same input', () => {
  it('is well-formed and valid, and keeps both "]]>"', async () => {
    const p = makeProject({ 'a.md': `---\ntitle: a\nauthor: Jane\ndate: 2024-01-01\ntags: [c]\n---\n\n${NASTY}\n` });
    await buildProject(p.dir);
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) expect(errors(name, readOut(p.dir, name))).toEqual([]);
    const rss = readOut(p.dir, 'rss.xml');
    expect(rss).not.toContain('\u0001');
    expect(rss).not.toMatch(/<author>/);
    expect(rss).toContain('<dc:creator>Jane</dc:creator>');
    const parsed = new XMLParser().parse(rss) as { rss: { channel: { item: { 'content:encoded': string } } } };
    expect(parsed.rss.channel.item['content:encoded']).toContain('x ]]&gt; y ]]&gt; z  end');
    expect(readOut(p.dir, 'atom.xml')).toContain('<category term="c"/>');
    expect(JSON.parse(readOut(p.dir, 'feed.json')).version).toBe('https://jsonfeed.org/version/1.1');
  });

  it('agrees with feed@6 on titles, links, guids and dates where feed@6 is right', async () => {
    const items = [
      { slug: 'one', title: 'First & best', date: '2024-01-02T03:04:05Z' },
      { slug: 'two', title: 'Second <one>', date: '2023-12-31T23:59:59Z' },
    ];
    const p = makeProject(Object.fromEntries(items.map((i) => [`${i.slug}.md`, `---\ntitle: "${i.title}"\nid: https://example.com/${i.slug}\ndate: ${i.date}\n---\n\nBody.\n`])));
    await buildProject(p.dir);
    const f = new Feed({ title: 'Test feed', id: 'https://example.com/', link: 'https://example.com/', copyright: '', updated: new Date(0) });
    for (const i of items) f.addItem({ title: i.title, id: `https://example.com/${i.slug}`, link: `https://example.com/${i.slug}`, date: new Date(i.date) });
    // htmlEntities: fast-xml-parser leaves numeric character references undecoded by default.
    const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: true });
    type Item = { title: string; link: string; guid: { '#text': string }; pubDate: string };
    const ours = (parser.parse(readOut(p.dir, 'rss.xml')) as { rss: { channel: { item: Item[] } } }).rss.channel.item;
    const theirs = (parser.parse(f.rss2()) as { rss: { channel: { item: Item[] } } }).rss.channel.item;
    const pick = (i: Item) => ({ title: i.title, link: i.link, guid: i.guid['#text'], pubDate: i.pubDate });
    expect(ours.map(pick)).toEqual(theirs.map(pick));
  });
});
