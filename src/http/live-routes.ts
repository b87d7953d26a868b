/**
 * `GET /api/stream` (the live desk's server-sent events, see `live.ts`) and `/api/watch-state/{name}`, where
 * `sitrep watch` keeps what it remembers (a feed's validators, the items and files seen) while the server holds the
 * store.
 */
import type { Hono } from 'hono';
import { HttpError } from './http-error.js';
import { QueryParams } from './query-params.js';
import type { RouteDeps } from './route-deps.js';

/** Largest watch-state name (a feed URL or a folder path with its prefix). */
const MAX_NAME = 2100;

function stateName(name: string): string {
  if (!name || name.length > MAX_NAME) throw new HttpError(400, `the state name must have 1 to ${MAX_NAME} characters`);
  return name;
}

/** Adds the routes. */
export function liveRoutes(app: Hono, { live, runState }: RouteDeps): void {
  app.get('/api/stream', (c) => {
    new QueryParams(c.req.query(), []);
    return new Response(live.subscribe(c.req.header('last-event-id')), {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  });

  // Kept under `watch:` in the store's run state, apart from the extraction's registry, which no client may touch.
  app.get('/api/watch-state/:name{.+}', async (c) => {
    new QueryParams(c.req.query(), []);
    const name = stateName(c.req.param('name'));
    return c.json({ name, value: (await runState.get(`watch:${name}`)) ?? null });
  });

  app.put('/api/watch-state/:name{.+}', async (c) => {
    new QueryParams(c.req.query(), []);
    const name = stateName(c.req.param('name'));
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new HttpError(400, 'the body must be JSON: { "value": … }');
    }
    if (!body || typeof body !== 'object' || !('value' in body)) throw new HttpError(400, 'the body must be JSON: { "value": … }');
    await runState.set(`watch:${name}`, (body as { value: unknown }).value);
    return c.json({ name, saved: true });
  });
}
