import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';
import { checkFeed, checkPaths, detectFormat } from '../../src/validate/index.js';
import { jsonFeedSchemaValidator } from '../../src/validate/json.js';
import { findBareAmpersand } from '../../src/validate/xml.js';
import { atom, atomEntry, jsonFeed, rss, rssItem } from './helpers.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const codes = (file: string, content: string) => checkFeed(file, content).map((d) => d.code);

describe('valid feeds have no diagnostics', () => {
  for (const name of ['valid.rss.xml', 'valid.atom.xml', 'valid.feed.json']) {
    it(`fixtures/${name}`, async () => {
      const content = await readFile(join(fixtures, name), 'utf8');
      expect(checkFeed(name, content)).toEqual([]);
      expect(checkFeed(name, content, { strict: true })).toEqual([]);
    });
  }
  it('the minimal documents the failing cases are built from', () => {
    expect(checkFeed('a.xml', rss(rssItem('')))).toEqual([]);
    expect(checkFeed('a.xml', atom(atomEntry('')))).toEqual([]);
    expect(checkFeed('a.json', jsonFeed())).toEqual([]);
  });
});

describe('detectFormat reads the content, not the name', () => {
  it.each([
    ['<rss version="2.0"/>', 'rss'],
    ['\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE rss [<!ENTITY x "y">]>\n<rss/>', 'rss'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"/>', 'atom'],
    ['<a:feed xmlns:a="http://www.w3.org/2005/Atom"/>', 'atom'],
    ['  {"version": "https://jsonfeed.org/version/1.1"}', 'json'],
    ['<html/>', undefined],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', undefined],
    ['', undefined],
    ['hello', undefined],
  ] as const)('%j is %s', (content, format) => {
    expect(detectFormat(content)).toBe(format);
  });
});

describe('positions', () => {
  it('count CRLF as one line end', () => {
    const doc = rss(rssItem('<link>/a</link>')).replace(/\n/g, '\r\n');
    const [d] = checkFeed('a.xml', doc).filter((x) => x.code === 'RSS_URL_NOT_ABSOLUTE');
    expect([d?.line, d?.column]).toEqual([8, 63]);
  });
  it('count an astral character as one column', () => {
    const doc = rss(rssItem('', '<title>😀 &#233;</title><guid>https://example.com/a</guid>'));
    const [d] = checkFeed('a.xml', doc).filter((x) => x.code === 'RSS_TEXT_DECIMAL_REFERENCE');
    expect([d?.line, d?.column]).toEqual([8, 16]);
  });
  it('ignore a byte-order mark', () => {
    const [d] = checkFeed('a.txt', '\uFEFFnot a feed');
    expect([d?.code, d?.line, d?.column]).toEqual(['FEED_FORMAT_UNKNOWN', 1, 1]);
  });
});

describe('strict mode', () => {
  it('turns warnings into errors and leaves errors alone', () => {
    const doc = rss('<item><title>A</title><author>Jane</author></item>');
    const normal = checkFeed('a.xml', doc);
    const strict = checkFeed('a.xml', doc, { strict: true });
    expect(normal.map((d) => [d.code, d.severity])).toEqual([
      ['RSS_GUID_MISSING', 'warning'],
      ['RSS_AUTHOR_NOT_EMAIL', 'error'],
    ]);
    expect(strict.map((d) => [d.code, d.severity])).toEqual([
      ['RSS_GUID_MISSING', 'error'],
      ['RSS_AUTHOR_NOT_EMAIL', 'error'],
    ]);
  });
});

describe('well-formedness regressions', () => {
  it('a bare & is reported where it is, not as an unclosed tag at the end', () => {
    const found = checkFeed('a.xml', rss(rssItem('<description>salt & pepper</description>')));
    expect(found.map((d) => [d.code, d.line, d.column])).toEqual([['XML_UNDEFINED_ENTITY', 8, 75]]);
  });
  it('a bare & in an attribute value too', () => {
    expect(codes('a.xml', rss(rssItem('<link>https://example.com/?a=1&b=2</link>')))).toEqual(['XML_UNDEFINED_ENTITY']);
  });
  it('& inside CDATA and comments is fine', () => {
    expect(codes('a.xml', rss(`<!-- a & b -->${rssItem('<description><![CDATA[a & b]]></description>')}`))).toEqual([]);
  });
  it('stops after the first mismatched end tag instead of cascading', () => {
    const found = codes('a.xml', '<rss version="2.0"><channel><item><title>x</item></channel></rss>');
    expect(found).toEqual(['XML_MISMATCHED_TAG']);
  });
  it('a misspelt start tag: one error naming the element that is open and where, nothing after it', () => {
    const feed = '<feed xmlns="http://www.w3.org/2005/Atom">\n  <id>urn:x</id>\n  <titel type="text">T</title>\n  <updated>2024-01-01T00:00:00Z</updated>\n  <author><name>A</name></author>\n</feed>\n';
    const found = checkFeed('a.xml', feed);
    expect(found.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
      ['XML_MISMATCHED_TAG', 3, 23, 'The end tag </title> does not match <titel>, open since line 3, column 3.'],
    ]);
    const item = checkFeed('b.xml', '<rss version="2.0"><channel>\n<item>\n  <title>x</item></channel></rss>');
    expect(item.map((d) => d.message)).toEqual(['The end tag </item> does not match <title>, open since line 3, column 3.']);
  });
  it('reports an unclosed root at its start tag', () => {
    const found = checkFeed('a.xml', '<rss version="2.0">\n<channel>');
    expect(found.map((d) => [d.code, d.line, d.column])).toEqual([['XML_MISMATCHED_TAG', 2, 1]]);
  });
  it('skips spec rules on a document that is not well-formed', () => {
    expect(codes('a.xml', '<rss version="0.9"><channel>\u0001</channel></rss>')).toEqual(['XML_ILLEGAL_CHARACTER']);
  });
  it('a lone surrogate (possible in a feed rendered in memory) is reported where it is', () => {
    const found = checkFeed('a.xml', '<rss version="2.0"><channel>ab\uD800</channel></rss>');
    expect(found.map((d) => [d.code, d.line, d.column])).toEqual([['XML_ILLEGAL_CHARACTER', 1, 31]]);
  });
  it('reports at most 10 well-formedness errors', () => {
    const many = rss(rssItem(`<description>${'\u0001 '.repeat(50)}</description>`));
    expect(codes('a.xml', many)).toHaveLength(10);
  });
});

