/** The entities stage (placeholder until its issue lands: returns the document unchanged). */
import type { Stage } from '../../core/index.js';

/** The entities stage. */
export const entitiesStage: Stage = {
  name: 'entities',
  run: (doc) => doc,
};
