import { describe, expect, it } from 'vitest';
import { eleventySlug, eleventySlugify, renderEleventyPermalink } from '../../src/site/eleventy-permalink.js';

/*
 * Eleventy permalinks written as templates render as Eleventy renders them (liquidjs, its slugify
 * and slug filters, the page's data); one that reads what feedwright cannot know does not render.
 */

const page = { fileSlug: 'first-trip', filePathStem: '/posts/2026/06-15-first-trip', date: new Date('2026-06-15T00:00:00Z') };
const BLISS = "{% if customPermalink %}{{ customPermalink }}{% elif type == 'reading' %}/reading/{{ title | slugify }}/{% else %}/{{ title | slugify }}/{% endif %}";

describe('Eleventy permalink templates', () => {
  it("Eleventy's slugify (@sindresorhus/slugify, no decamelising) and slug (the slugify package) filters", () => {
    expect(eleventySlugify("Why AI hasn't replaced engineers, and won't")).toBe('why-ai-hasnt-replaced-engineers-and-wont');
    expect(eleventySlugify('Déjà vu: fooBar & Ärger')).toBe('deja-vu-foobar-and-aerger');
    // The old filter keeps characters URLs should not hold, which is why Eleventy deprecated it.
    expect(eleventySlug('Déjà vu: fooBar')).toBe('deja-vu:-foobar');
  });

  it('a directory data permalink with Nunjucks conditions (elif) renders per page', () => {
    expect(renderEleventyPermalink(BLISS, { type: 'reading' }, 'Loop Engineering', page, 'UTC')).toBe('/reading/loop-engineering/');
    expect(renderEleventyPermalink(BLISS, { type: 'building' }, 'Loop Engineering', page, 'UTC')).toBe('/loop-engineering/');
    expect(renderEleventyPermalink(BLISS, { customPermalink: '/kept/' }, 'Loop Engineering', page, 'UTC')).toBe('/kept/');
  });

  it('page variables and the date filter in the zone dates were read in', () => {
    expect(renderEleventyPermalink('/{{ page.date | date: "%Y/%m" }}/{{ page.fileSlug }}/', {}, 'T', page, 'UTC')).toBe('/2026/06/first-trip/');
    expect(renderEleventyPermalink('/{{ page.date | date: "%Y-%m-%d" }}/', {}, 'T', page, 'America/New_York')).toBe('/2026-06-14/');
  });

  it("does not render what it cannot know: a site's own filter, an unknown variable, a template that does not parse", () => {
    expect(renderEleventyPermalink('/{{ page.date | postDate }}/{{ page.fileSlug }}/', {}, 'T', page, 'UTC')).toBeUndefined();
    expect(renderEleventyPermalink('/{{ series }}/{{ page.fileSlug }}/', {}, 'T', page, 'UTC')).toBeUndefined();
    expect(renderEleventyPermalink('/{% if %}/', {}, 'T', page, 'UTC')).toBeUndefined();
  });
});
