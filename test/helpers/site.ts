import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArticles } from '../../src/pipeline/load.js';
import { resolvePaths } from '../../src/pipeline/paths.js';
import { TEST_NOW, testConfig } from './project.js';

/** The anonymised site fixtures (test/fixtures/sites/<generator>-<shape>/). */
export const SITES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/sites');

/** The site in `cwd` loaded from `articles`, cache off: its articles, links by path and detected site. */
export async function loadAt(cwd: string, articles: string, config: Record<string, unknown> = {}) {
  const paths = resolvePaths({ cwd, articles, config: testConfig({ cache: false, ...config }) });
  const loaded = await loadArticles(paths, TEST_NOW);
  const links = Object.fromEntries(loaded.articles.map((a) => [a.relPath, a.link.value]));
  return { ...loaded, links, site: paths.loaded.config.siteInfo, byPath: new Map(loaded.articles.map((a) => [a.relPath, a])) };
}
