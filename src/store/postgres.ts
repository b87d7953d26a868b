/**
 * The server backend: a PostgreSQL server reached through a `pg` connection pool, from a `DATABASE_URL`.
 * For many worker processes (on many machines) writing to one store.
 */
import pg from 'pg';
import { alignedParsers, redactUrl, type Db, type Queryable, type Row } from './db.js';

/** Options for {@link openPostgres}. */
export interface PostgresOptions {
  /** Schema to work in (created when missing); for isolated test runs. Default: the server's `search_path`. */
  schema?: string;
  /** Most connections the pool opens. Default 4. */
  max?: number;
}

/** The `pg` type parsers aligned with PGlite's (see `db.ts`). */
const types = {
  getTypeParser(id: number, format?: string): (value: string) => unknown {
    const aligned = alignedParsers[id];
    if (aligned) return aligned;
    return (pg.types.getTypeParser as (id: number, format?: string) => (value: string) => unknown)(id, format);
  },
};

/** Wraps a pool or a checked-out client in the {@link Queryable} shape. */
function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await client.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await client.query(sql);
    },
  };
}

/** Quotes an identifier for SQL. */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Connects to the PostgreSQL server at `url` and checks that it answers. Throws with a sentence saying how to fix
 * it when the URL is malformed or the server cannot be reached.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const location = redactUrl(url);
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DATABASE_URL must look like postgres://user:password@host:5432/dbname, got ${location}; fix it or unset it to use the embedded database.`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 4,
    types,
    connectionTimeoutMillis: 10_000,
    // Every connection of the pool works in the chosen schema, so tests can isolate runs.
    ...(options.schema ? { options: `-c search_path=${ident(options.schema)}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reports the problem.
  pool.on('error', () => {});
  try {
    if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${ident(options.schema)}`);
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot connect to the PostgreSQL server at ${location} (${why}); check that it runs and that DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.`,
    );
  }
  const base = queryable(pool);
  return {
    kind: 'postgres',
    location,
    query: base.query,
    exec: base.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      // A transaction must stay on one connection, so check one out of the pool for its whole length.
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
