/**
 * Every `sitrep` command, in the order `sitrep --help` lists them. A command's module is imported only when it runs
 * (or prints its help): `sitrep extract` never loads the store, the server, the report's map or PDF printer.
 */
import type { Command } from '../command.js';

/** A command's name and one-line summary, and how to load it. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `sitrep --help`. */
  readonly summary: string;
  load(): Promise<Command>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'extract', summary: 'print entities, claims, events and times of each document as JSON Lines', load: async () => (await import('./extract.js')).extractCommand },
  { name: 'ingest', summary: 'extract documents and store them (PGlite in ./.sitrep, or PostgreSQL with DATABASE_URL)', load: async () => (await import('./ingest.js')).ingestCommand },
  { name: 'worker', summary: 'take documents queued by `ingest --queue` (PostgreSQL), extract and store them until stopped', load: async () => (await import('./worker.js')).workerCommand },
  { name: 'docs', summary: 'list stored documents', load: async () => (await import('./docs.js')).docsCommand },
  { name: 'contested', summary: 'list contested propositions with both sides\' claims', load: async () => (await import('./contested.js')).contestedCommand },
  { name: 'entity', summary: 'show an entity with its aliases, side, role and claims', load: async () => (await import('./entity.js')).entityCommand },
  { name: 'stories', summary: 'list stories: the same happening across outlets', load: async () => (await import('./stories.js')).storiesCommand },
  { name: 'rebuild', summary: 'recompute the desk tables (propositions, events, entities) from the stored documents', load: async () => (await import('./rebuild.js')).rebuildCommand },
  { name: 'watch', summary: 'poll feeds and folders and ingest what is new, until stopped', load: async () => (await import('./watch.js')).watchCommand },
  { name: 'serve', summary: 'serve the JSON API and the web UI', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'report', summary: 'the situation report of a day or period (HTML, PDF, Markdown)', load: async () => (await import('./report.js')).reportCommand },
  { name: 'export', summary: 'events and propositions as ACLED CSV, GeoJSON or JSON Lines', load: async () => (await import('./export.js')).exportCommand },
];
