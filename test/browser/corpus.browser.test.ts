import { jest } from '@jest/globals';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { runAudit } from '../../src/run/audit.js';
import { page as reportPage, sizeSentence } from '../corpus/market-pages.js';
import { BROWSER_TIMEOUT, describeInBrowser, launch, open, pagesDir, type Watched } from './browser.js';
import { contrastFailures, inViewport, injectInlineScript, locationHash, pwned, scrollToTop } from './in-page.js';

jest.setTimeout(BROWSER_TIMEOUT);

const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">.html';
const HOSTILE_SITE = '<script>window.__pwned="site"</script>';

/** A batch with one market covered by five publishers (one a unit slip away, one growing far faster, one mirrored twice) and another by two. */
function writeCorpus(dir: string): void {
  mkdirSync(path.join(dir, 'wire'), { recursive: true });
  const sizes = ['USD 412 million', 'USD 530 million', 'USD 4.68 billion', 'USD 455 million', 'USD 498 million'];
  sizes.forEach((size, n) =>
    writeFileSync(
      path.join(dir, n === 4 ? HOSTILE_NAME : `soil-${n}.html`),
      reportPage(n, {
        heading: 'Soil Sensor Market Report',
        figures: [sizeSentence(n, 'soil sensor', size, 2024, { rate: n === 3 ? '38%' : `1${n}.5%`, from: 2024, to: 2030 })],
      }).replace('</title>', `</title><meta property="og:site_name" content='${n === 1 ? HOSTILE_SITE : `Publisher ${n}`}'>`),
    ),
  );
  for (const site of ['wire-a.example', 'wire-b.example'])
    writeFileSync(
      path.join(dir, 'wire', `${site}.html`),
      reportPage(0, {
        heading: 'Global Soil Sensors Market',
        figures: [sizeSentence(0, 'soil sensor', 'USD 412 million', 2024, { rate: '10.5%', from: 2024, to: 2030 })],
        mirror: site,
      }),
    );
  ['USD 90 million', 'USD 9 billion'].forEach((size, n) =>
    writeFileSync(
      path.join(dir, `leaf-${n}.html`),
      reportPage(n + 5, { heading: 'Leaf Sensor Market Report', figures: [sizeSentence(n + 5, 'leaf sensor', size, 2024)] }),
    ),
  );
}

