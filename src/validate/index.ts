/**
 * The built-in feed validator: detect the format from the content, check well-formedness, then the
 * format's rules. Problems are returned as Diagnostics (never thrown); see docs/validation-rules.md.
 *
 *   checkFeed(file, content)  one document already in memory
 *   checkPaths(paths)         files and folders on disk (the CLI's `validate` command)
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Diagnostic } from '../model.js';
import { checkAtom } from './atom.js';
import { checkJson } from './json.js';
import { checkRss } from './rss.js';
import { Reporter } from './rules.js';
import { stripBom } from './text.js';
import { parseXml } from './xml.js';

export type { RuleCode, RuleInfo } from './rules.js';
export { RULES } from './rules.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface CheckOptions {
  /** Treat warnings as errors (the CLI's --strict). */
  strict?: boolean;
}

/** File extensions checkPaths picks up when it walks a folder. */
export const FEED_EXTENSIONS: ReadonlySet<string> = new Set(['.xml', '.json', '.rss', '.atom']);

/** Folders checkPaths never walks into. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/**
 * Skips what may precede the root element: the XML declaration, processing instructions, comments,
 * a DOCTYPE (with an internal subset) and whitespace.
 */
const XML_PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*/;

/** The format of a feed, from its content (not its file name); undefined if it is none of the three. */
export function detectFormat(content: string): FeedFormat | undefined {
  const text = stripBom(content).trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  const prolog = XML_PROLOG.exec(text)?.[0] ?? '';
  const root = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(text.slice(prolog.length));
  if (root === null) return undefined;
  if (root[2] === 'rss') return 'rss';
  if (root[2] === 'feed') return 'atom';
  return undefined;
}

/** Check one feed document. `file` is only used to label the diagnostics. */
export function checkFeed(file: string, content: string, options: CheckOptions = {}): Diagnostic[] {
  const reporter = new Reporter(file);
  const source = stripBom(content);
  const format = detectFormat(source);

  if (format === 'json') {
    checkJson(source, reporter);
  } else if (format === undefined && !source.trimStart().startsWith('<')) {
    reporter.report('FEED_FORMAT_UNKNOWN', { line: 1, column: 1 }, {});
  } else {
    // 1. Well-formedness first: rules about a tree that XML readers would reject mislead more than they help.
    const parsed = parseXml(source, reporter);
    const root = parsed.root;
    // 2. Then the format, from the root saxes actually found (detectFormat only peeks at the text).
    if (parsed.wellFormed && root !== undefined) {
      if (root.local === 'rss' && root.uri === '') checkRss(parsed, root, reporter);
      else if (root.local === 'feed') checkAtom(parsed, root, reporter);
      else if (root.local === 'rss') {
        reporter.report('FEED_FORMAT_UNKNOWN', parsed.lines.at(root.start), { root: root.name, namespace: root.uri });
      } else {
        reporter.report('FEED_FORMAT_UNKNOWN', parsed.lines.at(root.start), { root: root.name });
      }
    }
  }

  const diagnostics = reporter.diagnostics.map((d) =>
    options.strict === true && d.severity === 'warning' ? { ...d, severity: 'error' as const } : d,
  );
  // Stable order: by position, as an editor lists them.
  return diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * Check files and folders. Folders are walked (sorted, skipping node_modules and hidden entries) for
 * *.xml, *.json, *.rss and *.atom; a file found there that is plainly not a feed gets a
 * FEED_SKIPPED_NOT_A_FEED note. Files named explicitly are checked whatever their name and content.
 */
export async function checkPaths(paths: readonly string[], options: CheckOptions = {}): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    // A folder named to be checked that holds no feed is an error: a CI step that checks nothing must not pass.
    let feeds = 0;
    const before = diagnostics.length;
    const found = await expand(path, true, diagnostics);
    for (const { file, explicit } of found) {
      let content: string;
      try {
        content = await readFile(file, 'utf8');
      } catch (error) {
        diagnostics.push(unreadable(file, error));
        continue;
      }
      // A folder may hold other JSON and XML (configs, explain output); say so instead of failing them.
      if (!explicit && !isFeedCandidate(content)) {
        const reporter = new Reporter(file);
        reporter.report('FEED_SKIPPED_NOT_A_FEED', { line: 1, column: 1 }, {});
        diagnostics.push(...reporter.diagnostics);
        continue;
      }
      feeds++;
      diagnostics.push(...checkFeed(file, content, options));
    }
    const failed = diagnostics.slice(before).some((d) => d.code === 'FEED_FILE_UNREADABLE');
    if (feeds === 0 && !failed && found.every((f) => !f.explicit) && (await isFolder(path))) {
      const reporter = new Reporter(path);
      reporter.report('FEED_NONE_FOUND', { line: 1, column: 1 }, {});
      diagnostics.push(...reporter.diagnostics);
    }
  }
  return diagnostics;
}

/**
 * Is this content meant to be a feed? XML with an <rss> or <feed> root; JSON that names a JSON Feed
 * version or has items (or is broken JSON mentioning jsonfeed.org, so its syntax error is reported).
 */
export function isFeedCandidate(content: string): boolean {
  const format = detectFormat(content);
  if (format !== 'json') return format !== undefined;
  let value: unknown;
  try {
    value = JSON.parse(stripBom(content));
  } catch {
    // Not JSON at all: a feed only if it says it wants to be one.
    return content.includes('jsonfeed.org/version');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const version = (value as { version?: unknown }).version;
  return (typeof version === 'string' && version.includes('jsonfeed.org')) || 'items' in value;
}

interface FoundFile {
  file: string;
  /** Named by the caller rather than found by walking a folder. */
  explicit: boolean;
}

async function expand(path: string, explicit: boolean, diagnostics: Diagnostic[]): Promise<FoundFile[]> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    diagnostics.push(unreadable(path, error));
    return [];
  }
  if (info.isFile()) return explicit || FEED_EXTENSIONS.has(extname(path).toLowerCase()) ? [{ file: path, explicit }] : [];
  if (!info.isDirectory()) return [];
  let entries: string[];
  try {
    entries = (await readdir(path)).sort();
  } catch (error) {
    diagnostics.push(unreadable(path, error));
    return [];
  }
  const files: FoundFile[] = [];
  for (const entry of entries) {
    // Hidden files and folders are never feeds; an output folder keeps feedwright's own records
    // there (.feedwright-manifest.json, the commit journal), which a walk must not report.
    if (SKIPPED_FOLDERS.has(entry) || entry.startsWith('.')) continue;
    files.push(...(await expand(join(path, entry), false, diagnostics)));
  }
  return files;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function unreadable(path: string, error: unknown): Diagnostic {
  const reporter = new Reporter(path);
  reporter.report('FEED_FILE_UNREADABLE', { line: 1, column: 1 }, { reason: error instanceof Error ? error.message : String(error) });
  return reporter.diagnostics[0] as Diagnostic;
}
