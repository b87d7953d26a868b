/**
 * The document that travels through the pipeline. It holds the input exactly as read and never edits it;
 * each stage returns a new document with its own layer added.
 */
import type { Message } from './message.js';
import type { Span } from './span.js';
import { TextView } from './text-view.js';
import type { Lang } from './lang/types.js';

/** Input formats sitrep reads. */
export type DocFormat = 'text' | 'html' | 'feed-item' | 'jsonl';

/** Where a document came from. */
export interface DocOrigin {
  /** File path as given, or `-` for standard input. */
  readonly path?: string;
  /** 1-based line of a JSON Lines record, or 1-based index of a feed item. */
  readonly line?: number;
  readonly url?: string;
  /** The outlet or feed name (`source` in JSON Lines, the channel title of a feed). */
  readonly source?: string;
  /** Encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1251`, …). */
  readonly encoding?: string;
}

/** A dated value with the rule (and, when found in the text, the span) that gave it. */
export interface DatedValue {
  /** ISO date `YYYY-MM-DD`. */
  readonly value: string;
  readonly rule: string;
  readonly span?: Span;
}

/** A sentence: a span of the input plus its range in the view text. */
export interface Sentence extends Span {
  readonly index: number;
  /** Start in `doc.view.text`. */
  readonly vStart: number;
  /** End in `doc.view.text`. */
  readonly vEnd: number;
  /** True when it is a headline or title-like line without final punctuation. */
  readonly headline?: boolean;
}

/** Precision of a resolved date, as ACLED's time_precision. */
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** A time expression found in the text. */
export interface TimeExpression extends Span {
  /** Resolved ISO date, or null when no reference date allows resolving it (never guessed). */
  readonly value: string | null;
  readonly precision?: DatePrecision;
  readonly sentence: number;
  /** Why it is unresolved, when `value` is null. */
  readonly unresolved?: string;
}

/** A mention of an entity. */
export interface Mention extends Span {
  readonly sentence: number;
  /** Set when the mention is a metonym (e.g. "Moscow" in "Moscow said" standing for a government). */
  readonly metonym?: boolean;
  /**
   * Set on a place named to say where the place before it lies: after a comma ("Bakhmut" and "Donetsk Oblast" in
   * "Zvanivka, Bakhmut, Donetsk Oblast") or as the anchor of a bearing ("Bakhmut" in "Blahodatne, north of
   * Bakhmut"): not a place of its own in that sentence.
   */
  readonly qualifier?: boolean;
}

/** Entity kinds of the extraction contract. */
export type EntityKind = 'person' | 'organization' | 'place' | 'weapon';

/** An entity with every mention of it in the document. */
export interface Entity {
  /** Stable across documents of a run and in the store. */
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  /** Side it speaks for (`UA`, `RU`, `US`, …) where known. */
  readonly side?: string;
  readonly role?: string;
  readonly lat?: number;
  readonly lon?: number;
  readonly country?: string;
  readonly geonamesId?: number;
  /** Sub-kind, e.g. `ministry`, `armed-group`, `media`, `country`, `admin1`, `city`. */
  readonly type?: string;
  /** Set on places that could not be geocoded. */
  readonly unresolved?: boolean;
  readonly mentions: readonly Mention[];
}

/** A normalised proposition about the front line carried by a claim. */
export interface Proposition {
  readonly kind: 'control' | 'advance' | 'encirclement' | 'losses' | string;
  /** Entity id of the place. */
  readonly place?: string;
  readonly holder?: string;
  readonly polarity: 'asserts' | 'denies';
  readonly count?: number;
  readonly rule?: string;
  /** 0–1: how sure the frame and the way its roles were filled make it (see docs/claims.md). */
  readonly confidence?: number;
  /** What made it: the frame's rule, the predicate, how each role was filled, every rule that shaped it. */
  readonly evidence?: PropositionEvidence;
}

/** Evidence of a proposition. */
export interface PropositionEvidence {
  readonly rule: string;
  readonly frame: string;
  readonly predicate: string;
  /** Role → how it was filled, e.g. `holder: subject NP "Russian forces"`, `place: anaphor "the town" -> Soledar`. */
  readonly roles: Readonly<Record<string, string>>;
  readonly rules: readonly string[];
}

