/**
 * The desk: what the shells (HTTP API, CLI, reports) read — documents with their cross-document analysis
 * (stories, propositions and their status, entity summaries), built over a {@link DeskSource} (the store, or
 * documents in memory). It sits between `store`/`crossdoc` and the shells, so no shell imports another.
 */
export { memoryDesk, type DeskSource, type IngestReport } from './desk-source.js';
export { claimView, DeskView, DeskViews, editDistance, type ClaimView, type DocSummary } from './desk-view.js';
export { docFromRow, rebuildView, storeDesk, UNMAPPED_VIEWS } from './store-desk.js';
