// Numbers rules: behaviour beyond the documented examples — near-misses that must have been
// checked (not skipped for lack of claims), computed values, and the seeds' expected findings.
import { contextOf, quotes, runRule, seedContext } from '../helpers/harness.js';

const doc = (...paras: string[]) => `Widget Market Report 2025 - 2032\n\n${paras.join('\n\n')}\n`;

describe('numbers/cagr-conflict', () => {
  it('respects qualifiers: "over 20%" and 25% agree, 14.3% and "exceeding 30%" do not', async () => {
    const agree = contextOf(
      doc('The widget market will grow at a CAGR of 25% during the forecast period.', 'Growth is expected at a CAGR of over 20% over the forecast period.'),
    );
    expect(agree.claims.growth.map((g) => g.qualifier)).toEqual(['exact', 'over']);
    expect(await runRule('numbers/cagr-conflict', agree)).toEqual([]);
    const clash = await runRule(
      'numbers/cagr-conflict',
      doc(
        'The widget market will grow at a CAGR of 14.3% during the forecast period.',
        'The widget market will post a CAGR exceeding 30% during the forecast period.',
      ),
    );
    expect(clash).toHaveLength(1);
    expect(clash[0].data).toMatchObject({ a: '14.3%', b: 'over 30%' });
  });

  it('allows for rounding of the stated digits', async () => {
    const ctx = contextOf(
      doc('The widget market will grow at a CAGR of 14.3% from 2025 to 2032.', 'The widget market will grow at a CAGR of 14% from 2025 to 2032.'),
    );
    expect(ctx.claims.growth).toHaveLength(2);
    expect(await runRule('numbers/cagr-conflict', ctx)).toEqual([]);
    expect(
      await runRule(
        'numbers/cagr-conflict',
        doc('The widget market will grow at a CAGR of 14.3% from 2025 to 2032.', 'The widget market will grow at a CAGR of 15% from 2025 to 2032.'),
      ),
    ).toHaveLength(1);
  });

  it('does not compare a range with a rate inside it', async () => {
    expect(
      await runRule(
        'numbers/cagr-conflict',
        doc('The widget market will grow at a CAGR of 10-12% from 2025 to 2032.', 'The widget market will grow at a CAGR of 11% from 2025 to 2032.'),
      ),
    ).toEqual([]);
  });
});

describe('numbers/cagr-conflict on a page of variants', () => {
  // n rates for the same market and period that no rounding reconciles: 5%, 10%, 15% …
  const rates = (n: number) => Array.from({ length: n }, (_, i) => `The widget market will grow at a CAGR of ${5 * (i + 1)}% from 2025 to 2032.`);

  it('reports all the rates of one market and period as one finding, quoting each, whatever their number', async () => {
    const few = await runRule('numbers/cagr-conflict', doc(...rates(8)));
    expect(few).toHaveLength(1);
    expect(few[0].data).toMatchObject({ count: 8, a: '5%', b: '40%', gap: 34 });
    expect(quotes(few[0])).toEqual(['5%', '10%', '15%', '20%', '25%', '30%', '35%', '40%']);
    expect(few[0].message).toContain('(8 different rates)');
    // Past maxAllPairs each is compared with the first stated: still one finding, every rate in it.
    const many = await runRule('numbers/cagr-conflict', doc(...rates(12)));
    expect(many).toHaveLength(1);
    expect(many[0].related).toHaveLength(11);
    expect(many[0].message).toContain('12 different rates; 12 different rates, each compared with the first stated');
  });

  it('keeps its fingerprint when a rate is added or removed', async () => {
    const fingerprints = await Promise.all([3, 4, 8].map(async (n) => (await runRule('numbers/cagr-conflict', doc(...rates(n))))[0].fingerprint));
    expect(new Set(fingerprints).size).toBe(1);
    // Another subject's contradiction is another finding.
    const region = await runRule('numbers/cagr-conflict', doc(...rates(2).map((r) => r.replace('The widget market', 'The Europe widget market'))));
    expect(region.map((f) => f.fingerprint)).not.toContain(fingerprints[0]);
  });
});

