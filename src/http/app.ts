/**
 * The HTTP app: a JSON API over the desk (documents, entities, events, propositions, stories), its OpenAPI
 * description, and the built web UI as static files. Tests call `app.request()` without opening a port;
 * `sitrep serve` hands the same app to `@hono/node-server`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { createDoc, type Context } from '../core/index.js';
import { createContext, runPipeline } from '../pipeline.js';
import { analysisRoutes } from './analysis-routes.js';
import type { Store } from '../store/index.js';
import { DeskViews, storeDesk, type DeskSource } from '../desk/index.js';
import { documentRoutes } from './document-routes.js';
import { entityRoutes } from './entity-routes.js';
import { exportRoutes } from './export-routes.js';
import { HttpError } from './http-error.js';
import { openApi } from './openapi.js';
import { reportRoutes } from './report-routes.js';
import { writeGuard } from './write-guard.js';
import { ResponseCache } from './response-cache.js';
import { LiveFeed } from './live.js';
import { liveRoutes } from './live-routes.js';
import type { Extract, RouteDeps, RunState } from './route-deps.js';

/** Default largest request body: a big JSON Lines batch, far beyond any single article. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Default largest single document of a POST, in characters: about 300,000 words, far beyond any article. */
export const DEFAULT_MAX_DOCUMENT_CHARS = 2 * 1024 * 1024;

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Where documents are read from and stored: the store, or any desk source (`memoryDesk` in tests). */
  readonly store: Store | DeskSource;
  /** When set, writes need `Authorization: Bearer <token>` (`SITREP_TOKEN`). Reads stay open. */
  readonly token?: string;
  readonly maxBodyBytes?: number;
  /** How posted documents run through the pipeline (default: every stage, with a context loaded once). */
  readonly extract?: Extract;
  /** Folder of the built web UI; when absent the app serves the API only. */
  readonly webRoot?: string;
  /** Largest single posted document in characters (default {@link DEFAULT_MAX_DOCUMENT_CHARS}). */
  readonly maxDocumentChars?: number;
  /** Host names requests may address (DNS rebinding guard); absent: any. */
  readonly allowedHosts?: readonly string[];
  /** Refuse every write (a server reachable beyond this machine without a token). */
  readonly readOnly?: boolean;
  /**
   * How long listing answers over the store are kept, in milliseconds (default 1 s; 0: never; see
   * `response-cache.ts`). Writes through this app clear them at once.
   */
  readonly cacheMs?: number;
  /** Where stored documents are announced (`GET /api/stream`); default a new one. */
  readonly live?: LiveFeed;
  /** Where `sitrep watch` state is kept (default: the store's run state, or memory for another source). */
  readonly runState?: RunState;
}

/** Run state in memory, for a desk without a store. */
function memoryRunState(): RunState {
  const values = new Map<string, unknown>();
  return { get: async (name) => values.get(name) ?? null, set: async (name, value) => void values.set(name, value) };
}

/**
 * The in-thread extraction for the library and `app.request()` tests: the full pipeline, with its context loaded on
 * first use. `startServer` (and so `sitrep serve`) runs extraction in a worker thread instead (`ExtractionPool`).
 */
function pipelineExtract(): Extract {
  let ctx: Promise<Context> | null = null;
  return async (inits) => {
    ctx ??= createContext();
    const context = await ctx;
    return inits.map((init) => runPipeline(createDoc(init), context));
  };
}

