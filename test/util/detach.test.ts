import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detach } from '../../src/util/detach.js';

// detach relies on how V8 represents substrings (a slice keeps its whole parent alive; a slice of a
// fresh concatenation does not). This checks that premise on the running V8: if it stops holding,
// the caches keyed by short texts would keep every document they have seen.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const DOC_CHARS = 2_000_000;
const DOCS = 20;

/** Live heap growth (MB) while keeping one short piece of each of DOCS large documents. */
function retainedBy(keep: (doc: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < DOCS; i++) {
    const doc = `${i} `.repeat(DOC_CHARS / 2).slice(0, DOC_CHARS);
    kept.push(keep(doc.slice(1000, 1050)));
  }
  gc();
  const grown = (process.memoryUsage().heapUsed - before) / (1024 * 1024);
  expect(kept.every((k) => k.length === 50)).toBe(true);
  return grown;
}

describe('detach', () => {
  it('gives an equal string', () => {
    const doc = 'North America held 40% of the market in 2024. '.repeat(100);
    expect(detach(doc.slice(10, 60))).toBe(doc.slice(10, 60));
    expect(detach('')).toBe('');
  });

  it('keeps none of the document a piece was cut from, where the piece itself would keep it all', () => {
    const whole = (DOCS * DOC_CHARS) / (1024 * 1024);
    expect(retainedBy((piece) => piece)).toBeGreaterThan(whole / 2);
    expect(retainedBy(detach)).toBeLessThan(whole / 10);
  });
});