describe('RSS value rules accept what they should', () => {
  it.each([
    'Wed, 31 Jan 2024 10:00:00 GMT',
    '31 Jan 2024 10:00 +0100',
    'Wed, 31 Jan 24 10:00:00 EST',
    'Wed, 31 Jan 2024 10:00:00 Z',
  ])('pubDate %j', (date) => {
    expect(codes('a.xml', rss(rssItem(`<pubDate>${date}</pubDate>`)))).toEqual([]);
  });
  it.each(['jane@example.com', 'jane@example.com (Jane Doe)'])('author %j', (author) => {
    expect(codes('a.xml', rss(rssItem(`<author>${author}</author>`)))).toEqual([]);
  });
  it('a guid with isPermaLink="false" need not be a URL', () => {
    expect(codes('a.xml', rss(rssItem('', '<title>A</title><guid isPermaLink="false">post-42</guid>')))).toEqual([]);
  });
  it('&#x26; in a title is the recommended form', () => {
    expect(codes('a.xml', rss(rssItem('', '<title>Salt &#x26; pepper</title><guid>https://example.com/a</guid>')))).toEqual([]);
  });
  it('CDATA with & in a title is not', () => {
    expect(codes('a.xml', rss(rssItem('', '<title><![CDATA[Salt & pepper]]></title><guid>https://example.com/a</guid>')))).toEqual([
      'RSS_TEXT_AMPERSAND_NOT_HEX',
    ]);
  });
});

describe('plain-text markup warnings look for real HTML elements only', () => {
  it('a title about "<odd> things" is left alone', () => {
    expect(codes('a.xml', atom(atomEntry('<summary>Nasty &amp; &lt;odd&gt; feed</summary>')))).toEqual([]);
  });
  it('but <script> in a category is reported', () => {
    expect(codes('a.xml', rss(rssItem('<category>&lt;script&gt;</category>')))).toContain('RSS_TEXT_CONTAINS_MARKUP');
  });
});

