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
  repaired: string | null;
  charsets: string[];
  lossy: boolean;
  /** The distinct garbled forms grouped here (several for remnants whose character is lost). */
  shapes: Set<string>;
  places: Array<{ block: number; from: number; to: number }>;
}

/** “a”, “b”, … — at most eight forms, as an editor can read them. */
function quoteList(forms: string[]): string {
  const shown = forms.slice(0, 8).map((f) => `“${visible(f)}”`);
  return forms.length > 8 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/**
 * The code page that explains the most lossy occurrences of the document: one misreading garbles a
 * whole page, and "â" alone could be any of five pages where "ď¸" beside it is only ISO-8859-2.
 */
function documentCharset(forms: Form[]): string | null {
  const votes = new Map<string, number>();
  for (const f of forms) if (f.lossy) for (const c of f.charsets) votes.set(c, (votes.get(c) ?? 0) + f.places.length);
  let best: string | null = null;
  for (const [c, n] of votes) if (best === null || n > votes.get(best)!) best = c;
  return best;
}

/** A file's bytes from UTF-8 text and single bytes between (for the examples: files no string can show). */
const bytesOf = (...parts: Array<string | number>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : [part])));

export default defineRule({
  id: 'text/encoding',
  severity: 'warning',
  description:
    'Mojibake (UTF-8 read as a single-byte code page: “â€™” for “’” under Windows-1252, “ÂŠ” for “©” under ISO-8859-2), what is left of such a character when its control bytes were dropped (“Hereâs”, “2026ā2050”), and byte sequences that were not valid UTF-8.',
  rationale:
    'Garbled characters show the text passed through a pipeline that mis-declared its encoding — typical of scraped and re-published reports — and they can corrupt names and figures (“Â£5 million”). One finding per distinct garbled form, with every occurrence as evidence, because an editor fixes each form once with find-and-replace; the repair is computed by re-encoding the run with iconv-lite and decoding it as UTF-8, so the message shows what the text should read. Windows-1252 and Latin-1 are read first; the Central European, Baltic and Turkish pages only where the repair is a character an English web page carries (punctuation, symbols, emoji), because their letters spell real words. Through an ISO-8859 page the bytes 80–9F are control codes, which scrapers drop: what is left (“â” for “’”, “ā” for “–”) cannot be repaired exactly and is reported only where it cannot be a letter of a word — between digits, inside an English contraction, before a space after punctuation, alone where an emoji stood, or beside a spacing accent — with the character it most likely was; the page named is the one that explains most of the document’s forms. A Latvian “Rīgā” or a Polish “Łódź” is text, not mojibake. Bytes that were not UTF-8 at all were replaced on reading and are reported separately.',
  messages: {
    mojibake: '“{form}” is mojibake (UTF-8 read as {charset}) and should read “{repaired}”; it occurs {count} time(s).',
    lossy:
      'Remnants of UTF-8 characters read as {charset}, whose other bytes (control codes in that code page) were dropped: {form}; {guess}; {count} occurrence(s).',
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
      {
        name: 'UTF-8 read as ISO-8859-13 with its control bytes dropped, and a copyright sign read as ISO-8859-2',
        input: 'Heat Pumps\n\nForecast for 2027ā2040 by Kinds:Ā Air and ground. ÂŠ 2026\n',
        expect: [
          { messageId: 'lossy', quotes: ['ā'], data: { charset: 'ISO-8859-13', repaired: '–' } },
          { messageId: 'lossy', quotes: ['Ā'], data: { charset: 'ISO-8859-13', repaired: 'U+00A0 (no-break space)' } },
          { messageId: 'mojibake', quotes: ['ÂŠ'], data: { charset: 'ISO-8859-2', repaired: '©' } },
        ],
      },
      {
        name: 'two Windows-1252 bytes (“£”, “é”) in a file otherwise written in UTF-8',
        input: bytesOf('Widget Sensors\n\nThe sensor’s price is ', 0xa3, '5 a unit in the caf', 0xe9, ' trade.\n'),
        expect: [{ messageId: 'invalid-bytes', quotes: ['\uFFFD'], data: { count: 2, encoding: 'utf-8' } }],
      },
    ],
    clean: [
      {
        name: 'Latvian, Polish and Romanian words',
        input: '<p>Rīgā dzīvo Jānis Bērziņš; Liepājā un mājās. Łódź, Gdańsk, WSPÓŁPRACA. Până mâine, atât.</p>',
      },
      {
        name: 'correct non-ASCII text',
        input: '<p>Türkiye, café, São Paulo — the patient’s “care” plan costs €5 and £3; 25 °C; naïve Zürich.</p>',
      },
      {
        name: 'a file written wholly in Windows-1252 (read as such, not as broken UTF-8)',
        input: bytesOf('Widget Sensors\n\nThe sensor', 0x92, 's price is ', 0xa3, '5 a unit in the caf', 0xe9, ' trade.\n'),
      },
    ],
  },
  check(ctx, opts) {
    const forms = new Map<string, Form>();
    for (const b of ctx.doc.blocks) {
      for (const m of findMojibake(b.text)) {
        // Remnants whose character is lost cannot be replaced one by one: the page needs decoding again, so they are one finding.
        const key = m.lossy ? `lossy:${m.repaired ?? ''}` : `whole:${m.form}`;
        const form = forms.get(key) ?? { form: m.form, repaired: m.repaired, charsets: m.charsets, lossy: m.lossy, shapes: new Set<string>(), places: [] };
        forms.set(key, form);
        form.shapes.add(m.form);
        for (const c of m.charsets) if (!form.charsets.includes(c)) form.charsets = [...form.charsets, c];
        form.places.push({ block: b.index, from: m.from, to: m.to });
      }
    }
    const pageCharset = documentCharset([...forms.values()]);
    const findings: FindingDraft<'mojibake' | 'lossy' | 'invalid-bytes'>[] = [...forms.values()].map((f) => {
      const [first, ...rest] = f.places;
      const charset = f.lossy && pageCharset !== null && f.charsets.includes(pageCharset) ? pageCharset : f.charsets[0];
      return {
        messageId: f.lossy ? 'lossy' : 'mojibake',
        data: {
          form: f.lossy ? quoteList([...f.shapes]) : visible(f.form),
          repaired: f.repaired === null ? null : visible(f.repaired),
          guess: f.repaired === null ? 'the characters are lost' : `each probably read “${visible(f.repaired)}”`,
          charset,
          count: f.places.length,
        },
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
