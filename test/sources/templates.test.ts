/**
 * Template code in Markdown bodies (issue 13, item 5): rendered with Liquid where the site uses it,
 * otherwise removed with a warning naming line and tag; never published as text; code keeps it.
 */
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/sources/markdown.js';
import { MAX_LIQUID_TAGS, type TemplateSettings } from '../../src/sources/templates.js';

const LIQUID: TemplateSettings = { engine: 'liquid', vars: { site: { url: 'https://blog.example', baseurl: '/news', title: 'The Blog' } }, links: { 'link:_posts/2025-01-29-x.md': '/news/2025/01/29/x/', 'post_url:2025-01-29-x': '/news/2025/01/29/x/' } };

function read(body: string, options: Parameters<typeof readMarkdown>[2] = {}) {
  const r = readMarkdown(body, 5, { file: 'articles/a.md', ...options });
  return { html: r.bodyHtml, text: r.bodyText, diagnostics: r.diagnostics ?? [] };
}

/** No template delimiter may survive outside <code>/<pre>. */
function outsideCode(html: string): string {
  return html.replace(/<pre>[\s\S]*?<\/pre>|<code>[^<]*<\/code>/g, '');
}

describe('templates: none (the default)', () => {
  it('removes Liquid and Hugo shortcodes, naming each tag and its file line, in one warning', () => {
    const body = 'See [the post]({% link _posts/x.md %}).\n\n![x]({{ site.url }}/a.png)\n\n{{< gallery dir="b" >}}\n\n{{% tabs %}}Keep *this*.{{% /tabs %}}\n';
    const r = read(body);
    expect(outsideCode(r.html)).not.toMatch(/\{\{|\{%|%\}|\}\}/);
    expect(r.html).toContain('Keep <em>this</em>.');
    // The link whose target was removed keeps its text; the image whose source was removed goes.
    expect(r.html).toContain('See the post.');
    expect(r.html).toContain('<img src="/a.png" alt="x" />');
    expect(read('![gone]({% link x.png %}) text').html).toBe('<p> text</p>');
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0];
    expect(d?.code).toBe('CONTENT_TEMPLATE_REMOVED');
    expect(d?.severity).toBe('warning');
    expect(d?.file).toBe('articles/a.md');
    expect(d?.line).toBe(5);
    expect(d?.message).toContain('{% link _posts/x.md %} (line 5)');
    expect(d?.message).toContain('{{ site.url }} (line 7)');
    expect(d?.message).toContain('{{< gallery >}} (line 9)');
    expect(d?.message).toContain('{{% tabs %}} (line 11)');
  });

  it('keeps {{ and {% in code spans and fenced code blocks, and honours {% raw %}', () => {
    const body = 'Use `{{ page.title }}` here.\n\n```liquid\n{% for p in site.posts %}{{ p.url }}{% endfor %}\n```\n\n{% raw %}Literal {{ braces }}{% endraw %}\n';
    const r = read(body);
    expect(r.html).toContain('<code>{{ page.title }}</code>');
    expect(r.html).toContain('{% for p in site.posts %}{{ p.url }}{% endfor %}');
    expect(r.html).toContain('Literal {{ braces }}');
    expect(r.diagnostics).toEqual([]);
  });

  it('turns {% highlight %} and Hugo\'s highlight shortcode into code blocks', () => {
    const r = read('{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\n{{< highlight go >}}\nfunc f() {}\n{{< /highlight >}}\n');
    expect(r.html).toContain('<pre><code class="language-ruby">puts 1\n</code></pre>');
    expect(r.html).toContain('<pre><code class="language-go">func f() {}\n</code></pre>');
  });

  it('publishes Hugo\'s escaped shortcodes as Hugo does, and drops Nunjucks comments silently', () => {
    const r = read('`{{</* figure src="x" */>}}` {# a note #}done');
    expect(r.html).toBe('<p><code>{{&lt; figure src="x" &gt;}}</code> done</p>');
    expect(r.diagnostics).toEqual([]);
  });

  it('keeps the body as written under render_with_liquid: false (the site publishes it so)', () => {
    expect(read('A {{ b }}', { frontMatter: { render_with_liquid: false } }).html).toBe('<p>A {{ b }}</p>');
  });

  it('is linear on unclosed delimiters', () => {
    const start = process.cpuUsage();
    const r = read(`${'{{ {% {# {{< {{% `'.repeat(20_000)}\n`);
    const used = process.cpuUsage(start);
    expect(r.diagnostics.every((d) => d.code !== 'CONTENT_TEMPLATE_FAILED')).toBe(true);
    expect((used.user + used.system) / 1000).toBeLessThan(2_000);
  });
});

