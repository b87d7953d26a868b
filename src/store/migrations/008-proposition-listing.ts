/**
 * Migration 8: each kept proposition also holds its listing item as JSON text (`listing`: the proposition with only
 * the latest claims of each side, `propositionListing` in `src/crossdoc`), so a page of `GET /api/propositions` reads
 * a few kilobytes per proposition however many claims it has, and sends them as they are stored (no jsonb to text
 * conversion). A store that holds documents gets its propositions recomputed right after this migration
 * (`Store.migrate`).
 */
/** The SQL of this migration: several statements, run in one transaction. */
export const sql = `
ALTER TABLE desk_propositions ADD COLUMN listing text;
`;
