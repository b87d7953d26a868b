/** The clean stage (placeholder). */
import type { Stage } from '../../core/index.js';

/** The clean stage. */
export const cleanStage: Stage = {
  name: 'clean',
  run: (doc) => doc,
};
