// The quality gate's verdict from a finished run's result: exit codes and their reasons.
import { judge } from '../../src/cli.js';
import { summaryText } from '../../src/report/text.js';
import { auditResultOf, auditSeed, ruleMetas } from '../report/fixtures.js';

describe('the quality gate', () => {
  it('exits 2 when a rule crashed on a source, saying so, even when no finding reaches --fail-on', async () => {
    const result = auditResultOf([(await auditSeed('001')).result], await ruleMetas());
    const clean = judge(result, { failOn: 'never' });
    expect(clean.code).toBe(0);
    result.summary.engine = 1;
    const verdict = judge(result, { failOn: 'never' });
    expect(verdict.code).toBe(2);
    expect(verdict.reasons.join(' ')).toMatch(/1 rule failure .*not fully audited/);
    expect(summaryText(result.summary, { interrupted: false, accepted: 0 }, false)).toMatch(/1 rule failure \(credence's own, not counted above\)/);
  });
});
