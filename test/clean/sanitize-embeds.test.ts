import { describe, expect, it } from 'vitest';
import { sanitizeContent } from '../../src/clean/sanitize.js';

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
});
