import type { ChromeLanguage } from './types.js';

/** Danish: only the byline's "af" ("af Jane Doe"), so far. */
export const da: ChromeLanguage = {
  code: 'da',
  author: { labels: ['af'] },
};
