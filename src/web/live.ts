/**
 * The live desk in the browser: subscribes to the server's stream (`GET /api/stream`, an EventSource), adds up what
 * was stored since the view was drawn, and shows it in a banner ("3 new claims — show"). Clicking "show" redraws
 * the current view from the API; nothing reloads by itself, so the analyst's reading is never pulled away.
 *
 * The EventSource reconnects by itself (after the stream's `retry`, and asks for what it missed with
 * `Last-Event-ID`); when the browser gives up (the server refused the stream or is gone for good), it is opened
 * again after a delay that doubles up to a minute. The banner's state is a handful of numbers, whatever arrives.
 */
import type { StoredNotice } from '../http/live.js';
import { h, replace } from './dom.js';

/** What arrived since the view was drawn. */
interface Pending {
  documents: number;
  claims: number;
  events: number;
  propositions: number;
}

const LONGEST_WAIT_MS = 60_000;

const plural = (n: number, word: string) => `${n} new ${word}${n === 1 ? '' : 's'}`;

/** "3 new claims, 1 new event" (claims and events first; documents when they bring neither). */
export function bannerText(p: Pending): string {
  const parts: string[] = [];
  if (p.claims) parts.push(plural(p.claims, 'claim'));
  if (p.events) parts.push(plural(p.events, 'event'));
  if (!parts.length) parts.push(plural(p.documents, 'document'));
  return parts.join(', ');
}

/** The live banner and its subscription. */
export interface Live {
  /** Forgets what arrived (the view is being drawn from fresh data). */
  reset(): void;
}

/**
 * Starts the subscription and puts the banner under `anchor` (the page header). `refresh` redraws the current view.
 */
export function startLive(anchor: HTMLElement, refresh: () => Promise<void>): Live {
  const pending: Pending = { documents: 0, claims: 0, events: 0, propositions: 0 };
  const text = h('span', { class: 'live-text' });
  const show = h('button', { type: 'button', class: 'live-show' }, 'show');
  const dismiss = h('button', { type: 'button', class: 'live-dismiss', 'aria-label': 'dismiss' }, '×');
  const banner = h('div', { class: 'live-banner', role: 'status', 'aria-live': 'polite', hidden: true }, text, ' — ', show, ' ', dismiss);
  anchor.insertAdjacentElement('afterend', banner);

  const reset = () => {
    pending.documents = pending.claims = pending.events = pending.propositions = 0;
    banner.hidden = true;
  };
  show.addEventListener('click', () => {
    reset();
    void refresh();
  });
  dismiss.addEventListener('click', reset);

  const onDocument = (event: MessageEvent<string>) => {
    let notice: StoredNotice;
    try {
      notice = JSON.parse(event.data) as StoredNotice;
    } catch {
      return;
    }
    pending.documents++;
    pending.claims += notice.claims || 0;
    pending.events += notice.events || 0;
    pending.propositions += notice.propositions || 0;
    replace(text, bannerText(pending));
    banner.title = `${plural(pending.documents, 'document')} with ${pending.propositions} proposition${pending.propositions === 1 ? '' : 's'}`;
    banner.hidden = false;
  };

  let wait = 1000;
  const connect = () => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/stream');
    document.body.dataset.live = 'connecting';
    source.addEventListener('open', () => {
      wait = 1000;
      document.body.dataset.live = 'open';
    });
    source.addEventListener('document', onDocument as EventListener);
    source.addEventListener('error', () => {
      // CONNECTING: the browser retries by itself. CLOSED: it gave up; try again later, a little later each time.
      if (source.readyState !== EventSource.CLOSED) {
        document.body.dataset.live = 'connecting';
        return;
      }
      document.body.dataset.live = 'closed';
      source.close();
      setTimeout(connect, wait);
      wait = Math.min(wait * 2, LONGEST_WAIT_MS);
    });
  };
  connect();
  return { reset };
}
