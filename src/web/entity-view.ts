/** The entity page: name, kind, side, role, every alias with counts and dates, the claims it made, its propositions. */
import type { EntityDetail } from './api.js';
import { h } from './dom.js';
import { docHref } from './router.js';

/** Draws one entity. */
export function drawEntity(e: EntityDetail): HTMLElement {
  const docs = [...new Set(e.mentions.map((m) => m.docId))];
  return h(
    'div',
    { class: 'entity-view', 'data-id': e.id },
    h('h2', {}, e.name),
    h('p', { class: 'meta' }, [e.kind, e.type, e.side ? `side ${e.side}` : null, e.role, e.lat !== null && e.lon !== null ? `${e.lat.toFixed(3)}, ${e.lon.toFixed(3)}` : null, e.geonamesId ? `GeoNames ${e.geonamesId}` : null].filter(Boolean).join(' · ')),
    h('h3', {}, `Aliases (${e.aliases.length})`),
    h('table', { class: 'aliases' },
      h('thead', {}, h('tr', {}, h('th', {}, 'written as'), h('th', {}, 'times'), h('th', {}, 'first seen'), h('th', {}, 'last seen'))),
      h('tbody', {}, ...e.aliases.map((a) => h('tr', {}, h('td', {}, a.text), h('td', {}, a.count), h('td', {}, a.firstSeen ?? '—'), h('td', {}, a.lastSeen ?? '—'))))),
    h('h3', {}, `Claims made (${e.claims.length})`),
    e.claims.length
      ? h('ol', { class: 'entity-claims' }, ...e.claims.map((c) =>
          h('li', {}, h('time', {}, c.date ?? 'undated'), ` · ${c.outlet} · ${c.cue}${c.proposition ? ` — ${c.proposition.polarity} ${c.proposition.holder ?? '?'} ${c.proposition.kind}` : ''} `,
            h('a', { href: docHref(c.docId, c.claimId), class: 'evidence' }, `“${c.evidence.text}”`))))
      : h('p', { class: 'empty' }, 'No claims attributed to this entity.'),
    h('h3', {}, `Propositions (${e.propositions.length})`),
    h('ul', {}, ...e.propositions.map((p) => h('li', {}, `${p.kind} of ${p.placeName ?? '?'} · ${p.status} · ${p.from ?? 'undated'}${p.to && p.to !== p.from ? ` → ${p.to}` : ''}`))),
    h('h3', {}, `Events (${e.events.length})`),
    h('ul', {}, ...e.events.map((ev) => h('li', {}, `${ev.from ?? 'undated'}${ev.to && ev.to !== ev.from ? ` → ${ev.to}` : ''} · ${ev.type} / ${ev.subType}${ev.placeName ? ` at ${ev.placeName}` : ''} · ${ev.status} · ${ev.reports} report(s)`))),
    h('h3', {}, `Mentioned in ${docs.length} document(s)`),
    h('ul', {}, ...docs.map((id) => h('li', {}, h('a', { href: docHref(id, e.id) }, id), ` (${e.mentions.filter((m) => m.docId === id).length}×)`))),
  );
}
