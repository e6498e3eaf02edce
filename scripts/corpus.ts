/**
 * Deterministic, seeded benchmark corpora.
 *
 *   npx tsx scripts/corpus.ts --size 10k --kind mixed --out /tmp/corpus-10k
 *
 * Kinds:
 * - `markdown`: Markdown with YAML front matter, about 4.8 KB per article, the corpus the peer
 *   comparison (feed@6 + gray-matter + marked, Hugo) in issue 5 was measured on;
 * - `mixed`: 70 % Markdown, 20 % scraped plain text with site chrome, 10 % HTML pages, as real
 *   folders of feedwright articles look.
 *
 * The same seed, size and kind always give the same bytes (a small xorshift PRNG, no clock, no
 * Math.random), so benchmark runs on different days compare the same work.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type CorpusKind = 'markdown' | 'mixed';

export interface CorpusOptions {
  /** Number of articles. */
  count: number;
  kind: CorpusKind;
  /** Folder to (re)create; it gets `articles/` and a `feedwright.config.json`. */
  dir: string;
  seed?: number;
  /** Articles per sub-folder: big flat folders are slow for every tool alike. */
  perFolder?: number;
}

/** xorshift32: tiny, fast and the same on every platform. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

const WORDS = (
  'the council budget library river volunteers city school park transit housing election vote mayor ' +
  'residents neighbourhood plan street bridge water power station museum festival market harvest coffee ' +
  'morning evening weekend report survey data growth rate policy committee hearing public private ' +
  'community program funding grant project construction delay cost estimate million thousand percent ' +
  'said told asked agreed argued announced expected planned approved rejected reviewed opened closed ' +
  'new old small large local regional national early late quick slow clear quiet busy open final first ' +
  'and or but with from into over under after before during about against between through without'
).split(' ');
const NAMES = ['Jane Doe', 'Sam Whitaker', 'Li Wei', 'Rosa Alvarez', 'Amara Okafor', 'Jonas Berg', 'Priya Nair', 'Tomás Ruiz', 'Hana Sato', 'Olu Adeyemi'];
const TAGS = ['budget', 'libraries', 'transit', 'housing', 'environment', 'schools', 'elections', 'culture', 'food', 'sports', 'health', 'science'];

class Gen {
  constructor(private readonly r: () => number) {}
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
  words(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.pick(WORDS));
    return out.join(' ');
  }
  sentence(): string {
    const s = this.words(8 + this.int(14));
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  }
  paragraph(sentences: number): string {
    return Array.from({ length: sentences }, () => this.sentence()).join(' ');
  }
  title(): string {
    const s = this.words(4 + this.int(6));
    return s.replace(/\b\w/g, (c) => c.toUpperCase());
  }
  date(i: number): { iso: string; human: string; d: Date } {
    // One article an hour from 2010 on (100k reach 2021): deterministic, never in the future.
    const d = new Date(Date.UTC(2010, 0, 1) + (i * 3600 + this.int(3600)) * 1000);
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    return { iso: `${d.toISOString().slice(0, 19)}Z`, human: `${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`, d };
  }
}

/** ~4.8 KB of Markdown with front matter: title, date, author, tags, summary; headings, lists, links, code. */
function markdownArticle(g: Gen, i: number): string {
  const date = g.date(i);
  const tags = [g.pick(TAGS), g.pick(TAGS)].filter((t, k, a) => a.indexOf(t) === k);
  const lines = ['---', `title: "${g.title()} ${i}"`, `date: ${date.iso}`, `author: ${g.pick(NAMES)}`, `tags: [${tags.join(', ')}]`, `summary: ${g.sentence()}`, '---', ''];
  let body = '';
  body += `${g.paragraph(5)}\n\n`;
  body += `## ${g.title()}\n\n`;
  body += `${g.paragraph(4)} See [the report](/reports/${i}.html) and **${g.words(3)}**.\n\n`;
  body += `- ${g.sentence()}\n- ${g.sentence()}\n- ${g.sentence()}\n\n`;
  body += `${g.paragraph(5)}\n\n`;
  body += `> ${g.paragraph(2)}\n\n`;
  body += `## ${g.title()}\n\n`;
  body += `${g.paragraph(5)} The *${g.words(2)}* figure was \`${g.int(1000)}\`.\n\n`;
  body += `\`\`\`\n${g.words(6)}\n${g.words(5)}\n\`\`\`\n\n`;
  while (body.length < 4500) body += `${g.paragraph(3)}\n\n`;
  return `${lines.join('\n')}${body}`;
}

