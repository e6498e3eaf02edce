/**
 * The one table of codes (src/codes.ts): the docs are generated from it, the old catalogues are
 * views of it, every code the source reports is in it and every entry is reported somewhere, and
 * its message builders write whole sentences.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateCodeDocs, regenerate, renderRegion, requiredRegions } from '../scripts/codes-doc.js';
import { CODES, type Code, codesOf, type SaidCode, type SayParams, say } from '../src/codes.js';
import { DIAGNOSTICS, diagnostic } from '../src/diagnostics.js';
import { EXIT, exitCodeOf, FATAL_CODES, FeedwrightError, fatal } from '../src/errors.js';
import { RULES } from '../src/validate/rules.js';

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

describe('docs generated from the table', () => {
  it('docs/errors.md and docs/validation-rules.md hold the tables the table generates (else: npm run docs:codes)', () => {
    const { pages, regions } = generateCodeDocs();
    for (const p of pages) {
      const current = p.current.split('\n');
      const line = p.expected.split('\n').findIndex((l, i) => l !== current[i]);
      expect(line === -1 && p.current.length === p.expected.length, `${path.basename(p.file)} is stale from line ${line + 1}: run npm run docs:codes`).toBe(true);
    }
    expect([...regions].sort()).toEqual([...requiredRegions()].sort());
  });

  it('documents every code exactly once, in its kind and section', () => {
    const text = generateCodeDocs()
      .pages.map((p) => p.expected)
      .join('\n');
    for (const code of Object.keys(CODES)) expect(text.match(new RegExp(`^\\| \`${code}\` \\|`, 'gm')), code).toHaveLength(1);
    expect(renderRegion('diagnostic:git')).toContain('| `GIT_SHALLOW` | warning |');
    expect(renderRegion('fatal')).toContain('| `VALIDATION_FAILED` | 70 |');
    expect(renderRegion('rule:xml')).toContain('| `XML_UNDEFINED_ENTITY` | error | XML 1.0 4.1 (WFC: Entity Declared) | An entity reference (e.g. &amp;nbsp;)');
  });

  it('refuses a hand-written row for a code the table does not have, and an unknown region', () => {
    expect(() => regenerate('## Old\n\n| `META_NO_SUCH_CODE` | error | gone | - |\n')).toThrow(/META_NO_SUCH_CODE/);
    expect(() => regenerate('<!-- codes:diagnostic:nowhere -->\n<!-- /codes -->')).toThrow(/Unknown code region/);
    // A stale table inside the markers is replaced whole.
    expect(regenerate('<!-- codes:diagnostic:git -->\n| `GIT_GONE` | x |\n<!-- /codes -->')).toBe(
      `<!-- codes:diagnostic:git -->\n\n${renderRegion('diagnostic:git')}\n\n<!-- /codes -->`,
    );
  });
});

describe('the old catalogues are views of the table', () => {
  it('DIAGNOSTICS, FATAL_CODES and RULES hold exactly the entries of their kind', () => {
    expect(Object.keys(DIAGNOSTICS)).toEqual(codesOf('diagnostic').map(([c]) => c));
    expect(Object.keys(FATAL_CODES)).toEqual(codesOf('fatal').map(([c]) => c));
    expect(Object.keys(RULES)).toEqual(codesOf('rule').map(([c]) => c));
    expect(Object.keys(DIAGNOSTICS).length + Object.keys(FATAL_CODES).length + Object.keys(RULES).length).toBe(Object.keys(CODES).length);
    expect(DIAGNOSTICS.META_DRAFT).toEqual({ severity: 'note', meaning: CODES.META_DRAFT.summary });
    expect(FATAL_CODES.USAGE.exit).toBe(EXIT.USAGE_OR_CONFIG);
    expect(exitCodeOf('VALIDATION_FAILED')).toBe(EXIT.INTERNAL);
    expect(RULES.ATOM_ID_NOT_ABSOLUTE).toEqual({ severity: 'error', spec: 'RFC 4287 4.2.6', summary: 'atom:id is not an absolute IRI.' });
  });
});

/** src/**.ts without comments, by path relative to src/. */
function sources(): Array<{ file: string; code: string }> {
  const out: Array<{ file: string; code: string }> = [];
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const abs = path.join(entry.parentPath, entry.name);
    const text = readFileSync(abs, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
    out.push({ file: path.relative(src, abs), code: text });
  }
  return out;
}

