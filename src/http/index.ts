/** The HTTP API: {@link createApp} over a {@link DeskSource}. */
export { createApp, DEFAULT_MAX_BODY_BYTES, type AppOptions } from './app.js';
export { memoryDesk, type DeskSource, type IngestReport } from './desk-source.js';
export { DeskView, DeskViews, type ClaimView, type DocSummary } from './desk-view.js';
export { docDetail, type DocDetail, type SpanView } from './doc-detail.js';
export { HttpError } from './http-error.js';
export { openApi } from './openapi.js';
export { storeDesk, docFromRow } from './store-desk.js';
export { startServer, type RunningServer } from './start-server.js';
