// The labelled evaluation corpus: documents, the key of their faults, the additions the project
// found itself, and the map from a label's category to the rules that cover it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const LabelSchema = z
  .object({
    category: z.string(),
    /** Occurs verbatim in the raw file (tags included where they fall inside it). */
    evidence: z.string().min(1),
    note: z.string(),
  })
  .strict();
export type Label = z.infer<typeof LabelSchema>;

export const KeyEntrySchema = z
  .object({
    doc: z.string(),
    clean: z.boolean(),
    expect: z.array(LabelSchema),
  })
  .strict();
export const KeySchema = z.array(KeyEntrySchema);

/** Faults the key did not name, found while reviewing unlabelled findings (the key stays as given). */
export const AdditionsSchema = z.array(
  z
    .object({
      doc: z.string(),
      expect: z.array(LabelSchema),
    })
    .strict(),
);

/** Category → the rules whose findings count for it (a split rule maps to every part). */
export const CategoriesSchema = z.record(z.string(), z.array(z.string()).min(1));
export type Categories = z.infer<typeof CategoriesSchema>;

export interface CorpusDoc {
  name: string;
  bytes: Uint8Array;
  clean: boolean;
  /** The key's labels, then the additions', each marked with where it comes from. */
  labels: Array<Label & { origin: 'key' | 'addition' }>;
}

export interface EvalCorpus {
  dir: string;
  docs: CorpusDoc[];
  categories: Categories;
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Read a corpus folder: docs/, key.json, categories.json and (optionally) additions.json. */
export function loadCorpus(dir: string): EvalCorpus {
  const key = readJson(path.join(dir, 'key.json'), KeySchema);
  const categories = readJson(path.join(dir, 'categories.json'), CategoriesSchema);
  const additionsFile = path.join(dir, 'additions.json');
  const additions = readdirSync(dir).includes('additions.json') ? readJson(additionsFile, AdditionsSchema) : [];
  const files = new Set(readdirSync(path.join(dir, 'docs')));
  const docs: CorpusDoc[] = key.map((entry) => {
    if (!files.has(entry.doc)) throw new Error(`${dir}/key.json: no document docs/${entry.doc}`);
    return {
      name: entry.doc,
      bytes: new Uint8Array(readFileSync(path.join(dir, 'docs', entry.doc))),
      clean: entry.clean,
      labels: entry.expect.map((l) => ({ ...l, origin: 'key' as const })),
    };
  });
  const byName = new Map(docs.map((d) => [d.name, d]));
  for (const a of additions) {
    const doc = byName.get(a.doc);
    if (!doc) throw new Error(`${additionsFile}: no document ${a.doc} in the key`);
    doc.labels.push(...a.expect.map((l) => ({ ...l, origin: 'addition' as const })));
  }
  const text = (d: CorpusDoc) => new TextDecoder().decode(d.bytes);
  for (const d of docs) {
    for (const l of d.labels) {
      if (!categories[l.category]) throw new Error(`${d.name}: category "${l.category}" is not in categories.json`);
      if (!text(d).includes(l.evidence)) throw new Error(`${d.name}: evidence not found verbatim: ${JSON.stringify(l.evidence)}`);
    }
  }
  return { dir, docs, categories };
}
