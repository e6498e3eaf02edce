import { finishDirectHtml } from '../clean/markdown-html.js';
import { MAX_HTML_DEPTH, sanitizeWithReport } from '../clean/sanitize.js';
import type { FeedwrightConfig } from '../config/schema.js';
import { diag } from '../diagnostics.js';
import type { Article, Diagnostic, Person, Provenance, SourceDocument, Sourced } from '../model.js';
import { didYouMean, isLanguageTag, squashSpaces, stripIllegalXmlChars, truncateAtWord } from '../util/text.js';
import { folderDataFor, mergeData } from '../site/detect.js';
import type { SiteInfo } from '../site/model.js';
import { plainLink, siteLink } from '../site/permalink.js';
import { formatRfc3339, isRepresentableYear, PLAUSIBLE_YEARS, parseDateValue, REPRESENTABLE_YEARS } from './dates.js';
import { bodyBaseUrl } from './bundle.js';
import { FEED_KEYS, type FieldName, fieldKeys, KNOWN_KEYS, TITLE_LIKE, unknownKeyMessage } from './fields.js';
import { isHttpUrl, parsePeople } from './people.js';

export interface ResolveContext {
  config: FeedwrightConfig;
  /** relPath -> git first/last commit dates (empty when git is off or unavailable). */
  git: ReadonlyMap<string, { first: Date; last: Date }>;
  /** The build's clock, for holding back future articles. */
  now: Date;
}

export type ResolveResult = { status: 'ok'; article: Article; diagnostics: Diagnostic[] } | { status: 'draft' | 'future' | 'section' | 'error'; diagnostics: Diagnostic[] };

/** The link rule without a generator or pattern: `itemBase` + the file-name slug. */
const LEGACY_RULE = 'itemBase + slug';

/** Layouts that list other pages (a blog index, an archive): such a page is not a post. */
const LISTING_LAYOUTS = new Set(['home', 'blog', 'list', 'archive', 'archives', 'posts', 'tags', 'tag', 'categories', 'category', 'section', 'taxonomy', 'term', 'paginated']);

/**
 * Turn a parsed document into an Article: every field from the first source in the configured
 * precedence that has it, with its provenance. Problems are diagnostics; an error leaves the
 * article out (it is named in the report, never silently lost).
 */
