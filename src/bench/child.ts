// One measured run in its own process (so its peak RSS is its own): audit a folder with N jobs.
// Usage: node dist/src/bench/child.js <dir> <jobs> <out>
import { tuneV8, tuneV8ForWorkers } from '../runtime/v8-tuning.js';

const [dir, jobs, out] = process.argv.slice(2);
// Tuned as the CLI tunes a run with this many jobs, before the audit's modules are evaluated (see tuneV8).
tuneV8();
tuneV8ForWorkers(Number(jobs));
const { runAudit } = await import('../run/audit.js');
const cpuOf = (u: NodeJS.ResourceUsage) => (u.userCPUTime + u.systemCPUTime) / 1000;
// CPU time of every thread of this process over the run (the audit's, the coordinator's, the
// optimising compiler's and the garbage collector's), from the same moment as the wall time.
const cpuBefore = cpuOf(process.resourceUsage());
const started = performance.now();
const report = await runAudit([dir], { out, formats: ['html', 'json'], jobs: Number(jobs) });
const wallMs = performance.now() - started;
const { summary } = report.result;
const usage = process.resourceUsage();
const cpuMs = cpuOf(usage) - cpuBefore;
process.stdout.write(
  JSON.stringify({ wallMs, cpuMs, maxRssKb: usage.maxRSS, sources: summary.sources, failed: summary.failed, byRule: summary.byRule, counts: summary.counts }) +
    '\n',
);
