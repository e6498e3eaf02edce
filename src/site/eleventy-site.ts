import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { splitFrontMatter } from '../sources/front-matter.js';
import type { SiteShortcode } from '../sources/templates.js';
import { readSmallText } from '../util/fs.js';

/*
 * What an Eleventy site says about its posts outside their own files, read as text and never run:
 * its layouts' front matter (part of the data cascade), the date filters its config defines with
 * luxon (a permalink like `/{{ page.date | slugDate }}/{{ page.fileSlug }}/` uses one), and the
 * `metadata` its own feed template declares (the base blog's `feed/feed.njk` before v1).
 */

/** One layout's front matter, and the layout it names in turn (a chain, as Eleventy follows it). */
export interface EleventyLayout {
  data: Record<string, unknown>;
  layout?: string;
}

/**
 * A filter the site's config defines as a luxon date format, `DateTime.fromJSDate(d, { zone:
 * "utc" }).toFormat("y/MM")`: `format` is the literal format, or absent when the filter's second
 * argument is the format; `zone` the zone luxon formats in (absent: the machine's, taken as the site's).
 */
export interface EleventyDateFilter {
  format?: string;
  zone?: string;
}

/** Bounds on reading layouts: files and depth walked, and bytes per file. */
const LAYOUT_LIMITS = { files: 300, depth: 4, bytes: 64 * 1024 } as const;

/** The template languages a layout is written in that carry front matter. */
const LAYOUT_EXTENSIONS = new Set(['.njk', '.liquid', '.html', '.md', '.hbs', '.mustache', '.ejs', '.haml', '.pug', '.11ty.js']);

function extensionOf(name: string): string {
  return name.endsWith('.11ty.js') ? '.11ty.js' : path.extname(name);
}

/**
 * The site's layouts with front matter, by every name a template may give them: the path in the
 * includes folder (`layouts/post.njk`), the same without its extension (Eleventy tries each
 * template language), and the config's aliases (`addLayoutAlias("post", "layouts/post.njk")`).
 * A layout's own `layout` is kept apart: it names the next layout of the chain.
 */
export function eleventyLayouts(includesDir: string, cfgText: string | undefined): Record<string, EleventyLayout> {
  const byPath: Record<string, EleventyLayout> = {};
  let seen = 0;
  const walk = (dir: string, rel: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (seen >= LAYOUT_LIMITS.files) return;
      const abs = path.join(dir, name);
      const relName = rel ? `${rel}/${name}` : name;
      let stat: ReturnType<typeof statSync>;
      try {
        stat = statSync(abs);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (depth < LAYOUT_LIMITS.depth && !name.startsWith('.')) walk(abs, relName, depth + 1);
        continue;
      }
      if (!LAYOUT_EXTENSIONS.has(extensionOf(name)) || stat.size > LAYOUT_LIMITS.bytes) continue;
      seen++;
      const layout = layoutOf(abs, relName);
      if (layout) byPath[relName] = layout;
    }
  };
  walk(includesDir, '', 0);
  const out: Record<string, EleventyLayout> = {};
  for (const [rel, layout] of Object.entries(byPath)) {
    out[rel.slice(0, -extensionOf(rel).length)] ??= layout;
  }
  Object.assign(out, byPath);
  for (const [alias, target] of Object.entries(layoutAliases(cfgText))) {
    const layout = out[target] ?? out[target.slice(0, -extensionOf(target).length)];
    if (layout) out[alias] = layout;
  }
  return out;
}

/** A layout file's front matter, or undefined when it has none (or none that reads). */
function layoutOf(abs: string, rel: string): EleventyLayout | undefined {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
  if (!text.startsWith('---')) return undefined;
  const fm = splitFrontMatter(text, rel);
  if (!fm.ok || Object.keys(fm.data).length === 0) return undefined;
  const { layout, ...data } = fm.data;
  return typeof layout === 'string' && layout.trim() ? { data, layout: layout.trim() } : { data };
}

