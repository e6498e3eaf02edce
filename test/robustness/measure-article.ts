/**
 * Child process for scripts/fuzz.ts: measure one article's CPU time and peak memory alone, so that
 * one article's peak does not hide the next one's (maxRSS only grows).
 *
 *   node --import tsx test/robustness/measure-article.ts FILE KIND [PATTERNS_JSON]
 *
 * Prints one JSON line: { cpuS, memMb, codes, status }. memMb is the peak resident set during the
 * article minus the resident set just before it (the input string already read, the readers
 * loaded and warmed up on a small article of the same kind).
 */
import { readFileSync } from 'node:fs';
import type { SourceKind } from '../../src/model.js';
import { makeArticle, measureArticle } from './bounds-model.js';

const [file, kind, patternsJson] = process.argv.slice(2) as [string, SourceKind, string | undefined];
const content = readFileSync(file, 'utf8');
const patterns = patternsJson ? (JSON.parse(patternsJson) as { drop?: string[]; keep?: string[] }) : {};
await measureArticle(makeArticle(kind, ['A paragraph of prose, long enough to be kept as content.\n\n'], 4096), patterns);
(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage().rss;
const m = await measureArticle({ kind, content }, patterns);
const peak = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify({ ...m, memMb: Math.max(0, peak - before) / (1024 * 1024) })}\n`);
