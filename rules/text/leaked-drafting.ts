import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import { findDraftingNotes, type DraftingKind } from '../../src/text/drafting-notes.js';

// The engine lists the first findings (config maxFindingsPerRule) and counts the rest.
const options = z.object({});

const KIND_NAMES: Record<DraftingKind, string> = {
  'self-correction': 'a self-correction',
  'editor-note': 'a note to the editor',
  'estimate-working': 'the working of an estimate',
  'assistant-talk': 'a chat assistant addressing its user',
};

export default defineRule({
  id: 'text/leaked-drafting',
  severity: 'warning',
  description:
    'Notes of the writer or the text generator left in the published text: self-corrections, notes to an editor, the working of an estimate, a chat assistant talking to its user.',
  rationale:
    'Report prose states findings and methods. “Actually, wait — let’s correct that.”, “Note: figures to be updated”, “no CAGR is available for this market, so we estimate it” or “As an AI language model” are the drafting of a person or a text generator that nobody removed: the text was published unread, and the figures next to such a note are often the very ones being guessed or corrected. Only fixed phrasings of these notes are matched, so a report that discusses estimates (“we estimate the market at…”) or corrections (“prices corrected in 2023”) is not flagged.',
  messages: {
    note: 'Drafting left in the text, {kind}: “{text}”.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'a generator correcting itself and estimating aloud',
        input: [
          '<h2>Regional outlook</h2>',
          '<p>Asia-Pacific took 70% of shipments. Actually, wait — let’s correct that. China alone took 60% of them.</p>',
          '<p>No CAGR is available for this market, so we estimate it from the 2023 and 2030 values. (To be updated)</p>',
        ].join('\n'),
        expect: [
          { messageId: 'note', quotes: ['Actually, wait — let’s correct that'], data: { kind: 'a self-correction' } },
          { messageId: 'note', quotes: ['No CAGR is available for this market, so we estimate it'], data: { kind: 'the working of an estimate' } },
          { messageId: 'note', quotes: ['(To be updated)'], data: { kind: 'a note to the editor' } },
        ],
      },
    ],
    clean: [
      {
        name: 'a report that discusses estimates, corrections and notes',
        input: [
          '<h2>Methodology</h2>',
          '<p>We estimate the market at USD 4.2 billion in 2024, assuming steady prices. Actually, no single vendor holds more than 15%.</p>',
          '<p>Note: figures for 2024 are estimates. Prices corrected in 2023 after a record year; buyers wait for new models.</p>',
          '<p>Data on reimbursement are not available for every country, so the regional split relies on sales data.</p>',
        ].join('\n'),
      },
    ],
  },
  check(ctx) {
    const findings: FindingDraft<'note'>[] = [];
    for (const b of ctx.doc.blocks) {
      if (b.kind === 'tableCell') continue;
      for (const n of findDraftingNotes(b.text)) {
        findings.push({
          messageId: 'note',
          data: { kind: KIND_NAMES[n.kind], text: n.text },
          primary: ctx.spans.of(b.index, n.from, n.to, 'note'),
          related: [],
        });
      }
    }
    return output(findings, ctx.doc.blocks.length);
  },
});
