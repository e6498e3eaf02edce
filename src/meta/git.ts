import type { ExecFileOptions } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';
import { readFramed, writeFramed } from '../cache/framed.js';
import { SOURCE_EXTENSIONS } from '../sources/files.js';
import { CODE_ID } from '../version.js';

// node:child_process (with net and dgram, ~3.5 ms of CPU to load) only for a build that reads git.
// Required, not `import()`ed: the CLI's CommonJS script runs in a vm.Script, where a dynamic import
// fails ("A dynamic import callback was not specified") and git dates were silently lost.
async function run(file: string, args: string[], options: ExecFileOptions): Promise<{ stdout: string; stderr: string }> {
  const { execFile } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  return promisify(execFile)(file, args, { ...options, encoding: 'utf8' });
}

export interface GitDates {
  /** relPath (relative to the articles folder, forward slashes) -> first and last commit times. */
  dates: Map<string, { first: Date; last: Date }>;
  diagnostics: Diagnostic[];
  /** The commit many articles' histories start in (ms), and its GIT_DATES_UNCERTAIN warning: moot when no article takes its date from git (src/pipeline/load.ts). */
  bulkStart?: { time: number; warning: Diagnostic };
}

/** Marks the start of a commit in the log output; cannot occur in a file name list. */
const COMMIT_MARK = '\u0001';

/**
 * Rename detection compares every added file with every deleted one in a commit when the exact
 * (same content) pass leaves some unpaired; above this many files git skips that and says so
 * (we then warn). Enough for moving a blog of a few thousand posts whose front matter changed.
 */
const RENAME_LIMIT = 5_000;

/**
 * When at least this many articles (and this share of all of them) begin their history in one
 * commit, that commit is most likely an import or a move git could not follow: a warning says
 * that their git dates are that commit's.
 */
const BULK_ADD = { count: 10, share: 0.25 };

/**
 * A commit that changes at least this many articles (and this share of all of them) at once is
 * a mass edit (a front matter rewrite, a move to another generator, a reformat), not an update
 * of each: an article's updated date is its last commit that is not one (else its first).
 */
const BULK_EDIT = BULK_ADD;

/** Of the articles there now (history also names deleted ones), how many there are and how many first appear at `time` (s). */
function presentStarts(dir: string, dates: ReadonlyMap<string, { first: Date }>, time: number): { count: number; total: number } {
  let count = 0;
  let total = 0;
  for (const [file, { first }] of dates) {
    if (!existsSync(join(dir, file))) continue;
    total++;
    if (first.getTime() === time * 1000) count++;
  }
  return { count, total };
}

/**
 * Read the commit dates of every file under `dir` with ONE `git log` (plus one cheap `rev-parse`
 * for a shallow clone and the folder's place in the repository), never one process per file.
 * Committer dates are used: they are when the change landed on the branch.
 *
 * Renames are followed in the same pass: the log covers the whole repository with rename
 * detection (`--name-status -M`), and, read newest first, each `R old new` line makes the older
 * commits of `old` count for the article now at `new`. So a post moved to another folder (a new
 * generator, a new layout) keeps its first-commit date. A pathspec would hide renames from
 * outside the folder (git filters paths before it pairs them), hence the whole repository.
 * What history cannot tell is said in a warning: a shallow clone (GIT_SHALLOW), a commit too
 * large for rename detection, or many articles whose history starts in one commit
 * (GIT_DATES_UNCERTAIN).
 */
