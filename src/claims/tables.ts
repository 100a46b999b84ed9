// How the claim layer reads tables and "Name: value" lists. A key-value row ("Market Size in 2024 |
// USD 792.57 Billion") or item ("North America: 41%" under "Regional split (2022 revenue share)") is
// read as a sentence whose first words, its label, lie outside the value's block: the extractors see
// the label, and evidence falls in the value. A data table (rows of regions or segments, columns of
// years, a CAGR or a share) becomes claims cell by cell.
import type { Spans } from '../parse/spans.js';
import type { GrowthClaim, ShareClaim, SizeClaim, Subject } from '../schema/claims.js';
import type { DocumentModel, Sentence, Table, TableCell } from '../schema/document.js';
import { dimensionOf } from '../lexicon/dimension.js';
import { lookupPlace } from '../lexicon/gazetteer.js';
import { moneyIn, percentsIn, qualifierAt, stated } from './numbers.js';
import { segmentName } from './segments.js';

const YEAR = /^(?:FY\s?)?(19[5-9]\d|20\d\d)[A-Z]?$/i;
const RANGE = /\b(19[5-9]\d|20\d\d)\s*(?:-|–|—|to)\s*(19[5-9]\d|20\d\d)\b/;
const CAGR = /\bCAGR\b|\bcompound annual\b|\bgrowth rate\b/i;
const SHARE = /\bshare\b|\b% of\b|\bproportion\b|\bsplit\b/i;
/** A unit stated in a caption or header: "(USD Mn)", "Value (USD Billion)", "in US$ million". */
const UNIT_NOTE =
  /\b(USD|US\$|EUR|GBP|INR|JPY|CNY)?\s*\$?\s*(trillion|billion|million|thousand|bn|mn|mm|tn|crores?|lakhs?)\b|\b(USD|US\$|EUR|GBP|INR|JPY|CNY)\b/i;
const SCALE: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  billion: 1e9,
  bn: 1e9,
  million: 1e6,
  mn: 1e6,
  mm: 1e6,
  thousand: 1e3,
  crore: 1e7,
  crores: 1e7,
  lakh: 1e5,
  lakhs: 1e5,
};
const CURRENCY: Record<string, string> = { usd: 'USD', us$: 'USD', eur: 'EUR', gbp: 'GBP', inr: 'INR', jpy: 'JPY', cny: 'CNY' };
/** A row naming the whole: "Total", "Global", "World". */
const TOTAL = /^(?:total|global|world(?:wide)?|overall|all regions)\b/i;
/** A label that names an attribute of the market, not one of its parts: the row is a key-value pair. */
const ATTRIBUTE =
  /\b(?:market|size|cagr|growth|rate|value|revenue|volume|forecast|base|year|period|share|largest|fastest|dominant|leading|concentration|estimated|projected|historical)\b/i;
/** "Name: value" where the value opens with a figure. */
const NAME_VALUE = /^([^:]{2,60}):\s*(?=(?:about|around|approximately|over|nearly|~)?\s*(?:[$€£₹¥]|USD|US\$|EUR|GBP|INR|Rs\.?)?\s*\d)/i;

/** The role of a table claim's `sentence` evidence when it is the column's header cell. */
export const COLUMN_HEADER = 'column header';

export interface ReadAs {
  /** The blocks' own sentences, replaced by the key-value readings below (and by nothing for data tables). */
  replaced: Set<number>;
  sentences: Sentence[];
}

/** A sentence whose first words (a label) are outside its block: offsets into the block stay right. */
export function withLabel(label: string, block: number, text: string): Sentence {
  const prefix = `${label.replace(/[\s:]+$/, '')}: `;
  return { block, from: -prefix.length, to: text.length, text: prefix + text };
}

/** Grid lookup: the cell covering each row and column. */
function grid(t: Table): Array<Array<TableCell | undefined>> {
  const rows: Array<Array<TableCell | undefined>> = Array.from({ length: t.rows }, () => []);
  for (const c of t.cells) rows[c.row][c.col] = c;
  return rows;
}

const numeric = (text: string) =>
  /\d/.test(text) && !/[a-z]{4,}/i.test(text.replace(/\b(?:USD|US|EUR|GBP|INR|billion|million|trillion|thousand|bn|mn)\b/gi, ''));

/**
 * Key-value rows of tables and "Name: figure" list items, read with their label; and the tables
 * that are data tables, whose cells `tableClaims` reads.
 */
