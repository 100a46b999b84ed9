import type { DocumentModel, Format } from '../schema/document.js';
import { assemble } from './assemble.js';
import type { Spans } from './spans.js';
import { parseHtml } from './html.js';
import { parsePlainText } from './plaintext.js';

export { Spans } from './spans.js';

/** Parse decoded text of a known format into the document model. */
export function parseDocument(source: string, format: Format): { doc: DocumentModel; spans: Spans } {
  const raw = format === 'html' ? parseHtml(source) : parsePlainText(source);
  return assemble(format, source, raw);
}
