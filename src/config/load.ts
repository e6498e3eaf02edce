import { type Placeholder, placeholdersIn } from './placeholders.js';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fatal } from '../errors.js';
import { findDuplicateKey } from './duplicate-keys.js';
import { jsonPositions, type Position } from './positions.js';
import { CONFIG_TYPE, type FeedwrightConfig } from './schema.js';
import { type Fail, showPath } from './types.js';

export { CONFIG_KEYS, isValidTimeZone } from './schema.js';

export const CONFIG_FILE = 'feedwright.config.json';

export interface LoadedConfig {
  config: FeedwrightConfig;
  /** The file it came from, or undefined when built from defaults. */
  file: string | undefined;
  /** Folder that relative paths are resolved against. */
  root: string;
  /** The object as written in the file (`{}` without one): which keys the user set. Absent for a config given as an object. */
  raw?: Record<string, unknown>;
  /** The keys whose values were taken from the site generator's config, and its file (src/pipeline/paths.ts). */
  fromSite?: { from: string; values: Record<string, unknown> };
  /** Keys of the file that still hold `feedwright init`'s placeholders (src/config/placeholders.ts). */
  placeholders?: Placeholder[];
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
      return { config: resolveConfig({}, CONFIG_FILE), file: undefined, root: cwd, raw: {} };
    }
    if (code === 'EISDIR' || (code === undefined && statSync(file).isDirectory())) {
      throw fatal('CONFIG_INVALID', { file: rel(cwd, file), problem: 'folder' });
    }
    throw fatal('CONFIG_NOT_FOUND', { file: rel(cwd, file), errno: code }, rel(cwd, file));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const { line, column } = jsonErrorPosition(text, error as Error);
    throw fatal('CONFIG_INVALID', { file: rel(cwd, file), line, column, problem: 'syntax', reason: (error as Error).message }, rel(cwd, file), line);
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate) {
    const { line, column, path: key, firstLine } = duplicate;
    throw fatal('CONFIG_INVALID', { file: rel(cwd, file), line, column, problem: 'duplicate', key, firstLine }, rel(cwd, file), line);
  }
  const config = resolveConfig(raw, rel(cwd, file), text);
  const placeholders = placeholdersIn(raw as Record<string, unknown>, text);
  return { config, file, root: path.dirname(file), raw: raw as Record<string, unknown>, ...(placeholders.length > 0 ? { placeholders } : {}) };
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

/**
 * The entries of `values` that the config accepts, each checked alone by its key's type: values
 * read from somewhere other than the user's file (a site generator's config) that feedwright
 * would reject (a relative `url`, a language that is no BCP 47 tag) are left out, not errors.
 */
export function acceptedValues(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const accepted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    try {
      resolveConfig({ [key]: value });
      accepted[key] = value;
    } catch {
      // Not a value feedwright's config accepts: its default stays.
    }
  }
  return accepted;
}

/**
 * Validate a parsed config object and apply defaults, as CONFIG_FIELDS (schema.ts) declares them.
 * Exported for the library API and tests.
 * @param raw the parsed JSON (unknown: it is narrowed here)
 * @param file name used in error messages
 * @param text the file's text, for pointing errors at `file:line:column` of the key or item
 */
export function resolveConfig(raw: unknown, file = CONFIG_FILE, text?: string): FeedwrightConfig {
  let positions: Map<string, Position> | undefined;
  const fail: Fail = (at, message, hint) => {
    positions ??= text ? jsonPositions(text) : new Map();
    // The place itself, or the nearest enclosing key that is written in the file.
    let pos: Position | undefined;
    for (let n = at.length; n > 0 && !pos; n--) pos = positions.get(showPath(at.slice(0, n)));
    throw fatal('CONFIG_INVALID', { file, ...(pos ? { line: pos.line, column: pos.column } : {}), problem: 'value', says: message, hint }, file, pos?.line);
  };
  return CONFIG_TYPE.read(raw, [], fail) as FeedwrightConfig;
}
