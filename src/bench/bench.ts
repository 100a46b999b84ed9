// `npm run bench` (its entry is main.ts): generate a corpus from the examples in seeds/, audit it
// with 1 job and with all cores, and measure against the parse floor. Figures are printed, never
// asserted: machines are shared and noisy. Options: --docs N (default 1000), --big N (default
// 5000), --skip-big, --seed N, --keep (leave the generated files), --json FILE, --dense-only (only
// the whole runs on dense documents).
import { execFile } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveRules } from '../engine/config.js';
import { loadRules } from '../engine/loader.js';
import { auditBytes } from '../pipeline/audit-source.js';
import { clearBlockCaches, setBlockCaching } from '../cache/block-cache.js';
import { documentOfSize, loadPools, writeCorpus, type Pools } from './corpus.js';
import { denseScaling } from './dense-scaling.js';
import { parseFloor } from './floor.js';
import { busyShare, readCpuTimes, stealShare } from './machine.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, HERE.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');
const CHILD = path.join(ROOT, 'dist', 'src', 'bench', 'child.js');

interface ChildRun {
  wallMs: number;
  /** CPU time of all the process's threads over the run. */
  cpuMs: number;
  /** Share of the machine's CPU time stolen by the hypervisor during the run, when known. */
  steal: number | null;
  /** Cores' worth of CPU that other processes on the machine used during the run, when known. */
  others: number | null;
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
  denseOnly?: boolean;
}

export function args(argv: string[]): Args {
  const out: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--docs') out.docs = Number(argv[++i]);
    else if (a === '--big') out.big = Number(argv[++i]);
    else if (a === '--skip-big') out.skipBig = true;
    else if (a === '--seed') out.seed = Number(argv[++i]);
    else if (a === '--keep') out.keep = true;
    else if (a === '--json') out.json = argv[++i];
    else if (a === '--dense-only') out.denseOnly = true;
  }
  return out;
}

type ChildFigures = Omit<ChildRun, 'steal' | 'others'>;

