import type { Computed } from '../../schema/finding.js';
import { formatInterval, formatQuantity, trimNumber } from './format.js';

// Small inline SVG charts built as plain shapes (no library, no network); the template draws them.

export interface SvgRect {
  x: string;
  y: string;
  width: string;
  height: string;
  classes: string;
  title: string | null;
}
export interface SvgLine {
  x1: string;
  y1: string;
  x2: string;
  y2: string;
  classes: string;
}
export interface SvgText {
  x: string;
  y: string;
  anchor: 'start' | 'middle' | 'end';
  classes: string;
  text: string;
}
export interface SvgCircle {
  cx: string;
  cy: string;
  r: string;
  classes: string;
  title: string | null;
}
export interface SvgPolygon {
  points: string;
  classes: string;
  title: string | null;
}
export interface LegendItem {
  swatch: string;
  label: string;
  value: string;
}

export interface ChartView {
  kind: 'number-line' | 'stacked-bar';
  width: number;
  height: number;
  /** Text alternative of the whole chart. */
  label: string;
  caption: string;
  rects: SvgRect[];
  lines: SvgLine[];
  texts: SvgText[];
  circles: SvgCircle[];
  polygons: SvgPolygon[];
  legend: LegendItem[] | null;
}

const W = 360;
const PAD = 14;
const PALETTE_SIZE = 8;
const n = (v: number): string => trimNumber(v, 1);

function emptyChart(kind: ChartView['kind'], height: number, label: string, caption: string): ChartView {
  return { kind, width: W, height, label, caption, rects: [], lines: [], texts: [], circles: [], polygons: [], legend: null };
}

/** A step of 1, 2 or 5 × 10^k giving about `count` ticks over `span`. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const nice = norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10;
  return nice * mag;
}

/** Keep labels inside the drawing: anchor them away from the edges they would overflow. */
function anchorFor(x: number): SvgText['anchor'] {
  if (x < PAD + 40) return 'start';
  if (x > W - PAD - 40) return 'end';
  return 'middle';
}

/**
 * A number line with the interval the recomputation allows (band), the recomputed value (dot)
 * and the stated value (diamond, with the range its own rounding allows): whether the stated
 * figure falls inside the band is the whole question of a computed check.
 */
export function numberLineChart(c: Computed): ChartView {
  const values = [c.stated, c.computed, c.low, c.high, c.statedLow, c.statedHigh].filter((v): v is number => v !== undefined && Number.isFinite(v));
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const span = hi - lo || Math.abs(hi) * 0.1 || 1;
  lo -= span * 0.15;
  hi += span * 0.15;
  const x = (v: number) => PAD + ((v - lo) / (hi - lo)) * (W - 2 * PAD);
  const statedLow = c.statedLow ?? c.stated;
  const statedHigh = c.statedHigh ?? c.stated;
  const inside = statedHigh >= c.low && statedLow <= c.high;
  const fmt = (v: number) => formatQuantity(v, c.unit);
  const label = `${c.quantity}: stated ${fmt(c.stated)}, computed ${fmt(c.computed)}; rounding allows ${formatInterval(c.low, c.high, c.unit)}`;
  const caption = `Stated ${fmt(c.stated)} lies ${inside ? 'inside' : 'outside'} the ${formatInterval(c.low, c.high, c.unit)} that the other figures allow (computed ${fmt(c.computed)}).`;
  const chart = emptyChart('number-line', 104, label, caption);
  const axisY = 54;
  chart.lines.push({ x1: n(PAD), y1: n(axisY), x2: n(W - PAD), y2: n(axisY), classes: 'axis' });
  const step = niceStep(hi - lo);
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) {
    chart.lines.push({ x1: n(x(t)), y1: n(axisY), x2: n(x(t)), y2: n(axisY + 5), classes: 'tick' });
    chart.texts.push({ x: n(x(t)), y: '98', anchor: 'middle', classes: 'tick-label', text: fmt(Number(t.toPrecision(12))) });
  }
  chart.rects.push({
    x: n(x(c.low)),
    y: n(axisY - 12),
    width: n(Math.max(2, x(c.high) - x(c.low))),
    height: '24',
    classes: 'band',
    title: `allowed: ${formatInterval(c.low, c.high, c.unit)}`,
  });
  if (statedHigh > statedLow) {
    chart.rects.push({
      x: n(x(statedLow)),
      y: '24',
      width: n(Math.max(2, x(statedHigh) - x(statedLow))),
      height: '4',
      classes: 'stated-range',
      title: `as written: ${formatInterval(statedLow, statedHigh, c.unit)}`,
    });
  }
  const sx = x(c.stated);
  chart.polygons.push({
    points: `${n(sx)},18 ${n(sx + 6)},26 ${n(sx)},34 ${n(sx - 6)},26`,
    classes: inside ? 'stated ok' : 'stated off',
    title: `stated ${fmt(c.stated)}`,
  });
  chart.texts.push({ x: n(sx), y: '12', anchor: anchorFor(sx), classes: 'value-label', text: `stated ${fmt(c.stated)}` });
  const cx = x(c.computed);
  chart.circles.push({ cx: n(cx), cy: n(axisY), r: '5', classes: 'computed', title: `computed ${fmt(c.computed)}` });
  chart.texts.push({ x: n(cx), y: '80', anchor: anchorFor(cx), classes: 'value-label', text: `computed ${fmt(c.computed)}` });
  return chart;
}

