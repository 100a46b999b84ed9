import type { SourceError } from '../schema/result.js';
import type { Executor } from './pool.js';
import { failedOutcome, type FileTask, type TaskOutcome, type TaskSettings } from './task.js';

export interface ScheduleOptions {
  /** Per-file time budget in ms (enforced when the executor can abort a running task). */
  timeoutMs: number;
  /** Aborted on Ctrl-C: nothing new starts, running tasks are stopped. */
  signal?: AbortSignal;
  onOutcome?: (outcome: TaskOutcome) => void;
}

const TIMEOUT = 'credence:timeout';
/** Time a fresh worker thread may take to load the rules before its task's own budget starts. */
const STARTUP_ALLOWANCE_MS = 60_000;

function crashMessage(err: unknown): SourceError {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') return { reason: 'crash', message: 'the worker ran out of memory auditing this file' };
  const text = e?.message ?? String(err);
  return { reason: 'crash', message: `cannot audit: ${text}` };
}

/**
 * Audit `count` sources with at most `executor.inFlight` in flight (so memory stays bounded
 * however many files there are; each task's clock starts when a worker picks it up).
 * `makeTask(i)` builds the i-th task lazily (it must not throw). A task that throws, crashes its worker or overruns its
 * time budget becomes an error result; the others go on. Returns false when interrupted.
 */
export async function schedule(
  count: number,
  makeTask: (i: number) => Promise<FileTask | TaskOutcome>,
  executor: Executor,
  settings: Pick<TaskSettings, 'partsDir'>,
  options: ScheduleOptions,
): Promise<boolean> {
  let next = 0;
  const stopped = () => options.signal?.aborted === true;

  async function one(i: number): Promise<void> {
    const made = await makeTask(i);
    if ('digest' in made) {
      options.onOutcome?.(made);
      return;
    }
    const task = made;
    const controller = new AbortController();
    // Until the worker says it has started, allow for a thread booting (loading the rules); from
    // then on the file has its budget.
    let timer = setTimeout(() => controller.abort(TIMEOUT), options.timeoutMs + STARTUP_ALLOWANCE_MS);
    let started = performance.now();
    const onStart = () => {
      clearTimeout(timer);
      started = performance.now();
      timer = setTimeout(() => controller.abort(TIMEOUT), options.timeoutMs);
    };
    const onStop = () => controller.abort('interrupted');
    options.signal?.addEventListener('abort', onStop, { once: true });
    let outcome: TaskOutcome | null = null;
    try {
      outcome = await executor.run(task, controller.signal, onStart);
    } catch (err) {
      const elapsed = performance.now() - started;
      if (controller.signal.reason === TIMEOUT) {
        outcome = failedOutcome(
          settings,
          task,
          { reason: 'timeout', message: `not finished within ${options.timeoutMs} ms (--timeout-ms); its worker was stopped` },
          elapsed,
        );
      } else if (!stopped()) {
        outcome = failedOutcome(settings, task, crashMessage(err), elapsed);
      }
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onStop);
    }
    if (outcome) options.onOutcome?.(outcome);
  }

  async function lane(): Promise<void> {
    while (!stopped() && next < count) await one(next++);
  }

  await Promise.all(Array.from({ length: Math.max(1, Math.min(executor.inFlight, count)) }, lane));
  return !stopped();
}
