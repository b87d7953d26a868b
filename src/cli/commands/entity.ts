/** `sitrep entity NAME`: one entity with its aliases, side, role and the claims it made. */
import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command.js';
import type { EntitySummary } from '../../crossdoc/index.js';
import { RemoteError, sqlDesk, type ClaimView, type RemotePage } from '../../desk/index.js';
import { openStoreOrServer } from '../open-store.js';
import { formatTable } from './contested.js';

/** The `entity` command. */
export const entityCommand: Command = {
  name: 'entity',
  usage: `Usage: sitrep entity NAME [options]

Shows the stored entity best matching NAME — its id, or any name or alias it was written as, with small spelling
differences allowed ("Malyar" finds Hanna Maliar) — with every alias (times seen, first and last seen), its side
and role, and the claims it made in date order with outlet and evidence.

Options:
  --json         the same data as JSON (as GET /api/entities/{id})
  --db DIR       PGlite folder (default: $SITREP_DB or ./.sitrep; DATABASE_URL selects PostgreSQL)
  -h, --help     show this help
`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, db: { type: 'string' } } });
    const name = positionals.join(' ').trim();
    if (!name) throw new UsageError('give the name of an entity, e.g. `sitrep entity Maliar`');
    const desk = await openStoreOrServer('entity', values.db, io, { mustExist: true });
    if ('code' in desk) return desk.code;
    let matches: EntitySummary[];
    let claims: ClaimView[];
    if ('remote' in desk) {
      // The id itself, else the server's search by name and alias (the same ranking as here).
      const detail = (id: string) => desk.remote.get<EntitySummary & { claims: ClaimView[] }>(`/api/entities/${encodeURIComponent(id).replace(/%3A/gi, ':')}`);
      const exact = await detail(name).catch((error: unknown) => {
        if (error instanceof RemoteError && error.status === 404) return null;
        throw error;
      });
      matches = exact ? [exact] : (await desk.remote.get<RemotePage<EntitySummary>>('/api/entities', { q: name, limit: 6 })).items;
      const found = exact ?? (matches[0] ? await detail(matches[0].id) : null);
      if (found) {
        // The detail lists the mentions themselves where the summary counts them.
        const { claims: foundClaims, mentions, propositions: _p, events: _e, ...summary } = found as Omit<EntitySummary, 'mentions'> & { claims: ClaimView[]; mentions: unknown; propositions?: unknown; events?: unknown };
        matches[0] = { ...summary, mentions: Array.isArray(mentions) ? mentions.length : Number(mentions) };
        claims = foundClaims;
      } else claims = [];
    } else {
      // The desk tables of the store: the entity by id, else the best matches by name and alias.
      try {
        const queries = sqlDesk(desk.store);
        const exact = await queries.entity(name);
        const named = exact ? [] : (await queries.matchEntities(name)).slice(0, 6);
        matches = exact ? [exact] : (await Promise.all(named.map((n) => queries.entity(n.id)))).filter((m) => m !== null);
        claims = matches[0] ? [...((await queries.entityPage(matches[0].id))?.claims ?? [])] : [];
      } finally {
        await desk.store.close();
      }
    }
    const e = matches[0];
    if (!e) {
      io.stderr.write(`sitrep entity: no entity matches "${name}"; \`sitrep entity\` searches names and aliases of stored documents\n`);
      return 1;
    }
    if (values.json) {
      io.stdout.write(JSON.stringify({ ...e, claims }) + '\n');
      return 0;
    }
    const out = [
      `${e.name}  (${e.id})`,
      [e.kind, e.type, e.side ? `side ${e.side}` : null, e.role, e.lat !== null && e.lon !== null ? `${e.lat}, ${e.lon}` : null].filter(Boolean).join(' · '),
      `${e.mentions} mention(s) in ${e.docIds.length} document(s)`,
      '',
      'Aliases',
      formatTable(['written as', 'times', 'first seen', 'last seen'], e.aliases.map((a) => [a.text, String(a.count), a.firstSeen ?? '—', a.lastSeen ?? '—'])),
      '',
      claims.length ? 'Claims' : 'No claims attributed to it.',
    ];
    if (claims.length) {
      out.push(formatTable(['date', 'outlet', 'cue', 'proposition', 'evidence'], claims.map((c) => [
        c.date ?? 'undated',
        c.outlet,
        c.cue,
        c.proposition ? `${c.proposition.polarity} ${c.proposition.holder ?? '?'} ${c.proposition.kind}` : '—',
        `“${c.evidence.text.replace(/\s+/g, ' ').trim()}”`,
      ])));
    }
    if (matches.length > 1) out.push('', `Also matching: ${matches.slice(1, 6).map((m) => `${m.name} (${m.id})`).join(', ')}`);
    io.stdout.write(out.join('\n') + '\n');
    return 0;
  },
};
