/**
 * Propositions across documents: claims about the same thing (kind + place, e.g. control of Bakhmut) from
 * every document, grouped within a time window and marked corroborated, contested or single-source.
 *
 * Claims are kept one by one with their own dates, in date order: a claim of May 12 and one of May 25 stay
 * two dated claims in one proposition (when within the window), never merged into one moment.
 */
import type { Claim, Entity, Proposition } from '../core/index.js';
import { compareCode, compareDates, daysBetween } from './dates.js';
import { mergeTextSources, sourceKey } from './independence.js';
import type { SourceDoc } from './source-doc.js';
import { stanceLabel, stanceOf, type Stance } from './stance.js';
import { judgeStatus, type SourceCounts, type Status } from './status.js';

/** One claim about a proposition, placed in its document: who said it, for which side, when, where it is. */
export interface ClaimRecord {
  readonly claimId: string;
  readonly docId: string;
  readonly outlet: string;
  readonly published: string | null;
  /** The claim's own date, else its document's publication date, else null. */
  readonly date: string | null;
  /** Where `date` came from: the claim itself or the publication date. */
  readonly dateFrom: 'claim' | 'published' | 'none';
  readonly speaker: string | null;
  readonly speakerName: string | null;
  /** The side the speaker speaks for, or null when unknown. */
  readonly side: string | null;
  /** Key of the independent source (see {@link sourceKey}). */
  readonly source: string;
  readonly cue: string;
  readonly channel: string | null;
  readonly content: string;
  readonly holder: string | null;
  readonly polarity: 'asserts' | 'denies';
  /** `RU asserts`, `UA denies`, … */
  readonly stance: string;
  /** The whole attribution, as an input span of its document. */
  readonly evidence: { readonly start: number; readonly end: number; readonly text: string };
  /** The proposition's confidence (1 when the extractor gave none). */
  readonly confidence: number;
  /** The rule (frame) that made the proposition, and how each role was filled. */
  readonly why: Proposition['evidence'] | null;
  /** True when the speaker could not be resolved (no entity, no side): shown, but not counted as a source. */
  readonly unresolved: boolean;
}

/** What one side says about a proposition: one stance with its independent sources and latest date. */
export interface SideStance {
  readonly side: string;
  /** `RU asserts`, `RU denies`, … */
  readonly stance: string;
  readonly sources: number;
  readonly latest: string | null;
}

/** A proposition: claims about one kind + place within one time window. */
export interface PropositionGroup {
  /** `<kind>:<place>:<first date or undated>`, stable for the same claims. */
  readonly id: string;
  readonly kind: string;
  readonly place: string | null;
  readonly placeName: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** First and last claim dates (null when undated). */
  readonly from: string | null;
  readonly to: string | null;
  /** Claims in date order. */
  readonly claims: readonly ClaimRecord[];
  readonly status: Status;
  readonly sources: SourceCounts;
  /** True when the contradiction runs between different sides (not, say, two Russian bodies). */
  readonly acrossSides: boolean;
  readonly sides: readonly string[];
  /** Each side's stances, most sources first: the proposition in one line per side. */
  readonly summary: readonly SideStance[];
  readonly docIds: readonly string[];
  readonly outlets: readonly string[];
  /** The highest confidence among its claims. */
  readonly confidence: number;
}

/** Options of {@link groupPropositions}. */
export interface PropositionOptions {
  /**
   * Largest gap, in days, between consecutive claims of one proposition. Front-line claims are answered within
   * days to weeks (a capture claim, a denial two weeks later), so the default is 21; a longer silence starts a
   * new proposition, because by then the situation on the ground has moved.
   */
  readonly windowDays?: number;
  /**
   * Propositions below this confidence are left out (default 0: every one). The desk and `sitrep contested`
   * use {@link DEFAULT_MIN_CONFIDENCE} unless asked for all.
   */
  readonly minConfidence?: number;
}

/** The default time window, in days. */
export const DEFAULT_WINDOW_DAYS = 21;

/**
 * The confidence the desk and `sitrep contested` require by default. Measured on the picture gold (dev half):
 * at 0.5 precision rises from 0.82 (all) to 0.91 with the same recall (see docs/claims.md).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** Every proposition of a claim: `propositions` when present, else `proposition`. */
export function claimPropositions(claim: Claim): readonly Proposition[] {
  return claim.propositions ?? (claim.proposition ? [claim.proposition] : []);
}

function entityIndex(doc: SourceDoc): Map<string, Entity> {
  return new Map(doc.entities.map((e) => [e.id, e]));
}

