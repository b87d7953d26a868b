/**
 * The SQL behind the desk benchmark's three listings, on a kept benchmark store (`BENCH_DESK_KEEP=1 bench/desk.ts`):
 * each listing called through `sqlDesk` one at a time (median and slowest of `BENCH_DESK_SQL_ROUNDS`, default 20, the
 * CPU time of this process per call — on PGlite the database's own work — and the answer's size), then `EXPLAIN (ANALYZE, BUFFERS)` of its page query. Numbers for docs/evaluation.md, never
 * assertions. `node --import tsx bench/desk-sql.ts SIZE` (PGlite folder `$TMPDIR/sitrep-bench-desk-SIZE`), or with
 * `BENCH_DESK_DATABASE_URL` (schema `sitrep_bench_desk_SIZE`).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sqlDesk } from '../src/desk/index.js';
import { openStore } from '../src/store/index.js';

const size = Number(process.argv[2] ?? 10000);
const url = process.env.BENCH_DESK_DATABASE_URL;
const store = url
  ? await openStore({ url, schema: `sitrep_bench_desk_${size}`, env: {} })
  : await openStore({ dir: join(tmpdir(), `sitrep-bench-desk-${size}`), env: {} });
const rounds = Number(process.env.BENCH_DESK_SQL_ROUNDS ?? 20);
const desk = sqlDesk(store);
const page = { limit: 20, offset: 0 };
const listings: [string, () => Promise<{ items: readonly unknown[]; total: number }>, string, unknown[]][] = [
  ['propositions?status=contested', async () => (await desk.propositions({ minConfidence: 0.5, status: 'contested' }, page))!,
    `SELECT COALESCE(listing, body::text) AS body FROM desk_propositions WHERE level = $1 AND status = $2 ORDER BY date_to DESC, id LIMIT 20`, [0.5, 'contested']],
  ['events?bbox=30,44,41,53', () => desk.events({ bbox: { west: 30, south: 44, east: 41, north: 53 } }, page),
    `SELECT COALESCE(listing, body::text) AS body FROM desk_events WHERE lon BETWEEN $1 AND $2 AND lat BETWEEN $3 AND $4 ORDER BY date_to DESC, id LIMIT 20`, [30, 41, 44, 53]],
  ['documents?q=Bakhmut', () => desk.documents({ words: ['bakhmut'] }, page),
    `SELECT d.id, count(*) OVER () AS total FROM (SELECT id, published FROM documents WHERE search @@ to_tsquery('simple'::regconfig, $1) OFFSET 0) AS d
     ORDER BY d.published DESC NULLS LAST, d.id COLLATE "C" LIMIT 20`, [`'bakhmut':*`]],
];
console.log(`desk SQL, ${await store.countDocuments()} documents on ${store.db.kind}`);
for (const [name, call, sql, params] of listings) {
  const times: number[] = [];
  let answer = { items: [] as readonly unknown[], total: 0 };
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    answer = await call();
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const bytes = answer.items.reduce<number>((n, x) => n + (typeof x === 'string' ? x.length : JSON.stringify(x).length), 0);
  console.log(`${name}: median ${times[Math.floor(rounds / 2)].toFixed(1)} ms, slowest ${times[rounds - 1].toFixed(1)} ms, this process's CPU ${((cpu.user + cpu.system) / 1000 / rounds).toFixed(2)} ms a call (PGlite runs in it), total ${answer.total}, page ${(bytes / 1024).toFixed(0)} KB`);
  // The documents listing runs its search with sequential scans off (see `sqlDesk`); the plan is read the same way.
  const plan = await store.db.transaction(async (tx) => {
    if (name.startsWith('documents')) await tx.query('SET LOCAL enable_seqscan = off');
    return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  });
  for (const row of plan) console.log(`  ${row['QUERY PLAN']}`);
}
await store.close();
