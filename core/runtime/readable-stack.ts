/**
 * An error's stack with positions in a bundle (…/function/index.js:1:80321) turned into the TypeScript file
 * and line they were built from (core/articles/repository.ts:42:11), read from the source map esbuild writes
 * beside each bundle (scripts/build-functions.ts). The CloudBase runtime has no --enable-source-maps; and
 * process.setSourceMapsEnabled(true) makes Node parse the whole map at load, +15 ms of cold start measured
 * (source-map-support: +12 ms and +31 KB). Read here, the map costs nothing until an error is logged.
 * Outside a bundle (tests on the sources) frames name .ts files already and pass through unchanged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

// `at name (/dir/index.js:1:2)` or `at /dir/index.js:1:2`
const FRAME = /^(\s+at (?:.*\()?)([^()\s]+\.js):(\d+):(\d+)(\)?)$/;

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  if (!maps.has(file)) {
    let map: SourceMap | null = null;
    try {
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null; // an unreadable map leaves the stack as it was
    }
    maps.set(file, map);
  }
  return maps.get(file) ?? null;
}

function readableFrame(line: string): string {
  const match = FRAME.exec(line);
  if (!match) return line;
  const [, head, file, lineText, columnText, tail] = match;
  const map = sourceMapOf(file);
  const entry = map?.findEntry(Number(lineText) - 1, Number(columnText) - 1);
  if (!entry || !('originalSource' in entry)) return line;
  // The build names sources from the project root (core/runtime/define-function.ts).
  return `${head}${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}${tail}`;
}

/** The error's stack, each bundle frame naming its source file and line; anything else as String(error). */
export function readableStack(error: unknown): string {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return String(error);
  return error.stack.split('\n').map(readableFrame).join('\n');
}
