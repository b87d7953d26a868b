/**
 * PDF: the HTML report printed by headless Chromium through playwright-core — the browser the desk's tests
 * already drive. No browser is downloaded: the machine's Chromium is used, found at `$SITREP_CHROMIUM` or a
 * usual path; without one, printing fails with a sentence saying how to get one.
 */
import { existsSync } from 'node:fs';

/** Where Chromium is looked for, in order, after `$SITREP_CHROMIUM`. */
export const CHROMIUM_PATHS: readonly string[] = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The misconfiguration of a machine without Chromium. */
export class NoChromiumError extends Error {}

/** The Chromium executable to print with, or throws {@link NoChromiumError}. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.SITREP_CHROMIUM;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new NoChromiumError(`SITREP_CHROMIUM is set to ${configured}, which does not exist; point it at a Chromium or Chrome executable`);
  }
  const found = CHROMIUM_PATHS.find((p) => existsSync(p));
  if (!found) {
    throw new NoChromiumError('printing a PDF needs Chromium and none was found: install it (Debian/Ubuntu: apt-get install chromium) or set SITREP_CHROMIUM to its path; --format html or md need no browser');
  }
  return found;
}

/** Prints a self-contained HTML page to PDF (A4, backgrounds on, page numbers in the footer). */
export async function printPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const executablePath = findChromium(env);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    // The report is self-contained; anything it would fetch is refused rather than waited for.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      displayHeaderFooter: true, headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#777"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
  } finally {
    await browser.close();
  }
}
