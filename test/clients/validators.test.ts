/**
 * The independent validators and clients of test/clients/clients.ts, run on the valid sample feeds
 * (which they must accept) and on broken ones (which they must reject, so these tests can fail).
 * Every test that needs a tool says in its name why it is skipped when the tool is missing.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFeed, detectFormat } from '../../src/validate/index.js';
import { FAILING_CASES } from '../validate/cases.js';
import { atom, atomEntry, rss, rssItem } from '../validate/helpers.js';
import { marked } from '../validate/helpers.js';
import {
  atomGrammar,
  atomGrammarMany,
  feedparserParse,
  feedsmithParseJson,
  missingReason,
  removeTempFeeds,
  tempFeed,
  xmllintWellFormed,
} from './clients.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../validate/fixtures');
const VALID_RSS = join(fixtures, 'valid.rss.xml');
const VALID_ATOM = join(fixtures, 'valid.atom.xml');
const VALID_JSON = join(fixtures, 'valid.feed.json');

/** Name suffix that shows, in the test report, why a test did not run. */
const skipNote = (tool: string): string => (missingReason(tool) === '' ? '' : ` [skipped: ${missingReason(tool)}]`);
const lacks = (tool: string): boolean => missingReason(tool) !== '';
/** jing starts a JVM per run and the tools are spawned synchronously; give them room on slow CI. */
const TOOL_TIMEOUT = 120_000;

/** The XML documents of the failing cases (JSON and plain text left out). */
afterAll(removeTempFeeds);

const xmlCases = FAILING_CASES.map((c) => ({ ...c, text: marked(c.doc).text })).filter(
  (c) => detectFormat(c.text) !== 'json' && c.text.trimStart().startsWith('<'),
);

describe(`xmllint${skipNote('xmllint')}`, () => {
  it.skipIf(lacks('xmllint'))('accepts the valid RSS and Atom samples', () => {
    for (const path of [VALID_RSS, VALID_ATOM]) {
      const verdict = xmllintWellFormed(path);
      expect(verdict, JSON.stringify(verdict)).toMatchObject({ status: 'valid' });
    }
  }, TOOL_TIMEOUT);

  it.skipIf(lacks('xmllint'))('rejects a raw U+0001 and an undeclared content: prefix', () => {
    const control = tempFeed('control.xml', rss(rssItem('<description>a\u0001b</description>')));
    const prefix = tempFeed(
      'prefix.xml',
      '<rss version="2.0"><channel><item><content:encoded>x</content:encoded></item></channel></rss>',
    );
    expect(xmllintWellFormed(control)).toMatchObject({ status: 'invalid' });
    const verdict = xmllintWellFormed(prefix);
    expect(verdict).toMatchObject({ status: 'invalid' });
    expect(verdict.status === 'invalid' && verdict.messages.join('\n')).toMatch(/namespace error/);
  }, TOOL_TIMEOUT);

  it.skipIf(lacks('xmllint'))('agrees with the built-in checker on well-formedness for every XML case', () => {
    const disagreements = xmlCases.flatMap((c) => {
      const ours = checkFeed('f.xml', c.text).some((d) => d.code.startsWith('XML_')) ? 'invalid' : 'valid';
      const theirs = xmllintWellFormed(tempFeed('case.xml', c.text)).status;
      return ours === theirs ? [] : [`${c.code} (${c.name}): built-in ${ours}, xmllint ${theirs}`];
    });
    expect(disagreements).toEqual([]);
  }, TOOL_TIMEOUT);
});

describe(`xmllint and the built-in checker agree on random XML${skipNote('xmllint')}`, () => {
  // Token soup inside an <rss> root: tags, prefixes, references, CDATA, comments, illegal characters.
  const tokens = fc.constantFrom(
    '<a>', '</a>', '<b/>', '<c:d>', '</c:d>', '<e xmlns:c="urn:x">', '</e>', '&amp;', '&#1;', '&#x41;', '&nbsp;', '&',
    '<![CDATA[', ']]>', ']]', '>', 'x', ' ', '\u0001', '\uFFFE', '<!-- c -->', '<!--', '-->', '--', '<?pi x?>',
    'a="1"', '<f g="1" g="2"/>', '<h i="&"/>', '<j k="<"/>', '\t', '\r\n', '\u00e9', '😀',
  );
  it.skipIf(lacks('xmllint'))('on well-formedness', () => {
    fc.assert(
      fc.property(fc.array(tokens, { maxLength: 12 }), (parts) => {
        const text = `<rss version="2.0">${parts.join('')}</rss>`;
        const ours = checkFeed('f.xml', text).some((d) => d.code.startsWith('XML_')) ? 'invalid' : 'valid';
        expect(xmllintWellFormed(tempFeed('soup.xml', text)).status, JSON.stringify(text)).toBe(ours);
      }),
      { numRuns: 150 },
    );
  }, TOOL_TIMEOUT);
});

