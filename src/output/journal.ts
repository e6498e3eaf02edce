import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * The commit journal: how a build replaces all its files "together".
 *
 * A file system renames one file at a time, so a build that replaces 134 files is, for a few
 * milliseconds, half done; a build killed then would leave main feeds new and tag feeds old, or a
 * tag with `rss.xml` but no `atom.xml`. So before the first rename the build writes, flushed to
 * disk, the list of every rename (temporary file -> final name) and every deletion it is about to
 * make (`.feedwright.journal`), and deletes that list when all are done. Every later run (after
 * taking the lock, before reading or writing anything else) rolls an unfinished journal forward:
 * it does the renames whose temporary file is still there and the deletions, then removes the
 * journal. A rename is atomic, so each file is always the complete old or the complete new one;
 * the set as a whole is the old or the new set except between the first and the last rename of a
 * build (a few ms), or, after a crash there, until the next feedwright run starts.
 *
 * Format: `feedwright-journal-1 <crc32 of body>\n<body>`, the body JSON, paths relative to the
 * output folder. A journal that fails its check was never complete (it is written to a temporary
 * file and renamed into place), so no rename was made under it: it is removed.
 */
export const JOURNAL_NAME = '.feedwright.journal';
const FORMAT = 'feedwright-journal-1';

export interface Journal {
  /** [temporary file, final name], relative to the output folder. */
  renames: Array<[string, string]>;
  /** Files to delete after the renames, relative to the output folder. */
  deletions: string[];
}

/** Test hooks: called after each rename of a commit (to simulate a crash in the middle). */
export const journalTestHooks: { afterRename?: (done: number, total: number) => void } = {};

/**
 * Write the journal (flushed), make every rename and deletion, then remove it. If this throws
 * after the journal was written, the journal and the temporary files it names stay for the next
 * run to finish (`committed` tells the caller not to remove them).
 */
export async function commitJournal(outDir: string, journal: Journal, state: { committed: boolean }): Promise<void> {
  if (journal.renames.length === 0 && journal.deletions.length === 0) return;
  const file = path.join(outDir, JOURNAL_NAME);
  const body = JSON.stringify(journal);
  const tmp = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(`${FORMAT} ${crc32(body)}\n${body}`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncFolder(outDir);
  state.committed = true;
  await apply(outDir, journal);
  await rm(file, { force: true });
}

/**
 * Finish the commit a killed build left half done (see above); `check` may refuse the paths it
 * names. Returns what it did, or undefined when there was no journal.
 */
export async function rollForward(outDir: string, check?: (names: string[]) => Promise<void>): Promise<{ renamed: string[]; deleted: string[] } | undefined> {
  const file = path.join(outDir, JOURNAL_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const journal = parse(text);
  // The folders may have changed since (a link put in place of one): checked like a build's own files.
  if (journal && check) await check([...journal.renames.flat(), ...journal.deletions]);
  const done = journal ? await apply(outDir, journal) : { renamed: [], deleted: [] };
  await rm(file, { force: true });
  return done;
}

function parse(text: string): Journal | undefined {
  const nl = text.indexOf('\n');
  if (nl < 0) return undefined;
  const body = text.slice(nl + 1);
  if (text.slice(0, nl) !== `${FORMAT} ${crc32(body)}`) return undefined;
  try {
    const j = JSON.parse(body) as Journal;
    const relative = (p: unknown): p is string => typeof p === 'string' && p !== '' && !path.isAbsolute(p) && !p.split(/[\\/]/).includes('..');
    if (!Array.isArray(j.renames) || !Array.isArray(j.deletions)) return undefined;
    if (!j.renames.every((r) => Array.isArray(r) && relative(r[0]) && relative(r[1])) || !j.deletions.every(relative)) return undefined;
    return j;
  } catch {
    return undefined;
  }
}

/** Each rename whose temporary file is still there (the others were done), then each deletion. */
async function apply(outDir: string, journal: Journal): Promise<{ renamed: string[]; deleted: string[] }> {
  const renamed: string[] = [];
  const deleted: string[] = [];
  let done = 0;
  for (const [tmp, final] of journal.renames) {
    try {
      await rename(path.join(outDir, tmp), path.join(outDir, final));
      renamed.push(final);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    journalTestHooks.afterRename?.(++done, journal.renames.length);
  }
  for (const name of journal.deletions) {
    const existed = await rm(path.join(outDir, name)).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    if (existed) deleted.push(name);
  }
  return { renamed, deleted };
}

/** Flush a folder's entries (the journal's name) to disk; not every platform can, which is fine. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder; the journal's own contents were flushed.
  }
}
