import { GrowthClaimSchema } from '../../schema/claims.js';
import { trimNumber } from '../../util/number-text.js';
import { growthClaim } from '../growth.js';
import { periodText, QUALIFIER_WORDS, subjectText } from './cells.js';
import { PERCENT_CUE } from './cues.js';
import { defineClaimKind, inDocumentOrder } from './define.js';

/** Growth rates: a CAGR, a year-on-year change or a change over a period, of the market or a part of it. */
export default defineClaimKind({
  name: 'growth',
  schema: GrowthClaimSchema,
  noun: { one: 'growth rate' },
  cue: PERCENT_CUE,
  read: () => ({
    sentence(r, out) {
      for (const { match, kind } of r.percents()) {
        // "… over the same period" takes the period of the rate read before.
        if (kind === 'growth') out.push(growthClaim(r.nextId(), r.sentence, match, r.spans, r.subjects, r.forecast, out.at(-1) ?? null));
      }
    },
  }),
  finish: inDocumentOrder,
  table: {
    title: 'Growth rates',
    recomputed: true,
    columns: [
      { header: 'As stated', class: 'quote', cell: (g) => g.evidence.quote },
      {
        header: 'Rate',
        class: 'num',
        cell: (g) => (g.rateTo ? `${trimNumber(g.rate.value)}–${trimNumber(g.rateTo.value)}%` : `${trimNumber(g.rate.value)}%`),
      },
      { header: 'Qualifier', cell: (g) => QUALIFIER_WORDS[g.qualifier] },
      { header: 'Period', cell: (g) => periodText(g.period) },
      { header: 'Subject', cell: (g) => subjectText(g.subject) },
    ],
  },
});