export async function readGitDates(dir: string, displayDir: string, memoFile?: string): Promise<GitDates> {
  const diagnostics: Diagnostic[] = [];
  let bulkStart: GitDates['bulkStart'];
  let dates = new Map<string, { first: Date; last: Date }>();
  try {
    const head = await run('git', ['rev-parse', '--is-shallow-repository', '--show-prefix', 'HEAD'], { cwd: dir });
    const [shallow = '', prefix = '', commit = ''] = head.stdout.split('\n').map((line) => line.trim());
    if (shallow === 'true') {
      diagnostics.push(diagnostic('GIT_SHALLOW', { file: displayDir }, {}));
    }
    // The log's reading depends on the commit it starts at and the folder: kept for that pair. Not
    // in a shallow clone, whose history a fetch can deepen under the same commit.
    const memoKey = shallow === 'false' && /^[0-9a-f]{40,64}$/.test(commit) ? `${commit}\0${prefix}` : undefined;
    let log = memoKey !== undefined ? readLogMemo(memoFile, memoKey) : undefined;
    if (log === undefined) {
      log = await readHistory(dir, prefix);
      if (memoKey !== undefined) writeLogMemo(memoFile, memoKey, log);
    }
    dates = new Map(log.dates.map(([path, first, last]) => [path, { first: new Date(first), last: new Date(last) }]));
    const starts = new Map(log.starts);
    for (const edit of log.bulkEdits) {
      const day = new Date(edit.time * 1000).toISOString().slice(0, 10);
      diagnostics.push(diagnostic('GIT_BULK_EDIT', { file: displayDir }, { count: edit.count, total: dates.size, day, moved: edit.moved }));
    }
    if (log.renameLimitHit) {
      diagnostics.push(diagnostic('GIT_DATES_UNCERTAIN', { file: displayDir }, { cause: 'rename-limit', limit: RENAME_LIMIT }));
    }
    const candidate = [...starts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    // Counted again over the files there now: history also holds posts deleted since.
    const bulk = candidate && candidate[1] >= BULK_ADD.count ? presentStarts(dir, dates, candidate[0]) : undefined;
    if (candidate && bulk && bulk.count >= BULK_ADD.count && bulk.count >= BULK_ADD.share * bulk.total) {
      const day = new Date(candidate[0] * 1000).toISOString().slice(0, 10);
      const warning = diagnostic('GIT_DATES_UNCERTAIN', { file: displayDir }, { cause: 'bulk', count: bulk.count, total: bulk.total, day });
      diagnostics.push(warning);
      bulkStart = { time: candidate[0] * 1000, warning };
    }
  } catch (error) {
    // A repository with no commit yet (a new site's `git init`) answers the first two questions, then fails on HEAD.
    const noCommit = /^(?:true|false)\n/.test((error as { stdout?: string }).stdout ?? '');
    const message = noCommit ? 'the repository has no commit yet' : (error as { stderr?: string }).stderr?.split('\n')[0] || (error as Error).message;
    diagnostics.push(diagnostic('GIT_UNAVAILABLE', { file: displayDir }, { reason: message.trim() }));
  }
  return { dates, diagnostics, ...(bulkStart ? { bulkStart } : {}) };
}

/** What one `git log` of the whole repository says about the articles under `prefix`, as JSON. */
interface History {
  /** Article path (under the articles folder), first and last commit time (ms). */
  dates: [string, number, number][];
  starts: [number, number][];
  bulkEdits: { time: number; count: number; moved: number }[];
  renameLimitHit: boolean;
}

/** The memo's framed header (cache/framed.ts): its format and the code that read the log, whose reading (readLog) it holds. */
const LOG_MEMO_FORMAT = `feedwright-git-log-1 ${CODE_ID}`;

async function readHistory(dir: string, prefix: string): Promise<History> {
  const log = await run('git', ['log', '--name-status', '-M', `-l${RENAME_LIMIT}`, `--format=${COMMIT_MARK}%ct`, '--', ':/'], {
    cwd: dir,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' },
  });
  const dates = new Map<string, { first: Date; last: Date }>();
  const { starts, bulkEdits } = readLog(log.stdout, prefix, dates);
  return {
    dates: [...dates].map(([path, d]) => [path, d.first.getTime(), d.last.getTime()]),
    starts: [...starts],
    bulkEdits,
    renameLimitHit: /rename detection was skipped|diff\.renameLimit/.test(log.stderr),
  };
}

/**
 * The history read for `key` (its commit and folder) by an earlier build, from the cache folder's
 * memo: a build whose HEAD has not moved (every local rebuild and watch save) runs no `git log`,
 * which takes seconds on a blog with thousands of commits. The dates of files there now are
 * the same for one commit; what depends on the working tree (which articles exist) is computed
 * again each build.
 */
function readLogMemo(file: string | undefined, key: string): History | undefined {
  const body = file === undefined ? undefined : readFramed(file, LOG_MEMO_FORMAT);
  if (body === undefined) return undefined;
  const memo = JSON.parse(body) as { key: string; history: History };
  return memo.key === key ? memo.history : undefined;
}

function writeLogMemo(file: string | undefined, key: string, history: History): void {
  if (file === undefined) return;
  try {
    writeFramed(file, LOG_MEMO_FORMAT, JSON.stringify({ key, history }));
  } catch {
    // Unwritable: the next build runs git log again.
  }
}

/**
 * Read `git log --name-status -M` output (newest commit first) into `dates`, keyed by the path
 * under `prefix` (the articles folder, relative to the repository root). Returns, per commit time,
 * how many articles' histories start there (added or copied, not renamed), and the mass edits
 * (BULK_EDIT) passed over for updated dates: when, how many articles they changed, and how many
 * articles' updated dates moved back because of them.
 */
export function readLog(
  stdout: string,
  prefix: string,
  dates: Map<string, { first: Date; last: Date }>,
): { starts: Map<number, number>; bulkEdits: { time: number; count: number; moved: number }[] } {
  /** The articles each commit changes, newest commit first. */
  const commits: { time: number; keys: Set<string> }[] = [];
  /** A path in older commits -> the article (relPath) it is now. */
  const alias = new Map<string, string>();
  /** Article -> the commit time where its history starts (an add), if seen. */
  const began = new Map<string, number>();
  // Only article files (images, PDFs and scripts beside them have no dates to give, and would
  // swell the counts of GIT_DATES_UNCERTAIN).
  const article = (path: string): string | undefined =>
    alias.get(path) ?? (path.startsWith(prefix) && SOURCE_EXTENSIONS[extname(path).toLowerCase()] !== undefined ? path.slice(prefix.length) : undefined);
  const see = (key: string, when: Date): void => {
    commits[commits.length - 1]?.keys.add(key);
    const seen = dates.get(key);
    // The log runs newest first: the first sighting is the last commit, later ones move `first` back.
    if (seen) seen.first = when;
    else dates.set(key, { first: when, last: when });
  };
  let current: Date | undefined;
  let time = 0;
  for (const line of stdout.split('\n')) {
    if (line.startsWith(COMMIT_MARK)) {
      time = Number(line.slice(1));
      current = new Date(time * 1000);
      commits.push({ time, keys: new Set() });
      continue;
    }
    if (!line || !current) continue;
    const [status = '', ...names] = line.split('\t');
    const paths = names.map(unquote);
    if ((status[0] === 'R' || status[0] === 'C') && paths.length === 2) {
      const [from, to] = paths as [string, string];
      const key = article(to);
      if (key === undefined) continue;
      see(key, current);
      alias.delete(to);
      // A rename carries the history of `from` over; a copy starts a new file with the old one's text.
      if (status[0] === 'R') alias.set(from, key);
      else began.set(key, time);
      continue;
    }
    const path = paths[0];
    // A deletion dates no article there now, and a commit that deletes many posts is no mass edit.
    if (path === undefined || status[0] === 'D') continue;
    const key = article(path);
    if (key === undefined) continue;
    see(key, current);
    if (status[0] === 'A') {
      began.set(key, time);
      // Older commits at this path were another file's.
      alias.delete(path);
    }
  }
  const starts = new Map<number, number>();
  for (const [key, t] of began) if (dates.get(key)?.first.getTime() === t * 1000) starts.set(t, (starts.get(t) ?? 0) + 1);
  return { starts, bulkEdits: passOverBulkEdits(commits, dates) };
}

/**
 * Move each article's `last` back past mass edits (BULK_EDIT) to its newest other commit, or to
 * its `first` when every later commit was one; returns the mass edits that moved some.
 */
function passOverBulkEdits(commits: readonly { time: number; keys: ReadonlySet<string> }[], dates: Map<string, { first: Date; last: Date }>): { time: number; count: number; moved: number }[] {
  const threshold = Math.max(BULK_EDIT.count, BULK_EDIT.share * dates.size);
  const bulk = new Set(commits.filter((c) => c.keys.size >= threshold));
  if (bulk.size === 0) return [];
  /** Per article: its newest commit, and its newest commit that is no mass edit. */
  const newest = new Map<string, (typeof commits)[number]>();
  const newestOwn = new Map<string, number>();
  for (const c of commits) {
    for (const key of c.keys) {
      if (!newest.has(key)) newest.set(key, c);
      if (!bulk.has(c) && !newestOwn.has(key)) newestOwn.set(key, c.time);
    }
  }
  const moved = new Map<(typeof commits)[number], number>();
  for (const [key, c] of newest) {
    const d = dates.get(key);
    if (!d || !bulk.has(c)) continue;
    const own = newestOwn.get(key);
    const next = own === undefined ? d.first : new Date(Math.max(own * 1000, d.first.getTime()));
    if (next.getTime() === d.last.getTime()) continue;
    d.last = next;
    moved.set(c, (moved.get(c) ?? 0) + 1);
  }
  return [...moved].map(([c, n]) => ({ time: c.time, count: c.keys.size, moved: n }));
}

/** git quotes unusual file names ("a\303\251.md") unless core.quotePath=false; undo that. */
function unquote(name: string): string {
  if (!name.startsWith('"')) return name;
  const bytes: number[] = [];
  const inner = name.slice(1, -1);
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i] as string;
    if (c === '\\') {
      const next = inner[i + 1] ?? '';
      if (/[0-7]/.test(next)) {
        bytes.push(Number.parseInt(inner.slice(i + 1, i + 4), 8));
        i += 3;
        continue;
      }
      const map: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92 };
      bytes.push(map[next] ?? next.charCodeAt(0));
      i += 1;
      continue;
    }
    bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