describe('numbers/cagr-arithmetic', () => {
  it('shows the implied rate, its bounds and the stated value', async () => {
    const [f] = await runRule(
      'numbers/cagr-arithmetic',
      doc('The widget market was valued at USD 10.0 billion in 2025 and is expected to reach USD 20.0 billion by 2030, a CAGR of 20%.'),
    );
    expect(f.computed).toMatchObject({ quantity: 'CAGR', unit: '%', stated: 20 });
    expect(f.computed!.computed).toBeCloseTo(14.87, 2);
    expect(f.computed!.low).toBeLessThan(f.computed!.computed);
    expect(f.computed!.high).toBeGreaterThan(f.computed!.computed);
    expect(f.computed!.high).toBeLessThan(19.5);
    expect(f.message).toContain('14.87%');
  });

  it('treats every figure as an interval at its stated precision', async () => {
    // 7.64 → 20.45 over 7 years is 15.10%; 15.1% is consistent, 15.3% is not.
    const base = 'The widget market was valued at USD 7.64 Bn in 2025 and will reach USD 20.45 Bn by 2032, a CAGR of';
    expect(await runRule('numbers/cagr-arithmetic', doc(`${base} 15.1% from 2025 to 2032.`))).toEqual([]);
    const off = await runRule('numbers/cagr-arithmetic', doc(`${base} 17.3% from 2025 to 2032.`));
    expect(off).toHaveLength(1);
  });

  it('reports sizes that contradict a rate stated elsewhere', async () => {
    const f = await runRule(
      'numbers/cagr-arithmetic',
      doc(
        'The widget market will grow at a CAGR of 30% during the forecast period.',
        'The widget market was valued at $10 billion in 2025.',
        'The widget market will reach $20 billion in 2032.',
      ),
    );
    expect(f.map((x) => x.messageId)).toEqual(['implied']);
  });

  it('reports a rate once, against the closest pair of sizes, only when no pair its period allows supports it', async () => {
    const rates = ['The widget market will grow at a CAGR of 10% from 2025 to 2030.', 'The widget market will grow at a CAGR of 20% from 2025 to 2030.'];
    // $16.1bn in 2030 implies 10% a year, $24.9bn 20%, $40bn 32%: each rate has a pair that supports it
    // (the sizes' disagreement with each other is numbers/size-conflict's).
    const sizes = [
      'The widget market was valued at $10 billion in 2025.',
      'The widget market will reach $16.1 billion in 2030.',
      'The widget market will reach $24.9 billion in 2030.',
      'The widget market will reach $40 billion in 2030.',
    ];
    expect(await runRule('numbers/cagr-arithmetic', doc(...rates, ...sizes))).toEqual([]);
    // Without $24.9bn, nothing supports 20%: it is reported once, against $16.1bn (10%, the closest miss).
    const fewer = await runRule('numbers/cagr-arithmetic', doc(...rates, sizes[0], sizes[1], sizes[3]));
    expect(fewer.map((f) => [f.data.stated, f.data.end, f.data.implied])).toEqual([['20%', '$16.1 billion', '9.99']]);
  });

  it('counts the years between two stated sizes, never one more, and checks a stated window against its base year', async () => {
    const offByOne = await runRule(
      'numbers/cagr-arithmetic',
      doc('The widget market was valued at USD 982 million in 2025 and is projected to reach USD 4,426.8 million by 2033, a CAGR of 18.8%.'),
    );
    expect(offByOne.map((f) => [f.data.stated, f.data.implied, f.data.from, f.data.to])).toEqual([['18.8%', '20.71', 2025, 2033]]);
    expect(offByOne[0].computed!.note).toBe('over 8 years (2025–2033)');
    // "from 2025 to 2033" with a 2024 base value: the base year opens the window, over nine years.
    const window = doc(
      'The widget market was valued at USD 9,057.83 million in 2024 and will reach USD 15,686.43 million by 2033, a CAGR of 7.11% between 2025 and 2033.',
    );
    expect((await runRule('numbers/cagr-arithmetic', window)).map((f) => [f.data.implied, f.data.from])).toEqual([['6.29', 2024]]);
    expect(await runRule('numbers/cagr-arithmetic', window.replace('7.11%', '6.29%'))).toEqual([]);
  });

  it('checks only compound annual rates: one year’s change and a total change are other measures', async () => {
    const ctx = contextOf(
      doc(
        'The widget market was valued at $10 billion in 2024 and will reach $20 billion in 2030, a CAGR of 12.25%.',
        'Widget shipments rose 62% year on year in 2024.',
        'The widget market grew 70% between 2019 and 2024.',
      ),
    );
    expect(ctx.claims.growth.map((g) => [g.rate.text, g.measure])).toEqual([
      ['12.25', 'cagr'],
      ['62', 'year-on-year'],
      ['70', 'change'],
    ]);
    expect(await runRule('numbers/cagr-arithmetic', ctx)).toEqual([]);
  });

  it('does not pair sizes of different subjects', async () => {
    const ctx = contextOf(
      doc(
        'The widget market was valued at $10 billion in 2025, with a CAGR of 30% from 2025 to 2032.',
        'The North America market will reach $20 billion in 2032.',
      ),
    );
    expect(new Set(ctx.claims.sizes.map((s) => s.subject.kind))).toEqual(new Set(['market', 'region']));
    expect(await runRule('numbers/cagr-arithmetic', ctx)).toEqual([]);
  });
});

