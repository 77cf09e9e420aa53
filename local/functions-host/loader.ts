/**
 * Loads built functions (dist/functions/<name>/index.js) as Node modules, as the platform does:
 * the host runs the deployable artefact, not the TypeScript sources. A bundle rebuilt while the host runs
 * is picked up on the next call (the module is reloaded when the file is replaced or changes).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import path from 'node:path';

export type FunctionMain = (event: unknown, context: unknown) => unknown;

/** Function names are folder names: keep them to safe characters so a URL cannot walk out of the folder. */
const FUNCTION_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Load a bundle as Node's require would (the CommonJS wrapper, its own `module` and `require`), but as a
 * fresh module every time, outside any module cache: a test runner's require (jest's) keeps a registry
 * that deleting from `require.cache` does not clear, so a rebuilt bundle would otherwise never be picked
 * up there. `process` is this module's own, so a bundle sees the environment the host was given
 * (TCB_SERVICE_URL) even inside a test runner's sandbox.
 */
function compileModule(file: string): unknown {
  const code = readFileSync(file, 'utf8');
  const wrapper = runInThisContext(
    `(function (exports, require, module, __filename, __dirname, process) {${code}\n})`,
    { filename: file },
  ) as (...args: unknown[]) => void;
  const loaded = { exports: {} as unknown };
  wrapper.call(loaded.exports, loaded.exports, createRequire(file), loaded, file, path.dirname(file), process);
  return loaded.exports;
}

export class FunctionLoadError extends Error {}

export class FunctionLoader {
  private readonly loaded = new Map<string, { version: string; main: FunctionMain }>();

  constructor(private readonly functionsDir: string) {}

  /** Names of the built functions, in order. */
  list(): string[] {
    if (!existsSync(this.functionsDir)) return [];
    return readdirSync(this.functionsDir, { withFileTypes: true })
      .filter(
        (entry) =>
          entry.isDirectory() && FUNCTION_NAME_PATTERN.test(entry.name) && existsSync(this.entryOf(entry.name)),
      )
      .map((entry) => entry.name)
      .sort();
  }

  /** The function's `main`, or null when no such function is built. Throws FunctionLoadError for a broken bundle. */
  load(name: string): FunctionMain | null {
    if (!FUNCTION_NAME_PATTERN.test(name)) return null;
    const entry = this.entryOf(name);
    if (!existsSync(entry)) return null;
    // A rebuild renames a new file into place (scripts/publish-bundle.ts): a new inode, even when two
    // builds land within the file system's timestamp granularity.
    const { mtimeMs, ino, size } = statSync(entry);
    const version = `${ino}:${mtimeMs}:${size}`;
    const cached = this.loaded.get(name);
    if (cached && cached.version === version) return cached.main;

    let exported: unknown;
    try {
      exported = compileModule(entry);
    } catch (error) {
      throw new FunctionLoadError(`函数 ${name} 加载失败：${error instanceof Error ? error.message : String(error)}`);
    }
    const main = (exported as { main?: unknown } | null)?.main;
    if (typeof main !== 'function') throw new FunctionLoadError(`函数 ${name} 没有导出 main`);
    this.loaded.set(name, { version, main: main as FunctionMain });
    return main as FunctionMain;
  }

  private entryOf(name: string): string {
    return path.join(this.functionsDir, name, 'index.js');
  }
}