describeInBrowser('the index page across sources in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let index: string;

  beforeAll(async () => {
    dir = pagesDir('corpus');
    writeCorpus(path.join(dir, 'corpus'));
    await runAudit(['corpus'], { cwd: dir, out: path.join(dir, 'out'), formats: ['html'], jobs: 0 });
    index = path.join(dir, 'out', 'index.html');
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const expectClean = async (w: Watched) => {
    expect(await w.page.evaluate(pwned)).toBeUndefined();
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(w.dialogs).toEqual([]);
  };

  it('draws a dot plot per year and per growth rate, the figure out of line red and linked to its finding', async () => {
    const w = await open(browser, index);
    const { page } = w;
    const soil = page.locator('section.market', { hasText: 'Soil Sensor' });
    // Five independent sources: the two mirrors count with the page they copy.
    expect(await soil.locator('h3').textContent()).toContain('5 independent sources (copies counted once)');
    const plots = soil.locator('figure.dot-plot');
    expect(await plots.count()).toBe(2);
    expect(await plots.nth(0).locator('circle.dot').count()).toBe(5);
    expect(await plots.nth(0).locator('line.median').count()).toBe(1);
    expect(await plots.nth(0).locator('figcaption').textContent()).toContain('Market size 2024: 5 independent sources');
    // One outlier per plot: the unit slip in sizes, the 38% in rates; each links to a listed finding.
    const outliers = soil.locator('a circle.dot.outlier');
    expect(await outliers.count()).toBe(2);
    const href = await soil.locator('figure.dot-plot').nth(0).locator('a').getAttribute('href');
    expect(href).toMatch(/^#c-\d+$/);
    expect(await page.textContent(`${href}`)).toContain('soil-2.html puts the Soil Sensor market at USD 4.68 billion in 2024');
    await page.evaluate(scrollToTop);
    await soil.locator('figure.dot-plot').nth(0).locator('a circle').click();
    await page.waitForFunction(inViewport, href!);
    expect(await page.evaluate(locationHash)).toBe(href);
    // The other market has two sources: no consensus, and said so.
    const leaf = page.locator('section.market', { hasText: 'Leaf Sensor' });
    expect(await leaf.locator('figcaption').textContent()).toContain('no consensus: too few independent sources');
    expect(await leaf.locator('circle.outlier').count()).toBe(0);
    await expectClean(w);
    await page.close();
  });

  it('lists the table of each market beside its plots, flagged rows linking to their findings', async () => {
    const w = await open(browser, index);
    const rows = w.page.locator('section.market', { hasText: 'Soil Sensor' }).locator('table.market-table tbody tr');
    expect(await rows.count()).toBe(5);
    const flagged = w.page.locator('section.market tr.flagged');
    expect(await flagged.count()).toBe(2);
    expect(await flagged.nth(0).textContent()).toMatch(/soil-2\.html.*size 2024 out of line.*USD 4\.68 billion/s);
    const copies = await rows.filter({ hasText: 'soil-0.html' }).locator('td').nth(3).textContent();
    expect(copies).toContain('wire-a.example.html');
    await expectClean(w);
    await w.page.close();
  });

  it('sorts the publishers table by its column headers and links each publisher to its sources', async () => {
    const w = await open(browser, index);
    const { page } = w;
    const names = () => page.$$eval('#publishers-table tbody tr td.publisher strong', (els) => els.map((e) => e.textContent));
    const before = await names();
    expect(before.length).toBeGreaterThanOrEqual(8);
    await page.click('#publishers-table th:nth-child(1) button.sort');
    const ascending = await names();
    expect(ascending).toEqual([...before].sort((a, b) => a!.toLowerCase().localeCompare(b!.toLowerCase())));
    expect(await page.getAttribute('#publishers-table th:nth-child(1)', 'aria-sort')).toBe('ascending');
    await page.click('#publishers-table th:nth-child(1) button.sort');
    expect(await names()).toEqual([...ascending].reverse());
    // Every source link leads to a report written beside the index.
    const links = await page.$$eval('#publishers-table ul.source-list a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThanOrEqual(9);
    for (const l of links) expect(l).toMatch(/^\.\/[^:]+\.html$/);
    // Sorting the publishers leaves the sources table alone.
    expect(await page.getAttribute('#sources th:nth-child(1)', 'aria-sort')).toBeNull();
    await expectClean(w);
    await page.close();
  });

  it('shows each group of copies once, naming the original', async () => {
    const w = await open(browser, index);
    const copies = w.page.locator('ul.copies li');
    expect(await copies.count()).toBe(1);
    const text = await copies.innerText();
    expect(text).toMatch(/soil-0\.html \(taken as the original: .*\), copied as .*wire-a\.example\.html, .*wire-b\.example\.html/);
    await expectClean(w);
    await w.page.close();
  });

  it('keeps hostile names inert and its CSP intact, and passes WCAG AA contrast', async () => {
    const w = await open(browser, index);
    const { page } = w;
    expect(await page.textContent('#publishers-table')).toContain(HOSTILE_SITE);
    expect(await page.textContent('#markets')).toContain(HOSTILE_NAME);
    expect(await page.locator('img, iframe, [onerror], [onload], [onclick]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    // Every dot and link in the plots is ours: circles, and links to findings on this page.
    expect(await page.$$eval('figure.dot-plot a', (as) => as.every((a) => /^#c-\d+$/.test(a.getAttribute('href') ?? '')))).toBe(true);
    expect(await page.evaluate(contrastFailures)).toEqual([]);
    expect(await page.evaluate(injectInlineScript)).toBe(false);
    expect(w.consoleErrors.join('\n')).toMatch(/Content Security Policy/);
    expect(await page.evaluate(pwned)).toBeUndefined();
    expect(w.requests).toEqual([]);
    expect(w.dialogs).toEqual([]);
    await page.close();
  });
});
