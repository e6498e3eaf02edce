import { realpathSync } from 'node:fs';
import { lstat, open, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { type FeedwrightError, fatal } from '../errors.js';
import { isInside } from '../util/path.js';

/**
 * What feedwright may touch in an output folder.
 *
 * - It writes and replaces only files it owns: those listed in the manifest of its last build
 *   (`.feedwright-manifest.json`, replaced with the other files by the commit journal). An
 *   existing file it did not write (the site's own `index.html` when `--out` points at a site's
 *   public folder) is never replaced or deleted without `--force`. An output folder from before
 *   manifests has none: there, a file is taken as feedwright's if it carries feedwright's
 *   generator mark, or if the folder's main feed does (the folder was feedwright's output).
 * - It never writes or deletes through a symbolic link inside the output folder (a `tags/` that
 *   links to `/etc` would otherwise have feedwright create and delete files there). The output
 *   folder itself may be a link: the user chose it.
 * - The output folder must not overlap the articles folder (the same, inside it, or holding it):
 *   feeds would be read back as articles, and stale-feed removal could delete articles.
 */
export const MANIFEST_NAME = '.feedwright-manifest.json';
const MANIFEST_FORMAT = 'feedwright-manifest-1';

/** The files of the last build, or undefined when the folder has no (readable) manifest. */
export async function readManifest(outDir: string): Promise<Set<string> | undefined> {
  try {
    const data = JSON.parse(await readFile(path.join(outDir, MANIFEST_NAME), 'utf8')) as { format?: unknown; files?: unknown };
    if (data.format !== MANIFEST_FORMAT || !Array.isArray(data.files)) return undefined;
    return new Set(data.files.filter((f): f is string => typeof f === 'string'));
  } catch {
    return undefined;
  }
}

export function manifestText(files: Iterable<string>): string {
  return `${JSON.stringify({ format: MANIFEST_FORMAT, files: [...new Set(files)].sort() }, null, 1)}\n`;
}

/** Decides, file by file, whether an existing output file is feedwright's to replace or delete. */
export class Ownership {
  private legacyFolder: boolean | undefined;

  constructor(
    private readonly outDir: string,
    /** The last build's manifest, if the folder has one. */
    readonly manifest: Set<string> | undefined,
    /** The main feeds' names (config.files), whose mark makes a manifest-less folder feedwright's. */
    private readonly mainFeeds: readonly string[],
  ) {}

  /** True when `name` (relative to the output folder) does not exist or is feedwright's. */
  async owns(name: string): Promise<boolean> {
    const abs = path.join(this.outDir, name);
    const s = await lstat(abs).catch(() => undefined);
    if (!s) return true;
    if (this.manifest) return this.manifest.has(name);
    if (s.isFile() && (await hasMark(abs))) return true;
    this.legacyFolder ??= await this.isLegacyFolder();
    return this.legacyFolder && s.isFile();
  }

  private async isLegacyFolder(): Promise<boolean> {
    for (const name of this.mainFeeds) if (await hasMark(path.join(this.outDir, name))) return true;
    return false;
  }
}

/** feedwright's name near the file's start: its generator element (RSS, Atom), its stylesheet. */
async function hasMark(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const buf = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      return /feedwright/.test(buf.toString('utf8', 0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** OUTPUT_NOT_OWNED for existing files feedwright did not write. */
export function notOwned(names: readonly string[], display: (name: string) => string, outDisplay: string): FeedwrightError {
  const shown = names.slice(0, 5).map(display);
  return fatal('OUTPUT_NOT_OWNED', { shown, total: names.length, suggestion: path.posix.join(outDisplay, 'feeds') }, shown[0]);
}

/**
 * Throw OUTPUT_SYMLINK when a folder between the output folder and any of `names` (relative
 * paths) is a symbolic link: writing or deleting there would reach outside the output folder.
 */
export async function assertNoLinks(outDir: string, names: Iterable<string>, display: (abs: string) => string): Promise<void> {
  const seen = new Map<string, boolean>();
  for (const name of names) {
    const parts = name.split('/').filter((p) => p !== '');
    // Folders only: a file that is a link is replaced by rename (the link, not its target).
    for (let i = 1; i < parts.length; i++) {
      const rel = parts.slice(0, i).join('/');
      if (seen.has(rel)) continue;
      const abs = path.join(outDir, rel);
      const s = await lstat(abs).catch(() => undefined);
      const link = s?.isSymbolicLink() === true;
      seen.set(rel, link);
      if (link) {
        const target = await readlink(abs).catch(() => '?');
        throw fatal('OUTPUT_SYMLINK', { folder: display(abs), target }, display(abs));
      }
    }
  }
}

/** The real path of `p`, or of its nearest existing ancestor followed by the rest. */
function realish(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let at = abs;
  for (;;) {
    try {
      return path.join(realpathSync(at), ...rest.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return abs;
      rest.push(path.basename(at));
      at = parent;
    }
  }
}

/** Throw OUTPUT_OVERLAPS_ARTICLES when the output folder is the articles folder, inside it, or holds it. */
export function assertNoOverlap(outDir: string, articlesDir: string, display: (abs: string) => string): void {
  const out = realish(outDir);
  const articles = realish(articlesDir);
  if (!isInside(articles, out) && !isInside(out, articles)) return;
  const how = out === articles ? 'same' : isInside(articles, out) ? 'inside' : 'holds';
  throw fatal('OUTPUT_OVERLAPS_ARTICLES', { out: display(outDir), articles: display(articlesDir), how }, display(outDir));
}
