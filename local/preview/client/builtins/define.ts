/** Registers a WeChat built-in (<view>, <image>, …) as a j-component whose element is <wx-NAME>. */
import * as jComponent from 'j-component';
import type { ComponentCaller } from 'miniprogram-exparser';

export type BuiltIn = ComponentCaller;

export function defineBuiltIn(name: string, definition: Record<string, unknown> = {}): void {
  jComponent.register({ template: '<slot/>', ...definition, id: name, tagName: `wx-${name}` });
}

export function domOf(component: BuiltIn): HTMLElement {
  return component._exparserNode.$$;
}

/** Mirrors a property onto a DOM attribute so the base styles can select on it. */
export function reflect(component: BuiltIn, attribute: string, value: unknown): void {
  const dom = domOf(component);
  if (value === false || value === undefined || value === null || value === '') dom.removeAttribute(attribute);
  else dom.setAttribute(attribute, value === true ? '' : String(value));
}

/** The native element a built-in draws inside itself (created once, kept first). */
export function nativeChild<K extends keyof HTMLElementTagNameMap>(
  component: BuiltIn,
  tag: K,
  className: string,
): HTMLElementTagNameMap[K] {
  const dom = domOf(component);
  const existing = dom.querySelector(`:scope > .${className}`);
  if (existing) return existing as HTMLElementTagNameMap[K];
  const created = document.createElement(tag);
  created.className = className;
  dom.insertBefore(created, dom.firstChild);
  return created;
}
