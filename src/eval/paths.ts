import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// src/eval in the source tree, dist/src/eval in the build.
const ROOT = path.resolve(HERE, HERE.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');

export const PROJECT_ROOT = ROOT;
/** The project's copy of the labelled evaluation corpus. */
export const DEFAULT_CORPUS_DIR = path.join(ROOT, 'test', 'eval', 'corpus');
