import type { SizeClaim } from '../schema/claims.js';

/** The power of 1000 nearest a ratio of two amounts (0 for ratios under about 32), and what is left of the ratio. */
export function nearestThousands(ratio: number): { power: number; rest: number } {
  const power = Math.round(Math.log(ratio) / Math.log(1000));
  return { power, rest: ratio / 1000 ** power };
}

export interface SlipLimits {
  /** As stated, growth faster than this factor a year is not a market's (3 = +200%). */
  maxAnnualFactor: number;
  /** As stated, a fall faster than this fraction a year is not a market's (0.4 = −40%). */
  maxAnnualDecline: number;
  /** Corrected by the power of 1000, the change must be at most this fraction a year (1 = ±100%). */
  maxCorrectedGrowth: number;
}

export const SLIP_LIMITS: SlipLimits = { maxAnnualFactor: 3, maxAnnualDecline: 0.4, maxCorrectedGrowth: 1 };

/**
 * Whether two sizes of one subject in different years are a unit slip apart ("million" for
 * "billion"): as stated they grow or fall faster than a market does, their ratio is near a power of
 * 1000, and corrected by it they change at a rate a market can.
 */
export function thousandfoldApart(a: SizeClaim, b: SizeClaim, o: SlipLimits = SLIP_LIMITS): boolean {
  if (a.year === null || b.year === null || a.year === b.year) return false;
  const years = Math.abs(a.year - b.year);
  const [earlier, later] = a.year < b.year ? [a, b] : [b, a];
  const annual = (later.value.value / earlier.value.value) ** (1 / years);
  if (annual <= o.maxAnnualFactor && annual >= 1 - o.maxAnnualDecline) return false;
  const { power, rest } = nearestThousands(Math.max(annual, 1 / annual) ** years);
  if (power < 1) return false;
  // The corrected change, in the direction of time.
  const corrected = (annual > 1 ? rest : 1 / rest) ** (1 / years) - 1;
  return corrected <= o.maxCorrectedGrowth && corrected >= -o.maxCorrectedGrowth / (1 + o.maxCorrectedGrowth);
}
