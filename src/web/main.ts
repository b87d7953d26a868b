/**
 * The analyst's desk in the browser: hash-routed views over the HTTP API — home (map, timeline, propositions
 * side by side), document view with highlighted evidence, entity pages, searches and stories.
 */
import type { EventGroup, PropositionGroup } from '../crossdoc/index.js';
import { api } from './api.js';
import { drawClaimsPanel } from './claims-panel.js';
import { drawDocument, scrollToFocus } from './document-view.js';
import { h, replace } from './dom.js';
import { drawEntity } from './entity-view.js';
import { drawDocuments, drawEntities, drawStories } from './list-views.js';
import { drawMap, loadBaseMap, type BaseMap } from './map-view.js';
import { startLive } from './live.js';
import { drawReport, fetchReport } from './report-view.js';
import { parseRoute } from './router.js';
import { drawTimeline, inSelection, type DayRange } from './timeline-view.js';

/** `all`: also propositions below the confidence threshold (the API's `?all=1`). */
const state: { base: Promise<BaseMap> | null; status: string; range: DayRange; all: boolean } = { base: null, status: 'contested', range: null, all: false };

/** Keeps only the claims of the selected days (or the undated ones), so the panel reads as that selection's picture. */
function narrow(p: PropositionGroup, range: DayRange): PropositionGroup | null {
  if (!range) return p;
  const claims = p.claims.filter((c) => inSelection(c.date, c.date, range));
  return claims.length ? { ...p, claims } : null;
}

async function home(main: HTMLElement): Promise<void> {
  state.base ??= loadBaseMap();
  const [base, props, events, places] = await Promise.all([state.base, api.propositions(state.all ? { all: 1 } : {}), api.events(), api.places()]);
  const render = () => {
    const shownEvents: EventGroup[] = events.items.filter((e) => inSelection(e.from, e.to, state.range));
    const shownProps = props.items.map((p) => narrow(p, state.range)).filter((p): p is PropositionGroup => p !== null);
    replace(main,
      h('div', { class: 'home' },
        h('div', { class: 'left' },
          h('section', { class: 'map-box', 'aria-label': 'Map' }, drawMap(base, { places: places.items, events: shownEvents, propositions: shownProps })),
          drawTimeline(events.items, props.items, state.range, (range) => {
            state.range = range;
            render();
          })),
        h('div', { class: 'right' },
          h('label', { class: 'meta all-switch' },
            h('input', { type: 'checkbox', checked: state.all, onchange: () => {
              state.all = !state.all;
              void home(main);
            } }),
            ' also propositions below confidence 0.5'),
          props.total > props.items.length
            ? h('p', { class: 'meta truncated' }, `Showing the newest ${props.items.length} of ${props.total} propositions.`)
            : null,
          drawClaimsPanel(shownProps, state.status, (status) => {
            state.status = status;
            render();
          }, api.proposition))));
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
        await home(main);
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
