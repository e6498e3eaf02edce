import { atomWriter } from './atom.js';
import { jsonWriter } from './json.js';
import type { FeedWriter } from './model.js';
import { rssWriter } from './rss.js';
import type { OutputFormat } from './sets.js';

/** The writer of each output format (the build writes feeds with them; parsing validates items with them). */
export const WRITERS: Readonly<Record<OutputFormat, FeedWriter>> = { rss: rssWriter, atom: atomWriter, json: jsonWriter };
