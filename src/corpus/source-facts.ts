import type { SourceView } from '../claims/source-view.js';
import type { CopyKey } from './copies.js';
import type { Publisher } from './publisher.js';

/**
 * A source as the cross-source fingerprints read it: its view, with the copy key and the publisher
 * that several of them carry, each computed once per document (the rules' context gives both).
 */
export interface CorpusSource extends SourceView {
  copyKey(): CopyKey;
  publisher(): Publisher;
}
