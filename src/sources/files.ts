import { closeSync, constants, type Dirent, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, type Stats, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic } from '../diagnostics.js';
import { fatal } from '../errors.js';
import type { Diagnostic, SourceKind } from '../model.js';
import { hugoDefaultLanguageAbove, hugoShadowed, notRendered, type RenderRule, renderRuleAbove } from '../site/rendered.js';
import { decodeHtml, decodePlainText, repairLatin1ReadUtf8, strictUtf8 } from './encoding.js';

/** File extensions feedwright reads, and the reader each goes to. */
export const SOURCE_EXTENSIONS: Readonly<Record<string, SourceKind>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'markdown',
  // Quarto's documents: Pandoc Markdown with YAML front matter (code cells are fenced code).
  '.qmd': 'markdown',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
};

/**
 * A post's own assets (a page bundle's images, media, downloads, styles and scripts, a site's
 * data files): never articles, so skipped without a note. Any other file feedwright does not read
 * (`.rst`, `.adoc`, `.docx`, `.pdf`, ...) gets a SOURCE_IGNORED note: it may be an article the
 * user expected in the feeds. A bundle-heavy site has hundreds of images beside its posts, and
 * one note each buried what mattered.
 */
export const ASSET_EXTENSIONS: ReadonlySet<string> = new Set(
  [
    ...['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'ico', 'bmp', 'tif', 'tiff', 'heic', 'psd'],
    ...['mp4', 'webm', 'mov', 'm4v', 'mkv', 'mp3', 'm4a', 'ogg', 'oga', 'wav', 'flac', 'vtt', 'srt'],
    ...['woff', 'woff2', 'ttf', 'otf', 'eot', 'zip', 'gz', 'tgz', 'tar', '7z', 'rar'],
    ...['css', 'scss', 'sass', 'less', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'astro', 'vue', 'svelte', 'json', 'yml', 'yaml', 'toml', 'csv'],
  ].map((e) => `.${e}`),
);

/** A `.qmd` whose Markdown rendering (`x.md`, `x.markdown`) is in the same folder (`names`, lower case). */
function renderedBeside(name: string, names: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  if (!lower.endsWith('.qmd')) return false;
  const stem = lower.slice(0, -4);
  return names.has(`${stem}.md`) || names.has(`${stem}.markdown`);
}

/** A name with two dots or more (`x.en.md`): cheaper than a pattern per file of a large folder. */
function twoDots(name: string): boolean {
  const last = name.lastIndexOf('.');
  return last > 0 && name.lastIndexOf('.', last - 1) > 0;
}

/**
 * The page a folder belongs to, when a file beside it says so: `x/` beside the post `x.md` (the
 * folder of its images, data and included fragments, as the Go blog and many Markdown blogs keep
 * them), `x_files/` beside the saved page `x.html` (what a browser's "save complete page" writes:
 * its frames and scripts). Undefined for any other folder.
 */
function pageOfFolder(folder: string, files: ReadonlySet<string>): string | undefined {
  for (const ext of ['.md', '.markdown', '.mdx']) if (files.has(folder + ext)) return folder + ext;
  if (folder.endsWith('_files')) {
    const stem = folder.slice(0, -'_files'.length);
    for (const ext of ['.html', '.htm']) if (files.has(stem + ext)) return stem + ext;
  }
  return undefined;
}

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

export interface ListOptions {
  /**
   * Follow symbolic links whose real path is outside `root` (config `followExternalLinks`). Off by
   * default: a link to /etc/passwd or /proc/self/status in the articles folder would otherwise be
   * read and published; each such link is reported (SOURCE_LINK_OUTSIDE) and not read.
   */
  followExternalLinks?: boolean;
  /**
   * The files the site's generator renders, when it has no preset (src/site/rendered.ts): Quarto
   * leaves out `_x.qmd` and `.txt`. Undefined: found from the folder up; null: every source is read.
   */
  renderRule?: RenderRule | null;
  /**
   * The default content language of the Hugo site holding `root`, when the caller has detected the
   * site (src/pipeline/inputs.ts): a string, or null when no Hugo site holds it. Undefined: found
   * from the folder up, and only for a folder with a pair such as `x.md` and `x.en.md`.
   */
  hugoDefaultLanguage?: string | null;
}

/**
 * List the article files under `root`, recursively, in a stable (sorted) order.
 * Dotfiles and dot-folders (.git, .DS_Store) are skipped without a note; other unknown files get one.
 * Symbolic links are followed within `root` (unless `followExternalLinks`), but a link back into a
 * folder already on the path is reported and skipped. FIFOs, sockets and devices are reported and
 * never opened (reading a FIFO waits for a writer forever).
 */
export async function listSources(
  root: string,
  display: (abs: string) => string,
  options: ListOptions = {},
): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[]; /** Symbolic links met (followed or not). */ links: number }> {
  let rootStat: Stats;
  try {
    rootStat = await stat(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw fatal('ARTICLES_MISSING', { folder: display(root) }, display(root));
    }
    throw fatal('ARTICLES_UNREADABLE', { folder: display(root), errno: code }, display(root));
  }
  if (!rootStat.isDirectory()) {
    throw fatal('ARTICLES_NOT_A_FOLDER', { path: display(root) }, display(root));
  }
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let links = 0;
  const rootReal = realpathSync.native(root);
  const rootPrefix = rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep;
  const rule = options.renderRule === undefined ? renderRuleAbove(root) : (options.renderRule ?? undefined);
  /** A file or folder the site makes no page of (`what` it is): a note, and it is never read. */
  const notAPost = (abs: string, what: string): void => {
    diagnostics.push(diagnostic('META_NOT_A_POST', { file: display(abs) }, { what, by: 'site' }));
  };
  /** A file or folder the generator makes no page of: reported once (a folder for all it holds), never read. */
  const leftOut = (abs: string, name: string, kind: SourceKind | undefined): boolean => {
    const why = rule ? notRendered(rule, name, kind) : undefined;
    if (why) notAPost(abs, why);
    return why !== undefined;
  };
  /** The default content language of the Hugo site holding the folder (asked once, and only for a folder with a name like `x.en.md`). */
  let hugoLanguage: { lang: string | undefined } | undefined;
  const hugoDefault = (): string | undefined => {
    hugoLanguage ??= { lang: options.hugoDefaultLanguage === undefined ? hugoDefaultLanguageAbove(root) : (options.hugoDefaultLanguage ?? undefined) };
    return hugoLanguage.lang;
  };
  /**
   * For a symbolic link: its real path when following it is allowed, or undefined after reporting
   * it (a link outside the folder, unless the config opts in; a link that cannot be resolved).
   */
  const allowedLink = (abs: string): string | undefined => {
    let real: string;
    try {
      real = realpathSync.native(abs);
    } catch {
      diagnostics.push(diagnostic('SOURCE_UNREADABLE', { file: display(abs) }, { what: 'link' }));
      return undefined;
    }
    if (real === rootReal || real.startsWith(rootPrefix) || options.followExternalLinks) return real;
    diagnostics.push(diagnostic('SOURCE_LINK_OUTSIDE', { file: display(abs) }, {}));
    return undefined;
  };

  // Synchronous on purpose: listing is thousands of readdir/lstat calls on local files, and one
  // promise per call cost several times the system calls themselves (10k articles: ~200 ms of
  // promise and thread-pool overhead against ~20 ms of lstatSync). `relDir` is the folder's path
  // relative to `root` with forward slashes ('' for the root), so no file needs path.relative.
  function walk(dir: string, relDir: string, ancestors: ReadonlySet<string>, owner?: string): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (dir === root) {
        throw fatal('ARTICLES_UNREADABLE', { folder: display(root), errno: code }, display(root));
      }
      diagnostics.push(diagnostic('SOURCE_UNREADABLE', { file: display(dir) }, { what: 'folder', errno: code }));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // `dir` is absolute and normalised, and entry names hold no separator: plain concatenation is path.join.
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    const shown = displayIn(dir);
    const names = entries.some((e) => e.name.toLowerCase().endsWith('.qmd')) ? new Set(entries.map((e) => e.name.toLowerCase())) : undefined;
    // Hugo: `x.md` beside `x.en.md` in a site whose default language is en is the same page, which Hugo takes from the latter.
    const shadowed = rule === undefined && entries.some((e) => twoDots(e.name)) ? hugoShadowed(entries.map((e) => e.name), hugoDefault) : undefined;
    const fileNames = entries.some((e) => !e.isFile()) ? new Set(entries.filter((e) => e.isFile()).map((e) => e.name)) : undefined;
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const replacedBy = shadowed?.get(entry.name);
      if (replacedBy !== undefined) {
        notAPost(prefix + entry.name, `a file Hugo replaces with ${replacedBy} beside it (one page, in the default language ${hugoDefault()})`);
        continue;
      }
      // A Quarto document rendered to Markdown beside it (`format: hugo-md` or `gfm`, a Hugo site's
      // page bundle): the .md is the page the site publishes, the .qmd its source.
      if (names && renderedBeside(entry.name, names)) continue;
      const abs = prefix + entry.name;
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      /** The target's stat when the entry is a symbolic link (followed). */
      let target: Stats | undefined;
      /** The link's real path, when the entry is one. */
      let linkReal: string | undefined;
      if (entry.isSymbolicLink()) {
        links++;
        linkReal = allowedLink(abs);
        if (linkReal === undefined) continue;
        try {
          target = statSync(abs);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          diagnostics.push(
            diagnostic('SOURCE_UNREADABLE', { file: display(abs) }, { what: 'link' }),
          );
          continue;
        }
      }
      if (isDir) {
        let real: string;
        try {
          real = linkReal ?? realpathSync.native(abs);
        } catch {
          real = abs;
        }
        if (ancestors.has(real)) {
          diagnostics.push(diagnostic('SOURCE_SYMLINK_LOOP', { file: display(abs) }, {}));
          continue;
        }
        if (leftOut(abs, entry.name, undefined)) continue;
        walk(abs, rel, new Set([...ancestors, real]), owner ?? (fileNames && pageOfFolder(entry.name, fileNames)));
        continue;
      }
      if (!isFile) {
        // A FIFO, socket or device (or, behind a link, one of them): never opened.
        diagnostics.push(specialFile(display(abs), target ?? entry));
        continue;
      }
      const kind = SOURCE_EXTENSIONS[path.extname(entry.name).toLowerCase()];
      if (!kind) {
        if (!ASSET_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
          diagnostics.push(diagnostic('SOURCE_IGNORED', { file: display(abs) }, { extensions: Object.keys(SOURCE_EXTENSIONS) }));
        }
        continue;
      }
      if (leftOut(abs, entry.name, kind)) continue;
      // A text or HTML file in a post's own folder (`x/` beside `x.md`) or a saved page's (`x_files/`
      // beside `x.html`): data, an included fragment, a frame of the page; never an article.
      if (owner !== undefined && kind !== 'markdown') {
        notAPost(abs, `a file of the folder that belongs to ${owner} beside it (its data, fragments or frames)`);
        continue;
      }
      let s: Stats;
      try {
        s = target ?? lstatSync(abs);
        // Replaced by a link since the folder was read: follow it, as a listed link is (if allowed).
        if (s.isSymbolicLink()) {
          links++;
          if (allowedLink(abs) === undefined) continue;
          s = statSync(abs);
        }
        if (!s.isFile()) {
          diagnostics.push(specialFile(display(abs), s));
          continue;
        }
      } catch (error) {
        diagnostics.push(diagnostic('SOURCE_UNREADABLE', { file: display(abs) }, { what: 'file', errno: (error as NodeJS.ErrnoException).code }));
        continue;
      }
      files.push({ kind, abs, relPath: rel, displayPath: shown(abs, entry.name), size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino });
    }
  }
  /**
   * The display path of each file of `dir`: `display` is a path.relative per call, as costly as the
   * lstat itself, while paths.display is compositional (a folder's display path, '/', the name).
   * That is checked on the folder's first file; a display function for which it fails is called
   * for every file.
   */
  function displayIn(dir: string): (abs: string, name: string) => string {
    let base: string | undefined;
    let compositional: boolean | undefined;
    return (abs, name) => {
      if (compositional === false) return display(abs);
      base ??= display(dir);
      const derived = base === '.' ? name : `${base}/${name}`;
      if (compositional === undefined) {
        const actual = display(abs);
        compositional = actual === derived;
        return actual;
      }
      return derived;
    };
  }

  walk(root, '', new Set([rootReal]));
  if (files.length === 0) {
    // An empty folder is not fatal: a new site, or one whose last article was just removed, must
    // still publish valid (empty) feeds rather than keep stale ones. But it is rarely intended.
    diagnostics.push(diagnostic('ARTICLES_EMPTY', { file: display(root) }, { extensions: Object.keys(SOURCE_EXTENSIONS) }));
  }
  return { files, diagnostics, links };
}

