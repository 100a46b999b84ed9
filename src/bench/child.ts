// One measured run in its own process (so its peak RSS is its own): audit a folder with N jobs.
// Usage: node dist/src/bench/child.js <dir> <jobs> <out>
import { runAudit } from '../run/audit.js';
import { tuneV8 } from '../runtime/v8-tuning.js';

tuneV8();

const [dir, jobs, out] = process.argv.slice(2);
const started = performance.now();
const report = await runAudit([dir], { out, formats: ['html', 'json'], jobs: Number(jobs) });
const wallMs = performance.now() - started;
const { summary } = report.result;
process.stdout.write(
  JSON.stringify({ wallMs, maxRssKb: process.resourceUsage().maxRSS, sources: summary.sources, failed: summary.failed, byRule: summary.byRule, counts: summary.counts }) + '\n',
);
