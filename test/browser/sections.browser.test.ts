// A long document's report in Chromium: the document view in sections that open on demand, and
// following a finding, a link or an address into a closed section opens it. Offline, CSP intact,
// nothing from the source runs.
import { jest } from '@jest/globals';
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { denseDocument } from '../../src/bench/dense.js';
import { renderSourceReport } from '../../src/report/html/index.js';
import { audit, ruleMetas, type Audited } from '../report/fixtures.js';
import { BROWSER_TIMEOUT, describeInBrowser, launch, open, pagesDir, writePage, type Watched } from './browser.js';
import {
  addLinkTo,
  beforeContent,
  contrastFailures,
  findingInClosedSection,
  firstEvidenceMark,
  firstId,
  hasClass,
  injectInlineScript,
  inViewport,
  openAllSections,
  openSections,
  pwned,
  sectionOpen,
} from './in-page.js';

jest.setTimeout(BROWSER_TIMEOUT);

// Markup in the source that must stay text: a script, and an image whose error handler would run.
const HOSTILE = '<script>window.__pwned = 1</script><p>Note: &lt;img src=x onerror="window.__pwned=1"&gt; and <b onclick="window.__pwned=1">bold</b>.</p>';

describeInBrowser('a long document’s report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let file: string;
  let doc: Audited;

  beforeAll(async () => {
    const page = denseDocument('country-list', 100 * 1024, 11).replace('<h2>Regional scope</h2>', `<h2>Regional scope</h2>${HOSTILE}`);
    doc = await audit(page, 'countries.html');
    dir = pagesDir('sections');
    file = writePage(
      dir,
      'countries.html',
      renderSourceReport({ result: doc.result, context: doc.context, rules: await ruleMetas(), generatedAt: '2025-02-03T04:05:06.000Z' }),
    );
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const expectClean = async (w: Watched) => {
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(await w.page.evaluate(pwned)).toBeUndefined();
  };

  it('opens with only the first section open; a closed one opens on a click and shows its line numbers', async () => {
    const w = await open(browser, file);
    const { page } = w;
    expect(await page.locator('details.doc-section').count()).toBeGreaterThan(3);
    expect(await page.evaluate(openSections)).toEqual(['s-1']);
    const inside = (await page.evaluate(firstId, '#s-3 .blk'))!;
    expect(await page.isVisible(`#${inside}`)).toBe(false);
    await page.click('#s-3 > summary');
    expect(await page.isVisible(`#${inside}`)).toBe(true);
    expect(await page.evaluate(beforeContent, `#${inside}`)).toMatch(/^"\d+"/);
    await expectClean(w);
    await page.close();
  });

  it('opens the section a finding’s passage is in when the finding is followed', async () => {
    const w = await open(browser, file);
    const { page } = w;
    const id = await page.evaluate(findingInClosedSection);
    expect(id).not.toBeNull();
    const mark = (await page.evaluate(firstEvidenceMark, id!))!;
    expect(await page.evaluate(sectionOpen, `#${mark}`)).toBe(false);
    await page.click(`#${id} .finding-btn`);
    await page.waitForFunction(inViewport, `#${mark}`);
    expect(await page.evaluate(sectionOpen, `#${mark}`)).toBe(true);
    expect(await page.evaluate(hasClass, [`#${mark}`, 'active'] as [string, string])).toBe(true);
    // And back: the highlight leads to (the first of) its findings.
    const back = (await page.getAttribute(`#${mark} a`, 'href'))!;
    await page.click(`#${mark} a`);
    await page.waitForFunction(hasClass, [back, 'selected'] as [string, string]);
    await expectClean(w);
    await page.close();
  });

  it('opens the section an address points into: on a change of address, on load, and on a link', async () => {
    const last = doc.context.doc.blocks[doc.context.doc.blocks.length - 2].index;
    const w = await open(browser, file);
    const { page } = w;
    expect(await page.evaluate(sectionOpen, `#b-${last}`)).toBe(false);
    await page.goto(`file://${file}#b-${last}`);
    await page.waitForFunction(inViewport, `#b-${last}`);
    expect(await page.evaluate(sectionOpen, `#b-${last}`)).toBe(true);
    // Loaded afresh with that address, every section but the first starts closed: the script opens it.
    await page.reload();
    await page.waitForFunction(inViewport, `#b-${last}`);
    expect(await page.evaluate(sectionOpen, `#b-${last}`)).toBe(true);
    // A link into another closed section, followed by a click.
    const target = (await page.evaluate(firstId, 'details.doc-section:not([open]) .blk'))!;
    await page.evaluate(addLinkTo, target);
    await page.click('#probe-link');
    await page.waitForFunction(inViewport, `#${target}`);
    expect(await page.evaluate(sectionOpen, `#${target}`)).toBe(true);
    await expectClean(w);
    await page.close();
  });

  it('keeps its policy: no inline script of its own making runs, and contrast passes', async () => {
    const w = await open(browser, file);
    const { page } = w;
    expect(await page.evaluate(injectInlineScript)).toBe(false);
    await page.evaluate(openAllSections);
    expect(await page.evaluate(contrastFailures)).toEqual([]);
    w.consoleErrors.splice(0); // the refused probe script is reported as a CSP violation
    await expectClean(w);
    await page.close();
  });
});
