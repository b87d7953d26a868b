/**
 * The migrations, in the order they are applied. Each is a TypeScript module exporting its SQL, so the compiled
 * CLI carries it (tsc does not copy `.sql` files). Never edit an applied migration: add the next one.
 */
import { sql as init } from './001-init.js';
import { sql as mentionAlias } from './002-mention-alias.js';
import { sql as runState } from './003-run-state.js';
import { sql as documentSearch } from './004-document-search.js';
import { sql as documentRevision } from './005-document-revision.js';
import { sql as entityRegistry } from './006-entity-registry.js';
import { sql as deskTables } from './007-desk-tables.js';
import { sql as propositionListing } from './008-proposition-listing.js';
import { sql as eventListing } from './009-event-listing.js';

/** One schema change. */
export interface Migration {
  /** Applied in increasing order; recorded in `schema_migrations`. */
  readonly version: number;
  readonly name: string;
  /** Several statements, run in one transaction with the record of it. */
  readonly sql: string;
}

/** Every migration, oldest first. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'mention-alias', sql: mentionAlias },
  { version: 3, name: 'run-state', sql: runState },
  { version: 4, name: 'document-search', sql: documentSearch },
  { version: 5, name: 'document-revision', sql: documentRevision },
  { version: 6, name: 'entity-registry', sql: entityRegistry },
  { version: 7, name: 'desk-tables', sql: deskTables },
  { version: 8, name: 'proposition-listing', sql: propositionListing },
  { version: 9, name: 'event-listing', sql: eventListing },
];
