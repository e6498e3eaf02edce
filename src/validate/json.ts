/**
 * JSON Feed 1.1 checks: the published JSON Schema (jsonfeed-schema's schema-v1.1.json, draft-07,
 * compiled with ajv 8 + ajv-formats), plus what the schema does not say: the exact 1.1 version,
 * unique item ids, absolute URLs, RFC 3339 dates, and the 1.1 deprecations.
 */
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { parseJsonSource, pointerToken, type JsonLocation } from './json-source.js';
import type { Reporter, RuleCode } from './rules.js';
import { isAbsoluteUrl, LineIndex, parseRfc3339, quote } from './text.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** URL-valued keys, by where they occur (JSON Feed 1.1). */
export const URL_KEYS = {
  feed: ['home_page_url', 'feed_url', 'next_url', 'icon', 'favicon'],
  item: ['url', 'external_url', 'image', 'banner_image'],
  author: ['url', 'avatar'],
  attachment: ['url'],
  hub: ['url'],
} as const;

export const DATE_KEYS = ['date_published', 'date_modified'] as const;

// ajv-formats is CommonJS; its export is the function, or a module object holding it as default.
type AddFormats = (ajv: Ajv) => Ajv;

let compiled: ValidateFunction | undefined;

/** The schema is draft-07, which ajv 8's default class supports; compile once, on first use. */
export function jsonFeedSchemaValidator(): ValidateFunction {
  if (compiled === undefined) {
    const require = createRequire(import.meta.url);
    // ajv and ajv-formats are CommonJS, required on first use: every CLI command imports this
    // module, and loading ajv costs start-up time that a build with unchanged feeds never needs.
    const { Ajv: AjvClass } = require('ajv') as { Ajv: new (options: Record<string, unknown>) => Ajv };
    const formatsModule = require('ajv-formats') as AddFormats | { default: AddFormats };
    const addFormats: AddFormats = typeof formatsModule === 'function' ? formatsModule : formatsModule.default;
    const schema = require('jsonfeed-schema/schema-v1.1.json') as Record<string, unknown>;
    // verbose: errors carry the offending value, so messages can quote it.
    const ajv = new AjvClass({ allErrors: true, strict: false, verbose: true });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkJson(source: string, reporter: Reporter): void {
  const lines = new LineIndex(source);
  const parsed = parseJsonSource(source);
  if (!parsed.ok) {
    reporter.report('JSON_SYNTAX_ERROR', lines.at(parsed.offset), `The file is not valid JSON: ${parsed.message}`);
    return;
  }
  const { value, locations } = parsed;

  /** Where to point for a pointer: the key if asked and known, else the value, else the nearest parent. */
  const at = (pointer: string, prefer: 'key' | 'value' = 'value') => {
    let p = pointer;
    while (true) {
      const location: JsonLocation | undefined = locations.get(p);
      if (location !== undefined) return lines.at(prefer === 'key' ? (location.key ?? location.value) : location.value);
      if (p === '') return lines.at(0);
      p = p.slice(0, p.lastIndexOf('/'));
    }
  };
  const reported = new Set<string>();
  const report = (code: RuleCode, pointer: string, message: string, hint?: string, prefer: 'key' | 'value' = 'value'): void => {
    const key = `${code}|${pointer}`;
    if (reported.has(key)) return;
    reported.add(key);
    reporter.report(code, at(pointer, prefer), message, hint);
  };

  for (const duplicate of parsed.duplicates) {
    reporter.report(
      'JSON_DUPLICATE_KEY',
      lines.at(duplicate.offset),
      `The key ${JSON.stringify(duplicate.key)} appears twice in the same object; readers keep only one of the values.`,
    );
  }

  if (!isObject(value)) {
    report('JSON_NOT_OBJECT', '', 'The top-level JSON value is not an object; a JSON Feed is one object with version, title and items.');
    return;
  }

  // 1. Our own rules first: they say more precisely what is wrong than the schema's messages.
  checkFeedObject(value, report);

  // 2. The published schema. Errors already covered by a rule above (same code, same place) are dropped.
  const validate = jsonFeedSchemaValidator();
  if (!validate(value)) {
    for (const error of validate.errors ?? []) reportSchemaError(error, report);
  }
}

type Report = (code: RuleCode, pointer: string, message: string, hint?: string, prefer?: 'key' | 'value') => void;

function checkFeedObject(feed: JsonObject, report: Report): void {
  const version = feed.version;
  if (typeof version === 'string' && version !== JSON_FEED_VERSION) {
    report(
      'JSON_VERSION_INVALID',
      '/version',
      `The version is ${quote(version)}; a JSON Feed 1.1 must say exactly "${JSON_FEED_VERSION}".`,
      version === 'https://jsonfeed.org/version/1' ? 'Upgrade to 1.1: write "authors" (an array) instead of "author", and set the version.' : undefined,
    );
  }
  for (const key of ['home_page_url', 'feed_url'] as const) {
    if (feed[key] === undefined) {
      report(
        'JSON_FEED_URL_MISSING',
        `/${key}`,
        `The feed has no ${key}; JSON Feed 1.1 says it should be considered required for a feed on the public web.`,
      );
    }
  }
  checkUrls(feed, '', URL_KEYS.feed, report);
  checkAuthors(feed, '', report);
  if (Array.isArray(feed.hubs)) {
    feed.hubs.forEach((hub, index) => {
      if (isObject(hub)) checkUrls(hub, `/hubs/${index}`, URL_KEYS.hub, report);
    });
  }

  if (!Array.isArray(feed.items)) return;
  const ids = new Map<string, number>();
  feed.items.forEach((item, index) => {
    if (!isObject(item)) return;
    const pointer = `/items/${index}`;
    if (typeof item.id === 'string' || typeof item.id === 'number') {
      const id = String(item.id);
      const first = ids.get(id);
      if (first !== undefined) {
        report(
          'JSON_ITEM_ID_DUPLICATE',
          `${pointer}/id`,
          `Item ${index} has the id ${quote(id)}, which item ${first} already uses; ids must be unique within a feed.`,
        );
      } else {
        ids.set(id, index);
      }
    }
    if (item.content_html === undefined && item.content_text === undefined) {
      report(
        'JSON_ITEM_CONTENT_MISSING',
        pointer,
        `Item ${index} has neither content_html nor content_text; JSON Feed 1.1 requires at least one.`,
      );
    }
    for (const key of DATE_KEYS) {
      const date = item[key];
      if (typeof date === 'string' && parseRfc3339(date, false) === undefined) {
        report(
          'JSON_DATE_INVALID',
          `${pointer}/${key}`,
          `Item ${index}'s ${key} ${quote(date)} is not an RFC 3339 date-time such as "2010-02-07T14:04:00-05:00".`,
        );
      }
    }
    checkUrls(item, pointer, URL_KEYS.item, report);
    checkAuthors(item, pointer, report);
    if (Array.isArray(item.attachments)) {
      item.attachments.forEach((attachment, a) => {
        if (isObject(attachment)) checkUrls(attachment, `${pointer}/attachments/${a}`, URL_KEYS.attachment, report);
      });
    }
  });
}

function checkUrls(object: JsonObject, pointer: string, keys: readonly string[], report: Report): void {
  for (const key of keys) {
    const url = object[key];
    if (typeof url === 'string' && !isAbsoluteUrl(url)) {
      report(
        'JSON_URL_NOT_ABSOLUTE',
        `${pointer}/${pointerToken(key)}`,
        `The ${key} ${quote(url)}${pointer === '' ? '' : ` at ${pointer}`} is not an absolute URL.`,
        'Write the full URL, including https:// and the host.',
      );
    }
  }
}

function checkAuthors(object: JsonObject, pointer: string, report: Report): void {
  // JSON Feed 1.1: "While authors is preferred, publishers can include both author and authors for
  // compatibility with existing feed readers." So only `author` alone is worth a warning.
  if (object.author !== undefined && object.authors === undefined) {
    report(
      'JSON_AUTHOR_DEPRECATED',
      `${pointer}/author`,
      `${pointer === '' ? 'The feed' : `The item at ${pointer}`} uses "author" without "authors"; JSON Feed 1.1 deprecates "author" in favour of the "authors" array.`,
      'Add "authors": [{ "name": … }] (you may keep "author" too for 1.0 readers).',
      'key',
    );
  }
  if (isObject(object.author)) {
    checkUrls(object.author, `${pointer}/author`, URL_KEYS.author, report);
  }
  if (Array.isArray(object.authors)) {
    object.authors.forEach((author, index) => {
      if (isObject(author)) checkUrls(author, `${pointer}/authors/${index}`, URL_KEYS.author, report);
    });
  }
}

/** Turns one ajv error into a diagnostic with the most specific code that fits. */
function reportSchemaError(error: ErrorObject, report: Report): void {
  const pointer = error.instancePath;
  const where = pointer === '' ? 'the feed' : pointer;
  // The item content rule is an anyOf of two `required`s; its branches say nothing new.
  if (error.schemaPath.includes('/anyOf/')) return;
  switch (error.keyword) {
    case 'anyOf':
      if (/^\/items\/\d+$/.test(pointer)) {
        report('JSON_ITEM_CONTENT_MISSING', pointer, `The item at ${pointer} has neither content_html nor content_text.`);
        return;
      }
      break;
    case 'required': {
      const missing = String((error.params as { missingProperty?: unknown }).missingProperty ?? '');
      report('JSON_REQUIRED_MISSING', `${pointer}/${pointerToken(missing)}`, `The required key ${JSON.stringify(missing)} is missing from ${where}.`);
      return;
    }
    case 'format': {
      const format = String((error.params as { format?: unknown }).format ?? '');
      const value = typeof error.data === 'string' ? error.data : '';
      if (format === 'uri') {
        // Absolute but not a URI: usually a non-ASCII character the schema's RFC 3986 check refuses.
        if (isAbsoluteUrl(value)) {
          report(
            'JSON_SCHEMA_VIOLATION',
            pointer,
            `The URL ${quote(value)} at ${pointer} is absolute but not a valid RFC 3986 URI, which the JSON Feed schema requires.`,
            'Percent-encode spaces and non-ASCII characters (new URL(value).href does it).',
          );
        } else {
          report('JSON_URL_NOT_ABSOLUTE', pointer, `The value ${quote(value)} at ${pointer} is not an absolute URL.`);
        }
        return;
      }
      if (format === 'date-time') {
        report('JSON_DATE_INVALID', pointer, `The value ${quote(value)} at ${pointer} is not an RFC 3339 date-time.`);
        return;
      }
      break;
    }
    case 'enum':
      if (pointer === '/version') {
        report('JSON_VERSION_INVALID', pointer, `The version is not "${JSON_FEED_VERSION}".`);
        return;
      }
      break;
    case 'additionalProperties': {
      const extra = String((error.params as { additionalProperty?: unknown }).additionalProperty ?? '');
      report(
        'JSON_SCHEMA_VIOLATION',
        `${pointer}/${pointerToken(extra)}`,
        `The key ${JSON.stringify(extra)} is not defined for ${where}; JSON Feed extensions must start with an underscore.`,
        undefined,
        'key',
      );
      return;
    }
    default:
      break;
  }
  report('JSON_SCHEMA_VIOLATION', pointer, `The value at ${where} does not match the JSON Feed 1.1 schema: it ${error.message ?? 'is invalid'}.`);
}
