/**
 * The pipeline: the one place that knows the order of the stages, with the reason for each position.
 */
import { createDoc, type Context, type ContextOptions, type Doc, type DocInit, type Stage } from './core/index.js';
import { cleanStage } from './stages/clean/index.js';
import { segmentStage } from './stages/segment/index.js';
import { timeStage } from './stages/time/index.js';
import { entitiesStage } from './stages/entities/index.js';
import { placesStage } from './stages/places/index.js';
import { claimsStage } from './stages/claims/index.js';
import { eventsStage } from './stages/events/index.js';

/**
 * The stages in order. Each reads only what the stages before it left on the document.
 */
export const stages: readonly Stage[] = [
  // Boilerplate must be marked first so that no later stage extracts from it.
  cleanStage,
  // Sentences and the linguistic layer (doc.lang: words, tags, chunks, clauses) over the kept text; every later
  // stage works sentence by sentence and reads words and clauses from it.
  segmentStage,
  // The publication date and time expressions: claims and events take their dates from these.
  timeStage,
  // People, organisations and weapons before places, so that "Wagner Group" or a surname such as
  // "Tula" is not taken for a toponym; places skip spans already claimed by a person or organisation.
  entitiesStage,
  // Places, geocoded and disambiguated against the document's other places.
  placesStage,
  // Claims need speakers (entities) and the places their propositions are about.
  claimsStage,
  // Events last: they link to the claims that report them, the places and the actors.
  eventsStage,
];

/**
 * The stages that read nothing shared between documents (boilerplate, sentences and the linguistic layer, time
 * expressions): a worker thread may run them for any document in any order. They are about a third of the work.
 */
export const independentStages: readonly Stage[] = stages.slice(0, stages.indexOf(entitiesStage));

/**
 * The stages from the entities stage on: its run-wide registry (ids, and a surname alone that names a person met in
 * an earlier document) makes each document depend on the ones before it, and every later stage reads its entities.
 * Run in input order on the thread that owns the run's context, they give the output of a serial run.
 */
export const orderedStages: readonly Stage[] = stages.slice(stages.indexOf(entitiesStage));

/** True when `doc` stopped at a crash of one of `only` (runPipeline's `STAGE/crash` message): nothing to run after. */
export function crashedIn(doc: Doc, only: readonly Stage[]): boolean {
  return doc.messages.some((m) => m.severity === 'error' && only.some((s) => m.rule === `${s.name}/crash`));
}

/** Loads every stage's resources once (gazetteer, knowledge base, registry) into one context. */
export async function createContext(options: ContextOptions = {}, only: readonly Stage[] = stages): Promise<Context> {
  let ctx: Context = { published: options.published };
  for (const stage of only) if (stage.prepare) ctx = await stage.prepare(ctx, options);
  return ctx;
}

/**
 * The context a process needs to link documents extracted by workers ({@link linkDocument} in pipeline-pool.ts):
 * the entities stage's knowledge base and registry, without the gazetteer.
 */
export function createLinkContext(options: ContextOptions = {}): Promise<Context> {
  return createContext(options, [entitiesStage]);
}

/**
 * What a context learnt that the next run needs (the entity registry's records beyond the knowledge base), as
 * plain JSON for the store; {@link restoreContextState} gives it back.
 */
export function contextState(ctx: Context): unknown {
  return ctx.entityRegistry ? { entityRegistry: ctx.entityRegistry.snapshot() } : null;
}

/** Restores what {@link contextState} saved, so entity ids stay stable across runs. */
export function restoreContextState(ctx: Context, state: unknown): void {
  const snap = (state as { entityRegistry?: Parameters<NonNullable<Context['entityRegistry']>['restore']>[0] } | null)?.entityRegistry;
  if (snap && ctx.entityRegistry) ctx.entityRegistry.restore(snap);
}

/** Runs every stage over a document. One document's failure becomes an error message on it, never a throw. */
export function runPipeline(doc: Doc, ctx: Context, only: readonly Stage[] = stages): Doc {
  let current = doc;
  for (const stage of only) {
    try {
      current = stage.run(current, ctx);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ...current,
        messages: [
          ...current.messages,
          { severity: 'error', reason: `stage ${stage.name} failed: ${reason}`, start: 0, end: 0, rule: `${stage.name}/crash` },
        ],
      };
    }
  }
  return current;
}

/** Convenience for tests and the library: extracts from a plain text. */
export function extractText(text: string, options: Partial<DocInit> = {}, ctx: Context = {}): Doc {
  const doc = createDoc({ id: options.id ?? 'text', input: text, format: 'text', ...options });
  return runPipeline(doc, ctx);
}
