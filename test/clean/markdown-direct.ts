/** Shared by the direct-render tests and the benchmark: both paths of one Markdown body, finished. */
import { finishDirectHtml } from '../../src/clean/markdown-html.js';
import { sanitizeContent } from '../../src/clean/sanitize.js';
import { readMarkdown } from '../../src/sources/markdown.js';

export const BASE = 'https://example.com/posts/x/';

/** The body as the old path publishes it: marked's HTML sanitised whole. */
export function oldPath(md: string): string {
  return sanitizeContent(readMarkdown(md, 1, { direct: false }).bodyHtml, { baseUrl: BASE });
}

/** The body as the direct path publishes it, and whether it fell back. */
export function directPath(md: string): { html: string; direct: boolean } {
  const r = readMarkdown(md, 1);
  if (!r.direct) return { html: sanitizeContent(r.bodyHtml, { baseUrl: BASE }), direct: false };
  return { html: finishDirectHtml(r.bodyHtml, { baseUrl: BASE }).html, direct: true };
}
