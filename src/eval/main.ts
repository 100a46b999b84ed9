// `npm run eval [-- --corpus DIR] [--json FILE] [--config FILE] [--summary]`: recall per category,
// false alarms on clean controls and unlabelled findings on the labelled evaluation corpus.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig, resolveRules } from '../engine/config.js';
import { loadRules } from '../engine/loader.js';
import { loadCorpus } from './corpus.js';
import { evaluate } from './evaluate.js';
import { formatEval } from './format.js';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from './paths.js';

const program = new Command('eval')
  .option('--corpus <dir>', 'the labelled corpus', DEFAULT_CORPUS_DIR)
  .option('--json <file>', 'write the result as JSON', path.join(PROJECT_ROOT, 'reports', 'eval.json'))
  .option('-c, --config <file>', 'a credence config to evaluate with')
  .option('--summary', 'only the table, without the misses and unlabelled findings')
  .parse();
const o = program.opts<{ corpus: string; json: string; config?: string; summary?: boolean }>();

const config = o.config ? await loadConfig(o.config) : { rules: {} };
const rules = resolveRules(await loadRules(), config, o.config);
const result = evaluate(loadCorpus(o.corpus), rules);
process.stdout.write(formatEval(result, { details: !o.summary }) + '\n');
await mkdir(path.dirname(o.json), { recursive: true });
await writeFile(o.json, JSON.stringify(result, null, 2) + '\n');
process.stdout.write(`\nwritten: ${path.relative(process.cwd(), o.json)}\n`);
