/**
 * Reading RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item becomes a document with its date, link and the feed's
 * title as source. An item's input is its content (or description) as decoded from the XML; HTML content is read
 * like a page fragment. One broken item is reported and skipped; the others are read.
 */
import { XMLParser } from 'fast-xml-parser';
import { makeMessage, type DocInit, type Message } from '../core/index.js';
import { buildHtmlView, parseHtmlPage } from './html-view.js';
import { readPublished } from './published-date.js';

/** A feed's documents and the problems of items that could not be read. */
export interface FeedResult {
  docs: DocInit[];
  errors: Message[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  cdataPropName: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    return text(v['#text'] ?? v['@href']);
  }
  return undefined;
}

function itemLink(item: Record<string, unknown>): string | undefined {
  const links = item.link as unknown[] | undefined;
  if (!links) return undefined;
  for (const l of links) {
    if (typeof l === 'string') return l;
    const o = l as Record<string, unknown>;
    if (!o['@rel'] || o['@rel'] === 'alternate') return text(o['@href']) ?? text(o);
  }
  return text(links[0]);
}

/**
 * Reads a feed text. Throws nothing: an unparseable feed is one error. An item date that is no date, not a
 * calendar date or in the future is a warning on the item's document, read undated.
 */
export function readFeed(xml: string, idPrefix: string, origin: { path?: string; encoding?: string }, now?: Date): FeedResult {
  const out: FeedResult = { docs: [], errors: [] };
  let tree: Record<string, any>;
  try {
    tree = parser.parse(xml, true) as Record<string, any>;
  } catch (error) {
    out.errors.push(makeMessage('error', `feed is not well-formed XML: ${(error as Error).message.split('\n')[0]}`, 'ingest/feed-xml'));
    return out;
  }
  const channel = tree.rss?.channel ?? tree['rdf:RDF']?.channel ?? tree.feed;
  const items: unknown[] = tree.rss?.channel?.item ?? tree['rdf:RDF']?.item ?? tree.feed?.entry ?? [];
  if (!channel && !items.length) {
    out.errors.push(makeMessage('error', 'not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> element)', 'ingest/feed-kind'));
    return out;
  }
  const source = text(channel?.title);
  items.forEach((raw, index) => {
    const n = index + 1;
    if (!raw || typeof raw !== 'object') {
      out.errors.push(makeMessage('error', `item ${n}: empty item skipped`, 'ingest/feed-item'));
      return;
    }
    const item = raw as Record<string, unknown>;
    const body = text(item['content:encoded']) ?? text(item.content) ?? text(item.description) ?? text(item.summary);
    const title = text(item.title)?.trim();
    if (!body || !body.trim()) {
      out.errors.push(makeMessage('error', `item ${n}${title ? ` ("${title.slice(0, 60)}")` : ''}: no content or description, skipped`, 'ingest/feed-item'));
      return;
    }
    const date = readPublished(text(item.pubDate) ?? text(item.published) ?? text(item.updated) ?? text(item['dc:date']), 'ingest/feed-date', { now, loose: true, line: n });
    const link = itemLink(item);
    out.docs.push(feedItemDoc({ id: text(item.guid) ?? text(item.id) ?? link ?? `${idPrefix}#${n}`, body, html: true, n, origin, link, source, title, date }));
  });
  return out;
}

/**
 * The document of one feed item (RSS, Atom, JSON Feed): its content as input — read like a page fragment when `html`
 * and it holds markup —, its position, link and feed title as origin, its checked date (or the warning refusing it).
 */
export function feedItemDoc(item: {
  id: string; body: string; html: boolean; n: number; origin: { path?: string; encoding?: string };
  link?: string; source?: string; title?: string; date: ReturnType<typeof readPublished>;
}): DocInit {
  const doc: DocInit = {
    id: item.id,
    input: item.body,
    format: 'feed-item',
    origin: { ...item.origin, line: item.n, url: item.link, source: item.source },
    title: item.title ? { value: item.title } : undefined,
    published: item.date.published,
    ...(item.date.warning ? { messages: [item.date.warning] } : {}),
  };
  if (item.html && /<[a-z][^>]*>/i.test(item.body)) doc.view = buildHtmlView(item.body, parseHtmlPage(item.body).nodes);
  return doc;
}
