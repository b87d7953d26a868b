/**
 * One conditional GET of a feed: `If-None-Match` with the ETag and `If-Modified-Since` with the Last-Modified the
 * server gave last time, a 304 taken as "nothing new", a bounded body, a time limit, and every failure turned into a
 * {@link WatchError} with one sentence (and the server's `Retry-After`, when it gives one).
 */
import { WatchError } from './types.js';

/** What the server said last time, sent back as validators. */
export interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
}

/** The answer: nothing new (304), or the body with the validators to send next time. */
export type FetchResult =
  | { readonly status: 'not-modified' }
  | { readonly status: 'ok'; readonly bytes: Uint8Array; readonly contentType: string; readonly etag?: string; readonly lastModified?: string };

/** Options of {@link fetchFeed}. */
export interface FetchOptions {
  /** Largest body in bytes. */
  readonly maxBytes: number;
  /** Time limit of the whole request, body included. */
  readonly timeoutMs: number;
  /** Stops the request (the watcher is stopping). */
  readonly signal?: AbortSignal;
  /** The fetch to use (tests); default the global one. */
  readonly fetch?: typeof fetch;
}

/** What the watcher says it accepts: feeds first, then any document. */
const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const USER_AGENT = 'sitrep-watch (+https://github.com/; feed reader)';

/** Seconds or an HTTP date of a `Retry-After` header, in milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A URL for messages: without user name and password. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url;
  }
}

async function readBounded(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new WatchError(`the feed is ${(declared / 1048576).toFixed(1)} MB, over the limit of ${(maxBytes / 1048576).toFixed(0)} MB (--max-mb)`);
  }
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new WatchError(`the feed is over the limit of ${(maxBytes / 1048576).toFixed(0)} MB (--max-mb)`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A signal that aborts when either does (`AbortSignal.any`, which Node has from 20.3 on). */
function either(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const both = new AbortController();
  const abort = () => both.abort();
  a.addEventListener('abort', abort, { once: true });
  b.addEventListener('abort', abort, { once: true });
  return both.signal;
}

/** GETs `url` with the validators of the last answer. Throws {@link WatchError} (or the abort of `signal`). */
export async function fetchFeed(url: string, validators: Validators, options: FetchOptions): Promise<FetchResult> {
  const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': USER_AGENT };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? either(options.signal, timeout) : timeout;
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(url, { headers, signal, redirect: 'follow' });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (timeout.aborted) throw new WatchError(`no answer within ${Math.round(options.timeoutMs / 1000)} s`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new WatchError(`cannot fetch: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { status: 'not-modified' };
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new WatchError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, retryAfterMs(res.headers.get('retry-after')));
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(res, options.maxBytes);
  } catch (error) {
    if (error instanceof WatchError || options.signal?.aborted) throw error;
    if (timeout.aborted) throw new WatchError(`the body did not arrive within ${Math.round(options.timeoutMs / 1000)} s`);
    throw new WatchError(`the body was cut off: ${(error as Error).message}`);
  }
  return {
    status: 'ok',
    bytes,
    contentType: res.headers.get('content-type') ?? '',
    etag: res.headers.get('etag') ?? undefined,
    lastModified: res.headers.get('last-modified') ?? undefined,
  };
}
