/**
 * The HTML, feed and JSON Feed readers, loaded when an input needs them: they bring linkedom, Readability, htmlparser2 and
 * fast-xml-parser (about a quarter of a second of module loading), which plain text and JSON Lines of plain text
 * never use. The readers register themselves here when their modules load (by this module or by any static import),
 * so the synchronous reading code finds them; the asynchronous callers load them first ({@link loadMarkupReaders}).
 */
import type { DocInit } from '../core/index.js';
import type { FileFormat } from './sniff.js';
import type { FeedResult } from './read-feed.js';

type HtmlReader = (html: string, base: Omit<DocInit, 'input' | 'format'>) => DocInit;
type FeedReader = (xml: string, idPrefix: string, origin: { path?: string; encoding?: string }, now?: Date) => FeedResult;

interface JsonFeedReader {
  readonly looks: (text: string) => boolean;
  readonly read: FeedReader;
}

let html: HtmlReader | undefined;
let feed: FeedReader | undefined;
let jsonFeed: JsonFeedReader | undefined;

/** Called by read-html.ts when it loads. */
export function registerHtmlReader(reader: HtmlReader): void {
  html = reader;
}

/** Called by read-feed.ts when it loads. */
export function registerFeedReader(reader: FeedReader): void {
  feed = reader;
}

/** Called by read-json-feed.ts when it loads. */
export function registerJsonFeedReader(reader: JsonFeedReader): void {
  jsonFeed = reader;
}

/** True when a JSON text may be a JSON Feed (every one names jsonfeed.org in its `version`). */
export function mayBeJsonFeed(text: string): boolean {
  return text.includes('jsonfeed.org');
}

/**
 * True when a text of `format` may hold HTML to read: an HTML page or feed, or a JSON Lines / JSON file with a "<"
 * in it, written out or escaped as `\u003c` (a record is read as HTML only when its text starts with "<").
 */
function mayNeedHtml(text: string, format: FileFormat): boolean {
  if (format === 'html' || format === 'feed') return true;
  return (format === 'jsonl' || format === 'json') && (text.includes('<') || /\\u003c/i.test(text));
}

/** Loads the readers that reading `text` as `format` may call (nothing for plain text). */
export async function loadMarkupReaders(text: string, format: FileFormat): Promise<void> {
  if (!html && mayNeedHtml(text, format)) await import('./read-html.js');
  if (!feed && format === 'feed') await import('./read-feed.js');
  if (!jsonFeed && format === 'json' && mayBeJsonFeed(text)) await import('./read-json-feed.js');
}

/** The HTML reader; throws when no caller loaded it first (a defect of the caller, not of the input). */
export function htmlReader(): HtmlReader {
  if (!html) throw new Error('ingest: the HTML reader was not loaded (call loadMarkupReaders first)');
  return html;
}

/** The JSON Feed reader; throws when no caller loaded it first. */
export function jsonFeedReader(): JsonFeedReader {
  if (!jsonFeed) throw new Error('ingest: the JSON Feed reader was not loaded (call loadMarkupReaders first)');
  return jsonFeed;
}

/** The feed reader; throws when no caller loaded it first. */
export function feedReader(): FeedReader {
  if (!feed) throw new Error('ingest: the feed reader was not loaded (call loadMarkupReaders first)');
  return feed;
}
