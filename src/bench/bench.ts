// `npm run bench`: generate a corpus from the examples in seeds/, audit it with 1 job and with all
// cores, and measure against the parse floor. Figures are printed, never asserted: machines are
// shared and noisy. Options: --docs N (default 1000), --big N (default 5000), --skip-big,
// --seed N, --keep (leave the generated files), --json FILE.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveRules } from '../engine/config.js';
import { loadRules } from '../engine/loader.js';
import { auditBytes } from '../pipeline/audit-source.js';
import { tuneV8 } from '../runtime/v8-tuning.js';
import { clearBlockCaches, setBlockCaching } from '../text/block-cache.js';
import { documentOfSize, loadPools, writeCorpus, type Pools } from './corpus.js';
import { parseFloor } from './floor.js';
import { readCpuTimes, stealShare } from './machine.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, HERE.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');
const CHILD = path.join(ROOT, 'dist', 'src', 'bench', 'child.js');

interface ChildRun {
  wallMs: number;
  /** CPU time of all the process's threads over the run. */
  cpuMs: number;
  /** Share of the machine's CPU time stolen by the hypervisor during the run, when known. */
  steal: number | null;
  maxRssKb: number;
  sources: number;
  failed: number;
  byRule: Record<string, number>;
  counts: { error: number; warning: number; info: number };
}

export interface BenchOptions {
  docs: number;
  /** Timed passes of the floor and of the engine, after one warm-up pass of each. */
  rounds: number;
  /** Corpus sizes whose peak RSS at --jobs 1 is measured (the memory bound). */
  rssDocs: number[];
  /** Document sizes in bytes for the size-scaling measure; the first is the reference. */
  sizes: number[];
  seed: number;
  keep: boolean;
  seedsDir: string;
  log: (line: string) => void;
}

interface Args {
  docs?: number;
  big?: number;
  skipBig?: boolean;
  seed?: number;
  keep?: boolean;
  json?: string;
}

function args(argv: string[]): Args {
  const out: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--docs') out.docs = Number(argv[++i]);
    else if (a === '--big') out.big = Number(argv[++i]);
    else if (a === '--skip-big') out.skipBig = true;
    else if (a === '--seed') out.seed = Number(argv[++i]);
    else if (a === '--keep') out.keep = true;
    else if (a === '--json') out.json = argv[++i];
  }
  return out;
}

