/**
 * Hash routes, so that the server serves one page and every view has a URL an analyst can paste:
 * `#/` (map, timeline, contested), `#/doc/<id>/<claim or span ref>`, `#/entity/<id>`, `#/entities?q=`,
 * `#/documents?q=`, `#/stories`, `#/report?from=&to=&place=`.
 */

/** A parsed route. */
export type Route =
  | { view: 'home' }
  | { view: 'doc'; id: string; focus: string | null }
  | { view: 'entity'; id: string }
  | { view: 'entities'; q: string }
  | { view: 'documents'; q: string }
  | { view: 'stories' }
  | { view: 'report'; from: string; to: string; place: string };

/** Parses `location.hash`. Ids are URL-encoded path segments, so ids with `/` or `#` survive. */
export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const q = new URLSearchParams(query).get('q') ?? '';
  switch (parts[0]) {
    case 'doc':
      return parts[1] ? { view: 'doc', id: parts[1], focus: parts[2] ?? null } : { view: 'documents', q };
    case 'entity':
      return parts[1] ? { view: 'entity', id: parts[1] } : { view: 'entities', q };
    case 'entities':
      return { view: 'entities', q };
    case 'documents':
      return { view: 'documents', q };
    case 'stories':
      return { view: 'stories' };
    case 'report': {
      const params = new URLSearchParams(query);
      return { view: 'report', from: params.get('from') ?? '', to: params.get('to') ?? '', place: params.get('place') ?? '' };
    }
    default:
      return { view: 'home' };
  }
}

/** The hash of a document view focused on one annotation. */
export function docHref(id: string, focus?: string | null): string {
  return `#/doc/${encodeURIComponent(id)}${focus ? `/${encodeURIComponent(focus)}` : ''}`;
}

/** The hash of an entity page. */
export function entityHref(id: string): string {
  return `#/entity/${encodeURIComponent(id)}`;
}
