/** The HTTP API: {@link createApp} over a {@link DeskSource}. */
export { createApp, DEFAULT_MAX_BODY_BYTES, type AppOptions } from './app.js';
// The desk (documents and their analysis) lives in src/desk; re-exported for the API's users.
export { memoryDesk, DeskView, DeskViews, storeDesk, docFromRow, type DeskSource, type IngestReport, type ClaimView, type DocSummary } from '../desk/index.js';
export { docDetail, type DocDetail, type SpanView } from './doc-detail.js';
export { HttpError } from './http-error.js';
export { openApi } from './openapi.js';
export { startServer, type RunningServer } from './start-server.js';