/** Builds the record of one claim with a proposition (its first, unless another is given). */
export function claimRecord(doc: SourceDoc, claim: Claim, entities = entityIndex(doc), proposition: Proposition | undefined = claim.proposition): ClaimRecord | null {
  const p = proposition;
  if (!p) return null;
  const speaker = claim.speaker ? entities.get(claim.speaker) : undefined;
  const date = claim.date ?? doc.published ?? null;
  const stance: Stance = stanceOf(p);
  const start = Math.max(0, Math.min(claim.start, doc.input.length));
  const end = Math.max(start, Math.min(claim.end, doc.input.length));
  return {
    claimId: claim.id,
    docId: doc.id,
    outlet: doc.outlet,
    published: doc.published,
    date,
    dateFrom: claim.date ? 'claim' : doc.published ? 'published' : 'none',
    speaker: claim.speaker,
    speakerName: speaker?.name ?? claim.speakerText ?? null,
    side: claim.side ?? speaker?.side ?? null,
    source: sourceKey(claim, doc.outlet),
    cue: claim.cue,
    channel: claim.channel ?? null,
    content: claim.content,
    holder: stance.holder,
    polarity: stance.polarity,
    stance: stanceLabel(stance),
    evidence: { start, end, text: doc.input.slice(start, end) },
    confidence: p.confidence ?? 1,
    why: p.evidence ?? null,
    unresolved: claim.speakerUnresolved === true,
  };
}

/** A claim as the API shows it: its proposition record when it has one, else the same fields without it. */
export type ClaimView = Omit<ClaimRecord, 'holder' | 'polarity' | 'stance'> & {
  readonly proposition: Claim['proposition'] | null;
};

/** The API view of one claim. */
export function claimView(doc: SourceDoc, claim: Claim): ClaimView {
  const withProposition = claim.proposition ? claim : { ...claim, proposition: { kind: '', polarity: 'asserts' as const } };
  const record = claimRecord(doc, withProposition);
  if (!record) throw new Error(`claim ${claim.id} could not be read`);
  const { holder: _h, polarity: _p, stance: _s, ...rest } = record;
  return { ...rest, proposition: claim.proposition ?? null };
}

interface Pending {
  kind: string;
  place: string | null;
  placeEntity?: Entity;
  records: ClaimRecord[];
}

/** Groups every claim with a proposition, across documents, into propositions; newest first. */
export function groupPropositions(docs: readonly SourceDoc[], options: PropositionOptions = {}): PropositionGroup[] {
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  const minConfidence = options.minConfidence ?? 0;
  const byKey = new Map<string, Pending>();
  for (const doc of docs) {
    const entities = entityIndex(doc);
    for (const claim of doc.claims) {
      for (const prop of claimPropositions(claim)) {
        if ((prop.confidence ?? 1) < minConfidence) continue;
        const record = claimRecord(doc, claim, entities, prop);
        if (!record) continue;
        const place = prop.place ?? null;
        const key = `${prop.kind}\u0000${place ?? ''}`;
        let pending = byKey.get(key);
        if (!pending) byKey.set(key, (pending = { kind: prop.kind, place, records: [] }));
        if (!pending.placeEntity && place) pending.placeEntity = entities.get(place);
        pending.records.push(record);
      }
    }
  }
  const merged = mergeTextSources([...byKey.values()].flatMap((p) => p.records.map((r) => r.source)));
  const groups: PropositionGroup[] = [];
  for (const pending of byKey.values()) groups.push(...propositionsOfKey(pending, merged, windowDays));
  return groups.sort(comparePropositions);
}

/** Claims of each side a listing item keeps: the latest ones (a proposition of a large store has thousands). */
export const LISTING_CLAIMS_PER_SIDE = 10;

/**
 * A proposition as a listing shows it: everything of the proposition (status, sources, summary, dates over every
 * claim), but of its claims only the latest {@link LISTING_CLAIMS_PER_SIDE} of each side (in date order) and of its
 * documents those of the claims kept; `claimCount` and `docCount` count them all. The whole proposition is one
 * request away (`GET /api/propositions/{id}`), so a page stays small whatever the store's size.
 */
export interface PropositionListing extends PropositionGroup {
  readonly claimCount: number;
  readonly docCount: number;
}

/** The listing item of a proposition (see {@link PropositionListing}). */
export function propositionListing(p: PropositionGroup): PropositionListing {
  const left = new Map<string, number>();
  const keep = new Array<boolean>(p.claims.length);
  for (let i = p.claims.length - 1; i >= 0; i--) {
    const side = p.claims[i].side ?? 'unknown';
    const n = left.get(side) ?? LISTING_CLAIMS_PER_SIDE;
    keep[i] = n > 0;
    left.set(side, n - 1);
  }
  const claims = p.claims.filter((_, i) => keep[i]);
  return { ...p, claims, docIds: [...new Set(claims.map((c) => c.docId))], claimCount: p.claims.length, docCount: p.docIds.length };
}

