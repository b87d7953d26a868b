/**
 * Migration 5: when a document's row last changed. Ingest sets it with the row and a re-extraction
 * (`ingest --replace`) moves it, so a reader holding documents in memory (the desk) reloads only the rows that
 * are new or changed since it last looked, not the whole store.
 */
/** The SQL of this migration: several statements, run in one transaction. */
export const sql = `
ALTER TABLE documents ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
`;