function child(dir: string, jobs: number, out: string): ChildRun {
  const before = readCpuTimes();
  const text = execFileSync(process.execPath, [CHILD, dir, String(jobs), out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const run = JSON.parse(text.trim().split('\n').pop()!) as Omit<ChildRun, 'steal'>;
  return { ...run, steal: stealShare(before, readCpuTimes()) };
}

/** Time one pass of fn over every document. */
function timePass(files: readonly Uint8Array[], fn: (b: Uint8Array) => unknown): number {
  const t = performance.now();
  for (const b of files) fn(b);
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The floor and the engine over the same documents in this thread: a full warm-up pass of each
 * (the optimising compiler keeps working well past the first hundred documents), then `rounds`
 * passes taken in turn, so all see the same machine; the median pass of each is compared. The
 * engine is timed as a batch runs it (block cache on, emptied before each pass, so only blocks
 * repeated within the corpus are found in it) and with the block cache off (as if no document
 * repeated another's paragraphs).
 */
function floorAndEngine(files: readonly Uint8Array[], engine: (b: Uint8Array) => unknown, rounds: number) {
  const cached = () => {
    clearBlockCaches();
    return timePass(files, engine);
  };
  const uncached = () => {
    setBlockCaching(false);
    try {
      return timePass(files, engine);
    } finally {
      setBlockCaching(true);
    }
  };
  timePass(files, parseFloor);
  cached();
  uncached();
  const floor: number[] = [];
  const audit: number[] = [];
  const plain: number[] = [];
  for (let r = 0; r < rounds; r++) {
    floor.push(timePass(files, parseFloor));
    audit.push(cached());
    plain.push(uncached());
  }
  return {
    floorMs: median(floor),
    engineMs: median(audit),
    uncachedMs: median(plain),
    ratios: floor.map((f, i) => audit[i] / f),
    uncachedRatios: floor.map((f, i) => plain[i] / f),
  };
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const fixed = (n: number, d = 1) => n.toFixed(d);

export async function bench(options: BenchOptions) {
  const log = options.log;
  const work = await mkdtemp(path.join(tmpdir(), 'credence-bench-'));
  const pools: Pools = loadPools(options.seedsDir);
  const cores = availableParallelism();
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores };
  try {
    const corpusDir = path.join(work, 'corpus');
    const { files, bytes } = await writeCorpus(corpusDir, pools, options.docs, options.seed);
    log(`corpus: ${files.length} documents, ${fixed(mb(bytes), 2)} MB (seed ${options.seed}) in ${corpusDir}`);
    const contents = files.map((f) => new Uint8Array(readFileSync(f)));

    // Engine against the parse floor, in this process, one thread, after a warm-up.
    const rules = resolveRules(await loadRules(), { rules: {} });
    const cpuBefore = readCpuTimes();
    const { floorMs, engineMs, uncachedMs, ratios, uncachedRatios } = floorAndEngine(contents, (b) => auditBytes(b, { path: 'bench', name: 'bench' }, rules), options.rounds);
    const passSteal = stealShare(cpuBefore, readCpuTimes());
    log(`parse floor (decode, detect, hast → text / lines): ${fixed(floorMs, 0)} ms = ${fixed((files.length * 1000) / floorMs)} docs/s (median of ${options.rounds} passes after a warm-up pass)`);
    log(`engine, one thread (parse, claims, every rule; no output): ${fixed(engineMs, 0)} ms = ${fixed((files.length * 1000) / engineMs)} docs/s`);
    log(`ratio engine / floor: ${fixed(engineMs / floorMs, 2)}× (per pass: ${ratios.map((r) => fixed(r, 2)).join(', ')})`);
    log(`  without the block cache: ${fixed(uncachedMs, 0)} ms, ${fixed(uncachedMs / floorMs, 2)}× (per pass: ${uncachedRatios.map((r) => fixed(r, 2)).join(', ')})`);
    if (passSteal !== null) log(`  CPU steal while these passes ran: ${fixed(passSteal * 100)}% of the machine's time (the host's other guests; it makes single passes uneven)`);
    Object.assign(results, { docs: files.length, megabytes: mb(bytes), floorMs, engineMs, ratio: engineMs / floorMs, ratios, uncachedMs, uncachedRatio: uncachedMs / floorMs, uncachedRatios, passSteal });

    // Whole runs (reports and JSON written), each in its own process for its own peak RSS.
    const one = child(corpusDir, 1, path.join(work, 'out-1'));
    const all = child(corpusDir, cores, path.join(work, 'out-all'));
    const line = (label: string, r: ChildRun) =>
      `${label}: ${fixed(r.wallMs / 1000, 2)} s, ${fixed((r.sources * 1000) / r.wallMs)} docs/s, ${fixed((mb(bytes) * 1000) / r.wallMs, 2)} MB/s, ` +
      `CPU ${fixed(r.cpuMs / 1000, 2)} s (${fixed(r.cpuMs / r.wallMs, 2)} cores busy), peak RSS ${fixed(r.maxRssKb / 1024, 0)} MB, ${r.failed} failed` +
      (r.steal === null ? '' : `, CPU steal ${fixed(r.steal * 100)}%`);
    log(line('audit --jobs 1', one));
    log(line(`audit --jobs ${cores}`, all));
    // More jobs cannot finish before the CPU time one job needed is spread over every core.
    const bound = (cores * one.wallMs) / one.cpuMs;
    log(
      `speed-up 1 → ${cores} jobs: ${fixed(one.wallMs / all.wallMs, 2)}× (at most ${fixed(bound, 2)}× on ${cores} cores, since one job keeps ${fixed(one.cpuMs / one.wallMs, 2)} cores busy; ` +
        `CPU time ${cores} jobs / 1 job: ${fixed(all.cpuMs / one.cpuMs, 2)}×)`,
    );
    Object.assign(results, { jobs1: one, jobsAll: all, speedup: one.wallMs / all.wallMs, speedupBound: bound, cpuRatio: all.cpuMs / one.cpuMs });

    // Size scaling: time per byte relative to a 200 KB document. The block cache is off: a long
    // generated page repeats its paragraphs, and the cache would make it look cheaper per byte.
    const sizes = options.sizes;
    setBlockCaching(false);
    const scaling: Array<{ format: string; bytes: number; ms: number; relative: number }> = [];
    for (const format of ['html', 'text'] as const) {
      let base = 0;
      for (const size of sizes) {
        const doc = new TextEncoder().encode(documentOfSize(pools, format, size, options.seed));
        // The median of three runs: one run of a 200 KB document is too short to time on a shared machine.
        const ms = median(
          [0, 1, 2].map(() => {
            const t = performance.now();
            auditBytes(doc, { path: 'size', name: 'size' }, rules);
            return performance.now() - t;
          }),
        );
        const perByte = ms / doc.length;
        if (size === sizes[0]) base = perByte;
        scaling.push({ format, bytes: doc.length, ms, relative: perByte / base });
        log(`size ${format} ${fixed(doc.length / 1024, 0)} KB: ${fixed(ms, 0)} ms, time per byte ×${fixed(perByte / base, 2)} of ${fixed(sizes[0] / 1024, 0)} KB (block cache off)`);
      }
    }
    setBlockCaching(true);
    results.scaling = scaling;

    // Memory at --jobs 1 as the corpus grows: bounded, not proportional to the documents.
    const rss: Array<{ docs: number; maxRssKb: number; wallMs: number }> = [{ docs: files.length, maxRssKb: one.maxRssKb, wallMs: one.wallMs }];
    const counts = options.rssDocs.filter((n) => n !== files.length);
    for (const n of counts) {
      const dir = path.join(work, `corpus-${n}`);
      await writeCorpus(dir, pools, n, options.seed);
      const r = child(dir, 1, path.join(work, `out-${n}`));
      rss.push({ docs: n, maxRssKb: r.maxRssKb, wallMs: r.wallMs });
      log(`RSS at --jobs 1, ${n} documents: peak ${fixed(r.maxRssKb / 1024, 0)} MB (${fixed(r.wallMs / 1000, 1)} s)`);
      await rm(dir, { recursive: true, force: true });
      await rm(path.join(work, `out-${n}`), { recursive: true, force: true });
    }
    results.rss = rss;

    log('findings per rule (--jobs 1 run):');
    for (const [rule, n] of Object.entries(one.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) log(`  ${rule.padEnd(32)} ${n}`);
    return results;
  } finally {
    if (!options.keep) await rm(work, { recursive: true, force: true });
  }
}

// Run when invoked directly (npm run bench), not when imported by a test.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  // Measured as the CLI runs (bench.test imports bench() without it).
  tuneV8();
  const a = args(process.argv.slice(2));
  const results = await bench({
    docs: a.docs ?? 1000,
    rounds: 3,
    rssDocs: [500, ...(a.skipBig ? [] : [a.big ?? 5000])],
    sizes: [200 * 1024, 1024 * 1024, 5 * 1024 * 1024],
    seed: a.seed ?? 20250101,
    keep: a.keep ?? false,
    seedsDir: path.join(ROOT, 'seeds'),
    log: (l) => process.stdout.write(l + '\n'),
  });
  if (a.json) await writeFile(a.json, JSON.stringify(results, null, 2) + '\n');
}
