/* istanbul ignore file */
// Functions that run inside the page (passed to page.evaluate, which sends their source text):
// kept out of coverage instrumentation, and typed loosely since the project's lib has no DOM.
declare const document: any;
declare const window: any;
declare const getComputedStyle: any;
declare const NodeFilter: any;
declare const SVGElement: any;

/** Is the first element matching `selector` at least partly inside the viewport? */
export function inViewport(selector: string): boolean {
  const el = document.querySelector(selector);
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
}

/**
 * Is the element wholly visible, inside the viewport and inside every scrolling ancestor? (Within
 * 2px: nested scrolling lands on fractional positions.)
 */
export function fullyVisible(selector: string): boolean {
  const slack = 2;
  const el = document.querySelector(selector);
  if (!el) return false;
  const r = el.getBoundingClientRect();
  if (r.top < -slack || r.bottom > window.innerHeight + slack) return false;
  for (let p = el.parentElement; p; p = p.parentElement) {
    const s = getComputedStyle(p);
    if (!/(auto|scroll)/.test(s.overflowY)) continue;
    const pr = p.getBoundingClientRect();
    if (r.top < pr.top - slack || r.bottom > pr.bottom + slack) return false;
  }
  return true;
}

/** Append an inline script the page's CSP does not allow; true if it ran anyway. */
export function injectInlineScript(): boolean {
  const s = document.createElement('script');
  s.textContent = 'window.__cspProbe = 1;';
  document.body.appendChild(s);
  return window.__cspProbe === 1;
}

/** Click every element matching `selector` (as a script would: no pointer, no waiting). */
export function clickAll(selector: string): number {
  const els = Array.from(document.querySelectorAll(selector));
  els.forEach((e: any) => e.click());
  return els.length;
}

export function positionOf(selector: string): string {
  const el = document.querySelector(selector);
  return el ? getComputedStyle(el).position : 'missing';
}

export function scrollToTop(): void {
  window.scrollTo(0, 0);
}

export function ids(selector: string): string[] {
  return Array.from(document.querySelectorAll(selector)).map((e: any) => e.id as string);
}

export function visibleIds(selector: string): string[] {
  return Array.from(document.querySelectorAll(selector))
    .filter((e: any) => e.getClientRects().length > 0)
    .map((e: any) => e.id as string);
}

export function activeElementInfo(): { tag: string; href: string | null; id: string | null; text: string } {
  const a = document.activeElement;
  return { tag: a.tagName.toLowerCase(), href: a.getAttribute('href'), id: a.id || null, text: (a.textContent || '').trim() };
}

export function pwned(): unknown {
  return window.__pwned;
}

export function cellTexts(column: number): string[] {
  return Array.from(document.querySelectorAll('#sources tbody tr'))
    .filter((r: any) => !r.hidden)
    .map((r: any) => r.cells[column].textContent.trim());
}

export function displayOf(selector: string): string {
  const el = document.querySelector(selector);
  return el ? getComputedStyle(el).display : 'missing';
}

/**
 * WCAG contrast of every visible piece of text on the page against its effective background:
 * returns the failures (below 4.5:1, or 3:1 for large text).
 */
export function contrastFailures(): string[] {
  type RGBA = [number, number, number, number];
  const parse = (c: string): RGBA => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return [0, 0, 0, 0];
    const p = m[1]
      .split(/[ ,/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: number) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const background = (el: any): RGBA => {
    const layers: RGBA[] = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    return layers.reverse().reduce<RGBA>((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
  };
  const luminance = (c: RGBA) => {
    const ch = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  };
  const failures: string[] = [];
  const seen = new Set<any>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || seen.has(el) || !n.textContent || !n.textContent.trim()) continue;
    seen.add(el);
    if (el.closest('script, style, title, [hidden], .visually-hidden, .skip')) continue;
    if (!el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const inSvg = el instanceof SVGElement;
    const fg = parse(inSvg ? style.fill : style.color);
    const bg = background(inSvg ? el.closest('svg').parentElement : el);
    const [l1, l2] = [luminance(over(fg, bg)), luminance(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5) - 0.01) {
      failures.push(`${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} "${n.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}:1`);
    }
  }
  return failures;
}

export function locationHash(): string {
  return window.location.hash;
}

/** A finding (from the page's data island) whose first mark lies in a section that is closed, or null. */
export function findingInClosedSection(): string | null {
  const data = JSON.parse(document.getElementById('credence-data').textContent);
  for (const [id, f] of Object.entries(data.findings) as Array<[string, { marks: string[] }]>) {
    const mark = f.marks.length ? document.getElementById(f.marks[0]) : null;
    const section = mark ? mark.closest('details') : null;
    if (section && !section.open) return id;
  }
  return null;
}

/** Whether the section (<details>) the element lies in is open; null outside any section. */
export function sectionOpen(selector: string): boolean | null {
  const el = document.querySelector(selector);
  const section = el ? el.closest('details') : null;
  return section ? section.open : null;
}

/** Ids of the open document sections. */
export function openSections(): string[] {
  return Array.from(document.querySelectorAll('details.doc-section[open]')).map((e: any) => e.id as string);
}

/** What the style shows before an element (its ::before content, as computed). */
export function beforeContent(selector: string): string {
  const el = document.querySelector(selector);
  return el ? getComputedStyle(el, '::before').content : 'missing';
}

/** Open every document section. */
export function openAllSections(): void {
  document.querySelectorAll('details.doc-section').forEach((d: any) => (d.open = true));
}

/** The id of the first element matching `selector`, or null. */
export function firstId(selector: string): string | null {
  const el = document.querySelector(selector);
  return el ? el.id : null;
}

/** Whether the first element matching `selector` has the class. */
export function hasClass([selector, name]: [string, string]): boolean {
  const el = document.querySelector(selector);
  return Boolean(el && el.classList.contains(name));
}

/** Add a link to `#target` under the document heading (as a link within the page would be); its id is "probe-link". */
export function addLinkTo(target: string): void {
  const a = document.createElement('a');
  a.href = `#${target}`;
  a.id = 'probe-link';
  a.textContent = 'go';
  document.querySelector('#document h2').appendChild(a);
}

/** The data-mark of the first evidence link of a finding's card. */
export function firstEvidenceMark(findingId: string): string | null {
  const a = document.querySelector(`#${findingId} a.quote`);
  return a ? a.getAttribute('data-mark') : null;
}
