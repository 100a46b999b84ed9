import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { createProgress } from './batch/progress.js';
import { parseShard, type Shard } from './batch/shard.js';
import { stopOnSignals } from './batch/signals.js';
import { ConfigError, loadConfig, resolveRules } from './engine/config.js';
import { loadRules } from './engine/loader.js';
import { configFor, DEFAULT_JOBS, DEFAULT_TIMEOUT_MS, runAudit, VERSION, type OutputFormat, type RunReport, type TextSink } from './run/audit.js';
import { PACKAGE_ROOT, rulePagePath } from './report/docs-links.js';
import { mergeShards } from './run/merge.js';
import { tuneV8ForWorkers } from './runtime/v8-tuning.js';
import { FailOnSchema, type FailOn } from './schema/config.js';
import type { AuditResult } from './schema/result.js';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const FORMATS: OutputFormat[] = ['html', 'json', 'text', 'sarif'];

const HELP_FOOTER = `
Exit codes:
  0  the gate passes: no new finding reaches --fail-on, warnings within --max-warnings, every
     score at or above --min-score (findings accepted by --baseline do not count)
  1  the gate fails: a finding reaches --fail-on, too many warnings, or a score below --min-score
  2  usage or config error, an input could not be audited (missing, unreadable, empty, binary,
     too large, over the time budget, crashed), or the run was interrupted (Ctrl-C)

Examples:
  credence audit seeds --out reports
  credence audit 'corpus/**/*.html' --format json,sarif --fail-on warning --jobs 8
  credence audit corpus --baseline credence-baseline.json --max-warnings 0
  credence audit corpus --shard 2/4 --out shard-2 && credence merge shard-* --out reports
  cat page.html | credence audit - --format text
  credence rules`;

function parseFormats(value: string): OutputFormat[] {
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const f of list)
    if (!FORMATS.includes(f as OutputFormat))
      throw new CommanderError(EXIT.usage, 'credence.format', `unknown format "${f}" (choose from ${FORMATS.join(', ')})`);
  return list as OutputFormat[];
}

function parseWhole(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new CommanderError(EXIT.usage, 'credence.number', `expected a whole number ≥ ${min}, got "${value}"`);
    return n;
  };
}

function parseScore(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new CommanderError(EXIT.usage, 'credence.number', `expected a score from 0 to 100, got "${value}"`);
  return n;
}

function parseShardFlag(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new CommanderError(EXIT.usage, 'credence.shard', `--shard expects i/n with 1 ≤ i ≤ n (e.g. 2/4), got "${value}"`);
  return shard;
}

/** What the quality gate checks, besides unreadable inputs and interruption. */
export interface Gate {
  failOn: FailOn;
  maxWarnings?: number;
  minScore?: number;
}

/**
 * The exit code of a finished run and why: inputs that could not be audited or an interrupted run
 * first (2), then the gate (1). Accepted (baselined) findings are already left out of the counts.
 */
export function judge(result: AuditResult, gate: Gate): { code: number; reasons: string[] } {
  const s = result.summary;
  if (s.failed > 0 || result.interrupted || s.engine > 0) {
    const reasons = [];
    if (s.failed) reasons.push(`${s.failed} source${s.failed === 1 ? '' : 's'} could not be audited`);
    if (s.engine)
      reasons.push(
        `${s.engine} rule failure${s.engine === 1 ? '' : 's'} (a defect in credence, listed as engine/rule-error findings): those sources were not fully audited`,
      );
    if (result.interrupted) reasons.push('the run was interrupted or is incomplete');
    return { code: EXIT.usage, reasons };
  }
  const reasons: string[] = [];
  const c = s.counts;
  const hit = gate.failOn === 'never' ? 0 : gate.failOn === 'error' ? c.error : gate.failOn === 'warning' ? c.error + c.warning : c.error + c.warning + c.info;
  if (hit > 0) reasons.push(`${hit} finding${hit === 1 ? '' : 's'} at or above --fail-on ${gate.failOn}`);
  if (gate.maxWarnings !== undefined && c.warning > gate.maxWarnings)
    reasons.push(`${c.warning} warning${c.warning === 1 ? '' : 's'}, more than --max-warnings ${gate.maxWarnings}`);
  if (gate.minScore !== undefined) {
    const low = result.sources.filter((src) => src.score && src.score.value < gate.minScore!);
    if (low.length) {
      const shown = low.slice(0, 5).map((src) => `${src.name} (${src.score!.value})`);
      reasons.push(
        `${low.length} source${low.length === 1 ? '' : 's'} scored below --min-score ${gate.minScore}: ${shown.join(', ')}${low.length > 5 ? ', …' : ''}`,
      );
    }
  }
  return { code: reasons.length ? EXIT.findings : EXIT.ok, reasons };
}

