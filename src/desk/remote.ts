/**
 * A desk served by another process: the JSON API of a running `sitrep serve`. While `serve` holds the embedded
 * store (PGlite admits one process per folder), the CLI's read commands and `ingest` work through it; the server
 * then extracts the documents with its entity registry, the one restored from the store, so they get the ids a
 * direct `sitrep ingest` would give.
 */
import type { DocInit, Message } from '../core/index.js';
import { docInitToJson } from '../ingest/doc-init-json.js';

import { DOC_INIT_TYPE } from '../ingest/doc-init-json.js';

/** A failed API call: the status and the server's one-line message. */
export class RemoteError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** A page of a list endpoint. */
export interface RemotePage<T> {
  readonly items: T[];
  readonly total: number;
  readonly next: number | null;
}

/** What posting a batch did (the body of a 201 of `POST /api/documents`). */
export interface RemoteIngestReport {
  readonly stored: readonly string[];
  readonly duplicates: readonly { readonly id: string; readonly of: string }[];
  readonly failed?: readonly { readonly id: string; readonly error: string }[];
  readonly errors?: readonly { readonly line: number; readonly message: string }[];
  /** What extraction said about each document (warnings and errors), for documents with something to say. */
  readonly messages?: readonly { readonly id: string; readonly messages: readonly Message[] }[];
}

/** Largest page the API gives (its `MAX_LIMIT`). */
const PAGE = 500;

/** The client. */
export class RemoteDesk {
  /**
   * @param url `http://host:port` of the server
   * @param token `SITREP_TOKEN`, sent on writes when the server protects them
   */
  constructor(readonly url: string, private readonly token?: string, private readonly retryMs = 1000) {}

  private async call<T>(path: string, init: RequestInit = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(`${this.url}${path}`, init);
      } catch (error) {
        throw new RemoteError(0, `the sitrep server at ${this.url} does not answer (${(error as Error).message})`);
      }
      // A busy server (its extraction queue is full) says when to come back: wait and send the batch again.
      if (res.status === 503 && attempt < 120) {
        await res.arrayBuffer();
        const after = Number(res.headers.get('retry-after'));
        await new Promise((done) => setTimeout(done, Number.isFinite(after) && after > 0 ? Math.min(after * 1000, 5000) : this.retryMs));
        continue;
      }
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!res.ok) throw new RemoteError(res.status, body?.error?.message ?? `${res.status} ${res.statusText}`);
      return body as T;
    }
  }

  /** `GET path?params`. */
  get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, String(v));
    const qs = query.toString();
    return this.call<T>(`${path}${qs ? `?${qs}` : ''}`);
  }

  /** Every item of a list endpoint, page after page. */
  async all<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T[]> {
    const items: T[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const page: RemotePage<T> = await this.get<RemotePage<T>>(path, { ...params, limit: PAGE, offset });
      items.push(...page.items);
      offset = page.next;
    }
    return items;
  }

  /** Number of documents the server holds. */
  async countDocuments(): Promise<number> {
    return (await this.get<RemotePage<unknown>>('/api/documents', { limit: 1 })).total;
  }

  /** What `sitrep watch` remembered under `name` (a feed's validators, the items seen), kept in the server's store; null when nothing. */
  async watchState(name: string): Promise<unknown> {
    return (await this.call<{ value: unknown }>(`/api/watch-state/${encodeURIComponent(name)}`)).value ?? null;
  }

  /** Saves what `sitrep watch` remembers under `name` in the server's store. */
  async setWatchState(name: string, value: unknown): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    await this.call(`/api/watch-state/${encodeURIComponent(name)}`, { method: 'PUT', headers, body: JSON.stringify({ value }) });
  }

  /**
   * Sends documents read by the CLI (text, input format, origin, title, date and the readable view) for the server
   * to extract and store.
   */
  ingest(inits: readonly DocInit[], options: { replace?: boolean } = {}): Promise<RemoteIngestReport> {
    const body = inits.map(docInitToJson).join('\n');
    const headers: Record<string, string> = { 'content-type': DOC_INIT_TYPE };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    return this.call<RemoteIngestReport>(`/api/documents${options.replace ? '?replace=1' : ''}`, { method: 'POST', headers, body });
  }
}
