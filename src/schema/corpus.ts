import { z } from 'zod';

/** Input to a cross-source rule: what each source's `fingerprint` step kept. */
export const CorpusSourceSchema = z.object({
  source: z.string(),
  name: z.string(),
  /** The rule's fingerprint of this source: JSON that may come from another machine's shard, so rules validate it. */
  fingerprint: z.unknown(),
});
export type CorpusSource = z.infer<typeof CorpusSourceSchema>;
