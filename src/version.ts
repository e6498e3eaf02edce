import { readFileSync } from 'node:fs';

/** feedwright's own version, from package.json (one level above both src/ and lib/). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * The code this process runs: the version, `+`, and the hash of lib/ that `npm run compile` writes to
 * lib/build-id (scripts/bundle.ts). Every cache key and the no-change fingerprint hold it, so a
 * checkout of other code under the same version never serves the old code's results. Run from
 * src/ (tests, tsx), there is no such file: `+source`. Never printed in a
 * feed: the feeds' generator says VERSION.
 */
export const CODE_ID: string = `${VERSION}+${readBuildId()}`;

function readBuildId(): string {
  try {
    return readFileSync(new URL('./build-id', import.meta.url), 'utf8').trim();
  } catch {
    return 'source';
  }
}

export const HOMEPAGE = 'https://www.npmjs.com/package/feedwright';
