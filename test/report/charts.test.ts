import { claimsOf } from '../../src/claims/kinds/index.js';
import { niceStep, numberLineChart, stackedShareChart } from '../../src/report/html/charts.js';
import { chartOf, sharesOfFinding } from '../../src/report/html/findings-view.js';
import { madeUpAudit } from './fixtures.js';

const num = (s: string) => Number(s);

describe('number line chart', () => {
  const c = { quantity: 'CAGR', unit: '%', stated: 9.5, statedLow: 9.45, statedHigh: 9.55, computed: 5.96, low: 5.5, high: 6.4 };

  it('places the band, the computed dot and the stated diamond in order along the axis', () => {
    const chart = numberLineChart(c);
    const band = chart.rects.find((r) => r.classes === 'band')!;
    const dot = chart.circles[0];
    const diamond = chart.polygons[0];
    const diamondX = num(diamond.points.split(' ')[0].split(',')[0]);
    expect(num(band.x)).toBeLessThan(num(dot.cx));
    expect(num(dot.cx)).toBeLessThan(num(band.x) + num(band.width));
    expect(diamondX).toBeGreaterThan(num(band.x) + num(band.width));
    expect(diamond.classes).toContain('off');
    expect(chart.caption).toContain('outside');
    // Everything stays inside the drawing.
    for (const x of [num(band.x), num(dot.cx), diamondX]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(chart.width);
    }
  });

  it('says inside when the stated value falls in the band', () => {
    const chart = numberLineChart({ ...c, stated: 6.0, statedLow: 5.95, statedHigh: 6.05 });
    expect(chart.polygons[0].classes).toContain('ok');
    expect(chart.caption).toContain('inside');
  });

  it('copes with a degenerate range', () => {
    const chart = numberLineChart({ quantity: 'x', unit: '%', stated: 5, computed: 5, low: 5, high: 5 });
    expect(chart.circles[0].cx).not.toBe('NaN');
    expect(chart.texts.length).toBeGreaterThan(2);
  });

  it('chooses round tick steps', () => {
    expect(niceStep(10)).toBe(2);
    expect(niceStep(4.6)).toBe(1);
    expect(niceStep(0.9)).toBe(0.2);
    expect(niceStep(0)).toBe(1);
  });
});

describe('stacked share chart', () => {
  it('shows the shortfall as a gap up to the 100% mark', () => {
    const chart = stackedShareChart(
      [
        { label: 'a', value: 60 },
        { label: 'b', value: 30 },
      ],
      'Shares by region',
    );
    const segs = chart.rects.filter((r) => r.classes.startsWith('seg'));
    const gap = chart.rects.find((r) => r.classes === 'gap')!;
    const hundred = chart.lines.find((l) => l.classes === 'hundred')!;
    expect(segs).toHaveLength(2);
    expect(num(gap.x) + num(gap.width)).toBeCloseTo(num(hundred.x1), 0);
    expect(chart.caption).toContain('leave 10 points unaccounted');
    expect(chart.legend!.map((l) => l.label)).toEqual(['a', 'b']);
  });

  it('shows an excess as a bracket past the 100% mark', () => {
    const chart = stackedShareChart(
      [
        { label: 'a', value: 62 },
        { label: 'b', value: 48 },
      ],
      'Shares by product',
    );
    const over = chart.rects.find((r) => r.classes === 'over')!;
    const hundred = chart.lines.find((l) => l.classes === 'hundred')!;
    expect(num(over.x)).toBeCloseTo(num(hundred.x1), 0);
    expect(num(over.x) + num(over.width)).toBeLessThanOrEqual(chart.width);
    expect(chart.rects.some((r) => r.classes === 'gap')).toBe(false);
    expect(chart.caption).toContain('exceed 100% by 10 points');
  });

  it('draws neither gap nor bracket when the shares sum to 100', () => {
    const chart = stackedShareChart(
      [
        { label: 'a', value: 55 },
        { label: 'b', value: 45 },
      ],
      'Shares',
    );
    expect(chart.rects.map((r) => r.classes)).toEqual(['seg c0', 'seg c1']);
    expect(chart.caption).toContain('sum to 100%');
  });
});

describe('which shares a share-sum finding is about', () => {
  it('takes the shares its evidence quotes', async () => {
    const { result } = await madeUpAudit();
    const product = result.findings.find((f) => f.ruleId === 'numbers/share-sum' && f.severity === 'error')!;
    const picked = sharesOfFinding(product, claimsOf(result.claims)!.shares)!;
    expect(picked.dimension).toBe('product');
    expect(picked.shares.map((s) => s.segment)).toEqual(['optical sensors', 'capacitive sensors']);
    expect(chartOf(product, claimsOf(result.claims))!.kind).toBe('stacked-bar');
  });

  it('falls back to the breakdown named in its data, then to a number line', async () => {
    const { result } = await madeUpAudit();
    const region = result.findings.find((f) => f.ruleId === 'numbers/share-sum' && f.severity === 'warning')!;
    const unquoted = { ...region, primary: null, related: [] };
    expect(sharesOfFinding(unquoted, claimsOf(result.claims)!.shares)!.shares).toHaveLength(4);
    const nothing = { ...unquoted, data: {} };
    expect(sharesOfFinding(nothing, claimsOf(result.claims)!.shares)).toBeNull();
    expect(chartOf(nothing, claimsOf(result.claims))!.kind).toBe('number-line');
    expect(chartOf({ ...nothing, computed: undefined }, claimsOf(result.claims))).toBeNull();
  });

  it('charts any other computed finding on a number line and leaves the rest without a chart', async () => {
    const { result } = await madeUpAudit();
    const cagr = result.findings.find((f) => f.ruleId === 'numbers/cagr-implied')!;
    expect(chartOf(cagr, claimsOf(result.claims))!.kind).toBe('number-line');
    const conflict = result.findings.find((f) => f.ruleId === 'consistency/growth-conflict')!;
    expect(chartOf(conflict, claimsOf(result.claims))).toBeNull();
  });
});
