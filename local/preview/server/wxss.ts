/**
 * WXSS -> CSS for a 375 px phone, as WeChat's style compiler does it:
 *  - @import is inlined (relative to the importing file, "/x" from the root);
 *  - rpx becomes px (750rpx = screen width);
 *  - class selectors are scoped to their component with exparser's class prefix
 *    (`.title` in a component with prefix P matches the DOM class "P--title");
 *  - built-in tag selectors map to the custom elements the preview renders (`view` -> `wx-view`),
 *    `page` to the page root and `:host` to the component's own element.
 * Remote @font-face rules are dropped: the preview runs offline and must not hang on them.
 */
import fs from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';
import type { Root } from 'postcss';
import selectorParser from 'postcss-selector-parser';
import { absoluteInRoot, isFile, normaliseRootPath } from './paths';

export const SCREEN_WIDTH_PX = 375;
const PX_PER_RPX = SCREEN_WIDTH_PX / 750;

/** Tags WeChat renders as built-in components; in the browser they are <wx-TAG> elements. */
export const BUILT_IN_TAGS = new Set([
  'view',
  'text',
  'image',
  'button',
  'input',
  'textarea',
  'scroll-view',
  'navigator',
  'rich-text',
  'icon',
  'swiper',
  'swiper-item',
  'progress',
  'checkbox',
  'checkbox-group',
  'radio',
  'radio-group',
  'switch',
  'slider',
  'picker',
  'picker-view',
  'picker-view-column',
  'form',
  'label',
  'video',
  'audio',
  'camera',
  'map',
  'canvas',
  'web-view',
  'cover-view',
  'cover-image',
  'movable-area',
  'movable-view',
  'page-meta',
  'navigation-bar',
  'editor',
  'root-portal',
  'page-container',
  'match-media',
  'ad',
  'open-data',
  'live-player',
  'live-pusher',
  'official-account',
]);

export interface WxssScope {
  /** exparser class prefix of the component ('' = unscoped, used for app.wxss). */
  classPrefix: string;
  /** DOM tag of the component's element, for `:host`. */
  hostTag: string;
}

export function rpxToPx(value: string): string {
  return value.replace(/(-?\d*\.?\d+)rpx\b/gi, (_match, number: string) => {
    const px = Number(number) * PX_PER_RPX;
    return `${Number(px.toFixed(3))}px`;
  });
}

/** Reads a .wxss file with its @imports inlined. Missing files read as ''; cycles are cut. */
export function readWxssWithImports(miniprogramRoot: string, rootPath: string, seen: Set<string> = new Set()): string {
  if (seen.has(rootPath)) return '';
  seen.add(rootPath);
  const file = absoluteInRoot(miniprogramRoot, rootPath);
  if (!isFile(file)) return '';
  const source = fs.readFileSync(file, 'utf8');
  return source.replace(/@import\s+(?:url\()?\s*["']([^"']+)["']\s*\)?\s*;/g, (_statement, target: string) => {
    let importedPath: string;
    try {
      importedPath = target.startsWith('/')
        ? normaliseRootPath(target.slice(1))
        : normaliseRootPath(path.posix.join(path.posix.dirname(rootPath), target));
    } catch {
      return `/* @import ${target}: 越出小程序目录，已忽略 */`;
    }
    return readWxssWithImports(miniprogramRoot, importedPath, seen);
  });
}

function scopeSelector(selector: string, scope: WxssScope): string {
  return selectorParser((selectors) => {
    selectors.walk((node) => {
      if (node.type === 'class' && scope.classPrefix) {
        node.value = `${scope.classPrefix}--${node.value}`;
      } else if (node.type === 'tag') {
        const tag = node.value.toLowerCase();
        if (tag === 'page')
          node.replaceWith(selectorParser.attribute({ attribute: 'data-wx-page', raws: {} } as never));
        else if (BUILT_IN_TAGS.has(tag)) node.value = `wx-${tag}`;
      } else if (node.type === 'pseudo' && node.value === ':host') {
        const inner = node.nodes.map((child) => child.toString()).join(',');
        node.replaceWith(selectorParser.tag({ value: scope.hostTag + inner }));
      }
    });
  }).processSync(selector);
}

function isInsideKeyframes(node: postcss.Rule): boolean {
  const parent = node.parent;
  return parent?.type === 'atrule' && /keyframes$/i.test((parent as postcss.AtRule).name);
}

/** Compiled CSS by scope and source: every page request describes its components again, TDesign's included. */
const compiledCss = new Map<string, string>();
/** Enough for every component of the app many times over; edits add entries, so the oldest go first. */
const COMPILED_CSS_LIMIT = 500;

/** Compiles WXSS source into browser CSS for one component scope; the same source is compiled once. */
export function compileWxss(source: string, scope: WxssScope, fileLabel: string): string {
  const key = JSON.stringify([scope.classPrefix, scope.hostTag, fileLabel, source]);
  const cached = compiledCss.get(key);
  if (cached !== undefined) return cached;
  const css = compileWxssSource(source, scope, fileLabel);
  if (compiledCss.size >= COMPILED_CSS_LIMIT) compiledCss.delete(compiledCss.keys().next().value as string);
  compiledCss.set(key, css);
  return css;
}

function compileWxssSource(source: string, scope: WxssScope, fileLabel: string): string {
  let root: Root;
  try {
    root = postcss.parse(source, { from: fileLabel });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[preview] ${fileLabel} 样式解析失败：${reason}`);
    return `/* ${fileLabel} 样式解析失败：${reason.replace(/\*\//g, '')} */`;
  }
  root.walkAtRules('font-face', (rule) => {
    if (/url\(\s*["']?(https?:)?\/\//i.test(rule.toString())) rule.remove();
  });
  root.walkRules((rule) => {
    if (isInsideKeyframes(rule)) return;
    try {
      rule.selector = scopeSelector(rule.selector, scope);
    } catch {
      // A selector the parser cannot read is kept as written: at worst it matches nothing.
    }
  });
  root.walkDecls((declaration) => {
    if (declaration.value.includes('rpx')) declaration.value = rpxToPx(declaration.value);
  });
  return root.toString();
}
