/**
 * app.json and the page .json files, read fresh on every request (they are small), plus the
 * window settings of a page merged over the app's, as WeChat applies them.
 */
import fs from 'node:fs';
import { absoluteInRoot, isFile } from './paths';

export type JsonObject = Record<string, unknown>;

export class PreviewConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreviewConfigError';
  }
}

export function readJsonFile(miniprogramRoot: string, rootPath: string): JsonObject | null {
  const file = absoluteInRoot(miniprogramRoot, rootPath);
  if (!isFile(file)) return null;
  const text = fs.readFileSync(file, 'utf8');
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new PreviewConfigError(`${rootPath} 不是一个 JSON 对象`);
    }
    return value as JsonObject;
  } catch (error) {
    if (error instanceof PreviewConfigError) throw error;
    throw new PreviewConfigError(`${rootPath} 不是合法的 JSON：${(error as Error).message}`);
  }
}

export function readAppJson(miniprogramRoot: string): JsonObject {
  const appJson = readJsonFile(miniprogramRoot, 'app.json');
  if (!appJson) throw new PreviewConfigError('找不到 miniprogram/app.json');
  return appJson;
}

/** All page paths of the app: main package first, then every subpackage's pages under its root. */
export function allPagePaths(appJson: JsonObject): string[] {
  const pages = Array.isArray(appJson.pages)
    ? appJson.pages.filter((page): page is string => typeof page === 'string')
    : [];
  const subpackages = (appJson.subpackages ?? appJson.subPackages) as unknown;
  if (Array.isArray(subpackages)) {
    for (const subpackage of subpackages as Array<{ root?: unknown; pages?: unknown }>) {
      if (typeof subpackage.root !== 'string' || !Array.isArray(subpackage.pages)) continue;
      const root = subpackage.root.replace(/\/+$/, '');
      for (const page of subpackage.pages) if (typeof page === 'string') pages.push(`${root}/${page}`);
    }
  }
  return pages;
}
