import { dimensionOf } from './dimension.js';
import { memoByText } from '../cache/block-cache.js';
import { stripParentheticals } from './normalise.js';

/** Longer "labels" are sentences (a nested list's parent item), not names of a breakdown. */
const MAX_LABEL = 150;

/**
 * The breakdown a list label names. The words after the last "by" decide when they name one
 * ("The Widget Market Study by Application covers" → application), so a market
 * name that happens to contain "source" or "channel" does not; asides in parentheses are ignored
 * ("End User Outlook (Value, Units, …)" → end user).
 */
export function labelDimension(label: string | null | undefined): string | null {
  return label ? dimensionNamedBy(label) : null;
}

// Remembered across a batch: the same labels head list after list.
const dimensionNamedBy = memoByText(dimensionOfLabel);

function dimensionOfLabel(label: string): string | null {
  const text = stripParentheticals(label);
  if (text.length === 0 || text.length > MAX_LABEL) return null;
  const by = text.toLowerCase().lastIndexOf('by ');
  if (by >= 0 && (by === 0 || /\s/.test(text[by - 1]))) {
    const named = dimensionOf(text.slice(by + 3));
    if (named) return named;
  }
  return dimensionOf(text);
}