export type DecodeResult = { ok: true; text: string; note?: Diagnostic } | { ok: false; diagnostic: Diagnostic };

/**
 * Read a source file and decode it (see `decodeSource`).
 * Binary data, invalid UTF-8 Markdown, empty and oversized files become diagnostics, not exceptions.
 * The same as `readSourceSync`, for callers that read one file at a time.
 */
export async function readSource(file: SourceFile, fallbackEncoding?: string): Promise<DecodeResult> {
  return readSourceSync(file, fallbackEncoding);
}

/**
 * `readSource` with synchronous system calls: what a build reads its sources with. A source is a
 * small file, almost always in the page cache (just listed, just checked out): its three calls
 * (open, read, close; an fstat too when the file is not as listed) return in microseconds, and
 * through fs/promises each was a round trip
 * to libuv's thread pool and back with a promise (~0.1 ms of the main thread's CPU per file, ~1 s
 * of a 10k cold build; measured in docs/BENCHMARKS.md, r8-cold).
 */
export function readSourceSync(file: SourceFile, fallbackEncoding?: string): DecodeResult {
  const at = { file: file.displayPath };
  if (file.size > MAX_SOURCE_BYTES) {
    return { ok: false, diagnostic: diagnostic('SOURCE_TOO_LARGE', at, { bytes: file.size, limit: MAX_SOURCE_BYTES }) };
  }
  let bytes: Buffer;
  try {
    // Non-blocking, then checked: a file replaced by a FIFO since it was listed must not hang the
    // build waiting for a writer (O_NONBLOCK changes nothing for regular files).
    const fd = openSync(file.abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      // The common case without an fstat (one of a source's four system calls, ~3 µs): a read of
      // one byte more than the listing's size that ends exactly at that size is the file as listed.
      // Anything else (a read that fails, as of a FIFO or a folder, a file grown or shrunk since,
      // an empty one) takes the fstat path below, which says what it is as before.
      const listed = file.size > 0 && file.size < SCRATCH_BYTES ? readListed(fd, file.size) : undefined;
      if (listed !== undefined) return decodeSource(listed, file.displayPath, fallbackEncoding);
      const st = fstatSync(fd);
      if (!st.isFile()) return { ok: false, diagnostic: specialFile(file.displayPath, st) };
      if (st.size > MAX_SOURCE_BYTES) return readSourceSync({ ...file, size: st.size });
      // The size is known: one read into a buffer of that size. A file that shrank meanwhile yields what is left.
      bytes = Buffer.allocUnsafe(st.size);
      let filled = 0;
      while (filled < st.size) {
        const n = readSync(fd, bytes, filled, st.size - filled, filled);
        if (n === 0) break;
        filled += n;
      }
      bytes = bytes.subarray(0, filled);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { ok: false, diagnostic: diagnostic('SOURCE_UNREADABLE', at, { what: 'file', errno: (error as NodeJS.ErrnoException).code }) };
  }
  return decodeSource(bytes, file.displayPath, fallbackEncoding);
}

/** Files up to this size are read into one buffer kept per thread (`readListed`), not a new one each. */
const SCRATCH_BYTES = 1024 * 1024;
let scratch: Buffer | undefined;

/**
 * The file's bytes when one positional read of `size` + 1 bytes returns exactly `size` (the
 * listed size: the file ended there), in this thread's scratch buffer, valid until the next read
 * (`decodeSource` copies what it keeps into strings); else undefined, the read's error included.
 */
function readListed(fd: number, size: number): Buffer | undefined {
  if (scratch === undefined || scratch.length < size + 1) scratch = Buffer.allocUnsafeSlow(Math.min(SCRATCH_BYTES, Math.max(64 * 1024, 2 * (size + 1))));
  try {
    return readSync(fd, scratch, 0, size + 1, 0) === size ? scratch.subarray(0, size) : undefined;
  } catch {
    return undefined;
  }
}

/** The diagnostic for a FIFO, socket or device where an article or folder could be (also `explain`'s: src/explain.ts). */
export function specialFile(file: string, kind: Pick<Stats, 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>): Diagnostic {
  const what = kind.isFIFO() ? 'fifo' : kind.isSocket() ? 'socket' : kind.isBlockDevice() || kind.isCharacterDevice() ? 'device' : 'other';
  return diagnostic('SOURCE_SPECIAL_FILE', { file }, { what });
}

/**
 * Decode a source by its kind (from the extension of `displayPath`): HTML as browsers do (BOM,
 * <meta charset>, sniff), plain text as UTF-8 or else `fallbackEncoding` (windows-1252 by
 * default) with a SOURCE_NOT_UTF8 note, Markdown as UTF-8 (or UTF-16 with a BOM) only. See
 * src/sources/encoding.ts.
 */
export function decodeSource(bytes: Uint8Array, displayPath: string, fallbackEncoding?: string): DecodeResult {
  const at = { file: displayPath };
  const kind = SOURCE_EXTENSIONS[path.extname(displayPath).toLowerCase()];
  let text: string;
  let note: Diagnostic | undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (looksBinary(bytes)) {
      return { ok: false, diagnostic: diagnostic('SOURCE_BINARY', at, {}) };
    }
    // A few stray NUL bytes in text (a scraper's or an editor's slip) are removed, and said.
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      const kept = withoutNul(bytes);
      const line = countLineFeeds(bytes.subarray(0, nul)) + 1;
      const read = decodeSource(kept, displayPath, fallbackEncoding);
      if (!read.ok) return read;
      const removed = diagnostic('SOURCE_NUL_REMOVED', { ...at, line }, { count: bytes.length - kept.length, line, ...(read.note ? { also: read.note.message } : {}) });
      return { ok: true, text: read.text, note: removed };
    }
    if (kind === 'html' || kind === 'text') {
      const decoded = kind === 'html' ? decodeHtml(bytes, fallbackEncoding) : decodePlainText(bytes, fallbackEncoding);
      text = decoded.text;
      if (decoded.note) note = diagnostic('SOURCE_NOT_UTF8', at, { note: decoded.note });
    } else {
      // strictUtf8: one decoder for every file (~10 µs a file to make one each time).
      const decoded = strictUtf8(bytes);
      if (decoded === undefined) {
        const offset = firstInvalidUtf8(bytes);
        const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
        const line = before.split('\n').length;
        return { ok: false, diagnostic: diagnostic('SOURCE_INVALID_UTF8', { ...at, line }, { offset, line }) };
      }
      text = decoded;
    }
  }
  // UTF-8 once read as Latin-1 ("â\u0080\u0093" for "–"): its C1 controls would reach the feeds.
  const repaired = note ? undefined : repairLatin1ReadUtf8(text);
  if (repaired) {
    text = repaired.text;
    note = diagnostic('SOURCE_MOJIBAKE_REPAIRED', { ...at, line: repaired.line }, { count: repaired.count, line: repaired.line });
  }
  // `\s` is the white space trim() removes: no copy of the text to find that it is not empty.
  if (!/\S/.test(text)) return { ok: false, diagnostic: diagnostic('SOURCE_EMPTY', at, {}) };
  const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return note ? { ok: true, text: normalised, note } : { ok: true, text: normalised };
}

