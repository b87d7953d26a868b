/**
 * Cross-document analysis: pure functions over extracted documents — stories, propositions with their status,
 * events reconciled across reports, and entities merged with their aliases.
 */
import { groupEvents, type EventGroup, type EventGroupOptions } from './event-groups.js';
import { indexEntities, type EntitySummary } from './entity-index.js';
import { groupPropositions, type PropositionGroup, type PropositionOptions } from './propositions.js';
import type { SourceDoc } from './source-doc.js';
import { clusterStories, type Story, type StoryOptions } from './stories.js';

export * from './dates.js';
export * from './entity-index.js';
export * from './event-groups.js';
export * from './independence.js';
export * from './propositions.js';
export * from './similarity.js';
export * from './source-doc.js';
export * from './stance.js';
export * from './status.js';
export * from './stories.js';

/** Everything the cross-document rules find in a set of documents. */
export interface Analysis {
  readonly propositions: readonly PropositionGroup[];
  readonly stories: readonly Story[];
  readonly events: readonly EventGroup[];
  readonly entities: ReadonlyMap<string, EntitySummary>;
}

/** Options of {@link analyze}, one per rule. */
export interface AnalysisOptions {
  readonly propositions?: PropositionOptions;
  readonly stories?: StoryOptions;
  readonly events?: EventGroupOptions;
}

/** Runs every cross-document rule over the documents. */
export function analyze(docs: readonly SourceDoc[], options: AnalysisOptions = {}): Analysis {
  return {
    propositions: groupPropositions(docs, options.propositions),
    stories: clusterStories(docs, options.stories),
    events: groupEvents(docs, options.events),
    entities: indexEntities(docs),
  };
}
