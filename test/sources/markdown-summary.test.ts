import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { articleContext, runArticle } from '../../src/pipeline/article.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const config = resolveConfig({ title: 'T', link: 'https://example.com/', git: false });

function article(body: string) {
  const file = { kind: 'markdown' as const, abs: '/x/a.md', relPath: 'a.md', displayPath: 'articles/a.md', size: 0, mtimeMs: 0 };
  const entry = runArticle(file, `---\ntitle: A post\ndate: 2024-03-05\n---\n${body}`, articleContext(config, new Set(), new Map(), NOW)).entry;
  if (!entry.article) throw new Error(JSON.stringify(entry.diagnostics));
  return entry.article;
}

describe('the summary derived from Markdown', () => {
  it('leaves out code blocks and headings, which stay in the content', () => {
    const a = article('## Setup\n\nUse this:\n\n```html\n<div class="box">Hi</div>\n```\n\nThat is all.\n');
    expect(a.summary).toEqual({ value: 'Use this: That is all.', from: 'derived' });
    expect(a.contentText).toContain('<div class="box">Hi</div>');
    expect(a.contentText).toContain('Setup');
  });

  it('stops at a <!--more--> line, as Hugo and Jekyll do', () => {
    const a = article('The teaser paragraph.\n\n<!--more-->\n\nThe rest of the post, which the summary leaves out.\n');
    expect(a.summary.value).toBe('The teaser paragraph.');
    expect(a.contentText).toContain('The rest of the post');
    expect(a.contentHtml).not.toContain('more');
  });

  it('is the whole text when there is nothing to leave out', () => {
    expect(article('Just one paragraph here.\n').summary.value).toBe('Just one paragraph here.');
  });
});
