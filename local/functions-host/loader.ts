/**
 * Loads built functions (dist/functions/<name>/index.js) as Node modules, as the platform does:
 * the host runs the deployable artefact, not the TypeScript sources. A bundle rebuilt while the host runs
 * is picked up on the next call (the module is reloaded when the file is replaced or changes).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { Module } from 'node:module';
import path from 'node:path';

export type FunctionMain = (event: unknown, context: unknown) => unknown;

/** Function names are folder names: keep them to safe characters so a URL cannot walk out of the folder. */
const FUNCTION_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Load a bundle as Node's require would, but as a fresh module every time, outside any module cache: a
 * test runner's createRequire (jest's) keeps its own registry that deleting from `require.cache` does
 * not clear, so a rebuilt bundle would otherwise never be picked up there.
 */
function compileModule(file: string): unknown {
  const loaded = new Module(file, module);
  loaded.filename = file;
  loaded.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    path.dirname(file),
  );
  (loaded as unknown as { _compile(code: string, file: string): void })._compile(readFileSync(file, 'utf8'), file);
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
