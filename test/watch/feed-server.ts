/** A local HTTP server for the watcher's tests: feeds whose content the test changes, with every request recorded. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a path answers: a body (with validators), or a status. */
export interface Route {
  body?: string;
  contentType?: string;
  /** Sent as `ETag`; a request with `If-None-Match` equal to it gets a 304. */
  etag?: string;
  /** Sent as `Last-Modified`; a request with the same `If-Modified-Since` gets a 304. */
  lastModified?: string;
  /** Answer with this status and no feed (500, 503 …). */
  status?: number;
  retryAfter?: string;
}

/** One request as the server saw it, with the status it answered. */
export interface Seen {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly status: number;
}

/** The running server. */
export interface FeedServer {
  readonly url: string;
  readonly routes: Map<string, Route>;
  readonly requests: Seen[];
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.get(path);
    const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
      requests.push({ path, headers: req.headers, status });
      res.writeHead(status, headers);
      res.end(body);
    };
    if (!route) return answer(404, { 'content-type': 'text/plain' }, 'no such feed');
    if (route.status) return answer(route.status, route.retryAfter ? { 'retry-after': route.retryAfter } : {}, 'broken');
    const validators: Record<string, string> = {};
    if (route.etag) validators.etag = route.etag;
    if (route.lastModified) validators['last-modified'] = route.lastModified;
    if ((route.etag && req.headers['if-none-match'] === route.etag) || (route.lastModified && req.headers['if-modified-since'] === route.lastModified)) {
      return answer(304, validators);
    }
    answer(200, { 'content-type': route.contentType ?? 'application/rss+xml', ...validators }, route.body ?? '');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    requests,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

/** An RSS 2.0 feed of items `[guid, title, text]`. */
export function rss(title: string, items: ReadonlyArray<readonly [string, string, string]>): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${esc(title)}</title>${items
    .map(([guid, t, text]) => `<item><guid>${esc(guid)}</guid><title>${esc(t)}</title><pubDate>Thu, 25 May 2023 10:00:00 GMT</pubDate><description>${esc(text)}</description></item>`)
    .join('')}</channel></rss>`;
}

/** A JSON Feed 1.1 of items `[id, title, text]`. */
export function jsonFeed(title: string, items: ReadonlyArray<readonly [string, string, string]>): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map(([id, t, text]) => ({ id, title: t, content_text: text, date_published: '2023-05-25T10:00:00Z' })),
  });
}

/** Polls `check` until it holds, at most `waitMs` (then throws naming `what`). Never a timed assertion. */
export async function until(check: () => boolean, what: string, waitMs = 20_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not reached within ${waitMs} ms: ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}
