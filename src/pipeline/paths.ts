import path from 'node:path';
import { acceptedValues, loadConfig, type LoadedConfig, resolveConfig } from '../config/load.js';
import type { FeedwrightConfig } from '../config/schema.js';
import { detectSite, type SiteChannel } from '../site/detect.js';
import { cacheFiles } from '../cache/articles.js';
import { contextDigest, FileMemo } from '../site/file-memo.js';
import { hugoRefTargets, jekyllTemplateTargets, zolaLinkTargets } from '../site/links.js';
import { otherGeneratorAbove } from '../site/other-generators.js';
import { quartoIncludeFiles } from '../site/quarto-includes.js';
import { isMultilingual } from '../site/permalink.js';
import type { TemplateSettings } from '../sources/templates.js';

/** Options for {@link build}. Paths are resolved against `cwd`. */
export interface BuildOptions {
  /** Working directory (default: process.cwd()). */
  cwd?: string;
  /** Config file; default `feedwright.config.json` in `cwd` if it exists, else built-in defaults. */
  configFile?: string;
  /** Override the config: articles folder. */
  articles?: string;
  /** Override the config: output folder. */
  out?: string;
  /** Use this config object instead of reading a file (library use). */
  config?: FeedwrightConfig;
  /** The build's clock, used only to hold back future-dated articles. Default: now. */
  now?: Date;
  /** Render and validate, but write nothing. */
  dryRun?: boolean;
  /** Override the config: the site's root folder (its generator's config is read from there). */
  site?: string;
  /**
   * Check every item link against the pages the site built: the generator's output folder
   * (relative to `cwd`), or true for the preset's own (`_site`, `public`, `dist`, `out`).
   */
  verifyLinks?: string | true;
}

/** Paths resolved from the options and the config. */
export interface BuildPaths {
  loaded: LoadedConfig;
  articlesDir: string;
  outDir: string;
  display: (abs: string) => string;
  /** The site's root folder, when a generator was detected or named. */
  siteRoot?: string;
}