describe('Atom value rules accept what they should', () => {
  it('an author on the feed covers every entry; a source author covers its entry', () => {
    const noFeedAuthor = atom(
      atomEntry('<source><author><name>Other</name></author></source>'),
    ).replace('<author><name>Newsroom</name></author>', '');
    expect(codes('a.xml', noFeedAuthor)).toEqual([]);
  });
  it('alternate links differing in hreflang are fine', () => {
    const doc = atom(atomEntry('<link rel="alternate" hreflang="fr" href="https://example.com/fr/a"/>'));
    expect(codes('a.xml', doc)).toEqual([]);
  });
  it('out-of-line content with a summary is fine', () => {
    const doc = atom(atomEntry('<summary>s</summary><content type="audio/mpeg" src="https://example.com/a.mp3"/>'));
    expect(codes('a.xml', doc)).toEqual([]);
  });
  it('published with an offset equal to updated in UTC is not "after"', () => {
    const doc = atom(atomEntry('<published>2024-01-31T11:00:00+01:00</published>'));
    expect(codes('a.xml', doc)).toEqual([]);
  });
});

describe('JSON Feed value rules', () => {
  it('use the published schema, which is draft-07 and compiles with ajv 8\'s default class', async () => {
    const schema = JSON.parse(await readFile(join(fixtures, '../../../node_modules/jsonfeed-schema/schema-v1.1.json'), 'utf8')) as {
      $schema: string;
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const validate = jsonFeedSchemaValidator();
    expect(validate({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [] })).toBe(true);
    expect(validate({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [{ id: 'x' }] })).toBe(false);
  });
  it('accept underscore extensions and RFC 3339 dates with offsets and fractions', () => {
    const doc = jsonFeed(',\n  "_custom": { "about": "x" }', ',\n      "date_published": "2024-01-31T10:00:00.123+05:30"');
    expect(codes('a.json', doc)).toEqual([]);
  });
  it('report an absolute URL with a raw non-ASCII character as a schema violation, not as relative', () => {
    const found = checkFeed('a.json', jsonFeed('', ',\n      "url": "https://example.com/café"'));
    expect(found.map((d) => [d.code, d.line, d.column])).toEqual([['JSON_SCHEMA_VIOLATION', 10, 14]]);
    expect(codes('a.json', jsonFeed('', ',\n      "url": "https://example.com/caf%C3%A9"'))).toEqual([]);
  });
  it('report a syntax error at its position', () => {
    const [d] = checkFeed('a.json', '{\n  "title": "x",\n  "items": [1 2]\n}');
    expect([d?.code, d?.line, d?.column]).toEqual(['JSON_SYNTAX_ERROR', 3, 15]);
  });
});

describe('feed@6 output: the defects feedwright must not repeat are caught', () => {
  const build = (title: string, content: string) => {
    const feed = new Feed({
      title,
      id: 'https://example.com/',
      link: 'https://example.com/',
      description: 'd',
      copyright: 'c',
      updated: new Date('2024-01-31T10:00:00Z'),
      feedLinks: { rss: 'https://example.com/rss.xml', atom: 'https://example.com/atom.xml' },
    });
    feed.addItem({
      title: 'A',
      link: 'https://example.com/a',
      date: new Date('2024-01-31T10:00:00Z'),
      description: 'x',
      content,
      author: [{ name: 'Jane Doe' }],
      category: [{ name: 'Local' }],
    });
    return feed;
  };
  it('two ]]> in content, in RSS and Atom', () => {
    const feed = build('T', '<p>a]]>b</p> c]]>d');
    expect(codes('rss.xml', feed.rss2())).toEqual(['XML_CDATA_END_IN_TEXT']);
    expect(codes('atom.xml', feed.atom1())).toEqual(['XML_CDATA_END_IN_TEXT']);
  });
  it('a raw U+0001 in the title', () => {
    expect(codes('rss.xml', build('T\u0001', 'c').rss2())).toEqual(['XML_ILLEGAL_CHARACTER']);
  });
  it('a name-only RSS <author> and an Atom category without term', () => {
    const feed = build('T', 'c');
    expect(codes('rss.xml', feed.rss2())).toContain('RSS_AUTHOR_NOT_EMAIL');
    expect(codes('atom.xml', feed.atom1())).toContain('ATOM_CATEGORY_TERM_MISSING');
  });
  it('JSON Feed version 1 with the 1.0 author object and items without id', () => {
    const found = codes('feed.json', build('T', 'c').json1());
    expect(found).toEqual(expect.arrayContaining(['JSON_VERSION_INVALID', 'JSON_AUTHOR_DEPRECATED', 'JSON_REQUIRED_MISSING']));
  });
});

describe('checkPaths', () => {
  it('walks folders for feed extensions, checks named files whatever their name, reports unreadable paths', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'feedwright-validate-'));
    try {
      await mkdir(join(dir, 'sub'));
      await mkdir(join(dir, 'node_modules'));
      await writeFile(join(dir, 'good.json'), jsonFeed());
      await writeFile(join(dir, 'sub', 'bad.atom'), '<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id>');
      await writeFile(join(dir, 'notes.txt'), 'not a feed');
      await writeFile(join(dir, 'node_modules', 'bad.xml'), '<x>');
      await writeFile(join(dir, 'feed.txt'), rss(rssItem('<link>/a</link>')));
      await writeFile(join(dir, 'config.json'), '{ "title": "not a feed" }');
      await writeFile(join(dir, 'broken.json'), '{ "version": "https://jsonfeed.org/version/1.1", ');

      const found = await checkPaths([dir, join(dir, 'feed.txt'), join(dir, 'missing.xml'), join(dir, 'config.json')]);
      expect(found.map((d) => [d.file, d.code, d.severity])).toEqual([
        [join(dir, 'broken.json'), 'JSON_SYNTAX_ERROR', 'error'],
        [join(dir, 'config.json'), 'FEED_SKIPPED_NOT_A_FEED', 'note'],
        [join(dir, 'sub', 'bad.atom'), 'XML_MISMATCHED_TAG', 'error'],
        [join(dir, 'feed.txt'), 'RSS_URL_NOT_ABSOLUTE', 'error'],
        [join(dir, 'missing.xml'), 'FEED_FILE_UNREADABLE', 'error'],
        // Named explicitly, so checked as a feed after all.
        [join(dir, 'config.json'), 'JSON_FEED_URL_MISSING', 'warning'],
        [join(dir, 'config.json'), 'JSON_FEED_URL_MISSING', 'warning'],
        [join(dir, 'config.json'), 'JSON_REQUIRED_MISSING', 'error'],
        [join(dir, 'config.json'), 'JSON_REQUIRED_MISSING', 'error'],
      ]);
      expect(found[4]?.message).toMatch(/^The path could not be read: .*\.$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read (skipped as root: root reads everything)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'feedwright-validate-'));
    try {
      const file = join(dir, 'locked.xml');
      await writeFile(file, '<rss/>');
      await chmod(file, 0o000);
      const found = await checkPaths([file]);
      expect(found.map((d) => d.code)).toEqual(['FEED_FILE_UNREADABLE']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('checkPaths on a folder that holds no feed', () => {
  it('is an error naming the folder (a CI step that checked nothing must not pass); a folder with a feed is not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'feedwright-validate-'));
    try {
      await mkdir(join(dir, 'empty'));
      await mkdir(join(dir, 'other'));
      await writeFile(join(dir, 'other', 'config.json'), '{ "title": "not a feed" }');
      await writeFile(join(dir, 'other', 'notes.txt'), 'not a feed');
      await mkdir(join(dir, 'feeds'));
      await writeFile(join(dir, 'feeds', 'feed.json'), jsonFeed());
      const found = await checkPaths([join(dir, 'empty'), join(dir, 'other'), join(dir, 'feeds')]);
      expect(found.map((d) => [d.file, d.code, d.severity])).toEqual([
        [join(dir, 'empty'), 'FEED_NONE_FOUND', 'error'],
        [join(dir, 'other', 'config.json'), 'FEED_SKIPPED_NOT_A_FEED', 'note'],
        [join(dir, 'other'), 'FEED_NONE_FOUND', 'error'],
      ]);
      // A missing folder is unreadable, not also empty.
      expect((await checkPaths([join(dir, 'missing')])).map((d) => d.code)).toEqual(['FEED_FILE_UNREADABLE']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('JSON Feed author compatibility', () => {
  it('author next to authors is fine (JSON Feed 1.1 allows both for 1.0 readers)', () => {
    const doc = jsonFeed(',\n  "authors": [{ "name": "J" }],\n  "author": { "name": "J" }');
    expect(codes('a.json', doc)).toEqual([]);
  });
});

describe('the pre-scan for a lone &', () => {
  it.each([
    ['<a>x &amp; y &#38; &#x26; &nbsp;</a>', -1],
    ['<a>x & y</a>', 5],
    ['<a><![CDATA[ & ]]> & </a>', 19],
    ['<!-- & --><a/>', -1],
    ['<?pi a & b?><a t="&"/>', 18],
    ['<!DOCTYPE a [<!ENTITY e "&#38;">]><a>&e;</a>', -1],
    ['<a><!-- unclosed & ', -1],
    ['<a>&x', 3],
  ] as const)('%j -> %d', (text, offset) => {
    expect(findBareAmpersand(text)).toBe(offset);
  });
});
