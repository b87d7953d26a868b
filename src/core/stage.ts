/**
 * A stage: a pure function from a document (and the shared context) to a document with one more layer.
 * Stages never import each other; they read what earlier stages left on the document.
 */
import type { Context } from './context.js';
import type { Doc } from './doc.js';

/** Options from the user that shape the context (CLI flags, API settings). */
export interface ContextOptions {
  /** Extra knowledge-base files (`--kb FILE`). */
  kbFiles?: readonly string[];
  /** Publication date for a single input without one (`--published`). */
  published?: string;
}

/** One step of the pipeline. */
export interface Stage {
  /** Short name, also the prefix of its rules (`clean`, `segment`, `time`, …). */
  readonly name: string;
  /**
   * Loads what the stage needs once per process (a gazetteer, a knowledge base) and returns the context
   * with it added. Throws with a sentence saying how to fix it on misconfiguration.
   */
  prepare?(ctx: Context, options: ContextOptions): Promise<Context> | Context;
  run(doc: Doc, ctx: Context): Doc;
}
