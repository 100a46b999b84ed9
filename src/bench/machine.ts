import { readFileSync } from 'node:fs';

/** The machine's CPU time counters, summed over all its cores (Linux's /proc/stat, in clock ticks). */
export interface CpuTimes {
  /** Every state: user, nice, system, idle, iowait, irq, softirq, steal. */
  total: number;
  /** Time the hypervisor gave this machine's virtual CPUs to someone else. */
  steal: number;
  /** Time spent running anything (every state but idle, iowait and steal). */
  busy: number;
}

/**
 * Parse the aggregate "cpu" line of /proc/stat (see proc(5)): the eighth value is steal. Guest
 * time is already counted in user and nice, so it is left out of the total.
 */
export function parseProcStat(text: string): CpuTimes | null {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (values.length < 4 || values.some((v) => !Number.isFinite(v))) return null;
  const [, , , idle, iowait = 0, , , steal = 0] = values;
  const total = values.reduce((a, b) => a + b, 0);
  return { total, steal, busy: total - idle - iowait - steal };
}

/** The counters now, or null where /proc/stat cannot be read (not Linux). */
export function readCpuTimes(): CpuTimes | null {
  try {
    return parseProcStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return null;
  }
}

/** The share (0–1) of the machine's CPU time between two readings that one counter took, or null if unknown. */
function shareOf(counter: 'steal' | 'busy', before: CpuTimes | null, after: CpuTimes | null): number | null {
  if (!before || !after) return null;
  const total = after.total - before.total;
  return total > 0 ? (after[counter] - before[counter]) / total : null;
}

/** The share of the machine's CPU time stolen between two readings. */
export const stealShare = (before: CpuTimes | null, after: CpuTimes | null) => shareOf('steal', before, after);

/** The share of the machine's CPU time spent running anything between two readings. */
export const busyShare = (before: CpuTimes | null, after: CpuTimes | null) => shareOf('busy', before, after);
