import { availableParallelism } from 'node:os';
import v8 from 'node:v8';

/**
 * V8 settings for an audit run:
 * - inlining budgets a quarter of V8's defaults (460 / 920 bytes of bytecode). Measured with
 *   `--trace-opt` over the benchmark corpus: the optimising compiler's time on the first 300
 *   documents falls from about 2.8 s to 1.5 s of CPU with the same audit speed once warm. That
 *   compile time is paid again by every worker thread, on the cores the audit itself needs.
 * - the old generation grows by 30% of what survives a full collection rather than V8's adaptive
 *   factor (up to 4×). An audit keeps little from one document to the next, so the default let a
 *   worker's heap drift to 150–175 MB around 25–60 MB of live data; measured on 5,000 documents at
 *   --jobs 1: peak RSS 308 → 263 MB, the same wall time.
 */
export const V8_FLAGS = ['--max-inlined-bytecode-size=100', '--max-inlined-bytecode-size-cumulative=200', '--heap-growing-percent=30'] as const;

let tuned = false;

/**
 * Apply V8_FLAGS to this process (V8 flags are per process, so worker threads started afterwards
 * get them too). Called by the launchers (src/bin.ts, the benchmark's main.ts and child.ts)
 * before they import anything else, never by the library or by `main()`: a library does not change
 * its host's V8 settings, and V8 can crash when the inlining budgets change while its compiler has
 * a job in flight (seen once, in a benchmark child run in CI: "Check failed: inlineability ==
 * SharedFunctionInfo::kHasOptimizationDisabled", when this was called after the audit's modules had
 * been evaluated).
 */
export function tuneV8(): void {
  if (tuned) return;
  tuned = true;
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
}

/**
 * When the worker threads take every core: V8's profiler counter budget at about 15 times its
 * default (67,584), so only the hottest functions go to the optimising compiler. Every worker
 * compiles the same code again on V8's helper threads, and with no core to spare that competes
 * with the audit itself. Measured per thread on 1,000 documents with two workers on two cores: the
 * compiler's threads fell from about 8.3 to 2.7 s of CPU, the workers rose from 8.0 to 9.2 s each
 * (less optimised code), and the run took 9% less time; with a core to spare (one job on two cores)
 * the compile time is free and the workers' extra time is not, so it is left at V8's default.
 */
export const SATURATED_V8_FLAGS = ['--interrupt-budget=1000000'] as const;

/** Whether `workers` threads leave no core for V8's compiler threads. */
export function saturates(workers: number, cores: number = availableParallelism()): boolean {
  return workers >= 1 && workers >= cores;
}

let saturatedTuned = false;

/** Apply SATURATED_V8_FLAGS when the run's worker threads take every core; before the threads start. */
export function tuneV8ForWorkers(workers: number, cores?: number): boolean {
  if (!saturates(workers, cores)) return false;
  if (!saturatedTuned) {
    saturatedTuned = true;
    for (const flag of SATURATED_V8_FLAGS) v8.setFlagsFromString(flag);
  }
  return true;
}