/** The order of propositions in a listing: latest claim first, then by id. */
export function comparePropositions(a: PropositionGroup, b: PropositionGroup): number {
  return compareDates(b.to, a.to) || compareCode(a.id, b.id);
}

/** What the propositions of one kind + place are made from (see {@link propositionsOfKey}). */
export interface PropositionKey {
  readonly kind: string;
  readonly place: string | null;
  /** The place's entity in the first document (in the documents' order) that names it among the key's claims. */
  readonly placeEntity?: Pick<Entity, 'name' | 'lat' | 'lon'>;
  /** The key's claim records, in the documents' order (then each document's claim order). */
  readonly records: readonly ClaimRecord[];
}

/**
 * The propositions of one kind + place: its records with their text sources merged (`merged`, from
 * {@link mergeTextSources} over every record of the same threshold), in date order, split by the time window. The
 * store keeps these per key as documents arrive (`src/store/desk-tables.ts`); {@link groupPropositions} runs it over
 * every key.
 */
export function propositionsOfKey(key: PropositionKey, merged: ReadonlyMap<string, string>, windowDays = DEFAULT_WINDOW_DAYS): PropositionGroup[] {
  const records = key.records.map((r) => (merged.has(r.source) ? { ...r, source: merged.get(r.source)! } : r));
  const sorted = records.sort(
    (a, b) => compareDates(a.date, b.date) || a.docId.localeCompare(b.docId) || a.evidence.start - b.evidence.start,
  );
  return splitByWindow(sorted, windowDays).map((window) => makeGroup(key, window));
}

/** Splits date-ordered records wherever the gap between neighbours exceeds the window; undated ones go alone. */
function splitByWindow(sorted: readonly ClaimRecord[], windowDays: number): ClaimRecord[][] {
  const out: ClaimRecord[][] = [];
  let current: ClaimRecord[] = [];
  const undated: ClaimRecord[] = [];
  for (const r of sorted) {
    if (r.date === null) {
      undated.push(r);
      continue;
    }
    const last = current[current.length - 1];
    if (last && last.date !== null && daysBetween(last.date, r.date) > windowDays) {
      out.push(current);
      current = [];
    }
    current.push(r);
  }
  if (current.length) out.push(current);
  if (undated.length) out.push(undated);
  return out;
}

function makeGroup(pending: PropositionKey, records: ClaimRecord[]): PropositionGroup {
  const judged = judgeStatus(pending.kind, records);
  const from = records[0]?.date ?? null;
  const to = records[records.length - 1]?.date ?? null;
  const place = pending.placeEntity;
  return {
    id: `${pending.kind}:${pending.place ?? '-'}:${from ?? 'undated'}`,
    kind: pending.kind,
    place: pending.place,
    placeName: place?.name ?? null,
    lat: place?.lat ?? null,
    lon: place?.lon ?? null,
    from,
    to,
    claims: records,
    status: judged.status,
    sources: judged.sources,
    acrossSides: judged.acrossSides,
    sides: [...new Set(records.map((r) => r.side ?? 'unknown'))].sort(),
    summary: summarize(records),
    docIds: [...new Set(records.map((r) => r.docId))],
    outlets: [...new Set(records.map((r) => r.outlet))],
    confidence: Math.max(0, ...records.map((r) => r.confidence)),
  };
}

/** Groups claims by side and stance, counting independent sources and keeping the latest date. */
export function summarize(records: readonly ClaimRecord[]): SideStance[] {
  const acc = new Map<string, { side: string; stance: string; sources: Set<string>; latest: string | null }>();
  for (const r of records) {
    if (r.unresolved) continue;
    const side = r.side ?? 'unknown';
    const key = `${side}\u0000${r.stance}`;
    const a = acc.get(key) ?? { side, stance: r.stance, sources: new Set<string>(), latest: null };
    a.sources.add(r.source);
    if (r.date !== null && (a.latest === null || r.date > a.latest)) a.latest = r.date;
    acc.set(key, a);
  }
  return [...acc.values()]
    .map((a) => ({ side: a.side, stance: a.stance, sources: a.sources.size, latest: a.latest }))
    .sort((a, b) => Number(a.side === 'unknown') - Number(b.side === 'unknown') || a.side.localeCompare(b.side) || b.sources - a.sources || a.stance.localeCompare(b.stance));
}
