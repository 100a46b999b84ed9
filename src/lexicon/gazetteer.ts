import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { z } from 'zod';
import regionsData from '../../rules/data/regions.json' with { type: 'json' };
import { memoByText } from '../cache/block-cache.js';

const require = createRequire(import.meta.url);

const AreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  regions: z.array(z.string()).optional(),
  subregions: z.array(z.string()).optional(),
  include: z.array(z.string()).optional(),
  exclude: z.array(z.string()).optional(),
  members: z.array(z.string()).optional(),
  union: z.array(z.string()).optional(),
  alsoAccepted: z.array(z.string()).optional(),
  source: z.string().min(1),
});
const RegionsFileSchema = z.object({
  $comment: z.string().optional(),
  macroRegions: z.array(AreaSchema),
  groups: z.array(AreaSchema),
  aliases: z.array(z.object({ alias: z.string(), code: z.string(), source: z.string().min(1) })),
});

export type PlaceKind = 'country' | 'region' | 'group' | 'remainder';

export interface Place {
  /** ISO 3166-1 alpha-3 for countries; the data file's code for regions and groups; "rest-of:<region>" for remainders. */
  code: string;
  name: string;
  kind: PlaceKind;
}

export interface PlaceMatch {
  place: Place;
  from: number;
  to: number;
  text: string;
}

/** Lookup key: case-, dot- and "&"-insensitive, accents folded. */
export function placeKey(name: string): string {
  // Accents are folded only when there are any: most names are plain ASCII.
  const folded = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return folded
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\./g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();
}

class Gazetteer {
  readonly byKey = new Map<string, Place>();
  readonly members = new Map<string, Set<string>>();
  readonly accepted = new Map<string, Set<string>>();
  readonly countries = new Map<string, Place>();
  /** Adjectives of place ("Chinese", "North American") by lower-case form: the countries' demonyms, and macro-regions' by English word formation. */
  readonly adjectives = new Map<string, Place>();
  private maxWords = 1;
  /** Every proper word prefix of a multi-word name ("south", "middle east and"). */
  private readonly prefixes = new Set<string>();

