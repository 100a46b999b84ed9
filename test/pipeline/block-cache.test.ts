import { resolveRules } from '../../src/engine/config.js';
import { loadRules } from '../../src/engine/loader.js';
import { auditBytes } from '../../src/pipeline/audit-source.js';
import { BlockCache, memoByText, setBlockCaching } from '../../src/cache/block-cache.js';
import { seed } from '../helpers/harness.js';

describe('BlockCache', () => {
  afterEach(() => setBlockCaching(true));

  it('computes a block once, keeps no block over its key limit and empties itself past its budget', () => {
    const calls: string[] = [];
    const length = (t: string) => (calls.push(t), t.length);
    const cache = new BlockCache<number>(10, 12);
    expect([cache.get('Europe', length), cache.get('Europe', length)]).toEqual([6, 6]);
    expect(calls).toEqual(['Europe']);
    cache.get('a block far over ten characters', length);
    cache.get('a block far over ten characters', length);
    expect(calls).toHaveLength(3);
    cache.get('Asia Pacif', length); // 6 + 10 characters > 12: emptied first, then kept
    cache.get('Europe', length);
    expect(calls.slice(3)).toEqual(['Asia Pacif', 'Europe']);
  });

  it('keeps a value per scope: the same text under another scope is computed again', () => {
    const calls: string[] = [];
    const cache = new BlockCache<string>();
    const tagged = (scope: string) => (t: string) => (calls.push(`${scope}:${t}`), `${t} in ${scope}`);
    expect(cache.get('the market grew', tagged('gadget'), 'gadget')).toBe('the market grew in gadget');
    expect(cache.get('the market grew', tagged('widget'), 'widget')).toBe('the market grew in widget');
    expect(cache.get('the market grew', tagged('gadget'), 'gadget')).toBe('the market grew in gadget');
    expect(cache.get('the market grew', tagged('none'))).toBe('the market grew in none');
    expect(calls).toEqual(['gadget:the market grew', 'widget:the market grew', 'none:the market grew']);
  });

  it('computes every time while caching is off', () => {
    let calls = 0;
    const cache = new BlockCache<number>();
    cache.get('Europe', () => ++calls);
    setBlockCaching(false);
    expect([cache.get('Europe', () => ++calls), cache.get('Europe', () => ++calls)]).toEqual([2, 3]);
    setBlockCaching(true);
    expect(cache.get('Europe', () => ++calls)).toBe(4); // turning it off emptied it
  });
});

describe('memoByText', () => {
  afterEach(() => setBlockCaching(true));

  it('answers from the cache for an equal string and recomputes after the cache is emptied or while caching is off', () => {
    const calls: string[] = [];
    const upper = memoByText(
      (s: string) => {
        calls.push(s);
        return s.toUpperCase();
      },
      2_000,
      28,
    );
    const long = 'x'.repeat(100) + ' Asia Pacific, Latin America ' + 'y'.repeat(100);
    const slice = long.slice(101, 128);
    expect(upper(slice)).toBe('ASIA PACIFIC, LATIN AMERICA');
    expect(upper('Asia Pacific, Latin America')).toBe('ASIA PACIFIC, LATIN AMERICA');
    expect(calls).toEqual(['Asia Pacific, Latin America']);
    upper('a'); // 27 + 1 characters: still within the budget
    upper('b'); // over it: the cache is emptied before this one is kept
    upper('Asia Pacific, Latin America');
    expect(calls).toEqual(['Asia Pacific, Latin America', 'a', 'b', 'Asia Pacific, Latin America']);
    setBlockCaching(false);
    upper('b');
    expect(calls.slice(4)).toEqual(['b']);
  });
});

describe('auditing with blocks seen in earlier documents', () => {
  afterEach(() => setBlockCaching(true));

  // The findings as a batch of one document would give them, fresh caches every time.
  async function alone(bytes: Uint8Array, name: string) {
    const rules = resolveRules(await loadRules(), { rules: {} });
    setBlockCaching(false);
    const { result } = auditBytes(bytes, { path: name, name }, rules);
    setBlockCaching(true);
    return result;
  }

  it('gives each document the findings and fingerprints it has on its own', async () => {
    const rules = resolveRules(await loadRules(), { rules: {} });
    // The same paragraph in reports on two markets: its normalised template text names the
    // report's own market by a placeholder, so it differs between the two.
    const paragraph =
      'The gadget market is segmented by type, application and region, and the gadget market report profiles the leading companies, their product portfolios, recent developments and strategies across North America, Europe and Asia Pacific over the forecast period.';
    const report = (market: string) =>
      new TextEncoder().encode(
        `${market} Market Report 2025 - 2032\n\n${paragraph}\n\nThe ${market.toLowerCase()} market is expected to grow at a CAGR of 6.1% from 2025 to 2032.\n`,
      );
    const docs: Array<[string, Uint8Array]> = [
      ['a.html', seed('000').bytes],
      ['gadget.txt', report('Gadget')],
      ['widget.txt', report('Widget')],
      ['b.txt', seed('001').bytes],
      ['a-again.html', seed('000').bytes],
    ];
    const batch = docs.map(([name, bytes]) => auditBytes(bytes, { path: name, name }, rules).result);
    for (const [i, [name, bytes]] of docs.entries()) {
      const single = await alone(bytes, name);
      expect(batch[i].findings.map((f) => [f.ruleId, f.fingerprint, f.message])).toEqual(single.findings.map((f) => [f.ruleId, f.fingerprint, f.message]));
      expect(batch[i].fingerprints).toEqual(single.fingerprints);
    }
  });
});
