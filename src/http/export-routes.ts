/** `GET /api/export`: events and propositions as ACLED-shaped CSV, GeoJSON or JSON Lines, streamed as a download. */
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import { EXPORT_FILES, EXPORT_FORMATS, exportStream } from '../export/index.js';
import { installedAdminLookup } from '../report/index.js';
import { HttpError } from './http-error.js';
import { QueryParams } from './query-params.js';
import { downloadName, FILTER_PARAMS, filterParams } from './report-routes.js';
import type { RouteDeps } from './route-deps.js';

/** Adds `GET /api/export`. */
export function exportRoutes(app: Hono, { views }: RouteDeps): void {
  app.get('/api/export', async (c) => {
    const p = new QueryParams(c.req.query(), ['format', ...FILTER_PARAMS]);
    const format = p.oneOf('format', EXPORT_FORMATS);
    if (!format) throw new HttpError(400, `"format" is required: one of ${EXPORT_FORMATS.map((f) => `"${f}"`).join(', ')}`, 'format');
    const filter = filterParams(p);
    const view = await views.get();
    const stream = exportStream(view, filter, format, { admin: format === 'acled' ? installedAdminLookup() : undefined });
    const file = EXPORT_FILES[format];
    return c.body(Readable.toWeb(stream) as unknown as ReadableStream, 200, {
      'content-type': file.type,
      'content-disposition': `attachment; filename="${downloadName(format === 'acled' ? 'acled' : 'desk', filter, file.ext)}"`,
    });
  });
}
