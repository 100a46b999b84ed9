/** The cross-source rules whose fingerprints the run's market and publisher views read (src/run reads them by id). */
export const COPIES_RULE = 'corpus/copies';
export const CONSENSUS_RULE = 'corpus/consensus';
export const TEMPLATE_RULE = 'corpus/template-reuse';
