import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readPart } from '../../src/batch/parts.js';
import type { Executor } from '../../src/batch/pool.js';
import { schedule } from '../../src/batch/schedule.js';
import { settle, type FileTask, type TaskOutcome } from '../../src/batch/task.js';
import { errorResult } from '../../src/pipeline/audit-source.js';

/** A fake executor: each task resolves after `ms`, or hangs forever when its name says so. */
class FakeExecutor implements Executor {
  readonly abortable = true;
  running = 0;
  maxRunning = 0;
  readonly inFlight: number;
  constructor(
    readonly concurrency: number,
    private readonly parts: string,
    inFlight = concurrency,
  ) {
    this.inFlight = inFlight;
  }
  async run(task: FileTask, signal: AbortSignal, onStart: () => void): Promise<TaskOutcome> {
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      onStart();
      if (task.ref.name.startsWith('throws')) throw new Error('parser exploded');
      await new Promise<void>((resolve, reject) => {
        const hang = task.ref.name.startsWith('hangs');
        const t = hang ? null : setTimeout(resolve, 5);
        signal.addEventListener('abort', () => {
          if (t) clearTimeout(t);
          reject(new Error('aborted'));
        });
      });
      return settle({ partsDir: this.parts }, task.seq, { ...errorResult(task.ref, { reason: 'empty', message: 'fake' }), status: 'ok', error: undefined });
    } finally {
      this.running--;
    }
  }
  async close() {}
}

function tasks(names: string[]) {
  return (i: number) => Promise.resolve<FileTask>({ seq: i, ref: { path: names[i], name: names[i] }, report: null, accepted: [] });
}

describe('schedule (bounded, fault-isolating)', () => {
  let parts: string;
  beforeEach(() => {
    parts = mkdtempSync(path.join(tmpdir(), 'credence-sched-'));
  });

  it.each([
    [3, 3],
    [3, 6],
  ])('with %i threads never hands the executor more than its %i tasks at once, however many files', async (jobs, inFlight) => {
    const names = Array.from({ length: 60 }, (_, i) => `doc${i}`);
    const ex = new FakeExecutor(jobs, parts, inFlight);
    const done: TaskOutcome[] = [];
    const completed = await schedule(names.length, tasks(names), ex, { partsDir: parts }, { timeoutMs: 5000, onOutcome: (o) => done.push(o) });
    expect(completed).toBe(true);
    expect(ex.maxRunning).toBe(inFlight);
    expect(done.map((o) => o.seq).sort((a, b) => a - b)).toEqual(names.map((_, i) => i));
    // Every outcome points at its own source's full result in the spool.
    for (const o of done) expect(JSON.parse(readPart(parts, o.part)).name).toBe(names[o.seq]);
  });

  it('turns a throwing file into a crash entry and one over its budget into a timeout entry; the rest go on', async () => {
    const names = ['a', 'throws.txt', 'hangs.html', 'b'];
    const outcomes = new Map<string, TaskOutcome>();
    const completed = await schedule(
      names.length,
      tasks(names),
      new FakeExecutor(2, parts),
      { partsDir: parts },
      { timeoutMs: 100, onOutcome: (o) => outcomes.set(o.digest.name, o) },
    );
    expect(completed).toBe(true);
    expect(outcomes.get('a')!.digest.status).toBe('ok');
    expect(outcomes.get('b')!.digest.status).toBe('ok');
    expect(outcomes.get('throws.txt')!.digest.error).toEqual({ reason: 'crash', message: 'cannot audit: parser exploded' });
    expect(outcomes.get('hangs.html')!.digest.error).toMatchObject({ reason: 'timeout', message: expect.stringContaining('100 ms') });
  });

  it('stops on the signal: nothing new starts, running tasks are dropped, and it says so', async () => {
    const names = ['a', 'hangs-1', 'hangs-2', 'c', 'd'];
    const controller = new AbortController();
    const seen: string[] = [];
    setTimeout(() => controller.abort('SIGINT'), 50);
    const completed = await schedule(
      names.length,
      tasks(names),
      new FakeExecutor(2, parts),
      { partsDir: parts },
      { timeoutMs: 60_000, signal: controller.signal, onOutcome: (o) => seen.push(o.digest.name) },
    );
    expect(completed).toBe(false);
    expect(seen).toEqual(['a']);
  });
});
