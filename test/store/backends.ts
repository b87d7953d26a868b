/**
 * The stores a store test runs on: PGlite in memory always, and PostgreSQL in a fresh schema (dropped by `drop`) when
 * SITREP_TEST_DATABASE_URL is set.
 */
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.js';

/** One backend: its name and how to open a fresh store on it (`tag` tells apart several stores of one case). */
export interface StoreBackend {
  readonly name: string;
  open(tag?: string): Promise<{ store: Store; drop: () => Promise<void> }>;
}

/** The backends, PostgreSQL schemas named `<prefix>_<tag>_<pid>`. */
export function storeBackends(prefix: string): StoreBackend[] {
  const backends: StoreBackend[] = [
    { name: 'PGlite', open: async () => ({ store: await openStore({ dir: 'memory://', env: {} }), drop: async () => {} }) },
  ];
  const url = process.env.SITREP_TEST_DATABASE_URL;
  if (url) {
    backends.push({
      name: 'PostgreSQL',
      open: async (tag = 'store') => {
        const schema = `${prefix}_${tag}_${process.pid}`;
        const drop = async () => {
          const admin = new pg.Client({ connectionString: url });
          await admin.connect();
          await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await admin.end();
        };
        await drop();
        return { store: await openStore({ url, schema, env: {} }), drop };
      },
    });
  }
  return backends;
}
