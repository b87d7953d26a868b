/**
 * A short-lived cache of listing answers over the store (`GET /api/propositions`, `/api/events`, `/api/documents`,
 * `/api/entities`): many analysts' desks ask the same first pages again and again, and on PGlite every query runs on
 * the server's one thread. An answer is kept for `ttlMs` (default 1 s, as long as the desk snapshot waits before asking
 * the store for its version) and every write through this server clears the cache, so a document posted here is
 * visible at once and one stored by another process within `ttlMs`. `ttlMs` 0 turns it off.
 */
import type { MiddlewareHandler } from 'hono';

/** Default time an answer is kept, in milliseconds. */
export const DEFAULT_CACHE_MS = 1000;
/** Most characters of answers kept at once; the oldest go first. */
const MAX_CHARS = 32 * 1024 * 1024;

/** The cache: a middleware for the listing routes and `clear()` for writes. */
export class ResponseCache {
  private readonly entries = new Map<string, { at: number; body: string; type: string }>();
  /** Answers being computed, by URL: requests for the same URL meanwhile wait for it instead of asking the store again. */
  private readonly pending = new Map<string, Promise<{ body: string; type: string } | null>>();
  private chars = 0;

  constructor(private readonly ttlMs = DEFAULT_CACHE_MS) {}

  /** Forgets every answer (a write changed the store), and lets later requests compute their own. */
  clear(): void {
    this.entries.clear();
    this.pending.clear();
    this.chars = 0;
  }

  /**
   * Serves a fresh kept answer for the same URL, or the answer being computed for it (many clients asking for the
   * same page when a kept answer expires cost one computation, not one each), or keeps the route's 200 answer.
   */
  readonly middleware: MiddlewareHandler = async (c, next) => {
    if (this.ttlMs <= 0 || c.req.method !== 'GET') return next();
    const key = c.req.url;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return c.body(hit.body, 200, { 'content-type': hit.type });
    if (hit) this.drop(key);
    const computing = this.pending.get(key);
    if (computing) {
      const answer = await computing;
      if (answer) return c.body(answer.body, 200, { 'content-type': answer.type });
      return next();
    }
    let settle: (answer: { body: string; type: string } | null) => void = () => {};
    const mine = new Promise<{ body: string; type: string } | null>((done) => (settle = done));
    this.pending.set(key, mine);
    let answer: { body: string; type: string } | null = null;
    try {
      await next();
      if (c.res.status !== 200) return;
      answer = { body: await c.res.clone().text(), type: c.res.headers.get('content-type') ?? 'application/json' };
    } finally {
      settle(answer);
      // A write meanwhile cleared the cache: this answer may be older than it, so it is not kept.
      const current = this.pending.get(key) === mine;
      if (current) this.pending.delete(key);
      if (answer && current) this.keep(key, now, answer);
    }
  };

  private keep(key: string, at: number, answer: { body: string; type: string }): void {
    if (answer.body.length > MAX_CHARS / 4) return;
    this.entries.set(key, { at, ...answer });
    this.chars += answer.body.length;
    for (const [k] of this.entries) {
      if (this.chars <= MAX_CHARS) break;
      this.drop(k);
    }
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (e) this.chars -= e.body.length;
    this.entries.delete(key);
  }
}
