/** The places stage (placeholder until its issue lands: returns the document unchanged). */
import type { Stage } from '../../core/index.js';

/** The places stage. */
export const placesStage: Stage = {
  name: 'places',
  run: (doc) => doc,
};
