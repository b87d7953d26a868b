/**
 * A feed watched over HTTP(S): RSS, Atom or JSON Feed (or any document the readers take, such as JSON Lines or a
 * page). Each poll is a conditional GET; a 304 or a body identical to the last one reads nothing; otherwise the
 * body is read by the ingest readers and only the items not seen with the same content go to the sink. The
 * validators are remembered only once every item of the body has been handed on, so a watcher stopped half-way
 * fetches the whole body again next time (and skips the items it had already stored).
 */
import { decodeBytes, readDecoded, type FileFormat } from '../ingest/index.js';
import { fetchFeed, shownUrl } from './fetch-feed.js';
import { itemHash, Seen, shortHash } from './seen.js';
import type { PollContext, WatchSource } from './source.js';
import { WatchError } from './types.js';

/** What is remembered of a feed between polls and runs. */
interface FeedState {
  etag?: string;
  lastModified?: string;
  /** Hash of the last body read in full. */
  bodyHash?: string;
  seen?: unknown;
}

/** Options of {@link feedSource}. */
export interface FeedSourceOptions {
  /** Largest feed body in bytes. */
  readonly maxBytes: number;
  /** Time limit of one request. */
  readonly timeoutMs: number;
  /** The fetch to use (tests). */
  readonly fetch?: typeof fetch;
}

/** Documents handed on between two saves of the seen items during one long body. */
const SAVE_EVERY = 20;

/** The reader format a response's media type (else its URL's extension) names. */
export function formatOfResponse(contentType: string, url: string): FileFormat | undefined {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (/(^|[/+])(rss|atom|rdf)(\+xml)?$|^(application|text)\/xml$/.test(type)) return 'feed';
  if (/(ndjson|jsonl|jsonlines)$/.test(type)) return 'jsonl';
  if (/(^|[/+])json$/.test(type)) return 'json';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/plain' || type === 'text/markdown') return 'text';
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return ext === 'rss' || ext === 'atom' || ext === 'xml' ? 'feed' : ext === 'json' ? 'json' : ext === 'jsonl' || ext === 'ndjson' ? 'jsonl' : undefined;
}

/** Watches the feed at `url`. */
export function feedSource(url: string, options: FeedSourceOptions): WatchSource {
  const label = shownUrl(url);
  const name = `feed:${url}`;
  return {
    name,
    label,
    async poll(ctx: PollContext) {
      const saved = ((await ctx.state.get(name)) ?? {}) as FeedState;
      const res = await fetchFeed(url, { etag: saved.etag, lastModified: saved.lastModified }, { ...options, signal: ctx.signal });
      if (res.status === 'not-modified') {
        ctx.report({ kind: 'poll', source: label, result: 'not-modified', fresh: 0 });
        return;
      }
      const bodyHash = shortHash(res.bytes);
      const validators = { etag: res.etag, lastModified: res.lastModified };
      if (saved.bodyHash === bodyHash) {
        // A server without validators (or with new ones for the same body): nothing to read.
        if (saved.etag !== validators.etag || saved.lastModified !== validators.lastModified) await ctx.state.set(name, { ...saved, ...validators });
        ctx.report({ kind: 'poll', source: label, result: 'unchanged', fresh: 0 });
        return;
      }
      const decoded = decodeBytes(res.bytes);
      if (!decoded.ok) throw new WatchError(decoded.reason);
      const read = readDecoded(decoded.text, decoded.encoding, label, url, formatOfResponse(res.contentType, url), { maxBytes: options.maxBytes });
      const firstError = read.problems.find((p) => p.severity === 'error');
      if (!read.docs.length && firstError) throw new WatchError(`${firstError.reason} (${firstError.rule})`);
      for (const message of read.problems) ctx.report({ kind: 'problem', source: label, path: label, message });

      const seen = Seen.fromJSON(saved.seen);
      let fresh = 0;
      let complete = false;
      try {
        for (const init of read.docs) {
          if (ctx.signal.aborted) return;
          const hash = itemHash(init);
          if (seen.has(init.id, hash)) continue;
          await ctx.deliver(init);
          seen.add(init.id, hash);
          if (++fresh % SAVE_EVERY === 0) await ctx.state.set(name, { ...saved, seen });
        }
        complete = true;
      } finally {
        // Stopped or failed half-way: keep what was handed on, but not the validators, so the body is read again.
        if (!complete && fresh) await ctx.state.set(name, { ...saved, seen }).catch(() => {});
      }
      await ctx.state.set(name, { ...validators, bodyHash, seen });
      ctx.report({ kind: 'poll', source: label, result: 'read', fresh });
    },
  };
}
