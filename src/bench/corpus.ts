import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { detectFormat } from '../ingest/detect.js';
import { between, mulberry32, pick, type Rng } from './prng.js';

/**
 * A benchmark corpus made from example documents: each generated document takes the opening of
 * one example and recombines blocks of examples of the same format, with its figures varied, so
 * the corpus exercises every rule at a realistic mix of sizes.
 */
export interface Pool {
  format: 'html' | 'text';
  /** Opening units (title, first paragraphs) of one example. */
  head: string[];
  units: string[];
}

export interface Pools {
  html: Pool[];
  text: Pool[];
}

/** Split each example into units: lines for HTML (one element per line in scraped pages), paragraphs for text. */
export function loadPools(dir: string): Pools {
  const pools: Pools = { html: [], text: [] };
  for (const file of readdirSync(dir).sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const format = detectFormat(text);
    const units = (format === 'html' ? text.split('\n') : text.split(/\n\s*\n/)).map((u) => u.trimEnd()).filter((u) => u.trim().length > 0);
    if (units.length < 4) continue;
    pools[format].push({ format, head: units.slice(0, format === 'html' ? 2 : 3), units: units.slice(format === 'html' ? 2 : 3) });
  }
  return pools;
}

/** Vary a figure by up to ±30 %, keeping its number of decimals. */
function vary(rng: Rng, value: string): string {
  const decimals = value.includes('.') ? value.split('.')[1].length : 0;
  const n = Number(value) * (0.7 + rng() * 0.6);
  return n.toFixed(decimals);
}

/** Percentages and amounts changed; years left alone, so periods stay plausible. */
export function varyFigures(rng: Rng, text: string): string {
  return text
    .replace(/\b(\d{1,2}(?:\.\d{1,2})?)(\s?%)/g, (_, v: string, pct: string) => vary(rng, v) + pct)
    .replace(/\b(\d{1,4}(?:\.\d{1,2})?)(\s(?:billion|million|Bn|Mn)\b)/gi, (_, v: string, unit: string) => vary(rng, v) + unit);
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** The i-th document of a corpus: deterministic for (pools, seed, i). */
export function generateDocument(pools: Pools, seed: number, index: number): string {
  const rng = mulberry32(seed * 100_003 + index);
  const formats = (['html', 'text'] as const).filter((f) => pools[f].length > 0);
  const format = pick(rng, formats);
  const base = pick(rng, pools[format]);
  const all = pools[format].flatMap((p) => p.units);
  const count = between(rng, Math.min(8, all.length), Math.min(all.length, format === 'html' ? 70 : 120));
  // Keep the base example's own order for most of the body (templates survive), mix in the rest.
  const own = base.units.filter(() => rng() < 0.8);
  const borrowed = shuffled(rng, all).slice(0, Math.max(0, count - own.length));
  let body = [...own, ...borrowed].join(format === 'html' ? '\n' : '\n\n');
  if (rng() < 0.6) body = varyFigures(rng, body);
  return base.head.join(format === 'html' ? '\n' : '\n\n') + (format === 'html' ? '\n' : '\n\n') + body + '\n';
}

/** A document of about `bytes` bytes in the given format (for size scaling), built the same way. */
export function documentOfSize(pools: Pools, format: 'html' | 'text', bytes: number, seed: number): string {
  const rng = mulberry32(seed);
  const pool = pools[format].length ? pools[format] : pools[format === 'html' ? 'text' : 'html'];
  const sep = format === 'html' ? '\n' : '\n\n';
  const all = pool.flatMap((p) => p.units);
  const parts: string[] = [...pool[0].head];
  let size = parts.join(sep).length;
  while (size < bytes) {
    const unit = varyFigures(rng, pick(rng, all));
    parts.push(unit);
    size += unit.length + sep.length;
  }
  return parts.join(sep) + '\n';
}

/** Write `count` documents into `dir` (doc-00001.txt …); returns their paths and total size. */
export async function writeCorpus(dir: string, pools: Pools, count: number, seed: number): Promise<{ files: string[]; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = generateDocument(pools, seed, i);
    const file = path.join(dir, `doc-${String(i + 1).padStart(5, '0')}.txt`);
    await writeFile(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}
