import { htmlToText } from '../clean/html-text.js';
import { finishDirectHtml } from '../clean/markdown-html.js';
import { MAX_HTML_DEPTH, sanitizeWithReport } from '../clean/sanitize.js';
import type { FeedwrightConfig } from '../config/schema.js';
import { diagnostic } from '../diagnostics.js';
import { numericDate, numericIsoDay } from '../extract/dates.js';
import type { Article, Diagnostic, Person, Provenance, SourceDocument, Sourced } from '../model.js';
import { didYouMean, languageTag, squashSpaces, stripIllegalXmlChars, truncateAtWord } from '../util/text.js';
import { folderDataFor, mergeData } from '../site/detect.js';
import type { SiteInfo } from '../site/model.js';
import { authorsByKey } from '../site/authors-map.js';
import { docusaurusFileName, docusaurusTags } from '../site/docusaurus.js';
import { jekyllDatedName, plainLink, siteLanguage, siteLink } from '../site/permalink.js';
import { decodeEntities } from '../util/html.js';
import { formatRfc3339, isRepresentableYear, PLAUSIBLE_YEARS, parseDateValue, REPRESENTABLE_YEARS, statedOffset } from './dates.js';
import { bodyBaseUrl } from './bundle.js';
import { FEED_KEYS, FIELD_KEYS, type FieldName, fieldKeys, fieldNamedBy, KNOWN_KEYS, TITLE_LIKE } from './fields.js';
import { isHttpUrl, parsePeople } from './people.js';

export interface ResolveContext {
  config: FeedwrightConfig;
  /** relPath -> git first/last commit dates (empty when git is off or unavailable). */
  git: ReadonlyMap<string, { first: Date; last: Date }>;
  /** The build's clock, for holding back future articles. */
  now: Date;
}

export type ResolveResult = { status: 'ok'; article: Article; diagnostics: Diagnostic[] } | { status: 'draft' | 'future' | 'section' | 'error'; diagnostics: Diagnostic[] };

/** The config's own keys (`keys`), each also by its first part ("meta.title" makes "meta" known); the same for every article of a run. */
function customKeys(keys: FeedwrightConfig['keys']): ReadonlySet<string> {
  let known = customKeysOf.get(keys);
  if (known === undefined) {
    known = new Set(
      Object.values(keys)
        .flat()
        .flatMap((k) => [k, k.split('.')[0] as string]),
    );
    customKeysOf.set(keys, known);
  }
  return known;
}
const customKeysOf = new WeakMap<FeedwrightConfig['keys'], ReadonlySet<string>>();

/** The link rule without a generator or pattern: `itemBase` + the file-name slug. */
const LEGACY_RULE = 'itemBase + slug';

const NONE_INHERITED: ReadonlySet<string> = new Set();

/** Layouts that list other pages (a blog index, an archive): such a page is not a post. */
const LISTING_LAYOUTS = new Set(['home', 'blog', 'list', 'archive', 'archives', 'posts', 'tags', 'tag', 'categories', 'category', 'section', 'taxonomy', 'term', 'paginated']);

/**
 * Turn a parsed document into an Article: every field from the first source in the configured
 * precedence that has it, with its provenance. Problems are diagnostics; an error leaves the
 * article out (it is named in the report, never silently lost). In order: front matter keys
 * nobody reads; pages that are not posts, expired pages and drafts (held back before any field
 * is read); the fields, one resolver each (FIELDS, top to bottom); the body; errors and future
 * dates.
 */
export function resolveArticle(doc: SourceDocument, mtimeMs: number, ctx: ResolveContext): ResolveResult {
  const { config } = ctx;
  const site = config.siteInfo;
  const diagnostics: Diagnostic[] = [];
  // Folder data (Eleventy directory data files, Hugo cascade) lies under the article's own front matter.
  const folderLayers = site ? folderDataFor(site, doc.relPath, doc.frontMatter.layout) : [];
  // Eleventy's `override:tags` is `tags`, replacing the folder data's value instead of merging with it.
  // Hugo reads front matter keys whatever their case (it lower-cases them): `Categories`, `Description`.
  const folded = site?.preset === 'hugo' ? lowerCaseKeys(doc.frontMatter) : undefined;
  const own = site?.preset === 'eleventy' ? eleventyOverrides(doc.frontMatter) : { plain: folded?.data ?? doc.frontMatter, overrides: {} };
  const merged = folderLayers.length > 0 ? mergeData([...folderLayers.map((l) => (site?.preset === 'eleventy' ? eleventyFolderLayer(l) : l)), own.plain]) : own.plain;
  const fm = datesMap(Object.keys(own.overrides).length > 0 ? { ...merged, ...own.overrides } : merged);
  const inherited = folderLayers.length > 0 ? new Set(Object.keys(merged).filter((k) => !(k in own.plain) && !(k in own.overrides))) : NONE_INHERITED;
  const file = doc.displayPath;
  const lineOf = (key: string): number | undefined =>
    doc.frontMatterLines[folded?.written[key] ?? key] ?? doc.frontMatterLines[key] ?? doc.frontMatterLines[`${OVERRIDE}${key}`];
  const at = (key: string) => {
    const line = lineOf(key);
    return line === undefined ? { file } : { file, line };
  };
  const fromFm = <T>(key: string, value: T): Sourced<T> => {
    const line = lineOf(key);
    // A date keeps the offset it was written at (src/meta/dates.ts): the feeds write it so.
    const offset = value instanceof Date ? statedOffset(value) : undefined;
    return { value, from: 'front-matter', ...(line === undefined ? {} : { line }), ...(offset ? { offset } : {}) };
  };
  const badValue = (key: string, expected: string, example: string, value: unknown = valueAt(fm, key)): void => {
    diagnostics.push(diagnostic('FM_BAD_VALUE', at(key), { key, expected, got: describe(value), example }));
  };
  const ignoredValue = (key: string, expected: string, example: string, value: unknown = valueAt(fm, key)): void => {
    // An optional value the post only inherits (a Jekyll `defaults` entry, folder data: a theme's
    // `image: { facebook: … }` for every post) is left out without a word: the post does not
    // write it, and the warning would name a file without the key, once per post.
    if (inherited.has(key.split('.')[0] as string)) return;
    diagnostics.push(diagnostic('FM_VALUE_IGNORED', at(key), { key, expected, got: describe(value), example }));
  };
  const keysOf = (field: FieldName): readonly string[] => fieldKeys(field, config.keys, site?.preset);

  // --- keys nobody reads: one FM_UNKNOWN_KEY each (the build sums them up per key, src/pipeline/load.ts).
  // A mapped key inside a map ("meta.title") makes its map ("meta") known.
  const custom = customKeys(config.keys);
  // Keys the site's own archetypes write or layouts read (Hugo theme parameters: showToc, disableHLJS) are its vocabulary.
  const siteKeys = site?.frontMatterKeys;
  const unknown = [...Object.keys(own.plain), ...Object.keys(own.overrides)].filter((k) => !KNOWN_KEYS.has(k) && !custom.has(k) && !siteKeys?.includes(k.toLowerCase()));
  for (const key of unknown) {
    const guess = didYouMean(key, FEED_KEYS);
    diagnostics.push(diagnostic('FM_UNKNOWN_KEY', at(key), { key, guess, field: guess ? undefined : fieldNamedBy(key) }));
  }

  // --- pages that are not posts: section and listing pages, pages the generator does not write.
  const notAPost = notAPostReason(doc.relPath, fm, site) ?? readmePage(doc) ?? listingPage(doc) ?? templatePage(doc, fm);
  if (notAPost)
    return {
      status: 'section',
      diagnostics: [diagnostic('META_NOT_A_POST', { file }, { what: notAPost, by: 'reader' })],
    };
  if (site?.preset === 'hugo') {
    const expiry = fm.expiryDate ?? fm.expirydate;
    const expired = expiry === undefined ? undefined : parseDateValue(expiry, config.timezone, config.language);
    if (expired && expired.getTime() <= ctx.now.getTime()) {
      return {
        status: 'draft',
        diagnostics: [diagnostic('META_DRAFT', at('expiryDate'), { why: 'expired', on: formatRfc3339(expired) })],
      };
    }
  }

  // --- draft: decided first, so a draft never produces errors about its unfinished metadata.
  // The first draft key present (`draft`, or `isDraft` as some Astro and Next.js schemas name it).
  const draftKey = FIELD_KEYS.draft.find((k) => fm[k] !== undefined) ?? 'draft';
  const draft = flagValue(fm[draftKey]);
  if (draft === 'bad') badValue(draftKey, 'true or false', 'true');
  // `draft = "false"`: quoted, but plainly meant; Hugo reads it so, other generators may not.
  else if (typeof fm[draftKey] === 'string' && site?.preset !== 'hugo') diagnostics.push(diagnostic('FM_BOOLEAN_TEXT', at(draftKey), { key: draftKey, value: fm[draftKey], read: draft === true }));
  // Jekyll's `published: false` is a draft; `published: true` says nothing more.
  if (fm.published === false) {
    return {
      status: 'draft',
      diagnostics: [diagnostic('META_DRAFT', at('published'), { why: 'published-false' })],
    };
  }
  if (draft === true) {
    return { status: 'draft', diagnostics: [diagnostic('META_DRAFT', at(draftKey), draftKey === 'draft' ? { why: 'draft' } : { why: 'draft', key: draftKey })] };
  }

  // --- the fields, one resolver each (FIELDS below), in the order of the table.
  const reader: FieldReader = { doc, fm, file, config, site, ctx, mtimeMs, unknown, inherited, diagnostics, at, fromFm, badValue, ignoredValue, keysOf };
  const got = {} as Fields;
  for (const name of FIELD_ORDER) {
    const value = resolveField(FIELDS[name] as FieldResolver<keyof Fields>, reader, got);
    if (value !== undefined && 'stop' in value) {
      return {
        status: 'section',
        diagnostics: [diagnostic('META_NOT_A_POST', { file }, { what: value.stop, by: 'reader' })],
      };
    }
    (got as Record<keyof Fields, Fields[keyof Fields]>)[name] = value;
  }
  const { title, authors, published, updated, slug, link, tags, id, summary, image, lang } = got;

  if (fm.clean !== undefined && typeof fm.clean !== 'boolean') badValue('clean', 'true or false', 'false');

  const assetFolder = site?.hexo?.postAssetFolder === true;
  const sanitizing = { baseUrl: bodyBaseUrl(link.value, doc.relPath, assetFolder), allowIframes: config.allowIframes };
  const bodyHtml = assetFolder ? inAssetFolder(doc.bodyHtml, doc.relPath) : doc.bodyHtml;
  const sanitized = doc.bodyHtmlDirect ? finishDirectHtml(bodyHtml, sanitizing) : sanitizeWithReport(bodyHtml, sanitizing);
  const contentHtml = sanitized.html;
  if (sanitized.flattened) {
    diagnostics.push(diagnostic('CONTENT_TRUNCATED_NESTING', { file }, { depth: MAX_HTML_DEPTH }));
  }
  const tooDeep = doc.dropped.find((d) => d.rule === 'too-deep');
  if (tooDeep) {
    diagnostics.push(diagnostic('CONTENT_TRUNCATED_NESTING', { file }, { reader: cleanLine(tooDeep.text).replace(/\.$/, '') }));
  }
  const tooComplex = doc.dropped.find((d) => d.rule === 'too-complex');
  if (tooComplex) {
    diagnostics.push(diagnostic('ARTICLE_TOO_COMPLEX', { file }, { reason: cleanLine(tooComplex.text) }));
  }
  const domFailed = doc.dropped.find((d) => d.rule === 'dom-failed' || d.rule === 'markdown-failed');
  if (domFailed) {
    diagnostics.push(
      diagnostic('CONTENT_TRUNCATED_NESTING', { file }, { treeFailed: cleanLine(domFailed.text).replace(/\.$/, ''), kind: doc.kind === 'markdown' ? 'markdown' : 'page' }),
    );
  }
  if (!contentHtml && !doc.bodyText.trim()) {
    diagnostics.push(diagnostic('CONTENT_EMPTY', { file }, {}));
  }

  if (!title || diagnostics.some((d) => d.severity === 'error')) return { status: 'error', diagnostics };

  // Hugo publishes at "publishDate" even when "date" is earlier.
  const hugoPublish = site?.preset === 'hugo' && fm.publishDate !== undefined ? parseDateValue(fm.publishDate, config.timezone, config.language) : undefined;
  if (hugoPublish && hugoPublish.getTime() > ctx.now.getTime() && published.value.getTime() <= ctx.now.getTime() && config.future === 'hold') {
    diagnostics.push(diagnostic('META_FUTURE_HELD', at('publishDate'), { date: formatRfc3339(hugoPublish), key: 'publishDate' }));
    return { status: 'future', diagnostics };
  }
  if (published.value.getTime() > ctx.now.getTime() && config.future === 'hold') {
    diagnostics.push(diagnostic('META_FUTURE_HELD', published.line ? { file, line: published.line } : { file }, { date: formatRfc3339(published.value) }));
    return { status: 'future', diagnostics };
  }

  const article: Article = {
    id,
    slug,
    title,
    link,
    authors,
    published,
    updated,
    tags,
    summary,
    contentHtml,
    contentText: stripIllegalXmlChars(doc.bodyText),
    relPath: doc.relPath,
    displayPath: doc.displayPath,
    kind: doc.kind,
    dropped: doc.dropped,
  };
  if (image) article.image = image;
  if (lang) article.lang = lang;
  if (reader.external) article.externalUrl = reader.external;
  return { status: 'ok', article, diagnostics };
}

