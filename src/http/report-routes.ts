/**
 * `GET /api/report`: the situation report of a period as HTML (one self-contained page), Markdown, PDF or the
 * report's data as JSON (what the desk's Report view draws). The same report as `sitrep report`.
 */
import type { Context, Hono } from 'hono';
import { installedAdminLookup, makeReport, NoChromiumError, REPORT_CONTENT_TYPES, REPORT_FORMATS, type Filter } from '../report/index.js';
import { HttpError } from './http-error.js';
import { QueryParams } from './query-params.js';
import type { RouteDeps } from './route-deps.js';

/** The filter parameters the report and the exports share. */
export const FILTER_PARAMS = ['from', 'to', 'place', 'bbox'] as const;

/** Reads `from`, `to`, `place` and `bbox` into a {@link Filter}. */
export function filterParams(p: QueryParams): Filter {
  const { from, to } = p.range();
  const place = p.string('place');
  const bbox = p.bbox('bbox');
  return { ...(from && { since: from }), ...(to && { date: to }), ...(place && { place }), ...(bbox && { bbox }) };
}

/** The file name a download gets: `sitrep-<what>-<period>.<ext>`. */
export function downloadName(what: string, filter: Filter, ext: string, fallbackDay?: string | null): string {
  const to = filter.date ?? fallbackDay ?? 'all';
  const period = filter.since && filter.since !== to ? `${filter.since}_${to}` : to;
  return `sitrep-${what}-${period}.${ext}`;
}

/** The desk's own address, for the report's evidence links. */
function deskUrl(c: Context): string {
  return new URL('/', c.req.url).toString();
}

/** Adds `GET /api/report`. */
export function reportRoutes(app: Hono, { views }: RouteDeps): void {
  app.get('/api/report', async (c) => {
    const p = new QueryParams(c.req.query(), ['format', ...FILTER_PARAMS]);
    const format = p.oneOf('format', REPORT_FORMATS) ?? 'html';
    const filter = filterParams(p);
    const view = await views.get();
    let made;
    try {
      made = await makeReport(view, filter, format, { admin: installedAdminLookup(), deskUrl: deskUrl(c), styleNonce: c.get('secureHeadersNonce') });
    } catch (error) {
      if (error instanceof NoChromiumError) throw new HttpError(503, `PDF is not available on this server: ${error.message}`, 'format');
      throw error;
    }
    const headers: Record<string, string> = { 'content-type': REPORT_CONTENT_TYPES[format] };
    if (format === 'pdf' || format === 'md') {
      headers['content-disposition'] = `attachment; filename="${downloadName('report', filter, format, made.report.period?.to)}"`;
    }
    return c.body(typeof made.body === 'string' ? made.body : new Uint8Array(made.body), 200, headers);
  });
}
