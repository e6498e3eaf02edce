/**
 * Markdown rendering CPU per article, old path against direct path (issue 14), in one process:
 *   old     marked's HTML (readMarkdown with direct: false), then sanitize-html on the whole body
 *   direct  readMarkdown's direct render, then finishDirectHtml (URLs made absolute)
 * Both include what readMarkdown does besides (title line, text and summary). Sets: the repository's
 * Markdown articles (articles/, and every .md under test/: golden cases, fixtures) and 1,000 generated ones (scripts/corpus.ts, kind
 * markdown). Rounds alternate old and direct; each round's process CPU (user+sys) per article is
 * recorded and the medians printed, with the ratio. The machine may be busy: compare the ratio.
 *
 *   npx tsx scripts/bench-markdown.ts [--rounds 11]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { directStats, finishDirectHtml } from '../src/clean/markdown-html.js';
import { sanitizeWithReport } from '../src/clean/sanitize.js';
import { splitFrontMatter } from '../src/sources/front-matter.js';
import { readMarkdown } from '../src/sources/markdown.js';
import { corpusFile } from './corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] || 11);
const BASE = 'https://example.com/posts/x/';

function mdFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...mdFiles(p));
    else if (/\.md$/.test(name)) out.push(p);
  }
  return out;
}

function body(text: string): { body: string; line: number } {
  const fm = splitFrontMatter(text, 'x.md');
  return fm.ok ? { body: fm.body, line: fm.bodyLine } : { body: text, line: 1 };
}

const repo = [...mdFiles(path.join(ROOT, 'articles')), ...mdFiles(path.join(ROOT, 'test'))].map((f) => body(readFileSync(f, 'utf8')));
const generated = Array.from({ length: 1000 }, (_, i) => body(corpusFile(i, 'markdown').text));

function old(a: { body: string; line: number }): string {
  return sanitizeWithReport(readMarkdown(a.body, a.line, { direct: false }).bodyHtml, { baseUrl: BASE }).html;
}
function direct(a: { body: string; line: number }): string {
  const r = readMarkdown(a.body, a.line);
  return r.direct ? finishDirectHtml(r.bodyHtml, { baseUrl: BASE }).html : sanitizeWithReport(r.bodyHtml, { baseUrl: BASE }).html;
}

function cpuPerArticle(set: { body: string; line: number }[], f: (a: { body: string; line: number }) => string): number {
  const start = process.cpuUsage();
  for (const a of set) f(a);
  const d = process.cpuUsage(start);
  return (d.user + d.system) / set.length;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

for (const [name, set] of [
  ['repository articles', repo],
  ['generated 1,000', generated],
] as const) {
  // Same bytes out, or the comparison means nothing.
  const differ = set.filter((a) => old(a) !== direct(a)).length;
  const before = { ...directStats };
  for (const a of set) direct(a);
  const fallbacks = directStats.fallbacks - before.fallbacks;
  const fragments = directStats.fragments - before.fragments;
  // Warm-up.
  for (let i = 0; i < 2; i++) {
    cpuPerArticle(set, old);
    cpuPerArticle(set, direct);
  }
  const o: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2) {
      d.push(cpuPerArticle(set, direct));
      o.push(cpuPerArticle(set, old));
    } else {
      o.push(cpuPerArticle(set, old));
      d.push(cpuPerArticle(set, direct));
    }
  }
  const mo = median(o);
  const md = median(d);
  console.log(
    `${name}: ${set.length} articles, ${differ} with different output, ${fallbacks} fallbacks, ${fragments} fragments; ` +
      `CPU/article median of ${rounds}: old ${mo.toFixed(0)} µs, direct ${md.toFixed(0)} µs, direct/old ${(md / mo).toFixed(2)}`,
  );
}
