/** `sitrep extract`: prints the extraction contract, one JSON object per document per line. */
import { parseArgs } from 'node:util';
import { createDoc } from '../../core/index.js';
import { toExtractJson } from '../../contract.js';
import { DEFAULT_MAX_BYTES, readSources } from '../../ingest/index.js';
import { runPipeline } from '../../pipeline.js';
import { loadContextOrReport } from '../context-cache.js';
import type { Command } from '../command.js';
import { PIPELINE_FLAGS, pipelineFlagsHelp, pipelineSettings } from '../options.js';
import { formatProblem } from '../report.js';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'print entities, claims, events and times of each document as JSON Lines',
  usage: `Usage: sitrep extract [FILE|DIR|-]… [options]

Reads plain text, HTML, RSS/Atom feeds and JSON Lines ({"id","text","title"?,"published"?,"source"?,"url"?})
from files, folders (recursively) or standard input (no FILE, or -), and prints one JSON object per document.
Problems go to standard error as "file:line:col severity reason rule"; the exit code is 1 when any input failed.

Options:
${pipelineFlagsHelp(DEFAULT_MAX_BYTES)}
  --pretty                indent the JSON (one object per block instead of per line)
  -h, --help              show this help
`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...PIPELINE_FLAGS,
        pretty: { type: 'boolean', default: false },
      },
    });
    const { published, kbFiles, maxBytes } = pipelineSettings(values, DEFAULT_MAX_BYTES);
    const inputs = positionals.length ? positionals : ['-'];
    if (inputs.includes('-') && io.stdin.isTTY) {
      io.stderr.write('sitrep extract: reading standard input (give FILE arguments, or pipe text in; Ctrl-D ends)\n');
    }
    const ctx = await loadContextOrReport('extract', { published, kbFiles }, io.stderr);
      if (!ctx) return 2;
    let failed = 0;
    let read = 0;
    for await (const source of readSources(inputs, { published, maxBytes, stdin: io.stdin })) {
      read += source.docs.length;
      for (const p of source.problems) {
        io.stderr.write(formatProblem(source.path, p) + '\n');
        if (p.severity === 'error') failed++;
      }
      for (const init of source.docs) {
        const doc = runPipeline(createDoc(init), ctx);
        for (const m of doc.messages) {
          if (m.severity === 'info') continue;
          io.stderr.write(formatProblem(source.path, m, doc.input) + '\n');
          if (m.severity === 'error') failed++;
        }
        io.stdout.write(JSON.stringify(toExtractJson(doc), null, values.pretty ? 2 : undefined) + '\n');
      }
    }
    if (!read && !failed) {
      io.stderr.write(`sitrep extract: no document found in ${inputs.join(', ')}\n`);
      return 1;
    }
    return failed ? 1 : 0;
  },
};
