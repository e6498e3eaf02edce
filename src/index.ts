/**
 * feedwright: valid, reproducible RSS 2.0, Atom 1.0 and JSON Feed 1.1 from Markdown, scraped
 * text and HTML articles.
 *
 * @example
 * ```ts
 * import { build } from 'feedwright';
 * const result = await build({ cwd: '/path/to/site' });
 * console.log(result.files); // [{ name: 'rss.xml', status: 'written', bytes: 1234 }, ...]
 * ```
 * @packageDocumentation
 */
export { build, loadArticles, type BuildOptions, type BuildResult } from './build.js';
export { explain, type Explanation, type FieldSource } from './explain.js';
export { checkFeed, checkPaths, detectFormat, type CheckOptions, type FeedFormat } from './validate/index.js';
export { loadConfig, resolveConfig, CONFIG_FILE } from './config/load.js';
export type { FeedwrightConfig, Precedence } from './config/schema.js';
export { DIAGNOSTICS, formatDiagnostic, type DiagnosticCode } from './diagnostics.js';
export { FeedwrightError, EXIT, type FatalCode } from './errors.js';
export type { Article, Diagnostic, DroppedBlock, Person, Provenance, Severity, Sourced, SourceKind } from './model.js';

import type { FeedwrightConfig } from './config/schema.js';

/** Identity helper for typed config files (`feedwright.config.mjs`): `export default defineConfig({...})`. */
export function defineConfig(config: Partial<FeedwrightConfig>): Partial<FeedwrightConfig> {
  return config;
}