  constructor() {
    const data = RegionsFileSchema.parse(regionsData);
    const countries = require('world-countries') as Country[];
    const bySub = new Map<string, string[]>();
    const byRegion = new Map<string, string[]>();
    for (const c of countries) {
      const place: Place = { code: c.cca3, name: c.name.common, kind: 'country' };
      this.countries.set(c.cca3, place);
      for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
        // Two-letter codes ("IN", "IT") are words in English prose; they are not names.
        if (/^[A-Z]{2}$/.test(n) || !/[A-Za-z]/.test(n)) continue;
        this.add(n, place, false);
      }
      for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d && d.length > 3) this.adjectives.set(d.toLowerCase(), place);
      (bySub.get(c.subregion) ?? bySub.set(c.subregion, []).get(c.subregion)!).push(c.cca3);
      (byRegion.get(c.region) ?? byRegion.set(c.region, []).get(c.region)!).push(c.cca3);
    }
    for (const a of data.aliases) {
      const place = this.countries.get(a.code);
      if (!place) throw new Error(`regions.json: alias "${a.alias}" names unknown country ${a.code}`);
      this.add(a.alias, place, true);
    }
    const resolve = (area: z.infer<typeof AreaSchema>): Set<string> => {
      const set = new Set<string>();
      for (const r of area.regions ?? []) for (const c of byRegion.get(r) ?? []) set.add(c);
      for (const s of area.subregions ?? []) for (const c of bySub.get(s) ?? []) set.add(c);
      for (const c of area.members ?? []) set.add(c);
      for (const c of area.include ?? []) set.add(c);
      for (const u of area.union ?? []) for (const c of this.members.get(u) ?? []) set.add(c);
      for (const c of area.exclude ?? []) set.delete(c);
      return set;
    };
    for (const [kind, list] of [
      ['region', data.macroRegions],
      ['group', data.groups],
    ] as const) {
      for (const area of list) {
        const place: Place = { code: area.code, name: area.name, kind };
        this.members.set(area.code, resolve(area));
        this.accepted.set(area.code, new Set(area.alsoAccepted ?? []));
        for (const n of [area.name, ...area.aliases]) this.add(n, place, true);
        if (kind === 'region') for (const a of regionAdjectives(area.name)) if (!this.adjectives.has(a)) this.adjectives.set(a, place);
      }
    }
  }

  private add(name: string, place: Place, override: boolean): void {
    const key = placeKey(name);
    if (!key) return;
    if (!override && this.byKey.has(key)) return;
    this.byKey.set(key, place);
    const parts = key.split(' ');
    this.maxWords = Math.max(this.maxWords, parts.length);
    for (let k = 1; k < parts.length; k++) this.prefixes.add(parts.slice(0, k).join(' '));
  }

  /** The place a whole name denotes (see lookupPlace, which remembers the answers). */
  lookup(name: string): Place | null {
    const key = placeKey(name);
    const direct = this.byKey.get(key);
    if (direct) return direct;
    const rest = /^rest of (?:the )?(.+)$/.exec(key);
    if (rest) {
      const region = this.byKey.get(rest[1]);
      if (region) return { code: `rest-of:${region.code}`, name: `Rest of ${region.name}`, kind: 'remainder' };
    }
    return null;
  }

  /**
   * Place names in running text, longest match first, not overlapping. A name must start with a
   * capital letter in the text ("Turkey", not "turkey"); names of three letters or fewer must be
   * written in capitals ("UK", "UAE").
   */
  find(text: string): PlaceMatch[] {
    const words = placeWords(text);
    const count = words.starts.length;
    const wordText = (k: number) => text.slice(words.starts[k], words.ends[k]);
    const keys: Array<string | undefined> = [];
    const keyOf = (k: number) => (keys[k] ??= placeKey(wordText(k).replace(/['’]s$/, '')));
    const out: PlaceMatch[] = [];
    for (let i = 0; i < count; i++) {
      if (!isCapital(text.charCodeAt(words.starts[i]))) continue;
      // Grow the name word by word while it is still the start of some known name; a comma or a
      // possessive ends it. Comma forms ("Taiwan, China") are list-item names, not running text.
      const hits: number[] = [];
      let key = '';
      for (let n = 1; n <= this.maxWords && i + n <= count; n++) {
        const word = i + n - 1;
        if (n > 1 && text.slice(words.ends[word - 1], words.starts[word]).includes(',')) break;
        key = n === 1 ? keyOf(i) : `${key} ${keyOf(word)}`;
        if (this.byKey.has(key)) hits.push(n);
        if (!this.prefixes.has(key) || /['’]s$/.test(wordText(word))) break;
      }
      for (let h = hits.length - 1; h >= 0; h--) {
        const n = hits[h];
        const from = words.starts[i];
        let to = words.ends[i + n - 1];
        let surface = text.slice(from, to);
        // Possessives name the place too: "China's market".
        if (/['’]s$/.test(surface)) {
          surface = surface.slice(0, -2);
          to -= 2;
        }
        if (/[.-]$/.test(surface) && !/^(?:[A-Z]\.)+$/.test(surface.replace(/\s/g, ''))) {
          surface = surface.replace(/[.-]+$/, '');
          to = from + surface.length;
        }
        if (n > 1 && /^the\s/i.test(surface)) continue; // the shorter match without "The" follows
        if (text.charCodeAt(to) === 0x24) continue; // "US$", "A$": a currency, not a place
        const bare = surface.replace(/[^A-Za-z]/g, '');
        if (bare.length <= 3 && bare !== bare.toUpperCase()) continue;
        out.push({ place: this.byKey.get(placeKey(surface)) ?? this.byKey.get(key)!, from, to, text: surface });
        i += n - 1;
        break;
      }
    }
    return out;
  }
}

/** "North America" → "north american", "Europe" → "european", "Middle East" → "middle eastern": English word formation. */
function regionAdjectives(name: string): string[] {
  const n = name.toLowerCase();
  if (/[^a-z -]/.test(n)) return [];
  if (n.endsWith('a')) return [`${n}n`];
  if (n.endsWith('e')) return [`${n}an`];
  if (n.endsWith('east') || n.endsWith('west')) return [`${n}ern`];
  return [];
}

const isLatinLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
const isCapital = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde);

/**
 * The words a place name is made of, as [start, end) offsets: Latin letters with inner apostrophes
 * and dots, or a lone "&". A hyphen stays inside a word only before a capital ("Asia-Pacific",
 * "Guinea-Bissau"), so "U.S.-based" and "Japan-based" still name their places. Read by code unit
 * rather than by a global regex, which would allocate a match per word of every text.
 */
export function placeWords(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    if (c === 0x26) {
      starts.push(i);
      ends.push(++i);
      continue;
    }
    if (!isLatinLetter(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const d = text.charCodeAt(j);
      if (isLatinLetter(d) || d === 0x27 || d === 0x2019 || d === 0x2e) j++;
      else if (d === 0x2d && isCapital(text.charCodeAt(j + 1))) j++;
      else break;
    }
    starts.push(i);
    ends.push(j);
    i = j;
  }
  return { starts, ends };
}

let instance: Gazetteer | null = null;
function gazetteer(): Gazetteer {
  instance ??= new Gazetteer();
  return instance;
}

/**
 * The place a whole name denotes: a country by any of its names, a macro-region, a group or "Rest of …".
 * Remembered across a batch (the same country lists recur page after page): read only.
 */
export const lookupPlace: (name: string) => Place | null = memoByText((name) => gazetteer().lookup(name));

/**
 * Place names mentioned in running text. Remembered across a batch (sentences, clauses and list
 * items repeat from page to page): read only.
 */
export const findPlaces: (text: string) => readonly PlaceMatch[] = memoByText((text) => gazetteer().find(text));

/** The place an adjective stands for ("Chinese" → China, "North American" → North America), or null. */
export function placeOfAdjective(words: string): Place | null {
  return gazetteer().adjectives.get(words.toLowerCase()) ?? null;
}

/** Country codes in a region or group (empty for countries). */
export function membersOf(code: string): ReadonlySet<string> {
  return gazetteer().members.get(code) ?? new Set();
}

/** Whether `inner` lies within region/group `outer` (a country in it, or a group wholly inside it). */
export function within(outer: Place, inner: Place): boolean {
  if (outer.kind === 'country' || outer.code === inner.code) return false;
  const m = membersOf(outer.code);
  if (inner.kind === 'country') return m.has(inner.code);
  if (inner.kind === 'remainder') return inner.code === `rest-of:${outer.code}`;
  const im = membersOf(inner.code);
  return im.size > 0 && im.size < m.size && [...im].every((c) => m.has(c));
}

/** Whether a country may be listed under a region: a member, or accepted there by common usage. */
export function belongsTo(region: Place, country: Place): boolean {
  const g = gazetteer();
  return (g.members.get(region.code)?.has(country.code) ?? false) || (g.accepted.get(region.code)?.has(country.code) ?? false);
}

export function countryByCode(code: string): Place | null {
  return gazetteer().countries.get(code) ?? null;
}
