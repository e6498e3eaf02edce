import type { SiteShortcode } from '../sources/templates.js';
import type { AttributeSyntax } from '../sources/attributes.js';
import type { MathSyntax } from '../sources/math.js';
import type { CollectionGlob } from './astro-collections.js';
import type { MappedPerson } from './authors-map.js';
import type { EleventyDateFilter, EleventyLayout } from './eleventy-site.js';
import type { PelicanSettings } from './pelican.js';

/** The site generators whose link rules, keys and output feedwright knows. */
export const PRESETS = ['jekyll', 'hexo', 'hugo', 'zola', 'eleventy', 'astro', 'nextjs', 'docusaurus', 'pelican', 'none'] as const;
export type Preset = (typeof PRESETS)[number];

/**
 * What feedwright learned about the site the articles belong to: the generator, its base URL and
 * permalink patterns (from the generator's own config where that is data, else its documented
 * defaults). Plain data: it travels in the config (and so into the cache key and to the workers).
 */
export interface SiteInfo {
  preset: Exclude<Preset, 'none'>;
  /** What told: "config" (named in feedwright's config) or the file, e.g. "hugo.toml", "package.json (astro)". */
  detectedFrom: string;
  /** The site root as shown to the user. */
  root: string;
  /** Base URL of the site's pages (with a trailing slash), when the generator's config names one. */
  baseUrl?: string;
  /** Where the articles folder sits inside the generator's content root ('/'-separated, '' when it is the root). */
  contentPrefix: string;
  /** Permalink patterns by section ('*': every other), from the generator's config. */
  permalinks: Record<string, string>;
  /** A Bridgetown site (bridgetown.config.yml), read by the Jekyll preset: its posts need no date in their file names. */
  bridgetown?: true;
  /** Hugo's uglyURLs: `x.html` instead of `x/` (true, or by section). */
  uglyUrls: boolean | Record<string, boolean>;
  /** Hugo's disablePathToLower (false: paths are lower-cased). */
  keepPathCase: boolean;
  /** Hugo's removePathAccents: `café` is `cafe` in page paths. */
  removePathAccents?: boolean;
  /** The zone dates in URLs are read in (Jekyll and Hexo `timezone`, Hugo `timeZone`); else the feed's. */
  timezone?: string;
  defaultLanguage?: string;
  /** Hugo: the language whose own content folder (languages.<l>.contentDir) holds the articles. */
  contentLanguage?: string;
  /** Hugo: the permalink patterns of each language with its own (`languages.<l>.permalinks`), over the site's, for the articles in its content folder (`languageDirs`). */
  languagePermalinks?: Record<string, Record<string, string>>;
  /** Hugo: the languages' own content folders inside the content folder (`ja` -> 'ja'), when the articles folder holds several. */
  languageDirs?: Record<string, string>;
  /** Languages besides the default: a `post.fr.md` goes under `/fr/`. */
  languages: string[];
  /** Hugo: each language's own `languageCode` and `title` (languages.<l>), for its feed. */
  languageChannels?: Record<string, { code?: string; title?: string }>;
  defaultLanguageInSubdir: boolean;
  /** Jekyll collections written to pages: name -> permalink pattern ('' for the default). */
  collections: Record<string, string>;
  /**
   * Data applied under each article's own front matter, by folder relative to the articles folder
   * ('' = all): Eleventy directory data files (`blog/blog.json`), Hugo's `cascade` in `_index.md`.
   */
  folderData: Record<string, Record<string, unknown>>;
  /**
   * Eleventy: the layouts' front matter by the names a post may give (`layouts/post.njk`, an
   * alias), which the data cascade puts under the folder data (a layout's `permalink`, for one).
   */
  layouts?: Record<string, EleventyLayout>;
  /** Eleventy: the date filters the config defines with luxon (`slugDate`), which permalinks may use. */
  dateFilters?: Record<string, EleventyDateFilter>;
  /** Zola's slugify.paths (default "on": paths are slugified). */
  slugifyPaths: boolean;
  /**
   * The site's own routes for one post's page, from its file-system router: Next.js by their last
   * fixed segment (`posts` -> `/blog/posts` from `app/blog/posts/[slug]/page.tsx`; route groups
   * dropped), Astro by the content collection the page reads (`blog` -> `/posts` from
   * `src/pages/posts/[...slug].astro` calling `getCollection("blog")`). `locale`: the route sits
   * under a locale folder (`[lang]/`: the URL always starts with the locale; `[...locale]/`: the
   * default locale's may not, as `defaultLanguageInSubdir` says). `slugKey`: the front matter key
   * the page's URL takes before the entry's id (`post.data.abbrlink || post.id`). `langKey`: the
   * route also writes a locale before that path (`\`${lang}/posts/${slug}/\``) for a post whose
   * front matter `lang` is another locale than the default (Retypeset).
   */
  routes?: Record<string, { prefix: string; file: string; locale?: 'required' | 'optional'; slugKey?: string; langKey?: string }>;
  /** Pages end with a slash (Next.js: not unless trailingSlash is set; Astro: unless trailingSlash is "never"). */
  trailingSlash: boolean;
  /** The generator's output folder relative to the site root (for --verify-links). */
  output: string;
  /** The site's own front matter keys (lower-cased), not typos: Hugo's archetypes write and its layouts read them; Jekyll's layouts and includes read them (`page.banner`); Astro's collection schemas declare them. */
  frontMatterKeys?: string[];
  /** Data files that are code (Eleventy `blog.11tydata.js`): not run, so what they set is not applied. */
  codeData: string[];
  /**
   * The variables the site's templates see (Jekyll: `site`, its `_config.yml` with `url` and
   * `baseurl`), when the generator pre-processes Markdown with Liquid; absent for the others.
   */
  templateVars?: Record<string, unknown>;
  /** Eleventy: the site's own shortcodes its Liquid/Nunjucks bodies call that can be rendered from their arguments (src/site/eleventy-site.ts). */
  templateShortcodes?: Record<string, SiteShortcode>;
  /**
   * The attribute lists the site's Markdown renderer reads and never publishes (`## Setup {#setup}`,
   * a `{.box}` line): Jekyll's kramdown, Hugo's Goldmark as configured, Zola, Eleventy with
   * markdown-it-attrs. Absent: none (marked's CommonMark, as Astro and Next.js render by default).
   */
  markdownAttributes?: AttributeSyntax;
  /** Generic directives (`:::note` boxes) the site's Markdown reads: remark-directive, markdown-it-container. */
  directives?: boolean;
  /** The site's Markdown has no indented code blocks (Eleventy 2.0 and later: an indented line is text, not code). */
  noIndentedCode?: boolean;
  /** TeX math the site's Markdown renderer reads (remark-math, kramdown's `$$`, Hugo's passthrough): kept as written. */
  math?: MathSyntax;
  /** Astro: the glob of the content collection that holds the articles; only the files it matches are posts. */
  collectionGlob?: CollectionGlob;
  /**
   * Astro: the content config declares its collections without loaders (legacy content collections,
   * which Astro 5 emulates with the glob pattern `**\/[^_]*`): files and folders named `_x` are no entries.
   */
  legacyCollections?: boolean;
  /**
   * Astro: the content collections the site's own feed endpoint reads (`getCollection("blog")` in
   * src/pages/rss.xml.js), and that file. With the articles folder at the content root, the other
   * collections' entries (an about page, a policy) are not posts.
   */
  feedCollections?: { names: string[]; file: string };
  /**
   * Hexo's _config.yml settings its post links depend on: `new_post_name` (the file name pattern
   * `:title` is read from), `default_category` (`:category` of a post without categories),
   * `category_map` (a category's name in paths), `filename_case` (1: lower, 2: upper case),
   * `permalink_defaults`, `post_asset_folder` (then only files of `new_post_name`'s extension are
   * posts, the others their assets), and `pretty_urls.trailing_index`/`trailing_html` (false:
   * links drop `index.html`/`.html`).
   */
  hexo?: {
    newPostName: string;
    postAssetFolder: boolean;
    defaultCategory: string;
    categoryMap: Record<string, string>;
    filenameCase: number;
    permalinkDefaults: Record<string, string>;
    trailingIndex: boolean;
    trailingHtml: boolean;
    /** hexo-abbrlink with `alg: crc32`: a post's empty `abbrlink` is the CRC-32 of its title, written in `rep` (dec or hex), as the plugin makes it. */
    abbrlink?: { rep: 'dec' | 'hex' };
  };
  /**
   * A Jekyll or Bridgetown site's authors data file (`_data/authors.yml`, Bridgetown's
   * `src/_data/authors.yml`): key -> person, as jekyll-seo-tag and the themes read a post's
   * `author: jane` (`site.data.authors[page.author]`). Read where the posts' authors are resolved,
   * as Docusaurus's authors map is.
   */
  authorsMap?: Record<string, MappedPerson>;
  /**
   * Docusaurus's blog plugin: the route its posts are served under (`routeBasePath`, default
   * `blog`), its authors map (`authors.yml`: key -> person) and its tags file (`tags.yml`: key ->
   * label), which front matter names by key (`authors: [jane]`, `tags: [release]`).
   */
  docusaurus?: {
    routeBasePath: string;
    authors: Record<string, MappedPerson>;
    tags: Record<string, string>;
  };
  /** Pelican's settings the link rule reads (src/site/pelican.ts): ARTICLE_URL, the page and static folders, categories, slugs. */
  pelican?: PelicanSettings;
  /** Zola's `ignored_content` globs (config.toml): content files the site does not build, matched below the content folder. */
  ignoredContent?: { patterns: string[]; file: string };
}
