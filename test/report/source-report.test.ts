import { createHash } from 'node:crypto';
import type { Element } from 'hast';
import { renderSourceReport } from '../../src/report/html/index.js';
import { errorResult } from '../../src/pipeline/audit-source.js';
import type { Finding } from '../../src/schema/finding.js';
import type { RuleMeta, SourceResult } from '../../src/schema/result.js';
import { auditSeed, madeUpAudit, ruleMetas, SEED_PREFIXES, TEST_RULES, type Audited } from './fixtures.js';
import { all, attr, classes, cls, id, one, parseHtml, tag, text } from './html-query.js';

const GENERATED = '2025-02-03T04:05:06.000Z';

let rules: RuleMeta[];
let made: Audited;
beforeAll(async () => {
  rules = [...(await ruleMetas()), ...TEST_RULES];
  made = await madeUpAudit();
});

const render = (a: { result: SourceResult; context: Audited['context'] | null }, extra: { indexHref?: string } = {}) =>
  renderSourceReport({ result: a.result, context: a.context, rules, generatedAt: GENERATED, ...extra });

/** The finding's card, by its position in the result. */
const card = (root: ReturnType<typeof parseHtml>, index: number) => one(root, id(`f-${index + 1}`));
const indexOf = (result: SourceResult, pred: (f: Finding) => boolean) => {
  const i = result.findings.findIndex(pred);
  if (i < 0) throw new Error('finding not in result');
  return i;
};
/** Block text as shown: the block element's text without its margin gutter. */
const shownText = (e: Element) => text({ ...e, children: e.children.filter((c) => !(c.type === 'element' && classes(c).includes('gutter'))) });

