/**
 * Migration 3: state a run learns and the next run needs, as JSON by name. The entity registry lives here, so
 * that a person first seen as "Hannah Malial" keeps the same id in every later run, whatever order documents
 * come in.
 */
/** The SQL of this migration: several statements, run in one transaction. */
export const sql = `
CREATE TABLE run_state (
  name text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`;
