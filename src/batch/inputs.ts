import { stat } from 'node:fs/promises';
import path from 'node:path';
import { expandInputs } from '../ingest/inputs.js';
import { inShard, type Shard } from './shard.js';

/** One source the run will audit (or report as missing), with the names it is known by. */
export type PlannedInput =
  | { kind: 'file'; path: string; name: string; key: string }
  | { kind: 'stdin'; path: '-'; name: '<stdin>'; key: '-' }
  | { kind: 'missing'; path: string; name: string; key: string; message: string };

export interface PlanOptions {
  cwd?: string;
  extensions?: string[];
  shard?: Shard;
}

const posix = (p: string) => p.split(path.sep).join('/');

/** How a source is named in reports, baselines and SARIF: relative to the working folder when inside it. */
export function displayName(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? posix(rel) : posix(abs);
}

/**
 * Expand the command-line inputs into the list of sources, in a reproducible order, keeping only
 * the requested shard. Only paths are held here (a few hundred bytes per file), never contents:
 * files are read one at a time by whoever audits them.
 */
export async function planInputs(args: string[], options: PlanOptions = {}): Promise<PlannedInput[]> {
  const cwd = options.cwd ?? process.cwd();
  const seen = new Set<string>();
  const out: PlannedInput[] = [];
  for (const arg of args) {
    // A folder's files are keyed relative to that folder, so shards agree across machines whatever
    // the checkout path; files and globs relative to the working folder.
    const abs = path.resolve(cwd, arg);
    const root = arg !== '-' && (await stat(abs).catch(() => null))?.isDirectory() ? abs : cwd;
    for (const input of await expandInputs([arg], { cwd, extensions: options.extensions })) {
      let planned: PlannedInput;
      if (input.kind === 'stdin') planned = { kind: 'stdin', path: '-', name: '<stdin>', key: '-' };
      else if (input.kind === 'missing') {
        const p = path.resolve(cwd, input.path);
        planned = { kind: 'missing', path: p, name: displayName(p, cwd), key: posix(path.relative(cwd, p)), message: input.message };
      } else {
        if (seen.has(input.path)) continue;
        seen.add(input.path);
        planned = { kind: 'file', path: input.path, name: displayName(input.path, cwd), key: posix(path.relative(root, input.path)) };
      }
      if (inShard(planned.key, options.shard)) out.push(planned);
    }
  }
  return out;
}
