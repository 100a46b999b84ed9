import { z } from 'zod';
import { certainlyBefore, formatDate, parseIsoDate } from '../../src/util/dates.js';
import { defineRule, output } from '../../src/engine/rule.js';
import type { FindingDraft } from '../../src/schema/finding.js';

const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 87).trimEnd()}…` : text);

const options = z.object({
  maxEventFindings: z
    .number()
    .int()
    .min(1)
    .default(10)
    .describe("At most this many events-after-publication findings per source (the rest are counted in the last one's data)."),
});

export default defineRule({
  id: 'credibility/date-conflict',
  severity: 'warning',
  description:
    'Flags dates that contradict the report’s own timeline: events after publication, inconsistent base year, history and forecast periods, stale “as of” data.',
  rationale:
    'A report cannot describe events that happen after it was published, and its base year, historical range and forecast period must follow one another. When they do not, the text was assembled from sources of different ages (or the dates were edited without the content), so its figures cannot be placed in time.',
  messages: {
    'event-after-publish': '“{event}” is dated {eventDate}, after the report’s publish date {publishDate}.',
    'history-after-base': 'The historical range {historical} ends after the base year {baseYear}.',
    'forecast-before-base': 'The forecast period {forecast} starts before the base year {baseYear}.',
    'forecast-overlaps-history': 'The forecast period {forecast} starts inside the historical range {historical}.',
    'published-before-base': 'The report is dated {publishDate}, before its own base year {baseYear} began.',
    'stale-as-of': 'A figure “as of {asOfYear}” is given as current, but the report’s base year is {baseYear} ({baseBasis}).',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'an event dated after publication',
        input: ['Widget Market Report 2025-2032', '', 'Published: August 2025', '', 'In March 2026, Acme Widgets launched a new sensor line.'].join('\n'),
        expect: [{ messageId: 'event-after-publish', quotes: ['In March 2026'], data: { eventDate: 'March 2026' } }],
      },
      {
        name: 'history ending after the base year',
        input: ['Widget Market Report', '', 'Base Year: 2023', 'Historical Range: 2019 - 2024', 'Forecast Period: 2023 - 2031'].join('\n'),
        expect: [{ messageId: 'history-after-base', data: { baseYear: 2023, historical: '2019–2024' } }, { messageId: 'forecast-overlaps-history' }],
      },
      {
        name: '“as of” data older than the base year used as current',
        input: ['Widget Market Size and Trends 2025 - 2032', '', 'As of 2022, the segment stands at USD 3.4 billion and grows steadily.'].join('\n'),
        expect: [{ messageId: 'stale-as-of', quotes: ['As of 2022'], data: { asOfYear: 2022, baseYear: 2024 } }],
      },
      {
        name: 'a forecast starting before the base year',
        input: ['Widget Market Report', '', 'Base Year: 2025', 'Forecast Period: 2024 - 2031'].join('\n'),
        expect: [{ messageId: 'forecast-before-base', quotes: ['2024 - 2031', '2025'], data: { forecast: '2024–2031', baseYear: 2025 } }],
      },
      {
        name: 'a report dated before its own base year',
        input: ['Widget Market Report', '', 'Published: March 2023', 'Base Year: 2024', 'Forecast Period: 2025 - 2032'].join('\n'),
        expect: [{ messageId: 'published-before-base', quotes: ['March 2023'], data: { publishDate: '2023-03', baseYear: 2024 } }],
      },
    ],
    clean: [
      {
        name: 'a consistent timeline with a forecast, not an event',
        input: [
          'Widget Market Report 2025-2032',
          '',
          'Published: August 2025',
          'Base Year: 2024',
          'Historical Range: 2020 - 2024',
          'Forecast Period: 2025 - 2032',
          '',
          'In March 2025, Acme Widgets launched a new sensor line. The market is expected to reach USD 9 billion by 2032.',
          'As of 2021, there were 40 vendors in the market.',
        ].join('\n'),
      },
      {
        name: 'a forecast from the base year itself, published during that year',
        input: ['Widget Market Report', '', 'Published: January 2024', 'Base Year: 2024', 'Forecast Period: 2024 - 2031'].join('\n'),
      },
    ],
  },
  check(ctx, opts) {
    const meta = ctx.doc.metadata;
    const findings: FindingDraft<
      'history-after-base' | 'forecast-before-base' | 'forecast-overlaps-history' | 'published-before-base' | 'event-after-publish' | 'stale-as-of'
    >[] = [];
    let checked = 0;
    const range = (r: { from: number; to: number }) => `${r.from}–${r.to}`;

    const base = meta.baseYear;
    const hist = meta.historicalRange;
    const fc = meta.forecastPeriod;
    if (base && hist) {
      checked++;
      if (hist.to > base.year) {
        findings.push({
          messageId: 'history-after-base',
          severity: 'error',
          data: { historical: range(hist), baseYear: base.year },
          primary: hist.evidence,
          related: [base.evidence],
        });
      }
    }
    if (base && fc) {
      checked++;
      if (fc.from < base.year) {
        findings.push({
          messageId: 'forecast-before-base',
          severity: 'error',
          data: { forecast: range(fc), baseYear: base.year },
          primary: fc.evidence,
          related: [base.evidence],
        });
      }
    }
    if (hist && fc) {
      checked++;
      // Sharing one boundary year is common usage; starting inside the history is not.
      if (fc.from < hist.to) {
        findings.push({
          messageId: 'forecast-overlaps-history',
          severity: 'error',
          data: { forecast: range(fc), historical: range(hist) },
          primary: fc.evidence,
          related: [hist.evidence],
        });
      }
    }
    if (base && meta.publishDate) {
      checked++;
      if (meta.publishDate.year < base.year) {
        findings.push({
          messageId: 'published-before-base',
          severity: 'error',
          data: { publishDate: meta.publishDate.iso, baseYear: base.year },
          primary: meta.publishDate.evidence,
          related: [base.evidence],
        });
      }
    }
    // A title horizon that differs from the stated forecast period is numbers/horizon-conflict's.
    const title = meta.titleHorizon;

    const published = meta.publishDate ? parseIsoDate(meta.publishDate.iso) : null;
    if (published && meta.publishDate) {
      const events = ctx.datedEvents();
      checked += events.length;
      const late = events.filter((e) => certainlyBefore(published, e.date));
      for (const e of late.slice(0, opts.maxEventFindings)) {
        findings.push({
          messageId: 'event-after-publish',
          data: { event: excerpt(e.sentence.text), eventDate: formatDate(e.date), publishDate: formatDate(published) },
          primary: ctx.spans.of(e.sentence.block, e.from, e.to, 'event date'),
          related: [ctx.spans.of(e.sentence.block, e.sentence.from, e.sentence.to, 'event'), { ...meta.publishDate.evidence, role: 'publish date' }],
        });
      }
    }

    // Without a stated base year, the year before the forecast starts is the usual one.
    const forecastStart = (fc ?? title)?.from;
    const baseYear = base ? base.year : forecastStart !== undefined ? forecastStart - 1 : null;
    if (baseYear !== null) {
      const baseBasis = base ? 'stated' : `inferred from the forecast starting in ${forecastStart}`;
      const baseEvidence = base?.evidence ?? (fc ?? title)?.evidence;
      for (const s of ctx.asOfStatements()) {
        checked++;
        if (s.year >= baseYear) continue;
        findings.push({
          messageId: 'stale-as-of',
          data: { asOfYear: s.year, baseYear, baseBasis },
          primary: ctx.spans.of(s.sentence.block, s.from, s.to, 'as of'),
          related: [
            ctx.spans.of(s.sentence.block, s.sentence.from, s.sentence.to, 'statement'),
            ...(baseEvidence ? [{ ...baseEvidence, role: 'base year' }] : []),
          ],
        });
      }
    }
    return output(findings, checked);
  },
});
