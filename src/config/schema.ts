/**
 * The config file's one schema: every key of `feedwright.config.json` with its type (and check),
 * its default and one line of documentation. Everything else is derived from this table:
 * - validation and defaults: `resolveConfig` (load.ts) reads a config with `CONFIG_TYPE`;
 * - the `FeedwrightConfig` type;
 * - the README's key table and `assets/config.schema.json` (the JSON schema `feedwright init`
 *   points at): `npm run gen:config` writes them (scripts/gen-config.ts), and
 *   test/config/schema.test.ts fails when either is stale.
 *
 * A new key is one entry here (then `npm run gen:config`). Keys are checked, and their defaults
 * computed, in the order of this table, so a default may use the keys above it (`feedUrl`: `link`).
 */
import { tz } from '@date-fns/tz';
import { compileUserPattern } from '../extract/patterns.js';
import { MAPPABLE_FIELDS, type MappableField } from '../meta/fields.js';
import { parsePerson } from '../meta/people.js';
import type { Person } from '../model.js';
import { PRESETS, type SiteInfo } from '../site/model.js';
import { DEFAULT_FALLBACK_ENCODING, encodingName } from '../sources/encoding.js';
import type { TemplateSettings } from '../sources/templates.js';
import { didYouMean, isLanguageTag } from '../util/text.js';
import {
  boolean,
  type Field,
  type Fields,
  field,
  httpUrl,
  integer,
  list,
  object,
  oneOf,
  type Resolved,
  record,
  showPath,
  string,
  type ValueType,
  typeName,
  writeAt,
} from './types.js';

/** The sources each field may name in `precedence`, in no particular order. */
export const PRECEDENCE_SOURCES = {
  title: ['front-matter', 'found', 'file-name'],
  authors: ['front-matter', 'found', 'config-default'],
  published: ['front-matter', 'found', 'git', 'mtime'],
  updated: ['front-matter', 'found', 'git', 'published', 'mtime'],
} as const;

/** Where each metadata field may come from, in order of precedence. Data, not code (Hugo-style). */
export type Precedence = { -readonly [F in keyof typeof PRECEDENCE_SOURCES]: Array<(typeof PRECEDENCE_SOURCES)[F][number]> };

export const DEFAULT_PRECEDENCE: Precedence = {
  title: ['front-matter', 'found'],
  authors: ['front-matter', 'found', 'config-default'],
  published: ['front-matter', 'found', 'git', 'mtime'],
  updated: ['front-matter', 'found', 'git', 'published'],
};

/** Default feed length: 50 is what most readers fetch in one poll and keeps feeds small. */
export const DEFAULT_LIMIT = 50;

export function isValidTimeZone(name: string): boolean {
  // The default needs no check: the first Intl.DateTimeFormat loads ICU's zone data (~40 ms).
  if (name === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    tz(name);
    return true;
  } catch {
    return false;
  }
}

const PERSON_EXPECTED = 'a name, "Name <email> (url)", or { "name": ..., "email"?: ..., "url"?: ... }';

/** A person: a name, "Name <email> (url)", or { name, email?, url? } (meta/people.ts reads it). */
const person: ValueType<Person> = {
  schema: {
    oneOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { description: "The author's name.", type: 'string', minLength: 1 },
          email: { description: "The author's email address.", type: 'string' },
          url: { description: "The author's home page.", type: 'string' },
        },
      },
    ],
  },
  expected: PERSON_EXPECTED,
  example: '{ "name": "Jane Doe" }',
  read(v, path, fail) {
    const p = parsePerson(v);
    if (!p) return fail(path, `"${showPath(path)}" must be ${PERSON_EXPECTED}.`, writeAt(path, '{ "name": "Jane Doe" }'));
    return p;
  },
};

/** A line pattern for `clean`: JavaScript syntax, run by RE2 (extract/patterns.ts), which refuses what it cannot run in linear time. */
const linePattern: ValueType<string> = {
  schema: { type: 'string' },
  expected: 'a string',
  example: '"^Sponsored"',
  read(v, path, fail) {
    if (typeof v !== 'string') return fail(path, `"${showPath(path)}" must be a string (a regular expression), not ${typeName(v)}.`, 'Write e.g. "^Sponsored".');
    const compiled = compileUserPattern(v);
    if (!compiled.ok) return fail(path, `"${showPath(path)}" ${compiled.reason}`, compiled.hint);
    return v;
  },
};

