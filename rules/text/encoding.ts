import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import type { FindingDraft } from '../../src/schema/finding.js';
import type { Evidence } from '../../src/schema/position.js';
import { findMojibake, visible } from '../../src/text/mojibake.js';

const options = z.object({
  maxEvidence: z.number().int().min(1).default(20).describe('Occurrences attached as evidence to one finding; the count in the message is always complete.'),
});

interface Form {
  form: string;
  repaired: string;
  charset: string;
  places: Array<{ block: number; from: number; to: number }>;
}

export default defineRule({
  id: 'text/encoding',
  severity: 'warning',
  description: 'Mojibake (UTF-8 read as Windows-1252 or Latin-1, “â€™” for “’”) and byte sequences that were not valid UTF-8.',
  rationale:
    'Garbled characters show the text passed through a pipeline that mis-declared its encoding — typical of scraped and re-published reports — and they can corrupt names and figures (“Â£5 million”). One finding per distinct garbled form, with every occurrence as evidence, because an editor fixes each form once with find-and-replace; the repair is computed by re-encoding the run with iconv-lite and decoding it as UTF-8, so the message shows what the text should read. Bytes that were not UTF-8 at all were replaced on reading and are reported separately.',
  messages: {
    mojibake: '“{form}” is mojibake (UTF-8 read as {charset}) and should read “{repaired}”; it occurs {count} time(s).',
    'invalid-bytes':
      '{count} byte sequence(s) were not valid UTF-8 and were replaced by “\uFFFD” when the file was read; the original characters there are lost.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'a curly apostrophe and an accented letter read as Windows-1252',
        input: '<p>The patientâ€™s records and the firmâ€™s pipeline; a cafÃ© in TÃ¼rkiye.</p>',
        expect: [
          { messageId: 'mojibake', quotes: ['â€™'], data: { repaired: '’', count: 2 } },
          { messageId: 'mojibake', quotes: ['Ã©'], data: { repaired: 'é', count: 1 } },
          { messageId: 'mojibake', quotes: ['Ã¼'], data: { repaired: 'ü', count: 1 } },
        ],
      },
      {
        name: 'a no-break space and a pound sign',
        input: 'Prices\n\nThe fee isÂ Â£5 million for 2025.\n',
        expect: [
          { messageId: 'mojibake', quotes: ['Â '], data: { repaired: 'U+00A0 (no-break space)' } },
          { messageId: 'mojibake', quotes: ['Â£'], data: { repaired: '£' } },
        ],
      },
    ],
    clean: [
      {
        name: 'correct non-ASCII text',
        input: '<p>Türkiye, café, São Paulo — the patient’s “care” plan costs €5 and £3; 25 °C; naïve Zürich.</p>',
      },
    ],
  },
  check(ctx, opts) {
    const forms = new Map<string, Form>();
    for (const b of ctx.doc.blocks) {
      for (const m of findMojibake(b.text)) {
        const form = forms.get(m.form) ?? { form: m.form, repaired: m.repaired, charset: m.charset, places: [] };
        forms.set(m.form, form);
        form.places.push({ block: b.index, from: m.from, to: m.to });
      }
    }
    const findings: FindingDraft[] = [...forms.values()].map((f) => {
      const [first, ...rest] = f.places;
      return {
        messageId: 'mojibake',
        data: { form: visible(f.form), repaired: visible(f.repaired), charset: f.charset, count: f.places.length },
        primary: ctx.spans.of(first.block, first.from, first.to, 'mojibake'),
        related: rest.slice(0, opts.maxEvidence - 1).map((p) => ctx.spans.of(p.block, p.from, p.to, 'occurrence')),
      };
    });
    const { invalidSequences, invalidOffsets, name } = ctx.encoding;
    if (invalidSequences > 0) {
      const places: Evidence[] = invalidOffsets.slice(0, opts.maxEvidence).map((o) => ctx.spans.source_(o, o + 1, 'invalid'));
      findings.push({
        messageId: 'invalid-bytes',
        data: { count: invalidSequences, encoding: name },
        primary: places[0] ?? null,
        related: places.slice(1),
      });
    }
    return output(findings, ctx.doc.blocks.length);
  },
});
