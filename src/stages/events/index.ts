/** The events stage (placeholder until its issue lands: returns the document unchanged). */
import type { Stage } from '../../core/index.js';

/** The events stage. */
export const eventsStage: Stage = {
  name: 'events',
  run: (doc) => doc,
};
