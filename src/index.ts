/**
 * feedwright: valid, reproducible RSS 2.0, Atom 1.0 and JSON Feed 1.1 from Markdown, scraped
 * text and HTML articles.
 *
 * The library never prints and never exits: results and diagnostics are returned, and only
 * problems that make a run meaningless (a bad config, a missing folder) throw a
 * {@link FeedwrightError} with a permanent code.
 *
 * @example Build the feeds of a site
 * ```ts
 * import { build } from 'feedwright';
 * const result = await build({ cwd: '/path/to/site' });
 * console.log(result.files); // [{ name: 'rss.xml', status: 'written', bytes: 1234 }, ...]
 * console.log(result.changes.added.map((item) => item.title));
 * console.log(result.work.upToDate); // true: nothing changed, nothing was read or rendered
 * ```
 *
 * @example The articles of a build, on request
 * ```ts
 * const result = await build({ cwd: '/path/to/site' });
 * // Not part of the result itself: a build that finds nothing changed never decodes them.
 * for (const article of await result.articles()) console.log(article.title.value, article.link.value);
 * ```
 *
 * @example Validate feeds written by anything
 * ```ts
 * import { check } from 'feedwright';
 * const diagnostics = await check(['dist']);
 * if (diagnostics.some((d) => d.severity === 'error')) process.exitCode = 1;
 * ```
 * @packageDocumentation
 */
export { type BuildOptions, type BuildResult, type BuildSession, type BuildWork, build, type ChangeSummary, createBuildSession, type FeedRef, type ItemRef, loadArticles } from './build.js';
export { CONFIG_FILE, type LoadedConfig, loadConfig, resolveConfig } from './config/load.js';
export type { FeedwrightConfig, Precedence } from './config/schema.js';
export { DIAGNOSTICS, type DiagnosticCode, formatDiagnostic } from './diagnostics.js';
export { EXIT, type FatalCode, FeedwrightError } from './errors.js';
export { type Explanation, explain, type FieldSource } from './explain.js';
export type { Article, Diagnostic, DroppedBlock, Person, Provenance, Severity, Sourced, SourceKind } from './model.js';
export type { WriteSummary } from './output/write.js';
export { type PingOptions, type PingResult, pingHubs } from './publish/websub.js';
export { type CheckOptions, checkFeed, checkPaths, detectFormat, type FeedFormat } from './validate/index.js';

import type { FeedwrightConfig } from './config/schema.js';
import type { Diagnostic } from './model.js';
import { type CheckOptions, checkPaths } from './validate/index.js';

/**
 * Validate feed files and folders (RSS 2.0, Atom 1.0, JSON Feed 1.1): what `feedwright check`
 * does. Folders are searched for *.xml, *.json, *.rss and *.atom files.
 *
 * @param paths files or folders
 * @param options `strict` turns warnings into errors
 * @returns every problem found, with file, line and column; never throws for a bad feed
 */
export function check(paths: readonly string[], options: CheckOptions = {}): Promise<Diagnostic[]> {
  return checkPaths(paths, options);
}

/**
 * The keys of a config file, as written (before defaults): every key optional, `author` also a
 * string ("Name <email> (url)"), `hubs` also a single URL, and `$schema` for editors.
 */
export type FeedwrightConfigInput = Partial<Omit<FeedwrightConfig, 'author' | 'hubs' | 'clean' | 'precedence' | 'files' | 'feeds'>> & {
  $schema?: string;
  author?: string | FeedwrightConfig['author'];
  hubs?: string | string[];
  clean?: Partial<FeedwrightConfig['clean']>;
  precedence?: Partial<FeedwrightConfig['precedence']>;
  files?: Partial<FeedwrightConfig['files']>;
  feeds?: Partial<FeedwrightConfig['feeds']>;
};

/**
 * Identity helper that types a config object, for editors and for library use:
 * `build({ config: resolveConfig(defineConfig({ title: 'My site', link: 'https://example.com/' })) })`.
 *
 * A `feedwright.config.mjs` file is not read by the CLI yet: the config file is JSON
 * (`feedwright.config.json`, documented by its `$schema`).
 */
export function defineConfig(config: FeedwrightConfigInput): FeedwrightConfigInput {
  return config;
}
