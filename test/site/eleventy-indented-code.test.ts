import { describe, expect, it } from 'vitest';
import { makeTree } from '../helpers/project.js';
import { loadAt } from '../helpers/site.js';

/*
 * "Starting in Eleventy 2.0, we've disabled the Indented Code Blocks feature by default"
 * (11ty.dev, Markdown): an indented line in a post is text there, and HTML indented inside a
 * table after a blank line stays HTML instead of becoming a code block inside the table (which
 * made the feed's HTML invalid: a <pre> in table context).
 */
const POST = '---\ntitle: Numbers\ndate: 2024-03-05\n---\nA table:\n\n<table>\n\t<tr><td>One</td></tr>\n\n\t<tr><td>Two</td></tr>\n</table>\n\n    Indented words.\n';

function site(version: string, config = 'export default function (eleventyConfig) {}\n'): string {
  return makeTree({
    'package.json': JSON.stringify({ devDependencies: { '@11ty/eleventy': version } }),
    'eleventy.config.js': config,
    'posts/numbers.md': POST,
  });
}

async function html(dir: string): Promise<string> {
  return (await loadAt(dir, 'posts')).byPath.get('numbers.md')?.contentHtml ?? '';
}

describe('Eleventy 2.0 and later: no indented code blocks', () => {
  it('reads an indented line as text, and indented table rows as HTML', async () => {
    const out = await html(site('^3.0.0'));
    expect(out).not.toContain('<pre>');
    expect(out).toMatch(/<p>\s*Indented words\.<\/p>/);
    // The second row is HTML (markup, as markdown-it writes it), not a code block showing it as text.
    expect(out).toContain('<td>Two</td>');
    expect(out).not.toContain('&lt;td&gt;');
  });

  it('keeps them on Eleventy 1, with a library of the site’s own, or when the config enables them', async () => {
    expect(await html(site('^1.0.2'))).toContain('<pre><code>Indented words.');
    expect(await html(site('^2.0.1', 'export default function (c) { c.setLibrary("md", markdownIt({ html: true })); }\n'))).toContain('<pre><code>Indented words.');
    expect(await html(site('^2.0.1', 'export default function (c) { c.amendLibrary("md", (md) => md.enable("code")); }\n'))).toContain('<pre><code>Indented words.');
    // A library of its own that disables them, as the Eleventy docs showed before 2.0.
    expect(await html(site('^1.0.2', 'module.exports = (c) => { c.setLibrary("md", markdownIt(o).disable("code")); };\n'))).not.toContain('<pre>');
  });
});