describe('per-source report: page', () => {
  it('is one self-contained file whose CSP allows only its own inline style and script', () => {
    const html = render(made);
    const root = parseHtml(html);
    const metas = all(root, tag('meta'));
    const csp = metas.find((m) => attr(m, 'httpEquiv') === 'Content-Security-Policy');
    expect(csp).toBeDefined();
    const policy = attr(csp!, 'content')!;
    expect(policy).toContain("default-src 'none'");
    // The policy's hashes are those of the page's only style and (executable) script.
    const styles = all(root, tag('style'));
    const scripts = all(root, (e) => e.tagName === 'script' && attr(e, 'type') !== 'application/json');
    expect(styles).toHaveLength(1);
    expect(scripts).toHaveLength(1);
    const sha = (s: string) => createHash('sha256').update(s).digest('base64');
    expect(policy).toContain(`style-src 'sha256-${sha(text(styles[0]))}'`);
    expect(policy).toContain(`script-src 'sha256-${sha(text(scripts[0]))}'`);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    // The CSP must come before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('loads nothing from elsewhere: every src/href is a fragment or a relative file', () => {
    const root = parseHtml(render(made));
    expect(all(root, (e) => ['img', 'iframe', 'link', 'object', 'embed', 'base', 'form'].includes(e.tagName) && e.tagName !== 'form')).toEqual([]);
    const urls = all(root, (e) => e.properties.href !== undefined || e.properties.src !== undefined).map((e) => attr(e, 'href') ?? attr(e, 'src') ?? '');
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u).toMatch(/^(#[\w-]+|\.\/[^:]*)$/);
    for (const s of all(root, tag('style'))) expect(text(s)).not.toMatch(/url\(|@import/);
    // The document's own link (with tracking parameters) is shown as text, never as a link.
    expect(urls.some((u) => u.includes('example.com'))).toBe(false);
  });

  it('has landmarks, a skip link and a heading outline', () => {
    const root = parseHtml(render(made));
    expect(all(root, tag('header')).length).toBeGreaterThanOrEqual(1);
    expect(all(root, tag('nav'))).toHaveLength(1);
    expect(all(root, tag('main'))).toHaveLength(1);
    expect(all(root, tag('h1'))).toHaveLength(1);
    expect(text(one(root, tag('h1')))).toBe('Widget Sensor Market Size, Share & Forecast 2024 - 2030');
    const skip = one(root, cls('skip'));
    expect(attr(skip, 'href')).toBe('#findings');
    expect(attr(one(root, tag('html')), 'lang')).toBe('en');
  });

  it('heads the report with metadata, score, grade, deductions, counts and coverage', () => {
    const { result } = made;
    const root = parseHtml(render(made));
    const header = one(root, tag('header'));
    const facts = text(header);
    expect(facts).toContain('widget-sensors.html');
    expect(facts).toContain('HTML');
    expect(facts).toContain('2024-03-12');
    expect(facts).toContain('2024–2030');
    expect(text(one(root, cls('scorecard')))).toContain(String(result.score!.value));
    expect(text(one(root, cls('scorecard')))).toContain(result.score!.grade);
    const counts = all(header, cls('count')).map(text);
    expect(counts).toContain(`${result.counts.error} errors`);
    expect(counts).toContain('1 accepted');
    const overview = text(one(root, id('overview')));
    expect(overview).toContain(result.score!.explanation);
    for (const d of result.score!.deductions) expect(overview).toContain(d.ruleId);
    expect(overview).toMatch(/Claims found: \d+ growth rates?/);
  });

  it('says plainly when nothing could be checked, and only then', () => {
    const checkable = parseHtml(render({ ...made, result: { ...made.result, coverage: { ...made.result.coverage!, checked: 3, checkable: true } } }));
    expect(text(one(checkable, id('overview')))).not.toContain('Nothing in this document could be checked');
    const unchecked = render({ ...made, result: { ...made.result, findings: [], coverage: { ...made.result.coverage!, checked: 0, checkable: false } } });
    const root = parseHtml(unchecked);
    expect(text(one(root, id('overview')))).toContain('Nothing in this document could be checked');
    expect(text(one(root, id('findings')))).toContain('nothing in this source could be checked');
  });
});

describe('per-source report: findings', () => {
  it('groups findings by family and rule, each with its message, quotes and line:column', () => {
    const { result } = made;
    const root = parseHtml(render(made));
    const families = all(root, cls('family'));
    expect(families.map((f) => attr(f, 'id'))).toEqual(expect.arrayContaining(['family-numbers', 'family-consistency', 'family-links']));
    result.findings.forEach((f, i) => {
      const c = card(root, i);
      expect(attr(c, 'dataRule')).toBe(f.ruleId);
      expect(attr(c, 'dataSeverity')).toBe(f.severity);
      expect(text(one(c, cls('msg')))).toBe(f.message);
      const evidence = all(c, cls('evidence'))
        .flatMap((ul) => all(ul, tag('li')))
        .map(text);
      [f.primary, ...f.related].forEach((e, k) => {
        expect(evidence[k]).toContain(e!.quote);
        expect(evidence[k]).toContain(`${e!.start.line}:${e!.start.column}`);
      });
      // The card sits inside the group of its own rule.
      const group = all(root, cls('rule-group')).find((g) => all(g, id(`f-${i + 1}`)).length === 1)!;
      expect(text(one(group, tag('h4')))).toContain(f.ruleId);
    });
  });

  it('shows stated value, computed value and interval for computed checks, with a chart', () => {
    const i = indexOf(made.result, (f) => f.ruleId === 'numbers/cagr-implied');
    const c = card(parseHtml(render(made)), i);
    const table = text(one(c, (e) => e.tagName === 'table' && cls('computed')(e)));
    expect(table).toContain('9.5%');
    expect(table).toContain('5.96%');
    expect(table).toContain('5.5–6.4%');
    expect(table).toContain('stated value outside');
    const svg = one(c, tag('svg'));
    expect(attr(svg, 'role')).toBe('img');
    expect(attr(svg, 'ariaLabel')).toContain('stated 9.5%');
    expect(all(svg, cls('band'))).toHaveLength(1);
    expect(all(svg, cls('computed'))).toHaveLength(1);
    expect(all(svg, (e) => e.tagName === 'polygon' && classes(e).includes('off'))).toHaveLength(1);
  });

  it("charts a share-sum finding as its breakdown's stacked bar, with the gap or the overflow", () => {
    const root = parseHtml(render(made));
    const short = card(
      root,
      indexOf(made.result, (f) => f.ruleId === 'numbers/share-sum' && f.severity === 'warning'),
    );
    const shortSvg = one(short, tag('svg'));
    expect(all(shortSvg, cls('seg'))).toHaveLength(4);
    expect(all(shortSvg, cls('gap'))).toHaveLength(1);
    expect(all(shortSvg, cls('over'))).toHaveLength(0);
    expect(text(short)).toContain('7 pts missing');
    expect(all(short, cls('legend')).map(text).join(' ')).toContain('North America');
    const over = card(
      root,
      indexOf(made.result, (f) => f.ruleId === 'numbers/share-sum' && f.severity === 'error'),
    );
    const overSvg = one(over, tag('svg'));
    expect(all(overSvg, cls('seg'))).toHaveLength(2);
    expect(all(overSvg, cls('over'))).toHaveLength(1);
    expect(text(over)).toContain('+10 pts over');
  });

  it('marks accepted findings as such and offers to hide them', () => {
    const i = indexOf(made.result, (f) => f.accepted === true);
    const root = parseHtml(render(made));
    const c = card(root, i);
    expect(classes(c)).toContain('accepted');
    expect(attr(c, 'dataAccepted')).toBe('true');
    expect(text(c)).toContain('accepted in baseline');
    expect(all(root, (e) => e.tagName === 'input' && attr(e, 'name') === 'accepted')).toHaveLength(1);
  });

  it('lists evidence outside the readable text by line:column, unhighlighted', () => {
    const i = indexOf(made.result, (f) => f.ruleId === 'links/tracking');
    const f = made.result.findings[i];
    expect(f.primary!.block).toBeNull();
    const root = parseHtml(render(made));
    const c = card(root, i);
    expect(text(c)).toContain(`${f.primary!.start.line}:${f.primary!.start.column}`);
    expect(text(one(c, cls('unplaced')))).toContain('outside the readable text');
    expect(all(root, (e) => e.tagName === 'mark' && (attr(e, 'dataF') ?? '').split(' ').includes(`f-${i + 1}`))).toHaveLength(0);
  });

  it('offers filters for every severity and for each family present', () => {
    const root = parseHtml(render(made));
    const values = (name: string) => all(root, (e) => e.tagName === 'input' && attr(e, 'name') === name).map((e) => attr(e, 'value'));
    expect(values('severity')).toEqual(['error', 'warning', 'info']);
    expect(new Set(values('family'))).toEqual(new Set(made.result.findings.map((f) => f.family)));
  });
});

describe('per-source report: document view', () => {
  it('renders every block once with its own text, headings as headings and list items in lists', () => {
    const { doc } = made.context;
    const root = parseHtml(render(made));
    for (const b of doc.blocks) {
      const e = one(root, id(`b-${b.index}`));
      expect(shownText(e)).toBe(b.text);
      if (b.kind === 'heading') expect(e.tagName).toMatch(/^h[3-6]$/);
      if (b.kind === 'listItem') expect(all(root, (li) => li.tagName === 'li' && li.children.some((c) => c === e))).toHaveLength(1);
    }
  });

  it('nests lists as the document does', async () => {
    const nested = await auditSeed('001');
    const { doc } = nested.context;
    const child = doc.lists.find((l) => l.parent !== null)!;
    expect(child).toBeDefined();
    const root = parseHtml(render(nested));
    const parentBlock = doc.lists[child.parent!.list].items[child.parent!.item].block;
    const parentLi = all(root, (li) => li.tagName === 'li' && li.children.some((c) => c.type === 'element' && c.properties.id === `b-${parentBlock}`));
    expect(parentLi).toHaveLength(1);
    const nestedUl = parentLi[0].children.find((c): c is Element => c.type === 'element' && c.tagName === 'ul')!;
    expect(nestedUl).toBeDefined();
    expect(all(nestedUl, id(`b-${child.items[0].block}`))).toHaveLength(1);
  });

  it('marks every located span of every finding in its severity colour, linking back to the finding', () => {
    const { result } = made;
    const root = parseHtml(render(made));
    const marks = all(root, tag('mark'));
    result.findings.forEach((f, i) => {
      const fid = `f-${i + 1}`;
      const mine = marks.filter((m) => (attr(m, 'dataF') ?? '').split(' ').includes(fid));
      const located = [f.primary, ...f.related].filter((e) => e && e.block !== null);
      // The finding's marks spell out each of its located quotes.
      const shown = mine.map(text).join('');
      for (const e of located) expect(shown).toContain(e!.quote);
      if (located.length) expect(mine.some((m) => classes(m).includes(`sev-${f.severity}`) || classes(m).includes('multi'))).toBe(true);
      for (const m of mine) {
        const a = one(m, tag('a'));
        expect(attr(a, 'href')).toMatch(/^#f-\d+$/);
      }
    });
  });

  it('numbers marks in reading order, nested lists included', async () => {
    for (const a of [made, await auditSeed('001')]) {
      const order = all(parseHtml(render(a)), tag('mark')).map((m) => Number(attr(m, 'id')!.slice(2)));
      expect(order).toEqual(order.map((_, i) => i + 1));
    }
  });

  it('splits overlapping evidence into segments that carry both findings', () => {
    const { result } = made;
    const cagr = indexOf(result, (f) => f.ruleId === 'numbers/cagr-implied');
    const conflict = indexOf(result, (f) => f.ruleId === 'consistency/growth-conflict');
    const root = parseHtml(render(made));
    const shared = all(root, tag('mark')).filter((m) => {
      const ids = (attr(m, 'dataF') ?? '').split(' ');
      return ids.includes(`f-${cagr + 1}`) && ids.includes(`f-${conflict + 1}`);
    });
    expect(shared.map(text)).toEqual(['9.5%']);
    expect(classes(shared[0])).toContain('multi');
    // "CAGR of " is the conflict's alone and is not inside another mark.
    const conflictOnly = all(root, tag('mark'))
      .filter((m) => attr(m, 'dataF') === `f-${conflict + 1}`)
      .map(text);
    expect(conflictOnly).toContain('CAGR of ');
    expect(all(root, (m) => m.tagName === 'mark' && all({ ...m, children: m.children }, tag('mark')).length > 1)).toEqual([]);
  });

  it('puts a margin pin on each block that carries findings, and a source line number on every block', () => {
    const root = parseHtml(render(made));
    const cagr = indexOf(made.result, (f) => f.ruleId === 'numbers/cagr-implied');
    const block = made.result.findings[cagr].primary!.block!;
    const e = one(root, id(`b-${block}`));
    expect(classes(e)).toContain('flagged');
    const pin = one(e, cls('pin'));
    const here = made.result.findings.map((f, i) => ({ f, id: `f-${i + 1}` })).filter(({ f }) => [f.primary, ...f.related].some((ev) => ev?.block === block));
    expect(attr(pin, 'dataF')!.split(' ')).toEqual(here.map((h) => h.id));
    expect(attr(pin, 'href')).toBe(`#${here[0].id}`);
    expect(text(pin)).toMatch(new RegExp(`^${here.length} `));
    expect(attr(pin, 'title')).toContain(`${here.length} findings here`);
    expect(attr(pin, 'dataF')!.split(' ')).toContain(`f-${cagr + 1}`);
    // The pin takes the colour of the gravest finding of the block.
    expect(classes(pin)).toContain(here.some(({ f }) => f.severity === 'error' && !f.accepted) ? 'sev-error' : 'sev-warning');
    const heading = one(root, id('b-0'));
    expect(classes(heading)).not.toContain('flagged');
    // Line numbers live in an attribute (shown by the style), so a long page pays a few bytes per block.
    expect(attr(heading, 'dataLine')).toMatch(/^\d+$/);
    expect(all(root, cls('blk')).every((b) => /^\d+$/.test(attr(b, 'dataLine') ?? ''))).toBe(true);
    expect(all(heading, cls('gutter'))).toEqual([]);
  });

  it('embeds, for the script, each finding with the ids of its marks, escaped for <script>', () => {
    const html = render(made);
    const root = parseHtml(html);
    const island = one(root, id('credence-data'));
    const raw = text(island);
    expect(raw).not.toMatch(/</);
    const data = JSON.parse(raw) as { findings: Record<string, { marks: string[]; ruleId: string }> };
    made.result.findings.forEach((f, i) => {
      const entry = data.findings[`f-${i + 1}`];
      expect(entry.ruleId).toBe(f.ruleId);
      for (const m of entry.marks) expect(all(root, id(m))).toHaveLength(1);
    });
    const conflict = indexOf(made.result, (f) => f.ruleId === 'consistency/growth-conflict');
    expect(data.findings[`f-${conflict + 1}`].marks.length).toBeGreaterThanOrEqual(2);
  });
});

describe('per-source report: claims', () => {
  it('tabulates growth rates and sizes with recomputed values beside them', () => {
    const root = parseHtml(render(made));
    const claims = one(root, id('claims'));
    const rows = all(claims, tag('tr')).map(text);
    const growth = rows.find((r) => r.includes('“9.5%”') || r.startsWith('9.5%'));
    expect(rows.some((r) => r.includes('9.5%') && r.includes('2024–2030') && r.includes('computed 5.96%'))).toBe(true);
    expect(growth).toBeDefined();
    expect(rows.some((r) => r.includes('$4 billion') && r.includes('2023'))).toBe(true);
    expect(rows.some((r) => r.includes('$6 billion') && r.includes('projection'))).toBe(true);
  });

  it('tabulates each breakdown with its sum and the gap or excess', () => {
    const root = parseHtml(render(made));
    const breakdowns = all(root, cls('breakdown'));
    const byTitle = new Map(breakdowns.map((b) => [text(one(b, tag('h4'))), text(b)]));
    expect(byTitle.get('Shares by region (2023)')).toContain('93%');
    expect(byTitle.get('Shares by region (2023)')).toContain('7 points short of 100%');
    expect(byTitle.get('Shares by product (2023)')).toContain('110%');
    expect(byTitle.get('Shares by product (2023)')).toContain('10 points over 100%');
    // Each breakdown links to the finding that checked it.
    const region = breakdowns.find((b) => text(one(b, tag('h4'))).includes('region'))!;
    const link = all(region, cls('check'))[0];
    expect(attr(link, 'href')).toMatch(/^#f-\d+$/);
  });

  it('lists the report periods with where they were found', () => {
    const root = parseHtml(render(made));
    const rows = all(one(root, id('claims')), tag('tr')).map(text);
    expect(rows.some((r) => r.startsWith('Forecast period') && r.includes('2024–2030'))).toBe(true);
    expect(rows.some((r) => r.startsWith('Published') && r.includes('2024-03-12'))).toBe(true);
  });
});

describe('per-source report: named entities', () => {
  const entitiesOf = (ctx: Audited['context']) => ctx.entities();

  it('has no entities section unless the run asked for them', () => {
    const root = parseHtml(render(made));
    expect(all(root, id('entities'))).toHaveLength(0);
    expect(all(root, (e) => e.tagName === 'a' && attr(e, 'href') === '#entities')).toHaveLength(0);
  });

  it('lists each kind with every distinct name once, how often it is mentioned and a link to the first mention', () => {
    const entities = entitiesOf(made.context);
    expect(entities.length).toBeGreaterThan(0);
    const root = parseHtml(render({ ...made, result: { ...made.result, entities } }));
    const section = one(root, id('entities'));
    expect(all(root, (e) => e.tagName === 'a' && attr(e, 'href') === '#entities')).toHaveLength(1);
    const headings = all(section, tag('h3')).map(text);
    const kinds = new Set(entities.map((e) => e.kind));
    expect(headings).toHaveLength(kinds.size);
    const rows = all(section, tag('tr')).filter((r) => all(r, tag('td')).length > 0);
    const distinct = new Set(entities.map((e) => `${e.kind}\0${e.text.replace(/\s+/g, ' ').trim().toLowerCase()}`));
    expect(rows).toHaveLength(distinct.size);
    for (const row of rows) {
      const [name, mentions, where] = all(row, tag('td'));
      const same = entities.filter((e) => e.text.replace(/\s+/g, ' ').trim().toLowerCase() === text(name).replace(/\s+/g, ' ').trim().toLowerCase());
      expect(same.length).toBeGreaterThan(0);
      expect(Number(text(mentions))).toBeGreaterThan(0);
      const link = one(where, tag('a'));
      expect(attr(link, 'href')).toBe(`#b-${same[0].evidence.block}`);
      expect(all(root, id(`b-${same[0].evidence.block}`))).toHaveLength(1);
    }
  });

  it('counts a name however it is spaced or capitalised, most mentioned first, and caps a long list', () => {
    const at = made.result.findings[0].primary!;
    const org = (name: string) => ({ kind: 'organization' as const, text: name, evidence: at });
    const many = Array.from({ length: 230 }, (_, i) => org(`Maker ${i}`));
    const entities = [...many, org('Pfizer Inc.'), org('PFIZER  Inc.'), org('pfizer inc.'), org('<script>alert(1)</script> Ltd')];
    const html = render({ ...made, result: { ...made.result, entities } });
    expect(html).not.toContain('<script>alert(1)');
    const section = one(parseHtml(html), id('entities'));
    const rows = all(section, tag('tr')).filter((r) => all(r, tag('td')).length > 0);
    expect(rows).toHaveLength(200);
    expect(all(rows[0], tag('td')).slice(0, 2).map(text)).toEqual(['Pfizer Inc.', '3']);
    expect(text(one(section, tag('h3')))).toContain('232 names, 234 mentions');
    expect(text(section)).toContain('…and 32 more names.');
  });

  it('says so when it was asked for and found none', () => {
    const section = one(parseHtml(render({ ...made, result: { ...made.result, entities: [] } })), id('entities'));
    expect(text(section)).toContain('No named entities were found');
  });
});

describe('per-source report: degraded inputs', () => {
  it('renders without a document: evidence listed by line:column, nothing highlighted', () => {
    const html = render({ result: made.result, context: null });
    const root = parseHtml(html);
    expect(all(root, tag('mark'))).toEqual([]);
    expect(text(one(root, id('document')))).toContain('not available');
    const f = made.result.findings[0];
    expect(text(card(root, 0))).toContain(`${f.primary!.start.line}:${f.primary!.start.column}`);
  });

  it('renders a failed source with its reason', () => {
    const failed = errorResult({ path: 'in/broken.txt', name: 'broken.txt' }, { reason: 'binary', message: 'looks like a binary file' }, 1234);
    const root = parseHtml(render({ result: failed, context: null }));
    expect(text(one(root, id('overview')))).toContain('Not audited (binary): looks like a binary file');
    expect(all(root, cls('finding'))).toEqual([]);
  });

  it('ignores evidence pointing at blocks that do not exist instead of failing', () => {
    const bad = made.result.findings[0];
    const broken = { ...bad, primary: { ...bad.primary!, block: 99999 }, related: [] };
    const root = parseHtml(render({ ...made, result: { ...made.result, findings: [broken] } }));
    expect(all(root, tag('mark'))).toEqual([]);
    expect(text(card(root, 0))).toContain(bad.primary!.quote);
  });

  it('links back to the index it is given, as a relative file', () => {
    const root = parseHtml(render(made, { indexHref: 'javascript:alert(1)' }));
    const back = all(root, (e) => e.tagName === 'a' && text(e) === 'All sources');
    expect(back.length).toBeGreaterThan(0);
    for (const a of back) expect(attr(a, 'href')).toBe('./javascript%3Aalert(1)');
  });
});

describe.each(SEED_PREFIXES)('seed %s report', (prefix) => {
  let seeded: Audited;
  let html: string;
  beforeAll(async () => {
    seeded = await auditSeed(prefix);
    html = renderSourceReport({ result: seeded.result, context: seeded.context, rules, generatedAt: GENERATED });
  });

  it('shows the whole readable text and every finding with its quotes', () => {
    const root = parseHtml(html);
    for (const b of seeded.context.doc.blocks) expect(shownText(one(root, id(`b-${b.index}`)))).toBe(b.text);
    seeded.result.findings.forEach((f, i) => {
      const c = card(root, i);
      expect(text(one(c, cls('msg')))).toBe(f.message);
      for (const e of [f.primary, ...f.related]) if (e) expect(text(c)).toContain(e.quote.slice(0, 40));
    });
    expect(all(root, cls('finding'))).toHaveLength(seeded.result.findings.length);
  });

  it('keeps the source markup and links inert', () => {
    const root = parseHtml(html);
    for (const e of all(root, (x) => x.properties.href !== undefined || x.properties.src !== undefined)) {
      expect(attr(e, 'href') ?? attr(e, 'src')).toMatch(/^(#[\w-]+|\.\/[^:]*)$/);
    }
    // Any URL the document holds appears only as text inside the document view.
    const docText = text(one(root, id('document')));
    for (const link of seeded.context.doc.links) if (link.block !== null) expect(docText).toContain(link.text);
  });

  it('states the metadata it found', () => {
    const header = text(one(parseHtml(html), tag('header')));
    const m = seeded.result.metadata!;
    if (m.publishDate) expect(header).toContain(m.publishDate.iso);
    else expect(header).toMatch(/Published\s*not found/);
    const period = m.forecastPeriod ?? m.titleHorizon;
    if (period) expect(header).toContain(`${period.from}–${period.to}`);
  });
});