describe('numbers/size-conflict', () => {
  it('does not treat company sales as market sizes', async () => {
    const ctx = contextOf(doc('The widget market was valued at USD 7.6 billion in 2025.', 'Acme reported sales of approximately $53.1 billion in 2025.'));
    expect(ctx.claims.sizes).toHaveLength(1);
    expect(await runRule('numbers/size-conflict', ctx)).toEqual([]);
  });

  // n sizes for 2025 that no rounding reconciles: 3, 6, 9 … billion.
  const sizes = (n: number) => Array.from({ length: n }, (_, i) => `The widget market was valued at USD ${3 * (i + 1)} billion in 2025.`);

  it('reports all the sizes of one subject and year as one finding, every size as evidence', async () => {
    const found = await runRule('numbers/size-conflict', doc(...sizes(8)));
    expect(found).toHaveLength(1);
    expect(quotes(found[0])).toEqual(Array.from({ length: 8 }, (_, i) => `USD ${3 * (i + 1)} billion`));
    expect(found[0].data).toMatchObject({ count: 8, a: '$3 billion', b: '$24 billion', ratio: 8 });
    expect(found[0].message).toContain('(8 different sizes)');
    expect(found[0].computed).toMatchObject({ stated: 3e9, computed: 24e9 });
  });

  it('past maxAllPairs sizes compares each with the first stated: still one finding', async () => {
    const found = await runRule('numbers/size-conflict', doc(...sizes(40)));
    expect(found).toHaveLength(1);
    expect(quotes(found[0])[0]).toBe('USD 3 billion');
    expect(found[0].related).toHaveLength(39);
    expect(found[0].computed?.note).toContain('40 different sizes for 2025, each compared with the first stated');
  });

  it('leaves out a size that agrees with every other, and keeps its fingerprint as sizes come and go', async () => {
    // 4.4 "about" agrees with 4.38 but not with 6; 4.38 and 6 disagree: all three are in it. 4.38 restated is not a new member.
    const three = await runRule(
      'numbers/size-conflict',
      doc(
        'The widget market was valued at USD 4.38 billion in 2025.',
        'The widget market was worth about USD 4.4 billion in 2025.',
        'The widget market reached USD 6 billion in 2025.',
      ),
    );
    expect(three).toHaveLength(1);
    expect(three[0].data.count).toBe(3);
    const two = await runRule(
      'numbers/size-conflict',
      doc('The widget market was valued at USD 4.38 billion in 2025.', 'The widget market reached USD 6 billion in 2025.'),
    );
    expect(two[0].data.count).toBe(2);
    expect(two[0].fingerprint).toBe(three[0].fingerprint);
    // Another year is another contradiction.
    const other = await runRule(
      'numbers/size-conflict',
      doc('The widget market was valued at USD 4.38 billion in 2026.', 'The widget market reached USD 6 billion in 2026.'),
    );
    expect(other[0].fingerprint).not.toBe(two[0].fingerprint);
    expect(
      await runRule(
        'numbers/size-conflict',
        doc('The widget market was valued at USD 4.38 billion in 2025.', 'The widget market was worth about USD 4.4 billion in 2025.'),
      ),
    ).toEqual([]);
  });
});