describe('templates: Hugo built-in shortcodes', () => {
  const HUGO: TemplateSettings = { engine: 'none', vars: { params: { grpc: { version: 'v1.2.3' } } }, links: { 'ref:articles/a.md:other-post': 'https://h.example/blog/other-post/', 'ref:articles/a.md:/about#team': 'https://h.example/about/#team' } };

  it('renders ref/relref from the links table, param from front matter then the site params, figure, youtube and vimeo', () => {
    const body = [
      'See [the other]({{< relref "other-post" >}}), [team]({{% ref "/about#team" %}}), version {{< param grpc.version >}} by {{< param author >}}.',
      '',
      '{{< figure src="/img/a.png" alt="A" caption="The caption" link="/full.png" >}}',
      '',
      '{{< youtube id="BwFBYLa5mgY" title="The talk" >}} {{< vimeo 55073825 >}}',
    ].join('\n');
    const r = read(body, { templates: HUGO, frontMatter: { author: 'Ada' } });
    expect(r.diagnostics).toEqual([]);
    expect(r.html).toContain('<a href="https://h.example/blog/other-post/">the other</a>, <a href="https://h.example/about/#team">team</a>, version v1.2.3 by Ada.');
    expect(r.html).toContain('<figure><a href="/full.png"><img src="/img/a.png" alt="A" /></a><figcaption>The caption</figcaption></figure>');
    expect(r.html).toContain('<a href="https://www.youtube.com/watch?v=BwFBYLa5mgY">The talk</a> <a href="https://vimeo.com/55073825">Video on Vimeo</a>');
  });

  it('social embeds (x, tweet, instagram, gist) are links to the post; an id that is no plain name is removed and named', () => {
    const body = '{{< x user="SanDiegoZoo" id="1453110110599868418" >}} {{< tweet 1453110110599868418 >}} {{< instagram CxOWiQNP2MO >}} {{< gist spf13 7896402 >}} {{< x user="a b" id="1" >}}';
    const r = read(body, { templates: HUGO });
    expect(r.html).toBe(
      '<p><a href="https://x.com/SanDiegoZoo/status/1453110110599868418">Post by @SanDiegoZoo on X</a> <a href="https://x.com/i/status/1453110110599868418">Post on X</a> <a href="https://www.instagram.com/p/CxOWiQNP2MO/">Post on Instagram</a> <a href="https://gist.github.com/spf13/7896402">Gist by spf13 on GitHub</a> </p>',
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CONTENT_TEMPLATE_REMOVED']);
  });

  it('an unresolved ref is CONTENT_LINK_UNRESOLVED with its line, the link text kept; an unknown param is removed and named', () => {
    const r = read('[gone]({{< relref "nowhere" >}}) and {{< param nothing >}}.', { templates: HUGO });
    expect(r.html).toBe('<p>gone and .</p>');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['CONTENT_TEMPLATE_REMOVED', 5],
      ['CONTENT_LINK_UNRESOLVED', 5],
    ]);
    expect(r.diagnostics[1]?.message).toContain('{{< relref "nowhere" >}} (line 5)');
  });
});

describe('templates: Zola built-in video shortcodes', () => {
  const ZOLA: TemplateSettings = { engine: 'none', generator: 'zola' };

  it('youtube and vimeo are links to the video, with their arguments read as Zola reads them (a comma inside a quoted title is text)', () => {
    const r = read('{{ youtube(id="BwFBYLa5mgY", title="Talks, part 2") }} and {{ vimeo(id=\'55073825\', class="wide") }}', { templates: ZOLA });
    expect(r.html).toBe('<p><a href="https://www.youtube.com/watch?v=BwFBYLa5mgY">Talks, part 2</a> and <a href="https://vimeo.com/55073825">Video on Vimeo</a></p>');
    expect(r.diagnostics).toEqual([]);
  });
});

