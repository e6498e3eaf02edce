/**
 * Hexo's built-in tag plugins (hexo/lib/plugins/tag), as a feed can show them, for a Hexo site's
 * posts rendered through Liquid (src/sources/templates.ts; Hexo renders them with Nunjucks, whose
 * tag syntax is the same). Octopress's `codeblock`, `blockquote`, `pullquote` and `img`, which Hexo
 * inherited, are src/sources/octopress-tags.ts. Each function takes the tag's arguments as written
 * and returns HTML, or undefined when they name nothing it can write (the tag is then removed and
 * named in the article's CONTENT_TEMPLATE_REMOVED warning).
 */
import { escapeHtml } from '../util/html.js';
import { imgHtml, MAX_TAG_ARGS } from './octopress-tags.js';

/** A Hexo tag the site's posts may use, as `SiteShortcode` carries it (src/site/detect.ts lists them). */
export interface HexoTag {
  kind: 'hexo';
  tag: 'youtube' | 'vimeo' | 'iframe' | 'link' | 'asset_img' | 'asset_path' | 'asset_link' | 'post_link' | 'post_path';
  /**
   * Where a post's asset folder is served (post_asset_folder): `inside` the page's folder (a
   * permalink ending in `/`: `2024/01/02/x/a.png`), or `beside` a page ending in `.html`
   * (`article/x.html` has its assets in `article/x/`).
   */
  assets?: 'inside' | 'beside';
  /** post_link / post_path: the URLs and titles of the posts named, by the name written (their `:title` slug, or title). */
  targets?: Record<string, { url: string; title: string }>;
}

/**
 * A tag's arguments as Hexo splits them (lib/extend/tag.ts): at white space, a quoted part (single
 * or double quotes) being one argument without its quotes, a backslash escaping the next character.
 */
export function hexoArgs(raw: string): string[] {
  const out: string[] = [];
  if (raw.length > MAX_TAG_ARGS) return out;
  let cur = '';
  let quote = '';
  let started = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch === '\\' && i + 1 < raw.length) {
      cur += raw[++i];
      started = true;
    } else if (quote) {
      if (ch === quote) quote = '';
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) out.push(cur);
      cur = '';
      started = false;
    } else {
      cur += ch;
      started = true;
    }
  }
  if (started) out.push(cur);
  return out;
}

/** A file name of the post's asset folder (`diagram.png`, `sub/a.pdf`): no scheme, no leading slash, an extension. */
const ASSET = /^(?![a-z][\w+.-]*:)(?!\/)[^\s?#]+\.[A-Za-z0-9]+$/i;

/** Hexo's link tag's test of a URL (`rUrl`), simplified: a scheme, `www.`, or a site path. */
const URLISH = /^(?:[a-z][\w+.-]*:|www\.|\/)/i;

/** An asset's URL relative to the post's page: its folder is the page's (`x/`), or beside a `.html` page, named like the post's file. */
function assetUrl(name: string, tag: HexoTag, postName: string): string {
  return tag.assets === 'beside' ? `${encodeURI(postName)}/${encodeURI(name)}` : encodeURI(name);
}

/** The HTML a Hexo tag writes for a feed, or undefined when its arguments name nothing it can write. `postName`: the post's file name without extension. */
export function hexoTagHtml(tag: HexoTag, raw: string, postName: string): string | undefined {
  const args = hexoArgs(raw);
  switch (tag.tag) {
    case 'youtube': {
      const [id, type] = args;
      if (!id || !/^[\w-]+$/.test(id)) return undefined;
      return type === 'playlist'
        ? `<a href="https://www.youtube.com/playlist?list=${id}">Playlist on YouTube</a>`
        : `<a href="https://www.youtube.com/watch?v=${id}">Video on YouTube</a>`;
    }
    case 'vimeo': {
      const id = args[0];
      return id && /^\d+$/.test(id) ? `<a href="https://vimeo.com/${id}">Video on Vimeo</a>` : undefined;
    }
    case 'iframe': {
      const url = args[0];
      return url && URLISH.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : undefined;
    }
    case 'link': {
      // {% link text url [external] [title] %}: the text runs up to the first URL.
      const at = args.findIndex((a) => URLISH.test(a));
      if (at < 0) return undefined;
      const url = args[at] as string;
      const rest = args.slice(at + 1);
      if (rest[0] === 'true' || rest[0] === 'false') rest.shift();
      const text = args.slice(0, at).join(' ') || url;
      const title = rest.join(' ');
      return `<a href="${escapeHtml(url)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(text)}</a>`;
    }
    case 'asset_img': {
      // {% asset_img [class] name [width] [height] [title [alt]] %}: the first argument that names a file of the post's folder.
      const at = args.findIndex((a) => ASSET.test(a));
      if (at < 0) return undefined;
      const src = assetUrl(args[at] as string, tag, postName);
      const rest = args.slice(at + 1);
      const sizes: string[] = [];
      while (sizes.length < 2 && rest[0] !== undefined && /^\d+$/.test(rest[0])) sizes.push(rest.shift() as string);
      // The rest is the title (Hexo's img tag reads a title, then an alt text, from what is left).
      const title = rest.join(' ').replace(/"/g, "'");
      // Octopress's img tag writes the element (a relative source is resolved against the item's link).
      return imgHtml([`./${src}`, ...sizes, title ? `"${title}"` : ''].filter(Boolean).join(' '));
    }
    case 'asset_path': {
      const name = args[0];
      return name && ASSET.test(name) ? escapeHtml(`./${assetUrl(name, tag, postName)}`) : undefined;
    }
    case 'asset_link': {
      const [name, ...title] = args;
      if (!name || !ASSET.test(name)) return undefined;
      const text = title.filter((t) => t !== 'true' && t !== 'false').join(' ') || name;
      return `<a href="${escapeHtml(`./${assetUrl(name, tag, postName)}`)}">${escapeHtml(text)}</a>`;
    }
    case 'post_link':
    case 'post_path': {
      const [name, ...title] = args;
      const target = name === undefined || !tag.targets || !Object.hasOwn(tag.targets, name) ? undefined : tag.targets[name];
      if (target === undefined) return undefined;
      if (tag.tag === 'post_path') return escapeHtml(target.url);
      // {% post_link name [title] [escape] %}: the title given, else the post's own.
      const text = title.filter((t) => t !== 'true' && t !== 'false').join(' ');
      return `<a href="${escapeHtml(target.url)}">${escapeHtml(text || target.title)}</a>`;
    }
  }
}
