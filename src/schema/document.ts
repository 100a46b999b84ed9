import { z } from 'zod';
import { EvidenceSchema } from './position.js';

export const BlockKindSchema = z.enum(['heading', 'paragraph', 'listItem', 'tableCell']);
export type BlockKind = z.infer<typeof BlockKindSchema>;

/**
 * Offset map from block text to source: each anchor says text offset `t` is source offset `s`;
 * between anchors both advance together. Text produced by entity decoding or whitespace
 * collapsing starts a new anchor.
 */
export const AnchorSchema = z.tuple([z.number().int(), z.number().int()]);

export const BlockSchema = z.object({
  index: z.number().int(),
  kind: BlockKindSchema,
  /** Heading level 1–6; 0 for non-headings. */
  level: z.number().int().min(0).max(6),
  /** How a heading was recognised: markup (<h1>…), emphasis (<strong>-only paragraph), layout (plain text). */
  origin: z.enum(['markup', 'emphasis', 'layout']).optional(),
  text: z.string(),
  anchors: z.array(AnchorSchema),
  /** Source offsets covered by the block. */
  sourceStart: z.number().int(),
  sourceEnd: z.number().int(),
  section: z.number().int(),
  /** For list items: the list and position in it. */
  list: z.number().int().optional(),
  /** For table cells: the table. */
  table: z.number().int().optional(),
});
export type Block = z.infer<typeof BlockSchema>;

export const SectionSchema = z.object({
  index: z.number().int(),
  /** Heading block, or null for text before the first heading. */
  heading: z.number().int().nullable(),
  title: z.string(),
  level: z.number().int(),
  blocks: z.array(z.number().int()),
});
export type Section = z.infer<typeof SectionSchema>;

export const ListItemSchema = z.object({
  block: z.number().int(),
  /** Lists nested inside this item. */
  lists: z.array(z.number().int()),
});
export type ListItem = z.infer<typeof ListItemSchema>;

export const ListSchema = z.object({
  index: z.number().int(),
  /** The list's label: nearest heading, <strong> label or "…:" line, or the parent item for nested lists. */
  label: z.string().nullable(),
  labelBlock: z.number().int().nullable(),
  items: z.array(ListItemSchema),
  parent: z.object({ list: z.number().int(), item: z.number().int() }).nullable(),
  depth: z.number().int(),
  section: z.number().int(),
});
export type List = z.infer<typeof ListSchema>;

/** A table cell placed on the table's grid (row and column after row and column spans). */
export const TableCellSchema = z.object({
  row: z.number().int().min(0),
  col: z.number().int().min(0),
  rowspan: z.number().int().min(1),
  colspan: z.number().int().min(1),
  header: z.boolean(),
  /** Blocks holding the cell's text (none for an empty cell). */
  blocks: z.array(z.number().int()),
  /** The cell's text: its blocks' texts joined by a space. */
  text: z.string(),
});
export type TableCell = z.infer<typeof TableCellSchema>;

/** An HTML table, a plain-text pipe table or a run of "label ...... value" lines. */
export const TableSchema = z.object({
  index: z.number().int(),
  section: z.number().int(),
  /** The caption's block, or the heading or "…:" line just before the table. */
  caption: z.number().int().nullable(),
  rows: z.number().int(),
  cols: z.number().int(),
  cells: z.array(TableCellSchema),
});
export type Table = z.infer<typeof TableSchema>;

export const LinkSchema = z.object({
  href: z.string(),
  text: z.string(),
  block: z.number().int().nullable(),
  evidence: EvidenceSchema,
});
export type Link = z.infer<typeof LinkSchema>;

export const YearRangeSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  evidence: EvidenceSchema,
});
export type YearRange = z.infer<typeof YearRangeSchema>;

export const MetadataSchema = z.object({
  title: z.string().nullable(),
  titleHorizon: YearRangeSchema.nullable(),
  forecastPeriod: YearRangeSchema.nullable(),
  historicalRange: YearRangeSchema.nullable(),
  baseYear: z.object({ year: z.number().int(), evidence: EvidenceSchema }).nullable(),
  publishDate: z.object({ iso: z.string(), year: z.number().int(), evidence: EvidenceSchema }).nullable(),
  /** The report's own market, e.g. "immune cell therapy", used to decide a claim's subject. */
  market: z.string().nullable(),
});
export type Metadata = z.infer<typeof MetadataSchema>;

/** A sentence of a block, with its offsets in the block text. */
export const SentenceSchema = z.object({
  block: z.number().int(),
  from: z.number().int(),
  to: z.number().int(),
  text: z.string(),
});
export type Sentence = z.infer<typeof SentenceSchema>;

export const FormatSchema = z.enum(['html', 'text']);
export type Format = z.infer<typeof FormatSchema>;

export const DocumentModelSchema = z.object({
  format: FormatSchema,
  blocks: z.array(BlockSchema),
  sections: z.array(SectionSchema),
  lists: z.array(ListSchema),
  tables: z.array(TableSchema),
  links: z.array(LinkSchema),
  metadata: MetadataSchema,
});
export type DocumentModel = z.infer<typeof DocumentModelSchema>;
