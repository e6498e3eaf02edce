import { createRequire } from 'node:module';
import sindresorhusSlugify from '@sindresorhus/slugify';
import slugPackage from 'slugify';
import type { Liquid, Template } from 'liquidjs';

/*
 * An Eleventy `permalink` written as a template (`/blog/{{ title | slugify }}/`, or a directory
 * data file's `{% if type == 'reading' %}/reading/…{% else %}…{% endif %}`), rendered as
 * Eleventy renders it: with liquidjs (Eleventy's own Liquid engine; a Nunjucks permalink reads
 * the same for what permalinks use, `elif` being Liquid's `elsif`), Eleventy's `slugify` filter
 * (@sindresorhus/slugify without decamelising) and its older `slug` filter (the slugify package,
 * lower case), and the page's data: front matter over directory data, `title`, and `page`
 * (`fileSlug`, `filePathStem`, `date`, `outputFileExtension`).
 *
 * A permalink that reads anything else (a filter the site defines, a variable no page has) does
 * not render: the caller then uses Eleventy's default path, and `explain` shows that rule.
 */

/** Eleventy's `slugify` filter (Filters/Slugify.js). */
export function eleventySlugify(s: string): string {
  return sindresorhusSlugify(s, { decamelize: false });
}

/** Eleventy's `slug` filter (Filters/Slug.js, the `slugify` package). */
export function eleventySlug(s: string): string {
  return slugPackage(s, { replacement: '-', lower: true });
}

/** The page variables a permalink template may read. */
export interface PermalinkPage {
  fileSlug: string;
  filePathStem: string;
  date: Date;
}

/** Bounds on one permalink: its length, and liquidjs's render limits (a permalink is one line of work). */
const LIMITS = { chars: 4096, parseLimit: 16_384, renderLimit: 200, memoryLimit: 1_000_000 } as const;

/** One engine per time zone (the `date` filter's zone is an engine option); a build has one. */
const engines = new Map<string, Liquid>();
/** Parsed permalinks by zone and text (a directory data file gives every post the same one), at most CACHE_SIZE. */
const parsed = new Map<string, Template[] | null>();
const CACHE_SIZE = 256;

function liquid(timezone: string): Liquid {
  const known = engines.get(timezone);
  if (known) return known;
  // Loaded on first use: most sites write no permalink templates.
  const { Liquid: LiquidEngine } = createRequire(import.meta.url)('liquidjs') as typeof import('liquidjs');
  const e = new LiquidEngine({
    templates: {},
    strictFilters: true,
    strictVariables: true,
    lenientIf: true,
    ownPropertyOnly: true,
    parseLimit: LIMITS.parseLimit,
    renderLimit: LIMITS.renderLimit,
    memoryLimit: LIMITS.memoryLimit,
    timezoneOffset: timezone,
  });
  e.registerFilter('slugify', (v: unknown) => eleventySlugify(String(v ?? '')));
  e.registerFilter('slug', (v: unknown) => eleventySlug(String(v ?? '')));
  engines.set(timezone, e);
  return e;
}

/** The template's parse, or null when liquidjs cannot read it (cached either way). */
function parse(template: string, timezone: string): Template[] | null {
  const key = `${timezone}\0${template}`;
  const known = parsed.get(key);
  if (known !== undefined) return known;
  let out: Template[] | null;
  try {
    // Nunjucks' `elif` is Liquid's `elsif`; nothing else a permalink uses differs.
    out = liquid(timezone).parse(template.replace(/\{%(-?)\s*elif\b/g, '{%$1 elsif'));
  } catch {
    out = null;
  }
  if (parsed.size >= CACHE_SIZE) parsed.clear();
  parsed.set(key, out);
  return out;
}

/**
 * The permalink rendered for one page, or undefined when it reads what this cannot know (see
 * the module comment) or breaks a bound. Dates format in `timezone`, the zone they were read in.
 */
export function renderEleventyPermalink(template: string, data: Record<string, unknown>, title: string, page: PermalinkPage, timezone: string): string | undefined {
  if (template.length > LIMITS.chars) return undefined;
  const templates = parse(template, timezone);
  if (!templates) return undefined;
  const scope = { ...data, title, page: { ...page, outputFileExtension: 'html' } };
  try {
    return String(liquid(timezone).renderSync(templates, scope)).trim();
  } catch {
    return undefined;
  }
}
