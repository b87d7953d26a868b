/**
 * The daily situation report: {@link buildReport} makes the model from the desk, and it is rendered as one
 * self-contained HTML file, Markdown, or a PDF printed from the HTML by Chromium. `sitrep report`,
 * `GET /api/report` and the desk's Report view all go through here.
 */
import type { AdminLookup } from './admin-areas.js';
import { buildReport, type Report } from './model.js';
import { printPdf, type PdfPrinter } from './print-pdf.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import type { DeskData, Filter } from './select.js';

export * from './admin-areas.js';
export * from './model.js';
export * from './print-pdf.js';
export * from './render-html.js';
export * from './render-markdown.js';
export * from './select.js';
export * from './text.js';

/** The report formats. */
export const REPORT_FORMATS = ['html', 'pdf', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Options of {@link makeReport}. */
export interface MakeReportOptions {
  readonly admin?: AdminLookup;
  readonly deskUrl?: string | null;
  /** Nonce of the HTML's stylesheet, for a server whose Content-Security-Policy allows inline styles only by nonce. */
  readonly styleNonce?: string;
  readonly now?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** A printer already launched (see `launchPrinter`); without one, PDF launches its own Chromium. */
  readonly printer?: PdfPrinter;
}

/** The report of a filter in one format: text for html, md and json, bytes for pdf. */
export async function makeReport(desk: DeskData, filter: Filter, format: ReportFormat, options: MakeReportOptions = {}): Promise<{ report: Report; body: string | Buffer }> {
  const report = buildReport(desk, filter, { admin: options.admin, now: options.now });
  switch (format) {
    case 'json':
      return { report, body: JSON.stringify(report) };
    case 'md':
      return { report, body: renderMarkdown(report, { deskUrl: options.deskUrl }) };
    case 'html':
      return { report, body: renderHtml(report, { deskUrl: options.deskUrl, styleNonce: options.styleNonce }) };
    case 'pdf':
    {
      const html = renderHtml(report, { deskUrl: options.deskUrl, styleNonce: options.styleNonce });
      return { report, body: options.printer ? await options.printer.print(html) : await printPdf(html, options.env) };
    }
  }
}

/** Content types of the formats. */
export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  html: 'text/html; charset=utf-8', pdf: 'application/pdf', md: 'text/markdown; charset=utf-8', json: 'application/json',
};