/** The resolved fields of an article, as the table below produces them (undefined: the field has no value). */
interface Fields {
  /** Undefined: no title anywhere (META_TITLE_MISSING, the article is an error). */
  title: Sourced<string> | undefined;
  authors: Sourced<Person[]>;
  published: Sourced<Date>;
  updated: Sourced<Date>;
  slug: Sourced<string>;
  link: Sourced<string>;
  tags: Sourced<string[]>;
  id: Sourced<string>;
  summary: Sourced<string>;
  image: Sourced<string> | undefined;
  lang: Sourced<string> | undefined;
}

/** Where a field's value may come from: the names `precedence` uses, and the field's own. */
type Source = 'front-matter' | 'found' | 'file-name' | 'config-default' | 'git' | 'mtime' | 'published' | 'derived';

/** A page that is not a post after all (the generator does not write it): the article becomes a note. */
interface Stop {
  stop: string;
}

/** What a field resolver reads: the document, its front matter (folder data merged), the config, and helpers that report. */
interface FieldReader {
  doc: SourceDocument;
  fm: Record<string, unknown>;
  file: string;
  config: FeedwrightConfig;
  site: SiteInfo | undefined;
  ctx: ResolveContext;
  mtimeMs: number;
  /** Front matter keys nobody reads (a title may hide under one). */
  unknown: readonly string[];
  /** Keys `fm` has only from the folder data or the layout chain under the file's own front matter (`folderDataFor`). */
  inherited: ReadonlySet<string>;
  diagnostics: Diagnostic[];
  at(key: string): { file: string; line?: number };
  fromFm<T>(key: string, value: T): Sourced<T>;
  badValue(key: string, expected: string, example: string, value?: unknown): void;
  /** An optional field's value that cannot be used: a warning, the field is left empty, the post is kept. */
  ignoredValue(key: string, expected: string, example: string, value?: unknown): void;
  keysOf(field: FieldName): readonly string[];
  /** A link post's own `link` to another site (set by the link field; see Article.externalUrl). */
  external?: Sourced<string>;
}

type Value<K extends keyof Fields> = NonNullable<Fields[K]>['value'];

/**
 * How one field is resolved. The front matter is read first, always (so a bad value is reported
 * whatever the precedence): the first of the field's keys that has a value (`fields.ts`: the
 * config's `keys` first, then every generator's spellings, then keys only the site's generator
 * reads), through `parse`. Then the sources are tried in `order`, each computed only when reached;
 * the first with a value wins, else `fallback`; `check` may report on the result or replace it.
 * A resolver reads only fields above it in FIELDS.
 */
interface FieldResolver<K extends keyof Fields> {
  /** The row of FIELD_KEYS (fields.ts) holding the field's front matter keys. */
  keys?: FieldName;
  /** Whether a key's value counts as given (default: not null, and not a blank string: archetypes leave `image = ""`). */
  given?: (value: unknown) => boolean;
  /** A given front matter value as the field's value; a bad one is reported here and gives undefined. */
  parse?: (value: unknown, key: string, r: FieldReader, got: Fields) => Value<K> | undefined;
  /** Instead of the first key: every given key at once (tags, which merge). */
  readAll?: (given: readonly (readonly [string, unknown])[], r: FieldReader) => Sourced<Value<K>> | undefined;
  /** When a key is given, the front matter is the only source, even if its value is bad (then: the fallback). */
  exclusive?: true;
  /** The other sources, by name. */
  sources?: { readonly [S in Source]?: (r: FieldReader, got: Fields) => Sourced<Value<K>> | Stop | undefined };
  /** The order of sources: the config's `precedence` for the field, or fixed. */
  order: readonly Source[] | ((config: FeedwrightConfig) => readonly Source[]);
  /** The value when no source has one. */
  fallback?: (r: FieldReader, got: Fields) => Fields[K];
  /** Checks on the chosen value, which may replace it. */
  check?: (value: Fields[K], r: FieldReader, got: Fields) => Fields[K];
}

/** Blank values are no values. */
const isGiven = (v: unknown): boolean => v !== undefined && v !== null && !(typeof v === 'string' && !v.trim());

