// Entities come from compromise, only when asked for (they cost throughput), with evidence spans.
import { auditBytes } from '../../src/pipeline/audit-source.js';

const doc = new TextEncoder().encode(
  'Widget Market\n\nIn March 2024, Acme Corporation opened a plant in Germany worth $20 million.\n\nThe widget market holds a 45% share in Japan.\n',
);

describe('named entities', () => {
  it('are left out unless asked for', () => {
    expect(auditBytes(doc, { path: 'a.txt', name: 'a.txt' }, []).result.entities).toBeUndefined();
  });

  it('are found with compromise and located in the source when asked for', () => {
    const { result } = auditBytes(doc, { path: 'a.txt', name: 'a.txt' }, [], { rules: {}, entities: true });
    const kinds = (kind: string) => result.entities!.filter((e) => e.kind === kind).map((e) => e.text);
    expect(kinds('place')).toEqual(expect.arrayContaining([expect.stringContaining('Germany'), expect.stringContaining('Japan')]));
    expect(kinds('organization').join(' ')).toContain('Acme');
    expect(kinds('money').join(' ')).toContain('$20');
    expect(kinds('percentage').join(' ')).toContain('45%');
    expect(kinds('date')).toContain('March 2024');
    const germany = result.entities!.find((e) => e.text.includes('Germany'))!;
    expect(germany.evidence.start.line).toBe(3);
    expect(germany.evidence.quote).toBe(germany.text);
  });
});
