/**
 * Regenerates the report's screenshots in docs/ from the seed articles: the HTML report and the desk's Report view
 * (Chromium), the PDF's first page (pdftoppm) and the Markdown as a terminal would show it.
 * `node --import tsx scripts/report-screenshots.ts` (needs /usr/bin/chromium and poppler's pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createDoc } from '../src/core/index.js';
import { DeskView, memoryDesk } from '../src/desk/index.js';
import { startServer } from '../src/http/index.js';
import { createContext, runPipeline } from '../src/pipeline.js';
import { buildReport, installedAdminLookup, printPdf, renderHtml, renderMarkdown } from '../src/report/index.js';
import { esc } from '../src/report/render-svg.js';
import { buildWeb } from '../src/web/build.js';
import { SEEDS } from './shared-dir.js';

const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));
const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';

const ctx = await createContext();
const docs = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => runPipeline(createDoc({ id: f, input: readFileSync(join(SEEDS, f), 'utf8'), format: 'text', origin: { path: f, source: f } }), ctx));
const report = buildReport(new DeskView(docs), {}, { admin: installedAdminLookup() });
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-shots-'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1250 } });
  await page.setContent(renderHtml(report, { deskUrl: 'http://127.0.0.1:8080/' }), { waitUntil: 'load' });
  await page.screenshot({ path: join(DOCS, 'report-html.png') });

  const md = renderMarkdown(report, { deskUrl: 'http://127.0.0.1:8080/' });
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.setContent(`<body style="margin:0;background:#1e1e1e"><pre style="margin:0;padding:14px;color:#ddd;font:12px/1.45 'DejaVu Sans Mono',monospace;white-space:pre-wrap">${esc(`$ npx sitrep report\n${md}`)}</pre></body>`);
  await page.screenshot({ path: join(DOCS, 'report-md.png') });

  const pdf = join(tmp, 'report.pdf');
  writeFileSync(pdf, await printPdf(renderHtml(report), { SITREP_CHROMIUM: CHROMIUM }));
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, join(DOCS, 'report-pdf')]);

  const webRoot = await buildWeb(join(tmp, 'web'));
  const server = await startServer({ store: memoryDesk(docs), webRoot, extract: async (inits) => inits.map((i) => createDoc(i)) });
  try {
    await page.setViewportSize({ width: 1200, height: 1100 });
    await page.goto(`${server.url}/#/report`);
    await page.waitForSelector('main[data-ready="report"]');
    await page.screenshot({ path: join(DOCS, 'report-view.png') });
  } finally {
    await server.close();
  }
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}
console.log('docs/report-html.png, docs/report-md.png, docs/report-pdf.png, docs/report-view.png written');
