// Markdown syntax that survived into HTML: the page was generated from Markdown (often by a text
// generator) and published without rendering it. Patterns are bounded and linear.

export type MarkdownConstruct = 'bold' | 'heading' | 'link';

export interface MarkdownMark {
  construct: MarkdownConstruct;
  from: number;
  to: number;
  text: string;
}

const MAX_SCAN = 200_000;

const PATTERNS: Array<[MarkdownConstruct, RegExp]> = [
  // "**Novartis**", "__Key players__": emphasis markers around non-space text.
  ['bold', /\*\*(?=\S)[^*\n]{1,200}?(?<=\S)\*\*|(?<!\w)__(?=\S)[^_\n]{1,200}?(?<=\S)__(?!\w)/g],
  // "## Market Overview" at the start of a block.
  ['heading', /^#{1,6} [^\n#]{1,160}/g],
  // "[the report](https://…)".
  ['link', /\[[^\]\n]{1,200}\]\((?:https?:\/\/|www\.)[^)\s]{1,500}\)/g],
];

/** Every construct needs one of these characters; text without them is skipped after one test. */
const MARKER = /[*_#[]/;

export function findMarkdown(input: string): MarkdownMark[] {
  const text = input.length > MAX_SCAN ? input.slice(0, MAX_SCAN) : input;
  if (!MARKER.test(text)) return [];
  const out: MarkdownMark[] = [];
  for (const [construct, re] of PATTERNS) {
    for (const m of text.matchAll(re)) out.push({ construct, from: m.index, to: m.index + m[0].length, text: m[0] });
  }
  return out.sort((a, b) => a.from - b.from);
}