describe('templates: math shortcodes (Hugo katex/math, Zola katex)', () => {
  const ZOLA: TemplateSettings = { engine: 'none', generator: 'zola' };
  const HUGO: TemplateSettings = { engine: 'none', generator: 'hugo' };

  it('Hugo: the TeX a paired katex shortcode wraps is kept as written, inline in \\( \\), display as a $$ paragraph, with no warning', () => {
    const r = read('Gravity:\n\n{{< katex display >}}\nF = \\frac{G m_1 m_2}{r^2}\n{{< /katex >}}\n\nwhere {{< katex >}}a*b*c \\\\ x_1 < y{{< /katex >}} holds.', { templates: HUGO });
    expect(r.html).toBe('<p>Gravity:</p>\n<p>$$F = \\frac{G m_1 m_2}{r^2}$$</p>\n<p>where \\(a*b*c \\\\ x_1 &lt; y\\) holds.</p>');
    expect(r.diagnostics).toEqual([]);
    // An opening tag alone (Blowfish's marker that loads KaTeX) is removed and named, as before.
    const alone = read('{{< katex >}}\n\nText $x$.', { templates: HUGO });
    expect(alone.diagnostics.map((d) => d.code)).toEqual(['CONTENT_TEMPLATE_REMOVED']);
  });

  it("Zola: katex(body=…) keeps the body's backslashes, block=true is display math, and {% katex %} bodies are kept whole (a line of = is no heading)", () => {
    const r = read('The vector {{ katex(body="\\vec{a}") }} and {{ katex(body="x^2", block=true) }}\n\n{% katex(block=true) %}\nR_\\theta\n=\n\n\\cos\\theta\n{% end %}\n', { templates: ZOLA });
    expect(r.html).toBe('<p>The vector \\(\\vec{a}\\) and </p>\n<p>$$x^2$$</p>\n<p>$$R_\\theta\n=\n\\cos\\theta$$</p>');
    expect(r.diagnostics).toEqual([]);
  });

  it("Jekyll: jekyll-katex's {% katex [display] %}…{% endkatex %} is kept as written, rendered through Liquid or not", () => {
    const body = 'A set of {% katex %}N{% endkatex %} values,\n\n{% katex display %}\n\\{p_1, \\ldots, p_N\\}\n{% endkatex %}\n';
    for (const templates of [{ engine: 'liquid' } as const, { engine: 'none' } as const]) {
      const r = read(body, { templates });
      expect(r.html).toBe('<p>A set of \\(N\\) values,</p>\n<p>$$\\{p_1, \\ldots, p_N\\}$$</p>');
      expect(r.diagnostics).toEqual([]);
    }
  });

  it('Zola: a katex call whose TeX holds parentheses is math too', () => {
    const r = read('Let {{ katex(body="f(x) = \\left( x^2 \\right)") }} hold.', { templates: { engine: 'none', generator: 'zola' } });
    expect(r.html).toBe('<p>Let \\(f(x) = \\left( x^2 \\right)\\) hold.</p>');
    expect(r.diagnostics).toEqual([]);
  });

  it('a site whose Markdown reads math gets $$…$$ to its math extension, as written', () => {
    const r = read('Inline {{ katex(body="a_1 * b_1") }} here.', { templates: { ...ZOLA, math: { inlineDollar: false, brackets: true } } });
    expect(r.html).toBe('<p>Inline $$a_1 * b_1$$ here.</p>');
  });
});

describe('templates: a work bound on Liquid', () => {
  it('a body with more template tags than MAX_LIQUID_TAGS is not handed to Liquid (quadratic in them): its tags are removed and CONTENT_TEMPLATE_FAILED says why', () => {
    const r = read(`Text.\n\n${'{% note %}x{% endnote %} '.repeat(MAX_LIQUID_TAGS)}`, { templates: { engine: 'liquid' } });
    expect(r.html).not.toContain('{%');
    expect(r.diagnostics.map((d) => d.code)).toContain('CONTENT_TEMPLATE_FAILED');
    expect(r.diagnostics.find((d) => d.code === 'CONTENT_TEMPLATE_FAILED')?.message).toContain('more than 2,000 template tags in one article');
  });
});

