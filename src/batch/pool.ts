import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { MessageChannel, type Transferable } from 'node:worker_threads';
import { createTaskEnv, runFileTask, type FileTask, type TaskEnv, type TaskOutcome, type TaskSettings } from './task.js';

/** Runs file tasks: on a pool of worker threads, or in this thread. */
export interface Executor {
  readonly concurrency: number;
  /** How many tasks to hand it at once: more than `concurrency` keeps a next task queued for each thread. */
  readonly inFlight: number;
  /** Whether aborting a running task really stops it (true for worker threads). */
  readonly abortable: boolean;
  /** `onStart` is called when the task really starts (after a new thread has loaded the rules). */
  run(task: FileTask, signal: AbortSignal, onStart: () => void): Promise<TaskOutcome>;
  close(): Promise<void>;
}

/**
 * The built worker. Under ts-jest this module is TypeScript in src/, but worker threads load plain
 * JavaScript, so the worker always comes from dist/ (build first).
 */
export function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts') ? path.resolve(path.dirname(here), '../../dist/src/batch/worker.js') : path.join(path.dirname(here), 'worker.js');
}

const WORKER_STACK_MB = 64;
/**
 * The worker's young generation: V8's default lets it grow to 48 MB per thread, while what an audit
 * allocates per document dies young well within this. Measured on 5,000 documents at --jobs 1:
 * peak RSS 263 → 224 MB at the same wall time (12 MB cost 15% in time). Not an out-of-memory
 * limit: objects that outgrow it are promoted.
 */
const WORKER_YOUNG_MB = 24;

/** A piscina pool of `jobs` threads; aborting a task (time budget, Ctrl-C) terminates its thread. */
export class PoolExecutor implements Executor {
  readonly abortable = true;
  /**
   * Two tasks per thread: a thread that finishes finds its next file already queued instead of
   * waiting for the coordinator to hear of the result and post another (that round trip left each
   * worker idle about a fifth of a batch run). Waiting in the queue does not count against a
   * task's time budget, which starts when a thread picks it up.
   */
  readonly inFlight: number;
  private readonly pool: Piscina;

  constructor(
    settings: TaskSettings,
    readonly concurrency: number,
  ) {
    this.inFlight = concurrency * 2;
    const filename = workerFile();
    if (!existsSync(filename)) throw new Error(`the worker ${filename} is not built; run \`npm run build\``);
    this.pool = new Piscina({
      filename,
      minThreads: concurrency,
      maxThreads: concurrency,
      // Keep threads (and the rules they loaded) between tasks.
      idleTimeout: 60_000,
      workerData: settings,
      // The HTML parser's tree conversion (hast-util-from-parse5) recurses once per nesting level;
      // a roomy stack lets 100,000-deep pages parse instead of failing. It is reserved, not used.
      resourceLimits: { stackSizeMb: WORKER_STACK_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    // A worker can post its result just as its task is aborted (time budget, Ctrl-C): the abort has
    // already settled the task, and piscina reports the late result as a pool error, which unheard
    // would end the process. Any other pool error still does.
    this.pool.on('error', (err: Error) => {
      if (!err.message.startsWith('Unexpected message from Worker')) throw err;
    });
  }

  async run(task: FileTask, signal: AbortSignal, onStart: () => void): Promise<TaskOutcome> {
    const channel = new MessageChannel();
    channel.port1.once('message', onStart);
    // A Uint8Array view may share a larger buffer; transfer a copy of just its bytes.
    const transferList: Transferable[] = [channel.port2];
    if (task.bytes) transferList.push((task.bytes = task.bytes.slice()).buffer);
    try {
      return (await this.pool.run({ ...task, started: channel.port2 }, { signal, transferList })) as TaskOutcome;
    } finally {
      channel.port1.close();
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** Audits in the calling thread: no worker start-up cost, but a runaway file cannot be stopped. */
export class InProcessExecutor implements Executor {
  readonly concurrency = 1;
  readonly inFlight = 1;
  readonly abortable = false;
  private env: Promise<TaskEnv> | null = null;

  constructor(private readonly settings: TaskSettings) {}

  async run(task: FileTask, signal: AbortSignal, onStart: () => void): Promise<TaskOutcome> {
    signal.throwIfAborted();
    onStart();
    this.env ??= createTaskEnv(this.settings);
    return runFileTask(task, await this.env);
  }

  async close(): Promise<void> {}
}
