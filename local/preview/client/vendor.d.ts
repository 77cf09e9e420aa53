// The parts of exparser and j-component the runtime uses (neither ships usable types for this).
declare module 'miniprogram-exparser' {
  export interface ExparserNode {
    $$: HTMLElement;
    shadowRoot?: ExparserNode & { querySelector(selector: string): ExparserNode | null };
    ownerShadowRoot?: { getHostNode(): ExparserNode; querySelector(selector: string): ExparserNode | null };
    childNodes: ExparserNode[];
    addListener(name: string, handler: (event: unknown) => unknown, options?: { capture?: boolean }): void;
    triggerPageLifeTime(name: string, args: unknown[]): void;
  }
  export const Event: {
    create(name: string, detail: unknown, options: Record<string, unknown>): unknown;
    dispatchEvent(target: EventTarget | ExparserNode, event: unknown): void;
  };
  export const Element: {
    getMethodCaller(node: ExparserNode): ComponentCaller;
  };
  export const Component: {
    getComponentOptions(node: ExparserNode): { classPrefix?: string };
  };
  /** `this` inside a component's methods and lifetimes. */
  export interface ComponentCaller {
    _exparserNode: ExparserNode;
    data: Record<string, unknown>;
    setData(data: Record<string, unknown>, callback?: () => void): void;
    triggerEvent(name: string, detail?: unknown, options?: { bubbles?: boolean; composed?: boolean }): void;
    [key: string]: unknown;
  }
}

declare module 'j-component' {
  import type { ComponentCaller, ExparserNode } from 'miniprogram-exparser';
  export interface RenderedComponent {
    dom: HTMLElement;
    instance: ComponentCaller;
    _exparserNode: ExparserNode;
    attach(parent: HTMLElement): void;
    detach(): void;
    triggerPageLifeTime(name: string, ...args: unknown[]): void;
  }
  export function register(definition: Record<string, unknown>): string;
  export function behavior(definition: Record<string, unknown>): string;
  export function create(id: string, properties?: Record<string, unknown>): RenderedComponent | undefined;
}

declare module 'j-component/src/tool/selectorquery' {
  const SelectorQuery: new (caller: unknown) => unknown;
  export = SelectorQuery;
}

declare module '*.css' {
  const css: string;
  export default css;
}
