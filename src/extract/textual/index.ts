/** Metadata found in the text of an article: bylines, date lines, tag lines. */
export { bareNameSegment, looksLikePersonName, parseByline, splitByline } from './byline.js';
export type { DateKind, DateLine, DateMatch } from '../dates.js';
export { findTextDate, parseTextDate, readDateLine } from '../dates.js';
export { parseTagsLine, splitTags } from './tags.js';
