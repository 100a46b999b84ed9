import { Command, CommanderError, Option } from 'commander';
import { ConfigError, loadConfig, resolveRules } from './engine/config.js';
import { loadRules } from './engine/loader.js';
import { formatText } from './report/text.js';
import { audit, configFor, type OutputFormat, VERSION } from './run/audit.js';
import { FailOnSchema, type FailOn } from './schema/config.js';
import type { AuditResult } from './schema/result.js';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const FORMATS: OutputFormat[] = ['html', 'json', 'text', 'sarif'];

const HELP_FOOTER = `
Exit codes:
  0  no finding reaches --fail-on
  1  at least one finding reaches --fail-on
  2  usage or config error, or an input could not be read (missing, unreadable, empty, binary, too large)

Examples:
  credence audit seeds --out reports
  credence audit 'corpus/**/*.html' --format json --fail-on warning
  cat page.html | credence audit - --format text
  credence rules`;

function parseFormats(value: string): OutputFormat[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!FORMATS.includes(f as OutputFormat)) throw new CommanderError(EXIT.usage, 'credence.format', `unknown format "${f}" (choose from ${FORMATS.join(', ')})`);
  return list as OutputFormat[];
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CommanderError(EXIT.usage, 'credence.number', `expected a positive whole number, got "${value}"`);
  return n;
}

/** Exit code for a finished audit: unreadable inputs first (2), then findings at or above --fail-on (1). */
export function exitCodeFor(result: AuditResult, failOn: FailOn): number {
  if (result.summary.failed > 0) return EXIT.usage;
  if (failOn === 'never') return EXIT.ok;
  const c = result.summary.counts;
  const hit = failOn === 'error' ? c.error : failOn === 'warning' ? c.error + c.warning : c.error + c.warning + c.info;
  return hit > 0 ? EXIT.findings : EXIT.ok;
}

interface AuditFlags {
  out: string;
  format: OutputFormat[];
  config?: string;
  failOn?: FailOn;
  maxBytes?: number;
  ext?: string;
  quiet?: boolean;
  color?: boolean;
}

/** The command line, as a function: returns the exit code, prints to the given streams. */
export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('credence')
    .description('Audit scraped market-research reports for internal contradictions and credibility problems.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError()
    .addHelpText('after', HELP_FOOTER);

  program
    .command('audit', { isDefault: true })
    .description('audit files, folders (recursive), glob patterns or - (standard input)')
    .argument('[paths...]', 'inputs', [])
    .option('-o, --out <dir>', 'folder for HTML reports, index.html and audit.json', 'reports')
    .option('-f, --format <list>', `comma-separated outputs: ${FORMATS.join(', ')}`, parseFormats, ['html', 'json', 'text'] as OutputFormat[])
    .option('-c, --config <file>', 'config file (default: ./credence.config.json if present)')
    .addOption(new Option('--fail-on <level>', 'lowest severity that fails the run').choices(FailOnSchema.options))
    .option('--max-bytes <n>', 'skip files larger than this (default 8 MiB)', parsePositiveInt)
    .option('--ext <list>', 'file extensions taken from folders (default txt,text,html,htm,xhtml,md)')
    .option('-q, --quiet', 'no terminal report, only the summary line')
    .option('--no-color', 'no colours in terminal output')
    .action(async (paths: string[], flags: AuditFlags) => {
      if (paths.length === 0) throw new CommanderError(EXIT.usage, 'credence.noInput', 'error: no input given (files, folders, globs or - for standard input)');
      const config = await configFor({ configPath: flags.config });
      const result = await audit(paths, {
        out: flags.out,
        formats: flags.format,
        config,
        configPath: flags.config,
        maxBytes: flags.maxBytes,
        extensions: flags.ext?.split(',').map((e) => e.trim().replace(/^\./, '')),
      });
      if (flags.format.includes('text') || flags.quiet) {
        const text = formatText(result, flags.color !== false && Boolean((io.out as NodeJS.WriteStream).isTTY));
        io.out.write(flags.quiet ? text.split('\n').filter((l) => l.startsWith('✖') || l.includes('✖')).join('\n') + '\n' : text);
      }
      for (const s of result.sources) if (s.status === 'error') io.err.write(`credence: ${s.name}: ${s.error?.message}\n`);
      code = exitCodeFor(result, flags.failOn ?? config.failOn ?? 'error');
    });

  program
    .command('rules')
    .description('list the rules with their default severity and description')
    .option('-c, --config <file>', 'show the severities a config sets')
    .action(async (flags: { config?: string }) => {
      const rules = await loadRules();
      const config = flags.config ? await loadConfig(flags.config) : { rules: {} };
      const active = new Map(resolveRules(rules, config, flags.config).map((r) => [r.rule.id, r.severity]));
      const width = Math.max(...rules.map((r) => r.id.length));
      for (const r of rules) {
        const sev = active.get(r.id) ?? 'off';
        io.out.write(`${r.id.padEnd(width)}  ${sev.padEnd(7)}  ${r.description}\n`);
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
