import { jest } from '@jest/globals';
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { renderIndex, renderSourceReport } from '../../src/report/html/index.js';
import { audit, auditResultOf, TEST_RULES } from '../report/fixtures.js';
import { HOSTILE_TEXT, hostileAudit, PAYLOADS } from '../report/hostile.js';
import { BROWSER_TIMEOUT, describeInBrowser, launch, open, pagesDir, writePage, type Watched } from './browser.js';
import { clickAll, ids, injectInlineScript, pwned } from './in-page.js';

jest.setTimeout(BROWSER_TIMEOUT);

describeInBrowser('a hostile source in Chromium', () => {
  let browser: Browser;
  let dir: string;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = pagesDir('hostile');
    const html = await hostileAudit();
    const text = await audit(HOSTILE_TEXT, 'hostile.txt');
    const textResult = { ...text.result, report: 'hostile-text.html' };
    files.html = writePage(dir, 'hostile.html', renderSourceReport({ result: html.result, context: html.context, rules: TEST_RULES, generatedAt: 'now' }));
    files.text = writePage(dir, 'hostile-text.html', renderSourceReport({ result: textResult, context: text.context, rules: TEST_RULES, generatedAt: 'now' }));
    files.index = writePage(dir, 'index.html', renderIndex({ audit: auditResultOf([html.result, textResult], TEST_RULES) }));
    // The same report without its CSP: escaping alone must keep the payloads inert.
    const report = renderSourceReport({ result: html.result, context: html.context, rules: TEST_RULES, generatedAt: 'now' });
    const withoutCsp = report.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(withoutCsp).not.toBe(report);
    files.noCsp = writePage(dir, 'hostile-no-csp.html', withoutCsp);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const expectNothingRan = async (w: Watched) => {
    expect(await w.page.evaluate(pwned)).toBeUndefined();
    expect(w.dialogs).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.requests).toEqual([]);
  };

  it('runs none of the payloads, even when every finding and highlight is clicked', async () => {
    const w = await open(browser, files.html);
    const { page } = w;
    await expectNothingRan(w);
    // A few real clicks, then every button, highlight and pin as a script would click them.
    for (const id of (await page.evaluate(ids, 'li.finding')).slice(0, 3)) {
      await page.click(`#${id} .finding-btn`);
      expect((await page.evaluate(ids, 'mark.hl.active')).length).toBeGreaterThan(0);
    }
    expect(await page.evaluate(clickAll, '.finding-btn, mark.hl a, a.pin, ul.evidence a')).toBeGreaterThan(20);
    await page.hover('h1');
    await expectNothingRan(w);
    await page.close();
  });

  it('stays inert on escaping alone, without its CSP', async () => {
    const w = await open(browser, files.noCsp);
    expect(await w.page.evaluate(clickAll, '.finding-btn, mark.hl a, a.pin')).toBeGreaterThan(20);
    await expectNothingRan(w);
    expect(await w.page.locator('img, iframe, textarea, [onerror], [onload], [onclick]').count()).toBe(0);
    await w.page.close();
  });

  it('is guarded by its CSP as well: an injected inline script is refused', async () => {
    for (const file of [files.html, files.index]) {
      const w = await open(browser, file);
      expect(await w.page.evaluate(injectInlineScript)).toBe(false);
      expect(w.consoleErrors.join('\n')).toMatch(/Content Security Policy/);
      await w.page.close();
    }
    const unguarded = await open(browser, files.noCsp);
    expect(await unguarded.page.evaluate(injectInlineScript)).toBe(true);
    await unguarded.page.close();
  });

  it('shows the payloads as text, where they belong', async () => {
    const w = await open(browser, files.html);
    const doc = (await w.page.textContent('#document'))!;
    for (const p of PAYLOADS) expect(doc).toContain(p);
    const findings = (await w.page.textContent('#findings'))!;
    expect(findings).toContain('{{constructor}} <script>window.__pwned="message"</script>');
    // The only scripts are the page's own; no element came out of the payloads.
    expect(await w.page.locator('script').count()).toBe(2);
    expect(await w.page.locator('img, iframe, textarea, [onerror], [onload], [onclick]').count()).toBe(0);
    expect(await w.page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await expectNothingRan(w);
    await w.page.close();
  });

  it('keeps a plain-text source and the index inert too', async () => {
    for (const file of [files.text, files.index]) {
      const w = await open(browser, file);
      await w.page.locator('main a').first().hover();
      await expectNothingRan(w);
      await w.page.close();
    }
    const w = await open(browser, files.index);
    expect(await w.page.textContent('#sources')).toContain('<img src=x onerror=');
    await w.page.fill('#filter-text', '<script>');
    await expectNothingRan(w);
    await w.page.close();
  });
});
