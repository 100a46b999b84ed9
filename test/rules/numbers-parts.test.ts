// The rules on parts, shares, magnitudes and order of sizes: behaviour the documented examples do
// not show (what each leaves to another rule, the arithmetic in its data, bounds on hostile input).
import { contextOf, quotes, runRule } from '../helpers/harness.js';

const doc = (...paras: string[]) => `Widget Market Report 2025 - 2032\n\n${paras.join('\n\n')}\n`;

describe('numbers/part-whole', () => {
  it('leaves a part that one of two stated market sizes would hold to numbers/size-conflict', async () => {
    const ctx = contextOf(
      doc(
        'The widget market was valued at USD 9 billion in 2024.',
        'In 2024 the widget market size reached USD 14 billion.',
        'North America accounted for USD 12 billion of the widget market in 2024.',
      ),
    );
    expect(ctx.claims.sizes.filter((s) => s.subject.kind === 'market')).toHaveLength(2);
    expect(await runRule('numbers/part-whole', ctx)).toEqual([]);
    expect(await runRule('numbers/size-conflict', ctx)).toHaveLength(1);
  });

  it('compares only sizes in one currency and reports the ratio', async () => {
    const other = doc('The widget market was valued at EUR 9 billion in 2024.', 'North America accounted for USD 12 billion of the widget market in 2024.');
    expect(await runRule('numbers/part-whole', other)).toEqual([]);
    const same = await runRule(
      'numbers/part-whole',
      doc('The widget market was valued at USD 9 billion in 2024.', 'North America accounted for USD 12 billion of the widget market in 2024.'),
    );
    expect(same).toHaveLength(1);
    expect(same[0].data).toMatchObject({ ratio: 1.33, year: 2024 });
  });

  it('leaves a region whose clause names no market, and one far past the whole', async () => {
    const budget = doc('The widget market was valued at USD 9 billion in 2024.', 'In the United States, USD 52 billion was allocated in 2024 to chip plants.');
    expect(contextOf(budget).claims.sizes.map((s) => s.subject.kind)).toContain('region');
    expect(await runRule('numbers/part-whole', budget)).toEqual([]);
    const far = doc('The widget market was valued at USD 9 billion in 2024.', 'The Chinese widget market was valued at USD 900 billion in 2024.');
    expect(await runRule('numbers/part-whole', far)).toEqual([]);
    expect(await runRule('numbers/part-whole', far, { maxRatio: 200 })).toHaveLength(1);
  });

  it('honours its slack option', async () => {
    const input = doc(
      'The widget market was valued at USD 10.0 billion in 2024.',
      'North America accounted for USD 10.4 billion of the widget market in 2024.',
    );
    expect(await runRule('numbers/part-whole', input)).toHaveLength(1);
    expect(await runRule('numbers/part-whole', input, { slack: 0.05 })).toEqual([]);
  });
});

describe('numbers/share-value', () => {
  it('reports only the member whose total disagrees with the others', async () => {
    const found = await runRule(
      'numbers/share-value',
      doc(
        'In 2024, Asia Pacific was worth EUR 50 billion, accounting for 40% of the market.',
        'In 2024, Europe was worth EUR 25 billion, accounting for 20% of the market.',
        'In 2024, North America was worth EUR 30 billion, accounting for 15% of the market.',
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0].data).toMatchObject({ b: 'North America', bTotal: '€200 billion', aTotal: '€125 billion' });
  });

  it('widens approximate shares and honours its tolerance', async () => {
    const input = doc(
      'In 2024, Asia Pacific was worth EUR 50 billion, accounting for 40% of the market.',
      'In 2024, Europe was worth EUR 25 billion, accounting for 16% of the market.',
    );
    expect(await runRule('numbers/share-value', input)).toHaveLength(1);
    expect(await runRule('numbers/share-value', input, { tolerance: 0.1 })).toEqual([]);
    const about = doc(
      'In 2024, Asia Pacific was worth EUR 50 billion, accounting for 40% of the market.',
      'In 2024, Europe was worth EUR 25 billion, accounting for about 16% of the market.',
    );
    expect(await runRule('numbers/share-value', about)).toEqual([]);
  });
});

