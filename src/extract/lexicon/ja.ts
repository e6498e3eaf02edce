import type { ChromeLanguage } from './types.js';

/** Japanese: only the headings of comment and related blocks and the ad labels, so far. */
export const ja: ChromeLanguage = {
  code: 'ja',
  chrome: {
    adLabels: ['スポンサードリンク', 'スポンサーリンク', '広告'],
    commentHeading: [/^(?:コメントを(?:残す|書く|する)|コメント)$/],
    relatedList: [/^(?:関連記事|関連する記事|おすすめ記事|人気記事)$/],
  },
};
