/** `sitrep contested`: contested propositions with both sides' claims, newest first, as a table or JSON Lines. */
import { parseArgs } from 'node:util';
import { DEFAULT_MIN_CONFIDENCE, type PropositionGroup } from '../../crossdoc/index.js';
import { DeskView, parseRaw, sqlDesk, storeDesk, type RemoteDesk } from '../../desk/index.js';
import type { Store } from '../../store/index.js';
import { openStoreOrServer } from '../open-store.js';
import { parseDateFlag } from '../options.js';
import type { Command, CommandIo } from '../command.js';

/** Lays out rows as aligned columns; the last column runs free so long evidence is not cut mid-word twice. */
export function formatTable(head: string[], rows: string[][], maxWidth = 32): string {
  const widths = head.map((h, i) => Math.min(maxWidth, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const fmt = (r: string[]) =>
    r.map((c, i) => (i === r.length - 1 ? c : (c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c).padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(head), ...rows.map(fmt)].join('\n');
}

/**
 * The desk a read command answers from: the snapshot built from the store, or the API of the `sitrep serve` holding
 * it (see {@link openStoreOrServer}); `code` when neither could be opened (1: held by another command, 2: other).
 */
export type LoadedDesk = { readonly view: DeskView } | { readonly remote: RemoteDesk } | { readonly code: number };

/**
 * The cross-document snapshot of the configured store, or null after saying why there is none (for commands that
 * need the whole snapshot: `report`, `export`). While `sitrep serve` holds the store, names its API instead.
 */
export async function loadDesk(name: string, db: string | undefined, io: CommandIo): Promise<DeskView | null> {
  const desk = await openDesk(name, db, io);
  if ('view' in desk) return desk.view;
  if ('remote' in desk) {
    io.stderr.write(`sitrep ${name}: ask the running server instead (${desk.remote.url}/api/${name === 'export' ? 'export' : 'report'}, see docs/api.md), or stop it first\n`);
  }
  return null;
}

/** Opens the configured store and builds the cross-document snapshot, or finds the server holding it. */
export async function openDesk(name: string, db: string | undefined, io: CommandIo): Promise<LoadedDesk> {
  const access = await openStoreOrServer(name, db, io, { mustExist: true });
  if (!('store' in access)) return access;
  try {
    return { view: new DeskView(await storeDesk(access.store).documents()) };
  } finally {
    await access.store.close();
  }
}

/**
 * The contested propositions of a store: from the desk tables kept at ingest (indexed SQL, page by page) at the
 * thresholds they keep; for another threshold, from the snapshot built over every document.
 */
async function contestedIn(store: Store, minConfidence: number, since: string | undefined, place: string | undefined): Promise<PropositionGroup[]> {
  const queries = sqlDesk(store);
  const places = place ? [...new Set([place, ...(await queries.matchEntities(place)).filter((e) => e.kind === 'place').map((e) => e.id)])] : undefined;
  const found: PropositionGroup[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await queries.propositions({ minConfidence, status: 'contested', places, from: since, full: true }, { limit: 500, offset });
    if (!page) break;
    found.push(...page.items.map(parseRaw));
    if (found.length >= page.total || !page.items.length) return found;
  }
  const view = new DeskView(await storeDesk(store).documents());
  const placeSet = places ? new Set(places) : null;
  return view.propositionsAt(minConfidence).filter(
    (p) => p.status === 'contested' && (!since || (p.to !== null && p.to >= since)) && (!placeSet || (p.place !== null && placeSet.has(p.place))),
  );
}

/** The table of one proposition. */
export function formatProposition(p: PropositionGroup): string {
  const counts = Object.entries(p.sources.bySide).map(([s, n]) => `${s} ${n}`).join(', ');
  const head = `${p.kind} of ${p.placeName ?? p.place ?? '?'} — ${p.status} — ${p.from ?? 'undated'}${p.to && p.to !== p.from ? ` → ${p.to}` : ''} — independent sources: ${counts || 'none'} — confidence ${p.confidence.toFixed(2)}`;
  const rows = p.claims.map((c) => [
    c.date ?? 'undated',
    c.side ?? '?',
    `${c.speakerName ?? 'unattributed'}${c.unresolved ? ' (unresolved)' : ''}`,
    `${c.polarity} ${c.holder ?? '?'}`,
    c.outlet,
    `“${c.evidence.text.replace(/\s+/g, ' ').trim()}”`,
  ]);
  const summary = p.summary.map((st) => `  ${st.side}: ${st.stance.replace(/^(\S+) (\S+)$/, '$2 $1')} ${p.kind} — ${st.sources} source(s), latest ${st.latest ?? 'undated'}`);
  return `${head}\n${summary.join('\n')}\n${formatTable(['date', 'side', 'speaker', 'stance', 'outlet', 'evidence'], rows)}`;
}

/** The `contested` command. */
export const contestedCommand: Command = {
  name: 'contested',
  usage: `Usage: sitrep contested [options]

Lists the propositions (e.g. control of Bakhmut) on which the sides' claims contradict each other — one asserts
what another denies, or both claim opposite holders — newest first, with every claim's date, side, speaker,
stance, outlet and evidence sentence. Sources are counted by speaker: one speaker quoted by two outlets is one.

Only confident propositions are listed: those with a claim whose proposition has confidence >= 0.5 (the frame and
how its roles were filled; see docs/claims.md). --all lists every one.

Options:
  --all          every proposition, also those below the confidence threshold
  --min-confidence N  only propositions reaching confidence N (0–1; default 0.5)
  --since DATE   only propositions with claims on or after DATE (YYYY-MM-DD)
  --place NAME   only propositions about this place (any spelling or alias)
  --json         JSON Lines, one proposition per line (the same data as GET /api/propositions)
  --db DIR       PGlite folder (default: $SITREP_DB or ./.sitrep; DATABASE_URL selects PostgreSQL)
  -h, --help     show this help
`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { since: { type: 'string' }, place: { type: 'string' }, json: { type: 'boolean', default: false }, db: { type: 'string' }, all: { type: 'boolean', default: false }, 'min-confidence': { type: 'string' } },
    });
    const since = parseDateFlag('since', values.since);
    const minConfidence = values.all ? 0 : values['min-confidence'] !== undefined ? Number(values['min-confidence']) : DEFAULT_MIN_CONFIDENCE;
    if (!Number.isFinite(minConfidence) || minConfidence < 0 || minConfidence > 1) {
      io.stderr.write('sitrep contested: --min-confidence must be a number from 0 to 1\n');
      return 2;
    }
    const access = await openStoreOrServer('contested', values.db, io, { mustExist: true });
    if ('code' in access) return access.code;
    let found: PropositionGroup[];
    let empty: boolean;
    if ('remote' in access) {
      // The server's /api/propositions applies the same filters (a place by any spelling; `from` keeps the later ones).
      found = await access.remote.all<PropositionGroup>('/api/propositions', { status: 'contested', minConfidence, place: values.place, from: since, full: 1 });
      empty = !found.length && (await access.remote.countDocuments()) === 0;
    } else {
      try {
        found = await contestedIn(access.store, minConfidence, since, values.place);
        empty = !found.length && (await access.store.countDocuments()) === 0;
      } finally {
        await access.store.close();
      }
    }
    if (values.json) {
      for (const p of found) io.stdout.write(JSON.stringify(p) + '\n');
      return 0;
    }
    if (!found.length) {
      io.stdout.write(empty ? 'the store is empty: add documents with `sitrep ingest PATH`\n' : 'no contested propositions\n');
      return 0;
    }
    io.stdout.write(found.map(formatProposition).join('\n\n') + '\n');
    return 0;
  },
};
