import type { GrowthClaim, Period } from '../schema/claims.js';

/**
 * The claims whose subject was read: a figure about an unresolved subject is compared with nothing
 * (it counts as unchecked in coverage), so no rule puts two figures about different things side by side.
 */
export function resolved<T extends { subject: { kind: string } }>(claims: readonly T[]): T[] {
  return claims.filter((c) => c.subject.kind !== 'unknown');
}

/** Group equal items by a signature, keeping order: repeated statements are one statement. */
export function groupBy<T>(items: T[], key: (t: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const g = map.get(k);
    if (g) g.push(t);
    else map.set(k, [t]);
  }
  return [...map.values()];
}

/** A growth claim's period with missing ends taken from the forecast period (or left open). */
export function effectivePeriod(p: Period, forecast: { from: number; to: number } | null): { from: number; to: number } | null {
  if (p.source === 'none') return forecast;
  const from = p.from ?? forecast?.from ?? null;
  const to = p.to ?? forecast?.to ?? null;
  if (from === null && to === null) return null;
  return { from: from ?? -Infinity, to: to ?? Infinity };
}

export function overlaps(a: { from: number; to: number } | null, b: { from: number; to: number } | null): boolean {
  if (!a || !b) return true; // an unknown period cannot be shown not to overlap
  return a.from < b.to && b.from < a.to;
}

/**
 * A rate's period when both its ends are known (stated, inferred from its sentence, or the forecast
 * period it refers to), else null: two rates are compared only over years both are known to cover.
 * A rate "to reach … by 2029" in a report forecasting 2025–2032 starts where the forecast starts.
 */
export function knownPeriod(p: Period, forecast: { from: number; to: number } | null = null): { from: number; to: number } | null {
  const from = p.from ?? (p.to !== null && forecast && forecast.from < p.to && p.to <= forecast.to ? forecast.from : null);
  return from !== null && p.to !== null && p.to > from ? { from, to: p.to } : null;
}

export function growthSignature(g: GrowthClaim): string {
  return `${g.subject.key}|${g.qualifier}|${g.rate.text}|${g.rateTo?.text ?? ''}|${g.period.from}|${g.period.to}`;
}
