// The name of a report's market from its title or its text: the words that stand before "Market"
// (or "Industry"), read back until a word that cannot be part of a name ("How Is Growing Meat
// Consumption Driving the Animal Pharmaceuticals Market?" → "animal pharmaceuticals").

/** Words that end a market name read backwards: determiners, verbs, prepositions and report words. */
const STOP = new Set(
  (
    'the a an this that these those its their our your his her my ' +
    'global worldwide world international overall total entire whole key top leading latest new emerging booming ' +
    'how why what when where which who whose is are was were be been being will would can could should may might must ' +
    'do does did has have had driving drives drive driven lift lifts lifting set sets see sees seen saw expected projected ' +
    'forecast forecasts forecasted estimated anticipated predicted poised to by in on at from into with as than about over ' +
    'under across between during through till until since per via impact covid-19 covid report reports research analysis ' +
    'insights insight outlook trends trend statistics stats size share shares growth growing update updates study strategic ' +
    'opportunity opportunities overview summary scenario dynamics landscape news latest explore exploring'
  ).split(' '),
);
/** Words that join two parts of one name ("Animal Hospitals and Veterinary Clinics"). */
const JOIN = new Set(['and', '&', 'of', 'for']);
const SCOPE = new Set(['global', 'worldwide', 'world', 'international', 'regional']);
const HEAD = /\b(?:market|industry)\b/i;
const MAX_WORDS = 6;

/** A token that can be part of a name: letters, digits, hyphens, "&", an apostrophe; not a bare number. */
function nameWord(token: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9'’.+-]*$/.test(token) && !/^\d+(?:[.,]\d+)?$/.test(token);
}

/** The name read back from the words before a head word, or null. */
export function nameBefore(words: readonly string[]): string | null {
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < MAX_WORDS; i--) {
    const w = words[i];
    if (/^\(.*\)$/.test(w)) continue; // "Artificial Intelligence (AI) Market"
    const lower = w.toLowerCase();
    // "Diagnostic Imaging Global Market": a scope word right before the head is not the name's end.
    if (kept.length === 0 && SCOPE.has(lower)) continue;
    if (JOIN.has(lower)) {
      // A joining word only between two words of the name.
      const before = words[i - 1];
      if (kept.length === 0 || !before || !nameWord(before) || STOP.has(before.toLowerCase())) break;
      kept.push(lower);
      continue;
    }
    if (!nameWord(w) || STOP.has(lower)) break;
    kept.push(lower);
  }
  while (kept.length && JOIN.has(kept[kept.length - 1])) kept.pop();
  return kept.length ? kept.reverse().join(' ') : null;
}

/** The market a title-like text names ("… X Market …", "… X Industry …"), or null. */
export function marketNameIn(text: string): string | null {
  const m = HEAD.exec(text.slice(0, 400));
  if (!m) return null;
  const words = text
    .slice(0, m.index)
    .replace(/\([^()]{0,40}\)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return nameBefore(words);
}
