// A sentence cut into clauses, and the words at the head of each clause that name what it is about.
// Read with a fixed lexicon of verbs: market reports say the same things in the same few ways.

/** A clause: [from, to) in the sentence, and its subject phrase (possibly empty), or none when it has no verb before `to`. */
export interface Clause {
  from: number;
  to: number;
  /** The words before the clause's first verb (after leading connectives), as [from, to) in the sentence. */
  head: { from: number; to: number } | null;
  /** The clause opens with "By <dimension>," or "In terms of <dimension>,": a breakdown cue, not a subject. */
  byCue: boolean;
}

// Auxiliaries and the verbs market reports state figures with, in the forms they take.
const VERBS = new Set(
  (
    'is are was were be been being will would shall should can could may might must has have had do does did ' +
    // Base forms only where they are rarely nouns ("Hospitals account for 40%"; not "rise", "increase", "forecast").
    'grow expand account hold capture command generate represent contribute dominate reach exceed surpass ' +
    'grows grew grown growing expands expanded expanding rises rose risen rising increases increased increasing ' +
    'declines declined declining falls fell fallen falling drops dropped dropping climbs climbed climbing ' +
    'reaches reached reaching hits touches touched surpasses surpassed surpassing exceeds exceeded exceeding ' +
    'topped crosses crossed totaled totalled amounts amounted stands stood ' +
    'accounts accounted accounting holds held holding captures captured capturing commands commanded ' +
    'generates generated generating represents represented representing contributes contributed contributing ' +
    'makes made takes took taken dominates dominated dominating leads led registers registered registering ' +
    'recorded recording posted posting witnesses witnessed witnessing exhibits exhibited exhibiting ' +
    'sees saw seen showed shown values valued worth earns earned achieves achieved attains attained ' +
    'expects expected projected forecasts forecasted estimates estimated anticipates anticipated ' +
    'predicts predicted continues continued remains remained ' +
    'advances advanced advancing accelerates accelerated jumped soared surged ' +
    'puts says said noted reported finds found reveals revealed stated pegs pegged sized works worked'
  ).split(' '),
);
/** Verbs by which a publisher attributes a figure: the figure is about their object, not their subject. */
const ATTRIBUTION = new Set('puts estimates expects forecasts predicts says said reports noted finds found reveals values pegs anticipates'.split(' '));
/** Words that open a clause without being its subject. */
const CONNECTIVES = new Set(
  'and or but while whereas although though meanwhile however moreover furthermore additionally also overall currently globally notably similarly likewise thus hence therefore besides further then still yet so after before since when once until because'.split(
    ' ',
  ),
);
/** Relative and personal pronouns: the clause is about what came before. */
export const PRONOUNS = new Set('which that who it its this these they those he she one'.split(' '));

// Where one clause ends and the next begins: ";", a comma followed by a space, " and ", " while ",
// " whereas ", " but ". Bounded alternatives, no nested repetition.
const BREAK = /;|,\s|\s(?:and|while|whereas|but|although)\s/g;
const WORD = /[A-Za-z][A-Za-z'’-]*|\d[\d.,%]*|[^\sA-Za-z\d]/g;
const BY_CUE = /^\s*(?:by|in terms of|based on|on the basis of)\s+[A-Za-z][\w -]{0,40}$/i;

/** Words that open a subordinate or prepositional phrase: what precedes a comma after them is not a clause's subject. */
const OPENERS = new Set(
  'in by for as according across within among during over under with at on from since after before despite because although while following amid given unlike like thanks due'.split(
    ' ',
  ),
);

/**
 * Whether the words from `from` to `to` make a clause of their own: they hold a verb or a figure, or
 * open with a preposition or subordinator ("In Asia Pacific,", "By type,"). "Digital and social media"
 * or "Hospitals, clinics" are the start of one subject, not clauses.
 */
function completes(sentence: string, from: number, to: number): boolean {
  const part = sentence.slice(from, to);
  if (/\d/.test(part)) return true;
  const words = part.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? [];
  const first = words.find((w) => !CONNECTIVES.has(w));
  return (first !== undefined && OPENERS.has(first)) || words.some((w) => VERBS.has(w));
}

/**
 * Clauses of a sentence. A break never falls inside one of `protect` (names of segments and places:
 * "Food and Beverage"), nor after words that cannot stand as a clause, so "Hospitals and
 * laboratories held …" keeps its subject whole.
 */
export function clausesOf(sentence: string, protect: ReadonlyArray<{ from: number; to: number }> = []): Clause[] {
  const cuts: number[] = [0];
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(sentence); m !== null; m = BREAK.exec(sentence)) {
    const at = m.index;
    if (protect.some((p) => at >= p.from && at < p.to)) continue;
    if (m[0] !== ';' && !completes(sentence, cuts[cuts.length - 1], at)) continue;
    cuts.push(at + (m[0].startsWith(',') || m[0] === ';' ? 1 : 0));
  }
  cuts.push(sentence.length);
  const out: Clause[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i];
    const to = cuts[i + 1];
    if (to <= from) continue;
    const text = sentence.slice(from, to).replace(/[,;]\s*$/, '');
    out.push({ from, to, head: headOf(sentence, from, to), byCue: BY_CUE.test(text) });
  }
  return out;
}

/**
 * The subject phrase of a clause: its words after any connectives, up to its first verb. When the
 * subject is a publisher attributing the figure ("Acme Research estimates that the X market …",
 * "Acme puts X sales at …"), the phrase after the verb. Null when the clause has no verb.
 */
function headOf(sentence: string, from: number, to: number): { from: number; to: number } | null {
  const words: Array<{ w: string; from: number; to: number }> = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(sentence); m !== null && m.index < to && words.length < 60; m = WORD.exec(sentence)) {
    words.push({ w: m[0].toLowerCase(), from: m.index, to: m.index + m[0].length });
  }
  let i = 0;
  while (i < words.length && (CONNECTIVES.has(words[i].w) || words[i].w === ',')) i++;
  const start = i;
  while (i < words.length && !VERBS.has(words[i].w)) i++;
  if (i >= words.length) return null;
  if (ATTRIBUTION.has(words[i].w) && i > start) {
    // The object: after the verb (and "that"), up to the next verb or "at".
    let j = i + 1;
    if (words[j]?.w === 'that') j++;
    const objectStart = j;
    while (j < words.length && !VERBS.has(words[j].w) && words[j].w !== 'at' && words[j].w !== 'to') j++;
    if (j > objectStart) return { from: words[objectStart].from, to: words[j - 1].to };
  }
  if (i === start) return { from: words[start].from, to: words[start].from };
  return { from: words[start].from, to: words[i - 1].to };
}
