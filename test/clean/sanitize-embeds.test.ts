import { describe, expect, it } from 'vitest';
import { dropIframeContent, sanitizeContent } from '../../src/clean/sanitize.js';

/*
 * An iframe the feed does not keep (iframes only with `allowIframes`) becomes a link to what it
 * shows: a reader of the feed still finds the video a post embeds (a Jekyll include, raw HTML in
 * Markdown), instead of a gap where it was.
 */
const base = 'https://blog.example/posts/x/';

describe('embeds without iframes', () => {
  it("a YouTube or Vimeo player is a link to the video's page; another embed a link to its address, titled by the iframe's title or its host", () => {
    const out = sanitizeContent(
      [
        '<p>Before.</p>',
        '<iframe src="https://www.youtube-nocookie.com/embed/RuY-JRvlcKk" frameborder="0" allowfullscreen></iframe>',
        '<iframe src="//player.vimeo.com/video/76979871?dnt=true" title="The talk"></iframe>',
        '<iframe src="https://maps.example.org/embed?pb=1"></iframe>',
        '<iframe src="/widgets/poll.html"></iframe>',
        '<p>After.</p>',
      ].join('\n'),
      { baseUrl: base },
    );
    expect(out).not.toContain('<iframe');
    expect(out).toContain('<a href="https://www.youtube.com/watch?v=RuY-JRvlcKk" rel="noopener noreferrer">Video on YouTube</a>');
    expect(out).toContain('<a href="https://vimeo.com/76979871" rel="noopener noreferrer">The talk</a>');
    expect(out).toContain('<a href="https://maps.example.org/embed?pb=1" rel="noopener noreferrer">Embedded content from maps.example.org</a>');
    // A relative source is no http(s) embed: dropped as before, with nothing in its place.
    expect(out).not.toContain('poll');
    expect(out).toContain('<p>Before.</p>');
    expect(out).toContain('<p>After.</p>');
  });

  it('no link for a script or srcdoc iframe; with allowIframes the iframe itself is kept', () => {
    const hostile = sanitizeContent('<iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe><iframe src="data:text/html,x"></iframe>', { baseUrl: base });
    expect(hostile).toBe('');
    expect(sanitizeContent('<iframe src="https://www.youtube.com/embed/RuY-JRvlcKk"></iframe>', { baseUrl: base, allowIframes: true })).toContain('<iframe src="https://www.youtube.com/embed/RuY-JRvlcKk"');
  });

  // An iframe's content is text a browser never shows (HTML's RAWTEXT); the sanitiser's parser read
  // elements there, so a fallback link became a link inside the embed's link (the W3C validator:
  // "start tag (a) implies end tag (a)"), and each text piece a copy of the link's text.
  it('what an iframe holds is dropped: no link inside its link, its text once', () => {
    const fallback = sanitizeContent('<p><iframe src="https://embed.example/c" title="The chart"><a href="https://x.example/p">The chart</a></iframe></p>', { baseUrl: base });
    expect(fallback).toBe('<p><a href="https://embed.example/c" rel="noopener noreferrer">The chart</a></p>');
    const pieces = sanitizeContent('<p><iframe src="https://www.youtube.com/embed/RuY-JRvlcKk">Your browser <b>cannot</b> show this.</iframe> After.</p>', { baseUrl: base });
    expect(pieces).toBe('<p><a href="https://www.youtube.com/watch?v=RuY-JRvlcKk" rel="noopener noreferrer">Video on YouTube</a> After.</p>');
  });

  it('an embed inside a link is its text there, not a second link', () => {
    const out = sanitizeContent('<p><a href="https://o.example/"><iframe src="https://embed.example/c"></iframe></a></p>', { baseUrl: base });
    expect(out).toBe('<p><a href="https://o.example/" rel="noopener noreferrer"><span>Embedded content from embed.example</span></a></p>');
    // Kept iframes are no links: a link around one stays as it was.
    expect(sanitizeContent('<a href="https://o.example/"><iframe src="https://embed.example/c"></iframe></a>', { baseUrl: base, allowIframes: true })).toContain('<iframe src="https://embed.example/c"');
  });

  it('dropIframeContent: quoted ">" in the start tag, upper case, several iframes; an unclosed one ends the pass', () => {
    expect(dropIframeContent('a<iframe title="x > y" src=u>in</iframe>b<IFRAME src=v>in2</IFRAME >c')).toBe('a<iframe title="x > y" src=u></iframe>b<IFRAME src=v></IFRAME >c');
    expect(dropIframeContent('a<iframe src=u>in</iframe>b<iframe src=v>never closed')).toBe('a<iframe src=u></iframe>b<iframe src=v>never closed');
    expect(dropIframeContent('<iframes>x</iframes>')).toBe('<iframes>x</iframes>');
    // Many start tags that never end: one forward pass, nothing removed.
    const open = '<iframe a="'.repeat(20000);
    expect(dropIframeContent(open)).toBe(open);
  });
});
