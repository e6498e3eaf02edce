import { Marked, type Token } from 'marked';
import { htmlToText } from '../clean/html-text.js';
import type { DroppedBlock, FoundMetadata } from '../model.js';
import { paragraphsToHtml } from '../util/html.js';

/** One shared renderer: GitHub-flavoured Markdown, no raw-HTML trust (the sanitiser runs later). */
const marked = new Marked({ gfm: true, async: false });

export interface MarkdownResult {
  bodyHtml: string;
  bodyText: string;
  found: FoundMetadata;
  /** Set when the Markdown could not be rendered (rule "markdown-failed") and the text was kept as is. */
  dropped?: DroppedBlock[];
}

/**
 * Render a Markdown body. A level-1 heading that opens the body is the article's title: it becomes
 * found metadata (provenance 'title-line') and leaves the body, since every feed shows the title itself.
 */
export function readMarkdown(body: string, bodyLine: number): MarkdownResult {
  try {
    return renderMarkdown(body, bodyLine);
  } catch (error) {
    // marked recurses per nesting level: 100,000 ">" or "1. " overflow the stack. Keep the text.
    if (!(error instanceof RangeError)) throw error;
    const paragraphs = body.split(/\n[ \t]*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
    return { bodyHtml: paragraphsToHtml(paragraphs), bodyText: paragraphs.join('\n\n'), found: {}, dropped: [{ text: `The Markdown could not be rendered (${error.message}); its text was kept as plain paragraphs.`, rule: 'markdown-failed' }] };
  }
}

function renderMarkdown(body: string, bodyLine: number): MarkdownResult {
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
