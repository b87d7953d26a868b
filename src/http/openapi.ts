/**
 * The OpenAPI 3.1 description of the API, served at `/api/openapi.json`. Written as data beside the routes
 * (one entry per route, parameters named as the routes validate them) so a client generator or an analyst's
 * notebook can discover every filter.
 */
import { STATUSES } from '../crossdoc/index.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from './query-params.js';

type Param = { name: string; description: string; schema: Record<string, unknown>; in?: 'query' | 'path'; required?: boolean };

const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }): Param => ({ name, description, schema });
const date = (name: string, description: string) => q(name, description, { type: 'string', format: 'date' });
const idParam = (what: string): Param => ({ name: 'id', in: 'path', required: true, description: `The ${what} id (URL-encoded).`, schema: { type: 'string' } });
const page = [
  q('limit', `Page size, 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`, { type: 'integer', minimum: 1, maximum: MAX_LIMIT }),
  q('offset', 'Items to skip (default 0).', { type: 'integer', minimum: 0 }),
];
const status = q('status', 'Only this status.', { type: 'string', enum: STATUSES });

const errorResponse = { description: 'Invalid parameter or unknown id.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const pageResponse = (item: string) => ({
  description: `A page of ${item}.`,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Page' } } },
});

function get(summary: string, parameters: Param[], item: string, paged = true) {
  return {
    get: {
      summary,
      parameters: parameters.map((p) => ({ in: 'query', ...p })),
      responses: { 200: paged ? pageResponse(item) : { description: item }, 400: errorResponse, 404: errorResponse },
    },
  };
}

