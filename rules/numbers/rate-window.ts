import { z } from 'zod';
import { defineRule, output } from '../../src/engine/rule.js';
import { impliedRate } from '../../src/numbers/cagr.js';
import { fixed, money, percent, years } from '../../src/numbers/format.js';
import { groupBy, growthSignature, resolved } from '../../src/numbers/groups.js';
import { approxToleranceOption, intersects, statedRate } from '../../src/numbers/interval.js';
import { sizeInterval } from '../../src/numbers/sizes.js';
import type { FindingDraft } from '../../src/schema/finding.js';

export default defineRule({
  id: 'numbers/rate-window',
  severity: 'warning',
  description: 'A growth rate stated for one window that is, to its last digit, the rate between two sizes of other years.',
  rationale:
    'A rate labelled "from 2026 to 2032" that equals the growth from the 2024 size to the 2032 size was computed over eight years and relabelled with a six-year window: the label, not the arithmetic, is wrong, and a reader applying the rate to the stated window gets other figures. Only precise rates (a decimal digit or more) are matched, so that a coincidence is unlikely; a start one year before the window is the usual base-year convention and is not reported.',
  messages: {
    window:
      '{rate} is stated for {window}, but it is the rate from {start} in {from} to {end} in {to} ({implied}% a year over {span} years): the window does not match the figures it was computed from.',
  },
  options: z.object({ approxTolerance: approxToleranceOption }),
  examples: {
    flagged: [
      {
        name: 'a rate computed from the 2023 size but labelled 2025–2031',
        input:
          'Widget Market\n\nThe widget market was valued at USD 1150.40 billion in 2023 and is expected to reach USD 1420.75 billion by 2031, at a CAGR of 2.67% from 2025 to 2031.\n',
        expect: [{ messageId: 'window', quotes: ['2.67%', 'USD 1150.40 billion', 'USD 1420.75 billion'], data: { window: '2025–2031', from: 2023, span: 8 } }],
      },
    ],
    clean: [
      {
        name: 'a window that starts the year after the base year',
        input:
          'Widget Market\n\nThe widget market was valued at USD 1150.40 billion in 2023 and will reach USD 1420.75 billion by 2031, at a CAGR of 2.67% from 2024 to 2031.\n',
      },
      {
        name: 'a rate that is not the rate of the other span',
        input:
          'Widget Market\n\nThe widget market was valued at USD 1150.40 billion in 2023 and will reach USD 1420.75 billion by 2031, at a CAGR of 3.58% from 2025 to 2031.\n',
      },
      {
        name: 'a whole-number rate: a coincidence is too likely',
        input:
          'Widget Market\n\nThe widget market was valued at USD 100 billion in 2020 and will reach USD 180 billion by 2032, at a CAGR of 5% from 2026 to 2032.\n',
      },
      {
        name: 'sizes of another subject',
        input:
          'Widget Market\n\nThe gadget market was valued at USD 1150.40 billion in 2023 and will reach USD 1420.75 billion by 2031.\n\nThe widget market will grow at a CAGR of 2.67% from 2025 to 2031.\n',
      },
    ],
  },
  check(ctx, o) {
    const findings: FindingDraft<'window'>[] = [];
    const sizes = ctx.sizesByYear();
    const rates = groupBy(
      resolved(ctx.claims.growth).filter(
        (g) =>
          g.measure === 'cagr' &&
          g.qualifier === 'exact' &&
          g.rate.decimals >= 1 &&
          g.period.source === 'explicit' &&
          g.period.from !== null &&
          g.period.to !== null,
      ),
      growthSignature,
    );
    let checked = 0;
    for (const group of rates) {
      const r = group[0];
      const byYear = sizes.get(r.subject.key);
      const from = r.period.from!;
      const to = r.period.to!;
      const ends = byYear?.get(to);
      // With a size at the window's start (or the base year before it), cagr-arithmetic checks the rate.
      if (!byYear || !ends || byYear.has(from) || byYear.has(from - 1)) continue;
      checked++;
      const stated = statedRate(r, o.approxTolerance);
      const starts = [...byYear.keys()].filter((y) => y < from - 1).sort((x, y) => y - x);
      match: for (const year of starts) {
        for (const a of byYear.get(year)!) {
          for (const b of ends) {
            if (a.currency !== b.currency) continue;
            const implied = impliedRate(a, b, (c) => sizeInterval(c, o.approxTolerance));
            if (!implied || !intersects(stated, implied.interval)) continue;
            findings.push({
              messageId: 'window',
              data: {
                rate: percent(r.rate.text),
                window: years(from, to),
                start: money(a.value.value, a.currency, a.qualifier),
                from: year,
                end: money(b.value.value, b.currency, b.qualifier),
                to,
                implied: fixed(implied.value),
                span: to - year,
              },
              primary: { ...r.evidence, role: 'stated rate' },
              related: [
                { ...a.evidence, role: `size in ${year}` },
                { ...b.evidence, role: `size in ${to}` },
              ],
            });
            break match;
          }
        }
      }
    }
    return output(findings, checked);
  },
});
