import type { Diagnostic } from '../model.js';
import { blockquoteOpening, CodeMask, capitalized, plainTitle, removedWarning } from './templates.js';

/**
 * Generic directives (remark-directive, which Astro themes such as Fuwari build their callouts and
 * embeds on), where the site uses them:
 *
 * - a container `:::note[Title]{.x}` … `:::` is a box around Markdown: a block quote with its title
 *   (the label, or the text after the name, `:::tip Read this`, else the name: "Note"), as Hugo's
 *   callout shortcodes become (Docusaurus's admonitions are these boxes);
 * - a leaf `::github{repo="x/y"}` is a component the site renders: its label (`::youtube[A talk]`)
 *   stays as a paragraph, and it is named in CONTENT_TEMPLATE_REMOVED;
 * - a text directive `:abbr[HTML]{title="…"}` keeps its text.
 *
 * Code keeps them as written. Lines are kept, so later diagnostics name the right lines.
 */
// (A title after a space, `::: tip Read this`, is markdown-it-container's (VuePress) and Docusaurus's admonition title.)
const CONTAINER_OPEN = /^ {0,3}(:{3,})[ \t]*([A-Za-z][\w-]*)(?:\[([^\]\n]*)\])?(?:\{[^}\n]*\})?(?:[ \t]+([^\s[{](?:[^\n]*\S)?))?[ \t]*$/;
const CONTAINER_CLOSE = /^ {0,3}(:{3,})[ \t]*$/;
const LEAF = /^ {0,3}::([A-Za-z][\w-]*)(?:\[([^\]\n]*)\])?(?:\{[^}\n]*\})?[ \t]*$/;
const MAY_HOLD = /^ {0,3}::|:[A-Za-z][\w-]*\[/m;
const TEXT_DIRECTIVE = /(?<![\w:\\]):[A-Za-z][\w-]*\[([^\]\n]*)\](?:\{[^}\n]*\})?/g;

export function renderDirectives(body: string, bodyLine: number, file: string): { text: string; diagnostics: Diagnostic[] } {
  // Nearly every text holds a ':': only a line opening with '::' or a ':name[' can be a directive.
  if (!MAY_HOLD.test(body)) return { text: body, diagnostics: [] };
  const code = new CodeMask();
  const lines = code.mask(body).split('\n');
  const removed: { tag: string; line: number }[] = [];
  // Open containers, by their colon count: a closing fence closes the innermost with as many or fewer.
  const open: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const opening = CONTAINER_OPEN.exec(line);
    if (opening) {
      open.push((opening[1] as string).length);
      const name = opening[2] as string;
      lines[i] = code.hold(blockquoteOpening(plainTitle(opening[3] ?? opening[4] ?? capitalized(name)).trim()), 0);
      continue;
    }
    const closing = CONTAINER_CLOSE.exec(line);
    if (closing && open.length > 0 && (closing[1] as string).length >= (open.at(-1) as number)) {
      open.pop();
      lines[i] = code.hold('\n\n</blockquote>\n\n', 0);
      continue;
    }
    const leaf = LEAF.exec(line);
    if (leaf) {
      removed.push({ tag: `::${leaf[1]}`, line: i + 1 });
      lines[i] = leaf[2] ?? '';
      continue;
    }
    if (line.includes(':') && line.includes('[')) lines[i] = line.replace(TEXT_DIRECTIVE, '$1');
  }
  // A container left open at the end is closed there, as remark-directive does.
  const tail = open.map(() => code.hold('\n\n</blockquote>\n', 0)).join('');
  const text = code.unmask(lines.join('\n') + tail);
  return { text, diagnostics: removed.length > 0 ? [removedWarning(removed, bodyLine, file, 'none')] : [] };
}

/** A GitHub alert's first line (`> [!NOTE]`, or Obsidian's `> [!tip] A title`), in a block quote. */
const ALERT = /^( {0,3}>[ \t]?)\[!(note|tip|important|warning|caution)\][ \t]*(.*)$/i;

/**
 * GitHub's alerts (`> [!NOTE]` opening a block quote; Hugo's blockquote render hooks and
 * Obsidian read them too): the marker becomes the box's title in bold ("**Note**", or the title
 * written after it), never the literal `[!NOTE]`. Code keeps them as written; lines are kept.
 */
export function githubAlerts(body: string): string {
  if (!body.includes('[!')) return body;
  const code = new CodeMask();
  const lines = code.mask(body).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = ALERT.exec(lines[i] as string);
    // Only the quote's first line: the line above is no quote line.
    if (!m || /^ {0,3}>/.test(lines[i - 1] ?? '')) continue;
    const kind = (m[2] as string).toLowerCase();
    lines[i] = `${m[1]}**${plainTitle((m[3] as string).trim() || capitalized(kind))}**`;
  }
  return code.unmask(lines.join('\n'));
}
