// `npm run eval`: audit every document of the labelled corpus and compare the findings with its key.
import { z } from 'zod';
import type { ResolvedRule } from '../engine/config.js';
import { auditBytes } from '../pipeline/audit-source.js';
import type { Finding } from '../schema/finding.js';
import type { Categories, CorpusDoc, EvalCorpus, Label } from './corpus.js';
import { findingMatches, occurrences } from './match.js';

const FindingLineSchema = z.object({
  doc: z.string(),
  ruleId: z.string(),
  severity: z.string(),
  line: z.number().nullable(),
  column: z.number().nullable(),
  message: z.string(),
});
const LabelLineSchema = z.object({ doc: z.string(), category: z.string(), origin: z.enum(['key', 'addition']), evidence: z.string(), note: z.string() });

export const EvalResultSchema = z.object({
  schema: z.literal('credence/eval'),
  version: z.literal(1),
  date: z.string(),
  corpus: z.string(),
  documents: z.number(),
  cleanDocuments: z.number(),
  categories: z.array(
    z.object({
      category: z.string(),
      rules: z.array(z.string()),
      labelled: z.number(),
      found: z.number(),
      /** Labels of the project's additions file (faults the key missed), counted apart. */
      added: z.number(),
      addedFound: z.number(),
    }),
  ),
  labelled: z.number(),
  found: z.number(),
  /** Found / labelled over the key's labels. */
  recall: z.number(),
  /** Error and warning findings on clean controls. */
  cleanAlarms: z.number(),
  /** Error and warning findings on labelled documents that match no label (key or additions). */
  unlabelled: z.number(),
  unlabelledPerDocument: z.number(),
  failed: z.array(z.object({ doc: z.string(), reason: z.string() })),
  misses: z.array(LabelLineSchema),
  cleanFindings: z.array(FindingLineSchema),
  unlabelledFindings: z.array(FindingLineSchema),
  perDocument: z.array(z.object({ doc: z.string(), clean: z.boolean(), labels: z.number(), found: z.number(), unlabelled: z.number() })),
});
export type EvalResult = z.infer<typeof EvalResultSchema>;

const loud = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

function lineOf(doc: string, f: Finding): z.infer<typeof FindingLineSchema> {
  return { doc, ruleId: f.ruleId, severity: f.severity, line: f.primary?.start.line ?? null, column: f.primary?.start.column ?? null, message: f.message };
}

interface DocOutcome {
  found: boolean[];
  unlabelled: Finding[];
  loud: Finding[];
  failed: string | null;
}

/** Which of a document's labels its findings hit, and which loud findings hit none. */
export function judgeDocument(doc: CorpusDoc, findings: Finding[], categories: Categories): Omit<DocOutcome, 'failed'> {
  const text = new TextDecoder().decode(doc.bytes);
  const where = doc.labels.map((l) => occurrences(text, l.evidence));
  const counts = (f: Finding, l: Label) => (categories[l.category] ?? []).includes(f.ruleId);
  const found = doc.labels.map((l, i) => findings.some((f) => counts(f, l) && findingMatches(f, l, where[i])));
  const matchesAny = (f: Finding) => doc.labels.some((l, i) => counts(f, l) && findingMatches(f, l, where[i]));
  const loudOnes = findings.filter(loud);
  return { found, loud: loudOnes, unlabelled: doc.clean ? [] : loudOnes.filter((f) => !matchesAny(f)) };
}

export function evaluate(corpus: EvalCorpus, rules: ResolvedRule[], date = new Date()): EvalResult {
  const outcomes = corpus.docs.map((doc): DocOutcome => {
    const { result } = auditBytes(doc.bytes, { path: doc.name, name: doc.name }, rules);
    if (result.status !== 'ok')
      return { found: doc.labels.map(() => false), unlabelled: [], loud: [], failed: `${result.error?.reason}: ${result.error?.message}` };
    return { ...judgeDocument(doc, result.findings, corpus.categories), failed: null };
  });
  const categories = Object.entries(corpus.categories).map(([category, ruleIds]) => {
    const row = { category, rules: ruleIds, labelled: 0, found: 0, added: 0, addedFound: 0 };
    corpus.docs.forEach((d, i) =>
      d.labels.forEach((l, j) => {
        if (l.category !== category) return;
        const hit = outcomes[i].found[j] ? 1 : 0;
        if (l.origin === 'key') {
          row.labelled++;
          row.found += hit;
        } else {
          row.added++;
          row.addedFound += hit;
        }
      }),
    );
    return row;
  });
  const labelled = categories.reduce((s, c) => s + c.labelled, 0);
  const found = categories.reduce((s, c) => s + c.found, 0);
  const labelledDocs = corpus.docs.filter((d) => !d.clean).length;
  const unlabelledFindings = corpus.docs.flatMap((d, i) => outcomes[i].unlabelled.map((f) => lineOf(d.name, f)));
  const cleanFindings = corpus.docs.flatMap((d, i) => (d.clean ? outcomes[i].loud.map((f) => lineOf(d.name, f)) : []));
  return {
    schema: 'credence/eval',
    version: 1,
    date: date.toISOString(),
    corpus: corpus.dir,
    documents: corpus.docs.length,
    cleanDocuments: corpus.docs.length - labelledDocs,
    categories,
    labelled,
    found,
    recall: labelled ? found / labelled : 1,
    cleanAlarms: cleanFindings.length,
    unlabelled: unlabelledFindings.length,
    unlabelledPerDocument: labelledDocs ? unlabelledFindings.length / labelledDocs : 0,
    failed: corpus.docs.flatMap((d, i) => (outcomes[i].failed ? [{ doc: d.name, reason: outcomes[i].failed! }] : [])),
    misses: corpus.docs.flatMap((d, i) =>
      d.labels.flatMap((l, j) => (outcomes[i].found[j] ? [] : [{ doc: d.name, category: l.category, origin: l.origin, evidence: l.evidence, note: l.note }])),
    ),
    cleanFindings,
    unlabelledFindings,
    perDocument: corpus.docs.map((d, i) => ({
      doc: d.name,
      clean: d.clean,
      labels: d.labels.length,
      found: outcomes[i].found.filter(Boolean).length,
      unlabelled: d.clean ? outcomes[i].loud.length : outcomes[i].unlabelled.length,
    })),
  };
}
