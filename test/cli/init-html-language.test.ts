import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pagesSite } from '../../src/cli/init-html.js';
import { makeTree } from '../helpers/project.js';

/*
 * The language `init` writes for a folder of saved pages: the one they state, when they agree
 * (anonymised from a folder of German pages saved from several sites: some `<html lang="de">`,
 * some `lang="de-DE"`, some with no `lang` but WordPress's `og:locale` de_DE, some none at all).
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function page(htmlAttributes: string, head = ''): string {
  return `<!DOCTYPE html>\n<html${htmlAttributes}><head><meta charset="utf-8"><title>Ein Artikel</title>${head}</head><body><p>Text.</p></body></html>\n`;
}

function languageOf(pages: string[]): string | undefined {
  const dir = makeTree(Object.fromEntries(pages.map((p, i) => [`saved/seite-${i}.html`, p])), 'fw-init-lang-');
  dirs.push(dir);
  return pagesSite(pages.map((_, i) => path.join(dir, 'saved', `seite-${i}.html`))).language;
}

describe("the saved pages' language", () => {
  it('tags of one language agree: de and de-DE are "de"; one tag written alike is that tag', () => {
    expect(languageOf([page(' lang="de"'), page(' lang="de-DE"'), page(' lang="de"'), page(' lang="de-DE"')])).toBe('de');
    expect(languageOf([page(' lang="de-AT"'), page(' lang="de-AT"'), page(' lang="de-AT"')])).toBe('de-AT');
  });

  it('a page without <html lang> states its language by og:locale or content-language, and one stating none does not disagree', () => {
    const pages = [page(''), page(''), page('', '<meta property="og:locale" content="de_DE">'), page('', '<meta http-equiv="Content-Language" content="de">'), page(' lang="de"')];
    expect(languageOf(pages)).toBe('de');
  });

  it('pages that disagree, or too few that state one, give none (the build keeps its default)', () => {
    expect(languageOf([page(' lang="de"'), page(' lang="fr"'), page(' lang="en"'), page(' lang="de"')])).toBeUndefined();
    expect(languageOf([page(' lang="de"'), page(' lang="de"'), page(''), page('')])).toBeUndefined();
  });
});

describe('an app whose HTML files are its templates', () => {
  it("Angular's x.component.html files are no saved pages: init reads none of them", async () => {
    const { run } = await import('./helpers.js');
    const { readFileSync } = await import('node:fs');
    const component = '<div class="post" *ngFor="let post of posts">\n  <h2>{{ post.title }}</h2>\n</div>\n';
    const dir = makeTree(
      {
        'angular.json': '{}',
        'src/app/blog/blog.component.html': component,
        'src/app/blog/blog-detail/blog-detail.component.html': component,
        'src/app/app.component.html': component,
      },
      'fw-init-app-',
    );
    dirs.push(dir);
    const r = await run(['init'], { cwd: dir });
    expect(r.stderr).not.toContain('HTML pages, so the config reads them');
    expect(JSON.parse(readFileSync(path.join(dir, 'feedwright.config.json'), 'utf8')).articles).not.toMatch(/^src\/app/);
  });
});