/** A front matter key's value; a dotted key (`taxonomies.tags`) is read inside maps. */
function valueAt(fm: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(fm, key) || !key.includes('.')) return fm[key];
  let v: unknown = fm;
  for (const part of key.split('.')) v = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

function resolveField<K extends keyof Fields>(f: FieldResolver<K>, r: FieldReader, got: Fields): Fields[K] | Stop {
  let fromFrontMatter: Sourced<Value<K>> | undefined;
  let keyGiven = false;
  if (f.keys) {
    const given = f.given ?? isGiven;
    const keys = r.keysOf(f.keys);
    if (f.readAll) {
      // Pushed into a literal: a packed array, however optimised (see `dedupe`).
      const all: (readonly [string, unknown])[] = [];
      for (const k of keys) {
        const v = valueAt(r.fm, k);
        if (given(v)) all.push([k, v]);
      }
      keyGiven = all.length > 0;
      if (keyGiven) fromFrontMatter = f.readAll(all, r);
    } else {
      const key = keys.find((k) => given(valueAt(r.fm, k)));
      keyGiven = key !== undefined;
      if (key !== undefined) {
        const value = f.parse ? f.parse(valueAt(r.fm, key), key, r, got) : (valueAt(r.fm, key) as Value<K>);
        if (value !== undefined) fromFrontMatter = r.fromFm(key, value);
      }
    }
  }
  let chosen: Fields[K] | undefined;
  if (!(f.exclusive && keyGiven)) {
    for (const source of typeof f.order === 'function' ? f.order(r.config) : f.order) {
      const v = source === 'front-matter' ? fromFrontMatter : f.sources?.[source]?.(r, got);
      if (v !== undefined && 'stop' in v) return v;
      if (v !== undefined) {
        chosen = v as Fields[K];
        break;
      }
    }
  } else chosen = fromFrontMatter as Fields[K] | undefined;
  chosen ??= f.fallback?.(r, got) as Fields[K];
  return f.check ? f.check(chosen, r, got) : chosen;
}

const mtimeOf = (r: FieldReader): Sourced<Date> => ({ value: new Date(Math.floor(r.mtimeMs / 1000) * 1000), from: 'mtime' });
/**
 * The publication date's last resort: a date the front matter states as the update (`modified:
 * 2025-01-25` beside no `date`), as Hugo takes its `.Date` from `lastmod` or `modified` when
 * nothing else dates the page; only then the file's time, which changes on every checkout.
 */
const updatedOrMtime = (r: FieldReader): Sourced<Date> => {
  for (const key of r.keysOf('updated')) {
    const v = valueAt(r.fm, key);
    const d = v === undefined || v === null ? undefined : parseDateValue(v, r.config.timezone, r.config.language);
    if (d) return r.fromFm(key, d);
  }
  return mtimeOf(r);
};
const gitOf = (r: FieldReader) => r.ctx.git.get(r.doc.relPath);
/** The file's name as a title, without the date a dated name starts with (`2024-03-05-my-post.md`: "My post"), as the generators' slugs leave it out. */
const fileNameTitle = (r: FieldReader): Sourced<string> => ({ value: humanize(baseName(r.doc.relPath).replace(/^\d{4}-\d{2}-\d{2}[-_](?=[^-_])/, '')), from: 'file-name' });
const fileNameSlug = (r: FieldReader): Sourced<string> => ({ value: slugify(baseName(r.doc.relPath)), from: 'file-name' });

/**
 * Quarto's date keywords (`date: today`, `now`, `last-modified`): the time the site is rendered or
 * the file was last changed, not a date of the post. A feed built on another day must not move
 * the post, so such a key counts as not given, and the post is dated as one without it.
 */
function isRenderTimeDate(v: unknown): boolean {
  return typeof v === 'string' && /^\s*(?:today|now|last-modified)\s*$/i.test(v);
}

/** A date key's value as a Date, or META_DATE_AMBIGUOUS (day and month either way round) or META_DATE_UNPARSEABLE. */
function parseDate(v: unknown, key: string, r: FieldReader): Date | undefined {
  const d = parseDateValue(v, r.config.timezone, r.config.language);
  if (!d) {
    const numeric = typeof v === 'string' ? numericDate(v) : undefined;
    if (numeric?.dayFirst && numeric.monthFirst) {
      r.diagnostics.push(diagnostic('META_DATE_AMBIGUOUS', r.at(key), { key, got: String(v).trim(), dayFirst: numericIsoDay(numeric, true), monthFirst: numericIsoDay(numeric, false) }));
    } else r.diagnostics.push(diagnostic('META_DATE_UNPARSEABLE', r.at(key), { key, got: describe(v) }));
  }
  return d;
}

/**
 * Every field of an article: its front matter keys, parser and checks, and its sources in order
 * of precedence. `resolveArticle` runs them top to bottom.
 */
