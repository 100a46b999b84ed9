import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONSENSUS_RULE, COPIES_RULE } from '../../src/corpus/ids.js';
import { runAudit } from '../../src/run/audit.js';
import { mergeShards } from '../../src/run/merge.js';
import type { AuditResult } from '../../src/schema/result.js';
import { page, sizeSentence } from './market-pages.js';

// A small batch: a market covered by five publishers, one a unit slip away, one of them mirrored
// twice; a second market with only two sources.
function writeCorpus(dir: string): void {
  const corpus = path.join(dir, 'corpus');
  mkdirSync(path.join(corpus, 'wire'), { recursive: true });
  const sizes = ['USD 412 million', 'USD 530 million', 'USD 4.68 billion', 'USD 455 million', 'USD 498 million'];
  sizes.forEach((size, n) =>
    writeFileSync(
      path.join(corpus, `soil-${n}.html`),
      page(n, { heading: 'Soil Sensor Market Report', figures: [sizeSentence(n, 'soil sensor', size, 2024)] }),
    ),
  );
  for (const site of ['wire-a.example', 'wire-b.example'])
    writeFileSync(
      path.join(corpus, 'wire', `${site}.html`),
      page(0, { heading: 'Global Soil Sensors Market', figures: [sizeSentence(0, 'soil sensor', 'USD 412 million', 2024)], mirror: site }),
    );
  ['USD 90 million', 'USD 9 billion'].forEach((size, n) =>
    writeFileSync(
      path.join(corpus, `leaf-${n}.html`),
      page(n + 5, { heading: 'Leaf Sensor Market Report', figures: [sizeSentence(n + 5, 'leaf sensor', size, 2024)] }),
    ),
  );
}

const crossSource = (r: AuditResult) => ({
  findings: r.corpusFindings.map((f) => [f.ruleId, f.fingerprint, f.message, f.sources.map((s) => path.basename(s))]),
  markets: r.markets,
  publishers: r.publishers?.map((p) => ({ ...p, sources: p.sources.map((s) => path.basename(s)).sort() })),
});

describe('cross-source findings and views after shard + merge', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'credence-consensus-'));
    writeCorpus(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are the same as a single run: consensus, copies, markets and publishers', async () => {
    const single = (await runAudit(['corpus'], { cwd: dir, out: path.join(dir, 'single'), formats: ['json'], jobs: 0 })).result;
    const shards = [];
    for (const index of [1, 2, 3]) {
      const out = path.join(dir, `shard-${index}`);
      const shard = (await runAudit(['corpus'], { cwd: dir, out, formats: ['json', 'html'], jobs: 0, shard: { index, total: 3 } })).result;
      // A shard leaves the cross-source work to the merge.
      expect(shard.corpusFindings).toEqual([]);
      expect(shard.markets).toBeUndefined();
      shards.push(out);
    }
    const merged = (await mergeShards(shards.reverse(), { out: path.join(dir, 'merged'), formats: ['json'], cwd: dir })).result;

    const consensus = single.corpusFindings.filter((f) => f.ruleId === CONSENSUS_RULE);
    expect(consensus.map((f) => f.data.source)).toEqual(['corpus/soil-2.html']);
    // The mirrors are one source with soil-0.html: four others, not six.
    expect(consensus[0].data.count).toBe(4);
    expect(single.corpusFindings.filter((f) => f.ruleId === COPIES_RULE).map((f) => f.sources.map((s) => path.basename(s)))).toEqual([
      ['soil-0.html', 'wire-a.example.html', 'wire-b.example.html'],
    ]);
    expect(single.markets!.map((m) => [m.name, m.sources.length, m.years.map((y) => y.consensus)])).toEqual([
      ['Soil Sensor', 5, ['consensus']],
      ['Leaf Sensor', 2, ['too-few-sources']],
    ]);
    expect(crossSource(merged)).toEqual(crossSource(single));
  }, 60_000);
});
