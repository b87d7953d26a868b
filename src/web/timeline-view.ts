/**
 * The timeline: bars of events and claims per day, week, month or year (by the range of the dates, see
 * `timeline-bins.ts`), each bar a full-height column that can be clicked; dragging across columns selects a
 * range (brushing). Undated items are their own column at the end, selectable like the others. Selecting
 * filters the map and the panels; clicking the selection again, or "show all", clears it.
 */
import type { EventGroup, EventListing, PropositionGroup } from '../crossdoc/index.js';
import { h, s } from './dom.js';
import { binDates, type TimeBin } from './timeline-bins.js';

/** A selected date range (inclusive), the undated items, or null for all. */
export type DayRange = { readonly from: string; readonly to: string; readonly undated?: false } | { readonly undated: true } | null;

/** Whether an item dated `from`..`to` (null: undated) is in the selection. */
export function inSelection(from: string | null, to: string | null, range: DayRange): boolean {
  if (!range) return true;
  if (range.undated) return from === null && to === null;
  return from !== null && to !== null && from <= range.to && to >= range.from;
}

const WIDTH = 760;
const HEIGHT = 90;
const LEFT = 20;
/** The undated column sits apart, after a gap. */
const UNDATED_W = 44;

/** Draws the timeline; `onSelect` receives the selection (or null to clear). */
export function drawTimeline(
  events: readonly (EventGroup | EventListing)[],
  propositions: readonly PropositionGroup[],
  selected: DayRange,
  onSelect: (range: DayRange) => void,
): HTMLElement {
  // A listing item carries its latest reports only, and every report's date in `reportDates`.
  const eventDates: (string | null)[] = events.flatMap((e) =>
    'reportDates' in e ? e.reportDates.flatMap(([date, n]) => Array<string | null>(n).fill(date)) : e.reports.map((r) => r.date));
  const claimDates: (string | null)[] = propositions.flatMap((p) => p.claims.map((c) => c.date));
  const dated = [...eventDates, ...claimDates].filter((d): d is string => d !== null);
  const undated = { events: eventDates.filter((d) => d === null).length, claims: claimDates.filter((d) => d === null).length };
  const { unit, bins } = binDates(dated);
  const box = h('section', { class: 'timeline', 'aria-label': 'Timeline' });
  const selLabel = !selected ? '' : selected.undated ? 'undated items' : selected.from === selected.to ? selected.from : `${selected.from} → ${selected.to}`;
  box.appendChild(h('h2', {}, 'Timeline', bins.length ? h('span', { class: 'meta unit' }, ` by ${unit}`) : null,
    selected ? h('button', { class: 'clear', onclick: () => onSelect(null) }, `showing ${selLabel} — show all`) : null));
  if (!bins.length && !undated.events && !undated.claims) {
    box.appendChild(h('p', { class: 'empty' }, 'No events or claims yet.'));
    return box;
  }
  // Per bin, events and claims apart (bins are in date order: a binary search finds each date's bin).
  const perBin = bins.map(() => ({ events: 0, claims: 0 }));
  const find = (d: string) => {
    let lo = 0;
    let hi = bins.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bins[mid].from <= d) lo = mid;
      else hi = mid - 1;
    }
    return d >= bins[lo].from && d <= bins[lo].to ? lo : -1;
  };
  for (const [dates, key] of [[eventDates, 'events'], [claimDates, 'claims']] as const) {
    for (const d of dates) {
      const i = d ? find(d) : -1;
      if (i >= 0) perBin[i][key]++;
    }
  }

  const hasUndated = undated.events + undated.claims > 0;
  const plotW = hasUndated ? WIDTH - UNDATED_W - 10 : WIDTH;
  const colW = bins.length ? plotW / bins.length : 0;
  const max = Math.max(1, ...perBin.map((c) => c.events + c.claims), undated.events + undated.claims);
  const svg = s('svg', { viewBox: `0 0 ${WIDTH + 2 * LEFT} ${HEIGHT + 26}`, class: 'timeline-chart', 'data-unit': unit });
  const brush = s('rect', { class: 'brush', x: 0, y: 0, width: 0, height: HEIGHT, visibility: 'hidden' });

  const isSelected = (b: TimeBin) => !!selected && !selected.undated && b.from >= selected.from && b.to <= selected.to;
  const column = (x: number, w: number, c: { events: number; claims: number }, attrs: Record<string, string>, title: string, selectedNow: boolean, choose: () => void) => {
    const total = c.events + c.claims;
    const hTotal = (total / max) * HEIGHT;
    const hEvents = (c.events / max) * HEIGHT;
    const barW = Math.max(1, Math.min(40, w - Math.min(2, w * 0.2)));
    const bx = x + (w - barW) / 2;
    const g = s('g', {
      ...attrs, tabindex: 0, role: 'button', 'aria-pressed': selectedNow ? 'true' : 'false', 'aria-label': title,
      class: `${attrs.class}${selectedNow ? ' selected' : ''}`,
      onkeydown: (ev) => {
        if ((ev as KeyboardEvent).key === 'Enter' || (ev as KeyboardEvent).key === ' ') {
          ev.preventDefault();
          choose();
        }
      },
    });
    g.appendChild(s('title', {}, title));
    // The hit area is the whole column: neighbours never cover each other, however narrow the bars.
    g.appendChild(s('rect', { x, y: 0, width: w, height: HEIGHT, class: 'hit' }));
    g.appendChild(s('rect', { x: bx, y: HEIGHT - hTotal, width: barW, height: hTotal - hEvents, class: 'claims' }));
    g.appendChild(s('rect', { x: bx, y: HEIGHT - hEvents, width: barW, height: hEvents, class: 'events' }));
    (g as unknown as { choose: () => void }).choose = choose;
    return g;
  };

  // The selected range as one band behind the bars, empty bins included.
  const chosen = bins.map((b, i) => (isSelected(b) ? i : -1)).filter((i) => i >= 0);
  if (chosen.length) {
    svg.appendChild(s('rect', { x: LEFT + chosen[0] * colW, y: 0, width: (chosen[chosen.length - 1] - chosen[0] + 1) * colW, height: HEIGHT, class: 'selection-band' }));
  }
  bins.forEach((b, i) => {
    const c = perBin[i];
    if (!c.events && !c.claims) return;
    const sel = isSelected(b);
    svg.appendChild(column(LEFT + i * colW, colW, c, { class: `bin day kind-${b.kind}`, 'data-day': b.from, 'data-from': b.from, 'data-to': b.to, 'data-index': String(i) },
      `${b.label}${b.from !== b.to ? ` (${b.from} – ${b.to})` : ''}: ${c.events} event report(s), ${c.claims} claim(s)`, sel,
      () => onSelect(sel && selected && !selected.undated && selected.from === b.from && selected.to === b.to ? null : { from: b.from, to: b.to })));
  });
  if (hasUndated) {
    const x = LEFT + WIDTH - UNDATED_W;
    const sel = !!selected?.undated;
    svg.appendChild(column(x, UNDATED_W, undated, { class: 'bin undated' }, `undated: ${undated.events} event report(s), ${undated.claims} claim(s)`, sel,
      () => onSelect(sel ? null : { undated: true })));
    svg.appendChild(s('text', { x: x + UNDATED_W / 2, y: HEIGHT + 16, class: 'axis', 'text-anchor': 'middle' }, 'undated'));
  }
  // Axis: a tick where the year (month bins) or the month (day and week bins) changes, none closer than 48 units.
  const period = (b: TimeBin) => (unit === 'month' || unit === 'year' ? b.from.slice(0, 4) : b.from.slice(0, 7));
  let lastTick = -Infinity;
  bins.forEach((b, i) => {
    const x = LEFT + i * colW;
    const label = b.kind === 'earlier' ? 'earlier' : i === 0 || b.kind === 'later' || period(b) !== period(bins[i - 1]) ? (unit === 'year' || unit === 'month' ? period(b) : b.from.slice(0, 7)) : null;
    if (!label || x - lastTick < 48 || x > LEFT + plotW - 30) return;
    lastTick = x;
    svg.appendChild(s('line', { x1: x, x2: x, y1: HEIGHT, y2: HEIGHT + 4, class: 'tick' }));
    svg.appendChild(s('text', { x, y: HEIGHT + 16, class: 'axis' }, label));
  });
  svg.appendChild(brush);

  // Brushing: press on a column and drag across others; a press without a drag is a click on that column.
  const toX = (clientX: number) => {
    const r = svg.getBoundingClientRect();
    return ((clientX - r.left) / r.width) * (WIDTH + 2 * LEFT);
  };
  const indexAt = (x: number) => Math.max(0, Math.min(bins.length - 1, Math.floor((x - LEFT) / colW)));
  let press: { x: number; first: number; last: number; moved: boolean } | null = null;
  let brushed = false;
  svg.addEventListener('pointerdown', (ev) => {
    const x = toX(ev.clientX);
    if (!bins.length || x < LEFT || x > LEFT + plotW || ev.button !== 0) return;
    press = { x, first: indexAt(x), last: indexAt(x), moved: false };
  });
  svg.addEventListener('pointermove', (ev) => {
    if (!press) return;
    const x = toX(ev.clientX);
    if (!press.moved && Math.abs(x - press.x) < 4) return;
    if (!press.moved) svg.setPointerCapture(ev.pointerId);
    press.moved = true;
    press.last = indexAt(x);
    const a = Math.min(press.first, press.last);
    const b = Math.max(press.first, press.last);
    brush.setAttribute('x', String(LEFT + a * colW));
    brush.setAttribute('width', String((b - a + 1) * colW));
    brush.setAttribute('visibility', 'visible');
  });
  svg.addEventListener('pointerup', () => {
    if (!press) return;
    const p = press;
    press = null;
    if (!p.moved) return; // the column's own click handler selects it
    const a = Math.min(p.first, p.last);
    const b = Math.max(p.first, p.last);
    brush.setAttribute('visibility', 'hidden');
    // The click that ends a drag is not a click on the column under the pointer.
    brushed = true;
    setTimeout(() => (brushed = false), 0);
    onSelect({ from: bins[a].from, to: bins[b].to });
  });
  svg.addEventListener('click', (ev) => {
    if (brushed) return;
    const g = (ev.target as Element).closest('g.bin') as (Element & { choose?: () => void }) | null;
    g?.choose?.();
  });
  box.appendChild(svg);
  box.appendChild(h('p', { class: 'legend' }, h('span', { class: 'key claims' }), ' claims ', h('span', { class: 'key events' }), ' event reports · click a bar, or drag across bars to select a range'));
  return box;
}
