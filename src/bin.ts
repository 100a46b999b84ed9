#!/usr/bin/env node
// The `credence` command. V8's settings come first, before the CLI's modules are evaluated: V8 can
// crash when they change while its compiler has work in flight (see runtime/v8-tuning.ts).
const { tuneV8 } = await import('./runtime/v8-tuning.js');
tuneV8();
const { quietOnClosedPipe } = await import('./runtime/closed-pipe.js');
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);
const { main } = await import('./cli.js');
process.exitCode = await main(process.argv.slice(2));
