// The small part of the DOM the web-page importer uses, typed here so the core needs neither the DOM lib nor a
// particular DOM implementation (linkedom in the bundles; any W3C DOM works, e.g. jsdom for comparison).

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  id: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  title: string;
  documentElement: DomElement;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export function isElement(n: DomNode): n is DomElement {
  return n.nodeType === ELEMENT_NODE;
}

/** Text with runs of white space (including non-breaking spaces) made one space, trimmed. */
export function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Words (runs of letters and digits) in a text. */
export function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** The trimmed value of an attribute, or null when absent or blank. */
export function attr(el: DomElement | null, name: string): string | null {
  const v = squash(el?.getAttribute(name));
  return v || null;
}
