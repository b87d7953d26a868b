/** The time stage (placeholder). */
import type { Stage } from '../../core/index.js';

/** The time stage. */
export const timeStage: Stage = {
  name: 'time',
  run: (doc) => doc,
};
