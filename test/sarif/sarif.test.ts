import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { audit, runAudit } from '../../src/run/audit.js';
import { docsBase } from '../../src/report/docs-links.js';
import { artifactFor, toSarif } from '../../src/report/sarif.js';
import { AuditResultSchema } from '../../src/schema/result.js';
import { ROOT } from '../helpers/harness.js';
import { sarifErrors } from './validator.js';

const result = await audit(['seeds'], { cwd: ROOT });
const log = toSarif(result);
const run = log.runs[0];

describe('SARIF 2.1.0 output', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    expect(sarifErrors(log)).toEqual([]);
  });

  it('the validator is real: it rejects a broken log', () => {
    const broken = JSON.parse(JSON.stringify(log)) as Sarif.Log;
    (broken.runs[0].results![0] as { level: string }).level = 'info';
    delete (broken.runs[0].tool.driver as { name?: string }).name;
    expect(sarifErrors(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('has one run whose driver lists every rule with its description and help', () => {
    expect(log.runs).toHaveLength(1);
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(result.rules.map((r) => r.id));
    for (const r of rules) {
      expect(r.shortDescription!.text.length).toBeGreaterThan(10);
      expect(r.help!.text).toContain('Messages:');
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration!.level);
    }
  });

  it('reports every finding with rule, level, message and line:column regions, related spans as related locations', () => {
    const total = result.sources.reduce((n, s) => n + s.findings.length, 0) + result.corpusFindings.length;
    expect(run.results).toHaveLength(total);
    const merged = run.results!.find((r) => r.ruleId === 'geography/merged-names')!;
    expect(merged.level).toBe('error');
    const loc = merged.locations![0].physicalLocation!;
    expect(loc.artifactLocation).toEqual({ uri: expect.stringMatching(/^seeds\/00[024]_/), uriBaseId: '%SRCROOT%' });
    const source = result.sources.find((s) => s.name === decodeURI(loc.artifactLocation!.uri!))!;
    const finding = source.findings.find((f) => f.ruleId === 'geography/merged-names')!;
    expect(loc.region).toMatchObject({
      startLine: finding.primary!.start.line,
      startColumn: finding.primary!.start.column,
      snippet: { text: finding.primary!.quote },
    });
    expect(run.tool.driver.rules![merged.ruleIndex!].id).toBe('geography/merged-names');
    const conflict = run.results!.find((r) => r.ruleId === 'numbers/cagr-conflict')!;
    expect(conflict.relatedLocations!.length).toBeGreaterThan(0);
    expect(conflict.relatedLocations![0].physicalLocation!.region!.startLine).toBeGreaterThan(0);
    expect(conflict.partialFingerprints!['credence/v1']).toMatch(/^[0-9a-f]{24}$/);
  });

  it('places a cross-source finding in each source it cites', () => {
    const template = run.results!.find((r) => r.ruleId === 'corpus/template-reuse')!;
    const uris = [template.locations![0], ...template.relatedLocations!].map((l) => l.physicalLocation!.artifactLocation!.uri!.slice(6, 9));
    expect(uris).toEqual(['000', '002', '004']);
  });

  it('marks baseline-accepted findings as suppressed', () => {
    const copy = JSON.parse(JSON.stringify(result)) as typeof result;
    copy.sources[0].findings[0].accepted = true;
    const r = toSarif(copy).runs[0].results![0];
    expect(r.suppressions).toEqual([{ kind: 'external', justification: expect.stringContaining('baseline') }]);
    expect(sarifErrors(toSarif(copy))).toEqual([]);
  });

  it('lists files that could not be audited as tool notifications', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'credence-sarif-'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const withError = toSarif(await audit([path.join(dir, 'empty.txt')], { cwd: dir }));
    const notes = withError.runs[0].invocations![0].toolExecutionNotifications!;
    expect(notes[0].message.text).toContain('empty.txt: could not be audited');
    expect(sarifErrors(withError)).toEqual([]);
  });

  it('streams the same log to audit.sarif', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'credence-sarif-out-'));
    await runAudit(['seeds'], { cwd: ROOT, out, formats: ['sarif'] });
    const written = JSON.parse(readFileSync(path.join(out, 'audit.sarif'), 'utf8')) as Sarif.Log;
    expect(sarifErrors(written)).toEqual([]);
    expect(written.runs[0].results!.map((r) => r.partialFingerprints)).toEqual(run.results!.map((r) => r.partialFingerprints));
  });

  it('encodes source names as URI references', () => {
    expect(artifactFor('corpus/my report #2?.txt')).toEqual({ uri: 'corpus/my%20report%20%232%3F.txt', uriBaseId: '%SRCROOT%' });
    expect(artifactFor('données/été.html').uri).toBe('donn%C3%A9es/%C3%A9t%C3%A9.html');
    expect(artifactFor('/tmp/a b.txt')).toEqual({ uri: 'file:///tmp/a%20b.txt' });
  });

  it('links the tool and every rule to their documentation, by default the pages shipped in the package', () => {
    expect(run.tool.driver.informationUri).toBe(pathToFileURL(path.join(ROOT, 'README.md')).href);
    for (const r of run.tool.driver.rules!) {
      expect(r.helpUri).toBe(pathToFileURL(path.join(ROOT, 'rules', `${r.id}.md`)).href);
      expect(existsSync(fileURLToPath(r.helpUri!))).toBe(true);
      expect(r.help!.text).toContain(`Options and examples: ${r.helpUri}`);
      expect(r.help!.markdown).toContain(`[Options and examples](${r.helpUri})`);
    }
  });

  it('links to a published copy of the documentation when given its address', () => {
    const published = toSarif(result, docsBase({ CREDENCE_DOCS_URL: 'https://example.org/credence/blob/main' }));
    const driver = published.runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://example.org/credence/blob/main/README.md');
    expect(driver.rules!.find((r) => r.id === 'numbers/cagr-conflict')!.helpUri).toBe('https://example.org/credence/blob/main/rules/numbers/cagr-conflict.md');
    expect(sarifErrors(published)).toEqual([]);
    // The schema wants an absolute URI: a repository-relative link would not validate.
    const relative = JSON.parse(JSON.stringify(published)) as Sarif.Log;
    relative.runs[0].tool.driver.rules![0].helpUri = 'rules/corpus/recycled-figures.md';
    expect(sarifErrors(relative)).toEqual([expect.stringContaining('/helpUri must match format "uri"')]);
    expect(() => docsBase({ CREDENCE_DOCS_URL: 'docs/rules' })).toThrow(/CREDENCE_DOCS_URL="docs\/rules" is not an absolute URL/);
    expect(docsBase({ CREDENCE_DOCS_URL: '  ' })).toBe(docsBase({}));
  });

  it('gives each result the sentence around its evidence as a context region that contains the region', () => {
    const withContext = run.results!.filter((r) => r.locations?.[0].physicalLocation?.contextRegion);
    expect(withContext.length).toBeGreaterThan(0);
    const at = (line: number, column: number) => line * 1e6 + column;
    for (const r of withContext) {
      const { region, contextRegion } = r.locations![0].physicalLocation!;
      const [inner, outer] = [region!.snippet!.text!, contextRegion!.snippet!.text!];
      expect(outer).toContain(inner);
      expect(outer.length).toBeGreaterThan(inner.length);
      expect(at(contextRegion!.startLine!, contextRegion!.startColumn!)).toBeLessThanOrEqual(at(region!.startLine!, region!.startColumn!));
      expect(at(contextRegion!.endLine!, contextRegion!.endColumn!)).toBeGreaterThanOrEqual(at(region!.endLine!, region!.endColumn!));
    }
    const rate = withContext.find((r) => r.ruleId === 'numbers/cagr-conflict')!.locations![0].physicalLocation!;
    expect(rate.region!.snippet!.text).toMatch(/^\d+(\.\d+)?%$/);
    expect(rate.contextRegion!.snippet!.text).toMatch(/CAGR of \d+(\.\d+)?%.*\.$/);
  });

  it('keeps the context through audit.json (shards are merged from it)', () => {
    const findings = result.sources.flatMap((s) => s.findings).filter((f) => f.context);
    expect(findings.length).toBeGreaterThan(0);
    const reread = AuditResultSchema.parse(JSON.parse(JSON.stringify(result)));
    expect(reread.sources.flatMap((s) => s.findings).filter((f) => f.context)).toEqual(findings);
  });
});
