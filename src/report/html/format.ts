import type { Computed, Severity } from '../../schema/finding.js';
import type { Position } from '../../schema/position.js';
import { trimNumber } from '../../util/number-text.js';

export { trimNumber };

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The graver of two severities (error > warning > info). */
export function graver(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

/** "USD 4.38 billion": sizes are stored in USD, readers think in millions and billions. */
export function formatUsd(value: number): string {
  const abs = Math.abs(value);
  const scales: Array<[number, string]> = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
    [1e3, 'thousand'],
  ];
  for (const [scale, word] of scales) {
    if (abs >= scale) return `USD ${trimNumber(value / scale, 2)} ${word}`;
  }
  return `USD ${trimNumber(value, 2)}`;
}

/** A value in the unit a computed check reports it in. */
export function formatQuantity(value: number, unit: string): string {
  const u = unit.trim();
  if (u === '%' || u.toLowerCase() === 'percent') return `${trimNumber(value, 2)}%`;
  if (u.toLowerCase() === 'usd') return formatUsd(value);
  if (u.toLowerCase() === 'pp' || u.toLowerCase() === 'points') return `${trimNumber(value, 2)} pts`;
  return u ? `${trimNumber(value, 2)} ${u}` : trimNumber(value, 2);
}

/** "11.0–11.4%" for an interval in a unit; one value when both ends agree. */
export function formatInterval(low: number, high: number, unit: string): string {
  if (trimNumber(low) === trimNumber(high)) return formatQuantity(low, unit);
  const u = unit.trim();
  if (u === '%') return `${trimNumber(low, 2)}–${trimNumber(high, 2)}%`;
  return `${formatQuantity(low, unit)} – ${formatQuantity(high, unit)}`;
}

export function formatComputedStated(c: Computed): string {
  if (c.statedLow !== undefined && c.statedHigh !== undefined && trimNumber(c.statedLow) !== trimNumber(c.statedHigh)) {
    return `${formatQuantity(c.stated, c.unit)} (as written: ${formatInterval(c.statedLow, c.statedHigh, c.unit)})`;
  }
  return formatQuantity(c.stated, c.unit);
}

export function formatPosition(p: Position): string {
  return `${p.line}:${p.column}`;
}

/** Shorten long text for titles and table cells at a word boundary. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${trimNumber(n / (1024 * 1024), 1)} MB`;
  if (n >= 1024) return `${trimNumber(n / 1024, 1)} KB`;
  return `${n} bytes`;
}
