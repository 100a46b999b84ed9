import { DominanceClaimSchema } from '../../schema/claims.js';
import { dominanceClaims, fastestClaims } from '../share.js';
import { yearText } from './cells.js';
import { LEADER_CUE } from './cues.js';
import { defineClaimKind } from './define.js';

/** Leaders named: "X dominates / holds the largest share" (aspect share), "X is the fastest-growing …" (aspect growth). */
export default defineClaimKind({
  name: 'dominance',
  schema: DominanceClaimSchema,
  noun: { one: 'dominance claim' },
  cue: LEADER_CUE,
  read: () => ({
    sentence(r, out) {
      out.push(...dominanceClaims(r.nextId, r.sentence, r.mentions(), r.spans));
      out.push(...fastestClaims(r.nextId, r.sentence, r.mentions(), r.spans, (at) => r.subjects.subjectAt(r.sentence, at)));
    },
  }),
  table: {
    title: 'Leaders named',
    columns: [
      { header: 'Segment', cell: (d) => d.segment },
      { header: 'Said to have', cell: (d) => (d.aspect === 'growth' ? 'fastest growth' : 'largest share') },
      { header: 'Breakdown', cell: (d) => d.dimension },
      { header: 'Year', class: 'num', cell: (d) => yearText(d.year) },
    ],
  },
});