describe("templates: the themes' link, github and code shortcodes (Hugo)", () => {
  const HUGO: TemplateSettings = { engine: 'none', generator: 'hugo' };

  it('a link shortcode is a link to its absolute URL with the other argument as its text, URL first or second; a github card links the repository', () => {
    const r = read('Tools: {{< link "Sentry" "https://docs.sentry.io/" >}}, {{< link "https://appwrite.io/docs" "AppWrite" "Visit" >}} and {{< link href="https://x.example/?a=1&b=2" content="X & Y" >}}.\n\n{{< github title="owner/repo-name" >}}', { templates: HUGO });
    expect(r.html).toBe('<p>Tools: <a href="https://docs.sentry.io/">Sentry</a>, <a href="https://appwrite.io/docs">AppWrite</a> and <a href="https://x.example/?a=1&amp;b=2">X &amp; Y</a>.</p>\n<p><a href="https://github.com/owner/repo-name">owner/repo-name on GitHub</a></p>');
    expect(r.diagnostics).toEqual([]);
    // No absolute URL, or no owner/name: removed and named as before.
    const odd = read('{{< link "about" >}} and {{< github title="just-a-name" >}}', { templates: HUGO });
    expect(odd.diagnostics[0]?.message).toContain('{{< link >}} (line 5), {{< github >}} (line 5)');
  });

  it('a paired code shortcode is a fenced code block in its language; an unpaired one is removed', () => {
    const r = read('Before.\n\n{{<code html>}}\n<script src="x.js"></script>\n{{ if .IsHome }}\n{{</code>}}\n\nAfter.', { templates: HUGO });
    expect(r.html).toBe('<p>Before.</p>\n<pre><code class="language-html">&lt;script src="x.js"&gt;&lt;/script&gt;\n{{ if .IsHome }}\n</code></pre>\n<p>After.</p>');
    expect(r.diagnostics).toEqual([]);
    const open = read('{{< code go >}}\nfunc main() {}\n\nText.', { templates: HUGO });
    expect(open.html).not.toContain('<pre>');
    expect(open.diagnostics.map((d) => d.code)).toEqual(['CONTENT_TEMPLATE_REMOVED']);
  });
});

describe('templates: callout shortcodes of Hugo themes', () => {
  it('a paired alert/notice/hint… is a block quote with its title; one whose tags do not pair is removed and named', () => {
    const r = read('{{% alert title="Heads up" color="info" %}}\nSome *text*.\n{{% /alert %}}\n\n{{% notice tip %}}A tip.{{% /notice %}}\n');
    expect(r.html.replace(/\n/g, '')).toBe('<blockquote><p><strong>Heads up</strong></p><p>Some <em>text</em>.</p></blockquote><blockquote><p><strong>Tip</strong></p><p>A tip.</p></blockquote>');
    expect(r.diagnostics).toEqual([]);
    const odd = read('{{< hint >}}open\n\n{{< hint >}}again{{< /hint >}}\n\nLater {{< gallery >}}.');
    expect(odd.html).not.toContain('blockquote');
    expect(odd.diagnostics[0]?.message).toContain('{{< hint >}} (line 5), {{< hint >}} (line 7), {{< /hint >}} (line 7), {{< gallery >}} (line 9)');
  });
});

describe('templates: JSX attributes in Markdown', () => {
  it('style={{…}} (an .md page compiled as MDX) is removed without a warning: it is not template code', () => {
    const r = read("<div style={{display: 'flex', justifyContent: 'center'}}>\n\nText.\n\n</div>\n\nBut {{ this }} is named.\n");
    expect(outsideCode(r.html)).not.toMatch(/\{\{|\}\}/);
    expect(r.html).toContain('Text.');
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('{{ this }} (line 11)')]);
    expect(r.diagnostics[0]?.message).not.toContain('display');
  });
});

