/** `sitrep serve`: the JSON API and the web UI over the store, in one process. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../../http/index.js';
import { announceServer, MEMORY } from '../../store/index.js';
import { openStoreOrReport } from '../open-store.js';
import { UsageError, type Command } from '../command.js';

/** The built UI at the package root, the same from `src/` (tsx) and `dist/` (compiled). */
const DEFAULT_WEB = fileURLToPath(new URL('../../../web-dist', import.meta.url));

/** Builds the UI when it is missing and the build tools are installed (a development checkout). */
async function ensureWeb(dir: string, io: { stderr: NodeJS.WritableStream }): Promise<string | undefined> {
  if (existsSync(`${dir}/index.html`)) return dir;
  try {
    const { buildWeb } = (await import('../../web/build.js')) as { buildWeb: (out: string) => Promise<string> };
    io.stderr.write(`building the web UI into ${dir}…\n`);
    return await buildWeb(dir);
  } catch (error) {
    io.stderr.write(`sitrep serve: no web UI in ${dir} and it could not be built (${(error as Error).message}); serving the API only — run \`npm run build:web\`\n`);
    return undefined;
  }
}

/** The `serve` command: runs until SIGINT or SIGTERM, then closes the server and the store. */
export const serveCommand: Command = {
  name: 'serve',
  usage: `Usage: sitrep serve [options]

Serves the JSON API (/api/…, described at /api/openapi.json) and the web UI — map, timeline, contested claims
side by side, entity pages, articles with highlighted evidence — over the store.

Options:
  --port N       port to listen on (default: $PORT or 8080; 0 picks a free one)
  --host HOST    address to listen on (default 127.0.0.1; 0.0.0.0 to serve the network)
  --web DIR      folder of the built UI (default: web-dist at the package root, built on first use)
  --db DIR       PGlite folder (default: $SITREP_DB or ./.sitrep; DATABASE_URL selects PostgreSQL)
  --max-body MB  largest POST body (default 10)
  -h, --help     show this help

Environment:
  SITREP_TOKEN   when set, POST /api/documents needs "Authorization: Bearer $SITREP_TOKEN"; without it, writes
                 are taken only on a loopback address (a server on another address starts read-only)

While it runs, the other commands on the same embedded store (docs, contested, entity, stories, ingest) work
through its API: the lock file in the store folder names the server's address.

Writes from a web page of another origin are refused, and requests must address the server by the name it
listens on (localhost / 127.0.0.1 for the default), so a page you happen to open cannot change the store.
`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, web: { type: 'string' }, db: { type: 'string' }, 'max-body': { type: 'string' } },
    });
    const portText = values.port ?? io.env.PORT ?? '8080';
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got "${portText}"`);
    const maxBody = values['max-body'] === undefined ? undefined : Number(values['max-body']);
    if (maxBody !== undefined && !(maxBody > 0)) throw new UsageError(`--max-body must be a positive number of megabytes, got "${values['max-body']}"`);
    const webRoot = await ensureWeb(values.web ? resolve(io.cwd, values.web) : DEFAULT_WEB, io);
    const store = await openStoreOrReport('serve', values.db, io);
    if (!store) return 2;
    let server;
    try {
      server = await startServer({
        store, port, host: values.host, webRoot, token: io.env.SITREP_TOKEN || undefined,
        maxBodyBytes: maxBody === undefined ? undefined : Math.round(maxBody * 1024 * 1024),
      });
    } catch (error) {
      await store.close();
      io.stderr.write(`sitrep serve: cannot listen on ${values.host}:${port} (${(error as Error).message}); choose another --port\n`);
      return 2;
    }
    // Other commands on this store (`sitrep docs`, `contested`, `ingest` …) find the server in the lock and use its API.
    if (store.db.kind === 'pglite' && store.db.location !== MEMORY) {
      const wildcard = /^(0\.0\.0\.0|::|\[::\])$/.test(values.host ?? '');
      announceServer(store.db.location, wildcard ? `http://${values.host?.includes(':') ? '[::1]' : '127.0.0.1'}:${server.port}` : server.url);
    }
    if (server.readOnly) {
      io.stderr.write(`sitrep serve: ${values.host} is reachable beyond this machine and SITREP_TOKEN is not set: serving read-only (set SITREP_TOKEN to accept writes)\n`);
    }
    const writes = server.readOnly ? ', read-only' : io.env.SITREP_TOKEN ? ', writes need the token' : '';
    io.stdout.write(`sitrep serving ${server.url}/ (store: ${store.db.location}${writes}) — Ctrl-C to stop\n`);
    const running = server;
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await running.close();
    await store.close();
    return 0;
  },
};
