/**
 * The browser runtime (local/preview/client) bundled by esbuild with j-component and exparser.
 * Two small, checked patches to j-component are applied at bundle time, because its defaults
 * are made for jsdom unit tests, not a phone:
 *  - inline-style rpx: it maps 1rpx to 1px; WeChat maps 750rpx to the screen width;
 *  - scroll: it forwards every DOM scroll as an empty exparser event (see the patch);
 *  - addGlobalClass: it forces false; pages and components asking for it (or for
 *    styleIsolation apply-shared/shared) must also receive app.wxss.
 * If j-component changes so that a patch no longer applies, the build fails loudly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';
import { SCREEN_WIDTH_PX } from './wxss';

const CLIENT_DIR = path.join(__dirname, '..', 'client');

interface SourcePatch {
  file: RegExp;
  find: string;
  replace: string;
}

const J_COMPONENT_PATCHES: SourcePatch[] = [
  {
    file: /j-component[\\/]src[\\/]tool[\\/]utils\.js$/,
    find: "return style.replace(/(\\d+)rpx/ig, '$1px')",
    replace: `return style.replace(/(-?\\d*\\.?\\d+)rpx/ig, (m, n) => (Number(n) * ${SCREEN_WIDTH_PX / 750}) + 'px')`,
  },
  {
    // The preview's <scroll-view> sends scroll events with WeChat's detail; j-component's
    // blanket forwarding of DOM scroll events would fire every bindscroll twice, the second empty.
    file: /j-component[\\/]src[\\/]render[\\/]component\.js$/,
    find: "this._triggerExparserEvent(evt, 'scroll')",
    replace: 'void 0',
  },
  {
    file: /j-component[\\/]src[\\/]componentmanager\.js$/,
    find: 'addGlobalClass: false,',
    replace:
      "addGlobalClass: !!(options.addGlobalClass || options.styleIsolation === 'apply-shared' || options.styleIsolation === 'shared'),",
  },
];

const patchJComponent: Plugin = {
  name: 'patch-j-component',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /j-component[\\/]src[\\/].*\.js$/ }, (args) => {
      let contents = fs.readFileSync(args.path, 'utf8');
      for (const patch of J_COMPONENT_PATCHES) {
        if (!patch.file.test(args.path)) continue;
        if (!contents.includes(patch.find)) {
          throw new Error(`预览无法修补 j-component（${path.basename(args.path)}）：找不到 ${patch.find}`);
        }
        contents = contents.replace(patch.find, patch.replace);
      }
      return { contents, loader: 'js' };
    });
  },
};

function latestClientChange(): number {
  let latest = 0;
  for (const entry of fs.readdirSync(CLIENT_DIR, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

let cached: { stamp: number; code: Promise<string> } | null = null;

/** The bundled runtime; rebuilt when a file of local/preview/client changes. */
export function runtimeBundle(): Promise<string> {
  const stamp = latestClientChange();
  if (cached && cached.stamp === stamp) return cached.code;
  const code = build({
    entryPoints: [path.join(CLIENT_DIR, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    sourcemap: 'inline',
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"development"' },
    loader: { '.css': 'text' },
    plugins: [patchJComponent],
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  cached = { stamp, code };
  code.catch(() => {
    cached = null;
  });
  return code;
}
