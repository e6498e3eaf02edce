/**
 * Markdown rendering CPU per article, in one process, rounds alternated, medians and ratios printed
 * (the machine may be busy: compare the ratios). Sets: the repository's Markdown articles
 * (articles/, and every .md under test/: golden cases, fixtures) and 1,000 generated ones
 * (scripts/corpus.ts, kind markdown).
 *
 *   npx tsx scripts/bench-markdown.ts [--rounds 11]
 *     old path against direct path (issue 14):
 *       old     marked's HTML (readMarkdown with direct: false), then sanitize-html on the whole body
 *       direct  readMarkdown's direct render, then finishDirectHtml (URLs made absolute)
 *     Both include what readMarkdown does besides (title line, text and summary).
 *   npx tsx scripts/bench-markdown.ts --base /tmp/base-worktree [--rounds 11]
 *     the direct path of another checkout (its src/) against this one's, same output required.
 *   npx tsx scripts/bench-markdown.ts --engines /tmp/some/node_modules [--rounds 11]
 *     Markdown engines on the same bodies: marked as configured here (lexer; lexer and marked's
 *     own HTML), marked with plain GFM options (no extension), markdown-it (tokens; HTML, with and
 *     without linkify, which GFM's bare URLs need) and md4w (md4c in WebAssembly: HTML; its JSON
 *     tree), each imported from the given folder where it is installed (none is a dependency).
 *     Raw HTML out of the other engines would still need the sanitiser or a renderer of their
 *     tokens: these are lower bounds of their cost.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Marked } from 'marked';
import { directStats, finishDirectHtml } from '../src/clean/markdown-html.js';
import { sanitizeWithReport } from '../src/clean/sanitize.js';
import { splitFrontMatter } from '../src/sources/front-matter.js';
import { fastBlockRules, fastInlineText, readMarkdown } from '../src/sources/markdown.js';
import { corpusFile } from './corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const rounds = Number(option('--rounds') ?? 11);
const BASE = 'https://example.com/posts/x/';

type Article = { body: string; line: number };
type Case = (a: Article) => unknown;

function mdFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...mdFiles(p));
    else if (/\.md$/.test(name)) out.push(p);
  }
  return out;
}

function body(text: string): Article {
  const fm = splitFrontMatter(text, 'x.md');
  return fm.ok ? { body: fm.body, line: fm.bodyLine } : { body: text, line: 1 };
}

const repo = [...mdFiles(path.join(ROOT, 'articles')), ...mdFiles(path.join(ROOT, 'test'))].map((f) => body(readFileSync(f, 'utf8')));
const generated = Array.from({ length: 1000 }, (_, i) => body(corpusFile(i, 'markdown').text));
const SETS = [
  ['repository articles', repo],
  ['generated 1,000', generated],
] as const;

type Tree = { readMarkdown: typeof readMarkdown; finishDirectHtml: typeof finishDirectHtml; sanitizeWithReport: typeof sanitizeWithReport };
const here: Tree = { readMarkdown, finishDirectHtml, sanitizeWithReport };

function old(a: Article): string {
  return sanitizeWithReport(readMarkdown(a.body, a.line, { direct: false }).bodyHtml, { baseUrl: BASE }).html;
}
function directOf(t: Tree): (a: Article) => string {
  return (a) => {
    const r = t.readMarkdown(a.body, a.line);
    return r.direct ? t.finishDirectHtml(r.bodyHtml, { baseUrl: BASE }).html : t.sanitizeWithReport(r.bodyHtml, { baseUrl: BASE }).html;
  };
}
const direct = directOf(here);

/** Process CPU per article over one pass (a small set is gone through several times, ~1,000 articles in all, so that a pass lasts well over the clock's resolution). */
function cpuPerArticle(set: readonly Article[], f: Case): number {
  const times = Math.max(1, Math.round(1000 / set.length));
  const start = process.cpuUsage();
  for (let i = 0; i < times; i++) for (const a of set) f(a);
  const d = process.cpuUsage(start);
  return (d.user + d.system) / (set.length * times);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/**
 * For each case, the median over rounds of its CPU per article and the median over rounds of its
 * ratio to case 0 in the same round (paired: a round's cases run back to back, so a change of the
 * machine's load between rounds cancels out). Rounds alternate the order (forward, backward).
 */
function measure(set: readonly Article[], cases: readonly Case[]): { cpu: number[]; ratio: number[] } {
  for (let i = 0; i < 2; i++) for (const c of cases) cpuPerArticle(set, c);
  const runs = cases.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    const order = cases.map((_, k) => (i % 2 ? cases.length - 1 - k : k));
    for (const k of order) runs[k]?.push(cpuPerArticle(set, cases[k] as Case));
  }
  const first = runs[0] as number[];
  return { cpu: runs.map(median), ratio: runs.map((r) => median(r.map((x, i) => x / (first[i] as number)))) };
}

