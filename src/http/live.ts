/**
 * The live desk: server-sent events (`GET /api/stream`), one `document` event per stored document with the numbers
 * of claims, events and propositions it brings, whatever path stored it (a POST, `sitrep watch` or `ingest` through
 * the server, or — over PostgreSQL — another process, found by {@link LiveFeed.watchStore}).
 *
 * Bounded by design: each client is a small queue of encoded events that the HTTP layer drains into its socket; a
 * client that falls {@link MAX_BACKLOG} events behind is closed (its browser reconnects and asks for what it missed
 * by `Last-Event-ID`, from the last {@link REPLAY} events); a closed connection removes its client; one heartbeat
 * timer serves every client and stops when there is none.
 */
import type { Doc } from '../core/index.js';
import { claimPropositions, DEFAULT_MIN_CONFIDENCE } from '../crossdoc/index.js';
import type { StoredSince } from '../desk/index.js';

/** What the stream says about one stored document. */
export interface StoredNotice {
  readonly id: string;
  readonly title: string | null;
  readonly claims: number;
  readonly events: number;
  /** Distinct propositions (kind and place) of its claims at the desk's default confidence (≥ 0.5). */
  readonly propositions: number;
}

/** Events kept for clients that reconnect with `Last-Event-ID`. */
export const REPLAY = 200;
/** Ids remembered as announced, so that a look at the store does not announce them again. */
const ANNOUNCED = 5000;
/** Events a client may have waiting before it is dropped as too slow. */
export const MAX_BACKLOG = 256;
/** Seconds between heartbeats (a comment line), which also find connections that died silently. */
export const HEARTBEAT_SECONDS = 20;
/** What an EventSource waits before reconnecting, in milliseconds (the stream's `retry:`). */
export const RETRY_MS = 3000;

const encoder = new TextEncoder();

/** The notice of a stored document. */
export function noticeOf(doc: { readonly id: string; readonly title?: { readonly value: string }; readonly claims: Doc['claims']; readonly events: Doc['events'] }, storedId = doc.id): StoredNotice {
  const propositions = new Set<string>();
  for (const claim of doc.claims) {
    for (const p of claimPropositions(claim)) {
      if ((p.confidence ?? 1) >= DEFAULT_MIN_CONFIDENCE) propositions.add(`${p.kind}\u0000${p.place ?? ''}`);
    }
  }
  return { id: storedId, title: doc.title?.value ?? null, claims: doc.claims.length, events: doc.events.length, propositions: propositions.size };
}

interface Client {
  readonly controller: ReadableStreamDefaultController<Uint8Array>;
}

/** The hub: publishers call {@link publish}; each `GET /api/stream` is one {@link subscribe}. */
export class LiveFeed {
  private readonly clients = new Set<Client>();
  private readonly recent: Array<{ seq: number; chunk: Uint8Array }> = [];
  /** Tells apart the event ids of this server from those of an earlier run (whose numbers restart). */
  private readonly boot = Date.now().toString(36);
  private seq = 0;
  private heartbeat: NodeJS.Timeout | null = null;
  /** Ids published lately, so that a store poll does not announce a document a POST announced already. */
  private readonly announced = new Set<string>();
  private closed = false;
  /** Called after documents are announced (the app forgets its kept answers, `response-cache.ts`). */
  private readonly listeners = new Set<() => void>();
  /** Looks at the store done so far by {@link watchStore} (tests wait for the first). */
  looks = 0;

  /** Connected clients (for tests and the operator). */
  get size(): number {
    return this.clients.size;
  }

  /** Calls `listener` whenever new documents are announced. */
  onPublish(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** Announces stored documents, one event each. */
  publish(notices: readonly StoredNotice[]): void {
    if (notices.some((n) => !this.announced.has(n.id))) for (const listener of this.listeners) listener();
    for (const notice of notices) {
      if (this.announced.has(notice.id)) continue;
      this.remember(notice.id);
      const seq = ++this.seq;
      const chunk = encoder.encode(`id: ${this.boot}-${seq}\nevent: document\ndata: ${JSON.stringify(notice)}\n\n`);
      this.recent.push({ seq, chunk });
      if (this.recent.length > REPLAY) this.recent.shift();
      for (const client of this.clients) this.send(client, chunk);
    }
  }

  /**
   * A new stream. `lastEventId` (the `Last-Event-ID` header of a reconnecting EventSource) replays the events after
   * it when this server sent it and still keeps them.
   */
  subscribe(lastEventId?: string): ReadableStream<Uint8Array> {
    let client: Client;
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        client = { controller };
        // The first bytes go out at once, so the browser sees the stream open; `retry` sets its reconnect delay.
        controller.enqueue(encoder.encode(`retry: ${RETRY_MS}\n: sitrep live desk\n\n`));
        if (this.closed) {
          controller.close();
          return;
        }
        const m = lastEventId ? /^([a-z0-9]+)-(\d+)$/.exec(lastEventId) : null;
        if (m && m[1] === this.boot) for (const e of this.recent) if (e.seq > Number(m[2])) controller.enqueue(e.chunk);
        this.clients.add(client);
        this.startHeartbeat();
      },
      cancel: () => this.drop(client),
    }, { highWaterMark: 0 });
  }

  /** Ends every stream (the server is stopping). */
  close(): void {
    this.closed = true;
    for (const client of [...this.clients]) {
      this.drop(client);
      try {
        client.controller.close();
      } catch {
        // already closed
      }
    }
  }

  /**
   * Over a store other processes write to: every `everyMs`, while someone listens, asks `since` for the documents
   * stored after the last look and announces those not announced yet. Returns the function that stops it.
   */
  watchStore(since: StoredSince, everyMs = 2000): () => void {
    let cursor: string | null = null;
    let busy = false;
    const known = (id: string) => this.announced.has(id);
    const tick = async () => {
      if (busy || this.closed) return;
      busy = true;
      try {
        // Nobody listens: nothing to look for. The first look after someone connects only sets the cursor: what was
        // stored before is not news.
        if (!this.clients.size) cursor = null;
        else if (cursor === null) {
          const first = await since(null, known);
          for (const id of first.old ?? []) this.remember(id);
          cursor = first.cursor;
        } else {
          const found = await since(cursor, known);
          cursor = found.cursor;
          this.publish(found.docs.map((d) => noticeOf(d)));
        }
      } catch {
        // The next tick tries again; a store that is gone is the server's problem, reported elsewhere.
      } finally {
        busy = false;
        this.looks++;
      }
    };
    const timer = setInterval(() => void tick(), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Marks an id as announced (bounded: the oldest go first). */
  private remember(id: string): void {
    this.announced.add(id);
    if (this.announced.size > ANNOUNCED) this.announced.delete(this.announced.values().next().value as string);
  }

  private send(client: Client, chunk: Uint8Array): void {
    const backlog = -(client.controller.desiredSize ?? 0);
    if (backlog >= MAX_BACKLOG) {
      // Too slow (or gone without a word): let it go; its browser reconnects and replays what it missed.
      this.drop(client);
      try {
        client.controller.close();
      } catch {
        // already closed
      }
      return;
    }
    try {
      client.controller.enqueue(chunk);
    } catch {
      this.drop(client);
    }
  }

  private drop(client: Client): void {
    this.clients.delete(client);
    if (!this.clients.size && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    const ping = encoder.encode(': ping\n\n');
    this.heartbeat = setInterval(() => {
      for (const client of [...this.clients]) this.send(client, ping);
    }, HEARTBEAT_SECONDS * 1000);
    this.heartbeat.unref();
  }
}