describe('the table against the source', () => {
  const codes = new Set<string>(Object.keys(CODES));
  // A string that looks like a code: one of the table's families (CONFIG_, META_, XML_...) or a code.
  const families = new Set([...codes].map((c) => c.split('_')[0] as string));
  const quoted = /(['"`])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(?=['"`/])/g;
  const files = sources().filter((f) => f.file !== 'codes.ts');

  it('has every code the source writes (a quoted code-like string that the table lacks is a typo or an undocumented code)', () => {
    const unknown: string[] = [];
    for (const { file, code } of files) {
      for (const m of code.matchAll(quoted)) {
        const token = m[2] as string;
        if (!codes.has(token) && token.includes('_') && families.has(token.split('_')[0] as string)) unknown.push(`${file}: ${token}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('has no entry the source never uses (quoted, or as RULES.X / DIAGNOSTICS.X)', () => {
    const used = new Set<string>();
    for (const { code } of files) {
      for (const m of code.matchAll(quoted)) used.add(m[2] as string);
      for (const m of code.matchAll(/\.([A-Z][A-Z0-9_]+)\b/g)) used.add(m[1] as string);
    }
    expect([...codes].filter((c) => !used.has(c))).toEqual([]);
  });

  it('the scan sees the ways codes are written: diag(), fatal(), report(), a code field and FEED_INVALID/<rule>', () => {
    const all = files.map((f) => f.code).join('\n');
    for (const token of ['SOURCE_BINARY', 'OUTPUT_LOCKED', 'RSS_GUID_MISSING', 'FEED_INVALID', 'USAGE']) expect([...all.matchAll(quoted)].map((m) => m[2])).toContain(token);
  });
});

/** Sample parameters for every message builder (the type requires one list per builder). */
const SAMPLES: { [C in SaidCode]: Array<SayParams<C>> } = {
  CONFIG_NOT_FOUND: [
    { file: 'site.json', errno: 'ENOENT' },
    { file: 'site.json', errno: undefined },
  ],
  CONFIG_INVALID: [
    { file: 'conf', problem: 'folder' },
    { file: '../blog', problem: 'site-folder' },
    { file: 'feedwright.config.json', line: 3, column: 5, problem: 'syntax', reason: "Expected ',' or '}' after property value in JSON at position 40" },
    { file: 'feedwright.config.json', line: 5, column: 3, problem: 'duplicate', key: 'title', firstLine: 2 },
    { file: 'feedwright.config.json', line: 4, column: 3, problem: 'value', says: 'unknown key "titel".', hint: 'Did you mean "title"?' },
    { file: 'feedwright.config.json', problem: 'value', says: 'the config must be a JSON object.', hint: 'Write `{ "title": "..." }`.' },
  ],
  USAGE: [{ problem: 'verify-links-folder-missing', folder: '_site' }, { problem: 'verify-links-no-site' }],
  VALIDATION_FAILED: [{ first: 'atom:id is not an absolute IRI.' }, { first: 'an item has no guid' }],
  ARTICLES_MISSING: [{ folder: 'articles' }, { folder: 'articles', site: { generator: 'Jekyll', marker: '_config.yml', articles: '_posts' } }],
  ARTICLES_NOT_A_FOLDER: [{ path: 'notes.md' }],
  ARTICLES_UNREADABLE: [{ folder: 'articles', errno: 'EACCES' }],
  OUTPUT_UNWRITABLE: [
    { what: 'The output folder dist cannot be written', errno: 'ENOSPC' },
    { what: 'dist/feed.xml cannot be written', errno: 'EDQUOT' },
    { what: 'dist/feed.xml cannot be written', errno: 'EACCES' },
  ],
  OUTPUT_LOCKED: [
    { pid: 4242, out: 'dist', lock: 'dist/.feedwright.lock' },
    { pid: 0, out: 'dist', lock: 'dist/.feedwright.lock' },
  ],
  OUTPUT_NOT_OWNED: [
    { shown: ['dist/index.html'], total: 1, suggestion: 'dist/feeds' },
    { shown: ['a', 'b', 'c', 'd', 'e'], total: 7, suggestion: 'dist/feeds' },
  ],
  OUTPUT_SYMLINK: [{ folder: 'dist/tags', target: '/etc' }],
  OUTPUT_OVERLAPS_ARTICLES: [
    { out: 'articles', articles: 'articles', how: 'same' },
    { out: 'articles/dist', articles: 'articles', how: 'inside' },
    { out: '.', articles: 'articles', how: 'holds' },
  ],
  ARTICLES_EMPTY: [{ extensions: ['.md', '.txt'] }],
  SOURCE_IGNORED: [{ extensions: ['.md', '.txt'] }],
  SOURCE_UNREADABLE: [{ what: 'link' }, { what: 'folder', errno: 'EACCES' }, { what: 'file', errno: 'EIO' }, { what: 'missing' }, { what: 'not-a-file' }],
  SOURCE_BINARY: [{}],
  SOURCE_MOJIBAKE_REPAIRED: [{ count: 1, line: 3 }, { count: 4, line: 12 }],
  SOURCE_NUL_REMOVED: [{ count: 1, line: 3 }, { count: 22, line: 40, also: 'The file is not valid UTF-8 and was read as windows-1252.' }],
  SOURCE_INVALID_UTF8: [{ offset: 12, line: 2 }],
  SOURCE_NOT_UTF8: [{ note: 'The file is not valid UTF-8; it was read as windows-1252.' }],
  SOURCE_TOO_LARGE: [{ bytes: 9 * 1048576 + 1, limit: 8 * 1048576 }],
  SOURCE_EMPTY: [{}],
  SOURCE_SYMLINK_LOOP: [{}],
  SOURCE_LINK_OUTSIDE: [{}],
  SOURCE_SPECIAL_FILE: [{ what: 'fifo' }, { what: 'socket' }, { what: 'device' }, { what: 'other' }],
  FM_UNCLOSED: [{ fence: '---' }],
  FM_INDENTED_FENCE: [{ fence: '---', line: 1 }],
  FM_FENCE_TEXT: [{ line: 4 }],
  FM_INVALID_YAML: [{ reason: 'Nested mappings are not allowed in compact mappings' }],
  FM_INVALID_TOML: [{ reason: 'Invalid TOML document: unexpected end of input' }],
  FM_INVALID_JS: [{ reason: 'Unexpected token' }],
  FM_INVALID_JSON: [{ reason: 'Unexpected end of JSON input' }, { reason: 'it is not an object' }],
  FM_COMPUTED: [{ keys: ['date'] }, { keys: ['title', 'date'] }],
  FM_TOO_LARGE: [{ chars: 20000, limit: 16384 }],
  FM_NOT_A_MAPPING: [{}],
  FM_ALIAS_LIMIT: [{ reason: 'Excessive alias count indicates a resource exhaustion attack', limit: 50 }],
  FM_YAML_TAG: [{ reason: 'Unresolved tag: tag:yaml.org,2002:js/function' }],
  FM_DUPLICATE_KEY: [{ key: 'title' }],
  CONTENT_MDX_REMOVED: [
    { what: 'component', name: 'Chart', count: 1 },
    { what: 'component', name: 'Chart', count: 3 },
    { what: 'expressions', lines: [4] },
    { what: 'expressions', lines: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
  ],
  CONTENT_TEMPLATE_FAILED: [{ reason: 'tag "if" not closed, line:3, col:1' }],
  CONTENT_TEMPLATE_REMOVED: [
    { named: ['{{< figure >}} (line 3)'], total: 1, engine: 'none' },
    { named: ['{% a %} (line 1)', '{% b %} (line 2)'], total: 12, engine: 'liquid' },
  ],
  CONTENT_LINK_UNRESOLVED: [
    { named: ['{% link _posts/x.md %} (line 3)'], total: 1 },
    { named: ['{{< relref "a" >}} (line 1)'], total: 9 },
  ],
  ARTICLE_OVER_BOUND: [{ limit: 250000, bound: 'markup' }],
  GIT_SHALLOW: [{}],
  GIT_BULK_EDIT: [{ count: 324, total: 350, day: '2020-03-08', moved: 320 }],
  GIT_DATES_UNCERTAIN: [
    { cause: 'rename-limit', limit: 5000 },
    { cause: 'bulk', count: 40, total: 50, day: '2024-03-11' },
  ],
  GIT_UNAVAILABLE: [{ reason: 'fatal: not a git repository (or any of the parent directories): .git' }],
  META_NOT_A_POST: [
    { what: 'a listing page (layout "home")', by: 'site' },
    { what: 'a section page (_index.md)', by: 'reader' },
  ],
  SITE_DATA_CODE: [{}],
  META_DUPLICATE_ID: [
    { same: 'id "a"', other: 'b.md', leftOut: 'this' },
    { same: 'id "a"', other: 'b.md', leftOut: 'other' },
  ],
  META_DUPLICATE_SLUG: [{ same: 'slug "a"', other: 'b.md', leftOut: 'this' }],
  META_DUPLICATE_LINK: [{ same: 'link https://example.com/a', other: 'b.md', leftOut: 'other' }],
  ARTICLE_ITEM_INVALID: [{ code: 'RSS_DATE_INVALID', problem: 'The <pubDate> "x" is not an RFC 822 date.' }],
  ARTICLE_INTERNAL_ERROR: [{ name: 'RangeError', message: 'Maximum call stack size exceeded' }],
  FM_BAD_VALUE: [{ key: 'draft', expected: 'true or false', got: 'the string "maybe"', example: 'false' }],
  FM_BOOLEAN_TEXT: [{ key: 'draft', value: 'false', read: false }],
  FM_VALUE_IGNORED: [
    { key: 'lang', expected: 'a language tag', got: 'the number 12', example: 'en' },
    { key: 'tags', tag: 'a map' },
  ],
  FM_UNKNOWN_KEY: [
    { key: 'titel', guess: 'title' },
    { key: 'layout_x', guess: undefined },
  ],
  META_DRAFT: [{ why: 'draft' }, { why: 'draft', key: 'isDraft' }, { why: 'published-false' }, { why: 'expired', on: '2024-01-01T00:00:00Z' }],
  CONTENT_TRUNCATED_NESTING: [{ depth: 256 }, { reader: 'The page nests elements 3000 deep' }, { treeFailed: 'too deep', kind: 'page' }],
  ARTICLE_TOO_COMPLEX: [{ reason: 'The page has more than 250,000 tags.' }],
  CONTENT_EMPTY: [{}],
  META_FUTURE_HELD: [{ date: '2030-01-01T00:00:00Z' }, { date: '2030-01-01T00:00:00Z', key: 'publishDate' }],
  META_DATE_UNPARSEABLE: [{ key: 'date', got: 'the string "soon"' }],
  META_DATE_AMBIGUOUS: [{ key: 'date', got: '06-03-2024', dayFirst: '2024-03-06', monthFirst: '2024-06-03' }],
  META_TITLE_FROM_FILE_NAME: [{ title: 'my post', keys: ['headline', 'name'] }, { title: 'my post', keys: ['newstitle'], inherited: 'Blog' }],
  META_TITLE_INHERITED: [{ title: 'Blog', key: 'title' }],
  META_TITLE_MISSING: [{}, { emptyKey: 'title' }, { kind: 'html' }, { kind: 'text' }],
  META_DATE_FROM_MTIME: [{}],
  META_UPDATED_BEFORE_PUBLISHED: [{ updated: '2024-01-01T00:00:00Z', published: '2024-02-01T00:00:00Z' }],
  META_DATE_OUT_OF_RANGE: [{ day: '0000-01-01', from: 'front-matter', year: 0, min: 1, max: 9999 }],
  META_DATE_IMPLAUSIBLE: [{ date: '1900-01-01T00:00:00Z', from: 'front-matter', min: 1970, max: 2100 }],
  META_SLUG_INVALID: [{ key: 'slug', got: 'the string "a/b"' }],
  META_LINK_INVALID: [{ key: 'link', got: 'the string "::"' }],
  META_PERMALINK_TOKEN: [{ pattern: '/:year/:foo/', unknown: [':foo'] }],
  META_PERMALINK_UNRENDERED: [{ template: "/{{ page.date | dateToFormat('yyyy/MM/dd') }}/{{ title | slugify }}/", url: 'https://blog.example/posts/first/' }, { template: ':id.html', url: 'https://hexo.example/2024/03/05/a/', hexo: true }],
  META_ID_NUMBER: [{ number: '723' }],
  META_ID_INVALID: [{ got: 'the string "post 1"' }],
  LINK_NOT_BUILT: [
    { link: 'https://example.com/a/', folder: '_site', lookedFor: ['a/index.html', 'a.html'], rule: 'permalink "/:title/"' },
    { link: 'https://example.com/a/', folder: '_site', lookedFor: ['a/index.html'], rule: undefined },
  ],
  CONFIG_DEFAULTS: [{ title: 'My feed', link: 'https://example.com/' }],
  CONFIG_PLACEHOLDER: [{ keys: ['link'] }, { keys: ['title', 'link', 'author'] }],
  META_LANGUAGE_SCRIPT: [{ language: 'en', script: 'Han', count: 74, total: 74, suggest: 'zh' }],
  CONFIG_FROM_SITE: [
    { from: '_config.yml', values: { title: 'Homebrew', link: 'https://brew.sh/', author: { name: 'Mike' } } },
    { from: 'hugo.toml', values: { language: 'en-us' } },
  ],
  // Validator rules
  FEED_FORMAT_UNKNOWN: [{}, { root: 'rss', namespace: 'http://example.com/ns' }, { root: 'rdf:RDF' }],
  FEED_SKIPPED_NOT_A_FEED: [{}],
  FEED_NONE_FOUND: [{}],
  FEED_FILE_UNREADABLE: [{ reason: "ENOENT: no such file or directory, stat 'dist/x.xml'" }],
  XML_NOT_WELL_FORMED: [{ reason: 'unexpected end.' }],
  XML_ILLEGAL_CHARACTER: [{ codePoint: 0x1b }, {}, { surrogate: 0xd800 }],
  XML_BAD_CHARACTER_REFERENCE: [{ reference: '&#0;' }],
  XML_UNDEFINED_ENTITY: [{ entity: '&nbsp;' }, {}],
  XML_UNDECLARED_PREFIX: [{ prefix: 'media' }],
  XML_MISMATCHED_TAG: [{ unclosed: 'item' }, { endTag: '</channel>' }, { endTag: '</title>', open: 'titel', openLine: 5, openColumn: 3 }],
  XML_CDATA_END_IN_TEXT: [{}],
  XML_DUPLICATE_ATTRIBUTE: [{ attribute: 'href' }],
  XML_NESTING_TOO_DEEP: [{ limit: 257 }],
  RSS_VERSION_INVALID: [{}, { version: '0.91' }],
  RSS_CHANNEL_COUNT: [{ count: 0 }, { count: 2 }],
  RSS_CHANNEL_ELEMENT_MISSING: [{ name: 'link' }],
  RSS_ELEMENT_EMPTY: [{ where: 'channel', name: 'title' }],
  RSS_ELEMENT_DUPLICATE: [{ parent: 'item', child: 'title' }],
  RSS_ELEMENT_UNKNOWN: [{ parent: 'item', child: 'summary' }],
  RSS_ITEM_TITLE_OR_DESCRIPTION_MISSING: [{}],
  RSS_DATE_INVALID: [{ element: 'pubDate', value: '2024-01-31', reason: 'it does not start with a day and month' }],
  RSS_DATE_WEEKDAY_MISMATCH: [{ element: 'pubDate', value: 'Mon, 31 Jan 2024 00:00:00 GMT', weekday: 'Mon', actual: 'Wed' }],
  RSS_GUID_PERMALINK_NOT_URL: [{ guid: 'post-1' }, { guid: 'post-1', isPermaLink: 'true' }],
  RSS_GUID_ISPERMALINK_INVALID: [{ value: 'yes' }],
  RSS_GUID_MISSING: [{}],
  RSS_AUTHOR_NOT_EMAIL: [
    { element: 'author', value: 'Jane Doe' },
    { element: 'managingEditor', value: 'Jane Doe' },
  ],
  RSS_ATOM_SELF_LINK_MISSING: [{}],
  RSS_URL_NOT_ABSOLUTE: [
    { what: 'enclosure url', value: '/a.mp3' },
    { where: 'item', element: 'link', value: '/posts/a' },
    { sourceWithoutUrl: true },
  ],
  RSS_CATEGORY_EMPTY: [{ where: 'item' }],
  RSS_ENCLOSURE_INVALID: [{ missing: ['length', 'type'] }, { length: '1.5 MB' }, { type: 'mp3' }],
  RSS_TTL_INVALID: [{ value: 'an hour' }],
  RSS_DESCRIPTION_AFTER_CONTENT: [{}],
  RSS_TEXT_DECIMAL_REFERENCE: [{ element: 'title', reference: '&#38;', codePoint: 38 }],
  RSS_TEXT_CONTAINS_MARKUP: [{ element: 'title', text: 'A <b>bold</b> title' }],
  RSS_TEXT_AMPERSAND_NOT_HEX: [
    { element: 'title', written: '&amp;' },
    { element: 'title', written: 'CDATA' },
  ],
  ATOM_NAMESPACE_MISSING: [{ namespace: '' }, { namespace: 'http://purl.org/atom/ns#' }],
  ATOM_SELF_LINK_MISSING: [{}],
  ATOM_AUTHOR_MISSING: [{}],
  ATOM_ELEMENT_UNKNOWN: [{ child: 'description', parent: 'entry', section: '4.1.2' }],
  ATOM_ELEMENT_DUPLICATE: [{ child: 'title', parent: 'entry', section: '4.1.2' }],
  ATOM_ELEMENT_MISSING: [{ child: 'id', parent: 'entry', section: '4.1.2' }],
  ATOM_ID_NOT_ABSOLUTE: [{ id: 'post-1' }],
  ATOM_DATE_INVALID: [{ element: 'updated', value: '2024-01-31 10:00' }],
  ATOM_DATE_OFFSET: [{ element: 'published', value: '2024-01-31T17:10:00+20:00' }],
  ATOM_LINK_HREF_MISSING: [{}],
  ATOM_URL_NOT_ABSOLUTE: [
    { what: 'link href', value: '/a' },
    { what: '<icon>', value: 'icon.png' },
  ],
  ATOM_PERSON_EMAIL_INVALID: [{ value: 'jane at example.com' }],
  ATOM_CATEGORY_TERM_MISSING: [{ empty: false }, { empty: true }],
  ATOM_TEXT_TYPE_INVALID: [{ element: 'title', type: 'text/plain' }],
  ATOM_CONTENT_TYPE_INVALID: [{ type: 'markdown' }],
  ATOM_XHTML_DIV_MISSING: [{ element: 'content' }],
  ATOM_TEXT_CONTAINS_MARKUP: [{ element: 'title', text: 'A <b>bold</b> title' }],
  ATOM_ALTERNATE_LINK_DUPLICATE: [{ element: 'entry', section: '4.1.2' }],
  ATOM_ENTRY_CONTENT_MISSING: [{}],
  ATOM_SUMMARY_MISSING: [{}],
  ATOM_PUBLISHED_AFTER_UPDATED: [{ published: '2024-02-01T00:00:00Z', updated: '2024-01-01T00:00:00Z' }],
  JSON_SYNTAX_ERROR: [{ reason: 'Unexpected token } in JSON at position 12.' }],
  JSON_DUPLICATE_KEY: [{ key: 'id' }],
  JSON_NOT_OBJECT: [{}],
  JSON_VERSION_INVALID: [{}, { version: 'https://jsonfeed.org/version/1' }, { version: '1.1' }],
  JSON_FEED_URL_MISSING: [{ key: 'feed_url' }],
  JSON_ITEM_ID_DUPLICATE: [{ item: 3, id: 'a', first: 1 }],
  JSON_ITEM_CONTENT_MISSING: [{ item: 2 }, { pointer: '/items/2' }],
  JSON_DATE_INVALID: [
    { item: 0, key: 'date_published', value: 'yesterday' },
    { pointer: '/items/0/date_modified', value: 'today' },
  ],
  JSON_URL_NOT_ABSOLUTE: [
    { key: 'url', value: '/a', pointer: '/items/0' },
    { key: 'home_page_url', value: '/', pointer: '' },
    { value: '/a', pointer: '/items/0/url' },
  ],
  JSON_AUTHOR_DEPRECATED: [{ pointer: '' }, { pointer: '/items/0' }],
  JSON_REQUIRED_MISSING: [{ key: 'title', where: 'the feed' }],
  JSON_SCHEMA_VIOLATION: [
    { uri: 'https://example.com/a b', pointer: '/items/0/url' },
    { extraKey: 'foo', where: 'the feed' },
    { where: '/items/0/tags', reason: 'must be array' },
  ],
};

describe('message builders', () => {
  it.each(Object.entries(SAMPLES))('%s says what happened in whole sentences, and what to do', (code, samples) => {
    expect(samples.length).toBeGreaterThan(0);
    for (const params of samples) {
      // Through a plain signature: the union of every builder's parameters is too big for tsc to spell.
      const said = (say as unknown as (code: string, params: unknown) => { message: string; hint?: string })(code, params);
      expect(said.message).toMatch(/^\S.*\.$/s);
      expect(said.message).not.toMatch(/undefined|\[object|NaN/);
      // Every diagnostic and fatal error says what to do; a validator rule does when there is more
      // to say than its message (its docs row always says it).
      // A hint that ends with a front matter example ("Write e.g. draft: false") has no full stop: it would read as part of the value.
      const endsWithExample = code === 'FM_BAD_VALUE' || code === 'FM_VALUE_IGNORED';
      if (code === 'SOURCE_IGNORED') expect(said.hint).toBeUndefined();
      else if (CODES[code as Code].kind !== 'rule' || said.hint !== undefined) expect(said.hint).toMatch(endsWithExample ? /^Write .*: \S/s : /^[A-Z].*[.?]$/s);
    }
  });

  it('every code with a builder has samples, and only those', () => {
    const builders = (Object.keys(CODES) as Code[]).filter((c) => 'say' in CODES[c]);
    expect(Object.keys(SAMPLES).sort()).toEqual(builders.sort());
  });

  it('the config and command-line errors keep their file, line and column and say what to do', () => {
    expect(say('CONFIG_INVALID', { file: 'feedwright.config.json', line: 5, column: 3, problem: 'duplicate', key: 'title', firstLine: 2 })).toEqual({
      message: 'feedwright.config.json:5:3: the key "title" appears twice (first on line 2); JSON would silently keep the last value.',
      hint: 'Remove one of the two.',
    });
    expect(say('CONFIG_INVALID', { file: 'feedwright.config.json', line: 3, column: 5, problem: 'syntax', reason: 'Unexpected token } in JSON at position 12' }).message).toBe(
      'feedwright.config.json:3:5 is not valid JSON: Unexpected token } in JSON at position 12.',
    );
    expect(say('CONFIG_INVALID', { file: 'c.json', line: 2, column: 7, problem: 'value', says: '"limit" must be a whole number ≥ 0, not -1.', hint: 'Write e.g. "limit": 50.' })).toEqual({
      message: 'c.json:2:7: "limit" must be a whole number ≥ 0, not -1.',
      hint: 'Write e.g. "limit": 50.',
    });
    expect(say('CONFIG_NOT_FOUND', { file: 'site.json', errno: 'EACCES' })).toEqual({
      message: 'Cannot read the config file site.json (EACCES).',
      hint: 'Check the path given to --config, or run `feedwright init` to write one.',
    });
    expect(say('VALIDATION_FAILED', { first: 'an item has no guid' }).message).toBe(
      'feedwright rendered a feed that fails its own validation; the old feeds were kept. This is a bug in feedwright: an item has no guid.',
    );
    expect(fatal('USAGE', { problem: 'verify-links-no-site' }).message).toBe('--verify-links: no site generator was found, so its output folder is unknown.');
  });

  it('diagnostic() and fatal() carry the code, its severity or exit, the place and the builder text', () => {
    expect(diagnostic('SOURCE_TOO_LARGE', { file: 'a.md' }, { bytes: 9 * 1048576 + 1, limit: 8 * 1048576 })).toEqual({
      code: 'SOURCE_TOO_LARGE',
      severity: 'error',
      message: 'The file is 9.0 MiB; articles are limited to 8 MiB.',
      hint: 'Split it, or remove embedded data (images as base64, logs) from it.',
      file: 'a.md',
    });
    expect(diagnostic('SOURCE_IGNORED', { file: 'x.png' }, { extensions: ['.md'] })).not.toHaveProperty('hint');
    const error = fatal('OUTPUT_NOT_OWNED', { shown: ['a', 'b', 'c', 'd', 'e'], total: 7, suggestion: 'dist/feeds' }, 'a');
    expect(error).toBeInstanceOf(FeedwrightError);
    expect(error.code).toBe('OUTPUT_NOT_OWNED');
    expect(error.file).toBe('a');
    expect(error.message).toBe('a, b, c, d, e and 2 more exist in the output folder but were not written by feedwright; they are not replaced.');
    expect(error.hint).toBe("Pass --force to let feedwright replace them, or a different --out (a folder of feedwright's own, e.g. dist/feeds).");
  });
});
