/**
 * A snapshot of the desk: the documents, their cross-document analysis and the indexes the routes look things
 * up in. Built once per desk version (see {@link DeskViews}), because stories and propositions depend on every
 * document and recomputing them per request would make each request as slow as the whole corpus.
 */
import type { Doc } from '../core/index.js';
import {
  analyze, claimView, compareCode, DEFAULT_MIN_CONFIDENCE, foldName, groupPropositions, outletOf, toSourceDoc,
  type Analysis, type ClaimView, type EntitySummary, type PropositionGroup, type SourceDoc,
} from '../crossdoc/index.js';
import type { DeskSource } from './desk-source.js';

/** A document in a list. */
export interface DocSummary {
  readonly id: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly outlet: string;
  readonly url: string | null;
  readonly format: string;
  readonly counts: { readonly entities: number; readonly claims: number; readonly events: number };
}

/** What a list and a document page both show of a document: id, title, date, outlet, URL and format. */
export function docHeader(d: Doc): Omit<DocSummary, 'counts'> {
  return { id: d.id, title: d.title?.value ?? null, published: d.published?.value ?? null, outlet: outletOf(d), url: d.origin.url ?? null, format: d.format };
}

/** The snapshot. */
export class DeskView {
  readonly byId: Map<string, Doc>;
  readonly sources: readonly SourceDoc[];
  readonly sourceById: Map<string, SourceDoc>;
  readonly analysis: Analysis;
  readonly summaries: readonly DocSummary[];
  /** Claims by speaker entity id, for entity pages. */
  readonly claimsBySpeaker: Map<string, ClaimView[]>;
  /** Folded names and aliases of each entity, for search. */
  readonly searchKeys: Map<string, string[]>;

  /**
   * @param docs the documents, in the source's order
   * @param stamps the source's stamp of each document when it was loaded (see `DeskSource.changes`), so the next
   *   snapshot reloads only what changed; empty for sources without stamps
   */
  constructor(readonly docs: readonly Doc[], readonly stamps: ReadonlyMap<string, string> = new Map()) {
    this.byId = new Map(docs.map((d) => [d.id, d]));
    this.sources = docs.map(sourceOf);
    this.sourceById = new Map(this.sources.map((s) => [s.id, s]));
    // Propositions: only confident ones by default (see {@link DeskView.propositionsAt} for others).
    this.analysis = analyze(this.sources, { propositions: { minConfidence: DEFAULT_MIN_CONFIDENCE } });
    this.summaries = docs
      .map((d) => ({ ...docHeader(d), counts: { entities: d.entities.length, claims: d.claims.length, events: d.events.length } }))
      .sort((a, b) => compareCode(b.published ?? '', a.published ?? '') || compareCode(a.id, b.id));
    this.claimsBySpeaker = new Map();
    for (const s of this.sources) {
      for (const c of s.claims) {
        if (!c.speaker) continue;
        const list = this.claimsBySpeaker.get(c.speaker) ?? [];
        list.push(claimView(s, c));
        this.claimsBySpeaker.set(c.speaker, list);
      }
    }
    for (const list of this.claimsBySpeaker.values()) list.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
    this.searchKeys = new Map();
    for (const e of this.analysis.entities.values()) {
      this.searchKeys.set(e.id, [...new Set([e.name, ...e.aliases.map((a) => a.text)].map(foldName))]);
    }
  }

  private readonly byConfidence = new Map<number, readonly PropositionGroup[]>();

  /** The propositions whose claims reach `minConfidence` (0: all); the default threshold's are `analysis.propositions`. */
  propositionsAt(minConfidence: number): readonly PropositionGroup[] {
    if (minConfidence === DEFAULT_MIN_CONFIDENCE) return this.analysis.propositions;
    let found = this.byConfidence.get(minConfidence);
    if (!found) {
      found = groupPropositions(this.sources, { minConfidence });
      if (this.byConfidence.size > 8) this.byConfidence.clear();
      this.byConfidence.set(minConfidence, found);
    }
    return found;
  }

  /** Entities whose name or an alias matches the query (substring, or one edit per five letters). */
  searchEntities(q: string): EntitySummary[] {
    return matchNames([...this.analysis.entities.values()], q, (e) => this.searchKeys.get(e.id) ?? []);
  }
}

/** What {@link matchNames} ranks: an entity's id and name and how often it is mentioned. */
export interface Named {
  readonly id: string;
  readonly name: string;
  readonly mentions: number;
}

