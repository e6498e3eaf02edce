/**
 * Independent validators and real feed clients, as functions other tests can call on built feeds.
 * None of these are tests themselves. Each returns a structured result; when the tool is missing
 * the result is `{ status: 'skipped', reason }`, and tests should `it.skipIf(...)` with that reason
 * in the name so nothing silently passes.
 *
 * CI installs the tools with: apt-get install -y libxml2-utils jing python3-feedparser
 *   xmllint           libxml2-utils          well-formedness (+ namespaces), RELAX NG (simplified grammar)
 *   jing              jing                   RELAX NG compact grammar of Atom (../shared/schemas/atom.rnc)
 *   /usr/bin/python3  python3-feedparser     feedparser, what most Python readers see (RSS and Atom;
 *                                            Debian's feedparser 6.0 does not read JSON Feed)
 *   feedsmith (npm dev dependency)           JSON Feed parser
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJsonFeed } from 'feedsmith';

/** The repository root (this file is test/clients/clients.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared folder beside the repository (read-only material, including the Atom grammar). */
export const SHARED_DIR = resolve(REPO_ROOT, '../shared');
export const ATOM_RNC = join(SHARED_DIR, 'schemas/atom.rnc');
export const ATOM_RNG = join(SHARED_DIR, 'schemas/atom.simplified.rng');
/** Debian's python3-feedparser installs for the system interpreter, not for pyenv shims on PATH. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

export type Skipped = { status: 'skipped'; reason: string };

/** What a command-line validator said about one file. */
export type ToolVerdict =
  | Skipped
  | {
      status: 'valid' | 'invalid';
      tool: string;
      /** The command line, for messages. */
      command: string;
      /** Error and warning lines the tool printed. */
      messages: string[];
    };

// ---- which tools are there --------------------------------------------------------------------

const toolCache = new Map<string, boolean>();

function onPath(command: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this directory; try the next one
    }
  }
  return false;
}

/**
 * Is a validator available? Names: 'xmllint', 'jing', 'feedparser' (the Python module under
 * /usr/bin/python3), 'atom-grammar' (jing or xmllint, and the grammar in ../shared/schemas).
 * Any other name is looked up on PATH.
 */
export function hasTool(name: string): boolean {
  const cached = toolCache.get(name);
  if (cached !== undefined) return cached;
  let found: boolean;
  switch (name) {
    case 'feedparser':
      found =
        existsSync(SYSTEM_PYTHON) &&
        spawnSync(SYSTEM_PYTHON, ['-c', 'import feedparser'], { encoding: 'utf8', timeout: 30_000 }).status === 0;
      break;
    case 'atom-grammar':
      found = (hasTool('jing') && existsSync(ATOM_RNC)) || (hasTool('xmllint') && existsSync(ATOM_RNG));
      break;
    default:
      found = onPath(name);
  }
  toolCache.set(name, found);
  return found;
}

/** Why a tool-dependent test is skipped, for its name: '' when the tool is there. */
export function missingReason(name: string): string {
  if (hasTool(name)) return '';
  switch (name) {
    case 'xmllint':
      return 'xmllint not installed (apt-get install libxml2-utils)';
    case 'jing':
      return 'jing not installed (apt-get install jing)';
    case 'feedparser':
      return `feedparser not importable by ${SYSTEM_PYTHON} (apt-get install python3-feedparser)`;
    case 'atom-grammar':
      return existsSync(SHARED_DIR)
        ? 'neither jing (apt-get install jing) nor xmllint (apt-get install libxml2-utils) is installed, or ../shared/schemas lacks the Atom grammar'
        : `${SHARED_DIR} is absent, so the Atom grammar is not available`;
    default:
      return `${name} not found on PATH`;
  }
}

function run(command: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Lines that are messages, without the tools' noise (jing's Debian wrapper warns about optional jars). */
function messageLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '' && !l.startsWith('[warning] /usr/bin/jing: Unable to locate'));
}

// ---- xmllint ----------------------------------------------------------------------------------

/**
 * Is the file well-formed, namespace-aware XML according to libxml2? xmllint exits 0 on namespace
 * errors (an undeclared prefix), printing "namespace error"; those count as invalid here, as they do
 * for every namespace-aware reader.
 */
export function xmllintWellFormed(path: string): ToolVerdict {
  if (!hasTool('xmllint')) return { status: 'skipped', reason: missingReason('xmllint') };
  const args = ['--noout', '--nonet', path];
  const { status, stderr } = run('xmllint', args);
  const messages = messageLines(stderr);
  const errors = messages.filter((l) => /\berror\b/i.test(l));
  return {
    status: status === 0 && errors.length === 0 ? 'valid' : 'invalid',
    tool: 'xmllint',
    command: `xmllint ${args.join(' ')}`,
    messages,
  };
}

// ---- the Atom grammar -------------------------------------------------------------------------

/**
 * Validate against the RELAX NG grammar of RFC 4287: jing with atom.rnc when jing is there, else
 * xmllint --relaxng with atom.simplified.rng. The grammar does not check authors per entry or that
 * URIs are absolute; the built-in validator does.
 */
export function atomGrammar(path: string): ToolVerdict {
  const [verdict] = atomGrammarMany([path]);
  return verdict ?? { status: 'skipped', reason: 'no file given' };
}

