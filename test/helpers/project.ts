import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildOptions, type BuildResult } from '../../src/build.js';
import { resolveConfig } from '../../src/config/load.js';
import { loadArticles } from '../../src/pipeline/load.js';
import { resolvePaths } from '../../src/pipeline/paths.js';

/** A fixed clock and mtime, so builds in tests never depend on when they run. */
export const TEST_NOW = new Date('2026-01-01T00:00:00Z');
export const TEST_MTIME = new Date('2025-06-01T12:00:00Z');

/**
 * A fresh temporary project: `files` (path -> content) under articles/, a config, git off.
 * Each test builds its own: no shared mutable fixtures.
 */
export function makeProject(files: Record<string, string | Uint8Array>, config: Record<string, unknown> = {}): { dir: string; articles: string; out: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-test-'));
  const articles = path.join(dir, 'articles');
  mkdirSync(articles, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const abs = path.join(articles, name);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    utimesSync(abs, TEST_MTIME, TEST_MTIME);
  }
  writeFileSync(
    path.join(dir, 'feedwright.config.json'),
    JSON.stringify({ title: 'Test feed', link: 'https://example.com/', git: false, cache: false, stylesheet: false, index: false, ...config }, null, 2),
  );
  return { dir, articles, out: path.join(dir, 'dist') };
}

/** A fresh temporary folder holding `files` (path relative to it -> content), and nothing else. */
export function makeTree(files: Record<string, string>, prefix = 'feedwright-tree-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Build a project made by makeProject with the fixed clock. */
export async function buildProject(dir: string, options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  return build({ cwd: dir, now: TEST_NOW, ...options });
}

export function readOut(dir: string, name: string): string {
  return readFileSync(path.join(dir, 'dist', name), 'utf8');
}

/** A resolved config for unit tests, git off. */
export function testConfig(overrides: Record<string, unknown> = {}) {
  return resolveConfig({ title: 'Test feed', link: 'https://example.com/', git: false, ...overrides });
}

/**
 * The content HTML of the first article of a site made of `files` (path -> content, as makeTree),
 * its generator detected from those files: how a site's own Markdown dialect reaches an item.
 */
export async function siteArticleHtml(files: Record<string, string>, articles: string): Promise<string> {
  const cwd = makeTree(files, 'feedwright-site-article-');
  const loaded = await loadArticles(resolvePaths({ cwd, articles, config: testConfig({ cache: false }) }), TEST_NOW);
  return loaded.articles[0]?.contentHtml ?? '';
}
