/**
 * Component() / Page() / Behavior() for the mini-program's code, on j-component. The server
 * sends each page's component tree (children first); registering one injects its scoped CSS,
 * runs its module — which calls Component() or Page() — and hands j-component the definition
 * together with the wcc render function of its .wxml.
 */
import * as jComponent from 'j-component';
import { reportError } from './notices';
import { requireModule } from './modules';
import type { ComponentDescriptor } from '../component-descriptor';

type Options = Record<string, unknown>;

const registeredIds = new Map<string, string>();
const descriptors = new Map<string, ComponentDescriptor>();
let loading: ComponentDescriptor | null = null;

export function componentIdOf(path: string): string | undefined {
  return registeredIds.get(path);
}

export function descriptorOf(path: string): ComponentDescriptor | undefined {
  return descriptors.get(path);
}

function injectCss(id: string, css: string): void {
  const style = document.createElement('style');
  style.dataset.wxComponent = id;
  style.textContent = css;
  document.head.appendChild(style);
}

function templateOf(descriptor: ComponentDescriptor): unknown {
  if (window.__wxPreviewCompileError) throw new Error(window.__wxPreviewCompileError);
  const gwx = window.__wxPreviewGwx;
  const render = gwx ? gwx(`${descriptor.path}.wxml`) : undefined;
  if (typeof render !== 'function') {
    return `<view class="wxp-missing">预览找不到 ${descriptor.path}.wxml</view>`;
  }
  return render;
}

/** relations are written with relative paths; j-component wants component ids. */
function relationsWithIds(descriptor: ComponentDescriptor, relations: unknown): unknown {
  if (!relations || typeof relations !== 'object') return relations;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(relations as Record<string, Record<string, unknown>>)) {
    const base = key.startsWith('/') ? key.slice(1) : joinPath(dirname(descriptor.path), key);
    const id = registeredIds.get(base);
    if (id) converted[id] = { ...value, target: id };
    else converted[key] = value;
  }
  return converted;
}

function dirname(path: string): string {
  return path.split('/').slice(0, -1).join('/');
}

function joinPath(base: string, relative: string): string {
  const parts = base ? base.split('/') : [];
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function registerDefinition(descriptor: ComponentDescriptor, options: Options): void {
  const usingComponents: Record<string, string> = {};
  for (const [key, path] of Object.entries(descriptor.usingComponents)) {
    const id = registeredIds.get(path);
    if (id) usingComponents[key] = id;
  }
  const userOptions = (options.options as Options | undefined) ?? {};
  const id = jComponent.register({
    ...options,
    id: descriptor.tagName,
    path: descriptor.path,
    tagName: descriptor.tagName,
    template: templateOf(descriptor),
    usingComponents,
    relations: relationsWithIds(descriptor, options.relations),
    options: {
      ...userOptions,
      classPrefix: descriptor.classPrefix,
      // Pages always see app.wxss; components only when they ask (as in WeChat).
      addGlobalClass: descriptor.isPage ? true : userOptions.addGlobalClass,
    },
  });
  registeredIds.set(descriptor.path, id);
}

/** Page({...}) becomes a component whose methods include the page's lifecycles and handlers. */
function pageToComponent(options: Options): Options {
  const methods: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'data' || key === 'behaviors' || key === 'options') continue;
    if (typeof value === 'function') methods[key] = value;
    else fields[key] = value;
  }
  return {
    data: options.data,
    behaviors: options.behaviors,
    options: options.options,
    methods,
    lifetimes: {
      created(this: Record<string, unknown>) {
        // Page() copies its other fields onto the instance.
        for (const [key, value] of Object.entries(fields)) this[key] = structuredCloneSafe(value);
      },
    },
  };
}

function structuredCloneSafe(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

export function installConstructors(): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.Component = (options: Options) => {
    if (!loading) throw new Error('Component() 只能在组件或页面的 .js/.ts 文件顶层调用');
    registerDefinition(loading, options);
  };
  scope.Page = (options: Options) => {
    if (!loading) throw new Error('Page() 只能在页面的 .js/.ts 文件顶层调用');
    registerDefinition(loading, pageToComponent(options));
  };
  scope.Behavior = (definition: Options) => jComponent.behavior(definition);
}

/** Registers a page's component tree, children first. Already registered paths are skipped. */
export function registerComponents(list: ComponentDescriptor[]): void {
  for (const descriptor of list) {
    if (registeredIds.has(descriptor.path)) continue;
    descriptors.set(descriptor.path, descriptor);
    for (const [key, reference] of Object.entries(descriptor.missingComponents)) {
      reportError(`${descriptor.path}.json`, `找不到组件 ${key}: ${reference}`);
    }
    injectCss(descriptor.tagName, descriptor.css);
    const previous = loading;
    loading = descriptor;
    try {
      requireModule(`${descriptor.path}.js`);
    } catch (error) {
      reportError(`${descriptor.path} 加载失败`, error);
    } finally {
      loading = previous;
    }
    if (!registeredIds.has(descriptor.path)) {
      // No script or it never called Component(): render the template alone, and say so.
      registerDefinition(descriptor, {});
      reportError(descriptor.path, '脚本没有调用 Component() 或 Page()');
    }
  }
}
