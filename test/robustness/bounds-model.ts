/**
 * Pathological articles and user patterns, and the per-article work oracle, shared by
 * test/robustness/bounds.test.ts (bounded, in CI) and scripts/fuzz.ts (long campaigns, with
 * memory measured in a child process per article).
 *
 * The oracle: an article is read, resolved and its items rendered and validated (runArticle, the
 * whole per-article part of a build) within the CPU budget, and, when a child process measures
 * it, within the memory budget. Whether it got there on the full path or by a work bound
 * (ARTICLE_TOO_COMPLEX, ARTICLE_OVER_BOUND) is reported, not required: the bound is what keeps it
 * inside the budget.
 */
import fc from 'fast-check';
import { articleContext, loadReaders, runArticle } from '../../src/pipeline/article.js';
import { resolveConfig } from '../../src/config/load.js';
import type { SourceKind } from '../../src/model.js';
import type { SourceFile } from '../../src/sources/files.js';

export interface PathologicalArticle {
  kind: SourceKind;
  /** The units it repeats, for the report. */
  units: string[];
  content: string;
}

/** Shapes that cost the most per byte, found by profiling each reader (see docs/errors.md, "Work bounds"). */
export const UNITS: Readonly<Record<SourceKind, readonly string[]>> = {
  html: ['<', '<<<<', '<a href=x>y</a>', '<p>', '<div>', '<span>a</span>', '<li>x', '<td>x', '&amp;', '&#', '<!--x-->', '<b>', '<p><a href="/a">link text</a></p>', '<img src=a.png>', 'word ', '\n'],
  markdown: ['<', '&', '[', '*', '_', '`', '> ', '- ', '\n', '\n\n', '|a|b|\n', '*a* _b_ ', '[a](b) ', '![a](b) ', '<div>', '\\', '1. ', '    ', 'word '],
  text: ['a\n', '\n', 'para\n\n', '<', '[', '*', '_', '- x\n', '|x|y|\n', 'By ', 'Share ', 'word ', 'Jan 1, 2024\n'],
};

const EXT: Record<SourceKind, string> = { html: 'html', markdown: 'md', text: 'txt' };

export function fileName(a: Pick<PathologicalArticle, 'kind'>): string {
  return `big.${EXT[a.kind]}`;
}

/** Repeat a mixture of `units` up to `chars` characters, after a front matter with a title and date. */
export function makeArticle(kind: SourceKind, units: string[], chars: number): PathologicalArticle {
  const head = '---\ntitle: Pathological\ndate: 2024-01-01\n---\n';
  const unit = units.join('');
  const body = unit.repeat(Math.ceil((chars - head.length) / unit.length)).slice(0, Math.max(0, chars - head.length));
  return { kind, units, content: head + body };
}

/** Random pathological articles of 1-4 units, `minChars` to `maxChars` long. */
export function pathologicalArticle(minChars: number, maxChars: number): fc.Arbitrary<PathologicalArticle> {
  return fc.constantFrom<SourceKind>('html', 'markdown', 'text').chain((kind) =>
    fc
      .tuple(fc.array(fc.constantFrom(...UNITS[kind]), { minLength: 1, maxLength: 4 }), fc.integer({ min: minChars, max: maxChars }))
      .map(([units, chars]) => makeArticle(kind, units, chars)),
  );
}

/** User patterns that backtrack exponentially in JavaScript, each with the line that triggers it. */
export const CATASTROPHIC_PATTERNS: readonly { pattern: string; line: string }[] = [
  { pattern: '(a|a)*$', line: `${'a'.repeat(36)}!` },
  { pattern: '^(a+)+$', line: `${'a'.repeat(36)}!` },
  { pattern: '(\\w+\\s?)+$', line: `${'word '.repeat(30)}!` },
  { pattern: '^(\\s*\\w+)*$', line: `${'a '.repeat(30)}!` },
  { pattern: '(.*,)*end', line: `${','.repeat(40)}` },
  { pattern: '(a|aa)+b', line: 'a'.repeat(60) },
  { pattern: '^(?:x+x+)+y', line: 'x'.repeat(40) },
];

/** Random user patterns built from overlapping alternatives and nested repeats. */
export const pathologicalPattern: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('a', 'a?', 'a*', 'a+', '\\w', '\\w+', '.', '.*', '\\s*', '[a-z]', '(?:a|a)', '(?:a|aa)', '\\d'),
    fc.constantFrom('a', 'a?', '\\w', '.*', 'aa', '\\s?', ''),
    fc.constantFrom('*', '+', '{2,}', '{1,100}'),
    fc.constantFrom('', '$', 'b', '!'),
    fc.boolean(),
  )
  .map(([x, y, q, end, anchor]) => `${anchor ? '^' : ''}(${x}|${x}${y})${q}${end}`);

/** Per-article budget: CPU seconds and peak memory (MiB) for `chars` characters of source. */
export function budget(chars: number): { cpuS: number; memMb: number } {
  const mb = chars / (1024 * 1024);
  // The target is 2 s per article; CPU time stretches on a busy machine (2 cores shared by many
  // processes measured up to 1.6x), so the budget leaves that margin and grows with the size.
  return { cpuS: 4 + 0.5 * mb, memMb: 256 + 50 * mb };
}

export interface Measured {
  cpuS: number;
  /** Codes of the article's diagnostics. */
  codes: string[];
  status: string;
}

let readersLoaded = false;

/** Run the per-article part of a build (runArticle) on one article, with user patterns, measuring CPU time. */
export async function measureArticle(article: Pick<PathologicalArticle, 'kind' | 'content'>, patterns: { drop?: string[]; keep?: string[] } = {}): Promise<Measured> {
  if (!readersLoaded) {
    await loadReaders(['html', 'text', 'markdown']);
    readersLoaded = true;
  }
  const config = resolveConfig({ title: 'Bounds', link: 'https://example.com/', timezone: 'UTC', git: false, clean: { drop: patterns.drop ?? [], keep: patterns.keep ?? [] } });
  const now = new Date('2025-01-01T00:00:00Z');
  const name = fileName(article);
  const file: SourceFile = { kind: article.kind, relPath: name, displayPath: `articles/${name}`, abs: `/nonexistent/${name}`, mtimeMs: now.getTime(), size: article.content.length };
  const started = process.cpuUsage();
  const entry = runArticle(file, article.content, articleContext(config, new Set(), new Map(), now)).entry;
  const used = process.cpuUsage(started);
  return { cpuS: (used.user + used.system) / 1e6, codes: entry.diagnostics.map((d) => d.code), status: entry.status };
}
