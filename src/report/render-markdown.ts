/**
 * The report as Markdown, for chat and e-mail: the same sections as the HTML (takeaways, areas, what is not
 * known) without the map; each quote is followed by its outlet and date, and by a link to the desk when a desk
 * URL is given.
 */
import { capitalise as cap, stanceText } from './text.js';
import type { ClaimLine, EventItem, PropositionItem, Report } from './model.js';

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Base URL of the desk; each quote links to its evidence there. Null: no links. */
  readonly deskUrl?: string | null;
}

/** Makes text safe inside Markdown: no accidental emphasis, links, tables or HTML. */
export function mdText(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** Renders the report as Markdown. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const desk = options.deskUrl ? options.deskUrl.replace(/\/?$/, '/') : null;
  const link = (docId: string, ref: string) => (desk ? ` ([evidence](${desk}#/doc/${encodeURIComponent(docId)}/${encodeURIComponent(ref)}))` : '');
  const dates = (from: string | null, to: string | null) => (from ? (to && to !== from ? `${from} → ${to}` : from) : 'undated');
  const out: string[] = [`# ${mdText(report.title)}`, ''];
  out.push(`_sitrep · made ${report.generated.slice(0, 16).replace('T', ' ')} UTC from ${report.documents} document${report.documents === 1 ? '' : 's'}${report.filter.place ? ` · place: ${mdText(report.filter.place)}` : ''}_`, '');
  if (!report.period) {
    out.push(`Nothing to report: the store holds no dated claims or events${report.documents ? '' : ' (it holds no documents; add some with `sitrep ingest PATH`)'}.`);
    return out.join('\n') + '\n';
  }
  if (report.empty) {
    out.push(`Nothing was reported for ${report.period.from === report.period.to ? report.period.to : `${report.period.from} to ${report.period.to}`}${report.filter.place || report.filter.bbox ? ' in this place' : ''}: no claims about the front line and no events are dated in this period.`, '');
  } else {
    out.push('## Key takeaways', '');
    if (report.takeaways.length) for (const t of report.takeaways) out.push(`- ${mdText(t.text)}`);
    else out.push('- No proposition changed status or holder, no deaths were reported and no new place of fighting appeared in this period.');
    out.push('');
    const claim = (c: ClaimLine) =>
      `  - ${c.inPeriod ? '**new** ' : ''}${mdText(c.speaker)}${c.unresolved ? ' (speaker unresolved, not counted)' : ''} — ${c.stance} — ${mdText(c.outlet)}, ${c.date ?? 'undated'}: “${mdText(c.quote)}”${link(c.docId, c.claimId)}`;
    const proposition = (p: PropositionItem) => {
      const sources = Object.entries(p.sources.bySide).map(([s, n]) => `${s} ${n}`).join(', ') || 'none';
      out.push(`### ${mdText(cap(p.title))} — ${p.status}${p.statusBefore && p.statusBefore !== p.status ? ` (was ${p.statusBefore})` : ''}`, '');
      out.push(`${dates(p.from, p.to)} · independent sources: ${sources}${p.status === 'single-source' ? ' · **single source**' : ''}`, '');
      for (const s of p.sides) {
        out.push(`- **${s.side}**: ${s.stances.map((st) => `${stanceText(st.stance, p.kind)} — ${st.sources} source${st.sources === 1 ? '' : 's'}, latest ${st.latest ?? 'undated'}`).join('; ') || 'no counted source'}`);
        for (const c of s.claims) out.push(claim(c));
      }
      out.push('');
    };
    const event = (e: EventItem) =>
      `- ${dates(e.from, e.to)} · ${e.subType} at ${mdText(e.placeName ?? '?')}${e.fatalities !== null ? ` · ${e.fatalities} killed` : ''} · ${e.status}, ${mdText(e.outlets.join(', '))}: “${mdText(e.quote)}”${link(e.docId, e.eventId)}`;
    for (const area of report.areas) {
      out.push(`## ${mdText(area.name)}`, '');
      if (area.byType.length) {
        out.push('| event type | events | fatalities |', '|---|---:|---:|');
        for (const t of area.byType) out.push(`| ${t.type} | ${t.count} | ${t.fatalities ?? '–'} |`);
        out.push('');
      }
      for (const p of area.propositions) proposition(p);
      if (area.events.length) {
        out.push('Events:', '');
        for (const e of area.events) out.push(event(e));
        out.push('');
      }
    }
  }
  const u = report.unknowns;
  out.push('## What is not known', '');
  out.push(u.contested.length
    ? `- **Contested**: ${u.contested.map((p) => `${mdText(p.title)} (${p.sides.filter((s) => s.stances.length).map((s) => `${s.side} ${s.stances.map((st) => stanceText(st.stance, p.kind)).join(', ')}`).join(' against ')})`).join('; ')}`
    : '- No contested proposition in this period.');
  out.push(u.singleSource.length
    ? `- **Single source**: ${u.singleSource.map((x) => ('title' in x ? mdText(x.title) : `${x.subType} at ${mdText(x.placeName ?? '?')} (${x.from ?? 'undated'})`)).join('; ')}`
    : '- No single-source item in this period.');
  out.push(u.undated.total
    ? `- **Undated** (${u.undated.total}, belong to no period): ${[...u.undated.propositions.map((p) => mdText(p.title)), ...u.undated.events.map((e) => `${e.subType} at ${mdText(e.placeName ?? '?')}`)].join('; ')}`
    : '- No undated items.');
  return out.join('\n') + '\n';
}
