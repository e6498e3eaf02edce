/**
 * Decoding feeds and pages the way a reader does, for the XSS tests: a strict XML parser (saxes, as
 * a real XML reader; not feedwright's own validator tree), then, for fields that carry HTML, an
 * HTML parser (htmlparser2) on the decoded text. Nothing here is shared with the code under test.
 */
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { SaxesParser } from 'saxes';

export interface XNode {
  /** Qualified name as written (`content:encoded`). */
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Character data of this element and its descendants, entities decoded once (as XML does). */
  text: string;
}

/** Parse XML strictly (throws on any well-formedness error) into a small element tree. */
export function parseXml(source: string): XNode {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XNode[] = [];
  let root: XNode | undefined;
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = v;
    const node: XNode = { name: tag.name, attrs, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    root ??= node;
    stack.push(node);
  });
  const addText = (t: string): void => {
    for (const n of stack) n.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(source).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** Every descendant element named `name`, in document order. */
export function all(node: XNode, name: string): XNode[] {
  const out: XNode[] = [];
  const walk = (n: XNode): void => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** The direct children named `name`. */
export function kids(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}

export function kid(node: XNode, name: string): XNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** The text a reader shows for an HTML fragment: parsed, entities decoded, tags dropped. */
export function htmlTextContent(html: string): string {
  let out = '';
  const walk = (nodes: ChildNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'text') out += n.data;
      else if ('children' in n) walk((n as Element).children);
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children);
  return out;
}

/** Elements that must never appear in feed content (iframes only when configured). */
export const FORBIDDEN_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'frame',
  'frameset',
  'noscript',
  'template',
  'title',
  'body',
  'html',
  'head',
  'marquee',
  'x',
]);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'poster', 'cite', 'action', 'formaction', 'data', 'background', 'xlink:href', 'codebase', 'dynsrc', 'lowsrc', 'ping']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Raster image types a `data:` image source may have (SVG can carry script: not allowed). */
export const RASTER_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i;

/** The scheme a browser would see: entities are already decoded; it drops controls and whitespace. */
export function schemeOf(url: string): string | undefined {
  // Browsers strip exactly these (controls, spaces, separators) before reading a scheme.
  const stripped = url.replace(/[\u0000-\u0020\u007f-\u009f\u2028\u2029\u00a0\ufeff]/g, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(stripped);
  return m?.[1]?.toLowerCase();
}

/** True when a URL taken from a feed field (a link, an id, an author's URL) is safe to follow. */
export function safeUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme !== undefined && SAFE_SCHEMES.has(scheme);
}

export interface ExecutableOptions {
  /** Elements a whole page may have that content may not (a page's own <style>, <meta>, <title>...). */
  allow?: ReadonlySet<string>;
}

/** Every reason `html` could execute something in a feed reader or browser; empty when it is safe. */
export function executableParts(html: string, options: ExecutableOptions = {}): string[] {
  const allow = options.allow ?? new Set<string>();
  const problems: string[] = [];
  // A raw tag opener for a forbidden element, whatever a tolerant parser makes of it.
  const raw = /<\s*\/?\s*(script|style|iframe|object|embed|base|meta|form|svg|math|link)\b/gi;
  for (const m of html.matchAll(raw)) if (!allow.has((m[1] ?? '').toLowerCase())) problems.push(`raw <${m[1]}>`);
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        const el = node as Element;
        const name = el.name.toLowerCase();
        if (FORBIDDEN_ELEMENTS.has(name) && !allow.has(name)) problems.push(`<${name}>`);
        for (const [attr, value] of Object.entries(el.attribs)) {
          const a = attr.toLowerCase();
          if (a.startsWith('on')) problems.push(`${name}[${a}]`);
          if (a === 'srcdoc' || a === 'formaction' || a === 'action') problems.push(`${name}[${a}]`);
          // A page's own style attributes are its author's; content may carry none.
          if (a === 'style' && !allow.has('style')) problems.push(`${name}[${a}]`);
          if (!URL_ATTRIBUTES.has(a)) continue;
          const candidates = a === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
          for (const url of candidates) {
            const scheme = schemeOf(url);
            if (scheme === undefined || SAFE_SCHEMES.has(scheme)) continue;
            if (scheme === 'data' && name === 'img' && a === 'src' && RASTER_DATA_URL.test(url.trim())) continue;
            problems.push(`${name}[${a}]=${scheme}:`);
          }
        }
        walk(el.children);
      }
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children);
  return problems;
}
