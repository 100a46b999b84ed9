import { SizeClaimSchema } from '../../schema/claims.js';
import { money } from '../../util/number-text.js';
import { moneyIn } from '../numbers.js';
import { sizeClaims } from '../size.js';
import { QUALIFIER_WORDS, subjectText, yearText } from './cells.js';
import { MONEY_CUE } from './cues.js';
import { defineClaimKind, inDocumentOrder } from './define.js';

/** Market sizes: an amount in a currency, of the market or a part of it, in a year. */
export default defineClaimKind({
  name: 'sizes',
  schema: SizeClaimSchema,
  noun: { one: 'market size' },
  cue: MONEY_CUE,
  read: () => ({
    sentence(r, out) {
      out.push(...sizeClaims(r.nextId, r.sentence, moneyIn(r.sentence.text), r.spans, r.subjects));
    },
  }),
  // A sentence's sizes are read before its percentages, so their ids come first.
  readOrder: -1,
  finish: inDocumentOrder,
  table: {
    title: 'Market sizes',
    recomputed: true,
    columns: [
      { header: 'As stated', class: 'quote', cell: (s) => s.evidence.quote },
      {
        header: 'In USD',
        class: 'num',
        cell: (s) => `${QUALIFIER_WORDS[s.qualifier] ? `${QUALIFIER_WORDS[s.qualifier]} ` : ''}${money(s.value.value, s.currency)}`,
      },
      { header: 'Year', class: 'num', cell: (s) => yearText(s.year) },
      { header: 'Kind', cell: (s) => (s.role === 'unknown' ? '' : s.role) },
      { header: 'Subject', cell: (s) => subjectText(s.subject) },
    ],
  },
});