describe('templates: liquid (the preset says the site uses it)', () => {
  it('renders site variables, filters, page variables, {% link %} from the links table and {% raw %}', () => {
    const body = '# {{ page.title }}\n\n[Post]({% link _posts/2025-01-29-x.md %}) on {{ site.title }}, ![i]({{ "/img/a.png" | relative_url }}), [abs]({{ "/b/" | absolute_url }}).\n\n{% raw %}{{ not rendered }}{% endraw %} {% if page.draft %}hidden{% endif %}';
    const r = readMarkdown(body, 1, { file: 'a.md', templates: LIQUID, frontMatter: { title: 'Hello' } });
    expect(r.found.title?.value).toBe('Hello');
    expect(r.bodyHtml).toContain('<a href="/news/2025/01/29/x/">Post</a> on The Blog');
    expect(r.bodyHtml).toContain('src="/news/img/a.png"');
    expect(r.bodyHtml).toContain('href="https://blog.example/news/b/"');
    expect(r.bodyHtml).toContain('{{ not rendered }}');
    expect(r.bodyHtml).not.toContain('hidden');
    expect(r.diagnostics).toBeUndefined();
  });

  it('drops the {% raw %} tags an author put inside code (Liquid runs over code too), keeping what they wrap as written', () => {
    const body = 'Write `{% raw %}{{ page.title }}{% endraw %}` in a layout:\n\n```liquid\n{%- raw -%}\n{% for p in site.posts %}{{ p.url }}{% endfor %}\n{% endraw %}\n```\n';
    const r = readMarkdown(body, 1, { file: 'a.md', templates: LIQUID, frontMatter: { title: 'Hello' } });
    expect(r.bodyHtml).toContain('<code>{{ page.title }}</code>');
    expect(r.bodyHtml).toContain('{% for p in site.posts %}{{ p.url }}{% endfor %}');
    expect(r.bodyHtml).not.toContain('raw');
    expect(r.diagnostics).toBeUndefined();
    // Without an engine nothing says the site runs Liquid: code stays exactly as written.
    expect(readMarkdown(body, 1, { file: 'a.md', frontMatter: { title: 'Hello' } }).bodyHtml).toContain('{% raw %}{{ page.title }}{% endraw %}');
  });

  it('removes includes and unknown tags (keeping what they wrap), naming each', () => {
    const r = read('{% include note.html %}\n\nText.\n\n{% callout %}Kept.{% endcallout %}\n', { templates: LIQUID });
    expect(outsideCode(r.html)).not.toMatch(/\{\{|\{%|%\}|\}\}/);
    expect(r.html).toContain('Kept.');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CONTENT_TEMPLATE_REMOVED']);
    expect(r.diagnostics[0]?.message).toContain('{% include note.html %} (line 5)');
    expect(r.diagnostics[0]?.message).toContain('{% callout %} (line 9)');
  });

  it("jekyll-figure's {% figure caption:\"…\" class:\"…\" %}…{% endfigure %} is a figure with its caption (Markdown); an unpaired one is removed and named at its line", () => {
    const body = ['Intro.', '', '{% figure caption:"She knows [where](/map/) I sleep" class:"wide" %}', '![A character](/img/{{ site.title | slugify }}.jpg)', '{% endfigure %}', '', '{% figure caption:"Left open" %}', '', 'Text.', ''].join('\n');
    const r = read(body, { templates: LIQUID });
    expect(r.html).toContain('<figure><p><img src="/img/the-blog.jpg" alt="A character" /></p>\n<figcaption><p>She knows <a href="/map/">where</a> I sleep</p>\n</figcaption></figure>');
    expect(outsideCode(r.html)).not.toMatch(/\{\{|\{%|%\}|\}\}/);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['Template code that cannot be rendered was removed from the body: {% figure caption:"Left open" %} (line 11).']);
  });

  it('a Liquid plugin video tag, {% youtube id %} / {% vimeo id %} (sizes after the id), is a link to the video; one whose argument is no id is removed and named', () => {
    const r = read('{% youtube aF78u3LQduw 640 360 %}\n\n{% vimeo "76979871" %}\n\n{% youtube https://youtu.be/dQw4w9WgXcQ %}\n\n{% youtube page.video %}\n', { templates: LIQUID });
    expect([...r.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://www.youtube.com/watch?v=aF78u3LQduw', 'https://vimeo.com/76979871', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ']);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['Template code that cannot be rendered was removed from the body: {% youtube page.video %} (line 11).']);
  });

  it('a {% highlight %} whose code holds a backtick fence (a Markdown sample) is one code block, with or without a Liquid engine', () => {
    const body = 'Before.\n\n{% highlight markdown %}\n# Title\n\n```js\nconst a = 1;\n```\n\nAfter the sample.\n{% endhighlight %}\n\nAfter.\n';
    for (const templates of [LIQUID, undefined]) {
      const r = read(body, templates ? { templates } : {});
      expect(r.html).toBe('<p>Before.</p>\n<pre><code class="language-markdown"># Title\n\n```js\nconst a = 1;\n```\n\nAfter the sample.\n</code></pre>\n<p>After.</p>');
    }
  });

  it('an unresolved {% link %} or {% post_url %}: its own warning naming file, line and tag; the link goes, its text stays', () => {
    const body = 'See [the old post]({% post_url 2020-01-01-missing %}) and\n[this]({{ site.baseurl }}{% link _posts/gone.md %}), <a href="{% link x.md %}">that</a>, ![img]({% link a.png %}).\n';
    const r = read(body, { templates: LIQUID });
    expect(r.html).toBe('<p>See the old post and\nthis, that, .</p>');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.file, d.line])).toEqual([['CONTENT_LINK_UNRESOLVED', 'warning', 'articles/a.md', 5]]);
    const message = r.diagnostics[0]?.message ?? '';
    expect(message).toContain('{% post_url 2020-01-01-missing %} (line 5)');
    expect(message).toContain('{% link _posts/gone.md %} (line 6)');
    expect(message).toContain('{% link x.md %} (line 6)');
    // A resolved tag beside them is not named.
    expect(read('[ok]({% link _posts/2025-01-29-x.md %}) [no]({% link y.md %})', { templates: LIQUID }).html).toBe('<p><a href="/news/2025/01/29/x/">ok</a> no</p>');
  });

  it('resolves {% post_url %} from the links table', () => {
    expect(read('[x]({% post_url 2025-01-29-x %})', { templates: LIQUID }).html).toContain('href="/news/2025/01/29/x/"');
  });

  it("renders a site's own {% include %} with its parameters (include.x), nested includes too; a tag inside one is named at the article's include line; an include the site lacks is removed", () => {
    const includes = {
      'note.html': '<p class="notice"><strong>Note:</strong> {{ include.text }} on {{ site.title }}{% include sig %}</p>',
      sig: ' <em>(ed.)</em>{% seo %}',
      loop: '{% include loop %}x',
    };
    const templates: TemplateSettings = { ...LIQUID, includes };
    const r = read('Intro.\n\n{% include note.html text="Moved from Facebook" %}\n\n{% include_cached figure image_path="/a.png" %}\n', { templates });
    expect(r.html).toContain('<strong>Note:</strong> Moved from Facebook on The Blog <em>(ed.)</em>');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CONTENT_TEMPLATE_REMOVED']);
    const message = r.diagnostics[0]?.message ?? '';
    expect(message).toContain('{% seo %} (line 7)');
    expect(message).toContain('{% include_cached figure image_path="/a.png" %} (line 9)');
    // An include that includes itself stops at the depth bound, with a warning; the text around it stays.
    const loop = read('{% include loop %}', { templates });
    expect(loop.text).toBe('xxxxxxxx');
    expect(loop.diagnostics[0]?.message).toContain('{% include loop %} (line 5)');
  });

  it('never reads a file for {% include %} or {% render %}', () => {
    const r = read('{% render "/etc/passwd" %}{% include /etc/hostname %}', { templates: LIQUID });
    expect(r.text).toBe('');
  });

  it('falls back to removal, with a warning, when the Liquid does not parse', () => {
    const r = read('Text {% if %} more {{ x', { templates: LIQUID });
    expect(r.diagnostics.map((d) => d.code)).toContain('CONTENT_TEMPLATE_FAILED');
    expect(outsideCode(r.html)).not.toMatch(/\{%|%\}/);
    expect(r.html).toContain('Text');
  });

  it('keeps code literal in Liquid mode too', () => {
    expect(read('`{{ site.title }}`', { templates: LIQUID }).html).toBe('<p><code>{{ site.title }}</code></p>');
  });
});

