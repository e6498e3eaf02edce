import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../../src/config/load.js';
import { parseDateValue } from '../../src/meta/dates.js';
import { FEED_KEYS, fieldKeys } from '../../src/meta/fields.js';
import { expandPattern, githubSlug, hugoUrlize, jekyllSlugify, plainLink, sectionSlices, zolaSlugify } from '../../src/site/permalink.js';
import { indentQuotedContinuations, splitFrontMatter } from '../../src/sources/front-matter.js';

describe('slugs as each generator makes them', () => {
  it('Jekyll (default and pretty, cased), Hugo urlize, Zola slugify, github-slugger (Astro)', () => {
    expect(jekyllSlugify('Hello, World!', 'default')).toBe('hello-world');
    expect(jekyllSlugify('Making-It_Easier.v2', 'pretty', true)).toBe('Making-It_Easier.v2');
    expect(hugoUrlize('Notes, Part One!')).toBe('notes-part-one');
    expect(hugoUrlize('Über  Café')).toBe('über-café');
    // Hugo's paths.Sanitize: no hyphen for a space beside a written one (a title's " - ").
    expect(hugoUrlize('FOSDEM - décentralisation')).toBe('fosdem-décentralisation');
    expect(hugoUrlize('Measuring success - l10n/language')).toBe('measuring-success-l10n/language');
    expect(hugoUrlize('a -- b, c- d')).toBe('a--b-c-d');
    expect(zolaSlugify('Héllo Wörld_2024')).toBe('hello-world-2024');
    expect(githubSlug('The Big Idea: v2.0')).toBe('the-big-idea-v20');
  });
});

describe('a :title slug from an extracted title', () => {
  it('has no soft hyphen in it, nor a break where one stood', () => {
    const input = { contentPath: 'news/weinberg.txt', fm: {}, date: new Date('2024-03-05T00:00:00Z'), title: 'Der Wein\u00adberg am Hang', timezone: 'UTC', categories: [] };
    expect(plainLink(input, '/:year/:title/', 'weinberg').path).toBe('/2024/der-weinberg-am-hang/');
  });
});

describe('patterns', () => {
  it('take the longest token, leave an unknown one as written and name it, and collapse empty segments', () => {
    expect(expandPattern('/:categories/:year/:slugorfilename/', { categories: '', year: '2024', slug: 's', slugorfilename: 'f' })).toEqual({ path: '/2024/f/', unknown: [] });
    expect(expandPattern('/:year/:nope/', { year: '2024' })).toEqual({ path: '/2024/:nope/', unknown: [':nope'] });
  });
  it("Hugo's section slices (:sections[last], [0], [1:], [:last]) as hugolib cuts them; past the end, nothing", () => {
    const dirs = ['docs', 'guides', 'setup'];
    expect(sectionSlices('/:sections[last]/:slug/', dirs)).toBe('/setup/:slug/');
    expect(sectionSlices('/:sections[0]/:sections[1:]/', dirs)).toBe('/docs/guides/setup/');
    expect(sectionSlices('/:sections[:last]/x/', dirs)).toBe('/docs/guides/x/');
    expect(sectionSlices('/:sections[1:2]/:sections[5]/', dirs)).toBe('/guides//');
    expect(sectionSlices('/post/:sections[last]/:slugorcontentbasename/', ['post'])).toBe('/post/post/:slugorcontentbasename/');
    expect(sectionSlices('/:sections/:slug/', dirs)).toBe('/:sections/:slug/');
  });
});

describe('front matter as Jekyll and Eleventy sites write it', () => {
  it('a quoted value continued at column 1 is read (lines kept), and a blank line before the fence is allowed', () => {
    const yaml = 'title: "A title"\nexcerpt: "First line\nsecond line."\ndate: 2024-01-01\n';
    expect(indentQuotedContinuations(yaml)).toBe('title: "A title"\nexcerpt: "First line\n  second line."\ndate: 2024-01-01\n');
    const r = splitFrontMatter(`---\n${yaml}---\nBody.\n`, 'x.md');
    expect([r.ok, r.data.excerpt, r.lines.date]).toEqual([true, 'First line second line.', 5]);
    const lead = splitFrontMatter('\n\n---\ntitle: T\n---\nBody.\n', 'x.md');
    expect([lead.ok, lead.data.title, lead.lines.title, lead.bodyLine]).toEqual([true, 'T', 4, 6]);
    expect(lead.diagnostics).toEqual([]);
  });

  it('an indented opening fence is read, with a warning naming its line (the generators would show the file as text)', () => {
    const r = splitFrontMatter(' ---\ntitle: "GrapeVine Voice"\n---\nBody.\n', 'x.md');
    expect([r.ok, r.data.title, r.lines.title, r.bodyLine]).toEqual([true, 'GrapeVine Voice', 2, 4]);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['FM_INDENTED_FENCE', 1]]);
    const later = splitFrontMatter('\n\t+++\ntitle = "T"\n+++\n', 'x.md');
    expect([later.data.title, later.diagnostics[0]?.message]).toEqual(['T', expect.stringContaining('"+++" on line 2 is indented')]);
    // Indented text that is not a fence stays body.
    expect(splitFrontMatter('  ----\nBody.\n', 'x.md').data).toEqual({});
  });

  it('dates with an hours-only offset or a one-digit hour are dates', () => {
    expect(parseDateValue('2015-03-17 14:00:00 -4', 'UTC')?.toISOString()).toBe('2015-03-17T18:00:00.000Z');
    expect(parseDateValue('2016-03-23 9:00:00 -4', 'UTC')?.toISOString()).toBe('2016-03-23T13:00:00.000Z');
  });
});

describe('keys are data, and the README says so', () => {
  const readme = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');
  it('every front matter key feedwright reads and every config key is in the README', () => {
    for (const key of FEED_KEYS) expect(readme, key).toContain(`\`${key}\``);
    for (const key of CONFIG_KEYS.filter((k) => k !== '$schema')) expect(readme, key).toContain(`\`${key}\``);
  });
  it('a config "keys" map puts the site\'s keys first', () => {
    expect(fieldKeys('title', { title: ['newstitle'] })).toEqual(['newstitle', 'title']);
    expect(fieldKeys('published', undefined)).toEqual(['published', 'date', 'pubDate', 'publishDate', 'publishedAt', 'created', 'datePublished', 'dateCreated']);
  });
});