const FIELDS: { readonly [K in keyof Fields]: FieldResolver<K> } = {
  title: {
    keys: 'title',
    parse: (v, key, r) => {
      // A title the file only inherits (a layout's `title: Eleventy Blog`, a folder's data) is every
      // post's there: the name of the section, not of this post. Its own sources come first (check).
      if (r.inherited.has(key)) return undefined;
      if (typeof v === 'string') return cleanLine(r.site?.preset === 'jekyll' ? jekyllTitleText(v) : v) || undefined;
      if (typeof v === 'number') return cleanLine(String(v)) || undefined;
      r.badValue(key, 'a string', 'My article');
      return undefined;
    },
    order: (config) => config.precedence.title,
    sources: {
      found: (r) => {
        const found = r.doc.found.title;
        const value = found ? cleanLine(found.value) : '';
        return found && value ? { ...found, value } : undefined;
      },
      'file-name': fileNameTitle,
    },
    check: (title, r) => {
      if (title) return title;
      const inheritedKey = r.keysOf('title').find((k) => r.inherited.has(k) && typeof r.fm[k] === 'string' && cleanLine(r.fm[k] as string));
      const inherited = inheritedKey === undefined ? undefined : cleanLine(r.fm[inheritedKey] as string);
      // A title under a key nobody mapped ("newstitle: ..."): publish under the file name's title and say which keys could hold it.
      const candidates = r.unknown.filter((k) => TITLE_LIKE.test(k) && typeof r.doc.frontMatter[k] === 'string');
      if (candidates.length > 0) {
        const fromName = fileNameTitle(r);
        r.diagnostics.push(diagnostic('META_TITLE_FROM_FILE_NAME', r.at(candidates[0] as string), { title: fromName.value, keys: candidates, inherited }));
        return fromName;
      }
      // Jekyll titles a post that names none from its file name (`2016-08-12-my-example-post.md`:
      // "My Example Post", Utils.titleize_slug): the title its page and its own feed show.
      const dated = r.site?.preset === 'jekyll' ? jekyllDatedName(baseName(r.doc.relPath)) : undefined;
      if (dated?.date && dated.rest) return { value: dated.rest.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' '), from: 'file-name', rule: "jekyll: a post's title from its file name" };
      // An Eleventy data file computing the title from the file's name (`eleventyComputed: { title: (data) =>
      // data.title || data.page.fileSlug }`, read by src/site/eleventy-computed.ts): that name, as written.
      const computed = r.site?.preset === 'eleventy' ? (r.fm.eleventyComputed as Record<string, unknown> | undefined)?.title : undefined;
      if (computed === 'page.fileSlug' || computed === 'page.filePathStem') {
        const dirs = r.doc.relPath.split('/').slice(0, -1);
        const stem = (r.doc.relPath.split('/').pop() ?? '').replace(/\.[^.]+$/, '');
        // page.fileSlug: the stem without a leading date, or the folder's name for an index file.
        const value = computed === 'page.filePathStem' ? stem : stem === 'index' && dirs.length > 0 ? (dirs[dirs.length - 1] as string) : stem.replace(/^\d{4}-\d{2}-\d{2}-/, '');
        if (value.trim()) return { value, from: 'file-name', rule: `eleventy: eleventyComputed title from ${computed}` };
      }
      // MkDocs and Nuxt Content title a page with neither a front matter title nor a `# heading` by
      // its file name (MkDocs: `no-heading.md` is "No heading"; Nuxt Content's generateTitle), and
      // VitePress's sidebars do (its page <title> is then the site's name, no item's title): that name.
      if (r.config.templates?.titleFromFirstHeading && r.doc.kind === 'markdown' && !r.keysOf('title').some((k) => k in r.doc.frontMatter)) {
        return { ...fileNameTitle(r), rule: 'a page of a site that titles pages by their first heading, with none: its file name' };
      }
      // Nothing of its own: the inherited title, said to be every post's.
      if (inheritedKey !== undefined && inherited !== undefined) {
        r.diagnostics.push(diagnostic('META_TITLE_INHERITED', { file: r.file, line: 1 }, { title: inherited, key: inheritedKey }));
        return { value: inherited, from: 'front-matter', rule: 'inherited from the layout or folder data' };
      }
      // A title key left empty (`title: #1 tip` is one: YAML's `#` starts a comment) is named at its line.
      const fm = r.doc.frontMatter;
      const emptyKey = r.keysOf('title').find((k) => k in fm && (fm[k] === null || (typeof fm[k] === 'string' && !(fm[k] as string).trim())));
      // A folder data file written as code (Eleventy's `blog.11tydata.js`) may compute the title: name it.
      const codeData = r.site?.codeData.find((f) => r.file.startsWith(`${f.slice(0, f.lastIndexOf('/') + 1)}`));
      r.diagnostics.push(emptyKey ? diagnostic('META_TITLE_MISSING', r.at(emptyKey), { emptyKey }) : diagnostic('META_TITLE_MISSING', { file: r.file, line: 1 }, codeData ? { codeData } : r.doc.kind === 'markdown' ? {} : { kind: r.doc.kind }));
      return undefined;
    },
  },

  authors: {
    keys: 'authors',
    parse: (raw, key, r) => {
      // Docusaurus names authors by their key in its authors map (`authors: [jane]`), and so do
      // Jekyll and Bridgetown themes by a key of `_data/authors.yml` (`author: jane`, as jekyll-seo-tag reads it).
      const map = r.site?.docusaurus?.authors ?? r.site?.authorsMap;
      const v = map ? authorsByKey(raw, map) : raw;
      const { people, invalid } = parsePeople(v, true);
      // Optional: the authors that can be read are kept, the rest left out with a warning (the config author when none is left).
      if (invalid.length > 0)
        r.ignoredValue(
          key,
          'a name, "Name <email> (url)", { name, email, url }, or a list of them',
          'Jane Doe <jane@example.com>',
          Array.isArray(v) && invalid.length === 1 ? invalid[0] : v,
        );
      const cleaned = cleanPeople(people, r.config.link);
      return cleaned.length > 0 ? cleaned : undefined;
    },
    order: (config) => config.precedence.authors,
    sources: {
      found: (r) => {
        const found = r.doc.found.authors;
        const value = found && found.value.length > 0 ? cleanPeople(found.value, r.config.link) : [];
        return found && value.length > 0 ? { ...found, value } : undefined;
      },
      'config-default': (r) => ({ value: [configAuthor(r.config.author)], from: 'config-default' }),
    },
    fallback: (r) => ({ value: [configAuthor(r.config.author)], from: 'config-default' }),
  },

  published: {
    keys: 'published',
    // Jekyll's `published: false` is a draft flag (handled above), not a date; nor is Quarto's
    // `date: last-modified` (the sources below then date the post: git's first commit...).
    given: (v) => typeof v !== 'boolean' && isGiven(v) && !isRenderTimeDate(v),
    parse: parseDate,
    order: (config) => config.precedence.published,
    sources: {
      // Jekyll names posts by their date: 2024-03-05-welcome.md (Zola also 2024-03-05_welcome.md).
      // Else a date the post's own path states (Zola's `path = "2014/12/12/1.0-Timeline"`, a `permalink: /2019/05/03/x/`).
      found: (r) => r.doc.found.published ?? fileNameDate(r.doc.relPath, r.config.timezone, r.site) ?? pathDate(r),
      git: (r) => {
        const git = gitOf(r);
        return git ? { value: git.first, from: 'git' } : undefined;
      },
      mtime: updatedOrMtime,
    },
    fallback: updatedOrMtime,
  },

  updated: {
    keys: 'updated',
    // Quarto's `date-modified: last-modified` is the file's last change: git's last commit, below.
    given: (v) => isGiven(v) && !isRenderTimeDate(v),
    // Optional: an unreadable "updated" is left out with a warning (then git, or the publication date);
    // only the publication date goes into the permanent id.
    parse: (v, key, r) => {
      const d = parseDateValue(v, r.config.timezone, r.config.language);
      if (!d) r.ignoredValue(key, 'a date', '2024-03-11 or 2024-03-11T09:30:00+01:00');
      return d;
    },
    order: (config) => config.precedence.updated,
    sources: {
      found: (r) => r.doc.found.updated,
      // git gives `updated` only when the file changed after its first commit: a file committed once
      // (e.g. imported with an old `date`) has not been updated since it was published.
      git: (r) => {
        const git = gitOf(r);
        return git && git.last.getTime() > git.first.getTime() ? { value: git.last, from: 'git' } : undefined;
      },
      published: (_r, { published }) => ({
        value: published.value,
        from: published.from,
        ...(published.line ? { line: published.line } : {}),
        ...(published.offset ? { offset: published.offset } : {}),
      }),
      mtime: mtimeOf,
    },
    fallback: (_r, { published }) => published,
    // The checks of both dates, once both are known.
    check: (updated, r, { published }) => {
      // Not beside an unreadable date: that error leaves the post out, and names what to write.
      if (published.from === 'mtime' && !r.diagnostics.some((d) => d.code === 'META_DATE_UNPARSEABLE' || d.code === 'META_DATE_AMBIGUOUS')) {
        r.diagnostics.push(diagnostic('META_DATE_FROM_MTIME', { file: r.file }, {}));
      }
      let out = updated;
      if (out.value.getTime() < published.value.getTime()) {
        if (out.from === 'front-matter' || out.from === 'date-line') {
          r.diagnostics.push(
            diagnostic('META_UPDATED_BEFORE_PUBLISHED', out.line ? { file: r.file, line: out.line } : { file: r.file }, {
              updated: formatRfc3339(out.value),
              published: formatRfc3339(published.value),
            }),
          );
        }
        out = { ...published };
      }
      // The first date out of range is reported.
      for (const d of [published, out]) {
        const year = d.value.getUTCFullYear();
        if (!isRepresentableYear(d.value)) {
          // toISOString, not formatRfc3339: it writes year 0 as 0000 (date-fns' era year says 0001).
          r.diagnostics.push(
            diagnostic('META_DATE_OUT_OF_RANGE', d.line ? { file: r.file, line: d.line } : { file: r.file }, {
              day: d.value.toISOString().slice(0, 10),
              from: d.from,
              year,
              min: REPRESENTABLE_YEARS.min,
              max: REPRESENTABLE_YEARS.max,
            }),
          );
          break;
        }
        if (year < PLAUSIBLE_YEARS.min || year > PLAUSIBLE_YEARS.max) {
          r.diagnostics.push(
            diagnostic('META_DATE_IMPLAUSIBLE', d.line ? { file: r.file, line: d.line } : { file: r.file }, {
              date: formatRfc3339(d.value),
              from: d.from,
              min: PLAUSIBLE_YEARS.min,
              max: PLAUSIBLE_YEARS.max,
            }),
          );
          break;
        }
      }
      return out;
    },
  },

  slug: {
    keys: 'slug',
    parse: (v, key, r) => {
      const s = typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
      if (isSafeSlug(s)) return s;
      // An Astro entry's `slug` may be a path (`slug: 2024/new-blog`, served by a `[...slug]` route):
      // the link rule reads it (src/site/permalink.ts), and the item's slug is the file name's.
      if (r.config.siteInfo?.preset === 'astro' && /^[^/].*[^/]$/.test(s) && s.split('/').every(isSafeSlug)) return undefined;
      r.diagnostics.push(diagnostic('META_SLUG_INVALID', r.at(key), { key, got: describe(v) }));
      return undefined;
    },
    order: ['front-matter', 'file-name'],
    sources: { 'file-name': fileNameSlug },
    fallback: fileNameSlug,
  },

  link: {
    keys: 'link',
    parse: (v, key, r) => {
      const resolved = typeof v === 'string' ? resolveHttpUrl(v, r.config.link) : undefined;
      if (!resolved) {
        r.diagnostics.push(diagnostic('META_LINK_INVALID', r.at(key), { key, got: describe(v) }));
      }
      // On a site generator's site, a post's own `link` to another host is what the post links to
      // (a link post): the site still serves the post at its permalink, which stays the item's link.
      // A `canonical` elsewhere names where the article itself lives (a cross-post): that is its link.
      if (resolved && r.site && key !== 'canonical' && !sameHost(resolved, r.site.baseUrl ?? r.config.link)) {
        r.external = r.fromFm(key, resolved);
        return undefined;
      }
      return resolved;
    },
    order: ['front-matter', 'found', 'derived'],
    sources: {
      found: (r) => {
        const found = r.doc.found.link;
        const resolved = found ? resolveHttpUrl(found.value, r.config.link) : undefined;
        return found && resolved ? { ...found, value: resolved } : undefined;
      },
      // The site generator's permalink, a config pattern, or itemBase + slug.
      derived: (r, { published, title, slug }) => {
        const made = deriveLink(r.doc, r.fm, r.site, r.config, { published, title: title?.value ?? fileNameTitle(r).value, slug: slug.value });
        if ('skip' in made) return { stop: made.skip };
        if (made.unknown.length > 0) {
          r.diagnostics.push(diagnostic('META_PERMALINK_TOKEN', { file: r.file }, { pattern: made.pattern ?? '', unknown: made.unknown }));
        }
        if (made.unrendered !== undefined) {
          const own = r.doc.frontMatterLines.permalink !== undefined;
          r.diagnostics.push(diagnostic('META_PERMALINK_UNRENDERED', own ? r.at('permalink') : { file: r.file }, { template: made.unrendered, url: made.url, ...(r.site?.preset === 'hexo' ? { hexo: true } : {}) }));
        }
        // feedwright's own rule (no generator, no pattern) is not named: it is what `explain` always showed.
        return made.rule === LEGACY_RULE ? { value: made.url, from: 'derived' } : { value: made.url, from: 'derived', rule: made.rule };
      },
    },
  },

  tags: {
    // Every key is read and the lists merged, tags first (Hugo and Jekyll posts often have several; Zola's are in [taxonomies]).
    keys: 'tags',
    // Any value but null is read (a blank string is an empty list, not a missing key).
    given: (v) => v !== undefined && v !== null,
    readAll: (given, r) => {
      // Hexo: a list inside `categories` is one hierarchy of categories (`- [Diary, Games]`), each a tag.
      // Docusaurus: a key of its tags file is that tag's label; `{ label, permalink }` is its label.
      const docusaurus = r.site?.docusaurus;
      // The lists' members in one array pushed into a literal: packed, however optimised (see `dedupe`).
      const all: string[] = [];
      let anyList = false;
      for (const [k, v] of given) {
        const read = toStringList(r.site?.preset === 'hexo' && Array.isArray(v) ? v.flat() : docusaurus ? docusaurusTags(v, docusaurus.tags) : v);
        // Optional: a value that is no list, or the members of a list that are not strings or numbers, are left out with a warning.
        if (!read.list) r.ignoredValue(k, 'a list of strings or a comma-separated string', '[news, mexico]', v);
        else {
          for (const bad of read.bad) r.diagnostics.push(diagnostic('FM_VALUE_IGNORED', r.at(k), { key: k, tag: describe(bad) }));
          anyList = true;
          for (const tag of read.list) all.push(tag);
        }
      }
      if (!anyList) return undefined;
      const merged = dedupe(all);
      const first = (given[0] as readonly [string, unknown])[0];
      return r.fm[first] !== undefined ? r.fromFm(first, merged) : { value: merged, from: 'front-matter' };
    },
    exclusive: true,
    order: ['front-matter', 'found'],
    sources: {
      found: (r) => {
        const found = r.doc.found.tags;
        return found ? { ...found, value: dedupe(found.value.map(cleanLine).filter(Boolean)) } : undefined;
      },
    },
    fallback: () => ({ value: [], from: 'derived' }),
  },

  id: {
    // Stable across edits of text and title: by default an RFC 4151 tag URI from host, first-publish date and slug.
    keys: 'id',
    // An empty id is a bad id, not a missing one. A bare number is a post number (WordPress
    // importers write `id: 723`), no feed id: the next key (`guid`) or the derived id is used.
    given: (v) => v !== undefined && v !== null && !isPostNumber(v),
    parse: (v, key, r) => {
      const written = typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
      // A path from the site's root (`guid: /?p=1613`, as WordPress exporters write the guid with
      // the site's address left out) is an address on the site: the one the feed's link gives it,
      // which is the old WordPress feed's guid when the site kept its host.
      // A bare UUID (`id: 218c8a93-6a25-449d-9d0e-8362aa59418b`, as Hexo and Hugo post templates
      // and CMSs write a post's id) is the URN RFC 4122 names it by, `urn:uuid:…`.
      const raw = UUID.test(written)
        ? `urn:uuid:${written.toLowerCase()}`
        : /^\/(?![/\\])/.test(written)
          ? (resolveHttpUrl(written, r.config.link) ?? written)
          : written;
      if (!isAbsoluteIri(raw)) {
        r.diagnostics.push(diagnostic('META_ID_INVALID', r.at(key), { got: describe(v) }));
      }
      return raw;
    },
    order: ['front-matter', 'derived'],
    sources: {
      // The default id keeps its old rule (host, date, file-name slug), so existing feeds keep their ids.
      derived: (r, { link, published, slug }) => {
        if (isPostNumber(r.fm.id)) r.diagnostics.push(diagnostic('META_ID_NUMBER', r.at('id'), { number: String(r.fm.id).trim() }));
        return { value: r.config.ids === 'link' ? link.value : tagUri(r.config.link, published.value, slug.value), from: 'derived' };
      },
    },
  },

  summary: {
    keys: 'summary',
    parse: (v, key, r) => {
      // Optional: a summary of another shape is left out with a warning (then the text's own or a derived one).
      if (typeof v !== 'string') r.ignoredValue(key, 'a string', 'One or two sentences.');
      return typeof v === 'string' ? cleanLine(formattedText(v)) || undefined : undefined;
    },
    order: ['front-matter', 'found', 'derived'],
    sources: {
      found: (r) => {
        const found = r.doc.found.summary;
        return found?.value ? { ...found, value: cleanLine(found.value) } : undefined;
      },
      derived: (r) => ({ value: deriveSummary(r.doc.summaryText ?? r.doc.bodyText, r.config.summaryLength), from: 'derived' }),
    },
  },

  image: {
    keys: 'image',
    parse: (value, key, r, { link }) => {
      // Themes nest it: PaperMod's `cover: { image: ... }`, Starlight blog's `cover: { alt, image }` or
      // `{ alt, light, dark }`, Jekyll's Chirpy `image: { path, alt }`, and the HPSTR / So Simple /
      // early Minimal Mistakes family's `image: { feature: name.jpg }`, a bare name those themes
      // serve from the site's /images/ folder.
      const map = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
      const feature = typeof map?.feature === 'string' && !/^\/|:\/\//.test(map.feature.trim()) ? `/images/${map.feature.trim()}` : map?.feature;
      const nested = map ? (map.image ?? map.src ?? map.url ?? map.path ?? map.light ?? feature) : undefined;
      const raw = nested ?? value;
      // An Astro asset import (`@/assets/x.png`, `~/x.png`) becomes a hashed file only the build knows.
      const resolved = typeof raw === 'string' && !/^[@~]\//.test(raw.trim()) ? resolveHttpUrl(raw, link.value) : undefined;
      // The image is optional: a value of another shape is left out with a warning, the post is kept.
      if (!resolved && !(nested !== undefined && (nested === '' || nested === null))) r.ignoredValue(key, 'a URL or a path', 'images/cover.jpg');
      return resolved;
    },
    exclusive: true,
    order: ['front-matter', 'found'],
    sources: {
      found: (r, { link }) => {
        const found = r.doc.found.image;
        const resolved = found ? resolveHttpUrl(found.value, link.value) : undefined;
        return found && resolved ? { ...found, value: resolved } : undefined;
      },
    },
  },

  lang: {
    keys: 'lang',
    parse: (v, key, r) => {
      const tag = typeof v === 'string' ? languageTag(v) : undefined;
      if (tag) return tag;
      // Optional: an unreadable language is left out with a warning; the item has the feed's language.
      r.ignoredValue(key, 'a language tag', 'es');
      return undefined;
    },
    exclusive: true,
    order: ['front-matter', 'found', 'derived'],
    sources: {
      found: (r) => {
        const found = r.doc.found.lang;
        const tag = found ? languageTag(found.value) : undefined;
        return found && tag ? { ...found, value: tag } : undefined;
      },
      // A multilingual Hugo or Zola site files each translation under its language (index.fr.md).
      derived: (r) => {
        if (!r.site) return undefined;
        const filed = siteLanguage(r.site, r.site.contentPrefix ? `${r.site.contentPrefix}/${r.doc.relPath}` : r.doc.relPath);
        const tag = filed ? languageTag(filed.lang) : undefined;
        return filed && tag ? { value: tag, from: 'derived', rule: filed.rule } : undefined;
      },
    },
  },
};