/** Exit code for a finished audit with only a --fail-on threshold. */
export function exitCodeFor(result: AuditResult, failOn: FailOn): number {
  return judge(result, { failOn }).code;
}

interface CommonFlags {
  out: string;
  format: OutputFormat[];
  config?: string;
  failOn?: FailOn;
  quiet?: boolean;
  color?: boolean;
  baseline?: string;
  writeBaseline?: string;
  pruneBaseline?: boolean;
  maxWarnings?: number;
  minScore?: number;
}

interface AuditFlags extends CommonFlags {
  maxBytes?: number;
  ext?: string;
  jobs: number;
  timeoutMs: number;
  shard?: Shard;
  progress?: boolean;
}

type Io = { out: NodeJS.WritableStream & { isTTY?: boolean }; err: NodeJS.WritableStream & { isTTY?: boolean } };

/** Options shared by `audit` and `merge`: outputs, config and the quality gate. */
function addCommonOptions(cmd: Command): Command {
  return cmd
    .option('-o, --out <dir>', 'folder for HTML reports, index.html, audit.json and audit.sarif', 'reports')
    .option('-f, --format <list>', `comma-separated outputs: ${FORMATS.join(', ')}`, parseFormats, ['html', 'json', 'text'] as OutputFormat[])
    .option('-c, --config <file>', 'config file (default: ./credence.config.json if present)')
    .addOption(new Option('--fail-on <level>', 'lowest severity that fails the run (default error)').choices(FailOnSchema.options))
    .option('--max-warnings <n>', 'fail when there are more than n warnings (not counting accepted ones)', parseWhole(0))
    .option('--min-score <n>', 'fail when a source scores below n (0–100)', parseScore)
    .option('--baseline <file>', 'accept the findings recorded in this file: only new findings count')
    .option('--write-baseline <file>', 'record the current findings as the accepted ones')
    .option('--prune-baseline', 'remove stale entries (that no longer match) from the --baseline file')
    .option('-q, --quiet', 'no terminal report or progress, only the summary line')
    .option('--no-color', 'no colours in terminal output');
}

/** Print what a run leaves to say on stderr, and the terminal report's summary, and decide the exit code. */
function conclude(report: RunReport, flags: CommonFlags, failOn: FailOn, io: Io): number {
  const { result } = report;
  for (const s of result.sources) if (s.status === 'error') io.err.write(`credence: ${s.name}: ${s.error?.message}\n`);
  for (const note of report.notes) io.err.write(`credence: ${note}\n`);
  const stale = report.baseline?.stale ?? [];
  if (stale.length) {
    io.err.write(
      `credence: baseline ${report.baseline!.file}: ${stale.length} stale entr${stale.length === 1 ? 'y' : 'ies'} no longer match a finding${flags.pruneBaseline ? ' (removed)' : ' (--prune-baseline removes them)'}:\n`,
    );
    for (const e of stale.slice(0, 20))
      io.err.write(`  ${e.source}  ${e.ruleId}  ${e.fingerprint}${e.count > 1 ? ` ×${e.count}` : ''}${e.message ? `  ${e.message.slice(0, 100)}` : ''}\n`);
    if (stale.length > 20) io.err.write(`  … and ${stale.length - 20} more (see audit.json "baseline.stale")\n`);
  }
  const verdict = judge(result, { failOn, maxWarnings: flags.maxWarnings, minScore: flags.minScore });
  if (verdict.code === EXIT.findings && (flags.maxWarnings !== undefined || flags.minScore !== undefined)) {
    for (const r of verdict.reasons) io.err.write(`credence: gate failed: ${r}\n`);
  }
  return verdict.code;
}

function textSink(flags: CommonFlags, io: Io): TextSink | undefined {
  if (!flags.format.includes('text') && !flags.quiet) return undefined;
  return (chunk, part) => {
    if (!flags.quiet || part === 'summary') io.out.write(chunk);
  };
}

