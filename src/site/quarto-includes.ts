import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/*
 * Quarto's include shortcode (`{{< include _content.qmd >}}`, quarto.org "Includes"): the named
 * file's text stands in its place before the document is rendered. The path is relative to the
 * including document's folder, or, starting with `/`, to the project's root. Quarto renders no file
 * whose name starts with `_` (src/site/rendered.ts), so such files are what sites include: a post
 * whose `index.qmd` is its front matter and one include of its `_content.qmd`.
 *
 * The build reads the `_` files below the articles folder beforehand (their text goes into the
 * template settings, so a change to one rebuilds what includes it), within INCLUDE_LIMITS.
 */

export const QUARTO_INCLUDE_LIMITS = { files: 500, fileBytes: 512 * 1024, totalBytes: 8 * 1024 * 1024, depth: 8 } as const;

/**
 * The `_`-named Markdown documents below `articlesDir` (`.qmd`, `.md`, `.markdown`, in `_` folders
 * too), by their display path -> text; `root` the project's display path, for `/`-relative names.
 */
export function quartoIncludeFiles(articlesDir: string, root: string, display: (abs: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  let files = 0;
  let total = 0;
  const walk = (dir: string, depth: number, hidden: boolean): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (files >= QUARTO_INCLUDE_LIMITS.files || e.name.startsWith('.') || e.name === 'node_modules') continue;
      const abs = path.join(dir, e.name);
      const isHidden = hidden || e.name.startsWith('_');
      if (e.isDirectory()) {
        // knitr's caches and Quarto's freezer hold no documents to include.
        if (depth < QUARTO_INCLUDE_LIMITS.depth && !/_(cache|files)$/.test(e.name) && e.name !== '_freeze') walk(abs, depth + 1, isHidden);
        continue;
      }
      if (isHidden && e.isFile()) readInto(abs, e.name);
    }
  };
  function readInto(abs: string, name: string): void {
    if (files >= QUARTO_INCLUDE_LIMITS.files || !/\.(qmd|md|markdown)$/i.test(name)) return;
    try {
      const size = statSync(abs).size;
      if (size > QUARTO_INCLUDE_LIMITS.fileBytes || total + size > QUARTO_INCLUDE_LIMITS.totalBytes) return;
      out[display(abs)] = readFileSync(abs, 'utf8');
      files++;
      total += size;
    } catch {
      // Unreadable: the include stays unresolved, and is removed with a warning.
    }
  }
  walk(articlesDir, 0, false);
  // And the project's own `_` folders and files at its root (`/_shared/footer.qmd`), not its output
  // (`_site`), freezer or extensions.
  if (path.resolve(root) !== path.resolve(articlesDir)) {
    let top: Dirent[] = [];
    try {
      top = readdirSync(root, { withFileTypes: true }).filter((e) => e.name.startsWith('_') && !/^_(site|freeze|extensions|quarto\b.*)$/.test(e.name));
    } catch {
      top = [];
    }
    for (const e of top.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(path.join(root, e.name), 1, true);
      else if (e.isFile()) readInto(path.join(root, e.name), e.name);
    }
  }
  return out;
}
