import { Parser } from 'htmlparser2';
import { squashSpaces } from '../util/text.js';

/** Elements after which a paragraph ends (a blank line in the text rendering). */
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'section', 'article', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'figure', 'figcaption', 'hr', 'header', 'footer', 'aside', 'main',
]);
/** Elements whose text is never content. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

/**
 * Render HTML to plain text: paragraphs separated by one blank line, whitespace collapsed, entities
 * decoded (htmlparser2 does it). Used for summaries, `contentText` and tests.
 */
export function htmlToText(html: string): string {
  const paragraphs: string[] = [];
  let current = '';
  let skipDepth = 0;
  const flush = (): void => {
    if (current === '') return;
    const t = squashSpaces(current);
    if (t) paragraphs.push(t);
    current = '';
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipDepth++;
        else if (name === 'br') current += '\n';
        else if (BLOCK_ELEMENTS.has(name)) flush();
      },
      ontext(text) {
        if (skipDepth === 0) current += text;
      },
      onclosetag(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK_ELEMENTS.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs.join('\n\n');
}
