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

/** A Chromium that prints pages to PDF; launched when made, so the launch overlaps whatever the caller does next. */
export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Starts Chromium now and returns the printer. Throws {@link NoChromiumError} at once when there is none, so a
 * command fails before it reads the store.
 */
export function launchPrinter(env: NodeJS.ProcessEnv = process.env): PdfPrinter {
  const executablePath = findChromium(env);
  const browser = import('playwright-core').then(({ chromium }) => chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-extensions', '--disable-sync'],
  }));
  // A launch that fails is reported by print(); until then it must not be an unhandled rejection.
  browser.catch(() => {});
  return {
    async print(html) {
      const running = await browser.catch((error: Error) => {
        throw new NoChromiumError(`Chromium at ${executablePath} could not be started (${error.message.split('\n')[0]}); set SITREP_CHROMIUM to a working Chromium or Chrome`);
      });
      const page = await running.newPage({ offline: true });
      try {
        // The report is self-contained; anything it would fetch is refused rather than waited for.
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
          displayHeaderFooter: true, headerTemplate: '<span></span>',
          footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#777"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
        });
      } finally {
        await page.close();
      }
    },
    async close() {
      await (await browser.catch(() => null))?.close();
    },
  };
}

/** Prints a self-contained HTML page to PDF (A4, backgrounds on, page numbers in the footer). */
export async function printPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const printer = launchPrinter(env);
  try {
    return await printer.print(html);
  } finally {
    await printer.close();
  }
}
