import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { countOf, groupEvidence, listMembers } from '../../src/engine/group.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { Evidence } from '../../src/schema/position.js';
import type { Breakdown, SegmentItem } from '../../src/segments/breakdowns.js';
import { asideChildren, canonicalItem, overlapOf, type CanonicalItem } from '../../src/segments/canonical.js';
import { isPlayerList } from '../../src/segments/players.js';
import { itemDimension } from '../../src/segments/item-dimension.js';
import { isOther } from '../../src/lexicon/normalise.js';

const MAX_REPEATS = 10;
/** Children of one item compared with its peers. */
const MAX_CHILDREN = 50;

const options = z.object({
  containment: z.boolean().default(true).describe('Also report an item that contains a peer ("Hospitals and Clinics" beside "Hospitals").'),
});

/** Place lists are the geography rules' business (a region and its countries are not peers anyway). */
function isPlaceList(b: Breakdown): boolean {
  if (b.dimension === 'region') return true;
  const places = b.items.filter((i) => itemDimension(i.text) === 'region').length;
  return places * 2 >= b.items.length;
}

interface Pair {
  messageId: 'synonym' | 'contains' | 'repeat' | 'member' | 'nested';
  first: SegmentItem;
  second: SegmentItem;
  data: Record<string, string | number>;
  /** What identifies the problem across restatements of the breakdown. */
  key: string;
  breakdown: Breakdown;
  repeats: SegmentItem[];
  /** For a class beside its members: every member listed. */
  members: SegmentItem[];
}