/** The fields in the order they are resolved (FIELDS' own): a resolver may read the fields before it. */
const FIELD_ORDER = Object.keys(FIELDS) as readonly (keyof Fields)[];

const OVERRIDE = 'override:';

/**
 * An Eleventy folder data layer as the article sees it: `override:<key>` read as `<key>`, and no
 * `tags`. Eleventy's tags are collections: a folder's data tags every post below it so that a
 * listing or feed can gather them (`collections.posts`), which says nothing about any one post;
 * only a post's own tags are its categories (the base blog's pages leave "posts" out of the tags
 * they show, likewise).
 */
function eleventyFolderLayer(layer: Record<string, unknown>): Record<string, unknown> {
  const { tags: _collections, ...rest } = eleventyOverrides(layer).all;
  return rest;
}

/**
 * Eleventy's data cascade `override:` prefix (`override:tags: []`): the key without it, its value
 * replacing, not merged with, the data above. `plain` holds the other keys, `all` both.
 */
function eleventyOverrides(data: Record<string, unknown>): { plain: Record<string, unknown>; overrides: Record<string, unknown>; all: Record<string, unknown> } {
  if (!Object.keys(data).some((k) => k.startsWith(OVERRIDE) && k.length > OVERRIDE.length)) return { plain: data, overrides: {}, all: data };
  const plain: Record<string, unknown> = {};
  const overrides: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (k.startsWith(OVERRIDE) && k.length > OVERRIDE.length) overrides[k.slice(OVERRIDE.length)] = v;
    else plain[k] = v;
  }
  return { plain, overrides, all: { ...plain, ...overrides } };
}

