import { z } from 'zod';
import { isAttributed, isSourceLine } from '../../src/credibility/attribution.js';
import type { NumericClaim } from '../../src/credibility/numeric-claims.js';
import type { Sentence } from '../../src/schema/document.js';
import { defineRule, output } from '../../src/engine/rule.js';

const options = z.object({
  minClaims: z.number().int().min(1).default(4).describe('Below this many numeric claims a source is too thin to judge.'),
  minUnsourcedRatio: z.number().min(0).max(1).default(0.6).describe('Share of unattributed claims (0–1) at or above which the source is reported.'),
  maxEvidence: z.number().int().min(1).default(8).describe('Unattributed figures quoted in the finding (all are counted).'),
});

const KIND_LABEL: Record<NumericClaim['kind'], string> = { growth: 'growth rate', size: 'market size', share: 'share', sales: 'sales figure' };

/** Index of the first sentence (in document order) at or after offset `from` of block `block`. */
function firstAtOrAfter(sentences: ReadonlyArray<Sentence>, block: number, from: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (s.block < block || (s.block === block && s.from < from)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export default defineRule({
  id: 'credibility/unsourced-figures',
  severity: 'info',
  description: 'Reports the share of numeric claims (sizes, growth rates, shares, sales) that carry no attribution.',
  rationale:
    'Market sizes, growth rates and company sales can only be checked when the report says where they come from: “according to”, a named agency or company report, a citation. A source where most figures float free of any attribution asks to be taken on trust; one finding per source gives the proportion rather than a flag on every number.',
  messages: {
    unsourced:
      '{unsourced} of {total} numeric claims ({percent}%) carry no attribution (no “according to”, named source or citation in their sentence): {kinds}.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'company sales figures with no source',
        input: [
          'Widget Market Overview',
          '',
          'Acme Widgets generated sales of $420 million in 2023. Borealis Sensors recorded revenue of $310 million in 2023.',
          'Calder Devices had sales near $150 million last year. Dunmore Labs grew its revenue to $95 million.',
          'According to its annual report, Everly Instruments had sales of $80 million.',
        ].join('\n'),
        expect: [{ messageId: 'unsourced', quotes: ['$420 million'], data: { unsourced: 4, total: 5, percent: 80 } }],
      },
    ],
    clean: [
      {
        name: 'figures with their sources',
        input: [
          'Widget Market Overview',
          '',
          'According to its annual report, Acme Widgets generated sales of $420 million in 2023.',
          'Borealis Sensors reported revenue of $310 million in 2023 [4].',
          'Calder Devices had sales of $150 million (Source: company filing).',
          'Dunmore Labs grew its revenue to $95 million, as reported by Reuters.',
        ].join('\n'),
      },
    ],
  },
  check(ctx, opts) {
    const claims = ctx.numericClaims();
    if (claims.length === 0) return output([], 0);
    const sentences = ctx.sentences();
    // Claims share sentences; each sentence is judged once.
    const judged = new Map<string, boolean>();
    const attributed = (c: NumericClaim): boolean => {
      const key = `${c.block}:${c.sentenceFrom}:${c.sentenceTo}`;
      let yes = judged.get(key);
      if (yes === undefined) judged.set(key, (yes = sentenceAttributed(c)));
      return yes;
    };
    const sentenceAttributed = (c: NumericClaim): boolean => {
      const text = ctx.doc.blocks[c.block].text.slice(c.sentenceFrom, c.sentenceTo);
      if (isAttributed(text)) return true;
      // A source line right after the sentence ("(Source: …)") attributes it too: the next
      // sentence of its block, or else the first of the block after it.
      const inBlock = sentences[firstAtOrAfter(sentences, c.block, c.sentenceTo)];
      const next = inBlock?.block === c.block ? inBlock : sentences[firstAtOrAfter(sentences, c.block + 1, 0)];
      return next !== undefined && next.block <= c.block + 1 && isSourceLine(next.text);
    };
    const unsourced = claims.filter((c) => !attributed(c));
    const ratio = unsourced.length / claims.length;
    if (claims.length < opts.minClaims || unsourced.length === 0 || ratio < opts.minUnsourcedRatio) return output([], claims.length);
    const kinds = new Map<string, number>();
    for (const c of unsourced) kinds.set(KIND_LABEL[c.kind], (kinds.get(KIND_LABEL[c.kind]) ?? 0) + 1);
    const [first, ...rest] = unsourced.map((c) => ({ ...c.evidence, role: `unattributed ${KIND_LABEL[c.kind]}` }));
    return output(
      [
        {
          messageId: 'unsourced',
          data: {
            unsourced: unsourced.length,
            total: claims.length,
            percent: Math.round(ratio * 100),
            kinds: [...kinds].map(([k, n]) => `${n} ${k}${n === 1 ? '' : 's'}`).join(', '),
          },
          primary: first,
          related: rest.slice(0, opts.maxEvidence - 1),
        },
      ],
      claims.length,
    );
  },
});
