/**
 * Applies the schema migrations that a database has not seen yet, recording each in `schema_migrations`.
 */
import type { Db } from './db.js';
import { migrations as all, type Migration } from './migrations/index.js';

/** Advisory lock key held while migrating, so that workers starting together do not migrate twice. */
const MIGRATION_LOCK = 0x5173_0001;

/**
 * Brings the schema up to date in one transaction and returns the versions it applied (empty when it was
 * already up to date, so running it twice is a no-op).
 */
export async function migrate(db: Db, migrations: readonly Migration[] = all): Promise<number[]> {
  return db.transaction(async (tx) => {
    // Lock before creating the table: two servers' CREATE TABLE IF NOT EXISTS can otherwise collide.
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
