/** Debian's chromium for the browser tests, driven by playwright-core: where it is, and how it is launched. */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Why the browser tests cannot run here, or false. */
export const skip: string | false = existsSync(CHROMIUM) ? false : `needs ${CHROMIUM} (apt-get install chromium)`;

/** Launches headless chromium without anything that would reach the network on its own. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Presses the mouse at one point and releases it at another, moving in steps (a drag). */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 6): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}
