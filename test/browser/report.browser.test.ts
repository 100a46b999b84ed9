import { jest } from '@jest/globals';
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { renderIndex, renderSourceReport } from '../../src/report/html/index.js';
import { errorResult } from '../../src/pipeline/audit-source.js';
import type { RuleMeta, SourceResult } from '../../src/schema/result.js';
import { auditResultOf, auditSeed, madeUpAudit, ruleMetas, SEED_PREFIXES, TEST_RULES, type Audited } from '../report/fixtures.js';
import { BROWSER_TIMEOUT, describeInBrowser, launch, open, pagesDir, screenshot, writePage, type Watched } from './browser.js';
import { activeElementInfo, cellTexts, contrastFailures, displayOf, fullyVisible, ids, inViewport, positionOf, scrollToTop, visibleIds } from './in-page.js';

jest.setTimeout(BROWSER_TIMEOUT);

describeInBrowser('HTML reports in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let made: Audited;
  const files: Record<string, string> = {};
  let sources: SourceResult[];

  beforeAll(async () => {
    const rules: RuleMeta[] = [...(await ruleMetas()), ...TEST_RULES];
    dir = pagesDir('reports');
    made = await madeUpAudit();
    const seeds = await Promise.all(SEED_PREFIXES.map((p) => auditSeed(p)));
    sources = [made.result, ...seeds.map((s) => s.result)];
    for (const a of [made, ...seeds]) {
      files[a.result.name] = writePage(
        dir,
        a.result.report!,
        renderSourceReport({ result: a.result, context: a.context, rules, generatedAt: '2025-02-03T04:05:06.000Z' }),
      );
    }
    const failed = errorResult({ path: 'in/empty.txt', name: 'empty.txt' }, { reason: 'empty', message: 'the file holds only white space' }, 3);
    files.index = writePage(dir, 'index.html', renderIndex({ audit: auditResultOf(sources, rules, { failed: [failed] }) }));
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Every page must load cleanly and offline. */
  const expectClean = (w: Watched) => {
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.requests).toEqual([]);
    expect(w.dialogs).toEqual([]);
  };
  const findingIndex = (pred: (f: SourceResult['findings'][number]) => boolean) => made.result.findings.findIndex(pred) + 1;

  it('highlights every span of a clicked finding, scrolls it into view and links back', async () => {
    const w = await open(browser, files['widget-sensors.html'], 1280, 800);
    const { page } = w;
    const n = findingIndex((f) => f.ruleId === 'consistency/growth-conflict');
    expect(await page.evaluate(ids, 'mark.hl.active')).toEqual([]);
    await page.click(`#f-${n} .finding-btn`);
    // Both sides of the contradiction are highlighted, and nothing else.
    const active = await page.evaluate(ids, 'mark.hl.active');
    const expected = await page.evaluate(ids, `mark.hl[data-f~="f-${n}"]`);
    expect(active).toEqual(expected);
    expect(active.length).toBeGreaterThanOrEqual(3);
    const texts = await page.$$eval('mark.hl.active', (ms) => ms.map((m) => m.textContent).join('|'));
    expect(texts).toContain('12%');
    expect(texts).toContain('9.5%');
    await page.waitForFunction(inViewport, `#${active[0]}`);
    expect(await page.getAttribute(`#f-${n} .finding-btn`, 'aria-pressed')).toBe('true');
    expect(await page.evaluate(activeElementInfo)).toMatchObject({ tag: 'a', href: expect.stringMatching(/^#f-\d+$/) });

    // A highlight leads back to its finding, which gets selected and shown.
    const other = findingIndex((f) => f.ruleId === 'numbers/share-sum' && f.severity === 'error');
    const mark = (await page.evaluate(ids, `mark.hl[data-f="f-${other}"]`))[0];
    await page.click(`#${mark} a`);
    await page.waitForFunction(fullyVisible, `#f-${other}`);
    expect(await page.evaluate(ids, 'li.finding.selected')).toEqual([`f-${other}`]);
    expect(await page.evaluate(activeElementInfo)).toMatchObject({ tag: 'button' });
    // Escape clears the selection.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(ids, 'mark.hl.active')).toEqual([]);
    expectClean(w);
    await page.close();
  });

  it('scrolls to the particular piece of evidence clicked in a finding', async () => {
    const w = await open(browser, files['widget-sensors.html'], 1280, 600);
    const n = findingIndex((f) => f.ruleId === 'numbers/share-sum' && f.severity === 'warning');
    const links = await w.page.$$eval(`#f-${n} ul.evidence a`, (as) => as.map((a) => a.getAttribute('data-mark')!));
    expect(links).toHaveLength(4);
    const last = links[links.length - 1];
    await w.page.click(`#f-${n} ul.evidence a[data-mark="${last}"]`);
    await w.page.waitForFunction(inViewport, `#${last}`);
    expect(await w.page.evaluate(ids, 'mark.hl.active')).toHaveLength(4);
    expectClean(w);
    await w.page.close();
  });

  it('works from the keyboard: tab to a finding, Enter highlights it', async () => {
    const w = await open(browser, files['widget-sensors.html']);
    const { page } = w;
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(activeElementInfo);
      reached = info.tag === 'button';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    expect((await page.evaluate(ids, 'mark.hl.active')).length).toBeGreaterThan(0);
    // Focus is visible: the focused element draws an outline.
    const outline = await page.evaluate(displayOf, ':focus');
    expect(outline).not.toBe('missing');
    expectClean(w);
    await page.close();
  });

  it('filters findings by severity, family and baseline without reloading', async () => {
    const w = await open(browser, files['widget-sensors.html']);
    const { page } = w;
    const all = made.result.findings.length;
    const cards = () => page.evaluate(visibleIds, 'li.finding');
    expect(await cards()).toHaveLength(all);
    expect(await page.textContent('#filter-status')).toBe(`Showing ${all} of ${all} findings.`);
    await page.uncheck('input[name="severity"][value="error"]');
    const noErrors = made.result.findings
      .map((f, i) => [f, `f-${i + 1}`] as const)
      .filter(([f]) => f.severity !== 'error')
      .map(([, id]) => id);
    expect((await cards()).sort()).toEqual(noErrors.sort());
    // Marks of hidden findings lose their colour; the others keep it.
    const muted = await page.evaluate(ids, 'mark.hl.muted');
    const errorOnly = made.result.findings.findIndex((f) => f.ruleId === 'consistency/growth-conflict') + 1;
    expect(muted.length).toBeGreaterThan(0);
    expect(muted).toEqual(expect.arrayContaining(await page.evaluate(ids, `mark.hl[data-f="f-${errorOnly}"]`)));
    // With no severity left, no finding, pin or coloured mark remains.
    await page.uncheck('input[name="severity"][value="warning"]');
    await page.uncheck('input[name="severity"][value="info"]');
    expect(await cards()).toEqual([]);
    expect(await page.evaluate(visibleIds, 'a.pin')).toEqual([]);
    expect(await page.evaluate(ids, 'mark.hl:not(.muted)')).toEqual([]);
    expect(await page.textContent('#filter-status')).toBe(`Showing 0 of ${all} findings.`);
    for (const sev of ['error', 'warning', 'info']) await page.check(`input[name="severity"][value="${sev}"]`);
    await page.uncheck('input[name="family"][value="numbers"]');
    expect((await cards()).map((id) => made.result.findings[Number(id.slice(2)) - 1].family)).not.toContain('numbers');
    expect(await page.evaluate(visibleIds, '#family-numbers')).toEqual([]);
    await page.check('input[name="family"][value="numbers"]');
    await page.uncheck('input[name="accepted"]');
    const accepted = `f-${made.result.findings.findIndex((f) => f.accepted) + 1}`;
    expect(await cards()).not.toContain(accepted);
    expect(await cards()).toHaveLength(all - 1);
    expect(page.url()).toBe(`file://${files['widget-sensors.html']}`);
    expectClean(w);
    await page.close();
  });

  it('reveals a filtered-out finding when its highlight is followed', async () => {
    const w = await open(browser, files['widget-sensors.html']);
    const { page } = w;
    await page.uncheck('input[name="severity"][value="error"]');
    const n = findingIndex((f) => f.ruleId === 'consistency/growth-conflict');
    const mark = (await page.evaluate(ids, `mark.hl[data-f="f-${n}"]`))[0];
    await page.click(`#${mark} a`);
    expect(await page.evaluate(visibleIds, `#f-${n}`)).toEqual([`f-${n}`]);
    expect(await page.isChecked('input[name="severity"][value="error"]')).toBe(true);
    expectClean(w);
    await page.close();
  });

  it('passes WCAG AA contrast for all text, on the report and on the index', async () => {
    for (const file of [files['widget-sensors.html'], files.index]) {
      const w = await open(browser, file);
      expect(await w.page.evaluate(contrastFailures)).toEqual([]);
      // Also with a selection showing.
      if (file !== files.index) {
        await w.page.click('#f-1 .finding-btn');
        expect(await w.page.evaluate(contrastFailures)).toEqual([]);
      }
      expectClean(w);
      await w.page.close();
    }
  });

  it('prints what is shown, without the navigation and filter controls', async () => {
    const w = await open(browser, files['widget-sensors.html']);
    await w.page.uncheck('input[name="severity"][value="info"]');
    await w.page.emulateMedia({ media: 'print' });
    expect(await w.page.evaluate(displayOf, 'nav.jump')).toBe('none');
    expect(await w.page.evaluate(displayOf, '#filters fieldset')).toBe('none');
    // The printout says which findings it holds.
    expect(await w.page.evaluate(displayOf, '#filter-status')).not.toBe('none');
    expect(await w.page.textContent('#filter-status')).toMatch(/^Showing \d+ of \d+ findings\.$/);
    expect(await w.page.evaluate(displayOf, 'li.finding:not([hidden])')).not.toBe('none');
    expect(await w.page.evaluate(displayOf, 'li.finding[hidden]')).toBe('none');
    // Sticky panes are laid out flat on paper.
    expect(await w.page.evaluate(positionOf, '.findings-pane')).toBe('static');
    await w.page.close();
  });

  it('loads every seed report cleanly, offline', async () => {
    for (const prefix of SEED_PREFIXES) {
      const name = Object.keys(files).find((k) => k.startsWith(`${prefix}_`))!;
      const w = await open(browser, files[name]);
      expect(await w.page.textContent('h1')).toBeTruthy();
      const marks = await w.page.evaluate(ids, 'mark.hl');
      const result = sources.find((s) => s.name === name)!;
      const located = result.findings.some((f) => [f.primary, ...f.related].some((e) => e && e.block !== null));
      expect(marks.length > 0).toBe(located);
      expectClean(w);
      await w.page.close();
    }
  });

  it('sorts the index by any column and filters it by text and by rule', async () => {
    const w = await open(browser, files.index);
    const { page } = w;
    const scores = async () => (await page.evaluate(cellTexts, 2)).filter((s) => s !== '—').map(Number);
    await page.click('#sources th:nth-child(3) button.sort');
    const asc = await scores();
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(await page.getAttribute('#sources th:nth-child(3)', 'aria-sort')).toBe('ascending');
    await page.click('#sources th:nth-child(3) button.sort');
    const desc = await scores();
    expect(desc).toEqual([...asc].sort((a, b) => b - a));
    // The failed source has no score and stays last either way.
    expect((await page.evaluate(cellTexts, 0)).at(-1)).toBe('empty.txt');
    await page.click('#sources th:nth-child(1) button.sort');
    const names = await page.evaluate(cellTexts, 0);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));

    await page.fill('#filter-text', 'widget');
    expect(await page.evaluate(cellTexts, 0)).toEqual(['widget-sensors.html']);
    expect(await page.textContent('#filter-status')).toBe(`Showing 1 of ${sources.length + 1} sources.`);
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-rule', 'numbers/share-sum');
    const withRule = sources.filter((s) => s.findings.some((f) => f.ruleId === 'numbers/share-sum')).map((s) => s.name);
    expect((await page.evaluate(cellTexts, 0)).sort()).toEqual(withRule.sort());
    await page.selectOption('#filter-rule', '');
    expect(await page.evaluate(cellTexts, 0)).toHaveLength(sources.length + 1);
    expectClean(w);
    await page.close();
  });

  it('sorts the index from the phone layout too', async () => {
    const w = await open(browser, files.index, 390, 844);
    expect(await w.page.evaluate(displayOf, '#sources thead')).toBe('none');
    await w.page.selectOption('#sort-select', '2:descending');
    const scores = (await w.page.evaluate(cellTexts, 2)).filter((s) => s !== '—').map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expectClean(w);
    await w.page.close();
  });

  it('follows a link from the index to a report finding', async () => {
    const w = await open(browser, files.index);
    const href = await w.page.getAttribute('td.top a', 'href');
    expect(href).toMatch(/^\.\/.+#f-\d+$/);
    await w.page.click('td.top a');
    await w.page.waitForFunction(fullyVisible, `#${href!.split('#')[1]}`);
    expect(await w.page.evaluate(ids, 'li.finding.selected')).toEqual([href!.split('#')[1]]);
    await w.page.close();
  });

  it('takes screenshots at laptop and phone widths', async () => {
    const seed = Object.keys(files).find((k) => k.startsWith('001_'))!;
    const conflict = findingIndex((f) => f.ruleId === 'consistency/growth-conflict');
    const pages: Array<[string, string, string | null]> = [
      ['report-made-up', files['widget-sensors.html'], `#f-${conflict} .finding-btn`],
      ['report-seed-001', files[seed], '#f-1 .finding-btn'],
      ['index', files.index, null],
    ];
    for (const [name, file, select] of pages) {
      for (const width of [1280, 390]) {
        const w = await open(browser, file, width, width > 500 ? 900 : 844);
        await screenshot(w.page, `${name}-${width}-top.png`);
        if (select && (await w.page.$(select))) {
          await w.page.click(select);
          await w.page.waitForTimeout(800); // let the smooth scroll finish
          await screenshot(w.page, `${name}-${width}-selected.png`);
        }
        // Full page last (it resizes the viewport, which disturbs sticky parts for later shots), and
        // not for the long seed page, whose viewport shots say enough.
        if (!name.includes('seed')) {
          await w.page.evaluate(scrollToTop);
          await screenshot(w.page, `${name}-${width}-full.png`, true);
        }
        expectClean(w);
        await w.page.close();
      }
    }
  });
});
