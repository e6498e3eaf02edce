/**
 * HTML that HTML parsers read without an error (the W3C feed validator reports each as "Invalid
 * HTML"): void elements have no end tag, and no link is inside a link. Found on real blogs: a
 * `<video><source …></video>` written `<source …></source>`, and Rust signatures in link text
 * (`[fn min(self) -> Option<Self::Item>](url)`), where `<Self::Item>` is a Markdown autolink.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeContent } from '../../src/clean/sanitize.js';
import { readMarkdown } from '../../src/sources/markdown.js';

const baseUrl = 'https://blog.example/posts/x/';

describe('sanitised HTML structure', () => {
  it('writes void elements (source, track, col, img, br) without an end tag', () => {
    const out = sanitizeContent(
      '<video controls><source src="/v.mp4" type="video/mp4"></source><track src="/t.vtt" kind="captions"></video><table><colgroup><col><col></colgroup><tr><td>a</td></tr></table><p>a<br>b<img src="/i.png" alt=""></p>',
      { baseUrl },
    );
    expect(out).toBe(
      '<video controls><source src="https://blog.example/v.mp4" type="video/mp4" /><track src="https://blog.example/t.vtt" kind="captions" /></video><table><colgroup><col /><col /></colgroup><tr><td>a</td></tr></table><p>a<br />b<img src="https://blog.example/i.png" alt="" /></p>',
    );
  });

  it('keeps a link inside a link as its text, and the links after it whole', () => {
    const out = sanitizeContent('<p><a href="/o">outer <a href="/i">inner</a> tail</a> then <a href="/next">next</a></p>', { baseUrl });
    expect(out).toBe(
      '<p><a href="https://blog.example/o" rel="noopener noreferrer">outer <span>inner</span> tail</a> then <a href="https://blog.example/next" rel="noopener noreferrer">next</a></p>',
    );
  });

  it('a Markdown autolink in a link text is no second link', () => {
    const md = '[fn min(self) -> Option<Self::Item>](https://doc.example/iter#min) and [plain](https://doc.example/p)\n';
    const html = readMarkdown(md, 1).bodyHtml;
    expect(html.match(/<a\b/g)).toHaveLength(2);
    expect(html).toContain('>fn min(self) -&gt; Option<span>Self::Item</span></a>');
  });
});
