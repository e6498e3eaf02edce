import { readFileSync } from 'node:fs';

/** feedwright's own version, from package.json (one level above both src/ and lib/). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const HOMEPAGE = 'https://www.npmjs.com/package/feedwright';
