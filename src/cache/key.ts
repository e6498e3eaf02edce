import { hash } from 'node:crypto';
import type { SourceFile } from '../sources/files.js';

/*
 * A source's cache key (src/cache/articles.ts says what it hashes), apart from the cache so that a
 * parse worker, which reads and hashes the sources of its own jobs (src/pipeline/parse-pool.ts
 * `readJob`), keys them too, with the same bytes as the main thread.
 */

export function hashText(text: string): string {
  // One call, no Hash object: crypto.hash is Node >= 20.12 (engines: >= 20.15).
  return hash('sha256', text, 'hex');
}

/**
 * What every key of a build shares (structured-clonable: a parse worker gets it in its setup):
 * `head` is the cache format, feedwright's version and the config's hash; `template` the hash of
 * the site template, which only scraped text's keys hold.
 */
export interface KeyBase {
  head: string;
  template: string;
}

/** The cache key of `file` whose decoded text hashes to `textHash`, with its git dates (if any). */
/** A file's git dates (first and last commit) as a key holds them: `first/last` in ms, '' for none. */
export function gitDatesText(git: { first: Date; last: Date } | undefined): string {
  return git ? `${git.first.getTime()}/${git.last.getTime()}` : '';
}

export function articleKey(base: KeyBase, file: Pick<SourceFile, 'kind' | 'relPath' | 'displayPath'>, textHash: string, git: { first: Date; last: Date } | undefined): string {
  const parts = [base.head, file.kind, file.relPath, file.displayPath, textHash, gitDatesText(git), file.kind === 'text' ? base.template : ''];
  return hashText(parts.join('\0'));
}