/** The order of an entity listing: most mentioned first, then by name and id (code units, as the store's SQL). */
export function compareNamed(a: Named, b: Named): number {
  return b.mentions - a.mentions || compareCode(a.name, b.name) || compareCode(a.id, b.id);
}

/**
 * The items whose folded name or alias (`keysOf`) matches the query: equal first, then containing it, then within one
 * edit per five letters (spelling variants such as "Malyar" for "Maliar" are the norm in translated news); then the
 * most mentioned, then by name. One rule for the desk in memory and for the store's entity directory.
 */
export function matchNames<T extends Named>(items: readonly T[], q: string, keysOf: (item: T) => readonly string[]): T[] {
  const fq = foldName(q);
  // A query of punctuation alone ("%", "_") folds to nothing: it names no entity rather than every one.
  if (!fq) return [];
  const budget = Math.floor(fq.length / 5);
  const scored: { e: T; score: number }[] = [];
  for (const e of items) {
    let score = Infinity;
    for (const k of keysOf(e)) {
      if (k === fq) score = Math.min(score, 0);
      else if (k.includes(fq)) score = Math.min(score, 1);
      else if (budget > 0) {
        for (const word of [k, ...k.split(' ')]) {
          const d = editDistance(word, fq, budget);
          if (d <= budget) score = Math.min(score, 2 + d);
        }
      }
    }
    if (score < Infinity) scored.push({ e, score });
  }
  return scored.sort((a, b) => a.score - b.score || compareNamed(a.e, b.e)).map((s) => s.e);
}

/** Cross-document views of documents, kept while the document is: a snapshot that keeps a document reuses it. */
const SOURCES = new WeakMap<Doc, SourceDoc>();

function sourceOf(doc: Doc): SourceDoc {
  let source = SOURCES.get(doc);
  if (!source) SOURCES.set(doc, (source = toSourceDoc(doc)));
  return source;
}

/** Levenshtein distance, giving up (returning `max + 1`) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Keeps one snapshot per desk version. The version itself is asked of the source at most once per
 * `recheckMs` (default 1 s): asking is a database round trip, and on PGlite, with one connection, doing it on
 * every request would make that query the whole cost of serving. Writes through this process call
 * {@link DeskViews.invalidate}, so only other processes' writes can be up to `recheckMs` late.
 */
export class DeskViews {
  private current: { version: string; view: Promise<DeskView> } | null = null;
  private checked: { at: number; version: Promise<string> } | null = null;

  constructor(private readonly source: DeskSource, private readonly recheckMs = 1000) {}

  /** Forgets the known version, so the next request asks the source again. */
  invalidate(): void {
    this.checked = null;
  }

  private version(): Promise<string> {
    const now = Date.now();
    if (!this.checked || now - this.checked.at >= this.recheckMs) {
      const version = this.source.version();
      this.checked = { at: now, version };
      version.catch(() => {
        if (this.checked?.version === version) this.checked = null;
      });
    }
    return this.checked.version;
  }

  /**
   * A new snapshot. With a source that reports changes, the documents of the previous snapshot are kept and only new
   * or changed rows are read (a POST at 10,000 documents reads one row, not 10,000); otherwise every document is read.
   */
  private async load(previous: Promise<DeskView> | undefined): Promise<DeskView> {
    if (!this.source.changes) return new DeskView(await this.source.documents());
    const before = previous ? await previous.catch(() => null) : null;
    const changes = await this.source.changes(before?.stamps ?? new Map());
    const fresh = new Map(changes.docs.map((d) => [d.id, d]));
    const docs: Doc[] = [];
    for (const id of changes.order) {
      const doc = fresh.get(id) ?? before?.byId.get(id);
      if (doc) docs.push(doc);
    }
    // Stamps of the documents held only: a row deleted between the two reads is looked at again next time.
    return new DeskView(docs, new Map(docs.map((d) => [d.id, changes.stamps.get(d.id) ?? ''])));
  }

  /** The snapshot of the desk as it is now. */
  async get(): Promise<DeskView> {
    const version = await this.version();
    if (!this.current || this.current.version !== version) {
      const view = this.load(this.current?.view);
      this.current = { version, view };
      // A failed load must not be cached: the next request tries again.
      view.catch(() => {
        if (this.current?.view === view) this.current = null;
      });
    }
    return this.current.view;
  }
}