export function resolvePaths(options: BuildOptions): BuildPaths {
  const cwd = options.cwd ?? process.cwd();
  const loaded: LoadedConfig = options.config
    ? { config: options.config, file: undefined, root: cwd }
    : loadConfig(cwd, options.configFile);
  const articlesDir = options.articles ? path.resolve(cwd, options.articles) : path.resolve(loaded.root, loaded.config.articles);
  const outDir = options.out ? path.resolve(cwd, options.out) : path.resolve(loaded.root, loaded.config.out);
  const display = (abs: string): string => {
    const r = path.relative(cwd, abs);
    return r === '' ? '.' : r.startsWith('..') ? abs : r.split(path.sep).join('/');
  };
  // The site generator (its link rules and keys): named in the config, or found above the articles.
  const siteOption = options.site ? path.resolve(cwd, options.site) : loaded.config.site;
  const detected =
    loaded.config.siteInfo === undefined
      ? detectSite({ articlesDir, configRoot: loaded.root, preset: loaded.config.preset, ...(siteOption ? { site: siteOption } : {}), display })
      : undefined;
  if (detected) {
    withSiteChannel(loaded, detected.channel);
    // A multilingual site publishes one feed per language (Hugo: /fr/index.xml), and so does
    // feedwright unless its config says otherwise: one feed of every translation would repeat
    // each post in every language under the default language's name.
    const rawFeeds = loaded.raw?.feeds;
    const setHere = typeof rawFeeds === 'object' && rawFeeds !== null && 'languages' in rawFeeds;
    if (loaded.raw && !setHere && isMultilingual(detected.info)) loaded.config = { ...loaded.config, feeds: { ...loaded.config.feeds, languages: true } };
    const { templateVars, templateShortcodes: shortcodes } = detected.info;
    // A generator that renders Markdown through Liquid (Jekyll, Eleventy) or Nunjucks (Hexo) has its posts
    // rendered the same way, with its own variables (Eleventy's and Hexo's with the post's front matter by
    // name); a config "templates" setting wins. Otherwise template code is removed.
    let templates =
      loaded.config.templates ??
      (templateVars ? { engine: 'liquid' as const, vars: templateVars, ...(detected.info.preset === 'eleventy' || detected.info.preset === 'hexo' ? { frontMatterByName: true } : {}), ...(shortcodes ? { shortcodes } : {}) } : undefined);
    // What the link resolvers need (src/site/links.ts): the site, its base URL and the config's patterns.
    const { config } = loaded;
    const linking = {
      site: detected.info,
      articlesDir,
      base: config.itemBase !== config.link ? config.itemBase : (detected.info.baseUrl ?? config.itemBase),
      userPatterns: config.permalinks,
      timezone: detected.info.timezone ?? config.timezone,
      language: config.language,
    };
    if (templates?.engine === 'liquid' && !templates.links && detected.jekyll) {
      // {% link %} and {% post_url %} need their targets' URLs before any body is rendered, and
      // {% include %} the site's include files: both are part of every article's cache key.
      // Kept between builds per file stamp (site/file-memo.ts): a build that changed nothing reads no post for them.
      const memo = new FileMemo(cacheFiles({ loaded, articlesDir, outDir, display })?.site, contextDigest(linking, detected.jekyll));
      const { links, includes } = jekyllTemplateTargets({ ...linking, source: detected.jekyll }, memo);
      memo.save();
      if (Object.keys(links).length > 0) templates = { ...templates, links };
      if (Object.keys(includes).length > 0) templates = { ...templates, includes };
    } else if (!loaded.config.templates && detected.hugo) {
      // Hugo's ref/relref need their targets' URLs, and param the site's params.
      const refs = hugoRefTargets({ ...linking, contentDir: detected.hugo.contentDir, display });
      const hasLinks = Object.keys(refs.links).length > 0;
      const { shortcodes } = detected.hugo;
      templates = {
        engine: 'none',
        generator: 'hugo',
        ...(refs.usesParam ? { vars: { params: detected.hugo.params } } : {}),
        ...(hasLinks ? { links: refs.links } : {}),
        ...(shortcodes ? { shortcodes } : {}),
      };
    } else if (!loaded.config.templates && detected.zola) {
      // Zola's internal links (`[x](@/blog/post.md)`) need their targets' URLs; its own shortcodes render as far as their templates tell.
      const refs = zolaLinkTargets({ ...linking, contentDir: detected.zola.contentDir });
      const { shortcodes } = detected.zola;
      templates = { engine: 'none', generator: 'zola', ...(refs.named ? { links: refs.links } : {}), ...(shortcodes ? { shortcodes } : {}) };
    }
    // What the site's own Markdown dialect reads never shows as text: attribute lists (`## Setup
    // {#setup}`), TeX math (`$x_1$`, kept as written), directives (`:::note`). Settings the
    // `templates` above already hold keep their own.
    const { markdownAttributes: attributes, math, directives, noIndentedCode } = detected.info;
    const dialect = { ...(attributes ? { attributes } : {}), ...(math ? { math } : {}), ...(directives ? { directives } : {}), ...(noIndentedCode ? { noIndentedCode } : {}) };
    if (Object.keys(dialect).length > 0) templates = { engine: 'none', ...dialect, ...templates };
    loaded.config = { ...loaded.config, siteInfo: detected.info, ...(templates ? { templates } : {}) };
  } else if (loaded.config.siteInfo === undefined && !loaded.config.templates && loaded.config.preset === 'auto') {
    // A site of a generator without a preset whose pages hold no template language (MkDocs
    // without the macros plugin): `{{ x }}` and `{% x %}` in its pages (TeX math, code, prose)
    // are their text, which the site publishes as written, not template code to remove. One that
    // titles a page by its first `# heading` wherever it stands (VitePress, MkDocs) is read so.
    const above = otherGeneratorAbove(articlesDir);
    const other = above?.generator;
    // Quarto's `{{< include _content.qmd >}}`: the `_` files below the posts, whose text stands in for it.
    const includes = other?.name === 'Quarto' ? quartoIncludeFiles(articlesDir, above?.root ?? articlesDir, display) : undefined;
    const quartoIncludes = above && includes && Object.keys(includes).length > 0 ? { root: display(above.root), files: includes } : undefined;
    if (other && (other.templateEngine === undefined || other.titleFromFirstHeading || other.name === 'Quarto')) {
      const templates: TemplateSettings = {
        engine: 'none',
        ...(other.templateEngine === undefined ? { generator: 'plain' as const } : {}),
        // Quarto's template code is its shortcodes (`{{< video x >}}`), as Hugo's is: `{{ x }}` is Pandoc text, kept.
        ...(other.name === 'Quarto' ? { generator: 'hugo' as const } : {}),
        ...(other.titleFromFirstHeading ? { titleFromFirstHeading: true } : {}),
        ...(quartoIncludes ? { quartoIncludes } : {}),
      };
      loaded.config = { ...loaded.config, templates };
    }
  }
  return { loaded, articlesDir, outDir, display, ...(detected ? { siteRoot: detected.rootAbs } : {}) };
}


/**
 * The feed's title, description, link, language and author that feedwright's config does not set
 * are the site's own, as its generator's config states them (a Jekyll site's `title` and `url`):
 * a site built without a feedwright config gets feeds named and linked as the site, not
 * "Untitled feed" at example.com. A value feedwright would reject (a `url` that is not absolute,
 * a language that is no BCP 47 tag) is not taken. The ids (`tag:` URIs of the link's host) follow
 * the link, so a site should keep one link once its feed has readers: `init` writes it down.
 */
function withSiteChannel(loaded: LoadedConfig, channel: SiteChannel): void {
  const { raw } = loaded;
  if (!raw) return;
  const taken = acceptedValues(Object.fromEntries(Object.entries(channel.values).filter(([key]) => !(key in raw))));
  if (Object.keys(taken).length === 0) return;
  loaded.config = resolveConfig({ ...taken, ...raw });
  loaded.fromSite = { from: channel.from, values: taken };
}
