import { Parser } from 'htmlparser2';
import { squashSpaces } from '../util/text.js';

/** Elements after which a paragraph ends (a blank line in the text rendering). */
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'section', 'article', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'figure', 'figcaption', 'hr', 'header', 'footer', 'aside', 'main',
]);
/** Elements whose text is never content. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

/** Elements a summary leaves out: code and section headings. */
const NOT_SUMMARY_ELEMENTS = new Set(['pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Hugo's, Jekyll's and Hexo's summary divider, `<!--more-->`: the summary is what comes before it. */
const MORE = /^\s*more\s*$/i;

/**
 * Render HTML to plain text: paragraphs separated by one blank line, whitespace collapsed, entities
 * decoded (htmlparser2 does it). Used for summaries, `contentText` and tests.
 */
export function htmlToText(html: string): string {
  return htmlToTexts(html).text;
}

/**
 * `htmlToText`, and in the same pass the text a summary is cut from: the paragraphs outside code
 * blocks and headings, up to a `<!--more-->` comment.
 */
export function htmlToTexts(html: string): { text: string; summary: string } {
  const paragraphs: string[] = [];
  const summary: string[] = [];
  let current = '';
  let skipDepth = 0;
  let notSummaryDepth = 0;
  let more = false;
  const flush = (): void => {
    if (current === '') return;
    const t = squashSpaces(current);
    if (t) {
      paragraphs.push(t);
      if (notSummaryDepth === 0 && !more) summary.push(t);
    }
    current = '';
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipDepth++;
        else if (name === 'br') current += '\n';
        else if (BLOCK_ELEMENTS.has(name)) flush();
        if (NOT_SUMMARY_ELEMENTS.has(name)) notSummaryDepth++;
      },
      ontext(text) {
        if (skipDepth === 0) current += text;
      },
      onclosetag(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK_ELEMENTS.has(name)) flush();
        if (NOT_SUMMARY_ELEMENTS.has(name)) notSummaryDepth = Math.max(0, notSummaryDepth - 1);
      },
      oncomment(data) {
        if (MORE.test(data)) {
          flush();
          more = true;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { text: paragraphs.join('\n\n'), summary: summary.join('\n\n') };
}
