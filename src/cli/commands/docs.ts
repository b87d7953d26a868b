/** `sitrep docs`: lists stored documents, newest first, as a table or JSON. */
import { parseArgs } from 'node:util';
import type { DocSummary, RemoteDesk, RemotePage } from '../../desk/index.js';
import { openStoreOrServer } from '../open-store.js';
import { UsageError, type Command, type CommandIo } from '../command.js';

/** Aligned columns, the last one free. */
function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.slice(0, widths[i]).padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(head), ...rows.map(fmt)].join('\n') + '\n';
}

/** The listing through the API of the server holding the store. */
async function listRemote(remote: RemoteDesk, limit: number, offset: number, json: boolean, io: CommandIo): Promise<number> {
  const docs: DocSummary[] = [];
  let total = 0;
  for (let at: number | null = offset; at !== null && docs.length < limit; ) {
    const page: RemotePage<DocSummary> = await remote.get('/api/documents', { limit: Math.min(500, limit - docs.length), offset: at });
    docs.push(...page.items);
    total = page.total;
    at = page.next;
  }
  if (json) {
    for (const d of docs) io.stdout.write(JSON.stringify(d) + '\n');
    return 0;
  }
  if (!docs.length) {
    io.stdout.write(total ? `no documents at offset ${offset} (${total} stored)\n` : 'the store is empty: add documents with `sitrep ingest PATH`\n');
    return 0;
  }
  const rows = docs.map((d) => [d.id, d.published ?? '—', d.outlet, String(d.counts.entities), String(d.counts.claims), String(d.counts.events), d.title ?? '']);
  io.stdout.write(table(['id', 'published', 'outlet', 'entities', 'claims', 'events', 'title'], rows));
  io.stdout.write(`${docs.length} of ${total} documents\n`);
  return 0;
}

export const docsCommand: Command = {
  name: 'docs',
  usage: `Usage: sitrep docs [options]

Lists the documents in the store with their publication date, source, size and the number of sources they were
read from (duplicates are recorded as further sources of one stored document).

While \`sitrep serve\` holds the embedded store, the list comes from its API (GET /api/documents: newest
publication date first, with outlet and counts of entities, claims and events).

Options:
  --db DIR       PGlite folder (default: $SITREP_DB or ./.sitrep; DATABASE_URL selects PostgreSQL)
  --limit N      at most N documents (default 50)
  --offset N     skip the first N
  --json         JSON Lines instead of a table
  -h, --help     show this help
`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        limit: { type: 'string', default: '50' },
        offset: { type: 'string', default: '0' },
        json: { type: 'boolean', default: false },
      },
    });
    const limit = Number(values.limit);
    const offset = Number(values.offset);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number, got "${values.limit}"`);
    if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`--offset must be a whole number, got "${values.offset}"`);
    const access = await openStoreOrServer('docs', values.db, io, { mustExist: true });
    if ('code' in access) return access.code;
    if ('remote' in access) return listRemote(access.remote, limit, offset, values.json, io);
    const store = access.store;
    try {
      const total = await store.countDocuments();
      const docs = await store.listDocuments({ limit, offset });
      if (values.json) {
        for (const d of docs) io.stdout.write(JSON.stringify(d) + '\n');
        return 0;
      }
      if (!docs.length) {
        io.stdout.write(total ? `no documents at offset ${offset} (${total} stored)\n` : 'the store is empty: add documents with `sitrep ingest PATH`\n');
        return 0;
      }
      const rows = docs.map((d) => [d.id, d.published ?? '—', d.source ?? '—', String(d.words), String(d.sources), d.title ?? '']);
      const head = ['id', 'published', 'source', 'words', 'sources', 'title'];
      io.stdout.write(table(head, rows));
      io.stdout.write(`${docs.length} of ${total} documents\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
