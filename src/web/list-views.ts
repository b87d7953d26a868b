/** Searchable lists: entities (by name or alias), documents (by text) and stories. */
import type { EntitySummary, Story } from '../crossdoc/index.js';
import type { DocSummary } from '../http/index.js';
import type { Page } from './api.js';
import { h } from './dom.js';
import { adminArea, placeKind, type BaseMap } from './map-geometry.js';
import { paged } from './pager.js';

/** Rows per page of the long lists. */
const PAGE = 25;
import { docHref, entityHref } from './router.js';

function searchBox(route: string, q: string, placeholder: string): HTMLElement {
  const input = h('input', { type: 'search', name: 'q', value: q, placeholder, 'aria-label': placeholder });
  return h('form', { class: 'search', onsubmit: (ev) => {
    ev.preventDefault();
    location.hash = `#/${route}?q=${encodeURIComponent(input.value)}`;
  } }, input, h('button', { type: 'submit' }, 'Search'));
}

/** A country code as a name ("UA" → "Ukraine"), by the browser's own table. */
export function countryName(code: string | null): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** What tells two entities of one name apart: for places kind, admin area and country; for people side and role. */
export function entityFacts(e: EntitySummary, base: BaseMap | null): { kind: string; area: string; country: string; side: string; role: string } {
  const isPlace = e.kind === 'place';
  const area = isPlace && base && e.lat !== null && e.lon !== null && e.type !== 'country' && e.type !== 'admin1' ? adminArea(base, e.lon, e.lat) ?? '' : '';
  return {
    kind: isPlace && e.type ? `place · ${placeKind(e.type) === 'settlement' ? 'settlement' : e.type === 'admin1' ? 'region (first level)' : e.type}` : e.kind,
    area,
    country: isPlace && e.type !== 'country' ? countryName(e.country) : '',
    side: e.side ?? '',
    role: e.role ?? '',
  };
}

/** The entity search: a table that tells same-named entities apart, in pages. */
export function drawEntities(page: Page<EntitySummary>, q: string, base: BaseMap | null = null): HTMLElement {
  const row = (e: EntitySummary) => {
    const f = entityFacts(e, base);
    const also = e.aliases.map((a) => a.text).filter((t) => t !== e.name);
    return h('tr', { 'data-id': e.id, 'data-kind': e.kind },
      h('td', {}, h('a', { href: entityHref(e.id) }, e.name)),
      h('td', { class: 'kind' }, f.kind), h('td', { class: 'area' }, f.area), h('td', { class: 'country' }, f.country),
      h('td', { class: 'side' }, f.side), h('td', { class: 'role' }, f.role), h('td', {}, String(e.mentions)),
      h('td', { class: 'also' }, also.slice(0, 4).join(', ') + (also.length > 4 ? ', …' : '') || '—'));
  };
  const table = h('table', { class: 'entities' },
    h('thead', {}, h('tr', {}, ...['name', 'kind', 'admin area', 'country', 'side', 'role', 'mentions', 'also written'].map((c) => h('th', {}, c)))));
  const tbody = h('tbody', {});
  table.appendChild(tbody);
  const body = paged(page.items, PAGE, row, 'div', '', { list: tbody, frame: table });
  return h('div', { class: 'list-view' },
    h('h2', {}, 'Entities'), searchBox('entities', q, 'Name or alias, e.g. Malyar'),
    h('p', { class: 'meta' }, `${page.total} found${page.total > page.items.length ? `, the ${page.items.length} most mentioned shown` : ''}`),
    body);
}

/** The document search. */
export function drawDocuments(page: Page<DocSummary>, q: string): HTMLElement {
  return h('div', { class: 'list-view' },
    h('h2', {}, 'Documents'), searchBox('documents', q, 'Words in the article'),
    h('p', { class: 'meta' }, `${page.total} found`),
    paged(page.items, PAGE, (d) => h('li', {}, h('a', { href: docHref(d.id) }, d.title ?? d.id),
      ` · ${d.outlet} · ${d.published ?? 'undated'} · ${d.counts.entities} entities, ${d.counts.claims} claims, ${d.counts.events} events`)));
}

/** The stories: those of several articles first; articles no other joined are listed apart, below. */
export function drawStories(page: Page<Story>): HTMLElement {
  const stories = page.items.filter((st) => st.docIds.length > 1);
  const single = page.items.filter((st) => st.docIds.length <= 1);
  const story = (st: Story) => h('li', { class: 'story', 'data-docs': st.docIds.length }, h('strong', {}, st.title ?? st.id),
    st.from === null ? h('span', { class: 'badge undated', title: 'its articles carry no date: grouped by content and places alone' }, 'undated · by content and places') : null,
    ` · ${st.docIds.length} articles · ${st.from ?? 'undated'}${st.to && st.to !== st.from ? ` → ${st.to}` : ''} · ${st.outlets.join(', ')} · `,
    ...st.docIds.flatMap((id, i) => [i ? ', ' : '', h('a', { href: docHref(id) }, id)]));
  const article = (st: Story) => h('li', { class: 'single', 'data-docs': st.docIds.length }, h('a', { href: docHref(st.docIds[0] ?? '') }, st.title ?? st.id),
    ` · ${st.from ?? 'undated'} · ${st.outlets.join(', ')}`);
  return h('div', { class: 'list-view' },
    h('h2', {}, `Stories (${stories.length})`),
    h('p', { class: 'meta' }, 'Articles from different outlets about the same happening. A story marked “undated” was grouped by content and places alone: its articles carry no date to place them in a news cycle.'),
    stories.length ? paged(stories, PAGE, story) : h('p', { class: 'empty' }, 'No two articles tell the same story yet.'),
    h('h3', {}, `Articles in no story (${single.length})`),
    paged(single, PAGE, article));
}