/** An output file name: no folders, not hidden. */
const fileName = string({
  schema: { pattern: '^[\\w-][\\w.-]*$' },
  example: '"rss.xml"',
  check: (v) => (/^[\w.-]+$/.test(v) && !v.startsWith('.') ? undefined : { reason: 'not a plain file name', hint: 'Use a name like "rss.xml" (no folders).' }),
});

/** A cache folder, or false. */
const cacheFolder: ValueType<string | false> = {
  schema: { oneOf: [{ type: 'string', minLength: 1 }, { const: false }] },
  expected: 'a folder path or false',
  example: 'false',
  read(v, path, fail) {
    if (v === false) return false;
    if (typeof v === 'string' && v.trim()) return v;
    return fail(path, `"${showPath(path)}" must be a folder path or false.`, `${writeAt(path, 'false').replace(/\.$/, '')} to turn caching off.`);
  },
};

const precedenceList = <F extends keyof typeof PRECEDENCE_SOURCES>(f: F, doc: string) => {
  const sources = PRECEDENCE_SOURCES[f];
  const item = oneOf(sources, 'See README, "Metadata precedence".');
  const type: ValueType<Precedence[F]> = {
    ...list(item, { min: 1 }),
    read(v, path, fail) {
      const bad = Array.isArray(v) ? v.findIndex((x) => typeof x !== 'string' || !(sources as readonly string[]).includes(x)) : -1;
      if (!Array.isArray(v) || v.length === 0 || bad >= 0) {
        // At the source that does not belong ("title": ["mtime"]), or at the list.
        return fail(bad >= 0 ? [...path, bad] : path, `"${showPath(path)}" must be a non-empty list drawn from ${sources.join(', ')}.`, 'See README, "Metadata precedence".');
      }
      return [...v] as Precedence[F];
    },
  };
  return field({ type, default: DEFAULT_PRECEDENCE[f], doc });
};

const frontMatterKeys = list(string({ nonEmpty: true, example: '"newstitle"' }), { min: 1, orOne: true });

/** The resolved keys above a key, as its computed default sees them. */
type Before = { link: string };

