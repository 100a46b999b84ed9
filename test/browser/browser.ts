// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, pages opened
// from file:// with every console error, page error, dialog and network request recorded.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Outside the project, which keeps only its declared top-level folders.
export const SCREENSHOTS = process.env.CREDENCE_SCREENSHOTS ?? path.join(os.tmpdir(), 'credence-screenshots');
export const BROWSER_TIMEOUT = 60_000;

/**
 * `describe` when Chromium is installed; otherwise skipped with a message — except on CI, where a
 * missing browser must fail the run rather than silently skip it.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`Chromium not found at ${CHROMIUM}: browser tests may not be skipped on CI (set CHROMIUM_PATH)`);
      });
    });
  } else {
    console.warn(`Skipping browser tests "${name}": no Chromium at ${CHROMIUM} (set CHROMIUM_PATH to run them).`);
    describe.skip(name, body);
  }
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export interface Watched {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Every request other than the file:// page itself. */
  requests: string[];
}

export async function open(browser: Browser, file: string, width = 1280, height = 900): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width, height } });
  const self = `file://${file}`;
  const w: Watched = { page, consoleErrors: [], pageErrors: [], dialogs: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') w.consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (r.url().split('#')[0] !== self) w.requests.push(r.url());
  });
  await page.goto(self, { waitUntil: 'load' });
  return w;
}

/** A fresh folder for one test file's pages. */
export function pagesDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `credence-${prefix}-`));
}

export function writePage(dir: string, name: string, html: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, html);
  return file;
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file, fullPage });
  return file;
}
