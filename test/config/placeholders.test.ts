import { describe, expect, it } from 'vitest';
import { placeholdersIn } from '../../src/config/placeholders.js';

describe('placeholders a config may still hold (CONFIG_PLACEHOLDER)', () => {
  it("init's values, and links or e-mail addresses at example.com/.org/.net themselves, at their lines", () => {
    const raw = { title: 'Eleventy Base Blog v9', link: 'https://www.example.org/', author: { name: 'Your Name Here', email: 'youremailaddress@example.com' } };
    const text = `${JSON.stringify(raw, null, 2)}\n`;
    expect(placeholdersIn(raw, text)).toEqual([
      { key: 'link', line: 3 },
      { key: 'author', line: 4 },
    ]);
    expect(placeholdersIn({ title: 'My site', description: 'What this site is about, in one sentence.' }, undefined).map((p) => p.key)).toEqual(['title', 'description']);
  });

  it('a subdomain of example.com, a real address, a title that only resembles one: none', () => {
    const raw = { title: 'My site notes', link: 'https://gazette.example.com/', author: { name: 'Gazette Newsroom', email: 'newsroom@gazette.example.com' } };
    expect(placeholdersIn(raw, JSON.stringify(raw))).toEqual([]);
    expect(placeholdersIn({ link: 'not a url', author: 'Your Name' }, undefined)).toEqual([]);
  });
});
