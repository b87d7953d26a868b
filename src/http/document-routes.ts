/** `/api/documents`: list and search, one document with its text and spans, and ingest by POST. */
import type { Hono } from 'hono';
import { foldName } from '../crossdoc/index.js';
import { docDetail } from './doc-detail.js';
import { matchesQuery, queryWords } from '../desk/index.js';
import { HttpError } from './http-error.js';
import { noticeOf } from './live.js';
import { decodeBytes } from '../ingest/decode.js';
import { checkPublished } from '../ingest/published-date.js';
import { readBody } from './ingest-body.js';
import { ExtractionError } from '../pipeline-pool.js';
import { PAGE_PARAMS, pageOf, paginate, QueryParams } from './query-params.js';
import type { RouteDeps } from './route-deps.js';

/** Adds the document routes. */
export function documentRoutes(app: Hono, { views, source, extract, maxDocumentChars, changed, live }: RouteDeps): void {
  app.get('/api/documents', async (c) => {
    const p = new QueryParams(c.req.query(), ['q', 'entity', 'place', 'outlet', 'from', 'to', ...PAGE_PARAMS]);
    const q = p.string('q');
    const entity = p.string('entity');
    const place = p.string('place');
    const outlet = p.string('outlet');
    const { from, to } = p.range();
    const page = p.page();
    if (source.queries) {
      const queries = source.queries;
      const idsOf = async (name: string, placesOnly: boolean) =>
        [...new Set([name, ...(await queries.matchEntities(name)).filter((e) => !placesOnly || e.kind === 'place').map((e) => e.id)])];
      const found = await queries.documents({
        words: q ? queryWords(q) : undefined, outlet, from, to,
        entities: entity ? await idsOf(entity, false) : undefined, places: place ? await idsOf(place, true) : undefined,
      }, page);
      return c.json(pageOf(found, page));
    }
    const view = await views.get();
    // Entity and place filters accept an id or any alias, so "Bachmut" finds the articles about Bakhmut.
    const idsFor = (name: string, placesOnly: boolean) =>
      new Set([name, ...view.searchEntities(name).filter((e) => !placesOnly || e.kind === 'place').map((e) => e.id)]);
    const entityIds = entity ? idsFor(entity, false) : null;
    const placeIds = place ? idsFor(place, true) : null;
    // Text search: every word of the query begins a word of the title or text (an indexed query on the store).
    const words = q ? queryWords(q) : null;
    const found = words && source.search ? new Set(await source.search(words)) : null;
    const matches = words && !found ? matchesQuery(words) : null;
    const items = view.summaries.filter((s) => {
      if (words && !words.length) return false;
      if (found && !found.has(s.id)) return false;
      if (outlet && foldName(s.outlet) !== foldName(outlet)) return false;
      if (from && (!s.published || s.published < from)) return false;
      if (to && (!s.published || s.published > to)) return false;
      const doc = view.sourceById.get(s.id);
      if (!doc) return false;
      if (matches && !matches(doc.title ?? '', doc.text)) return false;
      if (entityIds && !doc.entities.some((e) => entityIds.has(e.id))) return false;
      if (placeIds && !doc.entities.some((e) => e.kind === 'place' && placeIds.has(e.id))) return false;
      return true;
    });
    return c.json(paginate(items, page));
  });

  app.get('/api/documents/:id{.+}', async (c) => {
    new QueryParams(c.req.query(), []);
    const id = c.req.param('id');
    const doc = source.document ? await source.document(id) : (await views.get()).byId.get(id);
    if (!doc) throw new HttpError(404, `no document with id "${id}"`);
    return c.json(docDetail(doc));
  });

  app.post('/api/documents', async (c) => {
    const p = new QueryParams(c.req.query(), ['id', 'title', 'published', 'source', 'url', 'replace']);
    const replace = p.string('replace', 5);
    const meta = { id: p.string('id'), title: p.string('title', 500), published: p.date('published'), source: p.string('source'), url: p.string('url', 2000) };
    // The same check as `--published`: a date after the clock (beyond two days) is refused.
    const checked = meta.published === undefined ? undefined : checkPublished(meta.published);
    if (checked && 'reason' in checked) throw new HttpError(400, `"published": ${checked.reason}`, 'published');
    // The same decoding as `sitrep ingest`: binary bodies (images, PDFs, archives) are refused, legacy encodings read.
    const decoded = decodeBytes(new Uint8Array(await c.req.arrayBuffer()));
    if (!decoded.ok) {
      throw new HttpError(decoded.rule === 'ingest/empty' ? 400 : 415, `the body is not a text document: ${decoded.reason.replace(/: skipped$/, '')}`);
    }
    const read = readBody(c.req.header('content-type'), decoded.text, meta);
    if (!read.docs.length) {
      throw new HttpError(400, `no document could be read: ${read.errors.map((e) => e.message).join('; ') || 'the body holds none'}`);
    }
    for (const d of read.docs) {
      if (d.input.length > maxDocumentChars) {
        throw new HttpError(413, `document ${d.id} is ${(d.input.length / 1048576).toFixed(1)} M characters, over the per-document limit of ${(maxDocumentChars / 1048576).toFixed(0)} M; split it`);
      }
    }
    let docs;
    try {
      docs = await extract(read.docs);
    } catch (error) {
      if (error instanceof ExtractionError && error.reason === 'busy') {
        return c.json(new HttpError(503, `the server is busy extracting (${error.message})`).toJSON(), 503, { 'Retry-After': '5' });
      }
      if (error instanceof ExtractionError && error.reason === 'timeout') throw new HttpError(422, error.message);
      throw error;
    }
    const report = await source.ingest(docs, { replace: replace !== undefined && replace !== '0' && replace !== 'false' });
    views.invalidate();
    changed();
    // The live desk: one event per stored document (the stored ids are in the order of the documents stored).
    const notStored = new Set([...report.duplicates.map((d) => d.id), ...(report.failed ?? []).map((f) => f.id)]);
    live.publish(docs.filter((d) => !notStored.has(d.id)).map((d, i) => noticeOf(d, report.stored[i] ?? d.id)));
    // What extraction said about each document (warnings, errors), for clients that report per document (the CLI).
    const messages = docs
      .map((d) => ({ id: d.id, messages: d.messages.filter((m) => m.severity !== 'info') }))
      .filter((d) => d.messages.length);
    return c.json({ ...report, errors: read.errors, messages }, 201);
  });
}
