// Minimal queries over a parsed page (hast) for structural assertions in the report tests.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

export type Node = Root | RootContent | ElementContent;

export function parseHtml(html: string): Root {
  return unified().use(rehypeParse).parse(html);
}

export function isElement(n: Node): n is Element {
  return n.type === 'element';
}

/** Every element under `root` (document order) matching `pred`. */
export function all(root: Node, pred: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if (isElement(n) && pred(n)) out.push(n);
    if ('children' in n) for (const c of n.children) walk(c);
    if (isElement(n) && n.tagName === 'template' && n.content) walk(n.content);
  };
  walk(root);
  return out;
}

export function one(root: Node, pred: (e: Element) => boolean): Element {
  const found = all(root, pred);
  if (found.length !== 1) throw new Error(`expected one element, found ${found.length}`);
  return found[0];
}

export const tag = (name: string) => (e: Element) => e.tagName === name;
export const id = (value: string) => (e: Element) => e.properties.id === value;
export function classes(e: Element): string[] {
  const c = e.properties.className;
  return Array.isArray(c) ? c.map(String) : [];
}
export const cls = (name: string) => (e: Element) => classes(e).includes(name);

/** Text content, concatenated. */
export function text(n: Node): string {
  if (n.type === 'text') return n.value;
  if ('children' in n) return n.children.map((c) => text(c as Node)).join('');
  return '';
}

export function attr(e: Element, name: string): string | undefined {
  const v = e.properties[name];
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) ? v.join(' ') : String(v);
}
