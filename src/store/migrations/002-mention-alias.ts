/**
 * Migration 2: each mention keeps the alias it counts under (its text with whitespace collapsed), so that an
 * entity's aliases can be recomputed from its mentions when a document is replaced or deleted.
 */
/** The SQL of this migration: several statements, run in one transaction. */
export const sql = `
ALTER TABLE mentions ADD COLUMN alias text;
UPDATE mentions SET alias = regexp_replace(btrim(text), '\\s+', ' ', 'g');
ALTER TABLE mentions ALTER COLUMN alias SET NOT NULL;
CREATE INDEX mentions_entity_alias ON mentions (entity_id, alias);
`;
