// Whole runs on dense documents: time per byte at each size against the smallest, reports written.
// Each run audits one file in this thread (no pool start-up to hide a per-byte cost) with every
// output format, after a warm-up run on the smallest document of the kind.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { runAudit } from '../run/audit.js';
import { DENSE_KINDS, denseDocument, denseExtension, type DenseKind } from './dense.js';

export interface DenseRun {
  kind: DenseKind;
  bytes: number;
  ms: number;
  /** Time per byte against the first size's. */
  relative: number;
  /** Findings listed in the result. */
  findings: number;
  /** Findings past a rule's limit, counted, not listed. */
  omitted: number;
  /** Bytes of each output written for the run (the source's HTML report, audit.json, audit.sarif). */
  outputs: Record<string, number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Bytes of every file a run wrote, by name (the HTML report of the source as "report.html"). */
async function outputSizes(out: string, source: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const f of await readdir(out)) {
    if (f.startsWith('.')) continue;
    sizes[f.startsWith(source) ? 'report.html' : f] = statSync(path.join(out, f)).size;
  }
  return sizes;
}

async function wholeRun(file: string, out: string): Promise<{ ms: number; findings: number; omitted: number }> {
  await rm(out, { recursive: true, force: true });
  const started = performance.now();
  const report = await runAudit([file], { out, formats: ['html', 'json', 'sarif'], jobs: 0 });
  const ms = performance.now() - started;
  const { summary } = report.result;
  // The counts include the findings past a rule's limit: the listed ones are the rest.
  const findings = summary.counts.error + summary.counts.warning + summary.counts.info - summary.omitted;
  return { ms, findings, omitted: summary.omitted };
}

/**
 * Every dense kind at every size (the first is the reference): the median of `runs` whole runs
 * below 2 MB, one run above (a 5 MB run is long enough to time on its own).
 */
export async function denseScaling(work: string, sizes: readonly number[], seed: number, log: (line: string) => void, runs = 3): Promise<DenseRun[]> {
  const results: DenseRun[] = [];
  for (const kind of DENSE_KINDS) {
    let base = 0;
    for (const [i, size] of sizes.entries()) {
      const dir = path.join(work, `dense-${kind}-${size}`);
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${kind}.${denseExtension(kind)}`);
      const text = denseDocument(kind, size, seed);
      writeFileSync(file, text);
      const bytes = Buffer.byteLength(text);
      const out = path.join(dir, 'out');
      if (i === 0) await wholeRun(file, out); // warm-up
      const timed = [];
      for (let r = 0; r < (size < 2 * 1024 * 1024 ? runs : 1); r++) timed.push(await wholeRun(file, out));
      const ms = median(timed.map((t) => t.ms));
      const perByte = ms / bytes;
      if (i === 0) base = perByte;
      const outputs = await outputSizes(out, path.basename(file));
      results.push({ kind, bytes, ms, relative: perByte / base, findings: timed[0].findings, omitted: timed[0].omitted, outputs });
      const report = outputs['report.html'] ?? 0;
      log(
        `dense ${kind} ${Math.round(bytes / 1024)} KB: ${Math.round(ms)} ms whole run (block cache off), time per byte ×${(perByte / base).toFixed(2)} of ${Math.round(sizes[0] / 1024)} KB; ` +
          `${timed[0].findings} findings listed (${timed[0].omitted} more counted); report ${(report / bytes).toFixed(1)}× the source, ` +
          `audit.json ${((outputs['audit.json'] ?? 0) / 1024 / 1024).toFixed(1)} MB, audit.sarif ${((outputs['audit.sarif'] ?? 0) / 1024 / 1024).toFixed(1)} MB`,
      );
      await rm(dir, { recursive: true, force: true });
    }
  }
  return results;
}
