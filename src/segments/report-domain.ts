import type { DocumentModel } from '../schema/document.js';
import type { BlockRange } from './breakdowns.js';
import type { DocumentScan } from '../lexicon/document-scan.js';
import type { WordHit } from '../matching/word-scan.js';
import { DOMAIN_TERMS, DOMAINS, RELATED, SETTINGS, type Domain, type DomainTerm, type TermSense } from '../lexicon/domains.js';

/** Where a title or heading word counts more than a word of body text. */
const WEIGHT = { title: 5, heading: 2, body: 1 } as const;
/** One block adds at most this many hits per domain, so one long paragraph cannot decide alone. */
const HITS_PER_BLOCK = 3;
/** Total characters read for the inference. */
const MAX_CHARS = 2_000_000;

export interface DomainInferenceOptions {
  /** Weighted evidence a domain needs to count at all. */
  minScore: number;
  /** A specific domain counts when it has at least this share of the best specific domain's score. */
  activeShare: number;
}

export interface ReportDomains {
  scores: ReadonlyMap<string, number>;
  /** Domains the report is about (specific ones and umbrellas with enough evidence). */
  active: ReadonlySet<string>;
  /** Specific (non-umbrella) active domains, best first: what the report is said to be about. */
  primary: Domain[];
  /** The strongest piece of evidence per domain (a title or heading phrase when there is one). */
  evidence: ReadonlyMap<string, BlockRange>;
  /** Domains whose indications and industries fit the report. */
  related: ReadonlySet<string>;
  /** Specialties whose care settings fit the report. */
  settings: ReadonlySet<string>;
}

// A phrase's senses are shared by all its hits, so what they reveal is worked out once per phrase.
const revealed = new WeakMap<ReadonlyArray<TermSense>, readonly string[]>();

/** The distinct domains a phrase reveals, in lexicon order. */
function revealedDomains(senses: ReadonlyArray<TermSense>): readonly string[] {
  let domains = revealed.get(senses);
  if (!domains) {
    // Specialty words ("skin", "eye", "blood") qualify settings; they are too common to reveal a domain.
    domains = [...new Set(senses.filter((s) => s.role !== 'specialties').map((s) => s.domain))];
    revealed.set(senses, domains);
  }
  return domains;
}

/**
 * Infer a report's domain from its title, market name, headings and body vocabulary (the blocks'
 * vocabulary from the document's dictionary pass, `ctx.scan()`). Blocks in `exclude` (the segment
 * items being judged) are not read, so an off-domain item cannot vouch for itself.
 */
export function inferReportDomains(
  ctx: { doc: DocumentModel; scan(): Pick<DocumentScan, 'domainTerms'> },
  exclude: ReadonlySet<number>,
  options: DomainInferenceOptions,
): ReportDomains {
  const doc = ctx.doc;
  const scores = new Map<string, number>();
  const evidence = new Map<string, { range: BlockRange; weight: number }>();
  /** Score a hit; a hit in a block (not the market name) may become the domain's evidence. */
  const add = (domain: string, weight: number, block: number | null, hit: WordHit<DomainTerm>) => {
    scores.set(domain, (scores.get(domain) ?? 0) + weight);
    if (block === null) return;
    const best = evidence.get(domain);
    if (!best || weight > best.weight) evidence.set(domain, { range: { block, from: hit.from, to: hit.to }, weight });
  };
  const read = (hits: ReadonlyArray<WordHit<DomainTerm>>, weight: number, block: number | null) => {
    if (hits.length === 0) return;
    const perDomain = new Map<string, number>();
    for (const hit of hits) {
      for (const domain of revealedDomains(hit.data.senses)) {
        const n = (perDomain.get(domain) ?? 0) + 1;
        perDomain.set(domain, n);
        if (block === null || n <= HITS_PER_BLOCK) add(domain, weight, block, hit);
      }
    }
  };

  const { title, market } = doc.metadata;
  if (market) read(DOMAIN_TERMS.find(market), WEIGHT.title, null);
  // The document's vocabulary comes from its one dictionary pass; only a block cut short by the
  // budget is read again.
  const terms = ctx.scan().domainTerms;
  let budget = MAX_CHARS;
  doc.blocks.forEach((b, position) => {
    if (budget <= 0 || exclude.has(b.index)) return;
    const text = b.text.slice(0, budget);
    budget -= text.length;
    const weight = title !== null && b.text === title ? WEIGHT.title : b.kind === 'heading' ? WEIGHT.heading : WEIGHT.body;
    read(text.length === b.text.length ? terms[position] : DOMAIN_TERMS.find(text), weight, b.index);
  });

  const specific = [...scores.entries()].filter(([id]) => !DOMAINS.get(id)!.umbrella).sort((a, b) => b[1] - a[1]);
  const top = specific[0]?.[1] ?? 0;
  const active = new Set<string>();
  for (const [id, score] of scores) {
    const umbrella = DOMAINS.get(id)!.umbrella;
    if (score >= options.minScore && (umbrella || score >= options.activeShare * top)) active.add(id);
  }
  const primary = specific.filter(([id]) => active.has(id)).map(([id]) => DOMAINS.get(id)!);
  const related = new Set<string>();
  const settings = new Set<string>();
  for (const id of active) {
    RELATED.get(id)!.forEach((d) => related.add(d));
    SETTINGS.get(id)!.forEach((d) => settings.add(d));
  }
  return {
    scores,
    active,
    primary,
    evidence: new Map([...evidence].map(([id, e]) => [id, e.range])),
    related,
    settings,
  };
}
