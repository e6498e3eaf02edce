import { createRequire } from 'node:module';
import sindresorhusSlugify from '@sindresorhus/slugify';
import slugPackage from 'slugify';
import type { Liquid, Template } from 'liquidjs';
import type { EleventyDateFilter } from './eleventy-site.js';

/*
 * An Eleventy `permalink` written as a template (`/blog/{{ title | slugify }}/`, or a directory
 * data file's `{% if type == 'reading' %}/reading/…{% else %}…{% endif %}`), rendered as
 * Eleventy renders it: with liquidjs (Eleventy's own Liquid engine; a Nunjucks permalink reads
 * the same for what permalinks use, `elif` being Liquid's `elsif`), Eleventy's `slugify` filter
 * (@sindresorhus/slugify without decamelising) and its older `slug` filter (the slugify package,
 * lower case), and the page's data: front matter over directory data, `title`, and `page`
 * (`fileSlug`, `filePathStem`, `date`, `outputFileExtension`).
 *
 * The site's own date filters are there too when its config defines them as a luxon format
 * (`slugDate`: `DateTime.fromJSDate(d, { zone: "utc" }).toFormat("y/MM")`, src/site/eleventy-site.ts),
 * formatted with luxon as Eleventy's build does. Nunjucks' call syntax for a filter's argument
 * (`| dateToFormat("yyyy")`) reads as Liquid's (`| dateToFormat: "yyyy"`).
 *
 * A permalink that reads anything else (a filter the site defines otherwise, a variable no page
 * has) does not render: the caller then uses Eleventy's default path, and `explain` shows that rule.
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

/** One engine per time zone and set of site filters (the `date` filter's zone is an engine option); a build has one. */
const engines = new Map<string, Liquid>();
/** Parsed permalinks by zone and text (a directory data file gives every post the same one), at most CACHE_SIZE. */
const parsed = new Map<string, Template[] | null>();
const CACHE_SIZE = 256;

function liquid(timezone: string, dateFilters: Readonly<Record<string, EleventyDateFilter>> = {}): Liquid {
  const filterNames = Object.keys(dateFilters);
  const key = filterNames.length > 0 ? `${timezone}\0${JSON.stringify(dateFilters)}` : timezone;
  const known = engines.get(key);
  if (known) return known;
  // Loaded on first use: most sites write no permalink templates.
  const require = createRequire(import.meta.url);
  const { Liquid: LiquidEngine } = require('liquidjs') as typeof import('liquidjs');
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
  if (filterNames.length > 0) {
    const { DateTime } = require('luxon') as typeof import('luxon');
    for (const [name, filter] of Object.entries(dateFilters)) {
      e.registerFilter(name, (v: unknown, format?: unknown) => {
        const written = filter.format ?? (typeof format === 'string' ? format : undefined);
        if (!(v instanceof Date) || written === undefined) throw new Error(`${name}: not a date and a format`);
        const formatted = DateTime.fromJSDate(v, { zone: filter.zone ?? timezone });
        if (!formatted.isValid) throw new Error(`${name}: ${formatted.invalidReason}`);
        return formatted.toFormat(written);
      });
    }
  }
  engines.set(key, e);
  return e;
}

/** The template's parse, or null when liquidjs cannot read it (cached either way). */
function parse(template: string, timezone: string, dateFilters: Readonly<Record<string, EleventyDateFilter>>): Template[] | null {
  const key = `${timezone}\0${Object.keys(dateFilters).join(',')}\0${template}`;
  const known = parsed.get(key);
  if (known !== undefined) return known;
  let out: Template[] | null;
  try {
    // Nunjucks' `elif` is Liquid's `elsif`; nothing else a permalink uses differs.
    const liquidText = template.replace(/\{%(-?)\s*elif\b/g, '{%$1 elsif').replace(NUNJUCKS_FILTER_CALL, '| $1: $2');
    out = liquid(timezone, dateFilters).parse(liquidText);
  } catch {
    out = null;
  }
  if (parsed.size >= CACHE_SIZE) parsed.clear();
  parsed.set(key, out);
  return out;
}

/** A Nunjucks filter called with arguments inside an output tag: `| name("a", 2)` (no nested parentheses). */
const NUNJUCKS_FILTER_CALL = /\|\s*(\w+)\(([^()]*)\)/g;

/**
 * The permalink rendered for one page, or undefined when it reads what this cannot know (see
 * the module comment) or breaks a bound. Dates format in `timezone`, the zone they were read in,
 * unless a site filter names its own.
 */
export function renderEleventyPermalink(
  template: string,
  data: Record<string, unknown>,
  title: string,
  page: PermalinkPage,
  timezone: string,
  dateFilters: Readonly<Record<string, EleventyDateFilter>> = {},
): string | undefined {
  if (template.length > LIMITS.chars) return undefined;
  const templates = parse(template, timezone, dateFilters);
  if (!templates) return undefined;
  const scope = { ...data, title, page: { ...page, outputFileExtension: 'html' } };
  try {
    return String(liquid(timezone, dateFilters).renderSync(templates, scope)).trim();
  } catch {
    return undefined;
  }
}
