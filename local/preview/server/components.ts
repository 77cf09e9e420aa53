/**
 * The component tree of a page, read from the .json files: for the page and every custom
 * component it uses (transitively), a descriptor the browser registers with j-component —
 * its DOM tag, class prefix, resolved usingComponents and scoped CSS. Children come first.
 */
import { readJsonFile } from './app-config';
import type { JsonObject } from './app-config';
import { resolveComponentPath } from './paths';
import { compileWxss, readWxssWithImports } from './wxss';
import type { ComponentDescriptor } from '../component-descriptor';

/** "miniprogram_npm/tdesign-miniprogram/button/button" -> "tdesign-miniprogram-button-button". */
export function slugOf(rootPath: string): string {
  return rootPath
    .replace(/^miniprogram_npm\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function describeComponent(
  miniprogramRoot: string,
  rootPath: string,
  isPage: boolean,
  appUsing: Record<string, string>,
): ComponentDescriptor {
  const json = readJsonFile(miniprogramRoot, `${rootPath}.json`) ?? {};
  const slug = slugOf(rootPath);
  const tagName = isPage ? `wx-page-${slug}` : `wxc-${slug}`;
  const classPrefix = isPage ? `p-${slug}` : `c-${slug}`;
  const declared = {
    ...(isPage ? appUsing : {}),
    ...((json.usingComponents as Record<string, string> | undefined) ?? {}),
  };
  const usingComponents: Record<string, string> = {};
  const missingComponents: Record<string, string> = {};
  for (const [key, reference] of Object.entries(declared)) {
    if (typeof reference !== 'string') continue;
    // Components declared app-wide are resolved from the root, as WeChat does.
    const from = key in ((json.usingComponents as object | undefined) ?? {}) ? rootPath : 'app';
    const resolved = resolveComponentPath(miniprogramRoot, from, reference);
    if (resolved) usingComponents[key] = resolved;
    else missingComponents[key] = reference;
  }
  const css = compileWxss(
    readWxssWithImports(miniprogramRoot, `${rootPath}.wxss`),
    { classPrefix, hostTag: tagName },
    `${rootPath}.wxss`,
  );
  return { path: rootPath, isPage, tagName, classPrefix, usingComponents, missingComponents, json, css };
}

/** The page and all components it reaches, children before parents. */
export function componentTree(miniprogramRoot: string, pagePath: string, appJson: JsonObject): ComponentDescriptor[] {
  const appUsing = (appJson.usingComponents as Record<string, string> | undefined) ?? {};
  const ordered: ComponentDescriptor[] = [];
  const seen = new Set<string>();
  const visit = (rootPath: string, isPage: boolean) => {
    if (seen.has(rootPath)) return;
    seen.add(rootPath);
    const descriptor = describeComponent(miniprogramRoot, rootPath, isPage, appUsing);
    for (const child of Object.values(descriptor.usingComponents)) visit(child, false);
    ordered.push(descriptor);
  };
  visit(pagePath, true);
  return ordered;
}
