// Suites that run the built CLI or worker threads need dist/. Jest runs suites in parallel
// processes, so the build happens once per test run: the first suite takes a lock and builds,
// the others wait for it; a stamp (per Jest parent process) says it is done.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/harness.js';

const run = promisify(execFile);
const tag = createHash('sha1').update(ROOT).digest('hex').slice(0, 10);
const lock = path.join(tmpdir(), `credence-build-${tag}.lock`);
const stamp = path.join(tmpdir(), `credence-build-${tag}-${process.ppid}.done`);

export async function buildOnce(): Promise<void> {
  for (let waited = 0; waited < 300_000; waited += 250) {
    if (existsSync(stamp)) return;
    try {
      mkdirSync(lock);
    } catch {
      // A lock left by a killed run is older than any build takes.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 180_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      if (!existsSync(stamp)) {
        await run('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT });
        writeFileSync(stamp, new Date().toISOString());
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
  throw new Error(`timed out waiting for the build (lock ${lock})`);
}
