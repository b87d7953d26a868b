/**
 * The one small database interface the store is written against. Two implementations share it:
 * embedded PGlite (`pglite.ts`) and a PostgreSQL server through `pg` (`postgres.ts`). Only Postgres SQL is
 * used, one dialect, so every query runs unchanged on both.
 *
 * Both backends return the same JavaScript values: `int`/`bigint` as numbers (cast a bigint `::text` when it
 * may exceed 2^53), `date` as `YYYY-MM-DD` strings, `timestamptz` as ISO strings, `jsonb` parsed, arrays as arrays.
 */

/** A result row: column name to value. */
export type Row = Record<string, unknown>;

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A database: a {@link Queryable} that can also run a transaction and be closed. */
export interface Db extends Queryable {
  /** Which backend this is, for messages and benchmarks. */
  readonly kind: 'pglite' | 'postgres';
  /** Where it lives: the PGlite folder (`memory://` when in memory) or the server URL without its password. */
  readonly location: string;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (the error is
   * rethrown). A process killed inside leaves nothing of it.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Releases the database (closes PGlite, ends the pool). */
  close(): Promise<void>;
}

/** Postgres type ids whose parsing both backends align (see the module comment). */
export const PG_TYPES = { INT8: 20, DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;

/** Parsers both backends install so that they return identical values. */
export const alignedParsers: Record<number, (value: string) => unknown> = {
  [PG_TYPES.INT8]: (value) => Number(value),
  [PG_TYPES.DATE]: (value) => value,
  [PG_TYPES.TIMESTAMP]: (value) => value,
  [PG_TYPES.TIMESTAMPTZ]: (value) => new Date(value).toISOString(),
};

/** Hides the password of a connection URL, for messages and `location`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparsable DATABASE_URL>';
  }
}
