/**
 * The entity registry shared by every process that writes to one store: `sitrep ingest` runs and `sitrep worker`s,
 * on one machine or many. Each document's entities are linked to it inside the document's own transaction, under
 * one advisory lock: the process first reads the registry rows that other processes changed since it last looked
 * (`entity_registry.seq`, migration 6), links the document, then upserts the records the document touched. So two
 * processes never give one person two ids, and none overwrites what another learnt (no last writer wins).
 *
 * Extraction itself runs anywhere (worker threads, other machines) with a registry of its own; linking replays the
 * entities stage's registry calls (`doc.entityLinks`, see `linkEntities`) against this one, as the extraction pool
 * does for a single run.
 */
import type { ContextOptions, Doc } from '../core/index.js';
import { CONTEXT_STATE } from '../desk/index.js';
import { contextState, createLinkContext, restoreContextState } from '../pipeline.js';
import { linkEntities, type EntityRegistry } from '../stages/entities/index.js';
import type { RegistrySnapshot } from '../stages/entities/registry.js';
import type { IngestResult, Queryable, Store } from '../store/index.js';

/** Advisory lock key held while a transaction links a document to the shared registry. */
const REGISTRY_LOCK = 0x5173_0006;

/** NUL and unpaired UTF-16 surrogates, which jsonb cannot hold. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

interface RegistryRow {
  readonly kind: 'person' | 'thing';
  readonly record: unknown;
  readonly seq: number;
}

/** The shared registry as one process sees it, with the rows it has read so far. */
export class SharedRegistry {
  private seq = 0;
  /** True from linking until the document's transaction is known to have committed. */
  private unsettled = false;
  /** Writes of this process, one at a time (each holds the registry lock until it commits). */
  private turn: Promise<unknown> = Promise.resolve();

  private constructor(
    private registry: EntityRegistry,
    private readonly options: ContextOptions,
  ) {}

  /** The registry of `store`: the saved snapshot (run state) and every row. */
  static async open(store: Store, options: ContextOptions = {}): Promise<SharedRegistry> {
    const shared = new SharedRegistry(await SharedRegistry.fresh(store.db, options), options);
    await shared.pull(store.db);
    return shared;
  }

  private static async fresh(db: Queryable, options: ContextOptions): Promise<EntityRegistry> {
    const ctx = await createLinkContext(options);
    const rows = await db.query<{ value: unknown }>('SELECT value FROM run_state WHERE name = $1', [CONTEXT_STATE]);
    restoreContextState(ctx, rows[0]?.value ?? null);
    if (!ctx.entityRegistry) throw new Error('the entities stage made no registry');
    return ctx.entityRegistry;
  }

  /** What extraction contexts start from (`restoreContextState`, `ExtractionPool`'s `state`). */
  state(): unknown {
    return { entityRegistry: this.registry.snapshot() };
  }

  /**
   * Stores one extracted document through `store`, its entities linked to the shared registry in its transaction.
   * Calls are taken one at a time within a process; across processes the registry lock orders them.
   */
  ingest(store: Store, doc: Doc, options: { replace?: boolean } = {}): Promise<IngestResult> {
    const run = this.turn.then(async () => {
      const result = await store.ingestDocument(doc, { replace: options.replace, link: this.link });
      // A document the database refused was rolled back after linking: this copy may hold records nobody stored.
      if (result.status === 'failed' && this.unsettled) await this.reset(store.db);
      this.unsettled = false;
      return result;
    });
    this.turn = run.catch(() => {});
    return run;
  }

  /** Saves the registry as one snapshot in the run state, for readers that start from it (`sitrep serve`). */
  async saveSnapshot(store: Store): Promise<void> {
    await store.setRunState(CONTEXT_STATE, contextState({ entityRegistry: this.registry }));
  }

  /** The `link` step of `Store.ingestDocument`: runs inside the document's transaction. */
  private readonly link = async (tx: Queryable, doc: Doc): Promise<Doc> => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [REGISTRY_LOCK]);
    // The last linking rolled back (a retry after a deadlock, a lost connection): start again from what is committed.
    if (this.unsettled) await this.reset(tx);
    else await this.pull(tx);
    this.unsettled = true;
    const linked = linkEntities(doc, this.registry);
    const changed = this.registry.recordsOf(linked.entities.map((e) => e.id));
    const rows = [
      ...changed.persons.map((record) => ({ id: record.id, kind: 'person', record })),
      ...changed.things.map((record) => ({ id: record.id, kind: 'thing', record })),
    ];
    if (rows.length) {
      const written = await tx.query<{ seq: number }>(
        `INSERT INTO entity_registry (id, kind, record)
         SELECT id, kind, record FROM jsonb_to_recordset($1::jsonb) AS x(id text, kind text, record jsonb)
         ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, record = EXCLUDED.record,
           seq = nextval('entity_registry_seq'), updated_at = now()
         RETURNING seq`,
        [JSON.stringify(rows, (_key, v: unknown) => (typeof v === 'string' ? v.replace(UNSTORABLE, '\uFFFD') : v))],
      );
      // Under the lock nobody else wrote since the pull, so every row up to these is known here.
      for (const r of written) this.seq = Math.max(this.seq, r.seq);
    }
    return linked;
  };

  /** Forgets what this copy learnt and reads the registry again as committed. */
  private async reset(db: Queryable): Promise<void> {
    this.registry = await SharedRegistry.fresh(db, this.options);
    this.seq = 0;
    await this.pull(db);
  }

  /** Reads the rows changed since the last look and brings this copy up to date with them. */
  private async pull(db: Queryable): Promise<void> {
    const rows = await db.query<RegistryRow & Record<string, unknown>>(
      'SELECT kind, record, seq FROM entity_registry WHERE seq > $1 ORDER BY seq',
      [this.seq],
    );
    if (!rows.length) return;
    const snap: RegistrySnapshot = {
      persons: rows.filter((r) => r.kind === 'person').map((r) => r.record as RegistrySnapshot['persons'][number]),
      things: rows.filter((r) => r.kind === 'thing').map((r) => r.record as RegistrySnapshot['things'][number]),
    };
    this.registry.update(snap);
    this.seq = rows[rows.length - 1].seq;
  }
}
