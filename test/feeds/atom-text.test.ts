/**
 * Atom text constructs that name an element (`a post about <aside> elements`): written as
 * type="html" escaped once more, so that the W3C validator's ContainsUndeclaredHTML does not
 * fire and a reader shows the characters the source wrote.
 */
import { describe, expect, it } from 'vitest';
import { article, buildSite, makeSite, parseXml, readOut } from './helpers.js';

/** One pass of entity decoding (the references the writers use), as an XML or HTML reader does. */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>' };
const decode = (s: string): string => s.replace(/&(?:#x([0-9A-Fa-f]+)|(amp|lt|gt));/g, (_, hex: string | undefined, name: string | undefined) => (hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : (NAMED[name ?? ''] ?? '')));

describe('Atom title and summary that look like markup', () => {
  it('go out as type="html" holding the escaped text; plain ones stay type="text"; the check finds nothing', async () => {
    const dir = makeSite({
      'dialog.md': article({ title: 'Styling the <aside> element', day: 1, body: 'Some common ones are `<aside>` elements, & more.' }),
      'plain.md': article({ title: 'Plain & simple', day: 2, body: 'Nothing that looks like a tag.' }),
    });
    const result = await buildSite(dir);
    expect(result.diagnostics.filter((d) => d.code === 'ATOM_TEXT_CONTAINS_MARKUP')).toEqual([]);
    const atom = readOut(dir, 'atom.xml');
    type Text = { '#text': string; '@type': string };
    const entries = (parseXml(atom).feed as { entry: { title: Text; summary: Text }[] }).entry;
    // Read back: the XML text of a type="html" construct, read as HTML, is the text the source wrote.
    const shown = (t: Text): [string, string] => [t['@type'], t['@type'] === 'html' ? decode(decode(t['#text'])) : decode(t['#text'])];
    expect(entries.map((e) => [shown(e.title), shown(e.summary)])).toEqual([
      [['text', 'Plain & simple'], ['text', 'Nothing that looks like a tag.']],
      [['html', 'Styling the <aside> element'], ['html', 'Some common ones are <aside> elements, & more.']],
    ]);
  });
});