/** The OpenAPI document. */
export function openApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'sitrep',
      version: '0.1.0',
      description: 'A sourced situation picture from news articles about an armed conflict: documents with every extracted span, entities with their aliases, events, propositions marked contested / corroborated / single-source, and stories across outlets.',
    },
    paths: {
      '/api/documents': {
        ...get('List and search documents, newest first.', [
          q('q', 'Text that the article (or its title) contains, case-insensitive.'),
          q('entity', 'An entity id, name or alias the article mentions.'),
          q('place', 'A place id, name or alias the article mentions.'),
          q('outlet', 'The outlet that published it.'),
          date('from', 'Published on or after.'),
          date('to', 'Published on or before.'),
          ...page,
        ], 'documents'),
        post: {
          summary: 'Ingest documents: run them through the pipeline and store them.',
          description: 'Body: plain text (text/plain), an HTML page (text/html) or JSON Lines (application/jsonl, application/x-ndjson, application/json) of {"id","text","title"?,"published"?,"source"?,"url"?}. Protected by a bearer token when the server has SITREP_TOKEN.',
          security: [{ bearer: [] }],
          parameters: [
            q('id', 'Document id for a text or HTML body (default: a hash of the body).'),
            q('title', 'Title for a text or HTML body.'),
            date('published', 'Publication date for a text or HTML body.'),
            q('source', 'Outlet name.'),
            q('url', 'Where the article was published.'),
          ].map((p) => ({ in: 'query', ...p })),
          requestBody: { required: true, content: { 'text/plain': {}, 'text/html': {}, 'application/jsonl': {} } },
          responses: {
            201: { description: 'Stored ids, duplicates recognised, and JSON Lines that could not be read.' },
            400: errorResponse,
            401: errorResponse,
            413: { description: 'Body larger than the server allows.' },
            415: { description: 'Unsupported Content-Type.' },
          },
        },
      },
      '/api/documents/{id}': get('One document: its input exactly as read and every extracted span (entities, claims, events, times, boilerplate), with UTF-16 offsets.', [idParam('document')], 'The document.', false),
      '/api/entities': get('Search entities by name or alias (spelling variants match), most mentioned first.', [
        q('q', 'Name or alias; small spelling differences match.'),
        q('kind', 'Entity kind.', { type: 'string', enum: ['person', 'organization', 'place', 'weapon'] }),
        q('side', 'Side it speaks for (UA, RU, US, …).'),
        ...page,
      ], 'entities'),
      '/api/entities/{id}': get('One entity with its aliases (counts, first and last seen), side, role, mentions, claims it made, propositions it is part of and events at it or with it among the actors.', [idParam('entity')], 'The entity.', false),
      '/api/events': get('Events reconciled across reports, newest first: each with its status, sources, place, dates and fatalities over every report, the latest 10 reports, reportCount and docCount (counting them all) and reportDates (every report\'s date as [date, reports] pairs; full=1 or /api/events/{id} for every report).', [
        q('type', 'ACLED event type, e.g. "Battles".'),
        q('subType', 'ACLED sub-event type, e.g. "Armed clash".'),
        q('place', 'A place id, name or alias.'),
        q('bbox', 'west,south,east,north in degrees.'),
        q('side', 'A side among the actors or reporting speakers.'),
        status,
        date('from', 'Events on or after.'),
        date('to', 'Events on or before.'),
        q('full', 'Set to 1 for every report of each event instead of the latest.'),
        ...page,
      ], 'events'),
      '/api/events/{id}': get('One event with every report.', [idParam('event')], 'The event.', false),
      '/api/propositions': get('Propositions (e.g. control of a town), newest first: each with its status, sources and summary over every claim, the latest 10 claims of each side and their documents (claimCount and docCount count them all; full=1 or /api/propositions/{id} for every claim).', [
        status,
        q('kind', 'Proposition kind: control, advance, encirclement, losses, …'),
        q('place', 'A place id, name or alias.'),
        q('side', 'A side with a claim about it.'),
        q('all', 'Set to 1 for every proposition; by default only those with confidence >= 0.5.'),
        q('minConfidence', 'Only propositions whose claims reach this confidence (0–1; default 0.5).'),
        q('full', 'Set to 1 for every claim of each proposition instead of the latest of each side.'),
        date('from', 'Claims on or after.'),
        date('to', 'Claims on or before.'),
        ...page,
      ], 'propositions'),
      '/api/propositions/{id}': get('One proposition.', [idParam('proposition')], 'The proposition.', false),
      '/api/stories': get('Stories: articles about the same happening across outlets, newest first.', [
        q('entity', 'An entity id, name or alias the story is about.'),
        date('from', 'Stories running on or after.'),
        date('to', 'Stories running on or before.'),
        ...page,
      ], 'stories'),
      '/api/report': get('The situation report of a period: key takeaways, each front area with events by type and both sides\' claims with their sources, map, timeline, and what is not known.', [
        q('format', 'html (one self-contained page, the default), md, pdf (printed by the server\'s Chromium; 503 without one) or json (the report\'s data).', { type: 'string', enum: ['html', 'md', 'pdf', 'json'] }),
        date('from', 'First day of the period (default: the same as to).'),
        date('to', 'Last day of the period (default: the latest day anything is dated).'),
        q('place', 'A place id, name or alias.'),
        q('bbox', 'west,south,east,north in degrees.'),
      ], 'The report.', false),
      '/api/export': get('Events and propositions for other tools, streamed as a download: ACLED-shaped CSV (one row per event), RFC 7946 GeoJSON (propositions and events as points with status, sides and sources) or JSON Lines of propositions, events and the entities they name.', [
        { ...q('format', 'acled, geojson or jsonl.', { type: 'string', enum: ['acled', 'geojson', 'jsonl'] }), required: true },
        date('from', 'Items on or after.'),
        date('to', 'Items on or before.'),
        q('place', 'A place id, name or alias.'),
        q('bbox', 'west,south,east,north in degrees.'),
      ], 'The export file.', false),
      '/api/stream': {
        get: {
          summary: 'The live desk: server-sent events (text/event-stream), one "document" event per stored document, whatever stored it.',
          description: 'Each event\'s data is JSON {"id","title","claims","events","propositions"} (propositions: distinct kind and place of its claims at confidence ≥ 0.5). A reconnecting client sends Last-Event-ID and gets the events it missed (the last 200). A comment line every 20 s keeps the connection alive.',
          responses: { 200: { description: 'The event stream.', content: { 'text/event-stream': {} } } },
        },
      },
      '/api/watch-state/{name}': {
        get: {
          summary: 'What `sitrep watch` remembers under a name (a feed\'s ETag and Last-Modified, the items and files seen), kept in the store.',
          parameters: [{ name: 'name', in: 'path', required: true, description: 'feed:<url> or dir:<path> (URL-encoded).', schema: { type: 'string' } }],
          responses: { 200: { description: '{ "name", "value" } (value null when nothing is kept).' }, 400: errorResponse },
        },
        put: {
          summary: 'Saves what `sitrep watch` remembers under a name. Body: { "value": … }. A write: same token and origin rules as POST /api/documents.',
          security: [{ bearer: [] }],
          parameters: [{ name: 'name', in: 'path', required: true, description: 'feed:<url> or dir:<path> (URL-encoded).', schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': {} } },
          responses: { 200: { description: 'Saved.' }, 400: errorResponse, 401: errorResponse },
        },
      },
      '/api/openapi.json': { get: { summary: 'This description.', responses: { 200: { description: 'OpenAPI 3.1.' } } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          properties: { error: { type: 'object', properties: { status: { type: 'integer' }, message: { type: 'string' }, param: { type: 'string' } }, required: ['status', 'message'] } },
        },
        Page: {
          type: 'object',
          properties: { items: { type: 'array' }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, next: { type: ['integer', 'null'] } },
          required: ['items', 'total', 'limit', 'offset', 'next'],
        },
      },
    },
  };
}
