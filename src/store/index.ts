/** The store: Postgres schema and migrations, one `Db` interface over PGlite and PostgreSQL, and the `Store` API. */
export * from './db.js';
export * from './fingerprint.js';
export * from './extraction-json.js';
export * from './migrate.js';
export { migrations, type Migration } from './migrations/index.js';
export * from './pglite.js';
export * from './postgres.js';
export * from './store.js';
export * from './open-store.js';
