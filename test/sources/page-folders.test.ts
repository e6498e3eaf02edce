import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSources } from '../../src/sources/files.js';
import { makeTree } from '../helpers/project.js';

/*
 * A folder that belongs to one page: `x/` beside the post `x.md` (its images, data files and the
 * HTML fragments its template includes, as the Go blog keeps them), `x_files/` beside a page a
 * browser saved whole (`x.html`: its frames and scripts). Its text and HTML files are that page's,
 * never articles: each was an item with no title (an error) or a frame's junk.
 */
const display = (root: string) => (abs: string) => path.relative(root, abs).split(path.sep).join('/') || '.';

describe('listSources: the folder of one page holds no articles of its own', () => {
  it("leaves out the text and HTML files of a post's folder and of a saved page's _files folder, with a note each; Markdown there is read", async () => {
    const root = makeTree({
      'survey.md': '---\ntitle: Survey\n---\nText.\n',
      'survey/usage.html': '<table><tr><td>1</td></tr></table>',
      'survey/data/raw.txt': '1 2 3',
      'survey/follow-up.md': '---\ntitle: Follow-up\n---\nText.\n',
      'Saved Page.html': '<html><title>A page</title><body><p>Text.</p></body></html>',
      'Saved Page_files/frame.html': '<html><body>ad</body></html>',
      'other/notes.txt': 'A text article.',
      'other/page.html': '<html><title>Other</title><body><p>Text.</p></body></html>',
    });
    const { files, diagnostics } = await listSources(root, display(root));
    expect(files.map((f) => f.relPath)).toEqual(['Saved Page.html', 'other/notes.txt', 'other/page.html', 'survey/follow-up.md', 'survey.md']);
    const notes = diagnostics.filter((d) => d.code === 'META_NOT_A_POST');
    expect(notes.map((d) => d.file)).toEqual(['Saved Page_files/frame.html', 'survey/data/raw.txt', 'survey/usage.html']);
    expect(notes[2]?.message).toBe('This is a file of the folder that belongs to survey.md beside it (its data, fragments or frames), not a post; it is not an item.');
  });
});
