import cliProgress from 'cli-progress';
import type { SourceResult } from '../schema/result.js';

/** Reports a run's progress as sources finish. */
export interface Progress {
  start(total: number): void;
  tick(result: Pick<SourceResult, 'status'>): void;
  stop(interrupted?: boolean): void;
}

export interface ProgressOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  quiet?: boolean;
  /** Seconds between plain lines when the stream is not a terminal. */
  intervalMs?: number;
  now?: () => number;
}

const silent: Progress = { start() {}, tick() {}, stop() {} };

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** Counts and rates shared by both displays. */
class Tally {
  done = 0;
  failed = 0;
  total = 0;
  started = 0;
  constructor(private readonly now: () => number) {}
  begin(total: number) {
    this.total = total;
    this.started = this.now();
  }
  add(r: Pick<SourceResult, 'status'>) {
    this.done++;
    if (r.status === 'error') this.failed++;
  }
  elapsed() {
    return Math.max(1, this.now() - this.started);
  }
  rate() {
    return (this.done * 1000) / this.elapsed();
  }
  eta() {
    const r = this.rate();
    return r > 0 ? ((this.total - this.done) / r) * 1000 : Infinity;
  }
}

/** On a terminal: a cli-progress bar (files done / total, rate, ETA, failures). */
class BarProgress implements Progress {
  private readonly tally: Tally;
  private readonly bar: cliProgress.SingleBar;

  constructor(stream: ProgressOptions['stream'], now: () => number) {
    this.tally = new Tally(now);
    this.bar = new cliProgress.SingleBar(
      {
        stream: stream as NodeJS.WritableStream,
        format: 'credence {bar} {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {failed} failed',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
  }
  start(total: number) {
    this.tally.begin(total);
    this.bar.start(total, 0, { rate: '0.0', failed: 0 });
  }
  tick(r: Pick<SourceResult, 'status'>) {
    this.tally.add(r);
    this.bar.increment(1, { rate: this.tally.rate().toFixed(1), failed: this.tally.failed });
  }
  stop() {
    this.bar.stop();
  }
}

/** Not a terminal (CI logs, pipes): a plain line every so often, and one at the end. */
class LineProgress implements Progress {
  private readonly tally: Tally;
  private last = 0;

  constructor(
    private readonly stream: ProgressOptions['stream'],
    private readonly now: () => number,
    private readonly intervalMs: number,
  ) {
    this.tally = new Tally(now);
  }
  private line(prefix: string, final = false) {
    const t = this.tally;
    const pct = t.total ? Math.floor((t.done * 100) / t.total) : 100;
    const eta = !final && t.done < t.total && Number.isFinite(t.eta()) ? `, ETA ${seconds(t.eta())}` : '';
    this.stream.write(`credence: ${prefix}${t.done}/${t.total} files (${pct}%), ${t.rate().toFixed(1)} files/s${eta}, ${t.failed} failed\n`);
  }
  start(total: number) {
    this.tally.begin(total);
    this.last = this.now();
  }
  tick(r: Pick<SourceResult, 'status'>) {
    this.tally.add(r);
    if (this.now() - this.last >= this.intervalMs && this.tally.done < this.tally.total) {
      this.last = this.now();
      this.line('');
    }
  }
  stop(interrupted = false) {
    this.line(interrupted ? 'interrupted after ' : 'done: ', true);
  }
}

export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet) return silent;
  const now = options.now ?? (() => performance.now());
  return options.stream.isTTY ? new BarProgress(options.stream, now) : new LineProgress(options.stream, now, options.intervalMs ?? 10_000);
}

export const noProgress = silent;
