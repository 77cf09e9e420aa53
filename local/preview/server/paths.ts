/**
 * Paths inside the mini-program root, the way the WeChat runtime sees them: forward slashes,
 * relative to miniprogramRoot, no leading slash. Every file the preview serves is resolved here,
 * so nothing outside the root can be read through the preview.
 */
import fs from 'node:fs';
import path from 'node:path';

export class PreviewPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreviewPathError';
  }
}

/** Normalises "a/./b/../c" into "a/c" and refuses anything that climbs out of the root. */
export function normaliseRootPath(candidate: string): string {
  const parts: string[] = [];
  for (const part of candidate.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw new PreviewPathError(`路径越出了小程序目录：${candidate}`);
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** Absolute file path of a root-relative path, guaranteed to stay under the root. */
export function absoluteInRoot(miniprogramRoot: string, rootPath: string): string {
  return path.join(miniprogramRoot, normaliseRootPath(rootPath));
}

export function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function mtimeOf(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * WeChat resolves a bare specifier by looking for miniprogram_npm/<spec> in the requiring
 * file's folder and then in each folder above it (TDesign brings its own tslib that way).
 */
export function npmCandidates(fromPath: string, spec: string): string[] {
  const folders = path.posix
    .dirname(fromPath)
    .split('/')
    .filter((part) => part !== '.' && part !== '');
  const candidates: string[] = [];
  for (let depth = folders.length; depth >= 0; depth -= 1) {
    candidates.push([...folders.slice(0, depth), 'miniprogram_npm', spec].join('/'));
  }
  return candidates;
}

/**
 * Resolves a component reference from a .json `usingComponents` value, as WeChat does:
 * "/x" from the root, "./x" or "../x" from the referring file, anything else first relative,
 * then as an npm package under miniprogram_npm. Returns the root path without extension.
 */
export function resolveComponentPath(miniprogramRoot: string, fromPath: string, reference: string): string | null {
  const candidates: string[] = [];
  if (reference.startsWith('/')) candidates.push(reference.slice(1));
  else {
    candidates.push(path.posix.join(path.posix.dirname(fromPath), reference));
    if (!reference.startsWith('.')) candidates.push(...npmCandidates(fromPath, reference));
  }
  for (const candidate of candidates) {
    let rootPath: string;
    try {
      rootPath = normaliseRootPath(candidate);
    } catch {
      continue;
    }
    if (isFile(absoluteInRoot(miniprogramRoot, `${rootPath}.json`))) return rootPath;
    if (isFile(absoluteInRoot(miniprogramRoot, `${rootPath}/index.json`))) return `${rootPath}/index`;
  }
  return null;
}
