/**
 * Pelican: its settings are a Python module (`pelicanconf.py`, and `publishconf.py`, which imports
 * it and sets the production `SITEURL`). feedwright never runs it: it reads the top-level
 * assignments of literals (`NAME = 'text'`, `True`/`False`, a list or tuple of strings), the last
 * one of a name winning, as Python's would. A value that is code (`FEED_DOMAIN = SITEURL`) is
 * not read, and Pelican's default applies.
 *
 * The link (Pelican's contents.py, `url_format`): `ARTICLE_URL` (default `{slug}.html`) formatted
 * with the article's metadata, `{category}` and `{author}` being their slugs, `{date:%Y}` its date
 * through strftime; relative to `SITEURL`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isFolder, readSmallText } from '../util/fs.js';
import type { LinkInput, LinkResult } from './permalink.js';
import type { SiteInfo } from './model.js';

export const PELICAN_CONFIGS = ['pelicanconf.py'] as const;

/** What the link rule needs of a Pelican site's settings (SiteInfo.pelican). */
export interface PelicanSettings {
  /** ARTICLE_URL. */
  articleUrl: string;
  /** PAGE_PATHS (pages, not articles) and STATIC_PATHS, relative to PATH. */
  excluded: string[];
  /** ARTICLE_PATHS relative to PATH ('' = everything). */
  articlePaths: string[];
  useFolderAsCategory: boolean;
  defaultCategory: string;
  /** FILENAME_METADATA, a Python regular expression matched at the start of the file's name (without extension). */
  filenameMetadata: string;
  /** SLUGIFY_SOURCE: the slug is made from the title, or from the file's name. */
  slugifySource: 'title' | 'basename';
  /** SLUG_REGEX_SUBSTITUTIONS when the settings set them as literals, SLUGIFY_USE_UNICODE, SLUGIFY_PRESERVE_CASE. */
  slug: { substitutions?: Array<[string, string]>; useUnicode: boolean; preserveCase: boolean };
  /** DEFAULT_LANG, for `{lang}`. */
  defaultLang: string;
  /** AUTHOR, for `{author}` when an article names none. */
  author?: string;
}

type Literal = string | boolean | string[];

/** Bound: a settings file larger than this is not read (real ones are a few kilobytes). */
const MAX_SETTINGS_CHARS = 256 * 1024;