export default defineRule({
  id: 'segments/duplicate',
  severity: 'warning',
  description:
    'Two peers of one breakdown name the same segment, or one contains the other (“Tumors” and “Neoplasms”; “ACC” and “Adaptive Cruise Control”; “Clinics” and “Hospitals & Clinics”; “Retail” and “Department Stores”).',
  rationale:
    'The segments of one breakdown should partition the market; when two peers are synonyms or one includes the other, any shares or sizes given for them count the same revenue twice and cannot sum to the whole. Peers are the items of one list (a nested list is not a peer of its parent item) or of one “By …” enumeration. Two peers are one thing when they repeat each other, are synonyms in a cited thesaurus (MeSH entry terms, ISO plastics symbols, the common ADAS names), go by one acronym, or differ only in word order (“Treatment of Cancer”); one covers the other when its parts include the other’s, when it names a class of which the other is a member (NAICS store and restaurant types, ISO 472 plastics), or when the page lists the other under it (a nested list, “(including …)”). Remainders (“Others”) are never duplicates; company lists are left to segments/duplicate-player. The pairs of one kind in the breakdowns of one dimension are one finding, naming each pair.',
  messages: {
    synonym: '{subjects} listed as separate peers but naming the same thing ({number}): {listing}; their shares would be counted twice.',
    contains: '{subjects} listed beside a peer they include ({number}): {listing}; each overlaps its peer.',
    repeat: '{subjects} listed twice in the same breakdown ({number}): {listing}.',
    member: '{subjects} naming a class that already covers peers listed beside them ({number}): {listing}; listing both counts them twice.',
    nested: '{subjects} listed under a peer and again beside it as a peer ({number}): {listing}; the two overlap.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'tumors and neoplasms as two indications',
        input: ['Radiopharmaceuticals Market', '', 'By Indication', '', '  • Tumors', '  • Cardiovascular Disorders', '  • Neoplasms', '  • Others'].join('\n'),
        expect: [{ messageId: 'synonym', quotes: ['Tumors', 'Neoplasms'], data: { listing: '“Tumors” and “Neoplasms” (cancer)' } }],
      },
      {
        name: 'clinics beside hospitals & clinics',
        input: '<h2>By End User</h2><ul><li>Clinics</li><li>Hospitals &amp; Clinics</li><li>Home Care</li></ul>',
        expect: [{ messageId: 'contains', quotes: ['Hospitals & Clinics', 'Clinics'] }],
      },
      {
        name: 'a class beside its members, and an abbreviation beside its expansion',
        input: [
          '<h2>By Channel</h2><ul><li>Retail</li><li>Supermarkets</li><li>Convenience Stores</li><li>Online</li></ul>',
          '<h2>By Application</h2><ul><li>Adaptive Cruise Control</li><li>Park Assist</li><li>ACC</li></ul>',
        ].join(''),
        expect: [
          {
            messageId: 'member',
            quotes: ['Retail', 'Supermarkets', 'Convenience Stores'],
            data: { listing: '“Retail” (retail store: “Supermarkets” and “Convenience Stores”)' },
          },
          { messageId: 'synonym', quotes: ['Adaptive Cruise Control', 'ACC'] },
        ],
      },
      {
        name: 'one type listed twice',
        input: '<h2>By Type</h2><ul><li>Optical Sensors</li><li>Capacitive Sensors</li><li>Optical Sensors</li><li>Others</li></ul>',
        expect: [{ messageId: 'repeat', quotes: ['Optical Sensors', 'By Type'], data: { listing: '“Optical Sensors”', number: '1 segment' } }],
      },
      {
        name: 'a sub-segment listed under its parent and again beside it',
        input:
          '<h2>By Product</h2><ul><li>Viral Vectors<ul><li>AAV Vectors</li><li>Lentiviral Vectors</li></ul></li><li>Plasmid DNA</li><li>AAV Vectors</li></ul>',
        expect: [{ messageId: 'nested', quotes: ['AAV Vectors', 'Viral Vectors'], data: { listing: '“AAV Vectors” (also under “Viral Vectors”)' } }],
      },
    ],
    clean: [
      {
        name: 'different cancers, and a nested list under its parent',
        input: [
          '<h2>By Application</h2><ul><li>Breast Cancer</li><li>Prostate Cancer</li><li>Others</li></ul>',
          '<h2>By Product</h2><ul><li>Viral Vectors<ul><li>AAV Vectors</li><li>Lentiviral Vectors</li></ul></li><li>Plasmid DNA</li></ul>',
        ].join(''),
      },
      {
        name: 'a polymer and another that shares its first word; a hospital beside a hospital pharmacy',
        input:
          '<h2>By Material</h2><ul><li>Polyethylene</li><li>Polyethylene Terephthalate</li></ul><h2>By Channel</h2><ul><li>Hospitals</li><li>Hospital Pharmacies</li><li>Online</li></ul>',
      },
      {
        name: 'two remainders and an aside that names a peer',
        input: '<h2>By End User</h2><ul><li>Hospitals</li><li>Clinics</li><li>Others (Home Care and Clinics)</li><li>Others</li></ul>',
      },
      {
        name: 'one item in two different breakdowns',
        input:
          '<h2>By Type</h2><ul><li>Optical Sensors</li><li>Capacitive Sensors</li></ul><h2>By Technology</h2><ul><li>Optical Sensors</li><li>Ultrasonic Sensors</li></ul>',
      },
    ],
  },
  check(ctx, opts) {
    let checked = 0;
    const pairs = new Map<string, Pair>();
    for (const breakdown of ctx.segmentBreakdowns()) {
      if (isPlaceList(breakdown) || isPlayerList(breakdown)) continue;
      const peers: Peer[] = breakdown.items
        .filter((i) => !isOther(i.text))
        .map((item) => {
          const key = canonicalItem(item.text);
          return { item, key, parts: partsKey(key), children: childKeys(item) };
        });
      checked += peers.length;
      for (let i = 0; i < peers.length; i++) {
        for (let j = i + 1; j < peers.length; j++) {
          const pair = pairOf(peers[i], peers[j], opts.containment);
          if (!pair) continue;
          const dimension = breakdown.dimension;
          pair.data.subjects = dimension ? `${capitalise(dimension)} segments` : 'Segments';
          // The same breakdown repeated elsewhere (summary table, scope list) is one problem, not several.
          const key = `${dimension}|${pair.key}`;
          const seen = pairs.get(key);
          if (!seen) pairs.set(key, { ...pair, breakdown, repeats: [], members: pair.messageId === 'member' ? [pair.second] : [] });
          else if (pair.messageId === 'member') seen.members.push(pair.second);
          else seen.repeats.push(pair.first, pair.second);
        }
      }
    }
    // One finding per dimension and kind, naming each pair; the same pair in a restated breakdown was merged above.
    const groups = new Map<string, Pair[]>();
    for (const p of pairs.values()) {
      const key = `${p.breakdown.dimension ?? ''}|${p.messageId}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(p);
    }
    const findings: FindingDraft<Pair['messageId']>[] = [...groups.entries()].map(([key, list]) => {
      const kind = list[0].messageId;
      const span = (i: SegmentItem, role: string) => ctx.spans.of(i.block, i.from, i.to, role);
      // Pairs of one breakdown share its label: it is quoted once.
      const labels = new Set<Breakdown>();
      const evidence = list.flatMap((p) => {
        const peers = p.messageId === 'member' ? p.members.slice(0, MAX_REPEATS) : [p.second];
        const out: Evidence[] = peers.map((m) => span(m, 'peer'));
        const label = p.breakdown.labelRange;
        if (label && !labels.has(p.breakdown)) out.push(ctx.spans.of(label.block, label.from, label.to, 'label'));
        labels.add(p.breakdown);
        for (const r of p.repeats.slice(0, MAX_REPEATS)) out.push(span(r, 'repeat'));
        return out;
      });
      const { primary, related } = groupEvidence(list.map((p) => span(p.first, 'item')));
      return {
        messageId: kind,
        data: {
          subjects: list[0].data.subjects,
          number: countOf(list.length, ...NOUNS[kind]),
          count: list.length,
          listing: listMembers(list.map(describePair)),
        },
        primary,
        related: [...related, ...evidence],
        key,
        group: true,
      };
    });
    return output(findings, checked);
  },
});

type Peer = { item: SegmentItem; key: CanonicalItem; parts: string; children: ReadonlySet<string> };

/** What a group of each kind counts: "1 pair", "3 classes". */
const NOUNS: Record<Pair['messageId'], [string, string]> = {
  synonym: ['pair', 'pairs'],
  contains: ['segment', 'segments'],
  repeat: ['segment', 'segments'],
  member: ['class', 'classes'],
  nested: ['segment', 'segments'],
};

/** One pair as its group's message names it. */
function describePair(p: Pair): string {
  switch (p.messageId) {
    case 'synonym':
      return `“${p.first.text}” and “${p.second.text}” (${p.data.canonical})`;
    case 'contains':
      return `“${p.first.text}” (includes “${p.second.text}”)`;
    case 'repeat':
      return `“${p.first.text}”`;
    case 'member':
      return `“${p.first.text}” (${p.data.class}: ${listMembers([...new Set(p.members.map((m) => `“${m.text}”`))], MAX_REPEATS)})`;
    case 'nested':
      return `“${p.first.text}” (also under “${p.second.text}”)`;
  }
}
type Draft = Omit<Pair, 'breakdown' | 'repeats' | 'members'>;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Canonical parts of two peers, in a fixed order: the same pair in a restated breakdown gets the same key. */
function pairKey(kind: string, a: CanonicalItem, b: CanonicalItem): string {
  return `${kind}|${[a.parts.join('+'), b.parts.join('+')].sort().join('|')}`;
}

/** A name as a child is compared: its canonical parts (so a synonym of a child is the child). */
const partsKey = (c: CanonicalItem) => c.parts.join('+');

/**
 * Sub-segments an item lists under it — a nested list, or an aside ("Retail (including Department
 * Stores)") — as canonical keys, looked up in constant time for every peer.
 */
function childKeys(item: SegmentItem): ReadonlySet<string> {
  const names = [...(item.children ?? []).slice(0, MAX_CHILDREN), ...asideChildren(item.text)];
  return new Set(names.map((n) => partsKey(canonicalItem(n))));
}

/** Whether a peer is one of the other's own sub-segments. */
function isChildOf(peer: Peer, parent: Peer): boolean {
  return parent.children.size > 0 && parent.children.has(peer.parts);
}

/** What is wrong with two peers of one breakdown, as a finding's message and data, or null. */
function pairOf(p: Peer, q: Peer, containment: boolean): Draft | null {
  const [a, b] = [p.item, q.item];
  if (isChildOf(q, p) || isChildOf(p, q)) {
    const [whole, part] = isChildOf(q, p) ? [p, q] : [q, p];
    return {
      messageId: 'nested',
      first: part.item,
      second: whole.item,
      data: { whole: whole.item.text, part: part.item.text },
      key: pairKey('nested', whole.key, part.key),
    };
  }
  const overlap = overlapOf(p.key, q.key);
  if (!overlap) return null;
  switch (overlap.kind) {
    case 'repeat':
      return { messageId: 'repeat', first: a, second: b, data: { first: a.text }, key: pairKey('repeat', p.key, q.key) };
    case 'same':
      return {
        messageId: 'synonym',
        first: a,
        second: b,
        data: { first: a.text, second: b.text, canonical: overlap.canonical },
        key: pairKey('same', p.key, q.key),
      };
    case 'member': {
      // One finding per class item: every member listed beside it joins it.
      const [whole, part] = overlap.whole === 0 ? [p, q] : [q, p];
      return {
        messageId: 'member',
        first: whole.item,
        second: part.item,
        data: { whole: whole.item.text, class: overlap.class },
        key: `member|${overlap.class}|${whole.key.parts.join('+')}`,
      };
    }
    case 'contains': {
      if (!containment) return null;
      const [whole, part] = overlap.whole === 0 ? [a, b] : [b, a];
      return { messageId: 'contains', first: whole, second: part, data: { whole: whole.text, part: part.text }, key: pairKey('contains', p.key, q.key) };
    }
  }
}
