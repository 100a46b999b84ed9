/** Small Markdown writers for the generated pages: text escaped so that it reads as written. */

/** Inline text whose Markdown and HTML characters are shown, not interpreted. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** A table cell: one line, escaped. */
export function cell(text: string): string {
  return escapeInline(text.replace(/\s*\n\s*/g, ' '));
}

export function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The longest run of backticks in a text: code around it needs a longer one. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** Code that may itself contain backticks: the fence is longer than any run of them inside. */
export function fenced(text: string, language: string): string {
  const longest = longestBacktickRun(text);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

/** Inline code that may contain backticks. */
export function inlineCode(text: string): string {
  const longest = longestBacktickRun(text);
  const ticks = '`'.repeat(longest + 1);
  return longest ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}
