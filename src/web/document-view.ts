/**
 * The article view: the input exactly as read, with every extracted span highlighted (people, organisations,
 * places, weapons, claims, events, dates, boilerplate), shown as text — article content is never parsed as
 * HTML, so a `<script>` in an article is displayed, not run. A focused annotation (the claim clicked in the
 * panel) is outlined and scrolled into view.
 */
import type { DocDetail, SpanView } from '../http/index.js';
import { h } from './dom.js';
import { segments } from './highlight.js';
import { entityHref } from './router.js';

/** Span kinds in the legend, with what they are called there. */
const LEGEND: [string, string][] = [
  ['entity-person', 'person'], ['entity-organization', 'organisation'], ['entity-place', 'place'], ['entity-weapon', 'weapon'],
  ['claim', 'claim'], ['content', 'claim content'], ['event', 'event'], ['time', 'date'], ['boilerplate', 'boilerplate'],
];

function spanClass(s: SpanView): string {
  return s.kind === 'entity' ? `entity-${s.entityKind ?? 'other'}` : s.kind;
}

/**
 * Draws the document; `focus` is the ref (claim, event or entity id) to outline. An HTML page is shown as its
 * readable text (spans placed by their view offsets) unless `asRead` asks for the page exactly as read.
 */
export function drawDocument(doc: DocDetail, focus: string | null, asRead = false): HTMLElement {
  const useView = doc.viewText !== null && !asRead;
  const base = doc.spans.filter((s) => s.kind !== 'message' && s.kind !== 'speaker' && s.kind !== 'cue');
  const shown = useView
    ? base.filter((s) => s.vStart !== undefined && s.vEnd !== undefined && s.vEnd > s.vStart).map((s) => ({ ...s, start: s.vStart!, end: s.vEnd! }))
    : base;
  const text = h('div', { class: 'doc-text', 'data-doc': doc.id, 'data-shown': useView ? 'view' : 'input' });
  for (const seg of segments(useView ? doc.viewText! : doc.input, shown)) {
    if (!seg.spans.length) {
      text.appendChild(document.createTextNode(seg.text));
      continue;
    }
    const classes = new Set(seg.spans.map(spanClass));
    const refs = [...new Set(seg.spans.map((s) => s.ref).filter((r): r is string => !!r))];
    const focused = focus !== null && refs.includes(focus);
    const el = h('span', {
      class: `hl ${[...classes].map((c) => `hl-${c}`).join(' ')}${focused ? ' focus' : ''}`,
      'data-refs': refs.join(' '),
      'data-start': seg.start,
      title: seg.spans.map((s) => s.label).join('\n'),
    }, seg.text);
    text.appendChild(el);
  }
  const focusSpan = focus ? doc.spans.find((s) => s.ref === focus && (s.kind === 'claim' || s.kind === 'event' || s.kind === 'entity')) : undefined;
  const claims = doc.claims.map((c) =>
    h('li', {}, h('a', { href: `#/doc/${encodeURIComponent(doc.id)}/${encodeURIComponent(c.id)}`, class: c.id === focus ? 'current' : '' },
      `${c.speakerText ?? 'unattributed'} ${c.cue}${c.proposition ? ` — ${c.proposition.polarity} ${c.proposition.holder ?? '?'} ${c.proposition.kind}` : ''}${c.date ? ` (${c.date})` : ''}`)));
  const entities = [...doc.entities].sort((a, b) => b.mentions.length - a.mentions.length).map((e) =>
    h('li', {}, h('a', { href: entityHref(e.id) }, e.name), ` ${e.kind}${e.side ? ` · ${e.side}` : ''} · ${e.mentions.length}×`));
  const safeUrl = doc.url && /^https?:\/\//i.test(doc.url) ? doc.url : null;
  const root: HTMLElement = h(
    'div',
    { class: 'document-view' },
    h('header', {},
      h('h2', {}, doc.title ?? doc.id),
      h('p', { class: 'meta' }, `${doc.outlet} · ${doc.published ?? 'date unknown'} · ${doc.format} · `,
        safeUrl ? h('a', { href: safeUrl, rel: 'noopener noreferrer', target: '_blank' }, safeUrl) : doc.id),
      focusSpan ? h('p', { class: 'focus-note' }, `Evidence: ${focusSpan.label}`) : null,
      doc.viewText !== null
        ? h('p', { class: 'meta' }, useView ? 'Showing the readable text of the page. ' : 'Showing the page exactly as read (offsets index this). ',
            h('button', { class: 'toggle-raw', onclick: () => root.replaceWith(drawDocument(doc, focus, !asRead)) }, useView ? 'Show as read' : 'Show readable text'))
        : null,
      h('p', { class: 'legend' }, ...LEGEND.map(([cls, name]) => h('span', { class: `hl hl-${cls}` }, name)))),
    h('div', { class: 'doc-body' },
      text,
      h('aside', {},
        h('h3', {}, `Claims (${doc.claims.length})`), h('ul', {}, ...claims),
        h('h3', {}, `Entities (${doc.entities.length})`), h('ul', {}, ...entities),
        doc.messages.length ? h('h3', {}, `Messages (${doc.messages.length})`) : null,
        doc.messages.length ? h('ul', { class: 'messages' }, ...doc.messages.map((m) => h('li', {}, `${m.severity}: ${m.reason} (${m.rule})`))) : null)),
  );
  return root;
}

/** Scrolls the focused evidence into view once the view is in the page. */
export function scrollToFocus(root: HTMLElement): void {
  root.querySelector('.focus')?.scrollIntoView({ block: 'center' });
}
