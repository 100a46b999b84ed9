/**
 * The breakdown ("dimension") a list label or a sentence cue names: "By End User", "Application
 * Insights (Revenue…)", "… Industry Research by Application is segmented into", "In terms of region".
 * Order matters: "end user" before "user", "therapy type" before "type".
 */
const DIMENSIONS: Array<[string, RegExp]> = [
  ['region', /\b(regions?|regional|geograph(?:y|ies|ical)|countr(?:y|ies))\b/i],
  ['end user', /\bend[\s-]?users?\b|\bend[\s-]?use\b/i],
  ['application', /\bapplications?\b/i],
  ['indication', /\b(indications?|therapeutic (?:class|area)s?|disease (?:type|area|indication)s?)\b/i],
  ['distribution channel', /\b(distribution channels?|sales channels?|channels?)\b/i],
  ['delivery method', /\b(delivery (?:methods?|modes?|routes?)|routes? of administration|administration routes?)\b/i],
  // A physical or dosage form ("By Form", "Formulation", "Dosage Form"); before "product" and "type" ("Product Form").
  ['form', /\b(forms?|formulations?)\b/i],
  ['source', /\b(sources?|cell sources?|origins?)\b/i],
  ['technology', /\b(technolog(?:y|ies)|platforms?|modalit(?:y|ies))\b/i],
  ['component', /\bcomponents?\b/i],
  ['product', /\b(products?|offerings?)\b/i],
  ['type', /\b(types?|categor(?:y|ies)|classes|class)\b/i],
];

/** Canonical dimension named in a label, or null when it names none. */
export function dimensionOf(label: string | null | undefined): string | null {
  if (!label) return null;
  const text = label.slice(0, 300);
  for (const [name, re] of DIMENSIONS) if (re.test(text)) return name;
  return null;
}

/** A sentence's explicit breakdown cue: "By source, …", "In terms of therapy type, …". */
export function dimensionCue(sentence: string): string | null {
  const m = /^\s*(?:by|in terms of|based on|on the basis of|segmented by|by the)\s+([a-z][a-z -]{1,40}?)\s*[,:–-]/i.exec(sentence.slice(0, 120));
  if (!m) return null;
  const label = m[1].toLowerCase().trim();
  return qualifiedDimension(label) ?? label;
}

/**
 * The breakdown a label names, with the words that set it apart from another breakdown of the same
 * dimension: "Charger Types" and "Charging Station Types" are "type (charger)" and "type (charging
 * station)", two breakdowns whose shares are never added together.
 */
export function qualifiedDimension(label: string): string | null {
  const text = label
    .toLowerCase()
    .replace(/^\s*(?:by|in terms of|based on)\s+/, '')
    .trim();
  const canonical = dimensionOf(text);
  if (!canonical) return null;
  const qualifier = text
    .replace(/\b(?:types?|categor(?:y|ies)|class(?:es)?|segments?|insights?|outlook|analysis)\b/g, ' ')
    .replace(/[^a-z -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return qualifier && qualifier !== canonical && !canonical.includes(qualifier) && dimensionOf(qualifier) === null ? `${canonical} (${qualifier})` : canonical;
}
