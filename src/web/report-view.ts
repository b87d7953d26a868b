/**
 * The Report view (`#/report?from=&to=&place=`): the situation report of a period drawn from `GET /api/report`'s
 * data — key takeaways, the desk's own map of the period, each front area with both sides' claims (each linking
 * to its evidence) and events, and what is not known — with download buttons for the report (HTML, PDF,
 * Markdown) and the exports (ACLED CSV, GeoJSON, JSON Lines) of the same period and place.
 */
import type { ClaimLine, EventItem, PropositionItem, Report } from '../report/model.js';
import { capitalise as cap, stanceText } from '../report/text.js';
import { h, type Child } from './dom.js';
import { drawMap, type BaseMap } from './map-view.js';
import { docHref } from './router.js';

/** The report's filter as the route carries it ('' when not set). */
export interface ReportQuery {
  readonly from: string;
  readonly to: string;
  readonly place: string;
}

/** The query string of the API for a filter. */
function apiQuery(q: ReportQuery, format: string): string {
  const params = new URLSearchParams({ format });
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.place) params.set('place', q.place);
  return params.toString();
}

/** Fetches the report's data. */
export async function fetchReport(q: ReportQuery): Promise<Report> {
  const res = await fetch(`/api/report?${apiQuery(q, 'json')}`, { headers: { accept: 'application/json' } });
  const body = (await res.json()) as Report & { error?: { message: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

function filterForm(q: ReportQuery): HTMLElement {
  const from = h('input', { type: 'date', name: 'from', value: q.from, 'aria-label': 'first day' });
  const to = h('input', { type: 'date', name: 'to', value: q.to, 'aria-label': 'last day' });
  const place = h('input', { type: 'search', name: 'place', value: q.place, placeholder: 'place (any spelling)', 'aria-label': 'place' });
  return h('form', {
    class: 'report-filter',
    onsubmit: (event: Event) => {
      event.preventDefault();
      const params = new URLSearchParams();
      if (from.value) params.set('from', from.value);
      if (to.value) params.set('to', to.value);
      if (place.value.trim()) params.set('place', place.value.trim());
      location.hash = `#/report${params.size ? `?${params}` : ''}`;
    },
  }, 'From ', from, ' to ', to, ' ', place, ' ', h('button', { type: 'submit' }, 'Show'));
}

/** Download buttons: the report in three formats, the exports in three, all of the same period and place. */
export function downloadLinks(q: ReportQuery): HTMLElement {
  const link = (path: string, format: string, label: string) =>
    h('a', { class: 'download', href: `${path}?${apiQuery(q, format)}`, download: '', 'data-format': format }, label);
  return h('div', { class: 'downloads', 'aria-label': 'Downloads' },
    h('span', { class: 'meta' }, 'Report: '), link('/api/report', 'html', 'HTML'), link('/api/report', 'pdf', 'PDF'), link('/api/report', 'md', 'Markdown'),
    h('span', { class: 'meta' }, ' Export: '), link('/api/export', 'acled', 'ACLED CSV'), link('/api/export', 'geojson', 'GeoJSON'), link('/api/export', 'jsonl', 'JSON Lines'));
}

function claimItem(c: ClaimLine): HTMLElement {
  return h('li', { class: `claim${c.inPeriod ? ' in-period' : ''}`, 'data-claim': c.claimId },
    c.inPeriod ? h('span', { class: 'new' }, 'in period') : null, ' ',
    h('b', {}, c.speaker), c.unresolved ? ' (speaker unresolved, not counted)' : '', ` — ${c.stance} — ${c.outlet}, ${c.date ?? 'undated'} `,
    h('a', { href: docHref(c.docId, c.claimId), class: 'evidence' }, `“${c.quote}”`));
}

function propositionCard(p: PropositionItem): HTMLElement {
  const sources = Object.entries(p.sources.bySide).map(([s, n]) => `${s} ${n}`).join(', ') || 'none';
  return h('article', { class: `proposition status-${p.status}`, 'data-id': p.id },
    h('h3', {}, cap(p.title), ' ', h('span', { class: `badge status-${p.status}` }, p.status),
      p.statusBefore && p.statusBefore !== p.status ? h('span', { class: 'meta' }, ` (was ${p.statusBefore})`) : null),
    h('p', { class: 'meta' }, `${p.from ?? 'undated'}${p.to && p.to !== p.from ? ` → ${p.to}` : ''} · independent sources: ${sources}${p.status === 'single-source' ? ' · single source' : ''}`),
    h('div', { class: 'sides' }, ...p.sides.map((s) => h('div', { class: 'side', 'data-side': s.side },
      h('h4', {}, `${s.side}: ${s.stances.map((st) => `${stanceText(st.stance, p.kind)} — ${st.sources} source${st.sources === 1 ? '' : 's'}`).join('; ') || 'no counted source'}`),
      h('ul', { class: 'claims' }, ...s.claims.map(claimItem))))));
}

function eventRow(e: EventItem): HTMLElement {
  return h('tr', {},
    h('td', {}, e.from ?? 'undated'), h('td', {}, e.subType), h('td', {}, e.placeName ?? '?'), h('td', { class: 'num' }, e.fatalities ?? '–'),
    h('td', {}, h('span', { class: `badge status-${e.status}` }, e.status), ` ${e.outlets.join(', ')}`),
    h('td', {}, h('a', { href: docHref(e.docId, e.eventId), class: 'evidence' }, `“${e.quote}”`)));
}

/** Draws the report. */
export function drawReport(report: Report, q: ReportQuery, base: BaseMap | null): HTMLElement {
  const body: Child[] = [];
  if (!report.period) body.push(h('p', { class: 'empty' }, 'Nothing to report: the store holds no dated claims or events.'));
  else if (report.empty) body.push(h('p', { class: 'empty' }, `Nothing was reported for ${report.period.from === report.period.to ? report.period.to : `${report.period.from} to ${report.period.to}`}${q.place ? ' in this place' : ''}.`));
  else {
    body.push(h('section', { class: 'takeaways' }, h('h2', {}, 'Key takeaways'),
      report.takeaways.length
        ? h('ul', {}, ...report.takeaways.map((t) => h('li', { 'data-kind': t.kind }, t.text)))
        : h('p', {}, 'No proposition changed status or holder, no deaths were reported and no new place of fighting appeared.')));
    if (base) body.push(h('section', { class: 'map-box', 'aria-label': 'Map of the period' }, drawMap(base, report.map)));
    for (const area of report.areas) {
      body.push(h('section', { class: 'report-area', 'data-area': area.name }, h('h2', {}, area.name),
        area.byType.length ? h('p', { class: 'meta' }, area.byType.map((t) => `${t.type}: ${t.count}${t.fatalities !== null ? ` (${t.fatalities} killed)` : ''}`).join(' · ')) : null,
        ...area.propositions.map(propositionCard),
        area.events.length ? h('table', { class: 'events' }, h('tbody', {}, ...area.events.map(eventRow))) : null));
    }
  }
  if (report.period) {
    const u = report.unknowns;
    body.push(h('section', { class: 'unknowns' }, h('h2', {}, 'What is not known'),
      h('p', {}, h('b', {}, 'Contested: '), u.contested.length ? u.contested.map((p) => p.title).join('; ') : 'none in this period.'),
      h('p', {}, h('b', {}, 'Single source: '), u.singleSource.length ? u.singleSource.map((x) => ('title' in x ? x.title : `${x.subType} at ${x.placeName ?? '?'}`)).join('; ') : 'none in this period.'),
      h('p', {}, h('b', {}, 'Undated: '), u.undated.total ? `${u.undated.total} item(s) belong to no period.` : 'none.')));
  }
  return h('div', { class: 'report-view' },
    h('h1', {}, report.title),
    filterForm(q),
    downloadLinks(q),
    ...body);
}