/** Audit a folder with N jobs in a process of its own (child.ts), for its own peak RSS and CPU time. */
async function childProcess(dir: string, jobs: number, out: string): Promise<ChildFigures> {
  const { stdout } = await promisify(execFile)(process.execPath, [CHILD, dir, String(jobs), out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ChildFigures;
}

async function child(dir: string, jobs: number, out: string): Promise<ChildRun> {
  const before = readCpuTimes();
  const run = await childProcess(dir, jobs, out);
  const after = readCpuTimes();
  const busy = busyShare(before, after);
  const cores = availableParallelism();
  // What the machine ran beyond this run's own CPU time: a build or another benchmark skews the figures.
  const others = busy === null ? null : Math.max(0, busy * cores - run.cpuMs / run.wallMs);
  return { ...run, steal: stealShare(before, after), others };
}

/** Hard-link (or copy) the files, dealt out in turn, into `count` folders under `dir`. */
function dealOut(files: readonly string[], count: number, dir: string): string[] {
  const dirs = Array.from({ length: count }, (_, i) => path.join(dir, `share-${i + 1}`));
  for (const d of dirs) mkdirSync(d, { recursive: true });
  files.forEach((f, i) => {
    const to = path.join(dirs[i % count], path.basename(f));
    try {
      linkSync(f, to);
    } catch {
      copyFileSync(f, to);
    }
  });
  return dirs;
}

/** Documents per turn when the floor and the engine take turns within a pass. */
const TURN = 20;

/**
 * One pass over every document in which the floor and the engine take turns, TURN documents at a
 * time, each timed: both see the same machine from one moment to the next, so a shared machine
 * that slows down or speeds up mid-pass moves both sides of the ratio alike. Turns of several
 * documents rather than one let each keep its own code and data warm in the CPU's caches, as it
 * would running alone.
 */
function alternatingPass(files: readonly Uint8Array[], engine: (b: Uint8Array) => unknown): { floor: number; engine: number } {
  let floor = 0;
  let audit = 0;
  for (let i = 0; i < files.length; i += TURN) {
    const turn = files.slice(i, i + TURN);
    const t0 = performance.now();
    for (const b of turn) parseFloor(b);
    const t1 = performance.now();
    for (const b of turn) engine(b);
    audit += performance.now() - t1;
    floor += t1 - t0;
  }
  return { floor, engine: audit };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The floor and the engine over the same documents in this thread: a full warm-up pass (the
 * optimising compiler keeps working well past the first hundred documents), then `rounds` passes
 * of each kind in turn, the floor and the engine taking turns within each (see alternatingPass);
 * the ratio is the median of the passes' ratios. The engine is timed as a batch runs it (block
 * cache on, emptied before each pass, so only blocks repeated within the corpus are found in it)
 * and with the block cache off (as if no document repeated another's paragraphs).
 */
function floorAndEngine(files: readonly Uint8Array[], engine: (b: Uint8Array) => unknown, rounds: number) {
  const cached = () => {
    clearBlockCaches();
    return alternatingPass(files, engine);
  };
  const uncached = () => {
    setBlockCaching(false);
    try {
      return alternatingPass(files, engine);
    } finally {
      setBlockCaching(true);
    }
  };
  cached();
  uncached();
  const withCache: Array<{ floor: number; engine: number }> = [];
  const withoutCache: Array<{ floor: number; engine: number }> = [];
  for (let r = 0; r < rounds; r++) {
    withCache.push(cached());
    withoutCache.push(uncached());
  }
  const ratios = withCache.map((p) => p.engine / p.floor);
  const uncachedRatios = withoutCache.map((p) => p.engine / p.floor);
  return {
    floorMs: median([...withCache, ...withoutCache].map((p) => p.floor)),
    engineMs: median(withCache.map((p) => p.engine)),
    uncachedMs: median(withoutCache.map((p) => p.engine)),
    ratio: median(ratios),
    uncachedRatio: median(uncachedRatios),
    ratios,
    uncachedRatios,
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
    const { floorMs, engineMs, uncachedMs, ratio, uncachedRatio, ratios, uncachedRatios } = floorAndEngine(
      contents,
      (b) => auditBytes(b, { path: 'bench', name: 'bench' }, rules),
      options.rounds,
    );
    const passSteal = stealShare(cpuBefore, readCpuTimes());
    log(
      `parse floor (decode, detect, hast → text / lines): ${fixed(floorMs, 0)} ms = ${fixed((files.length * 1000) / floorMs)} docs/s (median of ${options.rounds * 2} passes after a warm-up pass)`,
    );
    log(`engine, one thread (parse, claims, every rule; no output): ${fixed(engineMs, 0)} ms = ${fixed((files.length * 1000) / engineMs)} docs/s`);
    log(
      `ratio engine / floor: ${fixed(ratio, 2)}× (median of the passes, the two taking turns every ${TURN} documents: ${ratios.map((r) => fixed(r, 2)).join(', ')})`,
    );
    log(`  without the block cache: ${fixed(uncachedMs, 0)} ms, ${fixed(uncachedRatio, 2)}× (per pass: ${uncachedRatios.map((r) => fixed(r, 2)).join(', ')})`);
    if (passSteal !== null)
      log(`  CPU steal while these passes ran: ${fixed(passSteal * 100)}% of the machine's time (the host's other guests; it makes single passes uneven)`);
    Object.assign(results, {
      docs: files.length,
      megabytes: mb(bytes),
      floorMs,
      engineMs,
      ratio,
      ratios,
      uncachedMs,
      uncachedRatio,
      uncachedRatios,
      passSteal,
    });

    // Whole runs (reports and JSON written), each in its own process for its own peak RSS.
    const one = await child(corpusDir, 1, path.join(work, 'out-1'));
    const all = await child(corpusDir, cores, path.join(work, 'out-all'));
    const line = (label: string, r: ChildRun) =>
      `${label}: ${fixed(r.wallMs / 1000, 2)} s, ${fixed((r.sources * 1000) / r.wallMs)} docs/s, ${fixed((mb(bytes) * 1000) / r.wallMs, 2)} MB/s, ` +
      `CPU ${fixed(r.cpuMs / 1000, 2)} s (${fixed(r.cpuMs / r.wallMs, 2)} cores busy), peak RSS ${fixed(r.maxRssKb / 1024, 0)} MB, ${r.failed} failed` +
      (r.steal === null ? '' : `, CPU steal ${fixed(r.steal * 100)}%`) +
      (r.others === null ? '' : `, other processes ${fixed(r.others, 2)} cores`);
    log(line('audit --jobs 1', one));
    log(line(`audit --jobs ${cores}`, all));
    // More jobs cannot finish before the CPU time one job needed is spread over every core.
    const bound = (cores * one.wallMs) / one.cpuMs;
    log(
      `speed-up 1 → ${cores} jobs: ${fixed(one.wallMs / all.wallMs, 2)}× (at most ${fixed(bound, 2)}× on ${cores} cores, since one job keeps ${fixed(one.cpuMs / one.wallMs, 2)} cores busy; ` +
        `CPU time ${cores} jobs / 1 job: ${fixed(all.cpuMs / one.cpuMs, 2)}×)`,
    );
    Object.assign(results, { jobs1: one, jobsAll: all, speedup: one.wallMs / all.wallMs, speedupBound: bound, cpuRatio: all.cpuMs / one.cpuMs });
    // The reference for that speed-up: the same documents dealt out to one process per core, each
    // auditing its share with one job, all at once. Nothing is shared or coordinated between them, so
    // this is what the machine gives this work; a pool that reaches it loses nothing to coordination.
    const shares = dealOut(files, cores, path.join(work, 'shares'));
    const apart = await Promise.all(shares.map((dir, i) => childProcess(dir, 1, path.join(work, `out-share-${i + 1}`))));
    const apartMs = Math.max(...apart.map((r) => r.wallMs));
    const apartCpuMs = apart.reduce((n, r) => n + r.cpuMs, 0);
    log(
      `${cores} processes sharing nothing, each auditing 1/${cores} of the documents with --jobs 1, at once: ${fixed(apartMs / 1000, 2)} s, ` +
        `${fixed(one.wallMs / apartMs, 2)}× one job (CPU ${fixed(apartCpuMs / 1000, 2)} s, ${fixed(apartCpuMs / one.cpuMs, 2)}× one job's)`,
    );
    Object.assign(results, { apartWallMs: apartMs, apartSpeedup: one.wallMs / apartMs, apartCpuRatio: apartCpuMs / one.cpuMs });
    await rm(path.join(work, 'shares'), { recursive: true, force: true });

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
        log(
          `size ${format} ${fixed(doc.length / 1024, 0)} KB: ${fixed(ms, 0)} ms, time per byte ×${fixed(perByte / base, 2)} of ${fixed(sizes[0] / 1024, 0)} KB (block cache off)`,
        );
      }
    }
    // Dense documents (many dated sizes, a long country list, big tables): whole runs, reports written.
    results.dense = await denseScaling(work, sizes, options.seed, log);
    setBlockCaching(true);
    results.scaling = scaling;

    // Memory at --jobs 1 as the corpus grows: bounded, not proportional to the documents.
    const rss: Array<{ docs: number; maxRssKb: number; wallMs: number }> = [{ docs: files.length, maxRssKb: one.maxRssKb, wallMs: one.wallMs }];
    const counts = options.rssDocs.filter((n) => n !== files.length);
    for (const n of counts) {
      const dir = path.join(work, `corpus-${n}`);
      await writeCorpus(dir, pools, n, options.seed);
      const r = await child(dir, 1, path.join(work, `out-${n}`));
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

/** `--dense-only`: the whole runs on dense documents alone, with the block cache off as in the size measure above. */
export async function denseOnly(sizes: readonly number[], seed: number, log: (line: string) => void) {
  const work = await mkdtemp(path.join(tmpdir(), 'credence-bench-'));
  setBlockCaching(false);
  try {
    return await denseScaling(work, sizes, seed, log);
  } finally {
    setBlockCaching(true);
    await rm(work, { recursive: true, force: true });
  }
}
