/**
 * The desk: what the shells (HTTP API, CLI, reports) read — documents with their cross-document analysis
 * (stories, propositions and their status, entity summaries), built over a {@link DeskSource} (the store, or
 * documents in memory). It sits between `store`/`crossdoc` and the shells, so no shell imports another.
 */
export { memoryDesk, type DeskChanges, type DeskSource, type IngestReport } from './desk-source.js';
export { compareNamed, docHeader, DeskView, DeskViews, editDistance, matchNames, type DocSummary, type Named } from './desk-view.js';
export { claimView, type ClaimView } from '../crossdoc/index.js';
export { CONTEXT_STATE, docFromRow, rebuildView, storeDesk, UNMAPPED_VIEWS, type StoreDeskOptions } from './store-desk.js';
export { RemoteDesk, RemoteError, type RemoteIngestReport, type RemotePage } from './remote.js';
export { matchesQuery, queryWords } from './search.js';
export { parseRaw, sqlDesk, type DeskQueries, type EntityPage, type Raw, type DocumentQuery, type EventQuery, type NamedEntity, type PropositionQuery } from './sql-desk.js';
export { LOOKBACK_SECONDS, storedSince, type StoredLately, type StoredSince } from './stored-since.js';
