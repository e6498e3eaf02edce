import path from 'node:path';
import type { SiteShortcode } from '../sources/templates.js';
import { readSmallText } from '../util/fs.js';
import { sortedEntries } from './entries.js';
import { shortcodeKind } from './hugo-shortcodes.js';

/** Shortcode templates read, and the largest one read: a bounded scan (as Hugo's). */
const SHORTCODE_SCAN = { files: 300, bytes: 32 * 1024 };

/** Names a Tera template sees that are no argument of its shortcode. */
const TERA_GLOBALS = new Set(['config', 'page', 'section', 'body', 'nth', 'lang', 'current_path', 'current_url', 'now', 'get_url', 'get_page', 'get_section', 'resize_image', 'get_image_metadata', 'load_data', 'get_taxonomy', 'get_taxonomy_url', 'trans', 'loop', 'true', 'false', 'not', 'and', 'or', 'in', 'is', 'self', 'super', 'colocated_path']);

/**
 * A Zola site's own shortcodes (`templates/shortcodes/x.html` or `.md`, its theme's too; the
 * site's win, as in Zola's lookup), as far as their Tera templates say what they produce without
 * running them: the kinds Hugo's are read as (src/site/hugo-shortcodes.ts), with the arguments
 * the template reads as variables (`{{ src }}`, `{% if caption %}`) and its content as `body`.
 * Any other shortcode is removed with a warning, as before.
 */
export function zolaShortcodes(root: string, theme: string | undefined): Record<string, SiteShortcode> {
  const out: Record<string, SiteShortcode> = {};
  let files = 0;
  const bases = [...(theme ? [path.join(root, 'themes', theme)] : []), root];
  for (const base of bases) {
    const dir = path.join(base, 'templates', 'shortcodes');
    for (const e of sortedEntries(dir)) {
      const m = /^(\w+)\.(html|md)$/.exec(e.name);
      if (!m || !e.isFile() || files >= SHORTCODE_SCAN.files) continue;
      files++;
      const text = readSmallText(path.join(dir, e.name), SHORTCODE_SCAN.bytes);
      if (text === undefined) continue;
      const name = m[1] as string;
      const args = teraArgs(text);
      const kind = shortcodeKind(text, { markdown: m[2] === 'md', args, positional: false, inner: /\{\{-?\s*body\b/.test(text), ...boxHeading(text, args) });
      // `get_url(path=src)` makes a relative source the site's, not the page's.
      if (kind?.kind === 'image' && new RegExp(String.raw`get_url\(\s*path\s*=\s*${kind.src}\b`).test(text)) out[name] = { ...kind, fromSiteRoot: true };
      else if (kind) out[name] = kind;
      else delete out[name];
    }
  }
  return out;
}

/**
 * A box's heading: the argument its template writes as text, not in an attribute, before its
 * body (`<strong class="admonition-header">{{ kind | upper }}</strong>` … `{{ body }}`).
 */
function boxHeading(template: string, args: readonly string[]): { title?: string } {
  const body = template.search(/\{\{-?\s*body\b/);
  if (body < 0) return {};
  for (const m of template.slice(0, body).matchAll(/\{\{-?\s*([A-Za-z_]\w*)/g)) {
    const before = template.slice(0, m.index);
    const inTag = before.lastIndexOf('<') > before.lastIndexOf('>');
    if (!inTag && args.includes(m[1] as string)) return { title: m[1] as string };
  }
  return {};
}

/**
 * The variables a Tera template reads that are its arguments (`{{ src }}`, `{% if alt %}`,
 * `{{ get_url(path=src) }}`, `{{ caption | markdown | safe }}`), in order of first use: the names
 * in its expressions that are no string, filter, parameter name, field or global.
 */
function teraArgs(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(/\{\{-?([^}]*)\}\}|\{%-?\s*(?:if|elif)\b([^%]*)%\}/g)) {
    const expr = (m[1] ?? m[2] ?? '')
      .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, ' ')
      .replace(/\|\s*[A-Za-z_]\w*/g, ' ')
      .replace(/\b[A-Za-z_]\w*\s*=(?!=)/g, ' ')
      .replace(/\.\s*[A-Za-z_]\w*/g, ' ');
    for (const [name] of expr.matchAll(/\b[A-Za-z_]\w*\b/g)) if (!TERA_GLOBALS.has(name) && !names.includes(name)) names.push(name);
  }
  return names;
}
