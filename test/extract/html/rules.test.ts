import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { DomElement } from '../../../src/extract/html/dom-types.js';
import { stripSiteName } from '../../../src/extract/html/metadata.js';
import { boilerplateRule, classWords } from '../../../src/extract/html/preclean.js';

function el(html: string): DomElement {
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  return document.body?.firstElementChild as unknown as DomElement;
}

describe('class and id words', () => {
  it('splits on dashes, underscores, spaces and camelCase', () => {
    expect(classWords('shareBar js-social_links')).toEqual(['share', 'bar', 'js', 'social', 'links']);
  });

  it('names the rule from the last meaningful word of each class name', () => {
    expect(boilerplateRule(el('<div class="post-meta"></div>'))).toBe('byline');
    expect(boilerplateRule(el('<div class="article-share"></div>'))).toBe('share-bar');
    expect(boilerplateRule(el('<div id="newsletter-signup"></div>'))).toBe('newsletter');
    expect(boilerplateRule(el('<div class="related-stories"></div>'))).toBe('related');
  });

  it('reads a BEM class without its one-word modifier, and a key-value modifier whole', () => {
    expect(boilerplateRule(el('<section class="TestReport__Section TestReport__Section--Ads"></section>'))).toBeUndefined();
    expect(boilerplateRule(el('<div class="field field--name-node-post-date"></div>'))).toBe('byline');
    expect(boilerplateRule(el('<div class="gallery--page-meta--author"></div>'))).toBe('byline');
    expect(boilerplateRule(el('<div class="related--open"></div>'))).toBe('related');
  });

  it('never marks a container whose class says it is the content', () => {
    expect(boilerplateRule(el('<div class="entry-content has-share"></div>'))).toBeUndefined();
    expect(boilerplateRule(el('<div class="article-body"></div>'))).toBeUndefined();
    expect(boilerplateRule(el('<div class="shadow-box"></div>'))).toBeUndefined();
  });

  it('reads the class before the id: a generated id that names the post does not protect a share box', () => {
    expect(boilerplateRule(el('<div class="sharedaddy sd-block sd-like" id="like-post-wrapper-975264-15062"></div>'))).toBe('share-bar');
    expect(boilerplateRule(el('<div class="sd-rating-enabled sharedaddy" id="jp-post-flair"></div>'))).toBe('share-bar');
    // The id still speaks when the class says nothing, and a content class still protects.
    expect(boilerplateRule(el('<div class="wrap" id="post-content"></div>'))).toBeUndefined();
    expect(boilerplateRule(el('<div class="wrap" id="share-buttons"></div>'))).toBe('share-bar');
    expect(boilerplateRule(el('<div class="entry-content" id="sharing"></div>'))).toBeUndefined();
  });
});

describe('stripSiteName', () => {
  it('keeps a headline that merely contains a dash or a colon', () => {
    expect(stripSiteName('Covid-19: what changes on Monday')).toBe('Covid-19: what changes on Monday');
  });

  it('drops a leading site name when the rest reads as a headline', () => {
    expect(stripSiteName('Gazette | Harbour bridge to close for repairs')).toBe('Harbour bridge to close for repairs');
  });
});
