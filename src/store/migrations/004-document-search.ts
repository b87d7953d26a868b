/**
 * Migration 4: full-text search over documents. A `tsvector` of the title and the readable text (the first 300,000
 * characters: a tsvector holds at most 1 MB), kept by Postgres itself as a generated column, with a GIN index, so
 * `GET /api/documents?q=` is one indexed query on PGlite and PostgreSQL alike. The `simple` configuration lower-cases
 * and does not stem: a query word matches the words it begins (`Bakh` finds Bakhmut), in any language. `fastupdate`
 * is off: PGlite runs no autovacuum, so a pending list would never be merged and every query would read all of it.
 */
/** The SQL of this migration: several statements, run in one transaction. */
export const sql = `
ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
  to_tsvector('simple'::regconfig, left(coalesce(title, '') || ' ' || coalesce(view_text, input), 300000))
) STORED;
CREATE INDEX documents_search ON documents USING gin (search) WITH (fastupdate = off);
`;