/** A Python string literal: an optional u/r/b prefix, single or double quotes, on one line. */
const STRING = /^([uUrRbB]{0,2})(['"])((?:\\.|(?!\2)[^\\])*)\2/;

function pythonString(text: string): { value: string; rest: string } | undefined {
  const m = STRING.exec(text);
  if (!m) return undefined;
  const raw = /r/i.test(m[1] as string);
  const body = m[3] as string;
  const value = raw ? body : body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  return { value, rest: text.slice(m[0].length) };
}

/** One assignment's value, when it is a literal: a string, True/False, or a one-line list or tuple of strings. */
function pythonLiteral(text: string): Literal | undefined {
  const t = text.replace(/\s+#.*$/, '').trim();
  if (t === 'True') return true;
  if (t === 'False') return false;
  const s = pythonString(t);
  if (s) return s.rest.trim() === '' ? s.value : undefined;
  const list = /^[[(](.*)[\])]$/.exec(t);
  if (!list) return undefined;
  const out: string[] = [];
  let rest = (list[1] as string).trim();
  // Bound: one string per pass, and each pass shortens `rest`.
  while (rest) {
    const item = pythonString(rest);
    if (!item) return undefined;
    out.push(item.value);
    rest = item.rest.replace(/^\s*,?\s*/, '');
  }
  return out;
}

/** The literal top-level assignments of a Python settings file (`NAME = value`), the last of a name winning. */
export function pythonSettings(text: string): Map<string, Literal> {
  const out = new Map<string, Literal>();
  for (const line of text.slice(0, MAX_SETTINGS_CHARS).split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)\s*=\s*(.+?)\s*$/.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    const value = pythonLiteral(m[2] as string);
    if (value === undefined) out.delete(m[1] as string);
    else out.set(m[1] as string, value);
  }
  return out;
}

/** A setting by its name in lower case (Pelican's names are upper case: `setting(s, 'article_url')` is `ARTICLE_URL`). */
const setting = (settings: Map<string, Literal>, name: string): Literal | undefined => settings.get(name.toUpperCase());
const str = (v: Literal | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: Literal | undefined): string[] | undefined => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : undefined);
const folder = (p: string): string => p.replace(/^\.\/|\/+$/g, '').replace(/^\.$/, '');

/** A Pelican site's settings, as feedwright reads them; undefined without a pelicanconf.py. */
export function pelicanSite(root: string): { settings: PelicanSettings; file: string; siteUrl?: string; title?: string; description?: string; author?: string; language?: string; timezone?: string; contentDir: string; output: string } | undefined {
  const conf = readSmallText(path.join(root, 'pelicanconf.py'), MAX_SETTINGS_CHARS);
  if (conf === undefined) return undefined;
  const s = pythonSettings(conf);
  // publishconf.py (`from pelicanconf import *`) sets the URL the site is published at.
  const publish = pythonSettings(readSmallText(path.join(root, 'publishconf.py'), MAX_SETTINGS_CHARS) ?? '');
  const siteUrl = str(setting(publish, 'siteurl')) || str(setting(s, 'siteurl')) || undefined;
  const pagePaths = list(setting(s, 'page_paths')) ?? ['pages'];
  const staticPaths = list(setting(s, 'static_paths')) ?? ['images'];
  const slugifySource = str(setting(s, 'slugify_source')) === 'basename' ? 'basename' : 'title';
  const author = str(setting(s, 'author'));
  const subs = pythonPairs(conf, 'SLUG_REGEX_SUBSTITUTIONS');
  const settings: PelicanSettings = {
    articleUrl: str(setting(s, 'article_url')) ?? '{slug}.html',
    excluded: [...pagePaths, ...staticPaths].map(folder).filter(Boolean),
    articlePaths: (list(setting(s, 'article_paths')) ?? ['']).map(folder),
    useFolderAsCategory: setting(s, 'use_folder_as_category') !== false,
    defaultCategory: str(setting(s, 'default_category')) ?? 'misc',
    filenameMetadata: str(setting(s, 'filename_metadata')) ?? '(?P<date>\\d{4}-\\d{2}-\\d{2}).*',
    slugifySource,
    slug: {
      ...(subs ? { substitutions: subs } : {}),
      useUnicode: setting(s, 'slugify_use_unicode') === true,
      preserveCase: setting(s, 'slugify_preserve_case') === true,
    },
    defaultLang: str(setting(s, 'default_lang')) ?? 'en',
    ...(author ? { author } : {}),
  };
  return {
    settings,
    file: 'pelicanconf.py',
    ...(siteUrl ? { siteUrl } : {}),
    ...optional('title', str(setting(s, 'sitename'))),
    ...optional('description', str(setting(s, 'sitesubtitle'))),
    ...optional('author', author),
    ...optional('language', str(setting(s, 'default_lang'))),
    ...optional('timezone', str(setting(s, 'timezone'))),
    // Pelican's PATH defaults to the folder it runs in; its quickstart writes `PATH = 'content'`, or
    // leaves it to the Makefile it writes, which runs `pelican $(INPUTDIR)` with `INPUTDIR=$(BASEDIR)/content`.
    // A site whose settings come from elsewhere (read from YAML by code) is built as Pelican's docs
    // build one, `pelican content`: its `content/` folder when it has one.
    contentDir: folder(str(setting(s, 'path')) ?? makefileInput(root) ?? (isFolder(path.join(root, 'content')) ? 'content' : '.')),
    output: folder(str(setting(s, 'output_path')) ?? 'output') || 'output',
  };
}

/** The folder a pelican-quickstart Makefile passes to pelican (`INPUTDIR=$(BASEDIR)/content`), when it is there. */
function makefileInput(root: string): string | undefined {
  const makefile = readSmallText(path.join(root, 'Makefile'), MAX_SETTINGS_CHARS);
  const m = makefile ? /^INPUTDIR\s*:?=\s*\$[({]BASEDIR[)}]\/([\w./-]+?)\/?\s*$/m.exec(makefile) : null;
  const dir = m?.[1];
  return dir && !dir.split('/').includes('..') && existsSync(path.join(root, dir)) ? dir : undefined;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

/** A regular-expression substitution of Pelican's slugify (SLUG_REGEX_SUBSTITUTIONS), as JavaScript. */
export interface SlugSubstitution {
  pattern: RegExp;
  replacement: string;
}

/** How Pelican makes slugs (SLUG_REGEX_SUBSTITUTIONS, SLUGIFY_USE_UNICODE, SLUGIFY_PRESERVE_CASE). */
export interface PelicanSlugRules {
  substitutions: SlugSubstitution[];
  useUnicode: boolean;
  preserveCase: boolean;
}

/** Python's `(?u)\A\s*` and the like as a JavaScript RegExp, or undefined when it uses what JavaScript lacks. */
export function pythonRegExp(source: string, unicodeWords: boolean): RegExp | undefined {
  if (source.length > 1000) return undefined;
  // Pelican applies each with re.IGNORECASE.
  let flags = 'giu';
  let body = source.replace(/^\(\?([aiLmsux]+)\)/, (_, f: string) => {
    if (f.includes('m')) flags += 'm';
    if (f.includes('s')) flags += 's';
    return '';
  });
  // Python's \w and \d match any script's letters and digits in a str pattern; JavaScript's, ASCII only.
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '\\') {
      const next = body[i + 1] ?? '';
      i++;
      if (next === 'A') out += '^';
      else if (next === 'Z') out += '$';
      else if (unicodeWords && next === 'w') out += inClass ? '\\p{L}\\p{N}\\p{M}_' : '[\\p{L}\\p{N}\\p{M}_]';
      else if (unicodeWords && next === 'W' && !inClass) out += '[^\\p{L}\\p{N}\\p{M}_]';
      else out += `\\${next}`;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  body = out.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  try {
    return new RegExp(body, flags);
  } catch {
    return undefined;
  }
}

/** A Python replacement string (`\1`, `\g<name>`) as JavaScript's (`$1`, `$<name>`). */
const pythonReplacement = (r: string): string =>
  r.replace(/\$/g, '$$$$').replace(/\\(?:(\d+)|g<(\w+)>|(.))/g, (_, n: string | undefined, g: string | undefined, c: string | undefined) => (n ? `$${n}` : g ? (/^\d+$/.test(g) ? `$${g}` : `$<${g}>`) : c === 'n' ? '\n' : (c ?? '')));

/** Pelican's default SLUG_REGEX_SUBSTITUTIONS (pelican/settings.py). */
export const DEFAULT_SLUG_SUBSTITUTIONS: ReadonlyArray<readonly [string, string]> = [
  ['[^\\w\\s-]', ''], // remove non-alphabetical/whitespace/'-' chars
  ['(?u)\\A\\s*', ''], // strip leading whitespace
  ['(?u)\\s*\\Z', ''], // strip trailing whitespace
  ['[-\\s]+', '-'], // reduce multiple whitespace or '-' to single '-'
];

/** Substitutions as JavaScript; undefined when one of them cannot be (Pelican's default then applies). */
export function slugSubstitutions(pairs: ReadonlyArray<readonly [string, string]>, useUnicode: boolean): SlugSubstitution[] | undefined {
  const out: SlugSubstitution[] = [];
  for (const [src, dst] of pairs) {
    const pattern = pythonRegExp(src.normalize('NFKC'), useUnicode);
    if (!pattern) return undefined;
    out.push({ pattern, replacement: pythonReplacement(dst.normalize('NFKC')) });
  }
  return out;
}

const DEFAULT_RULES: PelicanSlugRules = { substitutions: slugSubstitutions(DEFAULT_SLUG_SUBSTITUTIONS, false) ?? [], useUnicode: false, preserveCase: false };
const siteRules = new WeakMap<PelicanSettings, PelicanSlugRules>();

/** A site's slug rules, made once per settings object; substitutions JavaScript cannot run leave Pelican's default. */
function slugRules(s: PelicanSettings): PelicanSlugRules {
  let rules = siteRules.get(s);
  if (!rules) {
    const { useUnicode, preserveCase } = s.slug;
    const substitutions = slugSubstitutions(s.slug.substitutions ?? DEFAULT_SLUG_SUBSTITUTIONS, useUnicode) ?? slugSubstitutions(DEFAULT_SLUG_SUBSTITUTIONS, useUnicode) ?? [];
    rules = { substitutions, useUnicode, preserveCase };
    siteRules.set(s, rules);
  }
  return rules;
}

type Transliterate = (text: string) => string;
let unidecodeModule: Transliterate | undefined;

/** Kana, whose syllables Python's unidecode writes in Hepburn (shi, chi, tsu) and npm's unidecode in Kunrei (si, ti, tu). */
const KANA = /[\u3040-\u30ff\u31f0-\u31ff\u32d0-\u32fe\u3300-\u3357\uff66-\uff9d]/;

/**
 * Python's unidecode (which Pelican's slugify calls) for one character, from npm's `unidecode`:
 * both port the tables of Perl's Text::Unidecode. npm's writes an unknown character `[?]` and
 * escapes some (`\\@`) where Python's writes nothing and the character; kana as above. Measured
 * (docs/BENCHMARKS.md, r22-sites): the slug of each BMP character agrees with Python's
 * unidecode 1.3.6 for 99.67%, and of 4032 real non-Latin titles for all.
 * The module and its tables (one file per 256 code points) load on the first non-ASCII character.
 */
function transliterateChar(c: string): string {
  unidecodeModule ??= createRequire(import.meta.url)('unidecode') as Transliterate;
  const r = unidecodeModule(c);
  if (r.includes('[?]')) return '';
  const s = r.replace(/\\(.)/g, '$1');
  return KANA.test(c) ? s.replace(/si/g, 'shi').replace(/ti/g, 'chi').replace(/tu/g, 'tsu') : s;
}

/** Python's unidecode: ASCII as it is, every other character transliterated. */
export function unidecode(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  let out = '';
  for (const c of text) out += c.charCodeAt(0) < 0x80 ? c : transliterateChar(c);
  return out;
}

/**
 * Pelican's slugify (pelican/utils.py): tags stripped, NFKC, transliterated to ASCII by unidecode
 * (unless SLUGIFY_USE_UNICODE), SLUG_REGEX_SUBSTITUTIONS applied in order ignoring case (by
 * default: characters other than word characters, spaces and hyphens removed, the ends trimmed,
 * runs of spaces and hyphens one "-"), lower case (unless SLUGIFY_PRESERVE_CASE), trimmed.
 */
export function pelicanSlugify(value: string, rules: PelicanSlugRules = DEFAULT_RULES): string {
  let v = value.replace(/<[^>]*>/g, '').normalize('NFKC');
  if (!rules.useUnicode) v = unidecode(v);
  for (const { pattern, replacement } of rules.substitutions) v = v.replace(pattern, replacement);
  if (!rules.preserveCase) v = v.toLowerCase();
  return v.trim();
}

/**
 * SLUG_REGEX_SUBSTITUTIONS as written in a settings file: a list of (pattern, replacement) tuples
 * of string literals, over several lines; undefined when it is not there or not only literals.
 */
export function pythonPairs(text: string, name: string): Array<[string, string]> | undefined {
  const starts = [...text.slice(0, MAX_SETTINGS_CHARS).matchAll(new RegExp(`^${name}\\s*=\\s*\\[`, 'gm'))];
  const start = starts[starts.length - 1];
  if (!start) return undefined;
  let rest = text.slice((start.index ?? 0) + start[0].length, (start.index ?? 0) + 64 * 1024);
  const pairs: Array<[string, string]> = [];
  let tuple: string[] | undefined;
  // Bound: each pass consumes at least one character of `rest` (at most 64 KB).
  while (rest) {
    const skip = /^(?:\s|,|#[^\n]*)+/.exec(rest);
    if (skip) {
      rest = rest.slice(skip[0].length);
      continue;
    }
    const c = rest[0];
    if (c === ']') return tuple ? undefined : pairs;
    if (c === '(' && !tuple) {
      tuple = [];
      rest = rest.slice(1);
    } else if (c === ')' && tuple) {
      if (tuple.length !== 2) return undefined;
      pairs.push([tuple[0] as string, tuple[1] as string]);
      tuple = undefined;
      rest = rest.slice(1);
    } else {
      const s = tuple ? pythonString(rest) : undefined;
      if (!s || !tuple) return undefined;
      tuple.push(s.value);
      rest = s.rest;
    }
  }
  return undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Python's strftime for the directives URLs use; others are left as written. */
function strftime(format: string, p: Record<string, string>): string {
  const month = Number(p.month) - 1;
  const day = Number(p.weekday);
  const map: Record<string, string | undefined> = {
    Y: p.year,
    y: p.short_year,
    m: p.month,
    d: p.day,
    H: p.hour,
    M: p.minute,
    S: p.second,
    j: p.y_day,
    B: MONTHS[month],
    b: MONTHS[month]?.slice(0, 3),
    A: DAYS[day],
    a: DAYS[day]?.slice(0, 3),
    '%': '%',
  };
  return format.replace(/%([a-zA-Z%])/g, (whole, c: string) => map[c] ?? whole);
}

/** FILENAME_METADATA's named groups for a file's name (Python's `re.match`: anchored at the start). */
function fileNameMetadata(pattern: string, stem: string): Record<string, string> {
  try {
    const re = new RegExp(`^(?:${pattern.replace(/\(\?P</g, '(?<')})`, 'u');
    const groups = re.exec(stem)?.groups ?? {};
    return Object.fromEntries(Object.entries(groups).flatMap(([k, v]) => (v === undefined ? [] : [[k.toLowerCase(), v]])));
  } catch {
    return {};
  }
}

/**
 * An article's link on a Pelican site: pages (PAGE_PATHS) and static files are no articles; a
 * `url` in its metadata wins; else ARTICLE_URL with `{slug}` (metadata `slug`, FILENAME_METADATA's
 * `slug` group, else the title, or the file's name with SLUGIFY_SOURCE = 'basename', slugified),
 * `{category}` (metadata `category`, else the folder it is in with USE_FOLDER_AS_CATEGORY, else
 * DEFAULT_CATEGORY; slugified), `{date:FORMAT}`, `{lang}`, `{author}` and any other metadata key.
 */
export function pelicanLink(site: SiteInfo, input: LinkInput, dateParts: Record<string, string>): LinkResult {
  const s = site.pelican;
  if (!s) return { skip: 'a Pelican site whose settings were not read' };
  const parts = input.contentPath.split('/').filter(Boolean);
  const file = parts.pop() ?? '';
  const stem = file.replace(/\.[^.]+$/, '');
  const rel = parts.join('/');
  const under = (p: string) => p === '' || rel === p || rel.startsWith(`${p}/`);
  const excluded = s.excluded.find((p) => under(p));
  if (excluded !== undefined) return { skip: `a Pelican page or static file (in ${excluded}/: PAGE_PATHS, STATIC_PATHS)` };
  if (!s.articlePaths.some(under)) return { skip: `a file outside Pelican's ARTICLE_PATHS (${s.articlePaths.join(', ')})` };
  const fm = input.fm;
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
  const own = text(fm.url);
  if (own) return { path: `/${own.replace(/^\/+/, '')}`, rule: 'pelican: metadata url' };
  const fromName = fileNameMetadata(s.filenameMetadata, stem);
  const rules = slugRules(s);
  const slug = text(fm.slug) ?? fromName.slug ?? pelicanSlugify(s.slugifySource === 'basename' ? stem : input.title, rules);
  const folderCategory = s.useFolderAsCategory && parts.length > 0 ? parts[parts.length - 1] : undefined;
  const category = pelicanSlugify(text(fm.category) ?? fromName.category ?? folderCategory ?? s.defaultCategory, rules);
  const authors = Array.isArray(fm.authors) ? fm.authors : [fm.author ?? fm.authors];
  const author = text(authors[0]) ?? s.author ?? '';
  const values: Record<string, string> = { slug, category, lang: text(fm.lang) ?? s.defaultLang, author: pelicanSlugify(author, rules) };
  const unknown: string[] = [];
  const made = s.articleUrl.replace(/\{(\w+)(?::([^}]*))?\}/g, (whole, name: string, format: string | undefined) => {
    if (name === 'date') return format ? strftime(format, dateParts) : `${dateParts.year}-${dateParts.month}-${dateParts.day} ${dateParts.hour}:${dateParts.minute}:${dateParts.second}`;
    const v = values[name] ?? text(fm[name]);
    if (v === undefined) unknown.push(whole);
    return v ?? whole;
  });
  return { path: `/${made.replace(/^\/+/, '')}`, rule: `pelican ARTICLE_URL ${s.articleUrl}${unknown.length > 0 ? ` (no value for ${unknown.join(', ')})` : ''}` };
}
