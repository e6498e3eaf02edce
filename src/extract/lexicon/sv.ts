import type { ChromeLanguage } from './types.js';

/** Swedish and Norwegian: only the byline's "av" ("av Jane Doe"), so far. */
export const sv: ChromeLanguage = {
  code: 'sv',
  author: { labels: ['av'] },
};
