/**
 * The analyst's desk in the browser: hash-routed views over the HTTP API — home (map, timeline, propositions
 * side by side), document view with highlighted evidence, entity pages, searches and stories.
 */
import type { EventGroup, EventListing, PropositionGroup, PropositionListing } from '../crossdoc/index.js';
import { api, PAGE_SIZE, type Page } from './api.js';
import { drawClaimsPanel, PANEL_STATUSES } from './claims-panel.js';
import { drawDocument, scrollToFocus } from './document-view.js';
import { h, replace } from './dom.js';
import { drawEntity } from './entity-view.js';
import { drawDocuments, drawEntities, drawStories } from './list-views.js';
import { drawMap, loadBaseMap, type BaseMap } from './map-view.js';
import { startLive } from './live.js';
import { drawReport, fetchReport } from './report-view.js';
import { moreLine } from './pager.js';
import { parseRoute } from './router.js';
import { drawTimeline, inSelection, type DayRange } from './timeline-view.js';

/** A list the home view reads from the API page by page: what is loaded, how many there are, the next offset. */
interface Loaded<T> {
  items: T[];
  total: number;
  next: number | null;
}

/** What the home view has loaded: the propositions of each status and the events, newest first. */
interface HomeData {
  readonly all: boolean;
  readonly props: Record<string, Loaded<PropositionListing>>;
  readonly events: Loaded<EventListing>;
}

/**
 * `all`: also propositions below the confidence threshold (the API's `?all=1`); `home`: what the home view loaded,
 * kept so that a refresh (the live banner's "show") asks for as many as the analyst had loaded.
 */
const state: { base: Promise<BaseMap> | null; status: string; range: DayRange; all: boolean; home: HomeData | null } = {
  base: null, status: 'contested', range: null, all: false, home: null,
};

const loaded = <T>(page: Page<T>): Loaded<T> => ({ items: [...page.items], total: page.total, next: page.next });

/** Adds the next page to a list (leaving out items already there: the store may have grown since the first page). */
function append<T extends { id: string }>(list: Loaded<T>, page: Page<T>): void {
  const have = new Set(list.items.map((x) => x.id));
  list.items.push(...page.items.filter((x) => !have.has(x.id)));
  list.total = page.total;
  list.next = page.next;
}

/** Keeps only the claims of the selected days (or the undated ones), so the panel reads as that selection's picture. */
function narrow(p: PropositionGroup, range: DayRange): PropositionGroup | null {
  if (!range) return p;
  const claims = p.claims.filter((c) => inSelection(c.date, c.date, range));
  return claims.length ? { ...p, claims } : null;
}

async function home(main: HTMLElement, refresh: boolean): Promise<void> {
  state.base ??= loadBaseMap();
  // Each list is asked for one page at a time; a refresh asks again for as many as were loaded (up to the API's 500).
  const had = refresh && state.home?.all === state.all ? state.home : null;
  const size = (list: Loaded<unknown> | undefined) => Math.min(500, Math.max(PAGE_SIZE, list?.items.length ?? 0));
  const all = state.all ? { all: 1 } : {};
  const [base, events, places, ...pages] = await Promise.all([
    state.base, api.events({ limit: size(had?.events) }), api.places(),
    ...PANEL_STATUSES.map((status) => api.propositions({ ...all, status, limit: size(had?.props[status]) })),
  ]);
  const data: HomeData = {
    all: state.all,
    events: loaded(events),
    props: Object.fromEntries(PANEL_STATUSES.map((status, i) => [status, loaded(pages[i])])),
  };
  state.home = data;
  const render = () => {
    const props = PANEL_STATUSES.flatMap((status) => data.props[status].items);
    const shownEvents: EventGroup[] = data.events.items.filter((e) => inSelection(e.from, e.to, state.range));
    const shownProps = props.map((p) => narrow(p, state.range)).filter((p): p is PropositionGroup => p !== null);
    const statusPages = Object.fromEntries(PANEL_STATUSES.map((status) => {
      const list = data.props[status];
      const items = list.items.map((p) => narrow(p, state.range)).filter((p): p is PropositionGroup => p !== null);
      return [status, { items, loaded: list.items.length, total: list.total }];
    }));
    const current = data.props[state.status];
    replace(main,
      h('div', { class: 'home' },
        h('div', { class: 'left' },
          h('section', { class: 'map-box', 'aria-label': 'Map' }, drawMap(base, { places: places.items, events: shownEvents, propositions: shownProps })),
          drawTimeline(data.events.items, props, state.range, (range) => {
            state.range = range;
            render();
          }),
          moreLine(data.events.items.length, data.events.total, 'events', async () => {
            append(data.events, await api.events({ offset: data.events.next ?? data.events.items.length }));
            render();
          })),
        h('div', { class: 'right' },
          h('label', { class: 'meta all-switch' },
            h('input', { type: 'checkbox', checked: state.all, onchange: () => {
              state.all = !state.all;
              void home(main, false);
            } }),
            ' also propositions below confidence 0.5'),
          drawClaimsPanel(statusPages, state.status, (status) => {
            state.status = status;
            render();
          }, api.proposition, current ? async () => {
            append(current, await api.propositions({ ...all, status: state.status, offset: current.next ?? current.items.length }));
            render();
          } : undefined))));
  };
  render();
}

/** Draws the view the URL names; `refresh`: the same view again with fresh data (the live banner's "show"), in place. */
async function show(refresh = false): Promise<void> {
  const main = document.getElementById('main')!;
  // What the stream announced so far is in the data this view is about to load.
  live.reset();
  const route = parseRoute(location.hash);
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.getAttribute('data-view') === route.view));
  const scrollY = window.scrollY;
  if (!refresh) replace(main, h('p', { class: 'loading' }, 'Loading…'));
  try {
    switch (route.view) {
      case 'home':
        await home(main, refresh);
        break;
      case 'doc': {
        const view = drawDocument(await api.document(route.id), route.focus);
        replace(main, view);
        if (!refresh) scrollToFocus(view);
        break;
      }
      case 'entity':
        state.base ??= loadBaseMap();
        replace(main, drawEntity(await api.entity(route.id), await state.base.catch(() => null)));
        break;
      case 'entities':
        state.base ??= loadBaseMap();
        replace(main, drawEntities(await api.entities(route.q || undefined), route.q, await state.base.catch(() => null)));
        break;
      case 'documents':
        replace(main, drawDocuments(await api.documents(route.q || undefined), route.q));
        break;
      case 'stories':
        replace(main, drawStories(await api.stories()));
        break;
      case 'report':
        state.base ??= loadBaseMap();
        replace(main, drawReport(await fetchReport(route), route, await state.base.catch(() => null)));
        break;
    }
    main.setAttribute('data-ready', route.view);
    // A refresh keeps the reader where they were.
    if (refresh) window.scrollTo(0, scrollY);
  } catch (error) {
    replace(main, h('p', { class: 'error', role: 'alert' }, `Could not load this view: ${(error as Error).message}`));
  }
}

// The live desk: a banner says what was stored since the view was drawn; "show" redraws the view.
const live = startLive(document.querySelector('header.top')!, () => show(true));
window.addEventListener('hashchange', () => void show());
void show();
