// npm run new-rule -- <family>/<name>: write a rule from a template, its test, and (after building
// it) its page and the index entry, so that `npm test` passes from the first minute.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadRules } from '../engine/loader.js';
import { PACKAGE_ROOT } from '../report/docs-links.js';
import { writeDocs } from './generate.js';
import { ScaffoldError, scaffoldPaths, writeScaffold } from './scaffold.js';

let made;
try {
  made = writeScaffold(process.argv[2], PACKAGE_ROOT);
} catch (err) {
  if (!(err instanceof ScaffoldError)) throw err;
  process.stderr.write(`new-rule: ${err.message}\n`);
  process.exit(2);
}
for (const f of made.files) process.stdout.write(`wrote ${f}\n`);

// The page is generated from the built rule, as `npm run docs` does.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(PACKAGE_ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
const { written } = writeDocs(await loadRules(), path.join(PACKAGE_ROOT, 'rules'));
for (const f of written) process.stdout.write(`wrote ${path.relative(PACKAGE_ROOT, f)}\n`);

const paths = scaffoldPaths(made.rule);
process.stdout.write(
  `\nNext: write the check in ${paths.rule} (see rules/README.md, "How to write a rule"), its behaviour in ${paths.test},\n` +
    `then \`npm run docs\` to rewrite its page, and run its tests:\n` +
    `  NODE_OPTIONS='--experimental-vm-modules --disable-warning=ExperimentalWarning' npx jest ${paths.test} test/rules/examples.test.ts\n`,
);
