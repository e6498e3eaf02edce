import { describe, expect, it } from 'vitest';
import { eleventySlug, eleventySlugify, renderEleventyPermalink } from '../../src/site/eleventy-permalink.js';
import { eleventyDateFilters, layoutLayers } from '../../src/site/eleventy-site.js';

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

describe("an Eleventy config's luxon date filters", () => {
  const config = `
    eleventyConfig.addFilter("plain", d => DateTime.fromJSDate(d).toFormat("yyyy"));
    eleventyConfig.addNunjucksFilter('guarded', function (d) {
      if (!d) return "";
      return DateTime.fromJSDate(d, { zone: 'America/Chicago' }).toFormat('yyyy/LL');
    });
    eleventyConfig.addFilter("given", (date, fmt = "yyyy") => DateTime.fromJSDate(date, { zone: "utc" }).toFormat(fmt));
    eleventyConfig.addFilter("more", (d) => { const x = site.zone; return DateTime.fromJSDate(d).toFormat("yyyy"); });
    eleventyConfig.addFilter("suffix", (d) => DateTime.fromJSDate(d).toFormat("yyyy") + "!");
    eleventyConfig.addFilter("other", (d, f) => DateTime.fromJSDate(d).toFormat(site.format));
    eleventyConfig.addFilter("iso", (d) => DateTime.fromJSDate(d).toISO());`;

  it('reads only filters that are nothing but a format (literal or their own argument), with the zone they name', () => {
    expect(eleventyDateFilters(config)).toEqual({ plain: { format: 'yyyy' }, guarded: { format: 'yyyy/LL', zone: 'America/Chicago' }, given: { zone: 'utc' } });
    expect(eleventyDateFilters('eleventyConfig.addFilter("x", (a) => a)')).toEqual({});
  });

  it('formats with luxon in their zone (else the site zone); a filter given no format does not render', () => {
    const filters = eleventyDateFilters(config);
    const late = { ...page, date: new Date('2026-07-01T03:00:00Z') };
    expect(renderEleventyPermalink('/{{ page.date | guarded }}/{{ page.fileSlug }}/', {}, 't', late, 'UTC', filters)).toBe('/2026/06/first-trip/');
    expect(renderEleventyPermalink('/{{ page.date | plain }}/', {}, 't', { ...page, date: new Date('2026-12-31T23:30:00Z') }, 'Europe/Paris', filters)).toBe('/2027/');
    expect(renderEleventyPermalink("/{{ page.date | given('LL') }}/", {}, 't', late, 'UTC', filters)).toBe('/07/');
    expect(renderEleventyPermalink('/{{ page.date | given: "yyyy" }}/', {}, 't', late, 'UTC', filters)).toBe('/2026/');
    expect(renderEleventyPermalink('/{{ title | plain }}/', {}, 't', late, 'UTC', filters)).toBeUndefined();
    expect(renderEleventyPermalink('/{{ page.date | suffix }}/', {}, 't', late, 'UTC', filters)).toBeUndefined();
  });

  it('a layout chain is followed outermost first, and a cycle ends it', () => {
    const layouts = { post: { data: { permalink: '/p/' }, layout: 'base' }, base: { data: { section: 'b' }, layout: 'post' } };
    expect(layoutLayers(layouts, 'post')).toEqual([{ section: 'b' }, { permalink: '/p/' }]);
    expect(layoutLayers(layouts, 'missing')).toEqual([]);
  });
});
