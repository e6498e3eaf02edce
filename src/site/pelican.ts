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
import path from 'node:path';
import { readSmallText } from '../util/fs.js';
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
  const settings: PelicanSettings = {
    articleUrl: str(setting(s, 'article_url')) ?? '{slug}.html',
    excluded: [...pagePaths, ...staticPaths].map(folder).filter(Boolean),
    articlePaths: (list(setting(s, 'article_paths')) ?? ['']).map(folder),
    useFolderAsCategory: setting(s, 'use_folder_as_category') !== false,
    defaultCategory: str(setting(s, 'default_category')) ?? 'misc',
    filenameMetadata: str(setting(s, 'filename_metadata')) ?? '(?P<date>\\d{4}-\\d{2}-\\d{2}).*',
    slugifySource,
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
    contentDir: folder(str(setting(s, 'path')) ?? makefileInput(root) ?? '.'),
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

/**
 * Pelican's slugify with its default SLUG_REGEX_SUBSTITUTIONS: transliterated to ASCII (accents
 * dropped here; unidecode would also transliterate other scripts), characters other than word
 * characters, spaces and hyphens removed, runs of spaces and hyphens one "-", lower case.
 */
export function pelicanSlugify(value: string): string {
  const ascii = value.normalize('NFKD').replace(/\p{M}/gu, '');
  return ascii
    .replace(/[^\p{L}\p{N}_\s-]/gu, '')
    .trim()
    .replace(/[-\s]+/g, '-')
    .toLowerCase();
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
  const slug = text(fm.slug) ?? fromName.slug ?? pelicanSlugify(s.slugifySource === 'basename' ? stem : input.title);
  const folderCategory = s.useFolderAsCategory && parts.length > 0 ? parts[parts.length - 1] : undefined;
  const category = pelicanSlugify(text(fm.category) ?? fromName.category ?? folderCategory ?? s.defaultCategory);
  const authors = Array.isArray(fm.authors) ? fm.authors : [fm.author ?? fm.authors];
  const author = text(authors[0]) ?? s.author ?? '';
  const values: Record<string, string> = { slug, category, lang: text(fm.lang) ?? s.defaultLang, author: pelicanSlugify(author) };
  const unknown: string[] = [];
  const made = s.articleUrl.replace(/\{(\w+)(?::([^}]*))?\}/g, (whole, name: string, format: string | undefined) => {
    if (name === 'date') return format ? strftime(format, dateParts) : `${dateParts.year}-${dateParts.month}-${dateParts.day} ${dateParts.hour}:${dateParts.minute}:${dateParts.second}`;
    const v = values[name] ?? text(fm[name]);
    if (v === undefined) unknown.push(whole);
    return v ?? whole;
  });
  return { path: `/${made.replace(/^\/+/, '')}`, rule: `pelican ARTICLE_URL ${s.articleUrl}${unknown.length > 0 ? ` (no value for ${unknown.join(', ')})` : ''}` };
}
