import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { years } from '../../src/numbers/format.js';
import type { Evidence } from '../../src/schema/position.js';
import type { FindingDraft } from '../../src/schema/finding.js';

export default defineRule({
  id: 'numbers/horizon-conflict',
  severity: 'warning',
  description: "Projections or growth-rate periods that end at a year other than the report's own forecast horizon.",
  rationale:
    'A report that forecasts 2025–2032 but projects its market "to 2029" or quotes a CAGR "through 2031" mixes figures from another edition or another report. The forecast period is taken as stated ("Forecast Period: 2025 - 2032") or, failing that, from the title.',
  messages: {
    titleVsStated: 'The title covers {title} but the stated forecast period is {stated}.',
    projection: 'The market is projected to {year} although the forecast period is {forecast} (no figure is given for {end}).',
    rate: 'A growth rate is given for {period} although the forecast period is {forecast}.',
  },
  options: z.object({}),
  examples: {
    flagged: [
      {
        name: 'a projection to a year inside the horizon, with no figure for its end',
        input:
          'Widget Market Forecast 2025 - 2032\n\nThe widget market is expected to grow steadily.\n\nThe widget market size is projected to reach $18 billion by 2029.\n',
        expect: [{ messageId: 'projection', quotes: ['2029', '2025 - 2032'] }],
      },
      {
        name: 'a rate through another year',
        input: 'Widget Market Forecast 2025 - 2032\n\nThe widget market will grow at a CAGR of over 22% projected through 2031.\n',
        expect: [{ messageId: 'rate', quotes: ['through 2031', '2025 - 2032'] }],
      },
      {
        name: 'a title horizon that ends later than the stated forecast period',
        input: 'Widget Market Forecast 2025 - 2032\n\nForecast Period: 2025 - 2030\n\nThe widget market is expected to grow steadily.\n',
        expect: [{ messageId: 'titleVsStated', quotes: ['2025 - 2032', 'Forecast Period: 2025 - 2030'], data: { title: '2025–2032', stated: '2025–2030' } }],
      },
    ],
    clean: [
      {
        name: 'projection to the horizon, with an interim figure',
        input: 'Widget Market Forecast 2025 - 2032\n\nThe widget market will reach $12 billion by 2028 and $20 billion by 2032.\n',
      },
      {
        name: 'a historical CAGR',
        input: 'Widget Market Forecast 2025 - 2032\n\nThe widget market grew at a CAGR of 4% from 2019 to 2024.\n\nIt will reach $20 billion by 2032.\n',
      },
      { name: 'a CAGR from the base year', input: 'Widget Market Forecast 2025 - 2032\n\nThe widget market will grow at a CAGR of 9% from 2024 to 2032.\n' },
      {
        name: 'a title that spans the historical range and the forecast period',
        input:
          'Widget Market Report 2019 - 2032\n\nHistorical Range: 2019 - 2024\nForecast Period: 2025 - 2032\n\nThe widget market is expected to grow steadily.\n',
      },
    ],
  },
  check(ctx) {
    const findings: FindingDraft<'titleVsStated' | 'projection' | 'rate'>[] = [];
    const meta = ctx.doc.metadata;
    const forecast = ctx.forecast;
    const horizonEvidence: Evidence | null = meta.forecastPeriod?.evidence ?? meta.titleHorizon?.evidence ?? null;
    if (!forecast || !horizonEvidence) return output([], 0);
    let checked = 0;
    const horizon = { ...horizonEvidence, role: 'forecast period' };

    if (meta.titleHorizon && meta.forecastPeriod) {
      checked++;
      const t = meta.titleHorizon;
      const f = meta.forecastPeriod;
      // A title may span history plus forecast ("2019–2032"); it may not end elsewhere or start later.
      const explainedStart = t.from === f.from || t.from === meta.historicalRange?.from || t.from === meta.baseYear?.year;
      if (t.to !== f.to || t.from > f.from || !explainedStart) {
        findings.push({
          messageId: 'titleVsStated',
          data: { title: years(t.from, t.to), stated: years(f.from, f.to) },
          primary: { ...t.evidence, role: 'title horizon' },
          related: [{ ...f.evidence, role: 'stated forecast period' }],
        });
      }
    }

    // A year inside a claim's sentence, as evidence: "by 2029", "through 2031".
    const yearEvidence = (sentence: Evidence, year: number): Evidence => {
      const m = new RegExp(String.raw`(?:\b(?:by|to|through|till|until|in)\s+)?\b${year}\b`).exec(sentence.quote);
      if (!m || sentence.block === null) return sentence;
      return ctx.spans.of(sentence.block, sentence.from + m.index, sentence.from + m.index + m[0].length, 'projected year');
    };

    const flaggedSentences = new Set<string>();
    const market = ctx.claims.sizes.filter((s) => s.subject.kind === 'market' && s.year !== null);
    const endYears = new Set(market.map((s) => s.year));
    for (const s of market) {
      if (s.role !== 'projection' || s.year! <= forecast.from) continue;
      checked++;
      if (s.year === forecast.to || endYears.has(forecast.to) || s.year! > forecast.to + 5) continue;
      const key = `${s.sentence.start.offset}`;
      if (flaggedSentences.has(key)) continue;
      flaggedSentences.add(key);
      findings.push({
        messageId: 'projection',
        data: { year: s.year, forecast: years(forecast.from, forecast.to), end: forecast.to },
        primary: yearEvidence(s.sentence, s.year!),
        related: [{ ...s.evidence, role: 'projected size' }, horizon],
        key: `projection-${s.year}`,
      });
    }

    for (const g of ctx.claims.growth) {
      if (g.subject.kind !== 'market' || g.period.source !== 'explicit' || g.period.to === null) continue;
      checked++;
      const to = g.period.to;
      if (to <= forecast.from || to === forecast.to) continue; // historical, or the horizon itself
      const key = `${g.sentence.start.offset}`;
      if (flaggedSentences.has(key)) continue;
      flaggedSentences.add(key);
      findings.push({
        messageId: 'rate',
        data: { period: years(g.period.from, to), forecast: years(forecast.from, forecast.to) },
        primary: yearEvidence(g.sentence, to),
        related: [{ ...g.evidence, role: 'growth rate' }, horizon],
        key: `rate-${g.period.from}-${to}`,
      });
    }
    return output(findings, checked);
  },
});
