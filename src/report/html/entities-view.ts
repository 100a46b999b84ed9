import type { Entity } from '../../schema/claims.js';
import { whereOf, type WhereView } from './claims-view.js';
import { plural } from './format.js';

/** The kinds in the order a reader looks for them, with their headings. */
const KINDS: ReadonlyArray<[Entity['kind'], string]> = [
  ['organization', 'Organisations'],
  ['place', 'Places'],
  ['money', 'Amounts of money'],
  ['percentage', 'Percentages'],
  ['date', 'Dates'],
];

/** Rows per kind: a long page can name thousands of entities; the JSON keeps them all. */
const MAX_ROWS = 200;

export interface EntityRow {
  text: string;
  mentions: number;
  /** The first mention. */
  where: WhereView;
}

export interface EntityGroupView {
  label: string;
  countLabel: string;
  rows: EntityRow[];
  /** "…and 40 more", when rows were left out. */
  more: string | null;
}

export interface EntitiesView {
  groups: EntityGroupView[];
}

/** The same name however it is spaced or capitalised ("Pfizer Inc." and "PFIZER INC."). */
function keyOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Named entities (asked for with `--entities`) by kind: each distinct name once, with how often it
 * is mentioned and where first, most mentioned first. Null when they were not asked for.
 */
export function buildEntitiesView(entities: readonly Entity[] | undefined, blockCount: number | null): EntitiesView | null {
  if (!entities) return null;
  const groups: EntityGroupView[] = [];
  for (const [kind, label] of KINDS) {
    const byName = new Map<string, EntityRow>();
    for (const e of entities) {
      if (e.kind !== kind) continue;
      const key = keyOf(e.text);
      const row = byName.get(key);
      if (row) row.mentions++;
      else byName.set(key, { text: e.text, mentions: 1, where: whereOf(e.evidence, blockCount) });
    }
    if (byName.size === 0) continue;
    // Stable: equal counts stay in order of first mention.
    const rows = [...byName.values()].sort((a, b) => b.mentions - a.mentions);
    const left = rows.length - MAX_ROWS;
    groups.push({
      label,
      countLabel: `${plural(rows.length, 'name')}, ${plural(
        rows.reduce((n, r) => n + r.mentions, 0),
        'mention',
      )}`,
      rows: rows.slice(0, MAX_ROWS),
      more: left > 0 ? `…and ${plural(left, 'more name')}.` : null,
    });
  }
  return { groups };
}
