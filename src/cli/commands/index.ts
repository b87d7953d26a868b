/** Every `sitrep` command, in the order `sitrep --help` lists them. */
import type { Command } from '../command.js';
import { extractCommand } from './extract.js';

export const commands: Command[] = [
  extractCommand,
];
