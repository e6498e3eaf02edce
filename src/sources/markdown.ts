import { Marked, type Token } from 'marked';
import { htmlToText } from '../clean/html-text.js';
import type { FoundMetadata } from '../model.js';

/** One shared renderer: GitHub-flavoured Markdown, no raw-HTML trust (the sanitiser runs later). */
const marked = new Marked({ gfm: true, async: false });

export interface MarkdownResult {
  bodyHtml: string;
  bodyText: string;
  found: FoundMetadata;
}

/**
 * Render a Markdown body. A level-1 heading that opens the body is the article's title: it becomes
 * found metadata (provenance 'title-line') and leaves the body, since every feed shows the title itself.
 */
export function readMarkdown(body: string, bodyLine: number): MarkdownResult {
  const tokens = marked.lexer(body);
  const found: FoundMetadata = {};
  const firstIndex = tokens.findIndex((t) => t.type !== 'space');
  const first: Token | undefined = tokens[firstIndex];
  if (first && first.type === 'heading' && first.depth === 1) {
    const title = htmlToText(marked.parseInline(first.text) as string).trim();
    if (title) {
      const line = bodyLine + countNewlines(body.slice(0, body.indexOf(first.raw)));
      found.title = { value: title, from: 'title-line', line };
      tokens.splice(firstIndex, 1);
    }
  }
  const bodyHtml = marked.parser(tokens);
  return { bodyHtml, bodyText: htmlToText(bodyHtml), found };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
