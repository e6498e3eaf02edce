import type { ChromeLanguage } from './types.js';

/** Russian: only the headings of comment and related blocks and the ad label, so far. */
export const ru: ChromeLanguage = {
  code: 'ru',
  chrome: {
    adLabels: ['реклама'],
    commentHeading: [/^(?:добавить|оставить|написать) комментарий|^(?:\d+ )?комментари(?:й|ия|ев|и)$|^отменить ответ$/],
    relatedList: [/^(?:вам (?:также )?может быть интересно|читайте также|похожие (?:записи|статьи|новости)|популярные (?:записи|статьи)|свежие записи|рекомендуем)$/],
  },
};
