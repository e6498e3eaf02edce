import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { diag } from '../diagnostics.js';
import type { Diagnostic } from '../model.js';

const run = promisify(execFile);

export interface GitDates {
  /** relPath (relative to the articles folder, forward slashes) -> first and last commit times. */
  dates: Map<string, { first: Date; last: Date }>;
  diagnostics: Diagnostic[];
}

/** Marks the start of a commit in the log output; cannot occur in a file name list. */
const COMMIT_MARK = '\u0001';

/**
 * Read the commit dates of every file under `dir` with ONE `git log` (plus one cheap
 * `rev-parse` to detect a shallow clone), never one process per file. Committer dates are used:
 * they are when the change landed on the branch.
 * Renames are not followed (that needs one `--follow` per file): a renamed article's first date is
 * the rename; pin `date` in front matter to keep it.
 */
export async function readGitDates(dir: string, displayDir: string): Promise<GitDates> {
  const dates = new Map<string, { first: Date; last: Date }>();
  const diagnostics: Diagnostic[] = [];
  try {
    const shallow = await run('git', ['rev-parse', '--is-shallow-repository'], { cwd: dir });
    if (shallow.stdout.trim() === 'true') {
      diagnostics.push(
        diag('GIT_SHALLOW', { file: displayDir }, 'The repository is a shallow clone, so git dates are wrong (every article looks new).', 'Fetch the full history (actions/checkout with fetch-depth: 0, or `git fetch --unshallow`), or set dates in front matter.'),
      );
    }
    const log = await run('git', ['log', '--relative', '--no-renames', '--name-only', `--format=${COMMIT_MARK}%ct`, '--', '.'], {
      cwd: dir,
      maxBuffer: 1024 * 1024 * 1024,
      env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' },
    });
    let current: Date | undefined;
    for (const line of log.stdout.split('\n')) {
      if (line.startsWith(COMMIT_MARK)) {
        current = new Date(Number(line.slice(1)) * 1000);
        continue;
      }
      if (!line || !current) continue;
      const path = unquote(line);
      const seen = dates.get(path);
      // The log runs newest first: the first sighting is the last commit, later ones move `first` back.
      if (seen) seen.first = current;
      else dates.set(path, { first: current, last: current });
    }
  } catch (error) {
    const message = (error as { stderr?: string }).stderr?.split('\n')[0] || (error as Error).message;
    diagnostics.push(diag('GIT_UNAVAILABLE', { file: displayDir }, `git history is not available (${message.trim()}); dates fall back to the file modification time.`, 'Set "git": false in the config to silence this, or date articles in front matter.'));
  }
  return { dates, diagnostics };
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