/**
 * atomGrammar for many files in one run: jing starts a JVM (about two seconds), so checking a set of
 * feeds one by one is slow. Verdicts come back in the order of `paths`.
 */
export function atomGrammarMany(paths: readonly string[]): ToolVerdict[] {
  if (paths.length === 0) return [];
  const perFile = (tool: string, command: string, lines: string[], status: number | null): ToolVerdict[] =>
    paths.map((path) => {
      // Both tools start each message about a file with its path and a colon.
      const messages = lines.filter((l) => l.startsWith(`${path}:`) || l.startsWith(`${path} fails`));
      return {
        status: messages.length === 0 && (status === 0 || paths.length > 1) ? 'valid' : 'invalid',
        tool,
        command,
        messages,
      };
    });
  if (!existsSync(SHARED_DIR)) return paths.map(() => ({ status: 'skipped', reason: missingReason('atom-grammar') }));
  if (hasTool('jing') && existsSync(ATOM_RNC)) {
    const args = ['-c', ATOM_RNC, ...paths];
    const { status, stdout, stderr } = run('jing', args);
    return perFile('jing', `jing ${args.join(' ')}`, messageLines(`${stdout}\n${stderr}`), status);
  }
  if (hasTool('xmllint') && existsSync(ATOM_RNG)) {
    const args = ['--noout', '--nonet', '--relaxng', ATOM_RNG, ...paths];
    const { status, stderr } = run('xmllint', args);
    const lines = messageLines(stderr).filter((l) => !/ validates$/.test(l));
    return perFile('xmllint --relaxng', `xmllint ${args.join(' ')}`, lines, status);
  }
  return paths.map(() => ({ status: 'skipped', reason: missingReason('atom-grammar') }));
}

// ---- feedparser -------------------------------------------------------------------------------

export interface FeedparserEntry {
  title: string | null;
  /** title_detail.type: "text/plain", or "text/html" when the feed declared the title as HTML (its text is then markup). */
  titleType: string | null;
  link: string | null;
  id: string | null;
  /** entry.authors[].name */
  authors: string[];
  /** published_parsed / updated_parsed as ISO 8601 UTC (seconds), or null. */
  published: string | null;
  updated: string | null;
}

export type FeedparserResult =
  | Skipped
  | {
      status: 'parsed';
      bozo: boolean;
      bozo_exception: string | null;
      /** e.g. "rss20", "atom10"; "" when feedparser did not recognise the format. */
      version: string;
      feed: { title: string | null };
      entries: FeedparserEntry[];
    };

const FEEDPARSER_SCRIPT = `
import json, sys, time
import feedparser

def iso(t):
    return None if t is None else time.strftime('%Y-%m-%dT%H:%M:%SZ', t)

d = feedparser.parse(sys.argv[1])
exc = d.get('bozo_exception')
print(json.dumps({
    'bozo': bool(d.get('bozo')),
    'bozo_exception': None if exc is None else type(exc).__name__ + ': ' + str(exc),
    'version': d.get('version') or '',
    'feed': {'title': d.feed.get('title')},
    'entries': [{
        'title': e.get('title'),
        'titleType': e.get('title_detail', {}).get('type'),
        'link': e.get('link'),
        'id': e.get('id'),
        'authors': [a.get('name') for a in e.get('authors', []) if a.get('name')],
        'published': iso(e.get('published_parsed')),
        'updated': iso(e.get('updated_parsed')),
    } for e in d.entries],
}))
`;

/** Parse a file with Python's feedparser (what many readers and aggregators are built on). */
export function feedparserParse(path: string): FeedparserResult {
  if (!hasTool('feedparser')) return { status: 'skipped', reason: missingReason('feedparser') };
  const { status, stdout, stderr } = run(SYSTEM_PYTHON, ['-c', FEEDPARSER_SCRIPT, path]);
  if (status !== 0) throw new Error(`feedparser script failed (${status}): ${stderr}`);
  const parsed = JSON.parse(stdout) as Omit<Extract<FeedparserResult, { status: 'parsed' }>, 'status'>;
  return { status: 'parsed', ...parsed };
}

// ---- feedsmith (JSON Feed) --------------------------------------------------------------------

export type FeedsmithJsonResult =
  | { status: 'parsed'; feed: ReturnType<typeof parseJsonFeed> }
  | { status: 'rejected'; error: string };

/** Parse JSON Feed text with feedsmith, an independent JSON Feed reader. */
export function feedsmithParseJson(content: string): FeedsmithJsonResult {
  try {
    return { status: 'parsed', feed: parseJsonFeed(content) };
  } catch (error) {
    return { status: 'rejected', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

// ---- convenience ------------------------------------------------------------------------------

let tempRoot: string | undefined;
let tempCount = 0;

/**
 * Write `content` to a fresh temporary file (the command-line tools want paths) and return its path.
 * All of them live in one folder per process; call removeTempFeeds() in afterAll.
 */
export function tempFeed(name: string, content: string): string {
  tempRoot ??= mkdtempSync(join(tmpdir(), 'feedwright-clients-'));
  const dir = join(tempRoot, String(tempCount++));
  mkdirSync(dir);
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Remove every file tempFeed wrote. */
export function removeTempFeeds(): void {
  if (tempRoot !== undefined) rmSync(tempRoot, { recursive: true, force: true });
  tempRoot = undefined;
}
