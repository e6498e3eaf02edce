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
/**
 * Hugo's, Jekyll's and Hexo's summary divider, `<!--more-->` (Docusaurus's `<!--truncate-->`): the
 * summary is what comes before it.
 */
const MORE = /^\s*(?:more|truncate)\s*$/i;

/**
 * Render HTML to plain text: paragraphs separated by one blank line, whitespace collapsed, entities
 * decoded (htmlparser2 does it). Used for summaries, `contentText` and tests.
 */
export function htmlToText(html: string): string {
  return htmlToTexts(html).text;
}

/**
 * The paragraphs of a text rendering, built as tags and text arrive, and the summary's share of
 * them: the paragraphs outside code blocks and headings, up to a `<!--more-->` comment. Both
 * readers below feed it, so they render alike by construction.
 */
class Paragraphs {
  private readonly paragraphs: string[] = [];
  private readonly summary: string[] = [];
  private current = '';
  private notSummaryDepth = 0;
  private more = false;

  text(text: string): void {
    this.current += text;
  }

  open(name: string): void {
    if (name === 'br') this.current += '\n';
    else if (BLOCK_ELEMENTS.has(name)) this.flush();
    if (NOT_SUMMARY_ELEMENTS.has(name)) this.notSummaryDepth++;
  }

  close(name: string): void {
    if (BLOCK_ELEMENTS.has(name)) this.flush();
    if (NOT_SUMMARY_ELEMENTS.has(name)) this.notSummaryDepth = Math.max(0, this.notSummaryDepth - 1);
  }

  comment(data: string): void {
    if (MORE.test(data)) {
      this.flush();
      this.more = true;
    }
  }

  done(): { text: string; summary: string } {
    this.flush();
    return { text: this.paragraphs.join('\n\n'), summary: this.summary.join('\n\n') };
  }

  private flush(): void {
    if (this.current === '') return;
    const t = squashSpaces(this.current);
    if (t) {
      this.paragraphs.push(t);
      if (this.notSummaryDepth === 0 && !this.more) this.summary.push(t);
    }
    this.current = '';
  }
}

/** `htmlToText`, and in the same pass the text a summary is cut from (see {@link Paragraphs}). */
export function htmlToTexts(html: string): { text: string; summary: string } {
  const out = new Paragraphs();
  let skipDepth = 0;
  // SKIPPED_ELEMENTS share no name with BLOCK_ELEMENTS or br, so a skipped element only counts for the summary.
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipDepth++;
        out.open(name);
      },
      ontext(text) {
        if (skipDepth === 0) out.text(text);
      },
      onclosetag(name) {
        if (SKIPPED_ELEMENTS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        out.close(name);
      },
      oncomment(data) {
        out.comment(data);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out.done();
}

/** Elements htmlparser2 reads as raw text or whose content it treats specially: the scanner below gives up on them. */
const RAW_TEXT = /^(?:script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext|noscript|template|head|svg|math)$/;
/** The void elements htmlparser2 closes as soon as they open. */
const VOID_ELEMENTS = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const REFERENCES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/**
 * `htmlToTexts` for the direct Markdown render alone (src/clean/markdown-html.ts, no sanitised
 * fragment in it), without htmlparser2: re-parsing that HTML was ~6 % of a Markdown article's
 * CPU. The render is exact by construction: every `<` opens a tag or the `<!--more-->` mark,
 * every attribute value is double-quoted with `&`, `<`, `>` and `"` escaped, text holds no
 * reference but those four, and every element is closed in order (so htmlparser2 implies no
 * end tag). Anything else (another reference, a raw-text element, a stray character) gives
 * undefined, and the caller uses htmlToTexts; test/clean/html-text-direct.test.ts holds the
 * two equal on generated Markdown.
 */
export function directHtmlTexts(html: string): { text: string; summary: string } | undefined {
  const out = new Paragraphs();
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      let text = html.slice(i, end);
      if (text.includes('&')) {
        if (/&(?!(?:amp|lt|gt|quot);)/.test(text)) return undefined;
        text = text.replace(/&(?:amp|lt|gt|quot);/g, (r) => REFERENCES[r] as string);
      }
      out.text(text);
    }
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      if (close === -1) return undefined;
      out.comment(html.slice(lt + 4, close));
      i = close + 3;
      continue;
    }
    const closing = html.charCodeAt(lt + 1) === 47; /* / */
    let j = closing ? lt + 2 : lt + 1;
    const nameStart = j;
    while (j < n) {
      const c = html.charCodeAt(j);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57 && j > nameStart)) j++;
      else break;
    }
    const after = html.charCodeAt(j);
    if (j === nameStart || !(after === 32 || after === 47 || after === 62)) return undefined;
    const name = html.slice(nameStart, j);
    if (RAW_TEXT.test(name)) return undefined;
    // Attributes: every value double-quoted, so the first `>` outside quotes ends the tag.
    let quoted = false;
    let k = j;
    for (; k < n; k++) {
      const c = html.charCodeAt(k);
      if (c === 34) quoted = !quoted;
      else if (c === 62 && !quoted) break;
      else if (c === 60) return undefined;
    }
    if (k === n) return undefined;
    i = k + 1;
    if (closing) {
      out.close(name);
      continue;
    }
    out.open(name);
    if (VOID_ELEMENTS.has(name)) out.close(name); // htmlparser2 closes a void element as it opens it
  }
  return out.done();
}
