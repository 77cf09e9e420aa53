/**
 * WXML compiled by WeChat's own compiler (wcc, from miniprogram-compiler, as miniprogram-simulate
 * does with compiler: 'official'): one $gwx function for the whole root, which the browser calls
 * with a file path to get that file's render function. Recompiled when any .wxml/.wxs/.json changes.
 * A WXML syntax error is returned as a script that shows wcc's message on screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { wxmlToJs } from 'miniprogram-compiler';

interface CachedCompile {
  signature: string;
  script: string;
}

function sourceSignature(miniprogramRoot: string): string {
  let latest = 0;
  let count = 0;
  for (const entry of fs.readdirSync(miniprogramRoot, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(wxml|wxs|json)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    latest = Math.max(latest, fs.statSync(file).mtimeMs);
    count += 1;
  }
  return `${count}:${latest}`;
}

export class WxmlCompiler {
  private cached: CachedCompile | null = null;

  constructor(private readonly miniprogramRoot: string) {}

  /** Browser script defining window.__wxPreviewGwx (or reporting the compile error). */
  script(): string {
    const signature = sourceSignature(this.miniprogramRoot);
    if (this.cached && this.cached.signature === signature) return this.cached.script;
    let script: string;
    try {
      // wcc reads usingComponents through require(): drop stale copies of edited .json files.
      for (const key of Object.keys(require.cache)) {
        if (key.startsWith(this.miniprogramRoot) && key.endsWith('.json')) delete require.cache[key];
      }
      const compiled = wxmlToJs(this.miniprogramRoot, { maxBuffer: 256 * 1024 * 1024 });
      script = `window.__webview_engine_version__ = 0.02;\nwindow.__wxPreviewGwx = (function () {\n${compiled}\n})();\n`;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[preview] WXML 编译失败：${message}`);
      script = `window.__wxPreviewCompileError = ${JSON.stringify(`WXML 编译失败：${message}`)};\n`;
    }
    this.cached = { signature, script };
    return script;
  }
}
