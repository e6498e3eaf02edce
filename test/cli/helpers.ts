import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/output.js';

/** A fixed clock for article dates: tests never depend on when they run. */
export const DAY = 24 * 60 * 60 * 1000;
export const EPOCH = Date.parse('2024-01-01T00:00:00Z');

export interface ArticleSpec {
  title: string;
  author?: string | string[];
  tags?: string[];
  /** Days after 2024-01-01. */
  day: number;
  updatedDay?: number;
  summary?: string;
  body?: string;
}

/** A Markdown article with front matter. */
export function article(a: ArticleSpec): string {
  const date = new Date(EPOCH + a.day * DAY).toISOString();
  const lines = ['---', `title: ${JSON.stringify(a.title)}`, `date: ${date}`];
  if (a.updatedDay !== undefined) lines.push(`updated: ${new Date(EPOCH + a.updatedDay * DAY).toISOString()}`);
  if (a.author !== undefined) lines.push(`author: ${JSON.stringify(a.author)}`);
  if (a.tags) lines.push(`tags: ${JSON.stringify(a.tags)}`);
  if (a.summary) lines.push(`summary: ${JSON.stringify(a.summary)}`);
  lines.push('---', '', a.body ?? `The body of ${a.title}.`, '');
  return lines.join('\n');
}

/** A fresh project folder: articles (file name -> content) and a config (git and cache off). */
export function makeSite(articles: Record<string, string>, config: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'feedwright-cli-'));
  writeArticles(dir, articles);
  writeFileSync(path.join(dir, 'feedwright.config.json'), JSON.stringify({ title: 'Test site', link: 'https://example.com/', git: false, cache: false, ...config }, null, 2));
  return dir;
}

export function writeArticles(dir: string, articles: Record<string, string>): void {
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  for (const [name, content] of Object.entries(articles)) writeFileSync(path.join(dir, 'articles', name), content);
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with captured output. `tty` makes stderr (and stdout) claim to be a terminal. */
export async function run(argv: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; tty?: boolean } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty === true },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty === true },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
