import type { Breakdown } from './breakdowns.js';

/**
 * Labels of company lists: "Key Players", "Companies Profiled", "Major companies operating in the
 * market include". Bounded words, no nested repetition.
 */
const PLAYERS_LABEL = /\b(?:players?|compan(?:y|ies)|vendors?|manufacturers|competitors?|participants|suppliers|providers|profiled|profiles|brands)\b/i;

/** A list of companies rather than of segments: its label names players and no breakdown dimension. */
export function isPlayerLabel(label: string | null, dimension: string | null): boolean {
  return dimension === null && label !== null && label.length <= 200 && PLAYERS_LABEL.test(label);
}

export function isPlayerList(b: Breakdown): boolean {
  return b.origin === 'list' && isPlayerLabel(b.label, b.dimension);
}
