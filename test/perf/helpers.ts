import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { type BuildResult, build } from '../../src/build.js';

/** A fixed clock and mtime, so builds never depend on when the test runs. */
export const NOW = new Date('2026-01-01T00:00:00Z');
export const MTIME = new Date('2025-06-01T12:00:00Z');

export const CONFIG = { title: 'Perf test', link: 'https://example.com/', git: false, limit: 0, stylesheet: false, index: false };

/** One of each kind, with front matter, bylines, JSON-LD, a relative date and an mtime-dated article. */
export function sampleArticles(): Record<string, string> {
  return {
    'one.md': '---\ntitle: One\ndate: 2024-01-02\nauthor: Ann\ntags: [a, b]\n---\nFirst *post* with a [link](/x).\n',
    'two.md': '---\ntitle: Two\ndate: 2024-02-03T10:00:00Z\n---\n# Ignored heading\n\nSecond post.\n',
    'nested/three.md': '---\ntitle: Three\ndate: 2023-05-06\n---\nThird, in a folder.\n',
    'undated.md': '---\ntitle: Undated\n---\nDated by its file time.\n',
    'page.txt':
      'Home | News\n\nCouncil Approves Budget\n\nBy Jane Doe - March 11, 2021\n\nThe council voted on Wednesday to approve the budget for the coming year.\n\nMembers said the money would pay for longer library hours.\n\nTags: budget, libraries\n',
    'recent.txt':
      'Home | News\n\nA Fresh Story\n\nBy Sam Roe - 2 hours ago\n\nSomething happened this morning and people talked about it at length.\n\nMore details will follow as the day goes on.\n',
    'page.html':
      '<!doctype html><html lang="en"><head><title>River Cleanup</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"River Cleanup","datePublished":"2022-06-04T16:00:00Z","author":{"@type":"Person","name":"Li Wei"}}</script></head><body><article><h1>River Cleanup</h1><p>Volunteers pulled two tons of trash from the river on Saturday morning.</p><p>They plan to return next spring.</p></article></body></html>\n',
  };
}

/** A fresh project: articles (mtime fixed), config with the cache in `.cache` (or off). */
export function makeProject(files: Record<string, string>, cache: string | false = '.cache/feedwright'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-perf-'));
  for (const [name, content] of Object.entries(files)) writeArticle(dir, name, content);
  writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ ...CONFIG, cache }, null, 2));
  return dir;
}

export function writeArticle(dir: string, name: string, content: string, mtime: Date = MTIME): void {
  const abs = path.join(dir, 'articles', name);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  utimesSync(abs, mtime, mtime);
}

export function buildAt(dir: string): Promise<BuildResult> {
  return build({ cwd: dir, now: NOW });
}

/** Every output file (dotfiles excluded) -> its bytes as text. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const root = path.join(dir, 'dist');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else out[path.relative(root, abs)] = readFileSync(abs, 'utf8');
    }
  };
  walk(root);
  return out;
}

export function mtimes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of Object.keys(snapshot(dir))) out[name] = statSync(path.join(dir, 'dist', name)).mtimeMs;
  return out;
}

/**
 * What a build without any cache makes of the same articles: a copy of the folder (mtimes kept)
 * in a new project with `cache: false`.
 */
export async function reference(dir: string): Promise<{ files: Record<string, string>; result: BuildResult }> {
  const copy = makeProject({}, false);
  const text = readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8');
  const config = JSON.parse(text) as Record<string, unknown>;
  // Written as the project's own is (one line or indented), so that a diagnostic about the config names the same line.
  writeFileSync(path.join(copy, 'feedwright.config.json'), JSON.stringify({ ...config, cache: false }, null, text.includes('\n ') ? 2 : undefined));
  cpSync(path.join(dir, 'articles'), path.join(copy, 'articles'), { recursive: true, preserveTimestamps: true });
  const result = await buildAt(copy);
  return { files: snapshot(copy), result };
}

/** Diagnostics as comparable text (the same files in both projects have the same display paths). */
export function diagnosticsText(result: BuildResult): string[] {
  return result.diagnostics.map((d) => `${d.file ?? ''}:${d.line ?? ''} ${d.severity} ${d.code} ${d.message}`);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Build with the cache and assert the same bytes, diagnostics and counts as a build without one; the cached build's result. */
export async function expectSameAsUncached(dir: string): Promise<BuildResult> {
  const result = await buildAt(dir);
  const ref = await reference(dir);
  expect(snapshot(dir)).toEqual(ref.files);
  expect(diagnosticsText(result)).toEqual(diagnosticsText(ref.result));
  expect(result.counts).toEqual(ref.result.counts);
  return result;
}