/** Every key of feedwright.config.json, in the order they are checked and documented. */
export const CONFIG_FIELDS = {
  $schema: field({ type: string(), doc: 'The JSON schema of this file, for editors (completion and documentation); feedwright ignores it.', ignored: true }),
  title: field({ type: string(), default: 'Untitled feed', doc: 'feed title, shown by feed readers' }),
  description: field({
    type: string(),
    default: '',
    doc: 'one sentence about the site: RSS `<description>` (empty: the title), Atom `<subtitle>`, JSON Feed `description`',
  }),
  link: field({
    type: httpUrl(),
    default: 'https://example.com/',
    doc: "the site's absolute http(s) URL; item links default to `link` + slug, self links to `link` + file name (see `feedUrl`)",
  }),
  language: field({
    type: string({
      schema: { pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' },
      check: (v) => (isLanguageTag(v) ? undefined : { reason: 'not a language tag', hint: 'Use a BCP 47 tag such as "en" or "pt-BR".' }),
    }),
    default: 'en',
    doc: 'BCP 47 language tag of the feed, e.g. `en` or `pt-BR`',
  }),
  author: field({
    type: person,
    default: { name: 'Unknown author' },
    doc: 'default author for articles that name none: a name, `"Name <email> (url)"`, or `{ "name", "email"?, "url"? }`',
  }),
  timezone: field({
    type: string({
      check: (v) => (isValidTimeZone(v) ? undefined : { reason: 'not an IANA time zone', hint: 'Use a name such as "UTC", "Europe/Madrid" or "America/Mexico_City".' }),
    }),
    default: 'UTC',
    doc: "IANA time zone for dates written without an offset, e.g. `Europe/Madrid`; the feeds write such dates at that zone's offset",
  }),
  fallbackEncoding: field({
    type: string({
      check: (v) =>
        encodingName(v) === undefined
          ? { reason: "not an encoding label Node's TextDecoder knows", hint: 'Use a WHATWG label such as "windows-1252", "iso-8859-2" or "shift_jis".' }
          : undefined,
    }),
    default: DEFAULT_FALLBACK_ENCODING,
    doc: 'encoding of `.txt`/`.html` articles that are not UTF-8 and declare no charset (HTML is decoded as browsers do: BOM, `<meta charset>`, sniff); each such file gets a `SOURCE_NOT_UTF8` warning',
  }),
  limit: field({
    type: integer(0, DEFAULT_LIMIT),
    default: DEFAULT_LIMIT,
    doc: 'items per feed, newest first; `0` = all (with `archive`, older items move to archive pages)',
  }),
  articles: field({ type: string(), default: 'articles', doc: 'folder of article sources (`.md`, `.markdown`, `.mdx`, `.qmd`, `.txt`, `.html`, `.htm`), relative to the config file' }),
  out: field({ type: string(), default: 'dist', doc: 'output folder for the feeds, relative to the config file' }),
  feedUrl: field({
    type: httpUrl({ folder: true }),
    default: (c: Before) => withSlash(c.link),
    defaultDoc: '`link`',
    doc: 'absolute URL where `out` is published; self links are `feedUrl` + file name',
  }),
  itemBase: field({
    type: httpUrl({ folder: true }),
    default: (c: Before) => withSlash(c.link),
    defaultDoc: '`link`',
    doc: "item links are `itemBase` + slug; with a site generator, its base URL (an `itemBase` of the config's own overrides it)",
  }),
  summaryLength: field({ type: integer(20, 280), default: 280, doc: 'characters of the summary generated from the body when an article gives none' }),
  future: field({
    type: oneOf(['hold', 'include']),
    default: 'hold',
    doc: 'future-dated articles: `hold` keeps them out until their date (a note), `include` publishes them',
  }),
  git: field({
    type: boolean(),
    default: true,
    doc: 'read dates from git history (first commit = published, last = updated); in CI this needs the full history (`fetch-depth: 0`)',
  }),
  clean: field({
    type: object(
      {
        drop: field({ type: list(linePattern), default: [] as string[], doc: 'A line matching one of these is removed.' }),
        keep: field({ type: list(linePattern), default: [] as string[], doc: 'A line matching one of these is always kept.' }),
      },
      { example: '{ "drop": ["^Sponsored"] }', didYouMean },
    ),
    defaultDoc: '`{}`',
    doc: '`{ "drop": [regex...], "keep": [regex...] }`: line patterns for cleaning scraped text (JavaScript syntax, run by RE2)',
  }),
  precedence: field({
    type: object(
      {
        title: precedenceList('title', 'Where the title comes from.'),
        authors: precedenceList('authors', 'Where the authors come from.'),
        published: precedenceList('published', 'Where the publication date comes from.'),
        updated: precedenceList('updated', 'Where the update date comes from.'),
      },
      { example: '{ "published": ["git", "front-matter"] }', didYouMean },
    ),
    defaultDoc: 'see "Metadata precedence"',
    doc: 'where each metadata field comes from, in order of precedence (first found wins)',
  }),
  allowIframes: field({ type: boolean(), default: false, doc: 'keep `<iframe>` in sanitised article HTML' }),
  followExternalLinks: field({
    type: boolean(),
    default: false,
    doc: 'read symbolic links in the articles folder that point outside it (otherwise each is reported, `SOURCE_LINK_OUTSIDE`, and not read)',
  }),
  files: field({
    type: object(
      {
        rss: field({ type: fileName, default: 'rss.xml', doc: 'The RSS 2.0 feed.' }),
        atom: field({ type: fileName, default: 'atom.xml', doc: 'The Atom 1.0 feed.' }),
        json: field({ type: fileName, default: 'feed.json', doc: 'The JSON Feed 1.1 feed.' }),
      },
      { example: '{ "rss": "rss.xml" }', didYouMean },
    ),
    defaultDoc: '`rss.xml`, `atom.xml`, `feed.json`',
    doc: 'output file names (plain names, no folders)',
  }),
  feeds: field({
    type: object(
      {
        tags: field({ type: boolean(), default: false, doc: 'One feed per tag, in tags/<tag>/.' }),
        authors: field({ type: boolean(), default: false, doc: 'One feed per author, in authors/<name>/.' }),
        languages: field({
          type: boolean(),
          default: false,
          doc: "One feed per language, in <lang>/ (the main feed keeps the site's default language; tag and author feeds too). On by default for a multilingual Hugo or Zola site, as the site publishes one feed per language.",
        }),
      },
      { example: '{ "tags": true, "authors": true }', didYouMean },
    ),
    defaultDoc: '`{ "tags": false, "authors": false, "languages": false }` (`languages` is true for a multilingual Hugo or Zola site)',
    doc: 'extra feeds, each in all three formats: per tag, per author and per language',
  }),
  archive: field({
    type: boolean(),
    default: false,
    doc: 'RFC 5005 archived feeds: the current feed holds the newest `limit` items, older ones are on stable pages `archive/<n>/` numbered from the oldest',
  }),
  hubs: field({
    type: list(httpUrl(), { orOne: true, example: '["https://pubsubhubbub.appspot.com/"]' }),
    default: [] as string[],
    doc: 'WebSub hub URLs, announced with `rel="hub"` (and `hubs` in JSON Feed); `build --ping` notifies them after a build that changed the feeds',
  }),
  stylesheet: field({
    type: boolean(),
    default: true,
    doc: 'write `feed.xsl` and reference it from RSS and Atom, so a browser that still runs XSLT shows a readable page',
  }),
  index: field({
    type: boolean(),
    default: true,
    doc: 'write `feeds.opml` (every feed), `index.html` (autodiscovery links, latest items) and `feed.html` (the main feed as a page)',
  }),
  cache: field({
    type: cacheFolder,
    default: 'node_modules/.cache/feedwright' as string | false,
    doc: 'cache folder for parsed articles (relative to the config file), or `false` to turn caching off',
  }),
  preset: field({
    type: oneOf(['auto', ...PRESETS] as const, `Use "auto" (detect) or one of ${PRESETS.map((p) => `"${p}"`).join(', ')}.`),
    default: 'auto',
    doc: `site generator whose link rules and front matter keys apply: \`auto\` (detected from the site folder), ${PRESETS.map((p) => `\`${p}\``).join(', ')} (\`none\`: links are \`itemBase\` + slug)`,
  }),
  site: field({
    type: string({ nonEmpty: true, example: '".."' }),
    defaultDoc: 'found above `articles`',
    doc: "the site's root folder (where its generator's config is), relative to the config file",
  }),
  permalinks: field({
    type: record(string({ nonEmpty: true, example: '"/:year/:slug/"' }), { orOne: '*', example: '{ "posts": "/:year/:month/:slug/" }' }),
    default: {} as Record<string, string>,
    defaultDoc: "the generator's",
    doc: 'link patterns by section (first folder), `"*"` for all others; one string applies to all (see "Links" for the tokens)',
  }),
  ids: field({
    type: oneOf(['slug', 'link'], 'Keep "slug" for a feed that already has readers; see README, "Links".'),
    default: 'slug',
    doc: '`slug` (a `tag:` URI from the host, the first-publish date and the file-name slug: ids never change) or `link` (the item URL; every id changes once, so for a new feed)',
  }),
  keys: field({
    type: object(
      Object.fromEntries(MAPPABLE_FIELDS.map((f) => [f, field({ type: frontMatterKeys, doc: `Front matter keys that hold the ${f}, read before the default ones.` })])) as {
        [F in MappableField]: Field<string[]>;
      },
      { example: '{ "title": ["newstitle"] }', didYouMean },
    ),
    defaultDoc: '`{}`',
    doc: 'the site\'s own front matter keys per field, read before the default keys, e.g. `{ "title": ["newstitle"] }`; a dotted key is read inside a map (`params.title`)',
  }),
} satisfies Fields;

/** The whole file, as one object type. */
export const CONFIG_TYPE = object(CONFIG_FIELDS, { example: '{ "title": "...", "link": "https://..." }', didYouMean });

/** The keys a config file may hold. */
export const CONFIG_KEYS = Object.keys(CONFIG_FIELDS) as (keyof typeof CONFIG_FIELDS)[];

/** The site configuration, after defaults are applied (see CONFIG_FIELDS, or the README, for every key). */
export type FeedwrightConfig = Resolved<typeof CONFIG_FIELDS> & {
  /** Template code in Markdown bodies (Liquid/Nunjucks; see sources/templates.ts), set by a generator preset. Absent: removed with a warning. */
  templates?: TemplateSettings;
  /** The detected site (generator, base URL, patterns); set by the build, not by the config file. */
  siteInfo?: SiteInfo;
};

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
