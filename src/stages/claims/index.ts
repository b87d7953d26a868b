/** The claims stage (placeholder until its issue lands: returns the document unchanged). */
import type { Stage } from '../../core/index.js';

/** The claims stage. */
export const claimsStage: Stage = {
  name: 'claims',
  run: (doc) => doc,
};