describe('numbers/unit-slip', () => {
  it('reports the odd one of three sizes, not the two that agree', async () => {
    const found = await runRule(
      'numbers/unit-slip',
      doc(
        'The widget market was valued at USD 4.38 billion in 2024.',
        'The widget market will reach USD 5.1 million in 2026.',
        'The widget market is expected to reach USD 9.87 billion by 2032.',
      ),
    );
    expect(found.map((f) => f.messageId)).toEqual(['years']);
    expect(quotes(found[0])[0]).toBe('USD 5.1 million');
    expect(found[0].data).toMatchObject({ corrected: '$5.1 billion', factor: 'a thousand' });
  });

  it('reports two sizes that slip once, at the later statement', async () => {
    const found = await runRule(
      'numbers/unit-slip',
      doc('The widget market was valued at USD 4.38 billion in 2024.', 'The widget market will reach USD 5.1 million in 2026.'),
    );
    expect(found).toHaveLength(1);
    expect(quotes(found[0])[0]).toBe('USD 5.1 million');
  });

  it('leaves a sum raised or spent in the market, which is no size of it', async () => {
    const input = doc(
      'The widget market was valued at USD 4.38 billion in 2024 and is expected to reach USD 7.9 billion by 2032.',
      'In 2026, widget start-ups in the market raised USD 5.2 million in seed funding.',
    );
    expect(contextOf(input).claims.sizes.filter((s) => s.subject.kind === 'market')).toHaveLength(3);
    expect(await runRule('numbers/unit-slip', input)).toEqual([]);
  });

  it('leaves a part at 0.3% of the market, and a part below the corrected-share floor', async () => {
    expect(
      await runRule(
        'numbers/unit-slip',
        doc('The widget market was valued at USD 1 trillion in 2024.', 'Europe accounted for USD 3 billion of the widget market in 2024.'),
      ),
    ).toEqual([]);
    const tiny = doc('The widget market was valued at USD 1 trillion in 2024.', 'Europe accounted for USD 30 million of the widget market in 2024.');
    expect(await runRule('numbers/unit-slip', tiny)).toEqual([]);
    expect(await runRule('numbers/unit-slip', tiny, { minCorrectedShare: 0.02 })).toHaveLength(1);
  });

  it('leaves a thousandfold fall to itself, not to numbers/projection-order', async () => {
    const input = doc(
      'The widget market was valued at USD 4.38 billion in 2024 and will grow at a CAGR of 12% from 2025 to 2032.',
      'The widget market is expected to reach USD 9.87 million by 2032.',
    );
    expect(await runRule('numbers/unit-slip', input)).toHaveLength(1);
    expect(await runRule('numbers/projection-order', input)).toEqual([]);
  });

  it('reads a page of many market sizes in bounded time', async () => {
    const paras = Array.from({ length: 2000 }, (_, i) => `The widget market was valued at USD ${(1 + i / 1000).toFixed(3)} billion in ${2000 + (i % 30)}.`);
    const started = Date.now();
    await runRule('numbers/unit-slip', doc(...paras));
    expect(Date.now() - started).toBeLessThan(10000);
  });
});

describe('numbers/projection-order', () => {
  it('flags a projection below the base-year value inside the rate’s period', async () => {
    const found = await runRule(
      'numbers/projection-order',
      doc(
        'The widget market was valued at USD 10 billion in 2024 and will grow at a CAGR of 5% from 2025 to 2032.',
        'The widget market is expected to reach USD 8 billion by 2030.',
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0].data).toMatchObject({ earlierYear: 2024, laterYear: 2030, ratio: 0.8 });
  });

  it('ignores a negative rate and a fall within rounding', async () => {
    expect(
      await runRule(
        'numbers/projection-order',
        doc(
          'The widget market was valued at USD 10 billion in 2024 and will decline at a CAGR of -3% from 2025 to 2032.',
          'The widget market is expected to reach USD 8 billion by 2030.',
        ),
      ),
    ).toEqual([]);
    expect(
      await runRule(
        'numbers/projection-order',
        doc(
          'The widget market was valued at USD 10.04 billion in 2024 and will grow at a CAGR of 5% from 2025 to 2032.',
          'The widget market is expected to reach about USD 10 billion by 2025.',
        ),
      ),
    ).toEqual([]);
  });
});

describe('numbers/floor-far-below', () => {
  it('honours its margin and leaves a floor above the implied rate to numbers/cagr-arithmetic', async () => {
    const input = doc(
      'The widget market was valued at USD 10 billion in 2024 and is expected to reach USD 30 billion by 2032, growing at a CAGR of over 8% from 2024 to 2032.',
    );
    const found = await runRule('numbers/floor-far-below', input);
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].data).toMatchObject({ implied: '14.72' });
    expect(await runRule('numbers/floor-far-below', input, { margin: 8 })).toEqual([]);
    const above = doc(
      'The widget market was valued at USD 10 billion in 2024 and is expected to reach USD 30 billion by 2032, growing at a CAGR of over 18% from 2024 to 2032.',
    );
    expect(await runRule('numbers/floor-far-below', above)).toEqual([]);
    expect(await runRule('numbers/cagr-arithmetic', above)).toHaveLength(1);
  });
});
