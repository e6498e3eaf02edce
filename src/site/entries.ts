import { type Dirent, readdirSync } from 'node:fs';

/**
 * The entries of one folder, sorted by name (code-unit order, so every machine lists a site the
 * same way whatever its file system returns), or none when the folder cannot be read: the site
 * readers treat an unreadable folder as an absent one, and the article walk reports it.
 */
export function sortedEntries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}
