/**
 * Migration 9: each reconciled event also holds its listing item as JSON text (`listing`: the event with only its
 * latest reports, `reportCount`, `docCount` and every report's date, `eventListing` in `src/crossdoc`), so a page of
 * `GET /api/events` reads a few kilobytes per event however many reports it has, and sends them as stored (no jsonb
 * to text conversion); and events are found by id (`GET /api/events/{id}`). A store that holds documents gets its
 * listing items computed from the stored events right after this migration (`Store.migrate`).
 */
/** The SQL of this migration: several statements, run in one transaction. */
export const sql = `
ALTER TABLE desk_events ADD COLUMN listing text;
CREATE INDEX desk_events_id ON desk_events (id);
`;
