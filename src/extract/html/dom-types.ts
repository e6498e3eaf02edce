/**
 * The small part of the DOM this module uses, as structural types. The project compiles without
 * the `dom` lib (it is a Node program), and linkedom's own typings describe `parseHTML` loosely,
 * so linkedom's document is narrowed to these interfaces once, in `dom.ts`.
 */

export interface DomList<T> extends ArrayLike<T>, Iterable<T> {}

export interface DomParent {
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): DomList<DomElement>;
  /** A plain walk comparing tag names: cheaper on linkedom than querySelectorAll, but it also enters `<template>`. */
  getElementsByTagName(tagName: string): DomList<DomElement>;
}

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly isConnected: boolean;
  nodeValue: string | null;
  textContent: string | null;
  readonly parentNode: DomNode | null;
  readonly parentElement: DomElement | null;
  readonly childNodes: DomList<DomNode>;
  readonly firstChild: DomNode | null;
  readonly lastChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly previousSibling: DomNode | null;
  remove(): void;
  appendChild<T extends DomNode>(node: T): T;
  insertBefore<T extends DomNode>(node: T, child: DomNode | null): T;
  removeChild<T extends DomNode>(child: T): T;
  cloneNode(deep?: boolean): DomNode;
  /** Merge adjacent text nodes and drop empty ones, in the whole subtree. */
  normalize(): void;
}

export interface DomElement extends DomNode, DomParent {
  readonly tagName: string;
  readonly localName: string;
  id: string;
  className: string;
  innerHTML: string;
  readonly outerHTML: string;
  readonly children: DomList<DomElement>;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly previousElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  replaceChildren(...nodes: DomNode[]): void;
  append(...nodes: DomNode[]): void;
  replaceWith(...nodes: DomNode[]): void;
  closest(selectors: string): DomElement | null;
}

export interface DomDocument extends DomNode, DomParent {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly head: DomElement | null;
  createElement(tagName: string): DomElement;
  createTextNode(data: string): DomNode;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;