/**
 * Binary data: the signature of a common binary format, or NUL in the first 8 KiB among control
 * bytes (NUL and the C0 codes text never holds; not tab, line feed, form feed, carriage return or
 * escape) in more than MAX_STRAY_CONTROLS of it (and more than 4). Binary files hold them
 * everywhere (about one byte in ten of compressed data, half of UTF-16 text without its
 * byte-order mark); a text file that a scraper or an editor left a few NUL bytes in is text
 * (decodeSource removes them). Without a NUL only the signature is looked at (a native search:
 * every source of a build passes here).
 */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  const sig = Buffer.from(head.subarray(0, 8)).toString('latin1');
  if (sig.startsWith('\x89PNG') || sig.startsWith('GIF8') || sig.startsWith('\xff\xd8\xff') || sig.startsWith('%PDF') || sig.startsWith('PK\x03\x04') || sig.startsWith('\x7fELF') || sig.startsWith('\x1f\x8b')) return true;
  if (!head.includes(0)) return false;
  let controls = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  return controls > Math.max(4, head.length * MAX_STRAY_CONTROLS);
}

/** The share of control bytes in a file's first 8 KiB above which it is binary (looksBinary): 0.5 %. */
export const MAX_STRAY_CONTROLS = 0.005;

/** The bytes without their NULs. */
function withoutNul(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (const b of bytes) if (b !== 0) out[n++] = b;
  return out.subarray(0, n);
}

function countLineFeeds(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0x0a) n++;
  return n;
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