/** An attributed statement. */
export interface Claim {
  readonly id: string;
  /** Entity id of the speaker, or null. */
  readonly speaker: string | null;
  readonly speakerText: string | null;
  readonly speakerSpan?: Span;
  readonly side?: string;
  /** Set when neither an entity nor a side could be found for the speaker: the claim counts as no source. */
  readonly speakerUnresolved?: boolean;
  readonly cue: string;
  readonly cueSpan?: Span;
  /** The whole attribution (speaker, cue and content). */
  readonly start: number;
  readonly end: number;
  readonly content: string;
  readonly contentSpan: Span;
  readonly channel?: string;
  readonly date?: string | null;
  readonly datePrecision?: DatePrecision;
  /** The most confident front-line proposition of the content. */
  readonly proposition?: Proposition;
  /** Every proposition of the content, most confident first (`proposition` is the first); absent when one or none. */
  readonly propositions?: readonly Proposition[];
  readonly sentence: number;
  readonly rule: string;
}

/** An ACLED-typed event. */
export interface ConflictEvent {
  readonly id: string;
  readonly type: string;
  readonly subType: string;
  readonly date: string | null;
  readonly datePrecision?: DatePrecision;
  /** Entity id of the place. */
  readonly place: string | null;
  /** ACLED geo precision: 1 the place itself, 2 a region around it, 3 a larger area (null without a place). */
  readonly geoPrecision?: number | null;
  readonly actors: readonly string[];
  readonly fatalities: number | null;
  readonly injuries?: number | null;
  readonly quantity?: number | null;
  /** Claims that report it. */
  readonly claims?: readonly string[];
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sentence: number;
  readonly rule: string;
  /** How sure the stage is that this happening occurred as typed and placed (0–1). */
  readonly confidence?: number;
  /** Why: the frame that made it, the gates it passed and how each role was filled. */
  readonly evidence?: EventEvidence;
}

/** How an event was made: its frame (predicate), and for each role the rule that filled it and the words. */
export interface EventEvidence {
  /** The frame: `events/<trigger rule>`, the class code and the predicate words. */
  readonly frame: { readonly rule: string; readonly code: string; readonly predicate: string };
  /** `author` when the text narrates it, `attributed` when a claim reports it. */
  readonly voice: 'author' | 'attributed';
  /** Each role: the rule that filled it and the words it took (input text). */
  readonly roles: Readonly<Record<string, { readonly rule: string; readonly text: string | null }>>;
  /** Names of the rules that adjusted the confidence, with their effect. */
  readonly confidence: readonly string[];
}

/** The document. */
export interface Doc {
  readonly id: string;
  /** The input exactly as read (decoded to UTF-16). Never edited. */
  readonly input: string;
  readonly format: DocFormat;
  readonly origin: DocOrigin;
  readonly title?: { readonly value: string; readonly span?: Span };
  /** Publication date: metadata first, then a dateline in the text. */
  readonly published?: DatedValue;
  /** The readable text and its map back to `input`. */
  readonly view: TextView;
  /** Boilerplate ranges no later stage extracts from. */
  readonly excluded: readonly Span[];
  readonly sentences: readonly Sentence[];
  /** The linguistic layer over the sentences: words with tags and lemmas, chunks, clauses (see docs/language.md). */
  readonly lang: Lang;
  readonly times: readonly TimeExpression[];
  readonly entities: readonly Entity[];
  readonly claims: readonly Claim[];
  readonly events: readonly ConflictEvent[];
  readonly messages: readonly Message[];
}

/** Fields a reader supplies to create a document. */
export interface DocInit {
  id: string;
  input: string;
  format: DocFormat;
  origin?: DocOrigin;
  title?: { value: string; span?: Span };
  published?: DatedValue;
  view?: TextView;
  messages?: Message[];
}

/** Creates a document with empty layers. */
export function createDoc(init: DocInit): Doc {
  return {
    id: init.id,
    input: init.input,
    format: init.format,
    origin: init.origin ?? {},
    title: init.title,
    published: init.published,
    view: init.view ?? TextView.identity(init.input),
    excluded: [],
    sentences: [],
    lang: { words: [], sentences: [], chunks: [], clauses: [] },
    times: [],
    entities: [],
    claims: [],
    events: [],
    messages: init.messages ?? [],
  };
}
