/**
 * Migration 6: the entity registry shared by concurrent writers, one row per learnt record (a person, organisation or
 * weapon beyond the knowledge base). A writer links a document's entities under one advisory lock inside the
 * document's transaction: it first reads the rows other writers changed since it last looked (`seq` greater than
 * the last it saw), links, then upserts the records the document touched with a new `seq`. So no run overwrites
 * another's records (`run_state`'s single JSON value was saved whole at the end of each run: the last run won).
 */
/** The SQL of this migration: several statements, run in one transaction. */
export const sql = `
CREATE SEQUENCE entity_registry_seq;
CREATE TABLE entity_registry (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('person', 'thing')),
  record jsonb NOT NULL,
  seq bigint NOT NULL DEFAULT nextval('entity_registry_seq'),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entity_registry_seq_idx ON entity_registry (seq);
`;
