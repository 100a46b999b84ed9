// The claim kinds' registry (src/claims/kinds): what a kind declares reaches the claims the
// extractor returns, the result schema and the report's claims tables and summary.
import { claimsOf, CheckedAuditResultSchema, CLAIM_KINDS, ClaimsSchema, emptyClaims } from '../../src/claims/kinds/index.js';
import { buildClaimsView } from '../../src/report/html/claims-view.js';
import { buildSummary } from '../../src/report/html/summary-view.js';
import { audit, auditResultOf, ruleMetas } from '../report/fixtures.js';

// One sentence (or list) per kind: a size and a growth rate, a regional breakdown, a leader, and a
// company's sales that no market claim reads.
const REPORT = [
  'Widget Market Report',
  '',
  'The global widget market was valued at USD 4.0 billion in 2023 and is expected to grow at a CAGR of 9.5% from 2024 to 2030.',
  '',
  'North America held 41% of the market in 2023, Europe 35% and Asia Pacific 24%.',
  '',
  'North America dominates the widget market.',
  '',
  'Acme Widgets generated sales of $420 million in 2023.',
].join('\n');

const NAMES = CLAIM_KINDS.map((k) => k.name);

describe('claim kinds', () => {
  it('each registered kind is a field of Claims, read by the extractor', async () => {
    const { context } = await audit(REPORT, 'widgets.txt');
    expect(Object.keys(context.claims)).toEqual(NAMES);
    for (const name of NAMES) expect(context.claims[name].length).toBeGreaterThan(0);
    expect(context.claims.sales.map((c) => c.evidence.quote)).toEqual(['$420 million']);
    // A figure another kind reads is not also a sales figure.
    expect(context.claims.sales.some((c) => c.evidence.quote.includes('4.0 billion'))).toBe(false);
    expect(Object.keys(emptyClaims())).toEqual(NAMES);
  });

  it('the result schema checks each kind and keeps every claim', async () => {
    const { result } = await audit(REPORT, 'widgets.txt');
    const run = auditResultOf([result], await ruleMetas());
    const reread = CheckedAuditResultSchema.parse(JSON.parse(JSON.stringify(run)));
    expect(reread.sources[0].claims).toEqual(result.claims);
    expect(Object.keys(reread.sources[0].coverage!.claims)).toEqual(NAMES);
    for (const name of NAMES) {
      // A claim missing its kind's own fields is refused, whatever its kind.
      const claims = result.claims![name];
      const broken = { ...result.claims, [name]: [{ id: claims[0].id, kind: claims[0].kind, evidence: claims[0].evidence, sentence: claims[0].sentence }] };
      expect(ClaimsSchema.safeParse(broken).success).toBe(false);
      const missing = Object.fromEntries(Object.entries(result.claims!).filter(([k]) => k !== name));
      expect(ClaimsSchema.safeParse(missing).success).toBe(false);
    }
  });

  it('the claims view has a table for each kind that declares one, shown when it has claims', async () => {
    const { result } = await audit(REPORT, 'widgets.txt');
    const view = buildClaimsView(claimsOf(result.claims), result.metadata, result.findings, null);
    const withTables = CLAIM_KINDS.filter((k) => k.table !== null);
    expect(view.tables.map((t) => t.title)).toEqual(withTables.map((k) => k.table!.title));
    expect(view.tables.every((t) => t.shown)).toBe(true);
    for (const [i, k] of withTables.entries()) expect(view.tables[i].headers.map((h) => h.text)).toEqual(k.table!.columns.map((c) => c.header));
    const sizes = view.tables.find((t) => t.title === 'Market sizes')!;
    expect(sizes.rows[0].cells.map((c) => c.text)).toEqual(['USD 4.0 billion', '$4 billion', '2023', 'value', 'the market (market)']);

    const none = buildClaimsView(emptyClaims(), null, [], null);
    expect(none.tables.some((t) => t.shown)).toBe(false);
    expect(none.any).toBe(false);
  });

  it('the summary counts every kind that has a noun', async () => {
    const { result } = await audit(REPORT, 'widgets.txt');
    const text = buildSummary(result).coverage!.claims;
    for (const k of CLAIM_KINDS) if (k.noun) expect(text).toMatch(new RegExp(`\\b\\d+ ${k.noun.one}`));
    expect(text).not.toMatch(/sales/);
  });

  it('a result written before a kind existed reads as having none of it', () => {
    const { sales: _omitted, ...older } = emptyClaims();
    expect(claimsOf(older)!.sales).toEqual([]);
    expect(claimsOf(null)).toBeNull();
  });
});
