import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { tz } from '@date-fns/tz';
import { FeedwrightError } from '../errors.js';
import { parsePerson } from '../meta/people.js';
import type { Person } from '../model.js';
import { DEFAULT_FALLBACK_ENCODING, encodingName } from '../sources/encoding.js';
import { didYouMean, isLanguageTag } from '../util/text.js';
import { MAPPABLE_FIELDS, type MappableField } from '../meta/fields.js';
import { PRESETS, type Preset } from '../site/model.js';
import { findDuplicateKey } from './duplicate-keys.js';
import { DEFAULT_LIMIT, DEFAULT_PRECEDENCE, type FeedwrightConfig, PRECEDENCE_SOURCES } from './schema.js';
import { compileUserPattern } from '../extract/patterns.js';

export const CONFIG_FILE = 'feedwright.config.json';

/** The keys a config file may hold, with a one-line description for errors and `init`. */
export const CONFIG_KEYS = [
  'title',
  'description',
  'link',
  'language',
  'author',
  'timezone',
  'fallbackEncoding',
  'limit',
  'articles',
  'out',
  'feedUrl',
  'itemBase',
  'summaryLength',
  'future',
  'git',
  'clean',
  'precedence',
  'allowIframes',
  'followExternalLinks',
  'files',
  'feeds',
  'archive',
  'hubs',
  'stylesheet',
  'index',
  'cache',
  'preset',
  'site',
  'permalinks',
  'ids',
  'keys',
  '$schema',
] as const;

export interface LoadedConfig {
  config: FeedwrightConfig;
  /** The file it came from, or undefined when built from defaults. */
  file: string | undefined;
  /** Folder that relative paths are resolved against. */
  root: string;
}

/**
 * Find and load the configuration: `explicit` if given (must exist), else `feedwright.config.json`
 * in `cwd`, else defaults. Throws FeedwrightError('CONFIG_*') with the file and what to do.
 */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  const file = explicit ? path.resolve(cwd, explicit) : path.join(cwd, CONFIG_FILE);
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) {
      return { config: resolveConfig({}, CONFIG_FILE), file: undefined, root: cwd };
    }
    if (code === 'EISDIR' || (code === undefined && statSync(file).isDirectory())) {
      throw new FeedwrightError('CONFIG_INVALID', `${rel(cwd, file)} is a folder, not a config file.`, 'Pass the path of a JSON file to --config.');
    }
    throw new FeedwrightError(
      'CONFIG_NOT_FOUND',
      `Cannot read the config file ${rel(cwd, file)} (${code ?? 'unknown error'}).`,
      'Check the path given to --config, or run `feedwright init` to write one.',
      rel(cwd, file),
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const { line, column } = jsonErrorPosition(text, error as Error);
    throw new FeedwrightError(
      'CONFIG_INVALID',
      `${rel(cwd, file)}:${line}:${column} is not valid JSON: ${(error as Error).message}.`,
      'Fix the JSON syntax (no comments or trailing commas in feedwright.config.json).',
      rel(cwd, file),
      line,
    );
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate) {
    throw new FeedwrightError(
      'CONFIG_INVALID',
      `${rel(cwd, file)}:${duplicate.line}:${duplicate.column}: the key "${duplicate.path}" appears twice (first on line ${duplicate.firstLine}); JSON would silently keep the last value.`,
      'Remove one of the two.',
      rel(cwd, file),
      duplicate.line,
    );
  }
  return { config: resolveConfig(raw, rel(cwd, file), text), file, root: path.dirname(file) };
}

function rel(cwd: string, file: string): string {
  const r = path.relative(cwd, file);
  return r && !r.startsWith('..') ? r : file;
}

