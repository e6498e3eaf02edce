/**
 * A post with no text of its own (a theme's route page, a title-only link post) has no summary:
 * Atom then writes no atom:summary instead of an empty one, which the W3C validator flags
 * ("summary should not be blank"); RFC 4287 asks for none, the entry having its alternate link.
 */
import { describe, expect, it } from 'vitest';
import { article, buildSite, makeSite, readOut } from './helpers.js';

describe('Atom: no summary element for an empty summary', () => {
  it('leaves out atom:summary of a post without text, keeps that of a post with text', async () => {
    const dir = makeSite({
      'empty.md': article({ title: 'Only a title', day: 1, body: '' }),
      'full.md': article({ title: 'With text', day: 2, body: 'Some words of its own.' }),
    });
    await buildSite(dir);
    const entries = readOut(dir, 'atom.xml').split('<entry').slice(1);
    expect(entries.map((e) => [/<title[^>]*>([^<]*)</.exec(e)?.[1], e.includes('<summary')])).toEqual([
      ['With text', true],
      ['Only a title', false],
    ]);
  });
});
