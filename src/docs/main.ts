// npm run docs: write every rule's page (rules/<family>/<name>.md) and the index in rules/README.md
// from the rules' declarations. `--check` only lists what is out of date and fails if anything is.
import path from 'node:path';
import { loadRules } from '../engine/loader.js';
import { PACKAGE_ROOT } from '../report/docs-links.js';
import { staleDocs, writeDocs } from './generate.js';

const RULES_SOURCE = path.join(PACKAGE_ROOT, 'rules');

const rules = await loadRules();
const relative = (f: string) => path.relative(process.cwd(), f);
if (process.argv.includes('--check')) {
  const stale = staleDocs(rules, RULES_SOURCE);
  for (const f of stale) process.stdout.write(`out of date: ${relative(f)}\n`);
  if (stale.length) process.stdout.write('run `npm run docs` to regenerate them\n');
  process.exitCode = stale.length ? 1 : 0;
} else {
  const { written, removed } = writeDocs(rules, RULES_SOURCE);
  for (const f of written) process.stdout.write(`wrote ${relative(f)}\n`);
  for (const f of removed) process.stdout.write(`removed ${relative(f)} (no such rule)\n`);
  process.stdout.write(`${rules.length} rule pages; ${written.length} files written, ${removed.length} removed\n`);
}
