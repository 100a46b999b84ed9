// `npm run bench`. V8's settings are applied before any other module is evaluated, as the CLI's
// launcher applies them (see tuneV8), and the benchmark is imported after.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tuneV8 } from '../runtime/v8-tuning.js';

tuneV8();
const { args, bench, denseOnly, ROOT } = await import('./bench.js');

const a = args(process.argv.slice(2));
const sizes = [200 * 1024, 1024 * 1024, 5 * 1024 * 1024];
const log = (l: string) => process.stdout.write(l + '\n');
const results = a.denseOnly
  ? { dense: await denseOnly(sizes, a.seed ?? 20250101, log) }
  : await bench({
      docs: a.docs ?? 1000,
      rounds: 3,
      rssDocs: [500, ...(a.skipBig ? [] : [a.big ?? 5000])],
      sizes,
      seed: a.seed ?? 20250101,
      keep: a.keep ?? false,
      seedsDir: path.join(ROOT, 'seeds'),
      log,
    });
if (a.json) await writeFile(a.json, JSON.stringify(results, null, 2) + '\n');
