/** Searchable lists: entities (by name or alias), documents (by text) and stories. */
import type { EntitySummary, Story } from '../crossdoc/index.js';
import type { DocSummary } from '../http/index.js';
import type { Page } from './api.js';
import { h } from './dom.js';
import { docHref, entityHref } from './router.js';

function searchBox(route: string, q: string, placeholder: string): HTMLElement {
  const input = h('input', { type: 'search', name: 'q', value: q, placeholder, 'aria-label': placeholder });
  return h('form', { class: 'search', onsubmit: (ev) => {
    ev.preventDefault();
    location.hash = `#/${route}?q=${encodeURIComponent(input.value)}`;
  } }, input, h('button', { type: 'submit' }, 'Search'));
}

/** The entity search. */
export function drawEntities(page: Page<EntitySummary>, q: string): HTMLElement {
  return h('div', { class: 'list-view' },
    h('h2', {}, 'Entities'), searchBox('entities', q, 'Name or alias, e.g. Malyar'),
    h('p', { class: 'meta' }, `${page.total} found`),
    h('ul', {}, ...page.items.map((e) => h('li', {}, h('a', { href: entityHref(e.id) }, e.name),
      ` · ${e.kind}${e.side ? ` · ${e.side}` : ''} · ${e.mentions}× · also: ${e.aliases.map((a) => a.text).filter((t) => t !== e.name).join(', ') || '—'}`))));
}

/** The document search. */
export function drawDocuments(page: Page<DocSummary>, q: string): HTMLElement {
  return h('div', { class: 'list-view' },
    h('h2', {}, 'Documents'), searchBox('documents', q, 'Words in the article'),
    h('p', { class: 'meta' }, `${page.total} found`),
    h('ul', {}, ...page.items.map((d) => h('li', {}, h('a', { href: docHref(d.id) }, d.title ?? d.id),
      ` · ${d.outlet} · ${d.published ?? 'undated'} · ${d.counts.entities} entities, ${d.counts.claims} claims, ${d.counts.events} events`))));
}

/** The stories. */
export function drawStories(page: Page<Story>): HTMLElement {
  return h('div', { class: 'list-view' },
    h('h2', {}, 'Stories'),
    h('ul', {}, ...page.items.map((st) => h('li', {}, h('strong', {}, st.title ?? st.id),
      ` · ${st.from ?? 'undated'}${st.to && st.to !== st.from ? ` → ${st.to}` : ''} · ${st.outlets.join(', ')} · `,
      ...st.docIds.flatMap((id, i) => [i ? ', ' : '', h('a', { href: docHref(id) }, id)])))));
}
