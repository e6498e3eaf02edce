/**
 * Front matter keys as data: which keys each feed field is read from (in order), and which keys
 * each site generator reads for itself. `resolveArticle`'s field resolvers (meta/resolve.ts) read
 * their keys from this table, the unknown-key check is derived from it, and a test checks that the
 * README names every key.
 *
 * A config `keys` map (`"keys": { "title": ["newstitle"] }`) puts a site's own keys in front of
 * the defaults for that field (`fieldKeys`).
 */
import type { Preset } from '../site/model.js';

/** The fields read from front matter, each with the keys that hold it, first match wins. */
export const FIELD_KEYS = {
  title: ['title'],
  /** `by`: the Go project's site generator (golang.org/x/website: `by: [Ann Author]`). */
  authors: ['authors', 'author', 'by'],
  /**
   * `publishedAt`: Vercel's Next.js portfolio starter kit; `created`: notes kept in Obsidian and the
   * like; schema.org's `datePublished` and `dateCreated`, which Gatsby and Next.js blogs name their
   * keys after for their JSON-LD (after the others).
   */
  published: ['published', 'date', 'pubDate', 'publishDate', 'publishedAt', 'created', 'datePublished', 'dateCreated'],
  /** `date-modified`: Quarto's; `dateModified`: schema.org's. */
  updated: ['updated', 'modified', 'lastmod', 'updatedDate', 'last_modified_at', 'updatedAt', 'date-modified', 'dateModified'],
  slug: ['slug'],
  link: ['link', 'canonical'],
  /** WordPress importers' `guid` (`http://site/?p=723`) is the item's id in the site's old feed: readers keep what they read. */
  id: ['id', 'guid'],
  /** Every key found is read and the lists merged (Hugo and Jekyll posts often have several). */
  tags: ['tags', 'categories', 'category'],
  summary: ['summary', 'description', 'excerpt'],
  /** Astro's `heroImage`, the Next.js blog starter's `coverImage`, Hugo's Ananke (`featured_image`) and LoveIt-family (`featuredImage`) themes'. */
  image: ['image', 'cover', 'heroImage', 'coverImage', 'featured_image', 'featuredImage'],
  lang: ['lang'],
  /** `isDraft`: some Astro and Next.js blogs' schemas (`getCollection(..., ({ data }) => !data.isDraft)`). */
  draft: ['draft', 'isDraft'],
  clean: ['clean'],
} as const satisfies Record<string, readonly string[]>;

export type FieldName = keyof typeof FIELD_KEYS;

/** The fields a config `keys` map may extend. */
export const MAPPABLE_FIELDS = ['title', 'authors', 'published', 'updated', 'slug', 'link', 'tags', 'summary', 'image', 'lang'] as const satisfies readonly FieldName[];
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/**
 * Keys each generator (or a widespread theme of it) reads itself: layout, URLs, menus, search,
 * comments. They are not feed metadata, and they are not typos: no FM_UNKNOWN_KEY for them.
 * Sources: each generator's front matter documentation (Jekyll "Front Matter", Hugo "Front
 * matter" fields, Zola "Page"/"Section", Eleventy "Supplied data", Astro's blog template, the
 * Next.js blog starter).
 */
export const GENERATOR_KEYS = {
  jekyll: ['layout', 'permalink', 'published', 'excerpt_separator', 'redirect_from', 'redirect_to', 'sitemap', 'comments', 'share', 'toc', 'math', 'mathjax', 'mermaid', 'header', 'sidebar', 'author_profile', 'related', 'read_time', 'classes', 'hidden', 'pin', 'seo', 'last_modified_at', 'categories', 'category', 'gallery'],
  hugo: ['aliases', 'weight', 'url', 'type', 'layout', 'outputs', 'menu', 'menus', 'keywords', 'linkTitle', 'expiryDate', 'publishDate', 'headless', 'isCJKLanguage', 'markup', 'resources', 'cascade', 'build', '_build', 'params', 'sitemap', 'translationKey', 'toc', 'series', 'showToc', 'ShowToc', 'TocOpen', 'tocOpen', 'ShowReadingTime', 'ShowBreadCrumbs', 'ShowPostNavLinks', 'ShowWordCount', 'hidemeta', 'comments', 'math', 'featured', 'images', 'videos', 'audio', 'unlisted', 'archived'],
  zola: ['path', 'template', 'weight', 'aliases', 'in_search_index', 'render', 'extra', 'taxonomies', 'sort_by', 'paginate_by', 'paginate_path', 'paginate_reversed', 'transparent', 'page_template', 'insert_anchor_links', 'redirect_to', 'generate_feeds', 'generate_feed'],
  eleventy: ['layout', 'permalink', 'eleventyNavigation', 'eleventyExcludeFromCollections', 'eleventyComputed', 'eleventyImport', 'pagination', 'templateEngineOverride', 'dynamicPermalink', 'eleventyDataSchema'],
  /** With AstroPaper's (the most used Astro blog theme's) own keys, and AstroWind's `metadata` (its page's robots and canonical). */
  astro: ['layout', 'heroImage', 'pubDate', 'updatedDate', 'ogImage', 'featured', 'minutesRead', 'canonicalURL', 'hideEditPost', 'timezone', 'metadata'],
  nextjs: ['ogImage', 'excerpt', 'layout', 'images', 'bibliography', 'canonicalUrl', 'lastmod'],
  /** Widespread Hugo themes' documented keys: PaperMod, and LoveIt with its forks DoIt and FixIt. */
  hugoThemes: ['ShowRssButtonInSectionTermList', 'ShowCodeCopyButtons', 'disableShare', 'hideSummary', 'searchHidden', 'canonicalURL', 'editPost', 'author', 'hiddenFromHomePage', 'hiddenFromSearch', 'featuredImagePreview', 'lightgallery', 'license', 'ruby', 'fraction', 'fontawesome', 'linkToMarkdown', 'rssFullText', 'code', 'mapbox', 'share', 'comment', 'library', 'seo', 'twemoji', 'subtitle', 'categories'],
  /** Keys so common across themes of every generator that warning about them helps nobody. */
  common: ['keywords', 'toc', 'comments', 'hidden', 'featured', 'weight', 'math', 'layout', 'permalink', 'url', 'aliases', 'type', 'series', 'subtitle', 'thumbnail'],
} as const satisfies Record<string, readonly string[]>;

