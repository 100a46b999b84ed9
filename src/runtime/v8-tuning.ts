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
 * get them too). Called first thing by the CLI and the benchmark, not by the library: a library
 * does not change its host's V8 settings.
 */
export function tuneV8(): void {
  if (tuned) return;
  tuned = true;
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
}