describe('templates on hostile input', () => {
  it('stays within bounds in both modes (no quadratic scans, engine limits on loops)', () => {
    const shapes = ['{{ ', '{% ', '{%x%}', '{{a}}', '{% if a %}', '{% raw %}', '``{%', '{{< x >}}{{% y %}}', '{# ', '{% highlight x %}\n'];
    for (const templates of [undefined, LIQUID]) {
      for (const unit of shapes) {
        const start = process.cpuUsage();
        const r = read(unit.repeat(20_000), templates ? { templates } : {});
        const used = process.cpuUsage(start);
        // A lone unclosed "{%" is no template (generators refuse it); no whole tag may remain:
        // no "%}" after the first "{%" (checked without a regular expression, which would be quadratic here).
        const html = outsideCode(r.html);
        for (const [open, close] of [['{%', '%}'], ['{{', '}}']] as const) {
          const first = html.indexOf(open);
          expect(first === -1 || html.lastIndexOf(close) < first, `${unit} ${open}`).toBe(true);
        }
        expect((used.user + used.system) / 1000, unit).toBeLessThan(4_000);
      }
    }
    const loops = read('{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}', { templates: LIQUID });
    expect(loops.diagnostics.map((d) => d.code)).toContain('CONTENT_TEMPLATE_FAILED');
  });
});