/**
 * Why a file is not a post, or undefined when it is one: section and listing pages (Hugo/Zola
 * `_index`, a page with pagination or a listing layout), pages the generator never writes or
 * leaves out of its collections (Eleventy `permalink: false`, `eleventyExcludeFromCollections`,
 * Hugo `headless`/`build.render: never`), Jekyll drafts.
 */
function notAPostReason(relPath: string, fm: Record<string, unknown>, site: SiteInfo | undefined): string | undefined {
  const name = relPath.split('/').pop() ?? relPath;
  if (/^_index\.[^.]+$/.test(name) || /^_index\.[a-z]{2,3}\.[^.]+$/.test(name)) return 'a section page (_index)';
  if (
    fm.pagination !== undefined &&
    fm.pagination !== false &&
    !(typeof fm.pagination === 'object' && fm.pagination !== null && (fm.pagination as Record<string, unknown>).enabled === false)
  ) {
    return 'a listing page ("pagination")';
  }
  // Zola's `paginate_by: 5`; a `paginate` of posts per page or of settings. `paginate: true` on a
  // dated post (a WordPress export's leftover, kept by a site moved to Eleventy) names no listing.
  if (fm.paginate_by !== undefined || typeof fm.paginate === 'number' || (typeof fm.paginate === 'object' && fm.paginate !== null)) return 'a listing page ("paginate")';
  // A layout is named by its file: "layouts/blog.njk" is the layout "blog".
  const layout = typeof fm.layout === 'string' ? (fm.layout.split('/').pop() ?? '').replace(/\.[^.]+$/, '').toLowerCase() : undefined;
  if (layout && LISTING_LAYOUTS.has(layout)) return `a listing page (layout "${fm.layout}")`;
  if (fm.eleventyExcludeFromCollections === true) return 'a page left out of collections ("eleventyExcludeFromCollections")';
  if (fm.permalink === false) return 'a page the site does not write ("permalink: false")';
  if (fm.headless === true) return 'a headless page';
  const build = (fm.build ?? fm._build) as Record<string, unknown> | undefined;
  if (typeof build === 'object' && build !== null && (build.render === 'never' || build.render === false || build.list === 'never')) return 'a page Hugo does not list ("build")';
  if (site?.preset === 'jekyll' && `/${relPath}`.includes('/_drafts/')) return 'a Jekyll draft (_drafts/)';
  return undefined;
}

/**
 * A folder's README.md with no front matter: what the folder holds and how to write for it, as a
 * repository shows it (the Go blog's _content/blog/README.md); a post has front matter.
 */
function readmePage(doc: SourceDocument): string | undefined {
  if (doc.kind !== 'markdown' || Object.keys(doc.frontMatter).length > 0) return undefined;
  const name = doc.relPath.split('/').pop() ?? doc.relPath;
  return /^readme\.(?:md|markdown)$/i.test(name) ? "the folder's README, with no front matter" : undefined;
}

/** Front matter keys by which a page is made by a template or sends readers elsewhere, not by its own text. */
const TEMPLATE_PAGE_KEYS = ['template', 'layout', 'redirect_to', 'redirect', 'redirectTo'] as const;

/**
 * A page its template makes, with no title and no text of its own: the Rust blog's
 * `releases/latest.md` is `template = "latest.html"` alone (a redirect to the newest release);
 * a build failed on it with META_TITLE_MISSING.
 */
function templatePage(doc: SourceDocument, fm: Record<string, unknown>): string | undefined {
  if (doc.bodyText.trim() !== '' || fm.title !== undefined) return undefined;
  const key = TEMPLATE_PAGE_KEYS.find((k) => typeof fm[k] === 'string' && (fm[k] as string).trim() !== '');
  return key ? `a page its template makes, with no title or text of its own (${key} "${fm[key] as string}")` : undefined;
}

/** Fewer teasers make no listing of a page at no listing's address (a saved site's home page): a post shows a "next" and a "previous" teaser. */
const MIN_HOME_TEASERS = 3;

/**
 * A listing's address: a blog's paginated index (`page/2/`), a category, tag, topic, label or
 * author page (`categories/emacs/`, `tag/go/page/3/`), with or without its `index.html`.
 */
const LISTING_PATH = /(?:^|\/)(?:page\/\d+|(?:category|categories|tags?|topics?|labels?|authors?)\/[^/]+(?:\/page\/\d+)?)\/?(?:index\.html?)?$/i;

/**
 * An HTML page that shows post teasers (src/extract/html/listing.ts) at a listing's address, by its
 * file or its canonical URL (a paginated index or category page of a saved site), or three or more
 * as the articles folder's own `index.html` (the site's home page): not a post. A post's "related
 * posts" box alone never makes it one.
 */
function listingPage(doc: SourceDocument): string | undefined {
  const teasers = doc.found.teasers?.value;
  if (doc.kind !== 'html' || teasers === undefined) return undefined;
  let canonical = '';
  try {
    canonical = doc.found.link ? new URL(doc.found.link.value).pathname : '';
  } catch {
    // No URL: the file's path decides alone.
  }
  const atListing = LISTING_PATH.test(doc.relPath) || (canonical !== '' && LISTING_PATH.test(canonical)) || (/^index\.html?$/i.test(doc.relPath) && teasers >= MIN_HOME_TEASERS);
  return atListing ? `a listing page (${teasers} post teasers)` : undefined;
}

/**
 * The item link when the front matter names none: the generator's permalink rule (src/site/),
 * a `permalinks` pattern from the config, or feedwright's own `itemBase` + slug.
 */
function deriveLink(
  doc: SourceDocument,
  fm: Record<string, unknown>,
  site: SiteInfo | undefined,
  config: FeedwrightConfig,
  f: { published: Sourced<Date>; title: string; slug: string },
): { url: string; rule: string; pattern?: string; unknown: string[]; unrendered?: string } | { skip: string } {
  // (A date read from the post's own path, `pathDate`, is no written date: its key is the path's.)
  const dateKey = f.published.from === 'front-matter' ? Object.keys(fm).find((k) => doc.frontMatterLines[k] === f.published.line && !(PATH_KEYS as readonly string[]).includes(k)) : undefined;
  // The date as written: a URL's :year/:month/:day are those of the written date (a file name's date is in the site's zone).
  const dateText =
    dateKey !== undefined && typeof fm[dateKey] === 'string'
      ? (fm[dateKey] as string)
      : f.published.from === 'file-name'
        ? fileNameDateText(doc.relPath, site)
        : undefined;
  const categories = categoriesOf(doc.relPath, fm, site);
  if (!site) {
    // A page path written in front matter (`PATH_KEYS`).
    const pathKey = PATH_KEYS.find((k) => typeof fm[k] === 'string' && (fm[k] as string).trim());
    if (pathKey) return { url: joinBase(config.itemBase, `/${(fm[pathKey] as string).trim().replace(/^\/+/, '')}`), rule: `front matter ${pathKey}`, unknown: [] };
    const pattern = config.permalinks[doc.relPath.includes('/') ? (doc.relPath.split('/')[0] as string) : ''] ?? config.permalinks['*'];
    if (!pattern) return { url: slugUrl(f.slug, config.itemBase), rule: LEGACY_RULE, unknown: [] };
    const input = { contentPath: doc.relPath, fm, date: f.published.value, title: f.title, timezone: config.timezone, categories, ...(dateText ? { dateText } : {}) };
    const made = plainLink(input, pattern, f.slug);
    return { url: joinBase(config.itemBase, made.path), rule: `config permalinks ${pattern}`, pattern, unknown: made.unknown };
  }
  const contentPath = site.contentPrefix ? `${site.contentPrefix}/${doc.relPath}` : doc.relPath;
  const input = {
    contentPath,
    fm,
    noOwnFrontMatter: Object.keys(doc.frontMatter).length === 0,
    date: f.published.value,
    title: f.title,
    timezone: site.timezone ?? config.timezone,
    categories,
    ...(dateText ? { dateText } : {}),
  };
  const made = siteLink(site, input, config.permalinks);
  if ('skip' in made) return made;
  // An itemBase of its own in the config wins over the generator's base URL.
  const base = config.itemBase !== config.link ? config.itemBase : (site.baseUrl ?? config.itemBase);
  const basePath = site.permalinks.basePath ? site.permalinks.basePath.replace(/^\/+|\/+$/g, '') : '';
  const url = joinBase(base, basePath ? `/${basePath}${made.path}` : made.path);
  return { url, rule: `${site.preset} (${site.detectedFrom}): ${made.rule}`, unknown: [], ...(made.unrendered ? { unrendered: made.unrendered } : {}) };
}