/** A scraped page as plain text: navigation, byline, share bar, body, tags line, related links, newsletter box. */
function textArticle(g: Gen, i: number): string {
  const date = g.date(i);
  const out = ['Home | News | Local', '', `${g.title()} ${i}`, '', `By ${g.pick(NAMES)} - ${date.human}`, '', 'Share on Facebook Share on Twitter Email', ''];
  for (let p = 0; p < 6; p++) {
    out.push(g.paragraph(3 + g.int(3)), '');
    if (p === 2) out.push('- Advertisement -', '');
  }
  out.push(
    `Tags: ${g.pick(TAGS)}, ${g.pick(TAGS)}`,
    '',
    'Related Articles',
    `${g.title()}`,
    `${g.title()}`,
    '',
    'Subscribe to our newsletter',
    'Sign up here to get the latest news, updates and special offers delivered directly to your inbox.',
    '',
  );
  return out.join('\n');
}

function htmlArticle(g: Gen, i: number): string {
  const date = g.date(i);
  const title = `${g.title()} ${i}`;
  const author = g.pick(NAMES);
  const paras = Array.from({ length: 6 }, () => `<p>${g.paragraph(3 + g.int(3))}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} | The Feedwright Gazette</title>
<link rel="canonical" href="https://gazette.example.com/html/${i}">
<meta property="og:title" content="${title}">
<meta name="description" content="${g.sentence()}">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","author":[{"@type":"Person","name":"${author}"}],"datePublished":"${date.iso}","keywords":"${g.pick(TAGS)}, ${g.pick(TAGS)}"}
</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a></nav>
<article>
<h1>${title}</h1>
<p class="byline">By ${author}</p>
${paras}
<div class="share">Share on Facebook Share on Twitter</div>
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">${g.title()}</a></li><li><a href="/b">${g.title()}</a></li></ul></aside>
<footer>© The Feedwright Gazette</footer>
</body>
</html>
`;
}

export const CONFIG = {
  title: 'Benchmark Gazette',
  description: 'A generated corpus for feedwright benchmarks.',
  link: 'https://gazette.example.com/',
  language: 'en',
  author: { name: 'Gazette Newsroom', email: 'newsroom@gazette.example.com' },
  timezone: 'UTC',
  limit: 0,
  git: false,
};

/** One article's relative path and bytes. */
export function corpusFile(i: number, kind: CorpusKind, seed = 5, perFolder = 1000): { rel: string; text: string } {
  const g = new Gen(rng(seed * 1_000_003 + i * 7919 + 17));
  const folder = `part-${String(Math.floor(i / perFolder)).padStart(3, '0')}`;
  const n = String(i).padStart(6, '0');
  if (kind === 'markdown') return { rel: `${folder}/a-${n}.md`, text: markdownArticle(g, i) };
  const roll = i % 10;
  if (roll < 7) return { rel: `${folder}/a-${n}.md`, text: markdownArticle(g, i) };
  if (roll < 9) return { rel: `${folder}/t-${n}.txt`, text: textArticle(g, i) };
  return { rel: `${folder}/h-${n}.html`, text: htmlArticle(g, i) };
}

/** Write a corpus: `dir/articles/**` and `dir/feedwright.config.json` (all items, git off, cache on). */
export function writeCorpus(o: CorpusOptions): void {
  rmSync(o.dir, { recursive: true, force: true });
  const articles = path.join(o.dir, 'articles');
  const made = new Set<string>();
  for (let i = 0; i < o.count; i++) {
    const f = corpusFile(i, o.kind, o.seed, o.perFolder);
    const abs = path.join(articles, f.rel);
    const dir = path.dirname(abs);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(abs, f.text);
  }
  writeFileSync(path.join(o.dir, 'feedwright.config.json'), `${JSON.stringify({ ...CONFIG, cache: '.cache/feedwright' }, null, 2)}\n`);
}

export function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(k|m)?$/i.exec(s.trim());
  if (!m) throw new Error(`not a size: ${s} (write e.g. 50, 1k, 10k, 100k)`);
  const mult = m[2]?.toLowerCase() === 'k' ? 1000 : m[2]?.toLowerCase() === 'm' ? 1_000_000 : 1;
  return Math.round(Number(m[1]) * mult);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const get = (name: string, dflt: string): string => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
  };
  const count = parseSize(get('size', '1k'));
  const kind = get('kind', 'mixed') as CorpusKind;
  const dir = path.resolve(get('out', `/tmp/feedwright-corpus-${kind}-${count}`));
  writeCorpus({ count, kind, dir, seed: Number(get('seed', '5')) });
  process.stdout.write(`${dir}\n`);
}
