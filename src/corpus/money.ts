const SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** "USD 5.12 billion": a size compared across sources, to three significant digits (projections carry no more). */
export function usdRounded(value: number): string {
  for (const [scale, word] of SCALES) if (value >= scale) return `USD ${Number((value / scale).toPrecision(3))} ${word}`;
  return `USD ${Number(value.toPrecision(3))}`;
}

/** "14.2%" to at most two decimals. */
export function percentRounded(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}