async function engines(dir: string): Promise<void> {
  const require = createRequire(path.join(path.resolve(dir), '..', 'x.js'));
  const MarkdownIt = require('markdown-it');
  const md4w = await import(pathToFileURL(path.join(path.resolve(dir), 'md4w/js/index.js')).href);
  await md4w.init();
  const ours = new Marked({ gfm: true, async: false }).use(fastInlineText, fastBlockRules);
  const plain = new Marked({ gfm: true, async: false });
  const mdit = new MarkdownIt({ html: true });
  const linkify = new MarkdownIt({ html: true, linkify: true });
  const cases: [string, Case][] = [
    ['marked lexer, as configured here', (a) => ours.lexer(a.body)],
    ['marked lexer + its HTML, as configured', (a) => ours.parse(a.body)],
    ['marked lexer, plain GFM (no extension)', (a) => plain.lexer(a.body)],
    ['readMarkdown (direct render, texts)', (a) => readMarkdown(a.body, a.line)],
    ['markdown-it 15 tokens', (a) => mdit.parse(a.body, {})],
    ['markdown-it 15 HTML', (a) => mdit.render(a.body)],
    ['markdown-it 15 HTML, linkify', (a) => linkify.render(a.body)],
    // md4w 0.2.7 throws a RangeError on an empty body ("Invalid typed array length: 0").
    ['md4w HTML', (a) => (a.body ? md4w.mdToHtml(a.body) : '')],
    ['md4w JSON tree', (a) => (a.body ? md4w.mdToJSON(a.body) : undefined)],
  ];
  for (const [name, set] of SETS) {
    const { cpu: m, ratio } = measure(
      set,
      cases.map(([, c]) => c),
    );
    console.log(`${name}: ${set.length} articles, CPU/article, median of ${rounds} alternated rounds (paired ratio to marked's lexer as configured, median of the rounds'):`);
    cases.forEach(([label], k) => {
      console.log(`  ${label.padEnd(42)} ${(m[k] as number).toFixed(1).padStart(7)} µs  ${(ratio[k] as number).toFixed(2)}`);
    });
  }
}

async function againstBase(dir: string): Promise<void> {
  const load = (p: string) => import(pathToFileURL(path.join(path.resolve(dir), p)).href);
  const base: Tree = {
    readMarkdown: (await load('src/sources/markdown.ts')).readMarkdown,
    finishDirectHtml: (await load('src/clean/markdown-html.ts')).finishDirectHtml,
    sanitizeWithReport: (await load('src/clean/sanitize.ts')).sanitizeWithReport,
  };
  const baseDirect = directOf(base);
  for (const [name, set] of SETS) {
    const differ = set.filter((a) => baseDirect(a) !== direct(a) || JSON.stringify(base.readMarkdown(a.body, a.line)) !== JSON.stringify(readMarkdown(a.body, a.line))).length;
    const { cpu, ratio } = measure(set, [baseDirect, direct]);
    const [b, h] = cpu as [number, number];
    console.log(
      `${name}: ${set.length} articles, ${differ} with different output; direct path CPU/article median of ${rounds}: base ${b.toFixed(1)} µs, ` +
        `this tree ${h.toFixed(1)} µs, ratio of medians ${(h / b).toFixed(3)}, median of paired ratios ${(ratio[1] as number).toFixed(3)}`,
    );
  }
}

async function oldAgainstDirect(): Promise<void> {
  for (const [name, set] of SETS) {
    // Same bytes out, or the comparison means nothing.
    const differ = set.filter((a) => old(a) !== direct(a)).length;
    const before = { ...directStats };
    for (const a of set) direct(a);
    const fallbacks = directStats.fallbacks - before.fallbacks;
    const fragments = directStats.fragments - before.fragments;
    const { cpu, ratio } = measure(set, [old, direct]);
    const [mo, md] = cpu as [number, number];
    console.log(
      `${name}: ${set.length} articles, ${differ} with different output, ${fallbacks} fallbacks, ${fragments} fragments; ` +
        `CPU/article median of ${rounds}: old ${mo.toFixed(0)} µs, direct ${md.toFixed(0)} µs, direct/old ${(md / mo).toFixed(2)} (paired ${(ratio[1] as number).toFixed(2)})`,
    );
  }
}

const enginesDir = option('--engines');
const baseDir = option('--base');
if (enginesDir) await engines(enginesDir);
else if (baseDir) await againstBase(baseDir);
else await oldAgainstDirect();
