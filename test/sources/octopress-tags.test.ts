/**
 * Octopress's Liquid blocks and tags (src/sources/octopress-tags.ts) on a Jekyll site's posts: code
 * blocks as fenced code, block quotes with their attribution, images, gists as links.
 */
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/sources/markdown.js';
import { blockquoteArgs, codeblockArgs, gistLink, imgHtml, MAX_TAG_ARGS } from '../../src/sources/octopress-tags.js';
import type { TemplateSettings } from '../../src/sources/templates.js';

const JEKYLL: TemplateSettings = { engine: 'liquid', vars: { site: { url: 'https://blog.example' } } };

function read(body: string) {
  const r = readMarkdown(body, 5, { file: 'source/_posts/2012-01-01-a.md', templates: JEKYLL });
  return { html: r.bodyHtml, diagnostics: r.diagnostics ?? [] };
}

describe('Octopress tags: arguments as its plugins read them', () => {
  it('codeblock: lang:, else the title file extension; a URL and its link text', () => {
    expect(codeblockArgs(' lang:javascript ')).toEqual({ lang: 'javascript' });
    expect(codeblockArgs('Discover if a number is prime http://example.com/prime.rb Source')).toEqual({ title: 'Discover if a number is prime', url: 'http://example.com/prime.rb', linkText: 'Source' });
    expect(codeblockArgs('config/app.rb')).toEqual({ title: 'config/app.rb', lang: 'rb' });
    expect(codeblockArgs('Example lang:ruby https://e.example/x')).toEqual({ title: 'Example', url: 'https://e.example/x', linkText: 'link', lang: 'ruby' });
  });

  it('blockquote: author, URL and title; author and source title; author alone', () => {
    expect(blockquoteArgs('Seth Godin http://sethgodin.typepad.com/seths_blog/2009/07/welcome-to-island-marketing.html Welcome to Island Marketing')).toEqual({ by: 'Seth Godin', url: 'http://sethgodin.typepad.com/seths_blog/2009/07/welcome-to-island-marketing.html', title: 'Welcome to Island Marketing' });
    expect(blockquoteArgs('Jeff Atwood, Coding Horror')).toEqual({ by: 'Jeff Atwood', title: 'Coding Horror' });
    expect(blockquoteArgs('Ada')).toEqual({ by: 'Ada' });
  });

  it('img: class, source, size, title and alt; gist ids with or without a user', () => {
    expect(imgHtml('left /images/a.png 150 100 "A title" "An alt"')).toBe('<img src="/images/a.png" alt="An alt" title="A title" width="150" height="100">');
    expect(imgHtml('http://placekitten.com/890/280')).toBe('<img src="http://placekitten.com/890/280" alt="">');
    expect(imgHtml('no image here')).toBeUndefined();
    expect(gistLink('996818')).toBe('<a href="https://gist.github.com/996818">Gist on GitHub</a>');
    expect(gistLink('parkr/931c1c8d465a04042403 jekyll-private-gist.markdown')).toBe('<a href="https://gist.github.com/parkr/931c1c8d465a04042403">jekyll-private-gist.markdown (gist on GitHub)</a>');
    expect(gistLink('"x" y z')).toBeUndefined();
  });

  it('arguments past MAX_TAG_ARGS are not read (the expressions would backtrack over them); the body still renders and the tag is named', () => {
    const long = `${'a/'.repeat(MAX_TAG_ARGS)} lang:ruby`;
    expect([codeblockArgs(long), blockquoteArgs(long), imgHtml(long), gistLink(long)]).toEqual([{}, {}, undefined, undefined]);
    const r = read(`{% codeblock ${long} %}\nputs 1\n{% endcodeblock %}\n`);
    expect(r.html).toContain('<pre><code>puts 1\n</code></pre>');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CONTENT_TEMPLATE_REMOVED']);
  });
});

describe('Octopress tags in a Jekyll post', () => {
  it('a codeblock is fenced code with its language, its lines and Markdown characters kept; with a title, a captioned figure', () => {
    const r = read('Intro.\n\n{% codeblock lang:javascript %}\nvar a = 1;\n\n// *not* emphasis\nif (a) { go(); }\n{% endcodeblock %}\n\n{% codeblock Time to be Awesome - awesome.rb http://example.com/awesome.rb %}\nputs "Awesome!"\n{% endcodeblock %}\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.html).toContain('<pre><code class="language-javascript">var a = 1;\n\n// *not* emphasis\nif (a) { go(); }\n</code></pre>');
    expect(r.html).toContain('<figure>\n<figcaption>Time to be Awesome - awesome.rb <a href="http://example.com/awesome.rb">link</a></figcaption>');
    expect(r.html).toContain('</figcaption><pre><code class="language-rb">puts "Awesome!"\n</code></pre>\n</figure>');
  });

  it('a codeblock stays code when the Liquid around it fails and the template code is removed instead', () => {
    const r = read('{% codeblock lang:javascript %}\n/* {{^android}} */\nvar x = [1,\n  2];\n{% endcodeblock %}\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CONTENT_TEMPLATE_FAILED', 'CONTENT_TEMPLATE_REMOVED']);
    expect(r.html).toContain('<pre><code class="language-javascript">/*  */\nvar x = [1,\n  2];\n</code></pre>');
  });

  it('blockquote, pullquote, img and gist', () => {
    const r = read('{% blockquote Jeff Atwood, Coding Horror %}\nA *quote*.\n{% endblockquote %}\n\n{% pullquote %}\nSurely {" this is the line "} to quote.\n{% endpullquote %}\n\n{% img right /images/cat.png 200 "Cat" "A grey cat" %}\n\n{% gist 996818 %}\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.html.replace(/\n+/g, '')).toContain('<blockquote><p>A <em>quote</em>.</p><p>— <strong>Jeff Atwood</strong>, <cite>Coding Horror</cite></p></blockquote>');
    expect(r.html).toContain('<p>Surely this is the line to quote.</p>');
    expect(r.html).toContain('<img src="/images/cat.png" alt="A grey cat" title="Cat" width="200" />');
    expect(r.html).toContain('<a href="https://gist.github.com/996818">Gist on GitHub</a>');
  });
});
