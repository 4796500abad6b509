import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve('test-results', 'e2e');

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects console errors and CSP violations of a page, to assert that none happened. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Whether anything makes the page wider than the viewport (horizontal scrolling on a phone). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Starts recording whether a job's progress bar is ever shown on the page, however fast the job runs. */
export async function watchJobProgressBars(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = { bar: false };
    (window as unknown as { __jobBarSeen: typeof seen }).__jobBarSeen = seen;
    const check = () => {
      if (document.querySelector('[data-testid="job-progress"] progress')) {
        seen.bar = true;
      }
    };
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true, attributes: true });
    check();
  });
}

/** Whether a job's progress bar was shown since watchJobProgressBars. */
export async function jobProgressBarSeen(page: Page): Promise<boolean> {
  return page.evaluate(
    () => (window as unknown as { __jobBarSeen?: { bar: boolean } }).__jobBarSeen?.bar ?? false,
  );
}

/**
 * Asks for an export that runs as a job (the button `buttonTestId`), waits for its panel to succeed — checking that
 * a progress bar was shown on the way — takes the screenshot `screenshotName`, and downloads the file.
 * Returns the download and the panel's link address.
 */
export async function exportThroughJob(
  page: Page,
  buttonTestId: string,
  screenshotName: string,
): Promise<{ download: Download; href: string | null }> {
  await watchJobProgressBars(page);
  await page.getByTestId(buttonTestId).click();
  const panel = page.getByTestId('job-progress').first();
  await panel.waitFor();
  await expect.poll(() => panel.getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
  expect(await jobProgressBarSeen(page)).toBe(true);
  await screenshot(page, screenshotName);
  const link = panel.getByTestId('job-download');
  const href = await link.getAttribute('href');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { download, href };
}
