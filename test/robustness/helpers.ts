/**
 * Helpers for the robustness tests: each test builds its own site in a fresh temporary folder
 * (no shared mutable fixtures), runs the real CLI entry `main()` with a fake Io, and reads the
 * feeds back with real parsers.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { main } from '../../src/cli/main.js';
import type { Diagnostic } from '../../src/model.js';

export interface Site {
  dir: string;
  articles: string;
  out: string;
  remove(): void;
}

/** Files relative to `articles/`; a string is written as UTF-8, bytes as they are. */
export type Files = Record<string, string | Uint8Array>;

/** Two good articles every matrix case has beside the bad one, so we can see they survive. */
export const GOOD: Files = {
  'good-one.md': '---\ntitle: Good one\ndate: 2024-01-02\n---\nThe first good article has a body.\n',
  'good-two.md': '---\ntitle: Good two\ndate: 2024-01-03\n---\nThe second good article has a body too.\n',
};
export const GOOD_TITLES = ['Good one', 'Good two'];

export const BASE_CONFIG = { title: 'Robustness', link: 'https://example.com/', git: false } as const;

/** Make a site: `articles/` with `files` (plus the good ones unless `good: false`) and a config. */
export function makeSite(files: Files, options: { config?: Record<string, unknown> | string | null; good?: boolean } = {}): Site {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-robust-'));
  const articles = path.join(dir, 'articles');
  mkdirSync(articles);
  const all = options.good === false ? files : { ...GOOD, ...files };
  for (const [name, content] of Object.entries(all)) {
    const abs = path.join(articles, name);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  const config = options.config === undefined ? BASE_CONFIG : options.config;
  if (config !== null) {
    writeFileSync(path.join(dir, 'feedwright.config.json'), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  }
  return { dir, articles, out: path.join(dir, 'dist'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The --json report: diagnostics of a build, or the fatal error. */
  report: { diagnostics?: Diagnostic[]; error?: { code: string; message: string; hint?: string; file?: string; line?: number }; counts?: Record<string, number> };
}

/** Run `feedwright <args> --json` in `cwd` through the real CLI entry, with a fake Io. */
export async function run(cwd: string, args: string[] = ['build']): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  };
  const code = await main([...args, '--json'], io);
  let report: RunResult['report'] = {};
  if (stdout.trim()) report = JSON.parse(stdout) as RunResult['report'];
  return { code, stdout, stderr, report };
}

/** Run without --json, for the human-readable message. */
export async function runText(cwd: string, args: string[] = ['build']): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io = { cwd, env: { NO_COLOR: '1' }, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } };
  const code = await main(args, io);
  return { code, stdout, stderr, report: {} };
}

export function codes(r: RunResult): string[] {
  return (r.report.diagnostics ?? []).map((d) => d.code);
}

export function find(r: RunResult, code: string): Diagnostic | undefined {
  return r.report.diagnostics?.find((d) => d.code === code);
}

export function findAll(r: RunResult, code: string): Diagnostic[] {
  return r.report.diagnostics?.filter((d) => d.code === code) ?? [];
}

export interface ParsedFeeds {
  rss: { titles: string[]; ids: string[]; html: string[] };
  atom: { titles: string[]; ids: string[]; html: string[] };
  json: { titles: string[]; ids: string[]; html: string[] };
  raw: { rss: string; atom: string; json: string };
}

const xml = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true, isArray: (name) => name === 'item' || name === 'entry' || name === 'link' });

function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return String((v as Record<string, unknown>)['#text']);
  return '';
}

/** Read the three feeds of `outDir` back with real parsers (they must all exist and parse). */
export function readFeeds(outDir: string, names = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' }): ParsedFeeds {
  const raw = {
    rss: readFileSync(path.join(outDir, names.rss), 'utf8'),
    atom: readFileSync(path.join(outDir, names.atom), 'utf8'),
    json: readFileSync(path.join(outDir, names.json), 'utf8'),
  };
  const rssDoc = xml.parse(raw.rss, true) as { rss: { channel: { item?: Record<string, unknown>[] } } };
  const atomDoc = xml.parse(raw.atom, true) as { feed: { entry?: Record<string, unknown>[] } };
  const jsonDoc = JSON.parse(raw.json) as { items: { title?: string; id: string; content_html?: string }[] };
  const items = rssDoc.rss.channel.item ?? [];
  const entries = atomDoc.feed.entry ?? [];
  return {
    rss: { titles: items.map((i) => text(i.title)), ids: items.map((i) => text(i.guid)), html: items.map((i) => text(i['content:encoded'])) },
    atom: { titles: entries.map((e) => text(e.title)), ids: entries.map((e) => text(e.id)), html: entries.map((e) => text(e.content)) },
    json: { titles: jsonDoc.items.map((i) => i.title ?? ''), ids: jsonDoc.items.map((i) => i.id), html: jsonDoc.items.map((i) => i.content_html ?? '') },
    raw,
  };
}

/** Titles in all three feeds (asserted equal across formats). */
export function titlesEverywhere(outDir: string): string[] {
  const f = readFeeds(outDir);
  const sorted = (l: string[]) => [...l].sort();
  const rss = sorted(f.rss.titles);
  if (JSON.stringify(rss) !== JSON.stringify(sorted(f.atom.titles)) || JSON.stringify(rss) !== JSON.stringify(sorted(f.json.titles))) {
    throw new Error(`feeds disagree: rss ${JSON.stringify(rss)} atom ${JSON.stringify(f.atom.titles)} json ${JSON.stringify(f.json.titles)}`);
  }
  return rss;
}

export function feedsExist(outDir: string): boolean {
  return ['rss.xml', 'atom.xml', 'feed.json'].every((n) => existsSync(path.join(outDir, n)));
}

/** True when this process can read files whatever their mode (root, or CAP_DAC_OVERRIDE). */
export function permissionsAreIgnored(): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-perm-'));
  const f = path.join(dir, 'x');
  writeFileSync(f, 'x', { mode: 0o000 });
  try {
    readFileSync(f);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