export function resolveArticle(doc: SourceDocument, mtimeMs: number, ctx: ResolveContext): ResolveResult {
  const { config } = ctx;
  const site = config.siteInfo;
  const diagnostics: Diagnostic[] = [];
  // Folder data (Eleventy directory data files, Hugo cascade) lies under the article's own front matter.
  const folderLayers = site ? folderDataFor(site, doc.relPath) : [];
  const fm = folderLayers.length > 0 ? mergeData([...folderLayers, doc.frontMatter]) : doc.frontMatter;
  const file = doc.displayPath;
  const lineOf = (key: string): number | undefined => doc.frontMatterLines[key];
  const at = (key: string) => {
    const line = lineOf(key);
    return line === undefined ? { file } : { file, line };
  };
  const fromFm = <T>(key: string, value: T): Sourced<T> => {
    const line = lineOf(key);
    return line === undefined ? { value, from: 'front-matter' } : { value, from: 'front-matter', line };
  };
  const badValue = (key: string, expected: string, example: string): void => {
    diagnostics.push(diag('FM_BAD_VALUE', at(key), `"${key}" must be ${expected}, not ${describe(fm[key])}.`, `Write e.g. ${key}: ${example}`));
  };
  // An empty value (`image = ""`, `summary: ''`, as archetypes leave them) is no value, not a bad one.
  const firstKey = (...keys: readonly string[]): string | undefined =>
    keys.find((k) => fm[k] !== undefined && fm[k] !== null && !(typeof fm[k] === 'string' && !(fm[k] as string).trim()));
  const keysOf = (field: FieldName): readonly string[] => fieldKeys(field, config.keys);

  // --- keys nobody reads: one FM_UNKNOWN_KEY each (the build sums them up per key, src/pipeline/load.ts).
  const custom = new Set(Object.values(config.keys).flat());
  const unknown = Object.keys(doc.frontMatter).filter((k) => !KNOWN_KEYS.has(k) && !custom.has(k));
  for (const key of unknown) {
    const guess = didYouMean(key, FEED_KEYS);
    diagnostics.push(
      diag(
        'FM_UNKNOWN_KEY',
        at(key),
        unknownKeyMessage(key),
        guess
          ? `Did you mean "${guess}"? Or map it in the config: "keys": { "<field>": ["${key}"] }.`
          : `If it holds feed metadata, map it in the config: "keys": { "title": ["${key}"] }; else ignore this.`,
      ),
    );
  }

  // --- pages that are not posts: section and listing pages, pages the generator does not write.
  const notAPost = notAPostReason(doc.relPath, fm, site);
  if (notAPost)
    return {
      status: 'section',
      diagnostics: [diag('META_NOT_A_POST', { file }, `This is ${notAPost}, not a post; it is not an item.`, 'Nothing to do; `feedwright explain` shows how each file was read.')],
    };
  if (site?.preset === 'hugo') {
    const expiry = fm.expiryDate ?? fm.expirydate;
    const expired = expiry === undefined ? undefined : parseDateValue(expiry, config.timezone);
    if (expired && expired.getTime() <= ctx.now.getTime()) {
      return {
        status: 'draft',
        diagnostics: [
          diag(
            'META_DRAFT',
            at('expiryDate'),
            `The article expired on ${formatRfc3339(expired)} ("expiryDate"); Hugo no longer publishes it.`,
            'Remove or move "expiryDate" to publish it.',
          ),
        ],
      };
    }
  }

  // --- draft: decided first, so a draft never produces errors about its unfinished metadata.
  if (fm.draft !== undefined && typeof fm.draft !== 'boolean') badValue('draft', 'true or false', 'true');
  // Jekyll's `published: false` is a draft; `published: true` says nothing more.
  if (fm.published === false) {
    return {
      status: 'draft',
      diagnostics: [diag('META_DRAFT', at('published'), 'The article says "published: false" and is not published.', 'Remove "published: false" to publish it.')],
    };
  }
  if (fm.draft === true) {
    return { status: 'draft', diagnostics: [diag('META_DRAFT', at('draft'), 'The article is a draft and is not published.', 'Remove "draft: true" to publish it.')] };
  }

  // --- title
  let fmTitle: Sourced<string> | undefined;
  const titleKey = firstKey(...keysOf('title'));
  if (titleKey) {
    const v = fm[titleKey];
    if (typeof v === 'string' || typeof v === 'number') {
      const t = cleanLine(String(v));
      if (t) fmTitle = fromFm(titleKey, t);
    } else badValue(titleKey, 'a string', 'My article');
  }
  const fileNameTitle: Sourced<string> = { value: humanize(baseName(doc.relPath)), from: 'file-name' };
  const foundTitle = doc.found.title ? { ...doc.found.title, value: cleanLine(doc.found.title.value) } : undefined;
  let title = pick(config.precedence.title, { 'front-matter': fmTitle, found: foundTitle?.value ? foundTitle : undefined, 'file-name': fileNameTitle });
  // A title under a key nobody mapped ("newstitle: ..."): publish under the file name's title and say which keys could hold it.
  const titleCandidates = title ? [] : unknown.filter((k) => TITLE_LIKE.test(k) && typeof doc.frontMatter[k] === 'string');
  if (!title && titleCandidates.length > 0) {
    title = fileNameTitle;
    diagnostics.push(
      diag(
        'META_TITLE_FROM_FILE_NAME',
        at(titleCandidates[0] as string),
        `No "title" key: the title is taken from the file name ("${fileNameTitle.value}"); ${titleCandidates.map((k) => `"${k}"`).join(', ')} may hold it.`,
        `Map it in the config: "keys": { "title": ["${titleCandidates[0]}"] }.`,
      ),
    );
  }
  if (!title) {
    diagnostics.push(
      diag(
        'META_TITLE_MISSING',
        { file, line: 1 },
        'The article has no title: none in the front matter and none found in the text.',
        'Add "title: ..." to the front matter (or a first line / "# Heading" that is the title).',
      ),
    );
  }

  // --- authors
  let fmAuthors: Sourced<Person[]> | undefined;
  const authorKey = firstKey(...keysOf('authors'));
  if (authorKey) {
    const { people, invalid } = parsePeople(fm[authorKey], true);
    if (invalid.length > 0) badValue(authorKey, 'a name, "Name <email> (url)", { name, email, url }, or a list of them', 'Jane Doe <jane@example.com>');
    const cleaned = people.map((p) => cleanPerson(p, config.link)).filter((p) => p.name);
    if (cleaned.length > 0) fmAuthors = fromFm(authorKey, cleaned);
  }
  const foundAuthors =
    doc.found.authors && doc.found.authors.value.length > 0
      ? { ...doc.found.authors, value: doc.found.authors.value.map((p) => cleanPerson(p, config.link)).filter((p) => p.name) }
      : undefined;
  const authors = pick(config.precedence.authors, {
    'front-matter': fmAuthors,
    found: foundAuthors?.value.length ? foundAuthors : undefined,
    'config-default': { value: [config.author], from: 'config-default' },
  }) ?? { value: [config.author], from: 'config-default' as const };

  // --- dates
  const readDate = (keys: readonly string[]): Sourced<Date> | undefined => {
    const key = firstKey(...keys);
    if (!key) return undefined;
    const d = parseDateValue(fm[key], config.timezone);
    if (!d) {
      diagnostics.push(
        diag(
          'META_DATE_UNPARSEABLE',
          at(key),
          `"${key}" is ${describe(fm[key])}, which is not a date.`,
          'Write an ISO 8601 date such as 2024-03-11 or 2024-03-11T09:30:00+01:00 (dates without an offset are read in the config "timezone").',
        ),
      );
      return undefined;
    }
    return fromFm(key, d);
  };
  const fmPublished = readDate(keysOf('published').filter((k) => typeof fm[k] !== 'boolean'));
  const fmUpdated = readDate(keysOf('updated'));
  // Jekyll names posts by their date: 2024-03-05-welcome.md (Zola also 2024-03-05_welcome.md).
  const fileDate = fileNameDate(doc.relPath, config.timezone, site?.preset === 'zola');
  const git = ctx.git.get(doc.relPath);
  const mtime: Sourced<Date> = { value: new Date(Math.floor(mtimeMs / 1000) * 1000), from: 'mtime' };
  const published =
    pick(config.precedence.published, {
      'front-matter': fmPublished,
      found: doc.found.published ?? fileDate,
      git: git ? { value: git.first, from: 'git' } : undefined,
      mtime,
    }) ?? mtime;
  if (published.from === 'mtime') {
    diagnostics.push(
      diag(
        'META_DATE_FROM_MTIME',
        { file },
        'No publication date was found, so the file modification time is used; it changes on every fresh checkout.',
        'Add "date: YYYY-MM-DD" to the front matter (or commit the file, if git dates are on).',
      ),
    );
  }
  // git gives `updated` only when the file changed after its first commit: a file committed once
  // (e.g. imported with an old `date`) has not been updated since it was published.
  const gitUpdated: Sourced<Date> | undefined = git && git.last.getTime() > git.first.getTime() ? { value: git.last, from: 'git' } : undefined;
  let updated =
    pick(config.precedence.updated, {
      'front-matter': fmUpdated,
      found: doc.found.updated,
      git: gitUpdated,
      published: { value: published.value, from: published.from, ...(published.line ? { line: published.line } : {}), ...(published.offset ? { offset: published.offset } : {}) },
      mtime,
    }) ?? published;
  if (updated.value.getTime() < published.value.getTime()) {
    if (updated.from === 'front-matter' || updated.from === 'date-line') {
      diagnostics.push(
        diag(
          'META_UPDATED_BEFORE_PUBLISHED',
          updated.line ? { file, line: updated.line } : { file },
          `"updated" (${formatRfc3339(updated.value)}) is earlier than the publication date (${formatRfc3339(published.value)}); the publication date is used.`,
          'Fix the dates.',
        ),
      );
    }
    updated = { ...published };
  }
  for (const d of [published, updated]) {
    const year = d.value.getUTCFullYear();
    if (!isRepresentableYear(d.value)) {
      // toISOString, not formatRfc3339: it writes year 0 as 0000 (date-fns' era year says 0001).
      diagnostics.push(
        diag(
          'META_DATE_OUT_OF_RANGE',
          d.line ? { file, line: d.line } : { file },
          `The date ${d.value.toISOString().slice(0, 10)} (${d.from}) has the year ${year}; feeds can only carry years ${REPRESENTABLE_YEARS.min}–${REPRESENTABLE_YEARS.max}, so the article is left out.`,
          'Fix the year (0000 is usually a placeholder or a typo).',
        ),
      );
      break;
    }
    if (year < PLAUSIBLE_YEARS.min || year > PLAUSIBLE_YEARS.max) {
      diagnostics.push(
        diag(
          'META_DATE_IMPLAUSIBLE',
          d.line ? { file, line: d.line } : { file },
          `The date ${formatRfc3339(d.value)} (${d.from}) is outside ${PLAUSIBLE_YEARS.min}–${PLAUSIBLE_YEARS.max}; it is probably a typo.`,
          'Check the year.',
        ),
      );
      break;
    }
  }

  // --- slug
  let slug: Sourced<string>;
  const slugKey = firstKey(...keysOf('slug'));
  if (slugKey) {
    const raw = fm[slugKey];
    const s = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
    if (!isSafeSlug(s)) {
      diagnostics.push(
        diag(
          'META_SLUG_INVALID',
          at(slugKey),
          `"${slugKey}" is ${describe(raw)}, which is not a safe URL path segment.`,
          'Use letters, digits, "-", "_" and "." only (no "/", no "..").',
        ),
      );
      slug = { value: slugify(baseName(doc.relPath)), from: 'file-name' };
    } else slug = fromFm(slugKey, s);
  } else {
    slug = { value: slugify(baseName(doc.relPath)), from: 'file-name' };
  }

  // --- link
  let link: Sourced<string> | undefined;
  const linkKey = firstKey(...keysOf('link'));
  if (linkKey) {
    const raw = fm[linkKey];
    const resolved = typeof raw === 'string' ? resolveHttpUrl(raw, config.link) : undefined;
    if (resolved) link = fromFm(linkKey, resolved);
    else
      diagnostics.push(
        diag('META_LINK_INVALID', at(linkKey), `"${linkKey}" is ${describe(raw)}, which is not a URL.`, 'Use an absolute URL, or a path that resolves against the site "link".'),
      );
  }
  if (!link && doc.found.link) {
    const resolved = resolveHttpUrl(doc.found.link.value, config.link);
    if (resolved) link = { ...doc.found.link, value: resolved };
  }
  // --- tags (before the link: Jekyll and some Next.js sites put categories in their URLs)
  let tags: Sourced<string[]> = { value: [], from: 'derived' };
  const taxonomies = site?.preset === 'zola' && typeof fm.taxonomies === 'object' && fm.taxonomies !== null ? (fm.taxonomies as Record<string, unknown>) : undefined;
  const tagKeys = keysOf('tags');
  const tagSources: [string, unknown][] = [...tagKeys.filter((k) => fm[k] !== undefined && fm[k] !== null).map((k) => [k, fm[k]] as [string, unknown])];
  // Zola puts tags and categories under [taxonomies].
  if (taxonomies) for (const k of ['tags', 'categories']) if (taxonomies[k] !== undefined) tagSources.push([`taxonomies.${k}`, taxonomies[k]]);
  if (tagSources.length > 0) {
    // Hugo and Jekyll posts often have both: the feed gets both, tags first.
    const lists = tagSources.map(([k, v]) => [k, toStringList(v)] as const);
    for (const [k, list] of lists) if (!list) badValue(k, 'a list of strings or a comma-separated string', '[news, mexico]');
    const merged = lists.flatMap(([, list]) => list ?? []);
    const firstTagKey = (tagSources[0] as [string, unknown])[0];
    if (lists.some(([, list]) => list)) tags = fm[firstTagKey] !== undefined ? fromFm(firstTagKey, dedupe(merged)) : { value: dedupe(merged), from: 'front-matter' };
  } else if (doc.found.tags) {
    tags = { ...doc.found.tags, value: dedupe(doc.found.tags.value.map(cleanLine).filter(Boolean)) };
  }

  let linkRule: string | undefined;
  if (!link) {
    const made = deriveLink(doc, fm, site, config, { published, title: title?.value ?? fileNameTitle.value, slug: slug.value });
    if ('skip' in made) {
      return {
        status: 'section',
        diagnostics: [
          diag('META_NOT_A_POST', { file }, `This is ${made.skip}, not a post; it is not an item.`, 'Nothing to do; `feedwright explain` shows how each file was read.'),
        ],
      };
    }
    if (made.unknown.length > 0) {
      diagnostics.push(
        diag(
          'META_PERMALINK_TOKEN',
          { file },
          `The permalink pattern "${made.pattern}" has ${made.unknown.map((t) => `"${t}"`).join(', ')}, which feedwright does not know; it is kept as written.`,
          'See README, "Links", for the tokens.',
        ),
      );
    }
    link = { value: made.url, from: 'derived' };
    // feedwright's own rule (no generator, no pattern) is not named: it is what `explain` always showed.
    if (made.rule !== LEGACY_RULE) linkRule = made.rule;
  }

  // --- id: stable across edits of text and title (RFC 4151 tag URI from host, first-publish date, slug)
  let id: Sourced<string>;
  if (fm.id !== undefined && fm.id !== null) {
    const raw = typeof fm.id === 'string' || typeof fm.id === 'number' ? String(fm.id).trim() : '';
    if (!isAbsoluteIri(raw)) {
      diagnostics.push(
        diag(
          'META_ID_INVALID',
          at('id'),
          `"id" is ${describe(fm.id)}, which is not an absolute IRI.`,
          'Use a URL, a "urn:uuid:..." or a "tag:example.com,2024-01-01:slug" URI; or remove it to get a stable tag: URI.',
        ),
      );
    }
    id = fromFm('id', raw);
  } else if (config.ids === 'link') {
    id = { value: link.value, from: 'derived' };
  } else {
    // The default id keeps its old rule (host, date, file-name slug), so existing feeds keep their ids.
    id = { value: tagUri(config.link, published.value, slug.value), from: 'derived' };
  }

  // --- summary
  let summary: Sourced<string> | undefined;
  const summaryKey = firstKey(...keysOf('summary'));
  if (summaryKey) {
    const v = fm[summaryKey];
    if (typeof v === 'string' && cleanLine(v)) summary = fromFm(summaryKey, cleanLine(v));
    else if (typeof v !== 'string') badValue(summaryKey, 'a string', 'One or two sentences.');
  }
  if (!summary && doc.found.summary?.value) summary = { ...doc.found.summary, value: cleanLine(doc.found.summary.value) };
  summary ??= { value: deriveSummary(doc.summaryText ?? doc.bodyText, config.summaryLength), from: 'derived' };

  // --- image, lang
  let image: Sourced<string> | undefined;
  const imageKey = firstKey(...keysOf('image'));
  if (imageKey) {
    // Themes nest it: PaperMod's `cover: { image: ... }`.
    const value = fm[imageKey];
    const nested =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? ((value as Record<string, unknown>).image ?? (value as Record<string, unknown>).src ?? (value as Record<string, unknown>).url)
        : undefined;
    const raw = nested ?? value;
    const resolved = typeof raw === 'string' ? resolveHttpUrl(raw, link.value) : undefined;
    if (resolved) image = fromFm(imageKey, resolved);
    else if (!(nested !== undefined && (nested === '' || nested === null))) badValue(imageKey, 'a URL or a path', 'images/cover.jpg');
  } else if (doc.found.image) {
    const resolved = resolveHttpUrl(doc.found.image.value, link.value);
    if (resolved) image = { ...doc.found.image, value: resolved };
  }
  let lang: Sourced<string> | undefined;
  const langKey = firstKey(...keysOf('lang'));
  if (langKey) {
    const v = fm[langKey];
    if (typeof v === 'string' && isLanguageTag(v)) lang = fromFm(langKey, v);
    else badValue(langKey, 'a language tag', 'es');
  } else if (doc.found.lang && isLanguageTag(doc.found.lang.value)) lang = doc.found.lang;

  if (fm.clean !== undefined && typeof fm.clean !== 'boolean') badValue('clean', 'true or false', 'false');

  const sanitizing = { baseUrl: bodyBaseUrl(link.value, doc.relPath), allowIframes: config.allowIframes };
  const sanitized = doc.bodyHtmlDirect ? finishDirectHtml(doc.bodyHtml, sanitizing) : sanitizeWithReport(doc.bodyHtml, sanitizing);
  const contentHtml = sanitized.html;
  if (sanitized.flattened) {
    diagnostics.push(
      diag(
        'CONTENT_TRUNCATED_NESTING',
        { file },
        `The HTML nests elements more than ${MAX_HTML_DEPTH} levels deep; the deeper elements were unwrapped and only their text kept.`,
        'Remove the needless nesting (usually left by a broken editor or a hostile page).',
      ),
    );
  }
  const tooDeep = doc.dropped.find((d) => d.rule === 'too-deep');
  if (tooDeep) {
    diagnostics.push(
      diag(
        'CONTENT_TRUNCATED_NESTING',
        { file },
        `${cleanLine(tooDeep.text).replace(/\.$/, '')}; its structure may be simplified.`,
        'Remove the needless nesting (usually left by a broken editor or a hostile page).',
      ),
    );
  }
  const tooComplex = doc.dropped.find((d) => d.rule === 'too-complex');
  if (tooComplex) {
    diagnostics.push(
      diag('ARTICLE_TOO_COMPLEX', { file }, cleanLine(tooComplex.text), 'Save the article without its page chrome (or as Markdown); see docs/errors.md for the bounds.'),
    );
  }
  const domFailed = doc.dropped.find((d) => d.rule === 'dom-failed' || d.rule === 'markdown-failed');
  if (domFailed) {
    diagnostics.push(
      diag(
        'CONTENT_TRUNCATED_NESTING',
        { file },
        `The ${doc.kind === 'markdown' ? 'Markdown' : 'page'} could not be read as a tree (${cleanLine(domFailed.text).replace(/\.$/, '')}); its text was kept without markup or boilerplate removal.`,
        'Remove the needless nesting, or save the article as Markdown.',
      ),
    );
  }
  if (!contentHtml && !doc.bodyText.trim()) {
    diagnostics.push(
      diag('CONTENT_EMPTY', { file }, 'The article has no body (nothing was left after cleaning).', 'Check the "dropped" list in `feedwright explain` for this file.'),
    );
  }

  if (!title || diagnostics.some((d) => d.severity === 'error')) return { status: 'error', diagnostics };

  // Hugo publishes at "publishDate" even when "date" is earlier.
  const hugoPublish = site?.preset === 'hugo' && fm.publishDate !== undefined ? parseDateValue(fm.publishDate, config.timezone) : undefined;
  if (hugoPublish && hugoPublish.getTime() > ctx.now.getTime() && published.value.getTime() <= ctx.now.getTime() && config.future === 'hold') {
    diagnostics.push(
      diag(
        'META_FUTURE_HELD',
        at('publishDate'),
        `The article's "publishDate" is ${formatRfc3339(hugoPublish)}, in the future; it is held back until then.`,
        'Set "future": "include" in the config to publish future-dated articles.',
      ),
    );
    return { status: 'future', diagnostics };
  }
  if (published.value.getTime() > ctx.now.getTime() && config.future === 'hold') {
    diagnostics.push(
      diag(
        'META_FUTURE_HELD',
        published.line ? { file, line: published.line } : { file },
        `The article is dated ${formatRfc3339(published.value)}, in the future; it is held back until then.`,
        'Set "future": "include" in the config to publish future-dated articles.',
      ),
    );
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
  if (linkRule) article.link = { ...article.link, rule: linkRule };
  return { status: 'ok', article, diagnostics };
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
  if (fm.paginate_by !== undefined || fm.paginate !== undefined) return 'a listing page ("paginate")';
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
 * The item link when the front matter names none: the generator's permalink rule (src/site/),
 * a `permalinks` pattern from the config, or feedwright's own `itemBase` + slug.
 */
function deriveLink(
  doc: SourceDocument,
  fm: Record<string, unknown>,
  site: SiteInfo | undefined,
  config: FeedwrightConfig,
  f: { published: Sourced<Date>; title: string; slug: string },
): { url: string; rule: string; pattern?: string; unknown: string[] } | { skip: string } {
  const dateKey = f.published.from === 'front-matter' ? Object.keys(fm).find((k) => doc.frontMatterLines[k] === f.published.line) : undefined;
  // The date as written: a URL's :year/:month/:day are those of the written date (a file name's date is in the site's zone).
  const dateText =
    dateKey !== undefined && typeof fm[dateKey] === 'string'
      ? (fm[dateKey] as string)
      : f.published.from === 'file-name'
        ? /^\d{4}-\d{2}-\d{2}/.exec(doc.relPath.split('/').pop() ?? '')?.[0]
        : undefined;
  const categories = categoriesOf(doc.relPath, fm, site);
  if (!site) {
    // A page path written in front matter, as generators read it (Jekyll and Eleventy `permalink`, Hugo `url`, Zola `path`).
    const pathKey = ['permalink', 'url', 'path'].find((k) => typeof fm[k] === 'string' && (fm[k] as string).trim());
    if (pathKey) return { url: joinBase(config.itemBase, `/${(fm[pathKey] as string).trim().replace(/^\/+/, '')}`), rule: `front matter ${pathKey}`, unknown: [] };
    const pattern = config.permalinks[doc.relPath.includes('/') ? (doc.relPath.split('/')[0] as string) : ''] ?? config.permalinks['*'];
    if (!pattern) return { url: new URL(encodeURIComponent(f.slug), config.itemBase).href, rule: LEGACY_RULE, unknown: [] };
    const input = { contentPath: doc.relPath, fm, date: f.published.value, title: f.title, timezone: config.timezone, categories, ...(dateText ? { dateText } : {}) };
    const made = plainLink(input, pattern, f.slug);
    return { url: joinBase(config.itemBase, made.path), rule: `config permalinks ${pattern}`, pattern, unknown: made.unknown };
  }
  const contentPath = site.contentPrefix ? `${site.contentPrefix}/${doc.relPath}` : doc.relPath;
  const input = { contentPath, fm, date: f.published.value, title: f.title, timezone: site.timezone ?? config.timezone, categories, ...(dateText ? { dateText } : {}) };
  const made = siteLink(site, input, config.permalinks);
  if ('skip' in made) return made;
  // An itemBase of its own in the config wins over the generator's base URL.
  const base = config.itemBase !== config.link ? config.itemBase : (site.baseUrl ?? config.itemBase);
  const basePath = site.permalinks.basePath ? site.permalinks.basePath.replace(/^\/+|\/+$/g, '') : '';
  return { url: joinBase(base, basePath ? `/${basePath}${made.path}` : made.path), rule: `${site.preset} (${site.detectedFrom}): ${made.rule}`, unknown: [] };
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

/** The first source, in `order`, that has a value. `order` is configuration (data), not code. */
function pick<K extends string, T>(order: readonly K[], candidates: Partial<Record<K, Sourced<T> | undefined>>): Sourced<T> | undefined {
  for (const source of order) {
    const c = candidates[source];
    if (c !== undefined) return c;
  }
  return undefined;
}

/** One line of plain text for a feed field: XML-illegal characters removed, whitespace collapsed. */
export function cleanLine(s: string): string {
  return squashSpaces(stripIllegalXmlChars(s));
}

/** URL schemes that run code when a reader follows the link: never an author's page. */
const SCRIPT_SCHEME = /^\s*(?:javascript|vbscript|data):/i;

/**
 * A person with a clean name, and a URL every feed format accepts: a relative one (a byline's
 * `href="/staff/jane"`) is resolved against the site link; one that cannot be, or that would
 * run script, is left out (the name alone is still an author).
 */
function cleanPerson(p: Person, base: string): Person {
  const out: Person = { name: cleanLine(p.name) };
  if (p.email) out.email = cleanLine(p.email);
  if (p.url && !SCRIPT_SCHEME.test(p.url)) {
    const url = isAbsoluteIri(p.url) ? p.url : resolveHttpUrl(p.url, base);
    if (url) out.url = url;
  }
  return out;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${String(v)}`;
}

/** Jekyll's `2024-03-05-` prefix on a post's file name. */
const DATED_NAME = /^(\d{4}-\d{2}-\d{2})-(?=.)/;

/**
 * The name an article is known by: its file name without the extension, or, for a page bundle
 * (`posts/first-trip/index.md`, Hugo's `_index.md`), its folder's name. A Jekyll date prefix stays:
 * the slug makes the default id, and an id must not change under a feed's readers.
 */
function baseName(relPath: string): string {
  const parts = relPath.split('/');
  const name = (parts.pop() ?? relPath).replace(/\.[^.]+$/, '');
  return (name === 'index' || name === '_index') && parts.length > 0 ? (parts.pop() ?? name) : name;
}

/** The date of a Jekyll-style file name (midnight in the config zone), if it has one (Zola: also `2024-03-05_name`). */
function fileNameDate(relPath: string, timezone: string, underscore = false): Sourced<Date> | undefined {
  const match = (underscore ? /^(\d{4}-\d{2}-\d{2})[-_](?=.)/ : DATED_NAME).exec(relPath.split('/').pop() ?? '');
  const value = match ? parseDateValue(match[1], timezone) : undefined;
  return value ? { value, from: 'file-name' } : undefined;
}

function humanize(name: string): string {
  const t = name.replace(/[-_]+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
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

/** Absolute IRI: a scheme, then something (RFC 3987). URLs, urn:, tag: all qualify. */
export function isAbsoluteIri(s: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(s)) return false;
  if (/^https?:/i.test(s)) return isHttpUrl(s);
  return !/[\s<>"{}|\\^`]/.test(s);
}

/** RFC 4151: tag:authorityName,YYYY-MM-DD:specific. The date is the first-publish day in UTC. */
export function tagUri(siteLink: string, published: Date, slug: string): string {
  const host = new URL(siteLink).hostname;
  const day = formatRfc3339(published).slice(0, 10);
  return `tag:${host},${day}:${encodeURIComponent(slug).replace(/%2F/gi, '-')}`;
}

function toStringList(v: unknown): string[] | undefined {
  let list: unknown[];
  if (typeof v === 'string') list = v.split(',');
  else if (Array.isArray(v)) list = v;
  else return undefined;
  if (list.some((x) => typeof x !== 'string' && typeof x !== 'number')) return undefined;
  return dedupe(list.map((x) => cleanLine(String(x))).filter(Boolean));
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The first paragraph(s) of the body, up to `max` characters, cut at a word boundary. */
export function deriveSummary(bodyText: string, max: number): string {
  const paragraphs = stripIllegalXmlChars(bodyText)
    .split(/\n\s*\n/)
    .map(squashSpaces)
    .filter(Boolean);
  let out = '';
  for (const p of paragraphs) {
    out = out ? `${out} ${p}` : p;
    if (out.length >= max * 0.6) break;
  }
  return truncateAtWord(out, max);
}

export type { Provenance };
