import type { FeedwrightConfig } from '../config/schema.js';
import type { Article } from '../model.js';
import { FEED_PAGE_FILE, INDEX_FILE, renderFeedPage, renderIndexHtml } from './html-index.js';
import { type FeedData, type FeedWriter, feedUpdated, renderFeed } from './model.js';
import { OPML_FILE, renderOpml } from './opml.js';
import { ARCHIVE_DIR, type FeedSet, FORMATS, LANGUAGE_DIR, type OutputFormat, planFeedSets, STYLESHEET_FILE } from './sets.js';
import { feedStylesheet } from './stylesheet.js';
import { WRITERS } from './writers.js';

/** One file of a build's output, rendered lazily (feeds stream item by item). */
export interface PlannedFile {
  /** Path inside the output folder, forward slashes. */
  name: string;
  chunks: () => Iterable<string>;
  /** A feed, to be validated before anything is replaced; otherwise a companion file. */
  format: OutputFormat | 'xsl' | 'opml' | 'html';
  /** For a feed: its writer and data, so the build can write it from parts (src/feeds/compose.ts). */
  feed?: { writer: FeedWriter; data: FeedData };
}

export interface OutputPlan {
  sets: FeedSet[];
  files: PlannedFile[];
  /** The articles in the main feed and its archive pages, newest first (what the change summary compares). */
  published: Article[];
}


/**
 * Which files a build writes, from the config: the main feed (RSS, Atom, JSON Feed), its RFC 5005
 * archive pages (`archive`), one feed per other language, per tag and per author (`feeds`), the browser stylesheet
 * (`stylesheet`), and the OPML list, index page and the main feed as a web page (`index`).
 */
export function planOutput(config: FeedwrightConfig, articles: readonly Article[], generator: FeedData['generator']): OutputPlan {
  const sets = planFeedSets(config, articles, generator);
  const files: PlannedFile[] = [];
  for (const set of sets) {
    for (const f of FORMATS) {
      const feed = { writer: WRITERS[f], data: set.data[f] };
      files.push({ name: set.files[f], format: f, chunks: () => renderFeed(feed.writer, feed.data), feed });
    }
  }
  if (config.stylesheet) files.push({ name: STYLESHEET_FILE, format: 'xsl', chunks: () => [feedStylesheet()] });
  if (config.index) {
    files.push({ name: OPML_FILE, format: 'opml', chunks: () => [renderOpml(sets, config.title, feedUpdated(articles))] });
    files.push({ name: INDEX_FILE, format: 'html', chunks: () => [renderIndexHtml(sets, config.language)] });
    files.push({ name: FEED_PAGE_FILE, format: 'html', chunks: () => [renderFeedPage(sets, config.language)] });
  }
  const published = sets.filter((s) => s.kind === 'main' || s.kind === 'archive').flatMap((s) => s.data.json.items);
  const order = new Map(articles.map((a, i) => [a, i]));
  published.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { sets, files, published };
}

/** Folders of generated feed sets; a sub-folder that is no longer planned holds stale feeds. */
export const SET_FOLDERS = ['tags/', 'authors/', ARCHIVE_DIR, LANGUAGE_DIR] as const;