function jsonErrorPosition(text: string, error: Error): { line: number; column: number } {
  const m = /position (\d+)/.exec(error.message);
  const offset = m ? Number(m[1]) : 0;
  return lineColumn(text, offset);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** The 1-based line of `"key"` in the config text, for pointing errors at it. */
function keyLine(text: string | undefined, key: string): number | undefined {
  if (!text) return undefined;
  const i = text.indexOf(`"${key}"`);
  return i < 0 ? undefined : lineColumn(text, i).line;
}

/**
 * Validate a parsed config object and apply defaults. Exported for the library API and tests.
 * @param raw the parsed JSON (unknown: it is narrowed here)
 * @param file name used in error messages
 */
export function resolveConfig(raw: unknown, file = CONFIG_FILE, text?: string): FeedwrightConfig {
  const fail = (key: string, message: string, hint: string): never => {
    const line = keyLine(text, key);
    throw new FeedwrightError('CONFIG_INVALID', `${file}${line ? `:${line}` : ''}: ${message}`, hint, file, line);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('', 'the config must be a JSON object.', 'Write `{ "title": "...", "link": "https://..." }`.');
  }
  const o = raw as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const guess = didYouMean(key, CONFIG_KEYS);
      fail(key, `unknown key "${key}".`, guess ? `Did you mean "${guess}"?` : `Known keys: ${CONFIG_KEYS.join(', ')}.`);
    }
  }
  const str = (key: string, fallback: string): string => {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'string') return fail(key, `"${key}" must be a string, not ${typeName(v)}.`, `Write "${key}": "..." .`);
    return v;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') return fail(key, `"${key}" must be true or false, not ${typeName(v)}.`, `Write "${key}": true or false.`);
    return v;
  };
  const absUrl = (key: string, value: string): string => {
    let u: URL;
    try {
      u = new URL(value);
    } catch {
      return fail(key, `"${key}" is "${value}", which is not an absolute URL.`, 'Use a full URL such as "https://example.com/".');
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') {
      return fail(key, `"${key}" must be an http(s) URL, not ${u.protocol}.`, 'Use a full URL such as "https://example.com/".');
    }
    return u.href;
  };

  const link = absUrl('link', str('link', 'https://example.com/'));
  const timezone = str('timezone', 'UTC');
  if (!isValidTimeZone(timezone)) {
    fail('timezone', `"timezone" is "${timezone}", which is not an IANA time zone.`, 'Use a name such as "UTC", "Europe/Madrid" or "America/Mexico_City".');
  }
  const fallbackEncoding = str('fallbackEncoding', DEFAULT_FALLBACK_ENCODING);
  if (encodingName(fallbackEncoding) === undefined) {
    fail('fallbackEncoding', `"fallbackEncoding" is "${fallbackEncoding}", which is not an encoding label Node's TextDecoder knows.`, 'Use a WHATWG label such as "windows-1252", "iso-8859-2" or "shift_jis".');
  }
  const language = str('language', 'en');
  if (!isLanguageTag(language)) {
    fail('language', `"language" is "${language}", which is not a language tag.`, 'Use a BCP 47 tag such as "en" or "pt-BR".');
  }
  const int = (key: string, fallback: number, min: number): number => {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      return fail(key, `"${key}" must be a whole number ≥ ${min}, not ${JSON.stringify(v)}.`, `Write "${key}": ${fallback}.`);
    }
    return v;
  };

  let author: Person = { name: 'Unknown author' };
  if (o.author !== undefined) {
    const p = parsePerson(o.author);
    if (!p) fail('author', '"author" must be a name, "Name <email> (url)", or { "name": ..., "email"?: ..., "url"?: ... }.', 'Write "author": { "name": "Jane Doe" }.');
    else author = p;
  }

  const future = str('future', 'hold');
  if (future !== 'hold' && future !== 'include') fail('future', `"future" must be "hold" or "include", not "${future}".`, 'Write "future": "hold".');

  const clean = { drop: [] as string[], keep: [] as string[] };
  if (o.clean !== undefined) {
    if (typeof o.clean !== 'object' || o.clean === null || Array.isArray(o.clean)) {
      fail('clean', '"clean" must be an object with "drop" and/or "keep" lists of regular expressions.', 'Write "clean": { "drop": ["^Sponsored"] }.');
    }
    const c = o.clean as Record<string, unknown>;
    for (const k of Object.keys(c)) {
      if (k !== 'drop' && k !== 'keep') fail('clean', `unknown key "clean.${k}".`, 'Only "clean.drop" and "clean.keep" exist.');
    }
    for (const k of ['drop', 'keep'] as const) {
      const list = c[k];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
        fail('clean', `"clean.${k}" must be a list of strings.`, `Write "clean": { "${k}": ["pattern"] }.`);
      }
      for (const [i, pattern] of (list as string[]).entries()) {
        // Run by a linear-time engine (src/extract/patterns.ts); what it cannot run is refused here.
        const compiled = compileUserPattern(pattern);
        if (!compiled.ok) fail('clean', `"clean.${k}[${i}]" ${compiled.reason}`, compiled.hint);
        clean[k].push(pattern);
      }
    }
  }

  const precedence = { ...DEFAULT_PRECEDENCE };
  if (o.precedence !== undefined) {
    if (typeof o.precedence !== 'object' || o.precedence === null || Array.isArray(o.precedence)) {
      fail('precedence', '"precedence" must be an object of lists.', 'See README, "Metadata precedence".');
    }
    const p = o.precedence as Record<string, unknown>;
    for (const [field, list] of Object.entries(p)) {
      // Each field's own sources (PRECEDENCE_SOURCES): "title": ["mtime"] is refused, as its type says.
      const allowed = (PRECEDENCE_SOURCES as unknown as Record<string, readonly string[]>)[field];
      if (!allowed) fail('precedence', `unknown field "precedence.${field}".`, `Fields: ${Object.keys(DEFAULT_PRECEDENCE).join(', ')}.`);
      const allowedSources = new Set(allowed ?? []);
      if (!Array.isArray(list) || list.length === 0 || list.some((x) => typeof x !== 'string' || !allowedSources.has(x))) {
        fail('precedence', `"precedence.${field}" must be a non-empty list drawn from ${[...allowedSources].join(', ')}.`, 'See README, "Metadata precedence".');
      }
      (precedence as Record<string, unknown>)[field] = list;
    }
  }

  const files = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };
  if (o.files !== undefined) {
    if (typeof o.files !== 'object' || o.files === null || Array.isArray(o.files)) fail('files', '"files" must be an object.', 'Write "files": { "rss": "rss.xml" }.');
    for (const [k, v] of Object.entries(o.files as Record<string, unknown>)) {
      if (!(k in files)) fail('files', `unknown key "files.${k}".`, 'Keys: rss, atom, json.');
      if (typeof v !== 'string' || !/^[\w.-]+$/.test(v) || v.startsWith('.')) fail('files', `"files.${k}" must be a plain file name.`, 'Use a name like "rss.xml" (no folders).');
      files[k as keyof typeof files] = v as string;
    }
  }

  const feeds = { tags: false, authors: false };
  if (o.feeds !== undefined) {
    if (typeof o.feeds !== 'object' || o.feeds === null || Array.isArray(o.feeds)) fail('feeds', '"feeds" must be an object.', 'Write "feeds": { "tags": true, "authors": true }.');
    for (const [k, v] of Object.entries(o.feeds as Record<string, unknown>)) {
      if (k !== 'tags' && k !== 'authors') fail('feeds', `unknown key "feeds.${k}".`, 'Keys: tags, authors.');
      if (typeof v !== 'boolean') fail('feeds', `"feeds.${k}" must be true or false.`, `Write "feeds": { "${k}": true }.`);
      feeds[k as 'tags' | 'authors'] = v as boolean;
    }
  }
  let hubs: string[] = [];
  if (o.hubs !== undefined) {
    const list = typeof o.hubs === 'string' ? [o.hubs] : o.hubs;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string'))
      fail('hubs', '"hubs" must be a URL or a list of URLs.', 'Write "hubs": ["https://pubsubhubbub.appspot.com/"].');
    hubs = (list as string[]).map((h) => absUrl('hubs', h));
  }
  let cache: string | false = 'node_modules/.cache/feedwright';
  if (o.cache !== undefined) {
    if (o.cache === false) cache = false;
    else if (typeof o.cache === 'string' && o.cache.trim()) cache = o.cache;
    else fail('cache', '"cache" must be a folder path or false.', 'Write "cache": false to turn caching off.');
  }

  const preset = str('preset', 'auto');
  if (preset !== 'auto' && !(PRESETS as readonly string[]).includes(preset)) {
    fail('preset', `"preset" is "${preset}", which is not a preset.`, `Use "auto" (detect) or one of ${PRESETS.map((p) => `"${p}"`).join(', ')}.`);
  }
  const permalinks: Record<string, string> = {};
  if (o.permalinks !== undefined) {
    const p = typeof o.permalinks === 'string' ? { '*': o.permalinks } : o.permalinks;
    if (typeof p !== 'object' || p === null || Array.isArray(p)) fail('permalinks', '"permalinks" must be a pattern or an object of patterns by section.', 'Write "permalinks": { "posts": "/:year/:month/:slug/" }.');
    for (const [section, pattern] of Object.entries(p as Record<string, unknown>)) {
      if (typeof pattern !== 'string' || !pattern.trim()) fail('permalinks', `"permalinks.${section}" must be a pattern such as "/:year/:slug/".`, 'See README, "Links".');
      permalinks[section] = pattern as string;
    }
  }
  const ids = str('ids', 'slug');
  if (ids !== 'slug' && ids !== 'link') fail('ids', `"ids" must be "slug" or "link", not "${ids}".`, 'Keep "slug" for a feed that already has readers; see README, "Links".');
  const keys: Partial<Record<MappableField, string[]>> = {};
  if (o.keys !== undefined) {
    if (typeof o.keys !== 'object' || o.keys === null || Array.isArray(o.keys)) fail('keys', '"keys" must be an object of key lists by field.', 'Write "keys": { "title": ["newstitle"] }.');
    for (const [field, list] of Object.entries(o.keys as Record<string, unknown>)) {
      if (!(MAPPABLE_FIELDS as readonly string[]).includes(field)) fail('keys', `unknown field "keys.${field}".`, `Fields: ${MAPPABLE_FIELDS.join(', ')}.`);
      const l = typeof list === 'string' ? [list] : list;
      if (!Array.isArray(l) || l.length === 0 || l.some((x) => typeof x !== 'string' || !x)) fail('keys', `"keys.${field}" must be a list of front matter keys.`, `Write "keys": { "${field}": ["my${field}"] }.`);
      keys[field as MappableField] = l as string[];
    }
  }
  const site = o.site === undefined ? undefined : str('site', '');

  const feedUrl = o.feedUrl === undefined ? link : absUrl('feedUrl', str('feedUrl', link));
  const itemBase = o.itemBase === undefined ? link : absUrl('itemBase', str('itemBase', link));
  return {
    title: str('title', 'Untitled feed'),
    description: str('description', ''),
    link,
    language,
    author,
    timezone,
    fallbackEncoding,
    limit: int('limit', DEFAULT_LIMIT, 0),
    articles: str('articles', 'articles'),
    out: str('out', 'dist'),
    feedUrl: withSlash(feedUrl),
    itemBase: withSlash(itemBase),
    summaryLength: int('summaryLength', 280, 20),
    future: future as 'hold' | 'include',
    git: bool('git', true),
    clean,
    precedence,
    allowIframes: bool('allowIframes', false),
    followExternalLinks: bool('followExternalLinks', false),
    files,
    feeds,
    archive: bool('archive', false),
    hubs,
    stylesheet: bool('stylesheet', true),
    index: bool('index', true),
    cache,
    preset: preset as Preset | 'auto',
    ...(site ? { site } : {}),
    permalinks,
    ids: ids as 'slug' | 'link',
    keys,
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}

export function isValidTimeZone(name: string): boolean {
  // The default needs no check: the first Intl.DateTimeFormat loads ICU's zone data (~40 ms).
  if (name === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    tz(name);
    return true;
  } catch {
    return false;
  }
}
