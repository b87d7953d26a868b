/** `sitrep report`: the situation report of a period as HTML, PDF or Markdown. */
import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { installedAdminLookup, launchPrinter, makeReport, NoChromiumError, REPORT_FORMATS, type PdfPrinter, type ReportFormat } from '../../report/index.js';
import { UsageError, type Command } from '../command.js';
import { FILTER_FLAGS, filterFlagsHelp, parseFilter } from '../report-flags.js';
import { loadDesk } from './contested.js';

const BY_EXTENSION: Readonly<Record<string, ReportFormat>> = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.md': 'md', '.json': 'json' };

/** The `report` command. */
export const reportCommand: Command = {
  name: 'report',
  usage: `Usage: sitrep report [options]

Writes the situation report of a period: key takeaways (propositions that became contested or corroborated or
changed holder, the deadliest events, new places of fighting), then per front area (oblast or country) the
events by type and each side's claims side by side, every line citing its outlet, date and quote; a map and a
timeline; and what is not known (contested, single-source and undated items).

HTML is one self-contained file (links go to the evidence in the desk); PDF is printed from it by Chromium
(found at $SITREP_CHROMIUM or /usr/bin/chromium); Markdown is for chat and e-mail.

Options:
${filterFlagsHelp("default: the latest day anything in the store is dated")}
  --format FMT        html, pdf, md or json (default: from --out's extension, else md)
  --out FILE          write to FILE (default: standard output; a PDF needs --out or a redirect)
  --desk-url URL      where the desk runs, for the evidence links (default http://127.0.0.1:8080/)
  -h, --help          show this help
`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { ...FILTER_FLAGS, format: { type: 'string' }, out: { type: 'string' }, 'desk-url': { type: 'string' } },
    });
    const filter = parseFilter(values);
    const format = (values.format ?? (values.out ? BY_EXTENSION[extname(values.out).toLowerCase()] : undefined) ?? 'md') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, got "${format}"`);
    if (format === 'pdf' && !values.out && io.stdout.isTTY) throw new UsageError('a PDF is not for the terminal: give --out FILE.pdf (or redirect the output)');
    const deskUrl = values['desk-url'] ?? 'http://127.0.0.1:8080/';
    if (!/^https?:\/\//.test(deskUrl)) throw new UsageError(`--desk-url must be an http(s) URL, got "${deskUrl}"`);
    // Chromium starts while the store is read: its launch is the slowest part of a PDF.
    let printer: PdfPrinter | undefined;
    if (format === 'pdf') {
      try {
        printer = launchPrinter(io.env);
      } catch (error) {
        if (!(error instanceof NoChromiumError)) throw error;
        io.stderr.write(`sitrep report: ${error.message}\n`);
        return 1;
      }
    }
    let body: string | Buffer;
    let summary: string;
    try {
      const view = await loadDesk('report', values.db, io);
      if (!view) return 2;
      const admin = installedAdminLookup((why) => io.stderr.write(`sitrep report: ${why}\n`));
      const made = await makeReport(view, filter, format, { admin, deskUrl, env: io.env, printer });
      body = made.body;
      const r = made.report;
      summary = r.period
        ? `${r.period.from === r.period.to ? r.period.to : `${r.period.from} to ${r.period.to}`}: ${r.takeaways.length} takeaway(s), ${r.areas.length} area(s)${r.empty ? ', nothing reported' : ''}`
        : 'nothing dated in the store';
    } finally {
      await printer?.close();
    }
    if (values.out) {
      const path = resolve(io.cwd, values.out);
      writeFileSync(path, body);
      io.stderr.write(`sitrep report: ${format} written to ${path} (${summary})\n`);
    } else {
      io.stdout.write(body);
    }
    return 0;
  },
};
