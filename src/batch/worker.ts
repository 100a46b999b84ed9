// The pool's worker thread: loads the rules once, then audits one source per task. Must run as
// built JavaScript (dist/src/batch/worker.js); the pool points at it.
import { workerData } from 'piscina';
import { createTaskEnv, runFileTask, type FileTask, type TaskOutcome, type TaskSettings } from './task.js';

// Loaded as soon as the thread starts, while the coordinator is still preparing, not on the first
// task. A config the rules reject fails the coordinator first (it sends no task then); the catch
// only keeps that rejection from being reported as unhandled.
const env = createTaskEnv(workerData as TaskSettings);
env.catch(() => {});

export default async function auditTask(task: FileTask): Promise<TaskOutcome> {
  const ready = await env;
  task.started?.postMessage('started');
  task.started?.close();
  delete task.started;
  return runFileTask(task, ready);
}