/** `eleventyConfig.addLayoutAlias("post", "layouts/post.njk")` calls with two literal strings. */
function layoutAliases(cfgText: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (cfgText ?? '').matchAll(/\baddLayoutAlias\(\s*(["'])([^"'\n]+)\1\s*,\s*(["'])([^"'\n]+)\3\s*\)/g)) out[m[2] as string] = m[4] as string;
  return out;
}

/**
 * The front matter layers a post's layout chain gives it, lowest first (the outermost layout
 * first, the post's own layout last), at most `depth` deep: Eleventy's data cascade puts a
 * layout's front matter under the post's directory data and its own front matter.
 */
export function layoutLayers(layouts: Readonly<Record<string, EleventyLayout>>, name: string | undefined, depth = 8): Record<string, unknown>[] {
  const layers: Record<string, unknown>[] = [];
  const visited = new Set<string>();
  let at = name;
  while (at !== undefined && layers.length < depth && !visited.has(at)) {
    visited.add(at);
    const layout = layouts[at];
    if (!layout) break;
    layers.unshift(layout.data);
    at = layout.layout;
  }
  return layers;
}

/** The longest filter body read (characters after the filter's name). */
const FILTER_BODY_CHARS = 600;

/**
 * The date filters the config defines with luxon, by name: a function of the date whose body is
 * only `return DateTime.fromJSDate(date[, { zone: "…" }]).toFormat("…")` (an `if (!date) return
 * "";` guard before it is allowed), or of the date and the format, which it passes on. A filter
 * that does anything else is not one (its output cannot be known without running it).
 */
export function eleventyDateFilters(cfgText: string | undefined): Record<string, EleventyDateFilter> {
  const out: Record<string, EleventyDateFilter> = {};
  if (!cfgText?.includes('toFormat')) return out;
  const head = /\badd(?:Nunjucks|Liquid|JavaScript)?Filter\(\s*(["'])(\w+)\1\s*,\s*(?:(?:async\s+)?function\s*\w*\s*\(([^)]*)\)|\(([^)]*)\)\s*=>|(\w+)\s*=>)\s*/g;
  for (const m of cfgText.matchAll(head)) {
    const params = (m[3] ?? m[4] ?? m[5] ?? '').split(',').map((p) => p.trim().replace(/\s*=.*$/, ''));
    const [date, formatParam] = params;
    if (!date || !/^\w+$/.test(date)) continue;
    const body = cfgText.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + FILTER_BODY_CHARS);
    const filter = luxonBody(body, date, formatParam);
    if (filter) out[m[2] as string] = filter;
  }
  return out;
}

/** The filter a body (from just after `=>` or the parameters) is, or undefined for any other body. */
function luxonBody(body: string, date: string, formatParam: string | undefined): EleventyDateFilter | undefined {
  const call = String.raw`DateTime\s*\.\s*fromJSDate\(\s*${date}\s*(?:,\s*\{\s*zone\s*:\s*(["'])([\w/+-]+)\1\s*,?\s*\})?\s*\)\s*\.\s*toFormat\(\s*(?:(["'])([^"'\n]*)\3|(\w+)|String\(\s*(\w+)\s*\))\s*,?\s*\)`;
  const guard = String.raw`(?:if\s*\(\s*!\s*${date}\s*\)\s*(?:return\s*(?:""|''|null|undefined)?\s*;?|\{\s*return\s*(?:""|''|null|undefined)?\s*;?\s*\})\s*)?`;
  const asBlock = new RegExp(String.raw`^\{\s*${guard}return\s+${call}\s*;?\s*\}`);
  const asExpression = new RegExp(String.raw`^\(?\s*${call}\s*\)?\s*(?:\)\s*;|;|\)|,|$)`);
  const m = asBlock.exec(body) ?? asExpression.exec(body);
  if (!m) return undefined;
  const zone = m[2];
  const literal = m[4];
  const named = m[5] ?? m[6];
  if (literal === undefined && (named === undefined || named !== formatParam)) return undefined;
  return { ...(literal !== undefined ? { format: literal } : {}), ...(zone ? { zone } : {}) };
}

/** Where an Eleventy site keeps a feed template: its input folder and a `feed/` folder in it. */
const FEED_TEMPLATE_DIRS = ['', 'feed', 'feeds'];
const FEED_TEMPLATE_NAME = /^(?:feed|atom|rss|index)(?:\.(?:xml|json|atom|rss))?\.(?:njk|liquid|11ty\.js|md|html)$/;

/**
 * The `metadata` object of the site's own feed template's front matter (`feed/feed.njk` with
 * `"metadata": { "title": …, "url": …, "author": { "name": … } }`, as Eleventy's base blog wrote
 * it before its global `metadata.json`), with the file it came from.
 */
export function eleventyFeedMetadata(inputDir: string): { file: string; data: Record<string, unknown> } | undefined {
  for (const dir of FEED_TEMPLATE_DIRS) {
    const folder = path.join(inputDir, dir);
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => FEED_TEMPLATE_NAME.test(n)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(folder, name);
      const text = readSmallText(file, LAYOUT_LIMITS.bytes);
      if (!text?.startsWith('---')) continue;
      const fm = splitFrontMatter(text, name);
      const metadata = fm.ok ? fm.data.metadata : undefined;
      if (metadata && typeof metadata === 'object' && !Array.isArray(metadata)) return { file, data: metadata as Record<string, unknown> };
    }
  }
  return undefined;
}

/** The names of collections that gather a site's posts (`collections.posts` in its feed template). */
const POST_COLLECTIONS = ['posts', 'post', 'blog', 'articles', 'blogposts', 'blogPosts', 'writing', 'notes'];

/**
 * The folders the config's posts collection gathers from: `addCollection("posts", (api) =>
 * api.getFilteredByGlob("_posts/**\/*.md"))` gives `_posts` (the glob's fixed part, `./` dropped;
 * Eleventy's globs are relative to the project root). A site moved from Jekyll keeps its posts in
 * `_posts/`, which no Eleventy convention names; the collection says where they are.
 */
export function eleventyCollectionFolders(cfgText: string | undefined): string[] {
  const out: string[] = [];
  if (!cfgText?.includes('getFilteredByGlob')) return out;
  for (const m of cfgText.matchAll(/\baddCollection\(\s*(["'])(\w+)\1\s*,[\s\S]{0,400}?\bgetFilteredByGlob\(\s*\[?\s*(["'`])([^"'`\n]+)\3/g)) {
    if (!POST_COLLECTIONS.includes(m[2] as string)) continue;
    const fixed: string[] = [];
    for (const part of (m[4] as string).replace(/^\.\//, '').split('/')) {
      if (/[*?{}[\]!]/.test(part)) break;
      fixed.push(part);
    }
    // The glob's last fixed part is a file name only when nothing variable follows it.
    if (fixed.length > 0 && fixed.join('/') === (m[4] as string).replace(/^\.\//, '')) fixed.pop();
    if (fixed.length > 0) out.push(fixed.join('/'));
  }
  return out;
}

/** How far after a shortcode function's parameters its body is read (the image call, the returned text). */
const SHORTCODE_BODY_CHARS = 2_000;

/**
 * The shortcodes the config registers that can be rendered from their arguments, read as text,
 * never run (`addShortcode`, `addAsyncShortcode`, `addNunjucksAsyncShortcode`, `addLiquidShortcode`…,
 * the function written inline or declared in the config):
 * - one that only returns a string or a template literal of its parameters
 *   (`addShortcode("filename", (name) => \`<div class="code-filename">${name}</div>\`)`): that
 *   text with the arguments given written in, as Eleventy inserts it into the Markdown;
 * - an image shortcode of Eleventy's own image plugin, as its docs write it: a body that calls
 *   `@11ty/eleventy-img` (`Image(src, …)`, then `Image.generateHTML(metadata, { alt, sizes })`).
 *   `{% image "./img/cat.jpg", "A cat" %}` is then an `<img>` of the source, with the alt text given
 *   (the parameters named `src`/`alt`, else the first two), where the config copies the source's
 *   folder to the site as it is (`addPassthroughCopy("img")`: `/img/cat.jpg`); the plugin's own
 *   resized copies have names only running it tells.
 * Any other shortcode is removed with a warning naming it.
 */
export function eleventyShortcodes(cfgText: string | undefined, input: string): Record<string, SiteShortcode> {
  const out: Record<string, SiteShortcode> = {};
  if (!cfgText?.includes('Shortcode(')) return out;
  const image = (/\b(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*["']@11ty\/eleventy-img["']\s*\)/.exec(cfgText) ?? /\bimport\s+(\w+)\s+from\s+["']@11ty\/eleventy-img["']/.exec(cfgText))?.[1];
  // The plugin writes resized copies under names of its own; the source's URL is known only
  // where the config copies the source's folder as it is.
  const served = image ? passthroughFolders(cfgText, input) : {};
  const inline = String.raw`(?:async\s+)?function\s*\w*\s*\(([^)]*)\)|(?:async\s*)?\(([^)]*)\)\s*=>|(?:async\s+)?(\w+)\s*=>`;
  const head = new RegExp(String.raw`\badd(?:Nunjucks|Liquid|JavaScript)?(?:Async)?Shortcode\(\s*(["'])(\w+)\1\s*,\s*(?:${inline}|(\w+)\s*\))`, 'g');
  for (const m of cfgText.matchAll(head)) {
    let params = m[3] ?? m[4] ?? m[5];
    let body = cfgText.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + SHORTCODE_BODY_CHARS);
    const fn = m[6];
    if (fn) {
      const declared = new RegExp(String.raw`(?:\bfunction\s+${fn}\s*\(([^)]*)\)|\b(?:const|let|var)\s+${fn}\s*=\s*(?:${inline}))`).exec(cfgText);
      if (!declared) continue;
      params = declared[1] ?? declared[2] ?? declared[3] ?? declared[4];
      body = cfgText.slice((declared.index ?? 0) + declared[0].length, (declared.index ?? 0) + declared[0].length + SHORTCODE_BODY_CHARS);
    }
    if (params === undefined) continue;
    const names = params.trim() === '' ? [] : params.split(',').map((p) => p.trim().replace(/\s*=.*$/, ''));
    if (names.some((n) => !/^\w+$/.test(n))) continue;
    const parts = returnedText(body, names);
    if (parts) {
      out[m[2] as string] = { kind: 'fill', parts };
      continue;
    }
    if (!image || Object.keys(served).length === 0 || names.length === 0) continue;
    const src = Math.max(0, names.findIndex((n) => /^(?:src|source|image|img|path|file|url)$/i.test(n)));
    // The plugin reads the source as given (`Image(src, …)`), not a path the function makes of it.
    if (!new RegExp(String.raw`\b${image}\s*\(\s*${names[src]}\s*[,)]`).test(body)) continue;
    const alt = names.findIndex((n) => /^alt(?:text)?$/i.test(n));
    out[m[2] as string] = { kind: 'image', src, ...(alt >= 0 ? { alt } : names.length > 1 && src === 0 ? { alt: 1 } : {}), served };
  }
  return out;
}

/**
 * The text a shortcode function's body (from just after its parameters) returns when that is one
 * string or template literal whose `${}` hold only parameters: its pieces, a parameter as its
 * position. Undefined for anything computed (`String(new Date().getFullYear())`, a call, a
 * condition, a literal joined to something).
 */
export function returnedText(body: string, params: string[]): Array<string | number> | undefined {
  const gap = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/;
  let rest = body.replace(gap, '');
  const block = rest.startsWith('{');
  if (block) {
    rest = rest.slice(1).replace(gap, '');
    if (!/^return\b/.test(rest)) return undefined;
    rest = rest.slice('return'.length).replace(gap, '');
  }
  const literal = stringLiteral(rest, params);
  if (!literal) return undefined;
  rest = rest.slice(literal.length).replace(gap, '');
  if (block) return /^;?(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*\}/.test(rest) ? literal.parts : undefined;
  return /^[),;]/.test(rest) ? literal.parts : undefined;
}

/** A JavaScript string or template literal at the start of `text`: its pieces and its length in the source. */
function stringLiteral(text: string, params: string[]): { parts: Array<string | number>; length: number } | undefined {
  const quote = text[0];
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  const parts: Array<string | number> = [];
  const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '`': '`', $: '$', '\n': '' };
  let piece = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i] as string;
    if (c === quote) {
      if (piece) parts.push(piece);
      return { parts, length: i + 1 };
    }
    if (c === '\\') {
      const escaped = ESCAPES[text[i + 1] ?? ''];
      if (escaped === undefined) return undefined;
      piece += escaped;
      i++;
    } else if (quote === '`' && c === '$' && text[i + 1] === '{') {
      const close = text.indexOf('}', i);
      const at = params.indexOf(text.slice(i + 2, close).trim());
      if (close < 0 || at < 0) return undefined;
      if (piece) parts.push(piece);
      piece = '';
      parts.push(at);
      i = close;
    } else if (c === '\n' && quote !== '`') return undefined;
    else piece += c;
  }
  return undefined;
}

/**
 * The folders the config copies to the site as they are, from the project's root to their URL
 * path: `addPassthroughCopy("src/img")` (inside the input folder `src`: served at `img`),
 * `addPassthroughCopy({ "assets/photos": "photos" })`. Globs and computed paths are left out.
 */
export function passthroughFolders(cfgText: string, input: string): Record<string, string> {
  const out: Record<string, string> = {};
  const inputDir = input.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
  const clean = (p: string): string | undefined => {
    const rel = p.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
    return rel && !/[*?{}[\]]/.test(rel) && !rel.split('/').includes('..') ? rel : undefined;
  };
  for (const m of cfgText.matchAll(/\baddPassthroughCopy\(\s*(?:(["'`])([^"'`\n]+)\1|\{([^{}]*)\})/g)) {
    if (m[2] !== undefined) {
      const from = clean(m[2]);
      if (from) out[from] = inputDir && inputDir !== '.' && from.startsWith(`${inputDir}/`) ? from.slice(inputDir.length + 1) : from;
    } else {
      for (const pair of (m[3] as string).matchAll(/(["'])([^"'\n]+)\1\s*:\s*(["'])([^"'\n]*)\3/g)) {
        const from = clean(pair[2] as string);
        const to = (pair[4] as string).replace(/^(?:\.\/)+|^\/+/, '').replace(/\/+$/, '');
        if (from) out[from] = to;
      }
    }
  }
  return out;
}
