// Which runs get the V8 settings for saturated cores. Their effect on speed is measured by
// `npm run bench` (CPU time per run and the speed-up), not asserted here.
import { saturates, tuneV8ForWorkers } from '../../src/runtime/v8-tuning.js';

describe('V8 settings for worker threads that take every core', () => {
  it('apply when the workers are as many as the cores or more', () => {
    expect(saturates(2, 2)).toBe(true);
    expect(saturates(8, 2)).toBe(true);
    expect(saturates(1, 1)).toBe(true);
  });

  it('do not apply with a core to spare, or with no worker thread (--jobs 0 audits in the main thread)', () => {
    expect(saturates(1, 2)).toBe(false);
    expect(saturates(3, 8)).toBe(false);
    expect(saturates(0, 1)).toBe(false);
    expect(tuneV8ForWorkers(1, 4)).toBe(false);
  });
});