export function labelledReadings(doc: DocumentModel): ReadAs & { dataTables: Table[] } {
  const replaced = new Set<number>();
  const sentences: Sentence[] = [];
  const dataTables: Table[] = [];
  for (const t of doc.tables) {
    if (t.cells.length > 20_000) continue;
    const rows = grid(t);
    const keyValue = rows.filter((r) => r.filter((c) => c && c.text).length === 2 && r[0]?.text && r[1]?.text && r[1].blocks.length);
    const attributes = keyValue.filter((r) => ATTRIBUTE.test(r[0]!.text) && !numeric(r[0]!.text));
    if (t.cols === 2 && keyValue.length >= 1 && attributes.length * 2 >= keyValue.length) {
      for (const r of keyValue) {
        sentences.push(withLabel(r[0]!.text, r[1]!.blocks[0], r[1]!.text));
        for (const c of r) for (const b of c!.blocks) replaced.add(b);
      }
      continue;
    }
    if (t.rows >= 2 && t.cols >= 2 && t.cells.some((c) => c.col > 0 && /\d/.test(c.text))) {
      dataTables.push(t);
      for (const c of t.cells) for (const b of c.blocks) replaced.add(b);
    }
  }
  for (const list of doc.lists) {
    if (!list.label) continue;
    for (const item of list.items) {
      const b = doc.blocks[item.block];
      if (b.text.length > 200 || !NAME_VALUE.test(b.text)) continue;
      sentences.push(withLabel(list.label, b.index, b.text));
      replaced.add(b.index);
    }
  }
  sentences.sort((a, b) => a.block - b.block);
  return { replaced, sentences, dataTables };
}

interface ColumnMeaning {
  kind: 'size' | 'cagr' | 'share' | null;
  year: number | null;
  period: { from: number; to: number } | null;
}

/** What a header cell says its column holds. */
function columnMeaning(header: string, caption: string): ColumnMeaning {
  const year = YEAR.exec(header.trim());
  const range = RANGE.exec(header);
  if (CAGR.test(header)) return { kind: 'cagr', year: null, period: range ? { from: Number(range[1]), to: Number(range[2]) } : null };
  const yearIn = /\b(19[5-9]\d|20\d\d)\b/.exec(header) ?? /\b(19[5-9]\d|20\d\d)\b/.exec(caption);
  if (SHARE.test(header) || (SHARE.test(caption) && !year)) return { kind: 'share', year: yearIn ? Number(yearIn[1]) : null, period: null };
  if (year) return { kind: 'size', year: Number(year[1]), period: null };
  if (/\b(?:size|value|revenue|sales|market)\b/i.test(header)) return { kind: 'size', year: yearIn ? Number(yearIn[1]) : null, period: null };
  return { kind: null, year: null, period: null };
}

/** The unit and currency a caption or header states for bare numbers. */
function unitOf(text: string): { scale: number; currency: string; word: string } | null {
  const m = UNIT_NOTE.exec(text);
  if (!m) return null;
  const word = (m[2] ?? '').toLowerCase();
  const code = (m[1] ?? m[3] ?? 'USD').toLowerCase();
  return { scale: SCALE[word] ?? 1, currency: CURRENCY[code] ?? 'USD', word };
}

export interface TableContext {
  nextId: () => string;
  spans: Spans;
  /** What a row's label names (a region, a segment, the market…), or null. */
  nameSubject: (name: string) => Subject | null;
}

