/** `sitrep rebuild`: recomputes the desk tables (propositions, events, entities, outlets) from every stored document. */
import { parseArgs } from 'node:util';
import { openStoreOrReport } from '../open-store.js';
import type { Command } from '../command.js';

export const rebuildCommand: Command = {
  name: 'rebuild',
  usage: `Usage: sitrep rebuild [options]

Recomputes the cross-document tables the desk reads (propositions with their claims and status, events reconciled
across reports, entities merged across documents, each document's outlet) from every stored document, in one
transaction. Ingest keeps them up to date
by itself; run this after upgrading sitrep when its cross-document rules changed. A store made before these tables
existed is rebuilt once automatically when it is first opened.

Options:
  --db DIR       PGlite folder (default: $SITREP_DB or ./.sitrep; DATABASE_URL selects PostgreSQL)
  -h, --help     show this help
`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
    const store = await openStoreOrReport('rebuild', values.db, io, { mustExist: true });
    if (!store) return 2;
    try {
      const t0 = Date.now();
      const n = await store.rebuildDesk();
      const [counts] = await store.db.query<{ p: number; e: number; n: number }>(
        `SELECT (SELECT count(*)::integer FROM desk_propositions WHERE level = 0) AS p, (SELECT count(*)::integer FROM desk_events) AS e,
           (SELECT count(*)::integer FROM desk_entities) AS n`,
      );
      io.stdout.write(`rebuilt the desk tables from ${n} documents: ${counts.p} propositions, ${counts.e} events, ${counts.n} entities (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
