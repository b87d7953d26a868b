/** `sitrep export`: events and propositions as ACLED-shaped CSV, GeoJSON or JSON Lines, streamed. */
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportStream, type ExportFormat } from '../../export/index.js';
import { installedAdminLookup } from '../../report/index.js';
import { UsageError, type Command } from '../command.js';
import { FILTER_FLAGS, filterFlagsHelp, parseFilter } from '../report-flags.js';
import { loadDesk } from './contested.js';

/** The `export` command. */
export const exportCommand: Command = {
  name: 'export',
  usage: `Usage: sitrep export --format acled|geojson|jsonl [options]

Writes the store's events and propositions for other tools:
  acled    ACLED-shaped CSV, one row per event reconciled across reports (ACLED's public column set; admin1
           from the gazetteer; sitrep's id, status and source count in "tags")
  geojson  RFC 7946 FeatureCollection: propositions (status, sides, sources) and events as points
  jsonl    JSON Lines of everything: propositions with every claim, events with every report, and the
           entities they name ({"record":"proposition"|"event"|"entity", ...})
The output is streamed: memory stays flat however large the store.

Options:
  --format FMT        acled, geojson or jsonl (required)
${filterFlagsHelp('default: no limit')}
  --out FILE          write to FILE (default: standard output)
  -h, --help          show this help
`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { ...FILTER_FLAGS, format: { type: 'string' }, out: { type: 'string' } } });
    const filter = parseFilter(values);
    const format = values.format as ExportFormat | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}${format ? `, got "${format}"` : ''}`);
    const view = await loadDesk('export', values.db, io);
    if (!view) return 2;
    const admin = format === 'acled' ? installedAdminLookup((why) => io.stderr.write(`sitrep export: ${why}\n`)) : undefined;
    const out = values.out ? createWriteStream(resolve(io.cwd, values.out)) : io.stdout;
    // Standard output is left open for whatever the process writes next; a file is closed when done.
    await pipeline(exportStream(view, filter, format, { admin }), out, { end: !!values.out });
    if (values.out) io.stderr.write(`sitrep export: ${format} written to ${resolve(io.cwd, values.out)}\n`);
    return 0;
  },
};
