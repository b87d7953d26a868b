/** The entity page: name, kind, side, role, every alias with counts and dates, the claims it made, its propositions. */
import type { EntityDetail } from './api.js';
import { h } from './dom.js';
import { evidenceQuote } from './evidence.js';
import { entityFacts } from './list-views.js';
import type { BaseMap } from './map-geometry.js';
import { paged } from './pager.js';
import { docHref } from './router.js';

/** Rows per page of the entity's lists. */
const PAGE = 20;

/** Draws one entity. */
export function drawEntity(e: EntityDetail, base: BaseMap | null = null): HTMLElement {
  const facts = entityFacts(e, base);
  const mentionsIn = new Map<string, number>();
  for (const m of e.mentions) mentionsIn.set(m.docId, (mentionsIn.get(m.docId) ?? 0) + 1);
  const docs = [...mentionsIn.keys()];
  return h(
    'div',
    { class: 'entity-view', 'data-id': e.id },
    h('h2', {}, e.name),
    h('p', { class: 'meta' }, [facts.kind, facts.area || null, facts.country || null, e.side ? `side ${e.side}` : null, e.role, e.lat !== null && e.lon !== null ? `${e.lat.toFixed(3)}, ${e.lon.toFixed(3)}` : null, e.geonamesId ? `GeoNames ${e.geonamesId}` : null].filter(Boolean).join(' · ')),
    h('h3', {}, `Aliases (${e.aliases.length})`),
    h('table', { class: 'aliases' },
      h('thead', {}, h('tr', {}, h('th', {}, 'written as'), h('th', {}, 'times'), h('th', {}, 'first seen'), h('th', {}, 'last seen'))),
      h('tbody', {}, ...e.aliases.map((a) => h('tr', {}, h('td', {}, a.text), h('td', {}, a.count), h('td', {}, a.firstSeen ?? '—'), h('td', {}, a.lastSeen ?? '—'))))),
    h('h3', {}, `Claims made (${e.claims.length})`),
    e.claims.length
      ? paged(e.claims, PAGE, (c) =>
          h('li', {}, h('time', {}, c.date ?? 'undated'), ` · ${c.outlet} · ${c.cue}${c.proposition ? ` — ${c.proposition.polarity} ${c.proposition.holder ?? '?'} ${c.proposition.kind}` : ''} `,
            evidenceQuote(c.evidence.text, [c.cue, e.name], docHref(c.docId, c.claimId))), 'ol', 'entity-claims')
      : h('p', { class: 'empty' }, 'No claims attributed to this entity.'),
    h('h3', {}, `Propositions (${e.propositions.length})`),
    paged(e.propositions, PAGE, (p) => h('li', {}, `${p.kind} of ${p.placeName ?? '?'} · ${p.status} · ${p.from ?? 'undated'}${p.to && p.to !== p.from ? ` → ${p.to}` : ''}`)),
    h('h3', {}, `Events (${e.events.length})`),
    paged(e.events, PAGE, (ev) => h('li', {}, `${ev.from ?? 'undated'}${ev.to && ev.to !== ev.from ? ` → ${ev.to}` : ''} · ${ev.type} / ${ev.subType}${ev.placeName ? ` at ${ev.placeName}` : ''} · ${ev.status} · ${ev.reports} report(s)`)),
    h('h3', {}, `Mentioned in ${docs.length} document(s)`),
    paged(docs, PAGE, (id) => h('li', {}, h('a', { href: docHref(id, e.id) }, id), ` (${mentionsIn.get(id) ?? 0}×)`)),
  );
}
