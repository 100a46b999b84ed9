/**
 * A cross-source rule's documented example holds several documents in one string, each after a
 * separator line naming it; `splitDocuments` undoes `joinDocuments`.
 */
const SEPARATOR = /^=== document: (.{1,200}) ===$/;

export function joinDocuments(docs: Array<{ name: string; text: string }>): string {
  return docs.map((d) => `=== document: ${d.name} ===\n${d.text.trim()}\n`).join('');
}

export function splitDocuments(input: string): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const line of input.split('\n')) {
    const m = SEPARATOR.exec(line);
    if (m) out.push({ name: m[1], text: '' });
    else if (out.length) out[out.length - 1].text += line + '\n';
  }
  return out;
}