describe('numbers/share-sum', () => {
  it('computes the sum and the rounding interval', async () => {
    const [f] = await runRule('numbers/share-sum', doc('North America holds a 45% share, Europe a 30% share and Asia-Pacific a 20% share.'));
    expect(f.computed).toMatchObject({ stated: 100, computed: 95, low: 93.5, high: 96.5 });
    expect(f.related).toHaveLength(2);
  });

  it('never adds shares of different breakdowns', async () => {
    const ctx = contextOf(
      'Widget Market\n\nBy source, autologous therapies hold a 59.4% share in 2025. By indication, cancer holds a 45.6% share in 2025. North America holds a 39.5% share in 2025.\n\nBy Source\n\n• Autologous\n• Allogeneic\n\nBy Indication\n\n• Cancer\n• Infectious Diseases\n',
    );
    expect(new Set(ctx.claims.shares.map((s) => s.dimension))).toEqual(new Set(['source', 'indication', 'region']));
    expect(await runRule('numbers/share-sum', ctx)).toEqual([]);
  });

  it('counts an "others" segment as the remainder', async () => {
    const ctx = contextOf(
      'Widget Market\n\nBy type, hardware holds a 50% share, software a 30% share and others a 15% share in 2025.\n\nBy Type\n\n• Hardware\n• Software\n• Others\n',
    );
    expect(await runRule('numbers/share-sum', ctx)).toEqual([]);
  });
});

describe('numbers rules on the seeds', () => {
  const findings = async (seed: string, rule: string) => runRule(rule, seedContext(seed));

  it('000: 14.3% against "exceeding 30%", 2028 against 2025–2032, 45 + 30 + 20 = 95', async () => {
    const conflict = await findings('000', 'numbers/cagr-conflict');
    expect(conflict).toHaveLength(1);
    expect(quotes(conflict[0])).toEqual(['14.3%', 'exceeding 30%']);
    expect(conflict[0].primary!.start.line).toBe(2);
    const horizon = await findings('000', 'numbers/horizon-conflict');
    expect(horizon.map((f) => f.data.year)).toEqual([2028]);
    expect(quotes(horizon[0])).toEqual(expect.arrayContaining(['by 2028', '2025 - 2032']));
    const sum = await findings('000', 'numbers/share-sum');
    expect(sum).toHaveLength(1);
    expect(sum[0].data.sum).toBe(95);
    expect(quotes(sum[0])).toEqual(['approximately 45%', 'around 30%', 'roughly 20%']);
  });

  it('002: 15.00% against "over 25%" and "over 20%"; $8 billion (2023) → $16 billion (2028) is about 14.9% a year', async () => {
    const conflict = await findings('002', 'numbers/cagr-conflict');
    expect(conflict).toHaveLength(1);
    expect(conflict[0].data).toMatchObject({ count: 3, a: '15.00%', b: 'over 25%' });
    expect(quotes(conflict[0])).toEqual(expect.arrayContaining(['15.00%', 'over 25%', 'over 20%']));
    const arithmetic = await findings('002', 'numbers/cagr-arithmetic');
    const over25 = arithmetic.find((f) => f.data.stated === 'over 25%')!;
    expect(over25.severity).toBe('error');
    expect(over25.computed!.computed).toBeCloseTo(14.87, 1);
    expect(quotes(over25)).toEqual(expect.arrayContaining(['approximately $8 billion', '$16 billion']));
  });

  it('004: 8.6% against "over 25%", the 2028 horizon, Asia-Pacific 15% beside China 10%', async () => {
    const conflict = await findings('004', 'numbers/cagr-conflict');
    expect(conflict.map((f) => [f.data.a, f.data.b])).toEqual([['8.6%', 'over 25%']]);
    expect(await findings('004', 'numbers/horizon-conflict')).not.toHaveLength(0);
    const overlap = await findings('004', 'numbers/share-overlap');
    expect(overlap).toHaveLength(1);
    expect(overlap[0].data).toMatchObject({ inner: 'China', innerShare: '10', outerShare: '15' });
  });

  it.each(['001', '003'])('%s: arithmetically consistent, no numbers error', async (seed) => {
    const ctx = seedContext(seed);
    expect(ctx.claims.growth.length).toBeGreaterThan(0);
    expect(ctx.claims.sizes.length).toBeGreaterThan(1);
    for (const rule of ['cagr-conflict', 'cagr-arithmetic', 'size-conflict', 'horizon-conflict', 'share-sum', 'share-overlap', 'dominance-conflict']) {
      const errors = (await runRule(`numbers/${rule}`, ctx)).filter((f) => f.severity === 'error');
      expect(errors.map((f) => f.message)).toEqual([]);
    }
  });
});
