import { z } from 'zod';
import { certainlyBefore, formatDate, parseIsoDate } from '../../src/util/dates.js';
import { defineRule, output } from '../../src/engine/rule.js';
import { countOf, groupEvidence, listMembers, NAMED_MEMBERS } from '../../src/engine/group.js';
import type { FindingDraft } from '../../src/schema/finding.js';

const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 87).trimEnd()}…` : text);

const options = z.object({});

export default defineRule({
  id: 'credibility/date-conflict',
  severity: 'warning',
  description:
    'Flags dates that contradict the report’s own timeline: events after publication, inconsistent base year, history and forecast periods, stale “as of” data.',
  rationale:
    'A report cannot describe events that happen after it was published, and its base year, historical range and forecast period must follow one another. When they do not, the text was assembled from sources of different ages (or the dates were edited without the content), so its figures cannot be placed in time. The events after publication are one finding, as are the stale “as of” figures.',
  messages: {
    'event-after-publish': '{events} dated after the report’s publish date {publishDate}: {listing}.',
    'history-after-base': 'The historical range {historical} ends after the base year {baseYear}.',
    'forecast-before-base': 'The forecast period {forecast} starts before the base year {baseYear}.',
    'forecast-overlaps-history': 'The forecast period {forecast} starts inside the historical range {historical}.',
    'published-before-base': 'The report is dated {publishDate}, before its own base year {baseYear} began.',
    'stale-as-of': '{figures} given as current “as of” a year before the report’s base year {baseYear} ({baseBasis}): {listing}.',
  },
  options,
  examples: {
    flagged: [
      {
        name: 'an event dated after publication',
        input: ['Widget Market Report 2025-2032', '', 'Published: August 2025', '', 'In March 2026, Acme Widgets launched a new sensor line.'].join('\n'),
        expect: [{ messageId: 'event-after-publish', quotes: ['In March 2026'], data: { count: 1, publishDate: 'August 2025' } }],
      },
      {
        name: 'a change told in the past tense, dated after publication',
        input: [
          'Widget Market Report 2025-2032',
          '',
          'Published: August 2025',
          '',
          'Widget shipments in Europe fell by 18% in March 2026 as borrowing costs rose.',
        ].join('\n'),
        expect: [{ messageId: 'event-after-publish', quotes: ['in March 2026'], data: { count: 1 } }],
      },
      {
        name: 'history ending after the base year',
        input: ['Widget Market Report', '', 'Base Year: 2023', 'Historical Range: 2019 - 2024', 'Forecast Period: 2023 - 2031'].join('\n'),
        expect: [{ messageId: 'history-after-base', data: { baseYear: 2023, historical: '2019–2024' } }, { messageId: 'forecast-overlaps-history' }],
      },
      {
        name: '“as of” data older than the base year used as current',
        input: ['Widget Market Size and Trends 2025 - 2032', '', 'As of 2022, the segment stands at USD 3.4 billion and grows steadily.'].join('\n'),
        expect: [{ messageId: 'stale-as-of', quotes: ['As of 2022'], data: { count: 1, baseYear: 2024 } }],
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
        name: 'a change expected after publication, not told as past',
        input: [
          'Widget Market Report 2025-2032',
          '',
          'Published: August 2025',
          '',
          'Widget shipments in Europe are expected to fall by 18% in March 2026.',
        ].join('\n'),
      },
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
  check(ctx) {
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
      // Every event after publication contradicts the one publish date: one finding, naming them.
      const late = events.filter((e) => certainlyBefore(published, e.date));
      if (late.length > 0) {
        const { primary, related } = groupEvidence(
          late.map((e) => ctx.spans.of(e.sentence.block, e.from, e.to, 'event date')),
          [{ ...meta.publishDate.evidence, role: 'publish date' }],
        );
        findings.push({
          messageId: 'event-after-publish',
          data: {
            events: countOf(late.length, 'event'),
            count: late.length,
            listing: listMembers(
              late.map((e) => `“${excerpt(e.sentence.text)}” (${formatDate(e.date)})`),
              NAMED_MEMBERS,
              '; ',
            ),
            publishDate: formatDate(published),
          },
          primary,
          related: [...related, ...late.map((e) => ctx.spans.of(e.sentence.block, e.sentence.from, e.sentence.to, 'event'))],
          key: meta.publishDate.iso,
          group: true,
        });
      }
    }

    // Without a stated base year, the year before the forecast starts is the usual one.
    const forecastStart = (fc ?? title)?.from;
    const baseYear = base ? base.year : forecastStart !== undefined ? forecastStart - 1 : null;
    if (baseYear !== null) {
      const baseBasis = base ? 'stated' : `inferred from the forecast starting in ${forecastStart}`;
      const baseEvidence = base?.evidence ?? (fc ?? title)?.evidence;
      const statements = ctx.asOfStatements();
      checked += statements.length;
      const stale = statements.filter((s) => s.year < baseYear);
      if (stale.length > 0) {
        const { primary, related } = groupEvidence(
          stale.map((s) => ctx.spans.of(s.sentence.block, s.from, s.to, 'as of')),
          baseEvidence ? [{ ...baseEvidence, role: 'base year' }] : [],
        );
        findings.push({
          messageId: 'stale-as-of',
          data: {
            figures: countOf(stale.length, 'figure'),
            count: stale.length,
            listing: listMembers(
              stale.map((s) => `“as of ${s.year}” (“${excerpt(s.sentence.text)}”)`),
              NAMED_MEMBERS,
              '; ',
            ),
            baseYear,
            baseBasis,
          },
          primary,
          related: [...related, ...stale.map((s) => ctx.spans.of(s.sentence.block, s.sentence.from, s.sentence.to, 'statement'))],
          key: String(baseYear),
          group: true,
        });
      }
    }
    return output(findings, checked);
  },
});
