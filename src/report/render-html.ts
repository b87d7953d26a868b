/**
 * The report as one self-contained HTML file: inline styles, inline SVG map and timeline, no script and nothing
 * fetched, so it can be mailed, archived or printed to PDF as it is. Every value from the desk is escaped.
 */
import { capitalise as cap, stanceText } from './text.js';
import type { ClaimLine, EventItem, PropositionItem, Report } from './model.js';
import { esc, mapSvg, STATUS_COLOURS, timelineSvg } from './render-svg.js';

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** Base URL of the desk (`http://127.0.0.1:8080/`): each quote links to its evidence there. Null: no links. */
  readonly deskUrl?: string | null;
  /** A Content-Security-Policy nonce for the inline stylesheet (when served). */
  readonly styleNonce?: string;
}

const CSS = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1b2631; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; } h2 { font-size: 1.15rem; border-bottom: 2px solid #1b2631; padding-bottom: .15rem; margin: 1.6rem 0 .6rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; } .meta { color: #566573; font-size: .85rem; margin: .1rem 0; }
.takeaways li { margin: .3rem 0; } .badge { font-size: .72rem; color: #fff; padding: 0 .35rem; border-radius: 3px; background: #7f8c8d; white-space: nowrap; }
.badge.contested { background: ${STATUS_COLOURS.contested}; } .badge.corroborated { background: ${STATUS_COLOURS.corroborated}; }
.proposition { border-left: 4px solid #7f8c8d; padding: .2rem 0 .2rem .7rem; margin: .8rem 0; break-inside: avoid; }
.proposition.contested { border-left-color: ${STATUS_COLOURS.contested}; } .proposition.corroborated { border-left-color: ${STATUS_COLOURS.corroborated}; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .8rem; }
.side h4 { margin: .3rem 0; font-size: .9rem; } .claim { margin: .3rem 0; font-size: .85rem; }
.claim q { font-style: italic; } .claim.old { color: #566573; } .new { font-size: .7rem; background: #fdebd0; padding: 0 .25rem; border-radius: 2px; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .3rem 0; } th, td { text-align: left; padding: .2rem .4rem; border-bottom: 1px solid #ddd; vertical-align: top; }
td.num, th.num { text-align: right; } svg { width: 100%; height: auto; display: block; } .map { border: 1px solid #ccc; }
.empty { font-size: 1.05rem; padding: .8rem; background: #f4f6f7; border-left: 4px solid #7f8c8d; }
a { color: #1f618d; } footer { margin-top: 2rem; font-size: .75rem; color: #566573; }
@media print { body { margin: 0 auto; max-width: none; } h2 { break-after: avoid; } .area { break-inside: auto; } a { color: inherit; text-decoration: none; } }
`;

/** Renders the report as a complete HTML document. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const desk = options.deskUrl ? options.deskUrl.replace(/\/?$/, '/') : null;
  const docLink = (docId: string, ref: string, text: string) =>
    desk ? `<a href="${esc(`${desk}#/doc/${encodeURIComponent(docId)}/${encodeURIComponent(ref)}`)}">${text}</a>` : text;
  const badge = (status: string) => `<span class="badge ${esc(status)}">${esc(status)}</span>`;
  const dates = (from: string | null, to: string | null) => (from ? (to && to !== from ? `${from} → ${to}` : from) : 'undated');

  const claim = (c: ClaimLine) =>
    `<div class="claim${c.inPeriod ? '' : ' old'}">${c.inPeriod ? '<span class="new">in period</span> ' : ''}<b>${esc(c.speaker)}</b>${c.unresolved ? ' (speaker unresolved, not counted)' : ''} — ${esc(c.stance)} — ${esc(c.outlet)}, ${esc(c.date ?? 'undated')}<br>` +
    `${docLink(c.docId, c.claimId, `<q>${esc(c.quote)}</q>`)}</div>`;
  const proposition = (p: PropositionItem) => {
    const sources = Object.entries(p.sources.bySide).map(([s, n]) => `${esc(s)} ${n}`).join(', ') || 'none';
    const change = p.statusBefore && p.statusBefore !== p.status ? ` (was ${esc(p.statusBefore)})` : '';
    return `<div class="proposition ${esc(p.status)}" data-id="${esc(p.id)}"><h3>${esc(cap(p.title))} ${badge(p.status)}${change}</h3>` +
      `<p class="meta">${esc(dates(p.from, p.to))} · independent sources: ${sources}${p.status === 'single-source' ? ' · <b>single source</b>' : ''} · confidence ${p.confidence.toFixed(2)}</p>` +
      `<div class="sides">${p.sides.map((s) => `<div class="side"><h4>${esc(s.side)}: ${s.stances.map((st) => `${esc(stanceText(st.stance, p.kind))} — ${st.sources} source${st.sources === 1 ? '' : 's'}, latest ${esc(st.latest ?? 'undated')}`).join('; ') || 'no counted source'}</h4>${s.claims.map(claim).join('')}</div>`).join('')}</div></div>`;
  };
  const eventRow = (e: EventItem) =>
    `<tr><td>${esc(dates(e.from, e.to))}</td><td>${esc(e.subType)}</td><td>${esc(e.placeName ?? '?')}</td><td class="num">${e.fatalities ?? '–'}</td>` +
    `<td>${badge(e.status)} ${e.sources} source${e.sources === 1 ? '' : 's'}: ${esc(e.outlets.join(', '))}</td><td>${docLink(e.docId, e.eventId, `<q>${esc(e.quote)}</q>`)}</td></tr>`;

  const parts: string[] = [];
  parts.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`);
  parts.push(`<title>${esc(report.title)}</title><style${options.styleNonce ? ` nonce="${esc(options.styleNonce)}"` : ''}>${CSS}</style></head><body>`);
  parts.push(`<header><h1>${esc(report.title)}</h1><p class="meta">sitrep · made ${esc(report.generated.slice(0, 16).replace('T', ' '))} UTC from ${report.documents} document${report.documents === 1 ? '' : 's'}${report.filter.place ? ` · place: ${esc(report.filter.place)}` : ''}${report.filter.bbox ? ` · box: ${esc(Object.values(report.filter.bbox).join(','))}` : ''}</p></header>`);

  if (!report.period) {
    parts.push(`<p class="empty" data-empty="true">Nothing to report: the store holds no dated claims or events${report.documents ? '' : ' (it holds no documents; add some with <code>sitrep ingest PATH</code>)'}.</p>`);
  } else if (report.empty) {
    parts.push(`<p class="empty" data-empty="true">Nothing was reported for ${esc(report.period.from === report.period.to ? report.period.to : `${report.period.from} to ${report.period.to}`)}${report.filter.place || report.filter.bbox ? ' in this place' : ''}: no claims about the front line and no events are dated in this period.</p>`);
  }
  if (report.period && !report.empty) {
    parts.push(`<section class="takeaways"><h2>Key takeaways</h2>`);
    parts.push(report.takeaways.length
      ? `<ul>${report.takeaways.map((t) => `<li data-kind="${esc(t.kind)}">${esc(t.text)}</li>`).join('')}</ul>`
      : '<p>No proposition changed status or holder, no deaths were reported and no new place of fighting appeared in this period.</p>');
    parts.push('</section>');
    parts.push(`<section><h2>Map and timeline</h2>${mapSvg(report)}<p class="meta">Markers: places with a proposition in the period, coloured by its status; orange halos: events; discs: several places close together. Shapes: Natural Earth, geoBoundaries (CC BY 4.0).</p>${timelineSvg(report.timeline)}</section>`);
    for (const area of report.areas) {
      parts.push(`<section class="area"><h2>${esc(area.name)}</h2>`);
      if (area.byType.length) {
        parts.push(`<table><thead><tr><th>event type</th><th class="num">events</th><th class="num">fatalities</th></tr></thead><tbody>${area.byType.map((t) => `<tr><td>${esc(t.type)}</td><td class="num">${t.count}</td><td class="num">${t.fatalities ?? '–'}</td></tr>`).join('')}</tbody></table>`);
      }
      if (area.propositions.length) parts.push(`<h3>Claims of each side</h3>${area.propositions.map(proposition).join('')}`);
      if (area.events.length) {
        parts.push(`<h3>Events</h3><table><thead><tr><th>date</th><th>what</th><th>where</th><th class="num">killed</th><th>sources</th><th>evidence</th></tr></thead><tbody>${area.events.map(eventRow).join('')}</tbody></table>`);
      }
      parts.push('</section>');
    }
  }
  if (report.period) {
    const u = report.unknowns;
    parts.push(`<section class="unknowns"><h2>What is not known</h2>`);
    parts.push(u.contested.length
      ? `<p><b>Contested</b> — the sides' sources contradict each other; neither version is established:</p><ul>${u.contested.map((p) => `<li>${esc(cap(p.title))}: ${esc(p.sides.filter((s) => s.stances.length).map((s) => `${s.side} ${s.stances.map((st) => stanceText(st.stance, p.kind)).join(', ')}`).join(' against '))}</li>`).join('')}</ul>`
      : '<p>No contested proposition in this period.</p>');
    parts.push(u.singleSource.length
      ? `<p><b>Single source</b> — one independent source only:</p><ul>${u.singleSource.map((x) => `<li>${'title' in x ? esc(cap(x.title)) : `${esc(x.subType)} at ${esc(x.placeName ?? '?')}, ${esc(x.from ?? 'undated')}`}</li>`).join('')}</ul>`
      : '<p>No single-source item in this period.</p>');
    parts.push(u.undated.total
      ? `<p><b>Undated</b> — ${u.undated.total} item${u.undated.total === 1 ? '' : 's'} in this place could not be dated and belong to no period${u.undated.total > u.undated.propositions.length + u.undated.events.length ? '; the first are' : ''}:</p><ul>${[...u.undated.propositions.map((p) => `<li>${esc(cap(p.title))} (${esc(p.status)})</li>`), ...u.undated.events.map((e) => `<li>${esc(e.subType)} at ${esc(e.placeName ?? '?')}</li>`)].join('')}</ul>`
      : '<p>No undated items.</p>');
    parts.push('</section>');
  }
  parts.push(`<footer>Made by sitrep from news articles: every line cites its source and the sentence it came from. Statuses: contested (independent sources contradict), corroborated (two or more agree), single-source. Place data: GeoNames (CC BY 4.0).</footer></body></html>`);
  return parts.join('\n');
}
