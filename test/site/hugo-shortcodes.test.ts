import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/pipeline/load.js';
import { resolvePaths } from '../../src/pipeline/paths.js';
import { hugoShortcodes } from '../../src/site/hugo-shortcodes.js';
import { makeTree, TEST_NOW, testConfig } from '../helpers/project.js';

/*
 * Shapes of real Hugo sites' own shortcodes (layouts/_shortcodes since Hugo 0.146, layouts/shortcodes
 * before, and the theme's): a fixed note, an image taking `src`/`alt`, a lite-youtube embed, and one
 * whose output cannot be told without running Go templates.
 */
const SITE = {
  'hugo.toml': 'baseURL = "https://h.example/"\ntheme = "t"\n',
  'layouts/_shortcodes/disclaimer.md': '**General note**: this post may be out of date.\n{.box}\n',
  'layouts/_shortcodes/img.html':
    '{{- $src := .Get "src" -}}{{- $alt := .Get "alt" -}}\n{{ with .Page.Resources.GetMatch $src }}<picture><img src="{{ .RelPermalink }}" alt="{{ $alt }}" loading="lazy"></picture>{{ end }}\n',
  'layouts/_shortcodes/lite-youtube.html':
    '{{- $videoId := .Get "videoId" -}}{{- $videoTitle := .Get "videoTitle" -}}\n<lite-youtube videoid="{{ $videoId }}" data-bg="url(\'https://i.ytimg.com/vi/{{ $videoId }}/hqdefault.jpg\')"></lite-youtube>\n',
  'layouts/_shortcodes/threads.html': '{{ $id := .Get "id" }}<blockquote class="threads">{{ partial "social/threads" $id }}</blockquote>\n',
  // The theme's `img` is another template: the site's own wins, as in Hugo's lookup.
  'themes/t/layouts/shortcodes/img.html': '{{ partial "gallery" . }}\n',
  'themes/t/layouts/shortcodes/year.html': '2024\n',
  'content/posts/a/index.md': [
    '---',
    'title: A',
    'date: 2024-05-01',
    '---',
    '',
    '{{% disclaimer %}}',
    '',
    'Text, © {{< year >}}.',
    '',
    '{{< img src="shot.png" alt="A screenshot" >}}',
    '',
    '{{< lite-youtube videoTitle="The talk" videoId="abc_123-X" >}}',
    '',
    '{{< threads id="42" >}}',
    '',
    '{{< img alt="no source" >}}',
  ].join('\n'),
};