/** The command line, as a function: returns the exit code, prints to the given streams. */
export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('credence')
    .description('Audit scraped market-research reports for internal contradictions and credibility problems.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError()
    .addHelpText('after', HELP_FOOTER);

  const auditCmd = program
    .command('audit', { isDefault: true })
    .description('audit files, folders (recursive), glob patterns or - (standard input)')
    .argument('[paths...]', 'inputs', []);
  addCommonOptions(auditCmd)
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores; 0 = in the main thread, without a time budget)', parseWhole(0), DEFAULT_JOBS)
    .option('--timeout-ms <n>', 'time budget per file in ms; a file over it is stopped and reported', parseWhole(1), DEFAULT_TIMEOUT_MS)
    .option('--max-bytes <n>', 'skip files larger than this, without reading them (default 8 MiB)', parseWhole(1))
    .option('--ext <list>', 'file extensions taken from folders (default txt,text,html,htm,xhtml,md)')
    .option('--shard <i/n>', 'audit only shard i of n (a stable split by path); combine with `credence merge`', parseShardFlag)
    .option('--no-progress', 'no progress bar or progress lines on stderr')
    .option('--entities', 'include named entities (places, organisations, money, percentages, dates) in the results; slower')
    .addHelpText('after', HELP_FOOTER)
    .action(async (paths: string[], flags: AuditFlags & { entities?: boolean }) => {
      if (paths.length === 0) throw new CommanderError(EXIT.usage, 'credence.noInput', 'error: no input given (files, folders, globs or - for standard input)');
      if (flags.pruneBaseline && !flags.baseline) throw new CommanderError(EXIT.usage, 'credence.prune', '--prune-baseline needs --baseline FILE');
      const loaded = await configFor({ configPath: flags.config });
      const config = flags.entities ? { ...loaded, entities: true } : loaded;
      const controller = new AbortController();
      const dispose = stopOnSignals(controller, (line) => io.err.write(line));
      tuneV8ForWorkers(flags.jobs);
      try {
        const report = await runAudit(paths, {
          out: flags.out,
          formats: flags.format,
          config,
          configPath: flags.config,
          maxBytes: flags.maxBytes,
          extensions: flags.ext?.split(',').map((e) => e.trim().replace(/^\./, '')),
          jobs: flags.jobs,
          timeoutMs: flags.timeoutMs,
          shard: flags.shard,
          baseline: flags.baseline,
          writeBaseline: flags.writeBaseline,
          pruneBaseline: flags.pruneBaseline,
          signal: controller.signal,
          progress: createProgress({ stream: io.err, quiet: flags.quiet || flags.progress === false }),
          text: textSink(flags, io),
          colour: flags.color !== false && Boolean(io.out.isTTY),
        });
        code = conclude(report, flags, flags.failOn ?? config.failOn ?? 'error', io);
      } finally {
        dispose();
      }
    });

  const mergeCmd = program
    .command('merge')
    .description('combine the output folders of sharded runs (their audit.json and reports) into one, running the cross-source rules')
    .argument('<dirs...>', 'output folders of `credence audit --shard i/n`');
  addCommonOptions(mergeCmd)
    .addHelpText('after', HELP_FOOTER)
    .action(async (dirs: string[], flags: CommonFlags) => {
      if (flags.pruneBaseline && !flags.baseline) throw new CommanderError(EXIT.usage, 'credence.prune', '--prune-baseline needs --baseline FILE');
      const config = await configFor({ configPath: flags.config });
      const report = await mergeShards(dirs, {
        out: flags.out,
        formats: flags.format,
        configPath: flags.config,
        baseline: flags.baseline,
        writeBaseline: flags.writeBaseline,
        pruneBaseline: flags.pruneBaseline,
        text: textSink(flags, io),
        colour: flags.color !== false && Boolean(io.out.isTTY),
      });
      code = conclude(report, flags, flags.failOn ?? config.failOn ?? 'error', io);
    });

  program
    .command('rules')
    .description('list the rules with their default severity, description and documentation page')
    .option('-c, --config <file>', 'show the severities a config sets')
    .action(async (flags: { config?: string }) => {
      const rules = await loadRules();
      const config = flags.config ? await loadConfig(flags.config) : { rules: {} };
      const active = new Map(resolveRules(rules, config, flags.config).map((r) => [r.rule.id, r.severity]));
      const width = Math.max(...rules.map((r) => r.id.length));
      for (const r of rules) {
        const sev = active.get(r.id) ?? 'off';
        // Each rule's page (options, examples) under its line: relative when it lies below the working folder.
        const page = path.join(PACKAGE_ROOT, rulePagePath(r.id));
        const shown = path.relative(process.cwd(), page);
        io.out.write(`${r.id.padEnd(width)}  ${sev.padEnd(7)}  ${r.description}\n${' '.repeat(width + 11)}${shown.startsWith('..') ? page : shown}\n`);
      }
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      if (err.code.startsWith('credence.')) io.err.write(`credence: ${err.message.replace(/^error: /, '')}\n`);
      return EXIT.usage;
    }
    if (err instanceof ConfigError) {
      io.err.write(`credence: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  return code;
}