/** Creates the app. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  // Duck-typed so that the API loads without the store module when it serves another source.
  const source = 'ingestDocuments' in options.store ? storeDesk(options.store) : options.store;
  // Only answers read from the store's tables are kept: over documents in memory the snapshot is the cache.
  // A kept answer is refreshed through the app itself, in the background, before it expires.
  const cache = new ResponseCache(source.queries ? options.cacheMs : 0, { refetch: (request) => app.fetch(request) });
  const runState = options.runState ?? ('ingestDocuments' in options.store ? options.store : memoryRunState());
  const deps: RouteDeps = {
    source, views: new DeskViews(source), extract: options.extract ?? pipelineExtract(),
    maxDocumentChars: options.maxDocumentChars ?? DEFAULT_MAX_DOCUMENT_CHARS, changed: () => cache.clear(),
    live: options.live ?? new LiveFeed(),
    runState: 'getRunState' in runState ? { get: (n) => runState.getRunState(n), set: (n, v) => runState.setRunState(n, v) } : runState,
  };

  // A document another process stored, once announced, must not be hidden by an answer kept from before it.
  deps.live.onPublish(() => cache.clear());

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.toJSON(), error.status);
    // Hono's own middleware (bearer auth) answers through HTTPException with a response already made.
    if (error instanceof HTTPException) return error.getResponse();
    // Anything else is our fault: say so without leaking internals, and keep the detail for the operator.
    console.error(error);
    return c.json({ error: { status: 500, message: 'internal error; see the server log' } }, 500);
  });

  // Defence in depth for the UI: even if article text ever reached the page as markup, no script but the
  // page's own could run, and nothing could be loaded from elsewhere. The one inline stylesheet allowed is the
  // self-contained report's (`/api/report`), which carries its response's nonce; no other response needs one (drawing
  // a random nonce for every listing would cost each request a call into the system's random source).
  const headers = (styleSrc: (string | typeof NONCE)[]) => secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc, imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'none'"], frameAncestors: ["'none'"],
    },
  });
  const withNonce = headers(["'self'", NONCE]);
  const plain = headers(["'self'"]);
  app.use('*', (c, next) => (c.req.path === '/api/report' ? withNonce(c, next) : plain(c, next)));

  app.use('*', writeGuard({ allowedHosts: options.allowedHosts, readOnly: options.readOnly }));

  if (options.token) {
    // Another scheme (Basic, Digest) is a wrong credential, not a malformed request: 401 like a wrong token.
    app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/api/*', async (c, next) => {
      const header = c.req.header('authorization');
      if (header !== undefined && !/^Bearer\s/i.test(header)) {
        return c.json({ error: { status: 401, message: 'the Authorization header must be "Bearer <token>"' } }, 401, { 'WWW-Authenticate': 'Bearer' });
      }
      await next();
    });
    const unauthorized = (message: string) => ({ message: { error: { status: 401, message } } });
    const auth = bearerAuth({
      token: options.token,
      noAuthenticationHeader: unauthorized('this server protects writes: send "Authorization: Bearer <SITREP_TOKEN>"'),
      invalidAuthenticationHeader: unauthorized('the Authorization header must be "Bearer <token>"'),
      invalidToken: unauthorized('wrong token'),
    });
    app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/api/*', auth);
  }
  const maxSize = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  app.on(['POST', 'PUT', 'PATCH'], '/api/*', bodyLimit({
    maxSize,
    onError: (c) => c.json(new HttpError(413, `the body is larger than ${maxSize} bytes; split it into smaller batches`).toJSON(), 413),
  }));

  app.get('/api/openapi.json', (c) => c.json(openApi()));
  for (const path of ['/api/propositions', '/api/events', '/api/documents', '/api/entities']) app.get(path, cache.middleware);
  documentRoutes(app, deps);
  entityRoutes(app, deps);
  analysisRoutes(app, deps);
  reportRoutes(app, deps);
  exportRoutes(app, deps);
  liveRoutes(app, deps);
  app.all('/api/*', (c) => c.json(new HttpError(404, `no such endpoint: ${c.req.method} ${c.req.path}; see /api/openapi.json`).toJSON(), 404));

  if (options.webRoot) {
    const root = resolve(options.webRoot);
    if (!existsSync(root)) throw new Error(`web UI folder ${root} does not exist; build it with \`npm run build:web\``);
    app.use('/*', serveStatic({ root }));
    // A missing asset (a path with a file extension) is a 404, not the page: a script tag must not get HTML.
    app.get('*', async (c, next) => {
      if (/\.[a-z0-9]{1,8}$/i.test(c.req.path)) return c.json(new HttpError(404, `no such file: ${c.req.path}`).toJSON(), 404);
      await next();
    });
    // The UI routes by URL hash, so every other path gets the page itself.
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  return app;
}
