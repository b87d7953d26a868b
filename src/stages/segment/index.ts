/** The segment stage (placeholder). */
import type { Stage } from '../../core/index.js';

/** The segment stage. */
export const segmentStage: Stage = {
  name: 'segment',
  run: (doc) => doc,
};
