import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic } from '../diagnostics.js';
import { fatal } from '../errors.js';
import type { Article, Diagnostic } from '../model.js';

/**
 * Links proved, not guessed: every item link that points into the site must resolve to a page
 * the site's generator built, in its output folder. `/x/` is `x/index.html`; `/x` is `x.html`,
 * `x/index.html` or a file `x`; `/x.html` is that file. The site's base path (`/blog/` in
 * `https://host/blog/`) is the output folder's root. Links to other hosts (a `link:` to
 * somewhere else) are not the site's pages and are not checked.
 */
export function verifyLinks(articles: readonly Article[], outputDir: string, siteBase: string, display: (abs: string) => string): { diagnostics: Diagnostic[]; checked: number } {
  if (!existsSync(outputDir) || !statSync(outputDir).isDirectory()) {
    throw fatal('USAGE', { problem: 'verify-links-folder-missing', folder: display(outputDir) });
  }
  const base = new URL(siteBase);
  const basePath = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  const diagnostics: Diagnostic[] = [];
  let checked = 0;
  for (const a of articles) {
    let url: URL;
    try {
      url = new URL(a.link.value);
    } catch {
      continue;
    }
    if (url.host !== base.host) continue;
    checked++;
    const found = pageFor(url.pathname, basePath, outputDir);
    if (!found) {
      diagnostics.push(
        diagnostic('LINK_NOT_BUILT', a.link.line === undefined ? { file: a.displayPath } : { file: a.displayPath, line: a.link.line }, {
          link: a.link.value,
          folder: display(outputDir),
          lookedFor: candidates(url.pathname, basePath).map((c) => c || '.'),
          rule: a.link.rule,
        }),
      );
    }
  }
  return { diagnostics, checked };
}

/** The files that would serve `pathname`, relative to the output folder. */
function candidates(pathname: string, basePath: string): string[] {
  let p = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname.replace(/^\/+/, '');
  try {
    p = decodeURIComponent(p);
  } catch {
    // A malformed escape: look for the path as written.
  }
  if (p === '' || p.endsWith('/')) return [`${p}index.html`];
  if (/\.[A-Za-z0-9]{1,6}$/.test(p)) return [p];
  return [`${p}.html`, `${p}/index.html`, p];
}

function pageFor(pathname: string, basePath: string, outputDir: string): string | undefined {
  for (const c of candidates(pathname, basePath)) {
    const abs = path.join(outputDir, ...c.split('/'));
    // Never look outside the output folder (a "../" in a link).
    if (!abs.startsWith(path.resolve(outputDir))) continue;
    if (existsSync(abs) && statSync(abs).isFile()) return abs;
  }
  return undefined;
}