describe("a Hugo site's own shortcodes", () => {
  it('classified from their templates: fixed text, image, video; the site over the theme; others unknown', () => {
    const root = makeTree(SITE, 'feedwright-shortcodes-');
    expect(hugoShortcodes(root, ['t'], 'themes')).toEqual({
      disclaimer: { kind: 'text', markdown: true, text: '**General note**: this post may be out of date.\n{.box}' },
      img: { kind: 'image', src: 'src', alt: 'alt' },
      'lite-youtube': { kind: 'video', host: 'youtube', id: 'videoId', title: 'videoTitle' },
      year: { kind: 'text', markdown: false, text: '2024' },
    });
  });

  it('rendered in the item; only the unknown one (and the image without a source) is removed, with its line', async () => {
    const cwd = makeTree(SITE, 'feedwright-shortcodes-');
    const loaded = await loadArticles(resolvePaths({ cwd, articles: 'content/posts', config: testConfig({ cache: false }) }), TEST_NOW);
    const html = loaded.articles[0]?.contentHtml ?? '';
    expect(html).toContain('<p><strong>General note</strong>: this post may be out of date.\n{.box}</p>');
    expect(html).toContain('<p>Text, © 2024.</p>');
    expect(html).toContain('<figure><img src="https://h.example/posts/a/shot.png" alt="A screenshot" /></figure>');
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=abc_123-X" rel="noopener noreferrer">The talk</a>');
    const removed = loaded.diagnostics.filter((d) => d.code === 'CONTENT_TEMPLATE_REMOVED');
    expect(removed.map((d) => [d.line, d.message])).toEqual([
      [14, 'Template code that cannot be rendered was removed from the body: {{< threads >}} (line 14), {{< img >}} (line 16).'],
    ]);
  });

  it('a paired box around its Markdown (.Inner) is a block quote titled by its title argument; one showing its inner text as code, or whose tags do not pair, is not', async () => {
    const cwd = makeTree({
      'hugo.toml': 'baseURL = "https://h.example/"\n',
      'layouts/shortcodes/blockcontainer.html':
        '{{- $noticeType := .Get 0 -}}\n{{- $noticeTitle := .Get 1 -}}\n{{- $raw := (.Page.RenderString .Inner | chomp) -}}\n<div class="notice {{ $noticeType }}"><p class="notice-title">{{ $noticeTitle }}</p>{{ $raw }}</div>\n',
      'layouts/shortcodes/aside.html': '<aside><h4>{{ .Get "title" }}</h4>{{ .Inner | markdownify }}</aside>\n',
      'layouts/shortcodes/code.html': '{{ highlight .Inner (.Get "lang") "" }}\n',
      'content/posts/b.md': [
        '---', 'title: B', 'date: 2024-05-01', '---', '',
        '{{< blockcontainer jli-notice-tip "Bon à savoir" >}}', 'Plant **garlic** in October.', '{{< /blockcontainer >}}', '',
        '{{< aside title="Aside" >}}', 'More.', '{{< /aside >}}', '',
        '{{< aside title="Unclosed" >}}',
      ].join('\n'),
    });
    expect(hugoShortcodes(cwd, [], 'themes')).toEqual({ blockcontainer: { kind: 'box', title: 1 }, aside: { kind: 'box', title: 'title' } });
    const loaded = await loadArticles(resolvePaths({ cwd, articles: 'content/posts', config: testConfig({ cache: false }) }), TEST_NOW);
    const html = loaded.articles[0]?.contentHtml ?? '';
    expect(html).toContain('<blockquote><p><strong>Bon à savoir</strong></p>\n<p>Plant <strong>garlic</strong> in October.</p>\n</blockquote>');
    // Three aside tags do not pair: none is a box, each is removed and named (their text stays).
    expect(html).toContain('<p>More.</p>');
    expect(loaded.diagnostics.filter((d) => d.code === 'CONTENT_TEMPLATE_REMOVED').map((d) => d.message)).toEqual([
      'Template code that cannot be rendered was removed from the body: {{< aside >}} (line 10), {{< /aside >}} (line 12), {{< aside >}} (line 14).',
    ]);
  });
  it('a link whose address and text are its arguments (through variables, around an errorf for a missing one) is that link; one that writes more, or text a condition picks, is not', async () => {
    const cwd = makeTree({
      'hugo.toml': 'baseURL = "https://h.example/"\n',
      'layouts/shortcodes/external_link.html':
        '{{- $url := .Get "url" -}}\n{{- if not $url -}}\n  {{ errorf "missing value for param \'url\': %s" .Position }}\n{{- end -}}\n<a href="{{ $url }}" target="_blank">{{ .Get "title" }}</a>\n',
      'layouts/shortcodes/ext.html': '{{/* a link to another site */}}<a href="{{ .Get 0 | safeURL }}" rel="noopener">{{ .Get 1 }}</a>\n',
      'layouts/shortcodes/card.html': '<a href="{{ .Get "url" }}">{{ .Get "title" }}</a><p>{{ .Get "summary" }}</p>\n',
      'layouts/shortcodes/named.html': '<a href="{{ .Get "url" }}">{{ if .Get "title" }}{{ .Get "title" }}{{ else }}{{ .Get "url" }}{{ end }}</a>\n',
      'content/posts/c.md': [
        '---', 'title: C', 'date: 2024-05-01', '---', '',
        'I bought {{< external_link url="https://training.example/lfs260/" title="Security & Essentials" >}} with the exam.', '',
        'See {{< ext "https://other.example/" "the other site" >}}, {{< external_link url="https://bare.example/" >}}.', '',
        '{{< card url="https://c.example/" title="Card" summary="More" >}}',
      ].join('\n'),
    });
    expect(hugoShortcodes(cwd, [], 'themes')).toEqual({ external_link: { kind: 'link', href: 'url', text: 'title' }, ext: { kind: 'link', href: 0, text: 1 } });
    const loaded = await loadArticles(resolvePaths({ cwd, articles: 'content/posts', config: testConfig({ cache: false }) }), TEST_NOW);
    const html = loaded.articles[0]?.contentHtml ?? '';
    expect(html).toContain('I bought <a href="https://training.example/lfs260/" rel="noopener noreferrer">Security &amp; Essentials</a> with the exam.');
    expect(html).toContain('See <a href="https://other.example/" rel="noopener noreferrer">the other site</a>, <a href="https://bare.example/" rel="noopener noreferrer">https://bare.example/</a>.');
    expect(loaded.diagnostics.filter((d) => d.code === 'CONTENT_TEMPLATE_REMOVED').map((d) => d.message)).toEqual(['Template code that cannot be rendered was removed from the body: {{< card >}} (line 10).']);
  });
});