/** `base` (ending in "/") + a site path, percent-encoded as a URL path. */
function joinBase(base: string, sitePath: string): string {
  const rel = sitePath.replace(/^\/+/, '');
  return new URL(encodeURI(rel).replace(/[?#]/g, encodeURIComponent), base).href;
}

/**
 * Categories as the generator reads them: for Jekyll the folders above `_posts` first, then
 * `categories` (a string is split at spaces) and the singular `category`; elsewhere the
 * front matter `categories`/`category` (and Zola's taxonomies.categories).
 */
function categoriesOf(relPath: string, fm: Record<string, unknown>, site: SiteInfo | undefined): string[] {
  const out: string[] = [];
  const add = (v: unknown, splitSpaces: boolean) => {
    if (typeof v === 'string') out.push(...(splitSpaces ? v.split(/\s+/) : v.split(',')).map((x) => x.trim()).filter(Boolean));
    else if (typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' || typeof x === 'number') out.push(String(x));
  };
  const jekyll = site?.preset === 'jekyll';
  if (jekyll) {
    const contentPath = site.contentPrefix ? `${site.contentPrefix}/${relPath}` : relPath;
    const dirs = contentPath.split('/').slice(0, -1);
    const at = dirs.indexOf('_posts');
    if (at > 0) out.push(...dirs.slice(0, at));
  }
  add(fm.categories, jekyll);
  add(fm.category, jekyll);
  const tax = fm.taxonomies as Record<string, unknown> | undefined;
  if (site?.preset === 'zola' && typeof tax === 'object' && tax !== null) add(tax.categories, false);
  return [...new Set(out)];
}

/** One line of plain text for a feed field: XML-illegal characters removed, whitespace collapsed. */
/**
 * A one-line value written with formatting markup, as themes render a description (`line<br />line`,
 * `<em>…</em>`, `<a href="…">…</a>`): its text, since feeds carry summaries as plain text. A tag
 * name merely mentioned in prose (`the <title> element`) is no formatting and stays.
 */
export function formattedText(s: string): string {
  if (!s.includes('<') || !/<(?:br|hr)\s*\/?>|<([a-z][a-z0-9]*)\b[^<>]*>[^<]*<\/\1>/i.test(s)) return s;
  return htmlToText(s.replace(/<br\s*\/?>/gi, '\n'));
}

/**
 * A Jekyll title as the site's pages and its own feed show it: Liquid prints front matter
 * unescaped, so `&mdash;` in a title is a dash on the page, and jekyll-feed writes
 * `title | smartify | strip_html` (smartify turns character references into characters).
 * Formatting tags go (formattedText); a tag named in prose stays.
 */
export function jekyllTitleText(s: string): string {
  return decodeEntities(formattedText(s));
}

export function cleanLine(s: string): string {
  return squashSpaces(stripIllegalXmlChars(s));
}

/** Whether two absolute URLs are on one host (`www.` aside); false when either does not parse. */
function sameHost(a: string, b: string): boolean {
  try {
    const host = (u: string) => new URL(u).hostname.toLowerCase().replace(/^www\./, '');
    return host(a) === host(b);
  } catch {
    return false;
  }
}

/** URL schemes that run code when a reader follows the link: never an author's page. */
const SCRIPT_SCHEME = /^\s*(?:javascript|vbscript|data):/i;

/**
 * A person with a clean name, and a URL every feed format accepts: a relative one (a byline's
 * `href="/staff/jane"`) is resolved against the site link, and a web address is written as a URI
 * (`/in/marcin-gwóźdź` percent-escaped: JSON Feed's schema takes no IRI); one that cannot be, or
 * that would run script, is left out (the name alone is still an author).
 */
function cleanPerson(p: Person, base: string): Person {
  // (Only an address with characters a URI cannot hold is rewritten: `https://x.org` stays as written.)
  const url =
    p.url && !SCRIPT_SCHEME.test(p.url) ? (isAbsoluteIri(p.url) && !(/^https?:/i.test(p.url) && /[^\x21-\x7e]/.test(p.url)) ? p.url : resolveHttpUrl(p.url, base)) : undefined;
  return person(cleanLine(p.name), p.email ? cleanLine(p.email) : undefined, url || undefined);
}

/**
 * A person in the one shape every person of an article has (model.ts `Person`): all three keys,
 * in this order, `undefined` where there is no value. A person made as `{ name }` and given
 * `email` or `url` only when present has up to four hidden classes, and the writers' loops over
 * authors, once optimised for one, are deoptimised by the next (docs/BENCHMARKS.md, r20-cold).
 */
function person(name: string, email: string | undefined, url: string | undefined): Person {
  return { name, email, url };
}

/**
 * The people of a list with clean names and URLs, those left without a name dropped. Pushed one
 * by one into a literal: always a packed array. (`map(...).filter(...)` gives a holey one once
 * optimised: another hidden class for every loop over an article's authors, in the writers and
 * checks, which then deoptimise; and v8.serialize writes a holey array as a sparse one, so a
 * record's bytes would depend on the JIT's state, see `dedupe`.)
 */
function cleanPeople(list: readonly Person[], base: string): Person[] {
  const out: Person[] = [];
  for (const p of list) {
    const cleaned = cleanPerson(p, base);
    if (cleaned.name) out.push(cleaned);
  }
  return out;
}

/** The config's author in the one shape of a person (`person`), its values as the config gives them; one per config. */
function configAuthor(author: Person): Person {
  let shaped = configAuthors.get(author);
  if (shaped === undefined) {
    shaped = person(author.name, author.email, author.url);
    configAuthors.set(author, shaped);
  }
  return shaped;
}
const configAuthors = new WeakMap<Person, Person>();

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${String(v)}`;
}

/**
 * The name an article is known by: its file name without the extension, or, for a page bundle
 * (`posts/first-trip/index.md`, Hugo's `_index.md`), its folder's name; a translation in a bundle
 * (`first-trip/index.fr.md`) keeps its language as a file beside it would (`first-trip.fr`), so
 * that every bundle's translation has an id of its own. A Jekyll date prefix stays: the slug makes
 * the default id, and an id must not change under a feed's readers.
 */
function baseName(relPath: string): string {
  const parts = relPath.split('/');
  const name = (parts.pop() ?? relPath).replace(/\.[^.]+$/, '');
  const bundle = /^_?index(\.[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)?$/.exec(name);
  return bundle && parts.length > 0 ? (parts.pop() ?? name) + (bundle[1] ?? '') : name;
}

/**
 * A Hexo post's body with its asset folder as the base of its relative URLs (bodyBaseUrl): a
 * reference written from the post's file (`![](trip/photo.jpg)` beside `_posts/trip.md`, as
 * Markdown editors insert one) names the same file as one written from the asset folder
 * (`![](photo.jpg)`), so its leading `trip/` goes (as written, or percent-encoded).
 */
function inAssetFolder(html: string, relPath: string): string {
  const name = (relPath.split('/').pop() ?? '').replace(/\.[^.]+$/, '');
  const forms = [...new Set([name, encodeURI(name)])].filter((f) => f && html.includes(`${f}/`));
  if (forms.length === 0) return html;
  const names = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return html.replace(new RegExp(String.raw`(\s(?:src|href)=")(?:\./)?(?:${names})/`, 'g'), '$1');
}

/**
 * The `YYYY-MM-DD` that starts a file name: Jekyll's `2024-03-05-` (or `2017-4-2-`) prefix; Zola's
 * also with `_`, and, as Zola reads a page bundle's date and slug from its folder's name, a bundle's
 * folder (`2019-06-04-domain/index.md`). Docusaurus reads the last such date anywhere in the post's
 * path below its blog folder (`2021/08-26-welcome/index.md`, `2021-08-26/index.md`).
 */
function fileNameDateText(relPath: string, site: SiteInfo | undefined): string | undefined {
  if (site?.preset === 'docusaurus') return docusaurusFileName(site.contentPrefix ? `${site.contentPrefix}/${relPath}` : relPath).date;
  const zola = site?.preset === 'zola';
  const name = zola ? baseName(relPath) : (relPath.split('/').pop() ?? '').replace(/\.[^.]+$/, '');
  return (zola ? /^(\d{4}-\d{2}-\d{2})_(?=.)/.exec(name)?.[1] : undefined) ?? jekyllDatedName(name)?.date;
}

/**
 * Front matter keys that hold a post's own page path, as generators read them (Jekyll and Eleventy
 * `permalink`, Hugo `url`, Zola `path`), in the order a link is taken from them; their `/YYYY/MM/DD/`
 * is the post's date where no date key is given.
 */
const PATH_KEYS = ['permalink', 'url', 'path'] as const;

/**
 * The date a post's own path states, `YYYY/MM/DD` as whole segments (midnight in the config zone),
 * when it has no date key: the Rust blog's 751 Zola posts are dated only so (`path =
 * "2014/12/12/1.0-Timeline"`; its feed template reads the date from the path), and had all been
 * dated by the checkout's mtime.
 */
function pathDate(r: FieldReader): Sourced<Date> | undefined {
  for (const key of PATH_KEYS) {
    const v = r.fm[key];
    const m = typeof v === 'string' && v.length <= 2048 ? /(?:^|\/)((?:19|20)\d\d)\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])(?:\/|$)/.exec(v) : null;
    const value = m ? parseDateValue(`${m[1]}-${m[2]}-${m[3]}`, r.config.timezone) : undefined;
    if (value) return { ...r.fromFm(key, value), rule: `a date in the post's "${key}"` };
  }
  return undefined;
}

/** The date of a Jekyll-style file name (midnight in the config zone), if it has one (Zola: also `2024-03-05_name`). */
function fileNameDate(relPath: string, timezone: string, site: SiteInfo | undefined): Sourced<Date> | undefined {
  const date = fileNameDateText(relPath, site);
  const value = date ? parseDateValue(date, timezone) : undefined;
  const offset = value ? statedOffset(value) : undefined;
  return value ? { value, from: 'file-name', ...(offset ? { offset } : {}) } : undefined;
}

function humanize(name: string): string {
  const t = name.replace(/[-_]+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A post number as importers write one (`id: 723`): an integer, or a string of digits. */
function isPostNumber(v: unknown): boolean {
  return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^\s*\d+\s*$/.test(v));
}

/**
 * A true/false front matter flag: a boolean, or the text "true"/"false" (any case) as Hugo reads it
 * (`draft = "false"`); undefined when absent or empty (`draft:` is YAML's null, which every
 * generator reads as not set), 'bad' for anything else.
 */
function flagValue(v: unknown): boolean | undefined | 'bad' {
  if (v === null) return undefined;
  if (v === undefined || typeof v === 'boolean') return v;
  const text = typeof v === 'string' ? /^\s*(true|false)\s*$/i.exec(v) : null;
  return text ? (text[1] as string).toLowerCase() === 'true' : 'bad';
}

/** A slug from a file name: lowercase, letters and digits of any script, '-' between words. */
export function slugify(name: string): string {
  const s = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._~]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return s || 'article';
}

/** A safe URL path segment: no separators, no dot segments, no controls or spaces. */
export function isSafeSlug(s: string): boolean {
  return s.length > 0 && s.length <= 200 && !/[/\\?#\s\p{Cc}]/u.test(s) && s !== '.' && s !== '..' && !s.includes('..');
}

function resolveHttpUrl(value: string, base: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  try {
    const u = new URL(v, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A UUID in its usual text form (RFC 4122 section 3), without the `urn:uuid:` before it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Absolute IRI: a scheme, then something (RFC 3987). URLs, urn:, tag: all qualify. */
export function isAbsoluteIri(s: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(s)) return false;
  if (/^https?:/i.test(s)) return isHttpUrl(s);
  return !/[\s<>"{}|\\^`]/.test(s);
}

/** RFC 4151: tag:authorityName,YYYY-MM-DD:specific. The date is the first-publish day in UTC. */
export function tagUri(siteLink: string, published: Date, slug: string): string {
  if (siteLink !== lastHost.link) lastHost = { link: siteLink, host: new URL(siteLink).hostname };
  const host = lastHost.host;
  const day = formatRfc3339(published).slice(0, 10);
  return `tag:${host},${day}:${encodeURIComponent(slug).replace(/%2F/gi, '-')}`;
}

/** The host of the last site link tagUri read (every article of a build has the same). */
let lastHost = { link: '', host: '' };

/**
 * `new URL(encodeURIComponent(slug), base).href` (the legacy link: the item base and the slug),
 * without parsing the base again for every article: an http(s) base that ends in "/" and has no
 * query or fragment, followed by a segment of letters, digits, "-", "_", "~" and inner dots (no
 * "." or ".." segment, nothing the URL parser would encode or read), is the two joined. Anything
 * else goes through the URL parser. (test/meta/slug-url.test.ts compares both on any slug.)
 */
export function slugUrl(slug: string, base: string): string {
  const segment = encodeURIComponent(slug);
  if (PLAIN_SEGMENT.test(segment)) {
    if (base !== plainBase.base) plainBase = { base, href: plainHref(base) };
    if (plainBase.href !== undefined) return plainBase.href + segment;
  }
  return new URL(segment, base).href;
}

const PLAIN_SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;

/** The last base slugUrl read and its href when a plain segment may be appended to it (undefined: never). */
let plainBase: { base: string; href: string | undefined } = { base: '', href: undefined };

function plainHref(base: string): string | undefined {
  try {
    const url = new URL(base);
    const plain = (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '' && url.hash === '' && url.href.endsWith('/') && !url.href.includes('?') && !url.href.includes('#');
    return plain ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A tag list: a comma-separated string or a list; numbers are read as strings (as Jekyll and Hugo do), other members are `bad`. */
function toStringList(v: unknown): { list: string[] | undefined; bad: unknown[] } {
  let list: unknown[];
  if (typeof v === 'string') list = v.split(',');
  else if (Array.isArray(v)) list = v;
  else return { list: undefined, bad: [v] };
  // One pass pushing into literals: packed arrays, however optimised (see `dedupe`).
  const bad: unknown[] = [];
  const tags: string[] = [];
  for (const x of list) {
    if (typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))) {
      const tag = cleanLine(String(x));
      if (tag) tags.push(tag);
    } else if (x !== null) bad.push(x);
  }
  return { list: dedupe(tags), bad };
}

function dedupe(list: string[]): string[] {
  // Pushed one by one into a literal: always a packed array. (Array methods may give a holey one
  // once optimised, which v8.serialize writes as a sparse array: the same tags, other bytes in the
  // cache record depending on the JIT's state; test/pipeline/parse-pool.test.ts compares records.)
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of list) {
    const k = x.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

/**
 * The first paragraph(s) of the body, up to `max` characters, cut at a word boundary. Paragraphs
 * are taken one by one as far as the summary needs (not the whole body split and squashed: a
 * summary is a few hundred characters of a body of thousands); the same paragraphs, in the same
 * order, as `split(/\n\s*\n/)` gives.
 */
export function deriveSummary(bodyText: string, max: number): string {
  const text = stripIllegalXmlChars(bodyText);
  const breaks = /\n\s*\n/g;
  let out = '';
  for (let from = 0; ; ) {
    const m = breaks.exec(text);
    const p = squashSpaces(text.slice(from, m ? m.index : text.length));
    if (p) {
      out = out ? `${out} ${p}` : p;
      if (out.length >= max * 0.6) break;
    }
    if (!m) break;
    from = m.index + m[0].length;
  }
  return truncateAtWord(out, max);
}

export type { Provenance };

/** Every known key by its lower-case form (`publishdate` -> `publishDate`), for Hugo's case-blind reading. */
const KNOWN_BY_LOWER_CASE: ReadonlyMap<string, string> = new Map([...KNOWN_KEYS].map((k) => [k.toLowerCase(), k]));

/**
 * Front matter read as Hugo reads it, whatever the case of its keys (Hugo lower-cases them):
 * a key written in another case than a known key's (`Title`, `Categories`, `PublishDate`) is
 * that key, unless the known spelling is written too; other keys stay as written. `written`
 * maps each renamed key to the key as written (for its line).
 */
/**
 * Material for MkDocs' blog plugin dates a post with a map, `date: { created: 2024-01-31, updated:
 * 2024-02-02 }` (its "Setting up a blog" docs, `date`): read as `date: 2024-01-31` and, when no update
 * key is written, `updated: 2024-02-02`. Any other `date` is left as written.
 */
function datesMap(fm: Record<string, unknown>): Record<string, unknown> {
  const d = fm.date;
  if (typeof d !== 'object' || d === null || Array.isArray(d) || d instanceof Date) return fm;
  const { created, updated } = d as Record<string, unknown>;
  if (!isGiven(created)) return fm;
  const out: Record<string, unknown> = { ...fm, date: created };
  if (isGiven(updated) && !FIELD_KEYS.updated.some((k) => isGiven(fm[k]))) out.updated = updated;
  return out;
}

function lowerCaseKeys(data: Record<string, unknown>): { data: Record<string, unknown>; written: Record<string, string> } {
  const out: Record<string, unknown> = {};
  const written: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    const known = KNOWN_KEYS.has(key) ? key : KNOWN_BY_LOWER_CASE.get(key.toLowerCase());
    if (known === undefined || known === key) out[key] = value;
    else if (!(known in data)) {
      out[known] = value;
      written[known] = key;
    } else out[key] = value;
  }
  return { data: out, written };
}
