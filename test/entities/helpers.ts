/** Shared set-up for the entities tests: the pipeline up to and including the entities stage. */
import { createContext, runPipeline, stages } from '../../src/pipeline.js';
import { createDoc, type Context, type Doc, type Entity } from '../../src/core/index.js';
import { entitiesStage } from '../../src/stages/entities/index.js';

/** Stages up to the entities stage. */
export const upToEntities = stages.slice(0, stages.indexOf(entitiesStage) + 1);

/** A context with the entities stage prepared (built-in knowledge base, fresh registry). */
export function context(kbFiles: string[] = []): Promise<Context> {
  return createContext({ kbFiles }, upToEntities);
}

/** Runs the pipeline up to entities over a text. */
export function run(text: string, ctx: Context, id = 't'): Doc {
  return runPipeline(createDoc({ id, input: text, format: 'text', published: { value: '2023-05-12', rule: 'test' } }), ctx, upToEntities);
}

/** The entities of a kind. */
export function ofKind(doc: Doc, kind: Entity['kind']): Entity[] {
  return doc.entities.filter((e) => e.kind === kind);
}

/** The mention texts of an entity. */
export function texts(e: Entity | undefined): string[] {
  return e ? e.mentions.map((m) => m.text) : [];
}
