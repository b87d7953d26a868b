/** `sitrep stories`: articles about the same happening clustered across outlets, newest first. */
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import type { EntitySummary, Story } from '../../crossdoc/index.js';
import { formatTable, openDesk } from './contested.js';

/** The `stories` command. */
export const storiesCommand: Command = {
  name: 'stories',
  usage: `Usage: sitrep stories [options]

Lists stories — articles published within a few days of each other that share rare entities, places and wording —
newest first, with their dates, outlets and articles.

Options:
  --json         JSON Lines, one story per line (the same data as GET /api/stories)
  --db DIR       PGlite folder (default: $SITREP_DB or ./.sitrep; DATABASE_URL selects PostgreSQL)
  -h, --help     show this help
`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, db: { type: 'string' } } });
    const desk = await openDesk('stories', values.db, io);
    if ('code' in desk) return desk.code;
    let stories: readonly Story[];
    let names: ReadonlyMap<string, { readonly name: string }>;
    let docCount: number;
    if ('remote' in desk) {
      stories = await desk.remote.all<Story>('/api/stories');
      names = new Map((await desk.remote.all<EntitySummary>('/api/entities')).map((e) => [e.id, e]));
      docCount = await desk.remote.countDocuments();
    } else {
      stories = desk.view.analysis.stories;
      names = desk.view.analysis.entities;
      docCount = desk.view.docs.length;
    }
    if (values.json) {
      for (const s of stories) io.stdout.write(JSON.stringify(s) + '\n');
      return 0;
    }
    if (!stories.length) {
      io.stdout.write('the store is empty: add documents with `sitrep ingest PATH`\n');
      return 0;
    }
    io.stdout.write(formatTable(['from', 'to', 'articles', 'outlets', 'about', 'title'], stories.map((s) => [
      s.from ?? 'undated',
      s.to ?? 'undated',
      String(s.docIds.length),
      s.outlets.join(', '),
      s.entities.slice(0, 3).map((id) => names.get(id)?.name ?? id).join(', '),
      s.title ?? s.docIds[0],
    ])) + `\n${stories.length} stories from ${docCount} documents\n`);
    return 0;
  },
};
