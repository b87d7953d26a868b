/**
 * Starting the app on a port with `@hono/node-server`: used by `sitrep serve` and by the browser tests, which
 * ask for port 0 and read back the port the system chose.
 */
import type { AddressInfo, Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';
import { ExtractionPool } from '../pipeline-pool.js';
import { hostsFor, isLoopbackHost } from './write-guard.js';
import { CONTEXT_STATE, storeDesk, storedSince } from '../desk/index.js';
import { LiveFeed } from './live.js';

/** A running server. */
export interface RunningServer {
  /** `http://host:port` */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and resolves when the server is closed. */
  close(): Promise<void>;
}

/**
 * Answers a request Node's HTTP parser refused before the app saw it (headers too large: 431; malformed: 400) the
 * way every route answers errors, `{ "error": { "status", "message" } }`, instead of Node's empty body.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message = status === 431
    ? 'request headers (or the URL with its query) are too large; send long values in a POST body'
    : status === 408 ? 'the request took too long to arrive' : 'malformed HTTP request';
  const body = JSON.stringify({ error: { status, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Starts the app on `host:port` (port 0: any free port). Over a store, the extraction worker starts from the entity
 * registry saved in it and the registry is saved back after each stored batch, so posted documents get the ids
 * `sitrep ingest` gives and a later `ingest` goes on from what the server learnt.
 */
export async function startServer(options: AppOptions & { port?: number; host?: string; livePollMs?: number }): Promise<RunningServer & { readOnly: boolean }> {
  const host = options.host ?? '127.0.0.1';
  // Without a token only a loopback server takes writes: anyone who can reach a network-facing one could write.
  const readOnly = options.readOnly ?? (!options.token && !isLoopbackHost(host));
  const store = 'ingestDocuments' in options.store ? options.store : null;
  // Posted documents are extracted in a worker thread, so reads stay answered while a large one is processed.
  const pool = options.extract ? null : new ExtractionPool({ size: 1, reportState: true, state: store ? await store.getRunState(CONTEXT_STATE) : null });
  const extract = options.extract ?? ((inits) => pool!.extract(inits));
  const source = store ? storeDesk(store, { contextState: pool ? () => pool.runState : undefined }) : options.store;
  const live = options.live ?? new LiveFeed();
  // Other processes (`ingest`, workers on PostgreSQL) store documents too: while someone listens, the live desk
  // looks for them (documents stored through this server are announced at once and not again).
  const stopStorePoll = store ? live.watchStore(storedSince(store), options.livePollMs) : () => {};
  const runState = options.runState ?? (store ? { get: (n: string) => store.getRunState(n), set: (n: string, v: unknown) => store.setRunState(n, v) } : undefined);
  const app = createApp({ ...options, store: source, extract, readOnly, allowedHosts: options.allowedHosts ?? hostsFor(host), live, runState });
  return new Promise((resolveStart, rejectStart) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, (info: AddressInfo) => {
      const shownHost = host.includes(':') ? `[${host}]` : host;
      // The desk is built as soon as the server listens, not on the first request: a user who opens the page a few
      // seconds later finds it ready (a request that comes earlier waits for the same build).
      Promise.resolve(app.request('/api/documents?limit=1')).catch(() => {});
      resolveStart({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        readOnly,
        close: () =>
          new Promise<void>((done) => {
            // Idle keep-alive connections would hold the server open; a desk server has no long requests to wait for.
            stopStorePoll();
            live.close();
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => {
              if (pool) pool.close().then(() => done(), () => done());
              else done();
            });
          }),
      });
    });
    server.on('clientError', answerClientError);
    server.once('error', rejectStart);
  });
}