/** Every key feedwright reads for some field (the union of FIELD_KEYS). */
export const FEED_KEYS: readonly string[] = [...new Set(Object.values(FIELD_KEYS).flat())];



/**
 * Keys of a field that only one generator reads, tried after the default keys. A dotted key is
 * read inside a map: Zola puts tags and categories under `[taxonomies]`.
 */
export const GENERATOR_FIELD_KEYS: { readonly [P in Preset]?: { readonly [F in FieldName]?: readonly string[] } } = {
  /** Zola's front matter has no `link`: themes keep a link post's target in `[extra]`. */
  zola: { tags: ['taxonomies.tags', 'taxonomies.categories'], link: ['extra.link'] },
  /** AstroPaper's `pubDatetime` and `modDatetime`; AstroWind's `updateDate`. */
  astro: { published: ['pubDatetime'], updated: ['modDatetime', 'updateDate'] },
};

/**
 * Default keys of a field that one generator reads as something else: Docusaurus's `slug` is a
 * page path below its blog route (`slug: /2024/11/20/x`), read by its link rule
 * (src/site/permalink.ts), not the one-segment slug of the item's id.
 */
const GENERATOR_OTHER_KEYS: { readonly [P in Preset]?: { readonly [F in FieldName]?: readonly string[] } } = {
  docusaurus: { slug: ['slug'] },
};

/** Keys that never warn: feedwright's own and every generator's (a dotted key by its first part). */
export const KNOWN_KEYS: ReadonlySet<string> = new Set([
  ...FEED_KEYS,
  ...Object.values(GENERATOR_KEYS).flat(),
  ...Object.values(GENERATOR_FIELD_KEYS).flatMap((fields) => Object.values(fields ?? {}).flatMap((keys) => (keys ?? []).map((k) => k.split('.')[0] as string))),
]);

/** The keys for `field`: the config's own first, then the default keys, then those of the site's generator. */
export function fieldKeys(field: FieldName, custom: Partial<Record<MappableField, readonly string[]>> | undefined, preset?: Preset): readonly string[] {
  const own = (custom as Record<string, readonly string[] | undefined> | undefined)?.[field];
  const keys: readonly string[] = own && own.length > 0 ? [...own, ...FIELD_KEYS[field].filter((k) => !own.includes(k))] : FIELD_KEYS[field];
  const generators = preset ? GENERATOR_FIELD_KEYS[preset]?.[field] : undefined;
  const other = preset ? GENERATOR_OTHER_KEYS[preset]?.[field] : undefined;
  const read = other ? keys.filter((k) => !other.includes(k)) : keys;
  return generators ? [...read, ...generators.filter((k) => !read.includes(k))] : read;
}

/**
 * The field an unknown key's name suggests (`featured_image` → image, `postDate` → published), for
 * FM_UNKNOWN_KEY's hint: the config line to map it, with the right field filled in. Tried in
 * order; a key no word matches gets a hint with a placeholder field.
 */
const FIELD_WORDS: readonly [MappableField, RegExp][] = [
  ['image', /image|img|photo|picture|thumb|banner|cover|hero/i],
  ['updated', /updat|modif|lastmod|edited/i],
  ['published', /date|publish|posted|created/i],
  ['authors', /author|writer|written_?by|byline|creator|contributor/i],
  ['tags', /tag|categor|topic|keyword|label/i],
  ['summary', /summary|descri|excerpt|abstract|teaser|intro|lede|blurb/i],
  ['title', /title|headline|heading|subject/i],
  ['link', /url|link|href|canonical|permalink/i],
  ['lang', /^(?:lang|language|locale)/i],
];

export function fieldNamedBy(key: string): MappableField | undefined {
  return FIELD_WORDS.find(([, words]) => words.test(key))?.[0];
}

/** Words that mark a key as a plausible title when no title key was found (the warning names them). */
export const TITLE_LIKE = /title|headline|heading|^name$|subject/i;

/** The key FM_UNKNOWN_KEY's message names (its builder in src/codes.ts writes it), read back: the build summarises them per key. */
export function keyOfUnknownKeyMessage(message: string): string | undefined {
  return /^Unknown front matter key "(.*)" is ignored/.exec(message)?.[1];
}
