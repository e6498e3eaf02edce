import path from 'node:path';
import { parseDateValue } from '../meta/dates.js';
import { splitFrontMatter } from '../sources/front-matter.js';
import { MAX_SOURCE_BYTES } from '../sources/files.js';
import { hexoArgs } from '../sources/hexo-tags.js';
import { readSmallText } from '../util/fs.js';
import { sortedEntries } from './entries.js';
import type { SiteInfo } from './model.js';
import { hexoFileName, siteLink } from './permalink.js';

/*
 * Hexo's `{% post_link name [title] %}` and `{% post_path name %}` name another post by its slug
 * (its `:title`: the path under `_posts` without extension, as `new_post_name` reads it), else by
 * its title, as Hexo's tags look it up (`Post.findOne({slug}) || Post.findOne({title})`). The
 * posts are scanned for the tags once per build; only the names they use are resolved, from each
 * target's own front matter and the site's permalink rules (src/site/permalink.ts), so the map
 * (part of the site info, and so of every cache key) changes only when a named post moves.
 */

/** A post_link or post_path tag with its arguments as written. */
const POST_TAG = /\{%-?\s*post_(?:link|path)\s+([^%]*?)\s*-?%\}/g;

/** Bounds: the posts read (and each one's size) for the tags and their targets. */
const SCAN = { files: 10_000, depth: 8 };

/** The URL and title of each post a post_link or post_path of the site's posts names (by the name written); names that match no post are absent. */
export function hexoPostTargets(site: SiteInfo, postsDir: string, timezone: string): Record<string, { url: string; title: string }> {
  const posts: Array<{ rel: string; text: string }> = [];
  const visit = (dir: string, rel: string, depth: number): void => {
    for (const e of sortedEntries(dir)) {
      if (posts.length >= SCAN.files || e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && depth < SCAN.depth) visit(path.join(dir, e.name), r, depth + 1);
      else if (e.isFile() && /\.(md|markdown)$/i.test(e.name)) {
        const text = readSmallText(path.join(dir, e.name), MAX_SOURCE_BYTES);
        if (text !== undefined) posts.push({ rel: r, text });
      }
    }
  };
  visit(postsDir, '', 0);
  const named = new Set<string>();
  for (const { text } of posts) {
    if (!text.includes('post_')) continue;
    for (const m of text.matchAll(POST_TAG)) {
      const name = hexoArgs(m[1] as string)[0];
      if (name && !name.includes('{')) named.add(name);
    }
  }
  const out: Record<string, { url: string; title: string }> = {};
  if (named.size === 0) return out;
  const newPostName = site.hexo?.newPostName ?? ':title.md';
  const read = posts.map((p) => {
    const fm = splitFrontMatter(p.text, p.rel, true);
    const data = fm.ok ? fm.data : {};
    return { ...p, data, slug: hexoFileName(newPostName, p.rel.replace(/\.[^./]+$/, '')).title as string, title: typeof data.title === 'string' ? data.title : '' };
  });
  for (const name of [...named].sort()) {
    const post = read.find((p) => p.slug === name) ?? read.find((p) => p.title === name);
    if (!post) continue;
    const written = post.data.date;
    const dateText = typeof written === 'string' ? written : undefined;
    const date = parseDateValue(written, timezone) ?? new Date(0);
    const made = siteLink(site, { contentPath: `_posts/${post.rel}`, fm: post.data, date, ...(dateText ? { dateText } : {}), title: post.title, timezone, categories: [] }, {});
    if ('skip' in made) continue;
    const url = site.baseUrl ? new URL(encodeURI(made.path.replace(/^\/+/, '')).replace(/[?#]/g, encodeURIComponent), site.baseUrl).href : made.path;
    out[name] = { url, title: post.title || post.slug };
  }
  return out;
}
