import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diag } from '../diagnostics.js';
import { FeedwrightError } from '../errors.js';
import type { Diagnostic, SourceKind } from '../model.js';

/** File extensions feedwright reads, and the reader each goes to. */
export const SOURCE_EXTENSIONS: Readonly<Record<string, SourceKind>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
};

/** Articles larger than this are refused: no real article is 8 MB of text, and it bounds memory. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

export interface SourceFile {
  kind: SourceKind;
  /** Absolute path. */
  abs: string;
  /** Relative to the articles folder, forward slashes. */
  relPath: string;
  /** As shown in diagnostics. */
  displayPath: string;
  size: number;
  mtimeMs: number;
  /** Change time and inode: with size and mtime, they let the cache skip re-reading an unchanged file. */
  ctimeMs?: number;
  ino?: number;
}

/**
 * List the article files under `root`, recursively, in a stable (sorted) order.
 * Dotfiles and dot-folders (.git, .DS_Store) are skipped without a note; other unknown files get one.
 * Symbolic links are followed, but a link back into a folder already on the path is reported and skipped.
 */
export async function listSources(root: string, display: (abs: string) => string): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  let rootStat: Stats;
  try {
    rootStat = await stat(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new FeedwrightError(
        'ARTICLES_MISSING',
        `The articles folder ${display(root)} does not exist.`,
        'Create it and put .md or .txt articles in it, pass --articles DIR, or run `feedwright init`.',
        display(root),
      );
    }
    throw new FeedwrightError('ARTICLES_UNREADABLE', `The articles folder ${display(root)} cannot be read (${code}).`, 'Check its permissions.', display(root));
  }
  if (!rootStat.isDirectory()) {
    throw new FeedwrightError(
      'ARTICLES_NOT_A_FOLDER',
      `${display(root)} is a file, not a folder of articles.`,
      'Pass the folder that holds the articles to --articles.',
      display(root),
    );
  }
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const rootReal = await realpath(root);

  async function walk(dir: string, ancestors: ReadonlySet<string>): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (dir === root) {
        throw new FeedwrightError('ARTICLES_UNREADABLE', `The articles folder ${display(root)} cannot be read (${code}).`, 'Check its permissions.', display(root));
      }
      diagnostics.push(
        diag('SOURCE_UNREADABLE', { file: display(dir) }, `The folder cannot be read (${code}); its articles are missing from the feeds.`, 'Check its permissions.'),
      );
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const s = await stat(abs);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch {
          diagnostics.push(
            diag('SOURCE_UNREADABLE', { file: display(abs) }, 'The symbolic link is broken or points at something unreadable.', 'Remove the link or fix its target.'),
          );
          continue;
        }
      }
      if (isDir) {
        const real = await realpath(abs).catch(() => abs);
        if (ancestors.has(real)) {
          diagnostics.push(
            diag(
              'SOURCE_SYMLINK_LOOP',
              { file: display(abs) },
              'The symbolic link points back to a folder that contains it; it was not followed.',
              'Remove the link, or point it outside the articles folder.',
            ),
          );
          continue;
        }
        await walk(abs, new Set([...ancestors, real]));
        continue;
      }
      if (!isFile) continue;
      const kind = SOURCE_EXTENSIONS[path.extname(entry.name).toLowerCase()];
      if (!kind) {
        diagnostics.push(diag('SOURCE_IGNORED', { file: display(abs) }, `Not an article (feedwright reads ${Object.keys(SOURCE_EXTENSIONS).join(', ')}); ignored.`));
        continue;
      }
      // The file takes its place in the list now and its stat arrives later: one await per file
      // made listing 10k articles a serial chain of system calls.
      const file: SourceFile = { kind, abs, relPath: path.relative(root, abs).split(path.sep).join('/'), displayPath: display(abs), size: 0, mtimeMs: 0 };
      files.push(file);
      stats.push(
        lstat(abs)
          .then(async (l) => (l.isSymbolicLink() ? stat(abs) : l))
          .then(
            (s) => {
              file.size = s.size;
              file.mtimeMs = s.mtimeMs;
              file.ctimeMs = s.ctimeMs;
              file.ino = s.ino;
            },
            (error: unknown) => {
              unreadable.add(file);
              diagnostics.push(diag('SOURCE_UNREADABLE', { file: display(abs) }, `The file cannot be read (${(error as NodeJS.ErrnoException).code}).`, 'Check its permissions.'));
            },
          ),
      );
    }
  }
  const stats: Promise<void>[] = [];
  const unreadable = new Set<SourceFile>();
  await walk(root, new Set([rootReal]));
  await Promise.all(stats);
  if (unreadable.size > 0) return { files: files.filter((f) => !unreadable.has(f)), diagnostics };
  if (files.length === 0) {
    // An empty folder is not fatal: a new site, or one whose last article was just removed, must
    // still publish valid (empty) feeds rather than keep stale ones. But it is rarely intended.
    diagnostics.push(
      diag(
        'ARTICLES_EMPTY',
        { file: display(root) },
        `The articles folder holds no articles (${Object.keys(SOURCE_EXTENSIONS).join(', ')}); empty feeds are written.`,
        'Add articles, or check --articles / the config "articles" path.',
      ),
    );
  }
  return { files, diagnostics };
}

