// `npm run new-rule`: the scaffold is written into a temporary project (a copy of rules/, with
// src/, node_modules/ and the test helpers linked), never into the real rules folder.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import ts from 'typescript';
import { exampleFindings } from '../../src/docs/examples.js';
import { rulePageFile } from '../../src/docs/generate.js';
import { parseRuleId, ScaffoldError, writeScaffold } from '../../src/docs/scaffold.js';
import { RULES_DIR } from '../../src/engine/loader.js';
import type { Rule } from '../../src/engine/rule.js';
import { ROOT } from '../helpers/harness.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'credence-new-rule-'));
  cpSync(RULES_DIR, path.join(root, 'rules'), { recursive: true });
  // The project's package.json makes the copied rules ES modules, as in the project.
  cpSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  symlinkSync(path.join(ROOT, 'src'), path.join(root, 'src'), 'dir');
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  mkdirSync(path.join(root, 'test'));
  symlinkSync(path.join(ROOT, 'test', 'helpers'), path.join(root, 'test', 'helpers'), 'dir');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run new-rule', () => {
  it.each([
    [undefined, /usage: npm run new-rule -- <family>\/<name>/],
    ['numbers', /"numbers" is not a rule id/],
    ['numbers/Part-Whole', /is not a rule id: give a family and a name in kebab-case/],
    ['numbers/part_whole', /is not a rule id/],
    ['numbers/_hidden', /is not a rule id/],
    ['numbers/part--whole', /is not a rule id/],
    ['numbers/part/whole', /is not a rule id/],
    ['../numbers', /is not a rule id/],
    ['data/regions', /"data" is not a rule family: rules\/data is reserved/],
    ['engine/rule-error', /"engine" is not a rule family/],
  ])('refuses %s with a clear message', (arg, message) => {
    expect(() => parseRuleId(arg)).toThrow(ScaffoldError);
    expect(() => parseRuleId(arg)).toThrow(message);
  });

  it('refuses an existing rule and writes nothing', () => {
    expect(() => writeScaffold('numbers/cagr-arithmetic', root)).toThrow(/numbers\/cagr-arithmetic exists already \(rules\/numbers\/cagr-arithmetic\.ts/);
    expect(existsSync(path.join(root, 'test', 'rules', 'numbers.cagr-arithmetic.test.ts'))).toBe(false);
  });

  describe('a new rule', () => {
    let files: string[];
    let rule: Rule;
    beforeAll(async () => {
      files = writeScaffold('numbers/scaffolded', root).files;
      rule = ((await import(pathToFileURL(path.join(root, 'rules', 'numbers', 'scaffolded.ts')).href)) as { default: Rule }).default;
    });

    it('is written with its test, and cannot be written twice', () => {
      expect(files).toEqual([path.join('rules', 'numbers', 'scaffolded.ts'), path.join('test', 'rules', 'numbers.scaffolded.test.ts')]);
      expect(() => writeScaffold('numbers/scaffolded', root)).toThrow(/exists already/);
    });

    it('is a complete rule whose examples hold', () => {
      expect(rule).toMatchObject({ id: 'numbers/scaffolded', scope: 'source', severity: 'warning' });
      expect(rule.options.parse({})).toEqual({ phrase: 'lorem ipsum' });
      expect(rule.options.safeParse({ phrase: '' }).success).toBe(false);
      const flagged = rule.examples.flagged.map((ex) => exampleFindings(rule, ex));
      expect(flagged).toEqual([[{ at: '3:22', severity: 'warning', messageId: 'found', message: '“lorem ipsum” appears in this sentence.' }]]);
      expect(rule.examples.clean.map((ex) => exampleFindings(rule, ex))).toEqual([[]]);
    });

    it('gets a page generated from it', () => {
      const page = rulePageFile(rule, path.join(root, 'rules'));
      expect(page.file).toBe(path.join(root, 'rules', 'numbers', 'scaffolded.md'));
      expect(page.content).toContain('# numbers/scaffolded');
      expect(page.content).toContain('| `phrase` | non-empty text | `"lorem ipsum"` | The phrase to report, as written (case matters). |');
    });

    it('compiles, with its test, under the project settings', () => {
      const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
      const program = ts.createProgram(
        files.map((f) => path.join(root, f)),
        { ...config.options, noEmit: true, rootDir: root },
      );
      const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(errors).toEqual([]);
    }, 60_000);

    it('passes the project’s formatting and lint checks as written', async () => {
      const eslint = new ESLint({ cwd: ROOT });
      for (const f of files) {
        const text = readFileSync(path.join(root, f), 'utf8');
        const inProject = path.join(ROOT, f);
        expect(await prettier.check(text, { ...(await prettier.resolveConfig(inProject)), filepath: inProject })).toBe(true);
        const [lint] = await eslint.lintText(text, { filePath: inProject });
        expect(lint.messages.map((m) => `${f}:${m.line} ${m.ruleId}: ${m.message}`)).toEqual([]);
      }
    }, 60_000);
  });
});
