// The pool's worker thread: loads the rules once, then audits one source per task. Must run as
// built JavaScript (dist/src/batch/worker.js); the pool points at it.
import { workerData } from 'piscina';
import { createTaskEnv, runFileTask, type FileTask, type TaskEnv, type TaskOutcome, type TaskSettings } from './task.js';

let env: Promise<TaskEnv> | null = null;

export default async function auditTask(task: FileTask): Promise<TaskOutcome> {
  env ??= createTaskEnv(workerData as TaskSettings);
  const ready = await env;
  task.started?.postMessage('started');
  task.started?.close();
  delete task.started;
  return runFileTask(task, ready);
}
