import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Extensions taken from folders; files named explicitly are taken whatever their name. */
export const DEFAULT_EXTENSIONS = ['txt', 'text', 'html', 'htm', 'xhtml', 'md'];

export type Input = { kind: 'file'; path: string } | { kind: 'stdin' } | { kind: 'missing'; path: string; message: string };

export interface ExpandOptions {
  extensions?: string[];
  cwd?: string;
}

/**
 * Expand CLI inputs into files: `-` is standard input, folders are walked recursively (symbolic
 * links are not followed, so a link loop cannot trap the walk), glob patterns are expanded.
 * The result is sorted and de-duplicated so runs are reproducible.
 */
export async function expandInputs(inputs: string[], options: ExpandOptions = {}): Promise<Input[]> {
  const cwd = options.cwd ?? process.cwd();
  const exts = options.extensions ?? DEFAULT_EXTENSIONS;
  const out: Input[] = [];
  const seen = new Set<string>();
  const addFile = (p: string) => {
    const abs = path.resolve(cwd, p);
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ kind: 'file', path: abs });
  };
  for (const input of inputs) {
    if (input === '-') {
      out.push({ kind: 'stdin' });
      continue;
    }
    const abs = path.resolve(cwd, input);
    let loop = false;
    const st = await stat(abs).catch((err: NodeJS.ErrnoException) => {
      loop = err.code === 'ELOOP';
      return null;
    });
    if (st?.isDirectory()) {
      const pattern = exts.length === 1 ? `**/*.${exts[0]}` : `**/*.{${exts.join(',')}}`;
      const files = await glob(pattern, { cwd: abs, absolute: true, onlyFiles: true, followSymbolicLinks: false, dot: false });
      files.sort().forEach(addFile);
      if (files.length === 0) out.push({ kind: 'missing', path: abs, message: `no documents (${exts.map((e) => '.' + e).join(', ')}) in folder` });
    } else if (st) {
      addFile(abs);
    } else if (isDynamicPattern(input)) {
      const files = await glob(input, { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: false });
      files.sort().forEach(addFile);
      if (files.length === 0) out.push({ kind: 'missing', path: input, message: 'the pattern matches no file' });
    } else {
      out.push({ kind: 'missing', path: abs, message: loop ? 'a symbolic link loop' : 'no such file or folder' });
    }
  }
  return out;
}
