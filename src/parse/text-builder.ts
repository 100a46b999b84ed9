import { isSpace } from '../util/chars.js';

/** A character reference as HTML writes one ("&amp;", "&#37;", "&#x20AC;", "&eacute;"); sticky: set lastIndex, then exec. */
export const CHARACTER_REFERENCE = /&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});?/y;

/**
 * Accumulates a block's readable text while remembering where each character came from in the
 * source, as a compact list of anchors. Whitespace runs collapse to one space, as a reader sees them.
 */
export class TextBuilder {
  text = '';
  anchors: Array<[number, number]> = [];
  sourceStart = -1;
  sourceEnd = -1;
  /** Non-space characters written inside <strong>/<b>, to recognise label-only paragraphs. */
  strongChars = 0;
  visibleChars = 0;
  private pendingSpace = -1;
  private nextSource = -1;

  get length(): number {
    return this.text.length;
  }

  private note(src: number, len: number): void {
    if (src !== this.nextSource) this.anchors.push([this.text.length, src]);
    this.nextSource = src + len;
    if (this.sourceStart < 0 || src < this.sourceStart) this.sourceStart = src;
    if (src + len > this.sourceEnd) this.sourceEnd = src + len;
  }

  /** Write `run`, which holds no whitespace but `spaces` single spaces between its words. */
  private write(run: string, src: number, strong: boolean, spaces = 0): void {
    if (this.pendingSpace >= 0) {
      if (this.text.length > 0) {
        this.note(this.pendingSpace, 1);
        this.text += ' ';
      }
      this.pendingSpace = -1;
    }
    this.note(src, run.length);
    this.text += run;
    this.visibleChars += run.length - spaces;
    if (strong) this.strongChars += run.length - spaces;
  }

  space(src: number): void {
    if (this.pendingSpace < 0) this.pendingSpace = src;
  }

  /**
   * Append `value` whose source text is `raw` at offset `src`. When the two differ (character
   * references such as &amp; or &nbsp;, CRLF), characters are aligned one by one.
   */
  append(value: string, src: number, raw: string, strong = false): void {
    if (raw === value) {
      this.appendExact(value, src, strong);
      return;
    }
    let i = 0; // raw index
    let j = 0; // value index
    const entity = CHARACTER_REFERENCE;
    while (j < value.length) {
      const ch = value[j];
      let srcAt = src + Math.min(i, raw.length);
      let rawLen = 1;
      if (raw[i] === '&') {
        entity.lastIndex = i;
        const m = entity.exec(raw);
        rawLen = m ? m[0].length : 1;
        // A literal "&" ("AT&T") and "&amp;" both give "&": keep the reading that stays aligned.
        if (ch === '&' && rawLen > 1 && !(raw[i + rawLen] === value[j + 1] && raw[i + 1] !== value[j + 1])) rawLen = 1;
      } else if (raw[i] === '\r' && ch === '\n') {
        srcAt = src + i;
        rawLen = raw[i + 1] === '\n' ? 2 : 1;
      }
      const code = value.charCodeAt(j);
      const width = code >= 0xd800 && code <= 0xdbff && j + 1 < value.length ? 2 : 1;
      const piece = value.slice(j, j + width);
      if (width === 1 && isSpace(code)) this.space(srcAt);
      else this.write(piece, srcAt, strong);
      j += width;
      i += raw[i] === ch || rawLen > 1 || raw[i] === '\r' ? rawLen : 1;
    }
  }

  /**
   * Text that is its own source. Words joined by single spaces are written as one run: that is the
   * same text and the same (contiguous) anchors as writing them word by word, with one string
   * concatenation instead of one per word.
   */
  private appendExact(value: string, src: number, strong: boolean): void {
    const n = value.length;
    let i = 0;
    while (i < n) {
      if (isSpace(value.charCodeAt(i))) {
        this.space(src + i);
        while (i < n && isSpace(value.charCodeAt(i))) i++;
        continue;
      }
      const start = i;
      let spaces = 0;
      while (i < n) {
        const code = value.charCodeAt(i);
        if (!isSpace(code)) i++;
        else if (code === 0x20 && i + 1 < n && !isSpace(value.charCodeAt(i + 1))) {
          spaces++;
          i++;
        } else break;
      }
      this.write(value.slice(start, i), src + start, strong, spaces);
    }
  }

  /** Text with no source of its own (e.g. a separator), mapped to `src`. */
  appendSynthetic(value: string, src: number): void {
    for (const ch of value) {
      if (ch.length === 1 && isSpace(ch.charCodeAt(0))) this.space(src);
      else this.write(ch, src, false);
    }
  }

  isEmpty(): boolean {
    return this.text.length === 0;
  }

  isStrongOnly(): boolean {
    return this.visibleChars > 0 && this.strongChars === this.visibleChars;
  }
}

/** Map a block-text offset to a source offset through its anchors. */
export function toSource(anchors: ReadonlyArray<readonly [number, number]>, offset: number): number {
  if (anchors.length === 0) return 0;
  let lo = 0;
  let hi = anchors.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (anchors[mid][0] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const [t, s] = anchors[lo];
  return s + Math.max(0, offset - t);
}