export interface ShareSlice {
  label: string;
  value: number;
}

/**
 * A breakdown's shares as one stacked bar against a 100% mark: a shortfall shows as a hatched gap,
 * an excess as a bracket past the mark.
 */
export function stackedShareChart(slices: readonly ShareSlice[], title: string): ChartView {
  const total = slices.reduce((s, v) => s + Math.max(0, v.value), 0);
  const max = Math.max(100, total);
  const x = (v: number) => PAD + (v / max) * (W - 2 * PAD);
  const diff = total - 100;
  const state =
    Math.abs(diff) < 0.05 ? 'sum to 100%' : diff < 0 ? `leave ${trimNumber(-diff, 2)} points unaccounted` : `exceed 100% by ${trimNumber(diff, 2)} points`;
  const label = `${title}: ${slices.map((s) => `${s.label} ${trimNumber(s.value, 2)}%`).join(', ')}; total ${trimNumber(total, 2)}%`;
  const chart = emptyChart('stacked-bar', 86, label, `${title}: the stated shares total ${trimNumber(total, 2)}% and ${state}.`);
  const barY = 22;
  const barH = 26;
  let at = 0;
  slices.forEach((s, i) => {
    const v = Math.max(0, s.value);
    chart.rects.push({
      x: n(x(at)),
      y: n(barY),
      width: n(Math.max(0.5, x(at + v) - x(at))),
      height: n(barH),
      classes: `seg c${i % PALETTE_SIZE}`,
      title: `${s.label}: ${trimNumber(s.value, 2)}%`,
    });
    at += v;
  });
  if (diff <= -0.05) {
    chart.rects.push({
      x: n(x(total)),
      y: n(barY),
      width: n(x(100) - x(total)),
      height: n(barH),
      classes: 'gap',
      title: `unaccounted: ${trimNumber(-diff, 2)}%`,
    });
    const mid = (x(total) + x(100)) / 2;
    chart.texts.push({ x: n(mid), y: '66', anchor: anchorFor(mid), classes: 'value-label', text: `${trimNumber(-diff, 2)} pts missing` });
  } else if (diff >= 0.05) {
    chart.rects.push({
      x: n(x(100)),
      y: n(barY - 5),
      width: n(x(total) - x(100)),
      height: n(barH + 10),
      classes: 'over',
      title: `over 100%: ${trimNumber(diff, 2)} points`,
    });
    const mid = (x(100) + x(total)) / 2;
    chart.texts.push({ x: n(mid), y: '66', anchor: anchorFor(mid), classes: 'value-label over-label', text: `+${trimNumber(diff, 2)} pts over` });
  }
  chart.lines.push({ x1: n(x(100)), y1: '12', x2: n(x(100)), y2: n(barY + barH + 6), classes: 'hundred' });
  chart.texts.push({ x: n(x(100)), y: '10', anchor: anchorFor(x(100)), classes: 'tick-label', text: '100%' });
  chart.texts.push({ x: n(PAD), y: '10', anchor: 'start', classes: 'tick-label', text: '0%' });
  chart.texts.push({ x: n(PAD), y: '82', anchor: 'start', classes: 'tick-label', text: `total ${trimNumber(total, 2)}%` });
  chart.legend = slices.map((s, i) => ({ swatch: `swatch c${i % PALETTE_SIZE}`, label: s.label, value: `${trimNumber(s.value, 2)}%` }));
  return chart;
}
