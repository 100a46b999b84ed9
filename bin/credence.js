#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on `npm ci`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('credence: not built yet; run `npm ci` (or `npm run build`) first.\n');
  process.exit(2);
}
// V8's settings first, before the CLI's modules are evaluated: V8 can crash when they change while
// its compiler has work in flight (see src/runtime/v8-tuning.ts).
const { tuneV8 } = await import(new URL('../dist/src/runtime/v8-tuning.js', import.meta.url).href);
tuneV8();
const { quietOnClosedPipe } = await import(new URL('../dist/src/runtime/closed-pipe.js', import.meta.url).href);
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