/** The failing Atom cases that the RELAX NG grammar can express; the others need the built-in rules. */
const GRAMMAR_ENFORCED = new Set([
  'ATOM_NAMESPACE_MISSING',
  'ATOM_ELEMENT_MISSING',
  'ATOM_ELEMENT_DUPLICATE',
  'ATOM_ELEMENT_UNKNOWN',
  'ATOM_LINK_HREF_MISSING',
  'ATOM_CATEGORY_TERM_MISSING',
  'ATOM_DATE_INVALID',
  'ATOM_DATE_OFFSET',
  'ATOM_TEXT_TYPE_INVALID',
  'ATOM_XHTML_DIV_MISSING',
  'ATOM_CONTENT_TYPE_INVALID',
  'ATOM_PERSON_EMAIL_INVALID',
]);

describe(`Atom RELAX NG grammar (RFC 4287 appendix B)${skipNote('atom-grammar')}`, () => {
  it.skipIf(lacks('atom-grammar'))('accepts the valid Atom sample and the minimal test feed', () => {
    for (const verdict of atomGrammarMany([VALID_ATOM, tempFeed('minimal.xml', atom(atomEntry('')))])) {
      expect(verdict, JSON.stringify(verdict)).toMatchObject({ status: 'valid' });
    }
  }, TOOL_TIMEOUT);

  it.skipIf(lacks('atom-grammar'))('rejects feed@6\'s category without term', () => {
    const verdict = atomGrammar(tempFeed('category.xml', atom(atomEntry('<category label="Local"/>'))));
    expect(verdict).toMatchObject({ status: 'invalid' });
    // jing names the attribute; xmllint names the element.
    expect(verdict.status === 'invalid' && verdict.messages.join('\n')).toMatch(/term|category/);
  }, TOOL_TIMEOUT);

  it.skipIf(lacks('atom-grammar'))(
    'rejects exactly the grammar-expressible failing cases, all of which the built-in checker also reports',
    () => {
      const atomCases = xmlCases.filter((c) => c.code.startsWith('ATOM_'));
      const verdicts = atomGrammarMany(atomCases.map((c, i) => tempFeed(`case-${i}.xml`, c.text)));
      expect(verdicts.every((v) => v.status !== 'skipped')).toBe(true);
      const rejected = atomCases.filter((_, i) => verdicts[i]?.status === 'invalid').map((c) => c.code);
      expect(new Set(rejected)).toEqual(GRAMMAR_ENFORCED);
      // And the grammar finds nothing in the cases that only break rules it cannot express.
      const expected = atomCases.filter((c) => GRAMMAR_ENFORCED.has(c.code)).map((c) => c.code);
      expect(rejected).toEqual(expected);
    },
    TOOL_TIMEOUT,
  );
});

describe(`feedparser (Python)${skipNote('feedparser')}`, () => {
  it.skipIf(lacks('feedparser'))('reads the valid RSS sample without bozo, with every entry field', () => {
    const result = feedparserParse(VALID_RSS);
    expect(result).toMatchObject({
      status: 'parsed',
      bozo: false,
      version: 'rss20',
      feed: { title: 'Example News' },
      entries: [
        {
          title: 'Council approves the new bridge',
          link: 'https://example.com/2024/01/bridge',
          id: 'https://example.com/2024/01/bridge',
          published: '2024-01-31T09:30:00Z',
        },
      ],
    });
    expect(result.status === 'parsed' && result.entries[0]?.authors).toContain('Jane Doe');
  }, TOOL_TIMEOUT);

  it.skipIf(lacks('feedparser'))('reads the valid Atom sample without bozo, with authors and both dates', () => {
    expect(feedparserParse(VALID_ATOM)).toMatchObject({
      status: 'parsed',
      bozo: false,
      version: 'atom10',
      feed: { title: 'Example News' },
      entries: [
        {
          title: 'Council approves the new bridge',
          link: 'https://example.com/2024/01/bridge',
          id: 'tag:example.com,2024-01-31:bridge',
          authors: ['Jane Doe'],
          published: '2024-01-31T09:30:00Z',
          updated: '2024-01-31T09:45:00Z',
        },
      ],
    });
  }, TOOL_TIMEOUT);

  it.skipIf(lacks('feedparser'))('flags a feed with a raw U+0001 as bozo', () => {
    const result = feedparserParse(tempFeed('control.xml', rss(rssItem('<description>a\u0001b</description>'))));
    expect(result).toMatchObject({ status: 'parsed', bozo: true });
    expect(result.status === 'parsed' && result.bozo_exception).toMatch(/not well-formed/);
  }, TOOL_TIMEOUT);
});

describe('feedsmith (JSON Feed)', () => {
  it('parses the valid JSON Feed sample', () => {
    const result = feedsmithParseJson(readFileSync(VALID_JSON, 'utf8'));
    expect(result).toMatchObject({
      status: 'parsed',
      feed: {
        title: 'Example News',
        feed_url: 'https://example.com/feed.json',
        items: [{ id: 'https://example.com/2024/01/bridge', date_published: '2024-01-31T09:30:00Z', authors: [{ name: 'Jane Doe' }] }],
      },
    });
  });

  it('rejects JSON that is not a feed (feedsmith is lenient: it does not check required keys)', () => {
    expect(feedsmithParseJson('{"version": 3, "name": "x"}')).toMatchObject({ status: 'rejected' });
    expect(feedsmithParseJson('not json')).toMatchObject({ status: 'rejected' });
  });
});
