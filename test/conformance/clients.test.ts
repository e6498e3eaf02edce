/**
 * Independent validators and a real feed parser on feedwright's output: xmllint (libxml2), the
 * RFC 4287 RELAX NG grammar (jing), Python's feedparser, and feedsmith's JSON Feed parser.
 * They run over every golden case AND over a generated folder of nasty articles. CI installs the
 * tools (.ci/run), so nothing is skipped there; elsewhere a missing tool skips with its reason.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatRfc3339 } from '../../src/meta/dates.js';
import { joinNames } from '../../src/meta/people.js';
import type { Article } from '../../src/model.js';
import { atomGrammarMany, feedparserParse, feedsmithParseJson, hasTool, missingReason, xmllintWellFormed } from '../clients/clients.js';
import { buildProject, makeProject } from '../helpers/project.js';

const GOLDEN = path.join(import.meta.dirname, '../golden/cases');

/** A reproducible folder of hostile articles: fixed seed, so a failure can be replayed. */
function nastyFiles(): Record<string, string> {
  const s = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom(']]>', ']]>]]>', '&amp;', '<b>x</b>', '\u0001', '\uD800', '\uFFFF', 'שלום', '👩🏽‍💻', 'x'.repeat(500), '& < > " \''),
  );
  const records = fc.sample(fc.record({ title: s, author: s, coauthor: s, tag: s, body: s, day: fc.integer({ min: 1, max: 28 }), md: fc.boolean() }), { seed: 4151, numRuns: 30 });
  const files: Record<string, string> = {};
  records.forEach((r, i) => {
    const fm = stringify({ title: `${r.title} #${i}`, authors: [{ name: r.author || 'A' }, { name: r.coauthor || 'B', email: 'b@example.com' }], tags: [r.tag || 't'], date: `2024-02-${String(r.day).padStart(2, '0')}T12:00:00+02:00` });
    files[`nasty-${i}.${r.md ? 'md' : 'txt'}`] = `---\n${fm}---\n\n${r.body}\n\nA sentence of body text that stays, with ]]> and & in it.\n`;
  });
  return files;
}

interface Built {
  name: string;
  dir: string;
  articles: Article[] | undefined;
}

const sets: Built[] = [];

beforeAll(async () => {
  for (const c of readdirSync(GOLDEN)) sets.push({ name: `golden/${c}`, dir: path.join(GOLDEN, c, 'expected'), articles: undefined });
  const p = makeProject(nastyFiles());
  const result = await buildProject(p.dir);
  sets.push({ name: 'generated nasty articles', dir: p.out, articles: (await result.articles()) });
}, 120_000);

const file = (b: Built, name: string) => path.join(b.dir, name);

describe('xmllint (libxml2)', () => {
  it.skipIf(!hasTool('xmllint'))(`finds every XML output well-formed${hasTool('xmllint') ? '' : ` (skipped: ${missingReason('xmllint')})`}`, () => {
    for (const b of sets) {
      for (const name of ['rss.xml', 'atom.xml']) {
        const v = xmllintWellFormed(file(b, name));
        expect(v, `${b.name}/${name}`).toMatchObject({ status: 'valid' });
      }
    }
  });
});

describe('the Atom RELAX NG grammar (RFC 4287)', () => {
  it.skipIf(!hasTool('atom-grammar'))(`accepts every atom.xml${hasTool('atom-grammar') ? '' : ` (skipped: ${missingReason('atom-grammar')})`}`, () => {
    const verdicts = atomGrammarMany(sets.map((b) => file(b, 'atom.xml')));
    for (const [i, v] of verdicts.entries()) expect(v, sets[i]?.name).toMatchObject({ status: 'valid' });
  });
});

/** HTML's character references as a reader decodes them (the ones feedparser writes back). */
function unescapeHtml(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (named[name ?? ''] ?? m),
  );
}

describe('Python feedparser', () => {
  it.skipIf(!hasTool('feedparser'))(`parses RSS and Atom without bozo, with the right version and fields${hasTool('feedparser') ? '' : ` (skipped: ${missingReason('feedparser')})`}`, () => {
    for (const b of sets) {
      const json = JSON.parse(readFileSync(file(b, 'feed.json'), 'utf8')) as { items: { id: string; url: string; title: string; date_published: string; date_modified: string; authors: { name: string }[] }[] };
      for (const [name, version] of [['rss.xml', 'rss20'], ['atom.xml', 'atom10']] as const) {
        const r = feedparserParse(file(b, name));
        if (r.status !== 'parsed') throw new Error(r.reason);
        expect(r.bozo, `${b.name}/${name}: ${r.bozo_exception}`).toBe(false);
        expect(r.version).toBe(version);
        expect(r.entries).toHaveLength(json.items.length);
        r.entries.forEach((e, i) => {
          // The JSON Feed is the reference for what the article says (it carries every field
          // unescaped); for the generated set it is also checked against the articles themselves.
          const item = json.items[i];
          if (!item) throw new Error('missing item');
          const where = `${b.name}/${name} entry ${i}`;
          // A title declared as HTML (Atom type="html": one that names an element) is markup
          // whose text, as a reader shows it, is the article's title.
          expect(name === 'atom.xml' && e.titleType === 'text/html' ? unescapeHtml(e.title ?? '') : e.title, where).toBe(item.title);
          expect(e.link, where).toBe(item.url);
          expect(e.id, where).toBe(item.id);
          const names = item.authors.map((a) => a.name);
          expect(e.authors, where).toEqual(name === 'rss.xml' ? [joinNames(names.map((n) => ({ name: n })))] : names);
          // feedparser gives every date in UTC; the feeds keep the offset the source stated, so the
          // three formats must agree on the instant.
          const instant = (s: string | null): number => (s === null ? Number.NaN : Date.parse(s));
          expect(instant(e.published), where).toBe(Date.parse(item.date_published));
          expect(instant(e.updated), where).toBe(Date.parse(item.date_modified));
          expect(Number.isNaN(instant(e.published)), where).toBe(false);
        });
      }
    }
  });
});

describe('feedsmith (an independent JSON Feed reader)', () => {
  it('reads every feed.json with the same ids, titles and authors', () => {
    for (const b of sets) {
      const text = readFileSync(file(b, 'feed.json'), 'utf8');
      const r = feedsmithParseJson(text);
      if (r.status !== 'parsed') throw new Error(`${b.name}: ${r.error}`);
      const ours = JSON.parse(text) as { items: { id: string; title: string; authors: { name: string }[] }[] };
      const theirs = r.feed as unknown as { items: { id: string; title: string; authors?: { name: string }[] }[] };
      expect(theirs.items.map((i) => [i.id, i.title, i.authors?.map((a) => a.name)])).toEqual(ours.items.map((i) => [i.id, i.title, i.authors.map((a) => a.name)]));
    }
  });
});

describe('the generated set against its articles', () => {
  it('carries every article, with its dates in RFC 3339', () => {
    const b = sets.find((s) => s.articles);
    if (!b?.articles) throw new Error('generated set missing');
    expect(b.articles.length).toBe(30);
    const json = JSON.parse(readFileSync(file(b, 'feed.json'), 'utf8')) as { items: { id: string; title: string; date_published: string }[] };
    for (const a of b.articles) {
      const item = json.items.find((i) => i.id === a.id.value);
      expect(item?.title).toBe(a.title.value);
      // At the offset the date was written at (a front matter "+02:00" stays "+02:00").
      expect(item?.date_published).toBe(formatRfc3339(a.published.value, a.published.offset));
      expect(Date.parse(item?.date_published ?? '')).toBe(a.published.value.getTime());
    }
  });
});

