/**
 * Migration 1: the initial schema. Postgres SQL only, identical on PGlite and PostgreSQL.
 *
 * Offsets are UTF-16 half-open ranges into `documents.input` (the text exactly as read), named
 * `span_start`/`span_end` because `end` is a reserved word. Child rows of a document cascade on delete,
 * so deleting a document deletes everything extracted from it; entities outlive documents.
 */
/** The SQL of this migration: several statements, run in one transaction. */
export const sql = `
CREATE TABLE documents (
  id             text PRIMARY KEY,
  -- SHA-256 of the normalised kept text: exact duplicates collide here.
  content_hash   text NOT NULL UNIQUE,
  -- MinHash signature of the word shingles (null when the text is too short to compare); see document_bands.
  minhash        integer[],
  word_count     integer NOT NULL,
  format         text NOT NULL,
  title          text,
  published      date,
  published_rule text,
  url            text,
  source         text,
  path           text,
  encoding       text,
  input          text NOT NULL,
  -- The readable text when it differs from the input (HTML); null for plain text, where the view is the input.
  view_text      text,
  -- The whole extraction as the API and CLI serve it (product.md's contract).
  extraction     jsonb NOT NULL,
  ingested_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_ingested ON documents (ingested_at, id);

-- LSH band keys of each stored document's MinHash: documents sharing a (band, key) are near-duplicate candidates.
CREATE TABLE document_bands (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  band        smallint NOT NULL,
  key         integer NOT NULL,
  PRIMARY KEY (document_id, band)
);
CREATE INDEX document_bands_key ON document_bands (band, key);

-- Every source a stored document was read from: the original and each exact or near duplicate,
-- recorded instead of stored twice. source_key identifies a source (reader id, path, line, url, outlet).
CREATE TABLE document_sources (
  document_id  text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  source_key   text NOT NULL,
  doc_key      text NOT NULL,
  relation     text NOT NULL CHECK (relation IN ('original', 'duplicate', 'near-duplicate')),
  -- Estimated Jaccard similarity of the word shingles to the stored text (1 for the original and exact duplicates).
  similarity   real NOT NULL,
  content_hash text NOT NULL,
  format       text,
  path         text,
  line         integer,
  url          text,
  source       text,
  title        text,
  published    date,
  seen_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, source_key)
);
CREATE INDEX document_sources_doc_key ON document_sources (doc_key);

-- Boilerplate ranges no stage extracted from.
CREATE TABLE excluded_spans (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal     integer NOT NULL,
  span_start  integer NOT NULL,
  span_end    integer NOT NULL,
  text        text NOT NULL,
  rule        text NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);

CREATE TABLE time_expressions (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal     integer NOT NULL,
  span_start  integer NOT NULL,
  span_end    integer NOT NULL,
  text        text NOT NULL,
  value       date,
  precision   text,
  unresolved  text,
  sentence    integer,
  rule        text NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);

CREATE TABLE entities (
  id             text PRIMARY KEY,
  kind           text NOT NULL,
  name           text NOT NULL,
  type           text,
  side           text,
  role           text,
  lat            double precision,
  lon            double precision,
  country        text,
  geonames_id    integer,
  mention_count  integer NOT NULL DEFAULT 0,
  document_count integer NOT NULL DEFAULT 0,
  -- Dates are the publication dates of the documents (their ingest day when unknown).
  first_seen     date,
  last_seen      date,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entities_kind ON entities (kind);
CREATE INDEX entities_name ON entities (lower(name));

-- Surface forms an entity was mentioned by, accumulated across documents.
CREATE TABLE entity_aliases (
  entity_id      text NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias          text NOT NULL,
  count          integer NOT NULL,
  document_count integer NOT NULL,
  first_seen     date,
  last_seen      date,
  first_document text,
  last_document  text,
  PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_alias ON entity_aliases (lower(alias));

CREATE TABLE mentions (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal     integer NOT NULL,
  entity_id   text NOT NULL REFERENCES entities (id),
  span_start  integer NOT NULL,
  span_end    integer NOT NULL,
  text        text NOT NULL,
  rule        text NOT NULL,
  sentence    integer,
  metonym     boolean NOT NULL DEFAULT false,
  PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX mentions_entity ON mentions (entity_id);

-- Claim and event ids are unique within their document (\`<docId>#c<n>\`), so the key includes the document.
CREATE TABLE claims (
  document_id     text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id              text NOT NULL,
  speaker_id      text,
  speaker_text    text,
  side            text,
  cue             text NOT NULL,
  content         text NOT NULL,
  span_start      integer NOT NULL,
  span_end        integer NOT NULL,
  content_start   integer,
  content_end     integer,
  channel         text,
  claim_date      date,
  date_precision  text,
  sentence        integer,
  rule            text NOT NULL,
  prop_kind       text,
  prop_place      text,
  prop_holder     text,
  prop_polarity   text,
  prop_count      double precision,
  PRIMARY KEY (document_id, id)
);
CREATE INDEX claims_speaker ON claims (speaker_id);
CREATE INDEX claims_proposition ON claims (prop_kind, prop_place, claim_date);

CREATE TABLE events (
  document_id    text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id             text NOT NULL,
  type           text NOT NULL,
  sub_type       text NOT NULL,
  event_date     date,
  date_precision text,
  place_id       text,
  actors         text[] NOT NULL DEFAULT '{}',
  fatalities     integer,
  injuries       integer,
  quantity       integer,
  claim_ids      text[] NOT NULL DEFAULT '{}',
  span_start     integer NOT NULL,
  span_end       integer NOT NULL,
  text           text NOT NULL,
  sentence       integer,
  rule           text NOT NULL,
  PRIMARY KEY (document_id, id)
);
CREATE INDEX events_place_date ON events (place_id, event_date);
CREATE INDEX events_type ON events (type, sub_type);
`;
