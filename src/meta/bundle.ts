/**
 * Page bundles (Hugo's leaf bundles, and the same `post/index.md` + `post/photo.jpg` shape in
 * Jekyll, Eleventy, Astro and Zola): the article and its images share a folder, and the site
 * publishes both under the article's URL. Relative URLs in a bundle's body therefore resolve
 * against that URL as a directory, whether or not the site writes it with a trailing slash.
 */

/** True for `trip/index.md` (any reader's extension): the article is its folder's page. */
export function isBundleIndex(relPath: string): boolean {
  const parts = relPath.split('/');
  return parts.length > 1 && /^index\.[^.]+$/i.test(parts[parts.length - 1] ?? '');
}

/**
 * The base for the body's relative URLs: the item's link, as a directory for a bundle
 * (`https://site/trip` and `https://site/trip.html` both give `https://site/trip/`), and for a
 * post with an asset folder beside it (Hexo's `post_asset_folder`: `_posts/trip.md` with
 * `_posts/trip/photo.jpg`, which Hexo serves in `trip/` under the post's URL without `.html`,
 * so `![](photo.jpg)` in a post at `/2024/01/02/trip.html` is `/2024/01/02/trip/photo.jpg`).
 * Otherwise the link itself, as a browser on that page would resolve them.
 */
export function bodyBaseUrl(link: string, relPath: string, assetFolder = false): string {
  if (!assetFolder && !isBundleIndex(relPath)) return link;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname.replace(/\/index\.html?$|\.html?$/i, '')}/`;
  url.search = '';
  url.hash = '';
  return url.href;
}
