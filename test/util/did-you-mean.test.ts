import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/util/text.js';

describe('didYouMean', () => {
  const KEYS = ['id', 'date', 'tags', 'title', 'authors', 'summary'];

  it('suggests the key a typo most likely meant', () => {
    expect(didYouMean('tilte', KEYS)).toBe('title');
    expect(didYouMean('tgas', KEYS)).toBe('tags');
    expect(didYouMean('dte', KEYS)).toBe('date');
    expect(didYouMean('autors', KEYS)).toBe('authors');
  });

  it('allows a short key one edit only: a theme\'s "dir: rtl" is not a misspelt "id"', () => {
    expect(didYouMean('dir', KEYS)).toBeUndefined();
    expect(didYouMean('lan', KEYS)).toBeUndefined();
    expect(didYouMean('idd', KEYS)).toBe('id');
  });
});
