import type { FeedwrightConfig } from '../config/schema.js';
import { compileUserPatterns } from '../extract/patterns.js';
import type { ReadContext } from './read.js';

/**
 * The readers' context for one run: the config's zone and compiled user patterns (validated by
 * the config loader), the folder's site template, and the run's clock. Kept apart from read.ts so
 * that building it does not load the parsers.
 */
export function makeReadContext(config: FeedwrightConfig, template: ReadonlySet<string>, now: Date): ReadContext {
  return {
    timezone: config.timezone,
    template,
    dropPatterns: compileUserPatterns(config.clean.drop),
    keepPatterns: compileUserPatterns(config.clean.keep),
    now,
    // Filled by the generator presets (config "templates"); without it, template code is removed.
    ...(config.templates ? { templates: config.templates } : {}),
    ...(config.siteInfo ? { siteContent: true } : {}),
    ...(config.siteInfo?.preset === 'hugo' ? { htmlPagesNeedFrontMatter: true } : {}),
    ...(config.siteInfo?.preset === 'hexo' ? { bareFrontMatter: true } : {}),
  };
}
