/**
 * The timeline: one bar per day with the events and claims dated that day. Clicking a day filters the map and
 * the panels to it; clicking it again shows everything. Undated items are counted apart, never placed on a day.
 */
import type { EventGroup, PropositionGroup } from '../crossdoc/index.js';
import { h, s } from './dom.js';

/** A selected day range, or null for all. */
export type DayRange = { from: string; to: string } | null;

const DAY = 86_400_000;

/** Draws the timeline; `onSelect` receives the clicked day (or null to clear). */
export function drawTimeline(
  events: readonly EventGroup[],
  propositions: readonly PropositionGroup[],
  selected: DayRange,
  onSelect: (range: DayRange) => void,
): HTMLElement {
  const counts = new Map<string, { events: number; claims: number }>();
  let undated = 0;
  const bump = (date: string | null, key: 'events' | 'claims') => {
    if (!date) {
      undated++;
      return;
    }
    const c = counts.get(date) ?? { events: 0, claims: 0 };
    c[key]++;
    counts.set(date, c);
  };
  for (const e of events) for (const r of e.reports) bump(r.date, 'events');
  for (const p of propositions) for (const c of p.claims) bump(c.date, 'claims');
  const days = [...counts.keys()].sort();
  const box = h('section', { class: 'timeline', 'aria-label': 'Timeline' });
  box.appendChild(h('h2', {}, 'Timeline', selected ? h('button', { class: 'clear', onclick: () => onSelect(null) }, `showing ${selected.from} — show all`) : null));
  if (!days.length) {
    box.appendChild(h('p', { class: 'empty' }, 'No dated events or claims yet.'));
    return box;
  }
  const first = Date.parse(days[0]);
  const last = Date.parse(days[days.length - 1]);
  const span = Math.max(1, Math.round((last - first) / DAY) + 1);
  const width = 760;
  const height = 90;
  const bar = Math.max(3, Math.min(40, width / span - 2));
  const max = Math.max(...[...counts.values()].map((c) => c.events + c.claims));
  const svg = s('svg', { viewBox: `0 0 ${width + 40} ${height + 24}`, class: 'timeline-chart' });
  for (const day of days) {
    const c = counts.get(day)!;
    const x = 20 + ((Date.parse(day) - first) / DAY) * (width / span);
    const total = c.events + c.claims;
    const hTotal = (total / max) * height;
    const hEvents = (c.events / max) * height;
    const isSelected = selected?.from === day;
    const toggle = () => onSelect(isSelected ? null : { from: day, to: day });
    const g = s('g', {
      class: `day${isSelected ? ' selected' : ''}`, 'data-day': day, tabindex: 0, role: 'button', 'aria-pressed': isSelected ? 'true' : 'false',
      onclick: toggle,
      onkeydown: (ev) => {
        if ((ev as KeyboardEvent).key === 'Enter' || (ev as KeyboardEvent).key === ' ') {
          ev.preventDefault();
          toggle();
        }
      },
    });
    g.appendChild(s('title', {}, `${day}: ${c.events} event report(s), ${c.claims} claim(s)`));
    g.appendChild(s('rect', { x, y: height - hTotal, width: bar, height: hTotal - hEvents, class: 'claims' }));
    g.appendChild(s('rect', { x, y: height - hEvents, width: bar, height: hEvents, class: 'events' }));
    svg.appendChild(g);
  }
  svg.appendChild(s('text', { x: 20, y: height + 18, class: 'axis' }, days[0]));
  svg.appendChild(s('text', { x: width + 20, y: height + 18, class: 'axis', 'text-anchor': 'end' }, days[days.length - 1]));
  box.appendChild(svg);
  box.appendChild(h('p', { class: 'legend' }, h('span', { class: 'key claims' }), ' claims ', h('span', { class: 'key events' }), ' event reports', undated ? ` · ${undated} undated` : ''));
  return box;
}
