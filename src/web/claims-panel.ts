/**
 * The propositions panel: each proposition (control of Bakhmut, …) with its claims side by side, one column per
 * side, each claim with speaker, stance, date, outlet and the evidence sentence, linking to its document.
 */
import type { ClaimRecord, PropositionGroup, PropositionListing } from '../crossdoc/index.js';
import { h } from './dom.js';
import { evidenceQuote } from './evidence.js';
import { moreLine, paged } from './pager.js';
import { docHref, entityHref } from './router.js';

/** The statuses the panel has a tab for, in order. */
export const PANEL_STATUSES = ['contested', 'corroborated', 'single-source'] as const;

/** Page sizes: the panel stays about one screen tall with a hundred articles and more. */
const PROPOSITIONS_PER_PAGE = 5;
const CLAIMS_PER_SIDE = 3;

/** "control of Bakhmut". */
export function propositionTitle(p: PropositionGroup): string {
  return `${p.kind} of ${p.placeName ?? p.place ?? 'an unknown place'}`;
}

/** "asserts RU control", "denies UA advance". */
function stanceText(p: PropositionGroup, c: ClaimRecord): string {
  return `${c.polarity} ${c.holder ?? '?'} ${p.kind}`;
}

function claimCard(p: PropositionGroup, c: ClaimRecord): HTMLElement {
  const dateNote = c.dateFrom === 'published' ? ' (published)' : c.dateFrom === 'none' ? '' : '';
  return h(
    'li',
    { class: `claim polarity-${c.polarity}`, 'data-claim': c.claimId },
    h('div', { class: 'who' },
      c.speaker ? h('a', { href: entityHref(c.speaker), class: 'speaker' }, c.speakerName ?? c.speaker) : h('span', { class: 'speaker' }, c.speakerName ?? 'unattributed'),
      ' ', h('span', { class: 'stance' }, stanceText(p, c))),
    h('div', { class: 'meta' }, h('time', {}, c.date ?? 'undated'), dateNote, ' · ', c.outlet, c.channel ? ` · via ${c.channel}` : ''),
    evidenceQuote(c.evidence.text, [c.why?.predicate ?? '', c.why?.roles.place ?? '', p.placeName ?? ''].filter(Boolean), docHref(c.docId, c.claimId)),
  );
}

/** Loads a whole proposition (every claim) when a listing item holds only the latest claims of each side. */
export type LoadProposition = (id: string) => Promise<PropositionGroup>;

/**
 * One proposition with its sides in columns. A listing item that holds only the latest claims of each side says how
 * many there are and, with `load`, offers every claim (the card replaces itself).
 */
export function propositionCard(p: PropositionGroup | PropositionListing, load?: LoadProposition): HTMLElement {
  const total = 'claimCount' in p ? p.claimCount : p.claims.length;
  const more = total > p.claims.length
    ? h('p', { class: 'more-claims' }, `The latest ${p.claims.length} of ${total} claims. `,
      load ? h('button', {
        class: 'all-claims', onclick: async (e: Event) => {
          const card = (e.target as HTMLElement).closest('article');
          card?.replaceWith(propositionCard(await load(p.id)));
        },
      }, 'All claims') : '')
    : '';
  // The sides that say most come first, so the two camps of a contest stand side by side; unknown last.
  const perSide = new Map<string, number>();
  for (const c of p.claims) perSide.set(c.side ?? 'unknown', (perSide.get(c.side ?? 'unknown') ?? 0) + 1);
  const sides = [...perSide.keys()].sort((a, b) =>
    Number(a === 'unknown') - Number(b === 'unknown') || perSide.get(b)! - perSide.get(a)! || a.localeCompare(b));
  const counts = Object.entries(p.sources.bySide).map(([side, n]) => `${side} ${n}`).join(', ');
  return h(
    'article',
    { class: `proposition status-${p.status}`, 'data-id': p.id, 'data-kind': p.kind, 'data-place': p.placeName ?? '' },
    h('h3', {}, propositionTitle(p), ' ', h('span', { class: `badge status-${p.status}` }, p.status)),
    h('p', { class: 'meta' }, `${p.from ?? 'undated'}${p.to && p.to !== p.from ? ` → ${p.to}` : ''} · independent sources: ${counts || 'none'} · outlets: ${p.outlets.join(', ')}`),
    h('ul', { class: 'summary' }, ...p.summary.map((st) =>
      h('li', {}, h('strong', {}, st.side === 'unknown' ? 'side unknown' : st.side), ` ${st.stance.replace(/^(\S+) (\S+)$/, '$2 $1')} ${p.kind} — ${st.sources} source${st.sources === 1 ? '' : 's'}, latest ${st.latest ?? 'undated'}`))),
    h('div', { class: 'sides' },
      ...sides.map((side) =>
        h('section', { class: 'side', 'data-side': side },
          h('h4', {}, side === 'unknown' ? 'side unknown' : side),
          paged(p.claims.filter((c) => (c.side ?? 'unknown') === side), CLAIMS_PER_SIDE, (c) => claimCard(p, c), 'ol'),
        ),
      ),
    ),
    more,
  );
}

/** The propositions of one status as the panel has them: those loaded (and shown), how many the store holds. */
export interface StatusPage {
  readonly items: readonly (PropositionGroup | PropositionListing)[];
  /** Loaded, before any narrowing to the selected days (what "more" counts from). */
  readonly loaded: number;
  readonly total: number;
}

/**
 * The panel: a status switch (each tab with the number of propositions of that status in the store) and the loaded
 * propositions of the selected status, with "more" to load the next page of them.
 */
export function drawClaimsPanel(
  pages: Readonly<Record<string, StatusPage>>,
  status: string,
  onStatus: (status: string) => void,
  load?: LoadProposition,
  more?: () => Promise<void>,
): HTMLElement {
  const page = pages[status] ?? { items: [], loaded: 0, total: 0 };
  return h(
    'section',
    { class: 'claims-panel', 'aria-label': 'Propositions' },
    h('h2', {}, 'Propositions ',
      ...PANEL_STATUSES.map((st) =>
        h('button', { class: `tab${st === status ? ' active' : ''}`, 'data-status': st, onclick: () => onStatus(st) },
          `${st} (${pages[st]?.total ?? 0})`))),
    page.items.length ? paged(page.items, PROPOSITIONS_PER_PAGE, (p) => propositionCard(p, load), 'div', 'list') : h('p', { class: 'empty' }, `No ${status} propositions${page.loaded ? ' on the selected days' : ''}.`),
    more ? moreLine(page.loaded, page.total, `${status} propositions`, more) : null,
  );
}
