import v8 from 'node:v8';

/**
 * V8 inlining budgets for an audit run, a quarter of V8's defaults (460 / 920 bytes of bytecode).
 * Measured with `--trace-opt` over the benchmark corpus: the optimising compiler's time on the
 * first 300 documents falls from about 2.8 s to 1.5 s of CPU with the same audit speed once warm.
 * That compile time is paid again by every worker thread, on the cores the audit itself needs, so
 * it decided how little a second job helped on short runs.
 */
export const JIT_FLAGS = ['--max-inlined-bytecode-size=100', '--max-inlined-bytecode-size-cumulative=200'] as const;

let tuned = false;

/**
 * Apply JIT_FLAGS to this process (V8 flags are per process, so worker threads started afterwards
 * get them too). Called first thing by the CLI and the benchmark, not by the library: a library
 * does not change its host's V8 settings.
 */
export function tuneJit(): void {
  if (tuned) return;
  tuned = true;
  for (const flag of JIT_FLAGS) v8.setFlagsFromString(flag);
}