/** Claims of one data table: a size per row and year column, a CAGR per row, a share per cell of a share column. */
export function tableClaims(doc: DocumentModel, t: Table, ctx: TableContext): { growth: GrowthClaim[]; sizes: SizeClaim[]; shares: ShareClaim[] } {
  const out = { growth: [] as GrowthClaim[], sizes: [] as SizeClaim[], shares: [] as ShareClaim[] };
  const rows = grid(t);
  const caption = t.caption !== null ? doc.blocks[t.caption].text : '';
  // A two-column table without a header row ("Europe ..... 34%" under "Regional snapshot, 2023
  // (share of revenue)") takes its one column's meaning from its caption.
  const headerless = t.cols === 2 && caption !== '' && rows.every((r) => r[0] && !numeric(r[0].text) && (!r[1] || numeric(r[1].text)));
  const header = headerless ? [] : (rows[0] ?? []);
  const headerIsLabels = header.every((c) => !c || !numeric(c.text) || YEAR.test(c.text.trim()));
  if (!headerIsLabels) return out;
  const first = headerless ? 0 : 1;
  const columns = headerless ? t.cols : header.length;
  const corner = header[0]?.text ?? '';
  const yearRows = rows.slice(first).every((r) => !r[0] || YEAR.test(r[0].text.trim()));
  const tableUnit = unitOf(caption) ?? unitOf(corner);
  const labels = rows.slice(first).map((r) => r[0]?.text ?? '');
  const allPlaces = labels.filter(Boolean).every((l) => lookupPlace(l) !== null || TOTAL.test(l));
  const dimension = allPlaces ? 'region' : (dimensionOf(corner) ?? dimensionOf(caption) ?? 'unknown');
  const cellEvidence = (c: TableCell, from: number, to: number, role: string) => ctx.spans.of(c.blocks[0], from, to, role);
  // Other columns that label the rows (a country × segment table): a row is named by all its labels,
  // so two rows of one country are two subjects, not one country given two sizes.
  const labelColumns = header
    .map((h, c) =>
      c > 0 && columnMeaning(h?.text ?? '', caption).kind === null && rows.slice(first).every((row) => !row[c] || !numeric(row[c]!.text)) ? c : 0,
    )
    .filter((c) => c > 0);

  for (let r = first; r < rows.length; r++) {
    const label = rows[r][0];
    if (!label) continue;
    for (let col = 1; col < columns; col++) {
      const cell = rows[r][col];
      const head = header[col];
      if (!cell || !cell.blocks.length || !cell.text) continue;
      // Years down the first column: the row gives the year, the header what is measured (and of whom).
      const meaning = yearRows
        ? { ...columnMeaning(head?.text ?? '', caption), year: Number(YEAR.exec(label.text.trim())![1]) }
        : columnMeaning(head?.text ?? '', caption);
      if (!meaning.kind) continue;
      const named = yearRows ? ctx.nameSubject(head?.text || caption) : TOTAL.test(label.text) ? ctx.nameSubject('the market') : ctx.nameSubject(label.text);
      if (!named) continue;
      const subject = yearRows
        ? named
        : withRowLabels(
            named,
            labelColumns.map((c) => rows[r][c]?.text.trim() ?? ''),
          );
      const text = doc.blocks[cell.blocks[0]].text;
      // The statement a cell makes is its row's label and its column's header: the header is its "sentence".
      const sentence = head?.blocks.length ? ctx.spans.block(head.blocks[0], COLUMN_HEADER) : ctx.spans.block(cell.blocks[0], 'table cell');
      if (meaning.kind === 'cagr' || meaning.kind === 'share') {
        const p = percentsIn(text)[0] ?? bare(text, '%');
        if (!p) continue;
        const q = qualifierAt(text, p.from);
        const evidence = cellEvidence(cell, q.start, p.end, meaning.kind === 'cagr' ? 'growth rate' : 'share');
        if (meaning.kind === 'cagr') {
          out.growth.push({
            id: ctx.nextId(),
            kind: 'growth',
            measure: 'cagr',
            rate: p.value,
            rateTo: p.to,
            qualifier: p.to ? 'range' : q.qualifier,
            period: meaning.period ? { ...meaning.period, source: 'explicit' } : { from: null, to: null, source: 'none' },
            subject,
            dimension: subject.kind === 'region' ? 'region' : dimension === 'unknown' ? null : dimension,
            evidence,
            sentence,
          });
        } else if (subject.kind === 'region' || subject.kind === 'segment' || subject.kind === 'entity') {
          const name = label.text.trim();
          out.shares.push({
            id: ctx.nextId(),
            kind: 'share',
            segment: name,
            segmentKey: subject.kind === 'region' ? subject.key : `segment:${segmentName(name)}`,
            dimension,
            year: meaning.year,
            whole: 'market',
            share: p.value,
            qualifier: p.to ? 'range' : q.qualifier,
            role: /^(?:others?|rest of\b)/i.test(name) ? 'remainder' : 'segment',
            dominant: false,
            evidence,
            segmentEvidence: ctx.spans.block(label.blocks[0], 'segment'),
            sentence,
          });
        }
        continue;
      }
      const money = moneyIn(text)[0];
      const amount = money ?? (tableUnit ? bareAmount(text, tableUnit) : null);
      if (!amount || meaning.year === null) continue;
      out.sizes.push({
        id: ctx.nextId(),
        kind: 'size',
        value: amount.amount,
        currency: amount.currency,
        unitWord: amount.unitWord,
        qualifier: 'exact',
        year: meaning.year,
        role: 'unknown',
        subject,
        evidence: cellEvidence(cell, amount.from, amount.to, 'market size'),
        sentence,
      });
    }
  }
  return out;
}

/** A row's subject narrowed by its other labels ("United States" in the "Software" row is another subject than the country). */
function withRowLabels(subject: Subject, labels: string[]): Subject {
  const more = labels.filter(Boolean).join(', ');
  return more ? { ...subject, key: `${subject.key}|${more.toLowerCase()}`, label: `${subject.label} (${more})` } : subject;
}

/** A bare number in a cell ("1,200", "38") read as a percentage or in the table's unit. */
function bare(text: string, _unit: '%') {
  const m = /^\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,12}(?:\.\d{1,6})?)\s*$/.exec(text);
  return m ? { value: stated(m[1]), to: null, from: m.index + m[0].indexOf(m[1]), end: m.index + m[0].indexOf(m[1]) + m[1].length } : null;
}

function bareAmount(text: string, unit: { scale: number; currency: string; word: string }) {
  const m = /^\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,12}(?:\.\d{1,6})?)\s*$/.exec(text);
  if (!m) return null;
  const from = m[0].indexOf(m[1]);
  return { amount: stated(m[1], unit.scale), currency: unit.currency, unitWord: unit.word, from, to: from + m[1].length };
}
