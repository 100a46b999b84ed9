// Findings that stand for a group: one finding per list (or subject) and kind, naming its members,
// rather than one per member or per pair, so a document's findings grow with its contradictions.
import type { Evidence } from '../schema/position.js';

/** Members a group finding names in its message; the others are counted ("and 12 more"). */
export const NAMED_MEMBERS = 6;

/**
 * A group's members for its message: "A", "A and B", "A, B and C", or "A, B, …, F and 12 more".
 * Members that hold commas themselves are better separated by "; ": "A; B; and 3 more".
 */
export function listMembers(names: readonly string[], max = NAMED_MEMBERS, separator = ', '): string {
  const last = separator === ', ' ? ' and ' : `${separator}and `;
  if (names.length > max) return `${names.slice(0, max).join(separator)}${last}${names.length - max} more`;
  if (names.length <= 1) return names[0] ?? '';
  return separator === ', ' ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join(separator);
}

/**
 * A group's evidence: its first member as the primary, then what the members share (the label they
 * are listed under), then the other members; the engine caps the related evidence and counts the rest.
 */
export function groupEvidence(members: readonly Evidence[], shared: readonly Evidence[] = []): { primary: Evidence; related: Evidence[] } {
  const [primary, ...rest] = members;
  return { primary, related: [...shared, ...rest] };
}

/** A count with its noun: "1 country", "3 countries". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
