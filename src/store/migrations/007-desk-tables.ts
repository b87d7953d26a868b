/**
 * Migration 7: the desk's cross-document results kept in tables, updated at ingest in the document's own
 * transaction for what the document touches (`src/store/desk-tables.ts`), so the API answers with indexed SQL instead
 * of recomputing over every document.
 *
 * - `desk_claims`: one row per claim and proposition of a stored document (its kind + place key, confidence, source
 *   key and the source's shorter tails, the place's entity as the document names it, the claim record as JSON).
 * - `desk_propositions`: the propositions of each key at the two thresholds the desk shows (`level` 0: every claim;
 *   0.5: confident ones), with status, dates, sides and the whole proposition as JSON.
 * - `desk_event_reports` / `desk_events`: each event report with its grouping key, and the reconciled events of each key.
 * - `desk_entity_docs` / `desk_entities`: what each document says of each entity, and the entities merged across
 *   documents (first document's name and fields, counts, name forms with first/last seen; `keys` for name search).
 * - `desk_claim_views`: each claim with a speaker as an entity page lists it (indexed by speaker).
 * - `documents.outlet` / `outlet_key`: the outlet the desk names (folded for filters); `entity_count`, `claim_count`,
 *   `event_count`: what a listing shows without reading the extraction JSON.
 *
 * Stores that already hold documents are filled by `Store.migrate()` right after this migration (a rebuild from the
 * stored documents, the same as `sitrep rebuild`).
 */
/**
 * Ids and names sort by code unit (`COLLATE "C"`), as the listings sorted in memory do (`compareCode`); the newest
 * first, undated ones before them, as `comparePropositions` and `compareEventGroups` order them.
 */
/** The SQL of this migration: several statements, run in one transaction. */
export const sql = `
ALTER TABLE documents ADD COLUMN outlet text;
ALTER TABLE documents ADD COLUMN outlet_key text;
ALTER TABLE documents ADD COLUMN entity_count integer;
ALTER TABLE documents ADD COLUMN claim_count integer;
ALTER TABLE documents ADD COLUMN event_count integer;
CREATE INDEX documents_outlet ON documents (outlet_key);
CREATE INDEX documents_listing ON documents (published DESC NULLS LAST, id);

CREATE TABLE desk_claims (
  document_id  text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal      integer NOT NULL,
  prop_key     text NOT NULL,
  kind         text NOT NULL,
  place        text,
  confidence   double precision NOT NULL,
  source       text NOT NULL,
  source_tails text[] NOT NULL DEFAULT '{}',
  place_entity jsonb,
  record       jsonb NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX desk_claims_key ON desk_claims (prop_key);
CREATE INDEX desk_claims_source ON desk_claims (source);
CREATE INDEX desk_claims_tails ON desk_claims USING gin (source_tails) WITH (fastupdate = off);
CREATE INDEX desk_claims_speaker ON desk_claims ((record->>'speaker'));

CREATE TABLE desk_claim_views (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal     integer NOT NULL,
  speaker     text NOT NULL,
  view        jsonb NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX desk_claim_views_speaker ON desk_claim_views (speaker);

CREATE TABLE desk_propositions (
  level      real NOT NULL,
  prop_key   text NOT NULL,
  id         text COLLATE "C" NOT NULL,
  kind       text NOT NULL,
  place      text,
  status     text NOT NULL,
  date_from  text,
  date_to    text,
  sides      text[] NOT NULL,
  body       jsonb NOT NULL,
  PRIMARY KEY (level, prop_key, id)
);
CREATE INDEX desk_propositions_id ON desk_propositions (level, id);
CREATE INDEX desk_propositions_listing ON desk_propositions (level, date_to DESC, id);
CREATE INDEX desk_propositions_status ON desk_propositions (level, status, date_to DESC, id);

CREATE TABLE desk_event_reports (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal     integer NOT NULL,
  event_key   text NOT NULL,
  type        text NOT NULL,
  sub_type    text NOT NULL,
  place       text,
  actors      text[] NOT NULL DEFAULT '{}',
  raw         jsonb NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX desk_event_reports_key ON desk_event_reports (event_key);
CREATE INDEX desk_event_reports_actors ON desk_event_reports USING gin (actors) WITH (fastupdate = off);

CREATE TABLE desk_events (
  event_key  text NOT NULL,
  id         text COLLATE "C" NOT NULL,
  type       text NOT NULL,
  sub_type   text NOT NULL,
  place      text,
  status     text NOT NULL,
  date_from  text,
  date_to    text,
  lat        double precision,
  lon        double precision,
  sides      text[] NOT NULL,
  body       jsonb NOT NULL,
  PRIMARY KEY (event_key, id)
);
CREATE INDEX desk_events_listing ON desk_events (date_to DESC, id);
CREATE INDEX desk_events_position ON desk_events (lon, lat);

CREATE TABLE desk_entity_docs (
  document_id  text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal      integer NOT NULL,
  entity_id    text NOT NULL,
  contribution jsonb NOT NULL,
  spans        jsonb NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX desk_entity_docs_entity ON desk_entity_docs (entity_id);

CREATE TABLE desk_entities (
  id         text COLLATE "C" PRIMARY KEY,
  kind       text NOT NULL,
  name       text COLLATE "C" NOT NULL,
  side       text,
  mentions   integer NOT NULL,
  keys       text[] NOT NULL,
  acc        jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX desk_entities_listing ON desk_entities (mentions DESC, name, id);
CREATE INDEX desk_entities_kind ON desk_entities (kind, mentions DESC, name, id);
`;
