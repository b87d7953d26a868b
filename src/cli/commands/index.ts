/** Every `sitrep` command, in the order `sitrep --help` lists them. */
import type { Command } from '../command.js';
import { docsCommand } from './docs.js';
import { extractCommand } from './extract.js';
import { ingestCommand } from './ingest.js';
import { contestedCommand } from './contested.js';
import { entityCommand } from './entity.js';
import { storiesCommand } from './stories.js';
import { serveCommand } from './serve.js';
import { reportCommand } from './report.js';
import { exportCommand } from './export.js';

export const commands: Command[] = [
  extractCommand,
  ingestCommand,
  docsCommand,
  contestedCommand,
  entityCommand,
  storiesCommand,
  serveCommand,
  reportCommand,
  exportCommand,
];
