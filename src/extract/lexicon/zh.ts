import type { ChromeLanguage } from './types.js';

/** Chinese: only the headings of comment and related blocks and the ad label, so far. */
export const zh: ChromeLanguage = {
  code: 'zh',
  chrome: {
    adLabels: ['广告'],
    commentHeading: [/^(?:评论|发表评论|留言)$/],
    relatedList: [/^(?:相关文章|相关阅读|推荐阅读|热门文章)$/],
  },
};
