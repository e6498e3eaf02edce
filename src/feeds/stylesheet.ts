import { readFileSync } from 'node:fs';

/**
 * The browser stylesheet (assets/feed.xsl), read once. It ships in the package's `assets/`
 * folder, two levels above this module both in `src/feeds/` and in the compiled `lib/feeds/`.
 */
let cached: string | undefined;

export function feedStylesheet(): string {
  cached ??= readFileSync(new URL('../../assets/feed.xsl', import.meta.url), 'utf8');
  return cached;
}