export type DecodeResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Read a source file and decode it: UTF-8 (a BOM is dropped), UTF-16 LE/BE with a BOM.
 * Binary data, invalid UTF-8, empty and oversized files become diagnostics, not exceptions.
 */
export async function readSource(file: SourceFile): Promise<DecodeResult> {
  const at = { file: file.displayPath };
  if (file.size > MAX_SOURCE_BYTES) {
    return {
      ok: false,
      diagnostic: diag(
        'SOURCE_TOO_LARGE',
        at,
        `The file is ${(file.size / 1048576).toFixed(1)} MiB; articles are limited to ${MAX_SOURCE_BYTES / 1048576} MiB.`,
        'Split it, or remove embedded data (images as base64, logs) from it.',
      ),
    };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file.abs);
  } catch (error) {
    return { ok: false, diagnostic: diag('SOURCE_UNREADABLE', at, `The file cannot be read (${(error as NodeJS.ErrnoException).code}).`, 'Check its permissions.') };
  }
  return decodeSource(bytes, file.displayPath);
}

export function decodeSource(bytes: Uint8Array, displayPath: string): DecodeResult {
  const at = { file: displayPath };
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (looksBinary(bytes)) {
      return {
        ok: false,
        diagnostic: diag(
          'SOURCE_BINARY',
          at,
          'The file holds binary data (NUL bytes or a known binary signature), not text.',
          'Move images and other binary files out of the articles folder.',
        ),
      };
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      const offset = firstInvalidUtf8(bytes);
      const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
      const line = before.split('\n').length;
      return {
        ok: false,
        diagnostic: diag(
          'SOURCE_INVALID_UTF8',
          { ...at, line },
          `The file is not valid UTF-8 (first bad byte at offset ${offset}, line ${line}).`,
          'Re-save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`).',
        ),
      };
    }
  }
  if (text.trim() === '') return { ok: false, diagnostic: diag('SOURCE_EMPTY', at, 'The file is empty.', 'Write the article, or delete the file.') };
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}

/** NUL in the first 8 KiB, or the signature of a common binary format. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  const sig = Buffer.from(head.subarray(0, 8)).toString('latin1');
  return sig.startsWith('\x89PNG') || sig.startsWith('GIF8') || sig.startsWith('\xff\xd8\xff') || sig.startsWith('%PDF') || sig.startsWith('PK\x03\x04');
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search on the longest prefix that decodes strictly (the decoder reports no offset).
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      // stream: true tolerates a sequence cut at the end of the prefix; a fresh decoder each time.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
