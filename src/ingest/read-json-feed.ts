/**
 * Reading JSON Feed (jsonfeed.org, versions 1 and 1.1): each item becomes a document with its date, link and the
 * feed's title as source, as {@link readFeed} reads RSS and Atom. An item's input is its `content_html` (read like a
 * page fragment), else `content_text`, else `summary`. One broken item is reported and skipped; the others are read.
 */
import { makeMessage } from '../core/index.js';
import { readPublished } from './published-date.js';
import { feedItemDoc, type FeedResult } from './read-feed.js';

/** The `version` every JSON Feed declares. */
const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/** True when `value` (parsed JSON) is a JSON Feed: an object with the JSON Feed `version` and an `items` array. */
export function isJsonFeed(value: unknown): value is { version: string; items: unknown[]; title?: unknown } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.version === 'string' && VERSION.test(v.version) && Array.isArray(v.items);
}

/** True when the decoded `text` is a JSON Feed (parsed once; a text that is no JSON is not). */
export function looksLikeJsonFeed(text: string): boolean {
  if (!/^\s*\{/.test(text) || !text.includes('jsonfeed.org')) return false;
  try {
    return isJsonFeed(JSON.parse(text));
  } catch {
    return false;
  }
}

/** Reads a JSON Feed text. Throws nothing: a text that is no JSON Feed is one error. */
export function readJsonFeed(json: string, idPrefix: string, origin: { path?: string; encoding?: string }, now?: Date): FeedResult {
  const out: FeedResult = { docs: [], errors: [] };
  let feed: unknown;
  try {
    feed = JSON.parse(json);
  } catch (error) {
    out.errors.push(makeMessage('error', `JSON Feed is not valid JSON: ${(error as Error).message}`, 'ingest/json-feed'));
    return out;
  }
  if (!isJsonFeed(feed)) {
    out.errors.push(makeMessage('error', 'not a JSON Feed (no "version" of jsonfeed.org and "items" array)', 'ingest/json-feed'));
    return out;
  }
  const source = str(feed.title)?.trim() || undefined;
  feed.items.forEach((raw, index) => {
    const n = index + 1;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      out.errors.push(makeMessage('error', `item ${n}: not an object, skipped`, 'ingest/feed-item'));
      return;
    }
    const item = raw as Record<string, unknown>;
    const title = str(item.title)?.trim();
    const html = str(item.content_html);
    const body = (html?.trim() ? html : undefined) ?? str(item.content_text) ?? str(item.summary);
    if (!body || !body.trim()) {
      out.errors.push(makeMessage('error', `item ${n}${title ? ` ("${title.slice(0, 60)}")` : ''}: no content_html, content_text or summary, skipped`, 'ingest/feed-item'));
      return;
    }
    const date = readPublished(str(item.date_published) ?? str(item.date_modified), 'ingest/feed-date', { now, loose: true, line: n });
    const link = str(item.url) ?? str(item.external_url);
    const id = str(item.id);
    out.docs.push(feedItemDoc({ id: id?.trim() ? id : link ?? `${idPrefix}#${n}`, body, html: body === html, n, origin, link, source, title, date }));
  });
  return out;
}
